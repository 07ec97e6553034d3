import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { UserDetail } from '../../../features/organisation/schemas.js';
import { DetailList } from '../../components/detail-list.js';
import { EditableSection } from '../../components/editable-section.js';
import { TextField } from '../../components/text-field.js';
import { useFieldErrors } from '../../components/validation.js';
import { formatDate } from '../../i18n/dates.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { organisationMessages } from './organisation-messages.js';
import { useUserMutation } from './use-user-mutation.js';
import { userProfileSchema, type UserProfileValues } from './user-schemas.js';

/** 基本情報: shown as a list; editable in place when the server allows `update`. */
export function UserProfileSection({ detail }: { detail: UserDetail }) {
  const t = useMessages(organisationMessages);
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
    <EditableSection
      headingId="profile-heading"
      heading={t.profileHeading}
      canEdit={detail.allowedActions.includes('update')}
      editing={editing}
      onEdit={startEditing}
      onCancel={() => setEditing(false)}
      notice={notice}
      error={update.error}
      saving={update.isPending}
      onSubmit={form.handleSubmit(save)}
      fields={
        <>
          <TextField label={t.name} registration={form.register('name')} errors={fieldErrors('name')} required autoFocus />
          <TextField label={t.kana} registration={form.register('kana')} errors={fieldErrors('kana')} />
          <TextField
            label={t.staffNumber}
            registration={form.register('staffNumber')}
            errors={fieldErrors('staffNumber')}
            required
          />
          <TextField label={t.email} type="email" registration={form.register('email')} errors={fieldErrors('email')} />
        </>
      }
    >
      <DetailList
        rows={[
          { label: t.staffNumber, value: user.staffNumber },
          { label: t.login, value: user.login },
          { label: t.kana, value: user.kana },
          { label: t.email, value: user.email ?? '—' },
          { label: t.createdAt, value: formatDate(user.createdAt, display) },
        ]}
      />
    </EditableSection>
  );
}
