import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Contact, ContactList } from '../../../features/contacts/schemas.js';

export type { Contact, ContactList };

/** The directory, with what the reader may do. */
export const contactsQuery = queryOptions({
  queryKey: ['contacts'],
  queryFn: () => api<ContactList>('GET', '/contacts'),
});

/** Adds or changes an entry; the directory is read again afterwards. */
export function useSaveContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: Record<string, unknown> }) =>
      id ? api<Contact>('PATCH', `/contacts/${encodeURIComponent(id)}`, body) : api<Contact>('POST', '/contacts', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactsQuery.queryKey }),
  });
}
