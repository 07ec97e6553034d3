import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { mergeClause, mergeTarget, renameClause, reparentClause, sentences, sourceRange, splitClause, subtreeIds, type EditProblem, type EditResult } from './draft-edits.js';
import type { DraftClause, ImportedStandard } from './policy-import-api.js';
import { policyImportMessages } from './policy-import-messages.js';

/** The importer writes "English / 日本語" in one message. */
export function localiseImportMessage(message: string, locale: 'ja' | 'en'): string {
  const cut = message.lastIndexOf(' / ');
  if (cut < 0) return message;
  return locale === 'ja' ? message.slice(cut + 3) : message.slice(0, cut);
}

interface ClauseReviewProps {
  draft: ImportedStandard;
  lines: string[];
  onChange: (clauses: DraftClause[]) => void;
}

/** The parsed tree beside the source lines; choosing a clause highlights its lines and opens its corrections. */
export function ClauseReview({ draft, lines, onChange }: ClauseReviewProps) {
  const t = useMessages(policyImportMessages);
  const { locale } = useLocale();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const sourceRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const { clauses } = draft;
  const selected = clauses.find((clause) => clause.id === selectedId) ?? null;
  const boundaries = useMemo(() => draft.versions.map((version) => version.line), [draft.versions]);
  const range = selected ? sourceRange(clauses, boundaries, lines, selected.id) : null;
  const rangeStart = range?.[0];

  // Bring the clause's first source line into view inside the source pane (not the whole page).
  useEffect(() => {
    if (rangeStart === undefined || !sourceRef.current) return;
    const first = sourceRef.current.querySelector<HTMLElement>(`[data-line="${rangeStart}"]`);
    if (first) sourceRef.current.scrollTop = Math.max(0, first.offsetTop - 48);
  }, [rangeStart, selectedId]);

  const problemText: Record<EditProblem, string> = {
    'id-empty': t.problemIdEmpty,
    'id-taken': t.problemIdTaken,
    'id-invalid': t.problemIdInvalid,
    'parent-in-subtree': t.problemParentInSubtree,
    'nothing-to-merge-into': t.problemNothingToMergeInto,
    'no-sentence-boundary': t.problemNoSentenceBoundary,
  };
  const apply = (result: EditResult, done: (id: string) => string) => {
    if ('problem' in result) {
      setAnnouncement(problemText[result.problem]);
      return;
    }
    onChange(result.clauses);
    setSelectedId(result.selectedId);
    setAnnouncement(done(result.selectedId));
  };

  const children = useMemo(() => {
    const map = new Map<string | null, DraftClause[]>();
    for (const clause of clauses) map.set(clause.parentId, [...(map.get(clause.parentId) ?? []), clause]);
    return map;
  }, [clauses]);

  const renderBranch = (parentId: string | null) => (
    <ul className={parentId === null ? 'review-tree' : undefined}>
      {(children.get(parentId) ?? []).map((clause) => (
        <li key={clause.id}>
          <button
            type="button"
            className="review-clause"
            aria-current={clause.id === selectedId ? 'true' : undefined}
            onClick={() => {
              setSelectedId(clause.id);
              setAnnouncement('');
            }}
          >
            <span className="clause-id">{clause.id}</span>
            <span className="clause-snippet">{clause.heading ?? (clause.text.length > 40 ? `${clause.text.slice(0, 40)}…` : clause.text)}</span>
            {clause.kind === 'heading' ? <span className="badge">{t.kindHeading}</span> : null}
            {clause.split === 'suggested' ? <span className="badge badge-split">{t.splitSuggested}</span> : null}
          </button>
          {children.has(clause.id) ? renderBranch(clause.id) : null}
        </li>
      ))}
    </ul>
  );

  return (
    <>
      {draft.warnings.length > 0 ? (
        <section className="notice notice-warning" aria-labelledby={`${headingId}-warnings`}>
          <h3 id={`${headingId}-warnings`} className="notice-title">
            {t.warningsHeading}
          </h3>
          <ul>
            {draft.warnings.map((warning) => (
              <li key={`${warning.line}-${warning.code}`}>
                <strong>{t.warningLine(warning.line)}</strong> {localiseImportMessage(warning.message, locale)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="review-selected" aria-labelledby={`${headingId}-selected`}>
        <h3 id={`${headingId}-selected`}>{selected ? t.selectedHeading(selected.id) : t.selectedHeading('—')}</h3>
        {selected ? (
          <ClauseActions key={selected.id} clause={selected} clauses={clauses} range={range} apply={apply} />
        ) : (
          <p>{t.noSelection}</p>
        )}
        <p role="status" className="review-announcement">
          {announcement}
        </p>
      </section>

      <div className="review-panes">
        <section className="review-pane" aria-labelledby={`${headingId}-tree`}>
          <h3 id={`${headingId}-tree`}>{t.treeHeading}</h3>
          {renderBranch(null)}
        </section>
        <section className="review-pane" aria-labelledby={`${headingId}-source`}>
          <h3 id={`${headingId}-source`}>{t.sourceTextHeading}</h3>
          <div ref={sourceRef} className="review-source" role="region" aria-label={t.lineNumbers} tabIndex={0}>
            <ol className="source-lines">
              {lines.map((text, index) => {
                const line = index + 1;
                const highlighted = range !== null && line >= range[0] && line <= range[1];
                return (
                  <li key={line} data-line={line} className={highlighted ? 'is-highlighted' : undefined}>
                    {text}
                  </li>
                );
              })}
            </ol>
          </div>
        </section>
      </div>
    </>
  );
}

interface ClauseActionsProps {
  clause: DraftClause;
  clauses: DraftClause[];
  range: [number, number] | null;
  apply: (result: EditResult, done: (id: string) => string) => void;
}

/** The corrections one clause allows: merge, split at a sentence, re-parent, rename. */
function ClauseActions({ clause, clauses, range, apply }: ClauseActionsProps) {
  const t = useMessages(policyImportMessages);
  const id = useId();
  const target = mergeTarget(clauses, clause.id);
  const parts = sentences(clause.text);
  const [splitAfter, setSplitAfter] = useState(1);
  const subtree = subtreeIds(clauses, clause.id);
  const parentChoices = clauses.filter((c) => !subtree.has(c.id));
  const [newParent, setNewParent] = useState(clause.parentId ?? '');
  const [newId, setNewId] = useState(clause.id);

  return (
    <>
      <dl className="details">
        {clause.heading ? (
          <div>
            <dt>{t.kindHeading}</dt>
            <dd>{clause.heading}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t.sourceTextHeading}</dt>
          <dd>
            {range ? t.lines(range[0], range[1]) : null} {clause.kind === 'heading' ? t.kindHeading : t.kindTodo}
            {clause.split === 'suggested' ? ` · ${t.splitSuggested}` : ''}
          </dd>
        </div>
        {clause.text ? (
          <div>
            <dt>{t.textLabel}</dt>
            <dd>{clause.text}</dd>
          </div>
        ) : null}
      </dl>

      <div className="review-actions">
        {target ? (
          <div className="review-action-row">
            <button type="button" className="button button-secondary" onClick={() => apply(mergeClause(clauses, clause.id), () => t.merged(clause.id, target.id))}>
              {t.mergeInto(target.id)}
            </button>
          </div>
        ) : null}

        {parts.length > 1 ? (
          <div className="review-action-row">
            <div className="field">
              <label htmlFor={`${id}-split`} className="field-label">
                {t.splitAt}
              </label>
              <select id={`${id}-split`} value={splitAfter} onChange={(event) => setSplitAfter(Number(event.target.value))}>
                {parts.slice(0, -1).map((_, index) => (
                  <option key={index} value={index + 1}>
                    {t.afterSentence(index + 1)}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="button button-secondary" onClick={() => apply(splitClause(clauses, clause.id, splitAfter), t.splitDone)}>
              {t.split}
            </button>
          </div>
        ) : null}

        <div className="review-action-row">
          <div className="field">
            <label htmlFor={`${id}-parent`} className="field-label">
              {t.newParent}
            </label>
            <select id={`${id}-parent`} value={newParent} onChange={(event) => setNewParent(event.target.value)}>
              <option value="">{t.topLevel}</option>
              {parentChoices.map((c) => (
                <option key={c.id} value={c.id}>
                  {`${'　'.repeat(c.depth - 1)}${c.id}${c.heading ? ` ${c.heading}` : ''}`}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button button-secondary"
            disabled={newParent === (clause.parentId ?? '')}
            onClick={() => apply(reparentClause(clauses, clause.id, newParent === '' ? null : newParent), t.reparented)}
          >
            {t.reparent}
          </button>
        </div>

        <form
          className="review-action-row"
          onSubmit={(event) => {
            event.preventDefault();
            apply(renameClause(clauses, clause.id, newId), t.renamed);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-id`} className="field-label">
              {t.newId}
            </label>
            <input id={`${id}-id`} type="text" value={newId} maxLength={60} onChange={(event) => setNewId(event.target.value)} />
          </div>
          <button type="submit" className="button button-secondary">
            {t.rename}
          </button>
        </form>
      </div>
    </>
  );
}
