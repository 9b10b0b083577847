//! Débats (issue 20): a team opens a debate in its section, federation or group (an adhérent
//! proposes one, which the team approves); the scope's people contribute *pour*, *contre* or
//! *nuance*, reply, support ("+1"), and write propositions; the team pins, selects propositions
//! for a vote, merges duplicates, and closes with a synthèse. Every change writes a
//! `debate_changed` event (ids only) that the debate's open pages follow live.

use crate::error::AppError;
use crate::model::action::{Decision, DecisionSource};
use crate::model::commands::debate::{parse_merge, parse_synthesis, ContributionInput, NewDebateInput, ProposalInput};
use crate::model::debates::{
    contribution_cursor, ContributionView, DebateAudience, DebateForVote, DebateLine, DebateScope, DebateSort, DebateStatus, DebateView,
    DebateVote, DebatesPage, ProposalView, ReplyView, Stance,
};
use crate::model::feed::{Author, GroupMembership, GroupPrivacy, GroupRole, SafeHtml};
use crate::model::form::{FieldError, RawForm};
use crate::model::ids::{SectionId, UserId};
use crate::model::messages::list_cursor;
use crate::model::votes::{VoteResult, VoteStatus};
use crate::server::context::AppState;
use crate::server::db::Tx;
use crate::server::policy::announcements::ScopeFacts;
use crate::server::policy::debates::{self as rules, DebateFacts, DebateScopeFacts};
use crate::server::policy::{SectionScope, Subject};
use crate::server::services::{moderation, posts, team_scope, votes};
use crate::server::store::bundle::Bundle;
use crate::server::store::debates::{self as stored, ContributionRow, DebateRow, LineRow, Supported};
use crate::server::store::events::EventRow;
use crate::server::{now_ms, richtext, store};

const LIST_PAGE: i64 = 20;
/// Contributions per page of a debate.
pub const CONTRIBUTIONS_PAGE: i64 = 30;

/// A debate's scope as found: what the rules, the queries and the pages need.
struct FoundScope {
    facts: DebateScopeFacts,
    kind: &'static str,
    code: String,
    name: String,
    /// A private group's debates are its members' only.
    private_group: bool,
}

async fn find_scope(state: &AppState, subject: &Subject, scope: &DebateScope) -> Result<FoundScope, AppError> {
    match scope {
        DebateScope::Section(slug) => team(state, crate::model::announcements::TeamScope::Section(slug.clone())).await,
        DebateScope::Federation(code) => team(state, crate::model::announcements::TeamScope::Federation(code.clone())).await,
        DebateScope::Group(slug) => {
            let me = subject.id().unwrap_or(UserId(0));
            let g = store::groups::by_slug(&state.db, me, &slug.to_lowercase()).await?.ok_or(AppError::NotFound)?;
            let membership = g.my_role.map(GroupMembership::from).unwrap_or(GroupMembership::None);
            Ok(FoundScope {
                facts: DebateScopeFacts::Group(membership),
                kind: "group",
                code: g.id.get().to_string(),
                name: g.name,
                private_group: g.privacy == GroupPrivacy::Private,
            })
        }
    }
}

async fn team(state: &AppState, scope: crate::model::announcements::TeamScope) -> Result<FoundScope, AppError> {
    let found = team_scope::find(state, &scope).await?;
    Ok(FoundScope {
        facts: DebateScopeFacts::Team(found.facts),
        kind: found.kind,
        code: found.code,
        name: found.name,
        private_group: false,
    })
}

fn line(now: i64, r: LineRow) -> DebateLine {
    DebateLine {
        id: r.id,
        status: DebateStatus::at(now, r.approved_at.is_some(), r.opens_at, r.closes_at),
        title: r.title,
        scope_name: r.scope_name.unwrap_or_default(),
        opens_at_ms: r.opens_at,
        closes_at_ms: r.closes_at,
        contributions: r.contribution_count,
        proposals: r.proposal_count,
    }
}

fn next_cursor(rows: &[LineRow]) -> Option<String> {
    (rows.len() as i64 == LIST_PAGE).then(|| rows.last().map(|r| list_cursor(r.created_at, r.id))).flatten()
}

/// A scope's debates (one statement): all of them for its people and teams (pending ones for
/// its team), the public ones for anyone else; the opening (or proposing) form for who may.
pub async fn scope_page(
    state: &AppState,
    subject: &Subject,
    scope: &DebateScope,
    before: Option<(i64, i64)>,
) -> Result<DebatesPage, AppError> {
    let found = find_scope(state, subject, scope).await?;
    let member = rules::can_list(subject, &found.facts);
    if found.private_group && !member {
        return Err(AppError::NotFound);
    }
    let may_open = rules::can_open(subject, &found.facts);
    let mut bundle = Bundle::new();
    let list = bundle.add(stored::scope_part(found.kind, &found.code, may_open, !member, before, LIST_PAGE));
    let rows: Vec<LineRow> = bundle.run(&state.db).await?.take(list)?;
    let now = now_ms();
    Ok(DebatesPage {
        scope: Some(scope.clone()),
        scope_name: found.name,
        may_open,
        may_propose: !may_open && rules::can_propose(subject, &found.facts),
        my_scopes: Vec::new(),
        next: next_cursor(&rows),
        debates: rows.into_iter().map(|r| line(now, r)).collect(),
    })
}

/// `/debats`: the debates of the person's section, federation and groups, and public ones
/// (one statement), with their own scopes to open or propose one in.
pub async fn listed_page(state: &AppState, subject: &Subject, before: Option<(i64, i64)>) -> Result<DebatesPage, AppError> {
    let me = subject.id().map_or(0, |id| id.get());
    let mut bundle = Bundle::new();
    let list = bundle.add(stored::listed_part(me, before, LIST_PAGE));
    let rows: Vec<LineRow> = bundle.run(&state.db).await?.take(list)?;
    let mut my_scopes = Vec::new();
    if let Some(user) = subject.active_user() {
        if let Some(slug) = &user.section_slug {
            my_scopes.push(DebateScope::Section(slug.clone()));
        }
        if let Some(code) = &user.federation_code {
            my_scopes.push(DebateScope::Federation(code.clone()));
        }
    }
    let now = now_ms();
    Ok(DebatesPage {
        scope: None,
        scope_name: String::new(),
        may_open: false,
        may_propose: false,
        my_scopes,
        next: next_cursor(&rows),
        debates: rows.into_iter().map(|r| line(now, r)).collect(),
    })
}

/// Opens a debate (the team: at once) or proposes one (an adhérent: the team approves it).
/// Answers its id.
pub async fn open(state: &AppState, subject: &Subject, scope: &DebateScope, form: &RawForm) -> Result<i64, AppError> {
    let found = find_scope(state, subject, scope).await?;
    let me = subject.active_user().ok_or(AppError::NotAuthenticated)?.id;
    let team = rules::can_open(subject, &found.facts);
    if !team && !rules::can_propose(subject, &found.facts) {
        return Err(if found.private_group && !rules::can_list(subject, &found.facts) { AppError::NotFound } else { AppError::Forbidden });
    }
    let now = now_ms();
    let input = NewDebateInput::parse(form, now).map_err(AppError::Validation)?;
    // A private group's debates stay inside it.
    let audience = if found.private_group { DebateAudience::Scope } else { input.audience };
    let html = richtext::render(&input.description).html;
    let mut tx = state.db.begin().await?;
    posts::posting_allowed_in(state, &mut tx, me).await?;
    let new = stored::NewDebate {
        scope_kind: found.kind,
        scope_code: &found.code,
        audience: audience.as_str(),
        author: me,
        title: &input.title,
        description: &input.description,
        description_html: html.as_str(),
        opens_at: input.opens_at,
        closes_at: input.closes_at,
        approved: team,
        now_ms: now,
    };
    let id = stored::insert(&mut tx, &new).await?;
    tx.commit().await?;
    Ok(id)
}

/// The debate's scope as the rules see it, from its row.
fn facts_of(row: &DebateRow) -> Option<DebateFacts> {
    let scope = match row.scope_kind.as_str() {
        "section" => DebateScopeFacts::Team(ScopeFacts::Section(SectionScope {
            id: SectionId(row.section_id?),
            federation_code: row.federation_code.clone()?,
        })),
        "federation" => DebateScopeFacts::Team(ScopeFacts::Federation(row.federation_code.clone()?)),
        "group" => DebateScopeFacts::Group(
            row.group_role.as_deref().and_then(GroupRole::parse).map(GroupMembership::from).unwrap_or(GroupMembership::None),
        ),
        _ => return None,
    };
    Some(DebateFacts { scope, public: row.audience == "public", approved: row.approved_at.is_some(), author: row.author_id.map(UserId) })
}

fn scope_of(row: &DebateRow) -> Option<(DebateScope, String)> {
    match row.scope_kind.as_str() {
        "section" => Some((DebateScope::Section(row.section_slug.clone()?), row.section_name.clone()?)),
        "federation" => Some((DebateScope::Federation(row.federation_code.clone()?), row.federation_name.clone()?)),
        "group" => Some((DebateScope::Group(row.group_slug.clone()?), row.group_name.clone()?)),
        _ => None,
    }
}

fn author(handle: Option<String>, name: Option<String>) -> Option<Author> {
    handle.zip(name).map(|(handle, display_name)| Author { handle, display_name })
}

/// `/debats/{id}` (one statement): the debate, a page of its contributions with their replies,
/// its propositions, the votes put from it and the actions they decided with their
/// comptes-rendus. For who may see it; anyone else gets what a missing debate gets.
pub async fn read(
    state: &AppState,
    subject: &Subject,
    id: i64,
    sort: DebateSort,
    after: Option<(i64, i64)>,
) -> Result<DebateView, AppError> {
    let me = subject.id().map_or(0, |id| id.get());
    let mut bundle = Bundle::new();
    let one = bundle.add(stored::one_part(id, me));
    let (top, replies) = stored::contributions_parts(id, me, sort == DebateSort::Supports, after, CONTRIBUTIONS_PAGE);
    let (top, replies) = (bundle.add(top), bundle.add(replies));
    let proposals = bundle.add(stored::proposals_part(id, me));
    let vote_rows = bundle.add(stored::votes_part(id));
    let options = bundle.add(store::votes::debate_options_part(id));
    let actions = bundle.add(store::actions::decided_by_debate_part(UserId(me), id));
    let reports = bundle.add(store::reports::of_debate_actions_part(id));
    let lists = bundle.run(&state.db).await?;
    // A visitor signs in to see what is not public, whether it exists or not.
    let hidden = if subject.is_active() { AppError::NotFound } else { AppError::NotAuthenticated };
    let row: DebateRow = lists.take(one)?.into_iter().next().ok_or_else(|| hidden.clone())?;
    let facts = facts_of(&row).ok_or_else(|| hidden.clone())?;
    if !rules::can_see(subject, &facts) {
        return Err(hidden);
    }
    let (scope, scope_name) = scope_of(&row).ok_or(AppError::NotFound)?;
    let now = now_ms();
    let top: Vec<ContributionRow> = lists.take(top)?;
    let replies: Vec<ContributionRow> = lists.take(replies)?;
    let next = (top.len() as i64 == CONTRIBUTIONS_PAGE)
        .then(|| top.iter().rev().find(|c| c.pinned_at.is_none()).map(|c| contribution_cursor(sort, c.support_count, c.id)))
        .flatten();
    let contributions = top
        .into_iter()
        .filter_map(|c| {
            let stance = c.stance.as_deref().and_then(Stance::parse)?;
            let replies = replies
                .iter()
                .filter(|r| r.parent_id == Some(c.id))
                .map(|r| ReplyView {
                    id: r.id,
                    author: author(r.author_handle.clone(), r.author_name.clone()),
                    html: SafeHtml::from_stored(r.body_html.clone()),
                    created_at_ms: r.created_at,
                })
                .collect();
            Some(ContributionView {
                id: c.id,
                author: author(c.author_handle, c.author_name),
                stance,
                html: SafeHtml::from_stored(c.body_html),
                supports: c.support_count,
                supported: c.supported,
                pinned: c.pinned_at.is_some(),
                created_at_ms: c.created_at,
                replies,
            })
        })
        .collect();
    let proposal_rows: Vec<stored::ProposalRow> = lists.take(proposals)?;
    let titles: Vec<(i64, String)> = proposal_rows.iter().map(|p| (p.id, p.title.clone())).collect();
    let proposals = proposal_rows
        .into_iter()
        .map(|p| ProposalView {
            id: p.id,
            author: author(p.author_handle, p.author_name),
            merged_into: p.merged_into_id.and_then(|into| titles.iter().find(|(id, _)| *id == into).cloned()),
            title: p.title,
            html: SafeHtml::from_stored(p.body_html),
            supports: p.support_count,
            supported: p.supported,
            selected: p.selected_at.is_some(),
            created_at_ms: p.created_at,
        })
        .collect();
    let options: Vec<store::votes::DebateOptionRow> = lists.take(options)?;
    let votes = lists
        .take::<stored::DebateVoteRow>(vote_rows)?
        .into_iter()
        .map(|v| {
            let result = v.result.as_deref().and_then(|r| serde_json::from_str::<VoteResult>(r).ok());
            let labels: Vec<&str> = options.iter().filter(|o| o.vote_id == v.id).map(|o| o.label.as_str()).collect();
            let winners =
                result.map(|r| r.winners().into_iter().filter_map(|i| labels.get(i).map(|l| l.to_string())).collect()).unwrap_or_default();
            DebateVote { id: v.id, title: v.title, status: VoteStatus::at(now, v.opens_at, v.closes_at, v.tallied_at.is_some()), winners }
        })
        .collect();
    let decided = votes::decided_actions(subject, &lists.take(actions)?, &lists.take(reports)?);
    Ok(DebateView {
        id: row.id,
        scope,
        scope_name,
        author: author(row.author_handle, row.author_name),
        title: row.title,
        html: SafeHtml::from_stored(row.description_html),
        audience: DebateAudience::parse(&row.audience).unwrap_or(DebateAudience::Scope),
        opens_at_ms: row.opens_at,
        closes_at_ms: row.closes_at,
        status: DebateStatus::at(now, row.approved_at.is_some(), row.opens_at, row.closes_at),
        synthesis: row.synthesis_html.map(SafeHtml::from_stored),
        may_take_part: rules::can_take_part(subject, &facts),
        may_organize: rules::can_organize(subject, &facts),
        sort,
        contribution_count: row.contribution_count,
        contributions,
        next,
        proposals,
        votes,
        decided,
    })
}

/// Whether this person may follow the debate live (its stream's events): who may see it.
pub async fn may_follow(state: &AppState, subject: &Subject, id: i64) -> bool {
    let me = subject.id().map_or(0, |id| id.get());
    let mut bundle = Bundle::new();
    let one = bundle.add(stored::one_part(id, me));
    let Ok(lists) = bundle.run(&state.db).await else { return false };
    let row: Option<DebateRow> = lists.take(one).ok().and_then(|rows| rows.into_iter().next());
    row.and_then(|r| facts_of(&r)).is_some_and(|facts| rules::can_see(subject, &facts))
}

/// The debate in a writing transaction, after the rule `allowed` (who may not even see it gets
/// what a missing one gets).
async fn authorized(
    tx: &mut Tx,
    subject: &Subject,
    id: i64,
    allowed: impl Fn(&DebateFacts) -> bool,
) -> Result<(DebateRow, DebateFacts), AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let row = stored::one_in(tx, id, me.get()).await?.ok_or(AppError::NotFound)?;
    let facts = facts_of(&row).ok_or(AppError::NotFound)?;
    if !allowed(&facts) {
        return Err(if rules::can_see(subject, &facts) { AppError::Forbidden } else { AppError::NotFound });
    }
    Ok((row, facts))
}

/// Taking part needs the debate open (server time).
fn ensure_open(row: &DebateRow, field: &str) -> Result<(), AppError> {
    match DebateStatus::at(now_ms(), row.approved_at.is_some(), row.opens_at, row.closes_at) {
        DebateStatus::Open => Ok(()),
        DebateStatus::Closed => Err(AppError::field(field, FieldError::DebateClosed)),
        DebateStatus::Pending | DebateStatus::Upcoming => Err(AppError::field(field, FieldError::DebateNotOpen)),
    }
}

/// Someone restricted by moderation in the debate's scope does not write there.
async fn may_write(tx: &mut Tx, me: UserId, row: &DebateRow) -> Result<(), AppError> {
    let (audience, section, federation, group) = match row.scope_kind.as_str() {
        "section" => ("section", row.section_id, row.federation_code.as_deref(), None),
        "federation" => ("federation", None, row.federation_code.as_deref(), None),
        _ => ("group", None, None, row.scope_code.parse::<i64>().ok()),
    };
    moderation::ensure_may_write(tx, me, audience, section, federation, group).await
}

/// Commits a change of the debate with its live event, then announces it.
async fn commit_change(state: &AppState, mut tx: Tx, debate: i64, now: i64) -> Result<(), AppError> {
    let event: EventRow = stored::changed_event(&mut tx, debate, now).await?;
    tx.commit().await?;
    state.bus.publish(vec![event]).await;
    Ok(())
}

/// The team approves a proposed debate.
pub async fn approve(state: &AppState, subject: &Subject, id: i64) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    authorized(&mut tx, subject, id, |f| rules::can_organize(subject, f)).await?;
    let now = now_ms();
    stored::approve(&mut tx, id, now).await?;
    commit_change(state, tx, id, now).await
}

/// A contribution or a reply. Answers its id.
pub async fn contribute(state: &AppState, subject: &Subject, id: i64, form: &RawForm) -> Result<i64, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut tx = state.db.begin().await?;
    let (row, _) = authorized(&mut tx, subject, id, |f| rules::can_take_part(subject, f)).await?;
    let input = ContributionInput::parse(form).map_err(AppError::Validation)?;
    ensure_open(&row, "body")?;
    if let Some(parent) = input.parent {
        // A reply answers a contribution of this debate (not a reply: one level).
        if stored::contribution_place(&mut tx, parent).await? != Some((id, true)) {
            return Err(AppError::field("body", FieldError::InvalidChoice));
        }
    }
    may_write(&mut tx, me, &row).await?;
    posts::posting_allowed_in(state, &mut tx, me).await?;
    let html = richtext::render(&input.body).html;
    let now = now_ms();
    let new = stored::NewContribution {
        debate: id,
        parent: input.parent,
        author: me,
        stance: input.stance.map(Stance::as_str),
        body: &input.body,
        body_html: html.as_str(),
        now_ms: now,
    };
    let contribution = stored::insert_contribution(&mut tx, &new).await?;
    commit_change(state, tx, id, now).await?;
    Ok(contribution)
}

/// "+1" on a contribution (again: taken back).
pub async fn support_contribution(state: &AppState, subject: &Subject, id: i64, contribution: i64) -> Result<(), AppError> {
    support(state, subject, id, Supported::Contribution, contribution).await
}

/// "+1" on a proposition (again: taken back).
pub async fn support_proposal(state: &AppState, subject: &Subject, id: i64, proposal: i64) -> Result<(), AppError> {
    support(state, subject, id, Supported::Proposal, proposal).await
}

async fn support(state: &AppState, subject: &Subject, id: i64, what: Supported, target: i64) -> Result<(), AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut tx = state.db.begin().await?;
    let (row, _) = authorized(&mut tx, subject, id, |f| rules::can_take_part(subject, f)).await?;
    ensure_target(&mut tx, id, what, target).await?;
    ensure_open(&row, "debate")?;
    may_write(&mut tx, me, &row).await?;
    let now = now_ms();
    stored::toggle_support(&mut tx, what, target, me, now).await?;
    commit_change(state, tx, id, now).await
}

/// The contribution or proposition is this debate's (else: missing).
async fn ensure_target(tx: &mut Tx, id: i64, what: Supported, target: i64) -> Result<(), AppError> {
    let debate = match what {
        Supported::Contribution => stored::contribution_place(tx, target).await?.map(|(debate, _)| debate),
        Supported::Proposal => stored::proposal_debate(tx, target).await?,
    };
    if debate == Some(id) {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The team pins a contribution (or unpins it).
pub async fn pin(state: &AppState, subject: &Subject, id: i64, contribution: i64) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    authorized(&mut tx, subject, id, |f| rules::can_organize(subject, f)).await?;
    ensure_target(&mut tx, id, Supported::Contribution, contribution).await?;
    let now = now_ms();
    stored::toggle_pin(&mut tx, contribution, now).await?;
    commit_change(state, tx, id, now).await
}

/// A proposition. Answers its id.
pub async fn propose(state: &AppState, subject: &Subject, id: i64, form: &RawForm) -> Result<i64, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut tx = state.db.begin().await?;
    let (row, _) = authorized(&mut tx, subject, id, |f| rules::can_take_part(subject, f)).await?;
    let input = ProposalInput::parse(form).map_err(AppError::Validation)?;
    ensure_open(&row, "proposal_title")?;
    may_write(&mut tx, me, &row).await?;
    posts::posting_allowed_in(state, &mut tx, me).await?;
    let html = richtext::render(&input.body).html;
    let now = now_ms();
    let proposal = stored::insert_proposal(&mut tx, id, me, &input.title, &input.body, html.as_str(), now).await?;
    commit_change(state, tx, id, now).await?;
    Ok(proposal)
}

/// The team selects a proposition for a vote (or takes it back).
pub async fn select(state: &AppState, subject: &Subject, id: i64, proposal: i64) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    authorized(&mut tx, subject, id, |f| rules::can_organize(subject, f)).await?;
    ensure_target(&mut tx, id, Supported::Proposal, proposal).await?;
    let now = now_ms();
    stored::toggle_selected(&mut tx, proposal, now).await?;
    commit_change(state, tx, id, now).await
}

/// The team merges a proposition into another of the debate (a duplicate).
pub async fn merge(state: &AppState, subject: &Subject, id: i64, proposal: i64, form: &RawForm) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    authorized(&mut tx, subject, id, |f| rules::can_organize(subject, f)).await?;
    ensure_target(&mut tx, id, Supported::Proposal, proposal).await?;
    let kept = parse_merge(form, proposal).map_err(AppError::Validation)?;
    if stored::proposal_merged(&mut tx, kept).await? != Some((id, false)) {
        return Err(AppError::field("into", FieldError::InvalidChoice));
    }
    stored::merge(&mut tx, proposal, kept).await?;
    commit_change(state, tx, id, now_ms()).await
}

/// The team's synthèse, which closes the debate.
pub async fn synthesize(state: &AppState, subject: &Subject, id: i64, form: &RawForm) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let (row, _) = authorized(&mut tx, subject, id, |f| rules::can_organize(subject, f)).await?;
    let text = parse_synthesis(form).map_err(AppError::Validation)?;
    let now = now_ms();
    if row.approved_at.is_none() || now < row.opens_at {
        return Err(AppError::field("synthesis", FieldError::DebateNotOpen));
    }
    let html = richtext::render(&text).html;
    stored::write_synthesis(&mut tx, id, &text, html.as_str(), now).await?;
    commit_change(state, tx, id, now).await
}

/// The parts of the votes page's bundle that pre-fill its form from debate `id`.
pub struct PrefillSlots {
    one: crate::server::store::bundle::Slot<DebateRow>,
    selected: crate::server::store::bundle::Slot<stored::TitleRow>,
}

pub fn prefill_parts(bundle: &mut Bundle, id: i64, me: i64) -> PrefillSlots {
    PrefillSlots { one: bundle.add(stored::one_part(id, me)), selected: bundle.add(stored::selected_part(id)) }
}

/// The debate to put to a vote from the votes page of `scope`: `None` unless this person
/// organizes it, it is of that scope, and it has selected propositions.
pub fn prefill(
    lists: &crate::server::store::bundle::Lists,
    slots: PrefillSlots,
    subject: &Subject,
    scope: &ScopeFacts,
) -> Result<Option<DebateForVote>, AppError> {
    let Some(row) = lists.take(slots.one)?.into_iter().next() else { return Ok(None) };
    let allowed = facts_of(&row).is_some_and(|f| rules::can_organize(subject, &f) && f.scope == DebateScopeFacts::Team(scope.clone()));
    if !allowed {
        return Ok(None);
    }
    let options = lists.take(slots.selected)?.into_iter().map(|t| t.title).collect();
    Ok(Some(DebateForVote { id: row.id, title: row.title, options }))
}

/// What the votes page pre-fills from a debate: its question and selected propositions, for
/// the team that may open a vote in the debate's scope (`scope`: the votes page's own).
pub async fn for_vote(tx: &mut Tx, subject: &Subject, id: i64, scope: &ScopeFacts) -> Result<DebateForVote, AppError> {
    let (row, facts) = authorized(tx, subject, id, |f| rules::can_organize(subject, f)).await?;
    if facts.scope != DebateScopeFacts::Team(scope.clone()) {
        return Err(AppError::field("debate", FieldError::InvalidChoice));
    }
    let options = stored::selected_titles(tx, id).await?;
    if options.len() < 2 {
        return Err(AppError::field("debate", FieldError::TooFewSelected));
    }
    Ok(DebateForVote { id, title: row.title, options })
}

/// What "Organiser une action" starts from on a closed debate: its team, the debate as the
/// decision, and the title the action takes (the chosen proposition's, or the question).
pub async fn decision(state: &AppState, subject: &Subject, id: i64, proposal: Option<i64>) -> Result<(Decision, String), AppError> {
    let mut tx = state.db.begin_read().await?;
    let (row, _) = authorized(&mut tx, subject, id, |f| rules::can_organize(subject, f)).await?;
    let chosen = match proposal {
        Some(p) => stored::proposal_title(&mut tx, p).await?.filter(|(debate, _)| *debate == id).map(|(_, title)| title),
        None => None,
    };
    tx.rollback().await?;
    let decided_at_ms = closed_at(&row).ok_or_else(|| AppError::field("debat", FieldError::DebateNotClosed))?;
    let title = chosen.unwrap_or_else(|| row.title.clone());
    Ok((Decision { source: DecisionSource::Debate, id, title: row.title, decided_at_ms }, title))
}

/// The debate a new action carries out, checked in the action's transaction: closed, and the
/// creator in its team. Anything else is a field error on the form.
pub async fn check_decision(tx: &mut Tx, subject: &Subject, id: i64) -> Result<(), AppError> {
    let allowed = match authorized(tx, subject, id, |f| rules::can_organize(subject, f)).await {
        Ok((row, _)) => closed_at(&row).is_some(),
        Err(AppError::NotAuthenticated) => return Err(AppError::NotAuthenticated),
        Err(_) => false,
    };
    if allowed {
        Ok(())
    } else {
        Err(AppError::field("debat", FieldError::InvalidChoice))
    }
}

/// When an approved debate closed (its synthèse closes it), if it has.
fn closed_at(row: &DebateRow) -> Option<i64> {
    (row.approved_at.is_some() && now_ms() >= row.closes_at).then_some(row.closes_at)
}
