import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { departmentsQuery, policyQuery } from '../../api/queries.js';
import type { Department } from '../../../features/organisation/schemas.js';
import { QueryState } from '../../components/query-state.js';
import { SuccessNotice } from '../../components/success-notice.js';
import { useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { DepartmentForm } from './department-form.js';
import { DepartmentTree } from './department-tree.js';
import { organisationMessages } from './organisation-messages.js';

type Editing = { mode: 'create' } | { mode: 'edit'; department: Department } | null;

/** 課等: the 部 → 課 tree (第1 2(1)); add or edit a 課等 when the server allows it. */
export function DepartmentsPage() {
  const t = useMessages(organisationMessages);
  const departments = useQuery(departmentsQuery);
  const policy = useQuery(policyQuery);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const open = (next: Editing) => {
    setNotice(null);
    setEditing(next);
  };

  return (
    <Page
      title={t.departmentsTitle}
      clauses={['1.2.1', '2.1.1']}
      actions={
        departments.data?.allowedActions.includes('create') && editing?.mode !== 'create' ? (
          <button type="button" className="button button-primary" onClick={() => open({ mode: 'create' })}>
            {t.createDepartment}
          </button>
        ) : null
      }
    >
      <p className="lead">{t.departmentsLead}</p>
      <SuccessNotice text={notice} />
      {editing && departments.data ? (
        <DepartmentForm
          key={editing.mode === 'edit' ? editing.department.id : 'create'}
          editing={editing.mode === 'edit' ? editing.department : null}
          departments={departments.data.items}
          levels={policy.data?.departmentLevels ?? []}
          onDone={(savedName) => {
            setEditing(null);
            if (savedName) setNotice(t.departmentSaved(savedName));
          }}
        />
      ) : null}
      <QueryState query={departments}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="empty">{t.departmentsEmpty}</p>
          ) : (
            <DepartmentTree
              departments={list.items}
              levels={policy.data?.departmentLevels ?? []}
              onEdit={(department) => open({ mode: 'edit', department })}
            />
          )
        }
      </QueryState>
    </Page>
  );
}
