import { Link } from '@tanstack/react-router';
import type { UserList } from '../../../features/organisation/schemas.js';
import { StatusBadge } from '../../components/status-badge.js';
import { useMessages } from '../../i18n/locale-context.js';
import { organisationMessages } from './organisation-messages.js';
import { useRoleLabel } from './role-label.js';

/** The users of one page: a table on wide screens, stacked cards on a phone (see .table-stack). */
export function UsersTable({ list }: { list: UserList }) {
  const t = useMessages(organisationMessages);
  const roleLabel = useRoleLabel();
  return (
    <table className="table table-stack">
      <caption>{t.usersCaption(list.total)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.name}</th>
          <th scope="col">{t.staffNumber}</th>
          <th scope="col">{t.department}</th>
          <th scope="col">{t.roles}</th>
          <th scope="col">{t.status}</th>
        </tr>
      </thead>
      <tbody>
        {list.items.map((user) => (
          <tr key={user.id}>
            <th scope="row" data-label={t.name}>
              <Link to="/organisation/users/$userId" params={{ userId: user.id }} className="user-link">
                {user.name}
              </Link>
              <span className="kana">{user.kana}</span>
            </th>
            <td data-label={t.staffNumber}>{user.staffNumber}</td>
            <td data-label={t.department}>{user.departmentName ?? '—'}</td>
            <td data-label={t.roles}>
              {user.roles.length === 0 ? (
                '—'
              ) : (
                <ul className="plain-list">
                  {user.roles.map((role) => (
                    <li key={role.id}>{roleLabel(role)}</li>
                  ))}
                </ul>
              )}
            </td>
            <td data-label={t.status}>
              <StatusBadge status={user.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
