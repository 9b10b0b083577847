-- The people who took part in a thread of comments are told of later replies in it, and a
-- section's team of the members who move in or out.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('mention', 'comment', 'reply',
    'thread_reply', 'reaction', 'coopain_request', 'coopain_accepted', 'group_request', 'group_accepted',
    'group_refused', 'action_changed', 'action_cancelled', 'action_promoted', 'action_reminder', 'action_proposed',
    'action_approved', 'member_left', 'member_arrived'));
-- Who wrote in a thread: its replies by parent.
CREATE INDEX comments_parent_idx ON comments (parent_id, author_id);
-- A person's moves, counted against the limit (COOPOL_MOVE_LIMIT per COOPOL_MOVE_WINDOW_DAYS).
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, action, at);
