import '../../styles/assets.css';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { DetailList } from '../../components/detail-list.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { isNotFound, labelQuery } from './asset-api.js';
import { AssetStatusBadge } from './asset-badges.js';
import { normaliseLabelCode } from './asset-search.js';
import type { LabelLookup } from './asset-types.js';
import { assetsMessages } from './assets-messages.js';
import { LabelLookupForm } from './label-lookup-form.js';

const route = getRouteApi('/signed-in/ready/assets/label/$code');

/** ラベルの照会 without a code: the form for typing one (a label whose QR code will not scan). */
export function LabelSearchPage() {
  const t = useMessages(assetsMessages);
  return (
    <Page title={t.labelTitle} breadcrumbs={[{ label: t.assetsTitle, to: '/assets' }]} clauses={['2.4.1', '2.4.2.ア']}>
      <p className="lead">{t.labelLead}</p>
      <LabelLookupForm />
    </Page>
  );
}

/**
 * What a staff member sees after scanning a label's QR code (第2 4(1)): the 課等 and its officer to contact for
 * anyone; the asset's name and a link to its record only for those with an access right (第2 4(2)ア).
 */
export default function LabelPage() {
  const t = useMessages(assetsMessages);
  const { code } = route.useParams();
  const normalised = normaliseLabelCode(code);
  const label = useQuery({ ...labelQuery(normalised ?? ''), enabled: normalised !== null });

  return (
    <Page
      title={t.labelTitleCode(normalised ?? code)}
      breadcrumbs={[{ label: t.assetsTitle, to: '/assets' }]}
      clauses={['2.4.1', '2.4.2.ア']}
    >
      {normalised === null ? (
        <p className="notice notice-error">{t.labelCodeInvalid}</p>
      ) : label.isPending ? (
        <LoadingLine />
      ) : label.isError ? (
        isNotFound(label.error) ? (
          <p className="notice notice-error" role="alert">
            {t.labelNotFound(normalised)}
          </p>
        ) : (
          <ErrorSummary error={label.error} focus={false} />
        )
      ) : (
        <LabelCard label={label.data} />
      )}
      <LabelLookupForm key={code} />
    </Page>
  );
}

function LoadingLine() {
  const common = useMessages(commonMessages);
  return (
    <p className="loading" role="status">
      {common.loading}
    </p>
  );
}

function LabelCard({ label }: { label: LabelLookup }) {
  const t = useMessages(assetsMessages);
  return (
    <section className="card label-card" aria-labelledby="label-card-heading">
      <h2 id="label-card-heading">{label.name ?? t.labelAsset}</h2>
      <DetailList
        rows={[
          { label: t.labelCode, value: <span className="code">{label.labelCode}</span> },
          { label: t.department, value: label.departmentName },
          {
            label: t.labelOfficers,
            value:
              label.officers.length === 0 ? (
                t.labelNoOfficer
              ) : (
                <ul className="plain-list">
                  {label.officers.map((officer) => (
                    <li key={officer.name}>{officer.name}</li>
                  ))}
                </ul>
              ),
          },
          { label: t.status, value: <AssetStatusBadge status={label.status} /> },
        ]}
      />
      {label.assetId ? (
        <p className="label-card-action">
          <Link to="/assets/$assetId" params={{ assetId: label.assetId }} className="button button-primary">
            {t.openRecord}
          </Link>
        </p>
      ) : (
        <div className="notice notice-info label-no-access" data-testid="label-no-access">
          <p className="notice-title">{t.labelNoAccessTitle}</p>
          <p>{t.labelNoAccessBody}</p>
        </div>
      )}
    </section>
  );
}
