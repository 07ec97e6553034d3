import { useQuery } from '@tanstack/react-query';
import { useId, useState, type KeyboardEvent } from 'react';
import { accessSubjectTypes, type AccessPermission, type AccessSubjectType } from '../../../features/assets/asset-rules.js';
import { departmentsQuery, policyQuery } from '../../api/queries.js';
import { ChoiceGroup } from '../../components/choice-group.js';
import { FieldFrame } from '../../components/field-frame.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { departmentOptions } from '../organisation/department-order.js';
import { userSearchQuery } from './asset-api.js';
import { permissionLabel, subjectTypeLabel } from './asset-labels.js';
import { assetsMessages } from './assets-messages.js';

/** What the grant form holds while the officer chooses: one id per kind of subject, so switching kinds keeps each. */
export interface SubjectDraft {
  subjectType: AccessSubjectType;
  userId: string;
  role: string;
  departmentId: string;
  permission: AccessPermission;
}

export const emptySubjectDraft: SubjectDraft = { subjectType: 'user', userId: '', role: '', departmentId: '', permission: 'read' };

/** The API's grant (`{subjectType, subjectId, permission}`), or null while no subject is chosen. */
export function grantOf(draft: SubjectDraft): { subjectType: AccessSubjectType; subjectId: string; permission: AccessPermission } | null {
  const subjectId = { user: draft.userId, role: draft.role, department: draft.departmentId }[draft.subjectType];
  return subjectId ? { subjectType: draft.subjectType, subjectId, permission: draft.permission } : null;
}

/**
 * 第2 4(2)ア: whom an access right goes to — a staff member (found by name), a role of the policy (its local
 * title), or a whole 課等 — and whether they may only read or also update.
 */
export function AccessSubjectFields({
  draft,
  onChange,
  subjectErrors,
}: {
  draft: SubjectDraft;
  onChange: (next: SubjectDraft) => void;
  /** Why the chosen subject is refused (nothing chosen, or the server's reasons). */
  subjectErrors: string[];
}) {
  const t = useMessages(assetsMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const groupName = useId();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const users = useQuery(userSearchQuery(query));
  const roles = useQuery({ ...policyQuery, enabled: draft.subjectType === 'role' });
  const departments = useQuery({ ...departmentsQuery, enabled: draft.subjectType === 'department' });

  const runSearch = () => {
    setQuery(typed.trim());
    onChange({ ...draft, userId: '' });
  };
  // Enter in the search box searches; it must not submit the grant form around it.
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      runSearch();
    }
  };

  return (
    <>
      <ChoiceGroup legend={t.subjectType} className="radio-inline">
        {(describedBy) =>
          accessSubjectTypes.map((type) => (
            <label key={type} className="radio">
              <input
                type="radio"
                name={groupName}
                value={type}
                checked={draft.subjectType === type}
                aria-describedby={describedBy}
                onChange={() => onChange({ ...draft, subjectType: type })}
              />
              {subjectTypeLabel(type, t)}
            </label>
          ))
        }
      </ChoiceGroup>

      {draft.subjectType === 'user' ? (
        <>
          <FieldFrame label={t.userSearch} hint={t.userSearchHint} errors={[]} required={false}>
            {(control) => (
              <span className="search-row">
                <input
                  type="search"
                  {...control}
                  value={typed}
                  autoComplete="off"
                  onChange={(event) => setTyped(event.target.value)}
                  onKeyDown={onSearchKey}
                />
                <button type="button" className="button button-secondary" onClick={runSearch}>
                  {t.userSearchButton}
                </button>
              </span>
            )}
          </FieldFrame>
          <p role="status" className="result-count">
            {query && users.data ? (users.data.items.length === 0 ? t.userSearchNone : t.userSearchCount(users.data.items.length)) : ''}
          </p>
          <FieldFrame label={t.userSearchResult} errors={subjectErrors} required>
            {(control) => (
              <select {...control} value={draft.userId} onChange={(event) => onChange({ ...draft, userId: event.target.value })}>
                <option value="">{query ? common.choose : t.userSearchFirst}</option>
                {(users.data?.items ?? []).map((user) => (
                  <option key={user.id} value={user.id}>
                    {[user.name, user.departmentName, user.staffNumber].filter(Boolean).join('・')}
                  </option>
                ))}
              </select>
            )}
          </FieldFrame>
        </>
      ) : null}

      {draft.subjectType === 'role' ? (
        <FieldFrame label={t.subjectRole} errors={subjectErrors} required>
          {(control) => (
            <select {...control} value={draft.role} onChange={(event) => onChange({ ...draft, role: event.target.value })}>
              <option value="">{common.choose}</option>
              {(roles.data?.roles ?? []).map((role) => (
                <option key={role.role} value={role.role}>
                  {role.title[locale]}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
      ) : null}

      {draft.subjectType === 'department' ? (
        <FieldFrame label={t.subjectDepartment} errors={subjectErrors} required>
          {(control) => (
            <select
              {...control}
              value={draft.departmentId}
              onChange={(event) => onChange({ ...draft, departmentId: event.target.value })}
            >
              <option value="">{common.choose}</option>
              {departmentOptions(departments.data?.items ?? [], { activeOnly: true }).map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
      ) : null}

      <FieldFrame label={t.permission} errors={[]} required>
        {(control) => (
          <select
            {...control}
            value={draft.permission}
            onChange={(event) => onChange({ ...draft, permission: event.target.value === 'write' ? 'write' : 'read' })}
          >
            {(['read', 'write'] as const).map((permission) => (
              <option key={permission} value={permission}>
                {permissionLabel(permission, t)}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
    </>
  );
}
