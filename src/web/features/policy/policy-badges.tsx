import type { Locale } from '../../api/types.js';
import { useLocale } from '../../i18n/locale-context.js';
import { formatClauseNumber } from '../../shell/clauses.js';
import { kindLabels, statusLabels } from './policy-messages.js';
import type { ComplianceStatus } from '../../../features/policy/clause-fields.js';

/** The clause number in the reader's language: the server's 「第2 4(2)イ」 in Japanese, 「Part 2, 4(2)イ」 in English. */
export function clauseNumber(clause: { id: string; label: string }, locale: Locale): string {
  return locale === 'ja' ? clause.label : formatClauseNumber(clause.id, locale);
}

/** What a clause asks for (義務, 禁止, …), as text. */
export function KindBadge({ kind }: { kind: string }) {
  const { locale } = useLocale();
  return <span className={`badge badge-kind badge-kind-${kind}`}>{kindLabels[kind]?.[locale] ?? kind}</span>;
}

/** Where a clause stands in Bansho; the text says it, the colour only repeats it (WCAG 1.4.1). */
export function ComplianceBadge({ status }: { status: ComplianceStatus }) {
  const { locale } = useLocale();
  return <span className={`badge badge-status badge-status-${status}`}>{statusLabels[status][locale]}</span>;
}
