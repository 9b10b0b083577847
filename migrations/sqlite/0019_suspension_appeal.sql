-- A suspended person cannot sign in, yet may appeal once (issue 18): the suspension's e-mail
-- carries a single-use link of purpose 'moderation_appeal', valid until the suspension ends.
-- SQLite changes a CHECK by rebuilding the table.
CREATE TABLE account_tokens_rebuilt (
    token_hash TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER,
    email      TEXT,
    CONSTRAINT account_tokens_purpose_check CHECK (purpose IN ('password_reset', 'verify_email', 'moderation_appeal')),
    CONSTRAINT account_tokens_email_check CHECK ((purpose = 'verify_email') = (email IS NOT NULL))
);
INSERT INTO account_tokens_rebuilt (token_hash, user_id, purpose, created_at, expires_at, used_at, email)
SELECT token_hash, user_id, purpose, created_at, expires_at, used_at, email FROM account_tokens;
DROP TABLE account_tokens;
ALTER TABLE account_tokens_rebuilt RENAME TO account_tokens;
CREATE INDEX account_tokens_user ON account_tokens (user_id);
CREATE INDEX account_tokens_expiry ON account_tokens (expires_at);
