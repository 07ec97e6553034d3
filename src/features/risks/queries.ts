import type { Policy } from '../../policy/schema.js';
import type { Actor } from '../../domain/actor.js';
import { readableWhere as assetReadableWhere } from '../assets/asset-policy.js';
import { riskNotFound } from './load-risk.js';
import { threatsOf } from './risk-rules.js';
import { allowedActions, can, collectionActions, readableWhere, recordDepartments } from './risk-policy.js';
import type { ListRisksQuery, RiskDetail, RiskEntry, RiskList, RiskSummary, ThreatRef } from './schemas.js';
import type { ReadOnlyDb } from '../../db/read-only.js';
import { isUuid } from '../../db/text-matching.js';
import { ratings } from './risk-fields.js';

/** Names a threat id by the policy's list of threats (第1 3); an id the list no longer has names itself. */
export function threatRef(policy: Policy, threatId: string): ThreatRef {
  const item = threatsOf(policy).find((threat) => threat.id === threatId);
  if (!item) return { id: threatId, title: { ja: threatId, en: threatId }, clause: null };
  return { id: item.id, title: { ja: item.text, en: item.en ?? item.text }, clause: item.clause ?? null };
}

function risks(db: ReadOnlyDb, actor: Actor) {
  return db
    .selectFrom('asset_risks')
    .innerJoin('departments', 'departments.id', 'asset_risks.department_id')
    .leftJoin('assets', 'assets.id', 'asset_risks.asset_id')
    .select([
      'asset_risks.id', 'asset_risks.department_id', 'departments.name as department_name', 'asset_risks.asset_id', 'assets.label_code',
      'assets.name as asset_name', 'asset_risks.asset_group', 'asset_risks.threat_id', 'asset_risks.likelihood', 'asset_risks.impact',
      'asset_risks.score', 'asset_risks.status', 'asset_risks.review_due', 'asset_risks.updated_at',
    ])
    // May the actor read the joined asset (the asset policy's rule, as the inventory filters)?
    .select(assetReadableWhere(actor).as('asset_readable'));
}
type RiskRow = Awaited<ReturnType<ReturnType<typeof risks>['executeTakeFirstOrThrow']>>;

function summary(policy: Policy, row: RiskRow): RiskSummary {
  const readable = row.asset_readable === true;
  return {
    id: row.id,
    departmentId: row.department_id,
    departmentName: row.department_name,
    asset: row.asset_id ? { id: row.asset_id, labelCode: readable ? row.label_code : null, name: readable ? row.asset_name : null } : null,
    assetGroup: row.asset_group,
    threat: threatRef(policy, row.threat_id),
    likelihood: row.likelihood,
    impact: row.impact,
    score: row.score,
    status: row.status,
    reviewDue: row.review_due,
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * The risk register (第2 2) the actor may read (the policy's `readableWhere`), highest score first, with the
 * likelihood × impact counts of the whole filtered set and what the actor may do with the register.
 */
export async function listRisks(db: ReadOnlyDb, actor: Actor, policy: Policy, query: ListRisksQuery): Promise<RiskList> {
  let base = db.selectFrom('asset_risks').where(readableWhere(actor));
  if (query.departmentId) base = base.where('asset_risks.department_id', '=', query.departmentId);
  if (query.threatId) base = base.where('asset_risks.threat_id', '=', query.threatId);
  if (query.status) base = base.where('asset_risks.status', '=', query.status);
  if (query.minScore) base = base.where('asset_risks.score', '>=', query.minScore);
  if (query.assetId) base = base.where('asset_risks.asset_id', '=', query.assetId);

  const page = base.select('asset_risks.id').orderBy('asset_risks.score', 'desc').orderBy('asset_risks.impact', 'desc').orderBy('asset_risks.id')
    .limit(query.pageSize).offset((query.page - 1) * query.pageSize);
  const [rows, cells] = await Promise.all([
    risks(db, actor).where('asset_risks.id', 'in', page).orderBy('asset_risks.score', 'desc').orderBy('asset_risks.impact', 'desc').orderBy('asset_risks.id').execute(),
    base.select(['asset_risks.likelihood', 'asset_risks.impact', (eb) => eb.fn.countAll<string>().as('n')]).groupBy(['asset_risks.likelihood', 'asset_risks.impact']).execute(),
  ]);
  // heat[likelihood - 1][impact - 1]
  const heat = ratings.map(() => ratings.map(() => 0));
  let total = 0;
  for (const cell of cells) {
    const row = heat[cell.likelihood - 1];
    if (row) row[cell.impact - 1] = Number(cell.n);
    total += Number(cell.n);
  }
  const recordIn = recordDepartments(actor);
  return { items: rows.map((row) => summary(policy, row)), total, heat, page: query.page, pageSize: query.pageSize, allowedActions: collectionActions(actor), recordDepartmentIds: recordIn };
}

/** One entry in full, with what the actor may do with it; "not found" when the actor may not read it. */
export async function riskDetail(db: ReadOnlyDb, actor: Actor, policy: Policy, id: string): Promise<RiskDetail> {
  const risk = isUuid(id) ? await findRisk(db, actor, policy, id) : undefined;
  if (!risk || !can(actor, 'read', { departmentId: risk.departmentId })) throw riskNotFound();
  return { risk, allowedActions: allowedActions(actor, { departmentId: risk.departmentId }) };
}

/** One entry in full, or undefined. */
async function findRisk(db: ReadOnlyDb, actor: Actor, policy: Policy, id: string): Promise<RiskEntry | undefined> {
  const row = await risks(db, actor)
    .leftJoin('users as author', 'author.id', 'asset_risks.created_by')
    .select([
      'asset_risks.description', 'asset_risks.countermeasures', 'asset_risks.response_procedure', 'asset_risks.created_at',
      'author.name as created_by_name',
    ])
    .where('asset_risks.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...summary(policy, row),
    description: row.description,
    countermeasures: row.countermeasures,
    responseProcedure: row.response_procedure,
    createdAt: row.created_at.toISOString(),
    createdByName: row.created_by_name,
  };
}
