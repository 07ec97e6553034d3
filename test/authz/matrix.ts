/**
 * The authorization matrix (STYLE habit 9, DESIGN §6.2): for every API route, every canonical role and
 * anonymous, and every kind of target, the HTTP status the route must answer. This file is the expectation,
 * written as data; `authorization-matrix.db.test.ts` runs every cell against the real app and fails on a route
 * that has no line here, and on a line whose route no longer exists.
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

/** The canonical roles (src/policy/schema.ts); the runner checks that the two lists agree. */
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

/** Roles that read every user record (user-policy.ts `userReaderRoles`), written out here as the expectation. */
export const userReaders = ['app_admin', 'cio', 'chief_security_officer', 'network_admin', 'auditor'] as const satisfies readonly Role[];
/** Roles that read the whole journal (journal-policy.ts); everyone else reads only their own acts and about themselves. */
export const journalOversight = ['app_admin', 'cio', 'chief_security_officer', 'network_admin', 'auditor'] as const satisfies readonly Role[];

/** Roles that read every asset, medium and 課等's risk register (assets/asset-policy.ts `assetOversightRoles`); they change none. */
export const assetOversight = ['cio', 'chief_security_officer', 'strategy_board', 'auditor'] as const satisfies readonly Role[];

/** Readers of every user who do not manage users: they see the target, so a refusal is 403, not 404. */
const onlookers = userReaders.filter((role) => role !== 'app_admin');

/** The same cell for each of these roles. */
const each = (roles: readonly Role[], cell: Cell): Partial<Record<Role, Cell>> => Object.fromEntries(roles.map((role) => [role, cell]));

/** Every signed-in role gets `cell`, merged with its override; anonymous gets 401 wherever a signed-in role has a cell but self. */
function signedIn(cell: Cell, overrides: Partial<Record<Role, Cell>> = {}): RouteRow {
  const anonymousTargets = (Object.keys(cell) as Target[]).filter((t) => t !== 'self');
  const anonymous: Cell = Object.fromEntries((anonymousTargets.length > 0 ? anonymousTargets : ['any']).map((t) => [t, 401]));
  return { ...Object.fromEntries(matrixRoles.map((role) => [role, { ...cell, ...overrides[role] }])), anonymous } as RouteRow;
}

/** Public routes: everyone, anonymous included, gets `cell` (anonymous without `self`). */
function publicRoute(cell: Cell, anonymous: Cell = Object.fromEntries(Object.entries(cell).filter(([t]) => t !== 'self'))): RouteRow {
  return { ...Object.fromEntries(matrixRoles.map((role) => [role, cell])), anonymous } as RouteRow;
}

/**
 * Managing another user's record (edit, disable, enable, move, reset password): the Bansho administrator for
 * everyone, a 情報セキュリティ責任者 for their own 課等 (第5 3(1)); nobody on themself.
 */
const manageUser = (allowed: number): RouteRow =>
  signedIn({ own: 404, other: 404, self: 403 }, { app_admin: { own: allowed, other: allowed }, security_officer: { own: allowed }, ...each(onlookers, { own: 403, other: 403 }) });

/** Granting and revoking roles, and moving between 課等: the Bansho administrator only, never on themself. */
const manageRoles = (allowed: number): RouteRow =>
  signedIn({ own: 404, other: 404, self: 403 }, { app_admin: { own: allowed, other: allowed }, security_officer: { own: 403 }, ...each(onlookers, { own: 403, other: 403 }) });

/**
 * Managing an asset record (第2 1, 3, 4(2)ア): the 情報セキュリティ責任者 of its 課等 only. Oversight sees the
 * asset, so a refusal is 403; everyone else (the Bansho administrator included) does not know it exists: 404.
 */
const manageAsset = (allowed: number): RouteRow =>
  signedIn({ own: 404, other: 404 }, { security_officer: { own: allowed }, ...each(assetOversight, { own: 403, other: 403 }) });

export const matrix: Record<string, RouteRow> = {
  // System
  'GET /api/health': publicRoute({ any: 200 }),
  'GET /api/policy': signedIn({ any: 200 }),

  // Sign-in. POST /api/session: `any` = this role's client sends a wrong password for an unknown login;
  // `self` = a fresh client signs in as this role's actor (for TOTP roles the answer is 200 with mfaPending).
  'GET /api/session': publicRoute({ any: 200 }),
  'POST /api/session': publicRoute({ any: 401, self: 200 }),
  // `any` = this role's fully signed-in client sends a code (only a session waiting for its second factor may);
  // `self` = a fresh user of this role with TOTP enrolled, after the password step, sends the right code.
  'POST /api/session/mfa': publicRoute({ any: 401, self: 200 }),

  // Own account (access `account`): each cell acts as a fresh user of the role, on their own account.
  'DELETE /api/session': signedIn({ self: 204 }),
  'POST /api/account/password': signedIn({ self: 204 }),
  'POST /api/account/mfa/setup': signedIn({ self: 200 }),
  'POST /api/account/mfa/confirm': signedIn({ self: 204 }),
  'PATCH /api/account/preferences': signedIn({ self: 200 }),

  // 課等: everyone reads the tree; only the Bansho administrator changes it (department-policy.ts).
  'GET /api/departments': signedIn({ any: 200 }),
  'POST /api/departments': signedIn({ any: 403 }, { app_admin: { any: 201 } }),
  'PATCH /api/departments/:id': signedIn({ own: 403, other: 403 }, { app_admin: { own: 200, other: 200 } }),

  // Users (user-policy.ts). The list is filtered, never refused; list-detail-agree.db.test.ts checks the filter.
  'GET /api/users': signedIn({ any: 200 }),
  'POST /api/users': signedIn({ own: 403, other: 403 }, { app_admin: { own: 201, other: 201 }, security_officer: { own: 201 } }),
  'GET /api/users/:id': signedIn({ own: 404, other: 404, self: 200 }, { ...each(userReaders, { own: 200, other: 200 }), security_officer: { own: 200 } }),
  'PATCH /api/users/:id': manageUser(200),
  'POST /api/users/:id/disable': manageUser(200),
  'POST /api/users/:id/enable': manageUser(200),
  // Moving someone between 課等 touches two 課等's registers: the Bansho administrator only.
  'POST /api/users/:id/move': manageRoles(200),
  'POST /api/users/:id/reset-password': manageUser(200),
  'POST /api/users/:id/roles': manageRoles(201),
  'DELETE /api/users/:id/roles/:assignmentId': manageRoles(200),

  // Journal: everyone may call it; what it returns is filtered (list-detail-agree.db.test.ts).
  'GET /api/journal': signedIn({ any: 200 }),
  'GET /api/journal/types': signedIn({ any: 200 }),

  // The standard as data: read-only for every signed-in user (loading a version is the CLI's).
  'GET /api/policy/versions': signedIn({ any: 200 }),
  'GET /api/policy/capabilities': signedIn({ any: 200 }),
  'GET /api/policy/clauses': signedIn({ any: 200 }),
  'GET /api/policy/clauses/:clauseId': signedIn({ any: 200 }),
  'GET /api/policy/compliance': signedIn({ any: 200 }),
  'GET /api/policy/compliance.xlsx': signedIn({ any: 200 }),
  'GET /api/policy/oscal': signedIn({ any: 200 }),
  'GET /api/policy/diff': signedIn({ any: 200 }),

  // Issued media (第2 4(3), media/medium-policy.ts): the 課等's 情報セキュリティ責任者 registers and changes them;
  // oversight reads; the holder reads theirs. `own`/`other`: a medium issued to the actors' own 課等 or another;
  // `self`: a medium of the own 課等 that the actor holds. The list is filtered, never refused.
  'GET /api/media': signedIn({ any: 200 }),
  'POST /api/media': signedIn({ own: 403, other: 403 }, { security_officer: { own: 201 } }),
  'GET /api/media/:id': signedIn({ own: 404, other: 404, self: 200 }, { security_officer: { own: 200 }, ...each(assetOversight, { own: 200, other: 200 }) }),
  'PATCH /api/media/:id': signedIn({ own: 404, other: 404, self: 403 }, { security_officer: { own: 200, self: 200 }, ...each(assetOversight, { own: 403, other: 403 }) }),

  // The risk register (第2 2, risks/risk-policy.ts): the 課等's 情報セキュリティ責任者 records and revises it;
  // oversight reads every 課等's; nobody else knows an entry exists. `own`/`other`: an entry of either 課等.
  'GET /api/risks': signedIn({ any: 200 }),
  'POST /api/risks': signedIn({ own: 403, other: 403 }, { security_officer: { own: 201 } }),
  'GET /api/risks/:id': signedIn({ own: 404, other: 404 }, { security_officer: { own: 200 }, ...each(assetOversight, { own: 200, other: 200 }) }),
  'PATCH /api/risks/:id': signedIn({ own: 404, other: 404 }, { security_officer: { own: 200 }, ...each(assetOversight, { own: 403, other: 403 }) }),

  // Drafting a package from a standard's text (policy-import/draft-policy.ts): the Bansho administrator only.
  // Nobody else knows a draft exists, so a draft by id is 404 to them; the collection routes are 403.
  'POST /api/policy/import-text': signedIn({ any: 403 }, { app_admin: { any: 200 } }),
  'GET /api/policy/drafts': signedIn({ any: 403 }, { app_admin: { any: 200 } }),
  'POST /api/policy/drafts': signedIn({ any: 403 }, { app_admin: { any: 201 } }),
  'GET /api/policy/drafts/:id': signedIn({ any: 404 }, { app_admin: { any: 200 } }),
  'PUT /api/policy/drafts/:id': signedIn({ any: 404 }, { app_admin: { any: 200 } }),
  'GET /api/policy/drafts/:id/files/:file': signedIn({ any: 404 }, { app_admin: { any: 200 } }),

  // The information asset register (asset-policy.ts). `own`/`other`: an asset of the actors' 課等 or of another,
  // with no access right granted to anyone. The list is filtered, never refused (list-detail-agree checks it).
  'GET /api/assets': signedIn({ any: 200 }),
  'POST /api/assets': signedIn({ own: 403, other: 403 }, { security_officer: { own: 201 } }),
  'GET /api/assets/:id': signedIn({ own: 404, other: 404 }, { security_officer: { own: 200 }, ...each(assetOversight, { own: 200, other: 200 }) }),
  'GET /api/assets/:id/history': signedIn({ own: 404, other: 404 }, { security_officer: { own: 200 }, ...each(assetOversight, { own: 200, other: 200 }) }),
  'PATCH /api/assets/:id': manageAsset(200),
  'POST /api/assets/:id/status': manageAsset(200),
  'POST /api/assets/:id/dispose': manageAsset(200),
  'POST /api/assets/:id/access': manageAsset(201),
  'DELETE /api/assets/:id/access/:grantId': manageAsset(200),
  // A copy into the actor's own 課等: only an officer who may read the source records one.
  'POST /api/assets/:id/copies': manageAsset(201),
  // A label leads anyone signed in to the 課等 (第2 4(1)); what else it shows is checked in assets.db.test.ts.
  'GET /api/assets/labels/:code': signedIn({ own: 200, other: 200 }),
  // All or nothing: an asset the actor does not manage refuses the whole act.
  'POST /api/assets/bulk': signedIn({ own: 403, other: 403 }, { security_officer: { own: 200 } }),
  // Saved views are one's own: `self` saves or deletes one's own, `other` tries someone else's.
  'GET /api/assets/saved-filters': signedIn({ self: 200 }),
  'POST /api/assets/saved-filters': signedIn({ self: 201 }),
  'DELETE /api/assets/saved-filters/:id': signedIn({ self: 204, other: 404 }),

  // The register's files (assets/transfer-routes.ts). Exports and label sheets hold only the assets the actor may
  // read, so every signed-in user gets them. Importing registers assets: a 情報セキュリティ責任者's act (第2 3).
  // An import is its uploader's alone: `self` one the actor uploaded (for other roles, in an earlier officer
  // post), `other` another officer's, which nobody else may know exists.
  'GET /api/assets/export.xlsx': signedIn({ any: 200 }),
  'GET /api/assets/export.csv': signedIn({ any: 200 }),
  'GET /api/assets/export.pdf': signedIn({ any: 200 }),
  'GET /api/assets/labels.pdf': signedIn({ any: 200 }),
  'GET /api/assets/import-template.xlsx': signedIn({ any: 200 }),
  'POST /api/assets/imports': signedIn({ any: 403 }, { security_officer: { any: 201 } }),
  'GET /api/assets/imports/:id': signedIn({ self: 200, other: 404 }),
  'POST /api/assets/imports/:id/commit': signedIn({ self: 403, other: 404 }, { security_officer: { self: 200 } }),
};

/**
 * Cells where the app answers otherwise than the matrix says, keyed "METHOD /url who target": what it answers
 * today and why that is wrong. The runner checks the cell still answers `answers` (so the suite stays green
 * while the defect is open) and fails once it changes, so that the line is removed with the fix.
 */
export const knownDefects: Record<string, { answers: number; why: string }> = {
};

/** "METHOD /url" as in `app.routesList`. */
export const routeKey = (route: { method: string; url: string }): string => `${route.method} ${route.url}`;
