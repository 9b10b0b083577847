-- Reporting a message (issue 19): 'message' becomes a kind of reported item.
ALTER TABLE moderation_cases DROP CONSTRAINT moderation_cases_item_kind_check;
ALTER TABLE moderation_cases ADD CONSTRAINT moderation_cases_item_kind_check
    CHECK (item_kind IN ('post', 'comment', 'profile', 'group', 'action', 'message'));
ALTER TABLE moderation_decisions DROP CONSTRAINT moderation_decisions_item_kind_check;
ALTER TABLE moderation_decisions ADD CONSTRAINT moderation_decisions_item_kind_check
    CHECK (item_kind IN ('post', 'comment', 'profile', 'group', 'action', 'message'));
