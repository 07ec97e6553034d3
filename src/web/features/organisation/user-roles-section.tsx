import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { UserDetail } from '../../../features/organisation/schemas.js';
import { ConfirmButton } from '../../components/confirm-button.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { SuccessNotice } from '../../components/success-notice.js';
import { formatDate } from '../../i18n/dates.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { policyQuery } from '../../api/queries.js';
import { organisationMessages } from './organisation-messages.js';
import { RoleGrantForm } from './role-grant-form.js';
import { withParenthesis } from '../../i18n/parenthesis.js';
import { useScopeLabel } from './role-label.js';
import { useUserMutation } from './use-user-mutation.js';

/** 役割: the user's role assignments by the policy's local titles; grant and revoke when allowed. */
export function UserRolesSection({ detail }: { detail: UserDetail }) {
  const t = useMessages(organisationMessages);
  const display = useLocale();
  const scopeLabel = useScopeLabel();
  const canGrant = detail.allowedActions.includes('grantRole');
  const canRevoke = detail.allowedActions.includes('revokeRole');
  const policy = useQuery({ ...policyQuery, enabled: canGrant });
  const [notice, setNotice] = useState<string | null>(null);
  const revoke = useUserMutation<string>(detail.user.id, (assignmentId) => ({
    method: 'DELETE',
    path: `/roles/${encodeURIComponent(assignmentId)}`,
  }));

  return (
    <section className="section card" aria-labelledby="roles-heading">
      <h2 id="roles-heading">{t.rolesHeading}</h2>
      <SuccessNotice text={notice} />
      <ErrorSummary error={revoke.error} />
      {detail.roles.length === 0 ? (
        <p className="empty">{t.noRoles}</p>
      ) : (
        <table className="table table-stack">
          <caption className="visually-hidden">{t.rolesHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{t.role}</th>
              <th scope="col">{t.scope}</th>
              <th scope="col">{t.grantedAt}</th>
              <th scope="col">{t.grantedBy}</th>
              {canRevoke ? <th scope="col"><span className="visually-hidden">{t.revoke}</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {detail.roles.map((role) => {
              const title = role.title[display.locale];
              const named = withParenthesis(title, scopeLabel(role), display.locale);
              return (
                <tr key={role.id}>
                  <th scope="row" data-label={t.role}>
                    {title}
                  </th>
                  <td data-label={t.scope}>{scopeLabel(role)}</td>
                  <td data-label={t.grantedAt}>{formatDate(role.grantedAt, display)}</td>
                  <td data-label={t.grantedBy}>{role.grantedByName ?? '—'}</td>
                  {canRevoke ? (
                    <td className="cell-action">
                      <ConfirmButton
                        className="button button-secondary button-small"
                        ariaLabel={t.revokeNamed(named)}
                        question={t.confirmRevoke(named)}
                        disabled={revoke.isPending}
                        onConfirm={() => revoke.mutate(role.id, { onSuccess: () => setNotice(t.revoked(title)) })}
                      >
                        {t.revoke}
                      </ConfirmButton>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {canGrant && policy.data ? (
        <RoleGrantForm userId={detail.user.id} roles={policy.data.roles} onGranted={(title) => setNotice(t.granted(title))} />
      ) : null}
    </section>
  );
}
