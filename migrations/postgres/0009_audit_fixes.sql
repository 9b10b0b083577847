-- Fixes of the outside audit (issue 14).

-- A participant chooses whether other participants see their first name (organizers see who
-- comes regardless, with what each agreed to share).
ALTER TABLE action_rsvps ADD COLUMN show_first_name BOOLEAN NOT NULL DEFAULT FALSE;

-- Naming an organizer is an invitation: NULL until the person accepts it.
ALTER TABLE action_organizers ADD COLUMN accepted_at BIGINT;
UPDATE action_organizers SET accepted_at = 0;
ALTER TABLE action_organizers ADD COLUMN invited_by BIGINT REFERENCES users (id) ON DELETE SET NULL;

-- A compte-rendu keeps its first author (who, with the organizers, may rewrite it), its last
-- editor, and when its free-text notes expire (with the contacts met).
ALTER TABLE action_reports ADD COLUMN updated_by BIGINT REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE action_reports ADD COLUMN notes_expire_at BIGINT;
UPDATE action_reports SET updated_by = author_id,
    notes_expire_at = COALESCE((SELECT MAX(c.expires_at) FROM action_contacts c WHERE c.action_id = action_reports.action_id),
                               updated_at + 15552000000);
CREATE INDEX action_reports_notes_expiry_idx ON action_reports (notes_expire_at);

-- Every version of a compte-rendu, the current one included (statistics read action_reports).
CREATE TABLE action_report_revisions (
    id              BIGSERIAL PRIMARY KEY,
    action_id       BIGINT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    author_id       BIGINT REFERENCES users (id) ON DELETE SET NULL,
    present         BIGINT NOT NULL,
    tracts          BIGINT NOT NULL,
    doors_knocked   BIGINT NOT NULL,
    doors_opened    BIGINT NOT NULL,
    conversations   BIGINT NOT NULL,
    calls           BIGINT NOT NULL,
    notes           TEXT   NOT NULL DEFAULT '',
    notes_expire_at BIGINT,
    created_at      BIGINT NOT NULL
);
CREATE INDEX action_report_revisions_action_idx ON action_report_revisions (action_id, id);
CREATE INDEX action_report_revisions_expiry_idx ON action_report_revisions (notes_expire_at);
INSERT INTO action_report_revisions (action_id, author_id, present, tracts, doors_knocked, doors_opened, conversations,
    calls, notes, notes_expire_at, created_at)
    SELECT action_id, author_id, present, tracts, doors_knocked, doors_opened, conversations, calls, notes,
           notes_expire_at, updated_at FROM action_reports;

-- Idempotency keys belong to one person and one action: another person's key, or the same key
-- for another action, is not a replay.
DELETE FROM action_report_submissions WHERE user_id IS NULL;
ALTER TABLE action_report_submissions DROP CONSTRAINT action_report_submissions_pkey;
ALTER TABLE action_report_submissions ALTER COLUMN user_id SET NOT NULL;
ALTER TABLE action_report_submissions DROP CONSTRAINT action_report_submissions_user_id_fkey;
ALTER TABLE action_report_submissions ADD CONSTRAINT action_report_submissions_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE action_report_submissions ADD PRIMARY KEY (user_id, action_id, idempotency_key);

-- New notification kinds: an invitation to co-organize, its answer.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('mention', 'comment', 'reply',
    'thread_reply', 'reaction', 'coopain_request', 'coopain_accepted', 'group_request', 'group_accepted',
    'group_refused', 'action_changed', 'action_cancelled', 'action_promoted', 'action_reminder', 'action_proposed',
    'action_approved', 'member_left', 'member_arrived', 'organizer_invited', 'organizer_accepted'));
-- "Was this person already told of this coopain request lately?"
CREATE INDEX notifications_actor_idx ON notifications (user_id, actor_id, kind, created_at);
