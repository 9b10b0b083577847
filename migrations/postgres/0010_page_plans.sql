-- Coopain suggestions by shared interest look up the others who wrote the same interest (any
-- case) instead of reading every list item of everyone (issue 15: /coopains on PostgreSQL).
CREATE INDEX profile_list_items_value_idx ON profile_list_items (list, LOWER(value));
