//! The demo's votes: each section's secretary consulted the section twice — a jugement
//! majoritaire on where to leaflet, closed and counted a fortnight ago (two electors in three
//! voted), and a oui / non on the local programme, open until next week (one in four voted so
//! far; the documented secretary and adhérent have not, so they can try it). The votes, options,
//! electorates and participations are set-based statements; the ballots are generated here, with
//! random receipts and no link to anyone, exactly as many as participations.

use app::model::votes::{tally, Choice, VoteKind, YesNo};
use app::on_pool;
use app::server::Db;

use super::bulk::{execute, execute_alone, text, Rng};
use super::SeedReport;

const DAY: i64 = 86_400_000;
const MARKETS: [&str; 3] = ["Marché du centre, samedi matin", "Sortie de la gare, vendredi soir", "Marché couvert, dimanche matin"];
const DOCUMENTED: &str = "(SELECT id FROM users WHERE email IN ('secretaire@demo.coopol.fr', 'adherent@demo.coopol.fr'))";

pub(super) async fn load_votes(db: &Db, now: i64, report: &mut SeedReport) -> Result<(), sqlx::Error> {
    let options = MARKETS
        .iter()
        .enumerate()
        .map(|(i, m)| format!("SELECT {i} AS position, {} AS label", text(m)))
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    let (closed_opens, closed_closes) = (now - 20 * DAY, now - 13 * DAY);
    let (open_opens, open_closes) = (now - 2 * DAY, now + 5 * DAY);
    let statements = [
        format!(
            "INSERT INTO votes (scope_kind, scope_code, author_id, title, description, description_html, kind, max_choices, opens_at, \
             closes_at, quorum_percent, electorate_count, created_at) \
             SELECT 'section', CAST(s.id AS TEXT), MIN(r.user_id), 'Où tracter en priorité ce mois-ci ?', \
             'Trois lieux proposés en réunion de section : donne une mention à chacun.', \
             '<p>Trois lieux proposés en réunion de section : donne une mention à chacun.</p>', 'jugement_majoritaire', 1, \
             {closed_opens}, {closed_closes}, 25, 0, {closed_opens} FROM sections s \
             JOIN roles r ON r.role = 'section_secretary' AND r.scope_kind = 'section' AND r.scope_code = CAST(s.id AS TEXT) \
             GROUP BY s.id ORDER BY s.id"
        ),
        format!(
            "INSERT INTO votes (scope_kind, scope_code, author_id, title, description, description_html, kind, max_choices, opens_at, \
             closes_at, quorum_percent, electorate_count, created_at) \
             SELECT 'section', CAST(s.id AS TEXT), MIN(r.user_id), 'Adoptons-nous le projet de programme municipal ?', \
             'Le projet issu des ateliers de la section, amendé en assemblée générale.', \
             '<p>Le projet issu des ateliers de la section, amendé en assemblée générale.</p>', 'oui_non', 1, \
             {open_opens}, {open_closes}, NULL, 0, {open_opens} FROM sections s \
             JOIN roles r ON r.role = 'section_secretary' AND r.scope_kind = 'section' AND r.scope_code = CAST(s.id AS TEXT) \
             GROUP BY s.id ORDER BY s.id"
        ),
        format!(
            "INSERT INTO vote_options (vote_id, position, label) SELECT v.id, o.position, o.label FROM votes v CROSS JOIN ({options}) o \
             WHERE v.kind = 'jugement_majoritaire' ORDER BY v.id, o.position"
        ),
        "INSERT INTO vote_electors (vote_id, user_id) SELECT v.id, u.id FROM votes v \
         JOIN section_communes sc ON CAST(sc.section_id AS TEXT) = v.scope_code JOIN users u ON u.commune_insee = sc.insee \
         WHERE u.suspended_at IS NULL AND u.membership = 'adherent' AND u.membership_status = 'confirmed' ORDER BY v.id, u.id"
            .to_string(),
        "UPDATE votes SET electorate_count = (SELECT COUNT(*) FROM vote_electors e WHERE e.vote_id = votes.id)".to_string(),
        format!(
            "INSERT INTO vote_participations (vote_id, user_id) SELECT e.vote_id, e.user_id FROM vote_electors e JOIN votes v ON v.id = e.vote_id \
             WHERE (v.kind = 'jugement_majoritaire' AND e.user_id % 3 <> 0) \
             OR (v.kind = 'oui_non' AND e.user_id % 4 = 0 AND e.user_id NOT IN {DOCUMENTED}) ORDER BY e.vote_id, e.user_id"
        ),
    ];
    for sql in &statements {
        execute_alone(db, sql).await?;
    }
    let counts: Vec<(i64, String, i64)> = on_pool!(db.read(), p => sqlx::query_as(
        "SELECT v.id, v.kind, (SELECT CAST(COUNT(*) AS BIGINT) FROM vote_participations p WHERE p.vote_id = v.id) FROM votes v ORDER BY v.id")
        .fetch_all(p)
        .await)?;
    let mut rng = Rng::new(2026);
    let mut tx = db.begin().await?;
    for (vote, kind, participants) in counts {
        let kind = VoteKind::parse(&kind).unwrap_or(VoteKind::YesNo);
        let choices: Vec<String> = (0..participants).map(|_| demo_choice(kind, &mut rng).encode()).collect();
        let mut rows: Vec<String> = choices.iter().map(|c| format!("({vote}, {}, {})", text(&receipt(&mut rng)), text(c))).collect();
        // The order of ids, as counting leaves them.
        rows.sort();
        for chunk in rows.chunks(1_000) {
            execute(&mut tx, &format!("INSERT INTO vote_ballots (vote_id, id, choice) VALUES {}", chunk.join(", "))).await?;
        }
        if kind == VoteKind::MajorityJudgment {
            let result = tally(kind, MARKETS.len(), 1, choices.iter().map(String::as_str));
            let json = serde_json::to_string(&result).unwrap_or_default();
            execute(
                &mut tx,
                &format!(
                    "UPDATE votes SET tallied_at = closes_at, ballot_count = {participants}, result = {} WHERE id = {vote}",
                    text(&json)
                ),
            )
            .await?;
        }
    }
    tx.commit().await?;
    for table in ["votes", "vote_electors", "vote_ballots"] {
        let n: i64 = on_pool!(db.read(), p => sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(p).await)?;
        report.rows.push((table, n as u64));
    }
    Ok(())
}

/// A plausible ballot: the centre market liked, the station mixed, Sunday less so; a programme
/// mostly adopted.
fn demo_choice(kind: VoteKind, rng: &mut Rng) -> Choice {
    match kind {
        VoteKind::MajorityJudgment => Choice::Grades(vec![rng.between(3, 6) as u8, rng.between(1, 5) as u8, rng.between(0, 4) as u8]),
        _ => Choice::YesNo(match rng.below(10) {
            0..=6 => YesNo::Yes,
            7 | 8 => YesNo::No,
            _ => YesNo::Abstain,
        }),
    }
}

/// A receipt like the service's (`XXXX-XXXX-XXXX-XXXX`, Crockford's base 32), from the seed.
fn receipt(rng: &mut Rng) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let bits = rng.next_u64();
    let more = rng.next_u64();
    let chars: Vec<char> =
        (0..16).map(|i| char::from(ALPHABET[(if i < 12 { bits >> (i * 5) } else { more >> ((i - 12) * 5) } & 31) as usize])).collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}
