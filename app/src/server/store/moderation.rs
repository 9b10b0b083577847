//! Moderation's tables: cases and their reports, decisions (the journal), appeals, restrictions.
//! Callers check the policy (`policy::moderation`) first; the items' own visibility is read with
//! their store (`posts::visible_in_tx`, …) by `services::moderation`.

use serde::Deserialize;
use sqlx::FromRow;

use crate::model::ids::UserId;
use crate::model::moderation::{DecisionKind, ItemKind, ModerationScope, ReportCategory};
use crate::on_tx;
use crate::server::db::{Db, Tx};
use crate::server::store::bundle::{flag, Arg, Part};

// ---- Scopes ---------------------------------------------------------------------------------------

/// A scope found from its address, with what rules need about it.
#[derive(Debug, Clone, FromRow)]
pub struct ScopeRow {
    pub kind: String,
    pub code: String,
    pub slug: String,
    pub name: String,
    /// A section's federation.
    pub federation_code: Option<String>,
    /// The viewer's role in a group ('admin', 'member', 'pending').
    pub viewer_role: Option<String>,
}

/// Sections, federations and groups as scopes; `{section}`, `{federation}`, `{group}` are the
/// conditions that pick one (by slug or by code).
fn scopes_where(section: &str, federation: &str, group: &str) -> String {
    format!(
        "SELECT 'section' AS kind, CAST(s.id AS TEXT) AS code, s.slug AS slug, s.name AS name, s.federation_code AS federation_code, \
           CAST(NULL AS TEXT) AS viewer_role FROM sections s WHERE $1 = 'section' AND {section} \
         UNION ALL SELECT 'federation', d.code, d.code, d.name, d.code, CAST(NULL AS TEXT) FROM departements d WHERE $1 = 'federation' AND {federation} \
         UNION ALL SELECT 'group', CAST(g.id AS TEXT), g.slug, g.name, CAST(NULL AS TEXT), \
           (SELECT vm.role FROM group_members vm WHERE vm.group_id = g.id AND vm.user_id = $3) FROM groups g WHERE $1 = 'group' AND {group}"
    )
}

/// A section, federation or group from its address's slug or code (the national scope needs no
/// row), with `viewer`'s role when it is a group.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn scope_by_key(db: &Db, kind: &str, slug: &str, viewer: UserId) -> Result<Option<ScopeRow>, sqlx::Error> {
    let sql = scopes_where("s.slug = $2", "d.code = $2", "g.slug = $2");
    crate::on_pool!(db.read(), p => sqlx::query_as::<_, ScopeRow>(&sql).bind(kind).bind(slug).bind(viewer).fetch_optional(p).await)
}

/// A stored scope (kind, code) with its name and slug.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn scope_by_code(tx: &mut Tx, kind: &str, code: &str) -> Result<Option<ScopeRow>, sqlx::Error> {
    let sql = scopes_where("CAST(s.id AS TEXT) = $2", "d.code = $2", "CAST(g.id AS TEXT) = $2");
    on_tx!(tx, c => sqlx::query_as::<_, ScopeRow>(&sql).bind(kind).bind(code).bind(0_i64).fetch_optional(c).await)
}

/// A scope's name and slug, as a part (the national scope has none: no row).
pub fn scope_label_part(scope: &ModerationScope) -> Part {
    let sql = format!(
        "SELECT kind, code, slug, name FROM ({}) AS scopes",
        scopes_where("CAST(s.id AS TEXT) = $2", "d.code = $2", "CAST(g.id AS TEXT) = $2")
    );
    Part::new(sql, &["kind", "code", "slug", "name"], vec![Arg::Text(scope.kind().into()), Arg::Text(scope.code()), Arg::Int(0)])
}

/// The active people who moderate a scope (see `policy::moderation::moderates`).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn moderator_ids(tx: &mut Tx, scope: &ModerationScope) -> Result<Vec<UserId>, sqlx::Error> {
    let (sql, code) = match scope {
        ModerationScope::Group(id) => (
            "SELECT gm.user_id FROM group_members gm JOIN users u ON u.id = gm.user_id \
             WHERE gm.group_id = CAST($1 AS BIGINT) AND gm.role = 'admin' AND u.suspended_at IS NULL",
            id.to_string(),
        ),
        ModerationScope::Section(id) => (
            "SELECT DISTINCT r.user_id FROM roles r JOIN users u ON u.id = r.user_id WHERE r.scope_kind = 'section' AND r.scope_code = $1 \
             AND r.role IN ('moderator', 'section_secretary') AND u.suspended_at IS NULL",
            id.to_string(),
        ),
        ModerationScope::Federation(code) => (
            "SELECT DISTINCT r.user_id FROM roles r JOIN users u ON u.id = r.user_id WHERE r.scope_kind = 'federation' AND r.scope_code = $1 \
             AND r.role IN ('moderator', 'federation_first_secretary') AND u.suspended_at IS NULL",
            code.clone(),
        ),
        ModerationScope::National => (
            "SELECT DISTINCT r.user_id FROM roles r JOIN users u ON u.id = r.user_id WHERE r.scope_kind = 'national' AND r.scope_code = $1 \
             AND r.role IN ('moderator', 'national_admin') AND u.suspended_at IS NULL",
            String::new(),
        ),
    };
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(code).fetch_all(c).await)
}

// ---- Reported items ---------------------------------------------------------------------------------

/// What a report is about, read for the reporter: the person concerned, its text as it is now
/// and where it lives.
#[derive(Debug, Clone, FromRow)]
pub struct ItemRow {
    pub concerned_id: Option<UserId>,
    pub text: String,
    pub link: String,
}

/// A comment as a reported item: (publication, author, text, hidden at).
pub type CommentItem = (i64, Option<UserId>, String, Option<i64>);

/// A comment with its publication, author and text (the publication's visibility is checked apart).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn comment_item(tx: &mut Tx, id: i64) -> Result<Option<CommentItem>, sqlx::Error> {
    let sql = "SELECT c.post_id, c.author_id, c.body, c.hidden_at FROM comments c JOIN users u ON u.id = c.author_id \
               WHERE c.id = $1 AND u.suspended_at IS NULL";
    on_tx!(tx, c => sqlx::query_as(sql).bind(id).fetch_optional(c).await)
}

/// A newline in SQL on both databases.
const CHAR_10: &str = "'\n'";

/// A profile: its owner, name and the texts they wrote about themselves.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn profile_item(tx: &mut Tx, id: i64) -> Result<Option<ItemRow>, sqlx::Error> {
    let sql = format!(
        "SELECT u.id AS concerned_id, u.display_name || ' (@' || u.handle || ')' || {CHAR_10} || COALESCE(p.status_line, '') || {CHAR_10} || COALESCE(p.bio, '') AS text, \
         '/membres/' || u.handle AS link FROM users u LEFT JOIN profiles p ON p.user_id = u.id WHERE u.id = $1 AND u.suspended_at IS NULL"
    );
    on_tx!(tx, c => sqlx::query_as(&sql).bind(id).fetch_optional(c).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn group_id_by_slug(tx: &mut Tx, slug: &str) -> Result<Option<i64>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar("SELECT id FROM groups WHERE slug = $1").bind(slug).fetch_optional(c).await)
}

/// A group as a reported item, with its privacy and the viewer's role in it.
#[derive(Debug, Clone, FromRow)]
pub struct GroupItem {
    #[sqlx(flatten)]
    pub item: ItemRow,
    pub privacy: String,
    pub viewer_role: Option<String>,
}

/// A group: its creator (or first admin), name and purpose.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn group_item(tx: &mut Tx, id: i64, viewer: UserId) -> Result<Option<GroupItem>, sqlx::Error> {
    let sql = format!(
        "SELECT COALESCE(g.created_by, (SELECT MIN(ga.user_id) FROM group_members ga WHERE ga.group_id = g.id AND ga.role = 'admin')) AS concerned_id, \
         g.name || {CHAR_10} || g.purpose AS text, '/groupes/' || g.slug AS link, g.privacy, \
         (SELECT vm.role FROM group_members vm WHERE vm.group_id = g.id AND vm.user_id = $2) AS viewer_role \
         FROM groups g WHERE g.id = $1"
    );
    on_tx!(tx, c => sqlx::query_as(&sql).bind(id).bind(viewer).fetch_optional(c).await)
}

// ---- Cases and reports ---------------------------------------------------------------------------

#[derive(Debug, Clone, FromRow)]
pub struct CaseRow {
    pub id: i64,
    pub item_kind: ItemKind,
    pub item_id: i64,
    pub concerned_id: UserId,
    pub scope_kind: String,
    pub scope_code: String,
    pub status: String,
    pub snapshot: String,
    pub context_link: String,
    pub report_count: i64,
    pub opened_at: i64,
    pub auto_hidden_at: Option<i64>,
}

const CASE_COLUMNS: &str =
    "id, item_kind, item_id, concerned_id, scope_kind, scope_code, status, snapshot, context_link, report_count, opened_at, auto_hidden_at";

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn case_of_item(tx: &mut Tx, kind: ItemKind, item_id: i64) -> Result<Option<CaseRow>, sqlx::Error> {
    let sql = format!("SELECT {CASE_COLUMNS} FROM moderation_cases WHERE item_kind = $1 AND item_id = $2");
    on_tx!(tx, c => sqlx::query_as(&sql).bind(kind).bind(item_id).fetch_optional(c).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn case_by_id(tx: &mut Tx, id: i64) -> Result<Option<CaseRow>, sqlx::Error> {
    let sql = format!("SELECT {CASE_COLUMNS} FROM moderation_cases WHERE id = $1");
    on_tx!(tx, c => sqlx::query_as(&sql).bind(id).fetch_optional(c).await)
}

pub struct NewCase<'a> {
    pub kind: ItemKind,
    pub item_id: i64,
    pub concerned_id: UserId,
    pub scope: &'a ModerationScope,
    pub snapshot: &'a str,
    pub context_link: &'a str,
    pub now_ms: i64,
}

/// Opens a case, or opens again a decided one with a new snapshot and scope: a new round.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn open_case(tx: &mut Tx, existing: Option<&CaseRow>, c: &NewCase<'_>) -> Result<i64, sqlx::Error> {
    match existing {
        Some(case) if case.status == "open" => Ok(case.id),
        Some(case) => {
            let sql = "UPDATE moderation_cases SET status = 'open', snapshot = $1, context_link = $2, scope_kind = $3, scope_code = $4, \
                       report_count = 0, opened_at = $5, auto_hidden_at = NULL WHERE id = $6";
            on_tx!(tx, x => sqlx::query(sql).bind(c.snapshot).bind(c.context_link).bind(c.scope.kind()).bind(c.scope.code()).bind(c.now_ms).bind(case.id).execute(x).await.map(|r| r.rows_affected()))?;
            Ok(case.id)
        }
        None => {
            let sql = "INSERT INTO moderation_cases (item_kind, item_id, concerned_id, scope_kind, scope_code, status, snapshot, context_link, opened_at) \
                       VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $8) RETURNING id";
            on_tx!(tx, x => sqlx::query_scalar(sql).bind(c.kind).bind(c.item_id).bind(c.concerned_id).bind(c.scope.kind()).bind(c.scope.code()).bind(c.snapshot).bind(c.context_link).bind(c.now_ms).fetch_one(x).await)
        }
    }
}

/// Adds a report (once per person per case); answers the case's count of waiting reports, or
/// `None` when this person had reported it already.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn add_report(
    tx: &mut Tx,
    case_id: i64,
    reporter: UserId,
    category: ReportCategory,
    explanation: &str,
    now_ms: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let sql = "INSERT INTO moderation_reports (case_id, reporter_id, category, explanation, created_at) VALUES ($1, $2, $3, $4, $5) \
               ON CONFLICT (case_id, reporter_id) DO NOTHING";
    let added = on_tx!(tx, c => sqlx::query(sql).bind(case_id).bind(reporter).bind(category).bind(explanation).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    if added == 0 {
        return Ok(None);
    }
    let sql = "UPDATE moderation_cases SET report_count = report_count + 1 WHERE id = $1 RETURNING report_count";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(case_id).fetch_one(c).await).map(Some)
}

/// Whether `reporter` reported this item already.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn reported_by(tx: &mut Tx, kind: ItemKind, item_id: i64, reporter: UserId) -> Result<bool, sqlx::Error> {
    let sql = "SELECT COUNT(*) FROM moderation_reports r JOIN moderation_cases mc ON mc.id = r.case_id \
               WHERE mc.item_kind = $1 AND mc.item_id = $2 AND r.reporter_id = $3";
    let n: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(kind).bind(item_id).bind(reporter).fetch_one(c).await)?;
    Ok(n > 0)
}

/// Raises an open case to `scope` (a moderator above took it up).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn move_case(tx: &mut Tx, case_id: i64, scope: &ModerationScope) -> Result<(), sqlx::Error> {
    let sql = "UPDATE moderation_cases SET scope_kind = $1, scope_code = $2 WHERE id = $3";
    on_tx!(tx, c => sqlx::query(sql).bind(scope.kind()).bind(scope.code()).bind(case_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn mark_auto_hidden(tx: &mut Tx, case_id: i64, now_ms: i64) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("UPDATE moderation_cases SET auto_hidden_at = $1 WHERE id = $2").bind(now_ms).bind(case_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Closes a round: the case is decided, its waiting reports answered by `decision_id`; answers
/// the reporters, to tell them.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn close_round(tx: &mut Tx, case_id: i64, decision_id: i64) -> Result<Vec<UserId>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query("UPDATE moderation_cases SET status = 'decided', report_count = 0, auto_hidden_at = NULL WHERE id = $1").bind(case_id).execute(c).await.map(|r| r.rows_affected()))?;
    let sql = "UPDATE moderation_reports SET handled_by = $1 WHERE case_id = $2 AND handled_by IS NULL RETURNING reporter_id";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(decision_id).bind(case_id).fetch_all(c).await)
}

/// The reporters a decision answered (told again of its appeal's outcome).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn reporters_of(tx: &mut Tx, decision_id: i64) -> Result<Vec<UserId>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar("SELECT reporter_id FROM moderation_reports WHERE handled_by = $1").bind(decision_id).fetch_all(c).await)
}

// ---- Hiding ------------------------------------------------------------------------------------------

/// Hides or shows again a publication or a comment (`reason` `None`: shown again).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn set_hidden(
    tx: &mut Tx,
    kind: ItemKind,
    id: i64,
    by: Option<UserId>,
    reason: Option<&str>,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    let hidden_at = reason.map(|_| now_ms);
    match kind {
        ItemKind::Post => {
            let sql = "UPDATE posts SET hidden_at = $1, hidden_by = $2, hidden_reason = $3 WHERE id = $4";
            on_tx!(tx, c => sqlx::query(sql).bind(hidden_at).bind(by).bind(reason).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        }
        ItemKind::Comment => {
            let sql = "UPDATE comments SET hidden_at = $1, hidden_reason = $2 WHERE id = $3";
            on_tx!(tx, c => sqlx::query(sql).bind(hidden_at).bind(reason).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        }
        _ => {}
    }
    Ok(())
}

/// The publication a comment is on (for its live event).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn post_of_comment(tx: &mut Tx, id: i64) -> Result<Option<i64>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar("SELECT post_id FROM comments WHERE id = $1").bind(id).fetch_optional(c).await)
}

// ---- Decisions ---------------------------------------------------------------------------------------

pub struct NewDecision<'a> {
    pub case_id: Option<i64>,
    pub appeal_of: Option<i64>,
    pub scope: &'a ModerationScope,
    pub item_kind: ItemKind,
    pub kind: DecisionKind,
    pub rule: &'a str,
    pub reason: &'a str,
    pub ends_at: Option<i64>,
    pub concerned_id: Option<UserId>,
    pub decided_by: UserId,
    pub now_ms: i64,
    pub report_count: i64,
    pub waited_ms: i64,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert_decision(tx: &mut Tx, d: &NewDecision<'_>) -> Result<i64, sqlx::Error> {
    let sql = "INSERT INTO moderation_decisions (case_id, appeal_of, scope_kind, scope_code, item_kind, kind, rule, reason, ends_at, concerned_id, \
               decided_by, decided_at, report_count, waited_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(d.case_id).bind(d.appeal_of).bind(d.scope.kind()).bind(d.scope.code()).bind(d.item_kind).bind(d.kind)
        .bind(d.rule).bind(d.reason).bind(d.ends_at).bind(d.concerned_id).bind(d.decided_by).bind(d.now_ms).bind(d.report_count).bind(d.waited_ms)
        .fetch_one(c).await)
}

/// A decision with its case and appeal, as the decision page and the appeal read it.
#[derive(Debug, Clone, FromRow)]
pub struct DecisionRow {
    pub id: i64,
    pub case_id: Option<i64>,
    pub appeal_of: Option<i64>,
    pub scope_kind: String,
    pub scope_code: String,
    pub item_kind: ItemKind,
    pub kind: DecisionKind,
    pub rule: String,
    pub reason: String,
    pub ends_at: Option<i64>,
    pub concerned_id: Option<UserId>,
    pub decided_by: Option<UserId>,
    pub decided_at: i64,
    pub item_id: Option<i64>,
    pub snapshot: Option<String>,
    pub context_link: Option<String>,
    pub appeal_text: Option<String>,
    pub appealed_at: Option<i64>,
    pub appeal_scope_kind: Option<String>,
    pub appeal_scope_code: Option<String>,
    pub outcome_id: Option<i64>,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn decision(tx: &mut Tx, id: i64) -> Result<Option<DecisionRow>, sqlx::Error> {
    let sql = "SELECT d.id, d.case_id, d.appeal_of, d.scope_kind, d.scope_code, d.item_kind, d.kind, d.rule, d.reason, d.ends_at, d.concerned_id, \
               d.decided_by, d.decided_at, mc.item_id, mc.snapshot, mc.context_link, a.text AS appeal_text, a.created_at AS appealed_at, \
               a.scope_kind AS appeal_scope_kind, a.scope_code AS appeal_scope_code, a.outcome_id \
               FROM moderation_decisions d LEFT JOIN moderation_cases mc ON mc.id = d.case_id \
               LEFT JOIN moderation_appeals a ON a.decision_id = d.id WHERE d.id = $1";
    on_tx!(tx, c => sqlx::query_as(sql).bind(id).fetch_optional(c).await)
}

/// A suspension (not an appeal's answer), in `moderation_decisions`.
const SUSPENSION: &str = "kind = 'suspend' AND appeal_of IS NULL";

/// The person's latest suspension.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn latest_suspension(tx: &mut Tx, user: UserId) -> Result<Option<i64>, sqlx::Error> {
    let sql = format!("SELECT id FROM moderation_decisions WHERE concerned_id = $1 AND {SUSPENSION} ORDER BY id DESC LIMIT 1");
    on_tx!(tx, c => sqlx::query_scalar(&sql).bind(user).fetch_optional(c).await)
}

/// The person a suspension's link (still good, not used) names, and their latest suspension: one
/// statement.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn suspension_of_link(db: &Db, token_hash: &str, now_ms: i64) -> Result<Option<(UserId, i64)>, sqlx::Error> {
    let sql = format!(
        "SELECT t.user_id, (SELECT d.id FROM moderation_decisions d WHERE d.concerned_id = t.user_id AND {SUSPENSION} \
           ORDER BY d.id DESC LIMIT 1) AS decision_id FROM account_tokens t \
         WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL AND t.expires_at > $3"
    );
    let row: Option<(UserId, Option<i64>)> = crate::on_pool!(db.read(), p => sqlx::query_as(&sql).bind(token_hash)
        .bind(crate::server::store::tokens::MODERATION_APPEAL).bind(now_ms).fetch_optional(p).await)?;
    Ok(row.and_then(|(user, decision)| Some((user, decision?))))
}

/// A decision as its page shows it, in one statement: the decision, its case, its appeal and the
/// appeal's answer, its scope's name (and a section's federation, the scope above), and the
/// viewer's role when the scope is a group.
#[derive(Debug, Clone, FromRow)]
pub struct DecisionPageRow {
    #[sqlx(flatten)]
    pub decision: DecisionRow,
    pub outcome_kind: Option<DecisionKind>,
    pub outcome_rule: Option<String>,
    pub outcome_reason: Option<String>,
    pub outcome_at: Option<i64>,
    pub scope_name: Option<String>,
    pub scope_slug: Option<String>,
    pub section_federation: Option<String>,
    pub section_federation_name: Option<String>,
    pub viewer_group_role: Option<String>,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn decision_page(db: &Db, id: i64, viewer: UserId) -> Result<Option<DecisionPageRow>, sqlx::Error> {
    let sql = "SELECT d.id, d.case_id, d.appeal_of, d.scope_kind, d.scope_code, d.item_kind, d.kind, d.rule, d.reason, d.ends_at, d.concerned_id, \
               d.decided_by, d.decided_at, mc.item_id, mc.snapshot, mc.context_link, a.text AS appeal_text, a.created_at AS appealed_at, \
               a.scope_kind AS appeal_scope_kind, a.scope_code AS appeal_scope_code, a.outcome_id, \
               o.kind AS outcome_kind, o.rule AS outcome_rule, o.reason AS outcome_reason, o.decided_at AS outcome_at, \
               COALESCE(s.name, g.name, dep.name) AS scope_name, COALESCE(s.slug, g.slug, dep.code) AS scope_slug, \
               s.federation_code AS section_federation, fd.name AS section_federation_name, \
               (SELECT vm.role FROM group_members vm WHERE d.scope_kind = 'group' AND g.id = vm.group_id AND vm.user_id = $2) AS viewer_group_role \
               FROM moderation_decisions d LEFT JOIN moderation_cases mc ON mc.id = d.case_id \
               LEFT JOIN moderation_appeals a ON a.decision_id = d.id LEFT JOIN moderation_decisions o ON o.id = a.outcome_id \
               LEFT JOIN sections s ON d.scope_kind = 'section' AND CAST(s.id AS TEXT) = d.scope_code \
               LEFT JOIN groups g ON d.scope_kind = 'group' AND CAST(g.id AS TEXT) = d.scope_code \
               LEFT JOIN departements dep ON d.scope_kind = 'federation' AND dep.code = d.scope_code \
               LEFT JOIN departements fd ON fd.code = s.federation_code WHERE d.id = $1";
    crate::on_pool!(db.read(), p => sqlx::query_as(sql).bind(id).bind(viewer).fetch_optional(p).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert_appeal(
    tx: &mut Tx,
    decision_id: i64,
    appellant: UserId,
    text: &str,
    scope: &ModerationScope,
    now_ms: i64,
) -> Result<bool, sqlx::Error> {
    let sql = "INSERT INTO moderation_appeals (decision_id, appellant_id, text, scope_kind, scope_code, created_at) VALUES ($1, $2, $3, $4, $5, $6) \
               ON CONFLICT (decision_id) DO NOTHING";
    let n = on_tx!(tx, c => sqlx::query(sql).bind(decision_id).bind(appellant).bind(text).bind(scope.kind()).bind(scope.code()).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Records an appeal's answer; false when it was answered already (two moderators at once).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn answer_appeal(tx: &mut Tx, decision_id: i64, outcome_id: i64) -> Result<bool, sqlx::Error> {
    let sql = "UPDATE moderation_appeals SET outcome_id = $1 WHERE decision_id = $2 AND outcome_id IS NULL";
    let n = on_tx!(tx, c => sqlx::query(sql).bind(outcome_id).bind(decision_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

// ---- Restrictions and suspensions ------------------------------------------------------------------

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert_restriction(
    tx: &mut Tx,
    user: UserId,
    kind: DecisionKind,
    scope: &ModerationScope,
    decision_id: i64,
    ends_at: Option<i64>,
) -> Result<(), sqlx::Error> {
    let sql =
        "INSERT INTO moderation_restrictions (user_id, kind, scope_kind, scope_code, decision_id, ends_at) VALUES ($1, $2, $3, $4, $5, $6)";
    on_tx!(tx, c => sqlx::query(sql).bind(user).bind(kind).bind(scope.kind()).bind(scope.code()).bind(decision_id).bind(ends_at).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn lift_restrictions_of(tx: &mut Tx, decision_id: i64) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("DELETE FROM moderation_restrictions WHERE decision_id = $1").bind(decision_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Whether `user` may not write in any of `scopes` (restricted or excluded there) at `now_ms`.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn restricted_in(tx: &mut Tx, user: UserId, scopes: &[ModerationScope], now_ms: i64) -> Result<bool, sqlx::Error> {
    for scope in scopes {
        let sql = "SELECT COUNT(*) FROM moderation_restrictions WHERE user_id = $1 AND scope_kind = $2 AND scope_code = $3 \
                   AND (ends_at IS NULL OR ends_at > $4)";
        let n: i64 =
            on_tx!(tx, c => sqlx::query_scalar(sql).bind(user).bind(scope.kind()).bind(scope.code()).bind(now_ms).fetch_one(c).await)?;
        if n > 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Whether any restriction (or group exclusion) is in force for the person, in any scope.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn restricted_anywhere(tx: &mut Tx, user: UserId, now_ms: i64) -> Result<bool, sqlx::Error> {
    let sql = "SELECT CAST(COUNT(*) AS BIGINT) FROM moderation_restrictions WHERE user_id = $1 AND (ends_at IS NULL OR ends_at > $2)";
    let n: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(user).bind(now_ms).fetch_one(c).await)?;
    Ok(n > 0)
}

/// Housekeeping: restrictions past their end go (their content shows again).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn purge_ended_restrictions(tx: &mut Tx, now_ms: i64) -> Result<u64, sqlx::Error> {
    on_tx!(tx, c => sqlx::query("DELETE FROM moderation_restrictions WHERE ends_at IS NOT NULL AND ends_at <= $1").bind(now_ms).execute(c).await.map(|r| r.rows_affected()))
}

/// A suspension with an end (`until` `None`: lifted).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn set_suspension(tx: &mut Tx, user: UserId, since: Option<i64>, until: Option<i64>) -> Result<(), sqlx::Error> {
    let sql = "UPDATE users SET suspended_at = $1, suspended_until = $2 WHERE id = $3";
    on_tx!(tx, c => sqlx::query(sql).bind(since).bind(until).bind(user).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Housekeeping: suspensions decided for a time end by themselves.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn end_due_suspensions(tx: &mut Tx, now_ms: i64) -> Result<u64, sqlx::Error> {
    let sql = "UPDATE users SET suspended_at = NULL, suspended_until = NULL WHERE suspended_until IS NOT NULL AND suspended_until <= $1";
    on_tx!(tx, c => sqlx::query(sql).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))
}

// ---- Pages ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Deserialize)]
pub struct QueueRow {
    pub id: i64,
    pub item_kind: ItemKind,
    pub snapshot: String,
    pub report_count: i64,
    pub opened_at: i64,
    pub auto_hidden_at: Option<i64>,
}

/// Open cases of a scope, oldest first, after `(opened_at, id)`; never those about `viewer`.
pub fn queue_part(scope: &ModerationScope, viewer: UserId, after: Option<(i64, i64)>, limit: i64) -> Part {
    let (at, id) = after.unwrap_or((i64::MIN, i64::MIN));
    let sql = "SELECT id, item_kind, snapshot, report_count, opened_at, auto_hidden_at FROM moderation_cases \
               WHERE scope_kind = $1 AND scope_code = $2 AND status = 'open' AND concerned_id <> $3 \
               AND (opened_at > $4 OR (opened_at = $4 AND id > $5)) ORDER BY opened_at, id LIMIT $6";
    Part::new(
        sql,
        &["id", "item_kind", "snapshot", "report_count", "opened_at", "auto_hidden_at"],
        vec![Arg::Text(scope.kind().into()), Arg::Text(scope.code()), Arg::Int(viewer.get()), Arg::Int(at), Arg::Int(id), Arg::Int(limit)],
    )
}

#[derive(Debug, Clone, Deserialize)]
pub struct AppealRow {
    pub decision_id: i64,
    pub item_kind: ItemKind,
    pub kind: DecisionKind,
    pub created_at: i64,
}

/// Appeals waiting for a scope, oldest first; never those `viewer` decided first or is concerned by.
pub fn appeals_part(scope: &ModerationScope, viewer: UserId, limit: i64) -> Part {
    let sql = "SELECT a.decision_id, d.item_kind, d.kind, a.created_at FROM moderation_appeals a JOIN moderation_decisions d ON d.id = a.decision_id \
               WHERE a.scope_kind = $1 AND a.scope_code = $2 AND a.outcome_id IS NULL \
               AND (d.decided_by IS NULL OR d.decided_by <> $3) AND (d.concerned_id IS NULL OR d.concerned_id <> $3) \
               ORDER BY a.created_at, a.decision_id LIMIT $4";
    Part::new(
        sql,
        &["decision_id", "item_kind", "kind", "created_at"],
        vec![Arg::Text(scope.kind().into()), Arg::Text(scope.code()), Arg::Int(viewer.get()), Arg::Int(limit)],
    )
}

/// Open cases by scope, for the scopes a person moderates.
#[derive(Debug, Clone, Deserialize)]
pub struct OpenCount {
    pub scope_kind: String,
    pub scope_code: String,
    pub n: i64,
}

pub fn open_counts_part(viewer: UserId) -> Part {
    let sql = "SELECT scope_kind, scope_code, CAST(COUNT(*) AS BIGINT) AS n FROM moderation_cases WHERE status = 'open' AND concerned_id <> $1 \
               AND ((scope_kind = 'group' AND scope_code IN (SELECT CAST(gm.group_id AS TEXT) FROM group_members gm WHERE gm.user_id = $1 AND gm.role = 'admin')) \
                 OR EXISTS (SELECT 1 FROM roles r WHERE r.user_id = $1 AND r.scope_kind = moderation_cases.scope_kind AND r.scope_code = moderation_cases.scope_code \
                    AND r.role IN ('moderator', 'section_secretary', 'federation_first_secretary', 'national_admin'))) \
               GROUP BY scope_kind, scope_code";
    Part::new(sql, &["scope_kind", "scope_code", "n"], vec![Arg::Int(viewer.get())])
}

/// The groups a person administers (their queues), with names.
#[derive(Debug, Clone, Deserialize)]
pub struct NamedScope {
    pub kind: String,
    pub code: String,
    pub slug: String,
    pub name: String,
}

/// Every scope a person moderates, named: roles and groups they administer.
pub fn moderated_scopes_part(viewer: UserId) -> Part {
    let sql = "SELECT 'group' AS kind, CAST(g.id AS TEXT) AS code, g.slug AS slug, g.name AS name FROM group_members gm JOIN groups g ON g.id = gm.group_id \
                 WHERE gm.user_id = $1 AND gm.role = 'admin' \
               UNION SELECT 'section', r.scope_code, s.slug, s.name FROM roles r JOIN sections s ON CAST(s.id AS TEXT) = r.scope_code \
                 WHERE r.user_id = $1 AND r.scope_kind = 'section' AND r.role IN ('moderator', 'section_secretary') \
               UNION SELECT 'federation', r.scope_code, r.scope_code, d.name FROM roles r JOIN departements d ON d.code = r.scope_code \
                 WHERE r.user_id = $1 AND r.scope_kind = 'federation' AND r.role IN ('moderator', 'federation_first_secretary') \
               UNION SELECT 'national', '', 'national', '' FROM roles r WHERE r.user_id = $1 AND r.scope_kind = 'national' AND r.role IN ('moderator', 'national_admin')";
    Part::new(sql, &["kind", "code", "slug", "name"], vec![Arg::Int(viewer.get())])
}

#[derive(Debug, Clone, Deserialize)]
pub struct CategoryCount {
    pub category: ReportCategory,
    pub n: i64,
}

pub fn categories_part(case_id: i64) -> Part {
    let sql = "SELECT category, CAST(COUNT(*) AS BIGINT) AS n FROM moderation_reports WHERE case_id = $1 AND handled_by IS NULL GROUP BY category ORDER BY category";
    Part::new(sql, &["category", "n"], vec![Arg::Int(case_id)])
}

#[derive(Debug, Clone, Deserialize)]
pub struct Explanation {
    pub explanation: String,
}

pub fn explanations_part(case_id: i64, limit: i64) -> Part {
    let sql =
        "SELECT explanation FROM moderation_reports WHERE case_id = $1 AND handled_by IS NULL AND explanation <> '' ORDER BY id LIMIT $2";
    Part::new(sql, &["explanation"], vec![Arg::Int(case_id), Arg::Int(limit)])
}

/// A decision as a line of the journal or of a history.
#[derive(Debug, Clone, Deserialize)]
pub struct DecisionLineRow {
    pub id: i64,
    pub kind: DecisionKind,
    pub item_kind: ItemKind,
    pub rule: String,
    pub decided_at: i64,
    pub ends_at: Option<i64>,
    pub scope_kind: String,
    pub scope_code: String,
    pub appeal_of: Option<i64>,
    /// Filled for suspensions only (the journal names a suspended person, nobody else).
    pub suspended_handle: Option<String>,
}

const LINE_COLUMNS: [&str; 10] =
    ["id", "kind", "item_kind", "rule", "decided_at", "ends_at", "scope_kind", "scope_code", "appeal_of", "suspended_handle"];

const LINE_SELECT: &str = "SELECT d.id, d.kind, d.item_kind, d.rule, d.decided_at, d.ends_at, d.scope_kind, d.scope_code, d.appeal_of, \
     CASE WHEN d.kind = 'suspend' THEN (SELECT u.handle FROM users u WHERE u.id = d.concerned_id) END AS suspended_handle \
     FROM moderation_decisions d";

/// The journal of a scope, newest first, before decision `before`.
pub fn journal_part(scope: &ModerationScope, before: Option<i64>, limit: i64) -> Part {
    let sql = format!("{LINE_SELECT} WHERE d.scope_kind = $1 AND d.scope_code = $2 AND d.id < $3 ORDER BY d.id DESC LIMIT $4");
    Part::new(
        sql,
        &LINE_COLUMNS,
        vec![Arg::Text(scope.kind().into()), Arg::Text(scope.code()), Arg::Int(before.unwrap_or(i64::MAX)), Arg::Int(limit)],
    )
}

/// The decisions about a person in a scope (a case's history), newest first.
pub fn history_part(concerned: UserId, scope: &ModerationScope, limit: i64) -> Part {
    let sql = format!("{LINE_SELECT} WHERE d.concerned_id = $1 AND d.scope_kind = $2 AND d.scope_code = $3 ORDER BY d.id DESC LIMIT $4");
    Part::new(sql, &LINE_COLUMNS, vec![Arg::Int(concerned.get()), Arg::Text(scope.kind().into()), Arg::Text(scope.code()), Arg::Int(limit)])
}

/// The decisions of one case, oldest first.
pub fn case_decisions_part(case_id: i64) -> Part {
    let sql = format!("{LINE_SELECT} WHERE d.case_id = $1 ORDER BY d.id LIMIT 50");
    Part::new(sql, &LINE_COLUMNS, vec![Arg::Int(case_id)])
}

/// The case itself, with the concerned person's name, as a part.
#[derive(Debug, Clone, Deserialize)]
pub struct CaseDetail {
    pub id: i64,
    pub item_kind: ItemKind,
    pub concerned_id: UserId,
    pub concerned_handle: Option<String>,
    pub concerned_name: Option<String>,
    pub scope_kind: String,
    pub scope_code: String,
    pub status: String,
    pub snapshot: String,
    pub context_link: String,
    pub opened_at: i64,
    pub auto_hidden_at: Option<i64>,
    #[serde(deserialize_with = "flag")]
    pub viewer_group_admin: bool,
}

pub fn case_part(case_id: i64, viewer: UserId) -> Part {
    let sql = "SELECT mc.id, mc.item_kind, mc.concerned_id, u.handle AS concerned_handle, u.display_name AS concerned_name, mc.scope_kind, mc.scope_code, \
               mc.status, mc.snapshot, mc.context_link, mc.opened_at, mc.auto_hidden_at, \
               CASE WHEN mc.scope_kind = 'group' AND EXISTS (SELECT 1 FROM group_members gm WHERE CAST(gm.group_id AS TEXT) = mc.scope_code \
                 AND gm.user_id = $2 AND gm.role = 'admin') THEN 1 ELSE 0 END AS viewer_group_admin \
               FROM moderation_cases mc LEFT JOIN users u ON u.id = mc.concerned_id WHERE mc.id = $1";
    Part::new(
        sql,
        &[
            "id",
            "item_kind",
            "concerned_id",
            "concerned_handle",
            "concerned_name",
            "scope_kind",
            "scope_code",
            "status",
            "snapshot",
            "context_link",
            "opened_at",
            "auto_hidden_at",
            "viewer_group_admin",
        ],
        vec![Arg::Int(case_id), Arg::Int(viewer.get())],
    )
}

/// A scope's statistics: reports received, open cases, decisions by kind, and the waits of its
/// decisions (the median is taken in Rust over at most the last 1,000).
#[derive(Debug, Clone, Deserialize)]
pub struct StatsRow {
    pub reports: i64,
    pub open_cases: i64,
}

pub fn stats_part(scope: &ModerationScope) -> Part {
    let sql = "SELECT (SELECT CAST(COALESCE(SUM(d.report_count), 0) AS BIGINT) FROM moderation_decisions d WHERE d.scope_kind = $1 AND d.scope_code = $2) \
               + (SELECT CAST(COALESCE(SUM(mc.report_count), 0) AS BIGINT) FROM moderation_cases mc WHERE mc.scope_kind = $1 AND mc.scope_code = $2 AND mc.status = 'open') AS reports, \
               (SELECT CAST(COUNT(*) AS BIGINT) FROM moderation_cases mc WHERE mc.scope_kind = $1 AND mc.scope_code = $2 AND mc.status = 'open') AS open_cases";
    Part::new(sql, &["reports", "open_cases"], vec![Arg::Text(scope.kind().into()), Arg::Text(scope.code())])
}

#[derive(Debug, Clone, Deserialize)]
pub struct KindCount {
    pub kind: DecisionKind,
    pub n: i64,
}

pub fn kinds_part(scope: &ModerationScope) -> Part {
    let sql = "SELECT kind, CAST(COUNT(*) AS BIGINT) AS n FROM moderation_decisions WHERE scope_kind = $1 AND scope_code = $2 GROUP BY kind ORDER BY kind";
    Part::new(sql, &["kind", "n"], vec![Arg::Text(scope.kind().into()), Arg::Text(scope.code())])
}

#[derive(Debug, Clone, Deserialize)]
pub struct Wait {
    pub waited_ms: i64,
}

pub fn waits_part(scope: &ModerationScope) -> Part {
    let sql = "SELECT waited_ms FROM moderation_decisions WHERE scope_kind = $1 AND scope_code = $2 AND case_id IS NOT NULL AND appeal_of IS NULL \
               ORDER BY id DESC LIMIT 1000";
    Part::new(sql, &["waited_ms"], vec![Arg::Text(scope.kind().into()), Arg::Text(scope.code())])
}
