import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { policyClausesQuery, sessionQuery } from '../api/queries.js';
import type { Locale, Me } from '../api/types.js';
import type { ClauseListItem } from '../../features/policy/schemas.js';

/**
 * The heading a citation shows for a clause: its own, or (for an item without one, e.g. 第5 1(1)) the nearest
 * heading above it. Headings come from the policy package (`GET /api/policy/clauses`), in its language.
 */
export function citationHeading(id: string, clauses: ReadonlyMap<string, ClauseListItem>): string | null {
  for (let clause = clauses.get(id); clause; clause = clause.parentId ? clauses.get(clause.parentId) : undefined) {
    if (clause.heading) return clause.heading;
  }
  return null;
}

/** True once the user may use the application (signed in, no forced password change or MFA enrolment left). */
export function isReady(me: Me | null | undefined): me is Me {
  return Boolean(me && !me.mfaPending && !me.mustChangePassword && !(me.mfaRequired && !me.mfaEnrolled));
}

/**
 * The clauses of the version in force by id, read once per visit and shared by every page's citation; `ready`
 * is false before sign-in and during forced steps, when the server refuses policy reads (then: no index).
 */
export function useClauseIndex(): { ready: boolean; clauses: ReadonlyMap<string, ClauseListItem> } {
  const ready = isReady(useQuery(sessionQuery).data?.user);
  const { data } = useQuery({ ...policyClausesQuery, enabled: ready });
  const clauses = useMemo(() => new Map((data?.items ?? []).map((clause) => [clause.id, clause])), [data]);
  return { ready, clauses };
}

const kanaLetter = /^[ア-ン]$/u;

/**
 * Writes a dotted clause id the way the standard numbers it: `5.3.1` → 第5 3(1), `5.2.2.ア.イ` → 第5 2(2)ア(イ).
 * English keeps the same numbers: `Part 5, 3(1)`.
 */
export function formatClauseNumber(id: string, locale: Locale): string {
  const [part, section, item, ...rest] = id.split('.');
  let text = locale === 'ja' ? `第${part ?? ''}` : `Part ${part ?? ''}`;
  if (section) text += locale === 'ja' ? ` ${section}` : `, ${section}`;
  if (item) text += `(${item})`;
  rest.forEach((piece, index) => {
    // The first kana level is written bare (ア), the next in parentheses ((イ)); other pieces (後段, 表) as they are.
    text += kanaLetter.test(piece) && index > 0 ? `(${piece})` : piece;
  });
  return text;
}
