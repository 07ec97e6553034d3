import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { policyQuery } from '../../api/queries.js';
import { ConfirmButton } from '../../components/confirm-button.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { SuccessNotice } from '../../components/success-notice.js';
import { formatDate } from '../../i18n/dates.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { AccessSubjectFields, emptySubjectDraft, grantOf, type SubjectDraft } from './access-subject-fields.js';
import { useAssetsMutation } from './asset-api.js';
import { permissionLabel, subjectTypeLabel } from './asset-labels.js';
import type { AccessGrant, AssetDetail } from './asset-types.js';
import { translateAssetValidation } from './asset-validation.js';
import { assetsMessages } from './assets-messages.js';

/**
 * アクセス権 (第2 4(2)ア): who may read or update the asset, set by its officer — to a staff member, a role or a
 * whole 課等; grant and revoke when the server allows.
 */
export function AssetAccessSection({ detail }: { detail: AssetDetail }) {
  const t = useMessages(assetsMessages);
  const display = useLocale();
  const policy = useQuery(policyQuery);
  const canGrant = detail.allowedActions.includes('grantAccess');
  const canRevoke = detail.allowedActions.includes('revokeAccess');
  const [notice, setNotice] = useState<string | null>(null);
  const assetPath = `/${encodeURIComponent(detail.asset.id)}`;
  const revoke = useAssetsMutation<string>((grantId) => ({ method: 'DELETE', path: `${assetPath}/access/${encodeURIComponent(grantId)}` }));

  // Roles are stored by their canonical id: show the policy's local title.
  const subjectName = (grant: Pick<AccessGrant, 'subjectType' | 'subjectId' | 'subjectName'>) =>
    grant.subjectType === 'role'
      ? (policy.data?.roles.find((role) => role.role === grant.subjectId)?.title[display.locale] ?? grant.subjectName)
      : grant.subjectName;

  return (
    <section className="section card" aria-labelledby="access-heading">
      <h2 id="access-heading">{t.accessHeading}</h2>
      <p>{t.accessLead}</p>
      <SuccessNotice text={notice} />
      <ErrorSummary error={revoke.error} />
      {detail.access.length === 0 ? (
        <p className="empty">{t.accessEmpty}</p>
      ) : (
        <table className="table table-stack">
          <caption className="visually-hidden">{t.accessHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{t.subject}</th>
              <th scope="col">{t.subjectType}</th>
              <th scope="col">{t.permission}</th>
              <th scope="col">{t.grantedAt}</th>
              <th scope="col">{t.grantedBy}</th>
              {canRevoke ? (
                <th scope="col">
                  <span className="visually-hidden">{t.revoke}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {detail.access.map((grant) => {
              const name = subjectName(grant);
              return (
                <tr key={grant.id}>
                  <th scope="row" data-label={t.subject}>
                    {name}
                  </th>
                  <td data-label={t.subjectType}>{subjectTypeLabel(grant.subjectType, t)}</td>
                  <td data-label={t.permission}>{permissionLabel(grant.permission, t)}</td>
                  <td data-label={t.grantedAt}>{formatDate(grant.grantedAt, display)}</td>
                  <td data-label={t.grantedBy}>{grant.grantedByName ?? '—'}</td>
                  {canRevoke ? (
                    <td className="cell-action">
                      <ConfirmButton
                        className="button button-secondary button-small"
                        ariaLabel={t.revokeNamed(name)}
                        question={t.confirmRevoke(name)}
                        disabled={revoke.isPending}
                        onConfirm={() => revoke.mutate(grant.id, { onSuccess: () => setNotice(t.revoked(name)) })}
                      >
                        {t.revoke}
                      </ConfirmButton>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {canGrant ? <AccessGrantForm assetPath={assetPath} subjectName={subjectName} onGranted={(name) => setNotice(t.granted(name))} /> : null}
    </section>
  );
}

function AccessGrantForm({
  assetPath,
  subjectName,
  onGranted,
}: {
  assetPath: string;
  subjectName: (grant: Pick<AccessGrant, 'subjectType' | 'subjectId' | 'subjectName'>) => string;
  onGranted: (name: string) => void;
}) {
  const t = useMessages(assetsMessages);
  const { locale } = useLocale();
  const [draft, setDraft] = useState<SubjectDraft>(emptySubjectDraft);
  const [missing, setMissing] = useState(false);
  const grant = useAssetsMutation<NonNullable<ReturnType<typeof grantOf>>>((body) => ({ method: 'POST', path: `${assetPath}/access`, body }));

  const serverProblems =
    grant.error instanceof ApiError
      ? grant.error.fields.filter((field) => field.path === 'subjectId' || field.path === 'subjectType').map((field) => field.message[locale])
      : [];
  const subjectErrors = [...(missing ? [translateAssetValidation('validationChoose', locale, '')] : []), ...serverProblems];

  const submit = () => {
    const body = grantOf(draft);
    setMissing(!body);
    if (!body) return;
    grant.mutate(body, {
      onSuccess: (result) => {
        // The server's record names the subject (user or 課等 name); read it from there.
        const granted = result.access.find((item) => item.subjectType === body.subjectType && item.subjectId === body.subjectId);
        onGranted(granted ? subjectName(granted) : body.subjectId);
        setDraft({ ...emptySubjectDraft, subjectType: draft.subjectType });
      },
    });
  };

  return (
    <div className="subsection">
      <h3>{t.grantHeading}</h3>
      <ErrorSummary error={grant.error} />
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <AccessSubjectFields draft={draft} onChange={setDraft} subjectErrors={subjectErrors} />
        <div className="form-actions">
          <button type="submit" className="button button-secondary" disabled={grant.isPending}>
            {t.grant}
          </button>
        </div>
      </form>
    </div>
  );
}
