import { z } from 'zod';
import { roleAssignmentSchema } from '../organisation/schemas.js';

export const signInSchema = z.strictObject({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
});
export const mfaCodeSchema = z.strictObject({ code: z.string().trim().regex(/^\d{6}$/, { message: '6桁の数字を入力してください / Enter the 6 digits' }) });
export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});

/** The user's language and calendar (西暦/和暦). */
export const preferencesSchema = z.object({ locale: z.enum(['ja', 'en']), calendar: z.enum(['gregorian', 'japanese']) }).meta({ id: 'Preferences' });
export type Preferences = z.infer<typeof preferencesSchema>;
/** PATCH /api/account/preferences: either or both. */
export const updatePreferencesSchema = z.strictObject(preferencesSchema.shape).partial();

// What the routes answer: the serializer sends exactly these, and the web takes its types from them.

/**
 * The signed-in user as the web UI needs them: identity, roles under the policy's titles, the steps sign-in still
 * asks for, preferences, and the menu: each feature's navigation entry by key, true when the user may use it.
 */
export const meSchema = z
  .object({
    id: z.uuid(),
    login: z.string(),
    name: z.string(),
    kana: z.string(),
    departmentId: z.uuid(),
    departmentName: z.string(),
    roles: z.array(roleAssignmentSchema),
    mustChangePassword: z.boolean(),
    mfaEnrolled: z.boolean(),
    mfaRequired: z.boolean(),
    mfaPending: z.boolean(),
    preferences: preferencesSchema,
    navigation: z.record(z.string(), z.boolean()),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

/** GET /api/session: the signed-in user, or null. */
export const sessionSchema = z.object({ user: meSchema.nullable() }).meta({ id: 'Session' });
export type Session = z.infer<typeof sessionSchema>;

/** POST /api/session and /api/session/mfa: the session a sign-in step opened (its cookies are set). */
export const signedInSessionSchema = z.object({ user: meSchema }).meta({ id: 'SignedInSession' });
export type SignedInSession = z.infer<typeof signedInSessionSchema>;

/** POST /api/account/mfa/setup: the new TOTP secret, as text, as an otpauth URI and as a QR code (SVG). */
export const mfaSetupSchema = z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() }).meta({ id: 'MfaSetup' });
export type MfaSetup = z.infer<typeof mfaSetupSchema>;

/** PATCH /api/account/preferences: the preferences now saved. */
export const savedPreferencesSchema = z.object({ preferences: preferencesSchema }).meta({ id: 'SavedPreferences' });
export type SavedPreferences = z.infer<typeof savedPreferencesSchema>;

/** A change that answers 204 with no body. */
export const noContentSchema = z.undefined().describe('No content');
