-- Avatars and banners (issue 21): a stored picture is now held by a publication, a person (their
-- avatar), a section or a group (its banner) — exactly one. SQLite cannot change a CHECK: the
-- table is rebuilt (nothing references it). A banner is the section's or group's, not its
-- sender's: its row has no owner (it stays when its sender's account goes, and no person's quota
-- counts it).
CREATE TABLE media_rebuilt (
    id              INTEGER PRIMARY KEY,
    key             TEXT    NOT NULL UNIQUE,
    owner_id        INTEGER REFERENCES users (id) ON DELETE CASCADE,
    post_id         INTEGER REFERENCES posts (id) ON DELETE CASCADE,
    avatar_of       INTEGER REFERENCES users (id) ON DELETE CASCADE,
    section_banner  INTEGER REFERENCES sections (id) ON DELETE CASCADE,
    group_banner    INTEGER REFERENCES groups (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    alt             TEXT    NOT NULL,
    width           INTEGER NOT NULL CHECK (width > 0),
    height          INTEGER NOT NULL CHECK (height > 0),
    colour          TEXT    NOT NULL,
    widths          TEXT    NOT NULL,
    bytes           INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    CHECK ((post_id IS NOT NULL) + (avatar_of IS NOT NULL) + (section_banner IS NOT NULL) + (group_banner IS NOT NULL) = 1)
);
INSERT INTO media_rebuilt (id, key, owner_id, post_id, position, alt, width, height, colour, widths, bytes, created_at)
    SELECT id, key, owner_id, post_id, position, alt, width, height, colour, widths, bytes, created_at FROM media;
DROP TABLE media;
ALTER TABLE media_rebuilt RENAME TO media;
CREATE INDEX media_post_idx ON media (post_id, position);
CREATE INDEX media_owner_idx ON media (owner_id, created_at);
-- One avatar per person, one banner per section and per group.
CREATE UNIQUE INDEX media_avatar_idx ON media (avatar_of);
CREATE UNIQUE INDEX media_section_banner_idx ON media (section_banner);
CREATE UNIQUE INDEX media_group_banner_idx ON media (group_banner);

-- The picture as pages draw it (JSON `model::media::Picture`, '' when none), written with its
-- row: a card, a profile or a section's page reads it with its own row, no statement more.
ALTER TABLE users ADD COLUMN avatar TEXT NOT NULL DEFAULT '';
ALTER TABLE sections ADD COLUMN banner TEXT NOT NULL DEFAULT '';
ALTER TABLE groups ADD COLUMN banner TEXT NOT NULL DEFAULT '';
