-- "Télécharger mes données" (issue 17): an export is asked for, prepared by a background worker
-- (leased, so two instances never build the same one), kept 7 days, then deleted. The archive is
-- stored here, not on one instance's disk, so any instance can serve the download.
CREATE TABLE data_exports (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status       TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'ready', 'failed')),
    -- 0 to 100, shown while it is prepared.
    progress     INTEGER NOT NULL DEFAULT 0,
    requested_at INTEGER NOT NULL,
    leased_until INTEGER,
    ready_at     INTEGER,
    expires_at   INTEGER,
    archive      BLOB,
    size_bytes   INTEGER
);
CREATE INDEX data_exports_user ON data_exports (user_id, requested_at);
CREATE INDEX data_exports_pending ON data_exports (status, requested_at);
