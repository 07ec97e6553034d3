import { authMessages } from '../auth/auth-messages.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useLocale } from '../../i18n/locale-context.js';
import { policyMessages } from './policy-messages.js';

/** The name of a Bansho page a capability lists (src/policy/capabilities.ts gives paths); unknown paths show as they are. */
export function usePageName(): (path: string) => string {
  const { locale } = useLocale();
  const common = commonMessages[locale];
  const policy = policyMessages[locale];
  const auth = authMessages[locale];
  const names: Record<string, string> = {
    '/organisation/users': common.users,
    '/organisation/departments': common.departments,
    '/journal': common.journal,
    '/preferences': common.preferences,
    '/policy/clauses': policy.clausesTitle,
    '/policy/compliance': policy.complianceTitle,
    '/account/password': auth.passwordTitle,
    '/account/mfa': auth.mfaTitle,
  };
  return (path) => names[path] ?? path;
}
