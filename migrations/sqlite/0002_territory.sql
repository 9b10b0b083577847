-- French territory (régions, départements = fédérations, communes with postal codes and a reference
-- point), sections covering communes, scoped roles, the audit log, and each person's commune.

CREATE TABLE regions (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

-- Every département is a fédération: its code is the federation's code.
CREATE TABLE departements (
    code        TEXT PRIMARY KEY,
    region_code TEXT NOT NULL REFERENCES regions (code),
    name        TEXT NOT NULL
);

CREATE TABLE communes (
    insee            TEXT PRIMARY KEY,
    departement_code TEXT NOT NULL REFERENCES departements (code),
    region_code      TEXT NOT NULL,
    name             TEXT NOT NULL,
    population       INTEGER,
    lat              REAL,
    lng              REAL
);
CREATE INDEX communes_departement_idx ON communes (departement_code, name);

CREATE TABLE commune_postal_codes (
    postal_code TEXT NOT NULL,
    insee       TEXT NOT NULL REFERENCES communes (insee) ON DELETE CASCADE,
    PRIMARY KEY (postal_code, insee)
);
CREATE INDEX commune_postal_codes_insee_idx ON commune_postal_codes (insee);

CREATE TABLE sections (
    id              INTEGER PRIMARY KEY,
    slug            TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    description     TEXT    NOT NULL DEFAULT '',
    federation_code TEXT    NOT NULL REFERENCES departements (code),
    created_by      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    CONSTRAINT sections_slug_key UNIQUE (slug)
);
CREATE INDEX sections_federation_idx ON sections (federation_code, name);

-- A commune belongs to at most one section (its primary key).
CREATE TABLE section_communes (
    insee      TEXT    PRIMARY KEY REFERENCES communes (insee),
    section_id INTEGER NOT NULL REFERENCES sections (id) ON DELETE CASCADE
);
CREATE INDEX section_communes_section_idx ON section_communes (section_id);

ALTER TABLE users ADD COLUMN commune_insee TEXT REFERENCES communes (insee);
ALTER TABLE users ADD COLUMN membership_decided_by INTEGER REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE users ADD COLUMN membership_decided_at INTEGER;
ALTER TABLE users ADD COLUMN suspended_at INTEGER;
CREATE INDEX users_commune_idx ON users (commune_insee, created_at);

-- Roles are scoped: national (scope_code ''), federation (département code) or section (id).
CREATE TABLE roles (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       TEXT    NOT NULL CHECK (role IN ('national_admin', 'federation_first_secretary',
                   'federation_animator', 'section_secretary', 'section_animator', 'moderator')),
    scope_kind TEXT    NOT NULL CHECK (scope_kind IN ('national', 'federation', 'section')),
    scope_code TEXT    NOT NULL,
    granted_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    granted_at INTEGER NOT NULL,
    CONSTRAINT roles_unique_key UNIQUE (user_id, role, scope_kind, scope_code)
);
-- One secretary per section, one premier secrétaire per federation.
CREATE UNIQUE INDEX roles_one_holder_idx ON roles (role, scope_code)
    WHERE role IN ('section_secretary', 'federation_first_secretary');
CREATE INDEX roles_scope_idx ON roles (scope_kind, scope_code, role);
CREATE INDEX roles_user_idx ON roles (user_id);

-- Who did what, when, in which scope. Read by the scope's responsables.
CREATE TABLE audit_log (
    id             INTEGER PRIMARY KEY,
    at             INTEGER NOT NULL,
    actor_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    action         TEXT    NOT NULL,
    scope_kind     TEXT    NOT NULL,
    scope_code     TEXT    NOT NULL,
    target_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    detail         TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_scope_idx ON audit_log (scope_kind, scope_code, at DESC, id DESC);
