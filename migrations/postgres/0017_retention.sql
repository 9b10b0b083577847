-- Retention (issue 17, as the CNIL recommends for political parties): the data of sympathisants
-- and of people who left is kept at most 3 years after their last visit, with a warning by e-mail
-- a month before. `last_seen_at` is written with the session's own activity (at most every few
-- minutes); NULL (accounts loaded by the demo) never counts as old. `retention_warned_at` says
-- when the warning left; a visit after it starts the count again.
ALTER TABLE users ADD COLUMN last_seen_at BIGINT;
ALTER TABLE users ADD COLUMN retention_warned_at BIGINT;
UPDATE users SET last_seen_at = COALESCE((SELECT MAX(s.last_seen_at) FROM sessions s WHERE s.user_id = users.id), updated_at);
CREATE INDEX users_last_seen_idx ON users (last_seen_at);
