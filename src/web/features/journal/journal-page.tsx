import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { sessionQuery } from '../../api/queries.js';
import { QueryState } from '../../components/query-state.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { journalQuery } from './journal-api.js';
import { JournalFilter } from './journal-filter.js';
import { journalMessages } from './journal-messages.js';
import { JournalTable } from './journal-table.js';

const route = getRouteApi('/signed-in/ready/journal');

/** ジャーナル: the append-only record of every act (第5 1(1), 第6 1(2)), filtered and paged by cursor. */
export function JournalPage() {
  const t = useMessages(journalMessages);
  const common = useMessages(commonMessages);
  const search = route.useSearch();
  const journal = useQuery(journalQuery(search));
  const { before, ...filters } = search;
  const me = useQuery(sessionQuery).data?.user;

  return (
    <Page title={t.title} clauses={['5.1.1', '6.1.2']}>
      <p className="lead">{t.lead}</p>
      {me?.navigation.journalAll === false ? <p className="notice notice-info">{t.ownOnly}</p> : null}
      <JournalFilter search={search} />
      <QueryState query={journal}>
        {(page) => (
          <>
            {before ? (
              <p className="result-count" role="status">
                {t.olderThan(before)}
              </p>
            ) : null}
            {page.items.length === 0 ? <p className="empty">{t.empty}</p> : <JournalTable entries={page.items} />}
            <nav aria-label={t.olderPagination} className="pagination">
              {before ? (
                <Link to="/journal" search={filters} className="button button-secondary">
                  {t.newest}
                </Link>
              ) : (
                <span className="pagination-placeholder" />
              )}
              {page.nextBefore !== null ? (
                <Link to="/journal" search={{ ...filters, before: page.nextBefore }} className="button button-secondary" rel="next">
                  {common.next}
                </Link>
              ) : null}
            </nav>
          </>
        )}
      </QueryState>
    </Page>
  );
}
