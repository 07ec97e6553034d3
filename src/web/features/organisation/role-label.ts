import type { RoleAssignment, ScopeType } from '../../api/types.js';
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

/** The scope of an assignment: 全庁, the 課等's name, or the system/network name with its kind. */
export function useScopeLabel(): (assignment: Pick<RoleAssignment, 'scopeType' | 'scopeName' | 'scopeId'>) => string {
  const typeLabel = useScopeTypeLabel();
  return ({ scopeType, scopeName, scopeId }) => {
    if (scopeType === 'global') return typeLabel('global');
    const name = scopeName ?? scopeId ?? '';
    return scopeType === 'department' ? name : `${typeLabel(scopeType)}: ${name}`;
  };
}

/** A role by the policy's local title, with its scope. */
export function useRoleLabel(): (assignment: RoleAssignment) => string {
  const { locale } = useLocale();
  const scopeLabel = useScopeLabel();
  return (assignment) => withParenthesis(assignment.title[locale], scopeLabel(assignment), locale);
}
