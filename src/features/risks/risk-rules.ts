import type { ReadOnlyDb } from '../../db/read-only.js';
import type { Actor } from '../../domain/actor.js';
import type { Policy } from '../../policy/schema.js';
import { can as canOnAsset } from '../assets/asset-policy.js';
import { accessOf, assetResource } from '../assets/load-asset.js';
import { riskErrors } from './errors.js';
import { mayAnalyseAssetOf } from './risk-policy.js';

/** The policy's threats to information assets (第1 3), as the register names them. */
export function threatsOf(policy: Policy) {
  return policy.lists.threats?.items ?? [];
}

/** 第1 3: a risk names one of the threats the standard lists; otherwise the error lists the valid ones. */
export function requireThreat(policy: Policy, threatId: string): void {
  const threats = threatsOf(policy);
  if (threats.some((threat) => threat.id === threatId)) return;
  const field = 'threatId';
  if (threats.length === 0) throw riskErrors.E_POLICY_NO_THREATS.error({ field });
  const choices = { ja: threats.map((t) => `${t.id}（${t.text}）`).join('、'), en: threats.map((t) => t.id).join(', ') };
  throw riskErrors.E_UNKNOWN_THREAT.error({ threat: threatId, choices }, { field });
}

/**
 * 第2 2: an analysis covers one asset or a named group of assets, never both nor neither. The asset must be one
 * the actor may read, of the risk's 課等 or of a 課等 the actor also manages (the 課等 that uses an asset
 * analyses it too), and not yet disposed of.
 */
export async function requireRiskSubject(
  db: ReadOnlyDb,
  actor: Actor,
  policy: Policy,
  subject: { departmentId: string; assetId: string | null; assetGroup: string | null; assetChanged: boolean },
): Promise<void> {
  if ((subject.assetId === null) === (subject.assetGroup === null)) {
    const message = riskErrors.E_RISK_SUBJECT.message();
    throw riskErrors.E_RISK_SUBJECT.error({ fields: [{ path: 'assetId', message }, { path: 'assetGroup', message }] });
  }
  if (subject.assetId === null || !subject.assetChanged) return;
  const field = 'assetId';
  const asset = await db.selectFrom('assets').select(['id', 'department_id', 'status', 'class_level']).where('id', '=', subject.assetId).executeTakeFirst();
  const readable = asset && canOnAsset(actor, 'read', assetResource(policy, asset, (await accessOf(db, actor, [asset.id])).get(asset.id) ?? null));
  if (!asset || !readable) throw riskErrors.E_RISK_ASSET_NOT_FOUND.error({ field });
  if (!mayAnalyseAssetOf(actor, subject.departmentId, asset.department_id)) throw riskErrors.E_RISK_ASSET_OTHER_DEPARTMENT.error({ field });
  if (asset.status === 'disposed') throw riskErrors.E_RISK_ASSET_DISPOSED.error({ field });
}
