import { sql, type Kysely } from 'kysely';

/** Organisation, accounts, sessions, the append-only journal and loaded policy versions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);

  await sql`
    CREATE TABLE departments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9_-]{1,32}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      kana text NOT NULL DEFAULT '' CHECK (length(kana) <= 100),
      parent_id uuid REFERENCES departments(id),
      level text NOT NULL,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (parent_id IS DISTINCT FROM id)
    )`.execute(db);
  await sql`CREATE INDEX departments_parent ON departments (parent_id)`.execute(db);

  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      login text NOT NULL CHECK (login ~ '^[a-z0-9._-]{3,64}$'),
      staff_number text NOT NULL CHECK (length(staff_number) BETWEEN 1 AND 32),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      kana text NOT NULL DEFAULT '' CHECK (length(kana) <= 100),
      email text NOT NULL DEFAULT '' CHECK (length(email) <= 254),
      department_id uuid NOT NULL REFERENCES departments(id),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
      disabled_reason text,
      password_hash text,
      must_change_password boolean NOT NULL DEFAULT true,
      password_changed_at timestamptz,
      totp_secret text,
      totp_enabled_at timestamptz,
      totp_last_step bigint,
      failed_sign_ins integer NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
      locked_until timestamptz,
      locale text NOT NULL DEFAULT 'ja' CHECK (locale IN ('ja', 'en')),
      calendar text NOT NULL DEFAULT 'gregorian' CHECK (calendar IN ('gregorian', 'japanese')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'disabled') = (disabled_reason IS NOT NULL))
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX users_login ON users (login)`.execute(db);
  await sql`CREATE UNIQUE INDEX users_staff_number ON users (staff_number)`.execute(db);
  await sql`CREATE INDEX users_department ON users (department_id, name)`.execute(db);
  await sql`CREATE INDEX users_search ON users USING gin ((name || ' ' || kana || ' ' || staff_number || ' ' || login) gin_trgm_ops)`.execute(db);

  await sql`
    CREATE TABLE role_assignments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id),
      role text NOT NULL CHECK (role IN ('staff', 'security_officer', 'chief_security_officer', 'network_admin',
        'system_admin', 'cio', 'strategy_board', 'contractor', 'auditor', 'app_admin')),
      scope_type text NOT NULL CHECK (scope_type IN ('global', 'department', 'system', 'network')),
      scope_id text NOT NULL DEFAULT '',
      granted_at timestamptz NOT NULL,
      granted_by uuid REFERENCES users(id),
      revoked_at timestamptz,
      revoked_by uuid REFERENCES users(id),
      CHECK ((scope_type = 'global') = (scope_id = '')),
      CHECK (revoked_at IS NULL OR revoked_at >= granted_at)
    )`.execute(db);
  // One live assignment per user, role and scope.
  await sql`CREATE UNIQUE INDEX role_assignments_live ON role_assignments (user_id, role, scope_type, scope_id) WHERE revoked_at IS NULL`.execute(db);

  await sql`
    CREATE TABLE sessions (
      id_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      csrf_token text NOT NULL,
      mfa_pending boolean NOT NULL,
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      ip text,
      user_agent text
    )`.execute(db);
  await sql`CREATE INDEX sessions_user ON sessions (user_id)`.execute(db);

  await sql`
    CREATE TABLE journal (
      seq bigint PRIMARY KEY CHECK (seq >= 1),
      at timestamptz NOT NULL,
      actor_id uuid,
      actor_name text NOT NULL,
      type text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      data jsonb NOT NULL,
      prev_hash text NOT NULL,
      hash text NOT NULL UNIQUE
    )`.execute(db);
  await sql`CREATE INDEX journal_actor ON journal (actor_id, seq)`.execute(db);
  await sql`CREATE INDEX journal_entity ON journal (entity_type, entity_id, seq)`.execute(db);
  await sql`CREATE INDEX journal_type ON journal (type, seq)`.execute(db);
  await sql`CREATE INDEX journal_at ON journal (at)`.execute(db);

  // 第5 1(1): logs are protected. The journal only grows: any UPDATE, DELETE or TRUNCATE is refused.
  await sql`
    CREATE FUNCTION journal_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'the journal is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$`.execute(db);
  await sql`CREATE TRIGGER journal_no_update_delete BEFORE UPDATE OR DELETE ON journal FOR EACH ROW EXECUTE FUNCTION journal_refuse_change()`.execute(db);
  await sql`CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON journal FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change()`.execute(db);
  await sql`REVOKE UPDATE, DELETE, TRUNCATE ON journal FROM PUBLIC`.execute(db);

  await sql`
    CREATE TABLE policy_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      package_id text NOT NULL,
      version text NOT NULL,
      content_hash text NOT NULL,
      content jsonb NOT NULL,
      loaded_at timestamptz NOT NULL,
      UNIQUE (package_id, content_hash)
    )`.execute(db);
}
