import { sql, type Kysely } from 'kysely';
import type { Database, ScopeType } from '../../db/tables.js';
import type { CanonicalRole } from '../../policy/schema.js';
import type { Actor } from './actor.js';
import { hashSessionId, type SessionSettings } from './sessions.js';

export interface SessionState {
  idHash: string;
  csrfToken: string;
  mfaPending: boolean;
  mustChangePassword: boolean;
  mfaEnrolled: boolean;
  actor: Actor;
}

/**
 * Resolves a session cookie to its live session, user and roles in one query (every authenticated request
 * pays for it, so it stays one indexed round trip). Touches the session at most once a minute.
 */
export async function findSessionActor(db: Kysely<Database>, sessionId: string, now: Date, settings: SessionSettings): Promise<SessionState | null> {
  const idHash = hashSessionId(sessionId);
  const idleSince = new Date(now.getTime() - settings.idleMinutes * 60_000);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.csrf_token', 'sessions.mfa_pending', 'sessions.last_seen_at',
      'users.id', 'users.name', 'users.login', 'users.department_id', 'users.must_change_password', 'users.totp_enabled_at',
      sql<{ role: CanonicalRole; scopeType: ScopeType; scopeId: string }[]>`coalesce((
        SELECT json_agg(json_build_object('role', ra.role, 'scopeType', ra.scope_type, 'scopeId', ra.scope_id))
        FROM role_assignments ra WHERE ra.user_id = users.id AND ra.revoked_at IS NULL), '[]'::json)`.as('roles'),
    ])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.expires_at', '>', now)
    .where('sessions.last_seen_at', '>', idleSince)
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  if (!row) return null;
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
  }
  return {
    idHash,
    csrfToken: row.csrf_token,
    mfaPending: row.mfa_pending,
    mustChangePassword: row.must_change_password,
    mfaEnrolled: row.totp_enabled_at !== null,
    actor: { id: row.id, name: row.name, login: row.login, departmentId: row.department_id, roles: row.roles },
  };
}
