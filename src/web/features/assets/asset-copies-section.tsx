import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { departmentsQuery, sessionQuery } from '../../api/queries.js';
import { ChoiceGroup } from '../../components/choice-group.js';
import { DetailList } from '../../components/detail-list.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { SelectField } from '../../components/select-field.js';
import { SuccessNotice } from '../../components/success-notice.js';
import { TextField } from '../../components/text-field.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { departmentOptions } from '../organisation/department-order.js';
import { mediaQuery, useAssetsMutation } from './asset-api.js';
import { mediumOptionLabel } from './asset-labels.js';
import { withParenthesis } from '../../i18n/parenthesis.js';
import { copySchema, type CopyValues } from './asset-schemas.js';
import type { AssetDetail } from './asset-types.js';
import { useAssetFieldErrors } from './asset-validation.js';
import { assetsMessages } from './assets-messages.js';
import { leaveFlash } from './flash.js';
import { managedDepartmentIds } from './reader.js';

/**
 * 複製・送信 (第2 1(2)): where this asset came from and the copies made of it; a copy or transmission is a record of
 * its own, managed by the officer of the 課等 that holds it.
 */
export function AssetCopiesSection({ detail }: { detail: AssetDetail }) {
  const t = useMessages(assetsMessages);
  const { locale } = useLocale();
  const { asset } = detail;
  const kindName = (kind: 'copy' | 'transmission') => (kind === 'copy' ? t.kindCopy : t.kindTransmission);
  return (
    <section className="section card" aria-labelledby="copies-heading">
      <h2 id="copies-heading">{t.copiesHeading}</h2>
      <p>{t.copiesLead}</p>
      <DetailList
        rows={[
          asset.source
            ? {
                label: t.source,
                value: (
                  <>
                    {kindName(asset.source.kind)}:{' '}
                    {asset.source.readable ? (
                      <Link to="/assets/$assetId" params={{ assetId: asset.source.id }}>
                        {withParenthesis(asset.source.name ?? '', asset.source.labelCode ?? '', locale)}
                      </Link>
                    ) : (
                      t.sourceNotReadable
                    )}
                  </>
                ),
              }
            : null,
          {
            label: t.copies,
            value:
              asset.copies.length === 0 ? (
                t.noCopies
              ) : (
                <ul className="plain-list">
                  {asset.copies.map((copy) => (
                    <li key={copy.id}>
                      {kindName(copy.kind)}:{' '}
                      <Link to="/assets/$assetId" params={{ assetId: copy.id }} className="code">
                        {copy.labelCode}
                      </Link>{' '}
                      {copy.departmentName}
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
      {detail.allowedActions.includes('copy') ? <CopyForm detail={detail} /> : null}
    </section>
  );
}

/** 複製・送信を記録する: the new record belongs to the 課等 that holds the copy (第2 1(2)). */
function CopyForm({ detail }: { detail: AssetDetail }) {
  const t = useMessages(assetsMessages);
  const { locale } = useLocale();
  const common = useMessages(commonMessages);
  const navigate = useNavigate();
  const session = useQuery(sessionQuery);
  const departments = useQuery(departmentsQuery);
  const managed = managedDepartmentIds(session.data?.user);
  // The source's officer may record a copy sent to any 課等 (whose officer then manages it); anyone else records
  // a copy their own 課等 received.
  const anyHolder = managed.includes(detail.asset.departmentId);
  const options = departmentOptions(
    (departments.data?.items ?? []).filter((department) => anyHolder || managed.includes(department.id)),
    { activeOnly: true },
  );
  const form = useForm<CopyValues>({
    resolver: zodResolver(copySchema),
    defaultValues: { kind: 'copy', departmentId: !anyHolder && managed.length === 1 ? (managed[0] ?? '') : '', location: '', mediumId: '', note: '' },
  });
  const media = useQuery(mediaQuery(form.watch('departmentId')));
  const copy = useAssetsMutation<CopyValues>((values) => ({
    method: 'POST',
    path: `/${encodeURIComponent(detail.asset.id)}/copies`,
    body: { ...values, location: values.location.trim(), note: values.note.trim(), mediumId: values.mediumId || null },
  }));
  const fieldErrors = useAssetFieldErrors(form.formState.errors, copy.error);
  const [notice, setNotice] = useState<string | null>(null);

  const submit = (values: CopyValues) =>
    copy.mutate(values, {
      onSuccess: (created) => {
        const notice = t.copiedNotice(created.asset.labelCode);
        // A copy held by another 課等 is theirs to open (第2 1(2)); stay here and say it is recorded.
        if (!managed.includes(created.asset.departmentId)) {
          form.reset();
          return setNotice(notice);
        }
        leaveFlash(created.asset.id, notice);
        void navigate({ to: '/assets/$assetId', params: { assetId: created.asset.id } });
      },
    });

  return (
    <div className="subsection">
      <h3>{t.copyHeading}</h3>
      <SuccessNotice text={notice} />
      <ErrorSummary error={copy.error} />
      <form noValidate className="form" onSubmit={form.handleSubmit(submit)}>
        <ChoiceGroup legend={t.copyKind} required className="radio-inline">
          {(describedBy) =>
            (['copy', 'transmission'] as const).map((kind) => (
              <label key={kind} className="radio">
                <input type="radio" value={kind} aria-describedby={describedBy} {...form.register('kind')} />
                {kind === 'copy' ? t.kindCopy : t.kindTransmission}
              </label>
            ))
          }
        </ChoiceGroup>
        <SelectField
          label={t.copyDepartment}
          hint={t.copyDepartmentHint}
          registration={form.register('departmentId')}
          errors={fieldErrors('departmentId')}
          placeholder={common.choose}
          options={options}
          required
        />
        <TextField label={t.copyLocation} hint={t.locationHint} registration={form.register('location')} errors={fieldErrors('location')} />
        <SelectField
          label={t.medium}
          hint={media.isError ? t.mediumUnavailable : t.mediumHint}
          registration={form.register('mediumId')}
          errors={fieldErrors('mediumId')}
          placeholder={t.none}
          options={(media.data?.items ?? [])
            .filter((medium) => medium.status === 'in_use' || medium.status === 'stored')
            .map((medium) => ({ value: medium.id, label: mediumOptionLabel(medium, t, locale) }))}
        />
        <TextField label={t.note} hint={t.noteHint} registration={form.register('note')} errors={fieldErrors('note')} />
        <div className="form-actions">
          <button type="submit" className="button button-secondary" disabled={copy.isPending}>
            {t.recordCopy}
          </button>
        </div>
      </form>
    </div>
  );
}
