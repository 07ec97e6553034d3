import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldErrorList } from './field-frame.js';

interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'type'> {
  label: string;
  registration: UseFormRegisterReturn;
  hint?: ReactNode;
  errors?: string[];
}

/** One yes/no question: the box before its label (as native checkboxes read), hint and errors announced with it. */
export function CheckboxField({ label, registration, hint, errors = [], ...input }: CheckboxFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  return (
    <div className={errors.length > 0 ? 'field field-invalid' : 'field'}>
      {errorId ? <FieldErrorList id={errorId} errors={errors} /> : null}
      <label className="checkbox" htmlFor={id}>
        <input
          type="checkbox"
          id={id}
          {...input}
          {...registration}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        />
        <span>{label}</span>
      </label>
      {hint ? (
        <div id={hintId} className="field-hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
}
