-- The social feed: groups, coopains and blocks, publications with their hashtags, comments,
-- reactions, notifications, and the outbox of live events.
-- Ids grow with time, so feeds page on `id` alone (keyset, never OFFSET).

CREATE TABLE groups (
    id         INTEGER PRIMARY KEY,
    slug       TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    purpose    TEXT    NOT NULL,
    privacy    TEXT    NOT NULL CHECK (privacy IN ('public', 'private')),
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    CONSTRAINT groups_slug_key UNIQUE (slug)
);

-- role 'pending' is a membership request of a private group.
CREATE TABLE group_members (
    group_id   INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       TEXT    NOT NULL CHECK (role IN ('admin', 'member', 'pending')),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user_idx ON group_members (user_id, role);
CREATE INDEX group_members_role_idx ON group_members (group_id, role, created_at);

-- Accepted coopains, stored both ways so "my coopains" is one index range.
CREATE TABLE coopains (
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    coopain_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    since      INTEGER NOT NULL,
    PRIMARY KEY (user_id, coopain_id)
);
CREATE INDEX coopains_reverse_idx ON coopains (coopain_id, user_id);

-- A declined request stays 'declined' (the requester keeps seeing "demande envoyée").
CREATE TABLE coopain_requests (
    requester_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    recipient_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status       TEXT    NOT NULL CHECK (status IN ('pending', 'declined')),
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (requester_id, recipient_id)
);
CREATE INDEX coopain_requests_recipient_idx ON coopain_requests (recipient_id, status, created_at);

CREATE TABLE blocks (
    blocker_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    blocked_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
);
CREATE INDEX blocks_blocked_idx ON blocks (blocked_id, blocker_id);

-- section_id / federation_code: where the author belonged when writing (the scope of 'section' and
-- 'federation' publications, and where public ones show). body is what was typed; body_html its
-- sanitized rendering.
CREATE TABLE posts (
    id              INTEGER PRIMARY KEY,
    author_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    audience        TEXT    NOT NULL CHECK (audience IN ('public', 'national', 'section', 'federation', 'group', 'coopains')),
    section_id      INTEGER REFERENCES sections (id) ON DELETE SET NULL,
    federation_code TEXT    REFERENCES departements (code),
    group_id        INTEGER REFERENCES groups (id) ON DELETE CASCADE,
    body            TEXT    NOT NULL,
    body_html       TEXT    NOT NULL,
    comment_count   INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    edited_at       INTEGER,
    hidden_at       INTEGER,
    hidden_by       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    hidden_reason   TEXT
);
CREATE INDEX posts_section_idx ON posts (section_id, id);
CREATE INDEX posts_federation_idx ON posts (federation_code, audience, id);
CREATE INDEX posts_group_idx ON posts (group_id, id);
CREATE INDEX posts_author_idx ON posts (author_id, id);
CREATE INDEX posts_audience_idx ON posts (audience, id);

CREATE TABLE post_tags (
    tag     TEXT    NOT NULL,
    post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    PRIMARY KEY (tag, post_id)
);
CREATE INDEX post_tags_post_idx ON post_tags (post_id);

-- One level of replies: parent_id points at a top-level comment.
CREATE TABLE comments (
    id            INTEGER PRIMARY KEY,
    post_id       INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    parent_id     INTEGER REFERENCES comments (id) ON DELETE CASCADE,
    author_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body          TEXT    NOT NULL,
    body_html     TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    edited_at     INTEGER,
    hidden_at     INTEGER,
    hidden_reason TEXT
);
CREATE INDEX comments_post_idx ON comments (post_id, id);

CREATE TABLE reactions (
    post_id    INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('bravo', 'soutien', 'idee', 'debat', 'merci')),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (post_id, user_id, kind)
);

-- Reactions are aggregated: one unread 'reaction' row per publication, whose count grows.
CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('mention', 'comment', 'reply', 'reaction', 'coopain_request',
                   'coopain_accepted', 'group_request', 'group_accepted', 'group_refused')),
    actor_id   INTEGER REFERENCES users (id) ON DELETE CASCADE,
    post_id    INTEGER REFERENCES posts (id) ON DELETE CASCADE,
    comment_id INTEGER REFERENCES comments (id) ON DELETE CASCADE,
    group_id   INTEGER REFERENCES groups (id) ON DELETE CASCADE,
    count      INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    read_at    INTEGER
);
CREATE INDEX notifications_user_idx ON notifications (user_id, id);
CREATE INDEX notifications_unread_idx ON notifications (user_id, read_at);

-- The outbox of live events: ids only, written in the same transaction as the change, relayed to
-- every instance after commit. Its id is the SSE event id (Last-Event-ID resume).
CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    kind       TEXT    NOT NULL,
    post_id    INTEGER,
    user_id    INTEGER,
    created_at INTEGER NOT NULL
);
