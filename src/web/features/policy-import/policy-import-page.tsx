import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ErrorSummary } from '../../components/error-summary.js';
import { useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import '../../styles/review.css';
import { draftNameMaxLength } from '../../../features/policy-import/draft-fields.js';
import { ClauseReview } from './clause-review.js';
import { DraftsTable } from './drafts-table.js';
import { createDraft, draftsQuery, fetchDraft, parseFile, parseText, updateDraft, type DraftClause, type ImportedStandard, type ParsedStandardText } from './policy-import-api.js';
import { policyImportMessages } from './policy-import-messages.js';

interface Review {
  draftId: string | null;
  name: string;
  sourceText: string;
  lines: string[];
  draft: ImportedStandard;
  dirty: boolean;
}

const fromParsed = (parsed: ParsedStandardText, sourceText: string, name: string): Review => {
  const { lines, ...draft } = parsed;
  return { draftId: null, name, sourceText, lines, draft, dirty: true };
};

/**
 * The review page: a standard's text in, its parsed clause tree beside the source lines, corrections
 * (merge, split, re-parent, rename), and a named draft package out (第7 4: the policy and its review).
 */
export function PolicyImportPage() {
  const t = useMessages(policyImportMessages);
  const queryClient = useQueryClient();
  const id = useId();
  const [text, setText] = useState('');
  const [review, setReview] = useState<Review | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');

  async function run<T>(work: () => Promise<T>, then: (value: T) => void) {
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      then(await work());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const onFile = (file: File | undefined) => {
    if (!file) return;
    void run(
      async () => {
        const bytes = await file.arrayBuffer();
        return { parsed: await parseFile(bytes), text: new TextDecoder('utf-8').decode(bytes) };
      },
      ({ parsed, text: decoded }) => {
        setText(decoded);
        setReview(fromParsed(parsed, decoded, file.name.replace(/\.txt$/i, '')));
      },
    );
  };

  const save = () => {
    if (!review) return;
    const { draftId, name, sourceText, draft } = review;
    void run(
      () => (draftId ? updateDraft(draftId, name, draft) : createDraft(name, sourceText, draft)),
      (saved) => {
        setReview({ ...review, draftId: saved.id, dirty: false });
        setNotice(t.saved(name));
        void queryClient.invalidateQueries({ queryKey: draftsQuery.queryKey });
      },
    );
  };

  const normative = review ? review.draft.clauses.filter((clause) => clause.kind !== 'heading').length : 0;
  const splits = review ? review.draft.clauses.filter((clause) => clause.split === 'suggested').length : 0;

  return (
    <Page title={t.title} clauses={['7.4']}>
      <p className="lead">{t.lead}</p>

      <section aria-labelledby={`${id}-source`} className="review-section">
        <h2 id={`${id}-source`}>{t.sourceHeading}</h2>
        <div className="field">
          <label htmlFor={`${id}-file`} className="field-label">
            {t.fileLabel}
          </label>
          <div id={`${id}-file-hint`} className="field-hint">
            {t.fileHint}
          </div>
          <input id={`${id}-file`} type="file" accept=".txt,text/plain" aria-describedby={`${id}-file-hint`} disabled={busy} onChange={(event) => onFile(event.target.files?.[0])} />
        </div>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void run(() => parseText(text), (parsed) => setReview(fromParsed(parsed, text, review?.name ?? '')));
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-text`} className="field-label">
              {t.textLabel}
            </label>
            <div id={`${id}-text-hint`} className="field-hint">
              {t.textHint}
            </div>
            <textarea id={`${id}-text`} className="review-text" value={text} rows={10} aria-describedby={`${id}-text-hint`} onChange={(event) => setText(event.target.value)} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t.parsing : t.parse}
            </button>
          </div>
        </form>
        <ErrorSummary error={error} />
      </section>

      <div role="status" className={notice ? 'notice notice-success' : 'visually-hidden'}>
        {notice ? <p className="notice-title">{notice}</p> : null}
      </div>

      {review ? (
        <section aria-labelledby={`${id}-result`} className="review-section">
          <h2 id={`${id}-result`}>{t.resultHeading}</h2>
          <p>
            {review.draft.title ? <>「{review.draft.title}」 </> : null}
            {review.draft.style === 'outline' ? t.styleOutline : t.styleArticle}
          </p>
          <p data-testid="review-summary">{t.summary(review.draft.clauses.length, normative, splits, review.draft.warnings.length)}</p>
          <ClauseReview
            draft={review.draft}
            lines={review.lines}
            onChange={(clauses: DraftClause[]) => setReview({ ...review, draft: { ...review.draft, clauses }, dirty: true })}
          />

          <form
            className="review-save"
            aria-labelledby={`${id}-save`}
            onSubmit={(event) => {
              event.preventDefault();
              save();
            }}
          >
            <h3 id={`${id}-save`}>{t.saveHeading}</h3>
            <div className="field">
              <label htmlFor={`${id}-name`} className="field-label">
                {t.draftName}
              </label>
              <input id={`${id}-name`} type="text" required maxLength={draftNameMaxLength} value={review.name} onChange={(event) => setReview({ ...review, name: event.target.value, dirty: true })} />
            </div>
            {review.dirty && review.draftId ? <p className="field-hint">{t.unsaved}</p> : null}
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={busy}>
                {review.draftId ? t.saveChanges : t.save}
              </button>
            </div>
          </form>
        </section>
      ) : null}

      <section aria-labelledby={`${id}-drafts`} className="review-section">
        <h2 id={`${id}-drafts`}>{t.draftsHeading}</h2>
        <DraftsTable
          busy={busy}
          onOpen={(summary) =>
            void run(
              () => fetchDraft(summary.id),
              (detail) => {
                setText(detail.sourceText);
                setReview({ draftId: detail.id, name: detail.name, sourceText: detail.sourceText, lines: detail.lines, draft: detail.draft, dirty: false });
                setNotice(t.opened(detail.name));
              },
            )
          }
        />
      </section>
    </Page>
  );
}
