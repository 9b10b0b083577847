//! Read models of the feed: feed pages (1 statement: the publications with their reaction
//! tallies), a publication with its comments, live counts.

use crate::model::ids::{PostId, UserId};
use std::collections::HashMap;

use crate::error::AppError;
use crate::i18n::Lang;
use crate::model::feed::{
    Audience, AudienceChoice, Author, CommentView, FeedKey, FeedPage, GroupMembership, GroupRole, PostAbilities, PostCounts, PostPage,
    PostPlace, PostView, ReactionCount, ReactionKind, SafeHtml, FEED_PAGE_SIZE,
};
use crate::model::moderation::ModerationScope;
use crate::server::context::AppState;
use crate::server::policy::feed::{self as rules, PostScope};
use crate::server::policy::moderation::{self as moderation_rules, post_scope};
use crate::server::policy::Subject;
use crate::server::store::bundle::Bundle;
use crate::server::store::{self, groups::GroupRow, posts::FeedFilter, posts::FeedRow, posts::PostRow, posts::ReactionColumns};

/// Where a person stands in a group, from their stored row (`None`: no row).
pub fn group_role(role: Option<GroupRole>) -> Option<GroupMembership> {
    role.map(GroupMembership::from)
}

/// The author of a publication or comment; `None` once their account was erased.
fn author_of(handle: Option<String>, display_name: Option<String>) -> Option<Author> {
    Some(Author { handle: handle?, display_name: display_name? })
}

pub fn scope_of(row: &PostRow) -> PostScope {
    PostScope {
        author_id: row.author_id,
        section_id: row.section_id,
        federation_code: row.federation_code.clone(),
        viewer_group_role: group_role(row.viewer_group_role),
    }
}

/// The kinds someone reacted with, in `ReactionKind` order.
fn reaction_counts(reactions: &ReactionColumns) -> Vec<ReactionCount> {
    reactions.tallies().into_iter().filter(|(_, n, _)| *n > 0).map(|(kind, count, mine)| ReactionCount { kind, count, mine }).collect()
}

/// Who may decide on a publication's words and its comments: the scopes of its chain, and
/// whether the viewer administers its group.
struct ModerationPlace {
    chain: Vec<ModerationScope>,
    group_admin: bool,
}

impl ModerationPlace {
    fn of(row: &PostRow) -> Self {
        let scope =
            post_scope(&row.audience, row.section_id.map(|s| s.get()), row.federation_code.as_deref(), row.group_id.map(|g| g.get()));
        Self {
            chain: moderation_rules::chain(&scope, row.federation_code.as_deref()),
            group_admin: row.viewer_group_role == Some(GroupRole::Admin),
        }
    }

    /// Whether the viewer may take up ("Modérer") words written there by `concerned`
    /// (`policy::moderation::can_take_up`).
    fn may_take_up(&self, subject: &Subject, concerned: Option<UserId>) -> bool {
        concerned.is_some_and(|c| moderation_rules::can_take_up(subject, &self.chain, self.group_admin, c))
    }
}

pub fn to_view(subject: &Subject, row: PostRow, reactions: &ReactionColumns) -> PostView {
    let scope = scope_of(&row);
    let moderate = row.hidden_at.is_none() && ModerationPlace::of(&row).may_take_up(subject, row.author_id);
    let moderator = rules::can_moderate_post(subject, &scope);
    let is_author = rules::can_edit_post(subject, &scope);
    let place = match (&row.group_slug, &row.section_slug, &row.federation_code) {
        (Some(slug), _, _) => PostPlace::Group { slug: slug.clone(), name: row.group_name.clone().unwrap_or_default() },
        (None, Some(slug), _) if row.audience != "federation" => {
            PostPlace::Section { slug: slug.clone(), name: row.section_name.clone().unwrap_or_default() }
        }
        (None, _, Some(code)) => PostPlace::Federation { code: code.clone(), name: row.federation_name.clone().unwrap_or_default() },
        _ => PostPlace::Nowhere,
    };
    let hidden = row.hidden_at.is_some();
    // A "message supprimé" keeps its replies; nothing more can be added to it but comments.
    let deleted = row.author_id.is_none();
    PostView {
        id: row.id.get(),
        author: author_of(row.author_handle.clone(), row.author_name.clone()),
        audience: Audience::parse(&row.audience).unwrap_or(Audience::Public),
        place,
        html: SafeHtml::from_stored(row.body_html.clone()),
        source: is_author.then(|| row.body.clone()),
        created_at_ms: row.created_at,
        edited: row.edited_at.is_some(),
        hidden_reason: if hidden && (is_author || moderator) { Some(row.hidden_reason.clone().unwrap_or_default()) } else { None },
        comment_count: row.comment_count,
        reactions: reaction_counts(reactions),
        pictures: crate::server::services::media::pictures_of(&row.pictures),
        author_avatar: row.author_avatar.as_deref().and_then(crate::server::services::media::picture_of),
        abilities: PostAbilities {
            edit: is_author && !hidden,
            delete: rules::can_delete_post(subject, &scope),
            moderate,
            comment: rules::can_interact(subject) && !hidden,
            react: rules::can_interact(subject) && !hidden && !deleted,
            report: subject.may_speak() && !is_author && !deleted && !hidden,
        },
    }
}

/// What a feed key resolved to: its filter, title, and what the composer needs.
struct Resolved {
    filter: FeedFilter,
    title: String,
    /// The section or federation the feed belongs to, when the viewer belongs there too.
    mine: bool,
    /// For a group feed: its slug, name and the viewer's role.
    group: Option<(String, String, Option<GroupMembership>)>,
}

/// Resolves a feed key (one statement at most), refusing what the viewer may not read.
async fn resolve(state: &AppState, subject: &Subject, key: &FeedKey, lang: Lang) -> Result<Resolved, AppError> {
    let viewer = subject.id().unwrap_or(UserId::NONE);
    let t = lang.texts().feed;
    let plain = |filter, title| Resolved { filter, title, mine: false, group: None };
    match key {
        FeedKey::Home => {
            if !subject.is_active() {
                return Err(AppError::NotAuthenticated);
            }
            Ok(Resolved { mine: true, ..plain(FeedFilter::Home, t.home_title.to_string()) })
        }
        FeedKey::Section(slug) => {
            let s = store::sections::by_slug(&state.db, slug).await?.ok_or(AppError::NotFound)?;
            let mine = subject.is_active() && subject.belonging.section_id == Some(s.id);
            Ok(Resolved { mine, ..plain(FeedFilter::Section(s.id.get()), s.name) })
        }
        FeedKey::Federation(code) => {
            let d = store::territory::departement(&state.db, code).await?.ok_or(AppError::NotFound)?;
            let mine = subject.is_active() && subject.belonging.federation_code.as_deref() == Some(d.code.as_str());
            Ok(Resolved { mine, ..plain(FeedFilter::Federation(d.code.clone()), (t.federation_feed_title)(&d.name)) })
        }
        FeedKey::Group(slug) => {
            let g = store::groups::by_slug(&state.db, viewer, slug).await?.ok_or(AppError::NotFound)?;
            resolve_group(subject, g)
        }
        FeedKey::Member(handle) => {
            let u = store::users::by_handle(&state.db, handle).await?.ok_or(AppError::NotFound)?;
            if u.suspended_at.is_some() {
                return Err(AppError::NotFound);
            }
            Ok(plain(FeedFilter::Author(u.id.get()), (t.member_feed_title)(&u.display_name)))
        }
        FeedKey::Tag(tag) => {
            let tag = crate::server::richtext::normalize_tag(tag).ok_or(AppError::NotFound)?;
            Ok(plain(FeedFilter::Tag(tag.clone()), format!("#{tag}")))
        }
    }
}

fn resolve_group(subject: &Subject, g: GroupRow) -> Result<Resolved, AppError> {
    let role = group_role(g.my_role);
    let privacy = g.privacy;
    if !rules::can_see_group_inside(privacy, role.unwrap_or(GroupMembership::None), subject) {
        return Err(AppError::Forbidden);
    }
    Ok(Resolved {
        filter: FeedFilter::Group(g.id.get()),
        title: g.name.clone(),
        mine: false,
        group: Some((g.slug.clone(), g.name.clone(), role)),
    })
}

/// Where the viewer may publish from this feed, its own audience first (home: one statement for
/// the viewer's groups; elsewhere none).
async fn audiences_for(
    state: &AppState,
    subject: &Subject,
    key: &FeedKey,
    resolved: &Resolved,
    lang: Lang,
) -> Result<Vec<AudienceChoice>, AppError> {
    let Some(viewer) = subject.id().filter(|_| subject.may_speak()) else { return Ok(Vec::new()) };
    let t = lang.texts().feed;
    let choice = |audience: Audience| AudienceChoice { audience, group_slug: None, label: (t.audience)(audience).to_string() };
    let mut choices = Vec::new();
    if let Some((slug, name, role)) = &resolved.group {
        if rules::can_publish(subject, Audience::Group, *role) {
            choices.push(AudienceChoice { audience: Audience::Group, group_slug: Some(slug.clone()), label: (t.in_group)(name) });
        }
        return Ok(choices);
    }
    if !resolved.mine {
        return Ok(choices);
    }
    if matches!(key, FeedKey::Federation(_)) {
        choices.push(choice(Audience::Federation));
    }
    for audience in [Audience::Section, Audience::Federation, Audience::Public, Audience::Coopains, Audience::National] {
        if rules::can_publish(subject, audience, None) && !choices.iter().any(|c| c.audience == audience) {
            choices.push(choice(audience));
        }
    }
    if *key == FeedKey::Home {
        for g in store::groups::mine(&state.db, viewer).await? {
            choices.push(AudienceChoice { audience: Audience::Group, group_slug: Some(g.slug.clone()), label: (t.in_group)(&g.name) });
        }
    }
    Ok(choices)
}

/// A feed page: at most 2 statements whatever its size and depth — the feed's owner (section,
/// federation, group or member; the viewer's groups for the home feed), then the publications
/// with their reaction tallies. With the session's own statement, a feed page costs 3.
pub async fn feed_page(state: &AppState, subject: &Subject, key: FeedKey, before: Option<i64>, lang: Lang) -> Result<FeedPage, AppError> {
    let resolved = resolve(state, subject, &key, lang).await?;
    let viewer = subject.id().unwrap_or(UserId::NONE);
    let (posts, next_before) = page(state, subject, viewer, &resolved.filter, before).await?;
    let audiences = if before.is_none() { audiences_for(state, subject, &key, &resolved, lang).await? } else { Vec::new() };
    Ok(FeedPage { key, title: resolved.title, posts, next_before, audiences })
}

/// A group's feed for its own page, the group already read and the page's rows read in the
/// page's bundle (`feed_rows_part`): no statement of its own.
pub async fn group_feed_page(
    state: &AppState,
    subject: &Subject,
    g: GroupRow,
    rows: Vec<FeedRow>,
    before: Option<i64>,
    lang: Lang,
) -> Result<FeedPage, AppError> {
    let key = FeedKey::Group(g.slug.clone());
    let resolved = resolve_group(subject, g)?;
    let (posts, next_before) = page_of(subject, rows);
    let audiences = if before.is_none() { audiences_for(state, subject, &key, &resolved, lang).await? } else { Vec::new() };
    Ok(FeedPage { key, title: resolved.title, posts, next_before, audiences })
}

/// The rows of one feed page (one more than a page, to know whether another follows), as a part
/// of a page's bundle.
pub fn feed_rows_part(subject: &Subject, filter: &FeedFilter, before: Option<i64>) -> store::bundle::Part {
    store::posts::feed_part(subject.id().unwrap_or(UserId::NONE), filter, before, FEED_PAGE_SIZE + 1)
}

fn page_of(subject: &Subject, mut rows: Vec<FeedRow>) -> (Vec<PostView>, Option<i64>) {
    let more = rows.len() as i64 > FEED_PAGE_SIZE;
    rows.truncate(FEED_PAGE_SIZE as usize);
    let next_before = if more { rows.last().map(|r| r.post.id) } else { None };
    (rows.into_iter().map(|r| to_view(subject, r.post, &r.reactions)).collect(), next_before.map(|id| id.get()))
}

/// The publications of one page (with their reactions) and the cursor of the next: one statement.
pub async fn page(
    state: &AppState,
    subject: &Subject,
    viewer: UserId,
    filter: &FeedFilter,
    before: Option<i64>,
) -> Result<(Vec<PostView>, Option<i64>), AppError> {
    let rows = store::posts::feed(&state.db, viewer, filter, before, FEED_PAGE_SIZE + 1).await?;
    Ok(page_of(subject, rows))
}

/// A publication, its comments and who reacted: two statements. Moderators of its scope also see
/// it hidden (and its author always does).
pub async fn post_page(state: &AppState, subject: &Subject, id: PostId) -> Result<PostPage, AppError> {
    let viewer = subject.id().unwrap_or(UserId::NONE);
    let row = readable_post(state, subject, id).await?;
    let place = ModerationPlace::of(&row.post);
    let post = to_view(subject, row.post, &row.reactions);
    let can_comment = post.abilities.comment;
    let mut bundle = Bundle::new();
    let comments = bundle.add(store::comments::for_post(viewer, id));
    let reactors = bundle.add(store::posts::reactors(viewer, id));
    let lists = bundle.run(&state.db).await?;
    let comments = lists
        .take::<store::comments::CommentRow>(comments)?
        .into_iter()
        .map(|c| CommentView {
            id: c.id.get(),
            parent_id: c.parent_id.map(|id| id.get()),
            author: author_of(c.author_handle, c.author_name),
            html: SafeHtml::from_stored(c.body_html),
            created_at_ms: c.created_at,
            can_delete: (c.author_id.is_some() && subject.id() == c.author_id) || post.abilities.delete,
            can_moderate: !c.hidden && place.may_take_up(subject, c.author_id),
            can_reply: can_comment && c.parent_id.is_none() && !c.hidden,
            can_report: subject.may_speak() && c.author_id.is_some() && subject.id() != c.author_id && !c.hidden,
            hidden: c.hidden,
            hidden_reason: c.hidden_reason,
            hidden_rule: c.hidden_rule,
        })
        .collect();
    let mut by_kind: HashMap<ReactionKind, Vec<Author>> = HashMap::new();
    for r in lists.take::<store::posts::Reactor>(reactors)? {
        if let Some(kind) = ReactionKind::parse(&r.kind) {
            by_kind.entry(kind).or_default().push(Author { handle: r.handle, display_name: r.display_name });
        }
    }
    let mut reacted: Vec<(ReactionKind, Vec<Author>)> = by_kind.into_iter().collect();
    reacted.sort_by_key(|(k, _)| *k);
    Ok(PostPage { post, comments, reacted })
}

/// A publication as `subject` may read it (one statement): a hidden one only for its author and
/// the moderators of its scope; not found for everyone else, as a missing one. Its page and its
/// pictures ask here.
pub async fn readable_post(state: &AppState, subject: &Subject, id: PostId) -> Result<FeedRow, AppError> {
    let viewer = subject.id().unwrap_or(UserId::NONE);
    let row = store::posts::visible(&state.db, viewer, id, true).await?.ok_or(AppError::NotFound)?;
    let hidden_from_viewer = row.post.hidden_at.is_some() && row.post.author_id != Some(viewer);
    if hidden_from_viewer && !rules::can_moderate_post(subject, &scope_of(&row.post)) {
        return Err(AppError::NotFound);
    }
    Ok(row)
}

/// Current counts of publications the viewer may see (others are silently left out).
pub async fn counts(state: &AppState, subject: &Subject, ids: &[i64]) -> Result<Vec<PostCounts>, AppError> {
    let viewer = subject.id().unwrap_or(UserId::NONE);
    // One statement for the whole batch: visibility, comment and reaction counts.
    let ids = &ids[..ids.len().min(50)];
    let rows = store::posts::visible_counts(&state.db, viewer, ids).await?;
    Ok(rows
        .into_iter()
        .map(|r| PostCounts { id: r.id.get(), comment_count: r.comment_count, reactions: reaction_counts(&r.reactions) })
        .collect())
}
