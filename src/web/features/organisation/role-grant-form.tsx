import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { departmentsQuery } from '../../api/queries.js';
import type { PolicyRole, ScopeType } from '../../api/types.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { useFieldErrors } from '../../components/validation.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { departmentOptions } from './department-order.js';
import { organisationMessages } from './organisation-messages.js';
import { withParenthesis } from '../../i18n/parenthesis.js';
import { useScopeTypeLabel } from './role-label.js';
import { useUserMutation } from './use-user-mutation.js';

interface GrantValues {
  role: string;
  departmentId: string;
  scopeName: string;
}

interface GrantBody {
  role: string;
  scopeType: ScopeType;
  scopeId: string | null;
}

/**
 * 役割の付与. Roles come from the policy package with their local titles; the scope asked for follows the
 * role's scope type: a 課等 for 情報セキュリティ責任者, a system or network name, or none for 全庁 roles.
 */
export function RoleGrantForm({
  userId,
  roles,
  onGranted,
}: {
  userId: string;
  roles: PolicyRole[];
  onGranted: (title: string) => void;
}) {
  const t = useMessages(organisationMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const scopeTypeLabel = useScopeTypeLabel();
  const departments = useQuery(departmentsQuery);
  const form = useForm<GrantValues>({ defaultValues: { role: '', departmentId: '', scopeName: '' } });
  const grant = useUserMutation<GrantBody>(userId, (body) => ({ method: 'POST', path: '/roles', body }));
  const fieldErrors = useFieldErrors(form.formState.errors, grant.error);

  const selected = roles.find((role) => role.role === form.watch('role'));

  const submit = (values: GrantValues) => {
    if (!selected) return form.setError('role', { message: 'validationChoose' });
    let scopeId: string | null = null;
    if (selected.scopeType === 'department') {
      if (!values.departmentId) return form.setError('departmentId', { message: 'validationChoose' });
      scopeId = values.departmentId;
    } else if (selected.scopeType !== 'global') {
      const name = values.scopeName.trim();
      if (!name) return form.setError('scopeName', { message: 'validationRequired' });
      if (name.length > 200) return form.setError('scopeName', { message: 'validationTooLong:200' });
      scopeId = name;
    }
    grant.mutate(
      { role: selected.role, scopeType: selected.scopeType, scopeId },
      {
        onSuccess: () => {
          form.reset({ role: '', departmentId: '', scopeName: '' });
          onGranted(selected.title[locale]);
        },
      },
    );
  };

  return (
    <div className="subsection">
      <h3>{t.grantHeading}</h3>
      <ErrorSummary error={grant.error} />
      <form noValidate className="form" onSubmit={form.handleSubmit(submit)}>
        <SelectField
          label={t.role}
          registration={form.register('role')}
          errors={fieldErrors('role')}
          placeholder={common.choose}
          options={roles.map((role) => ({
            value: role.role,
            label: withParenthesis(role.title[locale], scopeTypeLabel(role.scopeType), locale),
          }))}
          required
        />
        {selected?.scopeType === 'department' ? (
          <SelectField
            label={t.scopeDepartment}
            registration={form.register('departmentId')}
            errors={fieldErrors('departmentId')}
            placeholder={common.choose}
            options={departmentOptions(departments.data?.items ?? [], { activeOnly: true })}
            required
          />
        ) : null}
        {selected?.scopeType === 'system' || selected?.scopeType === 'network' ? (
          <TextField
            label={selected.scopeType === 'system' ? t.scopeSystemName : t.scopeNetworkName}
            registration={form.register('scopeName')}
            errors={fieldErrors('scopeName')}
            required
          />
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button-secondary" disabled={grant.isPending}>
            {t.grant}
          </button>
        </div>
      </form>
    </div>
  );
}
