import { useQuery } from '@tanstack/react-query';
import type { UseFormReturn } from 'react-hook-form';
import { ChoiceGroup } from '../../components/choice-group.js';
import { SelectField } from '../../components/select-field.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { TextField } from '../../components/text-field.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { departmentAssetsQuery, threatsQuery } from './risk-api.js';
import { ratingLabels, riskMessages, riskStatusLabels } from './risk-messages.js';
import type { RiskRecordValues } from './risk-schemas.js';
import { isRating, riskScore, riskStatuses, scoreLevel } from '../../../features/risks/risk-fields.js';
import { RatingField } from './rating-field.js';

interface RiskFieldsProps {
  form: UseFormReturn<RiskRecordValues>;
  fieldErrors: (name: keyof RiskRecordValues) => string[];
  /** The asset an entry already covers, kept selectable though the list may not hold it. */
  currentAsset?: { id: string; label: string } | null;
}

/** The analysis of 第2 2: what it covers, which threat of 第1 3, the ratings, the measures and the procedure. */
export function RiskFields({ form, fieldErrors, currentAsset = null }: RiskFieldsProps) {
  const t = useMessages(riskMessages);
  const common = useMessages(commonMessages);
  const statuses = useMessages(riskStatusLabels);
  const ratingsText = useMessages(ratingLabels);
  const { locale } = useLocale();
  const threats = useQuery(threatsQuery);
  const departmentId = form.watch('departmentId');
  const subject = form.watch('subject');
  const assets = useQuery(departmentAssetsQuery(subject === 'asset' ? departmentId : ''));

  const assetOptions = (assets.data ?? []).map((asset) => ({ value: asset.id, label: `${asset.labelCode} ${asset.name}` }));
  if (currentAsset && !assetOptions.some((option) => option.value === currentAsset.id)) assetOptions.unshift({ value: currentAsset.id, label: currentAsset.label });
  const likelihood = Number(form.watch('likelihood'));
  const impact = Number(form.watch('impact'));
  const score = isRating(likelihood) && isRating(impact) ? riskScore(likelihood, impact) : null;

  return (
    <>
      <ChoiceGroup legend={t.subjectKind}>
        {() => (
          <div className="subject-choices">
            <label className="radio">
              <input type="radio" value="asset" {...form.register('subject')} />
              <span>{t.subjectAsset}</span>
            </label>
            <label className="radio">
              <input type="radio" value="group" {...form.register('subject')} />
              <span>{t.subjectGroup}</span>
            </label>
          </div>
        )}
      </ChoiceGroup>
      {subject === 'asset' ? (
        <>
          <SelectField
            label={t.asset}
            hint={departmentId ? t.assetHint : t.chooseDepartmentFirst}
            registration={form.register('assetId')}
            errors={fieldErrors('assetId')}
            placeholder={common.choose}
            options={assetOptions}
            required
          />
          {assets.isError ? (
            <p className="notice notice-info" role="status">
              {t.assetsUnavailable}
            </p>
          ) : null}
        </>
      ) : (
        <TextField label={t.assetGroup} hint={t.subjectGroupHint} registration={form.register('assetGroup')} errors={fieldErrors('assetGroup')} required />
      )}
      <SelectField
        label={t.threat}
        hint={t.threatHint}
        registration={form.register('threatId')}
        errors={fieldErrors('threatId')}
        placeholder={common.choose}
        options={(threats.data?.items ?? []).map((item) => ({ value: item.id, label: locale === 'ja' ? item.text : (item.en ?? item.text) }))}
        required
      />
      <TextAreaField label={t.description} hint={t.descriptionHint} registration={form.register('description')} errors={fieldErrors('description')} />
      <RatingField legend={t.likelihood} hint={t.ratingHint} registration={form.register('likelihood')} errors={fieldErrors('likelihood')} />
      <RatingField legend={t.impact} hint={t.ratingHint} registration={form.register('impact')} errors={fieldErrors('impact')} />
      <p className="score-preview" aria-live="polite">
        {score === null ? null : t.scorePreview(score, ratingsText[scoreLevel(score)])}
      </p>
      <TextAreaField
        label={t.countermeasures}
        hint={t.countermeasuresHint}
        registration={form.register('countermeasures')}
        errors={fieldErrors('countermeasures')}
        rows={4}
        required
      />
      <TextAreaField
        label={t.responseProcedure}
        hint={t.responseProcedureHint}
        registration={form.register('responseProcedure')}
        errors={fieldErrors('responseProcedure')}
        rows={4}
        required
      />
      <SelectField
        label={t.status}
        registration={form.register('status')}
        errors={fieldErrors('status')}
        options={riskStatuses.map((value) => ({ value, label: statuses[value] }))}
        required
      />
      <TextField label={t.reviewDue} hint={t.reviewDueHint} type="date" registration={form.register('reviewDue')} errors={fieldErrors('reviewDue')} />
    </>
  );
}
