-- Photos in comptes-rendus (issue 21): a stored picture may now be held by an action's
-- compte-rendu (`report_action`). They are the sender's (their quota, gone with their account)
-- and go with the compte-rendu. Their rows are what pages draw (no JSON copy): the action's page
-- and the form read them in the bundle they already run. SQLite cannot change a CHECK: the table
-- is rebuilt again (nothing references it).
CREATE TABLE media_rebuilt (
    id              INTEGER PRIMARY KEY,
    key             TEXT    NOT NULL UNIQUE,
    owner_id        INTEGER REFERENCES users (id) ON DELETE CASCADE,
    post_id         INTEGER REFERENCES posts (id) ON DELETE CASCADE,
    avatar_of       INTEGER REFERENCES users (id) ON DELETE CASCADE,
    section_banner  INTEGER REFERENCES sections (id) ON DELETE CASCADE,
    group_banner    INTEGER REFERENCES groups (id) ON DELETE CASCADE,
    report_action   INTEGER REFERENCES action_reports (action_id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    alt             TEXT    NOT NULL,
    width           INTEGER NOT NULL CHECK (width > 0),
    height          INTEGER NOT NULL CHECK (height > 0),
    colour          TEXT    NOT NULL,
    widths          TEXT    NOT NULL,
    bytes           INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    CHECK ((post_id IS NOT NULL) + (avatar_of IS NOT NULL) + (section_banner IS NOT NULL) + (group_banner IS NOT NULL)
           + (report_action IS NOT NULL) = 1)
);
INSERT INTO media_rebuilt (id, key, owner_id, post_id, avatar_of, section_banner, group_banner, position, alt, width, height,
                           colour, widths, bytes, created_at)
    SELECT id, key, owner_id, post_id, avatar_of, section_banner, group_banner, position, alt, width, height, colour, widths,
           bytes, created_at FROM media;
DROP TABLE media;
ALTER TABLE media_rebuilt RENAME TO media;
CREATE INDEX media_post_idx ON media (post_id, position);
CREATE INDEX media_owner_idx ON media (owner_id, created_at);
CREATE UNIQUE INDEX media_avatar_idx ON media (avatar_of);
CREATE UNIQUE INDEX media_section_banner_idx ON media (section_banner);
CREATE UNIQUE INDEX media_group_banner_idx ON media (group_banner);
CREATE INDEX media_report_idx ON media (report_action, position);
