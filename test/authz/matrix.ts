import type { InjectOptions } from 'fastify';
import type { JournalEventType } from '../../src/journal/events.js';
import type { Client, World } from './world.js';

/**
 * The authorization matrix (STYLE habit 9, DESIGN §6.2): for every API route, every canonical role and
 * anonymous, and every kind of target, the HTTP status the route must answer, and the journal entries an allowed
 * call writes. Each feature writes its routes' cases beside its code (`features/<name>/authorization-cases.ts`)
 * and runs them in its own test file; `completeness.db.test.ts` fails for any route without cases.
 *
 * Targets:
 * - `any`   the route has no target (lists, the policy, creating a 課等) or the cell needs none;
 * - `own`   a user, or 課等, in the actor's own 課等 (every actor belongs to the same "own" 課等, and a
 *           department-scoped role is scoped to it);
 * - `other` a user, or 課等, of another 課等 where the actor holds no role;
 * - `self`  the actor themself (account routes act on one's own account; anonymous has no self).
 *
 * Statuses: 200/201/204 allowed; 401 not signed in (or not at the right sign-in step); 403 the actor may see
 * the target but not do this; 404 the actor may not even see it (STYLE habit 3).
 */

/** The canonical roles (src/policy/schema.ts); the completeness test checks that the two lists agree. */
export const matrixRoles = [
  'staff',
  'security_officer',
  'chief_security_officer',
  'network_admin',
  'system_admin',
  'cio',
  'strategy_board',
  'contractor',
  'auditor',
  'app_admin',
] as const;
export type Role = (typeof matrixRoles)[number];
export type Who = Role | 'anonymous';
export const everyone: readonly Who[] = [...matrixRoles, 'anonymous'];

export const targets = ['any', 'own', 'other', 'self'] as const;
export type Target = (typeof targets)[number];
export type Cell = Partial<Record<Target, number>>;
export type RouteRow = Record<Who, Cell>;

/** The same cell for each of these roles. */
export const each = (roles: readonly Role[], cell: Cell): Partial<Record<Role, Cell>> => Object.fromEntries(roles.map((role) => [role, cell]));

/** Every signed-in role gets `cell`, merged with its override; anonymous gets 401 wherever a signed-in role has a cell but self. */
export function signedIn(cell: Cell, overrides: Partial<Record<Role, Cell>> = {}): RouteRow {
  const anonymousTargets = (Object.keys(cell) as Target[]).filter((t) => t !== 'self');
  const anonymous: Cell = Object.fromEntries((anonymousTargets.length > 0 ? anonymousTargets : ['any']).map((t) => [t, 401]));
  return { ...Object.fromEntries(matrixRoles.map((role) => [role, { ...cell, ...overrides[role] }])), anonymous } as RouteRow;
}

/** Public routes: everyone, anonymous included, gets `cell` (anonymous without `self`). */
export function publicRoute(cell: Cell, anonymous: Cell = Object.fromEntries(Object.entries(cell).filter(([t]) => t !== 'self'))): RouteRow {
  return { ...Object.fromEntries(matrixRoles.map((role) => [role, cell])), anonymous } as RouteRow;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One request of the matrix, made ready by a route's driver for one role and target. */
export interface PreparedCell {
  client: Client;
  method: Method;
  url: string;
  body?: unknown;
  /** The rows the request may change: a refused request leaves them equal, an allowed one changes them. */
  snapshot?: () => Promise<unknown>;
  /** A refused call that the journal keeps all the same (a failed sign-in writes auth.sign_in_failed). */
  journalsRefusal?: readonly JournalEventType[];
  /** Headers of a body that is not JSON (a multipart upload). */
  headers?: InjectOptions['headers'] & Record<string, string>;
}

/** Makes the target of one cell (a fresh user, asset, …) and the request to send. */
export type Driver = (who: Who, target: Target, world: World) => Promise<PreparedCell>;

/** The matrix of one route. */
export interface RouteCase {
  row: RouteRow;
  driver: Driver;
  /**
   * The journal entries an allowed call writes, by type, in order (none when absent): a call that reads writes
   * nothing, one that acts writes exactly its act.
   */
  writes?: readonly JournalEventType[] | ((who: Who, target: Target, world: World) => readonly JournalEventType[]);
}

/** One feature's routes, keyed "METHOD /url" as in `app.routesList`. */
export interface FeatureCases {
  routes: Record<string, RouteCase>;
  /** Prepares the world for these routes (the policy routes need a loaded version). */
  setUp?: (world: World) => Promise<void>;
  /**
   * Cells where the app answers otherwise than the matrix says, keyed "METHOD /url who target": what it answers
   * today and why that is wrong. The runner checks the cell still answers `answers` (so the suite stays green
   * while the defect is open) and fails once it changes, so that the line is removed with the fix.
   */
  knownDefects?: Record<string, { answers: number; why: string }>;
}

/** "METHOD /url" as in `app.routesList`. */
export const routeKey = (route: { method: string; url: string }): string => `${route.method} ${route.url}`;

/** The client a role's cells use (anonymous: a client with no session). */
export const clientOf = (world: World, who: Who): Client => (who === 'anonymous' ? world.anonymous : world.actors[who].client);

/** The actor themself, for `self` cells. */
export const actorOf = (world: World, who: Who): { id: string; login: string } => {
  if (who === 'anonymous') throw new Error('anonymous has no self');
  return world.actors[who];
};

/** A driver that only reads a fixed URL. */
export const simpleGet = (url: string): Driver => (who, _target, world) => Promise.resolve({ client: clientOf(world, who), method: 'GET', url });
