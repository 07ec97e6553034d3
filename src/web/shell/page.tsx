import { Link } from '@tanstack/react-router';
import { useEffect, useRef, type ReactNode } from 'react';
import { commonMessages } from '../i18n/common-messages.js';
import { useLocale } from '../i18n/locale-context.js';
import { citationHeading, formatClauseNumber, useClauseIndex } from './clauses.js';

// The first page of a visit keeps the browser's own focus; later pages move focus to their heading so a
// screen reader announces the new page (a single-page app gives no page-load cue).
let firstPageShown = false;

export interface Crumb {
  label: string;
  to: string;
}

interface PageProps {
  title: string;
  /** The way back up: e.g. 職員一覧 above one 職員. */
  breadcrumbs?: Crumb[];
  /** A line under the heading (e.g. ふりがな and status). */
  meta?: ReactNode;
  /** Clause ids (dotted, e.g. `5.3.1`) of the standard this page implements. */
  clauses: string[];
  /** Buttons beside the heading (e.g. 「職員を登録」). */
  actions?: ReactNode;
  children: ReactNode;
}

/** A page: its heading, the clauses it rests on, and the browser tab title. */
export function Page({ title, breadcrumbs, meta, clauses, actions, children }: PageProps) {
  const { locale } = useLocale();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} | ${commonMessages[locale].pageTitleSuffix}`;
  }, [title, locale]);

  useEffect(() => {
    if (firstPageShown) headingRef.current?.focus();
    firstPageShown = true;
  }, []);

  return (
    <>
      {breadcrumbs && breadcrumbs.length > 0 ? (
        <nav aria-label={commonMessages[locale].breadcrumbs} className="breadcrumbs">
          <ol>
            {breadcrumbs.map((crumb) => (
              <li key={crumb.to}>
                <Link to={crumb.to}>{crumb.label}</Link>
              </li>
            ))}
            <li aria-current="page">{title}</li>
          </ol>
        </nav>
      ) : null}
      <div className="page-heading">
        <h1 ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {meta ? <div className="page-meta">{meta}</div> : null}
      <ClauseCitation clauses={clauses} />
      {children}
    </>
  );
}

/**
 * 根拠条項: the clauses of the standard a page rests on, numbered as the standard numbers them, each a link to
 * its clause page (text, implementation, evidence). Headings come from the loaded policy package.
 */
export function ClauseCitation({ clauses }: { clauses: string[] }) {
  const { locale } = useLocale();
  const { ready, clauses: index } = useClauseIndex();
  return (
    <p className="clause-citation">
      <span className="clause-citation-label">{commonMessages[locale].clauseBasis}</span>
      {clauses.map((id) => {
        const heading = citationHeading(id, index);
        const text = (
          <>
            {formatClauseNumber(id, locale)}
            {heading ? (
              <>
                {' '}
                <span lang="ja">{heading}</span>
              </>
            ) : null}
          </>
        );
        // Before sign-in (and during forced steps) the clause pages cannot open: cite without a link.
        return ready ? (
          <Link key={id} to="/policy/clauses/$clauseId" params={{ clauseId: id }} className="clause" data-clause={id}>
            {text}
          </Link>
        ) : (
          <span key={id} className="clause" data-clause={id}>
            {text}
          </span>
        );
      })}
    </p>
  );
}
