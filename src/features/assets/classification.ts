import { DomainError, type Bilingual, type FieldProblem } from '../../domain/errors.js';
import type { Policy } from '../../policy/schema.js';

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

export interface ClassificationInput {
  classLevel: string;
  classCriteria: string[];
  classJustification: string;
}

/**
 * 第2 3: what is wrong with a classification under the package's scheme — an unknown level, criteria that are
 * not the level's, a non-default level without the criterion that puts the asset there, or a missing
 * justification where the level asks for one. Empty when it is sound.
 */
export function classificationProblems(policy: Policy, input: ClassificationInput): FieldProblem[] {
  const scheme = policy.classification;
  if (!scheme) return [{ path: 'classLevel', message: { ja: '施行中のポリシーに重要性分類が定義されていません。', en: 'The policy in force defines no classification scheme.' } }];
  const level = levelOf(policy, input.classLevel);
  if (!level) {
    const valid = scheme.levels.map((l) => `${l.id}（${l.title.ja}）`).join('、');
    return [{ path: 'classLevel', message: { ja: `重要性分類「${input.classLevel}」はありません。次のいずれかです：${valid}`, en: `There is no class "${input.classLevel}". Use one of: ${scheme.levels.map((l) => l.id).join(', ')}` } }];
  }
  const problems: FieldProblem[] = [];
  const known = new Set(level.criteria.map((c) => c.id));
  const unknown = input.classCriteria.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    problems.push({ path: 'classCriteria', message: { ja: `${level.title.ja}の基準にない項目です：${unknown.join('、')}`, en: `Not criteria of ${level.title.en}: ${unknown.join(', ')}` } });
  } else if (!level.isDefault && level.criteria.length > 0 && input.classCriteria.length === 0) {
    problems.push({ path: 'classCriteria', message: { ja: `${level.title.ja}に該当する基準を1つ以上選んでください。`, en: `Choose at least one criterion of ${level.title.en} that applies.` } });
  }
  if (level.controls.justificationRequired && input.classJustification.trim() === '') {
    problems.push({ path: 'classJustification', message: { ja: `${level.title.ja}に分類する理由を記入してください。`, en: `Give the reason for classifying as ${level.title.en}.` } });
  }
  return problems;
}

/** Throws the problems as one invalid-input error, or returns the level. */
export function requireSoundClassification(policy: Policy, input: ClassificationInput): ClassificationLevel {
  const problems = classificationProblems(policy, input);
  if (problems.length > 0) throw invalidAsset('E_CLASSIFICATION', { ja: '重要性分類の内容に誤りがあります。', en: 'The classification is not valid.' }, problems);
  const level = levelOf(policy, input.classLevel);
  if (!level) throw new Error('unreachable: a sound classification names a known level');
  return level;
}

/** An invalid-input error of the asset register. */
export function invalidAsset(code: string, message: Bilingual, fields: FieldProblem[] = []): DomainError {
  return new DomainError('invalid', code, message, fields);
}
