//! Moderation's pages, each its session and at most two statements: the report form's item, the
//! queues a person moderates, a scope's queue, a case, a decision with its appeal, a scope's
//! journal with its statistics, the charter.

use crate::error::AppError;
use crate::model::moderation::{parse_scope_key, ItemKind};
use crate::model::moderation::{
    scope_key, AppealItem, AppealView, CaseView, CharterView, DecisionKind, DecisionLine, DecisionView, JournalPage, ModerationScope,
    MyQueues, QueueItem, QueuePage, ReportTarget, ScopeLabel, ScopeStats, CHARTER_VERSION,
};
use crate::server::context::AppState;
use crate::server::policy::moderation as rules;
use crate::server::policy::Subject;
use crate::server::services::moderation::locate;
use crate::server::store;
use crate::server::store::bundle::Bundle;
use crate::server::store::moderation::{
    AppealRow, CategoryCount, DecisionLineRow, DecisionPageRow, Explanation, KindCount, NamedScope, OpenCount, QueueRow, ScopeRow,
    StatsRow, Wait,
};

/// Cases per page of a queue, decisions per page of the journal.
pub const QUEUE_PAGE: i64 = 30;
pub const JOURNAL_PAGE: i64 = 50;
const EXCERPT_CHARS: usize = 280;

fn excerpt(text: &str) -> String {
    let mut out: String = text.chars().take(EXCERPT_CHARS).collect();
    if text.chars().count() > EXCERPT_CHARS {
        out.push('…');
    }
    out
}

/// The report form: the item, if this person may report it.
pub async fn report_target(state: &AppState, subject: &Subject, kind: ItemKind, key: &str) -> Result<ReportTarget, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut tx = state.db.begin_read().await?;
    let id = crate::server::services::moderation::item_id(&mut tx, kind, key).await?.ok_or(AppError::NotFound)?;
    let item = locate(&mut tx, subject, me, kind, id).await?.ok_or(AppError::NotFound)?;
    if !rules::can_report(subject, item.concerned) {
        return Err(AppError::Forbidden);
    }
    let already = store::moderation::reported_by(&mut tx, kind, id, me).await?;
    tx.rollback().await?;
    Ok(ReportTarget { kind, key: key.to_string(), excerpt: excerpt(&item.text), link: item.link, already })
}

fn label_of(kind: &str, row: Option<&ScopeRow>) -> ScopeLabel {
    match row {
        Some(r) => ScopeLabel { key: scope_key(&r.kind, &r.slug), kind: r.kind.clone(), name: r.name.clone() },
        None => ScopeLabel { key: "national".into(), kind: kind.into(), name: String::new() },
    }
}

/// A scope from its address, with what the rules need: (scope, label, section's federation,
/// viewer administers the group, viewer is a member of the group).
struct Resolved {
    scope: ModerationScope,
    label: ScopeLabel,
    group_admin: bool,
    group_member: bool,
}

async fn resolve(state: &AppState, subject: &Subject, key: &str) -> Result<Resolved, AppError> {
    let (kind, slug) = parse_scope_key(key).ok_or(AppError::NotFound)?;
    if kind == "national" {
        return Ok(Resolved {
            scope: ModerationScope::National,
            label: label_of("national", None),
            group_admin: false,
            group_member: false,
        });
    }
    let viewer = subject.id().unwrap_or(crate::model::ids::UserId(0));
    let row = store::moderation::scope_by_key(&state.db, kind, slug, viewer).await?.ok_or(AppError::NotFound)?;
    let scope = ModerationScope::from_db(&row.kind, &row.code).ok_or(AppError::NotFound)?;
    let role = row.viewer_role.clone();
    Ok(Resolved {
        scope,
        label: label_of(kind, Some(&row)),
        group_admin: role.as_deref() == Some("admin"),
        group_member: matches!(role.as_deref(), Some("admin" | "member")),
    })
}

/// The queues this person moderates, with how many cases wait in each.
pub async fn my_queues(state: &AppState, subject: &Subject) -> Result<MyQueues, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut bundle = Bundle::new();
    let scopes = bundle.add::<NamedScope>(store::moderation::moderated_scopes_part(me));
    let counts = bundle.add::<OpenCount>(store::moderation::open_counts_part(me));
    let lists = bundle.run(&state.db).await?;
    let counts = lists.take(counts)?;
    let queues = lists
        .take(scopes)?
        .into_iter()
        .map(|s| {
            let n = counts.iter().find(|c| c.scope_kind == s.kind && c.scope_code == s.code).map_or(0, |c| c.n);
            (ScopeLabel { key: scope_key(&s.kind, &s.slug), kind: s.kind, name: s.name }, n)
        })
        .collect();
    Ok(MyQueues { queues })
}

/// A scope's queue: open cases (oldest first, never those about the viewer) and appeals waiting.
pub async fn queue(state: &AppState, subject: &Subject, key: &str, after: Option<(i64, i64)>) -> Result<QueuePage, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let r = resolve(state, subject, key).await?;
    if !rules::can_see_queue(subject, &r.scope, r.group_admin) {
        return Err(AppError::NotFound);
    }
    let mut bundle = Bundle::new();
    let cases = bundle.add::<QueueRow>(store::moderation::queue_part(&r.scope, me, after, QUEUE_PAGE + 1));
    let appeals = bundle.add::<AppealRow>(store::moderation::appeals_part(&r.scope, me, QUEUE_PAGE));
    let lists = bundle.run(&state.db).await?;
    let mut rows = lists.take(cases)?;
    let next = (rows.len() as i64 > QUEUE_PAGE).then(|| {
        rows.truncate(QUEUE_PAGE as usize);
        rows.last().map(|r| (r.opened_at, r.id))
    });
    let items = rows
        .into_iter()
        .map(|c| QueueItem {
            case_id: c.id,
            item_kind: c.item_kind,
            excerpt: excerpt(&c.snapshot),
            report_count: c.report_count,
            opened_ms: c.opened_at,
            auto_hidden: c.auto_hidden_at.is_some(),
            appeal_of: None,
        })
        .collect();
    let appeals = lists
        .take(appeals)?
        .into_iter()
        .map(|a| AppealItem { decision_id: a.decision_id, item_kind: a.item_kind, kind: a.kind, appealed_ms: a.created_at })
        .collect();
    Ok(QueuePage { scope: r.label, items, next: next.flatten(), appeals })
}

fn line(row: DecisionLineRow, scope_name: &str) -> DecisionLine {
    DecisionLine {
        id: row.id,
        kind: row.kind,
        item_kind: row.item_kind,
        rule: row.rule,
        decided_ms: row.decided_at,
        ends_ms: row.ends_at,
        scope_name: scope_name.to_string(),
        suspended_handle: row.suspended_handle,
        appeal_of: row.appeal_of,
    }
}

/// A case, for the moderators of its scope.
pub async fn case(state: &AppState, subject: &Subject, case_id: i64) -> Result<CaseView, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let mut first = Bundle::new();
    let detail = first.add::<store::moderation::CaseDetail>(store::moderation::case_part(case_id, me));
    let lists = first.run(&state.db).await?;
    let case = lists.take(detail)?.into_iter().next().ok_or(AppError::NotFound)?;
    let scope = ModerationScope::from_db(&case.scope_kind, &case.scope_code).ok_or(AppError::NotFound)?;
    if !rules::moderates(subject, &scope, case.viewer_group_admin) {
        return Err(AppError::NotFound);
    }
    let mut bundle = Bundle::new();
    let label = bundle.add::<store::moderation::NamedScope>(store::moderation::scope_label_part(&scope));
    let categories = bundle.add::<CategoryCount>(store::moderation::categories_part(case.id));
    let explanations = bundle.add::<Explanation>(store::moderation::explanations_part(case.id, 20));
    let history = bundle.add::<DecisionLineRow>(store::moderation::history_part(case.concerned_id, &scope, 20));
    let decisions = bundle.add::<DecisionLineRow>(store::moderation::case_decisions_part(case.id));
    let lists = bundle.run(&state.db).await?;
    let label = lists.take(label)?.into_iter().next().map_or_else(
        || ScopeLabel { key: "national".into(), kind: "national".into(), name: String::new() },
        |s| ScopeLabel { key: scope_key(&s.kind, &s.slug), kind: s.kind, name: s.name },
    );
    let decisions: Vec<DecisionLine> = lists.take(decisions)?.into_iter().map(|d| line(d, &label.name)).collect();
    let history = lists
        .take(history)?
        .into_iter()
        .filter(|d| d.appeal_of.is_none())
        .map(|d| line(d, &label.name))
        .filter(|d| !decisions.contains(d))
        .collect();
    let open = case.status == "open";
    let decidable = open && rules::can_decide(subject, &scope, case.viewer_group_admin, case.concerned_id);
    Ok(CaseView {
        id: case.id,
        item_kind: case.item_kind,
        available: if decidable { DecisionKind::available(case.item_kind, &scope) } else { Vec::new() },
        scope: label,
        open,
        snapshot: case.snapshot,
        context_link: case.context_link,
        concerned_handle: case.concerned_handle,
        concerned_name: case.concerned_name,
        auto_hidden: case.auto_hidden_at.is_some(),
        opened_ms: case.opened_at,
        by_category: lists.take(categories)?.into_iter().map(|c| (c.category, c.n)).collect(),
        explanations: lists.take(explanations)?.into_iter().map(|e| e.explanation).collect(),
        history,
        decisions,
    })
}

/// A decision's page: for the person concerned (reason, appeal), the moderators of its scope and
/// those of the scope its appeal goes to (who answer it). One statement after the session.
pub async fn decision(state: &AppState, subject: &Subject, id: i64) -> Result<DecisionView, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let row = store::moderation::decision_page(&state.db, id, me).await?.ok_or(AppError::NotFound)?;
    let d = &row.decision;
    let (scope, above) = scopes_of(&row)?;
    let group_admin = row.viewer_group_role.as_deref() == Some("admin");
    let moderates_scope = rules::moderates(subject, &scope, group_admin);
    let moderates_above = above.as_ref().is_some_and(|a| rules::moderates(subject, a, false));
    if !rules::can_see_decision(subject, d.concerned_id, moderates_scope, moderates_above) {
        return Err(AppError::NotFound);
    }
    let appealed = d.appealed_at.is_some();
    let can_decide_appeal = appealed
        && d.outcome_id.is_none()
        && above.as_ref().is_some_and(|a| rules::can_decide_appeal(subject, a, d.decided_by, d.concerned_id));
    let can_appeal = d.appeal_of.is_none() && rules::can_appeal(subject, d.concerned_id, d.kind, appealed);
    Ok(view_of(row, scope, above, me, can_appeal, can_decide_appeal))
}

/// A suspension as its person reads it through the link of its e-mail (they cannot sign in): the
/// link names them; the page is their latest suspension, with the appeal form while it is due.
pub async fn suspension_by_link(state: &AppState, token: &str) -> Result<DecisionView, AppError> {
    let now = crate::server::now_ms();
    let hash = crate::server::auth::session_token::hash(token);
    let (user, id) = store::moderation::suspension_of_link(&state.db, &hash, now).await?.ok_or(AppError::NotFound)?;
    let row = store::moderation::decision_page(&state.db, id, user).await?.ok_or(AppError::NotFound)?;
    let d = &row.decision;
    let can_appeal = rules::can_appeal_by_link(user, d.concerned_id, d.kind, d.appealed_at.is_some());
    let (scope, above) = scopes_of(&row)?;
    Ok(view_of(row, scope, above, user, can_appeal, false))
}

/// A decision's scope, and the scope its appeal goes (or went) to: a section's federation, the
/// national team for the rest; none for an appeal's answer.
fn scopes_of(row: &DecisionPageRow) -> Result<(ModerationScope, Option<ModerationScope>), AppError> {
    let d = &row.decision;
    let scope = ModerationScope::from_db(&d.scope_kind, &d.scope_code).ok_or(AppError::NotFound)?;
    let above = match (&d.appeal_scope_kind, &d.appeal_scope_code) {
        (Some(k), Some(c)) => ModerationScope::from_db(k, c),
        _ => d.appeal_of.is_none().then(|| rules::scope_above(&scope, row.section_federation.as_deref())),
    };
    Ok((scope, above))
}

fn view_of(
    row: DecisionPageRow,
    scope: ModerationScope,
    above: Option<ModerationScope>,
    me: crate::model::ids::UserId,
    can_appeal: bool,
    can_decide_appeal: bool,
) -> DecisionView {
    let d = &row.decision;
    let label = ScopeLabel {
        key: scope_key(scope.kind(), row.scope_slug.as_deref().unwrap_or_default()),
        kind: scope.kind().to_string(),
        name: row.scope_name.clone().unwrap_or_default(),
    };
    // The scope above is a section's federation, or the national team.
    let appeal_scope = above.as_ref().map(|a| match a {
        ModerationScope::Federation(code) => ScopeLabel {
            key: scope_key("federation", code),
            kind: "federation".into(),
            name: if row.section_federation.as_deref() == Some(code.as_str()) {
                row.section_federation_name.clone().unwrap_or_default()
            } else {
                row.scope_name.clone().unwrap_or_default()
            },
        },
        _ => label_of("national", None),
    });
    let appeal = d.appeal_text.clone().zip(d.appealed_at).map(|(text, at)| AppealView {
        text,
        appealed_ms: at,
        outcome_reason: row.outcome_reason.clone(),
        outcome: row.outcome_kind.zip(d.outcome_id).zip(row.outcome_at).map(|((kind, outcome_id), decided_ms)| DecisionLine {
            id: outcome_id,
            kind,
            item_kind: d.item_kind,
            rule: row.outcome_rule.clone().unwrap_or_default(),
            decided_ms,
            ends_ms: None,
            scope_name: appeal_scope.as_ref().map(|s| s.name.clone()).unwrap_or_default(),
            suspended_handle: None,
            appeal_of: Some(d.id),
        }),
    });
    let d = row.decision;
    DecisionView {
        id: d.id,
        kind: d.kind,
        item_kind: d.item_kind,
        rule: d.rule,
        reason: d.reason,
        decided_ms: d.decided_at,
        ends_ms: d.ends_at,
        scope: label,
        snapshot: d.snapshot,
        context_link: d.context_link,
        appeal,
        can_appeal,
        can_decide_appeal,
        appeal_scope,
        viewer_is_concerned: d.concerned_id == Some(me),
    }
}

/// A scope's journal and statistics, for its members (the national one: everyone).
pub async fn journal(state: &AppState, subject: &Subject, key: &str, before: Option<i64>) -> Result<JournalPage, AppError> {
    let r = resolve(state, subject, key).await?;
    let member = match &r.scope {
        ModerationScope::National => true,
        ModerationScope::Section(id) => subject.belongs_to_section(crate::model::ids::SectionId(*id)),
        ModerationScope::Federation(code) => subject.is_active() && subject.belonging.federation_code.as_deref() == Some(code.as_str()),
        ModerationScope::Group(_) => r.group_member,
    };
    if !rules::can_read_journal(subject, &r.scope, member, r.group_admin) {
        return Err(if subject.id().is_none() { AppError::NotAuthenticated } else { AppError::NotFound });
    }
    let mut bundle = Bundle::new();
    let entries = bundle.add::<DecisionLineRow>(store::moderation::journal_part(&r.scope, before, JOURNAL_PAGE + 1));
    let stats = bundle.add::<StatsRow>(store::moderation::stats_part(&r.scope));
    let kinds = bundle.add::<KindCount>(store::moderation::kinds_part(&r.scope));
    let waits = bundle.add::<Wait>(store::moderation::waits_part(&r.scope));
    let lists = bundle.run(&state.db).await?;
    let mut rows = lists.take(entries)?;
    let next_before = (rows.len() as i64 > JOURNAL_PAGE).then(|| {
        rows.truncate(JOURNAL_PAGE as usize);
        rows.last().map(|r| r.id)
    });
    let mut waits: Vec<i64> = lists.take(waits)?.into_iter().map(|w| w.waited_ms).collect();
    waits.sort_unstable();
    let stats_row = lists.take(stats)?.into_iter().next();
    let stats = ScopeStats {
        reports_received: stats_row.as_ref().map_or(0, |s| s.reports),
        open_cases: stats_row.map_or(0, |s| s.open_cases),
        median_decision_ms: (!waits.is_empty()).then(|| waits[waits.len() / 2]),
        by_kind: lists.take(kinds)?.into_iter().map(|k| (k.kind, k.n)).collect(),
    };
    let name = r.label.name.clone();
    Ok(JournalPage {
        entries: rows.into_iter().map(|d| line(d, &name)).collect(),
        next_before: next_before.flatten(),
        stats,
        scope: r.label,
    })
}

/// The charter page: whether the viewer has accepted the version in force.
pub async fn charter(state: &AppState, subject: &Subject) -> Result<CharterView, AppError> {
    let Some(me) = subject.id() else {
        return Ok(CharterView { version: CHARTER_VERSION.to_string(), due: false, accepted_ms: None });
    };
    let accepted = store::consents::accepted_at(&state.db, me, store::consents::PURPOSE_CHARTER, CHARTER_VERSION).await?;
    Ok(CharterView { version: CHARTER_VERSION.to_string(), due: accepted.is_none(), accepted_ms: accepted })
}
