import type { UseFormRegisterReturn } from 'react-hook-form';
import { ChoiceGroup } from '../../components/choice-group.js';
import { useMessages } from '../../i18n/locale-context.js';
import { ratingLabels } from './risk-messages.js';
import { ratings } from '../../../features/risks/risk-fields.js';

/** A rating from 1 低 to 3 高 as three radio buttons under one legend, hint and errors read on the way in. */
export function RatingField({ legend, hint, registration, errors = [] }: { legend: string; hint: string; registration: UseFormRegisterReturn; errors?: string[] }) {
  const labels = useMessages(ratingLabels);
  return (
    <ChoiceGroup legend={legend} hint={hint} errors={errors} required className="rating-field">
      {(describedBy) => (
        <div className="rating-choices">
          {ratings.map((value) => (
            <label key={value} className="radio">
              <input type="radio" value={String(value)} {...registration} aria-invalid={errors.length > 0 || undefined} aria-describedby={describedBy} />
              <span>
                {value} {labels[value]}
              </span>
            </label>
          ))}
        </div>
      )}
    </ChoiceGroup>
  );
}
