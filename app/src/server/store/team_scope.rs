//! How a team's row (an annonce, a vote: `scope_kind` 'section' with the section's id in
//! `scope_code`, or 'federation' with its code) finds its section `s` and its federation `d`.

/// `LEFT JOIN sections s`: the section of a section's row (none for a federation's).
pub fn section_join(alias: &str) -> String {
    format!(
        "LEFT JOIN sections s ON {alias}.scope_kind = 'section' \
         AND s.id = CASE WHEN {alias}.scope_kind = 'section' THEN CAST({alias}.scope_code AS BIGINT) END"
    )
}

/// The section join, then `JOIN departements d`: the section's federation, or the federation itself.
pub fn scope_joins(alias: &str) -> String {
    format!("{} JOIN departements d ON d.code = COALESCE(s.federation_code, {alias}.scope_code)", section_join(alias))
}
