import type { ReactNode, TextareaHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldFrame } from './field-frame.js';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'required'> {
  label: string;
  registration: UseFormRegisterReturn;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
}

/** A labelled multi-line input whose hint and errors are announced with it, like TextField. */
export function TextAreaField({ label, registration, hint, errors = [], required = false, rows = 3, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} errors={errors} required={required}>
      {(control) => <textarea rows={rows} {...textarea} {...registration} {...control} />}
    </FieldFrame>
  );
}
