import '../../styles/assets-import.css';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState } from 'react';
import { ErrorSummary } from '../../components/error-summary.js';
import { useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { commitImport, importTemplateUrl, uploadImport, type AssetImportView } from './assets-import-api.js';
import { assetsImportMessages } from './assets-import-messages.js';
import { ImportColumns, ImportErrorsTable, ImportPreviewTable } from './import-tables.js';

type Stage = { kind: 'idle' } | { kind: 'uploading'; percent: number } | { kind: 'validating' } | { kind: 'checked'; view: AssetImportView } | { kind: 'committing'; view: AssetImportView } | { kind: 'committed'; view: AssetImportView };

/**
 * 第2 3 (目録を作成する), DESIGN §3 (all-or-nothing imports): a 情報セキュリティ責任者 reads a register kept in
 * Excel into the inventory. The file is sent with a progress bar, every row is checked on the server, every
 * problem is listed by row and column, and only a file without problems can be committed — all rows or none.
 */
export function AssetsImportPage() {
  const t = useMessages(assetsImportMessages);
  const id = useId();
  const queryClient = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const [missingFile, setMissingFile] = useState(false);

  const view = 'view' in stage ? stage.view : null;
  const busy = stage.kind === 'uploading' || stage.kind === 'validating' || stage.kind === 'committing';

  // A new result takes focus, so a screen reader user hears it and a phone user sees it without scrolling.
  useEffect(() => {
    if (stage.kind === 'checked' || stage.kind === 'committed') resultRef.current?.focus();
  }, [stage.kind]);

  const upload = () => {
    const file = fileRef.current?.files?.[0];
    setMissingFile(!file);
    if (!file) return;
    setError(null);
    setStage({ kind: 'uploading', percent: 0 });
    uploadImport(
      file,
      (share) => setStage({ kind: 'uploading', percent: Math.round(share * 100) }),
      () => setStage({ kind: 'validating' }),
    ).then(
      (checked) => setStage({ kind: 'checked', view: checked }),
      (failure: unknown) => {
        setError(failure);
        setStage({ kind: 'idle' });
      },
    );
  };

  const commit = (checked: AssetImportView) => {
    setError(null);
    setStage({ kind: 'committing', view: checked });
    commitImport(checked.id).then(
      (committed) => {
        setStage({ kind: 'committed', view: committed });
        void queryClient.invalidateQueries({ queryKey: ['assets'] });
      },
      (failure: unknown) => {
        setError(failure);
        setStage({ kind: 'checked', view: checked });
      },
    );
  };

  const reset = () => {
    setStage({ kind: 'idle' });
    setError(null);
    if (fileRef.current) fileRef.current.value = '';
    fileRef.current?.focus();
  };

  return (
    <Page title={t.title} clauses={['2.3', '2.4.1']} breadcrumbs={[{ label: t.inventory, to: '/assets' }]}>
      <p className="lead">{t.lead}</p>

      <section aria-labelledby={`${id}-template`} className="section">
        <h2 id={`${id}-template`}>{t.templateHeading}</h2>
        <p>{t.templateText}</p>
        <a href={importTemplateUrl} download className="button button-secondary">
          {t.templateLink}
        </a>
      </section>

      <section aria-labelledby={`${id}-file-heading`} className="section">
        <h2 id={`${id}-file-heading`}>{t.fileHeading}</h2>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            upload();
          }}
        >
          <div className={missingFile ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${id}-file`} className="field-label">
              {t.fileLabel}
            </label>
            <div id={`${id}-file-hint`} className="field-hint">
              {t.fileHint}
            </div>
            {missingFile ? (
              <ul id={`${id}-file-error`} className="field-error">
                <li>{t.chooseFirst}</li>
              </ul>
            ) : null}
            <input
              ref={fileRef}
              id={`${id}-file`}
              type="file"
              className="import-file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={missingFile ? `${id}-file-hint ${id}-file-error` : `${id}-file-hint`}
              aria-invalid={missingFile || undefined}
              disabled={busy}
              onChange={() => setMissingFile(false)}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t.check}
            </button>
          </div>
        </form>

        {stage.kind === 'uploading' ? (
          <div className="import-progress">
            <label htmlFor={`${id}-progress`}>{t.progressLabel}</label>
            <progress id={`${id}-progress`} max={100} value={stage.percent}>
              {stage.percent}%
            </progress>
            <span aria-hidden="true">{stage.percent}%</span>
          </div>
        ) : null}
        {/* Announced once per stage, not at every percent. */}
        <p role="status" className={busy ? 'loading' : 'visually-hidden'} data-testid="import-stage">
          {stage.kind === 'uploading' ? t.uploading : stage.kind === 'validating' ? t.validating : stage.kind === 'committing' ? t.committing : ''}
        </p>
        <ErrorSummary error={error} />
      </section>

      {view ? (
        <section aria-labelledby={`${id}-result`} className="section import-result" data-testid="import-result">
          <h2 id={`${id}-result`} ref={resultRef} tabIndex={-1}>
            {t.resultHeading}
          </h2>
          <p>{t.summary(view.fileName, view.rowCount)}</p>
          {stage.kind === 'committed' ? (
            <div className="notice notice-success">
              <p className="notice-title">{t.committed(view.createdAssets)}</p>
              <p>
                <Link to="/assets">{t.openInventory}</Link>
              </p>
            </div>
          ) : view.status === 'invalid' ? (
            <div className="notice notice-error">
              <p className="notice-title">{t.invalidTitle(view.errorCount)}</p>
              <p>{t.invalidText}</p>
            </div>
          ) : (
            <div className="notice notice-success">
              <p className="notice-title">{t.validTitle(view.validRows)}</p>
              <p>{t.validText}</p>
            </div>
          )}
          {view.errors.length > 0 ? <ImportErrorsTable view={view} /> : null}
          <ImportColumns view={view} />
          {view.preview.length > 0 ? <ImportPreviewTable view={view} /> : null}
          <div className="form-actions">
            {view.status === 'validated' && stage.kind !== 'committed' ? (
              <button type="button" className="button button-primary" disabled={busy} onClick={() => commit(view)}>
                {t.commit(view.validRows)}
              </button>
            ) : null}
            <button type="button" className="button button-secondary" disabled={busy} onClick={reset}>
              {t.another}
            </button>
          </div>
        </section>
      ) : null}
    </Page>
  );
}
