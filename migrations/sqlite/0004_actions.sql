-- Field actions: tractage, porte-à-porte, phoning… with organizers, RSVPs (waiting list),
-- reminders sent (never twice), comptes-rendus with new contacts, personal calendar feeds.
-- Times are UTC milliseconds; the UI shows them in Europe/Paris.

CREATE TABLE actions (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('tractage', 'boitage', 'porte_a_porte', 'phoning',
                        'collage', 'reunion_publique', 'reunion_appartement', 'permanence', 'meeting',
                        'formation', 'autre')),
    title           TEXT    NOT NULL,
    description     TEXT    NOT NULL DEFAULT '',
    starts_at       INTEGER NOT NULL,
    ends_at         INTEGER NOT NULL,
    place_name      TEXT    NOT NULL,
    address         TEXT    NOT NULL DEFAULT '',
    lat             REAL    NOT NULL,
    lng             REAL    NOT NULL,
    -- NULL: no limit.
    capacity        INTEGER CHECK (capacity IS NULL OR capacity > 0),
    material        TEXT    NOT NULL DEFAULT '',
    audience        TEXT    NOT NULL CHECK (audience IN ('public', 'section', 'adherents')),
    section_id      INTEGER REFERENCES sections (id) ON DELETE SET NULL,
    federation_code TEXT    NOT NULL REFERENCES departements (code),
    -- 'proposed' by an adhérent until an animator approves it.
    status          TEXT    NOT NULL CHECK (status IN ('proposed', 'published', 'cancelled')),
    -- Renfort: how many more people are needed (0: none asked).
    reinforcements  INTEGER NOT NULL DEFAULT 0 CHECK (reinforcements >= 0),
    cancel_reason   TEXT,
    created_by      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX actions_upcoming_idx ON actions (status, starts_at, id);
CREATE INDEX actions_section_idx ON actions (section_id, starts_at);
CREATE INDEX actions_federation_idx ON actions (federation_code, starts_at);

CREATE TABLE action_organizers (
    action_id INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (action_id, user_id)
);
CREATE INDEX action_organizers_user_idx ON action_organizers (user_id);

-- status: 'going' (a place), 'waiting' (waiting list, in queued_at order), 'maybe', 'declined'.
CREATE TABLE action_rsvps (
    action_id     INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status        TEXT    NOT NULL CHECK (status IN ('going', 'waiting', 'maybe', 'declined')),
    -- The participant lets the organizers see their e-mail.
    share_contact INTEGER NOT NULL DEFAULT 0,
    queued_at     INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    PRIMARY KEY (action_id, user_id)
);
CREATE INDEX action_rsvps_status_idx ON action_rsvps (action_id, status, queued_at);
CREATE INDEX action_rsvps_user_idx ON action_rsvps (user_id, status);

-- One row per reminder sent: the primary key makes a second send impossible.
CREATE TABLE action_reminders (
    action_id INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind      TEXT    NOT NULL CHECK (kind IN ('veille', 'deux_heures')),
    sent_at   INTEGER NOT NULL,
    PRIMARY KEY (action_id, user_id, kind)
);

-- The compte-rendu of an action (one per action; rewriting it replaces the figures).
CREATE TABLE action_reports (
    action_id       INTEGER PRIMARY KEY REFERENCES actions (id) ON DELETE CASCADE,
    author_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    present         INTEGER NOT NULL CHECK (present >= 0),
    tracts          INTEGER NOT NULL CHECK (tracts >= 0),
    doors_knocked   INTEGER NOT NULL CHECK (doors_knocked >= 0),
    doors_opened    INTEGER NOT NULL CHECK (doors_opened >= 0),
    conversations   INTEGER NOT NULL CHECK (conversations >= 0),
    calls           INTEGER NOT NULL CHECK (calls >= 0),
    notes           TEXT    NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);

-- Every compte-rendu submission's idempotency key: a replay (offline sync, double tap) finds
-- its key here and changes nothing.
CREATE TABLE action_report_submissions (
    idempotency_key TEXT    PRIMARY KEY,
    action_id       INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    user_id         INTEGER REFERENCES users (id) ON DELETE SET NULL,
    received_at     INTEGER NOT NULL
);

-- New contacts met during an action, each with their consent and an expiry for their data.
CREATE TABLE action_contacts (
    id              INTEGER PRIMARY KEY,
    action_id       INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    name            TEXT    NOT NULL,
    phone           TEXT    NOT NULL DEFAULT '',
    email           TEXT    NOT NULL DEFAULT '',
    wants_callback  INTEGER NOT NULL DEFAULT 0,
    wants_news      INTEGER NOT NULL DEFAULT 0,
    wants_volunteer INTEGER NOT NULL DEFAULT 0,
    consent_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    recorded_by     INTEGER REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX action_contacts_action_idx ON action_contacts (action_id);
CREATE INDEX action_contacts_expiry_idx ON action_contacts (expires_at);

-- A personal calendar feed: only the token's hash is kept; a new token revokes the old one.
CREATE TABLE calendar_tokens (
    user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    CONSTRAINT calendar_tokens_hash_key UNIQUE (token_hash)
);

-- Notifications learn about actions: a new column and new kinds (SQLite rebuilds the table to
-- change its CHECK; nothing references notifications).
CREATE TABLE notifications_new (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('mention', 'comment', 'reply', 'reaction', 'coopain_request',
                   'coopain_accepted', 'group_request', 'group_accepted', 'group_refused',
                   'action_changed', 'action_cancelled', 'action_promoted', 'action_reminder',
                   'action_proposed', 'action_approved')),
    actor_id   INTEGER REFERENCES users (id) ON DELETE CASCADE,
    post_id    INTEGER REFERENCES posts (id) ON DELETE CASCADE,
    comment_id INTEGER REFERENCES comments (id) ON DELETE CASCADE,
    group_id   INTEGER REFERENCES groups (id) ON DELETE CASCADE,
    action_id  INTEGER REFERENCES actions (id) ON DELETE CASCADE,
    count      INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    read_at    INTEGER
);
INSERT INTO notifications_new (id, user_id, kind, actor_id, post_id, comment_id, group_id, count, created_at, read_at)
    SELECT id, user_id, kind, actor_id, post_id, comment_id, group_id, count, created_at, read_at FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_user_idx ON notifications (user_id, id);
CREATE INDEX notifications_unread_idx ON notifications (user_id, read_at);
