import type { InputHTMLAttributes, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldFrame } from './field-frame.js';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'required'> {
  label: string;
  registration: UseFormRegisterReturn;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
}

/** A labelled text input whose hint and errors are announced with it (aria-describedby). */
export function TextField({ label, registration, hint, errors = [], required = false, ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} errors={errors} required={required}>
      {(control) => <input type="text" {...input} {...registration} {...control} />}
    </FieldFrame>
  );
}
