import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { generate } from 'otplib';
import type { Database } from '../../src/db/tables.js';
import { newTotpSecret } from '../../src/features/auth/totp.js';
import { ApiClient } from './app.js';
import { makeDepartment, makeUser, TEST_PASSWORD, type RoleSpec } from './factories.js';
import { fixture } from './fixtures.js';

let nextAddress = 0;

/**
 * An ApiClient whose requests come from an address of its own: the sign-in rate limit counts per address, so
 * tests that sign in many times do not spend each other's allowance.
 */
export function clientFrom(app: FastifyInstance, ip?: string): ApiClient {
  nextAddress += 1;
  const remoteAddress = ip ?? `10.${(nextAddress >> 16) & 255}.${(nextAddress >> 8) & 255}.${nextAddress & 255}`;
  const fromAddress = { inject: (options: InjectOptions) => app.inject({ ...options, remoteAddress }) };
  return new ApiClient(fromAddress as unknown as FastifyInstance);
}

/** Enrols TOTP for a user directly in the database (as if done earlier); returns the secret. */
export async function enrolTotp(db: Kysely<Database>, userId: string): Promise<string> {
  const secret = newTotpSecret();
  await fixture(db, (tx) => tx.updateTable('users').set({ totp_secret: secret, totp_enabled_at: new Date(), totp_last_step: null }).where('id', '=', userId).execute());
  return secret;
}

/**
 * Signs in with password and TOTP. The last used step is cleared first so that a test may sign the same user in
 * twice within one 30-second step (replay protection itself is tested in mfa.db.test.ts).
 */
export async function signInWithTotp(client: ApiClient, db: Kysely<Database>, login: string, secret: string, password = TEST_PASSWORD): Promise<ApiClient> {
  await fixture(db, (tx) => tx.updateTable('users').set({ totp_last_step: null }).where('login', '=', login).execute());
  await client.signIn(login, password);
  const response = await client.post('/api/session/mfa', { code: await generate({ secret }) });
  if (response.statusCode !== 200) throw new Error(`MFA step of ${login} failed: ${response.statusCode} ${response.body}`);
  return client;
}

/** An app_admin (TOTP enrolled, as the policy requires) in a department of its own, signed in from its own address. */
export async function signedInAdmin(app: FastifyInstance, db: Kysely<Database>, options: { departmentId?: string; roles?: RoleSpec[] } = {}) {
  const departmentId = options.departmentId ?? (await makeDepartment(db)).id;
  const user = await makeUser(db, { departmentId, roles: [{ role: 'app_admin' }, ...(options.roles ?? [])] });
  const secret = await enrolTotp(db, user.id);
  const client = await signInWithTotp(clientFrom(app), db, user.login, secret);
  return { user, secret, client };
}

/** A user without a second factor (any role whose policy entry does not require one), signed in. */
export async function signedInUser(app: FastifyInstance, db: Kysely<Database>, options: { departmentId: string; roles?: RoleSpec[] }) {
  const user = await makeUser(db, options);
  const client = await clientFrom(app).signIn(user.login);
  return { user, client };
}
