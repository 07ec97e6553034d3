import '../../styles/media-risks.css';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { departmentsQuery } from '../../api/queries.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { SelectField } from '../../components/select-field.js';
import { useFieldErrors } from '../../components/validation.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { departmentOptions } from '../organisation/department-order.js';
import { riskRightsQuery, useRiskMutation } from './risk-api.js';
import { RiskFields } from './risk-fields.js';
import { riskMessages } from './risk-messages.js';
import { riskBody, riskRecordSchema, type RiskRecordValues } from './risk-schemas.js';

const route = getRouteApi('/signed-in/ready/risks/new');

/** リスクの記録 (第2 2): by the 情報セキュリティ責任者, for a 課等 they are officer of. */
export function RiskRecordPage() {
  const t = useMessages(riskMessages);
  const common = useMessages(commonMessages);
  const start = route.useSearch();
  const navigate = useNavigate();
  const departments = useQuery(departmentsQuery);
  const rights = useQuery(riskRightsQuery);

  const form = useForm<RiskRecordValues>({
    resolver: zodResolver(riskRecordSchema),
    defaultValues: {
      departmentId: start.departmentId ?? '',
      subject: start.assetId ? 'asset' : 'group',
      assetId: start.assetId ?? '',
      assetGroup: '',
      threatId: '',
      description: '',
      countermeasures: '',
      responseProcedure: '',
      status: 'open',
      reviewDue: '',
    },
  });
  const record = useRiskMutation((values: RiskRecordValues) => ({ method: 'POST', path: '/risks', body: { departmentId: values.departmentId, ...riskBody(values) } }));
  const fieldErrors = useFieldErrors(form.formState.errors, record.error);

  // One 課等 to choose from is chosen already.
  const allowed = rights.data?.recordDepartmentIds ?? [];
  const only = allowed.length === 1 ? allowed[0] : undefined;
  useEffect(() => {
    if (only && form.getValues('departmentId') === '') form.setValue('departmentId', only);
  }, [form, only]);

  const submit = (values: RiskRecordValues) =>
    record.mutate(values, { onSuccess: (detail) => void navigate({ to: '/risks/$riskId', params: { riskId: detail.risk.id } }) });

  return (
    <Page title={t.recordRisk} breadcrumbs={[{ label: t.risksTitle, to: '/risks' }]} clauses={['2.2', '1.3']}>
      <div className="narrow">
        <p className="lead">{t.recordLead}</p>
        <ErrorSummary error={record.error} />
        <form noValidate className="form" onSubmit={form.handleSubmit(submit)}>
          <SelectField
            label={t.department}
            registration={form.register('departmentId', { onChange: () => form.setValue('assetId', '') })}
            errors={fieldErrors('departmentId')}
            placeholder={common.choose}
            options={departmentOptions((departments.data?.items ?? []).filter((d) => allowed.includes(d.id)), { activeOnly: true })}
            required
          />
          <RiskFields form={form} fieldErrors={fieldErrors} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={record.isPending}>
              {t.record}
            </button>
            <Link to="/risks" className="button button-tertiary">
              {common.cancel}
            </Link>
          </div>
        </form>
      </div>
    </Page>
  );
}
