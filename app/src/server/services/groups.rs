//! Thematic groups: creation (after looking for similar ones), joining, membership requests,
//! and the read models of /groupes.

use crate::error::AppError;
use crate::i18n::Lang;
use crate::model::account::Handle;
use crate::model::commands::group::GroupInput;
use crate::model::feed::{Author, GroupMembership, GroupPrivacy, GroupRole, GroupSummary, GroupView, NotificationKind};
use crate::model::form::{FieldError, FieldErrors, RawForm};
use crate::model::ids::UserId;
use crate::model::territory::parse_slug;
use crate::server::context::AppState;
use crate::server::policy::feed as rules;
use crate::server::policy::Subject;
use crate::server::services::feed::{self, group_role};
use crate::server::store::bundle::Bundle;
use crate::server::store::posts::FeedFilter;
use crate::server::store::{self, groups::GroupRow, notifications::NewNotification};
use crate::server::{db::is_unique_violation, now_ms};

pub fn summary(subject: &Subject, g: &GroupRow) -> GroupSummary {
    let membership = if subject.is_active() { group_role(g.my_role).unwrap_or(GroupMembership::None) } else { GroupMembership::None };
    let privacy = g.privacy;
    GroupSummary {
        slug: g.slug.clone(),
        name: g.name.clone(),
        purpose: g.purpose.clone(),
        privacy,
        member_count: rules::can_see_group_inside(privacy, membership, subject).then_some(g.member_count),
        membership,
    }
}

/// Words that say what a group is about (for "similar groups"): 4 letters or more.
fn significant_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .filter(|w| !["pour", "avec", "dans", "notre", "nous", "groupe", "sont", "leurs", "plus", "tous", "toutes"].contains(&w.as_str()))
        .collect();
    words.dedup();
    words
}

/// Creates a group after showing similar ones once (`confirm` = "oui" creates anyway).
pub async fn create(state: &AppState, subject: &Subject, form: &RawForm) -> Result<String, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    if !rules::can_create_group(subject) {
        return Err(AppError::Forbidden);
    }
    let GroupInput { name, purpose, privacy, despite_similar } = GroupInput::parse(form).map_err(AppError::Validation)?;
    let slug = parse_slug(Handle::suggest_from(&name).as_str()).map_err(|err| {
        let mut e = FieldErrors::default();
        e.add("name", err);
        AppError::Validation(e)
    })?;
    let mut tx = state.db.begin().await?;
    if !despite_similar {
        let similar = store::groups::similar(&mut tx, &significant_words(&format!("{name} {purpose}"))).await?;
        if !similar.is_empty() {
            let mut e = FieldErrors::default();
            e.add("name", FieldError::SimilarGroups { groups: similar });
            return Err(AppError::Validation(e));
        }
    }
    let mut unique = slug.clone();
    let mut n = 2;
    while store::groups::slug_exists(&mut tx, &unique).await? {
        unique = format!("{slug}-{n}");
        n += 1;
    }
    let now = now_ms();
    let id = match store::groups::insert(&mut tx, &unique, &name, &purpose, privacy, me, now).await {
        Ok(id) => id,
        Err(err) if is_unique_violation(&err, "groups_slug_key", "groups.slug") => {
            let mut e = FieldErrors::default();
            e.add("name", FieldError::SlugTaken);
            return Err(AppError::Validation(e));
        }
        Err(err) => return Err(err.into()),
    };
    store::groups::set_role(&mut tx, id, me, GroupRole::Admin, now).await?;
    tx.commit().await?;
    Ok(unique)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupAction {
    /// Join a public group, or ask to join a private one.
    Join,
    Leave,
}

pub async fn join_or_leave(state: &AppState, subject: &Subject, slug: &str, action: GroupAction) -> Result<(), AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut tx = state.db.begin().await?;
    let g = store::groups::by_slug_in_tx(&mut tx, me, slug).await?.ok_or(AppError::NotFound)?;
    let role = group_role(g.my_role);
    let now = now_ms();
    let mut events = Vec::new();
    match action {
        GroupAction::Join if role.is_none() => {
            // Excluded by the group's moderation: no way back in (until an appeal succeeds).
            let here = [crate::model::moderation::ModerationScope::Group(g.id.get())];
            if crate::server::services::moderation::restricted(&mut tx, me, &here).await? {
                return Err(AppError::Forbidden);
            }
            if g.privacy == GroupPrivacy::Public {
                store::groups::set_role(&mut tx, g.id, me, GroupRole::Member, now).await?;
            } else {
                store::groups::set_role(&mut tx, g.id, me, GroupRole::Pending, now).await?;
                for admin in store::groups::admin_ids(&mut tx, g.id).await? {
                    store::notifications::insert(
                        &mut tx,
                        &NewNotification {
                            user_id: admin,
                            kind: NotificationKind::GroupRequest,
                            actor_id: me,
                            post_id: None,
                            comment_id: None,
                            group_id: Some(g.id),
                            now_ms: now,
                        },
                    )
                    .await?;
                    events.push(store::events::insert(&mut tx, "notification", None, Some(admin), now).await?);
                }
            }
        }
        GroupAction::Join => {}
        GroupAction::Leave => {
            if role == Some(GroupMembership::Admin) && store::groups::admin_count(&mut tx, g.id).await? <= 1 {
                // The last admin hands over first, or the group would be orphaned.
                return Err(AppError::Forbidden);
            }
            store::groups::remove(&mut tx, g.id, me).await?;
        }
    }
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberDecision {
    Accept,
    Refuse,
    MakeAdmin,
}

/// A group admin answers a request, or makes a member admin.
pub async fn decide(state: &AppState, subject: &Subject, slug: &str, handle: &str, decision: MemberDecision) -> Result<(), AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut tx = state.db.begin().await?;
    let g = store::groups::by_slug_in_tx(&mut tx, me, slug).await?.ok_or(AppError::NotFound)?;
    if !rules::can_administer_group(subject, group_role(g.my_role).unwrap_or(GroupMembership::None)) {
        return Err(AppError::Forbidden);
    }
    let person = store::users::active_id_by_handle(&mut tx, handle).await?.ok_or(AppError::NotFound)?;
    let current = store::groups::role_of(&mut tx, g.id, person).await?.ok_or(AppError::NotFound)?;
    let now = now_ms();
    let mut events = Vec::new();
    let kind = match (decision, current) {
        (MemberDecision::Accept, GroupRole::Pending) => {
            store::groups::set_role(&mut tx, g.id, person, GroupRole::Member, now).await?;
            Some(NotificationKind::GroupAccepted)
        }
        (MemberDecision::Refuse, GroupRole::Pending) => {
            store::groups::remove(&mut tx, g.id, person).await?;
            Some(NotificationKind::GroupRefused)
        }
        (MemberDecision::MakeAdmin, GroupRole::Member) => {
            store::groups::set_role(&mut tx, g.id, person, GroupRole::Admin, now).await?;
            None
        }
        // Deciding twice (two admins at once) is a no-op.
        _ => None,
    };
    if let Some(kind) = kind {
        store::notifications::insert(
            &mut tx,
            &NewNotification { user_id: person, kind, actor_id: me, post_id: None, comment_id: None, group_id: Some(g.id), now_ms: now },
        )
        .await?;
        events.push(store::events::insert(&mut tx, "notification", None, Some(person), now).await?);
    }
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(())
}

pub async fn list(state: &AppState, subject: &Subject) -> Result<Vec<GroupSummary>, AppError> {
    let viewer = subject.id().unwrap_or(UserId::NONE);
    Ok(store::groups::list(&state.db, viewer).await?.iter().map(|g| summary(subject, g)).collect())
}

/// A group's page: anyone learns its name, purpose and privacy; members (and anyone for a
/// public group) its members and a page of its publications (`before`: the keyset cursor);
/// admins the pending requests.
pub async fn view(state: &AppState, subject: &Subject, slug: &str, before: Option<i64>, lang: Lang) -> Result<GroupView, AppError> {
    let viewer = subject.id().unwrap_or(UserId::NONE);
    let g = store::groups::by_slug(&state.db, viewer, slug).await?.ok_or(AppError::NotFound)?;
    let summary = summary(subject, &g);
    let can_join = subject.is_active() && summary.membership == GroupMembership::None;
    if !rules::can_see_group_inside(summary.privacy, summary.membership, subject) {
        return Ok(GroupView { can_join, summary, members: None, requests: None, banner: None, can_change_banner: false, feed: None });
    }
    // Inside: its members and its publications, in one statement.
    let admin = rules::can_administer_group(subject, summary.membership);
    let mut bundle = Bundle::new();
    let members = bundle.add(store::groups::members(g.id));
    let posts = bundle.add(feed::feed_rows_part(subject, &FeedFilter::Group(g.id.get()), before));
    let lists = bundle.run(&state.db).await?;
    let rows: Vec<store::groups::MemberRow> = lists.take(members)?;
    let author = |m: &store::groups::MemberRow| Author { handle: m.handle.clone(), display_name: m.display_name.clone() };
    let members = rows.iter().filter(|m| m.role != "pending").map(|m| (author(m), m.role == "admin")).collect();
    let requests = admin.then(|| rows.iter().filter(|m| m.role == "pending").map(author).collect());
    let banner = crate::server::services::media::picture_of(&g.banner);
    let feed = feed::group_feed_page(state, subject, g, lists.take(posts)?, before, lang).await?;
    Ok(GroupView { can_join, summary, members: Some(members), requests, banner, can_change_banner: admin, feed: Some(feed) })
}
