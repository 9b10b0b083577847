-- The people who took part in a thread of comments are told of later replies in it, and a
-- section's team of the members who move in or out (SQLite
-- rebuilds the table to change its CHECK; nothing references notifications).
CREATE TABLE notifications_new (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('mention', 'comment', 'reply', 'thread_reply', 'reaction',
                   'coopain_request', 'coopain_accepted', 'group_request', 'group_accepted', 'group_refused',
                   'action_changed', 'action_cancelled', 'action_promoted', 'action_reminder',
                   'action_proposed', 'action_approved', 'member_left', 'member_arrived')),
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
-- Who wrote in a thread: its replies by parent.
CREATE INDEX comments_parent_idx ON comments (parent_id, author_id);
-- A person's moves, counted against the limit (COOPOL_MOVE_LIMIT per COOPOL_MOVE_WINDOW_DAYS).
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, action, at);
