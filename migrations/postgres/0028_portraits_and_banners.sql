-- Avatars and banners (issue 21): a stored picture is now held by a publication, a person (their
-- avatar), a section or a group (its banner) — exactly one. A banner is the section's or group's,
-- not its sender's: its row has no owner (it stays when its sender's account goes, and no
-- person's quota counts it).
ALTER TABLE media DROP CONSTRAINT media_post_id_check;
ALTER TABLE media ADD COLUMN avatar_of BIGINT REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE media ADD COLUMN section_banner BIGINT REFERENCES sections (id) ON DELETE CASCADE;
ALTER TABLE media ADD COLUMN group_banner BIGINT REFERENCES groups (id) ON DELETE CASCADE;
ALTER TABLE media ADD CONSTRAINT media_one_holder CHECK (num_nonnulls(post_id, avatar_of, section_banner, group_banner) = 1);
-- One avatar per person, one banner per section and per group.
CREATE UNIQUE INDEX media_avatar_idx ON media (avatar_of);
CREATE UNIQUE INDEX media_section_banner_idx ON media (section_banner);
CREATE UNIQUE INDEX media_group_banner_idx ON media (group_banner);

-- The picture as pages draw it (JSON `model::media::Picture`, '' when none), written with its
-- row: a card, a profile or a section's page reads it with its own row, no statement more.
ALTER TABLE users ADD COLUMN avatar TEXT NOT NULL DEFAULT '';
ALTER TABLE sections ADD COLUMN banner TEXT NOT NULL DEFAULT '';
ALTER TABLE groups ADD COLUMN banner TEXT NOT NULL DEFAULT '';
