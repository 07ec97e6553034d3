import { useId, type ReactNode, type TextareaHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldErrorList, FieldFrame } from '../../components/field-frame.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useMessages } from '../../i18n/locale-context.js';

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

interface ChoiceGroupProps {
  legend: string;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
  className?: string;
  /** Gets the ids the group's inputs point to with aria-describedby (hint and errors). */
  children: (describedBy: string | undefined) => ReactNode;
}

/**
 * Radio buttons or checkboxes under one question: a fieldset whose legend names them, with the hint and
 * errors referenced from each input so a screen reader reads them on the way in.
 */
export function ChoiceGroup({ legend, hint, errors = [], required = false, className, children }: ChoiceGroupProps) {
  const id = useId();
  const common = useMessages(commonMessages);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={['radio-group', errors.length > 0 ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <legend>
        {legend}
        {required ? <span className="tag-required">{common.required}</span> : null}
      </legend>
      {hint ? (
        <div id={hintId} className="field-hint">
          {hint}
        </div>
      ) : null}
      {errorId ? <FieldErrorList id={errorId} errors={errors} /> : null}
      {children(describedBy)}
    </fieldset>
  );
}
