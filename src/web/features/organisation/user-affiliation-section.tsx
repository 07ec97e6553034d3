import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { departmentsQuery } from '../../api/queries.js';
import type { UserDetail } from '../../../features/organisation/schemas.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { SelectField } from '../../components/select-field.js';
import { SuccessNotice } from '../../components/success-notice.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useMessages } from '../../i18n/locale-context.js';
import { departmentOptions } from './department-order.js';
import { organisationMessages } from './organisation-messages.js';
import { useUserMutation } from './use-user-mutation.js';

/** 所属: the user's 課等, and 異動 (move) to another when allowed. */
export function UserAffiliationSection({ detail }: { detail: UserDetail }) {
  const t = useMessages(organisationMessages);
  const common = useMessages(commonMessages);
  const { user } = detail;
  const canMove = detail.allowedActions.includes('move');
  const departments = useQuery({ ...departmentsQuery, enabled: canMove });
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<{ departmentId: string }>({ defaultValues: { departmentId: '' } });
  const move = useUserMutation<{ departmentId: string }>(user.id, (body) => ({ method: 'POST', path: '/move', body }));

  const options = departmentOptions(departments.data?.items ?? [], { activeOnly: true }).filter(
    (option) => option.value !== user.departmentId,
  );
  const submit = ({ departmentId }: { departmentId: string }) => {
    if (!departmentId) {
      form.setError('departmentId', { message: 'validationChoose' });
      return;
    }
    const name = options.find((option) => option.value === departmentId)?.label.trim() ?? '';
    move.mutate(
      { departmentId },
      {
        onSuccess: () => {
          form.reset({ departmentId: '' });
          setNotice(t.moved(name));
        },
      },
    );
  };
  const ownError = form.formState.errors.departmentId?.message;

  return (
    <section className="section card" aria-labelledby="affiliation-heading">
      <h2 id="affiliation-heading">{t.affiliationHeading}</h2>
      <p className="current-value">{user.departmentName ?? '—'}</p>
      <SuccessNotice text={notice} />
      {canMove ? (
        <>
          <ErrorSummary error={move.error} />
          <form noValidate className="form form-inline" onSubmit={form.handleSubmit(submit)}>
            <SelectField
              label={t.moveTo}
              registration={form.register('departmentId')}
              placeholder={common.choose}
              options={options}
              errors={ownError ? [common.validationChoose] : []}
            />
            <div className="form-actions">
              <button type="submit" className="button button-secondary" disabled={move.isPending}>
                {t.move}
              </button>
            </div>
          </form>
        </>
      ) : null}
    </section>
  );
}
