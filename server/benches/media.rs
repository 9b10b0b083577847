//! Benchmark of pictures (issue 21), `make bench-media` (and part of `make bench`):
//! - processing one 12-megapixel phone photo (4000×3000 JPEG): decode, orientation, three widths
//!   in WebP and JPEG — p50 and p99 on one worker;
//! - throughput of the bounded pool (`MediaStore::process`, 2 workers) on a burst of photos;
//! - serving a stored 960-pixel picture through `/medias/…` (session, holder's rule, storage read)
//!   against serving a static file of the very same bytes through the same router's file
//!   service; the goal is within 2×.
//!
//! Release build, a real SQLite file, the local directory storage. Never part of the test suite.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use app::model::form::RawForm;
use app::server::auth::session_token;
use app::server::context::{AppState, Limit, RateLimits, Settings};
use app::server::media::picture;
use app::server::media::{Upload, UploadContent};
use app::server::services::posts;
use app::server::testing::{self, TestDb};
use app::server::{now_ms, store};
use axum::body::Body;
use coopol_server::{build_router, ServerState};
use http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use image::codecs::jpeg::JpegEncoder;
use leptos::config::LeptosOptions;
use tower::ServiceExt;

const PROCESS_ROUNDS: usize = 12;
const BURST: usize = 12;
const SERVE_ROUNDS: usize = 3_000;

fn percentile(samples: &mut [Duration], q: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 - 1.0) * q).round() as usize]
}

fn line(label: &str, samples: &mut [Duration]) {
    let p50 = percentile(samples, 0.5);
    let p99 = percentile(samples, 0.99);
    println!("| {label:<58} | {:>10.2} ms | {:>10.2} ms | {:>6} |", p50.as_secs_f64() * 1e3, p99.as_secs_f64() * 1e3, samples.len());
}

/// A 4000×3000 JPEG with a photo's texture (gradients and grain: not a flat image that would
/// encode in no time), quality 90 as phones write them.
fn twelve_megapixel_photo() -> Vec<u8> {
    let mut seed: u32 = 0x9e37_79b9;
    let rgb = image::RgbImage::from_fn(4000, 3000, |x, y| {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        let grain = (seed >> 28) as u8;
        image::Rgb([((x / 16) % 256) as u8 ^ grain, ((y / 12) % 256) as u8, (((x + y) / 28) % 256) as u8 ^ (grain << 1)])
    });
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 90).encode_image(&rgb).unwrap();
    out
}

async fn processing(state: &AppState, photo: &Arc<Vec<u8>>) {
    let mut samples = Vec::new();
    for _ in 0..PROCESS_ROUNDS {
        let started = Instant::now();
        let done = picture::process(photo).unwrap();
        samples.push(started.elapsed());
        assert_eq!(done.variants.len(), 3);
    }
    line(&format!("process a 12 Mpx photo ({:.1} MB), 1 worker", photo.len() as f64 / 1e6), &mut samples);

    let started = Instant::now();
    let jobs: Vec<_> = (0..BURST)
        .map(|_| {
            let (media, photo) = (state.media.clone(), photo.clone());
            async move { media.process(move || picture::process(&photo).map(|p| p.variants.len())).await.unwrap().unwrap() }
        })
        .collect();
    let done = futures_util::future::join_all(jobs).await;
    assert!(done.iter().all(|n| *n == 3));
    let elapsed = started.elapsed();
    println!(
        "| {:<58} | {:>10.2} /s | {:>10.2} s  | {:>6} |",
        format!("throughput, {} workers, burst of {BURST}", app::server::media::WORKERS),
        BURST as f64 / elapsed.as_secs_f64(),
        elapsed.as_secs_f64(),
        BURST
    );
}

async fn serving(t: &TestDb, state: AppState, photo: Vec<u8>) {
    testing::section(&t.db, "lille", "59", &["59350"]).await;
    let ada = testing::person(&t.db, "ada", "59350", "adherent", "confirmed").await;
    let subject = testing::subject(&t.db, ada).await;
    let upload = Upload { field: "photo_1".into(), content: UploadContent::Bytes(photo.into()) };
    let form = RawForm::of(&[("body", "Le stand"), ("audience_group", "section|")]);
    let post = posts::publish_with_pictures(&state, &subject, &form, &[upload]).await.unwrap();
    let row = store::posts::visible(&t.db, ada, post, false).await.unwrap().unwrap();
    let key = app::server::services::media::pictures_of(&row.post.pictures)[0].key.clone();
    let picture_path = format!("/medias/{key}/960.jpg");
    // The same bytes as a static file of the site.
    let site = std::env::temp_dir().join(format!("coopol-bench-site-{}", std::process::id()));
    std::fs::create_dir_all(&site).unwrap();
    let bytes = state.media.get(&format!("{key}/960.jpg")).await.unwrap().unwrap();
    std::fs::write(site.join("meme-photo.jpg"), &bytes).unwrap();

    let token = session_token::generate();
    let mut tx = t.db.begin().await.unwrap();
    store::sessions::insert(&mut tx, &session_token::hash(&token), ada, now_ms(), now_ms() + 3_600_000).await.unwrap();
    tx.commit().await.unwrap();
    let cookie = format!("{}={token}", session_token::COOKIE_NAME);
    let router = build_router(ServerState {
        app: state,
        leptos: LeptosOptions::builder().output_name("coopol").site_root(site.display().to_string()).site_pkg_dir("pkg").build(),
        ops: Default::default(),
    });
    let request = |path: &str| {
        Request::get(path).header(header::HOST, "localhost:3000").header(header::COOKIE, cookie.as_str()).body(Body::empty()).unwrap()
    };
    let mut results = Vec::new();
    for (label, path) in [
        ("a static file of the same bytes (ServeDir)", "/meme-photo.jpg".to_string()),
        ("a stored picture, 960 px JPEG (/medias)", picture_path),
    ] {
        let mut samples = Vec::with_capacity(SERVE_ROUNDS);
        for _ in 0..SERVE_ROUNDS {
            let started = Instant::now();
            let response = router.clone().oneshot(request(&path)).await.unwrap();
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            let body = response.into_body().collect().await.unwrap().to_bytes();
            samples.push(started.elapsed());
            assert_eq!(body.len(), bytes.len());
        }
        line(&format!("serve {label}, {} kB", bytes.len() / 1000), &mut samples);
        results.push(percentile(&mut samples, 0.5));
    }
    println!(
        "| {:<58} | {:>12.2} | {:>13} | {:>6} |",
        "ratio of the medians, picture ÷ static (goal ≤ 2)",
        results[1].as_secs_f64() / results[0].as_secs_f64(),
        "",
        ""
    );
    let _ = std::fs::remove_dir_all(site);
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let t = TestDb::sqlite_sized(16).await;
        let state = AppState {
            db: t.db.clone(),
            settings: Arc::new(Settings {
                rate_limits: RateLimits { posting_per_account: Limit { max: 1_000_000, window_secs: 60 }, ..RateLimits::default() },
                ..Settings::default()
            }),
            bus: app::server::bus::EventBus::start(&t.db),
            media: t.media.clone(),
        };
        let photo = Arc::new(twelve_megapixel_photo());
        println!("\nPictures — release build, SQLite, local storage ({})\n", state.media.describe());
        println!("| {:<58} | {:>13} | {:>13} | {:>6} |", "what", "p50", "p99", "n");
        println!("|{:-<60}|{:-<15}|{:-<15}|{:-<8}|", "", "", "", "");
        processing(&state, &photo).await;
        serving(&t, state, photo.as_ref().clone()).await;
        t.cleanup().await;
    });
}
