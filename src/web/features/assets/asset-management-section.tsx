import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { DetailList } from '../../components/detail-list.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { SelectField } from '../../components/select-field.js';
import { SuccessNotice } from '../../components/success-notice.js';
import { TextField } from '../../components/text-field.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { withParenthesis } from '../../i18n/parenthesis.js';
import { useAssetsMutation } from './asset-api.js';
import { AssetStatusBadge } from './asset-badges.js';
import { formatDay, mediumKindLabel, statusLabel } from './asset-labels.js';
import { statusChangeSchema, type StatusChangeValues } from './asset-schemas.js';
import type { AssetDetail } from './asset-types.js';
import { useAssetFieldErrors } from './asset-validation.js';
import { assetsMessages } from './assets-messages.js';

/** 管理: where the asset is, the medium it is on (第2 4(3)), its dates and status; status change when allowed. */
export function AssetManagementSection({ detail }: { detail: AssetDetail }) {
  const t = useMessages(assetsMessages);
  const display = useLocale();
  const { asset } = detail;
  const medium = asset.medium;
  return (
    <section className="section card" aria-labelledby="management-heading">
      <h2 id="management-heading">{t.managementHeading}</h2>
      <DetailList
        rows={[
          { label: t.status, value: <AssetStatusBadge status={asset.status} /> },
          { label: t.location, value: asset.location || t.notRecorded },
          {
            label: t.medium,
            value: medium ? (
              <>
                {withParenthesis(t.mediumCode(medium.code), mediumKindLabel(medium.kind, t), display.locale)}
                <span className="tag-list">
                  <span className="tag">{medium.lockedStorage ? t.mediumLocked : t.mediumNotLocked}</span>
                  {medium.writeProtected ? <span className="tag">{t.mediumWriteProtected}</span> : null}
                </span>
              </>
            ) : (
              t.none
            ),
          },
          { label: t.retentionUntil, value: asset.retentionUntil ? formatDay(asset.retentionUntil, display) : t.notRecorded },
          { label: t.reviewDue, value: asset.reviewDue ? formatDay(asset.reviewDue, display) : t.notRecorded },
        ]}
      />
      {detail.allowedActions.includes('changeStatus') ? <StatusChangeForm detail={detail} /> : null}
    </section>
  );
}

/** 状態の変更: 利用中 ↔ 持出中 (第2 4(2)イ: taking out needs the managing officer's approval), with a note. */
function StatusChangeForm({ detail }: { detail: AssetDetail }) {
  const t = useMessages(assetsMessages);
  const { asset } = detail;
  const [notice, setNotice] = useState<string | null>(null);
  const other = asset.status === 'out' ? 'active' : 'out';
  const form = useForm<StatusChangeValues>({ resolver: zodResolver(statusChangeSchema), defaultValues: { status: other, note: '' } });
  const change = useAssetsMutation<StatusChangeValues>((body) => ({ method: 'POST', path: `/${encodeURIComponent(asset.id)}/status`, body }));
  const fieldErrors = useAssetFieldErrors(form.formState.errors, change.error);

  const submit = (values: StatusChangeValues) =>
    change.mutate(
      { status: values.status, note: values.note.trim() },
      {
        onSuccess: (result) => {
          const next = result.asset.status === 'out' ? 'active' : 'out';
          form.reset({ status: next, note: '' });
          setNotice(t.statusChanged(statusLabel(result.asset.status, t)));
        },
      },
    );

  return (
    <div className="subsection">
      <h3>{t.statusChangeHeading}</h3>
      <p>{t.statusChangeLead}</p>
      <SuccessNotice text={notice} />
      <ErrorSummary error={change.error} />
      <form noValidate className="form" onSubmit={form.handleSubmit(submit)}>
        <SelectField
          label={t.newStatus}
          registration={form.register('status')}
          errors={fieldErrors('status')}
          options={(['active', 'out'] as const).map((value) => ({ value, label: statusLabel(value, t) }))}
          required
        />
        <TextField label={t.note} hint={t.noteHint} registration={form.register('note')} errors={fieldErrors('note')} />
        <div className="form-actions">
          <button type="submit" className="button button-secondary" disabled={change.isPending}>
            {t.changeStatus}
          </button>
        </div>
      </form>
    </div>
  );
}
