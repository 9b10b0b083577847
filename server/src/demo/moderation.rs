//! The demo's moderation: reports on section publications, in each section's queue, about half
//! of them already decided by the section's secretary (classés or avertissements, so the feeds
//! stay as they are), so the queues, cases, journals and statistics have something to show and
//! `make bench` something to measure. Set-based statements over what is loaded: deterministic.

use app::server::Db;

use super::bulk::execute_alone;
use super::SeedReport;

/// One section publication in `EVERY` gets reported (not those of the section's team: a case
/// about a moderator goes to the scope above).
const EVERY: i64 = 25;
/// About one member of the section in `REPORTER_ONE_IN` reports it.
const REPORTER_ONE_IN: i64 = 20;

pub(super) async fn load_moderation(db: &Db, report: &mut SeedReport) -> Result<(), sqlx::Error> {
    let statements = [
        format!(
            "INSERT INTO moderation_cases (item_kind, item_id, concerned_id, scope_kind, scope_code, status, snapshot, context_link, report_count, opened_at) \
             SELECT 'post', p.id, p.author_id, 'section', CAST(p.section_id AS TEXT), 'open', p.body, '/publications/' || CAST(p.id AS TEXT), 0, \
             p.created_at + 3600000 FROM posts p WHERE p.audience = 'section' AND p.section_id IS NOT NULL AND p.id % {EVERY} = 0 \
             AND NOT EXISTS (SELECT 1 FROM roles r WHERE r.user_id = p.author_id AND r.scope_kind = 'section' AND r.scope_code = CAST(p.section_id AS TEXT)) \
             ORDER BY p.id"
        ),
        format!(
            "INSERT INTO moderation_reports (case_id, reporter_id, category, explanation, created_at) \
             SELECT mc.id, u.id, CASE (u.id + mc.id) % 6 WHEN 0 THEN 'harassment' WHEN 1 THEN 'hate' WHEN 2 THEN 'personal_data' \
             WHEN 3 THEN 'spam' WHEN 4 THEN 'misinformation' ELSE 'other' END, '', mc.opened_at \
             FROM moderation_cases mc JOIN section_communes sc ON CAST(sc.section_id AS TEXT) = mc.scope_code JOIN users u ON u.commune_insee = sc.insee \
             WHERE u.id <> mc.concerned_id AND (u.id + mc.id) % {REPORTER_ONE_IN} = 0 ORDER BY mc.id, u.id"
        ),
        "UPDATE moderation_cases SET report_count = (SELECT COUNT(*) FROM moderation_reports r WHERE r.case_id = moderation_cases.id)".to_string(),
        "DELETE FROM moderation_cases WHERE report_count = 0".to_string(),
        // The older half: decided by the secretary, between one hour and two days later.
        "INSERT INTO moderation_decisions (case_id, scope_kind, scope_code, item_kind, kind, rule, reason, concerned_id, decided_by, decided_at, \
         report_count, waited_ms) SELECT mc.id, mc.scope_kind, mc.scope_code, mc.item_kind, CASE WHEN mc.id % 3 = 0 THEN 'warn' ELSE 'dismiss' END, \
         CASE WHEN mc.id % 3 = 0 THEN '1' ELSE '7' END, 'Décision de démonstration', mc.concerned_id, \
         (SELECT MIN(r.user_id) FROM roles r WHERE r.scope_kind = 'section' AND r.scope_code = mc.scope_code AND r.role = 'section_secretary'), \
         mc.opened_at + 3600000 + (mc.id % 48) * 3600000, mc.report_count, 3600000 + (mc.id % 48) * 3600000 \
         FROM moderation_cases mc WHERE mc.id % 2 = 0 ORDER BY mc.id"
            .to_string(),
        "UPDATE moderation_reports SET handled_by = (SELECT d.id FROM moderation_decisions d WHERE d.case_id = moderation_reports.case_id) \
         WHERE case_id % 2 = 0"
            .to_string(),
        "UPDATE moderation_cases SET status = 'decided', report_count = 0 WHERE id % 2 = 0".to_string(),
    ];
    for sql in &statements {
        execute_alone(db, sql).await?;
    }
    for table in ["moderation_cases", "moderation_reports", "moderation_decisions"] {
        let n: i64 = app::on_pool!(db.read(), p => sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(p).await)?;
        report.rows.push((table, n as u64));
    }
    Ok(())
}
