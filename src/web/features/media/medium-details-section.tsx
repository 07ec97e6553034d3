import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { CheckboxField } from '../../components/checkbox-field.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { SelectField } from '../../components/select-field.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { TextField } from '../../components/text-field.js';
import { useFieldErrors } from '../../components/validation.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { formatDate } from '../../i18n/dates.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { SuccessNotice } from '../organisation/success-notice.js';
import { useMediumMutation } from './media-api.js';
import { mediaMessages, mediumKindLabels, mediumStatusLabels } from './media-messages.js';
import { mediumKinds, mediumStatuses, type MediumDetail } from './media-types.js';
import { mediumEditSchema, type MediumEditValues } from './medium-schemas.js';
import { useHolderOptions } from './use-holder-options.js';

/** 媒体の情報: shown as a list; editable in place when the server allows `update`. */
export function MediumDetailsSection({ detail }: { detail: MediumDetail }) {
  const t = useMessages(mediaMessages);
  const common = useMessages(commonMessages);
  const kinds = useMessages(mediumKindLabels);
  const statuses = useMessages(mediumStatusLabels);
  const display = useLocale();
  const { medium } = detail;
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const form = useForm<MediumEditValues>({ resolver: zodResolver(mediumEditSchema) });
  const update = useMediumMutation((values: MediumEditValues) => ({
    method: 'PATCH',
    path: `/media/${encodeURIComponent(medium.id)}`,
    body: { ...values, holderId: values.holderId || null },
  }));
  const fieldErrors = useFieldErrors(form.formState.errors, update.error);
  const holders = useHolderOptions(medium.departmentId, medium.holderId ? { id: medium.holderId, name: medium.holderName ?? medium.holderId } : null);
  const finalised = form.watch('finalised');
  // 第2 4(3)イ: finalising a medium write-protects it; the box follows (the server refuses the contrary).
  useEffect(() => {
    if (editing && finalised) form.setValue('writeProtected', true);
  }, [editing, finalised, form]);

  const startEditing = () => {
    form.reset({
      kind: medium.kind,
      description: medium.description,
      holderId: medium.holderId ?? '',
      status: medium.status,
      finalised: medium.finalised,
      writeProtected: medium.writeProtected,
      storageLocation: medium.storageLocation,
      lockedStorage: medium.lockedStorage,
    });
    update.reset();
    setNotice(null);
    setEditing(true);
  };
  const save = (values: MediumEditValues) =>
    update.mutate(values, {
      onSuccess: () => {
        setEditing(false);
        setNotice(t.saved);
      },
    });
  const yesNo = (value: boolean) => (value ? t.yes : t.no);

  return (
    <section className="section card" aria-labelledby="medium-details-heading">
      <div className="section-heading">
        <h2 id="medium-details-heading">{t.detailsHeading}</h2>
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
            <SelectField
              label={t.kind}
              registration={form.register('kind')}
              errors={fieldErrors('kind')}
              options={mediumKinds.map((value) => ({ value, label: kinds[value] }))}
              required
            />
            <TextAreaField label={t.description} registration={form.register('description')} errors={fieldErrors('description')} />
            <SelectField label={t.holder} hint={t.holderHint} registration={form.register('holderId')} errors={fieldErrors('holderId')} placeholder={t.noHolder} options={holders} />
            <SelectField
              label={t.status}
              registration={form.register('status')}
              errors={fieldErrors('status')}
              options={mediumStatuses.map((value) => ({ value, label: statuses[value] }))}
              required
            />
            <CheckboxField label={t.finalisedLabel} hint={t.finalisedHint} registration={form.register('finalised')} errors={fieldErrors('finalised')} />
            <CheckboxField
              label={t.writeProtectedLabel}
              hint={finalised ? t.writeProtectedLocked : undefined}
              registration={form.register('writeProtected')}
              errors={fieldErrors('writeProtected')}
            />
            <TextField label={t.storageLocation} hint={t.storageLocationHint} registration={form.register('storageLocation')} errors={fieldErrors('storageLocation')} />
            <CheckboxField
              label={t.lockedStorageLabel}
              hint={detail.lockedStorageRequired ? t.lockedStorageRequired : undefined}
              registration={form.register('lockedStorage')}
              errors={fieldErrors('lockedStorage')}
            />
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
            <dt>{t.kind}</dt>
            <dd>{kinds[medium.kind]}</dd>
          </div>
          <div>
            <dt>{t.description}</dt>
            <dd className="multiline-text">{medium.description || '—'}</dd>
          </div>
          <div>
            <dt>{t.department}</dt>
            <dd>{medium.departmentName}</dd>
          </div>
          <div>
            <dt>{t.holder}</dt>
            <dd>{medium.holderName ?? t.noHolder}</dd>
          </div>
          <div>
            <dt>{t.issuedOn}</dt>
            <dd>{formatDate(medium.issuedOn, display)}</dd>
          </div>
          <div>
            <dt>{t.status}</dt>
            <dd>{statuses[medium.status]}</dd>
          </div>
          <div>
            <dt>{t.finalised}</dt>
            <dd>{yesNo(medium.finalised)}</dd>
          </div>
          <div>
            <dt>{t.writeProtected}</dt>
            <dd>{yesNo(medium.writeProtected)}</dd>
          </div>
          <div>
            <dt>{t.storageLocation}</dt>
            <dd>{medium.storageLocation || '—'}</dd>
          </div>
          <div>
            <dt>{t.lockedStorage}</dt>
            <dd>
              {yesNo(medium.lockedStorage)}
              {detail.lockedStorageRequired ? <span className="field-hint hint-block">{t.lockedStorageRequired}</span> : null}
            </dd>
          </div>
          <div>
            <dt>{t.updatedAt}</dt>
            <dd>{formatDate(medium.updatedAt, display, { withTime: true })}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
