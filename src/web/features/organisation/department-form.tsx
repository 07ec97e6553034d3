import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { api } from '../../api/client.js';
import { departmentsQuery } from '../../api/queries.js';
import type { Department, DepartmentReference } from '../../../features/organisation/schemas.js';
import type { Policy } from '../../api/types.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { useFieldErrors } from '../../components/validation.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { departmentOptions, orderDepartments } from './department-order.js';
import { organisationMessages } from './organisation-messages.js';
import { kanaSchema } from './user-schemas.js';

const departmentSchema = z.object({
  code: z.string().trim().min(1, 'validationRequired').regex(/^[A-Za-z0-9_-]{1,32}$/, 'validationCodeFormat'),
  name: z.string().trim().min(1, 'validationRequired').max(100, 'validationTooLong:100'),
  kana: kanaSchema,
  level: z.string().min(1, 'validationChoose'),
  parentId: z.string(),
});
type DepartmentValues = z.infer<typeof departmentSchema>;

interface DepartmentFormProps {
  /** The 課等 being edited, or null to add one. */
  editing: Department | null;
  departments: Department[];
  levels: Policy['departmentLevels'];
  /** Called with the saved name, or null when cancelled. */
  onDone: (savedName: string | null) => void;
}

/** Adds a 課等 or edits one (name, reading, parent; code and level are fixed once created). */
export function DepartmentForm({ editing, departments, levels, onDone }: DepartmentFormProps) {
  const t = useMessages(organisationMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const form = useForm<DepartmentValues>({
    resolver: zodResolver(departmentSchema),
    defaultValues: editing
      ? { code: editing.code, name: editing.name, kana: editing.kana, level: editing.level, parentId: editing.parentId ?? '' }
      : { code: '', name: '', kana: '', level: '', parentId: '' },
  });
  const save = useMutation({
    mutationFn: (values: DepartmentValues) =>
      editing
        ? api<DepartmentReference>('PATCH', `/departments/${encodeURIComponent(editing.id)}`, {
            name: values.name,
            kana: values.kana,
            parentId: values.parentId || null,
          })
        : api<DepartmentReference>('POST', '/departments', { ...values, parentId: values.parentId || null }),
    onSuccess: async (_saved, values) => {
      await queryClient.invalidateQueries({ queryKey: departmentsQuery.queryKey });
      onDone(values.name);
    },
  });
  const fieldErrors = useFieldErrors(form.formState.errors, save.error);

  // A 課等 cannot sit under itself or under one of its own descendants.
  const excluded = new Set<string>();
  if (editing) {
    excluded.add(editing.id);
    for (const { department } of orderDepartments(departments)) {
      if (department.parentId && excluded.has(department.parentId)) excluded.add(department.id);
    }
  }
  const parentOptions = departmentOptions(departments, { activeOnly: true }).filter((option) => !excluded.has(option.value));

  return (
    <section className="section card form-panel" aria-labelledby="department-form-heading">
      <h2 id="department-form-heading" ref={headingRef} tabIndex={-1}>
        {editing ? t.editDepartmentNamed(editing.name) : t.createDepartment}
      </h2>
      <ErrorSummary error={save.error} />
      <form noValidate className="form" onSubmit={form.handleSubmit((values) => save.mutate(values))}>
        <TextField
          label={t.departmentCode}
          registration={form.register('code')}
          errors={fieldErrors('code')}
          readOnly={editing !== null}
          required
        />
        <TextField label={t.departmentName} registration={form.register('name')} errors={fieldErrors('name')} required />
        <TextField
          label={t.departmentKana}
          registration={form.register('kana')}
          errors={fieldErrors('kana')}
        />
        {/* The level is fixed once created; a disabled control would also drop its value from the form. */}
        {editing ? null : (
          <SelectField
            label={t.departmentLevel}
            registration={form.register('level')}
            errors={fieldErrors('level')}
            placeholder={common.choose}
            options={levels.map((level) => ({ value: level.id, label: level.title[locale] }))}
            required
          />
        )}
        <SelectField
          label={t.parentDepartment}
          registration={form.register('parentId')}
          errors={fieldErrors('parentId')}
          placeholder={t.noParent}
          options={parentOptions}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? common.saving : common.save}
          </button>
          <button type="button" className="button button-tertiary" onClick={() => onDone(null)}>
            {common.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
