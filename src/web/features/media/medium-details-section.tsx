import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { CheckboxField } from '../../components/checkbox-field.js';
import { DetailList } from '../../components/detail-list.js';
import { EditableSection } from '../../components/editable-section.js';
import { SelectField } from '../../components/select-field.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { TextField } from '../../components/text-field.js';
import { useFieldErrors } from '../../components/validation.js';
import { formatDate } from '../../i18n/dates.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { useMediumMutation } from './media-api.js';
import { mediaMessages, mediumKindLabels, mediumStatusLabels } from './media-messages.js';
import { mediumKinds, mediumStatuses } from '../../../features/media/medium-fields.js';
import type { MediumDetail } from '../../../features/media/schemas.js';
import { mediumEditSchema, type MediumEditValues } from './medium-schemas.js';
import { useHolderOptions } from './use-holder-options.js';

/** 媒体の情報: shown as a list; editable in place when the server allows `update`. */
export function MediumDetailsSection({ detail }: { detail: MediumDetail }) {
  const t = useMessages(mediaMessages);
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
    <EditableSection
      headingId="medium-details-heading"
      heading={t.detailsHeading}
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
        </>
      }
    >
      <DetailList
        rows={[
          { label: t.kind, value: kinds[medium.kind] },
          { label: t.description, value: medium.description || '—', multiline: true },
          { label: t.department, value: medium.departmentName },
          { label: t.holder, value: medium.holderName ?? t.noHolder },
          { label: t.issuedOn, value: formatDate(medium.issuedOn, display) },
          { label: t.status, value: statuses[medium.status] },
          { label: t.finalised, value: yesNo(medium.finalised) },
          { label: t.writeProtected, value: yesNo(medium.writeProtected) },
          { label: t.storageLocation, value: medium.storageLocation || '—' },
          {
            label: t.lockedStorage,
            value: (
              <>
                {yesNo(medium.lockedStorage)}
                {detail.lockedStorageRequired ? <span className="field-hint hint-line">{t.lockedStorageRequired}</span> : null}
              </>
            ),
          },
          { label: t.updatedAt, value: formatDate(medium.updatedAt, display, { withTime: true }) },
        ]}
      />
    </EditableSection>
  );
}
