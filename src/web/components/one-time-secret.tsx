import { useState } from 'react';
import { commonMessages } from '../i18n/common-messages.js';
import { useMessages } from '../i18n/locale-context.js';

/** A password shown once (initial or reset): large, monospaced, copyable, with the warning next to it. */
export function OneTimeSecret({ label, warning, value }: { label: string; warning: string; value: string }) {
  const common = useMessages(commonMessages);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (insecure context on an intranet host); the value stays visible.
      setCopied(false);
    }
  };
  return (
    <div className="one-time-secret">
      <p className="one-time-secret-label">{label}</p>
      <p className="one-time-secret-value">
        <code data-testid="one-time-secret">{value}</code>
        <button type="button" className="button button-secondary button-small" onClick={() => void copy()}>
          {common.copy}
        </button>
        <span role="status" className="copied-status">
          {copied ? common.copied : ''}
        </span>
      </p>
      <p className="one-time-secret-warning">{warning}</p>
    </div>
  );
}
