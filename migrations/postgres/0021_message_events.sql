-- Live delivery of messages (issue 19): one event per member who receives it, naming the
-- conversation (the stream tells that person which conversation moved and their unread count).
ALTER TABLE events ADD COLUMN conversation_id BIGINT;

-- The mail for the absent looks at the conversations that moved in the last day only.
CREATE INDEX conversations_last_message_idx ON conversations (last_message_at);
