import type { RecordStatus } from '../api/types.js';
import { commonMessages } from '../i18n/common-messages.js';
import { useMessages } from '../i18n/locale-context.js';

/** 有効 / 無効 as text, never colour alone (WCAG 1.4.1). */
export function StatusBadge({ status }: { status: RecordStatus }) {
  const common = useMessages(commonMessages);
  return (
    <span className={status === 'active' ? 'badge badge-active' : 'badge badge-disabled'}>
      {status === 'active' ? common.statusActive : common.statusDisabled}
    </span>
  );
}
