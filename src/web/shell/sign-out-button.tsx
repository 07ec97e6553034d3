import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api } from '../api/client.js';
import { commonMessages } from '../i18n/common-messages.js';
import { useMessages } from '../i18n/locale-context.js';

/** Ends the session and forgets every loaded record: a shared terminal must not show them to the next user. */
export function SignOutButton() {
  const common = useMessages(commonMessages);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: () => api<undefined>('DELETE', '/session'),
    onSettled: async () => {
      queryClient.clear();
      await navigate({ to: '/sign-in' });
    },
  });
  return (
    <button
      type="button"
      className="button button-secondary button-small"
      disabled={signOut.isPending}
      onClick={() => signOut.mutate()}
    >
      {common.signOut}
    </button>
  );
}
