import '../../styles/media-risks.css';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { QueryState } from '../../components/query-state.js';
import { useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { mediumQuery } from './media-api.js';
import { mediaMessages } from './media-messages.js';
import { MediumAssetsSection } from './medium-assets-section.js';
import { MediumSafeguards, MediumStatusBadge } from './medium-badges.js';
import { MediumDetailsSection } from './medium-details-section.js';

const route = getRouteApi('/signed-in/ready/media/$mediumId');

/** One 記録媒体: its details (editable by the 課等's officer) and the assets recorded on it. */
export function MediumDetailPage() {
  const t = useMessages(mediaMessages);
  const { mediumId } = route.useParams();
  const detail = useQuery(mediumQuery(mediumId));

  return (
    <QueryState query={detail}>
      {(data) => (
        <Page
          title={t.mediumTitle(data.medium.code)}
          breadcrumbs={[{ label: t.mediaTitle, to: '/media' }]}
          meta={
            <>
              <MediumStatusBadge status={data.medium.status} />
              <MediumSafeguards medium={data.medium} />
            </>
          }
          clauses={['2.4.3', '2.4.2.ウ']}
        >
          <MediumDetailsSection detail={data} />
          <MediumAssetsSection assets={data.assets} />
          <p className="back-link">
            <Link to="/media">{t.backToMedia}</Link>
          </p>
        </Page>
      )}
    </QueryState>
  );
}
