import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { generate, generateSecret } from 'otplib';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { makeDepartment, makeUser, TEST_PASSWORD } from '../helpers/factories.js';
import type { Database } from '../../src/db/tables.js';
import type { CanonicalRole } from '../../src/policy/schema.js';
import { matrixRoles, type Role } from './matrix.js';
import { fixture } from '../helpers/fixtures.js';

export const unique = (): string => randomBytes(4).toString('hex');

let lastAddress = 0;
/** A distinct client address per client: sign-in routes are rate-limited per address (20 a minute). */
const nextAddress = (): string => {
  lastAddress += 1;
  return `10.${(lastAddress >> 16) & 255}.${(lastAddress >> 8) & 255}.${lastAddress & 255}`;
};

/**
 * A browser-like client over `app.inject`, as test/helpers' ApiClient (cookies, CSRF header), but with an
 * address of its own. The matrix signs in some eighty times within a minute; from one address the sign-in rate
 * limit would answer 429 and hide the status the cell is about.
 */
export class Client {
  private readonly cookies = new Map<string, string>();
  readonly remoteAddress = nextAddress();

  constructor(private readonly app: FastifyInstance) {}

  async request(method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}) {
    if (!this.cookies.has('bansho_csrf')) await this.send('GET', '/api/session');
    return this.send(method, url, body, headers);
  }

  private async send(method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.remoteAddress,
      headers: { ...(cookie ? { cookie } : {}), 'x-csrf-token': this.cookies.get('bansho_csrf') ?? '', ...headers },
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });
    for (const c of response.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }

  get = (url: string) => this.request('GET', url);
}

/** Turns on TOTP for a user as a confirmed enrolment would; returns the secret their authenticator holds. */
export async function enrolTotp(db: Kysely<Database>, userId: string): Promise<string> {
  const secret = generateSecret();
  await fixture(db, (tx) => tx.updateTable('users').set({ totp_secret: secret, totp_enabled_at: new Date(), totp_last_step: null }).where('id', '=', userId).execute());
  return secret;
}

/** The current code of an authenticator holding this secret. */
export const totpCode = (secret: string): Promise<string> => generate({ secret });

function expectOk(response: { statusCode: number; body: string }, what: string): void {
  if (response.statusCode !== 200) throw new Error(`${what} failed: ${response.statusCode} ${response.body}`);
}

/**
 * Signs a user in through the real flow: password, then (when a TOTP secret is given) the code at
 * POST /api/session/mfa. `stopAtPassword` leaves the session waiting for its second factor.
 */
export async function signIn(app: FastifyInstance, login: string, options: { totpSecret?: string; stopAtPassword?: boolean } = {}): Promise<Client> {
  const client = new Client(app);
  expectOk(await client.request('POST', '/api/session', { login, password: TEST_PASSWORD }), `sign-in of ${login}`);
  if (options.totpSecret && !options.stopAtPassword) {
    expectOk(await client.request('POST', '/api/session/mfa', { code: await totpCode(options.totpSecret) }), `second factor of ${login}`);
  }
  return client;
}

export interface Actor {
  id: string;
  login: string;
  client: Client;
}

export interface World {
  testApp: TestApp;
  app: FastifyInstance;
  db: Kysely<Database>;
  /** The actors' own 課等. */
  ownDept: string;
  /** Another 課等, where none of the actors belongs or holds a role. */
  otherDept: string;
  /** A third 課等: the destination of moves. */
  thirdDept: string;
  actors: Record<Role, Actor>;
  anonymous: Client;
  /** Roles whose holders must use a second factor (policy `mfaRequired`). */
  mfaRoles: Set<CanonicalRole>;
}

/** Does the policy require a second factor for this role? */
export const needsTotp = (world: Pick<World, 'mfaRoles'>, role: Role): boolean => world.mfaRoles.has(role);

/**
 * A signed-in user holding `role` (scoped to their own 課等 where the role is departmental), through the real
 * sign-in flow; TOTP is enrolled first for roles that require it unless `totp: 'none'`.
 */
export async function makeSignedIn(
  world: Pick<World, 'app' | 'db' | 'mfaRoles'>,
  role: Role,
  departmentId: string,
  options: { totp?: 'policy' | 'always' | 'none'; stopAtPassword?: boolean } = {},
): Promise<Actor & { totpSecret: string | null }> {
  const user = await makeUser(world.db, { departmentId, roles: [{ role }] });
  const mode = options.totp ?? 'policy';
  const totpSecret = mode === 'always' || (mode === 'policy' && needsTotp(world, role)) ? await enrolTotp(world.db, user.id) : null;
  const client = await signIn(world.app, user.login, { ...(totpSecret ? { totpSecret } : {}), ...(options.stopAtPassword ? { stopAtPassword: true } : {}) });
  return { id: user.id, login: user.login, client, totpSecret };
}

/** One test app, three 課等 and one signed-in actor per canonical role, all in the own 課等. */
export async function buildWorld(): Promise<World> {
  const testApp = await createTestApp();
  const { app, database, policy } = testApp;
  const db = database.db;
  const [own, other, third] = [await makeDepartment(db, { name: '自課' }), await makeDepartment(db, { name: '他課' }), await makeDepartment(db, { name: '異動先課' })];
  const mfaRoles = new Set(policy.roles.filter((r) => r.mfaRequired).map((r) => r.role));
  const partial = { app, db, mfaRoles };
  const actors = {} as Record<Role, Actor>;
  for (const role of matrixRoles) actors[role] = await makeSignedIn(partial, role, own.id);
  return { testApp, app, db, ownDept: own.id, otherDept: other.id, thirdDept: third.id, actors, anonymous: new Client(app), mfaRoles };
}

/** A user's row, every role assignment (live or ended) and how many sessions they have: what user routes change. */
export const userRows = (world: Pick<World, 'db'>, id: string) => async () => ({
  user: await world.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
  roles: await world.db.selectFrom('role_assignments').selectAll().where('user_id', '=', id).orderBy('id').execute(),
  sessions: (await world.db.selectFrom('sessions').select('id_hash').where('user_id', '=', id).execute()).length,
});
