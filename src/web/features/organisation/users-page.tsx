import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { departmentsQuery } from '../../api/queries.js';
import { PagedList } from '../../components/paged-list.js';
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
        {(list) => (
          <PagedList list={list} pageLink={(page) => ({ to: '.', search: { ...search, page } })} empty={t.usersEmpty}>
            <UsersTable list={list} />
          </PagedList>
        )}
      </QueryState>
    </Page>
  );
}
