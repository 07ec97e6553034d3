import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldErrorList } from '../../components/field-frame.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useMessages } from '../../i18n/locale-context.js';
import { ratingLabels } from './risk-messages.js';
import { ratings } from './risk-types.js';

/** A rating from 1 低 to 3 高 as three radio buttons under one legend, hint and errors read on the way in. */
export function RatingField({ legend, hint, registration, errors = [] }: { legend: string; hint: string; registration: UseFormRegisterReturn; errors?: string[] }) {
  const id = useId();
  const common = useMessages(commonMessages);
  const labels = useMessages(ratingLabels);
  const hintId = `${id}-hint`;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  return (
    <fieldset className={errors.length > 0 ? 'radio-group rating-field field-invalid' : 'radio-group rating-field'} aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}>
      <legend>
        {legend}
        <span className="tag-required">{common.required}</span>
      </legend>
      <div id={hintId} className="field-hint">
        {hint}
      </div>
      {errorId ? <FieldErrorList id={errorId} errors={errors} /> : null}
      <div className="rating-choices">
        {ratings.map((value) => (
          <label key={value} className="radio">
            <input type="radio" value={String(value)} {...registration} aria-invalid={errors.length > 0 || undefined} />
            <span>
              {value} {labels[value]}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
