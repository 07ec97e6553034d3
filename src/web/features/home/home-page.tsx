import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { sessionQuery } from '../../api/queries.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { useRoleLabel } from '../organisation/role-label.js';
import { homeMessages } from './home-messages.js';

/** ホーム: who is signed in, with which roles, and where they can go. */
export function HomePage() {
  const t = useMessages(homeMessages);
  const common = useMessages(commonMessages);
  const roleLabel = useRoleLabel();
  const me = useQuery(sessionQuery).data?.user;
  if (!me) return null;

  const destinations = [
    { to: '/organisation/departments', label: common.departments, text: t.departmentsText, show: me.navigation.organisation },
    { to: '/organisation/users', label: common.users, text: t.usersText, show: me.navigation.organisation },
    { to: '/journal', label: common.journal, text: t.journalText, show: me.navigation.journal },
    { to: '/preferences', label: common.preferences, text: t.preferencesText, show: true },
  ] as const;

  return (
    <Page title={t.welcome(me.name)} clauses={['1.1']}>
      <section className="section card" aria-labelledby="me-heading">
        <h2 id="me-heading">{t.yourAccount}</h2>
        <dl className="details">
          <div>
            <dt>{t.department}</dt>
            <dd>{me.departmentName ?? '—'}</dd>
          </div>
          <div>
            <dt>{t.roles}</dt>
            <dd>
              {me.roles.length === 0 ? (
                t.noRoles
              ) : (
                <ul className="plain-list">
                  {me.roles.map((role) => (
                    <li key={role.id}>{roleLabel(role)}</li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>
      </section>
      <ul className="destinations">
        {destinations
          .filter((destination) => destination.show)
          .map((destination) => (
            <li key={destination.to}>
              <Link to={destination.to} className="destination">
                <span className="destination-title">{destination.label}</span>
                <span className="destination-text">{destination.text}</span>
              </Link>
            </li>
          ))}
      </ul>
    </Page>
  );
}
