-- Photos in comptes-rendus (issue 21): a stored picture may now be held by an action's
-- compte-rendu (`report_action`). They are the sender's (their quota, gone with their account)
-- and go with the compte-rendu. Their rows are what pages draw (no JSON copy): the action's page
-- and the form read them in the bundle they already run.
ALTER TABLE media DROP CONSTRAINT media_one_holder;
ALTER TABLE media ADD COLUMN report_action BIGINT REFERENCES action_reports (action_id) ON DELETE CASCADE;
ALTER TABLE media ADD CONSTRAINT media_one_holder
    CHECK (num_nonnulls(post_id, avatar_of, section_banner, group_banner, report_action) = 1);
CREATE INDEX media_report_idx ON media (report_action, position);
