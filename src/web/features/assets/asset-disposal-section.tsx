import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DetailList } from '../../components/detail-list.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { SuccessNotice } from '../../components/success-notice.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { TextField } from '../../components/text-field.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { useAssetsMutation } from './asset-api.js';
import { formatDay, todayInJapan } from './asset-labels.js';
import { disposeSchema, type DisposeValues } from './asset-schemas.js';
import type { AssetDetail } from './asset-types.js';
import { useAssetFieldErrors } from './asset-validation.js';
import { assetsMessages } from './assets-messages.js';

/**
 * 廃棄 (第2 4(4)): how, when and with what evidence the asset was disposed of; recording it ends the record's
 * changes, so the form asks for confirmation after its checks pass.
 */
export function AssetDisposalSection({ detail }: { detail: AssetDetail }) {
  const t = useMessages(assetsMessages);
  const display = useLocale();
  const { asset } = detail;
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<DisposeValues | null>(null);
  const form = useForm<DisposeValues>({
    resolver: zodResolver(disposeSchema),
    defaultValues: { method: '', evidence: '', disposedOn: todayInJapan() },
  });
  const dispose = useAssetsMutation<DisposeValues>((body) => ({ method: 'POST', path: `/${encodeURIComponent(asset.id)}/dispose`, body }));
  const fieldErrors = useAssetFieldErrors(form.formState.errors, dispose.error);
  const canDispose = detail.allowedActions.includes('dispose') && !asset.disposal;

  return (
    <section className="section card" aria-labelledby="disposal-heading">
      <h2 id="disposal-heading">{t.disposalHeading}</h2>
      <SuccessNotice text={notice} />
      {asset.disposal ? (
        <DetailList
          rows={[
            { label: t.disposedOn, value: formatDay(asset.disposal.disposedOn, display) },
            { label: t.disposalMethod, value: asset.disposal.method, multiline: true },
            { label: t.disposalEvidence, value: asset.disposal.evidence, multiline: true },
          ]}
        />
      ) : (
        <p>{t.notDisposed}</p>
      )}
      {canDispose ? (
        <div className="subsection">
          <h3>{t.dispose}</h3>
          <p>{t.disposalLead}</p>
          <ErrorSummary error={dispose.error} />
          <form
            noValidate
            className="form"
            onSubmit={form.handleSubmit((values) => setPending({ ...values, method: values.method.trim(), evidence: values.evidence.trim() }))}
          >
            <TextField
              label={t.disposalMethod}
              hint={t.disposalMethodHint}
              registration={form.register('method')}
              errors={fieldErrors('method')}
              required
            />
            <TextAreaField
              label={t.disposalEvidence}
              hint={t.disposalEvidenceHint}
              registration={form.register('evidence')}
              errors={fieldErrors('evidence')}
              required
            />
            <TextField
              label={t.disposedOn}
              type="date"
              registration={form.register('disposedOn')}
              errors={fieldErrors('disposedOn')}
              max={todayInJapan()}
              required
            />
            <div className="form-actions">
              <button type="submit" className="button button-danger" disabled={dispose.isPending}>
                {t.dispose}
              </button>
            </div>
          </form>
          <ConfirmDialog
            open={pending !== null}
            question={t.confirmDispose(asset.name)}
            confirmLabel={t.dispose}
            onConfirm={() => {
              if (pending) dispose.mutate(pending, { onSuccess: () => setNotice(t.disposed) });
              setPending(null);
            }}
            onCancel={() => setPending(null)}
          />
        </div>
      ) : null}
    </section>
  );
}
