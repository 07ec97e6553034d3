import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { api } from '../../api/client.js';
import { departmentsQuery } from '../../api/queries.js';
import type { CreatedUser } from '../../../features/organisation/schemas.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { OneTimeSecret } from '../../components/one-time-secret.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { useFieldErrors } from '../../components/validation.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { departmentOptions } from './department-order.js';
import { organisationMessages } from './organisation-messages.js';
import { userCreateSchema, type UserCreateValues } from './user-schemas.js';

/** 職員の登録 (利用者登録, 第5 3(1)); shows the initial password once. */
export function UserCreatePage() {
  const t = useMessages(organisationMessages);
  const common = useMessages(commonMessages);
  const queryClient = useQueryClient();
  const departments = useQuery(departmentsQuery);

  const form = useForm<UserCreateValues>({
    resolver: zodResolver(userCreateSchema),
    defaultValues: { login: '', staffNumber: '', name: '', kana: '', email: '', departmentId: '' },
  });
  const create = useMutation({
    mutationFn: (values: UserCreateValues) =>
      api<CreatedUser>('POST', '/users', values),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
  const fieldErrors = useFieldErrors(form.formState.errors, create.error);

  if (create.data) {
    const { user, initialPassword } = create.data;
    return (
      <Page
        title={t.userCreated(user.name)}
        breadcrumbs={[{ label: t.usersTitle, to: '/organisation/users' }]}
        clauses={['5.3.1']}
      >
        <OneTimeSecret label={t.initialPassword} warning={t.initialPasswordWarning} value={initialPassword} />
        <p className="link-row">
          <Link to="/organisation/users/$userId" params={{ userId: user.id }}>
            {t.openUser}
          </Link>
          <Link to="/organisation/users">{t.backToUsers}</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t.createUser} breadcrumbs={[{ label: t.usersTitle, to: '/organisation/users' }]} clauses={['5.3.1']}>
      <div className="narrow">
        <p className="lead">{t.createUserLead}</p>
        <ErrorSummary error={create.error} />
        <form noValidate className="form" onSubmit={form.handleSubmit((values) => create.mutate(values))}>
          <TextField label={t.name} registration={form.register('name')} errors={fieldErrors('name')} autoComplete="off" required />
          <TextField
            label={t.kana}
            hint={t.kanaHint}
            registration={form.register('kana')}
            errors={fieldErrors('kana')}
            autoComplete="off"
          />
          <TextField
            label={t.staffNumber}
            registration={form.register('staffNumber')}
            errors={fieldErrors('staffNumber')}
            autoComplete="off"
            inputMode="numeric"
            required
          />
          <TextField
            label={t.login}
            hint={t.loginHint}
            registration={form.register('login')}
            errors={fieldErrors('login')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
          />
          <TextField
            label={t.email}
            type="email"
            registration={form.register('email')}
            errors={fieldErrors('email')}
            autoComplete="off"
          />
          <SelectField
            label={t.department}
            registration={form.register('departmentId')}
            errors={fieldErrors('departmentId')}
            placeholder={common.choose}
            options={departmentOptions(departments.data?.items ?? [], { activeOnly: true })}
            required
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={create.isPending}>
              {t.register}
            </button>
            <Link to="/organisation/users" className="button button-tertiary">
              {common.cancel}
            </Link>
          </div>
        </form>
      </div>
    </Page>
  );
}
