import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserDetail } from '../../../features/organisation/schemas.js';
import { api } from '../../api/client.js';

type Method = 'POST' | 'PATCH' | 'DELETE';

/**
 * A change to one user: after it, the user's detail and every users list are read again, so the page
 * shows what the server recorded rather than what the form sent. Most changes answer with the user's detail.
 */
export function useUserMutation<Input, Output = UserDetail>(
  userId: string,
  request: (input: Input) => { method: Method; path: string; body?: unknown },
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => {
      const { method, path, body } = request(input);
      return api<Output>(method, `/users/${encodeURIComponent(userId)}${path}`, body);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
