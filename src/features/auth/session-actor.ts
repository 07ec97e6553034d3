import type { Kysely } from 'kysely';
import type { ReadOnlyDb } from '../../db/read-only.js';
import { preparedQuery } from '../../db/prepared.js';
import type { Database, ScopeType } from '../../db/tables.js';
import type { CanonicalRole } from '../../policy/schema.js';
import type { Actor } from '../../domain/actor.js';
import { hashSessionId, type SessionSettings } from './sessions.js';

export interface SessionState {
  idHash: string;
  /** When the session was last touched (at most once a minute: `touchSession`). */
  lastSeenAt: Date;
  csrfToken: string;
  mfaPending: boolean;
  mustChangePassword: boolean;
  mfaEnrolled: boolean;
  actor: Actor;
}

interface SessionActorRow {
  csrf_token: string;
  mfa_pending: boolean;
  last_seen_at: Date;
  id: string;
  name: string;
  login: string;
  department_id: string;
  must_change_password: boolean;
  totp_enabled_at: Date | null;
  roles: { role: CanonicalRole; scopeType: ScopeType; scopeId: string }[];
}

/** The name of the session lookup as a prepared statement on each pooled connection. */
export const SESSION_ACTOR_STATEMENT = 'bansho_session_actor';

// A live session (not expired, not idle), an active user, and the user's unrevoked roles.
const SESSION_ACTOR_SQL = `
  SELECT s.csrf_token, s.mfa_pending, s.last_seen_at,
         u.id, u.name, u.login, u.department_id, u.must_change_password, u.totp_enabled_at,
         coalesce((SELECT json_agg(json_build_object('role', ra.role, 'scopeType', ra.scope_type, 'scopeId', ra.scope_id))
                   FROM role_assignments ra WHERE ra.user_id = u.id AND ra.revoked_at IS NULL), '[]'::json) AS roles
  FROM sessions s
  JOIN users u ON u.id = s.user_id
  WHERE s.id_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND u.status = 'active'`;

/**
 * Resolves a session cookie to its live session, user and roles in one query (every authenticated request
 * pays for it, so it stays one indexed round trip, prepared once per connection).
 */
export async function findSessionActor(db: ReadOnlyDb, sessionId: string, now: Date, settings: SessionSettings): Promise<SessionState | null> {
  const idHash = hashSessionId(sessionId);
  const idleSince = new Date(now.getTime() - settings.idleMinutes * 60_000);
  // Prepared once per connection: PostgreSQL skips parsing and planning on every request.
  const { rows } = await db.executeQuery(preparedQuery<SessionActorRow>(SESSION_ACTOR_STATEMENT, SESSION_ACTOR_SQL, [idHash, now, idleSince]));
  const row = rows[0];
  if (!row) return null;
  return {
    idHash,
    lastSeenAt: row.last_seen_at,
    csrfToken: row.csrf_token,
    mfaPending: row.mfa_pending,
    mustChangePassword: row.must_change_password,
    mfaEnrolled: row.totp_enabled_at !== null,
    actor: { id: row.id, name: row.name, login: row.login, departmentId: row.department_id, roles: row.roles },
  };
}

/**
 * Keeps an active session from going idle: its `last_seen_at`, at most once a minute. The one write Bansho makes
 * outside `recordAct`, by design: it records no act of the user's, only that the session is in use, and
 * journaling every request would bury the journal (docs/ARCHITECTURE.md). The database's journal guard lets
 * this column, and only it, change without an entry (journal-guard.db.test.ts).
 */
export async function touchSession(db: Kysely<Database>, state: Pick<SessionState, 'idHash' | 'lastSeenAt'>, now: Date): Promise<void> {
  if (now.getTime() - state.lastSeenAt.getTime() <= 60_000) return;
  // eslint-disable-next-line bansho/writes-through-journal -- the documented exception above
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', state.idHash).execute();
}
