import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { DetailList } from '../../components/detail-list.js';
import { EditableSection } from '../../components/editable-section.js';
import { useFieldErrors } from '../../components/validation.js';
import { formatDate } from '../../i18n/dates.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { formatClauseNumber } from '../../shell/clauses.js';
import { useRiskMutation } from './risk-api.js';
import { RiskFields } from './risk-fields.js';
import { ratingLabels, riskMessages, riskStatusLabels } from './risk-messages.js';
import { riskBody, riskRecordSchema, type RiskRecordValues } from './risk-schemas.js';
import { RiskSubject } from './risk-subject.js';
import type { RiskDetail } from '../../../features/risks/schemas.js';
import { ScoreBadge } from './score-badge.js';

/** 分析の内容: shown as a list; revised in place when the server allows `update`. */
export function RiskAnalysisSection({ detail }: { detail: RiskDetail }) {
  const t = useMessages(riskMessages);
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
      likelihood: String(risk.likelihood),
      impact: String(risk.impact),
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
    <EditableSection
      headingId="risk-analysis-heading"
      heading={t.detailsHeading}
      canEdit={detail.allowedActions.includes('update')}
      editing={editing}
      onEdit={startEditing}
      onCancel={() => setEditing(false)}
      notice={notice}
      error={update.error}
      saving={update.isPending}
      onSubmit={form.handleSubmit(save)}
      fields={
        <>
          <RiskFields form={form} fieldErrors={fieldErrors} currentAsset={currentAsset} />
        </>
      }
    >
      <DetailList
        rows={[
          {
            label: t.threat,
            value: (
              <>
                {risk.threat.title[display.locale]}
                {risk.threat.clause ? <span className="kana"> {formatClauseNumber(risk.threat.clause, display.locale)}</span> : null}
              </>
            ),
          },
          { label: t.score, value: <ScoreBadge score={risk.score} /> },
          { label: t.likelihood, value: `${risk.likelihood} ${ratingsText[risk.likelihood]}` },
          { label: t.impact, value: `${risk.impact} ${ratingsText[risk.impact]}` },
          { label: t.subject, value: <RiskSubject risk={risk} /> },
          { label: t.department, value: risk.departmentName },
          { label: t.description, value: risk.description || '—', multiline: true },
          { label: t.countermeasures, value: risk.countermeasures, multiline: true },
          { label: t.responseProcedure, value: risk.responseProcedure, multiline: true },
          { label: t.status, value: statuses[risk.status] },
          { label: t.reviewDue, value: risk.reviewDue ? formatDate(risk.reviewDue, display) : '—' },
          { label: t.createdBy, value: risk.createdByName ?? '—' },
          { label: t.createdAt, value: formatDate(risk.createdAt, display, { withTime: true }) },
          { label: t.updatedAt, value: formatDate(risk.updatedAt, display, { withTime: true }) },
        ]}
      />
    </EditableSection>
  );
}
