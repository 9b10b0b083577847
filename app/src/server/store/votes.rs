//! Votes (`votes`, `vote_options`, `vote_electors`, `vote_participations`, `vote_ballots`): the
//! vote with its options and its electorate written at opening; a ballot and its participation
//! written together; the ballots read, written again in the order of their random ids, and the
//! result kept at counting. No statement here ever joins a ballot to a person.

use sqlx::FromRow;

use crate::model::ids::UserId;
use crate::on_tx;
use crate::server::db::{Db, Tx};
use crate::server::store::bulk::{insert_many, Val};
use crate::server::store::bundle::{Arg, Part};
use crate::server::store::events::EventRow;
use crate::server::store::members::Area;
use crate::server::store::team_scope::{scope_joins, section_join};

/// Who the electorate is: the area's confirmed adhérents, not suspended (`u` is `users`).
const ELECTORS: &str = "u.suspended_at IS NULL AND u.membership = 'adherent' AND u.membership_status = 'confirmed'";

/// How many people the electorate of a vote opened now in `area` would hold (one column, `n`).
pub fn electorate_now_part(area: Area<'_>) -> Part {
    let (condition, value) = area.condition();
    Part::new(format!("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM users u WHERE {ELECTORS} AND {condition}"), &["n"], vec![Arg::Text(value)])
}

pub struct NewVote<'a> {
    /// The debate whose selected propositions it puts to the vote.
    pub debate: Option<i64>,
    pub scope_kind: &'a str,
    pub scope_code: &'a str,
    pub author: UserId,
    pub title: &'a str,
    pub description: &'a str,
    pub description_html: &'a str,
    pub kind: &'a str,
    pub max_choices: i64,
    pub opens_at: i64,
    pub closes_at: i64,
    pub quorum_percent: Option<i64>,
    pub now_ms: i64,
}

/// The vote, its options and its electorate (the area's confirmed adhérents now): answers the
/// vote's id and the electorate's size.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert(tx: &mut Tx, v: &NewVote<'_>, options: &[String], area: Area<'_>) -> Result<(i64, i64), sqlx::Error> {
    let sql = "INSERT INTO votes (scope_kind, scope_code, author_id, title, description, description_html, kind, max_choices, \
               opens_at, closes_at, quorum_percent, electorate_count, created_at, debate_id) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0, $12, $13) RETURNING id";
    let id: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(v.scope_kind).bind(v.scope_code).bind(v.author).bind(v.title)
        .bind(v.description).bind(v.description_html).bind(v.kind).bind(v.max_choices).bind(v.opens_at).bind(v.closes_at)
        .bind(v.quorum_percent).bind(v.now_ms).bind(v.debate).fetch_one(c).await)?;
    let rows = options.iter().enumerate().map(|(i, label)| vec![Val::Int(id), Val::Int(i as i64), Val::Text(label.clone())]).collect();
    insert_many(tx, "INSERT INTO vote_options (vote_id, position, label)", 3, rows).await?;
    let (condition, value) = area.condition();
    let electors = format!(
        "INSERT INTO vote_electors (vote_id, user_id) SELECT CAST($2 AS BIGINT), u.id FROM users u WHERE {ELECTORS} AND {condition}"
    );
    let n = on_tx!(tx, c => sqlx::query(&electors).bind(value.clone()).bind(id).execute(c).await.map(|r| r.rows_affected()))? as i64;
    on_tx!(tx, c => sqlx::query("UPDATE votes SET electorate_count = $1 WHERE id = $2").bind(n).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok((id, n))
}

/// One notification and one live event per elector but the author (two statements, whatever
/// their number); the events are published after commit.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn notify_electors(tx: &mut Tx, vote: i64, author: UserId, now_ms: i64) -> Result<Vec<EventRow>, sqlx::Error> {
    let notify = "INSERT INTO notifications (user_id, kind, actor_id, vote_id, created_at) \
                  SELECT user_id, 'vote_opened', $2, vote_id, $3 FROM vote_electors WHERE vote_id = $1 AND user_id <> $2";
    on_tx!(tx, c => sqlx::query(notify).bind(vote).bind(author).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    let events = "INSERT INTO events (kind, user_id, created_at) \
                  SELECT 'notification', user_id, $3 FROM vote_electors WHERE vote_id = $1 AND user_id <> $2 \
                  RETURNING id, kind, post_id, user_id, conversation_id";
    on_tx!(tx, c => sqlx::query_as(events).bind(vote).bind(author).bind(now_ms).fetch_all(c).await)
}

/// How many votes a scope opened since `since_ms` (a team opens `VOTES_PER_WEEK` at most).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn opened_since(tx: &mut Tx, scope_kind: &str, scope_code: &str, since_ms: i64) -> Result<i64, sqlx::Error> {
    let sql = "SELECT CAST(COUNT(*) AS BIGINT) FROM votes WHERE scope_kind = $1 AND scope_code = $2 AND created_at >= $3";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(scope_kind).bind(scope_code).bind(since_ms).fetch_one(c).await)
}

/// A line of a scope's votes.
#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct LineRow {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub opens_at: i64,
    pub closes_at: i64,
    pub electorate_count: i64,
    pub tallied_at: Option<i64>,
}

/// A scope's votes, the latest opened first, keyset on (opens_at, id).
pub fn list_part(scope_kind: &str, scope_code: &str, before: Option<(i64, i64)>, limit: i64) -> Part {
    let (at, id) = before.unwrap_or((i64::MAX, i64::MAX));
    let sql = "SELECT v.id, v.title, v.kind, v.opens_at, v.closes_at, v.electorate_count, v.tallied_at FROM votes v \
               WHERE v.scope_kind = $1 AND v.scope_code = $2 AND (v.opens_at < $3 OR (v.opens_at = $3 AND v.id < $4)) \
               ORDER BY v.opens_at DESC, v.id DESC LIMIT $5";
    Part::new(
        sql,
        &["id", "title", "kind", "opens_at", "closes_at", "electorate_count", "tallied_at"],
        vec![Arg::Text(scope_kind.into()), Arg::Text(scope_code.into()), Arg::Int(at), Arg::Int(id), Arg::Int(limit)],
    )
}

/// One vote with what the rules and the page need, for `me` (0: nobody): whether they are of
/// its electorate and voted, how many voted.
#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct VoteRow {
    pub id: i64,
    pub scope_kind: String,
    pub title: String,
    pub description_html: String,
    pub kind: String,
    pub max_choices: i64,
    pub opens_at: i64,
    pub closes_at: i64,
    pub quorum_percent: Option<i64>,
    pub electorate_count: i64,
    pub tallied_at: Option<i64>,
    pub result: Option<String>,
    pub result_post_id: Option<i64>,
    pub author_handle: Option<String>,
    pub author_name: Option<String>,
    pub section_id: Option<i64>,
    pub section_slug: Option<String>,
    pub section_name: Option<String>,
    /// The section's federation, or the federation itself.
    pub federation_code: String,
    pub federation_name: String,
    pub participation: i64,
    #[serde(deserialize_with = "crate::server::store::bundle::flag")]
    pub elector: bool,
    #[serde(deserialize_with = "crate::server::store::bundle::flag")]
    pub voted: bool,
}

pub fn one_part(id: i64, me: i64) -> Part {
    let sql = format!(
        "SELECT v.id, v.scope_kind, v.title, v.description_html, v.kind, v.max_choices, v.opens_at, v.closes_at, v.quorum_percent, \
               v.electorate_count, v.tallied_at, v.result, v.result_post_id, u.handle AS author_handle, u.display_name AS author_name, \
               s.id AS section_id, s.slug AS section_slug, s.name AS section_name, d.code AS federation_code, d.name AS federation_name, \
               (SELECT CAST(COUNT(*) AS BIGINT) FROM vote_participations p WHERE p.vote_id = v.id) AS participation, \
               EXISTS (SELECT 1 FROM vote_electors e WHERE e.vote_id = v.id AND e.user_id = $2) AS elector, \
               EXISTS (SELECT 1 FROM vote_participations p WHERE p.vote_id = v.id AND p.user_id = $2) AS voted \
               FROM votes v LEFT JOIN users u ON u.id = v.author_id {} WHERE v.id = $1",
        scope_joins("v")
    );
    Part::new(
        sql,
        &[
            "id",
            "scope_kind",
            "title",
            "description_html",
            "kind",
            "max_choices",
            "opens_at",
            "closes_at",
            "quorum_percent",
            "electorate_count",
            "tallied_at",
            "result",
            "result_post_id",
            "author_handle",
            "author_name",
            "section_id",
            "section_slug",
            "section_name",
            "federation_code",
            "federation_name",
            "participation",
            "elector",
            "voted",
        ],
        vec![Arg::Int(id), Arg::Int(me)],
    )
}

#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct OptionRow {
    pub label: String,
}

/// A vote's options, in order.
pub fn options_part(id: i64) -> Part {
    Part::new("SELECT o.label FROM vote_options o WHERE o.vote_id = $1 ORDER BY o.position", &["label"], vec![Arg::Int(id)])
}

/// The options of the votes put from a debate.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct DebateOptionRow {
    pub vote_id: i64,
    pub label: String,
}

pub fn debate_options_part(debate_id: i64) -> Part {
    let sql = "SELECT o.vote_id, o.label FROM vote_options o JOIN votes v ON v.id = o.vote_id WHERE v.debate_id = $1 \
               ORDER BY o.vote_id, o.position";
    Part::new(sql, &["vote_id", "label"], vec![Arg::Int(debate_id)])
}

/// What casting and counting need of a vote, read in their transaction.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct Facts {
    pub id: i64,
    pub scope_kind: String,
    pub scope_code: String,
    pub author_id: Option<UserId>,
    pub title: String,
    pub kind: String,
    pub max_choices: i64,
    pub options: i64,
    pub opens_at: i64,
    pub closes_at: i64,
    pub quorum_percent: Option<i64>,
    pub electorate_count: i64,
    pub tallied_at: Option<i64>,
    /// The section (a section's vote).
    pub section_id: Option<i64>,
    /// The section's federation, or the federation itself.
    pub federation_code: String,
    /// Whether the person asking is of the electorate (`me`; 0: nobody).
    pub elector: bool,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn facts(tx: &mut Tx, id: i64, me: i64) -> Result<Option<Facts>, sqlx::Error> {
    let sql = format!(
        "SELECT v.id, v.scope_kind, v.scope_code, v.author_id, v.title, v.kind, v.max_choices, \
               (SELECT CAST(COUNT(*) AS BIGINT) FROM vote_options o WHERE o.vote_id = v.id) AS options, \
               v.opens_at, v.closes_at, v.quorum_percent, v.electorate_count, v.tallied_at, s.id AS section_id, \
               COALESCE(s.federation_code, v.scope_code) AS federation_code, \
               EXISTS (SELECT 1 FROM vote_electors e WHERE e.vote_id = v.id AND e.user_id = $2) AS elector \
               FROM votes v {} WHERE v.id = $1",
        section_join("v")
    );
    on_tx!(tx, c => sqlx::query_as(&sql).bind(id).bind(me).fetch_optional(c).await)
}

/// A vote's options, in order (the result's publication names them).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn option_labels(tx: &mut Tx, id: i64) -> Result<Vec<String>, sqlx::Error> {
    let sql = "SELECT label FROM vote_options WHERE vote_id = $1 ORDER BY position";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(id).fetch_all(c).await)
}

/// The participation of an elector: `false` when they had voted already (the key refuses a
/// second row, even from a concurrent transaction, which waits for the first and then finds it).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn participate(tx: &mut Tx, vote: i64, user: UserId) -> Result<bool, sqlx::Error> {
    let sql = "INSERT INTO vote_participations (vote_id, user_id) VALUES ($1, $2) ON CONFLICT (vote_id, user_id) DO NOTHING";
    let n = on_tx!(tx, c => sqlx::query(sql).bind(vote).bind(user).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// A ballot: its random id and its choice, nothing else.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert_ballot(tx: &mut Tx, vote: i64, id: &str, choice: &str) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO vote_ballots (vote_id, id, choice) VALUES ($1, $2, $3)";
    on_tx!(tx, c => sqlx::query(sql).bind(vote).bind(id).bind(choice).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The live event saying a vote's participation moved (ids only).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn ballot_event(tx: &mut Tx, vote: i64, now_ms: i64) -> Result<EventRow, sqlx::Error> {
    let sql = "INSERT INTO events (kind, vote_id, created_at) VALUES ('ballot_cast', $1, $2) RETURNING id";
    let id: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(vote).bind(now_ms).fetch_one(c).await)?;
    Ok(EventRow { id, kind: "ballot_cast".into(), vote_id: Some(vote), ..EventRow::default() })
}

/// A published ballot: its id (the voter's receipt) and its choice.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct BallotRow {
    pub id: String,
    pub choice: String,
}

/// A vote's ballots in the order of their ids (random: nothing to do with when they came).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn ballots(db: &Db, vote: i64) -> Result<Vec<BallotRow>, sqlx::Error> {
    let sql = "SELECT id, choice FROM vote_ballots WHERE vote_id = $1 ORDER BY id";
    crate::on_pool!(db.read(), p => sqlx::query_as(sql).bind(vote).fetch_all(p).await)
}

/// At counting: the ballots read, deleted and written again in one transaction, in the order of
/// their random ids. Each row then carries the counting transaction's id and lies where the
/// order of ids put it: nothing of when it was cast remains (PostgreSQL's `xmin` and `ctid`).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn shuffle_ballots(tx: &mut Tx, vote: i64) -> Result<Vec<BallotRow>, sqlx::Error> {
    let read = "SELECT id, choice FROM vote_ballots WHERE vote_id = $1 ORDER BY id";
    let ballots: Vec<BallotRow> = on_tx!(tx, c => sqlx::query_as(read).bind(vote).fetch_all(c).await)?;
    on_tx!(tx, c => sqlx::query("DELETE FROM vote_ballots WHERE vote_id = $1").bind(vote).execute(c).await.map(|r| r.rows_affected()))?;
    let rows = ballots.iter().map(|b| vec![Val::Int(vote), Val::Text(b.id.clone()), Val::Text(b.choice.clone())]).collect();
    insert_many(tx, "INSERT INTO vote_ballots (vote_id, id, choice)", 3, rows).await?;
    Ok(ballots)
}

/// The count: kept once (`false` when another instance counted first).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn record_result(tx: &mut Tx, vote: i64, ballots: i64, result: &str, now_ms: i64) -> Result<bool, sqlx::Error> {
    let sql = "UPDATE votes SET tallied_at = $1, ballot_count = $2, result = $3 WHERE id = $4 AND tallied_at IS NULL";
    let n =
        on_tx!(tx, c => sqlx::query(sql).bind(now_ms).bind(ballots).bind(result).bind(vote).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn set_result_post(tx: &mut Tx, vote: i64, post: i64) -> Result<(), sqlx::Error> {
    let sql = "UPDATE votes SET result_post_id = $1 WHERE id = $2";
    on_tx!(tx, c => sqlx::query(sql).bind(post).bind(vote).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Closing before the time (the whole electorate voted): the closing moves to `now`.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn close_now(tx: &mut Tx, vote: i64, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "UPDATE votes SET closes_at = $1 WHERE id = $2 AND closes_at > $1";
    on_tx!(tx, c => sqlx::query(sql).bind(now_ms).bind(vote).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// How many voted (in a transaction: closing early compares it with the electorate).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn participation(tx: &mut Tx, vote: i64) -> Result<i64, sqlx::Error> {
    let sql = "SELECT CAST(COUNT(*) AS BIGINT) FROM vote_participations WHERE vote_id = $1";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(vote).fetch_one(c).await)
}

/// Votes past their closing and not counted yet, the oldest first.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn due(db: &Db, now_ms: i64, limit: i64) -> Result<Vec<i64>, sqlx::Error> {
    let sql = "SELECT id FROM votes WHERE tallied_at IS NULL AND closes_at <= $1 ORDER BY closes_at, id LIMIT $2";
    crate::on_pool!(db.read(), p => sqlx::query_scalar(sql).bind(now_ms).bind(limit).fetch_all(p).await)
}
