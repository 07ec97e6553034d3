import '../../styles/media-risks.css';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { departmentsQuery, sessionQuery } from '../../api/queries.js';
import { Pagination } from '../../components/pagination.js';
import { QueryState } from '../../components/query-state.js';
import { useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { mediaQuery } from './media-api.js';
import { MediaFilter } from './media-filter.js';
import { mediaMessages } from './media-messages.js';
import { MediaTable } from './media-table.js';

const route = getRouteApi('/signed-in/ready/media');

/** 記録媒体の台帳 (第2 4(3)): filter by 課等, status and holder; paginated by the server. */
export function MediaPage() {
  const t = useMessages(mediaMessages);
  const search = route.useSearch();
  const media = useQuery(mediaQuery(search));
  const departments = useQuery(departmentsQuery);
  const session = useQuery(sessionQuery);

  return (
    <Page
      title={t.mediaTitle}
      clauses={['2.4.3', '2.4.2.ウ']}
      actions={
        media.data?.allowedActions.includes('create') ? (
          <Link to="/media/new" className="button button-primary">
            {t.registerMedium}
          </Link>
        ) : null
      }
    >
      <p className="lead">{t.mediaLead}</p>
      <MediaFilter search={search} departments={departments.data?.items ?? []} meId={session.data?.user?.id ?? ''} />
      <QueryState query={media}>
        {(list) => {
          const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
          const from = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
          const to = Math.min(list.total, list.page * list.pageSize);
          return (
            <>
              <p className="result-count" role="status">
                {t.showing(from, to, list.total)}
              </p>
              {list.items.length === 0 ? <p className="empty">{t.mediaEmpty}</p> : <MediaTable list={list} />}
              {pages > 1 ? (
                <Pagination
                  label={t.pagination}
                  position={t.pageOf(list.page, pages)}
                  previous={list.page > 1 ? { to: '.', search: { ...search, page: list.page - 1 } } : null}
                  next={list.page < pages ? { to: '.', search: { ...search, page: list.page + 1 } } : null}
                />
              ) : null}
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
