import type { FieldProblem } from '../../domain/errors.js';
import type { Policy } from '../../policy/schema.js';
import { classificationIssues, type ClassificationInput } from './asset-rules.js';
import { assetErrors, listOf } from './errors.js';

export type { ClassificationInput } from './asset-rules.js';

export type ClassificationLevel = NonNullable<Policy['classification']>['levels'][number];

/** The level of the scheme in force with this id, if any. */
export function levelOf(policy: Policy, levelId: string): ClassificationLevel | undefined {
  return policy.classification?.levels.find((level) => level.id === levelId);
}

/** Is a record of this level restricted (class Ⅰ details only for holders, the officer and oversight)? */
export function isRestricted(policy: Policy, levelId: string): boolean {
  // A level the scheme no longer knows is treated as restricted: better too careful than too open.
  return levelOf(policy, levelId)?.controls.restricted ?? true;
}

/** The default level (第2 3(2): "everything else"), or the least sensitive one. */
export function defaultLevel(policy: Policy): ClassificationLevel | undefined {
  const levels = policy.classification?.levels ?? [];
  return levels.find((level) => level.isDefault) ?? [...levels].sort((a, b) => b.rank - a.rank)[0];
}

/**
 * 第2 3: what is wrong with a classification under the package's scheme (asset-rules.ts `classificationIssues`,
 * the rule the web's form checks too), each problem in words on its field. Empty when it is sound.
 */
export function classificationProblems(policy: Policy, input: ClassificationInput): FieldProblem[] {
  const levels = policy.classification?.levels;
  const level = levelOf(policy, input.classLevel);
  const title = level?.title ?? { ja: input.classLevel, en: input.classLevel };
  return classificationIssues(levels, input).map((found): FieldProblem => {
    switch (found.issue) {
      case 'noScheme':
        return { path: found.path, message: assetErrors.E_CLASSIFICATION_SCHEME_MISSING.message() };
      case 'unknownLevel': {
        const choices = { ja: (levels ?? []).map((l) => `${l.id}（${l.title.ja}）`).join('、'), en: (levels ?? []).map((l) => l.id).join(', ') };
        return { path: found.path, message: assetErrors.E_CLASS_LEVEL_UNKNOWN.message({ level: input.classLevel, choices }) };
      }
      case 'unknownCriteria':
        return { path: found.path, message: assetErrors.E_CLASS_CRITERIA_UNKNOWN.message({ level: title, criteria: listOf(found.criteria) }) };
      case 'criteriaRequired':
        return { path: found.path, message: assetErrors.E_CLASS_CRITERIA_REQUIRED.message({ level: title }) };
      case 'justificationRequired':
        return { path: found.path, message: assetErrors.E_CLASS_JUSTIFICATION_REQUIRED.message({ level: title }) };
    }
  });
}

/** Throws the problems as one invalid-input error, or returns the level. */
export function requireSoundClassification(policy: Policy, input: ClassificationInput): ClassificationLevel {
  const problems = classificationProblems(policy, input);
  if (problems.length > 0) throw assetErrors.E_CLASSIFICATION.error({ fields: problems });
  const level = levelOf(policy, input.classLevel);
  if (!level) throw new Error('unreachable: a sound classification names a known level');
  return level;
}
