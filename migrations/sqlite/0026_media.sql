-- Pictures (issue 21): a stored picture's row says who sent it, what holds it (a publication for
-- now) and what it looks like; its files are in the media storage under `key/`. A picture is
-- read only by who may see its holder (the serving route checks), and goes with it (cascade;
-- the files of rows gone are collected by the housekeeping job).
CREATE TABLE media (
    id          INTEGER PRIMARY KEY,
    key         TEXT    NOT NULL UNIQUE,
    owner_id    INTEGER REFERENCES users (id) ON DELETE CASCADE,
    post_id     INTEGER REFERENCES posts (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    alt         TEXT    NOT NULL,
    width       INTEGER NOT NULL CHECK (width > 0),
    height      INTEGER NOT NULL CHECK (height > 0),
    colour      TEXT    NOT NULL,
    -- Stored widths, ascending, space-separated ("480 960 1600").
    widths      TEXT    NOT NULL,
    -- Bytes stored for it in all (every width, both encodings): quotas add these up.
    bytes       INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    CHECK (post_id IS NOT NULL)
);
CREATE INDEX media_post_idx ON media (post_id, position);
CREATE INDEX media_owner_idx ON media (owner_id, created_at);

-- A publication's pictures as its cards draw them (JSON list of `model::media::Picture`),
-- written with the publication: a feed page reads them with its rows, no statement more.
ALTER TABLE posts ADD COLUMN pictures TEXT NOT NULL DEFAULT '';
