import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { sessionQuery } from '../../api/queries.js';
import type { JournalEntry } from '../../../features/journal/schemas.js';
import { formatDate } from '../../i18n/dates.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { entityTypeLabels, eventLabels } from './event-labels.js';
import { journalMessages } from './journal-messages.js';

/**
 * Journal entries. On a phone each entry becomes a card with every field labelled; between phone and
 * desktop widths the table scrolls sideways inside a focusable, labelled region (keyboard users can
 * scroll it too) rather than dropping columns auditors need.
 */
export function JournalTable({ entries }: { entries: JournalEntry[] }) {
  const t = useMessages(journalMessages);
  const display = useLocale();
  const captionId = useId();
  const canOpenUsers = useQuery(sessionQuery).data?.user?.navigation.organisation ?? false;

  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table table-journal table-stack">
        <caption id={captionId}>
          {t.caption}
          <span className="caption-hint scroll-hint">{t.scrollHint}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.seq}</th>
            <th scope="col">{t.at}</th>
            <th scope="col">{t.actor}</th>
            <th scope="col">{t.event}</th>
            <th scope="col">{t.entity}</th>
            <th scope="col">{t.hash}</th>
            <th scope="col">{t.details}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const label = eventLabels[entry.type];
            const entityLabel = entry.entityType ? entityTypeLabels[entry.entityType]?.[display.locale] ?? entry.entityType : null;
            return (
              <tr key={entry.seq}>
                <td className="numeric" data-label={t.seq}>
                  {entry.seq}
                </td>
                <td className="nowrap" data-label={t.at}>
                  <time dateTime={entry.at}>{formatDate(entry.at, display, { withTime: true })}</time>
                </td>
                <td data-label={t.actor}>
                  {entry.actorId ? (
                    <Link
                      to="/journal"
                      search={{ actorId: entry.actorId }}
                      // The name alone does not say the link filters; the full name keeps the visible text in it (2.5.3).
                      aria-label={t.filterByActor(entry.actorName || entry.actorId)}
                      title={t.filterByActor(entry.actorName || entry.actorId)}
                    >
                      {entry.actorName || entry.actorId}
                    </Link>
                  ) : (
                    t.system
                  )}
                </td>
                <td data-label={t.event}>
                  <span>
                    {label ? label[display.locale] : null}
                    <code className={label ? 'event-type event-type-secondary' : 'event-type'}>{entry.type}</code>
                  </span>
                </td>
                <td data-label={t.entity}>
                  {entityLabel ? (
                    <span>
                      {entityLabel}{' '}
                      {entry.entityType === 'user' && entry.entityId && canOpenUsers ? (
                        <Link to="/organisation/users/$userId" params={{ userId: entry.entityId }} className="code">
                          {shortId(entry.entityId)}
                        </Link>
                      ) : (
                        <span className="code">{entry.entityId ? shortId(entry.entityId) : ''}</span>
                      )}
                    </span>
                  ) : (
                    '—'
                  )}
                </td>
                <td data-label={t.hash}>
                  <code className="hash" title={entry.hash}>
                    {entry.hash.slice(0, 12)}
                  </code>
                </td>
                <td data-label={t.details}>
                  <details className="entry-details">
                    <summary>{t.showDetails}</summary>
                    <dl>
                      {entry.entityId ? (
                        <>
                          <dt>{t.entityId}</dt>
                          <dd>
                            <code>{entry.entityId}</code>
                          </dd>
                        </>
                      ) : null}
                      <dt>{t.hash}</dt>
                      <dd>
                        <code className="hash-full">{entry.hash}</code>
                      </dd>
                      <dt>{t.details}</dt>
                      <dd>
                        <pre>{JSON.stringify(entry.data, null, 2)}</pre>
                      </dd>
                    </dl>
                  </details>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** UUIDs are long: the first eight characters tell entries apart on screen; the details show the whole id. */
function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}
