import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { commonMessages } from '../i18n/common-messages.js';
import { useMessages } from '../i18n/locale-context.js';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'required'> {
  label: string;
  registration: UseFormRegisterReturn;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
}

/** A labelled text input whose hint and errors are announced with it (aria-describedby). */
export function TextField({ label, registration, hint, errors = [], required = false, ...input }: TextFieldProps) {
  const id = useId();
  const common = useMessages(commonMessages);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  return (
    <div className={errors.length > 0 ? 'field field-invalid' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
        {required ? <span className="tag-required">{common.required}</span> : null}
      </label>
      {hint ? (
        <div id={hintId} className="field-hint">
          {hint}
        </div>
      ) : null}
      {errorId ? <FieldErrorList id={errorId} errors={errors} /> : null}
      <input
        id={id}
        type="text"
        {...input}
        {...registration}
        aria-required={required || undefined}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
      />
    </div>
  );
}

/** The errors of one field, each on its own line. */
export function FieldErrorList({ id, errors }: { id: string; errors: string[] }) {
  return (
    <ul id={id} className="field-error">
      {errors.map((text) => (
        <li key={text}>{text}</li>
      ))}
    </ul>
  );
}
