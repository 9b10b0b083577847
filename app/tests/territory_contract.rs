//! Territory store contract: communes, sections, roles, audit log and members, on SQLite and
//! PostgreSQL alike.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use app::model::ids::{SectionId, UserId};
use app::on_both_backends;
use app::server::now_ms;
use app::server::services::territory;
use app::server::store::{self, audit, members::Area};
use app::server::testing::{self, TestDb, TERRITORY_GZ};

async fn user(t: &TestDb, handle: &str, commune: &str, membership: &str, status: &str) -> UserId {
    testing::person(&t.db, handle, commune, membership, status).await
}

async fn section(t: &TestDb, slug: &str, fed: &str, communes: &[&str]) -> SectionId {
    testing::section(&t.db, slug, fed, communes).await
}

async fn import_is_rerunnable_and_complete(t: &TestDb) {
    let tsv = territory::decompress(TERRITORY_GZ).unwrap();
    let (_, _, before) = store::territory::counts(&t.db).await.unwrap();
    let report = territory::import(&t.db, &tsv, Some(&["59"]), |_, _| {}).await.unwrap();
    assert_eq!(report.communes, 647, "Nord's communes (COG 2026)");
    assert_eq!(store::territory::counts(&t.db).await.unwrap().2, before, "re-running updates, never duplicates");
    let lille = store::territory::commune(&t.db, "59350").await.unwrap().expect("Lille");
    assert_eq!((lille.name.as_str(), lille.departement_code.as_str()), ("Lille", "59"));
    assert!(lille.population.unwrap_or(0) > 200_000 && lille.lat.is_some());
    let shared = store::territory::communes_by_postal_code(&t.db, "59270").await.unwrap();
    assert_eq!(shared.len(), 8);
    assert_eq!(shared[0].name, "Bailleul", "most populated first");
    let corse = store::territory::departement(&t.db, "2A").await.unwrap().expect("2A");
    assert_eq!((corse.name.as_str(), corse.region_name.as_str()), ("Corse-du-Sud", "Corse"));
    assert_eq!(store::territory::departements(&t.db).await.unwrap().len(), 109);
    assert!(store::territory::communes_of_departement(&t.db, "2A").await.unwrap().len() > 100);
}

async fn a_commune_belongs_to_one_section(t: &TestDb) {
    let lille = section(t, "lille", "59", &["59350", "59360"]).await;
    let roubaix = section(t, "roubaix", "59", &["59512"]).await;
    let mut tx = t.db.begin().await.unwrap();
    assert!(store::sections::attach_commune(&mut tx, "59350", roubaix).await.is_err(), "primary key refuses a second section");
    drop(tx);
    let mut tx = t.db.begin().await.unwrap();
    let covering = store::sections::covering(&mut tx, &["59350".into(), "59512".into(), "59001".into()]).await.unwrap();
    assert_eq!(covering.len(), 2);
    assert!(store::sections::slug_exists(&mut tx, "lille").await.unwrap());
    assert_eq!(store::sections::detach_commune(&mut tx, "59360", lille).await.unwrap(), 1);
    let text = store::sections::SectionText { name: "Lille-Centre", description: "Texte", contact_email: "" };
    store::sections::update_description(&mut tx, lille, &text, now_ms()).await.unwrap();
    assert_eq!(store::sections::by_id_in(&mut tx, lille).await.unwrap().unwrap().name, "Lille-Centre");
    tx.commit().await.unwrap();
    let row = store::sections::by_slug(&t.db, "lille").await.unwrap().unwrap();
    assert_eq!((row.federation_name.as_str(), row.description.as_str()), ("Nord", "Texte"));
    assert_eq!(store::sections::by_id(&t.db, roubaix).await.unwrap().unwrap().slug, "roubaix");
    let listed = store::sections::for_federation(&t.db, "59").await.unwrap();
    assert_eq!(listed.iter().map(|s| (s.slug.as_str(), s.communes)).collect::<Vec<_>>(), [("lille", 1), ("roubaix", 1)]);
    assert_eq!(store::sections::communes_of(&t.db, lille).await.unwrap().len(), 1);
}

async fn roles_and_audit(t: &TestDb) {
    let s = section(t, "lille", "59", &["59350"]).await;
    let a = user(t, "anne", "59350", "adherent", "confirmed").await;
    let b = user(t, "bruno", "59350", "adherent", "confirmed").await;
    let scope = s.to_string();
    let mut tx = t.db.begin().await.unwrap();
    assert!(!store::roles::national_admin_exists(&mut tx).await.unwrap());
    assert!(store::roles::grant(&mut tx, a, "section_secretary", "section", &scope, None, 1).await.unwrap());
    assert!(!store::roles::grant(&mut tx, a, "section_secretary", "section", &scope, None, 2).await.unwrap(), "idempotent");
    assert_eq!(store::roles::holder_of(&mut tx, "section_secretary", "section", &scope).await.unwrap(), Some(a));
    tx.commit().await.unwrap();
    let mut tx = t.db.begin().await.unwrap();
    assert!(store::roles::grant(&mut tx, b, "section_secretary", "section", &scope, None, 3).await.is_err(), "one secretary per section");
    drop(tx);
    let mut tx = t.db.begin().await.unwrap();
    store::roles::grant(&mut tx, b, "section_animator", "section", &scope, None, 3).await.unwrap();
    for (i, action) in ["role_granted", "role_granted", "passation"].iter().enumerate() {
        let entry = audit::Entry {
            actor_id: Some(a),
            action,
            scope_kind: "section",
            scope_code: &scope,
            target_user_id: Some(b),
            detail: "d",
            now_ms: 10 + i as i64,
        };
        audit::record(&mut tx, &entry).await.unwrap();
    }
    tx.commit().await.unwrap();
    assert_eq!(store::roles::for_user(&t.db, b).await.unwrap().len(), 1);
    let holders = store::roles::holders(&t.db, "section", &scope).await.unwrap();
    assert_eq!(holders.iter().map(|h| h.handle.as_str()).collect::<Vec<_>>(), ["bruno", "anne"], "by role then name");
    let page = audit::for_scope(&t.db, "section", &scope, None, 2).await.unwrap();
    assert_eq!(page.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["passation", "role_granted"], "newest first");
    let last = page.last().unwrap();
    let next = audit::for_scope(&t.db, "section", &scope, Some((last.at, last.id)), 2).await.unwrap();
    assert_eq!(next.len(), 1, "keyset continues where the page ended");
    assert_eq!(next[0].actor_handle.as_deref(), Some("anne"));
    let mut tx = t.db.begin().await.unwrap();
    assert!(store::roles::revoke(&mut tx, b, "section_animator", "section", &scope).await.unwrap());
    tx.commit().await.unwrap();
}

async fn members_are_counted_and_listed_by_area(t: &TestDb) {
    let s = section(t, "lille", "59", &["59350"]).await;
    let confirmed = user(t, "adele", "59350", "adherent", "confirmed").await;
    user(t, "ulysse", "59350", "adherent", "pending").await;
    user(t, "sacha", "59350", "sympathisant", "none").await;
    let suspended = user(t, "sam", "59350", "adherent", "confirmed").await;
    user(t, "noe", "59360", "sympathisant", "none").await; // Loos: no section
    user(t, "paul", "62041", "adherent", "confirmed").await;
    let mut tx = t.db.begin().await.unwrap();
    store::members::set_suspended(&mut tx, suspended, Some(1)).await.unwrap();
    tx.commit().await.unwrap();

    assert_eq!(store::members::counts(&t.db, Area::Section(s.get())).await.unwrap(), (1, 1), "pending and suspended not counted");
    assert_eq!(store::members::counts(&t.db, Area::Federation("59")).await.unwrap(), (1, 2));
    assert_eq!(store::members::counts(&t.db, Area::FederationUncovered("59")).await.unwrap(), (0, 1));
    let dir = store::members::directory(&t.db, Area::Section(s.get()), "", None, 10).await.unwrap();
    assert_eq!(dir.iter().map(|m| m.handle.as_str()).collect::<Vec<_>>(), ["adele", "sacha"]);
    let after = store::members::directory(&t.db, Area::Section(s.get()), "", Some(confirmed.get()), 10).await.unwrap();
    assert_eq!(after.iter().map(|m| m.handle.as_str()).collect::<Vec<_>>(), ["sacha"], "keyset pagination");
    let found = store::members::directory(&t.db, Area::Section(s.get()), "SAC", None, 10).await.unwrap();
    assert_eq!(found.iter().map(|m| m.handle.as_str()).collect::<Vec<_>>(), ["sacha"], "search, any case");
    let wildcard = store::members::directory(&t.db, Area::Section(s.get()), "%", None, 10).await.unwrap();
    assert!(wildcard.is_empty(), "a % is searched for, not a wildcard");
    let newcomers = store::members::newcomers(&t.db, Area::Section(s.get()), now_ms() - 1000 * 3600).await.unwrap();
    assert_eq!(newcomers.len(), 3, "adele, ulysse, sacha (not the suspended one)");
    let uncovered = store::members::newcomers(&t.db, Area::FederationUncovered("59"), 0).await.unwrap();
    assert_eq!(uncovered.iter().map(|m| m.handle.as_str()).collect::<Vec<_>>(), ["noe"]);

    let belonging = store::members::belonging(&t.db, confirmed).await.unwrap().unwrap();
    assert_eq!((belonging.section_id, belonging.federation_code.as_deref()), (Some(s), Some("59")));
    let mut tx = t.db.begin().await.unwrap();
    assert_eq!(store::members::user_id_by_handle(&mut tx, "adele").await.unwrap(), Some(confirmed));
    store::members::set_commune(&mut tx, confirmed, "62041", now_ms()).await.unwrap();
    store::members::set_postal_code(&mut tx, confirmed, "62000").await.unwrap();
    store::members::set_membership(&mut tx, confirmed, "adherent", "refused", None, now_ms()).await.unwrap();
    let moved = store::members::belonging_in(&mut tx, confirmed).await.unwrap().unwrap();
    assert_eq!((moved.section_id, moved.federation_code.as_deref(), moved.membership_status.as_str()), (None, Some("62"), "refused"));
    tx.commit().await.unwrap();
}

fn move_form(postal_code: &str, commune: &str) -> app::model::form::RawForm {
    app::model::form::RawForm(vec![("postal_code".into(), postal_code.into()), ("commune".into(), commune.into())])
}

/// Moving is what it is in a party: a confirmed adhérent who moves to another section is *à
/// confirmer* there; both teams are told, both journals say it (the new one where the person
/// comes from); moves are limited, and a move within the section changes nothing of the status.
async fn moving_asks_the_new_section_to_confirm(t: &TestDb) {
    use app::error::AppError;
    use app::model::feed::NotificationKind;
    use app::server::context::{Limit, RateLimits};
    use app::server::services::{membership, notifications};
    let state = t.state(RateLimits { moves_per_account: Limit { max: 2, window_secs: 30 * 24 * 3600 }, ..RateLimits::default() });
    let lille = section(t, "lille", "59", &["59350", "59360"]).await;
    let roubaix = section(t, "roubaix", "59", &["59512"]).await;
    let ada = user(t, "ada", "59350", "adherent", "confirmed").await;
    let sofia = user(t, "sofia", "59350", "adherent", "confirmed").await;
    let remi = user(t, "remi", "59512", "adherent", "confirmed").await;
    let sacha = user(t, "sacha", "59350", "sympathisant", "none").await;
    let mut tx = t.db.begin().await.unwrap();
    store::roles::grant(&mut tx, sofia, "section_secretary", "section", &lille.to_string(), None, now_ms()).await.unwrap();
    store::roles::grant(&mut tx, remi, "section_secretary", "section", &roubaix.to_string(), None, now_ms()).await.unwrap();
    tx.commit().await.unwrap();
    let subject = |id| testing::subject(&t.db, id);

    // Within Lille's section (Lille → Loos): still confirmed, nobody told.
    membership::move_commune(&state, &subject(ada).await, &move_form("59120", "59360")).await.unwrap();
    let row = store::members::belonging(&t.db, ada).await.unwrap().unwrap();
    assert_eq!((row.section_id, row.membership_status.as_str()), (Some(lille), "confirmed"));
    // To Roubaix: à confirmer there, both secretaries told, both journals.
    membership::move_commune(&state, &subject(ada).await, &move_form("59100", "59512")).await.unwrap();
    let row = store::members::belonging(&t.db, ada).await.unwrap().unwrap();
    assert_eq!((row.section_id, row.membership_status.as_str()), (Some(roubaix), "pending"));
    let kinds = |page: app::model::feed::NotificationsPage| page.items.iter().map(|n| n.kind).collect::<Vec<_>>();
    assert_eq!(kinds(notifications::page(&state, &subject(sofia).await).await.unwrap()), vec![NotificationKind::MemberLeft]);
    assert_eq!(kinds(notifications::page(&state, &subject(remi).await).await.unwrap()), vec![NotificationKind::MemberArrived]);
    let lille_journal = audit::for_scope(&t.db, "section", &lille.to_string(), None, 10).await.unwrap();
    assert_eq!(lille_journal[0].action, "member_moved_out");
    assert_eq!(lille_journal[0].detail, "→ roubaix");
    let roubaix_journal = audit::for_scope(&t.db, "section", &roubaix.to_string(), None, 10).await.unwrap();
    assert_eq!(roubaix_journal[0].action, "member_moved_in");
    assert_eq!(roubaix_journal[0].detail, "← lille, adhésion à confirmer");
    // A third move within the window is refused, with the wait.
    let refused = membership::move_commune(&state, &subject(ada).await, &move_form("59000", "59350")).await;
    assert!(matches!(refused, Err(AppError::RateLimited { retry_after_secs }) if retry_after_secs > 29 * 24 * 3600), "{refused:?}");
    assert_eq!(store::members::belonging(&t.db, ada).await.unwrap().unwrap().section_id, Some(roubaix), "nothing moved");
    // A sympathisant's move is journaled and limited the same way, and tells nobody.
    membership::move_commune(&state, &subject(sacha).await, &move_form("59100", "59512")).await.unwrap();
    assert_eq!(kinds(notifications::page(&state, &subject(remi).await).await.unwrap()).len(), 1);
    let row = store::members::belonging(&t.db, sacha).await.unwrap().unwrap();
    assert_eq!((row.section_id, row.membership.as_str()), (Some(roubaix), "sympathisant"));
}

on_both_backends!(
    import_is_rerunnable_and_complete,
    a_commune_belongs_to_one_section,
    roles_and_audit,
    members_are_counted_and_listed_by_area,
    moving_asks_the_new_section_to_confirm
);
