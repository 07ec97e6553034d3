import { describe, expect, it } from 'vitest';
import { kernelErrors } from '../domain/kernel-errors.js';
import type { FeatureErrors } from './feature.js';
import { features } from './index.js';

/** Every catalogue: the kernel's, and each feature's from the feature list. */
const catalogues: [string, FeatureErrors][] = [['kernel', kernelErrors], ...features.map((feature): [string, FeatureErrors] => [feature.name, feature.errors])];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('error catalogues', () => {
  it('give every code its Japanese and English texts, with the same placeholders', () => {
    const problems: string[] = [];
    for (const [name, catalogue] of catalogues) {
      for (const [code, entry] of Object.entries(catalogue)) {
        if (!/^E_[A-Z0-9_]+$/.test(code) || entry.code !== code) problems.push(`${name}: ${code} is not a well-formed code of its own entry`);
        if (entry.template.ja.trim() === '' || entry.template.en.trim() === '') problems.push(`${name}: ${code} lacks a text`);
        if (!/[\u3040-\u30ff\u4e00-\u9fff]/.test(entry.template.ja)) problems.push(`${name}: ${code}'s Japanese text has no Japanese`);
        if (placeholders(entry.template.ja).join() !== placeholders(entry.template.en).join()) problems.push(`${name}: ${code}'s texts name different placeholders`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('give each code to one catalogue only', () => {
    const owners = new Map<string, string[]>();
    for (const [name, catalogue] of catalogues) for (const code of Object.keys(catalogue)) owners.set(code, [...(owners.get(code) ?? []), name]);
    expect([...owners].filter(([, names]) => names.length > 1)).toEqual([]);
  });

  it('fill placeholders, numbers in each language\'s way', () => {
    expect(kernelErrors.E_INPUT_TOO_DEEP.message({ max: 1000 })).toEqual({ ja: '入力の入れ子が深すぎます（1,000段まで）。', en: 'The input is nested too deeply (at most 1,000 levels).' });
    expect(kernelErrors.E_NOT_FOUND.error({ what: { ja: '情報資産', en: 'The asset' } }).bilingual).toEqual({ ja: '情報資産が見つかりません。', en: 'The asset was not found.' });
  });
});
