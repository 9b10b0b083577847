-- The home feed reads my coopains' publications of one audience ('public', then 'coopains') as
-- one index range per coopain: a coopain who mostly writes for another audience (the national
-- team) no longer makes the feed walk through all of their publications.
CREATE INDEX posts_author_audience_idx ON posts (author_id, audience, id);
