import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { UserDetail } from '../../api/types.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { TextField } from '../../components/text-field.js';
import { useFieldErrors } from '../../components/validation.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { formatDate } from '../../i18n/dates.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { organisationMessages } from './organisation-messages.js';
import { SuccessNotice } from './success-notice.js';
import { useUserMutation } from './use-user-mutation.js';
import { userProfileSchema, type UserProfileValues } from './user-schemas.js';

/** 基本情報: shown as a list; editable in place when the server allows `update`. */
export function UserProfileSection({ detail }: { detail: UserDetail }) {
  const t = useMessages(organisationMessages);
  const common = useMessages(commonMessages);
  const display = useLocale();
  const { user } = detail;
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const form = useForm<UserProfileValues>({ resolver: zodResolver(userProfileSchema) });
  const update = useUserMutation<UserProfileValues>(user.id, (values) => ({
    method: 'PATCH',
    path: '',
    body: values,
  }));
  const fieldErrors = useFieldErrors(form.formState.errors, update.error);

  const startEditing = () => {
    form.reset({ name: user.name, kana: user.kana, staffNumber: user.staffNumber, email: user.email ?? '' });
    update.reset();
    setNotice(null);
    setEditing(true);
  };
  const save = (values: UserProfileValues) =>
    update.mutate(values, {
      onSuccess: () => {
        setEditing(false);
        setNotice(t.profileSaved);
      },
    });

  return (
    <section className="section card" aria-labelledby="profile-heading">
      <div className="section-heading">
        <h2 id="profile-heading">{t.profileHeading}</h2>
        {detail.allowedActions.includes('update') && !editing ? (
          <button type="button" className="button button-secondary button-small" onClick={startEditing}>
            {common.edit}
          </button>
        ) : null}
      </div>
      <SuccessNotice text={notice} />
      {editing ? (
        <>
          <ErrorSummary error={update.error} />
          <form noValidate className="form" onSubmit={form.handleSubmit(save)}>
            <TextField label={t.name} registration={form.register('name')} errors={fieldErrors('name')} required autoFocus />
            <TextField label={t.kana} registration={form.register('kana')} errors={fieldErrors('kana')} />
            <TextField
              label={t.staffNumber}
              registration={form.register('staffNumber')}
              errors={fieldErrors('staffNumber')}
              required
            />
            <TextField label={t.email} type="email" registration={form.register('email')} errors={fieldErrors('email')} />
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={update.isPending}>
                {update.isPending ? common.saving : common.save}
              </button>
              <button type="button" className="button button-tertiary" onClick={() => setEditing(false)}>
                {common.cancel}
              </button>
            </div>
          </form>
        </>
      ) : (
        <dl className="details">
          <div>
            <dt>{t.staffNumber}</dt>
            <dd>{user.staffNumber}</dd>
          </div>
          <div>
            <dt>{t.login}</dt>
            <dd>{user.login}</dd>
          </div>
          <div>
            <dt>{t.kana}</dt>
            <dd>{user.kana}</dd>
          </div>
          <div>
            <dt>{t.email}</dt>
            <dd>{user.email ?? '—'}</dd>
          </div>
          <div>
            <dt>{t.createdAt}</dt>
            <dd>{formatDate(user.createdAt, display)}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
