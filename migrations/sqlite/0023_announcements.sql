-- Annonces (issue 19): the message of a section's or a federation's team to a segment of its
-- people, delivered in-app (a notification) and by e-mail (with a one-click unsubscribe).
CREATE TABLE announcements (
    id              INTEGER PRIMARY KEY,
    scope_kind      TEXT    NOT NULL CHECK (scope_kind IN ('section', 'federation')),
    scope_code      TEXT    NOT NULL,
    author_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    segment         TEXT    NOT NULL CHECK (segment IN ('all', 'adherents', 'sympathisants', 'available', 'participants')),
    -- The availability ('tractage'…) or the action's id; '' for the other segments.
    segment_arg     TEXT    NOT NULL DEFAULT '',
    subject         TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    body_html       TEXT    NOT NULL,
    recipient_count INTEGER NOT NULL,
    mail_count      INTEGER NOT NULL,
    created_at      INTEGER NOT NULL
);
-- A scope's annonces, newest first (the page's history and the weekly limit).
CREATE INDEX announcements_scope_idx ON announcements (scope_kind, scope_code, created_at, id);
CREATE INDEX announcements_author_idx ON announcements (author_id);

-- Who received it (who may read it); the unsubscribe link of their e-mail, hashed (NULL: in-app
-- only, their address unproven or annonces by e-mail turned off).
CREATE TABLE announcement_recipients (
    announcement_id  INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
    user_id          INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    unsubscribe_hash TEXT,
    PRIMARY KEY (announcement_id, user_id)
);
CREATE INDEX announcement_recipients_user_idx ON announcement_recipients (user_id, announcement_id);
CREATE UNIQUE INDEX announcement_recipients_unsubscribe_idx ON announcement_recipients (unsubscribe_hash);

-- Annonces by e-mail: on unless the person turned them off (one click, or their account page).
ALTER TABLE users ADD COLUMN announcements_by_mail INTEGER NOT NULL DEFAULT 1;

-- The RFC 8058 List-Unsubscribe address of a mail (annonces only).
ALTER TABLE mail_outbox ADD COLUMN list_unsubscribe TEXT;

-- An annonce's notification points at it. SQLite rebuilds the table to change its CHECK
-- (foreign keys are off during migrations); nothing references notifications.
CREATE TABLE notifications_new (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CHECK (kind IN ('mention', 'comment', 'reply', 'thread_reply', 'reaction',
                        'coopain_request', 'coopain_accepted', 'group_request', 'group_accepted', 'group_refused',
                        'action_changed', 'action_cancelled', 'action_promoted', 'action_reminder',
                        'action_proposed', 'action_approved', 'member_left', 'member_arrived',
                        'organizer_invited', 'organizer_accepted',
                        'moderation_decision', 'report_handled', 'appeal_decided', 'content_held', 'announcement')),
    actor_id        INTEGER REFERENCES users (id) ON DELETE CASCADE,
    post_id         INTEGER REFERENCES posts (id) ON DELETE CASCADE,
    comment_id      INTEGER REFERENCES comments (id) ON DELETE CASCADE,
    group_id        INTEGER REFERENCES groups (id) ON DELETE CASCADE,
    action_id       INTEGER REFERENCES actions (id) ON DELETE CASCADE,
    count           INTEGER NOT NULL DEFAULT 1,
    created_at      INTEGER NOT NULL,
    read_at         INTEGER,
    decision_id     INTEGER REFERENCES moderation_decisions (id) ON DELETE CASCADE,
    announcement_id INTEGER REFERENCES announcements (id) ON DELETE CASCADE
);
INSERT INTO notifications_new (id, user_id, kind, actor_id, post_id, comment_id, group_id, action_id, count, created_at, read_at, decision_id)
    SELECT id, user_id, kind, actor_id, post_id, comment_id, group_id, action_id, count, created_at, read_at, decision_id FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_user_idx ON notifications (user_id, id);
CREATE INDEX notifications_unread_idx ON notifications (user_id, read_at);
CREATE INDEX notifications_actor_idx ON notifications (user_id, actor_id, kind, created_at);
CREATE INDEX notifications_decision_idx ON notifications (decision_id);
CREATE INDEX notifications_announcement_idx ON notifications (announcement_id);
