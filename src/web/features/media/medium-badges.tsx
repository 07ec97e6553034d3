import { useMessages } from '../../i18n/locale-context.js';
import { mediaMessages, mediumStatusLabels } from './media-messages.js';
import type { MediumStatus } from '../../../features/media/medium-fields.js';
import type { MediumSummary } from '../../../features/media/schemas.js';

const statusClass: Record<MediumStatus, string> = {
  in_use: 'badge badge-active',
  stored: 'badge badge-stored',
  lost: 'badge badge-alert',
  disposed: 'badge badge-disabled',
};

/** 使用中 / 保管中 / 紛失 / 廃棄済み as text, never colour alone (WCAG 1.4.1). */
export function MediumStatusBadge({ status }: { status: MediumStatus }) {
  const labels = useMessages(mediumStatusLabels);
  return <span className={statusClass[status]}>{labels[status]}</span>;
}

/** The safeguards of 第2 4(3)イ・ウ in place on a medium, as tags; nothing when none is. */
export function MediumSafeguards({ medium }: { medium: Pick<MediumSummary, 'writeProtected' | 'lockedStorage'> }) {
  const t = useMessages(mediaMessages);
  if (!medium.writeProtected && !medium.lockedStorage) return <>—</>;
  return (
    <span className="safeguard-list">
      {medium.writeProtected ? <span className="tag">{t.writeProtected}</span> : null}
      {medium.lockedStorage ? <span className="tag">{t.lockedStorage}</span> : null}
    </span>
  );
}
