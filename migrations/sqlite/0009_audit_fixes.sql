-- Fixes of the outside audit (issue 14).

-- A participant chooses whether other participants see their first name (organizers see who
-- comes regardless, with what each agreed to share).
ALTER TABLE action_rsvps ADD COLUMN show_first_name INTEGER NOT NULL DEFAULT 0;

-- Naming an organizer is an invitation: NULL until the person accepts it.
ALTER TABLE action_organizers ADD COLUMN accepted_at INTEGER;
UPDATE action_organizers SET accepted_at = 0;
ALTER TABLE action_organizers ADD COLUMN invited_by INTEGER REFERENCES users (id) ON DELETE SET NULL;

-- A compte-rendu keeps its first author (who, with the organizers, may rewrite it), its last
-- editor, and when its free-text notes expire (with the contacts met).
ALTER TABLE action_reports ADD COLUMN updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE action_reports ADD COLUMN notes_expire_at INTEGER;
UPDATE action_reports SET updated_by = author_id,
    notes_expire_at = COALESCE((SELECT MAX(c.expires_at) FROM action_contacts c WHERE c.action_id = action_reports.action_id),
                               updated_at + 15552000000);
CREATE INDEX action_reports_notes_expiry_idx ON action_reports (notes_expire_at);

-- Every version of a compte-rendu, the current one included (statistics read action_reports).
CREATE TABLE action_report_revisions (
    id              INTEGER PRIMARY KEY,
    action_id       INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    author_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    present         INTEGER NOT NULL,
    tracts          INTEGER NOT NULL,
    doors_knocked   INTEGER NOT NULL,
    doors_opened    INTEGER NOT NULL,
    conversations   INTEGER NOT NULL,
    calls           INTEGER NOT NULL,
    notes           TEXT    NOT NULL DEFAULT '',
    notes_expire_at INTEGER,
    created_at      INTEGER NOT NULL
);
CREATE INDEX action_report_revisions_action_idx ON action_report_revisions (action_id, id);
CREATE INDEX action_report_revisions_expiry_idx ON action_report_revisions (notes_expire_at);
INSERT INTO action_report_revisions (action_id, author_id, present, tracts, doors_knocked, doors_opened, conversations,
    calls, notes, notes_expire_at, created_at)
    SELECT action_id, author_id, present, tracts, doors_knocked, doors_opened, conversations, calls, notes,
           notes_expire_at, updated_at FROM action_reports;

-- Idempotency keys belong to one person and one action: another person's key, or the same key
-- for another action, is not a replay.
CREATE TABLE action_report_submissions_new (
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    action_id       INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    idempotency_key TEXT    NOT NULL,
    received_at     INTEGER NOT NULL,
    PRIMARY KEY (user_id, action_id, idempotency_key)
);
INSERT INTO action_report_submissions_new (user_id, action_id, idempotency_key, received_at)
    SELECT user_id, action_id, idempotency_key, received_at FROM action_report_submissions WHERE user_id IS NOT NULL;
DROP TABLE action_report_submissions;
ALTER TABLE action_report_submissions_new RENAME TO action_report_submissions;

-- New notification kinds: an invitation to co-organize, its answer (SQLite rebuilds the table
-- to change its CHECK; nothing references notifications).
CREATE TABLE notifications_new (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('mention', 'comment', 'reply', 'thread_reply', 'reaction',
                   'coopain_request', 'coopain_accepted', 'group_request', 'group_accepted', 'group_refused',
                   'action_changed', 'action_cancelled', 'action_promoted', 'action_reminder',
                   'action_proposed', 'action_approved', 'member_left', 'member_arrived',
                   'organizer_invited', 'organizer_accepted')),
    actor_id   INTEGER REFERENCES users (id) ON DELETE CASCADE,
    post_id    INTEGER REFERENCES posts (id) ON DELETE CASCADE,
    comment_id INTEGER REFERENCES comments (id) ON DELETE CASCADE,
    group_id   INTEGER REFERENCES groups (id) ON DELETE CASCADE,
    action_id  INTEGER REFERENCES actions (id) ON DELETE CASCADE,
    count      INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    read_at    INTEGER
);
INSERT INTO notifications_new (id, user_id, kind, actor_id, post_id, comment_id, group_id, action_id, count, created_at, read_at)
    SELECT id, user_id, kind, actor_id, post_id, comment_id, group_id, action_id, count, created_at, read_at FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_user_idx ON notifications (user_id, id);
CREATE INDEX notifications_unread_idx ON notifications (user_id, read_at);
-- "Was this person already told of this coopain request lately?"
CREATE INDEX notifications_actor_idx ON notifications (user_id, actor_id, kind, created_at);
