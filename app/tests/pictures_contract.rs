//! Avatars and banners (issue 21) on both databases: cut to their shape, replaced and removed
//! with their files, shown where their holder is (a profile, a publication's card, a section's
//! or a group's page), served only to who may see their holder, changed only by who may, and
//! bad pictures refused with nothing stored and the old picture kept.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use bytes::Bytes;

use app::error::AppError;
use app::i18n::Lang;
use app::model::form::{FieldError, RawForm};
use app::model::media::{Picture, PHOTO_FIELD};
use app::on_both_backends;
use app::server::context::{AppState, RateLimits};
use app::server::media::{Upload, UploadContent};
use app::server::policy::Subject;
use app::server::services::groups::{GroupAction, MemberDecision};
use app::server::services::{feed, groups, held_pictures, media, posts, profiles, sections};
use app::server::testing::{self, field_error, scalar, TestDb};
use app::server::testing_images::{jpeg_with_gps, png};
use app::server::{now_ms, store};

struct World {
    state: AppState,
    secretary: Subject,
    adherent: Subject,
    sympathisant: Subject,
}

async fn world(t: &TestDb) -> World {
    let state = t.state(RateLimits::default());
    let lille = testing::section(&t.db, "lille", "59", &["59350"]).await;
    let secretary = testing::person(&t.db, "sophie", "59350", "adherent", "confirmed").await;
    let adherent = testing::person(&t.db, "amina", "59350", "adherent", "confirmed").await;
    let sympathisant = testing::person(&t.db, "sacha", "59350", "sympathisant", "none").await;
    let mut tx = t.db.begin().await.unwrap();
    store::roles::grant(&mut tx, secretary, "section_secretary", "section", &lille.to_string(), None, now_ms()).await.unwrap();
    tx.commit().await.unwrap();
    World {
        secretary: testing::subject(&t.db, secretary).await,
        adherent: testing::subject(&t.db, adherent).await,
        sympathisant: testing::subject(&t.db, sympathisant).await,
        state,
    }
}

fn photo(bytes: Vec<u8>) -> Vec<Upload> {
    vec![Upload { field: PHOTO_FIELD.into(), content: UploadContent::Bytes(Bytes::from(bytes)) }]
}

/// Whether `who` is served the picture's narrowest JPEG (and it is one).
async fn served(state: &AppState, who: &Subject, picture: &Picture) -> bool {
    match media::serve(state, who, &picture.key, &format!("{}.jpg", picture.widths[0])).await {
        Ok(file) => {
            assert!(file.bytes.starts_with(&[0xFF, 0xD8]), "a JPEG");
            true
        }
        Err(AppError::NotFound) => false,
        Err(e) => panic!("serving: {e:?}"),
    }
}

/// The storage's picture keys (`{key}/{width}.{ext}` files).
async fn stored_keys(state: &AppState) -> Vec<String> {
    let mut keys: Vec<String> =
        state.media.list(None).await.unwrap().into_iter().filter_map(|o| o.path.split_once('/').map(|(k, _)| k.to_string())).collect();
    keys.dedup();
    keys
}

async fn an_avatar_is_square_replaced_and_removed(t: &TestDb) {
    let w = world(t).await;
    let s = &w.state;
    held_pictures::set_avatar(s, &w.adherent, &photo(jpeg_with_gps(400, 300))).await.unwrap();
    let first = profiles::my_profile(s, &w.adherent).await.unwrap().avatar.expect("an avatar");
    // The 400×300 sensor picture is a 300×400 portrait once upright; its centred square is 300.
    assert_eq!((first.width, first.height), (300, 300));
    assert_eq!(first.widths, vec![96, 192, 300]);
    let seen = profiles::member_profile(s, &Subject::anonymous(), "amina").await.unwrap();
    assert_eq!(seen.avatar.as_ref().map(|p| &p.key), Some(&first.key), "on her profile, for anyone who sees it");
    assert!(served(s, &Subject::anonymous(), &first).await);
    let file = media::serve(s, &w.sympathisant, &first.key, &format!("{}.jpg", first.widths[2])).await.unwrap();
    assert!(!file.bytes.windows(4).any(|b| b == b"Exif"), "no metadata kept");

    // Beside her name on her publications.
    let post = posts::publish(s, &w.adherent, &RawForm::of(&[("body", "Tractage samedi au marché"), ("audience_group", "public|")]))
        .await
        .unwrap();
    let card = feed::post_page(s, &w.sympathisant, post).await.unwrap().post;
    assert_eq!(card.author_avatar.map(|p| p.key), Some(first.key.clone()));

    // A new one replaces it: the old row and files go at once.
    held_pictures::set_avatar(s, &w.adherent, &photo(png(900, 500))).await.unwrap();
    let second = profiles::my_profile(s, &w.adherent).await.unwrap().avatar.expect("an avatar");
    assert_ne!(second.key, first.key);
    assert_eq!((second.width, second.height), (500, 500));
    assert_eq!(stored_keys(s).await, vec![second.key.clone()]);
    assert!(!served(s, &Subject::anonymous(), &first).await, "the old address answers 404");
    assert_eq!(scalar(&t.db, "SELECT CAST(COUNT(*) AS BIGINT) FROM media WHERE avatar_of IS NOT NULL").await, 1);
    assert!(scalar(&t.db, "SELECT CAST(SUM(bytes) AS BIGINT) FROM media WHERE owner_id IS NOT NULL").await > 0, "it counts in her quota");
    let feed = feed::feed_page(s, &w.sympathisant, app::model::feed::FeedKey::Member("amina".into()), None, Lang::Fr).await.unwrap();
    assert_eq!(feed.posts[0].author_avatar.as_ref().map(|p| &p.key), Some(&second.key), "cards read the new one");

    // While her account is suspended, nobody is served it.
    app::on_pool!(t.db.write(), p => sqlx::query("UPDATE users SET suspended_at = 1 WHERE handle = 'amina'").execute(p).await.map(|_| ()))
        .unwrap();
    assert!(!served(s, &w.secretary, &second).await);
    app::on_pool!(t.db.write(), p => sqlx::query("UPDATE users SET suspended_at = NULL WHERE handle = 'amina'").execute(p).await.map(|_| ())).unwrap();

    // Removed: no row, no file, no avatar anywhere.
    held_pictures::remove_avatar(s, &w.adherent).await.unwrap();
    assert_eq!(profiles::my_profile(s, &w.adherent).await.unwrap().avatar, None);
    assert_eq!(feed::post_page(s, &w.sympathisant, post).await.unwrap().post.author_avatar, None);
    assert!(stored_keys(s).await.is_empty());
    assert_eq!(scalar(&t.db, "SELECT CAST(COUNT(*) AS BIGINT) FROM media").await, 0);
    assert_eq!(held_pictures::remove_avatar(s, &Subject::anonymous()).await, Err(AppError::NotAuthenticated));
}

async fn banners_for_their_team_seen_like_their_holder(t: &TestDb) {
    let w = world(t).await;
    let s = &w.state;
    // A section's banner: its team only, before the file is looked at; anyone sees it.
    assert_eq!(held_pictures::set_section_banner(s, &w.adherent, "lille", &photo(Vec::new())).await, Err(AppError::Forbidden));
    assert_eq!(held_pictures::set_section_banner(s, &w.secretary, "inconnue", &[]).await, Err(AppError::NotFound));
    held_pictures::set_section_banner(s, &w.secretary, "lille", &photo(jpeg_with_gps(1200, 900))).await.unwrap();
    let banner = sections::section_view(s, &Subject::anonymous(), "lille").await.unwrap().banner.expect("a banner");
    // Upright 900×1200, cut to a 3 × 1 band: 900×300.
    assert_eq!((banner.width, banner.height), (900, 300));
    assert!(served(s, &Subject::anonymous(), &banner).await);
    assert_eq!(
        scalar(&t.db, "SELECT CAST(COUNT(*) AS BIGINT) FROM media WHERE section_banner IS NOT NULL AND owner_id IS NULL").await,
        1,
        "nobody's quota"
    );

    // A private group's banner: its admins change it; only those who see inside see it.
    let form = RawForm::of(&[("name", "Logement digne"), ("purpose", "Agir pour le logement des familles"), ("privacy", "private")]);
    let slug = groups::create(s, &w.adherent, &form).await.unwrap();
    groups::join_or_leave(s, &w.secretary, &slug, GroupAction::Join).await.unwrap();
    groups::decide(s, &w.adherent, &slug, "sophie", MemberDecision::Accept).await.unwrap();
    assert_eq!(held_pictures::set_group_banner(s, &w.secretary, &slug, &photo(png(600, 200))).await, Err(AppError::Forbidden), "a member");
    assert_eq!(held_pictures::set_group_banner(s, &w.sympathisant, &slug, &photo(png(600, 200))).await, Err(AppError::Forbidden));
    held_pictures::set_group_banner(s, &w.adherent, &slug, &photo(png(600, 200))).await.unwrap();
    let inside = groups::view(s, &w.secretary, &slug, None, Lang::Fr).await.unwrap();
    let group_banner = inside.banner.expect("members see it");
    assert!(!inside.can_change_banner && groups::view(s, &w.adherent, &slug, None, Lang::Fr).await.unwrap().can_change_banner);
    assert_eq!(groups::view(s, &w.sympathisant, &slug, None, Lang::Fr).await.unwrap().banner, None, "an outsider's page has none");
    assert!(served(s, &w.secretary, &group_banner).await);
    assert!(!served(s, &w.sympathisant, &group_banner).await, "an outsider gets the 404, even with the address");
    assert!(!served(s, &Subject::anonymous(), &group_banner).await);

    held_pictures::remove_group_banner(s, &w.adherent, &slug).await.unwrap();
    held_pictures::remove_section_banner(s, &w.secretary, "lille").await.unwrap();
    assert_eq!(sections::section_view(s, &w.secretary, "lille").await.unwrap().banner, None);
    assert!(stored_keys(s).await.is_empty());
}

async fn bad_pictures_store_nothing_and_keep_the_old(t: &TestDb) {
    let w = world(t).await;
    let s = &w.state;
    held_pictures::set_avatar(s, &w.adherent, &photo(png(200, 200))).await.unwrap();
    let kept = profiles::my_profile(s, &w.adherent).await.unwrap().avatar.unwrap();
    let html = photo(b"<!doctype html><script>alert(1)</script>".to_vec());
    assert_eq!(field_error(held_pictures::set_avatar(s, &w.adherent, &html).await, PHOTO_FIELD), FieldError::NotAPicture);
    assert_eq!(field_error(held_pictures::set_avatar(s, &w.adherent, &[]).await, PHOTO_FIELD), FieldError::Required);
    let too_large = vec![Upload { field: PHOTO_FIELD.into(), content: UploadContent::TooLarge }];
    assert_eq!(
        field_error(held_pictures::set_avatar(s, &w.adherent, &too_large).await, PHOTO_FIELD),
        FieldError::FileTooLarge { max_mb: 20 }
    );
    let bomb = photo(app::server::testing_images::png_claiming(100_000, 100_000));
    assert!(matches!(
        field_error(held_pictures::set_section_banner(s, &w.secretary, "lille", &bomb).await, PHOTO_FIELD),
        FieldError::ImageTooLarge { .. }
    ));
    let cut = jpeg_with_gps(800, 600);
    let cut = photo(cut[..cut.len() / 2].to_vec());
    assert_eq!(field_error(held_pictures::set_avatar(s, &w.adherent, &cut).await, PHOTO_FIELD), FieldError::DamagedPicture);
    assert_eq!(profiles::my_profile(s, &w.adherent).await.unwrap().avatar, Some(kept.clone()), "the old avatar stays");
    assert_eq!(stored_keys(s).await, vec![kept.key]);
    assert_eq!(scalar(&t.db, "SELECT CAST(COUNT(*) AS BIGINT) FROM media").await, 1);
}

on_both_backends!(
    an_avatar_is_square_replaced_and_removed,
    banners_for_their_team_seen_like_their_holder,
    bad_pictures_store_nothing_and_keep_the_old,
);
