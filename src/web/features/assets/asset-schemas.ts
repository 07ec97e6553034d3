import { z } from 'zod';
import { classificationIssues as registerClassificationIssues, copyKinds, textLimits } from '../../../features/assets/asset-rules.js';
import type { ClassificationLevel } from './asset-types.js';

// The server's rules (its limits and classification rule are the register's shared ones, asset-rules.ts),
// checked here first so the user hears about a mistake beside the field, in their language, before anything is
// sent. Messages are keys: `validation…` from the shared dictionary, `asset:…` from this feature's.

const text = (max: number) => z.string().trim().max(max, `validationTooLong:${max}`);
/** A date input's value: a calendar day, or empty for "none". */
const optionalDay = z.union([z.literal(''), z.iso.date('validationRequired')]);

/** Fields of the asset form as the inputs hold them (empty strings for "none"). */
export const assetFieldsSchema = z.object({
  name: text(textLimits.name).min(1, 'validationRequired'),
  description: text(textLimits.description),
  kind: z.string().min(1, 'validationChoose'),
  departmentId: z.string(),
  classLevel: z.string().min(1, 'validationChoose'),
  classCriteria: z.array(z.string()),
  classJustification: text(textLimits.classJustification),
  confidentialityNote: text(textLimits.securityNote),
  integrityNote: text(textLimits.securityNote),
  availabilityNote: text(textLimits.securityNote),
  location: text(textLimits.location),
  mediumId: z.string(),
  retentionUntil: optionalDay,
  reviewDue: optionalDay,
});
export type AssetFormValues = z.infer<typeof assetFieldsSchema>;

export interface ClassificationIssue {
  path: 'classLevel' | 'classCriteria' | 'classJustification';
  key: string;
}

/** The message key of each problem the register's rule finds (criteria of another level are dropped by the form). */
const issueKeys = {
  noScheme: 'validationChoose',
  unknownLevel: 'validationChoose',
  unknownCriteria: 'asset:criteriaRequired',
  criteriaRequired: 'asset:criteriaRequired',
  justificationRequired: 'asset:justificationRequired',
} as const;

/**
 * 第2 3 as the server checks it (asset-rules.ts `classificationIssues`): a level the scheme knows; a non-default
 * level needs a criterion that puts the asset there; the level may ask for a written reason. Only the chosen
 * level's criteria count, as only they are sent.
 */
export function classificationIssues(
  levels: readonly ClassificationLevel[],
  values: Pick<AssetFormValues, 'classLevel' | 'classCriteria' | 'classJustification'>,
): ClassificationIssue[] {
  if (values.classLevel === '') return [];
  const level = levels.find((candidate) => candidate.id === values.classLevel);
  const classCriteria = values.classCriteria.filter((id) => level?.criteria.some((criterion) => criterion.id === id));
  return registerClassificationIssues(levels, { ...values, classCriteria }).map((found) => ({ path: found.path, key: issueKeys[found.issue] }));
}

/** The asset form's schema for a scheme; the 課等 is required when registering (it cannot change later). */
export function assetFormSchema(levels: readonly ClassificationLevel[], options: { requireDepartment: boolean }) {
  return assetFieldsSchema.superRefine((values, context) => {
    if (options.requireDepartment && values.departmentId === '') {
      context.addIssue({ code: 'custom', path: ['departmentId'], message: 'validationChoose' });
    }
    for (const issue of classificationIssues(levels, values)) context.addIssue({ code: 'custom', path: [issue.path], message: issue.key });
  });
}

/** What the API takes: trimmed texts, `null` for "none", only the chosen level's criteria. */
export function assetBody(values: AssetFormValues, levels: readonly ClassificationLevel[]) {
  const level = levels.find((candidate) => candidate.id === values.classLevel);
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    kind: values.kind,
    classLevel: values.classLevel,
    classCriteria: values.classCriteria.filter((id) => level?.criteria.some((criterion) => criterion.id === id)),
    classJustification: values.classJustification.trim(),
    confidentialityNote: values.confidentialityNote.trim(),
    integrityNote: values.integrityNote.trim(),
    availabilityNote: values.availabilityNote.trim(),
    location: values.location.trim(),
    mediumId: values.mediumId || null,
    retentionUntil: values.retentionUntil || null,
    reviewDue: values.reviewDue || null,
  };
}
export type AssetBody = ReturnType<typeof assetBody>;

/**
 * The fields of an edit that differ from the record: PATCH sends only those, so an untouched classification is
 * not journaled as a reclassification and the server's "nothing changed" is caught here.
 */
export function changedFields(before: AssetBody, after: AssetBody): Partial<AssetBody> {
  const changes: Partial<AssetBody> = {};
  for (const key of Object.keys(after) as (keyof AssetBody)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) Object.assign(changes, { [key]: after[key] });
  }
  // The three classification fields are judged together by the server: send them together.
  if ('classLevel' in changes || 'classCriteria' in changes || 'classJustification' in changes) {
    Object.assign(changes, { classLevel: after.classLevel, classCriteria: after.classCriteria, classJustification: after.classJustification });
  }
  return changes;
}

/** 第2 4(4): how and when it was disposed of, with evidence. */
export const disposeSchema = z.object({
  method: text(textLimits.disposalMethod).min(1, 'validationRequired'),
  evidence: text(textLimits.disposalEvidence).min(1, 'validationRequired'),
  disposedOn: z.iso.date('validationRequired'),
});
export type DisposeValues = z.infer<typeof disposeSchema>;

/** 第2 1(2): a copy or transmission and the 課等 that holds it. */
export const copySchema = z.object({
  kind: z.enum(copyKinds),
  departmentId: z.string().min(1, 'validationChoose'),
  location: text(textLimits.location),
  mediumId: z.string(),
  note: text(textLimits.note),
});
export type CopyValues = z.infer<typeof copySchema>;

export const statusChangeSchema = z.object({
  status: z.enum(['active', 'out'], 'validationChoose'),
  note: text(textLimits.note),
});
export type StatusChangeValues = z.infer<typeof statusChangeSchema>;

export const saveFilterSchema = z.object({ name: text(textLimits.filterName).min(1, 'validationRequired') });
