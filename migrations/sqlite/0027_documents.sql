-- La boîte à outils (issue 21): documents of a section, a federation or the national level, each
-- with its versions (files in the media storage under their key). A document is read by whom
-- its audience names within its scope (and its team); its files inherit that rule.
CREATE TABLE documents (
    id              INTEGER PRIMARY KEY,
    scope_kind      TEXT    NOT NULL CHECK (scope_kind IN ('section', 'federation', 'national')),
    section_id      INTEGER REFERENCES sections (id) ON DELETE CASCADE,
    federation_code TEXT    REFERENCES departements (code),
    title           TEXT    NOT NULL,
    description     TEXT    NOT NULL,
    category        TEXT    NOT NULL CHECK (category IN ('tract', 'argumentaire', 'affiche', 'image', 'autre')),
    audience        TEXT    NOT NULL CHECK (audience IN ('public', 'membres', 'adherents')),
    -- Space-separated, with a space at each end (" logement tract-marche "): `LIKE '% tag %'`.
    tags            TEXT    NOT NULL,
    -- Title and tags folded (lower case, no accents): what the search box matches.
    search_text     TEXT    NOT NULL,
    -- Midnight, Europe/Paris, of the last day it is valid (NULL: no end).
    valid_until     INTEGER,
    current_version INTEGER NOT NULL,
    download_count  INTEGER NOT NULL DEFAULT 0,
    created_by      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at      INTEGER NOT NULL,
    -- A new version moves the document up the lists.
    updated_at      INTEGER NOT NULL,
    CHECK ((scope_kind = 'section') = (section_id IS NOT NULL)),
    CHECK ((scope_kind = 'national') = (federation_code IS NULL))
);
CREATE INDEX documents_section_idx ON documents (section_id, updated_at);
CREATE INDEX documents_federation_idx ON documents (federation_code, scope_kind, updated_at);
CREATE INDEX documents_scope_idx ON documents (scope_kind, updated_at);

CREATE TABLE document_versions (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    key         TEXT    NOT NULL UNIQUE,
    kind        TEXT    NOT NULL CHECK (kind IN ('pdf', 'jpeg', 'png')),
    bytes       INTEGER NOT NULL,
    note        TEXT    NOT NULL,
    uploaded_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL,
    UNIQUE (document_id, number)
);
CREATE INDEX document_versions_uploader_idx ON document_versions (uploaded_by);

-- "Utiliser pour une action": the material an action's people bring.
CREATE TABLE action_documents (
    action_id   INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    added_by    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    added_at    INTEGER NOT NULL,
    PRIMARY KEY (action_id, document_id)
);
CREATE INDEX action_documents_document_idx ON action_documents (document_id);
