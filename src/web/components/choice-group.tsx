import { useId, type ReactNode } from 'react';
import { commonMessages } from '../i18n/common-messages.js';
import { useMessages } from '../i18n/locale-context.js';
import { FieldErrorList } from './field-frame.js';

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
 * errors referenced from each input so a screen reader reads them on the way in (aria-describedby on the
 * fieldset itself is not read reliably).
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
