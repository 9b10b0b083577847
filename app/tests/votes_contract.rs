//! Votes (issue 20) on both databases: the electorate fixed at opening, who votes and who sees,
//! the secret ballot (both schemas inspected: nothing can link a ballot to a person), one ballot
//! per person under concurrent attempts, bad input refused with nothing recorded, the count at
//! closing published on the feed and recomputed by anyone from the published ballots.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use app::error::AppError;
use app::i18n::paris_datetime_input;
use app::model::announcements::TeamScope;
use app::model::feed::NotificationKind;
use app::model::form::{FieldError, RawForm};
use app::model::ids::UserId;
use app::model::votes::{tally, VoteKind, VoteResult, VoteStatus};
use app::on_both_backends;
use app::server::context::{AppState, RateLimits};
use app::server::db::Db;
use app::server::policy::Subject;
use app::server::services::{action_views, actions, notifications, reports, votes};
use app::server::testing::{self, field_error, scalar, TestDb};
use app::server::{now_ms, store};

struct World {
    state: AppState,
    secretary: Subject,
    /// Lille's confirmed adhérents besides the secretary.
    voters: Vec<Subject>,
    /// Lille's sympathisant, and an adhérent whose claim is not confirmed yet.
    sympathisant: Subject,
    unconfirmed: UserId,
    /// A confirmed adhérent of Roubaix.
    elsewhere: Subject,
}

async fn world(t: &TestDb, voters: usize) -> World {
    let state = t.state(RateLimits::default());
    let lille = testing::section(&t.db, "lille", "59", &["59350"]).await;
    testing::section(&t.db, "roubaix", "59", &["59512"]).await;
    let secretary = testing::person(&t.db, "sophie", "59350", "adherent", "confirmed").await;
    let mut ids = Vec::new();
    for i in 0..voters {
        ids.push(testing::person(&t.db, &format!("votant{i}"), "59350", "adherent", "confirmed").await);
    }
    let sympathisant = testing::person(&t.db, "sacha", "59350", "sympathisant", "none").await;
    let unconfirmed = testing::person(&t.db, "ugo", "59350", "adherent", "pending").await;
    let elsewhere = testing::person(&t.db, "remi", "59512", "adherent", "confirmed").await;
    let mut tx = t.db.begin().await.unwrap();
    store::roles::grant(&mut tx, secretary, "section_secretary", "section", &lille.to_string(), None, now_ms()).await.unwrap();
    tx.commit().await.unwrap();
    let mut subjects = Vec::new();
    for id in ids {
        subjects.push(testing::subject(&t.db, id).await);
    }
    World {
        secretary: testing::subject(&t.db, secretary).await,
        voters: subjects,
        sympathisant: testing::subject(&t.db, sympathisant).await,
        unconfirmed,
        elsewhere: testing::subject(&t.db, elsewhere).await,
        state,
    }
}

fn lille() -> TeamScope {
    TeamScope::Section("lille".into())
}

/// A vote form closing in a day (`extra` replaces or adds fields).
fn vote_form(kind: &str, options: &str, extra: &[(&str, &str)]) -> RawForm {
    let closes = paris_datetime_input(now_ms() + 86_400_000);
    let mut pairs: Vec<(&str, &str)> =
        vec![("title", "Quel marché samedi ?"), ("kind", kind), ("options", options), ("closes_at", &closes)];
    for (k, v) in extra {
        pairs.retain(|(key, _)| key != k);
        pairs.push((k, v));
    }
    RawForm::of(&pairs)
}

fn ballot(pairs: &[(&str, &str)]) -> RawForm {
    RawForm::of(pairs)
}

/// Moves a vote's closing into the past (the forms refuse it): what the clock would do.
async fn close_by_the_clock(db: &Db, vote: i64) {
    let mut tx = db.begin().await.unwrap();
    app::on_tx!(&mut tx, c => sqlx::query("UPDATE votes SET opens_at = opens_at - 172800000, closes_at = $1 WHERE id = $2").bind(now_ms() - 1000).bind(vote).execute(c).await.map(|r| r.rows_affected())).unwrap();
    tx.commit().await.unwrap();
}

async fn the_electorate_is_fixed_at_opening(t: &TestDb) {
    let w = world(t, 2).await;
    let state = &w.state;
    // Refused before the form is read: a voter cannot open one.
    assert_eq!(votes::open(state, &w.voters[0], &lille(), &vote_form("oui_non", "", &[])).await, Err(AppError::Forbidden));
    let id = votes::open(state, &w.secretary, &lille(), &vote_form("oui_non", "", &[])).await.unwrap();
    let view = votes::read(state, &w.voters[0], id).await.unwrap();
    // Sophie and the two voters: not the sympathisant, not Ugo (unconfirmed), not Roubaix.
    assert_eq!((view.electorate, view.participation, view.status, view.elector), (3, 0, VoteStatus::Open, true));
    // The electors are told (not the author, not the sympathisant).
    let told = |who: UserId| async move {
        notifications::latest(state, who, 10)
            .await
            .unwrap()
            .into_iter()
            .filter(|n| n.kind == NotificationKind::VoteOpened)
            .map(|n| n.link)
            .collect::<Vec<_>>()
    };
    assert_eq!(told(w.voters[1].id().unwrap()).await, vec![format!("/votes/{id}")]);
    assert!(told(w.secretary.id().unwrap()).await.is_empty() && told(w.sympathisant.id().unwrap()).await.is_empty());
    // Ugo is confirmed after the opening: he reads the vote, he does not vote.
    let mut tx = t.db.begin().await.unwrap();
    app::on_tx!(&mut tx, c => sqlx::query("UPDATE users SET membership_status = 'confirmed' WHERE id = $1").bind(w.unconfirmed).execute(c).await.map(|r| r.rows_affected())).unwrap();
    tx.commit().await.unwrap();
    let ugo = testing::subject(&t.db, w.unconfirmed).await;
    assert!(!votes::read(state, &ugo, id).await.unwrap().elector);
    let yes = ballot(&[("reponse", "oui")]);
    assert_eq!(votes::cast(state, &ugo, id, &yes).await, Err(AppError::Forbidden));
    assert_eq!(votes::cast(state, &w.sympathisant, id, &yes).await, Err(AppError::Forbidden));
    // Roubaix neither sees nor votes (the answer a missing vote gets).
    assert_eq!(votes::read(state, &w.elsewhere, id).await.map(|v| v.id), Err(AppError::NotFound));
    assert_eq!(votes::cast(state, &w.elsewhere, id, &yes).await, Err(AppError::NotFound));
    assert_eq!(votes::read(state, &Subject::anonymous(), id).await.map(|v| v.id), Err(AppError::NotAuthenticated));
    // The electors vote once each.
    let receipt = votes::cast(state, &w.voters[0], id, &yes).await.unwrap();
    assert_eq!(receipt.len(), 19);
    assert_eq!(field_error(votes::cast(state, &w.voters[0], id, &ballot(&[("reponse", "non")])).await, "vote"), FieldError::AlreadyVoted);
    let view = votes::read(state, &w.voters[1], id).await.unwrap();
    assert_eq!((view.participation, view.voted, view.result), (1, false, None));
    assert!(votes::read(state, &w.voters[0], id).await.unwrap().voted);
    // The scope's list shows it, with the electorate a new vote would have now (Ugo included).
    let page = votes::page(state, &w.secretary, &lille(), None, None).await.unwrap();
    assert_eq!((page.votes.len(), page.may_open, page.electorate_now), (1, true, Some(4)));
    assert_eq!(votes::page(state, &w.elsewhere, &lille(), None, None).await.map(|p| p.votes.len()), Err(AppError::Forbidden));
}

/// The schemas themselves: a ballot holds its vote, a random id and a choice; a participation
/// its vote and a person; no time, no sequence, no shared insertion order.
async fn the_ballot_is_secret_by_schema(t: &TestDb) {
    let columns = |table: &'static str| async move {
        let sql = match &t.db {
            Db::Sqlite { .. } => format!("SELECT name FROM pragma_table_info('{table}') ORDER BY name"),
            Db::Postgres(_) => format!(
                "SELECT CAST(column_name AS TEXT) FROM information_schema.columns WHERE table_name = '{table}' ORDER BY column_name"
            ),
        };
        app::on_pool!(t.db.read(), p => sqlx::query_scalar::<_, String>(&sql).fetch_all(p).await).unwrap()
    };
    assert_eq!(columns("vote_ballots").await, vec!["choice", "id", "vote_id"]);
    assert_eq!(columns("vote_participations").await, vec!["user_id", "vote_id"]);
    // The only column the two share is the vote.
    let shared: BTreeSet<String> = columns("vote_ballots").await.into_iter().filter(|c| c != "vote_id").collect();
    assert!(columns("vote_participations").await.iter().all(|c| !shared.contains(c)));
    match &t.db {
        // No rowid (the order rows were written in): both tables are WITHOUT ROWID.
        Db::Sqlite { .. } => {
            for table in ["vote_ballots", "vote_participations"] {
                let sql = format!("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{table}'");
                let ddl: String = app::on_pool!(t.db.read(), p => sqlx::query_scalar(&sql).fetch_one(p).await).unwrap();
                assert!(ddl.contains("WITHOUT ROWID"), "{table}: {ddl}");
            }
        }
        // No identity, no sequence default.
        Db::Postgres(_) => {
            let n = scalar(
                &t.db,
                "SELECT CAST(COUNT(*) AS BIGINT) FROM information_schema.columns WHERE table_name IN ('vote_ballots', 'vote_participations') \
                 AND (is_identity = 'YES' OR column_default IS NOT NULL)",
            )
            .await;
            assert_eq!(n, 0);
        }
    }

    // What is written: ballots whose ids are random, and — after counting — on PostgreSQL, no
    // transaction id shared between a ballot and a participation.
    let w = world(t, 4).await;
    let id = votes::open(&w.state, &w.secretary, &lille(), &vote_form("un_choix", "Wazemmes\nVieux-Lille", &[])).await.unwrap();
    let mut receipts = Vec::new();
    for (i, voter) in w.voters.iter().enumerate() {
        let choice = if i % 2 == 0 { "1" } else { "2" };
        receipts.push(votes::cast(&w.state, voter, id, &ballot(&[("choix", choice)])).await.unwrap());
    }
    if let Db::Postgres(_) = &t.db {
        let linked = "SELECT CAST(COUNT(*) AS BIGINT) FROM vote_ballots b JOIN vote_participations p ON p.vote_id = b.vote_id \
                      AND CAST(CAST(p.xmin AS TEXT) AS BIGINT) = CAST(CAST(b.xmin AS TEXT) AS BIGINT)";
        // While open, the transaction ids still pair them (the residual risk ARCHITECTURE names)…
        assert_eq!(scalar(&t.db, linked).await, 4);
        close_by_the_clock(&t.db, id).await;
        assert!(votes::count(&w.state, id).await.unwrap());
        // …and no more once counted.
        assert_eq!(scalar(&t.db, linked).await, 0);
        assert_eq!(scalar(&t.db, "SELECT CAST(COUNT(DISTINCT CAST(CAST(xmin AS TEXT) AS BIGINT)) AS BIGINT) FROM vote_ballots").await, 1);
    } else {
        close_by_the_clock(&t.db, id).await;
        assert!(votes::count(&w.state, id).await.unwrap());
    }
    // The ballots come in the order of their ids, which is no order at all.
    let (_, csv) = votes::ballots_csv(&w.state, &w.voters[0], id).await.unwrap();
    let published: Vec<&str> = csv.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect();
    let mut sorted = receipts.clone();
    sorted.sort();
    assert_eq!(published, sorted.iter().map(String::as_str).collect::<Vec<_>>());
}

/// Many attempts at once: one ballot per person, whatever the interleaving; every other voter's
/// ballot kept; as many ballots as participations.
async fn one_ballot_per_person_under_concurrent_attempts(t: &TestDb) {
    let w = world(t, 8).await;
    let id = votes::open(&w.state, &w.secretary, &lille(), &vote_form("oui_non", "", &[])).await.unwrap();
    let mut tasks = Vec::new();
    // The first voter tries 12 times at once; the seven others once each, at the same time.
    for attempt in 0..12 {
        let (state, voter) = (w.state.clone(), w.voters[0].clone());
        let answer = if attempt % 2 == 0 { "oui" } else { "non" };
        tasks.push(tokio::spawn(async move { votes::cast(&state, &voter, id, &ballot(&[("reponse", answer)])).await }));
    }
    for voter in &w.voters[1..] {
        let (state, voter) = (w.state.clone(), voter.clone());
        tasks.push(tokio::spawn(async move { votes::cast(&state, &voter, id, &ballot(&[("reponse", "abstention")])).await }));
    }
    let mut kept = 0;
    let mut refused = 0;
    for (i, task) in tasks.into_iter().enumerate() {
        match task.await.unwrap() {
            Ok(_) => kept += 1,
            Err(AppError::Validation(e)) if i < 12 && e.get("vote") == Some(&FieldError::AlreadyVoted) => refused += 1,
            other => panic!("attempt {i}: {other:?}"),
        }
    }
    assert_eq!((kept, refused), (8, 11));
    assert_eq!(scalar(&t.db, &format!("SELECT CAST(COUNT(*) AS BIGINT) FROM vote_participations WHERE vote_id = {id}")).await, 8);
    assert_eq!(scalar(&t.db, &format!("SELECT CAST(COUNT(*) AS BIGINT) FROM vote_ballots WHERE vote_id = {id}")).await, 8);
}

async fn bad_input_is_refused_and_nothing_recorded(t: &TestDb) {
    let w = world(t, 2).await;
    let s = &w.state;
    let refused = |form: RawForm, field: &'static str| {
        let secretary = w.secretary.clone();
        async move { field_error(votes::open(s, &secretary, &lille(), &form).await, field) }
    };
    assert_eq!(refused(vote_form("un_choix", "Wazemmes", &[]), "options").await, FieldError::TooFewOptions { min: 2 });
    let opens = paris_datetime_input(now_ms() + 3 * 86_400_000);
    assert_eq!(refused(vote_form("un_choix", "A\nB", &[("opens_at", &opens)]), "closes_at").await, FieldError::ClosesBeforeOpens);
    assert_eq!(refused(vote_form("sondage", "A\nB", &[]), "kind").await, FieldError::InvalidChoice);
    assert_eq!(scalar(&t.db, "SELECT CAST(COUNT(*) AS BIGINT) FROM votes").await, 0);
    // Each vote tells the whole electorate: a team opens a bounded number a week.
    for _ in 0..votes::VOTES_PER_WEEK {
        votes::open(s, &w.secretary, &lille(), &vote_form("oui_non", "", &[])).await.unwrap();
    }
    let limited = votes::open(s, &w.secretary, &lille(), &vote_form("oui_non", "", &[])).await;
    assert_eq!(field_error(limited, "kind"), FieldError::VoteLimitReached { max: votes::VOTES_PER_WEEK });
    let mut tx = t.db.begin().await.unwrap();
    app::on_tx!(&mut tx, c => sqlx::query("DELETE FROM votes").execute(c).await.map(|r| r.rows_affected())).unwrap();
    tx.commit().await.unwrap();

    let id = votes::open(s, &w.secretary, &lille(), &vote_form("jugement_majoritaire", "Wazemmes\nVieux-Lille", &[])).await.unwrap();
    let voter = &w.voters[0];
    let grade = field_error(votes::cast(s, voter, id, &ballot(&[("note-1", "9"), ("note-2", "3")])).await, "note-1");
    assert_eq!(grade, FieldError::GradeOutsideScale);
    assert_eq!(field_error(votes::cast(s, voter, id, &ballot(&[("note-1", "3")])).await, "note-2"), FieldError::GradeRequired);
    // Nothing recorded: the voter may still vote.
    assert!(!votes::read(s, voter, id).await.unwrap().voted);
    votes::cast(s, voter, id, &ballot(&[("note-1", "6"), ("note-2", "2")])).await.unwrap();
    assert_eq!(
        field_error(votes::cast(s, voter, id, &ballot(&[("note-1", "0"), ("note-2", "0")])).await, "vote"),
        FieldError::AlreadyVoted
    );
    // Closing early before everyone voted is refused; after the closing time, a ballot is too.
    assert_eq!(field_error(votes::close_early(s, &w.secretary, id).await, "vote"), FieldError::NotEveryoneVoted { left: 2 });
    close_by_the_clock(&t.db, id).await;
    let late = votes::cast(s, &w.voters[1], id, &ballot(&[("note-1", "0"), ("note-2", "0")])).await;
    assert_eq!(field_error(late, "vote"), FieldError::VoteClosed);
    assert_eq!(scalar(&t.db, &format!("SELECT CAST(COUNT(*) AS BIGINT) FROM vote_ballots WHERE vote_id = {id}")).await, 1);
}

/// Three electors grade two options; the result stays hidden until closing, is then counted,
/// published on the section's feed, and anyone of the electorate recounts it from the CSV.
async fn the_result_comes_at_closing_and_anyone_recounts_it(t: &TestDb) {
    let w = world(t, 2).await;
    let s = &w.state;
    let id = votes::open(s, &w.secretary, &lille(), &vote_form("jugement_majoritaire", "Wazemmes\nVieux-Lille", &[("quorum", "50")]))
        .await
        .unwrap();
    let grades = [("6", "4"), ("4", "4"), ("4", "1")];
    let voters = [&w.secretary, &w.voters[0], &w.voters[1]];
    let mut receipts = Vec::new();
    for (voter, (a, b)) in voters.iter().zip(grades) {
        receipts.push(votes::cast(s, voter, id, &ballot(&[("note-1", a), ("note-2", b)])).await.unwrap());
    }
    // Open: no result, no ballots, for anyone.
    assert_eq!(votes::read(s, &w.secretary, id).await.unwrap().result, None);
    assert_eq!(field_error(votes::ballots_csv(s, &w.voters[0], id).await, "vote"), FieldError::VoteNotCounted);
    // Everyone voted: the team may close now; a voter may not.
    assert!(votes::read(s, &w.secretary, id).await.unwrap().may_close_early);
    assert_eq!(votes::close_early(s, &w.voters[0], id).await, Err(AppError::Forbidden));
    votes::close_early(s, &w.secretary, id).await.unwrap();
    let view = votes::read(s, &w.voters[0], id).await.unwrap();
    assert_eq!(view.status, VoteStatus::Closed { counted: true });
    let Some(VoteResult::MajorityJudgment { majority_grades, ranks, .. }) = view.result.clone() else { panic!("{:?}", view.result) };
    assert_eq!((majority_grades, ranks), (vec![Some(4), Some(4)], vec![0, 1]));
    assert_eq!(view.result.as_ref().unwrap().winners(), vec![0]);
    // Counted once: the job finds nothing more to do.
    assert!(!votes::count(s, id).await.unwrap());
    assert_eq!(votes::count_due(s).await.unwrap(), 0);
    // Published on Lille's feed, by the vote's author.
    let post = view.result_post.expect("a publication");
    let body: String =
        app::on_pool!(t.db.read(), p => sqlx::query_scalar("SELECT body FROM posts WHERE id = $1 AND audience = 'section'").bind(post).fetch_one(p).await).unwrap();
    assert!(body.contains("En tête\u{a0}: «\u{202f}Wazemmes\u{202f}»") && body.contains("3 bulletins sur 3 inscrit·es"), "{body}");
    // The ballots: each receipt once, and the count made again from them alone is the same.
    let (name, csv) = votes::ballots_csv(s, &w.voters[1], id).await.unwrap();
    assert_eq!(name, format!("coopol-vote-{id}-bulletins.csv"));
    let rows: Vec<(&str, &str)> = csv.lines().skip(1).map(|l| l.split_once(',').unwrap()).collect();
    let mut mine: Vec<&str> = receipts.iter().map(String::as_str).collect();
    mine.sort();
    assert_eq!(rows.iter().map(|(r, _)| *r).collect::<Vec<_>>(), mine);
    let recount = tally(VoteKind::MajorityJudgment, 2, 1, rows.iter().map(|(_, choice)| *choice));
    assert_eq!(Some(recount), view.result);
    // The sympathisant sees the result, not the ballots; Roubaix neither.
    assert!(votes::read(s, &w.sympathisant, id).await.unwrap().result.is_some());
    assert_eq!(votes::ballots_csv(s, &w.sympathisant, id).await.map(|(n, _)| n), Err(AppError::Forbidden));
    assert_eq!(votes::ballots_csv(s, &w.elsewhere, id).await.map(|(n, _)| n), Err(AppError::NotFound));
}

/// From decision to action: the team organises the adopted decision (the form starts from it),
/// the action says which vote decided it, and the vote lists the action with its compte-rendu.
async fn a_counted_vote_becomes_an_action_and_its_report(t: &TestDb) {
    let w = world(t, 2).await;
    let s = &w.state;
    let id = votes::open(s, &w.secretary, &lille(), &vote_form("oui_non", "", &[])).await.unwrap();
    for voter in [&w.secretary, &w.voters[0], &w.voters[1]] {
        votes::cast(s, voter, id, &ballot(&[("reponse", "oui")])).await.unwrap();
    }
    // Not counted yet: nothing to carry out.
    assert_eq!(
        field_error(action_views::form_view(s, &w.secretary, None, Some(app::model::action::DecidedFrom::Vote(id, None))).await, "vote"),
        FieldError::VoteNotCounted
    );
    votes::close_early(s, &w.secretary, id).await.unwrap();
    let view = votes::read(s, &w.secretary, id).await.unwrap();
    assert!(view.may_decide && view.decided.is_empty());
    assert!(!votes::read(s, &w.voters[0], id).await.unwrap().may_decide);
    // The form starts from the decision; a voter outside the team may not start from it.
    let form = action_views::form_view(s, &w.secretary, None, Some(app::model::action::DecidedFrom::Vote(id, None))).await.unwrap();
    assert_eq!(form.decision.as_ref().map(|d| d.id), Some(id));
    assert!(form.values.contains(&("title".to_string(), "Quel marché samedi ?".to_string())));
    assert!(form.values.contains(&("vote".to_string(), id.to_string())));
    assert_eq!(
        action_views::form_view(s, &w.voters[0], None, Some(app::model::action::DecidedFrom::Vote(id, None))).await.map(|f| f.title),
        Err(AppError::Forbidden)
    );
    // A voter proposing an action "from" the vote is refused on that field, nothing written.
    let proposal = actions::create(s, &w.voters[0], &action_form(&[("vote", &id.to_string())])).await;
    assert_eq!(field_error(proposal, "vote"), FieldError::InvalidChoice);
    let action = actions::create(s, &w.secretary, &action_form(&[("vote", &id.to_string())])).await.unwrap();
    let seen = action_views::view(s, &w.voters[0], action).await.unwrap();
    assert_eq!(seen.decided_by.map(|d| (d.path(), d.title)), Some((format!("/votes/{id}"), "Quel marché samedi ?".to_string())));
    // Its compte-rendu, once the action is past, shows on the vote's page.
    testing::move_action(&t.db, action, now_ms() - 2 * 86_400_000, now_ms() - 86_400_000).await;
    let report =
        ballot(&[("cle", "cle-0000000000000042"), ("tracts", "250"), ("present", "3"), ("doors_knocked", "40"), ("doors_opened", "12")]);
    assert_eq!(reports::submit(s, &w.secretary, action, &report, &[]).await, Ok(true));
    let decided = votes::read(s, &w.sympathisant, id).await.unwrap().decided;
    assert_eq!(decided.len(), 1);
    assert_eq!(
        (decided[0].action.id, decided[0].report.as_ref().map(|r| (r.tracts, r.present, r.doors_knocked))),
        (action.get(), Some((250, 3, 40)))
    );
}

/// A complete action form for tomorrow (`extra` added).
fn action_form(extra: &[(&str, &str)]) -> RawForm {
    let start = paris_datetime_input(now_ms() + 86_400_000);
    let end = paris_datetime_input(now_ms() + 86_400_000 + 7_200_000);
    let mut pairs: Vec<(&str, &str)> = vec![
        ("kind", "tractage"),
        ("title", "Tractage au marché"),
        ("place_name", "Marché de Wazemmes"),
        ("commune", "Lille"),
        ("audience", "public"),
        ("starts_at", &start),
        ("ends_at", &end),
    ];
    pairs.extend_from_slice(extra);
    RawForm::of(&pairs)
}

on_both_backends!(
    a_counted_vote_becomes_an_action_and_its_report,
    the_electorate_is_fixed_at_opening,
    the_ballot_is_secret_by_schema,
    one_ballot_per_person_under_concurrent_attempts,
    bad_input_is_refused_and_nothing_recorded,
    the_result_comes_at_closing_and_anyone_recounts_it,
);
