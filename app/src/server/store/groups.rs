//! Thematic groups and their members ('admin', 'member', or 'pending' for a request).

use crate::model::feed::{GroupPrivacy, GroupRole};
use crate::model::ids::{GroupId, UserId};
use sqlx::FromRow;

use crate::server::db::{Db, Tx};
use crate::server::store::bundle::{Arg, Part};
use crate::{on_pool, on_tx};

#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct GroupRow {
    pub id: GroupId,
    pub slug: String,
    pub name: String,
    pub purpose: String,
    pub privacy: GroupPrivacy,
    /// The viewer's role, if any.
    pub my_role: Option<GroupRole>,
    /// Members and admins (the caller hides it from those who may not know it).
    pub member_count: i64,
    /// Its banner (JSON picture), '' when none.
    pub banner: String,
}

const GROUP_COLUMNS: &str = "g.id, g.slug, g.name, g.purpose, g.privacy, \
     (SELECT gm.role FROM group_members gm WHERE gm.group_id = g.id AND gm.user_id = $1) AS my_role, \
     CAST((SELECT COUNT(*) FROM group_members gc WHERE gc.group_id = g.id AND gc.role <> 'pending') AS BIGINT) AS member_count, g.banner";

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn by_slug(db: &Db, viewer: UserId, slug: &str) -> Result<Option<GroupRow>, sqlx::Error> {
    let sql = format!("SELECT {GROUP_COLUMNS} FROM groups g WHERE g.slug = $2");
    on_pool!(db.read(), p => sqlx::query_as::<_, GroupRow>(&sql).bind(viewer).bind(slug).fetch_optional(p).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn by_slug_in_tx(tx: &mut Tx, viewer: UserId, slug: &str) -> Result<Option<GroupRow>, sqlx::Error> {
    let sql = format!("SELECT {GROUP_COLUMNS} FROM groups g WHERE g.slug = $2");
    on_tx!(tx, c => sqlx::query_as::<_, GroupRow>(&sql).bind(viewer).bind(slug).fetch_optional(c).await)
}

/// Every group, mine first, then by name (groups are few: hundreds, not millions).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn list(db: &Db, viewer: UserId) -> Result<Vec<GroupRow>, sqlx::Error> {
    let sql = format!("SELECT {GROUP_COLUMNS} FROM groups g ORDER BY CASE WHEN EXISTS (SELECT 1 FROM group_members x WHERE x.group_id = g.id AND x.user_id = $1 AND x.role <> 'pending') THEN 0 ELSE 1 END, g.name LIMIT 500");
    on_pool!(db.read(), p => sqlx::query_as::<_, GroupRow>(&sql).bind(viewer).fetch_all(p).await)
}

/// Groups the viewer may publish in (member or admin).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn mine(db: &Db, viewer: UserId) -> Result<Vec<GroupRow>, sqlx::Error> {
    let sql = format!("SELECT {GROUP_COLUMNS} FROM groups g JOIN group_members m ON m.group_id = g.id AND m.user_id = $1 AND m.role <> 'pending' ORDER BY g.name LIMIT 500");
    on_pool!(db.read(), p => sqlx::query_as::<_, GroupRow>(&sql).bind(viewer).fetch_all(p).await)
}

/// Groups whose name or purpose shares a significant word with `words` (for "similar groups").
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn similar(tx: &mut Tx, words: &[String]) -> Result<Vec<(String, String)>, sqlx::Error> {
    let mut found = Vec::new();
    for word in words.iter().take(8) {
        let pattern = format!("%{}%", word.replace(['%', '_'], ""));
        let sql = "SELECT slug, name FROM groups WHERE LOWER(name) LIKE $1 OR LOWER(purpose) LIKE $1 ORDER BY name LIMIT 5";
        let rows: Vec<(String, String)> = on_tx!(tx, c => sqlx::query_as(sql).bind(&pattern).fetch_all(c).await)?;
        for row in rows {
            if !found.contains(&row) {
                found.push(row);
            }
        }
    }
    found.truncate(5);
    Ok(found)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert(
    tx: &mut Tx,
    slug: &str,
    name: &str,
    purpose: &str,
    privacy: GroupPrivacy,
    by: UserId,
    now_ms: i64,
) -> Result<GroupId, sqlx::Error> {
    let sql = "INSERT INTO groups (slug, name, purpose, privacy, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(slug).bind(name).bind(purpose).bind(privacy).bind(by).bind(now_ms).fetch_one(c).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn slug_exists(tx: &mut Tx, slug: &str) -> Result<bool, sqlx::Error> {
    let n: i64 =
        on_tx!(tx, c => sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM groups WHERE slug = $1").bind(slug).fetch_one(c).await)?;
    Ok(n > 0)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn set_role(tx: &mut Tx, group_id: GroupId, user_id: UserId, role: GroupRole, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO group_members (group_id, user_id, role, created_at) VALUES ($1, $2, $3, $4) \
               ON CONFLICT (group_id, user_id) DO UPDATE SET role = excluded.role";
    on_tx!(tx, c => sqlx::query(sql).bind(group_id).bind(user_id).bind(role).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn role_of(tx: &mut Tx, group_id: GroupId, user_id: UserId) -> Result<Option<GroupRole>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar("SELECT role FROM group_members WHERE group_id = $1 AND user_id = $2").bind(group_id).bind(user_id).fetch_optional(c).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn remove(tx: &mut Tx, group_id: GroupId, user_id: UserId) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("DELETE FROM group_members WHERE group_id = $1 AND user_id = $2").bind(group_id).bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn admin_count(tx: &mut Tx, group_id: GroupId) -> Result<i64, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM group_members WHERE group_id = $1 AND role = 'admin'").bind(group_id).fetch_one(c).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn admin_ids(tx: &mut Tx, group_id: GroupId) -> Result<Vec<UserId>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar("SELECT user_id FROM group_members WHERE group_id = $1 AND role = 'admin'").bind(group_id).fetch_all(c).await)
}

#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct MemberRow {
    pub handle: String,
    pub display_name: String,
    pub role: String,
}

/// Members, admins first, and pending requests (the caller decides who sees which): a part of the
/// group page's bundle (`store::bundle`).
pub fn members(group_id: GroupId) -> Part {
    let sql = "SELECT u.handle, u.display_name, m.role FROM group_members m JOIN users u ON u.id = m.user_id \
               WHERE m.group_id = $1 AND u.suspended_at IS NULL \
               ORDER BY CASE m.role WHEN 'admin' THEN 0 WHEN 'member' THEN 1 ELSE 2 END, u.display_name LIMIT 1000";
    Part::new(sql, &["handle", "display_name", "role"], vec![Arg::Int(group_id.get())])
}
