//! Private conversations (issue 19): conversations, their members with read state, and messages.
//! Callers decide who may write and read (`policy::messages`); the reading queries also filter by
//! membership, so a conversation never shows to someone outside it.

use sqlx::FromRow;

use crate::model::ids::UserId;
use crate::on_tx;
use crate::server::db::{Db, Tx};
use crate::server::store::bundle::{Arg, Part};
use crate::server::store::events::EventRow;

/// The member statuses (`conversation_members.status`).
pub const ACTIVE: &str = "active";
pub const REQUEST: &str = "request";
pub const REFUSED: &str = "refused";

/// What links `me` to each person named by `handles` (`policy::messages::ContactFacts`), in one
/// statement; a handle no account has (or `me`'s) has no row.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct ContactRow {
    pub recipient: UserId,
    pub handle: String,
    pub reachable: bool,
    pub blocked: bool,
    pub same_section: bool,
    pub coopains: bool,
    pub shared_group: bool,
    pub officer: bool,
    pub organizer: bool,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn contact_facts(tx: &mut Tx, me: UserId, handles: &[String]) -> Result<Vec<ContactRow>, sqlx::Error> {
    if handles.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (0..handles.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "WITH me AS (SELECT u.id, sc.section_id, c.departement_code AS federation_code FROM users u \
           LEFT JOIN communes c ON c.insee = u.commune_insee LEFT JOIN section_communes sc ON sc.insee = u.commune_insee WHERE u.id = $1) \
         SELECT r.id AS recipient, r.handle, (r.suspended_at IS NULL) AS reachable, \
           EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = me.id AND b.blocked_id = r.id) OR (b.blocker_id = r.id AND b.blocked_id = me.id)) AS blocked, \
           (rsc.section_id IS NOT NULL AND me.section_id IS NOT NULL AND rsc.section_id = me.section_id) AS same_section, \
           EXISTS (SELECT 1 FROM coopains k WHERE k.user_id = me.id AND k.coopain_id = r.id) AS coopains, \
           EXISTS (SELECT 1 FROM group_members g1 JOIN group_members g2 ON g2.group_id = g1.group_id \
             WHERE g1.user_id = me.id AND g2.user_id = r.id AND g1.role <> 'pending' AND g2.role <> 'pending') AS shared_group, \
           EXISTS (SELECT 1 FROM roles ro WHERE ro.user_id = r.id AND ( \
             (ro.role IN ('section_secretary', 'section_animator') AND ro.scope_kind = 'section' AND ro.scope_code = CAST(me.section_id AS TEXT)) \
             OR (ro.role IN ('federation_first_secretary', 'federation_animator') AND ro.scope_kind = 'federation' AND ro.scope_code = me.federation_code))) AS officer, \
           EXISTS (SELECT 1 FROM action_organizers ao JOIN action_rsvps rv ON rv.action_id = ao.action_id \
             WHERE ao.user_id = r.id AND rv.user_id = me.id) AS organizer \
         FROM me CROSS JOIN users r LEFT JOIN section_communes rsc ON rsc.insee = r.commune_insee \
         WHERE r.handle IN ({}) AND r.id <> me.id",
        placeholders.join(", ")
    );
    on_tx!(tx, c => {
        let mut q = sqlx::query_as(&sql).bind(me);
        for handle in handles {
            q = q.bind(handle);
        }
        q.fetch_all(c).await
    })
}

/// The one-to-one conversation of two people, if they have one.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn direct_between(tx: &mut Tx, a: UserId, b: UserId) -> Result<Option<i64>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_scalar("SELECT id FROM conversations WHERE direct_key = $1").bind(direct_key(a, b)).fetch_optional(c).await)
}

/// "smaller id:larger id": two people have one one-to-one conversation.
pub fn direct_key(a: UserId, b: UserId) -> String {
    let (x, y) = if a.get() < b.get() { (a, b) } else { (b, a) };
    format!("{}:{}", x.get(), y.get())
}

/// A new conversation (one-to-one when `direct` names its two people).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn create(tx: &mut Tx, by: UserId, direct: Option<UserId>, title: Option<&str>, now_ms: i64) -> Result<i64, sqlx::Error> {
    let (kind, key) = match direct {
        Some(other) => ("direct", Some(direct_key(by, other))),
        None => ("group", None),
    };
    let sql = "INSERT INTO conversations (kind, direct_key, title, created_by, created_at, last_message_at) \
               VALUES ($1, $2, $3, $4, $5, $5) RETURNING id";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(kind).bind(key).bind(title).bind(by).bind(now_ms).fetch_one(c).await)
}

/// Adds someone to a conversation, or sets how they are in it (a request accepted, someone
/// coming back): their read state is kept.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn set_member(tx: &mut Tx, conversation: i64, user: UserId, status: &str, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO conversation_members (conversation_id, user_id, status, joined_at) VALUES ($1, $2, $3, $4) \
               ON CONFLICT (conversation_id, user_id) DO UPDATE SET status = excluded.status, left_message_id = NULL";
    on_tx!(tx, c => sqlx::query(sql).bind(conversation).bind(user).bind(status).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// A conversation as one of its members sees it.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct Membership {
    /// 'direct' or 'group'.
    pub kind: String,
    pub status: String,
    /// Someone in it blocked them, or was blocked by them (`HIDDEN_BY_BLOCK`).
    pub hidden_by_block: bool,
}

/// `user`'s place in a conversation (none: never in it).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn membership(tx: &mut Tx, conversation: i64, user: UserId) -> Result<Option<Membership>, sqlx::Error> {
    let sql = format!(
        "SELECT cv.kind, m.status, {HIDDEN_BY_BLOCK} AS hidden_by_block \
         FROM conversations cv JOIN conversation_members m ON m.conversation_id = cv.id AND m.user_id = $1 WHERE cv.id = $2"
    );
    on_tx!(tx, c => sqlx::query_as(&sql).bind(user).bind(conversation).fetch_optional(c).await)
}

/// The conversation's other people and how they are in it.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn members(tx: &mut Tx, conversation: i64) -> Result<Vec<(UserId, String)>, sqlx::Error> {
    let sql = "SELECT user_id, status FROM conversation_members WHERE conversation_id = $1 ORDER BY user_id";
    on_tx!(tx, c => sqlx::query_as(sql).bind(conversation).fetch_all(c).await)
}

/// A message, and the conversation's last one moved to it.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert_message(
    tx: &mut Tx,
    conversation: i64,
    author: UserId,
    body: &str,
    body_html: &str,
    now_ms: i64,
) -> Result<i64, sqlx::Error> {
    let sql = "INSERT INTO messages (conversation_id, author_id, body, body_html, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id";
    let id: i64 = on_tx!(tx, c => sqlx::query_scalar(sql).bind(conversation).bind(author).bind(body).bind(body_html).bind(now_ms).fetch_one(c).await)?;
    let sql = "UPDATE conversations SET last_message_id = $1, last_message_at = $2 WHERE id = $3";
    on_tx!(tx, c => sqlx::query(sql).bind(id).bind(now_ms).bind(conversation).execute(c).await.map(|r| r.rows_affected()))?;
    // The author has read what they wrote.
    mark_read(tx, conversation, author, id).await?;
    Ok(id)
}

/// Read up to `message` (never backwards).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn mark_read(tx: &mut Tx, conversation: i64, user: UserId, message: i64) -> Result<(), sqlx::Error> {
    let sql = "UPDATE conversation_members SET last_read_id = $1 WHERE conversation_id = $2 AND user_id = $3 AND last_read_id < $1";
    on_tx!(tx, c => sqlx::query(sql).bind(message).bind(conversation).bind(user).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// `mark_read` as one statement of its own (autocommit, atomic by itself): reading a thread's
/// newest page costs the page its bundle and this, no BEGIN / COMMIT round trips.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn mark_read_alone(db: &Db, conversation: i64, user: UserId, message: i64) -> Result<(), sqlx::Error> {
    let sql = "UPDATE conversation_members SET last_read_id = $1 WHERE conversation_id = $2 AND user_id = $3 AND last_read_id < $1";
    crate::on_pool!(db.write(), p => sqlx::query(sql).bind(message).bind(conversation).bind(user).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Leaves: they keep what was written until now, and see nothing after.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn leave(tx: &mut Tx, conversation: i64, user: UserId) -> Result<(), sqlx::Error> {
    let sql = "UPDATE conversation_members SET status = 'left', \
               left_message_id = (SELECT last_message_id FROM conversations WHERE id = $1) \
               WHERE conversation_id = $1 AND user_id = $2 AND status = 'active'";
    on_tx!(tx, c => sqlx::query(sql).bind(conversation).bind(user).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn set_muted(tx: &mut Tx, conversation: i64, user: UserId, muted: bool) -> Result<(), sqlx::Error> {
    let sql = "UPDATE conversation_members SET muted = $1 WHERE conversation_id = $2 AND user_id = $3";
    on_tx!(tx, c => sqlx::query(sql).bind(muted).bind(conversation).bind(user).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn rename(tx: &mut Tx, conversation: i64, title: &str) -> Result<(), sqlx::Error> {
    let sql = "UPDATE conversations SET title = $1 WHERE id = $2 AND kind = 'group'";
    on_tx!(tx, c => sqlx::query(sql).bind(title).bind(conversation).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Someone the person blocked, or who blocked them, is in the conversation: it is hidden from
/// both (`HIDDEN_BY_BLOCK`, spliced into the reading queries with `me` and `cv`).
const HIDDEN_BY_BLOCK: &str = "EXISTS (SELECT 1 FROM conversation_members o JOIN blocks b \
     ON (b.blocker_id = $1 AND b.blocked_id = o.user_id) OR (b.blocker_id = o.user_id AND b.blocked_id = $1) \
     WHERE o.conversation_id = cv.id AND o.user_id <> $1)";

/// The badge's count: conversations (and requests) with a message `person` has not read, that no
/// block hides, at most 100 ("99+"). `person` is an SQL expression (a bound parameter, or the
/// session's `me.id` in the session statement).
pub fn unread_conversations_sql(person: &str) -> String {
    let hidden = HIDDEN_BY_BLOCK.replace("$1", person);
    format!(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM (SELECT 1 FROM conversation_members m JOIN conversations cv ON cv.id = m.conversation_id \
         WHERE m.user_id = {person} AND m.status IN ('active', 'request') AND cv.last_message_id > m.last_read_id AND NOT {hidden} LIMIT 100) unread"
    )
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn unread_conversations(db: &Db, user: UserId) -> Result<i64, sqlx::Error> {
    let sql = unread_conversations_sql("$1");
    crate::on_pool!(db.read(), p => sqlx::query_scalar(&sql).bind(user).fetch_one(p).await)
}

/// One live event per person a new message reaches (its members and those asked), in the
/// message's transaction; published after commit.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn announce(tx: &mut Tx, conversation: i64, now_ms: i64) -> Result<Vec<EventRow>, sqlx::Error> {
    let sql = "INSERT INTO events (kind, user_id, conversation_id, created_at) \
               SELECT 'message', user_id, conversation_id, $2 FROM conversation_members \
               WHERE conversation_id = $1 AND status IN ('active', 'request') \
               RETURNING id, kind, post_id, user_id, conversation_id";
    on_tx!(tx, c => sqlx::query_as(sql).bind(conversation).bind(now_ms).fetch_all(c).await)
}

/// A line of the conversation list: the conversation, its last message that this person may read,
/// and their unread count.
#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct ConversationLine {
    pub id: i64,
    pub kind: String,
    pub title: Option<String>,
    pub status: String,
    #[serde(deserialize_with = "crate::server::store::bundle::flag")]
    pub muted: bool,
    pub last_message_at: i64,
    /// The last readable message as typed (the list shows its beginning as text).
    pub last_body: Option<String>,
    pub last_author_name: Option<String>,
    pub unread: i64,
    /// The other people's names, in id order, separated by a tab.
    pub others: Option<String>,
    /// One-to-one, both with "vu" on: how far the other person has read.
    pub seen_upto: Option<i64>,
}

/// Which conversations `lines_part` reads.
#[derive(Debug, Clone, Copy)]
pub enum Lines {
    /// A page of the list, older than (last message time, id).
    Before(Option<(i64, i64)>, i64),
    /// One conversation (a thread's header).
    One(i64),
}

/// A person's conversations, most recent first (keyset on `last_message_at`, `id`): those they are
/// in, those they left (up to where they left), requests waiting for them; never a refused one, nor
/// one hidden by a block. Unread counts stop at 100 (shown as "99+").
pub fn lines_part(user: UserId, lines: Lines) -> Part {
    let (at, id, limit, only) = match lines {
        Lines::Before(before, limit) => {
            let (at, id) = before.unwrap_or((i64::MAX, i64::MAX));
            (at, id, limit, 0)
        }
        Lines::One(conversation) => (i64::MAX, i64::MAX, 1, conversation),
    };
    let sql = format!(
        "SELECT cv.id, cv.kind, cv.title, m.status, m.muted, cv.last_message_at, lm.body AS last_body, \
           la.display_name AS last_author_name, \
           (SELECT CAST(COUNT(*) AS BIGINT) FROM (SELECT 1 FROM messages x WHERE x.conversation_id = cv.id AND x.id > m.last_read_id \
              AND x.id <= COALESCE(m.left_message_id, {NO_LIMIT}) LIMIT 100) u) AS unread, \
           (SELECT {others} FROM conversation_members om JOIN users ou ON ou.id = om.user_id \
              WHERE om.conversation_id = cv.id AND om.user_id <> $1 AND om.status IN ('active', 'request')) AS others, \
           (SELECT so.last_read_id FROM conversation_members so JOIN users su ON su.id = so.user_id JOIN users me ON me.id = $1 \
              WHERE cv.kind = 'direct' AND so.conversation_id = cv.id AND so.user_id <> $1 AND su.read_receipts = TRUE AND me.read_receipts = TRUE) AS seen_upto \
         FROM conversation_members m JOIN conversations cv ON cv.id = m.conversation_id \
         LEFT JOIN messages lm ON lm.id = (SELECT y.id FROM messages y WHERE y.conversation_id = cv.id \
              AND y.id <= COALESCE(m.left_message_id, {NO_LIMIT}) ORDER BY y.id DESC LIMIT 1) \
         LEFT JOIN users la ON la.id = lm.author_id \
         WHERE m.user_id = $1 AND m.status IN ('active', 'request', 'left') AND NOT {HIDDEN_BY_BLOCK} \
           AND (cv.last_message_at < $2 OR (cv.last_message_at = $2 AND cv.id < $3)) AND ($5 = 0 OR cv.id = $5) \
         ORDER BY cv.last_message_at DESC, cv.id DESC LIMIT $4",
        others = OTHERS_AGG,
    );
    Part::new(
        sql,
        &["id", "kind", "title", "status", "muted", "last_message_at", "last_body", "last_author_name", "unread", "others", "seen_upto"],
        vec![Arg::Int(user.get()), Arg::Int(at), Arg::Int(id), Arg::Int(limit), Arg::Int(only)],
    )
}

/// No message id is above this (what "up to where they left" means for someone still in it).
/// Written as one range so that the last readable message is one step down the index: with an
/// `IS NULL OR` there, PostgreSQL read every message of the conversation (2 ms at 100,000).
const NO_LIMIT: i64 = i64::MAX;

/// The other people's names in one text (`string_agg` with `ORDER BY`: PostgreSQL, and SQLite
/// since 3.44, which sqlx bundles).
const OTHERS_AGG: &str = "string_agg(ou.display_name, '\t' ORDER BY ou.id)";

/// A message of a thread.
#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct MessageRow {
    pub id: i64,
    pub author_id: Option<UserId>,
    pub author_handle: Option<String>,
    pub author_name: Option<String>,
    pub body_html: String,
    pub created_at: i64,
}

/// A thread's messages older than `before` (the newest first, `limit` of them): keyset on the
/// message id, so a conversation of 100,000 messages pages like one of 10. Only what `user` may
/// read: nothing after they left, nothing at all when they are not in it, it was refused, or a
/// block hides it.
pub fn thread_part(user: UserId, conversation: i64, before: Option<i64>, limit: i64) -> Part {
    let sql = format!(
        "SELECT x.id, x.author_id, u.handle AS author_handle, u.display_name AS author_name, x.body_html, x.created_at \
         FROM conversation_members m JOIN conversations cv ON cv.id = m.conversation_id \
         JOIN messages x ON x.conversation_id = cv.id LEFT JOIN users u ON u.id = x.author_id \
         WHERE m.user_id = $1 AND cv.id = $2 AND m.status IN ('active', 'request', 'left') AND NOT {HIDDEN_BY_BLOCK} \
           AND x.id < $3 AND x.id <= COALESCE(m.left_message_id, {NO_LIMIT}) \
         ORDER BY x.id DESC LIMIT $4"
    );
    Part::new(
        sql,
        &["id", "author_id", "author_handle", "author_name", "body_html", "created_at"],
        vec![Arg::Int(user.get()), Arg::Int(conversation), Arg::Int(before.unwrap_or(i64::MAX)), Arg::Int(limit)],
    )
}

/// Someone to e-mail about a conversation (`services::messages::mail_the_absent`).
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct AbsentReader {
    pub conversation_id: i64,
    pub user_id: UserId,
    pub email: String,
    pub display_name: String,
    pub kind: String,
    pub title: Option<String>,
    pub last_message_id: i64,
    pub unread: i64,
    /// The other people's names, separated by a tab.
    pub others: Option<String>,
}

/// The people in a conversation (or asked to it) who have not read a message older than
/// `cutoff` and were not e-mailed since they last read it: one row per person and conversation,
/// whatever the number of messages; the next mail waits until they have read. Only conversations
/// that moved since `since` (the last day) are looked at; muted, suspended and blocked-out people
/// are not e-mailed.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn absent_readers(db: &Db, since: i64, cutoff: i64, limit: i64) -> Result<Vec<AbsentReader>, sqlx::Error> {
    let hidden = HIDDEN_BY_BLOCK.replace("$1", "m.user_id");
    let sql = format!(
        "SELECT m.conversation_id, m.user_id, u.email, u.display_name, cv.kind, cv.title, cv.last_message_id, \
           (SELECT CAST(COUNT(*) AS BIGINT) FROM (SELECT 1 FROM messages x WHERE x.conversation_id = cv.id AND x.id > m.last_read_id LIMIT 100) c) AS unread, \
           (SELECT {OTHERS_AGG} FROM conversation_members om JOIN users ou ON ou.id = om.user_id \
              WHERE om.conversation_id = cv.id AND om.user_id <> m.user_id AND om.status IN ('active', 'request')) AS others \
         FROM conversations cv JOIN conversation_members m ON m.conversation_id = cv.id JOIN users u ON u.id = m.user_id \
         WHERE cv.last_message_at > $1 AND m.status IN ('active', 'request') AND m.muted = FALSE \
           AND cv.last_message_id > m.last_read_id AND m.mailed_upto_id <= m.last_read_id AND u.suspended_at IS NULL \
           AND EXISTS (SELECT 1 FROM messages f WHERE f.conversation_id = cv.id AND f.id > m.last_read_id \
                 AND f.created_at <= $2 AND (f.author_id IS NULL OR f.author_id <> m.user_id)) \
           AND NOT {hidden} \
         ORDER BY cv.last_message_at LIMIT $3"
    );
    crate::on_pool!(db.read(), p => sqlx::query_as(&sql).bind(since).bind(cutoff).bind(limit).fetch_all(p).await)
}

/// Claims the mail about `conversation` up to `message` for `user`: false when another instance
/// (or a read) got there first.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn claim_mail(tx: &mut Tx, conversation: i64, user: UserId, message: i64) -> Result<bool, sqlx::Error> {
    let sql = "UPDATE conversation_members SET mailed_upto_id = $1 \
               WHERE conversation_id = $2 AND user_id = $3 AND mailed_upto_id <= last_read_id AND last_read_id < $1 AND status IN ('active', 'request')";
    let n = on_tx!(tx, c => sqlx::query(sql).bind(message).bind(conversation).bind(user).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// A message as its reader may see it, to report it.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct ReadableMessage {
    pub conversation_id: i64,
    pub author_id: Option<UserId>,
    pub body: String,
}

/// Message `id` if `user` may read it: in a conversation they are in (or left after it, or are
/// asked to), that no block hides.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn readable_message(tx: &mut Tx, user: UserId, id: i64) -> Result<Option<ReadableMessage>, sqlx::Error> {
    let sql = format!(
        "SELECT x.conversation_id, x.author_id, x.body FROM messages x \
         JOIN conversation_members m ON m.conversation_id = x.conversation_id AND m.user_id = $1 \
         JOIN conversations cv ON cv.id = x.conversation_id \
         WHERE x.id = $2 AND m.status IN ('active', 'request', 'left') \
           AND x.id <= COALESCE(m.left_message_id, {NO_LIMIT}) AND NOT {HIDDEN_BY_BLOCK}"
    );
    on_tx!(tx, c => sqlx::query_as(&sql).bind(user).bind(id).fetch_optional(c).await)
}
