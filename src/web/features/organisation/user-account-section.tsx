import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { PasswordReset, UserDetail } from '../../../features/organisation/schemas.js';
import { ConfirmButton } from '../../components/confirm-button.js';
import { DetailList } from '../../components/detail-list.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { OneTimeSecret } from '../../components/one-time-secret.js';
import { StatusBadge } from '../../components/status-badge.js';
import { SuccessNotice } from '../../components/success-notice.js';
import { TextField } from '../../components/text-field.js';
import { useFieldErrors } from '../../components/validation.js';
import { useMessages } from '../../i18n/locale-context.js';
import { organisationMessages } from './organisation-messages.js';
import { useUserMutation } from './use-user-mutation.js';

/** アカウント: disable (with the reason, which is recorded) or enable, and reissue the password. */
export function UserAccountSection({ detail }: { detail: UserDetail }) {
  const t = useMessages(organisationMessages);
  const { user, allowedActions } = detail;
  const [notice, setNotice] = useState<string | null>(null);
  const [oneTimePassword, setOneTimePassword] = useState<string | null>(null);

  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const disable = useUserMutation<{ reason: string }>(user.id, (body) => ({ method: 'POST', path: '/disable', body }));
  const enable = useUserMutation<void>(user.id, () => ({ method: 'POST', path: '/enable' }));
  const reset = useUserMutation<void, PasswordReset>(user.id, () => ({
    method: 'POST',
    path: '/reset-password',
  }));
  const fieldErrors = useFieldErrors(form.formState.errors, disable.error);

  const submitDisable = ({ reason }: { reason: string }) => {
    const trimmed = reason.trim();
    if (!trimmed) return form.setError('reason', { message: 'validationRequired' });
    if (trimmed.length > 500) return form.setError('reason', { message: 'validationTooLong:500' });
    disable.mutate(
      { reason: trimmed },
      {
        onSuccess: () => {
          form.reset({ reason: '' });
          setNotice(t.disabled);
        },
      },
    );
  };

  const canAct = ['disable', 'enable', 'resetPassword'].some((action) =>
    allowedActions.includes(action as UserDetail['allowedActions'][number]),
  );

  return (
    <section className="section card" aria-labelledby="account-heading">
      <h2 id="account-heading">{t.accountHeading}</h2>
      <DetailList
        rows={[
          { label: t.status, value: <StatusBadge status={user.status} /> },
          user.status === 'disabled' && user.disabledReason ? { label: t.disabledReason, value: user.disabledReason } : null,
        ]}
      />
      <SuccessNotice text={notice} />
      {canAct ? <ErrorSummary error={disable.error ?? enable.error ?? reset.error} /> : null}

      {allowedActions.includes('disable') && user.status === 'active' ? (
        <div className="subsection">
          <h3>{t.disable}</h3>
          <p>{t.disableLead}</p>
          <form noValidate className="form" onSubmit={form.handleSubmit(submitDisable)}>
            <TextField
              label={t.reason}
              hint={t.reasonHint}
              registration={form.register('reason')}
              errors={fieldErrors('reason')}
              required
            />
            <div className="form-actions">
              <button type="submit" className="button button-danger" disabled={disable.isPending}>
                {t.disable}
              </button>
            </div>
          </form>
        </div>
      ) : null}

      {allowedActions.includes('enable') && user.status === 'disabled' ? (
        <div className="subsection">
          <button
            type="button"
            className="button button-secondary"
            disabled={enable.isPending}
            onClick={() => enable.mutate(undefined, { onSuccess: () => setNotice(t.enabled) })}
          >
            {t.enable}
          </button>
        </div>
      ) : null}

      {allowedActions.includes('resetPassword') ? (
        <div className="subsection">
          <h3>{t.resetPassword}</h3>
          <p>{t.resetPasswordLead}</p>
          {oneTimePassword ? (
            <OneTimeSecret label={t.oneTimePassword} warning={t.initialPasswordWarning} value={oneTimePassword} />
          ) : (
            <ConfirmButton
              question={t.confirmReset(user.name)}
              disabled={reset.isPending}
              onConfirm={() =>
                reset.mutate(undefined, {
                  onSuccess: (result) => {
                    setNotice(t.resetDone);
                    setOneTimePassword(result.initialPassword);
                  },
                })
              }
            >
              {t.resetPassword}
            </ConfirmButton>
          )}
        </div>
      ) : null}
    </section>
  );
}
