//! The demo's conversations: one-to-one conversations between coopains, each section's team in a
//! group conversation, and one long conversation between the documented secretary and adhérent
//! (`LONG_THREAD` messages: a thread pages as fast deep in its history as at its end, which
//! `make bench` can measure). Each section's secretary has sent the section an annonce.
//! Set-based statements over what is loaded: deterministic.

use app::server::Db;

use super::bulk::execute_alone;
use super::SeedReport;

/// One pair of coopains in `PAIR_ONE_IN` has a conversation.
const PAIR_ONE_IN: i64 = 6;
/// Messages per conversation (the long one apart).
const MESSAGES: i64 = 6;
const LONG_THREAD: i64 = 20_000;

pub(super) async fn load_messages(db: &Db, report: &mut SeedReport) -> Result<(), sqlx::Error> {
    let secretary = "(SELECT id FROM users WHERE email = 'secretaire@demo.coopol.fr')";
    let adherent = "(SELECT id FROM users WHERE email = 'adherent@demo.coopol.fr')";
    let long_key = format!(
        "(SELECT CAST(MIN(lu.id) AS TEXT) || ':' || CAST(MAX(lu.id) AS TEXT) FROM users lu WHERE lu.id IN ({secretary}, {adherent}))"
    );
    let statements = [
        // One-to-one: pairs of coopains (stored both ways: the smaller id first, once).
        format!(
            "INSERT INTO conversations (kind, direct_key, created_by, created_at, last_message_at) \
             SELECT 'direct', CAST(k.user_id AS TEXT) || ':' || CAST(k.coopain_id AS TEXT), k.user_id, k.since, k.since FROM coopains k \
             WHERE k.user_id < k.coopain_id AND (k.user_id + k.coopain_id) % {PAIR_ONE_IN} = 0 \
             AND NOT (k.user_id = {secretary} AND k.coopain_id = {adherent}) AND NOT (k.user_id = {adherent} AND k.coopain_id = {secretary}) \
             ORDER BY k.user_id, k.coopain_id"
        ),
        format!(
            "INSERT INTO conversations (kind, direct_key, created_by, created_at, last_message_at) \
             SELECT 'direct', {long_key}, MIN(u.id), MIN(u.created_at), MIN(u.created_at) FROM users u WHERE u.id IN ({secretary}, {adherent})"
        ),
        // Each section's team (its secretary and animators) talks in a group conversation.
        "INSERT INTO conversations (kind, title, created_by, created_at, last_message_at) \
         SELECT 'group', 'Équipe de ' || s.name, MIN(r.user_id), MIN(r.granted_at), MIN(r.granted_at) FROM sections s \
         JOIN roles r ON r.scope_kind = 'section' AND r.scope_code = CAST(s.id AS TEXT) \
         GROUP BY s.id, s.name HAVING COUNT(DISTINCT r.user_id) > 1 ORDER BY s.id"
            .to_string(),
        "INSERT INTO conversation_members (conversation_id, user_id, status, joined_at) \
         SELECT cv.id, k.user_id, 'active', cv.created_at FROM conversations cv \
         JOIN coopains k ON cv.direct_key = CAST(k.user_id AS TEXT) || ':' || CAST(k.coopain_id AS TEXT) \
         UNION ALL SELECT cv.id, k.coopain_id, 'active', cv.created_at FROM conversations cv \
         JOIN coopains k ON cv.direct_key = CAST(k.user_id AS TEXT) || ':' || CAST(k.coopain_id AS TEXT)"
            .to_string(),
        format!(
            "INSERT INTO conversation_members (conversation_id, user_id, status, joined_at) \
             SELECT cv.id, u.id, 'active', cv.created_at FROM conversations cv JOIN users u ON u.id IN ({secretary}, {adherent}) \
             WHERE cv.direct_key = {long_key} \
             AND NOT EXISTS (SELECT 1 FROM conversation_members m WHERE m.conversation_id = cv.id AND m.user_id = u.id)"
        ),
        "INSERT INTO conversation_members (conversation_id, user_id, status, joined_at) \
         SELECT DISTINCT cv.id, r.user_id, 'active', cv.created_at FROM conversations cv JOIN sections s ON cv.title = 'Équipe de ' || s.name \
         JOIN roles r ON r.scope_kind = 'section' AND r.scope_code = CAST(s.id AS TEXT) WHERE cv.kind = 'group' ORDER BY cv.id, r.user_id"
            .to_string(),
        // Messages, written in turn by the members, ten minutes apart.
        format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {MESSAGES}) \
             INSERT INTO messages (conversation_id, author_id, body, body_html, created_at) \
             SELECT cv.id, CASE WHEN n.i % 2 = 0 THEN (SELECT MIN(m.user_id) FROM conversation_members m WHERE m.conversation_id = cv.id) \
               ELSE (SELECT MAX(m.user_id) FROM conversation_members m WHERE m.conversation_id = cv.id) END, \
             'Message de démonstration n° ' || CAST(n.i AS TEXT), '<p>Message de démonstration n° ' || CAST(n.i AS TEXT) || '</p>', \
             cv.created_at + n.i * 600000 FROM conversations cv CROSS JOIN n \
             WHERE cv.direct_key IS NULL OR cv.direct_key <> {long_key} \
             ORDER BY cv.id, n.i"
        ),
        format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {LONG_THREAD}) \
             INSERT INTO messages (conversation_id, author_id, body, body_html, created_at) \
             SELECT cv.id, CASE WHEN n.i % 2 = 0 THEN {secretary} ELSE {adherent} END, \
             'Échange n° ' || CAST(n.i AS TEXT), '<p>Échange n° ' || CAST(n.i AS TEXT) || '</p>', cv.created_at + n.i * 60000 \
             FROM conversations cv CROSS JOIN n \
             WHERE cv.direct_key = {long_key} \
             ORDER BY n.i"
        ),
        "UPDATE conversations SET last_message_id = (SELECT MAX(x.id) FROM messages x WHERE x.conversation_id = conversations.id), \
         last_message_at = (SELECT MAX(x.created_at) FROM messages x WHERE x.conversation_id = conversations.id)"
            .to_string(),
        // Most have read everything; one member in three has the last two messages to read.
        "UPDATE conversation_members SET last_read_id = (SELECT CASE WHEN (conversation_members.user_id + conversation_members.conversation_id) % 3 = 0 \
         THEN cv.last_message_id - 2 ELSE cv.last_message_id END FROM conversations cv WHERE cv.id = conversation_members.conversation_id)"
            .to_string(),
    ];
    for sql in &statements {
        execute_alone(db, sql).await?;
    }
    for table in ["conversations", "conversation_members", "messages"] {
        let n: i64 = app::on_pool!(db.read(), p => sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(p).await)?;
        report.rows.push((table, n as u64));
    }
    Ok(())
}

/// Each section's secretary wrote to the whole section a day after being named (an in-app
/// notification each; no mail: the demo's addresses receive none).
pub(super) async fn load_announcements(db: &Db, report: &mut SeedReport) -> Result<(), sqlx::Error> {
    let statements = [
        "INSERT INTO announcements (scope_kind, scope_code, author_id, segment, segment_arg, subject, body, body_html, \
         recipient_count, mail_count, created_at) \
         SELECT 'section', CAST(s.id AS TEXT), MIN(r.user_id), 'all', '', 'Assemblée générale de la section ' || s.name, \
         'Chères et chers camarades, notre assemblée générale a lieu jeudi à 19 h au local : ordre du jour, bilan des actions, campagne.', \
         '<p>Chères et chers camarades, notre assemblée générale a lieu jeudi à 19 h au local : ordre du jour, bilan des actions, campagne.</p>', \
         0, 0, MIN(r.granted_at) + 86400000 FROM sections s \
         JOIN roles r ON r.role = 'section_secretary' AND r.scope_kind = 'section' AND r.scope_code = CAST(s.id AS TEXT) \
         GROUP BY s.id, s.name ORDER BY s.id",
        "INSERT INTO announcement_recipients (announcement_id, user_id) \
         SELECT an.id, u.id FROM announcements an JOIN section_communes sc ON CAST(sc.section_id AS TEXT) = an.scope_code \
         JOIN users u ON u.commune_insee = sc.insee WHERE an.scope_kind = 'section' AND u.suspended_at IS NULL AND u.id <> an.author_id \
         ORDER BY an.id, u.id",
        "UPDATE announcements SET recipient_count = (SELECT COUNT(*) FROM announcement_recipients r WHERE r.announcement_id = announcements.id)",
        "INSERT INTO notifications (user_id, kind, actor_id, announcement_id, created_at) \
         SELECT r.user_id, 'announcement', an.author_id, an.id, an.created_at FROM announcement_recipients r \
         JOIN announcements an ON an.id = r.announcement_id ORDER BY an.id, r.user_id",
    ];
    for sql in statements {
        execute_alone(db, sql).await?;
    }
    for table in ["announcements", "announcement_recipients"] {
        let n: i64 = app::on_pool!(db.read(), p => sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(p).await)?;
        report.rows.push((table, n as u64));
    }
    Ok(())
}
