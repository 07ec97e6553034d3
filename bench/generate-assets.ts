// A fast generator of a realistic information asset register (目録) for benchmarks: 課等 under 部, their
// 情報セキュリティ責任者 and staff, assets with Japanese names, descriptions and locations, class Ⅰ assets with
// their criteria and justification, and access rights (asset_access) for users, 課等 and roles.
//
//   import { generateAssets } from './generate-assets.js';
//   const register = await generateAssets(db, { assets: 100_000, departments: 200 });
//
// or from a shell, into an existing (migrated) database:
//   node --import tsx bench/generate-assets.ts --url postgres://…/bansho --assets 100000 [--journal 1000000]
//
// Rows are built in Node from a seeded PRNG (the same seed gives the same register) and go in with
// `INSERT … SELECT FROM unnest(…)`, 10,000 rows per statement, written as fixtures (past the journal guard: the
// generated register stands for years of acts whose journal entries generate-journal.ts writes on its own). The secondary indexes of `assets` and
// `asset_access` are dropped for the load and rebuilt from their own definitions afterwards (pg_indexes), which
// is several times faster than maintaining the trigram index row by row; the schema is unchanged at the end.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { connectDatabase } from '../src/db/connect.js';
import type { Database } from '../src/db/tables.js';
import { hashPassword } from '../src/features/auth/passwords.js';
import { TEST_PASSWORD } from '../test/helpers/factories.js';
import { generateJournal, prng, type JournalActor } from './generate-journal.js';
import { isMain } from './lib.js';
import { fixture } from '../test/helpers/fixtures.js';

export interface GenerateAssetsOptions {
  /** How many assets (default 100,000). */
  assets?: number;
  /** How many 課等 (default 200), grouped under 部. */
  departments?: number;
  /** Staff per 課等 besides its officer (default 5). */
  staffPerDepartment?: number;
  /** Journal entries to add after the register, 30% of them about its assets (default 0). */
  journal?: number;
  /** Seed of the pseudo-random mix (default 7). */
  seed?: number;
  /** Creation and review dates are spread over the three years before this (default now). */
  now?: Date;
}

export interface GeneratedDepartment {
  id: string;
  code: string;
  name: string;
  /** The login of its 情報セキュリティ責任者 (role security_officer scoped to it). */
  officerLogin: string;
  assets: number;
}

export interface GenerateAssetsResult {
  departments: GeneratedDepartment[];
  /** Everyone made here signs in with TEST_PASSWORD. */
  logins: {
    /** Reads every asset (an oversight role). */
    auditor: string;
    /** A staff member of the largest 課等 who also holds system_admin: sees assets through user, 課等 and role grants. */
    staff: string;
    /** The officer of the largest 課等. */
    officer: string;
  };
  largestDepartment: GeneratedDepartment;
  assets: number;
  classOne: number;
  grants: { user: number; department: number; role: number };
  seconds: { organisation: number; assets: number; indexes: number; journal: number };
}

// ---- vocabulary ----

const divisions = [
  '総務部', '総合政策部', '区民部', '地域振興部', '文化観光産業部', '福祉部', '子ども家庭部', '健康部', '環境清掃部', 'みどり土木部',
  '都市計画部', '会計室', '教育委員会事務局', '選挙管理委員会事務局', '監査事務局', '区議会事務局', '危機管理担当部', '保健所', '特別出張所', '図書館',
];

const sections = [
  '総務課', '人事課', '職員課', '情報システム課', '情報政策課', '契約管財課', '財政課', '企画政策課', '広報課', '区政情報課',
  '危機管理課', '防災課', '安全安心対策課', '施設課', '税務課', '納税課', '戸籍住民課', '地域コミュニティ課', '男女共同参画課', '文化観光課',
  '産業振興課', '消費生活就労支援課', '福祉部管理課', '地域福祉課', '障害者福祉課', '障害者支援課', '高齢者支援課', '介護保険課', '生活福祉課', '保護担当課',
  '子ども家庭課', '保育課', '保育園子ども園課', '子ども総合センター', '児童相談課', '健康政策課', '健康づくり課', '保健予防課', '衛生課', '医療保険年金課',
  '高齢者医療担当課', '環境対策課', 'ごみ減量リサイクル課', '新宿清掃事務所', '土木管理課', '道路課', 'みどり公園課', '交通対策課', '都市計画課', '景観・まちづくり課',
  '建築調整課', '建築指導課', '住宅課', '地域整備課', '会計管理課', '教育調整課', '学校運営課', '教育指導課', '教育支援課', '中央図書館',
  '選挙管理委員会事務局', '監査事務局', '区議会事務局', '税務課課税係', '納税課収納係', '戸籍住民課住民記録係', '介護保険課認定係', '国民健康保険課', '生活衛生課', '食品保健課',
  '四谷特別出張所', '箪笥町特別出張所', '榎町特別出張所', '若松町特別出張所', '大久保特別出張所', '戸塚特別出張所', '落合第一特別出張所', '落合第二特別出張所', '柏木特別出張所', '角筈特別出張所',
  '四谷図書館', '鶴巻図書館', '西落合図書館', '戸山図書館', '北新宿図書館', '中町図書館', '角筈図書館', '大久保図書館', '下落合図書館', 'こども図書館',
  '牛込保健センター', '四谷保健センター', '東新宿保健センター', '落合保健センター', '新宿区役所分室', '区民健康センター', '消費者センター', '男女共同参画推進センター', '新宿文化センター', '新宿歴史博物館',
];
const schools = [
  '四谷', '花園', '津久戸', '市谷', '愛日', '富久', '東戸山', '早稲田', '鶴巻', '江戸川', '余丁町', '天神', '淀橋第四', '柏木', '西新宿',
  '大久保', '戸塚第一', '戸塚第二', '戸塚第三', '落合第一', '落合第二', '落合第三', '落合第四', '落合第五', '落合第六', '戸山', '西戸山', '牛込仲之', '牛込第一', '牛込第二',
];

/** 200 plausible 課等 names: sections, branch offices and libraries, then the 区立 schools. */
function sectionNames(n: number): string[] {
  const names = [...sections, ...schools.map((s) => `区立${s}小学校`), ...schools.map((s) => `区立${s}中学校`)];
  for (let k = 2; names.length < n; k += 1) names.push(...sections.map((s) => `${s}（分室${k}）`));
  return names.slice(0, n);
}

interface Kind {
  kind: 'electronic_data' | 'paper' | 'system' | 'software' | 'medium' | 'other';
  types: readonly string[];
}
const kinds: { weight: number; value: Kind }[] = [
  { weight: 40, value: { kind: 'electronic_data', types: ['データ', '電子ファイル', '一覧表（Excel）', 'データベース', '照会記録', '統計データ', '申請データ'] } },
  { weight: 35, value: { kind: 'paper', types: ['台帳', '申請書', '決定通知書（控）', '名簿', '起案文書', '会議録', '契約書', '調査票', '報告書', '相談記録票'] } },
  { weight: 10, value: { kind: 'system', types: ['管理システム', '業務システム', '窓口端末'] } },
  { weight: 5, value: { kind: 'software', types: ['業務ソフトウェア', '帳票作成ツール', '集計マクロ'] } },
  { weight: 5, value: { kind: 'medium', types: ['バックアップ媒体（LTO）', '受渡用USBメモリ', '保存用DVD-R'] } },
  { weight: 5, value: { kind: 'other', types: ['写真', '図面', '掲示物'] } },
];

/** Subjects of class Ⅰ assets and the criteria (第2 3(1)ア–オ) that typically put them there. */
const sensitiveSubjects: { subject: string; criteria: readonly string[] }[] = [
  { subject: '住民基本台帳', criteria: ['resident-impact', 'secret-by-law', 'hard-to-restore'] },
  { subject: '戸籍', criteria: ['resident-impact', 'secret-by-law', 'hard-to-restore'] },
  { subject: '印鑑登録', criteria: ['resident-impact', 'secret-by-law'] },
  { subject: '住民税課税', criteria: ['resident-impact', 'secret-by-law'] },
  { subject: '課税', criteria: ['resident-impact', 'secret-by-law'] },
  { subject: '固定資産税課税', criteria: ['resident-impact', 'secret-by-law'] },
  { subject: '国民健康保険', criteria: ['resident-impact', 'trust-harm'] },
  { subject: '後期高齢者医療', criteria: ['resident-impact', 'trust-harm'] },
  { subject: '介護保険', criteria: ['resident-impact', 'trust-harm'] },
  { subject: '要介護認定', criteria: ['resident-impact', 'trust-harm'] },
  { subject: '生活保護', criteria: ['resident-impact', 'secret-by-law', 'trust-harm'] },
  { subject: '児童手当', criteria: ['resident-impact'] },
  { subject: '保育所入所', criteria: ['resident-impact', 'trust-harm'] },
  { subject: '障害者福祉', criteria: ['resident-impact', 'trust-harm'] },
  { subject: '予防接種', criteria: ['resident-impact'] },
  { subject: '母子保健', criteria: ['resident-impact', 'trust-harm'] },
  { subject: '児童虐待相談', criteria: ['resident-impact', 'secret-by-law', 'trust-harm'] },
  { subject: '滞納整理', criteria: ['resident-impact', 'secret-by-law'] },
  { subject: '個人番号（マイナンバー）', criteria: ['resident-impact', 'secret-by-law'] },
  { subject: '職員人事', criteria: ['trust-harm'] },
  { subject: '職員給与', criteria: ['trust-harm'] },
  { subject: '就学援助', criteria: ['resident-impact'] },
  { subject: '住民相談', criteria: ['resident-impact', 'trust-harm'] },
  { subject: '庁内LAN設定', criteria: ['passwords-config'] },
  { subject: 'ファイアウォール設定', criteria: ['passwords-config'] },
  { subject: '基幹系システム管理者パスワード', criteria: ['passwords-config'] },
  { subject: '無線LAN認証設定', criteria: ['passwords-config'] },
];
const generalSubjects = [
  '庁議', '課内会議', '契約事務', '広報紙原稿', '議会答弁', '予算要求', '施設管理', '道路', '公園管理', '統計調査',
  '情報公開', 'イベント案内', '備品', '職員研修', '防災訓練', 'ごみ収集', '図書館蔵書', '例規', '行政評価', '区民意見',
  '工事設計', '委託業務', '補助金交付', '文書管理', '庁舎管理', '住民説明会', '選挙事務', '町会・自治会', '区営住宅', '道路占用許可',
];

const justifications: Record<string, string> = {
  'resident-impact': '区民の氏名、住所、生年月日等の個人情報を含み、漏えいした場合に区民のプライバシーに重大な影響を及ぼすため。',
  'secret-by-law': '地方税法・住民基本台帳法等により守秘義務が課されている情報であるため。',
  'trust-harm': '漏えいした場合、個人の権利利益を害し、区政に対する信頼を損なうおそれがあるため。',
  'hard-to-restore': '滅失・き損した場合に復元が困難で、窓口業務の円滑な執行を妨げるおそれがあるため。',
  'passwords-config': '情報システムのパスワード及び設定情報であり、漏えいした場合に不正アクセスを招くため。',
};

const purposes = [
  '窓口での証明書発行及び照会に使用する。', '年度ごとに更新し、保存期間満了後に廃棄する。', '委託事業者が保守を行い、月次で報告を受ける。',
  '課内共有フォルダで管理し、担当者のみが更新する。', '月次で集計し、庁内の報告資料に用いる。', '区民からの申請に基づき作成し、審査後に保管する。',
  '法定保存期間は5年。', '議会・監査への説明資料の根拠となる。', '災害時の業務継続計画で優先復旧の対象とする。',
];
const disposalMethods = ['溶解処理（委託）', 'データ消去ソフトによる上書き消去', '物理破壊（穿孔）', 'シュレッダー裁断'];

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const MASK40 = (1n << 40n) - 1n;
/**
 * The i-th label code: i times an odd constant, modulo 2^40, is a bijection, so codes are unique without a
 * lookup, and look random (no sequence visible on a label, as 第2 4(1) wants).
 */
function labelCode(i: number, salt: bigint): string {
  let v = ((BigInt(i) * 0x9e3779b97fn) ^ salt) & MASK40;
  let code = '';
  for (let k = 0; k < 8; k += 1) {
    code = crockford[Number(v & 31n)]! + code;
    v >>= 5n;
  }
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

const day = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** One asset as its 責任者 would describe it: what the register and the import files are made of. */
export interface InventedAsset {
  name: string;
  description: string;
  kind: Kind['kind'];
  subject: string;
  docType: string;
  classLevel: 'class-1' | 'class-2';
  classCriteria: string[];
  classJustification: string;
  location: string;
  reviewDue: string | null;
  retentionUntil: string | null;
}

/** Invents one asset of a 課等 (about one in five class Ⅰ, 第2 3(1), mostly personal data and system settings). */
export function inventAsset(random: () => number, departmentName: string, now: number): InventedAsset {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  let r = random() * kinds.reduce((n, x) => n + x.weight, 0);
  const kind = kinds.find((x) => (r -= x.weight) < 0)?.value ?? kinds[0]!.value;
  const docType = pick(kind.types);
  const restricted = random() < 0.2;
  const sensitive = restricted ? pick(sensitiveSubjects) : null;
  const subject = sensitive ? sensitive.subject : random() < 0.3 ? pick(sensitiveSubjects).subject : pick(generalSubjects);
  const year = 2 + Math.floor(random() * 7);
  const volume = kind.kind === 'paper' && random() < 0.3 ? ` 第${1 + Math.floor(random() * 12)}分冊` : '';
  const floor = 2 + Math.floor(random() * 8);
  const location =
    kind.kind === 'paper'
      ? pick([`${departmentName} 書庫`, `${departmentName} 執務室 キャビネット${1 + Math.floor(random() * 20)}`, `本庁舎${floor}階 ${departmentName}書庫`, '第一分庁舎 地下書庫', '文書保存センター'])
      : kind.kind === 'electronic_data'
        ? pick([`庁内ファイルサーバ（${departmentName} 共有フォルダ）`, `本庁舎${floor}階 サーバ室`, '基幹系サーバ', '庁内LAN 共有フォルダ'])
        : kind.kind === 'system' || kind.kind === 'software'
          ? pick(['データセンター（外部委託）', `本庁舎${floor}階 サーバ室`, `${departmentName} 業務端末`])
          : kind.kind === 'medium'
            ? pick([`${departmentName} 施錠保管庫`, '本庁舎 サーバ室 媒体保管庫'])
            : `${departmentName} 執務室`;
  // The subject's first criterion always applies, so a class Ⅰ asset always has a criterion and a justification.
  const criteria = sensitive ? sensitive.criteria.filter((_, c) => c === 0 || random() < 0.5) : [];
  return {
    name: `${subject}${docType}（令和${year}年度）${volume}`,
    description: `${departmentName}が所管する${subject}の${docType}。${pick(purposes)}`,
    kind: kind.kind,
    subject,
    docType,
    classLevel: restricted ? 'class-1' : 'class-2',
    classCriteria: criteria,
    classJustification: criteria.map((c) => justifications[c]!).join(''),
    location,
    // Reviews fall due over two years from a year ago: some are overdue, as in a register in use.
    reviewDue: random() < 0.9 ? isoDate(now + Math.floor((random() * 2 - 1) * 365) * day) : null,
    retentionUntil: random() < 0.5 ? isoDate(now + (1 + Math.floor(random() * 10)) * 365 * day) : null,
  };
}

/** Rebuilds what was dropped from its own definitions (pg_indexes), so the schema stays the migration's. */
async function withoutSecondaryIndexes<T>(db: Kysely<Database>, tables: string[], body: () => Promise<T>): Promise<{ result: T; rebuildSeconds: number }> {
  // Unique indexes and primary keys stay: they guard the data being generated (label codes, grant triples).
  const { rows } = await sql<{ indexname: string; indexdef: string }>`
    SELECT i.indexname, i.indexdef FROM pg_indexes i
    JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid
    WHERE i.schemaname = current_schema() AND i.tablename = ANY(${tables}) AND NOT x.indisunique`.execute(db);
  for (const r of rows) await sql`DROP INDEX ${sql.id(r.indexname)}`.execute(db);
  // Rebuilt whether or not the load succeeded: the database must keep the migration's schema.
  const rebuild = async () => {
    const started = performance.now();
    // More memory for the sorts (and the trigram index build) than the default 64 MB; a pool may hand each
    // statement another connection, so the setting goes with the statement's own transaction.
    for (const r of rows) {
      await db.transaction().execute(async (tx) => {
        await sql`SET LOCAL maintenance_work_mem = '256MB'`.execute(tx);
        await sql.raw(r.indexdef).execute(tx);
      });
    }
    return (performance.now() - started) / 1000;
  };
  let result: T;
  try {
    result = await body();
  } catch (error) {
    await rebuild();
    throw error;
  }
  const rebuildSeconds = await rebuild();
  return { result, rebuildSeconds };
}

/** Creates 課等, their people and the asset register. */
export async function generateAssets(db: Kysely<Database>, options: GenerateAssetsOptions = {}): Promise<GenerateAssetsResult> {
  const assetCount = options.assets ?? 100_000;
  const departmentCount = options.departments ?? 200;
  const staffPer = options.staffPerDepartment ?? 5;
  const now = (options.now ?? new Date()).getTime();
  const random = prng(options.seed ?? 7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const weighted = <T>(list: readonly { weight: number; value: T }[]): T => {
    let r = random() * list.reduce((n, x) => n + x.weight, 0);
    for (const x of list) if ((r -= x.weight) < 0) return x.value;
    return list[list.length - 1]!.value;
  };

  // ---- organisation: 部, 課等, one officer and a few staff each, an auditor ----
  const t0 = performance.now();
  // One shared hash (argon2 is slow on purpose): everyone here signs in with TEST_PASSWORD.
  const passwordHash = await hashPassword(TEST_PASSWORD);
  // A run may add a second register to a database that already has one: codes carry a tag of their own.
  const tag = randomUUID().slice(0, 4);
  const buIds = divisions.map(() => randomUUID());
  await sql`
    INSERT INTO departments (id, code, name, kana, parent_id, level)
    SELECT id, code, name, '', NULL, 'bu' FROM unnest(${buIds}::uuid[], ${divisions.map((_, i) => `bu-${tag}-${i}`)}::text[], ${divisions}::text[]) AS t(id, code, name)`.execute(db);
  const names = sectionNames(departmentCount);
  const departments: GeneratedDepartment[] = names.map((name, i) => ({ id: randomUUID(), code: `ka-${tag}-${String(i).padStart(3, '0')}`, name, officerLogin: `officer-${tag}-${String(i).padStart(3, '0')}`, assets: 0 }));
  await fixture(db, (tx) =>
    sql`
    INSERT INTO departments (id, code, name, kana, parent_id, level)
    SELECT id, code, name, '', parent, 'ka'
    FROM unnest(${departments.map((d) => d.id)}::uuid[], ${departments.map((d) => d.code)}::text[], ${departments.map((d) => d.name)}::text[],
                ${departments.map((_, i) => buIds[Math.floor((i * divisions.length) / departments.length)]!)}::uuid[]) AS t(id, code, name, parent)`.execute(tx),
  );

  interface Person { id: string; login: string; name: string; departmentIndex: number }
  const surnames = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '佐々木', '山口', '松本', '井上', '木村', '林', '斎藤', '清水'];
  const givens = ['太郎', '花子', '一郎', '由美', '健二', '明美', '誠', '恵子', '大輔', '直子', '翔太', '陽子', '浩', '真理', '拓也', '美穂'];
  const officers: Person[] = departments.map((d, i) => ({ id: randomUUID(), login: d.officerLogin, name: `${pick(surnames)} ${pick(givens)}`, departmentIndex: i }));
  const staff: Person[] = departments.flatMap((d, i) =>
    Array.from({ length: staffPer }, (_, k) => ({ id: randomUUID(), login: `staff-${tag}-${String(i).padStart(3, '0')}-${k + 1}`, name: `${pick(surnames)} ${pick(givens)}`, departmentIndex: i })),
  );
  const auditor: Person = { id: randomUUID(), login: `auditor-${tag}`, name: '監査 担当', departmentIndex: 0 };
  const people = [...officers, ...staff, auditor];
  await fixture(db, (tx) =>
    sql`
    INSERT INTO users (id, login, staff_number, name, kana, email, department_id, password_hash, must_change_password)
    SELECT id, login, 'S-' || login, name, '', login || '@example.invalid', dept, ${passwordHash}, false
    FROM unnest(${people.map((p) => p.id)}::uuid[], ${people.map((p) => p.login)}::text[], ${people.map((p) => p.name)}::text[],
                ${people.map((p) => departments[p.departmentIndex]!.id)}::uuid[]) AS t(id, login, name, dept)`.execute(tx),
  );
  // Everyone is staff of their 課等; officers manage theirs; every tenth 課等's first staff member also runs a
  // system (system_admin), the holders of the role grants below.
  const systemAdmins = staff.filter((p) => p.login.endsWith('-1') && p.departmentIndex % 10 === 0);
  const roles: { user: string; role: string; scopeType: string; scopeId: string }[] = [
    ...people.map((p) => ({ user: p.id, role: 'staff', scopeType: 'department', scopeId: departments[p.departmentIndex]!.id })),
    ...officers.map((p) => ({ user: p.id, role: 'security_officer', scopeType: 'department', scopeId: departments[p.departmentIndex]!.id })),
    ...systemAdmins.map((p) => ({ user: p.id, role: 'system_admin', scopeType: 'system', scopeId: '住民情報システム' })),
    { user: auditor.id, role: 'auditor', scopeType: 'global', scopeId: '' },
  ];
  await fixture(db, (tx) =>
    sql`
    INSERT INTO role_assignments (user_id, role, scope_type, scope_id, granted_at)
    SELECT u, r, st, si, ${new Date(now - 1000 * day)} FROM unnest(${roles.map((r) => r.user)}::uuid[], ${roles.map((r) => r.role)}::text[],
      ${roles.map((r) => r.scopeType)}::text[], ${roles.map((r) => r.scopeId)}::text[]) AS t(u, r, st, si)`.execute(tx),
  );
  const organisationSeconds = (performance.now() - t0) / 1000;

  // ---- the register ----
  const t1 = performance.now();
  // Some 課等 hold far more than others (a 戸籍住民課 against a school): weight 1/(1 + i/20), about 11 to 1.
  const departmentWeights = departments.map((_, i) => ({ weight: 1 / (1 + i / 20), value: i }));
  const staffOf = departments.map((_, i) => staff.filter((p) => p.departmentIndex === i));
  const salt = BigInt(`0x${randomUUID().replaceAll('-', '').slice(0, 10)}`);
  const assetIds: { id: string; classLevel: string }[] = [];
  let classOne = 0;
  const grants = { user: 0, department: 0, role: 0 };
  const batchSize = 10_000;

  const { rebuildSeconds } = await withoutSecondaryIndexes(db, ['assets', 'asset_access'], async () => {
    for (let done = 0; done < assetCount; done += batchSize) {
      const n = Math.min(batchSize, assetCount - done);
      const a = {
        id: [] as string[], label: [] as string[], name: [] as string[], description: [] as string[], kind: [] as string[], department: [] as string[],
        level: [] as string[], criteria: [] as string[], justification: [] as string[], location: [] as string[], status: [] as string[],
        reviewDue: [] as (string | null)[], retention: [] as (string | null)[], disposedOn: [] as (string | null)[], disposalMethod: [] as (string | null)[],
        disposalEvidence: [] as (string | null)[], createdBy: [] as string[], createdAt: [] as string[], updatedAt: [] as string[],
      };
      const g = { asset: [] as string[], type: [] as string[], subject: [] as string[], permission: [] as string[], grantedBy: [] as string[], at: [] as string[] };
      for (let k = 0; k < n; k += 1) {
        const i = done + k;
        const id = randomUUID();
        const d = weighted(departmentWeights);
        const department = departments[d]!;
        department.assets += 1;
        const officer = officers[d]!;
        const invented = inventAsset(random, department.name, now);
        const { kind, classCriteria: criteria } = invented;
        const restricted = invented.classLevel === 'class-1';
        const created = now - Math.floor(random() * 3 * 365) * day - Math.floor(random() * day);
        const updated = created + Math.floor(random() * (now - created));
        const r = random();
        const status = r < 0.85 ? 'active' : r < 0.95 ? 'out' : 'disposed';
        const disposed = status === 'disposed' ? updated : null;
        a.id.push(id);
        a.label.push(labelCode(i, salt));
        a.name.push(invented.name);
        a.description.push(invented.description);
        a.kind.push(kind);
        a.department.push(department.id);
        a.level.push(invented.classLevel);
        a.criteria.push(`{${criteria.join(',')}}`);
        a.justification.push(invented.classJustification);
        a.location.push(invented.location);
        a.status.push(status);
        a.reviewDue.push(invented.reviewDue);
        a.retention.push(invented.retentionUntil);
        a.disposedOn.push(disposed === null ? null : isoDate(disposed));
        a.disposalMethod.push(disposed === null ? null : pick(disposalMethods));
        a.disposalEvidence.push(disposed === null ? null : `消去証明書 No.${100000 + i}（${department.name}保管）`);
        a.createdBy.push(officer.id);
        a.createdAt.push(new Date(created).toISOString());
        a.updatedAt.push(new Date(updated).toISOString());
        assetIds.push({ id, classLevel: restricted ? 'class-1' : 'class-2' });
        if (restricted) classOne += 1;

        // 第2 4(2)ア: who may access it. Half are shared with their own 課等; some with another 課等; about a
        // third name one to three people (mostly of the same 課等); system settings go to the system_admin role;
        // a few class Ⅱ notices to all staff.
        const grant = (type: string, subjectId: string, permission: string) => {
          g.asset.push(id);
          g.type.push(type);
          g.subject.push(subjectId);
          g.permission.push(permission);
          g.grantedBy.push(officer.id);
          g.at.push(new Date(updated).toISOString());
        };
        if (random() < 0.5) {
          grant('department', department.id, 'read');
          grants.department += 1;
        }
        if (random() < 0.08) {
          const other = pick(departments);
          if (other.id !== department.id) {
            grant('department', other.id, 'read');
            grants.department += 1;
          }
        }
        if (random() < 0.3) {
          const chosen = new Set<string>();
          const count = 1 + Math.floor(random() * 3);
          for (let u = 0; u < count; u += 1) chosen.add(random() < 0.8 ? pick(staffOf[d]!).id : pick(staff).id);
          for (const user of chosen) grant('user', user, random() < 0.8 ? 'read' : 'write');
          grants.user += chosen.size;
        }
        if ((kind === 'system' || kind === 'software' || criteria.includes('passwords-config')) && random() < 0.5) {
          grant('role', 'system_admin', 'write');
          grants.role += 1;
        } else if (!restricted && random() < 0.005) {
          grant('role', 'staff', 'read');
          grants.role += 1;
        }
      }
      await fixture(db, (tx) =>
        sql`
        INSERT INTO assets (id, label_code, name, description, kind, department_id, class_level, class_criteria, class_justification, location, status,
                            review_due, retention_until, disposed_on, disposal_method, disposal_evidence, created_by, created_at, updated_at)
        SELECT id, label, name, description, kind, department, level, criteria::text[], justification, location, status,
               review_due, retention, disposed_on, disposal_method, disposal_evidence, created_by, created_at, updated_at
        FROM unnest(${a.id}::uuid[], ${a.label}::text[], ${a.name}::text[], ${a.description}::text[], ${a.kind}::text[], ${a.department}::uuid[],
                    ${a.level}::text[], ${a.criteria}::text[], ${a.justification}::text[], ${a.location}::text[], ${a.status}::text[],
                    ${a.reviewDue}::date[], ${a.retention}::date[], ${a.disposedOn}::date[], ${a.disposalMethod}::text[], ${a.disposalEvidence}::text[],
                    ${a.createdBy}::uuid[], ${a.createdAt}::timestamptz[], ${a.updatedAt}::timestamptz[])
             AS t(id, label, name, description, kind, department, level, criteria, justification, location, status,
                  review_due, retention, disposed_on, disposal_method, disposal_evidence, created_by, created_at, updated_at)`.execute(tx),
      );
      await fixture(db, (tx) =>
        sql`
        INSERT INTO asset_access (asset_id, subject_type, subject_id, permission, granted_by, granted_at)
        SELECT * FROM unnest(${g.asset}::uuid[], ${g.type}::text[], ${g.subject}::text[], ${g.permission}::text[], ${g.grantedBy}::uuid[], ${g.at}::timestamptz[])`.execute(tx),
      );
    }
  });
  const assetSeconds = (performance.now() - t1) / 1000 - rebuildSeconds;

  let journalSeconds = 0;
  if (options.journal) {
    const actors: JournalActor[] = people.map((p) => ({ id: p.id, name: p.name }));
    journalSeconds = (await generateJournal(db, { count: options.journal, actors, assets: assetIds, end: new Date(now) })).seconds;
  }
  await sql`ANALYZE departments, users, role_assignments, assets, asset_access`.execute(db);

  const largestDepartment = departments.reduce((x, y) => (y.assets > x.assets ? y : x));
  const largestIndex = departments.indexOf(largestDepartment);
  // The staff member of the largest 課等 who holds system_admin, or its first staff member.
  const staffMember = systemAdmins.find((p) => p.departmentIndex === largestIndex) ?? staffOf[largestIndex]![0]!;
  return {
    departments,
    logins: { auditor: auditor.login, staff: staffMember.login, officer: largestDepartment.officerLogin },
    largestDepartment,
    assets: assetCount,
    classOne,
    grants,
    seconds: { organisation: organisationSeconds, assets: assetSeconds, indexes: rebuildSeconds, journal: journalSeconds },
  };
}

if (isMain(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const url = arg('url') ?? process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    console.error('usage: node --import tsx bench/generate-assets.ts --url postgres://… [--assets 100000] [--departments 200] [--journal 0]');
    process.exit(2);
  }
  const handle = connectDatabase(url, { max: 2 });
  const result = await generateAssets(handle.db, {
    assets: Number(arg('assets') ?? 100_000),
    departments: Number(arg('departments') ?? 200),
    journal: Number(arg('journal') ?? 0),
  });
  const s = result.seconds;
  console.log(
    `generated ${result.assets} assets (${result.classOne} class Ⅰ) in ${result.departments.length} 課等, grants ${JSON.stringify(result.grants)}: ` +
      `organisation ${s.organisation.toFixed(1)} s, assets ${s.assets.toFixed(1)} s, indexes ${s.indexes.toFixed(1)} s, journal ${s.journal.toFixed(1)} s`,
  );
  console.log(`sign in (password ${TEST_PASSWORD}): auditor ${result.logins.auditor}, officer ${result.logins.officer}, staff ${result.logins.staff}`);
  await handle.close();
}
