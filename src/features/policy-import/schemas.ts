import { z } from 'zod';
import type { ClauseShape, ImportedStandard, ImportWarningCode } from '../../policy/import-text/draft-types.js';
import { draftActions, draftCollectionActions } from './draft-policy.js';
import { draftFileNames, draftNameMaxLength } from './draft-fields.js';

/** The most text one import reads: 1 MiB of UTF-8 (the Shinjuku standard is 40 KiB). */
export const maxSourceBytes = 1024 * 1024;
const maxClauses = 5000;

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const sourceTextSchema = z
  .string()
  .refine((text) => utf8Bytes(text) <= maxSourceBytes, { message: '本文は 1 MiB までです / The text may be at most 1 MiB' });

/** POST /api/policy/import-text as JSON: `{ text }` (the raw bytes may also be sent as application/octet-stream). */
export const importTextBodySchema = z.union([z.strictObject({ text: sourceTextSchema }), sourceTextSchema]);

/** Where a clause comes from (draft-types.ts ClauseShape). */
const shapes = [
  'dai', 'chapter', 'division', 'article', 'number', 'parenNumber', 'kanjiNumber', 'katakana', 'parenKatakana',
  'firstParagraph', 'tableRow', 'secondSentence', 'proviso',
] as const satisfies readonly ClauseShape[];

/** What the importer warns about (draft-types.ts ImportWarningCode). */
const warningCodes = [
  'numbering-jump', 'numbering-repeat', 'marker-outside-parent', 'page-number-skipped', 'title-or-text', 'table-without-item', 'unparsed-date',
  'date-outside-era', 'no-effective-date',
] as const satisfies readonly ImportWarningCode[];

/** The two types are the same, optional fields and all (the classic identity test of conditional types). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const short = z.string().max(500);

/** One clause of a reviewed draft (src/policy/import-text/draft-types.ts DraftClause); depth is recomputed. */
export const draftClauseSchema = z.strictObject({
  id: z.string().trim().min(1, { message: '条項IDを入力してください / The clause id is required' }).max(60).regex(/^[^\s/\\]+$/, { message: '条項IDに空白や / は使えません / A clause id has no spaces or slashes' }),
  parentId: z.string().max(60).nullable(),
  shape: z.enum(shapes),
  depth: z.number().int().min(1).max(50).optional(),
  marker: short.optional(),
  heading: short.optional(),
  text: z.string().max(20_000),
  line: z.number().int().min(0),
  kind: z.enum(['heading', 'TODO']),
  split: z.literal('suggested').optional(),
  columns: z.array(short).max(50).optional(),
  columnHeadings: z.array(short).max(50).optional(),
});
export type DraftClauseInput = z.infer<typeof draftClauseSchema>;

const draftVersionSchema = z.strictObject({
  id: z.string().min(1).max(60),
  version: z.number().int().min(1),
  line: z.number().int().min(0),
  issued: z.string().max(20).optional(),
  number: short.optional(),
  effective: z.string().max(20).optional(),
  text: z.string().max(20_000),
});

const roleCandidateSchema = z.strictObject({
  title: short,
  count: z.number().int().min(0),
  firstLine: z.number().int().min(0),
  clauseIds: z.array(z.string().max(60)).max(maxClauses),
});

// A reviewed draft carries back the warnings the importer gave it.
const warningSchema = z.strictObject({ code: z.enum(warningCodes), line: z.number().int().min(0), message: z.string().max(2000) });

const problem = (ja: string, en: string) => `${ja} / ${en}`;

/**
 * The reviewed tree: ids unique, every parent present, no clause its own ancestor. Checked here so that a
 * broken tree is refused before any use case runs, with the path of the clause at fault.
 */
export const draftSchema = z
  .strictObject({
    style: z.enum(['outline', 'article']),
    title: short.optional(),
    clauses: z.array(draftClauseSchema).min(1, { message: problem('条項が1件もありません', 'The draft has no clauses') }).max(maxClauses),
    versions: z.array(draftVersionSchema).max(500),
    roles: z.array(roleCandidateSchema).max(500),
    warnings: z.array(warningSchema).max(maxClauses).optional(),
  })
  .superRefine((draft, ctx) => {
    const parentOf = new Map<string, string | null>();
    draft.clauses.forEach((clause, index) => {
      if (parentOf.has(clause.id)) {
        ctx.addIssue({ code: 'custom', path: ['clauses', index, 'id'], message: problem(`条項ID「${clause.id}」が重複しています`, `The clause id "${clause.id}" is used twice`) });
      }
      parentOf.set(clause.id, clause.parentId);
    });
    draft.clauses.forEach((clause, index) => {
      if (clause.parentId !== null && !parentOf.has(clause.parentId)) {
        ctx.addIssue({ code: 'custom', path: ['clauses', index, 'parentId'], message: problem(`親の条項「${clause.parentId}」がありません`, `The parent clause "${clause.parentId}" does not exist`) });
        return;
      }
      // Walk up: a chain longer than the tree has clauses must come back on itself.
      const seen = new Set<string>([clause.id]);
      for (let parent = clause.parentId; parent !== null; parent = parentOf.get(parent) ?? null) {
        if (seen.has(parent)) {
          ctx.addIssue({ code: 'custom', path: ['clauses', index, 'parentId'], message: problem(`条項「${clause.id}」の親をたどると循環します`, `The parents of clause "${clause.id}" form a cycle`) });
          return;
        }
        seen.add(parent);
      }
    });
  });
export type DraftInput = z.infer<typeof draftSchema>;

const nameSchema = z
  .string()
  .trim()
  .min(1, { message: problem('名前を入力してください', 'The name is required') })
  .max(draftNameMaxLength, { message: problem(`名前は${draftNameMaxLength}文字までです`, `The name may be at most ${draftNameMaxLength} characters`) });

/** POST /api/policy/drafts: a reviewed draft with the text it was read from. */
export const saveDraftSchema = z.strictObject({ name: nameSchema, sourceText: sourceTextSchema, draft: draftSchema });
export type SaveDraftInput = z.infer<typeof saveDraftSchema>;

/** PUT /api/policy/drafts/:id: the edited tree (the source text stays what was imported). */
export const updateDraftSchema = z.strictObject({ name: nameSchema, draft: draftSchema });
export type UpdateDraftInput = z.infer<typeof updateDraftSchema>;

export const draftParamsSchema = z.strictObject({ id: z.uuid({ message: '下書きのIDの形式が正しくありません / Not a valid draft id' }) });

export const draftFileParamsSchema = z.strictObject({ id: draftParamsSchema.shape.id, file: z.enum(draftFileNames) });

// Answers. Ids are read from the database, so any well-formed UUID (guid) is accepted on the way out; the draft
// tree is described as the importer makes it (src/policy/import-text/draft-types.ts), without the input's limits.

/** One clause of a draft tree. */
const draftClauseOutput = z
  .object({
    /** Dotted, in the text's own numbering: `2.4.2.イ` is 第2 4(2)イ. */
    id: z.string(),
    parentId: z.string().nullable(),
    shape: z.enum(shapes),
    depth: z.number().int(),
    marker: z.string().optional(),
    heading: z.string().optional(),
    text: z.string(),
    /** 1-based line of the source. */
    line: z.number().int(),
    kind: z.enum(['heading', 'TODO']),
    split: z.literal('suggested').optional(),
    columns: z.array(z.string()).optional(),
    columnHeadings: z.array(z.string()).optional(),
  })
  .meta({ id: 'DraftClause' });

/** One 附則 of the text: a version of the standard. */
const draftVersionOutput = z
  .object({
    id: z.string(),
    version: z.number().int(),
    line: z.number().int(),
    issued: z.string().optional(),
    number: z.string().optional(),
    effective: z.string().optional(),
    text: z.string(),
  })
  .meta({ id: 'DraftVersion' });

/** A role title the text uses, as a candidate for the package's role mapping. */
const roleCandidateOutput = z
  .object({ title: z.string(), count: z.number().int(), firstLine: z.number().int(), clauseIds: z.array(z.string()) })
  .meta({ id: 'RoleCandidate' });

/** Something a reviewer should look at; the draft is produced anyway. The message is English, then Japanese. */
const importWarningOutput = z.object({ code: z.enum(warningCodes), line: z.number().int(), message: z.string() }).meta({ id: 'ImportWarning' });

/** A standard's text as a draft: clauses, versions (附則), role candidates and warnings. */
export const importedStandardSchema = z
  .object({
    style: z.enum(['outline', 'article']),
    title: z.string().optional(),
    clauses: z.array(draftClauseOutput),
    versions: z.array(draftVersionOutput),
    roles: z.array(roleCandidateOutput),
    warnings: z.array(importWarningOutput),
  })
  .meta({ id: 'ImportedStandard' });
// The answer's description is the importer's type exactly: a field added on one side only does not compile.
const describesTheImporter: Same<z.infer<typeof importedStandardSchema>, ImportedStandard> = true;
void describesTheImporter;

/** POST /api/policy/import-text: the draft, and the text's lines as the importer numbered them (line n is `lines[n - 1]`). */
export const parsedStandardTextSchema = importedStandardSchema.extend({ lines: z.array(z.string()) }).meta({ id: 'ParsedStandardText' });
export type ParsedStandardText = z.infer<typeof parsedStandardTextSchema>;

/** A saved draft as the list shows it (without its texts). */
export const draftSummarySchema = z
  .object({
    id: z.guid(),
    name: z.string(),
    clauseCount: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    createdByName: z.string(),
    updatedByName: z.string(),
    allowedActions: z.array(z.enum(draftActions)),
  })
  .meta({ id: 'DraftSummary' });
export type DraftSummary = z.infer<typeof draftSummarySchema>;

/** GET /api/policy/drafts: saved drafts, most recently edited first, and what the actor may do with drafts. */
export const draftListSchema = z.object({ items: z.array(draftSummarySchema), allowedActions: z.array(z.enum(draftCollectionActions)) }).meta({ id: 'DraftList' });
export type DraftList = z.infer<typeof draftListSchema>;

/** GET /api/policy/drafts/:id: one draft with its source text and lines, the reviewed tree, and what the actor may do. */
export const draftDetailSchema = z
  .object({
    id: z.guid(),
    name: z.string(),
    sourceText: z.string(),
    lines: z.array(z.string()),
    draft: importedStandardSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    updatedByName: z.string(),
    allowedActions: z.array(z.enum(draftActions)),
  })
  .meta({ id: 'DraftDetail' });
export type DraftDetail = z.infer<typeof draftDetailSchema>;

/** The draft a save wrote. */
export const draftRefSchema = z.object({ id: z.guid() }).meta({ id: 'DraftRef' });

/** GET /api/policy/drafts/:id/files/:file: one YAML file of the draft package, to download. */
export const draftFileResponse = {
  description: 'One YAML file of the draft package (a download)',
  content: { 'application/yaml': { schema: z.string() } },
};
