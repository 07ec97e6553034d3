import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../config.js';
import { kitaminatoDir, shinjukuDir } from '../../test/helpers/policy-packages.js';
import { capabilities, capabilityIds } from './capabilities.js';
import { importText } from './import-text/import-text.js';
import { readPolicyPackage } from './loader.js';

const { policy } = readPolicyPackage(shinjukuDir);
const normative = policy.clauses.filter((c) => c.kind !== 'heading');

describe('the Shinjuku policy package', () => {
  it('has every heading and normative item of the standard: 187 normative clauses and 47 headings', () => {
    expect(normative).toHaveLength(187);
    expect(policy.clauses.filter((c) => c.kind === 'heading')).toHaveLength(47);
    const expected = readFileSync(path.join(projectRoot, 'test', 'fixtures', 'standards', 'shinjuku-expected-clauses.tsv'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split('\t')[0]);
    expect(policy.clauses.map((c) => c.id)).toEqual(expected);
  });

  it('keeps the ids in the text\'s own numbering, second sentences and table rows included', () => {
    const ids = new Set(policy.clauses.map((c) => c.id));
    for (const id of ['2.4.2.イ', '5.2.2.ア.イ', '3.2.1.表.Ⅰ', '3.2.1.表.Ⅱ', '2.4.4.後段', '6.3.2.ウ.ただし書', '5.4.6.ア.後段']) expect(ids, id).toContain(id);
  });

  it('holds the exact text of the standard for every clause', () => {
    const imported = importText(readFileSync(path.join(projectRoot, 'test', 'fixtures', 'standards', 'shinjuku.txt')));
    const texts = new Map(imported.clauses.map((c) => [c.id, c.text]));
    for (const clause of policy.clauses) expect(clause.text, clause.id).toBe(texts.get(clause.id));
  });

  it('classifies the clauses as the clause report counts them', () => {
    const counts: Record<string, number> = {};
    for (const clause of normative) counts[clause.kind] = (counts[clause.kind] ?? 0) + 1;
    expect(counts).toEqual({
      obligation: 90, 'contract-clause': 18, reporting: 15, condition: 14, 'record-keeping': 12, classification: 11,
      'approval-required': 11, prohibition: 9, definition: 6, permission: 1,
    });
  });

  it('names only capabilities that exist, and gives every other clause a reason', () => {
    const known = new Set<string>(capabilityIds);
    for (const clause of normative) {
      for (const capability of clause.capabilities) expect(known.has(capability), `${clause.id} names ${capability}`).toBe(true);
      expect(clause.capabilities.length > 0 || Boolean(clause.policyTextOnly), clause.id).toBe(true);
    }
    expect(normative.filter((c) => c.policyTextOnly).map((c) => c.id)).toEqual(['1.1']);
  });

  it('names the approver of every approval the standard requires', () => {
    const approvals = Object.fromEntries(normative.filter((c) => c.kind === 'approval-required').map((c) => [c.id, c.approverRoles]));
    expect(approvals).toEqual({
      '2.4.2.イ': ['security_officer'], '2.4.4.後段': ['security_officer'], '3.1.3.ア': ['cio'], '3.3.1': ['cio'], '4.1.1': ['security_officer'],
      '4.1.2': ['security_officer'], '5.2.2.ア.ア': ['security_officer'], '5.2.2.ア.イ': ['cio'], '5.4.5': ['cio'], '6.3.2.ウ': ['network_admin'], '6.7.1': ['cio'],
    });
  });

  it('records the 22 gaps of the clause report as interpretations, and the ten 附則 versions', () => {
    expect(policy.interpretations).toHaveLength(22);
    expect(policy.interpretations.find((i) => i.clauses.includes('2.4.2.ア'))?.decision).toMatch(/第2 3/);
    expect(policy.versions.map((v) => v.effective)).toEqual(['2003-08-25', '2005-04-01', '2006-04-01', '2007-04-01', '2007-05-31', '2008-04-01', '2008-06-26', '2012-05-01', '2014-03-25', '2016-01-01']);
  });

  it('encodes the lists, levels and request types the standard names', () => {
    expect(policy.lists.outsourcingContractClauses?.items).toHaveLength(12);
    expect(policy.lists.dispatchedWorkerContractClauses?.items).toHaveLength(4);
    expect(policy.lists.networkDisconnectTriggers?.items).toHaveLength(5);
    expect(policy.lists.systemStopTriggers?.items).toHaveLength(4);
    expect(policy.lists.incidentResponseSteps?.items).toHaveLength(6);
    expect(policy.classification?.levels.map((l) => l.title.ja)).toEqual(['重要性分類Ⅰ', '重要性分類Ⅱ']);
    expect(policy.classification?.levels[0]?.criteria).toHaveLength(5);
    expect(policy.areas?.levels.map((l) => l.title.ja)).toEqual(['管理区域Ⅰ', '管理区域Ⅱ']);
    expect(policy.requestTypes).toHaveLength(12);
    expect(policy.duties?.defaults).toEqual({ periodic: 'P3M', continuous: 'P1D', prompt: 'P1D' });
  });
});

describe('capabilities', () => {
  it('lists the sixteen capabilities of DESIGN §2 in order, four built in this version', () => {
    expect(capabilities.map((c) => c.number)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(capabilities.filter((c) => c.status === 'implemented').map((c) => c.id)).toEqual(['organisation', 'accounts', 'policy', 'assets', 'journal']);
  });
});

describe('the second package (北湊市, 総務省 guideline)', () => {
  const second = readPolicyPackage(kitaminatoDir).policy;

  it('differs from Shinjuku where municipalities differ', () => {
    expect(second.classification?.levels.map((l) => l.title.ja)).toEqual(['機密性3A', '機密性3B', '機密性3C', '機密性2', '機密性1']);
    expect(second.areas?.levels).toHaveLength(3);
    expect(second.lists.outsourcingContractClauses?.items).toHaveLength(5);
    expect(second.roles.find((r) => r.role === 'security_officer')).toMatchObject({ scopeLevel: 'bu', title: { ja: '情報セキュリティ責任者（部長）' } });
    expect(second.requestTypes.find((t) => t.id === 'take-out')?.approvers.map((a) => a.role)).toEqual(['security_officer', 'chief_security_officer']);
  });
});
