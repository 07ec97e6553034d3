import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { QueryState } from '../../components/query-state.js';
import { StatusBadge } from '../../components/status-badge.js';
import { useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { organisationMessages } from './organisation-messages.js';
import { userQuery } from './organisation-api.js';
import { UserAccountSection } from './user-account-section.js';
import { UserAffiliationSection } from './user-affiliation-section.js';
import { UserProfileSection } from './user-profile-section.js';
import { UserRolesSection } from './user-roles-section.js';

const route = getRouteApi('/signed-in/ready/organisation/users/$userId');

/** One 職員: details, 所属, roles and account state; each action shows only when the server allows it. */
export function UserDetailPage() {
  const t = useMessages(organisationMessages);
  const { userId } = route.useParams();
  const detail = useQuery(userQuery(userId));

  return (
    <QueryState query={detail}>
      {(data) => (
        <Page
          title={data.user.name}
          breadcrumbs={[{ label: t.usersTitle, to: '/organisation/users' }]}
          meta={
            <>
              <span className="kana">{data.user.kana}</span>
              <StatusBadge status={data.user.status} />
            </>
          }
          clauses={['5.3.1']}
        >
          <UserProfileSection detail={data} />
          <UserAffiliationSection detail={data} />
          <UserRolesSection detail={data} />
          <UserAccountSection detail={data} />
          <p className="back-link">
            <Link to="/organisation/users">{t.backToUsers}</Link>
          </p>
        </Page>
      )}
    </QueryState>
  );
}
