import type { FormEventHandler, ReactNode } from 'react';
import { commonMessages } from '../i18n/common-messages.js';
import { useMessages } from '../i18n/locale-context.js';
import { ErrorSummary } from './error-summary.js';
import { SuccessNotice } from './success-notice.js';

interface EditableSectionProps {
  /** The heading's id, which names the section (aria-labelledby). */
  headingId: string;
  heading: string;
  /** Whether the server allows the change (`allowedActions`): the Edit button shows only then. */
  canEdit: boolean;
  editing: boolean;
  onEdit: () => void;
  onCancel: () => void;
  /** Said after a save (role=status), so the user knows it worked once the form is gone. */
  notice: string | null;
  /** The save's error, summarised above the form. */
  error: unknown;
  saving: boolean;
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** The form's fields, shown while editing. */
  fields: ReactNode;
  /** The record as read, shown otherwise. */
  children: ReactNode;
}

/** A card that shows part of a record and, when allowed, turns into its form in place (Edit, then Save or Cancel). */
export function EditableSection({ headingId, heading, canEdit, editing, onEdit, onCancel, notice, error, saving, onSubmit, fields, children }: EditableSectionProps) {
  const common = useMessages(commonMessages);
  return (
    <section className="section card" aria-labelledby={headingId}>
      <div className="section-heading">
        <h2 id={headingId}>{heading}</h2>
        {canEdit && !editing ? (
          <button type="button" className="button button-secondary button-small" onClick={onEdit}>
            {common.edit}
          </button>
        ) : null}
      </div>
      <SuccessNotice text={notice} />
      {editing ? (
        <>
          <ErrorSummary error={error} />
          <form noValidate className="form" onSubmit={onSubmit}>
            {fields}
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={saving}>
                {saving ? common.saving : common.save}
              </button>
              <button type="button" className="button button-tertiary" onClick={onCancel}>
                {common.cancel}
              </button>
            </div>
          </form>
        </>
      ) : (
        children
      )}
    </section>
  );
}
