//! Writing publications, comments and reactions: one transaction each, events and
//! notifications written inside it, announced on the bus after commit.

use crate::error::AppError;
use crate::model::commands::post::{CommentInput, EditInput, PostInput};
use crate::model::feed::{Audience, NotificationKind, ReactionKind};
use crate::model::form::{FieldError, FieldErrors, RawForm};
use crate::model::ids::{CommentId, PostId, UserId};
use crate::server::context::AppState;
use crate::server::db::Tx;
use crate::server::media::Upload;
use crate::server::policy::feed as rules;
use crate::server::policy::Subject;
use crate::server::services::feed::{group_role, scope_of};
use crate::server::services::notifications::notify;
use crate::server::services::{media, moderation, rate_limit};
use crate::server::store::{self, events::EventRow, notifications::NewNotification};
use crate::server::{now_ms, richtext};

/// At most this many people of a thread are told of a new reply in it (the first ones to have written).
const THREAD_NOTIFIED: i64 = 20;

/// Publications and comments per account; a new account (its first day) gets a lower limit.
pub(crate) async fn posting_allowed(state: &AppState, user_id: UserId) -> Result<(), AppError> {
    let limit = posting_limit(state, user_id).await?;
    rate_limit::hit(&state.db, &format!("post:{user_id}"), limit).await
}

/// The same budget, counted inside the caller's writing transaction (débats' contributions and
/// propositions: SQLite has one writer, a second transaction would wait for this one).
pub(crate) async fn posting_allowed_in(state: &AppState, tx: &mut Tx, user_id: UserId) -> Result<(), AppError> {
    let limit = posting_limit(state, user_id).await?;
    rate_limit::hit_in(tx, &format!("post:{user_id}"), limit).await
}

async fn posting_limit(state: &AppState, user_id: UserId) -> Result<crate::server::context::Limit, AppError> {
    let now = now_ms();
    let created = store::users::by_id(&state.db, user_id).await?.map_or(now, |u| u.created_at);
    Ok(state.settings.moderation.limit_for(state.settings.rate_limits.posting_per_account, created, now))
}

/// Refuses a comment or a reaction from someone restricted in the publication's scope.
async fn may_write_on(tx: &mut Tx, me: UserId, row: &store::posts::PostRow) -> Result<(), AppError> {
    let (section, group) = (row.section_id.map(|s| s.get()), row.group_id.map(|g| g.get()));
    moderation::ensure_may_write(tx, me, &row.audience, section, row.federation_code.as_deref(), group).await
}

/// Publishes text only; returns the new publication's id.
pub async fn publish(state: &AppState, subject: &Subject, form: &RawForm) -> Result<PostId, AppError> {
    publish_with_pictures(state, subject, form, &[]).await
}

/// Publishes, with the pictures the form's file fields `photo_{n}` hold (`alt_{n}` describes
/// each). The pictures are processed and stored before the transaction (it never waits on
/// them); a refusal after that deletes their files again. Nothing is kept of a refused form.
pub async fn publish_with_pictures(state: &AppState, subject: &Subject, form: &RawForm, uploads: &[Upload]) -> Result<PostId, AppError> {
    let author = subject.id().ok_or(AppError::NotAuthenticated)?;
    let (slots, too_large) = media::photo_slots(uploads);
    // Every problem at once: the text's, and each file's that is refused before decoding.
    let (PostInput { body, audience, group_slug }, ()) =
        FieldErrors::both(PostInput::parse_with(form, &slots), too_large).map_err(AppError::Validation)?;
    posting_allowed(state, author).await?;
    let to_store = media::photo_uploads(uploads, |slot| form.value(&format!("alt_{slot}")).trim().to_string());
    let pictures = media::store_pictures(state, to_store).await.map_err(AppError::Validation)?;
    let result = insert_post(state, subject, author, (body, audience, group_slug), &pictures).await;
    if result.is_err() {
        media::discard(state, &pictures).await;
    }
    result
}

async fn insert_post(
    state: &AppState,
    subject: &Subject,
    author: UserId,
    (body, audience, group_slug): (String, Audience, String),
    pictures: &[media::StoredPicture],
) -> Result<PostId, AppError> {
    let rendered = richtext::render(&body);
    let mut tx = state.db.begin().await?;
    let group = if audience == Audience::Group { store::groups::by_slug_in_tx(&mut tx, author, &group_slug).await? } else { None };
    let role = group.as_ref().and_then(|g| group_role(g.my_role));
    if !rules::can_publish(subject, audience, role) {
        let mut e = FieldErrors::default();
        e.add("audience", FieldError::AudienceNotAllowed);
        return Err(AppError::Validation(e));
    }
    let section = subject.belonging.section_id.map(|s| s.get());
    let group_id = group.as_ref().map(|g| g.id.get());
    moderation::ensure_may_write(&mut tx, author, audience.as_str(), section, subject.belonging.federation_code.as_deref(), group_id)
        .await?;
    let now = now_ms();
    let id = store::posts::insert(
        &mut tx,
        &store::posts::NewPost {
            author_id: author,
            audience: audience.as_str(),
            section_id: subject.belonging.section_id,
            federation_code: subject.belonging.federation_code.as_deref(),
            group_id: group.map(|g| g.id),
            body: &body,
            body_html: rendered.html.as_str(),
            pictures: &media::pictures_json(pictures),
            now_ms: now,
        },
    )
    .await?;
    media::attach_to_post(&mut tx, author, id, pictures, now).await?;
    store::posts::replace_tags(&mut tx, id, &rendered.tags).await?;
    let mut events = vec![store::events::insert(&mut tx, "post_created", Some(id), None, now).await?];
    let mentions = Mentions { actor: author, post_id: id, comment_id: None, handles: &rendered.mentions, before: &[], told: &[] };
    notify_mentions(&mut tx, &mut events, &mentions, now).await?;
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(id)
}

/// Who a publication or comment mentions, where it is.
struct Mentions<'a> {
    actor: UserId,
    post_id: PostId,
    comment_id: Option<CommentId>,
    handles: &'a [String],
    /// Handles mentioned before an edit: already told.
    before: &'a [String],
    /// People already notified by this write (the author, a replied-to person…).
    told: &'a [UserId],
}

/// Notifies the people mentioned who can see the publication (once each per write).
async fn notify_mentions(tx: &mut Tx, events: &mut Vec<EventRow>, m: &Mentions<'_>, now: i64) -> Result<(), AppError> {
    let fresh: Vec<String> = m.handles.iter().filter(|h| !m.before.contains(h)).cloned().collect();
    for (user_id, _) in store::users::ids_by_handles(tx, &fresh).await? {
        if user_id == m.actor || m.told.contains(&user_id) || store::posts::visible_in_tx(tx, user_id, m.post_id).await?.is_none() {
            continue;
        }
        let notification = NewNotification {
            user_id,
            kind: NotificationKind::Mention,
            actor_id: m.actor,
            post_id: Some(m.post_id),
            comment_id: m.comment_id,
            group_id: None,
            now_ms: now,
        };
        notify(tx, events, &notification).await?;
    }
    Ok(())
}

pub async fn edit(state: &AppState, subject: &Subject, post_id: PostId, form: &RawForm) -> Result<(), AppError> {
    let viewer = subject.id().ok_or(AppError::NotAuthenticated)?;
    // Authorize before validating: a hidden publication answers like a missing one.
    let mut tx = state.db.begin().await?;
    let row = store::posts::visible_in_tx(&mut tx, viewer, post_id).await?.ok_or(AppError::NotFound)?;
    if !rules::can_edit_post(subject, &scope_of(&row)) || row.hidden_at.is_some() {
        return Err(AppError::Forbidden);
    }
    let EditInput { body } = EditInput::parse(form).map_err(AppError::Validation)?;
    let rendered = richtext::render(&body);
    let before = richtext::render(&row.body).mentions;
    let now = now_ms();
    store::posts::update_body(&mut tx, post_id, &body, rendered.html.as_str(), now).await?;
    store::posts::replace_tags(&mut tx, post_id, &rendered.tags).await?;
    let mut events = vec![store::events::insert(&mut tx, "post_changed", Some(post_id), None, now).await?];
    let mentions = Mentions { actor: viewer, post_id, comment_id: None, handles: &rendered.mentions, before: &before, told: &[] };
    notify_mentions(&mut tx, &mut events, &mentions, now).await?;
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(())
}

pub async fn delete(state: &AppState, subject: &Subject, post_id: PostId) -> Result<(), AppError> {
    let viewer = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut tx = state.db.begin().await?;
    let row = store::posts::visible_in_tx(&mut tx, viewer, post_id).await?.ok_or(AppError::NotFound)?;
    if !rules::can_delete_post(subject, &scope_of(&row)) {
        return Err(AppError::Forbidden);
    }
    store::posts::delete(&mut tx, post_id).await?;
    let events = vec![store::events::insert(&mut tx, "post_changed", Some(post_id), None, now_ms()).await?];
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(())
}

/// Toggles one reaction; the author is notified (aggregated) when it is given.
pub async fn react(state: &AppState, subject: &Subject, post_id: PostId, kind: &str) -> Result<bool, AppError> {
    let viewer = subject.id().ok_or(AppError::NotAuthenticated)?;
    let kind = ReactionKind::parse(kind).ok_or(AppError::NotFound)?;
    let mut tx = state.db.begin().await?;
    let row = store::posts::visible_in_tx(&mut tx, viewer, post_id).await?.ok_or(AppError::NotFound)?;
    if !rules::can_interact(subject) || row.hidden_at.is_some() || row.author_id.is_none() {
        return Err(AppError::Forbidden);
    }
    may_write_on(&mut tx, viewer, &row).await?;
    let now = now_ms();
    let given = store::posts::toggle_reaction(&mut tx, post_id, viewer, kind.as_str(), now).await?;
    let mut events = vec![store::events::insert(&mut tx, "post_changed", Some(post_id), None, now).await?];
    if let Some(author) = row.author_id.filter(|a| given && *a != viewer) {
        store::notifications::add_reaction(&mut tx, author, viewer, post_id, now).await?;
        events.push(store::events::insert(&mut tx, "notification", None, Some(author), now).await?);
    }
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(given)
}

/// Comments (or replies to a top-level comment); notifies the publication's author, the
/// replied-to person and the people mentioned.
pub async fn comment(state: &AppState, subject: &Subject, post_id: PostId, form: &RawForm) -> Result<CommentId, AppError> {
    let viewer = subject.id().ok_or(AppError::NotAuthenticated)?;
    // The same limit answer for every publication, seen or not; then authorization, then the text.
    posting_allowed(state, viewer).await?;
    let mut tx = state.db.begin().await?;
    let row = store::posts::visible_in_tx(&mut tx, viewer, post_id).await?.ok_or(AppError::NotFound)?;
    if !rules::can_interact(subject) || row.hidden_at.is_some() {
        return Err(AppError::Forbidden);
    }
    may_write_on(&mut tx, viewer, &row).await?;
    let CommentInput { body, parent } = CommentInput::parse(form).map_err(AppError::Validation)?;
    let rendered = richtext::render(&body);
    // One level of replies: a reply to a reply attaches to its top-level comment.
    let parent = match parent {
        Some(pid) => match store::comments::place(&mut tx, pid).await? {
            Some((p_post, p_parent, p_author)) if p_post == post_id => Some((p_parent.unwrap_or(pid), p_author)),
            _ => return Err(AppError::NotFound),
        },
        None => None,
    };
    let now = now_ms();
    let id = store::comments::insert(
        &mut tx,
        &store::comments::NewComment {
            post_id,
            parent_id: parent.map(|p| p.0),
            author_id: viewer,
            body: &body,
            body_html: rendered.html.as_str(),
            now_ms: now,
        },
    )
    .await?;
    store::posts::add_to_comment_count(&mut tx, post_id, 1).await?;
    let mut events = vec![store::events::insert(&mut tx, "post_changed", Some(post_id), None, now).await?];
    // Who hears of it, each once: the person replied to, the publication's author, then the
    // others who wrote in the thread — those who still see the publication (its author does).
    // (Nobody to tell for a "message supprimé": its author's account is gone.)
    let mut recipients: Vec<(UserId, NotificationKind, bool)> = Vec::new();
    if let Some((thread, replied_to)) = parent {
        recipients.extend(replied_to.map(|r| (r, NotificationKind::Reply, true)));
        recipients.extend(row.author_id.map(|a| (a, NotificationKind::Comment, false)));
        for writer in store::comments::thread_writers(&mut tx, thread, THREAD_NOTIFIED).await? {
            recipients.push((writer, NotificationKind::ThreadReply, true));
        }
    } else {
        recipients.extend(row.author_id.map(|a| (a, NotificationKind::Comment, false)));
    }
    let mut told = vec![viewer];
    for (user_id, kind, check) in recipients {
        if told.contains(&user_id) || (check && store::posts::visible_in_tx(&mut tx, user_id, post_id).await?.is_none()) {
            continue;
        }
        let notification =
            NewNotification { user_id, kind, actor_id: viewer, post_id: Some(post_id), comment_id: Some(id), group_id: None, now_ms: now };
        notify(&mut tx, &mut events, &notification).await?;
        told.push(user_id);
    }
    let mentions = Mentions { actor: viewer, post_id, comment_id: Some(id), handles: &rendered.mentions, before: &[], told: &told };
    notify_mentions(&mut tx, &mut events, &mentions, now).await?;
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(id)
}

/// The comment's author, the publication's author or its moderators delete a comment.
pub async fn delete_comment(state: &AppState, subject: &Subject, comment_id: CommentId) -> Result<PostId, AppError> {
    let viewer = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut tx = state.db.begin().await?;
    let (post_id, _, author) = store::comments::place(&mut tx, comment_id).await?.ok_or(AppError::NotFound)?;
    let row = store::posts::visible_in_tx(&mut tx, viewer, post_id).await?.ok_or(AppError::NotFound)?;
    let scope = scope_of(&row);
    // The comment's author, or the publication's (their thread); moderators take it up instead
    // ("Modérer": a decision with a rule and a reason, which its author may appeal).
    if author != Some(viewer) && !rules::can_delete_post(subject, &scope) {
        return Err(AppError::Forbidden);
    }
    let removed = store::comments::delete(&mut tx, comment_id).await?;
    store::posts::add_to_comment_count(&mut tx, post_id, -removed).await?;
    let events = vec![store::events::insert(&mut tx, "post_changed", Some(post_id), None, now_ms()).await?];
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(post_id)
}
