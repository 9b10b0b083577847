//! Photos in comptes-rendus (issue 21) on both databases: sent with the report (a replay keeps
//! nothing new and processes nothing), four at most with those kept, taken off with their files,
//! seen and served only to the people who were there and those who manage the action, bad
//! photos refused with nothing written and nothing stored, and gone with their sender's account.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use bytes::Bytes;

use app::error::AppError;
use app::i18n::paris_datetime_input;
use app::model::form::{FieldError, RawForm};
use app::model::ids::ActionId;
use app::model::media::Picture;
use app::on_both_backends;
use app::server::context::{AppState, RateLimits};
use app::server::media::{Upload, UploadContent};
use app::server::policy::Subject;
use app::server::services::{action_views, actions, media, reports, rsvp};
use app::server::testing::{self, field_error, scalar, TestDb};
use app::server::testing_images::{jpeg_with_gps, png};
use app::server::{now_ms, store};

const DAY: i64 = 86_400_000;

struct World {
    state: AppState,
    /// Lille's secretary, who organized the action.
    sophie: Subject,
    /// Had a place.
    sacha: Subject,
    /// Lille's adhérente, who did not come: sees the action and its figures, not its photos.
    ada: Subject,
    action: ActionId,
}

/// Lille's secretary organized a public tractage yesterday; Sacha had a place, Ada did not answer.
async fn world(t: &TestDb) -> World {
    let state = t.state(RateLimits::default());
    let lille = testing::section(&t.db, "lille", "59", &["59350"]).await;
    let secretary = testing::person(&t.db, "sophie-secretaire", "59350", "adherent", "confirmed").await;
    let participant = testing::person(&t.db, "sacha-sympathie", "59350", "sympathisant", "none").await;
    let bystander = testing::person(&t.db, "ada-adherente", "59350", "adherent", "confirmed").await;
    let mut tx = t.db.begin().await.unwrap();
    store::roles::grant(&mut tx, secretary, "section_secretary", "section", &lille.to_string(), None, now_ms()).await.unwrap();
    tx.commit().await.unwrap();
    let sophie = testing::subject(&t.db, secretary).await;
    let action_form = RawForm::of(&[
        ("kind", "tractage"),
        ("title", "Tractage au marché"),
        ("place_name", "Marché de Wazemmes"),
        ("commune", "Lille"),
        ("audience", "public"),
        ("starts_at", &paris_datetime_input(now_ms() + 2 * DAY)),
        ("ends_at", &paris_datetime_input(now_ms() + 2 * DAY + 7_200_000)),
    ]);
    let action = actions::create(&state, &sophie, &action_form).await.unwrap();
    let sacha = testing::subject(&t.db, participant).await;
    rsvp::answer(&state, &sacha, action, &RawForm::of(&[("reponse", "oui")])).await.unwrap();
    testing::move_action(&t.db, action, now_ms() - DAY, now_ms() - DAY + 7_200_000).await;
    World { state, sophie, sacha, ada: testing::subject(&t.db, bystander).await, action }
}

fn file(field: &str, bytes: Vec<u8>) -> Upload {
    Upload { field: field.into(), content: UploadContent::Bytes(Bytes::from(bytes)) }
}

fn report(key: &str, extra: &[(&str, &str)]) -> RawForm {
    let mut pairs = vec![("cle", key), ("present", "3"), ("tracts", "250")];
    pairs.extend_from_slice(extra);
    RawForm::of(&pairs)
}

/// The compte-rendu's photos as `who` sees them on the action's page.
async fn seen_by(w: &World, who: &Subject) -> Vec<Picture> {
    action_views::view(&w.state, who, w.action).await.unwrap().report.map(|r| r.photos).unwrap_or_default()
}

/// Whether `who` is served the picture's narrowest JPEG (checked to hold no EXIF).
async fn served(state: &AppState, who: &Subject, picture: &Picture) -> bool {
    match media::serve(state, who, &picture.key, &format!("{}.jpg", picture.widths[0])).await {
        Ok(file) => {
            assert!(file.bytes.starts_with(&[0xFF, 0xD8]), "a JPEG");
            assert!(!file.bytes.windows(4).any(|w| w == b"Exif"), "no EXIF left");
            true
        }
        Err(AppError::NotFound) => false,
        Err(e) => panic!("serving: {e:?}"),
    }
}

async fn stored_keys(state: &AppState) -> Vec<String> {
    let mut keys: Vec<String> =
        state.media.list(None).await.unwrap().into_iter().filter_map(|o| o.path.split_once('/').map(|(k, _)| k.to_string())).collect();
    keys.dedup();
    keys
}

async fn photos_are_for_who_was_there(t: &TestDb) {
    let w = world(t).await;
    let s = &w.state;
    // Sacha sends the compte-rendu from the market with two photos, one described.
    let uploads = [file("photo_1", jpeg_with_gps(800, 600)), file("photo_2", png(300, 200))];
    let sent = report("photos-000000000001", &[("alt_1", "Le stand du marché"), ("alt_2", "")]);
    assert_eq!(reports::submit(s, &w.sacha, w.action, &sent, &uploads).await, Ok(true));
    let photos = seen_by(&w, &w.sophie).await;
    assert_eq!(photos.len(), 2, "the organizer sees both");
    assert_eq!(photos[0].alt, "Le stand du marché");
    assert_eq!((photos[0].width, photos[0].height), (600, 800), "upright from its EXIF orientation");
    assert_eq!(seen_by(&w, &w.sacha).await, photos, "the participant too, in the same order");
    assert_eq!(reports::form_view(s, &w.sacha, w.action).await.unwrap().photos, photos, "the form shows them to its author");
    // Ada sees the figures but not the faces; a visitor neither.
    let ada_view = action_views::view(s, &w.ada, w.action).await.unwrap();
    assert_eq!(ada_view.report.as_ref().map(|r| (r.tracts, r.photos.len())), Some((250, 0)));
    let visitor_view = action_views::view(s, &Subject::anonymous(), w.action).await.unwrap();
    assert_eq!(visitor_view.report.map(|r| r.photos.len()), Some(0));
    // The files follow the same rule, even with their address.
    for picture in &photos {
        assert!(served(s, &w.sophie, picture).await);
        assert!(served(s, &w.sacha, picture).await);
        assert!(!served(s, &w.ada, picture).await, "404 to a member who did not come");
        assert!(!served(s, &Subject::anonymous(), picture).await, "404 to a visitor");
    }
    // They are Sacha's: counted in her quota, in her export's photos, gone with her account.
    let sacha_id = w.sacha.id().unwrap();
    let owned = store::media::of_owner(&t.db, sacha_id).await.unwrap();
    assert_eq!(owned.len(), 2);
    let mut tx = t.db.begin().await.unwrap();
    app::server::services::erasure::erase(&mut tx, s, sacha_id, now_ms()).await.unwrap();
    tx.commit().await.unwrap();
    assert!(seen_by(&w, &w.sophie).await.is_empty(), "no photo of an erased account");
    assert_eq!(store::reports::of_action(&t.db, w.action).await.unwrap().map(|r| r.tracts), Some(250), "the figures stay");
}

async fn replays_add_nothing_and_four_at_most(t: &TestDb) {
    let w = world(t).await;
    let s = &w.state;
    let first = report("quatre-000000000001", &[]);
    let one = [file("photo_1", png(400, 300))];
    assert_eq!(reports::submit(s, &w.sacha, w.action, &first, &one).await, Ok(true));
    // The offline queue sends it again (its answer was lost): nothing new is kept or stored.
    assert_eq!(reports::submit(s, &w.sacha, w.action, &first, &one).await, Ok(false));
    let kept = seen_by(&w, &w.sophie).await;
    assert_eq!(kept.len(), 1);
    assert_eq!(stored_keys(s).await, vec![kept[0].key.clone()]);
    // The organizer adds four more: five in all is refused, nothing written, nothing stored.
    let four: Vec<Upload> = (1..=4).map(|n| file(&format!("photo_{n}"), png(200 + n, 150))).collect();
    let too_many = report("quatre-000000000002", &[("tracts", "300")]);
    assert_eq!(
        field_error(reports::submit(s, &w.sophie, w.action, &too_many, &four).await, "photos"),
        FieldError::TooManyPictures { max: 4 }
    );
    assert_eq!(store::reports::of_action(&t.db, w.action).await.unwrap().unwrap().revisions, 1);
    assert_eq!(stored_keys(s).await.len(), 1);
    // Taking the kept one off makes room: four new ones, the old one's files deleted at once.
    let swap = report("quatre-000000000003", &[("retirer_photo", &kept[0].key)]);
    assert_eq!(reports::submit(s, &w.sophie, w.action, &swap, &four).await, Ok(true));
    let now = seen_by(&w, &w.sophie).await;
    assert_eq!(now.iter().map(|p| p.width).collect::<Vec<_>>(), vec![201, 202, 203, 204], "in their slots' order");
    assert!(!served(s, &w.sophie, &kept[0]).await, "the old address answers 404");
    let mut keys = stored_keys(s).await;
    keys.sort();
    let mut expected: Vec<String> = now.iter().map(|p| p.key.clone()).collect();
    expected.sort();
    assert_eq!(keys, expected);
    // A rewrite without files keeps them.
    assert_eq!(reports::submit(s, &w.sophie, w.action, &report("quatre-000000000004", &[]), &[]).await, Ok(true));
    assert_eq!(seen_by(&w, &w.sophie).await, now);
}

async fn bad_photos_write_and_store_nothing(t: &TestDb) {
    let w = world(t).await;
    let s = &w.state;
    // Ada had no place: refused before a byte of the file is looked at.
    let html = file("photo_1", b"<html><script>alert(1)</script></html>".to_vec());
    let sent = report("mauvaise-00000000001", &[]);
    assert_eq!(reports::submit(s, &w.ada, w.action, &sent, std::slice::from_ref(&html)).await, Err(AppError::Forbidden));
    // An HTML page named .jpg, a description with a control character, a 20 MB+ file: each
    // refused on its field at once, the figures not written, nothing stored.
    let too_large = Upload { field: "photo_3".into(), content: UploadContent::TooLarge };
    let uploads = [file("photo_1", png(300, 200)), file("photo_2", html.bytes().unwrap().to_vec()), too_large];
    let bad_alt = report("mauvaise-00000000002", &[("alt_1", "Le stand\u{7}")]);
    match reports::submit(s, &w.sacha, w.action, &bad_alt, &uploads).await {
        Err(AppError::Validation(e)) => {
            assert_eq!(e.get("alt_1"), Some(&FieldError::ControlCharacters));
            assert_eq!(e.get("photo_3"), Some(&FieldError::FileTooLarge { max_mb: 20 }));
        }
        other => panic!("expected the form's errors, got {other:?}"),
    }
    let no_big = [file("photo_1", png(300, 200)), file("photo_2", html.bytes().unwrap().to_vec())];
    let fixed = report("mauvaise-00000000002", &[("alt_1", "Le stand")]);
    assert_eq!(field_error(reports::submit(s, &w.sacha, w.action, &fixed, &no_big).await, "photo_2"), FieldError::NotAPicture);
    assert!(store::reports::of_action(&t.db, w.action).await.unwrap().is_none(), "nothing written");
    assert!(stored_keys(s).await.is_empty(), "the good photo's files were deleted again");
    assert_eq!(scalar(&t.db, "SELECT CAST(COUNT(*) AS BIGINT) FROM media").await, 0);
    // The same key, corrected, is kept: a refused submission did not use it up.
    assert_eq!(reports::submit(s, &w.sacha, w.action, &fixed, &no_big[..1]).await, Ok(true));
    assert_eq!(seen_by(&w, &w.sacha).await.len(), 1);
}

on_both_backends!(photos_are_for_who_was_there, replays_add_nothing_and_four_at_most, bad_photos_write_and_store_nothing,);
