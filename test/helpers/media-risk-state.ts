import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/tables.js';
import { fixture } from './fixtures.js';
import type { MediumKind, MediumStatus } from '../../src/features/media/tables.js';
import type { RiskStatus } from '../../src/features/risks/tables.js';

const unique = () => randomBytes(4).toString('hex');
/** A medium issued to a 課等, inserted directly (the register's own journal is not under test where this is used). */
export async function makeMedium(
  db: Kysely<Database>,
  options: { departmentId: string; code?: string; kind?: MediumKind; holderId?: string | null; status?: MediumStatus; lockedStorage?: boolean; finalised?: boolean },
) {
  const now = new Date();
  return fixture(db, (tx) =>
    tx
      .insertInto('media')
      .values({
        code: options.code ?? `M-${unique()}`,
        kind: options.kind ?? 'usb',
        department_id: options.departmentId,
        holder_id: options.holderId ?? null,
        issued_on: '2025-04-01',
        status: options.status ?? 'in_use',
        locked_storage: options.lockedStorage ?? false,
        finalised: options.finalised ?? false,
        write_protected: options.finalised ?? false,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}

/** An entry of the risk register, inserted directly. */
export async function makeRisk(
  db: Kysely<Database>,
  options: { departmentId: string; assetId?: string | null; assetGroup?: string | null; threatId?: string; likelihood?: number; impact?: number; status?: RiskStatus },
) {
  const now = new Date();
  const assetId = options.assetId ?? null;
  return fixture(db, (tx) =>
    tx
      .insertInto('asset_risks')
      .values({
        department_id: options.departmentId,
        asset_id: assetId,
        asset_group: options.assetGroup ?? (assetId ? null : `まとまり${unique()}`),
        threat_id: options.threatId ?? 'leakage',
        likelihood: options.likelihood ?? 2,
        impact: options.impact ?? 2,
        countermeasures: '対策',
        response_procedure: '手順',
        status: options.status ?? 'open',
        review_due: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}

/** Row counts and a digest of the media, assets, risks and the journal's head, to prove that an act changed nothing. */
export async function registerState(db: Kysely<Database>) {
  const { rows } = await sql<{ media: string; risks: string; journal: string; digest: string }>`
    SELECT
      (SELECT count(*) FROM media) AS media,
      (SELECT count(*) FROM asset_risks) AS risks,
      (SELECT count(*) FROM journal) AS journal,
      md5(
        coalesce((SELECT string_agg(t::text, '|' ORDER BY t.id) FROM media t), '') || '#' ||
        coalesce((SELECT string_agg(t::text, '|' ORDER BY t.id) FROM asset_risks t), '') || '#' ||
        coalesce((SELECT string_agg(t::text, '|' ORDER BY t.id) FROM assets t), '') || '#' ||
        coalesce((SELECT max(hash) FILTER (WHERE seq = (SELECT max(seq) FROM journal)) FROM journal), '')
      ) AS digest`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('no state');
  return { media: Number(row.media), risks: Number(row.risks), journal: Number(row.journal), digest: row.digest };
}
