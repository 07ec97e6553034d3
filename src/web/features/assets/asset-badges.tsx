import { useMessages } from '../../i18n/locale-context.js';
import { statusLabel } from './asset-labels.js';
import type { AssetStatus } from './asset-types.js';
import { assetsMessages } from './assets-messages.js';

/** 利用中 / 持出中 / 廃棄済み as text, never colour alone (WCAG 1.4.1). */
export function AssetStatusBadge({ status }: { status: AssetStatus }) {
  const t = useMessages(assetsMessages);
  const style = status === 'active' ? 'badge-active' : status === 'out' ? 'badge-out' : 'badge-disabled';
  return <span className={`badge ${style}`}>{statusLabel(status, t)}</span>;
}
