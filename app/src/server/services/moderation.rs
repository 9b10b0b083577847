//! Moderation's writes, one transaction each: a report (and the hiding it may trigger), a
//! decision, an appeal, an appeal's answer; and the housekeeping that ends restrictions and
//! suspensions. Pages are read by `services::moderation_views`.
//!
//! Who is told: the person concerned of every sanction and of every answer to their appeal (in the
//! app and by e-mail, with the reason, the rule and how to appeal); the reporters of every decision
//! that answered their report, and of the appeal's answer (in the app: what was decided and under
//! which rule, never the reason nor the person's name). A dismissed report is not told to the
//! person concerned unless their content had been held meanwhile.

use crate::error::AppError;
use crate::model::commands::moderation::{AppealInput, AppealOutcomeInput, DecisionInput, ReportInput};
use crate::model::feed::NotificationKind;
use crate::model::form::{FieldError, FieldErrors, RawForm};
use crate::model::ids::{ActionId, GroupId, PostId, UserId};
use crate::model::moderation::{article, DecisionKind, ItemKind, ModerationScope};
use crate::server::context::{AppState, DAY_MS};
use crate::server::db::Tx;
use crate::server::policy::moderation::{self as rules, post_scope};
use crate::server::policy::Subject;
use crate::server::services::{action_summary, mail, rate_limit};
use crate::server::store::events::EventRow;
use crate::server::store::moderation::{CaseRow, NewCase, NewDecision};
use crate::server::{now_ms, store};

/// What `hidden_reason` says of content held after many reports (its author sees it).
pub const HELD_REASON: &str = "En attente d’examen par la modération (plusieurs signalements).";
/// The longest snapshot kept of a reported item.
const MAX_SNAPSHOT_CHARS: usize = 5000;

/// A reported item as the reporter sees it, with where it lives.
pub struct Located {
    pub concerned: UserId,
    pub item_scope: ModerationScope,
    pub text: String,
    pub link: String,
    pub hidden: bool,
    /// The publication the item is, or is on (its live event when hidden).
    pub post_id: Option<i64>,
}

/// The item `kind`/`id` if `subject` sees it (`None` otherwise: nothing to report, same answer
/// as an item that does not exist).
pub async fn locate(tx: &mut Tx, subject: &Subject, me: UserId, kind: ItemKind, id: i64) -> Result<Option<Located>, AppError> {
    Ok(match kind {
        ItemKind::Post => store::posts::visible_in_tx(tx, me, PostId(id)).await?.and_then(|p| {
            Some(Located {
                concerned: p.author_id?,
                item_scope: post_scope(
                    &p.audience,
                    p.section_id.map(|s| s.get()),
                    p.federation_code.as_deref(),
                    p.group_id.map(|g| g.get()),
                ),
                text: p.body,
                link: format!("/publications/{id}"),
                hidden: p.hidden_at.is_some(),
                post_id: Some(id),
            })
        }),
        ItemKind::Comment => {
            let Some((post_id, author, body, hidden_at)) = store::moderation::comment_item(tx, id).await? else { return Ok(None) };
            let Some(p) = store::posts::visible_in_tx(tx, me, PostId(post_id)).await? else { return Ok(None) };
            // A hidden comment is shown to its author only: others cannot report it again.
            let Some(author) = author.filter(|a| hidden_at.is_none() || *a == me) else { return Ok(None) };
            Some(Located {
                concerned: author,
                item_scope: post_scope(
                    &p.audience,
                    p.section_id.map(|s| s.get()),
                    p.federation_code.as_deref(),
                    p.group_id.map(|g| g.get()),
                ),
                text: body,
                link: format!("/publications/{post_id}#commentaire-{id}"),
                hidden: hidden_at.is_some(),
                post_id: Some(post_id),
            })
        }
        ItemKind::Profile => store::moderation::profile_item(tx, id).await?.and_then(|i| {
            Some(Located {
                concerned: i.concerned_id?,
                item_scope: ModerationScope::National,
                text: i.text,
                link: i.link,
                hidden: false,
                post_id: None,
            })
        }),
        ItemKind::Group => store::moderation::group_item(tx, id, me).await?.and_then(|g| {
            let sees = g.privacy == "public" || matches!(g.viewer_role.as_deref(), Some("member" | "admin"));
            sees.then_some(())?;
            Some(Located {
                concerned: g.item.concerned_id?,
                item_scope: ModerationScope::National,
                text: g.item.text,
                link: g.item.link,
                hidden: false,
                post_id: None,
            })
        }),
        // A message its reader may read (their conversation, up to where they left, no block),
        // decided nationally: a private conversation belongs to no section.
        ItemKind::Message => store::messages::readable_message(tx, me, id).await?.and_then(|m| {
            Some(Located {
                concerned: m.author_id?,
                item_scope: ModerationScope::National,
                text: m.body,
                link: format!("/messages/{}#message-{id}", m.conversation_id),
                hidden: false,
                post_id: None,
            })
        }),
        ItemKind::Action => store::actions::by_id_in(tx, me, ActionId(id)).await?.and_then(|a| {
            crate::server::policy::actions::can_see(subject, &action_summary::facts(&a)).then_some(())?;
            Some(Located {
                concerned: a.created_by?,
                item_scope: match a.section_id {
                    Some(s) => ModerationScope::Section(s.get()),
                    None => ModerationScope::Federation(a.federation_code.clone()),
                },
                text: format!("{}\n{}", a.title, a.description),
                link: format!("/actions/{id}"),
                hidden: false,
                post_id: None,
            })
        }),
    })
}

/// The id of the item an address names: a number, or a profile's handle, or a group's slug.
pub async fn item_id(tx: &mut Tx, kind: ItemKind, key: &str) -> Result<Option<i64>, AppError> {
    Ok(match kind {
        ItemKind::Profile => store::users::active_id_by_handle(tx, key).await?.map(|u| u.get()),
        ItemKind::Group => store::moderation::group_id_by_slug(tx, key).await?,
        ItemKind::Post | ItemKind::Comment | ItemKind::Action | ItemKind::Message => key.parse().ok(),
    })
}

/// A section's federation (the scope above it).
async fn federation_of(tx: &mut Tx, scope: &ModerationScope) -> Result<Option<String>, AppError> {
    match scope {
        ModerationScope::Section(id) => {
            Ok(store::moderation::scope_by_code(tx, "section", &id.to_string()).await?.and_then(|s| s.federation_code))
        }
        _ => Ok(None),
    }
}

/// Where a case about `concerned` goes: the item's scope, or above when they moderate it or
/// nobody else does (twice at most: section → federation → nation).
async fn case_scope(tx: &mut Tx, item_scope: &ModerationScope, concerned: UserId) -> Result<ModerationScope, AppError> {
    let mut scope = item_scope.clone();
    for _ in 0..2 {
        let moderators = store::moderation::moderator_ids(tx, &scope).await?;
        let federation = federation_of(tx, &scope).await?;
        let next = rules::scope_for_case(
            scope.clone(),
            moderators.contains(&concerned),
            moderators.iter().any(|m| *m != concerned),
            federation.as_deref(),
        );
        if next == scope {
            break;
        }
        scope = next;
    }
    Ok(scope)
}

/// The item's case, opened (or opened again) in `scope` with the item's text as it is now.
async fn open_case(
    tx: &mut Tx,
    existing: Option<&CaseRow>,
    kind: ItemKind,
    item_id: i64,
    item: &Located,
    scope: &ModerationScope,
    now: i64,
) -> Result<i64, AppError> {
    let snapshot: String = item.text.chars().take(MAX_SNAPSHOT_CHARS).collect();
    // A message's moderators get it alone: no link into the conversation.
    let context_link = if kind == ItemKind::Message { "" } else { item.link.as_str() };
    let new_case = NewCase { kind, item_id, concerned_id: item.concerned, scope, snapshot: &snapshot, context_link, now_ms: now };
    Ok(store::moderation::open_case(tx, existing, &new_case).await?)
}

/// "Signaler": one report per person per item (a second one changes nothing and answers
/// `false`). The item goes to its scope's queue; reported by enough distinct people, a
/// publication or comment is held (hidden) until a moderator decides, and its author is told.
pub async fn report(state: &AppState, subject: &Subject, kind: ItemKind, key: &str, form: &RawForm) -> Result<bool, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let now = now_ms();
    // The same limit answer for every item, seen or not; new accounts report less.
    let created = store::users::by_id(&state.db, me).await?.map_or(now, |u| u.created_at);
    let limit = state.settings.moderation.limit_for(state.settings.rate_limits.reports_per_account, created, now);
    rate_limit::hit(&state.db, &format!("report:{me}"), limit).await?;
    let mut tx = state.db.begin().await?;
    let id = item_id(&mut tx, kind, key).await?.ok_or(AppError::NotFound)?;
    let item = locate(&mut tx, subject, me, kind, id).await?.ok_or(AppError::NotFound)?;
    if !rules::can_report(subject, item.concerned) {
        return Err(AppError::Forbidden);
    }
    let input = ReportInput::parse(form).map_err(AppError::Validation)?;
    let existing = store::moderation::case_of_item(&mut tx, kind, id).await?;
    if existing.is_some() && store::moderation::reported_by(&mut tx, kind, id, me).await? {
        return Ok(false);
    }
    let scope = case_scope(&mut tx, &item.item_scope, item.concerned).await?;
    let case_id = open_case(&mut tx, existing.as_ref(), kind, id, &item, &scope, now).await?;
    let Some(reports) = store::moderation::add_report(&mut tx, case_id, me, input.category, &input.explanation, now).await? else {
        return Ok(false);
    };
    let mut events = Vec::new();
    let threshold = state.settings.moderation.auto_hide_reporters;
    let already_held = existing.as_ref().is_some_and(|c| c.status == "open" && c.auto_hidden_at.is_some());
    if threshold > 0 && reports >= threshold && kind.can_be_hidden() && !item.hidden && !already_held {
        store::moderation::set_hidden(&mut tx, kind, id, None, Some(HELD_REASON), now).await?;
        store::moderation::mark_auto_hidden(&mut tx, case_id, now).await?;
        let comment = (kind == ItemKind::Comment).then_some(id);
        tell(&mut tx, &mut events, item.concerned, NotificationKind::ContentHeld, None, item.post_id, comment, now).await?;
        if let Some(post) = item.post_id {
            events.push(store::events::insert(&mut tx, "post_changed", Some(PostId(post)), None, now).await?);
        }
    }
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(true)
}

/// "Modérer": a moderator takes an item up without a report. The item's case (opened, or opened
/// again) goes to the first scope, from the one its reports would reach upwards, where they may
/// decide; an open case in a scope below is raised to it. Answers the case to decide on: the
/// decision takes the one path (rule, reason, journal, notice, appeal).
pub async fn take_up(state: &AppState, subject: &Subject, kind: ItemKind, key: &str) -> Result<i64, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let id = item_id(&mut tx, kind, key).await?.ok_or(AppError::NotFound)?;
    let item = locate(&mut tx, subject, me, kind, id).await?.ok_or(AppError::NotFound)?;
    let federation = federation_of(&mut tx, &item.item_scope).await?;
    let chain = rules::chain(&item.item_scope, federation.as_deref());
    let first = case_scope(&mut tx, &item.item_scope, item.concerned).await?;
    let mut mine = None;
    for (rank, candidate) in chain.iter().enumerate().skip_while(|(_, s)| **s != first) {
        let admin = group_admin(&mut tx, candidate, me).await?;
        if rules::can_decide(subject, candidate, admin, item.concerned) {
            mine = Some((rank, candidate.clone()));
            break;
        }
    }
    let Some((rank, scope)) = mine else { return Err(AppError::Forbidden) };
    let existing = store::moderation::case_of_item(&mut tx, kind, id).await?;
    let case_id = match existing.as_ref().filter(|c| c.status == "open") {
        Some(open) => {
            let open_rank = ModerationScope::from_db(&open.scope_kind, &open.scope_code).and_then(|s| chain.iter().position(|c| *c == s));
            match open_rank {
                Some(r) if r == rank => {}
                // Waiting below: raised to this moderator's scope.
                Some(r) if r < rank => store::moderation::move_case(&mut tx, open.id, &scope).await?,
                // Already with the scope above: theirs to decide.
                _ => return Err(AppError::Forbidden),
            }
            open.id
        }
        None => open_case(&mut tx, existing.as_ref(), kind, id, &item, &scope, now).await?,
    };
    tx.commit().await?;
    Ok(case_id)
}

/// A notification about moderation (with the live event that tells its recipient).
#[allow(clippy::too_many_arguments)]
async fn tell(
    tx: &mut Tx,
    events: &mut Vec<EventRow>,
    user: UserId,
    kind: NotificationKind,
    decision: Option<i64>,
    post: Option<i64>,
    comment: Option<i64>,
    now: i64,
) -> Result<(), AppError> {
    store::notifications::insert_moderation(tx, user, kind, decision, post, comment, now).await?;
    events.push(store::events::insert(tx, "notification", None, Some(user), now).await?);
    Ok(())
}

/// Whether `me` administers the group of a group scope.
async fn group_admin(tx: &mut Tx, scope: &ModerationScope, me: UserId) -> Result<bool, AppError> {
    Ok(match scope {
        ModerationScope::Group(g) => store::groups::role_of(tx, GroupId(*g), me).await? == Some(crate::model::feed::GroupRole::Admin),
        _ => false,
    })
}

fn already_decided() -> AppError {
    let mut e = FieldErrors::default();
    e.add("decision", FieldError::AlreadyDecided);
    AppError::Validation(e)
}

/// What a hidden item's author reads: the rule and the reason.
fn hidden_reason(rule: &str, reason: &str) -> String {
    let title = article(rule).map(|a| a.title_fr).unwrap_or_default();
    format!("Article {rule} de la charte ({title})\u{a0}: {reason}")
}

/// A moderator decides on an open case: the decision is applied, recorded in the scope's journal,
/// its reports answered, the person concerned and the reporters told. Answers the decision's id.
pub async fn decide(state: &AppState, subject: &Subject, case_id: i64, form: &RawForm) -> Result<i64, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let case = store::moderation::case_by_id(&mut tx, case_id).await?.ok_or(AppError::NotFound)?;
    let scope = ModerationScope::from_db(&case.scope_kind, &case.scope_code).ok_or(AppError::NotFound)?;
    let admin = group_admin(&mut tx, &scope, me).await?;
    // Someone else's queue does not exist for them; their own case is refused.
    if !rules::moderates(subject, &scope, admin) {
        return Err(AppError::NotFound);
    }
    if !rules::can_decide(subject, &scope, admin, case.concerned_id) {
        return Err(AppError::Forbidden);
    }
    if case.status != "open" {
        return Err(already_decided());
    }
    let input = DecisionInput::parse(form, &DecisionKind::available(case.item_kind, &scope)).map_err(AppError::Validation)?;
    let ends_at = input.days.map(|d| now + d * DAY_MS);
    let decision = NewDecision {
        case_id: Some(case.id),
        appeal_of: None,
        scope: &scope,
        item_kind: case.item_kind,
        kind: input.kind,
        rule: &input.rule,
        reason: &input.reason,
        ends_at,
        concerned_id: Some(case.concerned_id),
        decided_by: me,
        now_ms: now,
        report_count: case.report_count,
        waited_ms: now - case.opened_at,
    };
    let decision_id = store::moderation::insert_decision(&mut tx, &decision).await?;
    let mut events = Vec::new();
    apply(&mut tx, &mut events, &case, &scope, input.kind, decision_id, &input, ends_at, me, now).await?;
    let reporters = store::moderation::close_round(&mut tx, case.id, decision_id).await?;
    if input.kind.is_sanction() || case.auto_hidden_at.is_some() {
        tell(&mut tx, &mut events, case.concerned_id, NotificationKind::ModerationDecision, Some(decision_id), None, None, now).await?;
        mail_concerned(state, &mut tx, case.concerned_id, decision_id, &scope, input.kind, &input.rule, &input.reason, false, ends_at, now)
            .await?;
    }
    for reporter in reporters {
        tell(&mut tx, &mut events, reporter, NotificationKind::ReportHandled, Some(decision_id), None, None, now).await?;
    }
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(decision_id)
}

/// What a first decision does.
#[allow(clippy::too_many_arguments)]
async fn apply(
    tx: &mut Tx,
    events: &mut Vec<EventRow>,
    case: &CaseRow,
    scope: &ModerationScope,
    kind: DecisionKind,
    decision_id: i64,
    input: &DecisionInput,
    ends_at: Option<i64>,
    me: UserId,
    now: i64,
) -> Result<(), AppError> {
    match kind {
        DecisionKind::Hide => {
            let reason = hidden_reason(&input.rule, &input.reason);
            store::moderation::set_hidden(tx, case.item_kind, case.item_id, Some(me), Some(&reason), now).await?;
            changed(tx, events, case, now).await?;
        }
        // Content held after many reports is shown again unless the decision is to hide it.
        _ if case.auto_hidden_at.is_some() => {
            store::moderation::set_hidden(tx, case.item_kind, case.item_id, None, None, now).await?;
            changed(tx, events, case, now).await?;
        }
        _ => {}
    }
    match kind {
        DecisionKind::Restrict => {
            store::moderation::insert_restriction(tx, case.concerned_id, kind, scope, decision_id, ends_at).await?;
        }
        DecisionKind::Exclude => {
            if let ModerationScope::Group(g) = scope {
                store::groups::remove(tx, GroupId(*g), case.concerned_id).await?;
            }
            store::moderation::insert_restriction(tx, case.concerned_id, kind, scope, decision_id, None).await?;
        }
        DecisionKind::Suspend => {
            store::moderation::set_suspension(tx, case.concerned_id, Some(now), ends_at).await?;
            store::sessions::delete_all_for_user(tx, case.concerned_id).await?;
            events.push(
                store::events::insert(tx, crate::server::services::sessions::SESSIONS_CLOSED, None, Some(case.concerned_id), now).await?,
            );
        }
        _ => {}
    }
    Ok(())
}

/// The live event of a publication whose content (or one of its comments) was hidden or shown.
async fn changed(tx: &mut Tx, events: &mut Vec<EventRow>, case: &CaseRow, now: i64) -> Result<(), AppError> {
    let post = match case.item_kind {
        ItemKind::Post => Some(case.item_id),
        ItemKind::Comment => store::moderation::post_of_comment(tx, case.item_id).await?,
        _ => None,
    };
    if let Some(post) = post {
        events.push(store::events::insert(tx, "post_changed", Some(PostId(post)), None, now).await?);
    }
    Ok(())
}

/// The e-mail to the person concerned: the decision, the rule, the reason, and how to appeal.
#[allow(clippy::too_many_arguments)]
async fn mail_concerned(
    state: &AppState,
    tx: &mut Tx,
    user: UserId,
    decision_id: i64,
    scope: &ModerationScope,
    kind: DecisionKind,
    rule: &str,
    reason: &str,
    appeal_answer: bool,
    suspension_ends: Option<i64>,
    now: i64,
) -> Result<(), AppError> {
    let Some(person) = store::users::by_id_in(tx, user).await? else { return Ok(()) };
    let scope_name = scope_name(tx, scope).await?;
    // A suspended person cannot sign in: their e-mail carries a link to the suspension and its
    // appeal form, good until the suspension ends.
    let link = match (kind, suspension_ends) {
        (DecisionKind::Suspend, Some(ends)) if !appeal_answer => {
            let token = crate::server::auth::session_token::generate();
            let hash = crate::server::auth::session_token::hash(&token);
            store::tokens::insert(tx, &hash, user, store::tokens::MODERATION_APPEAL, now, ends).await?;
            state.settings.link(&format!("/appel/{token}"))
        }
        _ => state.settings.link(&format!("/moderation/decisions/{decision_id}")),
    };
    let m = mail::moderation_decision(&mail::ModerationMail {
        user_id: user,
        to: &person.email,
        display_name: &person.display_name,
        scope_name: &scope_name,
        kind,
        rule,
        reason,
        link: &link,
        charter_link: &state.settings.link("/charte"),
        contact: &state.settings.privacy.privacy_contact,
        appeal_answer,
    });
    mail::enqueue(tx, &m, now).await?;
    Ok(())
}

/// A scope's name for people: "la section Lille", "la fédération Nord", "le groupe Vélo", "l’équipe nationale".
pub async fn scope_name(tx: &mut Tx, scope: &ModerationScope) -> Result<String, AppError> {
    if *scope == ModerationScope::National {
        return Ok("l’équipe nationale".to_string());
    }
    let row = store::moderation::scope_by_code(tx, scope.kind(), &scope.code()).await?;
    let name = row.map(|r| r.name).unwrap_or_default();
    Ok(match scope {
        ModerationScope::Group(_) => format!("le groupe {name}"),
        ModerationScope::Section(_) => format!("la section {name}"),
        ModerationScope::Federation(_) => format!("la fédération {name}"),
        ModerationScope::National => unreachable!("handled above"),
    })
}

/// The person concerned appeals a sanction, once; the appeal waits in the scope above's queue.
pub async fn appeal(state: &AppState, subject: &Subject, decision_id: i64, form: &RawForm) -> Result<(), AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let d = store::moderation::decision(&mut tx, decision_id).await?.ok_or(AppError::NotFound)?;
    if d.concerned_id != Some(me) {
        return Err(AppError::NotFound);
    }
    if !rules::can_appeal(subject, d.concerned_id, d.kind, d.appealed_at.is_some()) {
        return Err(AppError::Forbidden);
    }
    file_appeal(&mut tx, &d, me, form, now).await?;
    tx.commit().await?;
    Ok(())
}

/// A suspended person's appeal, through the link of the suspension's e-mail (they cannot sign in).
/// The link is used by the appeal, not before: a refused text leaves it good.
pub async fn appeal_by_link(state: &AppState, token: &str, form: &RawForm) -> Result<(), AppError> {
    let now = now_ms();
    let hash = crate::server::auth::session_token::hash(token);
    let mut tx = state.db.begin().await?;
    let user = store::tokens::take(&mut tx, &hash, store::tokens::MODERATION_APPEAL, now).await?.ok_or(AppError::NotFound)?;
    let id = store::moderation::latest_suspension(&mut tx, user).await?.ok_or(AppError::NotFound)?;
    let d = store::moderation::decision(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if !rules::can_appeal_by_link(user, d.concerned_id, d.kind, d.appealed_at.is_some()) {
        return Err(AppError::Forbidden);
    }
    file_appeal(&mut tx, &d, user, form, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Records an appeal (authorized by the caller) in the scope above the decision's.
async fn file_appeal(tx: &mut Tx, d: &store::moderation::DecisionRow, me: UserId, form: &RawForm, now: i64) -> Result<(), AppError> {
    let input = AppealInput::parse(form).map_err(AppError::Validation)?;
    let scope = ModerationScope::from_db(&d.scope_kind, &d.scope_code).ok_or(AppError::NotFound)?;
    let federation = federation_of(tx, &scope).await?;
    let above = rules::scope_above(&scope, federation.as_deref());
    if !store::moderation::insert_appeal(tx, d.id, me, &input.text, &above, now).await? {
        return Err(AppError::Forbidden);
    }
    Ok(())
}

/// The scope above answers an appeal: the first decision stands, or is undone (hidden content
/// shown again, restriction, exclusion or suspension lifted). The answer is a decision of the
/// scope above's journal; the person concerned and the first decision's reporters are told.
pub async fn decide_appeal(state: &AppState, subject: &Subject, decision_id: i64, form: &RawForm) -> Result<i64, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let d = store::moderation::decision(&mut tx, decision_id).await?.ok_or(AppError::NotFound)?;
    let above = d.appeal_scope_kind.as_deref().zip(d.appeal_scope_code.as_deref()).and_then(|(k, c)| ModerationScope::from_db(k, c));
    let Some(above) = above else { return Err(AppError::NotFound) };
    if !rules::moderates(subject, &above, false) {
        return Err(AppError::NotFound);
    }
    if !rules::can_decide_appeal(subject, &above, d.decided_by, d.concerned_id) {
        return Err(AppError::Forbidden);
    }
    if d.outcome_id.is_some() {
        return Err(already_decided());
    }
    let input = AppealOutcomeInput::parse(form, &d.rule).map_err(AppError::Validation)?;
    let kind = if input.overturn { DecisionKind::Overturn } else { DecisionKind::Maintain };
    let answer = NewDecision {
        case_id: d.case_id,
        appeal_of: Some(d.id),
        scope: &above,
        item_kind: d.item_kind,
        kind,
        rule: &input.rule,
        reason: &input.reason,
        ends_at: None,
        concerned_id: d.concerned_id,
        decided_by: me,
        now_ms: now,
        report_count: 0,
        waited_ms: now - d.appealed_at.unwrap_or(now),
    };
    let answer_id = store::moderation::insert_decision(&mut tx, &answer).await?;
    if !store::moderation::answer_appeal(&mut tx, d.id, answer_id).await? {
        return Err(already_decided());
    }
    let mut events = Vec::new();
    if input.overturn {
        undo(&mut tx, &mut events, &d, now).await?;
    }
    if let Some(concerned) = d.concerned_id {
        tell(&mut tx, &mut events, concerned, NotificationKind::AppealDecided, Some(answer_id), None, None, now).await?;
        mail_concerned(state, &mut tx, concerned, answer_id, &above, kind, &input.rule, &input.reason, true, None, now).await?;
    }
    for reporter in store::moderation::reporters_of(&mut tx, d.id).await? {
        tell(&mut tx, &mut events, reporter, NotificationKind::ReportHandled, Some(answer_id), None, None, now).await?;
    }
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(answer_id)
}

/// Undoes a first decision overturned on appeal.
async fn undo(tx: &mut Tx, events: &mut Vec<EventRow>, d: &store::moderation::DecisionRow, now: i64) -> Result<(), AppError> {
    match d.kind {
        DecisionKind::Hide => {
            if let Some(item) = d.item_id {
                store::moderation::set_hidden(tx, d.item_kind, item, None, None, now).await?;
                let post = match d.item_kind {
                    ItemKind::Post => Some(item),
                    _ => store::moderation::post_of_comment(tx, item).await?,
                };
                if let Some(post) = post {
                    events.push(store::events::insert(tx, "post_changed", Some(PostId(post)), None, now).await?);
                }
            }
        }
        DecisionKind::Restrict | DecisionKind::Exclude => store::moderation::lift_restrictions_of(tx, d.id).await?,
        DecisionKind::Suspend => {
            if let Some(user) = d.concerned_id {
                store::moderation::set_suspension(tx, user, None, None).await?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// Housekeeping: restrictions and suspensions past their end are lifted.
pub async fn end_due_sanctions(state: &AppState) -> Result<u64, AppError> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let n = store::moderation::purge_ended_restrictions(&mut tx, now).await? + store::moderation::end_due_suspensions(&mut tx, now).await?;
    tx.commit().await?;
    Ok(n)
}

/// Refuses to write (publish, comment, react) where `me` is restricted: in the scope of a
/// publication of `audience` (its section, federation or group), or in a scope above it.
pub async fn ensure_may_write(
    tx: &mut Tx,
    me: UserId,
    audience: &str,
    section: Option<i64>,
    federation: Option<&str>,
    group: Option<i64>,
) -> Result<(), AppError> {
    let scope = post_scope(audience, section, federation, group);
    let mut covering = vec![ModerationScope::National];
    match &scope {
        ModerationScope::Section(_) => {
            covering.push(scope.clone());
            covering.extend(federation.map(|f| ModerationScope::Federation(f.to_string())));
        }
        ModerationScope::Federation(_) | ModerationScope::Group(_) => covering.push(scope.clone()),
        ModerationScope::National => {}
    }
    if restricted(tx, me, &covering).await? {
        return Err(AppError::Forbidden);
    }
    Ok(())
}

/// Whether `me` may not write in `scopes` now (a restriction or an exclusion there, or above:
/// a national restriction covers everything, a federation's its sections).
pub async fn restricted(tx: &mut Tx, me: UserId, scopes: &[ModerationScope]) -> Result<bool, AppError> {
    Ok(store::moderation::restricted_in(tx, me, scopes, now_ms()).await?)
}
