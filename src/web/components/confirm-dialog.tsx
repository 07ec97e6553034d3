import { useEffect, useId, useRef } from 'react';
import { commonMessages } from '../../i18n/common-messages.js';
import { useMessages } from '../../i18n/locale-context.js';

interface ConfirmDialogProps {
  open: boolean;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  /** Called when the dialog closes without confirming (Cancel, Escape). */
  onCancel: () => void;
}

/**
 * The shared ConfirmButton asks before a plain click; these forms must first pass their checks, then ask.
 * Same native modal <dialog>: focus is trapped, Escape cancels, focus returns to the submit button.
 */
export function ConfirmDialog({ open, question, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const common = useMessages(commonMessages);
  const ref = useRef<HTMLDialogElement>(null);
  const questionId = useId();
  const confirmed = useRef(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      confirmed.current = false;
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={questionId}
      onClose={() => {
        if (!confirmed.current) onCancel();
      }}
    >
      <p id={questionId} className="dialog-question">
        {question}
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="button button-danger"
          onClick={() => {
            confirmed.current = true;
            ref.current?.close();
            onConfirm();
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button button-secondary" autoFocus onClick={() => ref.current?.close()}>
          {common.cancel}
        </button>
      </div>
    </dialog>
  );
}
