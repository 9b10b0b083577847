//! Annonces (`announcements`, `announcement_recipients`): who a segment reaches, the annonce and
//! its recipients written with their notifications, live events and mails in the sender's
//! transaction, a scope's history, one annonce as a reader sees it, the one-click unsubscribe.

use sqlx::FromRow;

use crate::model::commands::announcement::Audience;
use crate::model::ids::UserId;
use crate::on_tx;
use crate::server::db::Tx;
use crate::server::store::bulk::{insert_many, Val};
use crate::server::store::bundle::{Arg, Part};
use crate::server::store::events::EventRow;
use crate::server::store::members::Area;
use crate::server::store::team_scope::scope_joins;

/// A person a segment reaches.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct RecipientRow {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    /// Proven address and annonces by e-mail on.
    pub by_mail: bool,
}

/// Who `audience` reaches in `area`, the author left out: people who are not suspended, of the
/// area (the participants of one of its actions wherever they live). In id order.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn recipients(tx: &mut Tx, area: Area<'_>, audience: Audience, author: UserId) -> Result<Vec<RecipientRow>, sqlx::Error> {
    let (area_condition, area_value) = area.condition();
    let (segment, arg) = match audience {
        Audience::All => ("1 = 1", None),
        Audience::Adherents => ("u.membership = 'adherent' AND u.membership_status = 'confirmed'", None),
        Audience::Sympathisants => ("u.membership = 'sympathisant'", None),
        Audience::Available(a) => (
            "EXISTS (SELECT 1 FROM profile_availabilities pa WHERE pa.user_id = u.id AND pa.kind = $3)",
            Some(Arg::Text(a.as_str().to_string())),
        ),
        Audience::Participants(action) => {
            ("u.id IN (SELECT r.user_id FROM action_rsvps r WHERE r.action_id = $3 AND r.status = 'going')", Some(Arg::Int(action)))
        }
    };
    // Participants come from wherever they live; everyone else from the area.
    let place = if matches!(audience, Audience::Participants(_)) { "$1 = $1".to_string() } else { area_condition.to_string() };
    let sql = format!(
        "SELECT u.id, u.email, u.display_name, (u.email_verified_at IS NOT NULL AND u.announcements_by_mail) AS by_mail \
         FROM users u WHERE u.suspended_at IS NULL AND u.id <> $2 AND {place} AND {segment} ORDER BY u.id"
    );
    on_tx!(tx, c => {
        let q = sqlx::query_as(&sql).bind(area_value.clone()).bind(author);
        let q = match &arg {
            Some(Arg::Int(v)) => q.bind(*v),
            Some(Arg::Text(v)) => q.bind(v.clone()),
            Some(Arg::Real(v)) => q.bind(*v),
            None => q,
        };
        q.fetch_all(c).await
    })
}

/// How many annonces a scope sent since `$3` (one column, `n`).
const SENT_SINCE: &str =
    "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM announcements WHERE scope_kind = $1 AND scope_code = $2 AND created_at >= $3";

/// Annonces of a scope since `since_ms` (the weekly limit).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn sent_since(tx: &mut Tx, scope_kind: &str, scope_code: &str, since_ms: i64) -> Result<i64, sqlx::Error> {
    let sql = SENT_SINCE;
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(scope_kind).bind(scope_code).bind(since_ms).fetch_one(c).await)
}

pub struct NewAnnouncement<'a> {
    pub scope_kind: &'a str,
    pub scope_code: &'a str,
    pub author: UserId,
    pub audience: Audience,
    pub subject: &'a str,
    pub body: &'a str,
    pub body_html: &'a str,
    pub recipient_count: i64,
    pub mail_count: i64,
    pub now_ms: i64,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert(tx: &mut Tx, a: &NewAnnouncement<'_>) -> Result<i64, sqlx::Error> {
    let sql = "INSERT INTO announcements (scope_kind, scope_code, author_id, segment, segment_arg, subject, body, body_html, \
               recipient_count, mail_count, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";
    let segment = a.audience.segment();
    let arg = a.audience.arg();
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(a.scope_kind).bind(a.scope_code).bind(a.author).bind(segment).bind(&arg)
        .bind(a.subject).bind(a.body).bind(a.body_html).bind(a.recipient_count).bind(a.mail_count).bind(a.now_ms).fetch_one(c).await)
}

/// The recipients, each with the hash of their mail's unsubscribe link (`None`: in-app only).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert_recipients(tx: &mut Tx, announcement: i64, rows: &[(UserId, Option<String>)]) -> Result<(), sqlx::Error> {
    let values: Vec<Vec<Val>> = rows
        .iter()
        .map(|(user, hash)| vec![Val::Int(announcement), Val::Int(user.get()), hash.clone().map(Val::Text).unwrap_or(Val::NullText)])
        .collect();
    insert_many(tx, "INSERT INTO announcement_recipients (announcement_id, user_id, unsubscribe_hash)", 3, values).await
}

/// One notification and one live event per recipient (two statements, whatever their number);
/// the events are published after commit.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn notify_recipients(tx: &mut Tx, announcement: i64, author: UserId, now_ms: i64) -> Result<Vec<EventRow>, sqlx::Error> {
    let notify = "INSERT INTO notifications (user_id, kind, actor_id, announcement_id, created_at) \
                  SELECT user_id, 'announcement', $2, announcement_id, $3 FROM announcement_recipients WHERE announcement_id = $1";
    on_tx!(tx, c => sqlx::query(notify).bind(announcement).bind(author).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    let events = "INSERT INTO events (kind, user_id, created_at) \
                  SELECT 'notification', user_id, $2 FROM announcement_recipients WHERE announcement_id = $1 \
                  RETURNING id, kind, post_id, user_id, conversation_id";
    on_tx!(tx, c => sqlx::query_as(events).bind(announcement).bind(now_ms).fetch_all(c).await)
}

/// A line of a scope's history.
#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct HistoryRow {
    pub id: i64,
    pub subject: String,
    pub segment: String,
    pub segment_arg: String,
    pub action_title: Option<String>,
    pub recipient_count: i64,
    pub mail_count: i64,
    pub created_at: i64,
    pub author_handle: Option<String>,
    pub author_name: Option<String>,
}

/// A scope's annonces, newest first, keyset on (created_at, id).
pub fn history_part(scope_kind: &str, scope_code: &str, before: Option<(i64, i64)>, limit: i64) -> Part {
    let (at, id) = before.unwrap_or((i64::MAX, i64::MAX));
    let sql = "SELECT an.id, an.subject, an.segment, an.segment_arg, ac.title AS action_title, an.recipient_count, an.mail_count, \
               an.created_at, u.handle AS author_handle, u.display_name AS author_name \
               FROM announcements an LEFT JOIN users u ON u.id = an.author_id \
               LEFT JOIN actions ac ON an.segment = 'participants' AND ac.id = CASE WHEN an.segment = 'participants' THEN CAST(an.segment_arg AS BIGINT) END \
               WHERE an.scope_kind = $1 AND an.scope_code = $2 AND (an.created_at < $3 OR (an.created_at = $3 AND an.id < $4)) \
               ORDER BY an.created_at DESC, an.id DESC LIMIT $5";
    Part::new(
        sql,
        &[
            "id",
            "subject",
            "segment",
            "segment_arg",
            "action_title",
            "recipient_count",
            "mail_count",
            "created_at",
            "author_handle",
            "author_name",
        ],
        vec![Arg::Text(scope_kind.into()), Arg::Text(scope_code.into()), Arg::Int(at), Arg::Int(id), Arg::Int(limit)],
    )
}

/// Annonces of the rolling week, as a part (the page says how many remain).
pub fn sent_since_part(scope_kind: &str, scope_code: &str, since_ms: i64) -> Part {
    Part::new(SENT_SINCE, &["n"], vec![Arg::Text(scope_kind.into()), Arg::Text(scope_code.into()), Arg::Int(since_ms)])
}

/// An action of the scope whose participants may be written to.
#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct ActionChoiceRow {
    pub id: i64,
    pub title: String,
    pub starts_at: i64,
    pub going: i64,
}

/// The scope's published actions from `since_ms` on (a section's, or a federation's own), soonest
/// first, with how many answered "je participe".
pub fn action_choices_part(section_id: Option<i64>, federation_code: &str, since_ms: i64, limit: i64) -> Part {
    let owner = match section_id {
        Some(_) => "a.section_id = $1 AND $2 = $2",
        None => "a.section_id IS NULL AND a.federation_code = $2 AND $1 = $1",
    };
    let sql = format!(
        "SELECT a.id, a.title, a.starts_at, (SELECT CAST(COUNT(*) AS BIGINT) FROM action_rsvps r WHERE r.action_id = a.id AND r.status = 'going') AS going \
         FROM actions a WHERE {owner} AND a.status = 'published' AND a.starts_at >= $3 ORDER BY a.starts_at, a.id LIMIT $4"
    );
    Part::new(
        sql,
        &["id", "title", "starts_at", "going"],
        vec![Arg::Int(section_id.unwrap_or(0)), Arg::Text(federation_code.into()), Arg::Int(since_ms), Arg::Int(limit)],
    )
}

/// Whether an action is the scope's (a participants segment may only name one of those).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn action_of_scope(tx: &mut Tx, action: i64, section_id: Option<i64>, federation_code: &str) -> Result<bool, sqlx::Error> {
    let sql = "SELECT CAST(COUNT(*) AS BIGINT) FROM actions a WHERE a.id = $1 AND a.status <> 'proposed' \
               AND ((CAST($2 AS BIGINT) > 0 AND a.section_id = $2) OR (CAST($2 AS BIGINT) = 0 AND a.section_id IS NULL AND a.federation_code = $3))";
    let n: i64 =
        on_tx!(tx, c => sqlx::query_scalar(sql).bind(action).bind(section_id.unwrap_or(0)).bind(federation_code).fetch_one(c).await)?;
    Ok(n > 0)
}

/// One annonce with what the rules and the page need, for `me` (0: nobody).
#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct AnnouncementRow {
    pub id: i64,
    pub scope_kind: String,
    pub scope_code: String,
    pub subject: String,
    pub body_html: String,
    pub created_at: i64,
    pub recipient_count: i64,
    pub mail_count: i64,
    pub author_handle: Option<String>,
    pub author_name: Option<String>,
    pub section_id: Option<i64>,
    pub section_slug: Option<String>,
    pub section_name: Option<String>,
    /// The section's federation, or the federation itself.
    pub federation_code: String,
    pub federation_name: String,
    #[serde(deserialize_with = "crate::server::store::bundle::flag")]
    pub received: bool,
    #[serde(deserialize_with = "crate::server::store::bundle::flag")]
    pub by_mail: bool,
}

pub fn one_part(id: i64, me: i64) -> Part {
    let sql = format!("SELECT an.id, an.scope_kind, an.scope_code, an.subject, an.body_html, an.created_at, an.recipient_count, an.mail_count, \
               u.handle AS author_handle, u.display_name AS author_name, s.id AS section_id, s.slug AS section_slug, s.name AS section_name, \
               d.code AS federation_code, d.name AS federation_name, \
               EXISTS (SELECT 1 FROM announcement_recipients r WHERE r.announcement_id = an.id AND r.user_id = $2) AS received, \
               EXISTS (SELECT 1 FROM users me WHERE me.id = $2 AND me.email_verified_at IS NOT NULL AND me.announcements_by_mail) AS by_mail \
               FROM announcements an LEFT JOIN users u ON u.id = an.author_id {} WHERE an.id = $1", scope_joins("an"));
    Part::new(
        sql,
        &[
            "id",
            "scope_kind",
            "scope_code",
            "subject",
            "body_html",
            "created_at",
            "recipient_count",
            "mail_count",
            "author_handle",
            "author_name",
            "section_id",
            "section_slug",
            "section_name",
            "federation_code",
            "federation_name",
            "received",
            "by_mail",
        ],
        vec![Arg::Int(id), Arg::Int(me)],
    )
}

/// Whether an unsubscribe link is good, and whether its person already stopped annonce mails.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn unsubscribe_state(db: &crate::server::db::Db, hash: &str) -> Result<Option<bool>, sqlx::Error> {
    let sql =
        "SELECT u.announcements_by_mail FROM announcement_recipients r JOIN users u ON u.id = r.user_id WHERE r.unsubscribe_hash = $1";
    crate::on_pool!(db.read(), p => sqlx::query_scalar(sql).bind(hash).fetch_optional(p).await)
}

/// The one-click unsubscribe: annonces by e-mail off for the link's person. Answers whether the
/// link was good.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn unsubscribe(tx: &mut Tx, hash: &str) -> Result<bool, sqlx::Error> {
    let sql = "UPDATE users SET announcements_by_mail = FALSE \
               WHERE id = (SELECT r.user_id FROM announcement_recipients r WHERE r.unsubscribe_hash = $1)";
    let n = on_tx!(tx, c => sqlx::query(sql).bind(hash).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// Annonces by e-mail on or off, from the account page.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn set_by_mail(tx: &mut Tx, user: UserId, on: bool) -> Result<(), sqlx::Error> {
    let sql = "UPDATE users SET announcements_by_mail = $1 WHERE id = $2";
    on_tx!(tx, c => sqlx::query(sql).bind(on).bind(user).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}
