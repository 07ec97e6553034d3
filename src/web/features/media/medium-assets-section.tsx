import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { policyQuery } from '../../api/queries.js';
import type { LocalizedText, Policy } from '../../api/types.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { mediaMessages } from './media-messages.js';
import type { AssetOnMedium } from '../../../features/media/schemas.js';

/** The class titles of the scheme in force, by level id (the policy's `classification`, when it has one). */
const classTitlesQuery = {
  ...policyQuery,
  select: (policy: Policy): Record<string, LocalizedText> => Object.fromEntries((policy.classification?.levels ?? []).map((level) => [level.id, level.title])),
};

/** この媒体に記録された情報資産: only those the reader may read (the server leaves the others out). */
export function MediumAssetsSection({ assets }: { assets: AssetOnMedium[] }) {
  const t = useMessages(mediaMessages);
  const { locale } = useLocale();
  const titles = useQuery(classTitlesQuery);
  const statusLabel = { active: t.assetActive, out: t.assetOut, disposed: t.assetDisposed };
  return (
    <section className="section" aria-labelledby="medium-assets-heading">
      <h2 id="medium-assets-heading">{t.assetsHeading}</h2>
      <p className="field-hint">{t.assetsNote}</p>
      {assets.length === 0 ? (
        <p className="empty">{t.assetsEmpty}</p>
      ) : (
        <table className="table table-stack">
          <caption className="visually-hidden">{t.assetsCaption(assets.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.assetName}</th>
              <th scope="col">{t.labelCode}</th>
              <th scope="col">{t.classLevel}</th>
              <th scope="col">{t.assetStatus}</th>
            </tr>
          </thead>
          <tbody>
            {assets.map((asset) => (
              <tr key={asset.id}>
                <th scope="row" data-label={t.assetName}>
                  <Link to="/assets/$assetId" params={{ assetId: asset.id }}>
                    {asset.name}
                  </Link>
                </th>
                <td data-label={t.labelCode}>
                  <span className="code">{asset.labelCode}</span>
                </td>
                <td data-label={t.classLevel}>{titles.data?.[asset.classLevel]?.[locale] ?? asset.classLevel}</td>
                <td data-label={t.assetStatus}>{statusLabel[asset.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
