import { formatDate } from '../../i18n/dates.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import type { AssetImportView } from './assets-import-api.js';
import { assetsImportMessages } from './assets-import-messages.js';

/** Every problem the server found, row by row, in the reader's language; stacked into cards on a phone. */
export function ImportErrorsTable({ view }: { view: AssetImportView }) {
  const t = useMessages(assetsImportMessages);
  const { locale } = useLocale();
  return (
    <div className="table-scroll">
      <table className="table table-stack" data-testid="import-errors">
        <caption>
          {t.errorsCaption}
          {view.errorCount > view.errors.length ? <span className="caption-hint">{t.truncated(view.errors.length)}</span> : null}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.colRow}</th>
            <th scope="col">{t.colColumn}</th>
            <th scope="col">{t.colReason}</th>
          </tr>
        </thead>
        <tbody>
          {view.errors.map((error, index) => (
            <tr key={`${error.row}-${error.column}-${error.code}-${index}`}>
              <th scope="row" className="nowrap">
                {error.row === view.headerRow && error.code === 'E_IMPORT_MISSING_COLUMN' ? t.headerRow(error.row) : t.rowNumber(error.row)}
              </th>
              <td data-label={t.colColumn}>{error.column}</td>
              <td data-label={t.colReason}>{error.message[locale]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The first rows as Bansho read them: what the commit would register. */
export function ImportPreviewTable({ view }: { view: AssetImportView }) {
  const t = useMessages(assetsImportMessages);
  const display = useLocale();
  const { locale } = display;
  return (
    <div className="table-scroll">
      <table className="table table-stack" data-testid="import-preview">
        <caption>{t.previewCaption(view.preview.length, view.validRows)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colRow}</th>
            <th scope="col">{t.colName}</th>
            <th scope="col">{t.colLabel}</th>
            <th scope="col">{t.colKind}</th>
            <th scope="col">{t.colDepartment}</th>
            <th scope="col">{t.colClass}</th>
            <th scope="col">{t.colLocation}</th>
            <th scope="col">{t.colReviewDue}</th>
          </tr>
        </thead>
        <tbody>
          {view.preview.map((row) => (
            <tr key={row.row}>
              <td data-label={t.colRow} className="numeric">
                {row.row}
              </td>
              <th scope="row" data-label={t.colName}>
                {row.name}
              </th>
              <td data-label={t.colLabel}>{row.labelCode ?? t.newLabel}</td>
              <td data-label={t.colKind}>{row.kindTitle[locale]}</td>
              <td data-label={t.colDepartment}>{row.departmentName}</td>
              <td data-label={t.colClass}>
                {row.classTitle[locale]}
                {row.classCriteria ? `（${row.classCriteria}）` : null}
              </td>
              <td data-label={t.colLocation}>{row.location || '—'}</td>
              <td data-label={t.colReviewDue}>{row.reviewDue ? formatDate(`${row.reviewDue}T00:00:00+09:00`, display) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Which column of the file became which field, and which were left out. */
export function ImportColumns({ view }: { view: AssetImportView }) {
  const t = useMessages(assetsImportMessages);
  return (
    <details className="import-columns">
      <summary>{t.columnsHeading}</summary>
      <ul className="plain-list">
        {view.columns
          .filter((column) => column.header !== '')
          .map((column, index) => (
            <li key={`${column.header}-${index}`}>
              {column.header} → {column.fieldHeader ?? t.columnIgnored}
            </li>
          ))}
      </ul>
    </details>
  );
}
