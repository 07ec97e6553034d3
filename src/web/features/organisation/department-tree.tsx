import type { Department } from '../../../features/organisation/schemas.js';
import type { Policy } from '../../api/types.js';
import { StatusBadge } from '../../components/status-badge.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { orderDepartments } from './department-order.js';
import { organisationMessages } from './organisation-messages.js';

interface TreeProps {
  departments: Department[];
  levels: Policy['departmentLevels'];
  onEdit: (department: Department) => void;
}

/**
 * The 課等 tree as nested lists: screen readers announce the nesting level and item counts, with no
 * custom keyboard model to learn (an ARIA tree widget would need one).
 */
export function DepartmentTree({ departments, levels, onEdit }: TreeProps) {
  const placed = orderDepartments(departments);
  const childrenOf = new Map<string | null, Department[]>();
  const shown = new Set(departments.map((department) => department.id));
  for (const { department } of placed) {
    const parent = department.parentId && shown.has(department.parentId) ? department.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), department]);
  }
  return <Branch parentId={null} childrenOf={childrenOf} levels={levels} onEdit={onEdit} root />;
}

function Branch({
  parentId,
  childrenOf,
  levels,
  onEdit,
  root = false,
}: {
  parentId: string | null;
  childrenOf: Map<string | null, Department[]>;
  levels: Policy['departmentLevels'];
  onEdit: (department: Department) => void;
  root?: boolean;
}) {
  const t = useMessages(organisationMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const items = childrenOf.get(parentId) ?? [];
  if (items.length === 0) return null;
  return (
    <ul className={root ? 'tree' : 'tree-branch'}>
      {items.map((department) => {
        const level = levels.find((candidate) => candidate.id === department.level);
        return (
          <li key={department.id}>
            <div className={department.status === 'disabled' ? 'tree-node tree-node-disabled' : 'tree-node'}>
              <span className="tree-node-name">{department.name}</span>
              <span className="tree-node-meta">
                {level ? <span className="tag">{level.title[locale]}</span> : null}
                <span className="code">{department.code}</span>
                <span className="kana">{department.kana}</span>
                {department.status === 'disabled' ? <StatusBadge status="disabled" /> : null}
              </span>
              {department.allowedActions.includes('update') ? (
                <button
                  type="button"
                  className="button button-tertiary button-small"
                  aria-label={t.editDepartmentNamed(department.name)}
                  onClick={() => onEdit(department)}
                >
                  {common.edit}
                </button>
              ) : null}
            </div>
            <Branch parentId={department.id} childrenOf={childrenOf} levels={levels} onEdit={onEdit} />
          </li>
        );
      })}
    </ul>
  );
}
