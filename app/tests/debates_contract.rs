//! Débats (issue 20) on both databases: who opens, proposes, reads and takes part; contributions
//! with stances, replies, one support per person, pins and both orders; propositions selected,
//! merged, put to a vote whose decision becomes an action whose compte-rendu the debate's page
//! shows; bad input refused with nothing recorded; the live events (ids only) of a debate and of
//! a vote's participation.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use app::error::AppError;
use app::i18n::paris_datetime_input;
use app::model::action::{DecidedFrom, DecisionSource};
use app::model::debates::{DebateScope, DebateSort, DebateStatus, Stance};
use app::model::form::{FieldError, RawForm};
use app::on_both_backends;
use app::server::context::{AppState, RateLimits};
use app::server::policy::Subject;
use app::server::services::{action_views, actions, debates, reports, votes};
use app::server::testing::{self, field_error, scalar, TestDb};
use app::server::{now_ms, store};

struct World {
    state: AppState,
    secretary: Subject,
    adherents: Vec<Subject>,
    sympathisant: Subject,
    /// A confirmed adhérent of Roubaix.
    elsewhere: Subject,
}

async fn world(t: &TestDb) -> World {
    let state = t.state(RateLimits::default());
    let lille = testing::section(&t.db, "lille", "59", &["59350"]).await;
    testing::section(&t.db, "roubaix", "59", &["59512"]).await;
    let secretary = testing::person(&t.db, "sophie", "59350", "adherent", "confirmed").await;
    let mut adherents = Vec::new();
    for name in ["amina", "bruno", "chloe"] {
        let id = testing::person(&t.db, name, "59350", "adherent", "confirmed").await;
        adherents.push(testing::subject(&t.db, id).await);
    }
    let sympathisant = testing::person(&t.db, "sacha", "59350", "sympathisant", "none").await;
    let elsewhere = testing::person(&t.db, "remi", "59512", "adherent", "confirmed").await;
    let mut tx = t.db.begin().await.unwrap();
    store::roles::grant(&mut tx, secretary, "section_secretary", "section", &lille.to_string(), None, now_ms()).await.unwrap();
    tx.commit().await.unwrap();
    World {
        secretary: testing::subject(&t.db, secretary).await,
        adherents,
        sympathisant: testing::subject(&t.db, sympathisant).await,
        elsewhere: testing::subject(&t.db, elsewhere).await,
        state,
    }
}

fn lille() -> DebateScope {
    DebateScope::Section("lille".into())
}

/// A debate form closing in a week (`extra` replaces or adds fields).
fn debate_form(extra: &[(&str, &str)]) -> RawForm {
    let closes = paris_datetime_input(now_ms() + 7 * 86_400_000);
    let mut pairs: Vec<(&str, &str)> = vec![
        ("title", "Notre programme pour les municipales"),
        ("description", "Quelles priorités pour Lille en 2026 ?"),
        ("audience", "scope"),
        ("closes_at", &closes),
    ];
    for (k, v) in extra {
        pairs.retain(|(key, _)| key != k);
        pairs.push((k, v));
    }
    RawForm::of(&pairs)
}

async fn the_team_opens_adherents_propose_the_scope_takes_part(t: &TestDb) {
    let w = world(t).await;
    let s = &w.state;
    // Refused before the form is read: a sympathisant neither opens nor proposes one.
    assert_eq!(debates::open(s, &w.sympathisant, &lille(), &RawForm::default()).await, Err(AppError::Forbidden));
    assert_eq!(debates::open(s, &w.elsewhere, &lille(), &debate_form(&[])).await, Err(AppError::Forbidden));
    let id = debates::open(s, &w.secretary, &lille(), &debate_form(&[])).await.unwrap();
    let seen = debates::read(s, &w.sympathisant, id, DebateSort::Supports, None).await.unwrap();
    assert_eq!((seen.status, seen.may_take_part, seen.may_organize), (DebateStatus::Open, true, false));
    // Members only: Roubaix and visitors get what a missing debate gets.
    assert_eq!(debates::read(s, &w.elsewhere, id, DebateSort::Date, None).await.map(|d| d.id), Err(AppError::NotFound));
    assert_eq!(debates::read(s, &Subject::anonymous(), id, DebateSort::Date, None).await.map(|d| d.id), Err(AppError::NotAuthenticated));
    assert_eq!(
        debates::read(s, &Subject::anonymous(), 999_999, DebateSort::Date, None).await.map(|d| d.id),
        Err(AppError::NotAuthenticated)
    );
    let word = RawForm::of(&[("stance", "pour"), ("body", "Des cantines bio")]);
    assert_eq!(debates::contribute(s, &w.elsewhere, id, &word).await, Err(AppError::NotFound));
    // A public one is read by anyone, taken part in by the section only.
    let public = debates::open(s, &w.secretary, &lille(), &debate_form(&[("audience", "public"), ("title", "Le tram")])).await.unwrap();
    assert!(debates::read(s, &Subject::anonymous(), public, DebateSort::Date, None).await.is_ok());
    assert!(!debates::read(s, &w.elsewhere, public, DebateSort::Date, None).await.unwrap().may_take_part);
    assert_eq!(debates::contribute(s, &w.elsewhere, public, &word).await, Err(AppError::Forbidden));
    let listed = debates::listed_page(s, &w.elsewhere, None).await.unwrap();
    assert_eq!(listed.debates.iter().map(|d| d.id).collect::<Vec<_>>(), vec![public]);
    // An adhérent proposes: pending, seen by its author and the team only, until approved.
    let proposed = debates::open(s, &w.adherents[0], &lille(), &debate_form(&[("title", "Le marché du dimanche")])).await.unwrap();
    let pending = debates::read(s, &w.adherents[0], proposed, DebateSort::Date, None).await.unwrap();
    assert_eq!((pending.status, pending.may_take_part), (DebateStatus::Pending, false));
    assert_eq!(debates::read(s, &w.adherents[1], proposed, DebateSort::Date, None).await.map(|d| d.id), Err(AppError::NotFound));
    assert_eq!(debates::contribute(s, &w.adherents[0], proposed, &word).await, Err(AppError::Forbidden));
    assert_eq!(debates::approve(s, &w.adherents[0], proposed).await, Err(AppError::Forbidden));
    let scope = debates::scope_page(s, &w.adherents[1], &lille(), None).await.unwrap();
    assert!(!scope.debates.iter().any(|d| d.id == proposed) && scope.may_propose && !scope.may_open);
    debates::approve(s, &w.secretary, proposed).await.unwrap();
    assert_eq!(debates::read(s, &w.adherents[1], proposed, DebateSort::Date, None).await.unwrap().status, DebateStatus::Open);
}

async fn contributions_replies_supports_and_pins(t: &TestDb) {
    let w = world(t).await;
    let s = &w.state;
    let id = debates::open(s, &w.secretary, &lille(), &debate_form(&[])).await.unwrap();
    let say = |stance: &str, body: &str| RawForm::of(&[("stance", stance), ("body", body)]);
    let first = debates::contribute(s, &w.adherents[0], id, &say("pour", "Des cantines bio et locales")).await.unwrap();
    let second = debates::contribute(s, &w.adherents[1], id, &say("contre", "Le budget ne suit pas")).await.unwrap();
    let third = debates::contribute(s, &w.sympathisant, id, &say("nuance", "Commençons par deux écoles")).await.unwrap();
    let reply =
        debates::contribute(s, &w.adherents[2], id, &RawForm::of(&[("parent", &first.to_string()), ("body", "D’accord !")])).await.unwrap();
    // One level of replies; a reply to another debate's contribution is refused.
    let deeper = RawForm::of(&[("parent", &reply.to_string()), ("body", "Moi aussi")]);
    assert_eq!(field_error(debates::contribute(s, &w.adherents[1], id, &deeper).await, "body"), FieldError::InvalidChoice);
    // Bad input: a French message, nothing written.
    assert_eq!(
        field_error(debates::contribute(s, &w.adherents[0], id, &say("", "Sans position")).await, "stance"),
        FieldError::ChoiceRequired
    );
    assert_eq!(
        field_error(debates::contribute(s, &w.adherents[0], id, &say("peut-etre", "x y")).await, "stance"),
        FieldError::InvalidChoice
    );
    assert_eq!(field_error(debates::contribute(s, &w.adherents[0], id, &say("pour", " ")).await, "body"), FieldError::Required);
    assert_eq!(scalar(&t.db, "SELECT CAST(COUNT(*) AS BIGINT) FROM debate_contributions").await, 4);
    // "+1": once per person (a second one takes it back), and the order follows.
    for who in [&w.adherents[0], &w.adherents[2], &w.sympathisant] {
        debates::support_contribution(s, who, id, third).await.unwrap();
    }
    debates::support_contribution(s, &w.adherents[1], id, second).await.unwrap();
    debates::support_contribution(s, &w.adherents[1], id, second).await.unwrap();
    debates::support_contribution(s, &w.adherents[1], id, first).await.unwrap();
    let view = debates::read(s, &w.adherents[0], id, DebateSort::Supports, None).await.unwrap();
    let order: Vec<(i64, i64)> = view.contributions.iter().map(|c| (c.id, c.supports)).collect();
    assert_eq!(order, vec![(third, 3), (first, 1), (second, 0)]);
    assert!(view.contributions[0].supported && !view.contributions[1].supported);
    assert_eq!(view.contributions[1].replies.iter().map(|r| r.id).collect::<Vec<_>>(), vec![reply]);
    assert_eq!(view.contributions.iter().map(|c| c.stance).collect::<Vec<_>>(), vec![Stance::Nuance, Stance::Pour, Stance::Contre]);
    // Supports of a contribution of another debate: missing.
    let other = debates::open(s, &w.secretary, &lille(), &debate_form(&[("title", "Autre débat")])).await.unwrap();
    assert_eq!(debates::support_contribution(s, &w.adherents[0], other, first).await, Err(AppError::NotFound));
    // The team pins; the pinned one comes first in both orders. Members may not pin.
    assert_eq!(debates::pin(s, &w.adherents[0], id, second).await, Err(AppError::Forbidden));
    debates::pin(s, &w.secretary, id, second).await.unwrap();
    let by_date = debates::read(s, &w.adherents[0], id, DebateSort::Date, None).await.unwrap();
    assert_eq!(by_date.contributions.iter().map(|c| c.id).collect::<Vec<_>>(), vec![second, first, third]);
    assert!(by_date.contributions[0].pinned);
    // The synthèse closes it: nothing more can be written.
    assert_eq!(
        field_error(debates::synthesize(s, &w.secretary, id, &RawForm::of(&[("synthesis", "court")])).await, "synthesis"),
        FieldError::TooShort { min: 10 }
    );
    debates::synthesize(s, &w.secretary, id, &RawForm::of(&[("synthesis", "Les cantines bio d’abord, dans deux écoles.")])).await.unwrap();
    let closed = debates::read(s, &w.adherents[0], id, DebateSort::Date, None).await.unwrap();
    assert_eq!(closed.status, DebateStatus::Closed);
    assert!(closed.synthesis.unwrap().as_str().contains("cantines bio"));
    assert_eq!(
        field_error(debates::contribute(s, &w.adherents[0], id, &say("pour", "Encore un mot")).await, "body"),
        FieldError::DebateClosed
    );
    assert_eq!(field_error(debates::support_contribution(s, &w.adherents[0], id, first).await, "debate"), FieldError::DebateClosed);

    // A closed debate becomes an action without a vote: its team starts the form from it (an open
    // debate cannot), the action says what decided it, the debate lists the action.
    let from = |debate| Some(DecidedFrom::Debate(debate, None));
    assert_eq!(field_error(action_views::form_view(s, &w.secretary, None, from(other)).await, "debat"), FieldError::DebateNotClosed);
    assert_eq!(action_views::form_view(s, &w.adherents[0], None, from(id)).await.map(|f| f.title), Err(AppError::Forbidden));
    let form = action_views::form_view(s, &w.secretary, None, from(id)).await.unwrap();
    assert!(form.values.contains(&("title".to_string(), "Notre programme pour les municipales".to_string())));
    let start = paris_datetime_input(now_ms() + 86_400_000);
    let end = paris_datetime_input(now_ms() + 86_400_000 + 7_200_000);
    let mut fields = vec![
        ("kind", "porte_a_porte"),
        ("title", "Porte-à-porte cantines"),
        ("place_name", "École Jules-Ferry"),
        ("commune", "Lille"),
        ("audience", "public"),
        ("starts_at", start.as_str()),
        ("ends_at", end.as_str()),
    ];
    let other_id = other.to_string();
    fields.push(("debat", other_id.as_str()));
    assert_eq!(field_error(actions::create(s, &w.secretary, &RawForm::of(&fields)).await, "debat"), FieldError::InvalidChoice);
    fields.pop();
    let id_text = id.to_string();
    fields.push(("debat", id_text.as_str()));
    let action = actions::create(s, &w.secretary, &RawForm::of(&fields)).await.unwrap();
    let seen = action_views::view(s, &w.adherents[1], action).await.unwrap().decided_by.unwrap();
    assert_eq!((seen.source, seen.path()), (DecisionSource::Debate, format!("/debats/{id}")));
    let thread = debates::read(s, &w.sympathisant, id, DebateSort::Date, None).await.unwrap();
    assert_eq!(thread.decided.iter().map(|d| d.action.id).collect::<Vec<_>>(), vec![action.get()]);
}

/// Debate → propositions → vote → action → compte-rendu, on the debate's page.
async fn propositions_go_to_a_vote_then_to_the_field(t: &TestDb) {
    let w = world(t).await;
    let s = &w.state;
    let id = debates::open(s, &w.secretary, &lille(), &debate_form(&[("title", "Où tracter samedi ?")])).await.unwrap();
    let propose = |title: &str| RawForm::of(&[("proposal_title", title), ("proposal_body", "Beaucoup de monde le samedi matin.")]);
    let wazemmes = debates::propose(s, &w.adherents[0], id, &propose("Marché de Wazemmes")).await.unwrap();
    let fives = debates::propose(s, &w.adherents[1], id, &propose("Place de Fives")).await.unwrap();
    let twice = debates::propose(s, &w.adherents[2], id, &propose("Wazemmes, le marché")).await.unwrap();
    assert_eq!(field_error(debates::propose(s, &w.adherents[0], id, &propose("")).await, "proposal_title"), FieldError::Required);
    debates::support_proposal(s, &w.adherents[1], id, wazemmes).await.unwrap();
    // The team merges the duplicate and selects two; members may not.
    assert_eq!(debates::select(s, &w.adherents[0], id, wazemmes).await, Err(AppError::Forbidden));
    assert_eq!(
        field_error(debates::merge(s, &w.secretary, id, twice, &RawForm::of(&[("into", &twice.to_string())])).await, "into"),
        FieldError::MergeIntoItself
    );
    debates::merge(s, &w.secretary, id, twice, &RawForm::of(&[("into", &wazemmes.to_string())])).await.unwrap();
    // A merged one cannot be kept by another merge.
    assert_eq!(
        field_error(debates::merge(s, &w.secretary, id, fives, &RawForm::of(&[("into", &twice.to_string())])).await, "into"),
        FieldError::InvalidChoice
    );
    // Too few selected: the vote cannot come from the debate.
    let closes = paris_datetime_input(now_ms() + 86_400_000);
    let vote_form = RawForm::of(&[
        ("title", "Où tracter samedi ?"),
        ("kind", "jugement_majoritaire"),
        ("options", "Marché de Wazemmes\nPlace de Fives"),
        ("closes_at", &closes),
        ("debate", &id.to_string()),
    ]);
    let team = app::model::announcements::TeamScope::Section("lille".into());
    assert_eq!(field_error(votes::open(s, &w.secretary, &team, &vote_form).await, "debate"), FieldError::TooFewSelected);
    debates::select(s, &w.secretary, id, wazemmes).await.unwrap();
    debates::select(s, &w.secretary, id, fives).await.unwrap();
    let view = debates::read(s, &w.secretary, id, DebateSort::Supports, None).await.unwrap();
    assert_eq!(view.selected().map(|p| p.title.clone()).collect::<Vec<_>>(), vec!["Marché de Wazemmes", "Place de Fives"]);
    let merged = view.proposals.iter().find(|p| p.id == twice).unwrap();
    assert_eq!(merged.merged_into, Some((wazemmes, "Marché de Wazemmes".to_string())));
    // The votes page pre-fills from the debate for its team only.
    let page = votes::page(s, &w.secretary, &team, None, Some(id)).await.unwrap();
    let prefill = page.from_debate.unwrap();
    assert_eq!((prefill.title.as_str(), prefill.options.len()), ("Où tracter samedi ?", 2));
    assert!(votes::page(s, &w.adherents[0], &team, None, Some(id)).await.unwrap().from_debate.is_none());
    let vote = votes::open(s, &w.secretary, &team, &vote_form).await.unwrap();
    // Three adhérents (and the secretary) vote; the sympathisant cannot.
    let grades = RawForm::of(&[("note-1", "5"), ("note-2", "2")]);
    for voter in [&w.secretary, &w.adherents[0], &w.adherents[1], &w.adherents[2]] {
        votes::cast(s, voter, vote, &grades).await.unwrap();
    }
    assert_eq!(votes::cast(s, &w.sympathisant, vote, &grades).await, Err(AppError::Forbidden));
    votes::close_early(s, &w.secretary, vote).await.unwrap();
    let thread = debates::read(s, &w.sympathisant, id, DebateSort::Supports, None).await.unwrap();
    assert_eq!(thread.votes.len(), 1);
    assert_eq!(thread.votes[0].winners, vec!["Marché de Wazemmes".to_string()]);
    // The winner becomes a tractage; its compte-rendu shows on the debate's page.
    let start = paris_datetime_input(now_ms() + 86_400_000);
    let end = paris_datetime_input(now_ms() + 86_400_000 + 7_200_000);
    let action_form = RawForm::of(&[
        ("kind", "tractage"),
        ("title", "Marché de Wazemmes"),
        ("place_name", "Marché de Wazemmes"),
        ("commune", "Lille"),
        ("audience", "public"),
        ("starts_at", &start),
        ("ends_at", &end),
        ("vote", &vote.to_string()),
    ]);
    let action = actions::create(s, &w.secretary, &action_form).await.unwrap();
    testing::move_action(&t.db, action, now_ms() - 2 * 86_400_000, now_ms() - 86_400_000).await;
    let report = RawForm::of(&[("cle", "cle-0000000000000043"), ("tracts", "320"), ("present", "4")]);
    assert_eq!(reports::submit(s, &w.secretary, action, &report, &[]).await, Ok(true));
    let thread = debates::read(s, &w.adherents[2], id, DebateSort::Supports, None).await.unwrap();
    assert_eq!(
        thread.decided.iter().map(|d| (d.action.id, d.report.as_ref().map(|r| (r.present, r.tracts)))).collect::<Vec<_>>(),
        vec![(action.get(), Some((4, 320)))]
    );
}

/// Live: a change of a debate announces its id only; a ballot announces its vote's id only, in
/// an event written apart from the ballot.
async fn live_events_carry_ids_only(t: &TestDb) {
    let w = world(t).await;
    let s = &w.state;
    let mut rx = s.bus.subscribe();
    let id = debates::open(s, &w.secretary, &lille(), &debate_form(&[])).await.unwrap();
    debates::contribute(s, &w.adherents[0], id, &RawForm::of(&[("stance", "pour"), ("body", "Oui !")])).await.unwrap();
    let event = rx.recv().await.unwrap();
    assert_eq!((event.kind.as_str(), event.debate_id, event.user_id, event.post_id), ("debate_changed", Some(id), None, None));
    let team = app::model::announcements::TeamScope::Section("lille".into());
    let closes = paris_datetime_input(now_ms() + 86_400_000);
    let vote = votes::open(s, &w.secretary, &team, &RawForm::of(&[("title", "On y va ?"), ("kind", "oui_non"), ("closes_at", &closes)]))
        .await
        .unwrap();
    votes::cast(s, &w.adherents[1], vote, &RawForm::of(&[("reponse", "oui")])).await.unwrap();
    // The opening's notifications come first (relayed later on PostgreSQL).
    let event = loop {
        let event = rx.recv().await.unwrap();
        if event.kind != "notification" {
            break event;
        }
    };
    assert_eq!((event.kind.as_str(), event.vote_id, event.user_id), ("ballot_cast", Some(vote), None));
    // Streams follow what their person may see.
    assert!(debates::may_follow(s, &w.sympathisant, id).await && !debates::may_follow(s, &w.elsewhere, id).await);
    assert!(votes::may_follow(s, &w.sympathisant, vote).await && !votes::may_follow(s, &w.elsewhere, vote).await);
}

on_both_backends!(
    the_team_opens_adherents_propose_the_scope_takes_part,
    contributions_replies_supports_and_pins,
    propositions_go_to_a_vote_then_to_the_field,
    live_events_carry_ids_only,
);
