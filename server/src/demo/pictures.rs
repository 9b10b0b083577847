//! The demo network's pictures: avatars for the demo accounts and the authors of the first page
//! of the documented secretary's home feed, banners for the first sections and groups, and photos
//! on some of those publications — so a newcomer sees cards with faces and photos, and `make
//! bench` (signed in as that secretary) measures a feed with photos (Lighthouse's CLS and LCP). The pictures are generated (a sky, a ground and
//! a few round shapes, deterministic from the seed), then go through the real pipeline and
//! storage, like an upload.

use app::error::AppError;
use app::i18n::Lang;
use app::model::feed::FeedKey;
use app::model::ids::{GroupId, PostId, SectionId, UserId};
use app::on_pool;
use app::server::context::AppState;
use app::server::media::picture::Shape;
use app::server::now_ms;
use app::server::services::media::{self, StoredPicture};
use app::server::services::{feed, subjects};
use app::server::store::media::{set_drawn, MediaHolder};

use super::bulk::Rng;
use super::network::Progress;
use super::{SeedError, DEMO_ACCOUNTS};

/// The first sections and groups, which get a banner.
const BANNERS: i64 = 3;

/// Adds the pictures to a seeded network; returns the rows made, per table.
pub async fn seed_pictures(state: &AppState, seed: u64, progress: Progress<'_>) -> Result<Vec<(&'static str, u64)>, SeedError> {
    let db = &state.db;
    let mut rng = Rng::new(seed ^ 0x5eed_9a11);
    let secretary = "SELECT id FROM users WHERE email = 'secretaire@demo.coopol.fr'";
    let secretary: Option<i64> = on_pool!(db.read(), p => sqlx::query_scalar(secretary).fetch_optional(p).await)?;
    // The publications of the secretary's home feed's first page, with their authors.
    let mut posts: Vec<(i64, i64)> = Vec::new();
    if let Some(secretary) = secretary {
        let subject = subjects::of_person(db, UserId(secretary)).await.map_err(|e| SeedError::Pictures(format!("{e:?}")))?;
        let page =
            feed::feed_page(state, &subject, FeedKey::Home, None, Lang::Fr).await.map_err(|e| SeedError::Pictures(format!("{e:?}")))?;
        // Their authors in one statement (the ids are the feed's own, not user input).
        let ids: Vec<String> = page.posts.iter().map(|p| p.id.to_string()).collect();
        if !ids.is_empty() {
            let sql =
                format!("SELECT id, author_id FROM posts WHERE id IN ({}) AND author_id IS NOT NULL ORDER BY id DESC", ids.join(", "));
            posts = on_pool!(db.read(), p => sqlx::query_as(&sql).fetch_all(p).await)?;
        }
    }
    let emails: Vec<String> = DEMO_ACCOUNTS.iter().map(|(email, _)| format!("'{email}'")).collect();
    let sql = format!("SELECT id FROM users WHERE email IN ({}) ORDER BY id", emails.join(", "));
    let mut people: Vec<i64> = on_pool!(db.read(), p => sqlx::query_scalar(&sql).fetch_all(p).await)?;
    people.extend(posts.iter().map(|(_, author)| *author));
    people.sort_unstable();
    people.dedup();
    let sections: Vec<i64> =
        on_pool!(db.read(), p => sqlx::query_scalar("SELECT id FROM sections ORDER BY id LIMIT $1").bind(BANNERS).fetch_all(p).await)?;
    let groups: Vec<i64> =
        on_pool!(db.read(), p => sqlx::query_scalar("SELECT id FROM groups ORDER BY id LIMIT $1").bind(BANNERS).fetch_all(p).await)?;

    let total = (people.len() + sections.len() + groups.len() + posts.len()) as u64;
    let mut done = 0u64;
    let mut rows = 0u64;
    for id in &people {
        let picture = make(state, &mut rng, 480, 480, "", Shape::Avatar).await?;
        hold(state, Some(UserId(*id)), MediaHolder::Avatar(UserId(*id)), &[picture]).await?;
        rows += 1;
        done += 1;
        progress("photos de profil, bannières et photos", done, total);
    }
    for (holder, id) in sections.iter().map(|id| ("section", *id)).chain(groups.iter().map(|id| ("group", *id))) {
        let picture = make(state, &mut rng, 1800, 600, "", Shape::Banner).await?;
        let holder = if holder == "section" { MediaHolder::SectionBanner(SectionId(id)) } else { MediaHolder::GroupBanner(GroupId(id)) };
        hold(state, None, holder, &[picture]).await?;
        rows += 1;
        done += 1;
        progress("photos de profil, bannières et photos", done, total);
    }
    for (i, (post, author)) in posts.iter().enumerate() {
        let count = match i % 6 {
            0 => 2,
            2 | 4 => 1,
            _ => 0,
        };
        let mut pictures = Vec::new();
        for n in 0..count {
            let (w, h) = if (i + n) % 3 == 0 { (1200, 1600) } else { (1600, 1200) };
            pictures.push(make(state, &mut rng, w, h, ALTS[(i + n) % ALTS.len()], Shape::Photo).await?);
        }
        if !pictures.is_empty() {
            rows += pictures.len() as u64;
            hold(state, Some(UserId(*author)), MediaHolder::Post(PostId(*post)), &pictures).await?;
        }
        done += 1;
        progress("photos de profil, bannières et photos", done, total);
    }
    Ok(vec![("media", rows)])
}

/// What the photos show, as their descriptions say.
const ALTS: [&str; 4] = [
    "Le stand de la section au marché, sous le soleil",
    "L’équipe de tractage devant la gare",
    "La salle de la réunion publique avant l’arrivée du public",
    "Les tracts et les affiches prêts pour samedi",
];

/// A generated `width`×`height` JPEG (a sky, a ground, a few round shapes), processed and stored.
async fn make(state: &AppState, rng: &mut Rng, width: u32, height: u32, alt: &str, shape: Shape) -> Result<StoredPicture, SeedError> {
    let hue = |rng: &mut Rng| [rng.between(40, 230) as u8, rng.between(40, 230) as u8, rng.between(40, 230) as u8];
    let (sky, ground) = (hue(rng), hue(rng));
    let horizon = height * rng.between(45, 70) as u32 / 100;
    let discs: Vec<(u32, u32, u32, [u8; 3])> = (0..rng.between(3, 7))
        .map(|_| {
            let r = width * rng.between(6, 18) as u32 / 100;
            (rng.below(width as usize) as u32, horizon.saturating_sub(r / 2), r, hue(rng))
        })
        .collect();
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        for (cx, cy, r, colour) in &discs {
            let (dx, dy) = (i64::from(x) - i64::from(*cx), i64::from(y) - i64::from(*cy));
            if dx * dx + dy * dy <= i64::from(*r) * i64::from(*r) {
                return image::Rgb(*colour);
            }
        }
        let base = if y < horizon { sky } else { ground };
        // A gentle gradient, as light falls.
        let shade = (y * 40 / height) as u8;
        image::Rgb([base[0].saturating_sub(shade), base[1].saturating_sub(shade), base[2].saturating_sub(shade)])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85)
        .encode_image(&image)
        .map_err(|e| SeedError::Pictures(format!("encoding a demo picture: {e}")))?;
    media::store_picture(state, jpeg.into(), alt.to_string(), shape)
        .await
        .map_err(|e| SeedError::Pictures(format!("processing a demo picture: {e:?}")))
}

/// The rows of `pictures`, held by `holder`, and what its pages draw — one transaction.
async fn hold(state: &AppState, owner: Option<UserId>, holder: MediaHolder, pictures: &[StoredPicture]) -> Result<(), SeedError> {
    let now = now_ms();
    let drawn = match holder {
        MediaHolder::Post(_) => media::pictures_json(pictures),
        _ => serde_json::to_string(&pictures[0].picture).unwrap_or_default(),
    };
    let result: Result<(), AppError> = async {
        let mut tx = state.db.begin().await?;
        for (position, p) in pictures.iter().enumerate() {
            media::insert_row(&mut tx, owner, holder, position, p, now).await?;
        }
        set_drawn(&mut tx, holder, &drawn).await?;
        tx.commit().await?;
        Ok(())
    }
    .await;
    result.map_err(|e| SeedError::Pictures(format!("keeping a demo picture: {e:?}")))
}
