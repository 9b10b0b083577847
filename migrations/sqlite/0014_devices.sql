-- Mon compte lists the signed-in devices (issue 17): each session gets a public id, so a device
-- can be signed out without its token's hash ever leaving the server, and the approximate client
-- it was last seen with ("Firefox sur Android": the browser and system only, never the whole
-- User-Agent).
ALTER TABLE sessions ADD COLUMN device_id TEXT;
ALTER TABLE sessions ADD COLUMN client TEXT;
UPDATE sessions SET device_id = lower(hex(randomblob(8)));
