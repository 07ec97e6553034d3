import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { addContactSchema, contactKinds, type AddContactInput } from '../../../features/contacts/schemas.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { SelectField } from '../../components/select-field.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { TextField } from '../../components/text-field.js';
import { useFieldErrors } from '../../components/validation.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useMessages } from '../../i18n/locale-context.js';
import { useSaveContact, type Contact } from './contacts-api.js';
import { contactKindLabels, contactsMessages } from './contacts-messages.js';

const blank: AddContactInput = { name: '', organisation: '', kind: 'internal', purpose: '', phone: '', email: '', notes: '', priority: 1 };

/** Adds an entry to the directory, or edits one; validated by the server's own schema before it is sent. */
export function ContactForm({ editing, onDone }: { editing: Contact | null; onDone: (savedName: string | null) => void }) {
  const t = useMessages(contactsMessages);
  const common = useMessages(commonMessages);
  const kinds = useMessages(contactKindLabels);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const form = useForm<z.input<typeof addContactSchema>, unknown, AddContactInput>({ resolver: zodResolver(addContactSchema), defaultValues: editing ?? blank });
  const save = useSaveContact();
  const fieldErrors = useFieldErrors(form.formState.errors, save.error);
  const submit = (values: AddContactInput) => save.mutate({ id: editing?.id ?? null, body: values }, { onSuccess: () => onDone(values.name) });

  return (
    <section className="section card form-panel" aria-labelledby="contact-form-heading">
      <h2 id="contact-form-heading" ref={headingRef} tabIndex={-1}>
        {editing ? t.edit(editing.name) : t.add}
      </h2>
      <ErrorSummary error={save.error} />
      <form noValidate className="form" onSubmit={form.handleSubmit(submit)}>
        <TextField label={t.name} registration={form.register('name')} errors={fieldErrors('name')} autoComplete="off" required />
        <TextField label={t.organisation} registration={form.register('organisation')} errors={fieldErrors('organisation')} autoComplete="off" />
        <SelectField label={t.kind} registration={form.register('kind')} errors={fieldErrors('kind')} options={contactKinds.map((value) => ({ value, label: kinds[value] }))} required />
        <TextField label={t.purpose} hint={t.purposeHint} registration={form.register('purpose')} errors={fieldErrors('purpose')} required />
        <TextField label={t.phone} hint={t.reachHint} type="tel" registration={form.register('phone')} errors={fieldErrors('phone')} autoComplete="off" />
        <TextField label={t.email} type="email" registration={form.register('email')} errors={fieldErrors('email')} autoComplete="off" spellCheck={false} />
        <TextField label={t.priority} hint={t.priorityHint} type="number" min={1} max={99} registration={form.register('priority', { valueAsNumber: true })} errors={fieldErrors('priority')} />
        <TextAreaField label={t.notes} registration={form.register('notes')} errors={fieldErrors('notes')} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {t.save}
          </button>
          <button type="button" className="button button-tertiary" onClick={() => onDone(null)}>
            {common.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
