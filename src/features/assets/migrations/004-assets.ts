import { sql, type Kysely } from 'kysely';

/**
 * The information asset register (目録, 第2): assets with their classification and access rights, issued
 * media, the risk register, saved inventory filters and validated imports waiting to be committed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // 第2 4(3): media the city issues (支給). Finalised media are write-protected (イ).
  await sql`
    CREATE TABLE media (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL CHECK (code ~ '^[A-Za-z0-9_-]{1,32}$'),
      kind text NOT NULL CHECK (kind IN ('usb', 'optical', 'hdd', 'ssd', 'sd', 'tape', 'paper', 'other')),
      description text NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
      department_id uuid NOT NULL REFERENCES departments(id),
      holder_id uuid REFERENCES users(id),
      issued_on date NOT NULL,
      status text NOT NULL DEFAULT 'in_use' CHECK (status IN ('in_use', 'stored', 'lost', 'disposed')),
      finalised boolean NOT NULL DEFAULT false,
      write_protected boolean NOT NULL DEFAULT false,
      storage_location text NOT NULL DEFAULT '' CHECK (length(storage_location) <= 200),
      locked_storage boolean NOT NULL DEFAULT false,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK (NOT finalised OR write_protected)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX media_code ON media (code)`.execute(db);
  await sql`CREATE INDEX media_department ON media (department_id, code)`.execute(db);
  await sql`CREATE INDEX media_holder ON media (holder_id) WHERE holder_id IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE assets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      label_code text NOT NULL CHECK (label_code ~ '^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
      kind text NOT NULL CHECK (kind IN ('electronic_data', 'paper', 'system', 'software', 'medium', 'other')),
      department_id uuid NOT NULL REFERENCES departments(id),
      class_level text NOT NULL CHECK (length(class_level) BETWEEN 1 AND 60),
      class_criteria text[] NOT NULL DEFAULT '{}',
      class_justification text NOT NULL DEFAULT '' CHECK (length(class_justification) <= 2000),
      policy_version_id uuid REFERENCES policy_versions(id),
      confidentiality_note text NOT NULL DEFAULT '' CHECK (length(confidentiality_note) <= 1000),
      integrity_note text NOT NULL DEFAULT '' CHECK (length(integrity_note) <= 1000),
      availability_note text NOT NULL DEFAULT '' CHECK (length(availability_note) <= 1000),
      location text NOT NULL DEFAULT '' CHECK (length(location) <= 200),
      medium_id uuid REFERENCES media(id),
      retention_until date,
      review_due date,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'out', 'disposed')),
      source_asset_id uuid REFERENCES assets(id),
      source_kind text CHECK (source_kind IN ('copy', 'transmission')),
      disposal_method text CHECK (length(disposal_method) BETWEEN 1 AND 200),
      disposal_evidence text CHECK (length(disposal_evidence) <= 2000),
      disposed_on date,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      -- What a search reads: NFKC-folded (全角 ＵＳＢ = USB) and lower-cased, so that LIKE serves where ILIKE would cost twice.
      search_text text GENERATED ALWAYS AS (lower(normalize(name || ' ' || description || ' ' || location || ' ' || label_code, NFKC))) STORED,
      CHECK ((source_asset_id IS NULL) = (source_kind IS NULL)),
      CHECK (source_asset_id IS DISTINCT FROM id),
      CHECK ((status = 'disposed') = (disposed_on IS NOT NULL AND disposal_method IS NOT NULL))
    )`.execute(db);
  // 第2 4(1): the label code is opaque (random, no class in it) and unique.
  await sql`CREATE UNIQUE INDEX assets_label_code ON assets (label_code)`.execute(db);
  // The inventory's sorts and filters: each keeps (…, id) so that pages are stable.
  await sql`CREATE INDEX assets_department_name ON assets (department_id, name, id)`.execute(db);
  await sql`CREATE INDEX assets_name ON assets (name, id)`.execute(db);
  await sql`CREATE INDEX assets_updated ON assets (updated_at, id)`.execute(db);
  await sql`CREATE INDEX assets_review_due ON assets (review_due, id) WHERE review_due IS NOT NULL`.execute(db);
  await sql`CREATE INDEX assets_class ON assets (class_level, name, id)`.execute(db);
  await sql`CREATE INDEX assets_kind ON assets (kind, name, id)`.execute(db);
  await sql`CREATE INDEX assets_status ON assets (status, name, id)`.execute(db);
  await sql`CREATE INDEX assets_source ON assets (source_asset_id) WHERE source_asset_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX assets_medium ON assets (medium_id) WHERE medium_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX assets_class_status ON assets (class_level, status, name, id)`.execute(db);
  // Japanese has no word boundaries and its search words are often two characters (住民, 台帳, 課税): trigrams
  // cannot serve those, so the register indexes the character pairs of its (folded) search text. A search
  // matches the rows holding every pair of the term (the index), and LIKE confirms the term. COST tells the
  // planner that computing the pairs row by row is dear: it uses the index, or LIKE first.
  await sql`
    CREATE FUNCTION asset_search_grams(t text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $$
    DECLARE
      grams text[] := '{}';
    BEGIN
      FOR i IN 1 .. length(t) - 1 LOOP
        grams := grams || substr(t, i, 2);
      END LOOP;
      RETURN grams;
    END $$`.execute(db);
  await sql`CREATE INDEX assets_search ON assets USING gin (asset_search_grams(search_text))`.execute(db);

  // 第2 4(2)ア: who may access an asset — a user, every holder of a role, or everyone in a 課等.
  await sql`
    CREATE TABLE asset_access (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      asset_id uuid NOT NULL REFERENCES assets(id),
      subject_type text NOT NULL CHECK (subject_type IN ('user', 'role', 'department')),
      subject_id text NOT NULL CHECK (length(subject_id) BETWEEN 1 AND 64),
      permission text NOT NULL CHECK (permission IN ('read', 'write')),
      granted_by uuid REFERENCES users(id),
      granted_at timestamptz NOT NULL,
      UNIQUE (asset_id, subject_type, subject_id)
    )`.execute(db);
  // Staff lists start from their own grants.
  await sql`CREATE INDEX asset_access_subject ON asset_access (subject_type, subject_id, asset_id)`.execute(db);

  // 第2 2: threats from the package's list, likelihood and impact (1 低 – 3 高), countermeasures and the
  // procedure if the threat materialises; for one asset or a named group of assets.
  await sql`
    CREATE TABLE asset_risks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      department_id uuid NOT NULL REFERENCES departments(id),
      asset_id uuid REFERENCES assets(id),
      asset_group text CHECK (length(asset_group) BETWEEN 1 AND 200),
      threat_id text NOT NULL CHECK (length(threat_id) BETWEEN 1 AND 60),
      description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
      likelihood integer NOT NULL CHECK (likelihood BETWEEN 1 AND 3),
      impact integer NOT NULL CHECK (impact BETWEEN 1 AND 3),
      score integer GENERATED ALWAYS AS (likelihood * impact) STORED,
      countermeasures text NOT NULL CHECK (length(countermeasures) BETWEEN 1 AND 4000),
      response_procedure text NOT NULL CHECK (length(response_procedure) BETWEEN 1 AND 4000),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'treated', 'accepted', 'closed')),
      review_due date,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK ((asset_id IS NULL) <> (asset_group IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX asset_risks_department ON asset_risks (department_id, score DESC, id)`.execute(db);
  await sql`CREATE INDEX asset_risks_asset ON asset_risks (asset_id) WHERE asset_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX asset_risks_score ON asset_risks (score DESC, id)`.execute(db);

  // A person's named inventory views (the URL's search parameters).
  await sql`
    CREATE TABLE asset_saved_filters (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      query jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      UNIQUE (user_id, name)
    )`.execute(db);

  // An uploaded 台帳, validated row by row; committed all at once or not at all.
  await sql`
    CREATE TABLE asset_imports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id),
      file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
      file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
      format text NOT NULL CHECK (format IN ('xlsx', 'csv')),
      status text NOT NULL CHECK (status IN ('validated', 'invalid', 'committed')),
      row_count integer NOT NULL CHECK (row_count >= 0),
      mapping jsonb NOT NULL,
      rows jsonb NOT NULL,
      errors jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      committed_at timestamptz,
      CHECK ((status = 'committed') = (committed_at IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX asset_imports_user ON asset_imports (user_id, created_at DESC)`.execute(db);
}
