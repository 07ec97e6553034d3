import { Link } from '@tanstack/react-router';
import { useMessages } from '../../i18n/locale-context.js';
import { mediaMessages, mediumKindLabels } from './media-messages.js';
import type { MediaList } from '../../../features/media/schemas.js';
import { MediumSafeguards, MediumStatusBadge } from './medium-badges.js';

/** The media of one page: a table on wide screens, stacked cards on a phone (see .table-stack). */
export function MediaTable({ list }: { list: MediaList }) {
  const t = useMessages(mediaMessages);
  const kinds = useMessages(mediumKindLabels);
  return (
    <table className="table table-stack">
      <caption>{t.mediaCaption(list.total)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.code}</th>
          <th scope="col">{t.kind}</th>
          <th scope="col">{t.department}</th>
          <th scope="col">{t.holder}</th>
          <th scope="col">{t.status}</th>
          <th scope="col">{t.flags}</th>
          <th scope="col">{t.storageLocation}</th>
        </tr>
      </thead>
      <tbody>
        {list.items.map((medium) => (
          <tr key={medium.id}>
            <th scope="row" data-label={t.code}>
              <Link to="/media/$mediumId" params={{ mediumId: medium.id }} className="user-link">
                {medium.code}
              </Link>
              {medium.description ? <span className="kana">{medium.description}</span> : null}
            </th>
            <td data-label={t.kind}>{kinds[medium.kind]}</td>
            <td data-label={t.department}>{medium.departmentName}</td>
            <td data-label={t.holder}>{medium.holderName ?? '—'}</td>
            <td data-label={t.status}>
              <MediumStatusBadge status={medium.status} />
            </td>
            <td data-label={t.flags}>
              <MediumSafeguards medium={medium} />
            </td>
            <td data-label={t.storageLocation}>{medium.storageLocation || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
