//! Moderation with due process, on both databases: a report goes to the queue of the scope that
//! owns the content (and above when the person concerned moderates it), one per person; a
//! decision cites the charter and a reason, is applied, told to the person concerned (in the app
//! and by e-mail) and to the reporters; one appeal goes to the scope above, answered by someone
//! else, and undoes the decision when it succeeds; journals and statistics per scope; restrictions
//! silence a person in a scope and end by themselves; many reports hold the content.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use app::error::AppError;
use app::model::feed::{FeedKey, NotificationKind};
use app::model::form::{FieldError, RawForm};
use app::model::ids::{PostId, SectionId, UserId};
use app::model::moderation::{DecisionKind, ItemKind};
use app::on_both_backends;
use app::on_tx;
use app::server::context::{AppState, Limit, RateLimits};
use app::server::policy::Subject;
use app::server::services::{feed, moderation, moderation_views, notifications, posts};
use app::server::testing::{self, TestDb};
use app::server::{now_ms, store};

fn form(pairs: &[(&str, &str)]) -> RawForm {
    RawForm::of(pairs)
}

fn limits() -> RateLimits {
    let many = Limit { max: 10_000, window_secs: 600 };
    RateLimits { posting_per_account: many, reports_per_account: many, ..RateLimits::default() }
}

async fn subject(state: &AppState, id: UserId) -> Subject {
    testing::subject(&state.db, id).await
}

async fn grant(t: &TestDb, who: UserId, role: &str, kind: &str, code: &str) {
    let mut tx = t.db.begin().await.unwrap();
    store::roles::grant(&mut tx, who, role, kind, code, None, now_ms()).await.unwrap();
    tx.commit().await.unwrap();
}

struct People {
    lille: SectionId,
    alice: UserId,   // Lille, adhérente: the author
    sam: UserId,     // Lille, sympathisant: the reporter
    sophie: UserId,  // Lille's secretary (moderates the section)
    olivier: UserId, // Roubaix's secretary (another section's queue)
    fanny: UserId,   // the Nord federation's premier·e secrétaire (the scope above)
    remi: UserId,    // Roubaix, adhérent (Nord, not Lille)
}

async fn people(t: &TestDb) -> People {
    let lille = testing::section(&t.db, "lille", "59", &["59350"]).await;
    let roubaix = testing::section(&t.db, "roubaix", "59", &["59512"]).await;
    let p = People {
        lille,
        alice: testing::person(&t.db, "alice", "59350", "adherent", "confirmed").await,
        sam: testing::person(&t.db, "sam", "59350", "sympathisant", "none").await,
        sophie: testing::person(&t.db, "sophie", "59350", "adherent", "confirmed").await,
        olivier: testing::person(&t.db, "olivier", "59512", "adherent", "confirmed").await,
        fanny: testing::person(&t.db, "fanny", "59350", "adherent", "confirmed").await,
        remi: testing::person(&t.db, "remi", "59512", "adherent", "confirmed").await,
    };
    grant(t, p.sophie, "section_secretary", "section", &lille.get().to_string()).await;
    grant(t, p.olivier, "section_secretary", "section", &roubaix.get().to_string()).await;
    grant(t, p.fanny, "federation_first_secretary", "federation", "59").await;
    p
}

async fn publish(state: &AppState, author: UserId, audience: &str, body: &str) -> PostId {
    posts::publish(state, &subject(state, author).await, &form(&[("body", body), ("audience_group", audience)])).await.expect("publish")
}

async fn kinds_told(state: &AppState, who: UserId) -> Vec<NotificationKind> {
    notifications::latest(state, who, 50).await.unwrap().into_iter().map(|n| n.kind).collect()
}

async fn report(state: &AppState, who: UserId, kind: ItemKind, key: &str, category: &str) -> Result<bool, AppError> {
    moderation::report(state, &subject(state, who).await, kind, key, &form(&[("category", category), ("explanation", "Propos blessants")]))
        .await
}

async fn a_report_is_decided_explained_appealed_and_logged(t: &TestDb) {
    let state = t.state(limits());
    let p = people(t).await;
    let post = publish(&state, p.sophie, "section|", "Réunion de section jeudi").await;
    let comment = posts::comment(&state, &subject(&state, p.alice).await, post, &form(&[("comment", "Espèce d’incapable")])).await.unwrap();
    let key = comment.get().to_string();

    // One report per person per item; never one's own; never what one does not see.
    assert_eq!(report(&state, p.alice, ItemKind::Comment, &key, "harassment").await, Err(AppError::Forbidden), "not about oneself");
    assert_eq!(
        report(&state, p.remi, ItemKind::Comment, &key, "harassment").await,
        Err(AppError::NotFound),
        "a section's comment, from elsewhere"
    );
    let missing = report(&state, p.sam, ItemKind::Comment, &key, "").await.unwrap_err();
    assert!(matches!(&missing, AppError::Validation(e) if e.get("category") == Some(&FieldError::ChoiceRequired)), "{missing:?}");
    assert_eq!(report(&state, p.sam, ItemKind::Comment, &key, "harassment").await, Ok(true));
    assert_eq!(report(&state, p.sam, ItemKind::Comment, &key, "hate").await, Ok(false), "once per person");

    // The section's queue, and nobody else's.
    let sophie = subject(&state, p.sophie).await;
    let queue = moderation_views::queue(&state, &sophie, "section-lille", None).await.unwrap();
    assert_eq!(queue.items.len(), 1);
    let case_id = queue.items[0].case_id;
    assert_eq!((queue.items[0].item_kind, queue.items[0].report_count), (ItemKind::Comment, 1));
    let olivier = subject(&state, p.olivier).await;
    assert_eq!(moderation_views::queue(&state, &olivier, "section-lille", None).await.map(|_| ()), Err(AppError::NotFound));
    assert_eq!(moderation_views::case(&state, &olivier, case_id).await.map(|_| ()), Err(AppError::NotFound));
    assert_eq!(
        moderation_views::queue(&state, &subject(&state, p.sam).await, "section-lille", None).await.map(|_| ()),
        Err(AppError::NotFound)
    );
    let case = moderation_views::case(&state, &sophie, case_id).await.unwrap();
    assert_eq!(case.snapshot, "Espèce d’incapable");
    assert_eq!(case.by_category, vec![(app::model::moderation::ReportCategory::Harassment, 1)]);
    assert!(case.available.contains(&DecisionKind::Hide) && !case.available.contains(&DecisionKind::Suspend));
    // The snapshot survives an edit? Comments are not edited; the reporter's explanation is there, unnamed.
    assert_eq!(case.explanations, vec!["Propos blessants".to_string()]);

    // A decision names an article and a reason.
    let no_rule =
        moderation::decide(&state, &sophie, case_id, &form(&[("decision", "hide"), ("reason", "Insulte envers une camarade")])).await;
    assert!(matches!(&no_rule, Err(AppError::Validation(e)) if e.get("rule") == Some(&FieldError::ChoiceRequired)), "{no_rule:?}");
    let hide = form(&[("decision", "hide"), ("rule", "1"), ("reason", "Insulte envers une camarade")]);
    assert_eq!(moderation::decide(&state, &olivier, case_id, &hide).await, Err(AppError::NotFound));
    let decision = moderation::decide(&state, &sophie, case_id, &hide).await.unwrap();
    let again = moderation::decide(&state, &sophie, case_id, &hide).await;
    assert!(matches!(&again, Err(AppError::Validation(e)) if e.get("decision") == Some(&FieldError::AlreadyDecided)), "{again:?}");

    // Others see "masqué par la modération" with the rule; the author sees why.
    let for_sam = feed::post_page(&state, &subject(&state, p.sam).await, post).await.unwrap();
    let c = for_sam.comments.iter().find(|c| c.id == comment.get()).unwrap();
    assert!(c.hidden && c.html.as_str().is_empty() && c.hidden_reason.is_none() && c.hidden_rule.as_deref() == Some("1"), "{c:?}");
    let for_alice = feed::post_page(&state, &subject(&state, p.alice).await, post).await.unwrap();
    let c = for_alice.comments.iter().find(|c| c.id == comment.get()).unwrap();
    assert!(c.html.as_str().contains("incapable") && c.hidden_reason.as_deref().is_some_and(|r| r.contains("Insulte envers une camarade")));

    // Told: the author (in the app and by e-mail, with the rule, the reason, the appeal), the reporter.
    assert!(kinds_told(&state, p.alice).await.contains(&NotificationKind::ModerationDecision));
    assert!(kinds_told(&state, p.sam).await.contains(&NotificationKind::ReportHandled));
    let mail = testing::outbox(&t.db).await.into_iter().find(|m| m.kind == "moderation_decision").expect("a mail to the author");
    assert!(
        mail.to_address == "alice@example.fr"
            && mail.body_text.contains("article 1")
            && mail.body_text.contains("Insulte envers une camarade")
    );
    assert!(mail.body_text.contains(&format!("/moderation/decisions/{decision}")), "{}", mail.body_text);
    assert!(moderation_views::queue(&state, &sophie, "section-lille", None).await.unwrap().items.is_empty());
    let alice = subject(&state, p.alice).await;
    let view = moderation_views::decision(&state, &alice, decision).await.unwrap();
    assert!(view.viewer_is_concerned && view.can_appeal && view.reason == "Insulte envers une camarade");
    assert_eq!(moderation_views::decision(&state, &subject(&state, p.remi).await, decision).await.map(|_| ()), Err(AppError::NotFound));

    // One appeal, to the federation, answered by someone who did not decide first.
    let short = moderation::appeal(&state, &alice, decision, &form(&[("appeal", "non")])).await;
    assert!(matches!(&short, Err(AppError::Validation(e)) if e.get("appeal").is_some()));
    moderation::appeal(&state, &alice, decision, &form(&[("appeal", "C’était une citation ironique, pas une insulte.")])).await.unwrap();
    let twice = moderation::appeal(&state, &alice, decision, &form(&[("appeal", "Je fais appel une seconde fois.")])).await;
    assert_eq!(twice, Err(AppError::Forbidden));
    let answer = form(&[("outcome", "overturn"), ("reason", "Citation reconnue, pas d’insulte")]);
    assert_eq!(moderation::decide_appeal(&state, &sophie, decision, &answer).await, Err(AppError::NotFound), "not the scope above");
    let fanny = subject(&state, p.fanny).await;
    let fed_queue = moderation_views::queue(&state, &fanny, "federation-59", None).await.unwrap();
    assert_eq!(fed_queue.appeals.iter().map(|a| a.decision_id).collect::<Vec<_>>(), vec![decision]);
    assert!(moderation_views::decision(&state, &fanny, decision).await.unwrap().can_decide_appeal);
    moderation::decide_appeal(&state, &fanny, decision, &answer).await.unwrap();
    let for_sam = feed::post_page(&state, &subject(&state, p.sam).await, post).await.unwrap();
    assert!(!for_sam.comments.iter().find(|c| c.id == comment.get()).unwrap().hidden, "restored on appeal");
    assert!(kinds_told(&state, p.alice).await.contains(&NotificationKind::AppealDecided));
    assert_eq!(kinds_told(&state, p.sam).await.iter().filter(|k| **k == NotificationKind::ReportHandled).count(), 2, "told at each step");

    // Journals: each scope its decisions; its members read it; no content, no reporter.
    let sam = subject(&state, p.sam).await;
    let section_log = moderation_views::journal(&state, &sam, "section-lille", None).await.unwrap();
    assert_eq!(section_log.entries.iter().map(|e| (e.kind, e.rule.as_str())).collect::<Vec<_>>(), vec![(DecisionKind::Hide, "1")]);
    assert_eq!((section_log.stats.reports_received, section_log.stats.open_cases), (1, 0));
    assert!(section_log.stats.median_decision_ms.is_some());
    assert!(section_log.entries.iter().all(|e| e.suspended_handle.is_none()));
    let log_json = serde_json::to_string(&section_log).unwrap();
    assert!(!log_json.contains("incapable") && !log_json.contains("sam") && !log_json.contains("Propos"), "{log_json}");
    let remi = subject(&state, p.remi).await;
    assert_eq!(moderation_views::journal(&state, &remi, "section-lille", None).await.map(|_| ()), Err(AppError::NotFound));
    let fed_log = moderation_views::journal(&state, &remi, "federation-59", None).await.unwrap();
    assert_eq!(fed_log.entries.iter().map(|e| e.kind).collect::<Vec<_>>(), vec![DecisionKind::Overturn]);
    assert!(moderation_views::journal(&state, &Subject::anonymous(), "national", None).await.is_ok());
    assert_eq!(
        moderation_views::journal(&state, &Subject::anonymous(), "section-lille", None).await.map(|_| ()),
        Err(AppError::NotAuthenticated)
    );
    let _ = p.lille;
}

async fn moderators_never_judge_themselves_and_restrictions_silence(t: &TestDb) {
    let state = t.state(limits());
    let p = people(t).await;
    let post = publish(&state, p.sophie, "section|", "MARQUE-SOPHIE").await;
    assert_eq!(report(&state, p.sam, ItemKind::Post, &post.get().to_string(), "misinformation").await, Ok(true));
    let sophie = subject(&state, p.sophie).await;
    assert!(moderation_views::queue(&state, &sophie, "section-lille", None).await.unwrap().items.is_empty(), "not in her own queue");
    let fanny = subject(&state, p.fanny).await;
    let queue = moderation_views::queue(&state, &fanny, "federation-59", None).await.unwrap();
    assert_eq!(queue.items.len(), 1, "raised to the scope above");
    let case_id = queue.items[0].case_id;
    assert_eq!(moderation_views::case(&state, &sophie, case_id).await.map(|_| ()), Err(AppError::NotFound));

    // A restriction in the federation: she can neither publish nor comment there, her
    // publication disappears for others (feeds, its page), she still reads and sees hers.
    let restrict = form(&[("decision", "restrict"), ("rule", "5"), ("reason", "Fausses informations répétées"), ("days", "7")]);
    let no_days =
        moderation::decide(&state, &fanny, case_id, &form(&[("decision", "restrict"), ("rule", "5"), ("reason", "Fausses informations")]))
            .await;
    assert!(matches!(&no_days, Err(AppError::Validation(e)) if e.get("days") == Some(&FieldError::Required)));
    moderation::decide(&state, &fanny, case_id, &restrict).await.unwrap();
    let sophie = subject(&state, p.sophie).await;
    let refused = posts::publish(&state, &sophie, &form(&[("body", "Encore"), ("audience_group", "section|")])).await;
    assert_eq!(refused.map(|_| ()), Err(AppError::Forbidden));
    let other = publish(&state, p.alice, "section|", "Une autre publication").await;
    assert_eq!(posts::comment(&state, &sophie, other, &form(&[("comment", "Un commentaire")])).await.map(|_| ()), Err(AppError::Forbidden));
    let sam = subject(&state, p.sam).await;
    assert_eq!(feed::post_page(&state, &sam, post).await.map(|_| ()), Err(AppError::NotFound));
    let section_feed = feed::feed_page(&state, &sam, FeedKey::Section("lille".into()), None, app::i18n::Lang::Fr).await.unwrap();
    assert!(section_feed.posts.iter().all(|x| x.id != post.get()), "gone from the section's feed");
    assert!(feed::post_page(&state, &sophie, post).await.is_ok(), "she still sees what she wrote");
    // Public speech is not the federation's scope.
    publish(&state, p.sophie, "public|", "Ailleurs, publiquement").await;

    // The restriction ends by itself.
    let mut tx = t.db.begin().await.unwrap();
    on_tx!(&mut tx, c => sqlx::query("UPDATE moderation_restrictions SET ends_at = 1").execute(c).await.map(|_| ())).unwrap();
    tx.commit().await.unwrap();
    assert_eq!(moderation::end_due_sanctions(&state).await.unwrap(), 1);
    assert!(feed::post_page(&state, &sam, post).await.is_ok(), "back after its end");
    publish(&state, p.sophie, "section|", "De retour").await;
}

async fn many_reports_hold_the_content_and_new_accounts_report_less(t: &TestDb) {
    let mut state = t.state(limits());
    let mut settings = (*state.settings).clone();
    settings.moderation.auto_hide_reporters = 2;
    state.settings = std::sync::Arc::new(settings);
    let p = people(t).await;
    let post = publish(&state, p.alice, "public|", "Venez tous chez moi, 12 rue des Lilas").await;
    let key = post.get().to_string();
    assert_eq!(report(&state, p.sam, ItemKind::Post, &key, "personal_data").await, Ok(true));
    assert!(feed::post_page(&state, &subject(&state, p.remi).await, post).await.is_ok(), "one report holds nothing");
    assert_eq!(report(&state, p.remi, ItemKind::Post, &key, "personal_data").await, Ok(true));
    assert_eq!(feed::post_page(&state, &subject(&state, p.remi).await, post).await.map(|_| ()), Err(AppError::NotFound), "held");
    assert!(kinds_told(&state, p.alice).await.contains(&NotificationKind::ContentHeld));
    // Public content: the national team decides. A dismissal (or any decision but hiding) shows
    // it again, and says so.
    let admin = testing::person(&t.db, "nadia", "75056", "adherent", "confirmed").await;
    grant(t, admin, "national_admin", "national", "").await;
    let nadia = subject(&state, admin).await;
    let queue = moderation_views::queue(&state, &nadia, "national", None).await.unwrap();
    assert!(queue.items[0].auto_hidden && queue.items[0].report_count == 2);
    moderation::decide(
        &state,
        &nadia,
        queue.items[0].case_id,
        &form(&[("decision", "dismiss"), ("rule", "3"), ("reason", "Adresse d’un lieu public")]),
    )
    .await
    .unwrap();
    assert!(feed::post_page(&state, &subject(&state, p.remi).await, post).await.is_ok());
    assert!(kinds_told(&state, p.alice).await.contains(&NotificationKind::ModerationDecision));

    let second = publish(&state, p.alice, "public|", "Mon numéro : 06 00 00 00 00").await;
    for who in [p.sam, p.remi] {
        report(&state, who, ItemKind::Post, &second.get().to_string(), "personal_data").await.unwrap();
    }
    assert_eq!(feed::post_page(&state, &subject(&state, p.remi).await, second).await.map(|_| ()), Err(AppError::NotFound), "held");
    let held = moderation_views::queue(&state, &nadia, "national", None).await.unwrap().items[0].case_id;
    moderation::decide(&state, &nadia, held, &form(&[("decision", "warn"), ("rule", "3"), ("reason", "Ton propre numéro : prudence")]))
        .await
        .unwrap();
    assert!(feed::post_page(&state, &subject(&state, p.remi).await, second).await.is_ok(), "a warning does not keep it held");

    // A new account (its first day) reports a sixth as much: here, once.
    let strict = t.state(RateLimits { reports_per_account: Limit { max: 6, window_secs: 3600 }, ..limits() });
    let newcomer = testing::person(&t.db, "nouveau", "59350", "sympathisant", "none").await;
    let other = publish(&state, p.alice, "public|", "Deuxième").await;
    assert_eq!(report(&strict, newcomer, ItemKind::Post, &key, "spam").await, Ok(true));
    let flood = report(&strict, newcomer, ItemKind::Post, &other.get().to_string(), "spam").await;
    assert!(matches!(flood, Err(AppError::RateLimited { .. })), "{flood:?}");
}

/// A national moderator suspends on their own initiative ("Modérer"): the person's sessions close,
/// and since they cannot sign in, their e-mail carries a single-use link to read the suspension
/// and appeal it; another national moderator lifts it.
async fn a_suspension_is_appealed_through_its_mail(t: &TestDb) {
    let state = t.state(limits());
    let p = people(t).await;
    let post = publish(&state, p.alice, "public|", "Des insultes en série").await;
    let nadia = testing::person(&t.db, "nadia", "75056", "adherent", "confirmed").await;
    grant(t, nadia, "national_admin", "national", "").await;
    let noe = testing::person(&t.db, "noe", "75056", "adherent", "confirmed").await;
    grant(t, noe, "moderator", "national", "").await;
    let mut tx = t.db.begin().await.unwrap();
    let cookie = app::server::services::sessions::open_in(&mut tx, p.alice).await.unwrap();
    tx.commit().await.unwrap();
    let nadia_s = subject(&state, nadia).await;
    let fanny = subject(&state, p.fanny).await;
    assert_eq!(
        moderation::take_up(&state, &fanny, ItemKind::Post, &post.get().to_string()).await,
        Err(AppError::Forbidden),
        "public: national"
    );
    let case = moderation::take_up(&state, &nadia_s, ItemKind::Post, &post.get().to_string()).await.unwrap();
    let suspend = form(&[("decision", "suspend"), ("rule", "1"), ("reason", "Insultes répétées"), ("days", "30")]);
    moderation::decide(&state, &nadia_s, case, &suspend).await.unwrap();
    assert!(app::server::services::sessions::resolve(&state.db, &cookie).await.unwrap().is_none(), "signed out everywhere");
    assert!(store::users::by_id(&state.db, p.alice).await.unwrap().unwrap().suspended_at.is_some());

    let mails = testing::outbox(&t.db).await;
    let mail = mails.iter().rev().find(|m| m.user_id == Some(p.alice) && m.kind == "moderation_decision").expect("the suspension mail");
    assert!(mail.body_text.contains("Insultes répétées") && mail.body_text.contains("article 1"));
    let token = testing::link_token(&mail.body_text, "/appel/");
    let page = moderation_views::suspension_by_link(&state, &token).await.unwrap();
    assert!(page.kind == DecisionKind::Suspend && page.can_appeal && page.viewer_is_concerned);
    assert_eq!(moderation_views::suspension_by_link(&state, "pas-un-lien").await.map(|_| ()), Err(AppError::NotFound));
    let empty = moderation::appeal_by_link(&state, &token, &form(&[("appeal", "")])).await;
    assert!(matches!(empty, Err(AppError::Validation(_))), "{empty:?}");
    assert!(moderation_views::suspension_by_link(&state, &token).await.is_ok(), "a refused text leaves the link good");
    let appeal = form(&[("appeal", "Ce n’étaient pas des insultes, je citais un tract adverse.")]);
    moderation::appeal_by_link(&state, &token, &appeal).await.unwrap();
    assert_eq!(moderation::appeal_by_link(&state, &token, &appeal).await, Err(AppError::NotFound), "once");
    let decision = page.id;

    let overturn = form(&[("outcome", "overturn"), ("rule", "1"), ("reason", "Citation d’un tract, pas une insulte")]);
    assert_eq!(
        moderation::decide_appeal(&state, &nadia_s, decision, &overturn).await.map(|_| ()),
        Err(AppError::Forbidden),
        "not the first decider"
    );
    moderation::decide_appeal(&state, &subject(&state, noe).await, decision, &overturn).await.unwrap();
    assert!(store::users::by_id(&state.db, p.alice).await.unwrap().unwrap().suspended_at.is_none(), "lifted");
    let mails = testing::outbox(&t.db).await;
    assert!(mails.iter().any(|m| m.user_id == Some(p.alice) && m.subject == "Ton appel a été examiné"), "told by e-mail");
}

on_both_backends!(
    a_suspension_is_appealed_through_its_mail,
    a_report_is_decided_explained_appealed_and_logged,
    moderators_never_judge_themselves_and_restrictions_silence,
    many_reports_hold_the_content_and_new_accounts_report_less
);
