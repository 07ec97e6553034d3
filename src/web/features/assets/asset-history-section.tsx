import { useInfiniteQuery } from '@tanstack/react-query';
import { ErrorSummary } from '../../components/error-summary.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { formatDate } from '../../i18n/dates.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { eventLabels } from '../journal/event-labels.js';
import { assetHistoryQuery } from './asset-api.js';
import type { AssetDetail } from './asset-types.js';
import { assetsMessages } from './assets-messages.js';

/**
 * 操作履歴: the journal's entries about this asset — who registered, changed, classified, shared or (for class Ⅰ,
 * from outside its 課等) read it — for its officer and the oversight roles (`readHistory`).
 */
export function AssetHistorySection({ detail }: { detail: AssetDetail }) {
  const t = useMessages(assetsMessages);
  const common = useMessages(commonMessages);
  const display = useLocale();
  const history = useInfiniteQuery(assetHistoryQuery(detail.asset.id));
  const entries = history.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="section card" aria-labelledby="history-heading">
      <h2 id="history-heading">{t.historyHeading}</h2>
      <p>{t.historyLead}</p>
      {history.isPending ? (
        <p className="loading" role="status">
          {common.loading}
        </p>
      ) : history.isError ? (
        <ErrorSummary error={history.error} focus={false} />
      ) : entries.length === 0 ? (
        <p className="empty">{t.historyEmpty}</p>
      ) : (
        <table className="table table-stack">
          <caption className="visually-hidden">{t.historyHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{t.historyAt}</th>
              <th scope="col">{t.historyEvent}</th>
              <th scope="col">{t.historyActor}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.seq}>
                <td data-label={t.historyAt} className="nowrap">
                  {formatDate(entry.at, display, { withTime: true })}
                </td>
                {/* An event the UI does not know yet shows by its raw name rather than not at all. */}
                <th scope="row" data-label={t.historyEvent}>
                  {eventLabels[entry.type]?.[display.locale] ?? entry.type}
                </th>
                <td data-label={t.historyActor}>{entry.actorName ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {history.hasNextPage ? (
        <p className="link-row">
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={history.isFetchingNextPage}
            onClick={() => void history.fetchNextPage()}
          >
            {t.historyMore}
          </button>
        </p>
      ) : null}
    </section>
  );
}
