-- Demo accounts (`coopol seed-demo`) are marked, so they can be shown as such and removed.

ALTER TABLE users ADD COLUMN is_demo BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX users_demo_idx ON users (is_demo) WHERE is_demo;
