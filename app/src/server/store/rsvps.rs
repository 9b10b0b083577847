//! Answers to actions: 'going' (a place), 'waiting' (the waiting list, first come first
//! promoted), 'maybe', 'declined'.

use crate::model::action::RsvpStatus;
use crate::model::ids::{ActionId, UserId};
use crate::on_tx;
use crate::server::db::Tx;
use crate::server::store::bundle::{flag, Arg, Part};

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn status_of(tx: &mut Tx, action_id: ActionId, user_id: UserId) -> Result<Option<RsvpStatus>, sqlx::Error> {
    let sql = "SELECT status FROM action_rsvps WHERE action_id = $1 AND user_id = $2";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(action_id).bind(user_id).fetch_optional(c).await)
}

/// What a participant lets others see: their e-mail (organizers), their first name (participants).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sharing {
    pub contact: bool,
    pub first_name: bool,
}

/// Writes an answer. `queued_at` keeps its first value while the person stays on the waiting
/// list, so changing what one shares does not lose one's rank.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn upsert(
    tx: &mut Tx,
    action_id: ActionId,
    user_id: UserId,
    status: RsvpStatus,
    sharing: Sharing,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO action_rsvps (action_id, user_id, status, share_contact, show_first_name, queued_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $6) \
               ON CONFLICT (action_id, user_id) DO UPDATE SET \
                 queued_at = CASE WHEN action_rsvps.status = excluded.status THEN action_rsvps.queued_at ELSE excluded.queued_at END, \
                 status = excluded.status, share_contact = excluded.share_contact, show_first_name = excluded.show_first_name, \
                 updated_at = excluded.updated_at";
    on_tx!(tx, c => sqlx::query(sql).bind(action_id).bind(user_id).bind(status).bind(sharing.contact).bind(sharing.first_name).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn count(tx: &mut Tx, action_id: ActionId, status: RsvpStatus) -> Result<i64, sqlx::Error> {
    let sql = "SELECT CAST(COUNT(*) AS BIGINT) FROM action_rsvps WHERE action_id = $1 AND status = $2";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(action_id).bind(status).fetch_one(c).await)
}

/// The first `n` people of the waiting list, in the order they asked.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn first_waiting(tx: &mut Tx, action_id: ActionId, n: i64) -> Result<Vec<UserId>, sqlx::Error> {
    let sql = "SELECT user_id FROM action_rsvps WHERE action_id = $1 AND status = 'waiting' ORDER BY queued_at, user_id LIMIT $2";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(action_id).bind(n).fetch_all(c).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn set_status(tx: &mut Tx, action_id: ActionId, user_id: UserId, status: RsvpStatus, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "UPDATE action_rsvps SET status = $1, updated_at = $2 WHERE action_id = $3 AND user_id = $4";
    on_tx!(tx, c => sqlx::query(sql).bind(status).bind(now_ms).bind(action_id).bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Everyone who said yes, maybe or waits: they hear about changes and cancellation.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn concerned(tx: &mut Tx, action_id: ActionId) -> Result<Vec<UserId>, sqlx::Error> {
    let sql = "SELECT user_id FROM action_rsvps WHERE action_id = $1 AND status IN ('going', 'waiting', 'maybe')";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(action_id).fetch_all(c).await)
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct ParticipantRow {
    pub handle: String,
    pub display_name: String,
    pub email: String,
    pub status: String,
    #[serde(deserialize_with = "flag")]
    pub share_contact: bool,
    #[serde(deserialize_with = "flag")]
    pub show_first_name: bool,
    #[serde(deserialize_with = "flag")]
    pub email_verified: bool,
}

/// Who answered yes, waits or maybe (suspended accounts left out), places first: a part of the
/// action page's bundle (`store::bundle`).
pub fn participants(action_id: ActionId) -> Part {
    let sql = "SELECT u.handle, u.display_name, u.email, r.status, r.share_contact, r.show_first_name, \
               (u.email_verified_at IS NOT NULL) AS email_verified FROM action_rsvps r JOIN users u ON u.id = r.user_id \
               WHERE r.action_id = $1 AND r.status IN ('going', 'waiting', 'maybe') AND u.suspended_at IS NULL \
               ORDER BY CASE r.status WHEN 'going' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END, r.queued_at, u.id LIMIT 500";
    Part::new(
        sql,
        &["handle", "display_name", "email", "status", "share_contact", "show_first_name", "email_verified"],
        vec![Arg::Int(action_id.get())],
    )
}
