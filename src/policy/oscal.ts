import { createHash } from 'node:crypto';
import { clauseLabel } from './clause-label.js';
import type { Policy, PolicyClause } from './schema.js';

/** Namespace of Bansho's own OSCAL props. */
export const BANSHO_NS = 'urn:bansho:policy';
const OSCAL_VERSION = '1.1.2';

type Prop = { name: string; value: string; ns?: string; class?: string };
type Part = { id: string; name: string; prose?: string; props?: Prop[] };
interface Control { id: string; class?: string; title: string; props?: Prop[]; parts?: Part[]; controls?: Control[] }
interface Group { id: string; class?: string; title: string; props?: Prop[]; parts?: Part[]; groups?: Group[]; controls?: Control[] }

/** A name-based UUID (RFC 4122 version 5 layout) from a seed: the same package always exports the same ids. */
export function uuidFrom(seed: string): string {
  const bytes = createHash('sha256').update(seed).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** OSCAL ids are tokens that start with a letter: clause `2.4.2.イ` becomes `s2.4.2.イ`. */
export const oscalId = (clauseId: string): string => `s${clauseId.replace(/[^\p{L}\p{N}._-]/gu, '_')}`;

const bansho = (name: string, value: string): Prop => ({ name, value, ns: BANSHO_NS });

type Notes = Map<string, string[]>;

function controlOf(clause: PolicyClause, children: Map<string | null, PolicyClause[]>, notes: Notes): Control {
  const id = oscalId(clause.id);
  const props: Prop[] = [
    { name: 'label', value: clauseLabel(clause.id) },
    bansho('clause-id', clause.id),
    bansho('kind', clause.kind),
    ...clause.actorRoles.map((r) => bansho('actor-role', r)),
    ...clause.approverRoles.map((r) => bansho('approver-role', r)),
    ...clause.capabilities.map((c) => bansho('capability', c)),
    ...(clause.policyTextOnly ? [bansho('implementation', 'policy-text-only')] : []),
  ];
  const parts: Part[] = [];
  if (clause.text) parts.push({ id: `${id}_smt`, name: 'statement', prose: clause.text });
  const guidance = [...(clause.interpretation ? [clause.interpretation] : []), ...(notes.get(clause.id) ?? [])];
  if (guidance.length > 0) parts.push({ id: `${id}_gdn`, name: 'guidance', prose: guidance.join('\n\n') });
  if (clause.policyTextOnly) parts.push({ id: `${id}_ptx`, name: 'guidance', prose: clause.policyTextOnly, props: [bansho('note', 'policy-text-only')] });
  const nested = (children.get(clause.id) ?? []).map((c) => controlOf(c, children, notes));
  return {
    id,
    class: clause.kind,
    title: clause.heading ?? clauseLabel(clause.id),
    props,
    ...(parts.length > 0 ? { parts } : {}),
    ...(nested.length > 0 ? { controls: nested } : {}),
  };
}

/** A heading becomes a group while everything under it is headings or clauses; clauses become controls. */
function groupOf(clause: PolicyClause, children: Map<string | null, PolicyClause[]>, notes: Notes): Group {
  const kids = children.get(clause.id) ?? [];
  const groups = kids.filter((c) => c.kind === 'heading').map((c) => groupOf(c, children, notes));
  const controls = kids.filter((c) => c.kind !== 'heading').map((c) => controlOf(c, children, notes));
  return {
    id: oscalId(clause.id),
    class: 'heading',
    title: clause.heading ?? clauseLabel(clause.id),
    props: [{ name: 'label', value: clauseLabel(clause.id) }, bansho('clause-id', clause.id)],
    ...(groups.length > 0 ? { groups } : {}),
    ...(controls.length > 0 ? { controls } : {}),
  };
}

/**
 * The package as an OSCAL 1.1 catalog: headings are groups, normative clauses are controls (nested as in the
 * text) with the exact text as the statement and Bansho's interpretation as guidance; 附則 are revisions.
 */
export function toOscalCatalog(policy: Policy, meta: { contentHash: string; loadedAt: Date }) {
  const children = new Map<string | null, PolicyClause[]>();
  for (const clause of policy.clauses) {
    const list = children.get(clause.parentId) ?? [];
    list.push(clause);
    children.set(clause.parentId, list);
  }
  const top = children.get(null) ?? [];
  // The package's interpretations become guidance of the clauses they name.
  const notes: Notes = new Map();
  for (const item of policy.interpretations) {
    for (const id of item.clauses) notes.set(id, [...(notes.get(id) ?? []), `${item.title}: ${item.decision}`]);
  }
  const latest = policy.versions.at(-1);
  return {
    catalog: {
      uuid: uuidFrom(`${policy.packageId}:${meta.contentHash}`),
      metadata: {
        title: policy.title,
        'last-modified': meta.loadedAt.toISOString(),
        version: policy.version,
        'oscal-version': OSCAL_VERSION,
        ...(latest?.issued ? { published: `${latest.issued}T00:00:00+09:00` } : {}),
        props: [
          bansho('package-id', policy.packageId),
          bansho('municipality', policy.municipality.ja),
          bansho('content-hash', meta.contentHash),
          ...(policy.documentNumber ? [bansho('document-number', policy.documentNumber)] : []),
        ],
        ...(policy.versions.length > 0
          ? {
              revisions: policy.versions.map((v) => ({
                title: v.id,
                version: v.id,
                ...(v.issued ? { published: `${v.issued}T00:00:00+09:00` } : {}),
                props: [bansho('effective', v.effective), ...(v.number ? [bansho('document-number', v.number)] : [])],
                ...(v.note ? { remarks: v.note } : {}),
              })),
            }
          : {}),
        roles: policy.roles.map((r) => ({ id: r.role.replaceAll('_', '-'), title: r.title.ja, ...(r.description ? { description: r.description } : {}) })),
      },
      groups: top.filter((c) => c.kind === 'heading').map((c) => groupOf(c, children, notes)),
      ...(top.some((c) => c.kind !== 'heading') ? { controls: top.filter((c) => c.kind !== 'heading').map((c) => controlOf(c, children, notes)) } : {}),
    },
  };
}
