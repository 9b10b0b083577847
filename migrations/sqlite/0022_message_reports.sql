-- Reporting a message (issue 19): 'message' becomes a kind of reported item. SQLite changes a
-- CHECK by rebuilding the table (create, copy, drop, rename; foreign keys are off during
-- migrations, see `Db::migrate`); the indexes are made again.
CREATE TABLE moderation_cases_new (
    id             INTEGER PRIMARY KEY,
    item_kind      TEXT    NOT NULL CHECK (item_kind IN ('post', 'comment', 'profile', 'group', 'action', 'message')),
    item_id        INTEGER NOT NULL,
    concerned_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    scope_kind     TEXT    NOT NULL CHECK (scope_kind IN ('group', 'section', 'federation', 'national')),
    scope_code     TEXT    NOT NULL,
    status         TEXT    NOT NULL CHECK (status IN ('open', 'decided')),
    snapshot       TEXT    NOT NULL,
    context_link   TEXT    NOT NULL,
    report_count   INTEGER NOT NULL DEFAULT 0,
    opened_at      INTEGER NOT NULL,
    auto_hidden_at INTEGER,
    CONSTRAINT moderation_cases_item_key UNIQUE (item_kind, item_id)
);
INSERT INTO moderation_cases_new (id, item_kind, item_id, concerned_id, scope_kind, scope_code, status, snapshot, context_link, report_count, opened_at, auto_hidden_at)
    SELECT id, item_kind, item_id, concerned_id, scope_kind, scope_code, status, snapshot, context_link, report_count, opened_at, auto_hidden_at FROM moderation_cases;
DROP TABLE moderation_cases;
ALTER TABLE moderation_cases_new RENAME TO moderation_cases;
CREATE INDEX moderation_cases_queue_idx ON moderation_cases (scope_kind, scope_code, status, opened_at, id);
CREATE INDEX moderation_cases_concerned_idx ON moderation_cases (concerned_id);

CREATE TABLE moderation_decisions_new (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER REFERENCES moderation_cases (id) ON DELETE SET NULL,
    appeal_of    INTEGER REFERENCES moderation_decisions (id) ON DELETE CASCADE,
    scope_kind   TEXT    NOT NULL CHECK (scope_kind IN ('group', 'section', 'federation', 'national')),
    scope_code   TEXT    NOT NULL,
    item_kind    TEXT    NOT NULL CHECK (item_kind IN ('post', 'comment', 'profile', 'group', 'action', 'message')),
    kind         TEXT    NOT NULL CHECK (kind IN ('dismiss', 'hide', 'warn', 'restrict', 'exclude', 'suspend', 'maintain', 'overturn')),
    rule         TEXT    NOT NULL,
    reason       TEXT    NOT NULL,
    ends_at      INTEGER,
    concerned_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    decided_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    decided_at   INTEGER NOT NULL,
    -- Reports received until this decision, and how long the oldest waited (the scope's statistics).
    report_count INTEGER NOT NULL DEFAULT 0,
    waited_ms    INTEGER NOT NULL DEFAULT 0
);
INSERT INTO moderation_decisions_new (id, case_id, appeal_of, scope_kind, scope_code, item_kind, kind, rule, reason, ends_at, concerned_id, decided_by, decided_at, report_count, waited_ms)
    SELECT id, case_id, appeal_of, scope_kind, scope_code, item_kind, kind, rule, reason, ends_at, concerned_id, decided_by, decided_at, report_count, waited_ms FROM moderation_decisions;
DROP TABLE moderation_decisions;
ALTER TABLE moderation_decisions_new RENAME TO moderation_decisions;
CREATE INDEX moderation_decisions_journal_idx ON moderation_decisions (scope_kind, scope_code, id);
CREATE INDEX moderation_decisions_case_idx ON moderation_decisions (case_id, id);
CREATE INDEX moderation_decisions_concerned_idx ON moderation_decisions (concerned_id, scope_kind, scope_code);
CREATE INDEX moderation_decisions_appeal_idx ON moderation_decisions (appeal_of);
