import { useQuery } from '@tanstack/react-query';
import { QueryState } from '../../components/query-state.js';
import { formatDate } from '../../i18n/dates.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import type { DraftFileName } from '../../../features/policy-import/draft-fields.js';
import { draftFileUrl, draftsQuery, type DraftSummary } from './policy-import-api.js';
import { policyImportMessages } from './policy-import-messages.js';

// The files the table offers for download.
const files = ['clauses.yaml', 'versions.yaml', 'package.yaml'] as const satisfies readonly DraftFileName[];

/** Saved drafts: reopen one, or download its YAML files to finish the package. */
export function DraftsTable({ onOpen, busy }: { onOpen: (draft: DraftSummary) => void; busy: boolean }) {
  const t = useMessages(policyImportMessages);
  const display = useLocale();
  const drafts = useQuery(draftsQuery);
  return (
    <QueryState query={drafts}>
      {(list) =>
        list.items.length === 0 ? (
          <p className="empty">{t.draftsEmpty}</p>
        ) : (
          <div className="table-scroll" role="region" aria-label={t.draftsCaption} tabIndex={0}>
            <table className="table">
              <caption>{t.draftsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.colName}</th>
                  <th scope="col" className="numeric">
                    {t.colClauses}
                  </th>
                  <th scope="col">{t.colUpdated}</th>
                  <th scope="col">{t.colActions}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((draft) => (
                  <tr key={draft.id}>
                    <th scope="row">{draft.name}</th>
                    <td className="numeric">{draft.clauseCount}</td>
                    <td className="nowrap">
                      {formatDate(draft.updatedAt, display, { withTime: true })}
                      <br />
                      {draft.updatedByName}
                    </td>
                    <td>
                      <div className="draft-actions">
                        <button type="button" className="button button-secondary button-small" disabled={busy} aria-label={t.openNamed(draft.name)} onClick={() => onOpen(draft)}>
                          {t.open}
                        </button>
                        {files.map((file) => (
                          <a key={file} href={draftFileUrl(draft.id, file)} download={file} aria-label={t.downloadNamed(draft.name, file)}>
                            {file}
                          </a>
                        ))}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </QueryState>
  );
}
