import { useState } from 'react';
import { textLimits } from '../../../features/assets/asset-rules.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { FieldFrame } from '../../components/field-frame.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { AccessSubjectFields, emptySubjectDraft, grantOf, type SubjectDraft } from './access-subject-fields.js';
import { useAssetsMutation } from './asset-api.js';
import { statusLabel } from './asset-labels.js';
import { translateAssetValidation } from './asset-validation.js';
import type { BulkAssetsRequest, BulkResult } from './asset-types.js';
import { assetsMessages } from './assets-messages.js';

type BulkType = 'changeStatus' | 'setReviewDue' | 'setLocation' | 'grantAccess';

type BulkAction = BulkAssetsRequest['action'];

interface Draft {
  type: BulkType;
  status: 'active' | 'out';
  note: string;
  reviewDue: string;
  location: string;
  subject: SubjectDraft;
}

const emptyDraft: Draft = { type: 'changeStatus', status: 'out', note: '', reviewDue: '', location: '', subject: emptySubjectDraft };

type Problems = Partial<Record<'note' | 'location' | 'subject', string>>;

/** The request for the draft, or what is wrong with it (the server's limits, checked first). */
export function bulkActionOf(draft: Draft): { action: BulkAction } | { problems: Problems } {
  switch (draft.type) {
    case 'changeStatus':
      return draft.note.trim().length > textLimits.note
        ? { problems: { note: `validationTooLong:${textLimits.note}` } }
        : { action: { type: 'changeStatus', status: draft.status, note: draft.note.trim() } };
    case 'setReviewDue':
      return { action: { type: 'setReviewDue', reviewDue: draft.reviewDue || null } };
    case 'setLocation':
      if (draft.location.trim() === '') return { problems: { location: 'validationRequired' } };
      if (draft.location.trim().length > textLimits.location) return { problems: { location: `validationTooLong:${textLimits.location}` } };
      return { action: { type: 'setLocation', location: draft.location.trim() } };
    case 'grantAccess': {
      const grant = grantOf(draft.subject);
      return grant ? { action: { type: 'grantAccess', ...grant } } : { problems: { subject: 'validationChoose' } };
    }
  }
}

/**
 * 一括操作 on the selected assets of the reader's own 課等 (the server applies all or none): change status,
 * review date or location, or grant an access right. Asks for confirmation with the count; the page announces
 * the result (the rows may leave the view, and this bar with them).
 */
export function BulkActionBar({ selectedIds, onDone }: { selectedIds: string[]; onDone: (result: string) => void }) {
  const t = useMessages(assetsMessages);
  const { locale } = useLocale();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [problems, setProblems] = useState<Problems>({});
  const [pending, setPending] = useState<BulkAction | null>(null);
  const bulk = useAssetsMutation<BulkAssetsRequest, BulkResult>((body) => ({
    method: 'POST',
    path: '/bulk',
    body,
  }));

  const actionNames: Record<BulkType, string> = {
    changeStatus: t.bulkChangeStatus,
    setReviewDue: t.bulkSetReviewDue,
    setLocation: t.bulkSetLocation,
    grantAccess: t.bulkGrantAccess,
  };
  const problem = (key: keyof Problems) => (problems[key] ? [translateAssetValidation(problems[key], locale, '')] : []);
  const update = (next: Partial<Draft>) => setDraft((current) => ({ ...current, ...next }));

  const submit = () => {
    const result = bulkActionOf(draft);
    if ('problems' in result) return setProblems(result.problems);
    setProblems({});
    setPending(result.action);
  };
  const apply = (action: BulkAction) =>
    bulk.mutate(
      { assetIds: selectedIds, action },
      {
        onSuccess: (result) => {
          setDraft(emptyDraft);
          onDone(t.bulkDone(result.updated));
        },
      },
    );

  return (
    <section className="bulk-bar card" aria-labelledby="bulk-heading">
      <h2 id="bulk-heading" className="bulk-heading">
        {t.bulkHeading}
      </h2>
      <ErrorSummary error={bulk.error} />
      {selectedIds.length === 0 ? <p className="field-hint">{t.selectionHint}</p> : null}
      {selectedIds.length > 0 ? (
        <form
          noValidate
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <FieldFrame label={t.bulkAction} errors={[]} required>
            {(control) => (
              <select {...control} value={draft.type} onChange={(event) => update({ type: event.target.value as BulkType })}>
                {(Object.keys(actionNames) as BulkType[]).map((type) => (
                  <option key={type} value={type}>
                    {actionNames[type]}
                  </option>
                ))}
              </select>
            )}
          </FieldFrame>
          {draft.type === 'changeStatus' ? (
            <>
              <FieldFrame label={t.newStatus} errors={[]} required>
                {(control) => (
                  <select
                    {...control}
                    value={draft.status}
                    onChange={(event) => update({ status: event.target.value === 'active' ? 'active' : 'out' })}
                  >
                    <option value="active">{statusLabel('active', t)}</option>
                    <option value="out">{statusLabel('out', t)}</option>
                  </select>
                )}
              </FieldFrame>
              <FieldFrame label={t.note} hint={t.noteHint} errors={problem('note')} required={false}>
                {(control) => <input type="text" {...control} value={draft.note} onChange={(event) => update({ note: event.target.value })} />}
              </FieldFrame>
            </>
          ) : null}
          {draft.type === 'setReviewDue' ? (
            <FieldFrame label={t.reviewDue} hint={t.bulkReviewDueHint} errors={[]} required={false}>
              {(control) => (
                <input type="date" {...control} value={draft.reviewDue} onChange={(event) => update({ reviewDue: event.target.value })} />
              )}
            </FieldFrame>
          ) : null}
          {draft.type === 'setLocation' ? (
            <FieldFrame label={t.location} hint={t.locationHint} errors={problem('location')} required>
              {(control) => (
                <input type="text" {...control} value={draft.location} onChange={(event) => update({ location: event.target.value })} />
              )}
            </FieldFrame>
          ) : null}
          {draft.type === 'grantAccess' ? (
            <AccessSubjectFields draft={draft.subject} onChange={(subject) => update({ subject })} subjectErrors={problem('subject')} />
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={bulk.isPending}>
              {t.bulkApply}
            </button>
          </div>
        </form>
      ) : null}
      <ConfirmDialog
        open={pending !== null}
        question={pending ? t.confirmBulk(selectedIds.length, actionNames[pending.type]) : ''}
        confirmLabel={t.bulkApply}
        onConfirm={() => {
          if (pending) apply(pending);
          setPending(null);
        }}
        onCancel={() => setPending(null)}
      />
    </section>
  );
}
