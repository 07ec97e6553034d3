import { z } from 'zod';
import { journalEvent, changes } from '../../journal/event.js';

/** Sign-in and account events (第5 3(6)(7)). */
export const authEvents = [
  journalEvent('auth.password_verified', 'user', z.object({ mfaPending: z.literal(true) })),
  journalEvent('auth.signed_in', 'user', z.object({ mfa: z.boolean() })),
  journalEvent('auth.sign_in_failed', 'user', z.object({ login: z.string(), reason: z.enum(['password', 'mfa', 'locked', 'disabled', 'unknown']), failures: z.number().int() })),
  journalEvent('auth.locked_out', 'user', z.object({ until: z.string(), failures: z.number().int() })),
  journalEvent('auth.signed_out', 'user', z.object({})),
  journalEvent('auth.password_changed', 'user', z.object({ forced: z.boolean() })),
  journalEvent('auth.mfa_setup_started', 'user', z.object({ method: z.literal('totp') })),
  journalEvent('auth.mfa_enrolled', 'user', z.object({ method: z.literal('totp') })),
  journalEvent('account.preferences_changed', 'user', z.object({ changes })),
] as const;
