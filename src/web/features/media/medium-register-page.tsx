import '../../styles/media-risks.css';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { departmentsQuery } from '../../api/queries.js';
import { CheckboxField } from '../../components/checkbox-field.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { SelectField } from '../../components/select-field.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { TextField } from '../../components/text-field.js';
import { useFieldErrors } from '../../components/validation.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { departmentOptions } from '../organisation/department-order.js';
import { mediaRightsQuery, useMediumMutation } from './media-api.js';
import { mediaMessages, mediumKindLabels, mediumStatusLabels } from './media-messages.js';
import { mediumKinds, registrationStatuses } from '../../../features/media/medium-fields.js';
import { mediumRegisterSchema, type MediumRegisterValues } from './medium-schemas.js';
import { useHolderOptions } from './use-holder-options.js';

/** Today in Japan, as a date input writes it: the default 支給日. */
const todayInJapan = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());

/** 記録媒体の登録 (第2 4(3)ア): in a 課等 whose 情報セキュリティ責任者 the user is. */
export function MediumRegisterPage() {
  const t = useMessages(mediaMessages);
  const common = useMessages(commonMessages);
  const kinds = useMessages(mediumKindLabels);
  const statuses = useMessages(mediumStatusLabels);
  const navigate = useNavigate();
  const departments = useQuery(departmentsQuery);
  const rights = useQuery(mediaRightsQuery);

  const form = useForm<MediumRegisterValues>({
    resolver: zodResolver(mediumRegisterSchema),
    defaultValues: { code: '', description: '', departmentId: '', holderId: '', issuedOn: todayInJapan(), status: 'in_use', storageLocation: '', lockedStorage: false },
  });
  const register = useMediumMutation((values: MediumRegisterValues) => ({
    method: 'POST',
    path: '/media',
    body: { ...values, holderId: values.holderId || null },
  }));
  const fieldErrors = useFieldErrors(form.formState.errors, register.error);

  // One 課等 to choose from is chosen already.
  const allowed = rights.data?.registerDepartmentIds ?? [];
  const only = allowed.length === 1 ? allowed[0] : undefined;
  useEffect(() => {
    if (only && form.getValues('departmentId') === '') form.setValue('departmentId', only);
  }, [form, only]);

  const departmentId = form.watch('departmentId');
  const holders = useHolderOptions(departmentId);

  const submit = (values: MediumRegisterValues) =>
    register.mutate(values, { onSuccess: (detail) => void navigate({ to: '/media/$mediumId', params: { mediumId: detail.medium.id } }) });

  return (
    <Page title={t.registerMedium} breadcrumbs={[{ label: t.mediaTitle, to: '/media' }]} clauses={['2.4.3', '2.4.2.ウ']}>
      <div className="narrow">
        <p className="lead">{t.registerLead}</p>
        <ErrorSummary error={register.error} />
        <form noValidate className="form" onSubmit={form.handleSubmit(submit)}>
          <TextField label={t.code} hint={t.codeHint} registration={form.register('code')} errors={fieldErrors('code')} autoComplete="off" spellCheck={false} required />
          <SelectField
            label={t.kind}
            registration={form.register('kind')}
            errors={fieldErrors('kind')}
            placeholder={common.choose}
            options={mediumKinds.map((value) => ({ value, label: kinds[value] }))}
            required
          />
          <TextAreaField label={t.description} hint={t.descriptionHint} registration={form.register('description')} errors={fieldErrors('description')} />
          <SelectField
            label={t.department}
            registration={form.register('departmentId', { onChange: () => form.setValue('holderId', '') })}
            errors={fieldErrors('departmentId')}
            placeholder={common.choose}
            options={departmentOptions((departments.data?.items ?? []).filter((d) => allowed.includes(d.id)), { activeOnly: true })}
            required
          />
          <SelectField
            label={t.holder}
            hint={departmentId ? t.holderHint : t.chooseDepartmentFirst}
            registration={form.register('holderId')}
            errors={fieldErrors('holderId')}
            placeholder={t.noHolder}
            options={holders}
          />
          <TextField label={t.issuedOn} type="date" registration={form.register('issuedOn')} errors={fieldErrors('issuedOn')} required />
          <SelectField
            label={t.status}
            registration={form.register('status')}
            errors={fieldErrors('status')}
            options={registrationStatuses.map((value) => ({ value, label: statuses[value] }))}
            required
          />
          <TextField label={t.storageLocation} hint={t.storageLocationHint} registration={form.register('storageLocation')} errors={fieldErrors('storageLocation')} />
          <CheckboxField label={t.lockedStorageLabel} registration={form.register('lockedStorage')} errors={fieldErrors('lockedStorage')} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={register.isPending}>
              {t.register}
            </button>
            <Link to="/media" className="button button-tertiary">
              {common.cancel}
            </Link>
          </div>
        </form>
      </div>
    </Page>
  );
}
