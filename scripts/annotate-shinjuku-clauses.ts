/**
 * Writes policies/shinjuku/clauses.yaml: the clause tree that src/policy/import-text reads from the standard's
 * text (ids, parents, headings, exact texts), annotated from design/clauses-report.md — kind, the roles that act
 * and approve (or receive a report), the Bansho capabilities that implement the clause, or why nothing can.
 *
 *   npx tsx scripts/annotate-shinjuku-clauses.ts [path/to/standard.txt]
 *
 * The YAML it writes is the package's source from then on; re-run only to start over from the text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { importText } from '../src/policy/import-text/import-text.js';
import type { CapabilityId } from '../src/policy/capabilities.js';
import type { CanonicalRole, ClauseKind } from '../src/policy/schema.js';

const root = path.resolve(import.meta.dirname, '..');
const source = process.argv[2] ?? path.join(root, 'test', 'fixtures', 'standards', 'shinjuku.txt');

/** Titles the text uses for the roles Bansho knows, longest first so that 統括… wins over 情報セキュリティ責任者. */
const titles: [string, CanonicalRole][] = [
  ['統括情報セキュリティ責任者', 'chief_security_officer'],
  ['情報セキュリティ責任者', 'security_officer'],
  ['ネットワーク管理者', 'network_admin'],
  ['情報システム管理者', 'system_admin'],
  ['情報化統括管理者', 'cio'],
  ['情報化戦略本部', 'strategy_board'],
  ['職員', 'staff'],
  ['利用者', 'staff'],
];

/** The roles named in a piece of text, in order of appearance, each once. */
function rolesIn(text: string): CanonicalRole[] {
  const found: { at: number; role: CanonicalRole }[] = [];
  let rest = text;
  for (const [title, role] of titles) {
    let at = rest.indexOf(title);
    while (at >= 0) {
      found.push({ at, role });
      // Blank the match so that 情報セキュリティ責任者 inside 統括情報セキュリティ責任者 is not found again.
      rest = rest.slice(0, at) + '＿'.repeat(title.length) + rest.slice(at + title.length);
      at = rest.indexOf(title);
    }
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.role))];
}

/** The subject of a clause's first sentence: the roles before its first 「は、」. */
function subjectOf(text: string): CanonicalRole[] {
  const end = text.indexOf('は、');
  return end < 0 ? [] : rolesIn(text.slice(0, end));
}

type Kinds = ClauseKind;
interface Note {
  kind: Kinds;
  caps?: CapabilityId[];
  textOnly?: string;
  actors?: CanonicalRole[];
  approvers?: CanonicalRole[];
  others?: string[];
  note?: string;
}

const n = (kind: Kinds, caps: CapabilityId[], extra: Omit<Note, 'kind' | 'caps'> = {}): Note => ({ kind, caps, ...extra });

/** Every normative clause; ids in the text's numbering. Kinds and capabilities follow clauses-report.md (b). */
const notes: Record<string, Note> = {
  '1.1': { kind: 'definition', textOnly: 'この基準の目的を述べる規定で、それ自体に行うべき事項はない / States the purpose of the standard; nothing to do or record' },
  '1.2': n('definition', ['policy']),
  '1.2.1': n('definition', ['policy', 'organisation']),
  '1.2.2': n('definition', ['policy']),
  '1.2.3': n('definition', ['policy']),
  '1.2.4': n('definition', ['policy']),
  '1.3': n('condition', ['assets']),
  '1.3.1': n('condition', ['assets']),
  '1.3.2': n('condition', ['assets']),
  '1.3.3': n('condition', ['assets']),
  '1.3.4': n('condition', ['assets']),
  '2.1.1': n('obligation', ['assets', 'organisation']),
  '2.1.2': n('obligation', ['assets'], { actors: ['security_officer'] }),
  '2.1.3': n('obligation', ['assets']),
  '2.2': n('obligation', ['assets']),
  '2.3': n('classification', ['assets']),
  '2.3.1': n('classification', ['assets']),
  '2.3.1.ア': n('classification', ['assets']),
  '2.3.1.イ': n('classification', ['assets']),
  '2.3.1.ウ': n('classification', ['assets']),
  '2.3.1.エ': n('classification', ['assets']),
  '2.3.1.オ': n('classification', ['assets']),
  '2.3.2': n('classification', ['assets']),
  '2.4.1': n('obligation', ['assets']),
  '2.4.1.後段': n('obligation', ['assets']),
  '2.4.2.ア': n('obligation', ['assets', 'organisation']),
  '2.4.2.イ': n('approval-required', ['approvals', 'assets'], { approvers: ['security_officer'] }),
  '2.4.2.ウ': n('prohibition', ['assets']),
  '2.4.3.ア': n('obligation', ['assets']),
  '2.4.3.イ': n('obligation', ['assets']),
  '2.4.3.ウ': n('obligation', ['assets']),
  '2.4.4': n('obligation', ['assets']),
  '2.4.4.後段': n('approval-required', ['approvals', 'assets'], { actors: ['staff'], approvers: ['security_officer'] }),
  '3.1.1.ア': n('obligation', ['audits']),
  '3.1.1.イ': n('obligation', ['organisation', 'facilities'], { approvers: ['network_admin', 'system_admin'], note: 'ネットワーク管理者・情報システム管理者による操作者の指定は、番所では役割の付与として記録する / Operators designated by the network or system administrator are recorded in Bansho as role assignments' }),
  '3.1.1.ウ': n('obligation', ['facilities'], { actors: ['system_admin', 'network_admin'] }),
  '3.1.1.ウ.ア': n('obligation', ['facilities'], { actors: ['system_admin', 'network_admin'] }),
  '3.1.1.ウ.イ': n('obligation', ['facilities'], { actors: ['system_admin', 'network_admin'] }),
  '3.1.2': n('obligation', ['audits']),
  '3.1.3.ア': n('approval-required', ['approvals', 'facilities'], { approvers: ['cio'] }),
  '3.1.3.イ': n('obligation', ['monitoring', 'facilities']),
  '3.2.1': n('classification', ['facilities']),
  '3.2.1.表.Ⅰ': n('classification', ['facilities'], { actors: ['security_officer'] }),
  '3.2.1.表.Ⅱ': n('classification', ['facilities'], { actors: ['security_officer'] }),
  '3.2.2.ア': n('obligation', ['facilities']),
  '3.2.2.ア.ア': n('obligation', ['facilities']),
  '3.2.2.ア.イ': n('obligation', ['facilities']),
  '3.2.2.ア.ウ': n('record-keeping', ['facilities']),
  '3.2.2.ア.エ': n('obligation', ['facilities', 'audits']),
  '3.2.2.イ': n('obligation', ['facilities']),
  '3.2.2.ウ': n('obligation', ['facilities', 'audits']),
  '3.2.3.ア': n('obligation', ['facilities']),
  '3.2.3.イ': n('obligation', ['facilities']),
  '3.3.1': n('approval-required', ['approvals'], { approvers: ['cio'] }),
  '3.3.1.後段': n('obligation', ['approvals'], { actors: ['security_officer'] }),
  '3.3.2': n('obligation', ['audits']),
  '4.1.1': n('approval-required', ['approvals', 'audits'], { approvers: ['security_officer'] }),
  '4.1.2': n('approval-required', ['approvals', 'facilities'], { approvers: ['security_officer'] }),
  '4.1.3': n('prohibition', ['audits', 'organisation']),
  '4.1.3.後段': n('prohibition', ['audits', 'organisation'], { actors: ['staff'] }),
  '5.1.1': n('record-keeping', ['journal', 'records'], { approvers: [], others: [], note: '番所自身の記録は改ざん検知可能な記録（journal）で保護する。情報システムのログの提出は記録の機能で扱う / Bansho protects its own records with the tamper-evident journal; submissions of other systems\' logs belong to the records capability' }),
  '5.1.2': n('record-keeping', ['records']),
  '5.1.3': n('record-keeping', ['records', 'monitoring']),
  '5.2.1': n('prohibition', ['audits']),
  '5.2.2.ア': n('prohibition', ['approvals', 'assets']),
  '5.2.2.ア.ア': n('approval-required', ['approvals'], { actors: ['staff'], approvers: ['security_officer'] }),
  '5.2.2.ア.イ': n('approval-required', ['approvals'], { actors: ['staff'], approvers: ['cio'] }),
  '5.2.2.イ': n('obligation', ['approvals'], { actors: ['staff'] }),
  '5.2.2.ウ': n('prohibition', ['facilities']),
  '5.2.3.ア': n('prohibition', ['records'], { approvers: ['system_admin'] }),
  '5.2.3.イ': n('obligation', ['records']),
  '5.2.4': n('prohibition', ['facilities']),
  '5.2.5': n('obligation', ['records', 'approvals']),
  '5.2.5.後段': n('obligation', ['records'], { actors: ['security_officer'] }),
  '5.3.1': n('record-keeping', ['organisation', 'journal']),
  '5.3.2': n('obligation', ['records']),
  '5.3.3': n('obligation', ['records']),
  '5.3.4': n('obligation', ['records']),
  '5.3.5': n('obligation', ['approvals']),
  '5.3.6': n('obligation', ['accounts']),
  '5.3.7': n('obligation', ['accounts']),
  '5.4.1.ア': n('obligation', ['records']),
  '5.4.1.イ': n('record-keeping', ['records']),
  '5.4.2.ア': n('obligation', ['records']),
  '5.4.2.イ': n('obligation', ['security-information']),
  '5.4.2.ウ': n('obligation', ['records']),
  '5.4.3': n('obligation', ['records']),
  '5.4.4.ア': n('obligation', ['contractors'], { others: ['総務部契約管財課契約係'] }),
  '5.4.4.イ': n('obligation', ['contractors'], { approvers: [], others: ['外部委託事業者の従業員'] }),
  '5.4.5': n('approval-required', ['approvals', 'records'], { approvers: ['cio'] }),
  '5.4.6.ア': n('obligation', ['records', 'assets']),
  '5.4.6.ア.後段': n('obligation', ['records'], { actors: ['network_admin'], others: ['賃貸業者'] }),
  '5.4.6.イ': n('obligation', ['records'], { others: ['修理を受託する事業者'] }),
  '5.4.7': n('record-keeping', ['records']),
  '5.5.1.ア': n('obligation', ['records']),
  '5.5.1.イ': n('record-keeping', ['records']),
  '5.5.2.ア': n('obligation', ['records']),
  '5.5.2.イ': n('obligation', ['security-information']),
  '5.5.2.ウ': n('obligation', ['records']),
  '5.5.3': n('obligation', ['records']),
  '5.5.4.ア': n('obligation', ['contractors'], { others: ['総務部契約管財課契約係'] }),
  '5.5.4.イ': n('obligation', ['contractors'], { others: ['外部委託事業者の従業員'] }),
  '5.5.5.ア': n('obligation', ['records', 'assets']),
  '5.5.5.ア.後段': n('obligation', ['records'], { actors: ['system_admin'], others: ['賃貸業者'] }),
  '5.5.5.イ': n('obligation', ['records'], { others: ['修理を受託する事業者'] }),
  '5.5.6': n('record-keeping', ['records']),
  '5.6.1': n('obligation', ['security-information']),
  '5.6.2': n('obligation', ['security-information']),
  '5.6.3': n('obligation', ['security-information']),
  '5.6.4': n('obligation', ['security-information']),
  '5.6.5': n('obligation', ['audits']),
  '5.6.6': n('obligation', ['security-information']),
  '5.6.7': n('prohibition', ['security-information']),
  '5.7.1': n('obligation', ['security-information']),
  '5.7.2': n('obligation', ['security-information']),
  '5.7.3': n('obligation', ['config-integrity', 'monitoring']),
  '5.7.4': n('obligation', ['incidents']),
  '5.7.5': n('reporting', ['incidents'], { approvers: ['network_admin'] }),
  '5.7.6': n('obligation', ['incidents'], { approvers: [], others: ['警察署', '関係機関'] }),
  '5.7.7': n('obligation', ['audits']),
  '5.7.8': n('obligation', ['monitoring']),
  '5.7.9': n('obligation', ['security-information'], { others: ['外部の専門家'] }),
  '5.8.1': n('obligation', ['security-information']),
  '5.8.2': n('reporting', ['security-information'], { others: ['実施機関等'] }),
  '5.8.3': n('obligation', ['security-information'], { others: ['緊急時対応計画に定める連絡先'] }),
  '6.1.1': n('obligation', ['monitoring']),
  '6.1.2': n('record-keeping', ['journal', 'monitoring']),
  '6.2.1': n('obligation', ['monitoring']),
  '6.2.2': n('reporting', ['monitoring'], { approvers: ['cio', 'network_admin'] }),
  '6.2.3': n('obligation', ['monitoring']),
  '6.3.1.ア': n('reporting', ['incidents'], { actors: ['staff'], approvers: ['security_officer'] }),
  '6.3.1.イ': n('reporting', ['incidents'], { approvers: ['cio', 'network_admin'] }),
  '6.3.1.ウ': n('reporting', ['incidents'], { approvers: ['strategy_board'] }),
  '6.3.2.ア': n('obligation', ['incidents']),
  '6.3.2.ア.ア': n('condition', ['incidents']),
  '6.3.2.ア.イ': n('condition', ['incidents']),
  '6.3.2.ア.ウ': n('condition', ['incidents']),
  '6.3.2.ア.エ': n('condition', ['incidents']),
  '6.3.2.ア.オ': n('condition', ['incidents']),
  '6.3.2.イ': n('obligation', ['incidents']),
  '6.3.2.イ.ア': n('condition', ['incidents']),
  '6.3.2.イ.イ': n('condition', ['incidents']),
  '6.3.2.イ.ウ': n('condition', ['incidents']),
  '6.3.2.イ.エ': n('condition', ['incidents']),
  '6.3.2.ウ': n('approval-required', ['approvals', 'incidents'], { approvers: ['network_admin'] }),
  '6.3.2.ウ.ただし書': n('reporting', ['approvals', 'incidents'], { actors: ['staff'], approvers: ['network_admin'] }),
  '6.3.3': n('obligation', ['incidents']),
  '6.3.3.ア': n('obligation', ['incidents'], { others: ['緊急時対応計画に定める連絡先'] }),
  '6.3.3.イ': n('record-keeping', ['incidents']),
  '6.3.3.ウ': n('obligation', ['incidents']),
  '6.3.3.エ': n('obligation', ['incidents']),
  '6.3.3.オ': n('obligation', ['incidents']),
  '6.3.3.カ': n('obligation', ['incidents', 'monitoring']),
  '6.3.4.ア': n('reporting', ['incidents'], { approvers: ['strategy_board'] }),
  '6.3.4.イ': n('obligation', ['incidents', 'audits']),
  '6.3.4.ウ': n('reporting', ['audits', 'policy'], { approvers: ['staff'] }),
  '6.4.1': n('reporting', ['violations'], { approvers: ['security_officer'] }),
  '6.4.2': n('obligation', ['violations']),
  '6.4.3': n('permission', ['violations', 'accounts'], { approvers: [] }),
  '6.4.4': n('reporting', ['violations'], { approvers: ['cio', 'security_officer'] }),
  '6.7.1': n('approval-required', ['approvals'], { approvers: ['cio'] }),
  '6.7.2': n('reporting', ['approvals'], { approvers: ['cio'] }),
  '6.7.3': n('record-keeping', ['approvals', 'records']),
  '7.1.1': n('reporting', ['audits', 'reports'], { approvers: ['strategy_board'] }),
  '7.1.2': n('obligation', ['audits']),
  '7.2.1': n('reporting', ['audits'], { approvers: ['network_admin'] }),
  '7.2.2': n('reporting', ['audits', 'reports'], { approvers: ['strategy_board'] }),
  '7.3': n('obligation', ['audits']),
  '7.4': n('obligation', ['audits', 'policy']),
};

// 6.5 and 6.6: the contract clauses. The text names nobody who writes them into the contract (gap 10); Bansho
// gives the duty to the 情報セキュリティ責任者 of the 課等 that contracts, and binds the contractor.
for (const [parent, count] of [['6.5', 12], ['6.6', 4]] as const) {
  notes[parent] = n('contract-clause', ['contractors'], { actors: ['security_officer'], approvers: [] });
  for (let i = 1; i <= count; i += 1) {
    notes[`${parent}.${i}`] = n('contract-clause', ['contractors'], { actors: ['contractor'], approvers: [], others: parent === '6.6' ? ['派遣労働者'] : [] });
  }
}

const standard = importText(readFileSync(source));
const byId = new Map(standard.clauses.map((c) => [c.id, c]));
const actorsById = new Map<string, CanonicalRole[]>();
const missing: string[] = [];

const clauses = standard.clauses.map((clause) => {
  const base = { id: clause.id, parentId: clause.parentId };
  if (clause.kind === 'heading') {
    return { ...base, kind: 'heading', ...(clause.heading ? { heading: clause.heading } : {}), text: clause.text, sourceLine: clause.line };
  }
  const note = notes[clause.id];
  if (!note) {
    missing.push(clause.id);
    return base;
  }
  // Who acts: the note's roles, else the sentence's subject, else the parent's (items (ア) and 後段 inherit).
  const parentActors = clause.parentId ? (actorsById.get(clause.parentId) ?? []) : [];
  const actors = note.actors ?? (subjectOf(clause.text).length > 0 ? subjectOf(clause.text) : parentActors);
  actorsById.set(clause.id, actors);
  // Who approves, permits or is reported to: the note's roles, else for approvals and reports the roles the
  // sentence names after its subject.
  const named = rolesIn(clause.text.slice(Math.max(0, clause.text.indexOf('は、')))).filter((r) => !actors.includes(r));
  const approvers = note.approvers ?? (['approval-required', 'reporting', 'permission'].includes(note.kind) ? named : []);
  return {
    ...base,
    kind: note.kind,
    ...(clause.heading ? { heading: clause.heading } : {}),
    text: clause.text,
    actorRoles: actors,
    ...(approvers.length > 0 ? { approverRoles: approvers } : {}),
    ...(note.others?.length ? { otherActors: note.others } : {}),
    ...(note.caps ? { capabilities: note.caps } : {}),
    ...(note.textOnly ? { policyTextOnly: note.textOnly } : {}),
    ...(note.note ? { interpretation: note.note } : {}),
    sourceLine: clause.line,
  };
});

const unknown = Object.keys(notes).filter((id) => !byId.has(id));
if (missing.length > 0 || unknown.length > 0) {
  console.error(`clauses without a note: ${missing.join(', ') || 'none'}; notes for no clause: ${unknown.join(', ') || 'none'}`);
  process.exit(1);
}

const header = [
  '# 新宿区情報セキュリティ対策基準 — the clause tree (第1〜第7), one entry per heading and normative item.',
  '# Ids, parents, headings and texts come from the standard by `src/policy/import-text`; kind, roles and',
  '# capabilities are annotations from design/clauses-report.md (written by scripts/annotate-shinjuku-clauses.ts,',
  '# edited by hand since). See docs/policy-format.md.',
  '',
].join('\n');
const out = path.join(root, 'policies', 'shinjuku', 'clauses.yaml');
writeFileSync(out, header + stringify({ clauses }, { lineWidth: 0, aliasDuplicateObjects: false }));
console.log(`${out}: ${clauses.length} clauses (${clauses.filter((c) => 'kind' in c && c.kind === 'heading').length} headings)`);
