-- Moderation with due process (issue 18): reports, the queue of each scope, decisions with a rule
-- of the charter and a reason, one appeal to the scope above, restrictions and exclusions, and
-- timed suspensions. The charter's acceptance is a consent of purpose 'charter' (no new table).
--
-- Scopes are written as the audit log writes them: (scope_kind, scope_code), with the group's or
-- the section's id as text, the federation's département code, '' for the national scope.

-- One case per reported item (a publication, a comment, a profile, a group, an action): its
-- reports, its snapshot (the text as it was when reported: edits do not change what moderators
-- judge) and the scope whose moderators decide. `concerned_id` is the person the case is about
-- (the author, the profile's owner, the group's or action's creator): the case goes with their
-- account (GDPR erasure: the snapshot is their text).
CREATE TABLE moderation_cases (
    id             INTEGER PRIMARY KEY,
    item_kind      TEXT    NOT NULL CHECK (item_kind IN ('post', 'comment', 'profile', 'group', 'action')),
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
-- The queue of a scope: open cases, oldest first (keyset on (opened_at, id)).
CREATE INDEX moderation_cases_queue_idx ON moderation_cases (scope_kind, scope_code, status, opened_at, id);
CREATE INDEX moderation_cases_concerned_idx ON moderation_cases (concerned_id);

-- Decisions, the journal of each scope. An appeal's outcome is a decision too ('maintain' or
-- 'overturn', `appeal_of` the decision appealed). `reason` is told to the person concerned and
-- never shown in the journal; `concerned_id` is shown (as a handle) for suspensions only.
CREATE TABLE moderation_decisions (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER REFERENCES moderation_cases (id) ON DELETE SET NULL,
    appeal_of    INTEGER REFERENCES moderation_decisions (id) ON DELETE CASCADE,
    scope_kind   TEXT    NOT NULL CHECK (scope_kind IN ('group', 'section', 'federation', 'national')),
    scope_code   TEXT    NOT NULL,
    item_kind    TEXT    NOT NULL CHECK (item_kind IN ('post', 'comment', 'profile', 'group', 'action')),
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
CREATE INDEX moderation_decisions_journal_idx ON moderation_decisions (scope_kind, scope_code, id);
CREATE INDEX moderation_decisions_case_idx ON moderation_decisions (case_id, id);
CREATE INDEX moderation_decisions_concerned_idx ON moderation_decisions (concerned_id, scope_kind, scope_code);
CREATE INDEX moderation_decisions_appeal_idx ON moderation_decisions (appeal_of);

-- One report per person per item; `handled_by` is the decision that answered it.
CREATE TABLE moderation_reports (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES moderation_cases (id) ON DELETE CASCADE,
    reporter_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    category    TEXT    NOT NULL CHECK (category IN ('harassment', 'hate', 'personal_data', 'spam', 'misinformation', 'other')),
    explanation TEXT    NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    handled_by  INTEGER REFERENCES moderation_decisions (id) ON DELETE SET NULL,
    CONSTRAINT moderation_reports_once UNIQUE (case_id, reporter_id)
);
CREATE INDEX moderation_reports_reporter_idx ON moderation_reports (reporter_id, created_at);
CREATE INDEX moderation_reports_handled_idx ON moderation_reports (handled_by);

-- One appeal per decision, decided by the scope above (`scope_*`), by someone other than the
-- first decision's author; `outcome_id` is the appeal's own decision.
CREATE TABLE moderation_appeals (
    decision_id  INTEGER PRIMARY KEY REFERENCES moderation_decisions (id) ON DELETE CASCADE,
    appellant_id INTEGER REFERENCES users (id) ON DELETE CASCADE,
    text         TEXT    NOT NULL,
    scope_kind   TEXT    NOT NULL CHECK (scope_kind IN ('group', 'section', 'federation', 'national')),
    scope_code   TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    outcome_id   INTEGER REFERENCES moderation_decisions (id) ON DELETE SET NULL
);
CREATE INDEX moderation_appeals_queue_idx ON moderation_appeals (scope_kind, scope_code, outcome_id, created_at);

-- Who may not publish, comment or react in a scope until `ends_at` (a restriction), or is out
-- of a group (an exclusion, no end). Rows exist while they apply: housekeeping deletes those
-- past their end, an appeal that overturns deletes its row.
CREATE TABLE moderation_restrictions (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('restrict', 'exclude')),
    scope_kind  TEXT    NOT NULL CHECK (scope_kind IN ('group', 'section', 'federation', 'national')),
    scope_code  TEXT    NOT NULL,
    decision_id INTEGER NOT NULL REFERENCES moderation_decisions (id) ON DELETE CASCADE,
    ends_at     INTEGER
);
CREATE INDEX moderation_restrictions_user_idx ON moderation_restrictions (user_id, scope_kind, scope_code);
CREATE INDEX moderation_restrictions_decision_idx ON moderation_restrictions (decision_id);
CREATE INDEX moderation_restrictions_end_idx ON moderation_restrictions (ends_at);

-- A suspension decided by the national moderators has an end (NULL: until an operator restores).
ALTER TABLE users ADD COLUMN suspended_until INTEGER;

-- Moderation notifications point at their decision (the page that explains it and takes the
-- appeal). SQLite rebuilds the table to change its CHECK; nothing references notifications.
CREATE TABLE notifications_new (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('mention', 'comment', 'reply', 'thread_reply', 'reaction',
                    'coopain_request', 'coopain_accepted', 'group_request', 'group_accepted', 'group_refused',
                    'action_changed', 'action_cancelled', 'action_promoted', 'action_reminder',
                    'action_proposed', 'action_approved', 'member_left', 'member_arrived',
                    'organizer_invited', 'organizer_accepted',
                    'moderation_decision', 'report_handled', 'appeal_decided', 'content_held')),
    actor_id    INTEGER REFERENCES users (id) ON DELETE CASCADE,
    post_id     INTEGER REFERENCES posts (id) ON DELETE CASCADE,
    comment_id  INTEGER REFERENCES comments (id) ON DELETE CASCADE,
    group_id    INTEGER REFERENCES groups (id) ON DELETE CASCADE,
    action_id   INTEGER REFERENCES actions (id) ON DELETE CASCADE,
    count       INTEGER NOT NULL DEFAULT 1,
    created_at  INTEGER NOT NULL,
    read_at     INTEGER,
    decision_id INTEGER REFERENCES moderation_decisions (id) ON DELETE CASCADE
);
INSERT INTO notifications_new (id, user_id, kind, actor_id, post_id, comment_id, group_id, action_id, count, created_at, read_at)
    SELECT id, user_id, kind, actor_id, post_id, comment_id, group_id, action_id, count, created_at, read_at FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_user_idx ON notifications (user_id, id);
CREATE INDEX notifications_unread_idx ON notifications (user_id, read_at);
CREATE INDEX notifications_actor_idx ON notifications (user_id, actor_id, kind, created_at);
CREATE INDEX notifications_decision_idx ON notifications (decision_id);
