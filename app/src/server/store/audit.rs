//! The audit log: who did what, when, in which scope.

use crate::model::ids::UserId;
use sqlx::FromRow;

use crate::model::territory::AuditEntry;

use crate::on_tx;
use crate::server::db::{Db, Tx};
use crate::server::store::bundle::{Arg, Part};

/// One line of the journal, with its id for the keyset of the next page.
#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: i64,
    pub action: String,
    pub actor_handle: Option<String>,
    pub target_handle: Option<String>,
    pub detail: String,
}

impl From<AuditRow> for AuditEntry {
    fn from(a: AuditRow) -> AuditEntry {
        AuditEntry { at_ms: a.at, action: a.action, actor: a.actor_handle, target: a.target_handle, detail: a.detail }
    }
}

pub struct Entry<'a> {
    pub actor_id: Option<UserId>,
    pub action: &'a str,
    pub scope_kind: &'a str,
    pub scope_code: &'a str,
    pub target_user_id: Option<UserId>,
    pub detail: &'a str,
    pub now_ms: i64,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn record(tx: &mut Tx, e: &Entry<'_>) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO audit_log (at, actor_id, action, scope_kind, scope_code, target_user_id, detail) \
               VALUES ($1, $2, $3, $4, $5, $6, $7)";
    on_tx!(tx, c => sqlx::query(sql).bind(e.now_ms).bind(e.actor_id).bind(e.action).bind(e.scope_kind).bind(e.scope_code).bind(e.target_user_id).bind(e.detail).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Newest first, keyset-paginated on (at, id).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn for_scope(
    db: &Db,
    scope_kind: &str,
    scope_code: &str,
    before: Option<(i64, i64)>,
    limit: i64,
) -> Result<Vec<AuditRow>, sqlx::Error> {
    for_scope_part(scope_kind, scope_code, before, limit).fetch_all(db).await
}

/// `for_scope` as a part of a page's bundle (`store::bundle`).
pub fn for_scope_part(scope_kind: &str, scope_code: &str, before: Option<(i64, i64)>, limit: i64) -> Part {
    let (at, id) = before.unwrap_or((i64::MAX, i64::MAX));
    let sql = "SELECT a.id, a.at, a.action, actor.handle AS actor_handle, target.handle AS target_handle, a.detail \
               FROM audit_log a LEFT JOIN users actor ON actor.id = a.actor_id LEFT JOIN users target ON target.id = a.target_user_id \
               WHERE a.scope_kind = $1 AND a.scope_code = $2 AND (a.at < $3 OR (a.at = $3 AND a.id < $4)) \
               ORDER BY a.at DESC, a.id DESC LIMIT $5";
    Part::new(
        sql,
        &["id", "at", "action", "actor_handle", "target_handle", "detail"],
        vec![Arg::Text(scope_kind.into()), Arg::Text(scope_code.into()), Arg::Int(at), Arg::Int(id), Arg::Int(limit)],
    )
}

/// How many times a person moved since `since_ms`, and when the oldest of those moves was.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn moves_since(tx: &mut Tx, user_id: UserId, since_ms: i64) -> Result<(i64, Option<i64>), sqlx::Error> {
    let sql = "SELECT COUNT(*), MIN(at) FROM audit_log WHERE actor_id = $1 AND action = 'member_moved_in' AND at >= $2";
    on_tx!(tx, c => sqlx::query_as(sql).bind(user_id).bind(since_ms).fetch_one(c).await)
}
