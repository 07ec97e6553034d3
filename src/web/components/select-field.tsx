import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { commonMessages } from '../i18n/common-messages.js';
import { useMessages } from '../i18n/locale-context.js';
import { FieldErrorList } from './text-field.js';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name' | 'required'> {
  label: string;
  options: SelectOption[];
  registration: UseFormRegisterReturn;
  /** Shown first with an empty value, e.g. 「選択してください」 or 「すべて」. */
  placeholder?: string;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
}

/** A labelled native select: native controls work best with screen readers and phone pickers. */
export function SelectField({
  label,
  options,
  registration,
  placeholder,
  hint,
  errors = [],
  required = false,
  ...select
}: SelectFieldProps) {
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
      <select
        id={id}
        {...select}
        {...registration}
        aria-required={required || undefined}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
