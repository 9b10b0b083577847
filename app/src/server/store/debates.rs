//! Débats (`debates`, `debate_contributions`, `debate_supports`, `debate_proposals`,
//! `debate_proposal_supports`): the debate and its scope, its contributions and replies, its
//! propositions, the supports (one per person: the keys), and the live event that says it moved.
//! A debate is `d`; its section `s`, group `g`, federation `f`.

use sqlx::FromRow;

use crate::model::ids::UserId;
use crate::on_tx;
use crate::server::db::Tx;
use crate::server::policy::debates::DEBATE_LISTED;
use crate::server::policy::feed::VIEWER;
use crate::server::store::bundle::{Arg, Part};
use crate::server::store::events::EventRow;
use crate::server::store::team_scope::section_join;

/// The debate's section, group and federation (a group's has none).
fn scope_joins() -> String {
    format!(
        "{} LEFT JOIN groups g ON d.scope_kind = 'group' \
           AND g.id = CASE WHEN d.scope_kind = 'group' THEN CAST(d.scope_code AS BIGINT) END \
         LEFT JOIN departements f ON d.scope_kind <> 'group' AND f.code = COALESCE(s.federation_code, d.scope_code)",
        section_join("d")
    )
}

pub struct NewDebate<'a> {
    pub scope_kind: &'a str,
    pub scope_code: &'a str,
    pub audience: &'a str,
    pub author: UserId,
    pub title: &'a str,
    pub description: &'a str,
    pub description_html: &'a str,
    pub opens_at: i64,
    pub closes_at: i64,
    pub approved: bool,
    pub now_ms: i64,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert(tx: &mut Tx, d: &NewDebate<'_>) -> Result<i64, sqlx::Error> {
    let sql = "INSERT INTO debates (scope_kind, scope_code, audience, author_id, title, description, description_html, \
               opens_at, closes_at, approved_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";
    let approved = d.approved.then_some(d.now_ms);
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(d.scope_kind).bind(d.scope_code).bind(d.audience).bind(d.author).bind(d.title)
        .bind(d.description).bind(d.description_html).bind(d.opens_at).bind(d.closes_at).bind(approved).bind(d.now_ms).fetch_one(c).await)
}

/// Approves a proposed debate (once).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn approve(tx: &mut Tx, id: i64, now_ms: i64) -> Result<bool, sqlx::Error> {
    let sql = "UPDATE debates SET approved_at = $2 WHERE id = $1 AND approved_at IS NULL";
    let n = on_tx!(tx, c => sqlx::query(sql).bind(id).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// The synthèse, which closes the debate now if it was still open.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn write_synthesis(tx: &mut Tx, id: i64, text: &str, html: &str, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "UPDATE debates SET synthesis = $2, synthesis_html = $3, synthesis_at = $4, \
               closes_at = CASE WHEN closes_at > $4 THEN $4 ELSE closes_at END WHERE id = $1";
    on_tx!(tx, c => sqlx::query(sql).bind(id).bind(text).bind(html).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// A line of a list of debates.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct LineRow {
    pub id: i64,
    pub title: String,
    pub scope_name: Option<String>,
    pub opens_at: i64,
    pub closes_at: i64,
    pub approved_at: Option<i64>,
    pub contribution_count: i64,
    pub proposal_count: i64,
    pub created_at: i64,
}

const LINE_COLUMNS: &str = "d.id, d.title, COALESCE(s.name, g.name, f.name) AS scope_name, d.opens_at, d.closes_at, d.approved_at, \
     d.contribution_count, d.proposal_count, d.created_at";
const LINE_NAMES: &[&str] =
    &["id", "title", "scope_name", "opens_at", "closes_at", "approved_at", "contribution_count", "proposal_count", "created_at"];

/// A scope's debates, the latest first (keyset on created_at, id); pending ones only for its
/// team, public ones only for someone not of the scope.
pub fn scope_part(
    scope_kind: &str,
    scope_code: &str,
    with_pending: bool,
    public_only: bool,
    before: Option<(i64, i64)>,
    limit: i64,
) -> Part {
    let (at, id) = before.unwrap_or((i64::MAX, i64::MAX));
    let sql = format!(
        "SELECT {LINE_COLUMNS} FROM debates d {} WHERE d.scope_kind = $1 AND d.scope_code = $2 \
         AND ($3 = 1 OR d.approved_at IS NOT NULL) AND ($7 = 0 OR d.audience = 'public') \
         AND (d.created_at < $4 OR (d.created_at = $4 AND d.id < $5)) ORDER BY d.created_at DESC, d.id DESC LIMIT $6",
        scope_joins()
    );
    Part::new(
        sql,
        LINE_NAMES,
        vec![
            Arg::Text(scope_kind.into()),
            Arg::Text(scope_code.into()),
            Arg::Int(with_pending as i64),
            Arg::Int(at),
            Arg::Int(id),
            Arg::Int(limit),
            Arg::Int(public_only as i64),
        ],
    )
}

/// `/debats`: the debates `me` finds there (`DEBATE_LISTED`), the latest first.
pub fn listed_part(me: i64, before: Option<(i64, i64)>, limit: i64) -> Part {
    let (at, id) = before.unwrap_or((i64::MAX, i64::MAX));
    let sql = format!(
        "WITH {VIEWER} SELECT {LINE_COLUMNS} FROM me, debates d {} WHERE {DEBATE_LISTED} \
         AND (d.created_at < $2 OR (d.created_at = $2 AND d.id < $3)) ORDER BY d.created_at DESC, d.id DESC LIMIT $4",
        scope_joins()
    );
    Part::new(sql, LINE_NAMES, vec![Arg::Int(me), Arg::Int(at), Arg::Int(id), Arg::Int(limit)])
}

/// One debate, its scope, and the reader's (`me`, 0: nobody) place in its group.
#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct DebateRow {
    pub id: i64,
    pub scope_kind: String,
    pub scope_code: String,
    pub audience: String,
    pub author_id: Option<i64>,
    pub author_handle: Option<String>,
    pub author_name: Option<String>,
    pub title: String,
    pub description_html: String,
    pub opens_at: i64,
    pub closes_at: i64,
    pub approved_at: Option<i64>,
    pub synthesis_html: Option<String>,
    pub contribution_count: i64,
    pub section_id: Option<i64>,
    pub section_slug: Option<String>,
    pub section_name: Option<String>,
    pub federation_code: Option<String>,
    pub federation_name: Option<String>,
    pub group_slug: Option<String>,
    pub group_name: Option<String>,
    pub group_role: Option<String>,
}

fn one_sql() -> String {
    format!(
        "SELECT d.id, d.scope_kind, d.scope_code, d.audience, d.author_id, u.handle AS author_handle, u.display_name AS author_name, \
         d.title, d.description_html, d.opens_at, d.closes_at, d.approved_at, d.synthesis_html, d.contribution_count, \
         s.id AS section_id, s.slug AS section_slug, s.name AS section_name, f.code AS federation_code, f.name AS federation_name, \
         g.slug AS group_slug, g.name AS group_name, \
         (SELECT gm.role FROM group_members gm WHERE gm.group_id = g.id AND gm.user_id = $2) AS group_role \
         FROM debates d LEFT JOIN users u ON u.id = d.author_id {} WHERE d.id = $1",
        scope_joins()
    )
}

pub fn one_part(id: i64, me: i64) -> Part {
    Part::new(
        one_sql(),
        &[
            "id",
            "scope_kind",
            "scope_code",
            "audience",
            "author_id",
            "author_handle",
            "author_name",
            "title",
            "description_html",
            "opens_at",
            "closes_at",
            "approved_at",
            "synthesis_html",
            "contribution_count",
            "section_id",
            "section_slug",
            "section_name",
            "federation_code",
            "federation_name",
            "group_slug",
            "group_name",
            "group_role",
        ],
        vec![Arg::Int(id), Arg::Int(me)],
    )
}

/// The same row in a writing transaction (the rules are checked on it).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn one_in(tx: &mut Tx, id: i64, me: i64) -> Result<Option<DebateRow>, sqlx::Error> {
    let sql = one_sql();
    on_tx!(tx, c => sqlx::query_as(&sql).bind(id).bind(me).fetch_optional(c).await)
}

/// A contribution or a reply.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct ContributionRow {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub stance: Option<String>,
    pub body_html: String,
    pub support_count: i64,
    pub pinned_at: Option<i64>,
    pub created_at: i64,
    pub author_handle: Option<String>,
    pub author_name: Option<String>,
    #[serde(deserialize_with = "crate::server::store::bundle::flag")]
    pub supported: bool,
}

const CONTRIBUTION_COLUMNS: &str = "c.id, c.parent_id, c.stance, c.body_html, c.support_count, c.pinned_at, c.created_at, \
     u.handle AS author_handle, u.display_name AS author_name, \
     EXISTS (SELECT 1 FROM debate_supports ds WHERE ds.contribution_id = c.id AND ds.user_id = $2) AS supported";
const CONTRIBUTION_NAMES: &[&str] =
    &["id", "parent_id", "stance", "body_html", "support_count", "pinned_at", "created_at", "author_handle", "author_name", "supported"];

/// The ids of one page of a debate's contributions: pinned first (on the first page), then by
/// supports (most first) or by date (oldest first), keyset after `after`.
fn page_ids(by_supports: bool, first_page: bool) -> &'static str {
    match (by_supports, first_page) {
        (true, true) => "SELECT c.id FROM debate_contributions c WHERE c.debate_id = $1 AND c.parent_id IS NULL \
                         ORDER BY CASE WHEN c.pinned_at IS NULL THEN 1 ELSE 0 END, c.support_count DESC, c.id DESC LIMIT $5",
        (true, false) => "SELECT c.id FROM debate_contributions c WHERE c.debate_id = $1 AND c.parent_id IS NULL AND c.pinned_at IS NULL \
                          AND (c.support_count < $3 OR (c.support_count = $3 AND c.id < $4)) ORDER BY c.support_count DESC, c.id DESC LIMIT $5",
        (false, true) => "SELECT c.id FROM debate_contributions c WHERE c.debate_id = $1 AND c.parent_id IS NULL \
                          ORDER BY CASE WHEN c.pinned_at IS NULL THEN 1 ELSE 0 END, c.id LIMIT $5",
        (false, false) => "SELECT c.id FROM debate_contributions c WHERE c.debate_id = $1 AND c.parent_id IS NULL AND c.pinned_at IS NULL \
                           AND c.id > $4 ORDER BY c.id LIMIT $5",
    }
}

/// One page of a debate's contributions (`after`: the previous page's last (supports, id)), and
/// the replies to them (oldest first), as two parts of the page's bundle.
pub fn contributions_parts(debate: i64, me: i64, by_supports: bool, after: Option<(i64, i64)>, limit: i64) -> (Part, Part) {
    let ids = page_ids(by_supports, after.is_none());
    let order = match (by_supports, after.is_none()) {
        (true, true) => "CASE WHEN c.pinned_at IS NULL THEN 1 ELSE 0 END, c.support_count DESC, c.id DESC",
        (true, false) => "c.support_count DESC, c.id DESC",
        (false, true) => "CASE WHEN c.pinned_at IS NULL THEN 1 ELSE 0 END, c.id",
        (false, false) => "c.id",
    };
    let (supports, id) = after.unwrap_or((0, 0));
    let args = || vec![Arg::Int(debate), Arg::Int(me), Arg::Int(supports), Arg::Int(id), Arg::Int(limit)];
    // `$3` and `$4` are used by the later pages' conditions only: mention them so both backends
    // see every parameter.
    let uses_all = "AND $3 = $3 AND $4 = $4";
    let top = format!(
        "SELECT {CONTRIBUTION_COLUMNS} FROM debate_contributions c JOIN users u ON u.id = c.author_id \
         WHERE c.id IN ({ids}) {uses_all} ORDER BY {order}"
    );
    let replies = format!(
        "SELECT {CONTRIBUTION_COLUMNS} FROM debate_contributions c JOIN users u ON u.id = c.author_id \
         WHERE c.parent_id IN ({ids}) {uses_all} ORDER BY c.id LIMIT 1000"
    );
    (Part::new(top, CONTRIBUTION_NAMES, args()), Part::new(replies, CONTRIBUTION_NAMES, args()))
}

/// A proposition, with the one it was merged into.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct ProposalRow {
    pub id: i64,
    pub title: String,
    pub body_html: String,
    pub support_count: i64,
    pub selected_at: Option<i64>,
    pub merged_into_id: Option<i64>,
    pub created_at: i64,
    pub author_handle: Option<String>,
    pub author_name: Option<String>,
    #[serde(deserialize_with = "crate::server::store::bundle::flag")]
    pub supported: bool,
}

/// A debate's propositions: selected first, then by supports (200 at most).
pub fn proposals_part(debate: i64, me: i64) -> Part {
    let sql = "SELECT p.id, p.title, p.body_html, p.support_count, p.selected_at, p.merged_into_id, p.created_at, \
               u.handle AS author_handle, u.display_name AS author_name, \
               EXISTS (SELECT 1 FROM debate_proposal_supports ps WHERE ps.proposal_id = p.id AND ps.user_id = $2) AS supported \
               FROM debate_proposals p JOIN users u ON u.id = p.author_id WHERE p.debate_id = $1 \
               ORDER BY CASE WHEN p.merged_into_id IS NULL THEN 0 ELSE 1 END, CASE WHEN p.selected_at IS NULL THEN 1 ELSE 0 END, \
               p.support_count DESC, p.id LIMIT 200";
    Part::new(
        sql,
        &[
            "id",
            "title",
            "body_html",
            "support_count",
            "selected_at",
            "merged_into_id",
            "created_at",
            "author_handle",
            "author_name",
            "supported",
        ],
        vec![Arg::Int(debate), Arg::Int(me)],
    )
}

/// A vote put from the debate.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct DebateVoteRow {
    pub id: i64,
    pub title: String,
    pub opens_at: i64,
    pub closes_at: i64,
    pub tallied_at: Option<i64>,
    pub result: Option<String>,
}

pub fn votes_part(debate: i64) -> Part {
    let sql = "SELECT v.id, v.title, v.opens_at, v.closes_at, v.tallied_at, v.result FROM votes v WHERE v.debate_id = $1 \
               ORDER BY v.opens_at, v.id LIMIT 20";
    Part::new(sql, &["id", "title", "opens_at", "closes_at", "tallied_at", "result"], vec![Arg::Int(debate)])
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct TitleRow {
    pub title: String,
}

const SELECTED: &str = "SELECT title FROM debate_proposals WHERE debate_id = $1 AND selected_at IS NOT NULL AND merged_into_id IS NULL \
     ORDER BY support_count DESC, id LIMIT 20";

/// The selected propositions' titles (the votes page pre-fills its form with them).
pub fn selected_part(debate: i64) -> Part {
    Part::new(SELECTED, &["title"], vec![Arg::Int(debate)])
}

/// The selected propositions' titles, for the vote the team opens from them.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn selected_titles(tx: &mut Tx, debate: i64) -> Result<Vec<String>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar(SELECTED).bind(debate).fetch_all(c).await)
}

pub struct NewContribution<'a> {
    pub debate: i64,
    pub parent: Option<i64>,
    pub author: UserId,
    pub stance: Option<&'a str>,
    pub body: &'a str,
    pub body_html: &'a str,
    pub now_ms: i64,
}

/// The debate a contribution belongs to, and whether it is a top-level one (replies are to those).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn contribution_place(tx: &mut Tx, id: i64) -> Result<Option<(i64, bool)>, sqlx::Error> {
    let sql = "SELECT debate_id, CASE WHEN parent_id IS NULL THEN 1 ELSE 0 END FROM debate_contributions WHERE id = $1";
    let row: Option<(i64, i32)> = on_tx!(tx, c => sqlx::query_as(sql).bind(id).fetch_optional(c).await)?;
    Ok(row.map(|(debate, top)| (debate, top == 1)))
}

/// The debate a proposition belongs to.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn proposal_debate(tx: &mut Tx, id: i64) -> Result<Option<i64>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar("SELECT debate_id FROM debate_proposals WHERE id = $1").bind(id).fetch_optional(c).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert_contribution(tx: &mut Tx, n: &NewContribution<'_>) -> Result<i64, sqlx::Error> {
    let sql = "INSERT INTO debate_contributions (debate_id, parent_id, author_id, stance, body, body_html, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
    let id: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(n.debate).bind(n.parent).bind(n.author).bind(n.stance)
        .bind(n.body).bind(n.body_html).bind(n.now_ms).fetch_one(c).await)?;
    let count = "UPDATE debates SET contribution_count = contribution_count + 1 WHERE id = $1";
    on_tx!(tx, c => sqlx::query(count).bind(n.debate).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(id)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert_proposal(
    tx: &mut Tx,
    debate: i64,
    author: UserId,
    title: &str,
    body: &str,
    html: &str,
    now_ms: i64,
) -> Result<i64, sqlx::Error> {
    let sql = "INSERT INTO debate_proposals (debate_id, author_id, title, body, body_html, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
    let id: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(debate).bind(author).bind(title).bind(body).bind(html).bind(now_ms).fetch_one(c).await)?;
    let count = "UPDATE debates SET proposal_count = proposal_count + 1 WHERE id = $1";
    on_tx!(tx, c => sqlx::query(count).bind(debate).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(id)
}

/// What can be supported ("+1"): a contribution or a proposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Supported {
    Contribution,
    Proposal,
}

impl Supported {
    fn tables(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Supported::Contribution => ("debate_supports", "contribution_id", "debate_contributions"),
            Supported::Proposal => ("debate_proposal_supports", "proposal_id", "debate_proposals"),
        }
    }
}

/// Supports, or withdraws the support (the second "+1" takes it back): one per person, the key
/// decides even between concurrent requests. Answers whether it is now supported.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn toggle_support(tx: &mut Tx, what: Supported, id: i64, user: UserId, now_ms: i64) -> Result<bool, sqlx::Error> {
    let (supports, key, table) = what.tables();
    let add = format!("INSERT INTO {supports} ({key}, user_id, created_at) VALUES ($1, $2, $3) ON CONFLICT ({key}, user_id) DO NOTHING");
    let added = on_tx!(tx, c => sqlx::query(&add).bind(id).bind(user).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))? == 1;
    if !added {
        let remove = format!("DELETE FROM {supports} WHERE {key} = $1 AND user_id = $2");
        on_tx!(tx, c => sqlx::query(&remove).bind(id).bind(user).execute(c).await.map(|r| r.rows_affected()))?;
    }
    let count = format!("UPDATE {table} SET support_count = (SELECT COUNT(*) FROM {supports} WHERE {key} = $1) WHERE id = $1");
    on_tx!(tx, c => sqlx::query(&count).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(added)
}

/// Pins a contribution, or unpins it.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn toggle_pin(tx: &mut Tx, id: i64, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "UPDATE debate_contributions SET pinned_at = CASE WHEN pinned_at IS NULL THEN $2 END WHERE id = $1";
    on_tx!(tx, c => sqlx::query(sql).bind(id).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Selects a proposition for a vote, or takes it back (a merged one is never selected).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn toggle_selected(tx: &mut Tx, id: i64, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql =
        "UPDATE debate_proposals SET selected_at = CASE WHEN selected_at IS NULL THEN $2 END WHERE id = $1 AND merged_into_id IS NULL";
    on_tx!(tx, c => sqlx::query(sql).bind(id).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Merges `merged` into `kept` (same debate, checked by the caller, `kept` not merged itself):
/// it points to the kept one and is no longer selected; those merged into it follow.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn merge(tx: &mut Tx, merged: i64, kept: i64) -> Result<(), sqlx::Error> {
    let follow = "UPDATE debate_proposals SET merged_into_id = $2 WHERE merged_into_id = $1";
    on_tx!(tx, c => sqlx::query(follow).bind(merged).bind(kept).execute(c).await.map(|r| r.rows_affected()))?;
    let sql = "UPDATE debate_proposals SET merged_into_id = $2, selected_at = NULL WHERE id = $1";
    on_tx!(tx, c => sqlx::query(sql).bind(merged).bind(kept).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Whether a proposition is itself merged (a merge keeps one that is not).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn proposal_merged(tx: &mut Tx, id: i64) -> Result<Option<(i64, bool)>, sqlx::Error> {
    let sql = "SELECT debate_id, CASE WHEN merged_into_id IS NULL THEN 0 ELSE 1 END FROM debate_proposals WHERE id = $1";
    let row: Option<(i64, i32)> = on_tx!(tx, c => sqlx::query_as(sql).bind(id).fetch_optional(c).await)?;
    Ok(row.map(|(debate, merged)| (debate, merged == 1)))
}

/// A proposition's debate and title.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn proposal_title(tx: &mut Tx, id: i64) -> Result<Option<(i64, String)>, sqlx::Error> {
    let sql = "SELECT debate_id, title FROM debate_proposals WHERE id = $1";
    on_tx!(tx, c => sqlx::query_as(sql).bind(id).fetch_optional(c).await)
}

/// The live event saying the debate moved (published after commit; ids only).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn changed_event(tx: &mut Tx, debate: i64, now_ms: i64) -> Result<EventRow, sqlx::Error> {
    let sql = "INSERT INTO events (kind, debate_id, created_at) VALUES ('debate_changed', $1, $2) RETURNING id";
    let id: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(debate).bind(now_ms).fetch_one(c).await)?;
    Ok(EventRow { id, kind: "debate_changed".into(), debate_id: Some(debate), ..EventRow::default() })
}
