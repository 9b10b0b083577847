-- Address verification (issue 17). An account's address is proven by a link sent to it: until
-- then `email` is the address typed at sign-up (the one Coopol writes to) and `email_normalized`,
-- the sign-in key that no two accounts share, is NULL. Several unverified accounts may therefore
-- claim one address, so sign-up never reveals whether an address has an account; the first to
-- open its link takes the address. Accounts created before verification existed count as
-- verified when they were created.
--
-- SQLite cannot drop a NOT NULL or change a CHECK in place: both tables are rebuilt, as its
-- documentation says. `Db::migrate` runs migrations with foreign keys off, so dropping `users`
-- deletes nothing that refers to it; the rename makes those references point at the new table,
-- and `PRAGMA foreign_key_check` runs after.

CREATE TABLE users_rebuilt (
    id                    INTEGER PRIMARY KEY,
    handle                TEXT    NOT NULL,
    display_name          TEXT    NOT NULL,
    email                 TEXT    NOT NULL,
    email_normalized      TEXT,
    password_hash         TEXT    NOT NULL,
    postal_code           TEXT    NOT NULL,
    membership            TEXT    NOT NULL CHECK (membership IN ('sympathisant', 'adherent')),
    membership_status     TEXT    NOT NULL CHECK (membership_status IN ('none', 'pending', 'confirmed', 'refused')),
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL,
    commune_insee         TEXT REFERENCES communes (insee),
    membership_decided_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    membership_decided_at INTEGER,
    suspended_at          INTEGER,
    is_demo               INTEGER NOT NULL DEFAULT 0,
    email_verified_at     INTEGER,
    CONSTRAINT users_handle_key UNIQUE (handle),
    CONSTRAINT users_email_normalized_key UNIQUE (email_normalized),
    CONSTRAINT users_email_verified_check CHECK ((email_normalized IS NULL) = (email_verified_at IS NULL))
);
INSERT INTO users_rebuilt (id, handle, display_name, email, email_normalized, password_hash, postal_code, membership,
    membership_status, created_at, updated_at, commune_insee, membership_decided_by, membership_decided_at,
    suspended_at, is_demo, email_verified_at)
SELECT id, handle, display_name, email, email_normalized, password_hash, postal_code, membership,
    membership_status, created_at, updated_at, commune_insee, membership_decided_by, membership_decided_at,
    suspended_at, is_demo, created_at
FROM users;
DROP TABLE users;
ALTER TABLE users_rebuilt RENAME TO users;
CREATE INDEX users_commune_idx ON users (commune_insee, created_at);
CREATE INDEX users_demo_idx ON users (is_demo) WHERE is_demo = 1;

-- A link that proves an address carries that address: the one typed at sign-up, or a new one
-- (a change of address, verified before it replaces the old).
CREATE TABLE account_tokens_rebuilt (
    token_hash TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER,
    email      TEXT,
    CONSTRAINT account_tokens_purpose_check CHECK (purpose IN ('password_reset', 'verify_email')),
    CONSTRAINT account_tokens_email_check CHECK ((purpose = 'verify_email') = (email IS NOT NULL))
);
INSERT INTO account_tokens_rebuilt (token_hash, user_id, purpose, created_at, expires_at, used_at)
SELECT token_hash, user_id, purpose, created_at, expires_at, used_at FROM account_tokens;
DROP TABLE account_tokens;
ALTER TABLE account_tokens_rebuilt RENAME TO account_tokens;
CREATE INDEX account_tokens_user ON account_tokens (user_id);
CREATE INDEX account_tokens_expiry ON account_tokens (expires_at);
