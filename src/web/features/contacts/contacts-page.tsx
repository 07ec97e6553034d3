import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryState } from '../../components/query-state.js';
import { SuccessNotice } from '../../components/success-notice.js';
import { useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { ContactForm } from './contact-form.js';
import { contactsQuery, useSaveContact, type Contact } from './contacts-api.js';
import { contactKindLabels, contactsMessages } from './contacts-messages.js';

type Editing = { contact: Contact | null } | null;

/** 緊急連絡先 (第5 8(3), 第6 3(3)ア): whom to call, when, and how; kept by the ネットワーク管理者. */
export function ContactsPage() {
  const t = useMessages(contactsMessages);
  const contacts = useQuery(contactsQuery);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const open = (next: Editing) => {
    setNotice(null);
    setEditing(next);
  };

  return (
    <Page
      title={t.title}
      clauses={['5.8.3', '6.3.3.ア', '5.7.9']}
      actions={
        contacts.data?.allowedActions.includes('create') && !editing ? (
          <button type="button" className="button button-primary" onClick={() => open({ contact: null })}>
            {t.add}
          </button>
        ) : null
      }
    >
      <p className="lead">{t.lead}</p>
      <SuccessNotice text={notice} />
      {editing ? (
        <ContactForm
          key={editing.contact?.id ?? 'new'}
          editing={editing.contact}
          onDone={(savedName) => {
            setEditing(null);
            if (savedName) setNotice(t.saved(savedName));
          }}
        />
      ) : null}
      <QueryState query={contacts}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="empty">{t.empty}</p>
          ) : (
            <>
              <ContactTable caption={t.inUse} contacts={list.items.filter((c) => c.active)} onEdit={(contact) => open({ contact })} />
              <ContactTable caption={t.outOfUse} contacts={list.items.filter((c) => !c.active)} onEdit={(contact) => open({ contact })} />
            </>
          )
        }
      </QueryState>
    </Page>
  );
}

/** One table of the directory: who, for what, how to reach them, and (for its keeper) the acts on each. */
function ContactTable({ caption, contacts, onEdit }: { caption: string; contacts: Contact[]; onEdit: (contact: Contact) => void }) {
  const t = useMessages(contactsMessages);
  const kinds = useMessages(contactKindLabels);
  const toggle = useSaveContact();
  if (contacts.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.purpose}</th>
            <th scope="col">{t.priority}</th>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.kind}</th>
            <th scope="col">{t.phone}</th>
            <th scope="col">{t.email}</th>
            <th scope="col">{t.notes}</th>
            <th scope="col">
              <span className="visually-hidden">{t.editLink}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((contact) => (
            <tr key={contact.id}>
              <td>{contact.purpose}</td>
              <td>{contact.priority}</td>
              <th scope="row">
                {contact.name}
                {contact.organisation ? <span className="subtle"> {contact.organisation}</span> : null}
              </th>
              <td>{kinds[contact.kind]}</td>
              <td>{contact.phone ? <a href={`tel:${contact.phone.replace(/[^0-9+]/g, '')}`}>{contact.phone}</a> : null}</td>
              <td>{contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : null}</td>
              <td>{contact.notes}</td>
              <td>
                {contact.allowedActions.includes('update') ? (
                  <span className="row-actions">
                    <button type="button" className="button button-tertiary" onClick={() => onEdit(contact)} aria-label={t.edit(contact.name)}>
                      {t.editLink}
                    </button>
                    <button
                      type="button"
                      className="button button-tertiary"
                      disabled={toggle.isPending}
                      onClick={() => toggle.mutate({ id: contact.id, body: { active: !contact.active } })}
                    >
                      {contact.active ? t.retire : t.reactivate}
                    </button>
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
