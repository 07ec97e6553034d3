import type { LinkProps } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { commonMessages } from '../i18n/common-messages.js';
import { useMessages } from '../i18n/locale-context.js';
import { Pagination } from './pagination.js';

interface PagedListProps {
  /** One page of a list the server pages, with the exact total. */
  list: { items: readonly unknown[]; total: number; page: number; pageSize: number };
  /** The link to another page of the same view (the filters stay in the URL). */
  pageLink: (page: number) => LinkProps;
  /** Said instead of the table when nothing matches. */
  empty: string;
  /** The table of the page's rows. */
  children: ReactNode;
}

/** A server-paged list: how many rows are shown of how many (announced as it changes), the rows, 前へ / 次へ. */
export function PagedList({ list, pageLink, empty, children }: PagedListProps) {
  const common = useMessages(commonMessages);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const from = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
  const to = Math.min(list.total, list.page * list.pageSize);
  return (
    <>
      <p className="result-count" role="status">
        {common.showing(from, to, list.total)}
      </p>
      {list.items.length === 0 ? <p className="empty">{empty}</p> : children}
      {pages > 1 ? (
        <Pagination
          label={common.pagination}
          position={common.pageOf(list.page, pages)}
          previous={list.page > 1 ? pageLink(list.page - 1) : null}
          next={list.page < pages ? pageLink(list.page + 1) : null}
        />
      ) : null}
    </>
  );
}
