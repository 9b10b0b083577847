//! Votes (issue 20): a team opens a consultation of its confirmed adhérents (the electorate is
//! written at opening and never changes); each elector casts one ballot while it is open and gets
//! a receipt (the ballot's random id); at closing the ballots are shuffled, counted, and the
//! result published on the scope's feed; the ballots are then downloadable, to recount.
//!
//! The secret: a ballot is written with its participation in one transaction, but nothing in the
//! ballot names the voter or the time (`store::votes`); no log line, event or notification here
//! carries a choice.

use crate::error::AppError;
use crate::i18n::votes as texts;
use crate::model::action::{Decision, DecisionSource};
use crate::model::announcements::TeamScope;
use crate::model::commands::vote::{parse_ballot, NewVoteInput};
use crate::model::feed::{Author, SafeHtml};
use crate::model::form::{FieldError, RawForm};
use crate::model::ids::{SectionId, UserId};
use crate::model::messages::list_cursor;
use crate::model::votes::{tally, DecidedAction, DecidedFigures, VoteKind, VoteLine, VoteResult, VoteStatus, VoteView, VotesPage};
use crate::server::context::AppState;
use crate::server::db::Tx;
use crate::server::policy::announcements::ScopeFacts;
use crate::server::policy::votes as rules;
use crate::server::policy::{SectionScope, Subject};
use crate::server::services::debates;
use crate::server::services::team_scope::{find, FoundScope};
use crate::server::store::bundle::Bundle;
use crate::server::store::votes::{self as stored, Facts, LineRow, OptionRow, VoteRow};
use crate::server::{now_ms, richtext, store};

/// Votes per page of a scope's list.
const LIST_PAGE: i64 = 20;
/// Votes counted per pass of the job.
const DUE_PER_PASS: i64 = 20;
/// Votes a team opens in a rolling week (each one notifies its whole electorate).
pub const VOTES_PER_WEEK: i64 = 10;
const WEEK_MS: i64 = 7 * 86_400_000;

/// A scope's votes (one statement): for the scope's people and teams; the team gets the opening
/// form and the size of the electorate it would hold now.
pub async fn page(
    state: &AppState,
    subject: &Subject,
    scope: &TeamScope,
    before: Option<(i64, i64)>,
    debate: Option<i64>,
) -> Result<VotesPage, AppError> {
    let found = find(state, scope).await?;
    if !rules::can_see(subject, &found.facts, false) {
        return Err(if subject.is_active() { AppError::Forbidden } else { AppError::NotAuthenticated });
    }
    let may_open = rules::can_open(subject, &found.facts);
    let mut bundle = Bundle::new();
    let list = bundle.add(stored::list_part(found.kind, &found.code, before, LIST_PAGE));
    let electorate = may_open.then(|| bundle.add(stored::electorate_now_part(found.area())));
    let me = subject.id().map_or(0, |id| id.get());
    let prefill = debate.filter(|_| may_open).map(|id| debates::prefill_parts(&mut bundle, id, me));
    let lists = bundle.run(&state.db).await?;
    let from_debate = match prefill {
        Some(slots) => debates::prefill(&lists, slots, subject, &found.facts)?,
        None => None,
    };
    let rows: Vec<LineRow> = lists.take(list)?;
    let electorate_now = lists.take_if(electorate)?.and_then(|rows: Vec<CountRow>| rows.first().map(|r| r.n));
    let next = (rows.len() as i64 == LIST_PAGE).then(|| rows.last().map(|r| list_cursor(r.opens_at, r.id))).flatten();
    let now = now_ms();
    Ok(VotesPage {
        scope: scope.clone(),
        scope_name: found.name,
        may_open,
        electorate_now,
        from_debate,
        votes: rows
            .into_iter()
            .filter_map(|r| {
                Some(VoteLine {
                    status: VoteStatus::at(now, r.opens_at, r.closes_at, r.tallied_at.is_some()),
                    kind: VoteKind::parse(&r.kind)?,
                    id: r.id,
                    title: r.title,
                    opens_at_ms: r.opens_at,
                    closes_at_ms: r.closes_at,
                    electorate: r.electorate_count,
                })
            })
            .collect(),
        next,
    })
}

#[derive(serde::Deserialize)]
struct CountRow {
    n: i64,
}

/// Opens a vote: its electorate is the scope's confirmed adhérents now. Answers its id.
pub async fn open(state: &AppState, subject: &Subject, scope: &TeamScope, form: &RawForm) -> Result<i64, AppError> {
    let found = find(state, scope).await?;
    let me = subject.active_user().ok_or(AppError::NotAuthenticated)?.clone();
    if !rules::can_open(subject, &found.facts) {
        return Err(AppError::Forbidden);
    }
    let now = now_ms();
    let input = NewVoteInput::parse(form, now).map_err(AppError::Validation)?;
    let rendered = richtext::render(&input.description);
    let mut tx = state.db.begin().await?;
    // Put from a debate: its team, in the same scope, with propositions selected.
    let debate = match form.value("debate").trim().parse::<i64>() {
        Ok(debate) => Some(crate::server::services::debates::for_vote(&mut tx, subject, debate, &found.facts).await?.id),
        Err(_) => None,
    };
    let vote = stored::NewVote {
        debate,
        scope_kind: found.kind,
        scope_code: &found.code,
        author: me.id,
        title: &input.title,
        description: &input.description,
        description_html: rendered.html.as_str(),
        kind: input.kind.as_str(),
        max_choices: input.max_choices as i64,
        opens_at: input.opens_at,
        closes_at: input.closes_at,
        quorum_percent: input.quorum_percent,
        now_ms: now,
    };
    // Opening tells every elector: a team opens a bounded number a week.
    if stored::opened_since(&mut tx, found.kind, &found.code, now - WEEK_MS).await? >= VOTES_PER_WEEK {
        return Err(AppError::field("kind", FieldError::VoteLimitReached { max: VOTES_PER_WEEK }));
    }
    let (id, electorate) = stored::insert(&mut tx, &vote, &input.options, found.area()).await?;
    if electorate == 0 {
        return Err(AppError::field("kind", FieldError::EmptyElectorate));
    }
    let events = stored::notify_electors(&mut tx, id, me.id, now).await?;
    let detail = format!("vote «\u{202f}{}\u{202f}», {electorate} inscrit·es", input.title);
    journal(&mut tx, &found, me.id, "vote_opened", &detail, now).await?;
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(id)
}

async fn journal(tx: &mut Tx, found: &FoundScope, actor: UserId, action: &str, detail: &str, now: i64) -> Result<(), AppError> {
    let entry = store::audit::Entry {
        actor_id: Some(actor),
        action,
        scope_kind: found.kind,
        scope_code: &found.code,
        target_user_id: None,
        detail,
        now_ms: now,
    };
    store::audit::record(tx, &entry).await?;
    Ok(())
}

/// A vote's scope as the rules see it, from its row.
fn scope_of(scope_kind: &str, section_id: Option<i64>, federation_code: &str) -> Option<ScopeFacts> {
    match (scope_kind, section_id) {
        ("section", Some(id)) => {
            Some(ScopeFacts::Section(SectionScope { id: SectionId(id), federation_code: federation_code.to_string() }))
        }
        ("federation", _) => Some(ScopeFacts::Federation(federation_code.to_string())),
        _ => None,
    }
}

/// `/votes/{id}` (one statement): for who may see it; anyone else gets what a missing vote gets.
/// A vote past its closing and not counted yet is counted first (the job does it too).
pub async fn read(state: &AppState, subject: &Subject, id: i64) -> Result<VoteView, AppError> {
    // Never public: a visitor signs in first, whether it exists or not.
    let me = subject.id().ok_or(AppError::NotAuthenticated)?.get();
    let mut rows = read_rows(state, id, me).await?;
    let facts = scope_of(&rows.vote.scope_kind, rows.vote.section_id, &rows.vote.federation_code).ok_or(AppError::NotFound)?;
    if !rules::can_see(subject, &facts, rows.vote.elector) {
        return Err(AppError::NotFound);
    }
    let now = now_ms();
    if rows.vote.tallied_at.is_none() && now >= rows.vote.closes_at {
        count(state, id).await?;
        rows = read_rows(state, id, me).await?;
    }
    let Rows { vote: row, options, actions, reports } = rows;
    let scope = match (&row.section_slug, &row.section_name) {
        (Some(slug), Some(name)) => (TeamScope::Section(slug.clone()), name.clone()),
        _ => (TeamScope::Federation(row.federation_code.clone()), row.federation_name.clone()),
    };
    let kind = VoteKind::parse(&row.kind).ok_or(AppError::Internal)?;
    let result = row.result.as_deref().map(serde_json::from_str::<VoteResult>).transpose().map_err(|_| AppError::Internal)?;
    let status = VoteStatus::at(now, row.opens_at, row.closes_at, row.tallied_at.is_some());
    let everyone_voted = row.participation >= row.electorate_count;
    Ok(VoteView {
        id: row.id,
        scope: scope.0,
        scope_name: scope.1,
        author: row.author_handle.zip(row.author_name).map(|(handle, display_name)| Author { handle, display_name }),
        title: row.title,
        html: SafeHtml::from_stored(row.description_html),
        kind,
        max_choices: row.max_choices as usize,
        options: options.into_iter().map(|o| o.label).collect(),
        opens_at_ms: row.opens_at,
        closes_at_ms: row.closes_at,
        quorum_percent: row.quorum_percent,
        electorate: row.electorate_count,
        participation: row.participation,
        status,
        elector: row.elector,
        voted: row.voted,
        may_download: rules::can_download(subject, &facts, row.elector),
        may_close_early: status == VoteStatus::Open && everyone_voted && rules::can_close_early(subject, &facts),
        may_decide: result.is_some() && rules::can_open(subject, &facts),
        decided: decided_actions(subject, &actions, &reports),
        result,
        result_post: row.result_post_id,
    })
}

/// Whether this person may follow the vote's participation live (its stream's events): who may see it.
pub async fn may_follow(state: &AppState, subject: &Subject, id: i64) -> bool {
    let Some(me) = subject.id() else { return false };
    // The vote's row alone (its page's other lists are not needed to decide).
    let mut bundle = Bundle::new();
    let one = bundle.add(stored::one_part(id, me.get()));
    let Ok(lists) = bundle.run(&state.db).await else { return false };
    let vote: Option<VoteRow> = lists.take(one).ok().and_then(|rows| rows.into_iter().next());
    vote.is_some_and(|v| {
        scope_of(&v.scope_kind, v.section_id, &v.federation_code).is_some_and(|facts| rules::can_see(subject, &facts, v.elector))
    })
}

/// A vote's row, its options, the actions it decided and their comptes-rendus (one statement).
struct Rows {
    vote: VoteRow,
    options: Vec<OptionRow>,
    actions: Vec<store::actions::ActionRow>,
    reports: Vec<DecidedReportRow>,
}

#[derive(serde::Deserialize)]
pub(crate) struct DecidedReportRow {
    action_id: i64,
    present: i64,
    tracts: i64,
    doors_knocked: i64,
    conversations: i64,
    calls: i64,
}

async fn read_rows(state: &AppState, id: i64, me: i64) -> Result<Rows, AppError> {
    let mut bundle = Bundle::new();
    let one = bundle.add(stored::one_part(id, me));
    let options = bundle.add(stored::options_part(id));
    let actions = bundle.add(store::actions::decided_by_part(UserId(me), id));
    let reports = bundle.add(store::reports::of_decided_actions_part(id));
    let lists = bundle.run(&state.db).await?;
    let vote: VoteRow = lists.take(one)?.into_iter().next().ok_or(AppError::NotFound)?;
    Ok(Rows { vote, options: lists.take(options)?, actions: lists.take(actions)?, reports: lists.take(reports)? })
}

/// The actions a vote decided that this reader may see, with their comptes-rendus' figures.
pub(crate) fn decided_actions(
    subject: &Subject,
    actions: &[store::actions::ActionRow],
    reports: &[DecidedReportRow],
) -> Vec<DecidedAction> {
    crate::server::services::action_views::scope_summaries(subject, actions)
        .into_iter()
        .map(|action| {
            let report = reports.iter().find(|r| r.action_id == action.id).map(|r| DecidedFigures {
                present: r.present,
                tracts: r.tracts,
                doors_knocked: r.doors_knocked,
                conversations: r.conversations,
                calls: r.calls,
            });
            DecidedAction { action, report }
        })
        .collect()
}

/// What "Organiser une action" starts from: a counted vote of a scope whose team this person is
/// in, and the title the new action takes (the chosen option, or the question of a oui / non).
pub async fn decision(state: &AppState, subject: &Subject, id: i64, option: Option<usize>) -> Result<(Decision, String), AppError> {
    let mut tx = state.db.begin_read().await?;
    let (facts, _) = authorized(&mut tx, subject, id, |scope, _| rules::can_open(subject, scope)).await?;
    let options = stored::option_labels(&mut tx, id).await?;
    tx.rollback().await?;
    let decided_at_ms = facts.tallied_at.ok_or_else(|| AppError::field("vote", FieldError::VoteNotCounted))?;
    let title = match option.and_then(|n| n.checked_sub(1)).and_then(|i| options.get(i)) {
        Some(label) => label.clone(),
        None => facts.title.clone(),
    };
    Ok((Decision { source: DecisionSource::Vote, id, title: facts.title, decided_at_ms }, title))
}

/// The vote a new action carries out, checked in the action's transaction: counted, and the
/// creator in its scope's team. Anything else is a field error on the form.
pub async fn check_decision(tx: &mut Tx, subject: &Subject, id: i64) -> Result<(), AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let facts = stored::facts(tx, id, me.get()).await?;
    let allowed = facts.as_ref().is_some_and(|f| {
        f.tallied_at.is_some() && scope_of(&f.scope_kind, f.section_id, &f.federation_code).is_some_and(|s| rules::can_open(subject, &s))
    });
    if allowed {
        Ok(())
    } else {
        Err(AppError::field("vote", FieldError::InvalidChoice))
    }
}

/// The vote's facts in a transaction, after the rule `allowed` (a person who may not even see
/// the vote gets what a missing one gets).
async fn authorized(
    tx: &mut Tx,
    subject: &Subject,
    id: i64,
    allowed: impl Fn(&ScopeFacts, &Facts) -> bool,
) -> Result<(Facts, ScopeFacts), AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let facts = stored::facts(tx, id, me.get()).await?.ok_or(AppError::NotFound)?;
    let scope = scope_of(&facts.scope_kind, facts.section_id, &facts.federation_code).ok_or(AppError::NotFound)?;
    if !allowed(&scope, &facts) {
        return Err(if rules::can_see(subject, &scope, facts.elector) { AppError::Forbidden } else { AppError::NotFound });
    }
    Ok((facts, scope))
}

/// Casts `me`'s ballot: refused outside the window (server time) and the second time (the
/// database's key decides, even between concurrent requests). Answers the receipt.
pub async fn cast(state: &AppState, subject: &Subject, id: i64, form: &RawForm) -> Result<String, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut tx = state.db.begin().await?;
    let (facts, _) = authorized(&mut tx, subject, id, |_, f| rules::can_vote(subject, f.elector)).await?;
    let now = now_ms();
    if now < facts.opens_at {
        return Err(AppError::field("vote", FieldError::VoteNotOpen));
    }
    if now >= facts.closes_at || facts.tallied_at.is_some() {
        return Err(AppError::field("vote", FieldError::VoteClosed));
    }
    let kind = VoteKind::parse(&facts.kind).ok_or(AppError::Internal)?;
    let choice = parse_ballot(form, kind, facts.options as usize, facts.max_choices as usize).map_err(AppError::Validation)?;
    if !stored::participate(&mut tx, id, me).await? {
        return Err(AppError::field("vote", FieldError::AlreadyVoted));
    }
    let receipt = receipt();
    stored::insert_ballot(&mut tx, id, &receipt, &choice.encode()).await?;
    tx.commit().await?;
    announce_participation(state, id).await;
    Ok(receipt)
}

/// Tells the vote's open pages that the participation moved (`ballot_cast`, the vote's id only).
/// Written after the ballot's commit, in a transaction of its own: nothing of it, not even the
/// transaction that wrote it, can be paired with the ballot or the participation. A failure only
/// costs a live update (the page shows the count when loaded).
async fn announce_participation(state: &AppState, vote: i64) {
    let written = async {
        let mut tx = state.db.begin().await?;
        let event = stored::ballot_event(&mut tx, vote, now_ms()).await?;
        tx.commit().await?;
        Ok::<_, AppError>(event)
    };
    match written.await {
        Ok(event) => state.bus.publish(vec![event]).await,
        Err(err) => tracing::warn!(error = ?err, "could not announce a vote's participation"),
    }
}

/// A receipt: 80 random bits written as 16 characters of Crockford's base 32, in four groups
/// ("7KQ2-9XHM-C4RT-0WZE"); also the ballot's id, so ballots sort in no meaningful order.
fn receipt() -> String {
    use rand::RngCore;
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut bytes = [0u8; 10];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let bits = bytes.iter().fold(0u128, |acc, &b| (acc << 8) | u128::from(b));
    let chars: Vec<char> = (0..16).rev().map(|i| char::from(ALPHABET[((bits >> (i * 5)) & 31) as usize])).collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// Closing before the time: the team, once every elector voted (nothing left to wait for). The
/// vote is then counted.
pub async fn close_early(state: &AppState, subject: &Subject, id: i64) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let (facts, _) = authorized(&mut tx, subject, id, |scope, _| rules::can_close_early(subject, scope)).await?;
    let now = now_ms();
    if facts.tallied_at.is_some() || now >= facts.closes_at {
        return Err(AppError::field("vote", FieldError::VoteClosed));
    }
    if now < facts.opens_at {
        return Err(AppError::field("vote", FieldError::VoteNotOpen));
    }
    let voted = stored::participation(&mut tx, id).await?;
    if voted < facts.electorate_count {
        return Err(AppError::field("vote", FieldError::NotEveryoneVoted { left: facts.electorate_count - voted }));
    }
    stored::close_now(&mut tx, id, now).await?;
    tx.commit().await?;
    count(state, id).await?;
    Ok(())
}

/// Counts a vote past its closing (idempotent: `false` when there was nothing to do): the ballots
/// shuffled, the result kept and published on the scope's feed, in one transaction.
pub async fn count(state: &AppState, id: i64) -> Result<bool, AppError> {
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let Some(facts) = stored::facts(&mut tx, id, 0).await? else { return Ok(false) };
    if facts.tallied_at.is_some() || now < facts.closes_at {
        return Ok(false);
    }
    let kind = VoteKind::parse(&facts.kind).ok_or(AppError::Internal)?;
    let ballots = stored::shuffle_ballots(&mut tx, id).await?;
    let result = tally(kind, facts.options as usize, facts.max_choices as usize, ballots.iter().map(|b| b.choice.as_str()));
    let json = serde_json::to_string(&result).map_err(|_| AppError::Internal)?;
    if !stored::record_result(&mut tx, id, ballots.len() as i64, &json, now).await? {
        return Ok(false);
    }
    let mut events = Vec::new();
    if let Some(author) = facts.author_id {
        let options = store::votes::option_labels(&mut tx, id).await?;
        let link = state.settings.link(&VoteView::path(id));
        let body = (texts::FR.result_post)(
            &facts.title,
            &result,
            &options,
            ballots.len() as i64,
            facts.electorate_count,
            facts.quorum_percent,
            &link,
        );
        let rendered = richtext::render(&body);
        let section = (facts.scope_kind == "section").then_some(facts.section_id).flatten().map(SectionId);
        let post = store::posts::NewPost {
            author_id: author,
            audience: if section.is_some() { "section" } else { "federation" },
            section_id: section,
            // As every publication: the federation of its section too.
            federation_code: Some(facts.federation_code.as_str()),
            group_id: None,
            body: &body,
            body_html: rendered.html.as_str(),
            pictures: "",
            now_ms: now,
        };
        let post_id = store::posts::insert(&mut tx, &post).await?;
        store::posts::replace_tags(&mut tx, post_id, &rendered.tags).await?;
        stored::set_result_post(&mut tx, id, post_id.get()).await?;
        events.push(store::events::insert(&mut tx, "post_created", Some(post_id), None, now).await?);
    }
    tx.commit().await?;
    state.bus.publish(events).await;
    Ok(true)
}

/// One pass of the counting job: every vote past its closing. Answers how many were counted.
pub async fn count_due(state: &AppState) -> Result<usize, AppError> {
    let mut counted = 0;
    for id in stored::due(&state.db, now_ms(), DUE_PER_PASS).await? {
        if count(state, id).await? {
            counted += 1;
        }
    }
    Ok(counted)
}

/// The published ballots of a counted vote, as CSV (`recu,choix`: the receipt and the choice as
/// the ballot keeps it), for its electorate and teams. Answers the file's name and text.
pub async fn ballots_csv(state: &AppState, subject: &Subject, id: i64) -> Result<(String, String), AppError> {
    let mut tx = state.db.begin_read().await?;
    let (facts, _) = authorized(&mut tx, subject, id, |scope, f| rules::can_download(subject, scope, f.elector)).await?;
    tx.rollback().await?;
    if facts.tallied_at.is_none() {
        return Err(AppError::field("vote", FieldError::VoteNotCounted));
    }
    let ballots = stored::ballots(&state.db, id).await?;
    let mut csv = String::from("recu,choix\r\n");
    for b in ballots {
        csv.push_str(&format!("{},{}\r\n", b.id, b.choice));
    }
    Ok((format!("coopol-vote-{id}-bulletins.csv"), csv))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receipts_are_four_groups_of_crockford_base_32() {
        let r = receipt();
        assert_eq!(r.len(), 19);
        assert!(r.split('-').all(|g| g.len() == 4 && g.bytes().all(|b| b"0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(&b))), "{r}");
        assert_ne!(receipt(), receipt());
    }
}
