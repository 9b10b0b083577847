//! Annonces (issue 19): a section's or federation's team writes to a segment of its people — all,
//! adhérents, sympathisants, those available for a kind of action, the participants of one of its
//! actions. Two steps: the count of recipients first ("Envoyer à N personnes"), then the sending,
//! refused if the count changed meanwhile. Delivered in-app (a notification and its live event)
//! and by e-mail to proven addresses that did not turn annonces off, each mail with its own
//! one-click unsubscribe link (RFC 8058). Each annonce is in the scope's journal; a scope sends
//! at most `Settings::announcements_per_week` in a rolling week. Everything in one transaction.

use crate::error::AppError;
use crate::model::announcements::{
    ActionChoice, AnnouncementView, AnnouncementsPage, Segment, SentAnnouncement, TeamScope, UnsubscribeLink,
};
use crate::model::commands::announcement::{AnnouncementInput, Audience};
use crate::model::feed::{Author, SafeHtml};
use crate::model::form::{FieldError, RawForm};
use crate::model::ids::SectionId;
use crate::model::messages::list_cursor;
use crate::server::auth::session_token;
use crate::server::context::AppState;
use crate::server::db::Tx;
use crate::server::policy::announcements::{self as rules, ScopeFacts};
use crate::server::policy::{SectionScope, Subject};
use crate::server::services::mail;
use crate::server::services::team_scope::{find, FoundScope};
use crate::server::store::announcements::{self as stored, ActionChoiceRow, HistoryRow, RecipientRow};
use crate::server::store::bundle::Bundle;
use crate::server::{now_ms, richtext, store};

const WEEK_MS: i64 = 7 * 86_400_000;
/// Annonces per page of a scope's history.
const HISTORY_PAGE: i64 = 20;
/// Actions offered for the participants segment: from a month ago on.
const ACTIONS_SINCE_MS: i64 = 30 * 86_400_000;
const ACTION_CHOICES: i64 = 50;

/// The scope, for someone who may write there: a visitor signs in first, anyone else is refused
/// before the form is read.
async fn writable(state: &AppState, subject: &Subject, scope: &TeamScope) -> Result<FoundScope, AppError> {
    let found = find(state, scope).await?;
    if !subject.is_active() {
        return Err(AppError::NotAuthenticated);
    }
    if !rules::can_write(subject, &found.facts) {
        return Err(AppError::Forbidden);
    }
    Ok(found)
}

/// The scope's page: the form for its team, what it sent (two statements).
pub async fn page(
    state: &AppState,
    subject: &Subject,
    scope: &TeamScope,
    before: Option<(i64, i64)>,
) -> Result<AnnouncementsPage, AppError> {
    let found = find(state, scope).await?;
    if !rules::can_read_history(subject, &found.facts) {
        return Err(if subject.is_active() { AppError::Forbidden } else { AppError::NotAuthenticated });
    }
    let now = now_ms();
    let mut bundle = Bundle::new();
    let history = bundle.add(stored::history_part(found.kind, &found.code, before, HISTORY_PAGE));
    let recent = bundle.add(stored::sent_since_part(found.kind, &found.code, now - WEEK_MS));
    let choices = bundle.add(stored::action_choices_part(found.section_id, &found.federation_code, now - ACTIONS_SINCE_MS, ACTION_CHOICES));
    let lists = bundle.run(&state.db).await?;
    let rows: Vec<HistoryRow> = lists.take(history)?;
    let sent_this_week = lists.take::<CountRow>(recent)?.first().map(|r| r.n).unwrap_or(0);
    let actions: Vec<ActionChoiceRow> = lists.take(choices)?;
    let next = (rows.len() as i64 == HISTORY_PAGE).then(|| rows.last().map(|r| list_cursor(r.created_at, r.id))).flatten();
    let limit = state.settings.announcements_per_week;
    Ok(AnnouncementsPage {
        scope: scope.clone(),
        scope_name: found.name,
        actions: actions
            .into_iter()
            .map(|a| ActionChoice { id: a.id, title: a.title, starts_at_ms: a.starts_at, going: a.going })
            .collect(),
        remaining_this_week: if limit > 0 { (limit - sent_this_week).max(0) } else { i64::MAX },
        weekly_limit: limit,
        may_write: rules::can_write(subject, &found.facts),
        sent: rows.into_iter().filter_map(sent_line).collect(),
        next,
    })
}

#[derive(serde::Deserialize)]
struct CountRow {
    n: i64,
}

fn sent_line(r: HistoryRow) -> Option<SentAnnouncement> {
    let segment = Segment::parse(&r.segment)?;
    let segment_detail = match segment {
        Segment::Available => Some(r.segment_arg.clone()),
        Segment::Participants => r.action_title.clone(),
        _ => None,
    };
    Some(SentAnnouncement {
        id: r.id,
        subject: r.subject,
        author: r.author_handle.zip(r.author_name).map(|(handle, display_name)| Author { handle, display_name }),
        segment,
        segment_detail,
        recipients: r.recipient_count,
        by_mail: r.mail_count,
        created_at_ms: r.created_at,
    })
}

/// The recipients of `audience` (a participants segment must name one of the scope's actions);
/// the caller has authorized the writer.
async fn audience_of(tx: &mut Tx, subject: &Subject, found: &FoundScope, audience: Audience) -> Result<Vec<RecipientRow>, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    if let Audience::Participants(action) = audience {
        if !stored::action_of_scope(tx, action, found.section_id, &found.federation_code).await? {
            return Err(AppError::field("action", FieldError::InvalidChoice));
        }
    }
    let people = stored::recipients(tx, found.area(), audience, me).await?;
    if people.is_empty() {
        return Err(AppError::field("segment", FieldError::NoRecipients));
    }
    Ok(people)
}

/// The weekly limit, counted in the sending transaction.
async fn check_weekly_limit(state: &AppState, tx: &mut Tx, found: &FoundScope, now: i64) -> Result<(), AppError> {
    let limit = state.settings.announcements_per_week;
    if limit > 0 && stored::sent_since(tx, found.kind, &found.code, now - WEEK_MS).await? >= limit {
        return Err(AppError::field("segment", FieldError::WeeklyLimitReached { max: limit }));
    }
    Ok(())
}

/// The first step: every field checked, and how many people the annonce would reach (all, and
/// by e-mail). Nothing is written.
pub async fn preview(state: &AppState, subject: &Subject, scope: &TeamScope, form: &RawForm) -> Result<(i64, i64), AppError> {
    let found = writable(state, subject, scope).await?;
    let input = AnnouncementInput::parse(form).map_err(AppError::Validation)?;
    let mut tx = state.db.begin_read().await?;
    check_weekly_limit(state, &mut tx, &found, now_ms()).await?;
    let people = audience_of(&mut tx, subject, &found, input.audience).await?;
    Ok((people.len() as i64, people.iter().filter(|p| p.by_mail).count() as i64))
}

/// Sends: refused when the count differs from the one the author confirmed
/// (`FieldError::RecipientsChanged` with the new count). Answers the annonce's id.
pub async fn send(state: &AppState, subject: &Subject, scope: &TeamScope, form: &RawForm) -> Result<i64, AppError> {
    let found = writable(state, subject, scope).await?;
    let me = subject.active_user().ok_or(AppError::NotAuthenticated)?.clone();
    let input = AnnouncementInput::parse(form).map_err(AppError::Validation)?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    check_weekly_limit(state, &mut tx, &found, now).await?;
    let people = audience_of(&mut tx, subject, &found, input.audience).await?;
    let count = people.len() as i64;
    if input.confirmed_count != Some(count) {
        return Err(AppError::field("segment", FieldError::RecipientsChanged { count }));
    }
    let rendered = richtext::render(&input.body);
    let by_mail = people.iter().filter(|p| p.by_mail).count() as i64;
    let id = stored::insert(
        &mut tx,
        &stored::NewAnnouncement {
            scope_kind: found.kind,
            scope_code: &found.code,
            author: me.id,
            audience: input.audience,
            subject: &input.subject,
            body: &input.body,
            body_html: rendered.html.as_str(),
            recipient_count: count,
            mail_count: by_mail,
            now_ms: now,
        },
    )
    .await?;
    // One unsubscribe link per mail: only its hash is kept, beside the recipient.
    let mut recipients = Vec::with_capacity(people.len());
    let mut mails = Vec::with_capacity(by_mail as usize);
    let link = state.settings.link(&format!("/annonces/{id}"));
    let (from_scope, scope_title) = (found.named(), found.title());
    for person in &people {
        if !person.by_mail {
            recipients.push((person.id, None));
            continue;
        }
        let token = session_token::generate();
        recipients.push((person.id, Some(session_token::hash(&token))));
        let unsubscribe_link = state.settings.link(&format!("/desabonnement/{token}"));
        mails.push(mail::announcement(&mail::AnnouncementMail {
            user_id: person.id,
            to: &person.email,
            display_name: &person.display_name,
            from_scope: &from_scope,
            scope_title: &scope_title,
            author_name: &me.display_name,
            subject: &input.subject,
            body: &input.body,
            body_html: rendered.html.as_str(),
            link: &link,
            unsubscribe_link: &unsubscribe_link,
        }));
    }
    stored::insert_recipients(&mut tx, id, &recipients).await?;
    let events = stored::notify_recipients(&mut tx, id, me.id, now).await?;
    mail::enqueue_many(&mut tx, &mails, now).await?;
    let detail = journal_detail(input.audience, count, by_mail);
    let entry = store::audit::Entry {
        actor_id: Some(me.id),
        action: "announcement_sent",
        scope_kind: found.kind,
        scope_code: &found.code,
        target_user_id: None,
        detail: &detail,
        now_ms: now,
    };
    store::audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(id)
}

/// The journal's line: which segment, how many (never who).
fn journal_detail(audience: Audience, count: i64, by_mail: i64) -> String {
    let segment = match audience {
        Audience::All => "tout le monde".to_string(),
        Audience::Adherents => "adhérent·es".to_string(),
        Audience::Sympathisants => "sympathisant·es".to_string(),
        Audience::Available(a) => format!("disponibles\u{a0}: {}", a.as_str()),
        Audience::Participants(action) => format!("participant·es de l’action n°\u{a0}{action}"),
    };
    format!("annonce à {segment}, {count} destinataires dont {by_mail} par e-mail")
}

/// `/annonces/{id}` (one statement): for its recipients and those who read its scope's history;
/// anyone else, the answer a missing annonce gets.
pub async fn read(state: &AppState, subject: &Subject, id: i64) -> Result<AnnouncementView, AppError> {
    // Never public: a visitor signs in first, whether it exists or not.
    let me = subject.id().ok_or(AppError::NotAuthenticated)?.get();
    let mut bundle = Bundle::new();
    let slot = bundle.add(stored::one_part(id, me));
    let lists = bundle.run(&state.db).await?;
    let row: stored::AnnouncementRow = lists.take(slot)?.into_iter().next().ok_or(AppError::NotFound)?;
    let (facts, scope, scope_name) = match (row.scope_kind.as_str(), row.section_id, row.section_slug, row.section_name) {
        ("section", Some(section), Some(slug), Some(name)) => (
            ScopeFacts::Section(SectionScope { id: SectionId(section), federation_code: row.federation_code.clone() }),
            TeamScope::Section(slug),
            name,
        ),
        ("federation", _, _, _) => (
            ScopeFacts::Federation(row.federation_code.clone()),
            TeamScope::Federation(row.federation_code.clone()),
            row.federation_name.clone(),
        ),
        _ => return Err(AppError::NotFound),
    };
    if !rules::can_read(subject, &facts, row.received) {
        return Err(AppError::NotFound);
    }
    let team = rules::can_read_history(subject, &facts);
    Ok(AnnouncementView {
        id: row.id,
        scope,
        scope_name,
        author: row.author_handle.zip(row.author_name).map(|(handle, display_name)| Author { handle, display_name }),
        subject: row.subject,
        html: SafeHtml::from_stored(row.body_html),
        created_at_ms: row.created_at,
        received: row.received,
        by_mail: row.received && row.by_mail,
        delivery: team.then_some((row.recipient_count, row.mail_count)),
    })
}

/// `/desabonnement/{token}`: whether the link is good (nothing changes on a GET: mail scanners
/// open links).
pub async fn unsubscribe_link(state: &AppState, token: &str) -> Result<UnsubscribeLink, AppError> {
    Ok(match stored::unsubscribe_state(&state.db, &session_token::hash(token)).await? {
        Some(by_mail) => UnsubscribeLink::Valid { already: !by_mail },
        None => UnsubscribeLink::Unknown,
    })
}

/// The one-click unsubscribe (the mail client's POST, or the page's button): annonces by e-mail
/// off for the link's person; no sign-in (the link is the proof). Not found for a bad link.
pub async fn unsubscribe(state: &AppState, token: &str) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    if !stored::unsubscribe(&mut tx, &session_token::hash(token)).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

/// Annonces by e-mail on or off, from the account page (or an annonce's page).
pub async fn set_by_mail(state: &AppState, subject: &Subject, on: bool) -> Result<(), AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut tx = state.db.begin().await?;
    stored::set_by_mail(&mut tx, me, on).await?;
    tx.commit().await?;
    Ok(())
}
