import { useQuery } from '@tanstack/react-query';
import { departmentsQuery } from '../../api/queries.js';
import type { RoleAssignment } from '../../../features/organisation/schemas.js';
import type { ScopeType } from '../../api/types.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useLocale } from '../../i18n/locale-context.js';
import { withParenthesis } from '../../i18n/parenthesis.js';

/** Names a scope type in the current language (全庁 / 課等 / 情報システム / ネットワーク). */
export function useScopeTypeLabel(): (scopeType: ScopeType) => string {
  const common = commonMessages[useLocale().locale];
  return (scopeType) =>
    ({
      global: common.scopeGlobal,
      department: common.scopeDepartment,
      system: common.scopeSystem,
      network: common.scopeNetwork,
    })[scopeType];
}

type ScopedAssignment = Pick<RoleAssignment, 'scopeType' | 'scopeId'> & { scopeName?: string | null };

/** The scope of an assignment: 全庁, the 課等's name, or the system/network name with its kind. */
export function useScopeLabel(): (assignment: ScopedAssignment) => string {
  const typeLabel = useScopeTypeLabel();
  // The users list gives department scopes by id only: name them from the (cached) 課等 list.
  const departments = useQuery({ ...departmentsQuery, select: (list) => new Map(list.items.map((d) => [d.id, d.name])) });
  return ({ scopeType, scopeName, scopeId }) => {
    if (scopeType === 'global') return typeLabel('global');
    const name = scopeName ?? (scopeId ? departments.data?.get(scopeId) : undefined) ?? scopeId ?? '';
    return scopeType === 'department' ? name : `${typeLabel(scopeType)}: ${name}`;
  };
}

/** A role by the policy's local title, with its scope. */
export function useRoleLabel(): (assignment: ScopedAssignment & Pick<RoleAssignment, 'title'>) => string {
  const { locale } = useLocale();
  const scopeLabel = useScopeLabel();
  return (assignment) => withParenthesis(assignment.title[locale], scopeLabel(assignment), locale);
}
