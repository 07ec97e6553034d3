import { useId, useRef, type ReactNode } from 'react';
import { commonMessages } from '../i18n/common-messages.js';
import { useMessages } from '../i18n/locale-context.js';

interface ConfirmButtonProps {
  /** The button's text (and the dialog's confirming action). */
  children: ReactNode;
  /** The question asked before acting. */
  question: string;
  onConfirm: () => void;
  className?: string;
  disabled?: boolean;
  /** An accessible name when several such buttons share a text (「解除」 per row). */
  ariaLabel?: string;
}

/**
 * A button that asks first, in a native modal <dialog>: the browser traps focus, Escape cancels, and
 * focus returns to the button afterwards.
 */
export function ConfirmButton({ children, question, onConfirm, className, disabled, ariaLabel }: ConfirmButtonProps) {
  const common = useMessages(commonMessages);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const questionId = useId();
  return (
    <>
      <button
        type="button"
        className={className ?? 'button button-secondary'}
        disabled={disabled}
        aria-label={ariaLabel}
        onClick={() => dialogRef.current?.showModal()}
      >
        {children}
      </button>
      <dialog ref={dialogRef} className="dialog" aria-labelledby={questionId}>
        <p id={questionId} className="dialog-question">
          {question}
        </p>
        <div className="form-actions">
          <button
            type="button"
            className="button button-danger"
            onClick={() => {
              dialogRef.current?.close();
              onConfirm();
            }}
          >
            {children}
          </button>
          <button type="button" className="button button-secondary" autoFocus onClick={() => dialogRef.current?.close()}>
            {common.cancel}
          </button>
        </div>
      </dialog>
    </>
  );
}
