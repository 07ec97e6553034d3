import { z } from 'zod';
import { capabilityIds } from './capabilities.js';

/** The roles Bansho's code knows; a policy package maps its own titles onto them (DESIGN §6.2). */
export const canonicalRoles = [
  'staff',
  'security_officer',
  'chief_security_officer',
  'network_admin',
  'system_admin',
  'cio',
  'strategy_board',
  'contractor',
  'auditor',
  'app_admin',
] as const;
export type CanonicalRole = (typeof canonicalRoles)[number];

export const scopeTypes = ['global', 'department', 'system', 'network'] as const;

/** What a clause asks for (clauses-report.md): headings carry no duty of their own. */
export const clauseKinds = [
  'obligation',
  'prohibition',
  'approval-required',
  'definition',
  'classification',
  'record-keeping',
  'reporting',
  'contract-clause',
  'condition',
  'permission',
] as const;
export type ClauseKind = (typeof clauseKinds)[number];

// Messages are written "日本語 / English": the loader splits them into both languages.
export const bilingualSchema = z.strictObject({ ja: z.string().min(1), en: z.string().min(1) });
const idSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, { message: '英小文字・数字・ハイフンの識別子にしてください / use a lowercase id of letters, digits and hyphens' });
/** A clause id in the text's own numbering: `2.4.2.イ`, `3.2.1.表.Ⅰ`, `6.3.2.ウ.ただし書`. */
const clauseIdSchema = z.string().regex(/^[^\s/?#%]{1,60}$/, { message: '条項IDに空白や / ? # % は使えません / a clause id has no spaces and no / ? # %' });
const isoDate = z.iso.date({ message: '日付は YYYY-MM-DD で書いてください / write dates as YYYY-MM-DD' });
/** An ISO 8601 duration (P1D, P3M, PT4H): the concrete value the package gives to 定期的, 常時, 速やかに. */
const durationSchema = z.string().regex(/^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/, { message: '期間は ISO 8601 形式（P1M, P7D, PT4H）で書いてください / write durations in ISO 8601 (P1M, P7D, PT4H)' });
const clauseRefs = z.array(clauseIdSchema).default([]);
const roleList = z.array(z.enum(canonicalRoles)).default([]);

const roleSchema = z.strictObject({
  role: z.enum(canonicalRoles),
  title: bilingualSchema,
  /** What one assignment of the role covers: a 課等, an information system, a network, or everything. */
  scope: z.enum(scopeTypes),
  /** For department-scoped roles: the organisation level (a departmentLevels id) whose units carry the role. */
  scopeLevel: z.string().optional(),
  /** Roles whose holders must use a second factor at sign-in. */
  mfaRequired: z.boolean().default(false),
  description: z.string().optional(),
  clauses: clauseRefs,
});

export const departmentLevelSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  title: bilingualSchema,
  /** Levels whose units are 課等: the unit a 情報セキュリティ責任者 is responsible for. */
  isUnit: z.boolean().default(false),
});

/** One 附則 (an amendment): a version of the standard, oldest first. */
export const amendmentSchema = z.strictObject({
  id: z.string().min(1),
  issued: isoDate.optional(),
  /** The issuing number as written (`27新総合情第2678号`). */
  number: z.string().optional(),
  effective: isoDate,
  note: z.string().optional(),
});

const textItemSchema = z.strictObject({ id: idSchema, text: z.string().min(1), en: z.string().optional(), clause: clauseIdSchema.optional() });

const classificationLevelSchema = z.strictObject({
  id: idSchema,
  title: bilingualSchema,
  /** Lower is more sensitive. */
  rank: z.number().int().min(1),
  /** The dimension the level belongs to, when the scheme has several (機密性, 完全性, 可用性). */
  dimension: idSchema.optional(),
  description: z.string().optional(),
  /** A level whose criteria are "everything else". */
  isDefault: z.boolean().default(false),
  criteria: z.array(textItemSchema).default([]),
  handling: z.array(textItemSchema).default([]),
  /** What the asset register enforces for assets of this level (the handling items say why, with clauses). */
  controls: z
    .strictObject({
      /** Classifying an asset at this level needs a written justification. */
      justificationRequired: z.boolean().default(false),
      /** Details only for access-right holders, the owning officer and oversight; other readers are journaled. */
      restricted: z.boolean().default(false),
      /** Recorded only on media the city issued (Shinjuku 第2 4(2)ウ). */
      issuedMediaOnly: z.boolean().default(false),
      /** Its media kept in lockable storage (Shinjuku 第2 4(3)ウ). */
      lockedStorage: z.boolean().default(false),
    })
    .prefault({}),
  clauses: clauseRefs,
});

export const classificationSchema = z.strictObject({
  scheme: bilingualSchema,
  /** The properties an asset is judged on (機密性, 完全性, 可用性). */
  dimensions: z.array(z.strictObject({ id: idSchema, title: bilingualSchema })).default([]),
  levels: z.array(classificationLevelSchema).min(1),
  clauses: clauseRefs,
});

const areaLevelSchema = z.strictObject({
  id: idSchema,
  title: bilingualSchema,
  rank: z.number().int().min(1),
  description: z.string().min(1),
  /** Who designates areas of this level. */
  designatedBy: z.enum(canonicalRoles),
  entryLogRequired: z.boolean(),
  measures: z.array(textItemSchema).default([]),
  clauses: clauseRefs,
});

const requestFieldSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  label: bilingualSchema,
  type: z.enum(['text', 'textarea', 'date', 'datetime', 'boolean', 'select', 'asset', 'equipment', 'user', 'department', 'attestation']),
  required: z.boolean().default(true),
  options: z.array(z.strictObject({ id: idSchema, label: bilingualSchema })).optional(),
});

/** Whose approval a request needs: a canonical role, and which holder of it. */
const approverSchema = z.strictObject({
  role: z.enum(canonicalRoles),
  /**
   * Which holder: of the asset's owning 課等, of the applicant's 課等, of the system or network concerned, or
   * any holder of a global role.
   */
  scope: z.enum(['owning-department', 'applicant-department', 'system', 'network', 'global']),
});

const requestTypeSchema = z.strictObject({
  id: idSchema,
  title: bilingualSchema,
  enabled: z.boolean().default(true),
  applicantRoles: z.array(z.enum(canonicalRoles)).min(1),
  /** Approvals in order; more than one means every step must approve. */
  approvers: z.array(approverSchema).min(1),
  fields: z.array(requestFieldSchema).default([]),
  deadlines: z.strictObject({ decision: durationSchema.optional(), afterTheFactReport: durationSchema.optional(), validity: durationSchema.optional() }).default({}),
  /** The emergency path: act first, report after the fact (6.3.2.ウ ただし書, 6.7.2). */
  emergency: z.strictObject({ allowed: z.boolean(), reportTo: z.enum(canonicalRoles).optional(), clause: clauseIdSchema.optional() }).default({ allowed: false }),
  /** Nobody approves their own request (DESIGN §6.2); stated for the reader. */
  separationOfDuties: z.boolean().default(true),
  clauses: clauseRefs,
  interpretation: z.string().optional(),
});

export const listSchema = z.strictObject({ title: bilingualSchema, clause: clauseIdSchema.optional(), items: z.array(textItemSchema).min(1) });

/** The lists a standard enumerates and Bansho uses as data (clauses-report.md (d)). */
const listsSchema = z.strictObject({
  threats: listSchema.optional(),
  networkDisconnectTriggers: listSchema.optional(),
  systemStopTriggers: listSchema.optional(),
  incidentResponseSteps: listSchema.optional(),
  outsourcingContractClauses: listSchema.optional(),
  dispatchedWorkerContractClauses: listSchema.optional(),
  transmissionSafeguards: listSchema.optional(),
  carryOutApplicationFields: listSchema.optional(),
  virusScanEvents: listSchema.optional(),
  serverMeasures: listSchema.optional(),
  premises: listSchema.optional(),
});

/** The text's wordings of when a duty falls due, which a duty's interval makes concrete. */
export const dutyWordings = ['定期的', '常時', '速やかに', '定めなし'] as const;

/** Periodic duties: the concrete intervals Bansho gives to the text's 定期的, 常時 and 速やかに. */
const dutiesSchema = z.strictObject({
  defaults: z.strictObject({
    periodic: durationSchema,
    continuous: durationSchema,
    prompt: durationSchema,
  }),
  items: z.array(
    z.strictObject({
      id: idSchema,
      title: bilingualSchema,
      role: z.enum(canonicalRoles),
      /** The text's wording the interval makes concrete. */
      wording: z.enum(dutyWordings),
      interval: durationSchema.optional(),
      clauses: z.array(clauseIdSchema).min(1),
    }),
  ).default([]),
});

const clauseSchema = z.strictObject({
  id: clauseIdSchema,
  parentId: clauseIdSchema.nullable(),
  /** `heading` for bare headings; the rest say what the clause asks for. */
  kind: z.enum(['heading', ...clauseKinds]),
  heading: z.string().optional(),
  /** The exact text of the standard (empty for bare headings). */
  text: z.string(),
  /** Who must act. */
  actorRoles: roleList,
  /** Who approves, permits or receives the report. */
  approverRoles: roleList,
  /** Parties outside Bansho's roles (警察署, 総務部契約管財課契約係, 外部の専門家). */
  otherActors: z.array(z.string().min(1)).default([]),
  /** The Bansho capabilities that implement the clause (DESIGN §2). */
  capabilities: z.array(z.enum(capabilityIds)).default([]),
  /** Set instead of capabilities when nothing in Bansho can implement the clause: the reason. */
  policyTextOnly: z.string().min(1).optional(),
  /** How Bansho reads a clause the text leaves ambiguous or gets wrong. */
  interpretation: z.string().min(1).optional(),
  /** 1-based line of the source text. */
  sourceLine: z.number().int().min(1).optional(),
});

/** How Bansho reads a clause the text leaves ambiguous or gets wrong, decided once for the package. */
export const interpretationSchema = z.strictObject({
  id: idSchema,
  title: z.string().min(1),
  clauses: z.array(clauseIdSchema).min(1),
  issue: z.string().min(1),
  decision: z.string().min(1),
});

/** A policy package: the standard as data, across the files of a package directory (see docs/policy-format.md). */
export const policyObjectSchema = z.strictObject({
  // package.yaml
  packageId: z.string().regex(/^[a-z0-9-]+$/, { message: 'パッケージIDは英小文字・数字・ハイフンです / a package id has lowercase letters, digits and hyphens' }),
  municipality: bilingualSchema,
  title: z.string().min(1),
  /** The package's own version label (the effective date of the latest 附則, or an edition). */
  version: z.string().min(1),
  documentNumber: z.string().optional(),
  source: z.string().optional(),
  versions: z.array(amendmentSchema).default([]),
  // roles.yaml
  roles: z.array(roleSchema).min(1),
  departmentLevels: z.array(departmentLevelSchema).min(1),
  // classification.yaml, areas.yaml, request-types.yaml, lists.yaml, duties.yaml
  classification: classificationSchema.optional(),
  areas: z.strictObject({ levels: z.array(areaLevelSchema).min(1), clauses: clauseRefs }).optional(),
  requestTypes: z.array(requestTypeSchema).default([]),
  lists: listsSchema.default({}),
  duties: dutiesSchema.optional(),
  // clauses.yaml
  clauses: z.array(clauseSchema).default([]),
  interpretations: z.array(interpretationSchema).default([]),
});

type Issue = { path: (string | number)[]; message: string };
type Loose = Record<string, unknown>;

// The cross-reference rules read the data loosely: they also run on a package that failed the schema, so that
// one run lists every problem (a request type naming an unmapped role beside a role with no canonical mapping).
const obj = (value: unknown): Loose => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {});
const list = (value: unknown): Loose[] => (Array.isArray(value) ? value.map(obj) : []);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Cross-references: every id a package names must exist in it. */
export function crossReferenceIssues(data: unknown): Issue[] {
  const policy = obj(data);
  const issues: Issue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });

  const levels = list(policy.departmentLevels);
  const mapped = new Set<string>();
  list(policy.roles).forEach((role, index) => {
    const name = str(role.role);
    if (!name) return;
    if (mapped.has(name)) add(['roles', index, 'role'], `役割 ${name} が二度対応付けられています / role ${name} is mapped twice`);
    mapped.add(name);
    const scopeLevel = str(role.scopeLevel);
    if (scopeLevel !== undefined) {
      if (role.scope !== 'department') add(['roles', index, 'scopeLevel'], `scopeLevel は範囲が department の役割にだけ書けます / scopeLevel applies to department-scoped roles only`);
      else if (!levels.some((l) => l.id === scopeLevel)) add(['roles', index, 'scopeLevel'], `組織の階層 ${scopeLevel} が departmentLevels にありません / organisation level ${scopeLevel} is not in departmentLevels`);
    }
  });
  if (Array.isArray(policy.roles)) {
    for (const required of ['staff', 'app_admin'] as const) {
      if (!mapped.has(required)) add(['roles'], `標準の役割 ${required} に名称がありません / the canonical role ${required} has no title`);
    }
  }
  const needRole = (path: (string | number)[], role: unknown) => {
    if (typeof role === 'string' && (canonicalRoles as readonly string[]).includes(role) && !mapped.has(role)) {
      add(path, `役割 ${role} がこのパッケージの roles にありません / role ${role} is not mapped in this package's roles`);
    }
  };

  const levelIds = new Set<string>();
  levels.forEach((level, index) => {
    const id = str(level.id);
    if (id && levelIds.has(id)) add(['departmentLevels', index, 'id'], `階層 ${id} が重複しています / level ${id} appears twice`);
    if (id) levelIds.add(id);
  });

  // The clause tree: unique ids, parents that exist and come first.
  const clauses = list(policy.clauses);
  const clauseIds = new Set<string>();
  const allIds = new Set(clauses.map((c) => str(c.id)).filter((id): id is string => id !== undefined));
  clauses.forEach((clause, index) => {
    const at = (field: string) => ['clauses', index, field];
    const id = str(clause.id);
    const parentId = str(clause.parentId);
    if (id && clauseIds.has(id)) add(at('id'), `条項ID ${id} が重複しています / clause id ${id} appears twice`);
    if (parentId !== undefined && !clauseIds.has(parentId)) {
      add(at('parentId'), allIds.has(parentId)
        ? `親 ${parentId} は子より前に書いてください / parent ${parentId} must come before its children`
        : `親の条項 ${parentId} がありません / parent clause ${parentId} does not exist`);
    }
    if (id) clauseIds.add(id);
    const capabilities = strings(clause.capabilities);
    const textOnly = str(clause.policyTextOnly);
    if (clause.kind === 'heading') {
      if (capabilities.length > 0 || textOnly) add(at('kind'), `見出しには機能を書きません / a heading names no capability`);
    } else if (typeof clause.kind === 'string') {
      if (typeof clause.text === 'string' && clause.text.trim() === '') add(at('text'), `条項の本文がありません / the clause has no text`);
      if (capabilities.length === 0 && !textOnly) add(at('capabilities'), `実装する機能（capabilities）か、機能がない理由（policyTextOnly）を書いてください / name the capabilities that implement the clause, or give policyTextOnly with the reason`);
      if (capabilities.length > 0 && textOnly) add(at('policyTextOnly'), `capabilities と policyTextOnly は同時に書けません / give capabilities or policyTextOnly, not both`);
    }
    strings(clause.actorRoles).forEach((role, i) => needRole(['clauses', index, 'actorRoles', i], role));
    strings(clause.approverRoles).forEach((role, i) => needRole(['clauses', index, 'approverRoles', i], role));
  });

  const needClause = (path: (string | number)[], id: unknown) => {
    if (typeof id === 'string' && clauses.length > 0 && !clauseIds.has(id)) add(path, `条項 ${id} がありません / clause ${id} does not exist`);
  };
  const needClauses = (path: (string | number)[], ids: unknown) => strings(ids).forEach((id, i) => needClause([...path, i], id));
  list(policy.roles).forEach((role, index) => needClauses(['roles', index, 'clauses'], role.clauses));
  const classification = obj(policy.classification);
  needClauses(['classification', 'clauses'], classification.clauses);
  list(classification.levels).forEach((level, index) => {
    needClauses(['classification', 'levels', index, 'clauses'], level.clauses);
    for (const group of ['criteria', 'handling'] as const) list(level[group]).forEach((item, i) => needClause(['classification', 'levels', index, group, i, 'clause'], item.clause));
  });
  const areas = obj(policy.areas);
  needClauses(['areas', 'clauses'], areas.clauses);
  list(areas.levels).forEach((level, index) => {
    needRole(['areas', 'levels', index, 'designatedBy'], level.designatedBy);
    needClauses(['areas', 'levels', index, 'clauses'], level.clauses);
    list(level.measures).forEach((item, i) => needClause(['areas', 'levels', index, 'measures', i, 'clause'], item.clause));
  });

  const requestIds = new Set<string>();
  list(policy.requestTypes).forEach((type, index) => {
    const id = str(type.id);
    if (id && requestIds.has(id)) add(['requestTypes', index, 'id'], `申請の種類 ${id} が重複しています / request type ${id} appears twice`);
    if (id) requestIds.add(id);
    strings(type.applicantRoles).forEach((role, i) => needRole(['requestTypes', index, 'applicantRoles', i], role));
    list(type.approvers).forEach((approver, i) => needRole(['requestTypes', index, 'approvers', i, 'role'], approver.role));
    const emergency = obj(type.emergency);
    needRole(['requestTypes', index, 'emergency', 'reportTo'], emergency.reportTo);
    needClause(['requestTypes', index, 'emergency', 'clause'], emergency.clause);
    needClauses(['requestTypes', index, 'clauses'], type.clauses);
    list(type.fields).forEach((field, i) => {
      if (field.type === 'select' && list(field.options).length === 0) add(['requestTypes', index, 'fields', i, 'options'], `選択肢がありません / a select field needs options`);
    });
  });

  for (const [name, value] of Object.entries(obj(policy.lists))) {
    const l = obj(value);
    needClause(['lists', name, 'clause'], l.clause);
    const seen = new Set<string>();
    list(l.items).forEach((item, i) => {
      const id = str(item.id);
      if (id && seen.has(id)) add(['lists', name, 'items', i, 'id'], `項目 ${id} が重複しています / item ${id} appears twice`);
      if (id) seen.add(id);
      needClause(['lists', name, 'items', i, 'clause'], item.clause);
    });
  }
  list(obj(policy.duties).items).forEach((duty, index) => {
    needRole(['duties', 'items', index, 'role'], duty.role);
    needClauses(['duties', 'items', index, 'clauses'], duty.clauses);
  });
  list(policy.interpretations).forEach((item, index) => needClauses(['interpretations', index, 'clauses'], item.clauses));
  return issues;
}

/** The package schema with its cross-reference rules: one zod schema for the whole package. */
export const policySchema = policyObjectSchema.superRefine((policy, ctx) => {
  for (const issue of crossReferenceIssues(policy)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});

export type Policy = z.infer<typeof policySchema>;
export type PolicyRole = Policy['roles'][number];
export type PolicyClause = Policy['clauses'][number];
export type PolicyRequestType = Policy['requestTypes'][number];
