import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from './confirm-dialog.js';

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

/** A button that asks first (ConfirmDialog); focus returns to the button afterwards. */
export function ConfirmButton({ children, question, onConfirm, className, disabled, ariaLabel }: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className ?? 'button button-secondary'} disabled={disabled} aria-label={ariaLabel} onClick={() => setOpen(true)}>
        {children}
      </button>
      <ConfirmDialog
        open={open}
        question={question}
        confirmLabel={children}
        onConfirm={() => {
          setOpen(false);
          onConfirm();
        }}
        onCancel={() => setOpen(false)}
      />
    </>
  );
}
