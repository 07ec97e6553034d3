import type { ReactNode, SelectHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldFrame } from './field-frame.js';

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
  return (
    <FieldFrame label={label} hint={hint} errors={errors} required={required}>
      {(control) => (
        <select {...select} {...registration} {...control}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
