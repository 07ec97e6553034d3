import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { DetailList } from '../../components/detail-list.js';
import { formatDate } from '../../i18n/dates.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { classificationQuery } from './asset-api.js';
import { HandlingRules, ClauseItem } from './asset-form.js';
import { joinNames, kindLabel, permissionLabel } from './asset-labels.js';
import type { AssetDetail } from './asset-types.js';
import { assetsMessages } from './assets-messages.js';

/** 基本情報: what the asset is and who answers for it (第2 1(1): the 課等's 情報セキュリティ責任者). */
export function AssetBasicsSection({ detail }: { detail: AssetDetail }) {
  const t = useMessages(assetsMessages);
  const display = useLocale();
  const { asset } = detail;
  return (
    <section className="section card" aria-labelledby="basics-heading">
      <h2 id="basics-heading">{t.basicsHeading}</h2>
      <DetailList
        rows={[
          { label: t.labelCode, value: <span className="code code-strong">{asset.labelCode}</span> },
          { label: t.kind, value: kindLabel(asset.kind, t) },
          { label: t.description, value: asset.description || t.notRecorded, multiline: true },
          { label: t.ownerDepartment, value: asset.departmentName },
          {
            label: t.officers,
            value: asset.officers.length === 0 ? t.noOfficers : joinNames(asset.officers.map((officer) => officer.name), display.locale),
          },
          detail.yourAccess ? { label: t.yourAccess, value: permissionLabel(detail.yourAccess, t) } : null,
          { label: t.createdAt, value: formatDate(asset.createdAt, display) },
          { label: t.updatedAt, value: formatDate(asset.updatedAt, display, { withTime: true }) },
        ]}
      />
    </section>
  );
}

/**
 * 重要性分類 (第2 3): the class by the policy's title, the criteria that put the asset there with their clauses,
 * the reason, the three properties it rests on, and what the class implies.
 */
export function AssetClassificationSection({ detail }: { detail: AssetDetail }) {
  const t = useMessages(assetsMessages);
  const { locale } = useLocale();
  const scheme = useQuery(classificationQuery);
  const { asset } = detail;
  const level = scheme.data?.levels.find((candidate) => candidate.id === asset.classLevel);
  const criteria = (level?.criteria ?? []).filter((criterion) => asset.classCriteria.includes(criterion.id));
  // Criteria the scheme in force no longer lists (classified under an older version) still show, by id.
  const unknown = asset.classCriteria.filter((id) => !criteria.some((criterion) => criterion.id === id));
  const dimension = (id: string, fallback: string) => scheme.data?.dimensions.find((item) => item.id === id)?.title[locale] ?? fallback;

  return (
    <section className="section card" aria-labelledby="class-heading">
      <div className="section-heading">
        <h2 id="class-heading">{scheme.data?.scheme[locale] ?? t.classificationHeading}</h2>
      </div>
      <DetailList
        rows={[
          {
            label: t.classLevel,
            value: (
              <>
                <span className="current-value">{level?.title[locale] ?? asset.classLevel}</span>
                {asset.restricted ? <span className="tag tag-restricted">{t.restrictedMark}</span> : null}
              </>
            ),
          },
          {
            label: t.chosenCriteria,
            value:
              criteria.length === 0 && unknown.length === 0 ? (
                t.noCriteria
              ) : (
                <ul className="plain-list criteria-list">
                  {criteria.map((criterion) => (
                    <li key={criterion.id}>
                      <ClauseItem item={criterion} />
                    </li>
                  ))}
                  {unknown.map((id) => (
                    <li key={id}>
                      <code>{id}</code>
                    </li>
                  ))}
                </ul>
              ),
          },
          { label: t.justification, value: asset.classJustification || t.notRecorded, multiline: true },
          { label: dimension('confidentiality', t.confidentiality), value: asset.confidentialityNote || t.notRecorded, multiline: true },
          { label: dimension('integrity', t.integrity), value: asset.integrityNote || t.notRecorded, multiline: true },
          { label: dimension('availability', t.availability), value: asset.availabilityNote || t.notRecorded, multiline: true },
        ]}
      />
      {level ? (
        <div className="subsection">
          <HandlingRules level={level} />
        </div>
      ) : null}
    </section>
  );
}

/** ラベル (第2 4(1)): the code that finds the record, printed without the class; the label sheet. */
export function AssetLabelSection({ detail, labelsPdf }: { detail: AssetDetail; labelsPdf: string }) {
  const t = useMessages(assetsMessages);
  const { asset } = detail;
  return (
    <section className="section card" aria-labelledby="label-heading">
      <h2 id="label-heading">{t.labelHeading}</h2>
      <p className="label-code-display">
        <span className="visually-hidden">{t.labelCode}: </span>
        <span className="code">{asset.labelCode}</span>
      </p>
      <p>{t.labelLeadDetail}</p>
      <p className="link-row">
        <a href={labelsPdf} className="button button-secondary" data-testid="label-pdf">
          {t.labelLink}
        </a>
        <Link to="/assets/label/$code" params={{ code: asset.labelCode }}>
          {t.labelPageLink}
        </Link>
      </p>
    </section>
  );
}
