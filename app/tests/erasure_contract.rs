//! "Supprimer mon compte", on both databases: the request needs the password and waits its delay,
//! the e-mail's link (or the account page) cancels it; then the account is erased: a canary
//! written into every personal field is found nowhere in the database (every column of every
//! table read back), what others replied to stays as "message supprimé" with no author, the
//! secretary's role passes to the federation, a group keeps an admin.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use app::error::AppError;
use app::model::form::{FieldError, RawForm};
use app::model::ids::UserId;
use app::on_both_backends;
use app::server::context::{AppState, PrivacySettings, RateLimits, Settings};
use app::server::policy::Subject;
use app::server::services::groups::GroupAction;
use app::server::services::social::CoopainAction;
use app::server::services::{account, accounts, erasure, export, feed, groups, posts, profiles, sessions, social};
use app::server::testing::{self, TestDb};
use app::server::{store, Db};

use testing::PASSWORD;
/// Written into every personal field of the erased account (lower case: it is in the handle).
const CANARY: &str = "canari-9e1b";

fn state_with_delay(t: &TestDb, erasure_delay_ms: i64) -> AppState {
    let mut state = t.state(RateLimits::default());
    let settings = Settings { privacy: PrivacySettings { erasure_delay_ms, ..PrivacySettings::default() }, ..(*state.settings).clone() };
    state.settings = std::sync::Arc::new(settings);
    state
}

/// Signs up (address proven) and returns the person and their session's subject.
async fn signed_up(state: &AppState, name: &str, email: &str) -> (UserId, Subject) {
    let opened = accounts::sign_up(state, &testing::sign_up_form(name, email, "adherent"), "ip").await.unwrap();
    testing::confirm_address(state, email).await;
    let subject = sessions::resolve(&state.db, &opened.token).await.unwrap().expect("a session").subject;
    (opened.user_id, subject)
}

fn ask(password: &str) -> RawForm {
    RawForm::of(&[("erasure_password", password)])
}

async fn erasure_waits_for_its_delay_and_can_be_cancelled(t: &TestDb) {
    let state = state_with_delay(t, 7 * 86_400_000);
    let (lea, me) = signed_up(&state, "Léa", "lea@example.fr").await;
    testing::outbox(&t.db).await;

    let refused = erasure::request(&state, &me, &ask("pas le bon")).await.err();
    assert!(
        matches!(&refused, Some(AppError::Validation(e)) if e.get("erasure_password") == Some(&FieldError::WrongPassword)),
        "{refused:?}"
    );
    let empty = erasure::request(&state, &me, &ask("")).await.err();
    assert!(matches!(&empty, Some(AppError::Validation(e)) if e.get("erasure_password") == Some(&FieldError::Required)));
    assert_eq!(erasure::request(&state, &Subject::anonymous(), &ask(PASSWORD)).await, Err(AppError::NotAuthenticated));
    assert!(account::view(&state, &me).await.unwrap().erasure.is_none(), "nothing pending after refusals");

    erasure::request(&state, &me, &ask(PASSWORD)).await.unwrap();
    let pending = account::view(&state, &me).await.unwrap().erasure.expect("pending");
    assert_eq!(pending.effective_ms - pending.requested_ms, 7 * 86_400_000);
    let mails = testing::outbox(&t.db).await;
    let mail = mails.iter().find(|m| m.kind == "erasure_scheduled").expect("a mail with the cancel link");
    assert_eq!((mail.user_id, mail.to_address.as_str()), (Some(lea), "lea@example.fr"));
    let token = testing::link_token(&mail.body_text, "/compte/garder/");
    // Asking again changes nothing and sends nothing.
    erasure::request(&state, &me, &ask(PASSWORD)).await.unwrap();
    assert!(testing::outbox(&t.db).await.is_empty());
    assert_eq!(account::view(&state, &me).await.unwrap().erasure, Some(pending.clone()));

    // Not before its time.
    assert_eq!(erasure::erase_due(&state).await.unwrap(), 0);
    assert!(store::users::by_id(&t.db, lea).await.unwrap().is_some());

    // The link cancels it, once; a wrong one finds nothing.
    assert_eq!(erasure::link_effective_at(&state, &token).await.unwrap(), Some(pending.effective_ms));
    assert_eq!(erasure::cancel_by_link(&state, "inconnu").await, Err(AppError::NotFound));
    erasure::cancel_by_link(&state, &token).await.unwrap();
    assert_eq!(erasure::cancel_by_link(&state, &token).await, Err(AppError::NotFound), "once");
    assert_eq!(erasure::link_effective_at(&state, &token).await.unwrap(), None);
    assert!(account::view(&state, &me).await.unwrap().erasure.is_none());

    // And the account page cancels it too.
    erasure::request(&state, &me, &ask(PASSWORD)).await.unwrap();
    erasure::cancel(&state, &me).await.unwrap();
    assert!(account::view(&state, &me).await.unwrap().erasure.is_none());

    // Each request sends a mail: five an hour, like sign-ups.
    for _ in 0..2 {
        erasure::request(&state, &me, &ask(PASSWORD)).await.unwrap();
        erasure::cancel(&state, &me).await.unwrap();
    }
    let limited = erasure::request(&state, &me, &ask(PASSWORD)).await;
    assert!(matches!(limited, Err(AppError::RateLimited { .. })), "{limited:?}");
}

/// Every column of every table, as text, that contains `needle` (case-insensitive): a dump of
/// the whole database, read back.
async fn columns_containing(db: &Db, needle: &str) -> Vec<String> {
    let columns: Vec<(String, String, String)> = match db {
        Db::Sqlite { write, .. } => sqlx::query_as(
            "SELECT m.name, p.name, p.type FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
        )
        .fetch_all(write)
        .await
        .unwrap(),
        Db::Postgres(pool) => sqlx::query_as(
            "SELECT c.table_name::text, c.column_name::text, c.data_type::text FROM information_schema.columns c \
             JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema \
             WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'",
        )
        .fetch_all(pool)
        .await
        .unwrap(),
    };
    assert!(columns.len() > 100, "the dump reads every column ({} found)", columns.len());
    let pattern = format!("%{}%", needle.to_lowercase());
    let mut found = Vec::new();
    for (table, column, data_type) in columns {
        let n: i64 = match db {
            Db::Sqlite { write, .. } => {
                let sql = format!("SELECT COUNT(*) FROM \"{table}\" WHERE LOWER(CAST(\"{column}\" AS TEXT)) LIKE $1");
                sqlx::query_scalar(&sql).bind(&pattern).fetch_one(write).await.unwrap()
            }
            Db::Postgres(pool) => {
                let text =
                    if data_type == "bytea" { format!("encode(\"{column}\", 'escape')") } else { format!("CAST(\"{column}\" AS TEXT)") };
                let sql = format!("SELECT COUNT(*) FROM \"{table}\" WHERE LOWER({text}) LIKE $1");
                sqlx::query_scalar(&sql).bind(&pattern).fetch_one(pool).await.unwrap()
            }
        };
        if n > 0 {
            found.push(format!("{table}.{column} ({n})"));
        }
    }
    found
}

async fn an_erased_account_leaves_no_trace(t: &TestDb) {
    let state = state_with_delay(t, 0);
    let section = testing::section(&t.db, "lille", "59", &["59350"]).await;
    let (lea, _) = signed_up(&state, &format!("Léa {CANARY}"), &format!("{CANARY}@example.fr")).await;
    let (bob, _) = signed_up(&state, "Bob", "bob@example.fr").await;
    let fede = testing::person(&t.db, "fede", "59350", "adherent", "confirmed").await;
    for (who, role, kind, code) in [
        (lea, "section_secretary", "section", section.to_string()),
        (lea, "section_animator", "section", section.to_string()),
        (fede, "federation_first_secretary", "federation", "59".to_string()),
    ] {
        let mut tx = t.db.begin().await.unwrap();
        store::roles::grant(&mut tx, who, role, kind, &code, None, 1).await.unwrap();
        tx.commit().await.unwrap();
    }
    let me = testing::subject(&t.db, lea).await;
    let bob_subject_full = testing::subject(&t.db, bob).await;

    // Every personal field: the profile, publications (one answered, one not), comments (one
    // answered, one not), a reaction, a coopain, a group, a journal entry naming the handle, an
    // export, a section contact address that is theirs.
    let handle = store::users::by_id(&t.db, lea).await.unwrap().unwrap().handle;
    assert!(handle.contains(CANARY), "{handle}");
    let profile = RawForm::of(&[
        ("display_name", &format!("Léa {CANARY}")),
        ("handle", &handle),
        ("bio", &format!("Bio {CANARY}")),
        ("bio_visibility", "section"),
        ("status", &format!("Statut {CANARY}")),
        ("status_visibility", "section"),
        ("mandates", &format!("Mandat {CANARY}")),
        ("mandates_visibility", "section"),
        ("responsibilities", &format!("Responsabilité {CANARY}")),
        ("responsibilities_visibility", "section"),
        ("interests", &format!("Intérêt {CANARY}")),
        ("interests_visibility", "section"),
        ("availabilities", "tractage"),
        ("availabilities_visibility", "section"),
    ]);
    profiles::update_profile(&state, &me, &profile).await.unwrap();
    let publish = |body: String| RawForm::of(&[("body", &body), ("audience_group", "public|")]);
    let alone = posts::publish(&state, &me, &publish(format!("Seule {CANARY} #{CANARY}"))).await.unwrap();
    let answered = posts::publish(&state, &me, &publish(format!("Répondue {CANARY} #{CANARY}"))).await.unwrap();
    posts::comment(&state, &me, answered, &RawForm::of(&[("comment", &format!("Ma précision {CANARY}"))])).await.unwrap();
    posts::comment(&state, &bob_subject_full, answered, &RawForm::of(&[("comment", "Réponse de Bob")])).await.unwrap();
    let bobs = posts::publish(&state, &bob_subject_full, &publish("La publication de Bob".into())).await.unwrap();
    let lone_comment = posts::comment(&state, &me, bobs, &RawForm::of(&[("comment", &format!("Seul {CANARY}"))])).await.unwrap();
    let replied_comment = posts::comment(&state, &me, bobs, &RawForm::of(&[("comment", &format!("Discuté {CANARY}"))])).await.unwrap();
    let reply = RawForm::of(&[("comment", "Bob répond"), ("parent", &replied_comment.get().to_string())]);
    posts::comment(&state, &bob_subject_full, bobs, &reply).await.unwrap();
    posts::react(&state, &me, bobs, "bravo").await.unwrap();
    social::act(&state, &me, "bob", CoopainAction::Request).await.unwrap();
    social::act(&state, &bob_subject_full, &handle, CoopainAction::Accept).await.unwrap();
    let group_form = RawForm::of(&[
        ("name", "Jardins partagés"),
        ("purpose", "Des jardins dans chaque quartier de Lille"),
        ("privacy", "public"),
        ("confirm", "oui"),
    ]);
    let group = groups::create(&state, &me, &group_form).await.unwrap();
    groups::join_or_leave(&state, &bob_subject_full, &group, GroupAction::Join).await.unwrap();
    // A conversation with Bob: her message goes, his answer stays.
    let talk =
        app::server::services::messages::start(&state, &me, &RawForm::of(&[("recipients", "bob"), ("body", &format!("Privé {CANARY}"))]))
            .await
            .unwrap();
    app::server::services::messages::send(&state, &bob_subject_full, talk, &RawForm::of(&[("body", "Bob répond en privé")])).await.unwrap();
    {
        let mut tx = t.db.begin().await.unwrap();
        let entry = store::audit::Entry {
            actor_id: Some(fede),
            action: "passation",
            scope_kind: "section",
            scope_code: &section.to_string(),
            target_user_id: Some(lea),
            detail: &format!("section_secretary → @{handle}"),
            now_ms: 1,
        };
        store::audit::record(&mut tx, &entry).await.unwrap();
        app::on_tx!(&mut tx, c => sqlx::query("UPDATE sections SET contact_email = $1 WHERE id = $2").bind(format!("{CANARY}@example.fr")).bind(section).execute(c).await.map(|_| ()))
            .unwrap();
        tx.commit().await.unwrap();
    }
    export::request(&state, &me).await.unwrap();
    assert!(export::build_due(&state).await.unwrap());
    let before = columns_containing(&t.db, CANARY).await;
    for table in
        ["users.", "profiles.", "profile_list_items.", "posts.", "comments.", "mail_outbox.", "audit_log.", "sections.", "messages."]
    {
        assert!(before.iter().any(|c| c.starts_with(table)), "the canary is in {table} before: {before:?}");
    }
    let bobs_count = store::posts::visible(&t.db, bob, bobs, false).await.unwrap().unwrap().post.comment_count;
    assert_eq!(bobs_count, 3);

    erasure::request(&state, &me, &ask(PASSWORD)).await.unwrap();
    assert_eq!(erasure::erase_due(&state).await.unwrap(), 1);
    assert_eq!(erasure::erase_due(&state).await.unwrap(), 0, "once");

    let left = columns_containing(&t.db, CANARY).await;
    assert!(left.is_empty(), "the canary is still in: {left:?}");
    let bobs_view = app::server::services::messages::thread(&state, &bob_subject_full, talk, None).await.unwrap();
    assert_eq!(bobs_view.messages.len(), 2, "Bob keeps the conversation");
    assert!(bobs_view.messages[0].author.is_none() && bobs_view.messages[0].html.as_str().is_empty(), "her message: no author, no text");
    assert!(bobs_view.messages[1].html.as_str().contains("Bob répond en privé"));
    assert!(store::users::by_id(&t.db, lea).await.unwrap().is_none());

    // What others replied to stays, with no author and no text; the rest is gone.
    let bob_view = testing::subject(&t.db, bob).await;
    assert_eq!(feed::post_page(&state, &bob_view, alone).await.map(|_| ()), Err(AppError::NotFound));
    let kept = feed::post_page(&state, &bob_view, answered).await.unwrap();
    assert_eq!((kept.post.author.as_ref(), kept.post.html.as_str()), (None, ""));
    assert!(!kept.post.abilities.react && !kept.post.abilities.edit, "{:?}", kept.post.abilities);
    let texts: Vec<(bool, &str)> = kept.comments.iter().map(|c| (c.author.is_some(), c.html.as_str())).collect();
    assert_eq!(texts.len(), 1, "Léa's own comment went, Bob's stays: {texts:?}");
    assert!(texts[0].0 && texts[0].1.contains("Réponse de Bob"));
    let page = feed::post_page(&state, &bob_view, bobs).await.unwrap();
    assert_eq!(page.post.comment_count, 2, "the count lost Léa's lone comment");
    let comments: Vec<(i64, bool)> = page.comments.iter().map(|c| (c.id, c.author.is_some())).collect();
    assert!(!comments.iter().any(|(id, _)| *id == lone_comment.get()), "{comments:?}");
    assert!(comments.contains(&(replied_comment.get(), false)), "kept as 'message supprimé': {comments:?}");
    assert!(page.reacted.is_empty(), "her reaction went");
    assert_eq!(tag_count(&t.db, CANARY).await, 0);

    // Passation: the federation's premier secrétaire takes the section over, told by e-mail, in
    // the section's journal; the animator role simply ended. The group keeps an admin.
    let holders = store::roles::holders(&t.db, "section", &section.to_string()).await.unwrap();
    let held: Vec<(UserId, &str)> = holders.iter().map(|h| (h.user_id, h.role.as_str())).collect();
    assert_eq!(held, vec![(fede, "section_secretary")]);
    let mails = testing::outbox(&t.db).await;
    assert!(mails.iter().any(|m| m.kind == "interim_after_erasure" && m.user_id == Some(fede) && m.subject.contains("lille")));
    assert!(
        mails.iter().any(|m| m.kind == "interim_after_erasure" && m.body_text.contains("/sections/lille")),
        "it links the section's page"
    );
    assert!(mails.iter().all(|m| m.user_id != Some(lea)));
    assert_eq!(group_role(&t.db, &group, bob).await.as_deref(), Some("admin"), "Bob administers the group now");
    let bob_coopains = social::coopains_view(&state, &bob_view).await.unwrap();
    assert!(bob_coopains.coopains.is_empty());
}

async fn set_times(db: &Db, user: UserId, last_seen: i64, warned: Option<i64>) {
    let mut tx = db.begin().await.unwrap();
    let sql = "UPDATE users SET last_seen_at = $1, retention_warned_at = $2 WHERE id = $3";
    app::on_tx!(&mut tx, c => sqlx::query(sql).bind(last_seen).bind(warned).bind(user).execute(c).await.map(|_| ())).unwrap();
    tx.commit().await.unwrap();
}

/// Sympathisants and people who left, not seen for 3 years, are warned a month before, then
/// erased; a visit keeps them; confirmed adhérents and demo accounts are not concerned.
async fn retention_warns_then_erases(t: &TestDb) {
    use app::server::context::DAY_MS;
    use app::server::services::retention;
    let state = state_with_delay(t, 7 * DAY_MS);
    let now = app::server::now_ms();
    let three_years = 3 * 365 * DAY_MS;
    let sympathisant = testing::person(&t.db, "sym", "59350", "sympathisant", "none").await;
    let left = testing::person(&t.db, "partie", "59350", "adherent", "refused").await;
    let member = testing::person(&t.db, "membre", "59350", "adherent", "confirmed").await;
    let recent = testing::person(&t.db, "recente", "59350", "sympathisant", "none").await;
    for who in [sympathisant, left, member] {
        set_times(&t.db, who, now - three_years + 10 * DAY_MS, None).await;
    }
    let pass = retention::run(&state, now).await.unwrap();
    assert_eq!((pass.warned, pass.erased), (2, 0), "the sympathisant and the one who left, not the member nor the recent one");
    let mails = testing::outbox(&t.db).await;
    let warned: Vec<Option<UserId>> = mails.iter().filter(|m| m.kind == "retention_warning").map(|m| m.user_id).collect();
    assert!(warned.contains(&Some(sympathisant)) && warned.contains(&Some(left)) && warned.len() == 2, "{warned:?}");
    assert!(
        mails.iter().filter(|m| m.kind == "retention_warning").all(|m| m.body_text.contains("plus de 3 ans")),
        "the configured retention"
    );
    assert_eq!(retention::run(&state, now).await.unwrap(), retention::RetentionPass::default(), "warned once, not erased yet");

    // Past the 3 years and warned a month ago: erased. Unless they came back in between.
    set_times(&t.db, sympathisant, now - three_years - DAY_MS, Some(now - 31 * DAY_MS)).await;
    set_times(&t.db, left, now - three_years - DAY_MS, Some(now - 31 * DAY_MS)).await;
    // A sign-in (a new session) is a visit.
    let mut tx = t.db.begin().await.unwrap();
    sessions::open_in(&mut tx, left).await.unwrap();
    tx.commit().await.unwrap();
    let pass = retention::run(&state, now).await.unwrap();
    assert_eq!(pass.erased, 1);
    assert!(store::users::by_id(&t.db, sympathisant).await.unwrap().is_none());
    for kept in [left, member, recent] {
        assert!(store::users::by_id(&t.db, kept).await.unwrap().is_some());
    }

    // An address never proven, and no visit for a month: the account goes, without a mail.
    let form = testing::sign_up_form("Jamais", "jamais@example.fr", "sympathisant");
    let unproven = accounts::sign_up(&state, &form, "ip").await.unwrap().user_id;
    let mut tx = t.db.begin().await.unwrap();
    let sql = "UPDATE users SET created_at = $1, last_seen_at = $1 WHERE id = $2";
    app::on_tx!(&mut tx, c => sqlx::query(sql).bind(now - 31 * DAY_MS).bind(unproven).execute(c).await.map(|_| ())).unwrap();
    tx.commit().await.unwrap();
    testing::outbox(&t.db).await;
    assert_eq!(retention::run(&state, now).await.unwrap().erased, 1);
    assert!(store::users::by_id(&t.db, unproven).await.unwrap().is_none());
    assert!(testing::outbox(&t.db).await.is_empty(), "no mail to an address never proven");
    for kept in [left, member, recent] {
        assert!(store::users::by_id(&t.db, kept).await.unwrap().is_some(), "proven accounts are not concerned");
    }
}

async fn group_role(db: &Db, slug: &str, user: UserId) -> Option<String> {
    let sql = "SELECT gm.role FROM group_members gm JOIN groups g ON g.id = gm.group_id WHERE g.slug = $1 AND gm.user_id = $2";
    match db {
        Db::Sqlite { write, .. } => sqlx::query_scalar(sql).bind(slug).bind(user).fetch_optional(write).await.unwrap(),
        Db::Postgres(pool) => sqlx::query_scalar(sql).bind(slug).bind(user).fetch_optional(pool).await.unwrap(),
    }
}

async fn tag_count(db: &Db, tag: &str) -> i64 {
    let sql = "SELECT COUNT(*) FROM post_tags WHERE tag = $1";
    match db {
        Db::Sqlite { write, .. } => sqlx::query_scalar(sql).bind(tag).fetch_one(write).await.unwrap(),
        Db::Postgres(pool) => sqlx::query_scalar(sql).bind(tag).fetch_one(pool).await.unwrap(),
    }
}

on_both_backends!(erasure_waits_for_its_delay_and_can_be_cancelled);
on_both_backends!(an_erased_account_leaves_no_trace);
on_both_backends!(retention_warns_then_erases);
