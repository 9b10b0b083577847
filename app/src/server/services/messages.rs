//! Private conversations (issue 19): starting one, writing, answering a request, leaving, muting,
//! renaming; the list and a thread. Who may write to whom is `policy::messages`; every write is
//! one transaction, authorized before the form is read.

use std::collections::HashMap;

use crate::error::AppError;
use crate::model::commands::messages::{parse_title, MessageInput, StartInput};
use crate::model::feed::{Author, SafeHtml};
use crate::model::form::{FieldError, RawForm};
use crate::model::ids::UserId;
use crate::model::messages::{ConversationSummary, ConversationsPage, MessageView, Standing, StartAbility, ThreadPage};
use crate::server::context::AppState;
use crate::server::db::Tx;
use crate::server::policy::messages::{self as rules, ContactFacts, Delivery};
use crate::server::policy::Subject;
use crate::server::services::{mail, rate_limit};
use crate::server::store::bundle::Bundle;
use crate::server::store::messages::{ConversationLine, Lines, MessageRow, ACTIVE, REQUEST};
use crate::server::{now_ms, richtext, store};

/// Conversations per page of the list; messages per page of a thread.
pub const LIST_PAGE: i64 = 30;
pub const THREAD_PAGE: i64 = 40;
/// The beginning of the last message the list shows.
const PREVIEW_CHARS: usize = 140;

fn unknown_recipient() -> AppError {
    AppError::field("recipients", FieldError::UnknownMember)
}

/// A new conversation with the people the form names, and its first message. One person and no
/// title: their one-to-one conversation (found again if it exists). Each recipient gets it
/// directly or as a request (`policy::messages::delivery`); someone blocked either way, suspended
/// or unknown gets the same answer: no member of that name. Answers the conversation's id.
pub async fn start(state: &AppState, subject: &Subject, form: &RawForm) -> Result<i64, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let restricted = store::moderation::restricted_anywhere(&mut tx, me, now).await?;
    if !rules::can_start(subject, restricted) {
        return Err(AppError::Forbidden);
    }
    let input = StartInput::parse(form).map_err(AppError::Validation)?;
    rate_limit::hit_in(&mut tx, &format!("conversation:{me}"), state.settings.rate_limits.conversations_per_account).await?;
    // Writing to oneself is not writing to someone: their own handle is left out.
    let own = subject.active_user().map(|u| u.handle.as_str());
    let handles: Vec<String> = input.handles.iter().filter(|h| Some(h.as_str()) != own).cloned().collect();
    let rows = store::messages::contact_facts(&mut tx, me, &handles).await?;
    let mut deliveries: Vec<(UserId, Delivery)> = Vec::new();
    for handle in &handles {
        let delivery = rows.iter().find(|r| r.handle == *handle).map(|r| {
            let facts = ContactFacts {
                reachable: r.reachable,
                blocked_either_way: r.blocked,
                same_section: r.same_section,
                coopains: r.coopains,
                shared_group: r.shared_group,
                officer_of_sender: r.officer,
                organizer_of_senders_action: r.organizer,
            };
            (r.recipient, rules::delivery(&facts))
        });
        match delivery {
            Some((id, d)) if d != Delivery::Refused => deliveries.push((id, d)),
            _ => return Err(unknown_recipient()),
        }
    }
    if deliveries.is_empty() {
        return Err(unknown_recipient());
    }
    let direct = match (deliveries.as_slice(), &input.title) {
        ([(other, _)], None) => Some(*other),
        _ => None,
    };
    let existing = match direct {
        Some(other) => store::messages::direct_between(&mut tx, me, other).await?,
        None => None,
    };
    let conversation = match existing {
        Some(id) => id,
        None => store::messages::create(&mut tx, me, direct, input.title.as_deref(), now).await?,
    };
    store::messages::set_member(&mut tx, conversation, me, ACTIVE, now).await?;
    let current: HashMap<UserId, String> = store::messages::members(&mut tx, conversation).await?.into_iter().collect();
    for (id, delivery) in deliveries {
        let status = match (current.get(&id).map(String::as_str), delivery) {
            // Already in it, or asked already: unchanged. A refusal stays one (the sender is not told).
            (Some("active" | "request" | "refused"), _) => continue,
            (_, Delivery::Direct) => ACTIVE,
            _ => REQUEST,
        };
        store::messages::set_member(&mut tx, conversation, id, status, now).await?;
    }
    let rendered = richtext::render(&input.body);
    store::messages::insert_message(&mut tx, conversation, me, &input.body, rendered.html.as_str(), now).await?;
    let events = store::messages::announce(&mut tx, conversation, now).await?;
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(conversation)
}

/// `/messages/nouveau`: may the viewer start a conversation, and if not, why? One statement.
pub async fn may_start(state: &AppState, subject: &Subject) -> Result<StartAbility, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut tx = state.db.begin_read().await?;
    let restricted = store::moderation::restricted_anywhere(&mut tx, me, now_ms()).await?;
    Ok(if rules::can_start(subject, restricted) {
        StartAbility::Allowed
    } else if rules::can_start(subject, false) {
        StartAbility::Restricted
    } else {
        StartAbility::ProveAddress
    })
}

/// The "Messages" badge's count (0 for visitors).
pub async fn unread(state: &AppState, subject: &Subject) -> Result<i64, AppError> {
    match subject.id() {
        Some(me) => Ok(store::messages::unread_conversations(&state.db, me).await?),
        None => Ok(0),
    }
}

/// The viewer's place in a conversation they may read (else: not found, whatever the reason).
async fn readable(tx: &mut Tx, subject: &Subject, me: UserId, conversation: i64) -> Result<store::messages::Membership, AppError> {
    let membership = store::messages::membership(tx, conversation, me).await?.ok_or(AppError::NotFound)?;
    if !rules::can_read(subject, &membership.status) || membership.hidden_by_block {
        return Err(AppError::NotFound);
    }
    Ok(membership)
}

/// The viewer's place in a conversation they are an active member of (else: not found, or
/// forbidden when they only read it).
async fn member(tx: &mut Tx, subject: &Subject, me: UserId, conversation: i64) -> Result<store::messages::Membership, AppError> {
    let membership = readable(tx, subject, me, conversation).await?;
    if !rules::is_member(subject, &membership.status) {
        return Err(AppError::Forbidden);
    }
    Ok(membership)
}

/// A message in a conversation the viewer is a member of. Answers its id.
pub async fn send(state: &AppState, subject: &Subject, conversation: i64, form: &RawForm) -> Result<i64, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let membership = readable(&mut tx, subject, me, conversation).await?;
    if !rules::can_write(subject, &membership.status) {
        return Err(AppError::Forbidden);
    }
    let input = MessageInput::parse(form).map_err(AppError::Validation)?;
    rate_limit::hit_in(&mut tx, &format!("message:{me}"), state.settings.rate_limits.messages_per_account).await?;
    let rendered = richtext::render(&input.body);
    let id = store::messages::insert_message(&mut tx, conversation, me, &input.body, rendered.html.as_str(), now).await?;
    let events = store::messages::announce(&mut tx, conversation, now).await?;
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(id)
}

/// The person a request waits for accepts it (they join) or refuses it (they never see it again;
/// the sender is not told).
pub async fn answer_request(state: &AppState, subject: &Subject, conversation: i64, accept: bool) -> Result<(), AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut tx = state.db.begin().await?;
    let membership = readable(&mut tx, subject, me, conversation).await?;
    if !rules::may_answer_request(subject, &membership.status) {
        return Err(AppError::Forbidden);
    }
    let status = if accept { ACTIVE } else { store::messages::REFUSED };
    store::messages::set_member(&mut tx, conversation, me, status, now_ms()).await?;
    tx.commit().await?;
    Ok(())
}

/// Leaves: nothing more reaches them; they keep what was written until now.
pub async fn leave(state: &AppState, subject: &Subject, conversation: i64) -> Result<(), AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut tx = state.db.begin().await?;
    member(&mut tx, subject, me, conversation).await?;
    store::messages::leave(&mut tx, conversation, me).await?;
    tx.commit().await?;
    Ok(())
}

/// Mutes or unmutes it (no mail for the absent; the unread count stays).
pub async fn set_muted(state: &AppState, subject: &Subject, conversation: i64, muted: bool) -> Result<(), AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut tx = state.db.begin().await?;
    member(&mut tx, subject, me, conversation).await?;
    store::messages::set_muted(&mut tx, conversation, me, muted).await?;
    tx.commit().await?;
    Ok(())
}

/// A group conversation's new title, by one of its members.
pub async fn rename(state: &AppState, subject: &Subject, conversation: i64, form: &RawForm) -> Result<(), AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut tx = state.db.begin().await?;
    if member(&mut tx, subject, me, conversation).await?.kind != "group" {
        return Err(AppError::Forbidden);
    }
    let title = parse_title(form).map_err(AppError::Validation)?;
    store::messages::rename(&mut tx, conversation, &title).await?;
    tx.commit().await?;
    Ok(())
}

/// The other people's names as the store gives them (tab-separated), as a list to read.
fn names(tabbed: Option<&str>) -> String {
    tabbed.unwrap_or_default().split('\t').filter(|n| !n.is_empty()).collect::<Vec<_>>().join(", ")
}

fn summary(line: ConversationLine) -> Option<ConversationSummary> {
    let standing = Standing::from_db(&line.status)?;
    let others = names(line.others.as_deref());
    let group = line.kind == "group";
    Some(ConversationSummary {
        id: line.id,
        group,
        name: line.title.filter(|t| group && !t.is_empty()).unwrap_or(others),
        standing,
        muted: line.muted,
        last_message_ms: line.last_message_at,
        last_text: line.last_body.map(|b| preview(&b)),
        last_author: line.last_author_name,
        unread: line.unread,
    })
}

fn preview(body: &str) -> String {
    let flat = body.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > PREVIEW_CHARS {
        format!("{}…", flat.chars().take(PREVIEW_CHARS).collect::<String>())
    } else {
        flat
    }
}

/// `/messages`: the viewer's conversations, most recent first (one statement).
pub async fn list(state: &AppState, subject: &Subject, before: Option<(i64, i64)>) -> Result<ConversationsPage, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut bundle = Bundle::new();
    let lines = bundle.add(store::messages::lines_part(me, Lines::Before(before, LIST_PAGE)));
    let lists = bundle.run(&state.db).await?;
    let rows: Vec<ConversationLine> = lists.take(lines)?;
    let next = (rows.len() as i64 == LIST_PAGE).then(|| rows.last().map(|r| (r.last_message_at, r.id))).flatten();
    Ok(ConversationsPage { items: rows.into_iter().filter_map(summary).collect(), next })
}

/// A thread: its header and a page of messages (one statement), older ones by `before`; reading
/// the newest page marks it read (one more).
pub async fn thread(state: &AppState, subject: &Subject, conversation: i64, before: Option<i64>) -> Result<ThreadPage, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut bundle = Bundle::new();
    let header = bundle.add(store::messages::lines_part(me, Lines::One(conversation)));
    let messages = bundle.add(store::messages::thread_part(me, conversation, before, THREAD_PAGE));
    let lists = bundle.run(&state.db).await?;
    // The statement already keeps to what they may read (their membership, no block); the rule
    // decides on what it found.
    let line = lists.take::<ConversationLine>(header)?.into_iter().next().ok_or(AppError::NotFound)?;
    if !rules::can_read(subject, &line.status) {
        return Err(AppError::NotFound);
    }
    let can_write = rules::can_write(subject, &line.status);
    let seen_upto = line.seen_upto;
    let people = names(line.others.as_deref());
    let summary = summary(line).ok_or(AppError::NotFound)?;
    let mut rows: Vec<MessageRow> = lists.take(messages)?;
    let seen = seen_upto.and_then(|upto| rows.iter().filter(|r| r.author_id == Some(me) && r.id <= upto).map(|r| r.id).max());
    let older = (rows.len() as i64 == THREAD_PAGE).then(|| rows.last().map(|r| r.id)).flatten();
    rows.reverse();
    if before.is_none() {
        if let Some(newest) = rows.last() {
            store::messages::mark_read_alone(&state.db, conversation, me, newest.id).await?;
        }
    }
    Ok(ThreadPage {
        id: summary.id,
        group: summary.group,
        name: summary.name,
        people,
        standing: summary.standing,
        muted: summary.muted,
        can_write,
        seen,
        messages: rows
            .into_iter()
            .map(|r| MessageView {
                id: r.id,
                author: r.author_handle.zip(r.author_name).map(|(handle, display_name)| Author { handle, display_name }),
                mine: r.author_id == Some(me),
                html: SafeHtml::from_stored(r.body_html),
                created_at_ms: r.created_at,
            })
            .collect(),
        older,
    })
}

/// How far back the mail for the absent looks: a conversation quiet for longer is not mailed about
/// (a first start, or a long outage, never sends a flood about old messages).
const MAIL_LOOKBACK_MS: i64 = 24 * 3_600_000;
const MAIL_BATCH: i64 = 200;

/// One e-mail per person and conversation with a message they have not read for
/// `Settings::message_mail_delay_ms` (not one per message), through the mail outbox; the claim
/// (`mailed_upto_id`) and the mail commit together, so restarts and several instances send once.
/// The mail names the conversation, never a message's text. Returns how many were written.
pub async fn mail_the_absent(state: &AppState, now: i64) -> Result<usize, AppError> {
    let cutoff = now - state.settings.message_mail_delay_ms.max(0);
    let rows = store::messages::absent_readers(&state.db, cutoff - MAIL_LOOKBACK_MS, cutoff, MAIL_BATCH).await?;
    if rows.is_empty() {
        return Ok(0);
    }
    let mut tx = state.db.begin().await?;
    let mut written = 0;
    for r in rows {
        if !store::messages::claim_mail(&mut tx, r.conversation_id, r.user_id, r.last_message_id).await? {
            continue;
        }
        let others = names(r.others.as_deref());
        let title = r.title.filter(|t| r.kind == "group" && !t.is_empty());
        let link = state.settings.link(&format!("/messages/{}", r.conversation_id));
        let message = mail::unread_messages(&mail::UnreadMessagesMail {
            user_id: r.user_id,
            to: &r.email,
            display_name: &r.display_name,
            title: title.as_deref(),
            others: &others,
            unread: r.unread,
            link: &link,
        });
        mail::enqueue(&mut tx, &message, now).await?;
        written += 1;
    }
    tx.commit().await?;
    Ok(written)
}
