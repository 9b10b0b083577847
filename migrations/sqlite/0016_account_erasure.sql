-- "Supprimer mon compte" (issue 17, GDPR art. 17). A request waits 7 days (cancellable by the
-- link sent by e-mail, or on the account page), then the account is erased. Publications and
-- comments others replied to stay, as "message supprimé" with no author: `author_id` becomes
-- NULL and `deleted_at` says when (the text is emptied in the same statement).
--
-- SQLite cannot drop a NOT NULL in place: `posts` and `comments` are rebuilt (see 0013: foreign
-- keys are off during migrations and checked after).

CREATE TABLE posts_rebuilt (
    id              INTEGER PRIMARY KEY,
    author_id       INTEGER REFERENCES users (id) ON DELETE CASCADE,
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
    hidden_reason   TEXT,
    deleted_at      INTEGER,
    CONSTRAINT posts_deleted_check CHECK ((author_id IS NULL) = (deleted_at IS NOT NULL))
);
INSERT INTO posts_rebuilt (id, author_id, audience, section_id, federation_code, group_id, body, body_html,
    comment_count, created_at, edited_at, hidden_at, hidden_by, hidden_reason)
SELECT id, author_id, audience, section_id, federation_code, group_id, body, body_html,
    comment_count, created_at, edited_at, hidden_at, hidden_by, hidden_reason
FROM posts;
DROP TABLE posts;
ALTER TABLE posts_rebuilt RENAME TO posts;
CREATE INDEX posts_section_idx ON posts (section_id, id);
CREATE INDEX posts_federation_idx ON posts (federation_code, audience, id);
CREATE INDEX posts_group_idx ON posts (group_id, id);
CREATE INDEX posts_author_idx ON posts (author_id, id);
CREATE INDEX posts_audience_idx ON posts (audience, id);
CREATE INDEX posts_author_audience_idx ON posts (author_id, audience, id);

CREATE TABLE comments_rebuilt (
    id            INTEGER PRIMARY KEY,
    post_id       INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    parent_id     INTEGER REFERENCES comments (id) ON DELETE CASCADE,
    author_id     INTEGER REFERENCES users (id) ON DELETE CASCADE,
    body          TEXT    NOT NULL,
    body_html     TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    edited_at     INTEGER,
    hidden_at     INTEGER,
    hidden_reason TEXT,
    deleted_at    INTEGER,
    CONSTRAINT comments_deleted_check CHECK ((author_id IS NULL) = (deleted_at IS NOT NULL))
);
INSERT INTO comments_rebuilt (id, post_id, parent_id, author_id, body, body_html, created_at, edited_at, hidden_at, hidden_reason)
SELECT id, post_id, parent_id, author_id, body, body_html, created_at, edited_at, hidden_at, hidden_reason
FROM comments;
DROP TABLE comments;
ALTER TABLE comments_rebuilt RENAME TO comments;
CREATE INDEX comments_post_idx ON comments (post_id, id);
CREATE INDEX comments_parent_idx ON comments (parent_id, author_id);
CREATE INDEX comments_author_idx ON comments (author_id);

-- One pending erasure per account. Only a SHA-256 of the cancel link's token is stored.
CREATE TABLE account_erasures (
    user_id           INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    requested_at      INTEGER NOT NULL,
    effective_at      INTEGER NOT NULL,
    cancel_token_hash TEXT    NOT NULL,
    CONSTRAINT account_erasures_token_key UNIQUE (cancel_token_hash)
);
CREATE INDEX account_erasures_due_idx ON account_erasures (effective_at);
