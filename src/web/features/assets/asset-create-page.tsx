import '../../styles/assets.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { api } from '../../api/client.js';
import { departmentsQuery, sessionQuery } from '../../api/queries.js';
import { QueryState } from '../../components/query-state.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { departmentOptions } from '../organisation/department-order.js';
import { classificationQuery } from './asset-api.js';
import { AssetForm } from './asset-form.js';
import { assetBody, type AssetFormValues } from './asset-schemas.js';
import type { AssetDetail } from './asset-types.js';
import { assetsMessages } from './assets-messages.js';
import { leaveFlash } from './flash.js';
import { managedDepartmentIds } from './reader.js';

const emptyValues: AssetFormValues = {
  name: '',
  description: '',
  kind: '',
  departmentId: '',
  classLevel: '',
  classCriteria: [],
  classJustification: '',
  confidentialityNote: '',
  integrityNote: '',
  availabilityNote: '',
  location: '',
  mediumId: '',
  retentionUntil: '',
  reviewDue: '',
};

/** 情報資産の登録 (第2 3): the creating 課等's officer classifies the asset and lists it; a label code is issued. */
export default function AssetCreatePage() {
  const t = useMessages(assetsMessages);
  const common = useMessages(commonMessages);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const scheme = useQuery(classificationQuery);
  const session = useQuery(sessionQuery);
  const departments = useQuery(departmentsQuery);

  const managed = managedDepartmentIds(session.data?.user);
  const options = departmentOptions((departments.data?.items ?? []).filter((department) => managed.includes(department.id)), {
    activeOnly: true,
  });

  const create = useMutation({
    mutationFn: (body: ReturnType<typeof assetBody> & { departmentId: string }) => api<AssetDetail>('POST', '/assets', body),
    onSuccess: async (detail) => {
      await queryClient.invalidateQueries({ queryKey: ['assets'] });
      leaveFlash(detail.asset.id, t.created(detail.asset.labelCode));
      await navigate({ to: '/assets/$assetId', params: { assetId: detail.asset.id } });
    },
  });

  return (
    <Page
      title={t.createAsset}
      breadcrumbs={[{ label: t.assetsTitle, to: '/assets' }]}
      clauses={['2.1.1', '2.3', '2.4.2.ウ', '2.4.3']}
    >
      <div className="narrow-wide">
        <p className="lead">{t.createLead}</p>
        <QueryState query={scheme}>
          {(classification) =>
            !classification ? (
              <p className="empty">{common.loadFailed}</p>
            ) : departments.isSuccess && options.length === 0 ? (
              <p className="notice notice-info">{t.noManagedDepartment}</p>
            ) : (
              <AssetForm
                // Re-mount once the 課等 are known, so a sole 課等 starts chosen.
                key={options.length}
                scheme={classification}
                initial={{ ...emptyValues, departmentId: options.length === 1 ? (options[0]?.value ?? '') : '' }}
                departments={options}
                canClassify
                submitLabel={t.register}
                pending={create.isPending}
                serverError={create.error}
                onSubmit={(values) =>
                  create.mutate({ ...assetBody(values, classification.levels), departmentId: values.departmentId })
                }
                cancel={
                  <Link to="/assets" className="button button-tertiary">
                    {common.cancel}
                  </Link>
                }
              />
            )
          }
        </QueryState>
      </div>
    </Page>
  );
}
