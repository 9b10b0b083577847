-- Conversations (issue 19): one-to-one and small groups (up to 30 people), with read state per
-- person, requests from people who may not write to someone yet, and the mail for the absent.
--
-- A one-to-one conversation has `direct_key` "smaller id:larger id": two people have one.
CREATE TABLE conversations (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('direct', 'group')),
    direct_key      TEXT    UNIQUE,
    title           TEXT,
    created_by      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at      INTEGER NOT NULL,
    last_message_id INTEGER NOT NULL DEFAULT 0,
    last_message_at INTEGER NOT NULL,
    CONSTRAINT conversations_direct_check CHECK ((kind = 'direct') = (direct_key IS NOT NULL))
);

-- Who is in a conversation, and how: 'active'; 'request' (the first message came from someone who
-- may not write to them yet: they accept or refuse); 'refused' (the sender is not told); 'left'
-- (they keep what they had read: up to `left_message_id`). `last_read_id` is their read state;
-- `mailed_upto_id` the last message the mail for the absent covered.
CREATE TABLE conversation_members (
    conversation_id INTEGER  NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    user_id         INTEGER  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status          TEXT     NOT NULL CHECK (status IN ('active', 'request', 'refused', 'left')),
    joined_at       INTEGER  NOT NULL,
    left_message_id INTEGER,
    last_read_id    INTEGER  NOT NULL DEFAULT 0,
    mailed_upto_id  INTEGER  NOT NULL DEFAULT 0,
    muted           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX conversation_members_user_idx ON conversation_members (user_id, status, conversation_id);

-- A message: what was typed and its sanitized rendering (the publications' sanitizer). The author
-- erased, the text goes too (`body` and `body_html` emptied, `author_id` NULL).
CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    author_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    body            TEXT    NOT NULL,
    body_html       TEXT    NOT NULL,
    created_at      INTEGER NOT NULL
);
CREATE INDEX messages_thread_idx ON messages (conversation_id, id);
CREATE INDEX messages_author_idx ON messages (author_id);

-- "Vu" in one-to-one conversations, only when both people turned it on (off by default).
ALTER TABLE users ADD COLUMN read_receipts INTEGER NOT NULL DEFAULT 0;
