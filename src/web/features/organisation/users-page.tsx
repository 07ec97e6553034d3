import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { departmentsQuery } from '../../api/queries.js';
import { Pagination } from '../../components/pagination.js';
import { QueryState } from '../../components/query-state.js';
import { useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { organisationMessages } from './organisation-messages.js';
import { usersQuery } from './organisation-api.js';
import { UsersFilter } from './users-filter.js';
import { UsersTable } from './users-table.js';

const route = getRouteApi('/signed-in/ready/organisation/users');

/** 職員一覧: search by name/kana/staff number, filter by 課等 and status; paginated by the server. */
export function UsersPage() {
  const t = useMessages(organisationMessages);
  const search = route.useSearch();
  const users = useQuery(usersQuery(search));
  const departments = useQuery(departmentsQuery);

  return (
    <Page
      title={t.usersTitle}
      clauses={['5.3.1']}
      actions={
        users.data?.allowedActions.includes('create') ? (
          <Link to="/organisation/users/new" className="button button-primary">
            {t.createUser}
          </Link>
        ) : null
      }
    >
      <p className="lead">{t.usersLead}</p>
      <UsersFilter search={search} departments={departments.data?.items ?? []} />
      <QueryState query={users}>
        {(list) => {
          const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
          const from = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
          const to = Math.min(list.total, list.page * list.pageSize);
          return (
            <>
              <p className="result-count" role="status">
                {t.showing(from, to, list.total)}
              </p>
              {list.items.length === 0 ? <p className="empty">{t.usersEmpty}</p> : <UsersTable list={list} />}
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
