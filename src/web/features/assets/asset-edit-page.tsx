import '../../styles/assets.css';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { QueryState } from '../../components/query-state.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { assetQuery, classificationQuery, useAssetsMutation } from './asset-api.js';
import { AssetForm } from './asset-form.js';
import { assetBody, changedFields, type AssetBody, type AssetFormValues } from './asset-schemas.js';
import type { AssetDetail, AssetRecord, ClassificationScheme } from './asset-types.js';
import { assetsMessages } from './assets-messages.js';
import { leaveFlash } from './flash.js';

const route = getRouteApi('/signed-in/ready/assets/$assetId/edit');

/** The record as the form holds it. */
export function formValuesOf(asset: AssetRecord): AssetFormValues {
  return {
    name: asset.name,
    description: asset.description,
    kind: asset.kind,
    departmentId: asset.departmentId,
    classLevel: asset.classLevel,
    classCriteria: asset.classCriteria,
    classJustification: asset.classJustification,
    confidentialityNote: asset.confidentialityNote,
    integrityNote: asset.integrityNote,
    availabilityNote: asset.availabilityNote,
    location: asset.location,
    mediumId: asset.medium?.id ?? '',
    retentionUntil: asset.retentionUntil ?? '',
    reviewDue: asset.reviewDue ?? '',
  };
}

/**
 * 情報資産の編集: the record's fields and (with `classify`) its classification; only what changed is sent, so
 * the journal shows a reclassification only when the class, criteria or reason did change.
 */
export default function AssetEditPage() {
  const t = useMessages(assetsMessages);
  const { assetId } = route.useParams();
  const detail = useQuery(assetQuery(assetId));
  const scheme = useQuery(classificationQuery);

  return (
    <QueryState query={detail}>
      {(data) => (
        <Page
          title={t.editTitle(data.asset.name)}
          breadcrumbs={[
            { label: t.assetsTitle, to: '/assets' },
            { label: data.asset.name, to: `/assets/${data.asset.id}` },
          ]}
          clauses={['2.3', '2.4.2.ウ', '2.4.3']}
        >
          {data.allowedActions.includes('update') ? (
            <QueryState query={scheme}>{(classification) => (classification ? <EditForm detail={data} scheme={classification} /> : null)}</QueryState>
          ) : (
            <p className="notice notice-info">{t.readOnlyDisposed}</p>
          )}
        </Page>
      )}
    </QueryState>
  );
}

function EditForm({ detail, scheme }: { detail: AssetDetail; scheme: ClassificationScheme }) {
  const t = useMessages(assetsMessages);
  const common = useMessages(commonMessages);
  const navigate = useNavigate();
  const { asset } = detail;
  const canClassify = detail.allowedActions.includes('classify');
  const [unchanged, setUnchanged] = useState(false);
  const update = useAssetsMutation<Partial<AssetBody>>((body) => ({ method: 'PATCH', path: `/${encodeURIComponent(asset.id)}`, body }));

  const save = (values: AssetFormValues) => {
    const before = assetBody(formValuesOf(asset), scheme.levels);
    const changes = changedFields(before, assetBody(values, scheme.levels));
    if (!canClassify) {
      delete changes.classLevel;
      delete changes.classCriteria;
      delete changes.classJustification;
    }
    if (Object.keys(changes).length === 0) return setUnchanged(true);
    setUnchanged(false);
    update.mutate(changes, {
      onSuccess: () => {
        leaveFlash(asset.id, t.saved);
        void navigate({ to: '/assets/$assetId', params: { assetId: asset.id } });
      },
    });
  };

  return (
    <div className="narrow-wide">
      <div role="status" className={unchanged ? 'notice notice-info' : 'visually-hidden'}>
        {unchanged ? <p className="notice-title">{t.nothingChanged}</p> : null}
      </div>
      <AssetForm
        scheme={scheme}
        initial={formValuesOf(asset)}
        departments={null}
        fixed={{ departmentName: asset.departmentName, medium: asset.medium }}
        canClassify={canClassify}
        submitLabel={t.saveChanges}
        pending={update.isPending}
        serverError={update.error}
        onSubmit={save}
        cancel={
          <Link to="/assets/$assetId" params={{ assetId: asset.id }} className="button button-tertiary">
            {common.cancel}
          </Link>
        }
      />
    </div>
  );
}
