//! Publications: writing them, and reading them through the visibility rule of
//! `policy::feed` (every read here splices `VIEWER` and `POST_VISIBLE`).

use crate::model::ids::{GroupId, PostId, SectionId, UserId};
use sqlx::FromRow;

use crate::model::feed::{GroupRole, ReactionKind};
use crate::server::db::{Db, Tx};
use crate::server::policy::feed::{in_home, HOME_BRANCHES, POST_VISIBLE, POST_VISIBLE_WITH_HIDDEN, VIEWER};
use crate::server::store::bundle::{Arg, Part};
use crate::{on_pool, on_tx};

#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct PostRow {
    pub id: PostId,
    /// `None` once its author's account was erased and others had replied ("message supprimé").
    pub author_id: Option<UserId>,
    pub author_handle: Option<String>,
    pub author_name: Option<String>,
    pub audience: String,
    pub section_id: Option<SectionId>,
    pub section_slug: Option<String>,
    pub section_name: Option<String>,
    pub federation_code: Option<String>,
    pub federation_name: Option<String>,
    pub group_id: Option<GroupId>,
    pub group_slug: Option<String>,
    pub group_name: Option<String>,
    pub body: String,
    pub body_html: String,
    pub created_at: i64,
    pub edited_at: Option<i64>,
    pub hidden_at: Option<i64>,
    pub hidden_reason: Option<String>,
    pub comment_count: i64,
    /// Its pictures as JSON (`model::media::Picture` list), '' when it has none.
    pub pictures: String,
    /// Its author's avatar (JSON picture), '' when none or erased.
    pub author_avatar: Option<String>,
    /// The viewer's role in the publication's group ('admin', 'member', 'pending').
    pub viewer_group_role: Option<GroupRole>,
}

const POST_COLUMNS: &str = "p.id, p.author_id, u.handle AS author_handle, u.display_name AS author_name, p.audience, \
     p.section_id, s.slug AS section_slug, s.name AS section_name, p.federation_code, d.name AS federation_name, \
     p.group_id, g.slug AS group_slug, g.name AS group_name, p.body, p.body_html, p.created_at, p.edited_at, \
     p.hidden_at, p.hidden_reason, p.comment_count, p.pictures, u.avatar AS author_avatar, \
     (SELECT mg.role FROM group_members mg WHERE mg.group_id = p.group_id AND mg.user_id = me.id) AS viewer_group_role";

/// The names `POST_COLUMNS` gives its columns (the fields of `PostRow`).
const POST_COLUMN_NAMES: [&str; 23] = [
    "id",
    "author_id",
    "author_handle",
    "author_name",
    "audience",
    "section_id",
    "section_slug",
    "section_name",
    "federation_code",
    "federation_name",
    "group_id",
    "group_slug",
    "group_name",
    "body",
    "body_html",
    "created_at",
    "edited_at",
    "hidden_at",
    "hidden_reason",
    "comment_count",
    "pictures",
    "author_avatar",
    "viewer_group_role",
];

const POST_JOINS: &str = "LEFT JOIN users u ON u.id = p.author_id \
     LEFT JOIN sections s ON s.id = p.section_id \
     LEFT JOIN departements d ON d.code = p.federation_code \
     LEFT JOIN groups g ON g.id = p.group_id";

/// A publication's reaction tallies, read as columns of its own row (`reaction_columns`): how
/// many of each kind, and whether the viewer gave it. No second statement per feed page.
#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct ReactionColumns {
    pub n_bravo: i64,
    pub mine_bravo: i64,
    pub n_soutien: i64,
    pub mine_soutien: i64,
    pub n_idee: i64,
    pub mine_idee: i64,
    pub n_debat: i64,
    pub mine_debat: i64,
    pub n_merci: i64,
    pub mine_merci: i64,
}

impl ReactionColumns {
    /// (kind, count, given by the viewer) for every kind, in `ReactionKind::ALL` order.
    pub fn tallies(&self) -> [(ReactionKind, i64, bool); 5] {
        [
            (ReactionKind::Bravo, self.n_bravo, self.mine_bravo > 0),
            (ReactionKind::Soutien, self.n_soutien, self.mine_soutien > 0),
            (ReactionKind::Idee, self.n_idee, self.mine_idee > 0),
            (ReactionKind::Debat, self.n_debat, self.mine_debat > 0),
            (ReactionKind::Merci, self.n_merci, self.mine_merci > 0),
        ]
    }
}

/// The `ReactionColumns` of publication `p` for `me`: two lookups in the primary key of
/// `reactions` (post, person, kind) per kind.
fn reaction_columns() -> String {
    ReactionKind::ALL
        .iter()
        .map(|kind| {
            let k = kind.as_str();
            format!(
                "(SELECT CAST(COUNT(*) AS BIGINT) FROM reactions rn WHERE rn.post_id = p.id AND rn.kind = '{k}') AS n_{k}, \
                 (SELECT CAST(COUNT(*) AS BIGINT) FROM reactions rm WHERE rm.post_id = p.id AND rm.user_id = me.id AND rm.kind = '{k}') AS mine_{k}"
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A publication as a feed or its own page shows it: the row and its reactions.
#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct FeedRow {
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub post: PostRow,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub reactions: ReactionColumns,
}

/// Which publications a feed shows (visibility is always added on top).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedFilter {
    Home,
    Section(i64),
    Federation(String),
    Group(i64),
    Author(i64),
    Tag(String),
}

/// One page of a feed, newest first: publications with id < `before`, at most `limit`.
/// One statement whatever the page and the table size (keyset on the primary key).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn feed(db: &Db, viewer: UserId, filter: &FeedFilter, before: Option<i64>, limit: i64) -> Result<Vec<FeedRow>, sqlx::Error> {
    let sql = feed_sql(filter);
    let before = before.unwrap_or(i64::MAX);
    on_pool!(db.read(), p => {
        let q = sqlx::query_as::<_, FeedRow>(&sql).bind(viewer).bind(before).bind(limit);
        let q = match filter {
            FeedFilter::Home => q,
            FeedFilter::Section(id) | FeedFilter::Group(id) | FeedFilter::Author(id) => q.bind(*id),
            FeedFilter::Federation(key) | FeedFilter::Tag(key) => q.bind(key.clone()),
        };
        q.fetch_all(p).await
    })
}

/// `feed` as a part of a page's bundle (`store::bundle`): a group's page reads its members and
/// its publications in one statement.
pub fn feed_part(viewer: UserId, filter: &FeedFilter, before: Option<i64>, limit: i64) -> Part {
    let mut args = vec![Arg::Int(viewer.get()), Arg::Int(before.unwrap_or(i64::MAX)), Arg::Int(limit)];
    match filter {
        FeedFilter::Home => {}
        FeedFilter::Section(id) | FeedFilter::Group(id) | FeedFilter::Author(id) => args.push(Arg::Int(*id)),
        FeedFilter::Federation(key) | FeedFilter::Tag(key) => args.push(Arg::Text(key.clone())),
    }
    let reaction_names = ReactionKind::ALL.iter().flat_map(|k| [format!("n_{}", k.as_str()), format!("mine_{}", k.as_str())]);
    let columns = POST_COLUMN_NAMES.iter().map(|c| c.to_string()).chain(reaction_names).collect();
    Part::with_columns(feed_sql(filter), columns, args)
}

fn feed_sql(filter: &FeedFilter) -> String {
    let (join, condition) = match filter {
        // The page's ids are already visible ones (each branch checks): only their rows are read.
        FeedFilter::Home => ("", format!("p.id IN ({})", home_ids())),
        FeedFilter::Section(_) => ("", format!("p.section_id = $4 AND p.audience IN ('section', 'public') AND {POST_VISIBLE}")),
        FeedFilter::Federation(_) => ("", format!("p.federation_code = $4 AND p.audience IN ('federation', 'public') AND {POST_VISIBLE}")),
        FeedFilter::Group(_) => ("", format!("p.group_id = $4 AND {POST_VISIBLE}")),
        FeedFilter::Author(_) => ("", format!("p.author_id = $4 AND {POST_VISIBLE}")),
        FeedFilter::Tag(_) => ("JOIN post_tags t ON t.post_id = p.id AND t.tag = $4", POST_VISIBLE.to_string()),
    };
    // A hashtag's feed is ordered on the tag's own index (tag, post_id), read backwards; ordered
    // on `p.id`, SQLite sorted every publication of the tag first (77 ms for #logement on the S demo).
    let order = if matches!(filter, FeedFilter::Tag(_)) { "t.post_id" } else { "p.id" };
    format!(
        "WITH {VIEWER} SELECT {POST_COLUMNS}, {} FROM posts p {join} {POST_JOINS} CROSS JOIN me \
         WHERE p.id < $2 AND {condition} ORDER BY {order} DESC LIMIT $3",
        reaction_columns()
    )
}

/// The ids of the home feed's next page: the newest `$3` of the union of each branch's newest `$3`
/// visible ids below `$2` (UNION: a publication can come through two branches). Each branch reads
/// its index ranges backwards and checks `POST_VISIBLE` on what it reads, so a page costs the same
/// at the top of the feed and deep in it.
fn home_ids() -> String {
    let branches: Vec<String> = HOME_BRANCHES
        .iter()
        .enumerate()
        .map(|(i, branch)| {
            format!(
                "SELECT id FROM (SELECT p.id {scan} AND p.id < $2 AND EXISTS (SELECT 1 FROM users u CROSS JOIN me \
                 WHERE u.id = p.author_id AND {POST_VISIBLE}) ORDER BY p.id DESC LIMIT $3) AS home_{i}",
                scan = branch.scan
            )
        })
        .collect();
    format!("SELECT id FROM ({}) AS home ORDER BY id DESC LIMIT $3", branches.join(" UNION "))
}

/// One publication if `viewer` may see it. With `include_hidden`, a hidden publication is
/// returned too (for moderators, who are checked by the caller).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn visible(db: &Db, viewer: UserId, id: PostId, include_hidden: bool) -> Result<Option<FeedRow>, sqlx::Error> {
    let rule = if include_hidden { POST_VISIBLE_WITH_HIDDEN } else { POST_VISIBLE };
    let sql = format!(
        "WITH {VIEWER} SELECT {POST_COLUMNS}, {} FROM posts p {POST_JOINS} CROSS JOIN me WHERE p.id = $2 AND {rule}",
        reaction_columns()
    );
    on_pool!(db.read(), p => sqlx::query_as::<_, FeedRow>(&sql).bind(viewer).bind(id).fetch_optional(p).await)
}

/// The same check inside a write transaction (comment, react, mention).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn visible_in_tx(tx: &mut Tx, viewer: UserId, id: PostId) -> Result<Option<PostRow>, sqlx::Error> {
    let sql = format!("WITH {VIEWER} SELECT {POST_COLUMNS} FROM posts p {POST_JOINS} CROSS JOIN me WHERE p.id = $2 AND {POST_VISIBLE}");
    on_tx!(tx, c => sqlx::query_as::<_, PostRow>(&sql).bind(viewer).bind(id).fetch_optional(c).await)
}

/// The current counts of a publication (`visible_counts`).
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct CountsRow {
    pub id: PostId,
    pub comment_count: i64,
    #[sqlx(flatten)]
    pub reactions: ReactionColumns,
}

/// Comment and reaction counts of those of `ids` the viewer may see (others are left out): one
/// statement.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn visible_counts(db: &Db, viewer: UserId, ids: &[i64]) -> Result<Vec<CountsRow>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (0..ids.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "WITH {VIEWER} SELECT p.id, p.comment_count, {} FROM posts p {POST_JOINS} CROSS JOIN me \
         WHERE p.id IN ({}) AND {POST_VISIBLE} ORDER BY p.id DESC",
        reaction_columns(),
        placeholders.join(", ")
    );
    on_pool!(db.read(), p => {
        let mut q = sqlx::query_as::<_, CountsRow>(&sql).bind(viewer);
        for id in ids {
            q = q.bind(*id);
        }
        q.fetch_all(p).await
    })
}

/// One viewer's verdict on a publication, for the live stream.
#[derive(Debug, Clone, FromRow)]
pub struct LiveVerdict {
    pub viewer_id: UserId,
    pub in_home: bool,
    #[sqlx(flatten)]
    pub post: PostRow,
}

/// For the live stream: which of `viewers` may see publication `id` (the others get no row),
/// and is it in their home feed? One statement for any number of viewers (at most 500 a call).
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn live_check_many(db: &Db, id: PostId, viewers: &[UserId]) -> Result<Vec<LiveVerdict>, sqlx::Error> {
    if viewers.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (0..viewers.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "WITH {} SELECT me.id AS viewer_id, CASE WHEN {} THEN TRUE ELSE FALSE END AS in_home, {POST_COLUMNS} \
         FROM posts p {POST_JOINS} CROSS JOIN me WHERE p.id = $1 AND {POST_VISIBLE}",
        crate::server::policy::feed::viewers(&placeholders.join(", ")),
        in_home()
    );
    on_pool!(db.read(), p => {
        let mut q = sqlx::query_as::<_, LiveVerdict>(&sql).bind(id);
        for viewer in viewers {
            q = q.bind(*viewer);
        }
        q.fetch_all(p).await
    })
}

pub struct NewPost<'a> {
    pub author_id: UserId,
    pub audience: &'a str,
    pub section_id: Option<SectionId>,
    pub federation_code: Option<&'a str>,
    pub group_id: Option<GroupId>,
    pub body: &'a str,
    pub body_html: &'a str,
    /// `model::media::Picture` list as JSON ('' for none).
    pub pictures: &'a str,
    pub now_ms: i64,
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn insert(tx: &mut Tx, post: &NewPost<'_>) -> Result<PostId, sqlx::Error> {
    let sql = "INSERT INTO posts (author_id, audience, section_id, federation_code, group_id, body, body_html, pictures, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
    on_tx!(tx, c => sqlx::query_scalar(sql).bind(post.author_id).bind(post.audience).bind(post.section_id).bind(post.federation_code).bind(post.group_id).bind(post.body).bind(post.body_html).bind(post.pictures).bind(post.now_ms).fetch_one(c).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn update_body(tx: &mut Tx, id: PostId, body: &str, body_html: &str, now_ms: i64) -> Result<(), sqlx::Error> {
    let sql = "UPDATE posts SET body = $1, body_html = $2, edited_at = $3 WHERE id = $4";
    on_tx!(tx, c => sqlx::query(sql).bind(body).bind(body_html).bind(now_ms).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn delete(tx: &mut Tx, id: PostId) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("DELETE FROM posts WHERE id = $1").bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn replace_tags(tx: &mut Tx, id: PostId, tags: &[String]) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("DELETE FROM post_tags WHERE post_id = $1").bind(id).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    for tag in tags {
        on_tx!(tx, c => sqlx::query("INSERT INTO post_tags (tag, post_id) VALUES ($1, $2)").bind(tag).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    }
    Ok(())
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn tags_of(db: &Db, id: PostId) -> Result<Vec<String>, sqlx::Error> {
    on_pool!(db.read(), p => sqlx::query_scalar("SELECT tag FROM post_tags WHERE post_id = $1 ORDER BY tag").bind(id).fetch_all(p).await)
}

#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn add_to_comment_count(tx: &mut Tx, id: PostId, delta: i64) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("UPDATE posts SET comment_count = comment_count + $1 WHERE id = $2").bind(delta).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Toggles a reaction; true when it is now given.
#[tracing::instrument(skip_all, err(level = "warn"))]
pub async fn toggle_reaction(tx: &mut Tx, post_id: PostId, user_id: UserId, kind: &str, now_ms: i64) -> Result<bool, sqlx::Error> {
    let removed = on_tx!(tx, c => sqlx::query("DELETE FROM reactions WHERE post_id = $1 AND user_id = $2 AND kind = $3").bind(post_id).bind(user_id).bind(kind).execute(c).await.map(|r| r.rows_affected()))?;
    if removed > 0 {
        return Ok(false);
    }
    let sql = "INSERT INTO reactions (post_id, user_id, kind, created_at) VALUES ($1, $2, $3, $4)";
    on_tx!(tx, c => sqlx::query(sql).bind(post_id).bind(user_id).bind(kind).bind(now_ms).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(true)
}

/// Who reacted to a publication the caller may see, by kind, skipping suspended accounts and
/// people on either side of a block with the viewer.
#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct Reactor {
    pub kind: String,
    pub handle: String,
    pub display_name: String,
}

/// A part of the publication page's bundle (`store::bundle`).
pub fn reactors(viewer: UserId, post_id: PostId) -> Part {
    Part::new(REACTORS, &["kind", "handle", "display_name"], vec![Arg::Int(post_id.get()), Arg::Int(viewer.get())])
}

const REACTORS: &str = "SELECT r.kind, u.handle, u.display_name FROM reactions r JOIN users u ON u.id = r.user_id \
               WHERE r.post_id = $1 AND u.suspended_at IS NULL \
               AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = u.id AND b.blocked_id = $2) OR (b.blocker_id = $2 AND b.blocked_id = u.id)) \
               ORDER BY r.kind, r.created_at LIMIT 500";
