import { Link, type LinkProps } from '@tanstack/react-router';
import { commonMessages } from '../i18n/common-messages.js';
import { useMessages } from '../i18n/locale-context.js';

interface PaginationProps {
  label: string;
  /** e.g. 「3 / 10ページ」 */
  position: string;
  previous: LinkProps | null;
  next: LinkProps | null;
}

/** 前へ / 次へ as links (they change the URL), in a labelled navigation landmark. */
export function Pagination({ label, position, previous, next }: PaginationProps) {
  const common = useMessages(commonMessages);
  return (
    <nav aria-label={label} className="pagination">
      {previous ? (
        <Link {...previous} className="button button-secondary" rel="prev">
          {common.previous}
        </Link>
      ) : (
        <span className="pagination-placeholder" />
      )}
      <span className="pagination-position">{position}</span>
      {next ? (
        <Link {...next} className="button button-secondary" rel="next">
          {common.next}
        </Link>
      ) : (
        <span className="pagination-placeholder" />
      )}
    </nav>
  );
}
