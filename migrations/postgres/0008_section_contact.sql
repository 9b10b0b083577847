-- A section's public contact address, set by its team: how a newcomer or a neighbour reaches it.
ALTER TABLE sections ADD COLUMN contact_email TEXT NOT NULL DEFAULT '';
