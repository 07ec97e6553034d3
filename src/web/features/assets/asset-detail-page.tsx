import '../../styles/assets.css';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { QueryState } from '../../components/query-state.js';
import { SuccessNotice } from '../../components/success-notice.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { AssetAccessSection } from './asset-access-section.js';
import { assetQuery, labelsPdfUrl } from './asset-api.js';
import { AssetStatusBadge } from './asset-badges.js';
import { AssetCopiesSection } from './asset-copies-section.js';
import { AssetDisposalSection } from './asset-disposal-section.js';
import { AssetHistorySection } from './asset-history-section.js';
import { useLevelTitle } from './asset-labels.js';
import { AssetManagementSection } from './asset-management-section.js';
import { AssetBasicsSection, AssetClassificationSection, AssetLabelSection } from './asset-record-sections.js';
import type { AssetDetail } from './asset-types.js';
import { assetsMessages } from './assets-messages.js';
import { useFlash } from './flash.js';

const route = getRouteApi('/signed-in/ready/assets/$assetId');

/**
 * One information asset: its record in sections (基本情報, 重要性分類, 管理, 複製・送信, アクセス権, ラベル, 廃棄),
 * each action only when the server allows it; the journal link shows its history.
 */
export default function AssetDetailPage() {
  const { assetId } = route.useParams();
  const detail = useQuery(assetQuery(assetId));
  const flash = useFlash(assetId);
  return <QueryState query={detail}>{(data) => <AssetRecordPage detail={data} flash={flash} />}</QueryState>;
}

function AssetRecordPage({ detail, flash }: { detail: AssetDetail; flash: string | null }) {
  const t = useMessages(assetsMessages);
  const common = useMessages(commonMessages);
  const levelTitle = useLevelTitle();
  const { asset, allowedActions, readJournaled } = detail;

  return (
    <Page
      title={asset.name}
      breadcrumbs={[{ label: t.assetsTitle, to: '/assets' }]}
      meta={
        <>
          <span className="code">{asset.labelCode}</span>
          <span className="tag">{levelTitle(asset.classLevel)}</span>
          <AssetStatusBadge status={asset.status} />
        </>
      }
      clauses={['2.1.1', '2.1.2', '2.3', '2.4.1', '2.4.2.ア', '2.4.3', '2.4.4']}
      actions={
        <>
          {allowedActions.includes('update') ? (
            <Link to="/assets/$assetId/edit" params={{ assetId: asset.id }} className="button button-primary">
              {common.edit}
            </Link>
          ) : null}
          <Link
            to="/journal"
            search={{ entityType: 'asset', entityId: asset.id }}
            className="button button-secondary"
            aria-label={t.historyLabel}
          >
            {t.history}
          </Link>
        </>
      }
    >
      <SuccessNotice text={flash} />
      {readJournaled ? (
        <div className="notice notice-info" data-testid="journaled-read">
          <p className="notice-title">{t.journaledRead}</p>
          <p>{t.journaledReadBody}</p>
        </div>
      ) : null}
      {asset.status === 'disposed' ? <p className="notice notice-info">{t.readOnlyDisposed}</p> : null}
      <AssetBasicsSection detail={detail} />
      <AssetClassificationSection detail={detail} />
      <AssetManagementSection detail={detail} />
      <AssetCopiesSection detail={detail} />
      <AssetAccessSection detail={detail} />
      <AssetLabelSection detail={detail} labelsPdf={labelsPdfUrl([asset.id])} />
      <AssetDisposalSection detail={detail} />
      {allowedActions.includes('readHistory') ? <AssetHistorySection detail={detail} /> : null}
      <p className="back-link">
        <Link to="/assets">{t.backToAssets}</Link>
      </p>
    </Page>
  );
}
