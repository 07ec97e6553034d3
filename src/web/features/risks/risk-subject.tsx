import { Link } from '@tanstack/react-router';
import { useMessages } from '../../i18n/locale-context.js';
import { riskMessages } from './risk-messages.js';
import type { RiskSummary } from '../../../features/risks/schemas.js';

/** What an entry covers: an asset (named only to those who may read it) or a named group of assets. */
export function RiskSubject({ risk }: { risk: Pick<RiskSummary, 'asset' | 'assetGroup'> }) {
  const t = useMessages(riskMessages);
  if (risk.asset) {
    if (risk.asset.labelCode === null || risk.asset.name === null) return <>{t.unreadableAsset}</>;
    return (
      <Link to="/assets/$assetId" params={{ assetId: risk.asset.id }}>
        <span className="code">{risk.asset.labelCode}</span> {risk.asset.name}
      </Link>
    );
  }
  return <>{t.group(risk.assetGroup ?? '')}</>;
}
