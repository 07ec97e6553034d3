import { useEffect, useId, useRef, type ReactNode } from 'react';
import { commonMessages } from '../i18n/common-messages.js';
import { useMessages } from '../i18n/locale-context.js';

interface ConfirmDialogProps {
  open: boolean;
  question: string;
  /** The confirming button's text: the action itself (「廃棄する」), not 「OK」. */
  confirmLabel: ReactNode;
  onConfirm: () => void;
  /** Called when the dialog closes without confirming (Cancel, Escape). */
  onCancel: () => void;
}

/**
 * A question asked in a native modal <dialog>: the browser traps focus, Escape cancels, and focus returns to
 * what opened it. Controlled by `open`, so a form can ask only once its checks have passed; ConfirmButton
 * wraps it for a plain button.
 */
export function ConfirmDialog({ open, question, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const common = useMessages(commonMessages);
  const ref = useRef<HTMLDialogElement>(null);
  const questionId = useId();
  // The close event also follows a confirmation; this tells the two apart so only a real cancel reports one.
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
        {/* Focus starts on Cancel: an Enter pressed by habit must not carry out the action. */}
        <button type="button" className="button button-secondary" autoFocus onClick={() => ref.current?.close()}>
          {common.cancel}
        </button>
      </div>
    </dialog>
  );
}
