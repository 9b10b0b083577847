//! Comments on publications, with one level of replies. Callers check first that the viewer may
//! see the publication (`store::posts::visible`).

use crate::model::ids::{CommentId, PostId, UserId};
use sqlx::FromRow;

use crate::on_tx;
use crate::server::db::Tx;
use crate::server::policy::feed::author_restricted;
use crate::server::store::bundle::{Arg, Part};

#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct CommentRow {
    pub id: CommentId,
    pub parent_id: Option<CommentId>,
    /// `None` once its author's account was erased and others had replied ("message supprimé").
    pub author_id: Option<UserId>,
    pub author_handle: Option<String>,
    pub author_name: Option<String>,
    pub body_html: String,
    pub created_at: i64,
    /// Hidden by the moderation: its text reaches its author only ("masqué par la modération").
    #[serde(deserialize_with = "crate::server::store::bundle::flag")]
    pub hidden: bool,
    /// Why, for its author only.
    pub hidden_reason: Option<String>,
    /// The article of the charter of the decision that hid it (none while it is only held).
    pub hidden_rule: Option<String>,
}

/// Comments in reading order (threads: a top-level comment, then its replies), without those of
/// suspended accounts and people on either side of a block with the viewer: a part of the
/// publication page's bundle (`store::bundle`).
pub fn for_post(viewer: UserId, post_id: PostId) -> Part {
    Part::new(
        FOR_POST,
        &[
            "id",
            "parent_id",
            "author_id",
            "author_handle",
            "author_name",
            "body_html",
            "created_at",
            "hidden",
            "hidden_reason",
            "hidden_rule",
        ],
        vec![Arg::Int(post_id.get()), Arg::Int(viewer.get())],
    )
}

const FOR_POST: &str = concat!(
    "SELECT c.id, c.parent_id, c.author_id, u.handle AS author_handle, u.display_name AS author_name, \
     CASE WHEN c.hidden_at IS NULL OR c.author_id = $2 THEN c.body_html ELSE '' END AS body_html, c.created_at, \
     CASE WHEN c.hidden_at IS NULL THEN 0 ELSE 1 END AS hidden, \
     CASE WHEN c.author_id = $2 THEN c.hidden_reason END AS hidden_reason, \
     CASE WHEN c.hidden_at IS NOT NULL THEN (SELECT md.rule FROM moderation_cases mc JOIN moderation_decisions md ON md.case_id = mc.id \
       WHERE mc.item_kind = 'comment' AND mc.item_id = c.id AND md.kind = 'hide' ORDER BY md.id DESC LIMIT 1) END AS hidden_rule \
     FROM comments c JOIN posts p ON p.id = c.post_id LEFT JOIN users u ON u.id = c.author_id \
     WHERE c.post_id = $1 AND u.suspended_at IS NULL \
     AND (c.author_id = $2 OR c.author_id IS NULL OR NOT ",
    author_restricted!("c.author_id"),
    ") AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = c.author_id AND b.blocked_id = $2) OR (b.blocker_id = $2 AND b.blocked_id = c.author_id)) \
     ORDER BY COALESCE(c.parent_id, c.id), c.id LIMIT 1000"
);

/// Where a comment is: (post id, parent id, author id — `None` for a "message supprimé").
pub type CommentPlace = (PostId, Option<CommentId>, Option<UserId>);

/// The `CommentPlace` of a comment.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn place(tx: &mut Tx, id: CommentId) -> Result<Option<CommentPlace>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_as("SELECT post_id, parent_id, author_id FROM comments WHERE id = $1").bind(id).fetch_optional(c).await)
}

pub struct NewComment<'a> {
    pub post_id: PostId,
    pub parent_id: Option<CommentId>,
    pub author_id: UserId,
    pub body: &'a str,
    pub body_html: &'a str,
    pub now_ms: i64,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert(tx: &mut Tx, c: &NewComment<'_>) -> Result<CommentId, sqlx::Error> {
    let sql =
        "INSERT INTO comments (post_id, parent_id, author_id, body, body_html, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
    on_tx!(tx, conn => sqlx::query_scalar(sql).bind(c.post_id).bind(c.parent_id).bind(c.author_id).bind(c.body).bind(c.body_html).bind(c.now_ms).fetch_one(conn).await)
}

/// Deletes a comment and its replies; returns how many rows went.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn delete(tx: &mut Tx, id: CommentId) -> Result<i64, sqlx::Error> {
    let replies =
        on_tx!(tx, c => sqlx::query("DELETE FROM comments WHERE parent_id = $1").bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    let own = on_tx!(tx, c => sqlx::query("DELETE FROM comments WHERE id = $1").bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(i64::try_from(replies + own).unwrap_or(0))
}

/// The people who wrote in a thread — its top-level comment and its replies — at most `limit`.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn thread_writers(tx: &mut Tx, thread_id: CommentId, limit: i64) -> Result<Vec<UserId>, sqlx::Error> {
    let sql = "SELECT author_id FROM comments WHERE id = $1 AND author_id IS NOT NULL \
               UNION SELECT author_id FROM comments WHERE parent_id = $1 AND author_id IS NOT NULL LIMIT $2";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(thread_id).bind(limit).fetch_all(c).await)
}
