//! The demo's débats: in each section, the debate the counted vote came from ("Où tracter en
//! priorité ce mois-ci ?", closed with a synthèse, its three selected propositions put to that
//! vote), and an open one on the municipal programme, with contributions pour, contre and nuance
//! from the section's first adhérents, two propositions, and supports. Set-based statements.

use app::on_pool;
use app::server::Db;

use super::bulk::{execute_alone, text};
use super::SeedReport;

const DAY: i64 = 86_400_000;
const WHERE_TO: &str = "Où tracter en priorité ce mois-ci ?";
const PROGRAMME: &str = "Quelles priorités pour notre programme municipal ?";
const SAID: [(&str, &str); 4] = [
    ("pour", "Des cantines bio et locales dans toutes les écoles : c’est ce qu’on nous demande au marché."),
    ("nuance", "D’accord sur le fond, mais commençons par deux écoles pilotes pour tenir le budget."),
    ("contre", "La priorité, c’est le logement : les loyers explosent dans le quartier de la gare."),
    ("pour", "Les deux se tiennent : une ville où l’on vit bien, c’est aussi une ville où l’on mange bien."),
];

pub(super) async fn load_debates(db: &Db, now: i64, report: &mut SeedReport) -> Result<(), sqlx::Error> {
    let (closed_opens, closed_closes) = (now - 30 * DAY, now - 21 * DAY);
    let (open_opens, open_closes) = (now - 3 * DAY, now + 11 * DAY);
    let said = SAID
        .iter()
        .enumerate()
        .map(|(i, (stance, body))| format!("SELECT {} AS n, '{stance}' AS stance, {} AS body", i + 1, text(body)))
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    let debate = |title: &str, description: &str, opens: i64, closes: i64, synthesis: Option<&str>| {
        let synthesis_html = synthesis.map(|s| text(&format!("<p>{s}</p>"))).unwrap_or_else(|| "NULL".into());
        let synthesis = synthesis.map(text).unwrap_or_else(|| "NULL".into());
        let at = if synthesis == "NULL" { "NULL".to_string() } else { closes.to_string() };
        format!(
            "INSERT INTO debates (scope_kind, scope_code, audience, author_id, title, description, description_html, opens_at, closes_at, \
             approved_at, synthesis, synthesis_html, synthesis_at, created_at) \
             SELECT 'section', CAST(s.id AS TEXT), 'scope', MIN(r.user_id), {}, {}, {}, {opens}, {closes}, {opens}, {synthesis}, \
             {synthesis_html}, {at}, {opens} FROM sections s \
             JOIN roles r ON r.role = 'section_secretary' AND r.scope_kind = 'section' AND r.scope_code = CAST(s.id AS TEXT) \
             GROUP BY s.id ORDER BY s.id",
            text(title),
            text(description),
            text(&format!("<p>{description}</p>")),
        )
    };
    // The section's first four confirmed adhérents (the secretary aside), numbered per debate.
    let first_adherents = format!(
        "SELECT d.id AS debate_id, u.id AS user_id, ROW_NUMBER() OVER (PARTITION BY d.id ORDER BY u.id) AS n FROM debates d \
         JOIN section_communes sc ON CAST(sc.section_id AS TEXT) = d.scope_code JOIN users u ON u.commune_insee = sc.insee \
         WHERE d.title = {} AND u.id <> d.author_id AND u.suspended_at IS NULL AND u.membership = 'adherent' \
         AND u.membership_status = 'confirmed'",
        text(PROGRAMME)
    );
    let statements = [
        debate(
            WHERE_TO,
            "Trois lieux sont proposés : dis ce que tu en penses, propose-en d’autres.",
            closed_opens,
            closed_closes,
            Some("Trois lieux retenus, mis au vote au jugement majoritaire : le marché du centre, la gare, le marché couvert."),
        ),
        debate(PROGRAMME, "Les ateliers ont dégagé des pistes : à toi de peser, de nuancer, de proposer.", open_opens, open_closes, None),
        format!(
            "INSERT INTO debate_proposals (debate_id, author_id, title, body, body_html, support_count, selected_at, created_at) \
             SELECT d.id, d.author_id, v.label, '', '', 0, {closed_closes}, {closed_opens} FROM debates d \
             JOIN votes vt ON vt.scope_code = d.scope_code AND vt.kind = 'jugement_majoritaire' \
             JOIN vote_options v ON v.vote_id = vt.id WHERE d.title = {} ORDER BY d.id, v.position",
            text(WHERE_TO)
        ),
        format!(
            "UPDATE votes SET debate_id = (SELECT d.id FROM debates d WHERE d.scope_code = votes.scope_code AND d.title = {}) \
             WHERE kind = 'jugement_majoritaire'",
            text(WHERE_TO)
        ),
        format!(
            "INSERT INTO debate_contributions (debate_id, author_id, stance, body, body_html, created_at) \
             SELECT a.debate_id, a.user_id, t.stance, t.body, '<p>' || t.body || '</p>', {open_opens} + a.n * 3600000 \
             FROM ({first_adherents}) a JOIN ({said}) t ON t.n = a.n ORDER BY a.debate_id, a.n"
        ),
        format!(
            "INSERT INTO debate_proposals (debate_id, author_id, title, body, body_html, created_at) \
             SELECT a.debate_id, a.user_id, CASE WHEN a.n = 1 THEN 'Cantines bio et locales' ELSE 'Un office public du logement' END, \
             '', '', {open_opens} + a.n * 7200000 FROM ({first_adherents}) a WHERE a.n <= 2 ORDER BY a.debate_id, a.n"
        ),
        "INSERT INTO debate_supports (contribution_id, user_id, created_at) \
         SELECT c.id, d.author_id, c.created_at FROM debate_contributions c JOIN debates d ON d.id = c.debate_id \
         WHERE c.stance IN ('pour', 'nuance') ORDER BY c.id"
            .to_string(),
        "UPDATE debate_contributions SET support_count = (SELECT COUNT(*) FROM debate_supports s WHERE s.contribution_id = debate_contributions.id)"
            .to_string(),
        "UPDATE debates SET contribution_count = (SELECT COUNT(*) FROM debate_contributions c WHERE c.debate_id = debates.id), \
         proposal_count = (SELECT COUNT(*) FROM debate_proposals p WHERE p.debate_id = debates.id)"
            .to_string(),
    ];
    for sql in &statements {
        execute_alone(db, sql).await?;
    }
    for table in ["debates", "debate_contributions", "debate_proposals"] {
        let n: i64 = on_pool!(db.read(), p => sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(p).await)?;
        report.rows.push((table, n as u64));
    }
    Ok(())
}
