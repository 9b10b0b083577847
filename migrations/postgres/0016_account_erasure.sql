-- "Supprimer mon compte" (issue 17, GDPR art. 17). A request waits 7 days (cancellable by the
-- link sent by e-mail, or on the account page), then the account is erased. Publications and
-- comments others replied to stay, as "message supprimé" with no author: `author_id` becomes
-- NULL and `deleted_at` says when (the text is emptied in the same statement).

ALTER TABLE posts ALTER COLUMN author_id DROP NOT NULL;
ALTER TABLE posts ADD COLUMN deleted_at BIGINT;
ALTER TABLE posts ADD CONSTRAINT posts_deleted_check CHECK ((author_id IS NULL) = (deleted_at IS NOT NULL));

ALTER TABLE comments ALTER COLUMN author_id DROP NOT NULL;
ALTER TABLE comments ADD COLUMN deleted_at BIGINT;
ALTER TABLE comments ADD CONSTRAINT comments_deleted_check CHECK ((author_id IS NULL) = (deleted_at IS NOT NULL));
CREATE INDEX comments_author_idx ON comments (author_id);

-- One pending erasure per account. Only a SHA-256 of the cancel link's token is stored.
CREATE TABLE account_erasures (
    user_id           BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    requested_at      BIGINT NOT NULL,
    effective_at      BIGINT NOT NULL,
    cancel_token_hash TEXT   NOT NULL,
    CONSTRAINT account_erasures_token_key UNIQUE (cancel_token_hash)
);
CREATE INDEX account_erasures_due_idx ON account_erasures (effective_at);
