-- The mail outbox: every e-mail is written here in the transaction of the change that causes it,
-- then sent by the mail worker (retried with backoff; a lease keeps two instances from sending
-- the same one). Rendered when written: subject, text and HTML in the recipient's language.
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    -- The person it is about (their export lists it; erasing them removes it). NULL: an address
    -- that has no account.
    user_id         INTEGER REFERENCES users (id) ON DELETE CASCADE,
    to_address      TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    body_text       TEXT    NOT NULL,
    body_html       TEXT    NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    -- Until when a worker holds it (set when it takes it; another worker waits until then).
    leased_until    INTEGER,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_user ON mail_outbox (user_id);
