import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useMemo, type ReactNode } from 'react';
import { useForm, type UseFormRegisterReturn } from 'react-hook-form';
import { assetKinds } from '../../../features/assets/asset-rules.js';
import { ChoiceGroup } from '../../components/choice-group.js';
import { ErrorSummary } from '../../components/error-summary.js';
import type { SelectOption } from '../../components/select-field.js';
import { SelectField } from '../../components/select-field.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { TextField } from '../../components/text-field.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { formatClauseNumber } from '../../shell/clauses.js';
import { mediaQuery } from './asset-api.js';
import { itemText, kindLabel, mediumOptionLabel, orderedLevels } from './asset-labels.js';
import { assetFormSchema, type AssetFormValues } from './asset-schemas.js';
import type { AssetMedium, ClassificationItem, ClassificationLevel, ClassificationScheme } from './asset-types.js';
import { useAssetFieldErrors } from './asset-validation.js';
import { assetsMessages } from './assets-messages.js';

interface AssetFormProps {
  scheme: ClassificationScheme;
  initial: AssetFormValues;
  /** Registering: the 課等 the user may register in. Editing: none (the 課等 of a record does not change). */
  departments: SelectOption[] | null;
  /** Editing: the record's 課等 and medium, shown as they are. */
  fixed?: { departmentName: string; medium: AssetMedium | null };
  /** Without the `classify` action the classification is shown, not edited. */
  canClassify: boolean;
  submitLabel: string;
  pending: boolean;
  serverError: unknown;
  onSubmit: (values: AssetFormValues) => void;
  cancel: ReactNode;
}

const noteFields = { confidentiality: 'confidentialityNote', integrity: 'integrityNote', availability: 'availabilityNote' } as const;

/**
 * The asset record as a form, for registering and editing: 基本情報, 重要性分類 (第2 3: the levels, the chosen
 * level's criteria with their clauses, the reason, and what the class implies), the three properties the
 * class rests on, and 管理 (location, medium, dates).
 */
export function AssetForm({ scheme, initial, departments, fixed, canClassify, submitLabel, pending, serverError, onSubmit, cancel }: AssetFormProps) {
  const t = useMessages(assetsMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const levels = useMemo(() => orderedLevels(scheme.levels), [scheme.levels]);
  const schema = useMemo(() => assetFormSchema(levels, { requireDepartment: departments !== null }), [levels, departments]);
  const form = useForm<AssetFormValues>({ resolver: zodResolver(schema), defaultValues: initial });

  const level = levels.find((candidate) => candidate.id === form.watch('classLevel'));
  const levelTitle = level?.title[locale] ?? '';
  const fieldErrors = useAssetFieldErrors(form.formState.errors, serverError, levelTitle);
  const departmentId = form.watch('departmentId');

  const dimensionTitle = (id: keyof typeof noteFields) =>
    scheme.dimensions.find((dimension) => dimension.id === id)?.title[locale] ?? { confidentiality: t.confidentiality, integrity: t.integrity, availability: t.availability }[id];

  return (
    <>
      <ErrorSummary error={serverError} />
      <form noValidate className="form asset-form" onSubmit={form.handleSubmit(onSubmit)}>
        <section className="form-section" aria-labelledby="form-basics-heading">
          <h2 id="form-basics-heading">{t.basicsHeading}</h2>
          <div className="form">
            <TextField label={t.name} registration={form.register('name')} errors={fieldErrors('name')} autoComplete="off" required />
            <TextAreaField
              label={t.description}
              hint={t.descriptionHint}
              registration={form.register('description')}
              errors={fieldErrors('description')}
            />
            <SelectField
              label={t.kind}
              registration={form.register('kind')}
              errors={fieldErrors('kind')}
              placeholder={common.choose}
              options={assetKinds.map((value) => ({ value, label: kindLabel(value, t) }))}
              required
            />
            {departments ? (
              <SelectField
                label={t.ownerDepartment}
                hint={t.ownerDepartmentHint}
                registration={form.register('departmentId')}
                errors={fieldErrors('departmentId')}
                placeholder={common.choose}
                options={departments}
                required
              />
            ) : (
              <dl className="details">
                <div>
                  <dt>{t.ownerDepartment}</dt>
                  <dd>{fixed?.departmentName}</dd>
                </div>
              </dl>
            )}
          </div>
        </section>

        {canClassify ? (
          <section className="form-section" aria-labelledby="form-class-heading">
            <h2 id="form-class-heading">{scheme.scheme[locale]}</h2>
            <div className="form">
              <ChoiceGroup legend={t.chooseLevel} hint={t.classificationLead} errors={fieldErrors('classLevel')} required>
                {(describedBy) =>
                  levels.map((candidate) => (
                    <label key={candidate.id} className="radio">
                      <input type="radio" value={candidate.id} aria-describedby={describedBy} {...form.register('classLevel')} />
                      <span>
                        {candidate.title[locale]}
                        <span className="radio-hint">{levelSummary(candidate, locale)}</span>
                      </span>
                    </label>
                  ))
                }
              </ChoiceGroup>

              {level && level.criteria.length > 0 ? (
                <ChoiceGroup
                  legend={t.levelCriteriaHeading(levelTitle)}
                  hint={t.levelCriteriaHint}
                  errors={fieldErrors('classCriteria')}
                  required={!level.isDefault}
                  className="criteria"
                >
                  {(describedBy) =>
                    level.criteria.map((criterion) => (
                      <label key={criterion.id} className="checkbox criterion">
                        <input type="checkbox" value={criterion.id} aria-describedby={describedBy} {...form.register('classCriteria')} />
                        <ClauseItem item={criterion} />
                      </label>
                    ))
                  }
                </ChoiceGroup>
              ) : null}

              <TextAreaField
                label={t.justification}
                hint={t.justificationHint}
                registration={form.register('classJustification')}
                errors={fieldErrors('classJustification')}
                required={level?.controls.justificationRequired ?? false}
              />

              {level ? <HandlingRules level={level} /> : null}
            </div>
          </section>
        ) : null}

        <section className="form-section" aria-labelledby="form-cia-heading">
          <h2 id="form-cia-heading">{t.ciaHeading}</h2>
          <p className="field-hint">{t.ciaHint}</p>
          <div className="form">
            {(Object.keys(noteFields) as (keyof typeof noteFields)[]).map((dimension) => (
              <TextAreaField
                key={dimension}
                label={dimensionTitle(dimension)}
                registration={form.register(noteFields[dimension])}
                errors={fieldErrors(noteFields[dimension])}
                rows={2}
              />
            ))}
          </div>
        </section>

        <section className="form-section" aria-labelledby="form-management-heading">
          <h2 id="form-management-heading">{t.managementHeading}</h2>
          <div className="form">
            <TextField label={t.location} hint={t.locationHint} registration={form.register('location')} errors={fieldErrors('location')} />
            <MediumSelect
              departmentId={departmentId}
              current={fixed?.medium ?? null}
              level={level}
              registration={form.register('mediumId')}
              errors={fieldErrors('mediumId')}
            />
            <TextField
              label={t.retentionUntil}
              hint={t.dateHint}
              type="date"
              registration={form.register('retentionUntil')}
              errors={fieldErrors('retentionUntil')}
            />
            <TextField
              label={t.reviewDue}
              hint={t.reviewDueHint}
              type="date"
              registration={form.register('reviewDue')}
              errors={fieldErrors('reviewDue')}
            />
          </div>
        </section>

        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? common.saving : submitLabel}
          </button>
          {cancel}
        </div>
      </form>
    </>
  );
}

/** Under each class: its description, or the clauses its criteria come from. */
function levelSummary(level: ClassificationLevel, locale: 'ja' | 'en'): string {
  if (level.description) return level.description;
  return level.clauses.map((clause) => formatClauseNumber(clause, locale)).join('、');
}

/** A criterion or handling rule with its clause number (linked to the clause page). */
export function ClauseItem({ item }: { item: ClassificationItem }) {
  const { locale } = useLocale();
  return (
    <span className="clause-item-line">
      {item.clause ? <span className="clause-ref">{formatClauseNumber(item.clause, locale)}</span> : null}
      <span>{itemText(item, locale)}</span>
    </span>
  );
}

/** What a class implies (第2 4): the package's handling rules, each with its clause. */
export function HandlingRules({ level, headingLevel = 3 }: { level: ClassificationLevel; headingLevel?: 3 | 4 }) {
  const t = useMessages(assetsMessages);
  const { locale } = useLocale();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="handling-rules">
      <Heading>{t.handlingHeading(level.title[locale])}</Heading>
      {level.handling.length === 0 ? (
        <p>{t.noHandling}</p>
      ) : (
        <ul>
          {level.handling.map((rule) => (
            <li key={rule.id}>
              {rule.clause ? (
                <Link to="/policy/clauses/$clauseId" params={{ clauseId: rule.clause }} className="clause-ref">
                  {formatClauseNumber(rule.clause, locale)}
                </Link>
              ) : null}{' '}
              {itemText(rule, locale)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * 第2 4(2)ウ, 4(3)ウ: the medium comes from those issued to the 課等; for a class whose media must be locked away,
 * the hint says so and each medium shows whether it is. The media list is another feature: when it cannot be
 * read the medium stays optional.
 */
function MediumSelect({
  departmentId,
  current,
  level,
  registration,
  errors,
}: {
  departmentId: string;
  current: AssetMedium | null;
  level: ClassificationLevel | undefined;
  registration: UseFormRegisterReturn;
  errors: string[];
}) {
  const t = useMessages(assetsMessages);
  const { locale } = useLocale();
  const media = useQuery(mediaQuery(departmentId));
  const usable = (media.data?.items ?? []).filter((medium) => medium.status === 'in_use' || medium.status === 'stored');
  const options: SelectOption[] = usable.map((medium) => ({ value: medium.id, label: mediumOptionLabel(medium, t, locale) }));
  // The record's medium stays choosable even if the list no longer offers it (lost, or the list is unavailable).
  if (current && !options.some((option) => option.value === current.id)) {
    options.unshift({ value: current.id, label: mediumOptionLabel(current, t, locale) });
  }
  const hints = [t.mediumHint];
  if (level?.controls.lockedStorage) hints.push(t.mediumLockedHint(level.title[locale]));
  if (media.isError) hints.push(t.mediumUnavailable);
  return (
    <SelectField
      label={t.medium}
      hint={
        <>
          {hints.map((hint) => (
            <span key={hint} className="hint-line">
              {hint}
            </span>
          ))}
        </>
      }
      registration={registration}
      errors={errors}
      placeholder={t.none}
      options={options}
    />
  );
}
