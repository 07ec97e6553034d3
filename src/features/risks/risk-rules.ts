import type { ReadOnlyDb } from '../../db/read-only.js';
import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import type { Policy } from '../../policy/schema.js';
import { can as canOnAsset } from '../assets/asset-policy.js';
import { accessOf, assetResource } from '../assets/load-asset.js';
import { mayAnalyseAssetOf } from './risk-policy.js';

/** The policy's threats to information assets (第1 3), as the register names them. */
export function threatsOf(policy: Policy) {
  return policy.lists.threats?.items ?? [];
}

/** 第1 3: a risk names one of the threats the standard lists; otherwise the error lists the valid ones. */
export function requireThreat(policy: Policy, threatId: string): void {
  const threats = threatsOf(policy);
  if (threats.some((threat) => threat.id === threatId)) return;
  const message =
    threats.length === 0
      ? { ja: '施行中の対策基準に脅威の一覧（第1 3）がありません。', en: 'The policy in force lists no threats (1.3).' }
      : {
          ja: `脅威「${threatId}」は対策基準の脅威の一覧（第1 3）にありません。次のいずれかを指定してください：${threats.map((t) => `${t.id}（${t.text}）`).join('、')}`,
          en: `"${threatId}" is not a threat of the policy's list (1.3). Use one of: ${threats.map((t) => t.id).join(', ')}`,
        };
  throw new DomainError('invalid', 'E_UNKNOWN_THREAT', message, [{ path: 'threatId', message }]);
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
    const message = {
      ja: '分析の対象として、情報資産か資産のまとまりのどちらか一方を指定してください（第2 2）。',
      en: 'Name either one asset or one group of assets the analysis covers, not both and not neither (2.2).',
    };
    throw new DomainError('invalid', 'E_RISK_SUBJECT', message, [{ path: 'assetId', message }, { path: 'assetGroup', message }]);
  }
  if (subject.assetId === null || !subject.assetChanged) return;
  const path = 'assetId';
  const asset = await db.selectFrom('assets').select(['id', 'department_id', 'status', 'class_level']).where('id', '=', subject.assetId).executeTakeFirst();
  const readable = asset && canOnAsset(actor, 'read', assetResource(policy, asset, (await accessOf(db, actor, [asset.id])).get(asset.id) ?? null));
  if (!asset || !readable) {
    const message = { ja: '指定された情報資産がありません。', en: 'No such asset.' };
    throw new DomainError('invalid', 'E_RISK_ASSET_NOT_FOUND', message, [{ path, message }]);
  }
  if (!mayAnalyseAssetOf(actor, subject.departmentId, asset.department_id)) {
    const message = {
      ja: 'この情報資産は、リスク分析を行う課等の情報資産ではありません。自課等の情報資産か、管理する課等の情報資産を指定してください（第2 2）。',
      en: "The asset belongs neither to the analysing department nor to one you manage (2.2).",
    };
    throw new DomainError('invalid', 'E_RISK_ASSET_OTHER_DEPARTMENT', message, [{ path, message }]);
  }
  if (asset.status === 'disposed') {
    const message = { ja: '廃棄済みの情報資産にはリスク分析を記録できません。', en: 'The asset has been disposed of; it has no risks left to analyse.' };
    throw new DomainError('invalid', 'E_RISK_ASSET_DISPOSED', message, [{ path, message }]);
  }
}
