-- Accounts, consents, sessions, profiles and rate-limit counters.
-- Times are INTEGER milliseconds since the Unix epoch (same as BIGINT on PostgreSQL).

CREATE TABLE users (
    id                INTEGER PRIMARY KEY,
    handle            TEXT    NOT NULL,
    display_name      TEXT    NOT NULL,
    email             TEXT    NOT NULL,
    email_normalized  TEXT    NOT NULL,
    password_hash     TEXT    NOT NULL,
    postal_code       TEXT    NOT NULL,
    membership        TEXT    NOT NULL CHECK (membership IN ('sympathisant', 'adherent')),
    membership_status TEXT    NOT NULL CHECK (membership_status IN ('none', 'pending', 'confirmed', 'refused')),
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    CONSTRAINT users_handle_key UNIQUE (handle),
    CONSTRAINT users_email_normalized_key UNIQUE (email_normalized)
);

-- Consent to the processing of data revealing a political opinion (GDPR art. 9(2)(a)).
CREATE TABLE consents (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose      TEXT    NOT NULL,
    text_version TEXT    NOT NULL,
    method       TEXT    NOT NULL,
    granted_at   INTEGER NOT NULL,
    withdrawn_at INTEGER
);
CREATE INDEX consents_user_idx ON consents (user_id);

-- Only a SHA-256 of the session token is stored: a database leak does not open sessions.
CREATE TABLE sessions (
    token_hash   TEXT    PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE profiles (
    user_id                     INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    bio                         TEXT    NOT NULL DEFAULT '',
    status_line                 TEXT    NOT NULL DEFAULT '',
    bio_visibility              TEXT    NOT NULL DEFAULT 'section',
    status_visibility           TEXT    NOT NULL DEFAULT 'section',
    mandates_visibility         TEXT    NOT NULL DEFAULT 'section',
    responsibilities_visibility TEXT    NOT NULL DEFAULT 'section',
    interests_visibility        TEXT    NOT NULL DEFAULT 'section',
    availabilities_visibility   TEXT    NOT NULL DEFAULT 'section',
    updated_at                  INTEGER NOT NULL
);

-- Mandats, responsabilités and centres d'intérêt, one row per item, in order.
CREATE TABLE profile_list_items (
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    list     TEXT    NOT NULL CHECK (list IN ('mandates', 'responsibilities', 'interests')),
    position INTEGER NOT NULL,
    value    TEXT    NOT NULL,
    PRIMARY KEY (user_id, list, position)
);

-- Disponibilités à la carte; indexed by kind for matching people to actions later.
CREATE TABLE profile_availabilities (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind    TEXT    NOT NULL,
    PRIMARY KEY (user_id, kind)
);
CREATE INDEX profile_availabilities_kind_idx ON profile_availabilities (kind, user_id);

-- Fixed-window counters shared by every app instance (buckets never contain raw e-mails).
CREATE TABLE rate_limit_counters (
    bucket       TEXT    NOT NULL,
    window_start INTEGER NOT NULL,
    hits         INTEGER NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limit_counters_window_idx ON rate_limit_counters (window_start);
