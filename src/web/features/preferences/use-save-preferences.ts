import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { sessionQuery } from '../../api/queries.js';
import type { SavedPreferences, Session } from '../../../features/auth/schemas.js';
import type { Preferences } from '../../api/types.js';
import { useLocale } from '../../i18n/locale-context.js';

/**
 * Saves display preferences: applied on screen at once, then stored on the server for a signed-in user
 * so they follow them to another terminal. Before sign-in they stay on this device only.
 */
export function useSavePreferences() {
  const queryClient = useQueryClient();
  const { setPreferences } = useLocale();
  return useMutation({
    // Show the choice at once; the server copy follows.
    onMutate: (next) => setPreferences(next),
    mutationFn: async (next: Partial<Preferences>): Promise<Partial<Preferences>> => {
      const session = queryClient.getQueryData(sessionQuery.queryKey);
      const signedIn = Boolean(session?.user && !session.user.mfaPending);
      if (!signedIn) return next;
      const saved = await api<SavedPreferences>('PATCH', '/account/preferences', next);
      return saved.preferences;
    },
    onSuccess: (saved) => {
      setPreferences(saved);
      queryClient.setQueryData(sessionQuery.queryKey, (session: Session | undefined) =>
        session?.user ? { user: { ...session.user, preferences: { ...session.user.preferences, ...saved } } } : session,
      );
    },
  });
}
