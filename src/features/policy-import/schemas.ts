import { z } from 'zod';

/** The most text one import reads: 1 MiB of UTF-8 (the Shinjuku standard is 40 KiB). */
export const maxSourceBytes = 1024 * 1024;
const maxClauses = 5000;

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const sourceTextSchema = z
  .string()
  .refine((text) => utf8Bytes(text) <= maxSourceBytes, { message: '本文は 1 MiB までです / The text may be at most 1 MiB' });

/** POST /api/policy/import-text as JSON: `{ text }` (the raw bytes may also be sent as application/octet-stream). */
export const importTextBodySchema = z.union([z.strictObject({ text: sourceTextSchema }), sourceTextSchema]);

const shapes = [
  'dai', 'chapter', 'division', 'article', 'number', 'parenNumber', 'kanjiNumber', 'katakana', 'parenKatakana',
  'firstParagraph', 'tableRow', 'secondSentence', 'proviso',
] as const;

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

const warningSchema = z.strictObject({ code: z.string().max(60), line: z.number().int().min(0), message: z.string().max(2000) });

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
  .max(100, { message: problem('名前は100文字までです', 'The name may be at most 100 characters') });

/** POST /api/policy/drafts: a reviewed draft with the text it was read from. */
export const saveDraftSchema = z.strictObject({ name: nameSchema, sourceText: sourceTextSchema, draft: draftSchema });
export type SaveDraftInput = z.infer<typeof saveDraftSchema>;

/** PUT /api/policy/drafts/:id: the edited tree (the source text stays what was imported). */
export const updateDraftSchema = z.strictObject({ name: nameSchema, draft: draftSchema });
export type UpdateDraftInput = z.infer<typeof updateDraftSchema>;

export const draftParamsSchema = z.strictObject({ id: z.uuid({ message: '下書きのIDの形式が正しくありません / Not a valid draft id' }) });

/** The files of a draft package one may download (render-draft-package.ts). */
export const draftFileNames = ['package.yaml', 'clauses.yaml', 'versions.yaml', 'roles-candidates.yaml'] as const;
export const draftFileParamsSchema = z.strictObject({ id: draftParamsSchema.shape.id, file: z.enum(draftFileNames) });
