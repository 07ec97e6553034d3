import { useId, type ReactNode } from 'react';
import { commonMessages } from '../i18n/common-messages.js';
import { useMessages } from '../i18n/locale-context.js';

/** What a form control needs to be announced with its label, hint and errors. */
export interface ControlProps {
  id: string;
  'aria-required': true | undefined;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldFrameProps {
  label: string;
  hint?: ReactNode;
  errors: string[];
  required: boolean;
  /** Renders the control with the ids and aria attributes that tie it to the label, hint and errors. */
  children: (control: ControlProps) => ReactNode;
}

/** The label, required tag, hint and error list around one form control (text input, select, …). */
export function FieldFrame({ label, hint, errors, required, children }: FieldFrameProps) {
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
      {children({
        id,
        'aria-required': required || undefined,
        'aria-invalid': errors.length > 0 || undefined,
        'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
      })}
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
