-- Débats (issue 20): a question put to a section, a federation or a group, with contributions
-- (pour, contre, nuance; replies; supports), propositions (supported, selected for a vote, merged),
-- a synthèse at closing; a vote may come from a debate's selected propositions.
CREATE TABLE debates (
    id               INTEGER PRIMARY KEY,
    scope_kind       TEXT    NOT NULL CHECK (scope_kind IN ('section', 'federation', 'group')),
    -- The section's id, the federation's code, or the group's id.
    scope_code       TEXT    NOT NULL,
    -- 'public': anyone reads it; 'scope': the scope's people (and the teams above) only.
    audience         TEXT    NOT NULL CHECK (audience IN ('public', 'scope')),
    author_id        INTEGER REFERENCES users (id) ON DELETE SET NULL,
    title            TEXT    NOT NULL,
    description      TEXT    NOT NULL,
    description_html TEXT    NOT NULL,
    opens_at         INTEGER NOT NULL,
    closes_at        INTEGER NOT NULL CHECK (closes_at > opens_at),
    -- An adhérent's debate waits for the team's approval (NULL until then); the team's is approved at once.
    approved_at      INTEGER,
    synthesis        TEXT,
    synthesis_html   TEXT,
    synthesis_at     INTEGER,
    contribution_count INTEGER NOT NULL DEFAULT 0,
    proposal_count   INTEGER NOT NULL DEFAULT 0,
    created_at       INTEGER NOT NULL
);
CREATE INDEX debates_scope_idx ON debates (scope_kind, scope_code, created_at, id);
CREATE INDEX debates_created_idx ON debates (created_at, id);
CREATE INDEX debates_author_idx ON debates (author_id);

-- A contribution (stance 'pour', 'contre' or 'nuance') or a reply to one (parent, no stance).
CREATE TABLE debate_contributions (
    id            INTEGER PRIMARY KEY,
    debate_id     INTEGER NOT NULL REFERENCES debates (id) ON DELETE CASCADE,
    parent_id     INTEGER REFERENCES debate_contributions (id) ON DELETE CASCADE,
    author_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    stance        TEXT    CHECK (stance IN ('pour', 'contre', 'nuance')),
    body          TEXT    NOT NULL,
    body_html     TEXT    NOT NULL,
    support_count INTEGER NOT NULL DEFAULT 0,
    pinned_at     INTEGER,
    created_at    INTEGER NOT NULL,
    CHECK ((parent_id IS NULL) = (stance IS NOT NULL))
);
-- The debate's contributions by date and by supports (keyset), and each one's replies.
CREATE INDEX debate_contributions_date_idx ON debate_contributions (debate_id, parent_id, id);
CREATE INDEX debate_contributions_support_idx ON debate_contributions (debate_id, support_count, id);
CREATE INDEX debate_contributions_parent_idx ON debate_contributions (parent_id, id);
CREATE INDEX debate_contributions_author_idx ON debate_contributions (author_id);

-- "+1": one per person and contribution (the key); only the count is shown.
CREATE TABLE debate_supports (
    contribution_id INTEGER NOT NULL REFERENCES debate_contributions (id) ON DELETE CASCADE,
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at      INTEGER NOT NULL,
    PRIMARY KEY (contribution_id, user_id)
) WITHOUT ROWID;
CREATE INDEX debate_supports_user_idx ON debate_supports (user_id);

-- A proposition: selected for a vote by the team, or merged into another (which it then points to).
CREATE TABLE debate_proposals (
    id            INTEGER PRIMARY KEY,
    debate_id     INTEGER NOT NULL REFERENCES debates (id) ON DELETE CASCADE,
    author_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title         TEXT    NOT NULL,
    body          TEXT    NOT NULL,
    body_html     TEXT    NOT NULL,
    support_count INTEGER NOT NULL DEFAULT 0,
    selected_at   INTEGER,
    merged_into_id INTEGER REFERENCES debate_proposals (id) ON DELETE SET NULL,
    created_at    INTEGER NOT NULL
);
CREATE INDEX debate_proposals_debate_idx ON debate_proposals (debate_id, support_count, id);
CREATE INDEX debate_proposals_author_idx ON debate_proposals (author_id);
CREATE INDEX debate_proposals_merged_idx ON debate_proposals (merged_into_id);

CREATE TABLE debate_proposal_supports (
    proposal_id INTEGER NOT NULL REFERENCES debate_proposals (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (proposal_id, user_id)
) WITHOUT ROWID;
CREATE INDEX debate_proposal_supports_user_idx ON debate_proposal_supports (user_id);

-- A vote put from a debate's selected propositions: the debate's page follows it to the actions.
ALTER TABLE votes ADD COLUMN debate_id INTEGER REFERENCES debates (id) ON DELETE SET NULL;
CREATE INDEX votes_debate_idx ON votes (debate_id);
-- An action decided by a closed debate (without a vote): its page says "décidé le … par le débat …".
ALTER TABLE actions ADD COLUMN decided_by_debate_id INTEGER REFERENCES debates (id) ON DELETE SET NULL;
CREATE INDEX actions_decided_by_debate_idx ON actions (decided_by_debate_id);

-- Live: a debate moved (its page fetches itself again), a ballot was cast (the count moves). Ids only.
ALTER TABLE events ADD COLUMN debate_id INTEGER;
ALTER TABLE events ADD COLUMN vote_id INTEGER;
