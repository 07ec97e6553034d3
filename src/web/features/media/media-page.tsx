import '../../styles/media-risks.css';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { departmentsQuery, sessionQuery } from '../../api/queries.js';
import { PagedList } from '../../components/paged-list.js';
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
        {(list) => (
          <PagedList list={list} pageLink={(page) => ({ to: '.', search: { ...search, page } })} empty={t.mediaEmpty}>
            <MediaTable list={list} />
          </PagedList>
        )}
      </QueryState>
    </Page>
  );
}
