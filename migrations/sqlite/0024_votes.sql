-- Votes (issue 20): a consultation of a section's or a federation's confirmed adhérents.
-- The secret ballot: who voted (`vote_participations`) and what was voted (`vote_ballots`) are
-- kept apart, with nothing that links them — no user id and no time on a ballot, no sequence:
-- both tables are WITHOUT ROWID, so rows live in the order of their keys (a random id for a
-- ballot), never in the order they were written. `app/tests/votes_contract.rs` checks it.
CREATE TABLE votes (
    id                 INTEGER PRIMARY KEY,
    scope_kind         TEXT    NOT NULL CHECK (scope_kind IN ('section', 'federation')),
    -- The section's id, or the federation's code.
    scope_code         TEXT    NOT NULL,
    author_id          INTEGER REFERENCES users (id) ON DELETE SET NULL,
    title              TEXT    NOT NULL,
    description        TEXT    NOT NULL,
    description_html   TEXT    NOT NULL,
    kind               TEXT    NOT NULL CHECK (kind IN ('oui_non', 'un_choix', 'plusieurs_choix', 'jugement_majoritaire')),
    -- How many options a ballot may choose ('plusieurs_choix'); 1 otherwise.
    max_choices        INTEGER NOT NULL DEFAULT 1 CHECK (max_choices >= 1),
    opens_at           INTEGER NOT NULL,
    closes_at          INTEGER NOT NULL CHECK (closes_at > opens_at),
    -- The share of the electorate that must vote for the result to stand (percent), if any.
    quorum_percent     INTEGER CHECK (quorum_percent BETWEEN 1 AND 100),
    electorate_count   INTEGER NOT NULL,
    -- Set when counted: the number of ballots, the result (JSON, `model::votes::VoteResult`) and
    -- the feed publication that announced it.
    tallied_at         INTEGER,
    ballot_count       INTEGER,
    result             TEXT,
    result_post_id     INTEGER REFERENCES posts (id) ON DELETE SET NULL,
    created_at         INTEGER NOT NULL
);
-- A scope's votes, newest first; the votes to count (closed, not counted yet).
CREATE INDEX votes_scope_idx ON votes (scope_kind, scope_code, opens_at, id);
CREATE INDEX votes_due_idx ON votes (tallied_at, closes_at);
CREATE INDEX votes_author_idx ON votes (author_id);

-- The options, in their order (position from 0). A 'oui_non' vote has none: its answers are fixed.
CREATE TABLE vote_options (
    vote_id  INTEGER NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 0),
    label    TEXT    NOT NULL,
    PRIMARY KEY (vote_id, position)
) WITHOUT ROWID;

-- The electorate, fixed at opening: the scope's confirmed adhérents at that moment.
CREATE TABLE vote_electors (
    vote_id INTEGER NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (vote_id, user_id)
) WITHOUT ROWID;
CREATE INDEX vote_electors_user_idx ON vote_electors (user_id, vote_id);

-- Who voted: one row per elector at most (the key), only an elector (the foreign key). No time.
CREATE TABLE vote_participations (
    vote_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    PRIMARY KEY (vote_id, user_id),
    FOREIGN KEY (vote_id, user_id) REFERENCES vote_electors (vote_id, user_id) ON DELETE CASCADE
) WITHOUT ROWID;

-- What was voted: a random id (also the voter's receipt) and the choice, nothing else. Written
-- in the transaction that writes the participation.
CREATE TABLE vote_ballots (
    vote_id INTEGER NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    id      TEXT    NOT NULL,
    choice  TEXT    NOT NULL,
    PRIMARY KEY (vote_id, id)
) WITHOUT ROWID;

-- An action decided by a vote: its page says "décidé le … par le vote …", the vote's page lists
-- it with its compte-rendu.
ALTER TABLE actions ADD COLUMN decided_by_vote_id INTEGER REFERENCES votes (id) ON DELETE SET NULL;
CREATE INDEX actions_decided_by_idx ON actions (decided_by_vote_id);

-- A vote's electors are told it opened: the notification points at it. SQLite rebuilds the table to
-- change its CHECK (foreign keys are off during migrations); nothing references notifications.
CREATE TABLE notifications_new (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CHECK (kind IN ('mention', 'comment', 'reply', 'thread_reply', 'reaction',
                        'coopain_request', 'coopain_accepted', 'group_request', 'group_accepted', 'group_refused',
                        'action_changed', 'action_cancelled', 'action_promoted', 'action_reminder',
                        'action_proposed', 'action_approved', 'member_left', 'member_arrived',
                        'organizer_invited', 'organizer_accepted',
                        'moderation_decision', 'report_handled', 'appeal_decided', 'content_held', 'announcement',
                        'vote_opened')),
    actor_id        INTEGER REFERENCES users (id) ON DELETE CASCADE,
    post_id         INTEGER REFERENCES posts (id) ON DELETE CASCADE,
    comment_id      INTEGER REFERENCES comments (id) ON DELETE CASCADE,
    group_id        INTEGER REFERENCES groups (id) ON DELETE CASCADE,
    action_id       INTEGER REFERENCES actions (id) ON DELETE CASCADE,
    count           INTEGER NOT NULL DEFAULT 1,
    created_at      INTEGER NOT NULL,
    read_at         INTEGER,
    decision_id     INTEGER REFERENCES moderation_decisions (id) ON DELETE CASCADE,
    announcement_id INTEGER REFERENCES announcements (id) ON DELETE CASCADE,
    vote_id         INTEGER REFERENCES votes (id) ON DELETE CASCADE
);
INSERT INTO notifications_new (id, user_id, kind, actor_id, post_id, comment_id, group_id, action_id, count, created_at, read_at, decision_id,
        announcement_id)
    SELECT id, user_id, kind, actor_id, post_id, comment_id, group_id, action_id, count, created_at, read_at, decision_id, announcement_id
    FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_user_idx ON notifications (user_id, id);
CREATE INDEX notifications_unread_idx ON notifications (user_id, read_at);
CREATE INDEX notifications_actor_idx ON notifications (user_id, actor_id, kind, created_at);
CREATE INDEX notifications_decision_idx ON notifications (decision_id);
CREATE INDEX notifications_announcement_idx ON notifications (announcement_id);
CREATE INDEX notifications_vote_idx ON notifications (vote_id);
