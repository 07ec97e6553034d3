import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ErrorSummary } from '../../components/error-summary.js';
import { useFieldErrors } from '../../components/validation.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { formatDate } from '../../i18n/dates.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { formatClauseNumber } from '../../shell/clauses.js';
import { SuccessNotice } from '../organisation/success-notice.js';
import { useRiskMutation } from './risk-api.js';
import { RiskFields } from './risk-fields.js';
import { ratingLabels, riskMessages, riskStatusLabels } from './risk-messages.js';
import { riskBody, riskRecordSchema, type RiskRecordValues } from './risk-schemas.js';
import { RiskSubject } from './risk-subject.js';
import type { RiskDetail } from './risk-types.js';
import { ScoreBadge } from './score-badge.js';

/** 分析の内容: shown as a list; revised in place when the server allows `update`. */
export function RiskAnalysisSection({ detail }: { detail: RiskDetail }) {
  const t = useMessages(riskMessages);
  const common = useMessages(commonMessages);
  const statuses = useMessages(riskStatusLabels);
  const ratingsText = useMessages(ratingLabels);
  const display = useLocale();
  const { risk } = detail;
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const form = useForm<RiskRecordValues>({ resolver: zodResolver(riskRecordSchema) });
  const update = useRiskMutation((values: RiskRecordValues) => ({ method: 'PATCH', path: `/risks/${encodeURIComponent(risk.id)}`, body: riskBody(values) }));
  const fieldErrors = useFieldErrors(form.formState.errors, update.error);

  const startEditing = () => {
    form.reset({
      departmentId: risk.departmentId,
      subject: risk.asset ? 'asset' : 'group',
      assetId: risk.asset?.id ?? '',
      assetGroup: risk.assetGroup ?? '',
      threatId: risk.threat.id,
      description: risk.description,
      likelihood: String(risk.likelihood) as RiskRecordValues['likelihood'],
      impact: String(risk.impact) as RiskRecordValues['impact'],
      countermeasures: risk.countermeasures,
      responseProcedure: risk.responseProcedure,
      status: risk.status,
      reviewDue: risk.reviewDue ?? '',
    });
    update.reset();
    setNotice(null);
    setEditing(true);
  };
  const save = (values: RiskRecordValues) =>
    update.mutate(values, {
      onSuccess: () => {
        setEditing(false);
        setNotice(t.saved);
      },
    });
  const currentAsset = risk.asset ? { id: risk.asset.id, label: risk.asset.labelCode && risk.asset.name ? `${risk.asset.labelCode} ${risk.asset.name}` : t.unreadableAsset } : null;

  return (
    <section className="section card" aria-labelledby="risk-analysis-heading">
      <div className="section-heading">
        <h2 id="risk-analysis-heading">{t.detailsHeading}</h2>
        {detail.allowedActions.includes('update') && !editing ? (
          <button type="button" className="button button-secondary button-small" onClick={startEditing}>
            {common.edit}
          </button>
        ) : null}
      </div>
      <SuccessNotice text={notice} />
      {editing ? (
        <>
          <ErrorSummary error={update.error} />
          <form noValidate className="form" onSubmit={form.handleSubmit(save)}>
            <RiskFields form={form} fieldErrors={fieldErrors} currentAsset={currentAsset} />
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={update.isPending}>
                {update.isPending ? common.saving : common.save}
              </button>
              <button type="button" className="button button-tertiary" onClick={() => setEditing(false)}>
                {common.cancel}
              </button>
            </div>
          </form>
        </>
      ) : (
        <dl className="details">
          <div>
            <dt>{t.threat}</dt>
            <dd>
              {risk.threat.title[display.locale]}
              {risk.threat.clause ? <span className="kana"> {formatClauseNumber(risk.threat.clause, display.locale)}</span> : null}
            </dd>
          </div>
          <div>
            <dt>{t.score}</dt>
            <dd>
              <ScoreBadge score={risk.score} />
            </dd>
          </div>
          <div>
            <dt>{t.likelihood}</dt>
            <dd>
              {risk.likelihood} {ratingsText[risk.likelihood]}
            </dd>
          </div>
          <div>
            <dt>{t.impact}</dt>
            <dd>
              {risk.impact} {ratingsText[risk.impact]}
            </dd>
          </div>
          <div>
            <dt>{t.subject}</dt>
            <dd>
              <RiskSubject risk={risk} />
            </dd>
          </div>
          <div>
            <dt>{t.department}</dt>
            <dd>{risk.departmentName}</dd>
          </div>
          <div>
            <dt>{t.description}</dt>
            <dd className="multiline-text">{risk.description || '—'}</dd>
          </div>
          <div>
            <dt>{t.countermeasures}</dt>
            <dd className="multiline-text">{risk.countermeasures}</dd>
          </div>
          <div>
            <dt>{t.responseProcedure}</dt>
            <dd className="multiline-text">{risk.responseProcedure}</dd>
          </div>
          <div>
            <dt>{t.status}</dt>
            <dd>{statuses[risk.status]}</dd>
          </div>
          <div>
            <dt>{t.reviewDue}</dt>
            <dd>{risk.reviewDue ? formatDate(risk.reviewDue, display) : '—'}</dd>
          </div>
          <div>
            <dt>{t.createdBy}</dt>
            <dd>{risk.createdByName ?? '—'}</dd>
          </div>
          <div>
            <dt>{t.createdAt}</dt>
            <dd>{formatDate(risk.createdAt, display, { withTime: true })}</dd>
          </div>
          <div>
            <dt>{t.updatedAt}</dt>
            <dd>{formatDate(risk.updatedAt, display, { withTime: true })}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
