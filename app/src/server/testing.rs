//! Fresh databases for tests (feature `test-support`): a temporary SQLite file, or a new
//! PostgreSQL database created on the local server and dropped afterwards. PostgreSQL being
//! unreachable is a failure, never a skip.
#![allow(clippy::panic, clippy::expect_used)]

use crate::model::ids::{ActionId, SectionId, UserId};
use std::sync::Arc;

use crate::server::context::{AppState, RateLimits, Settings};
use crate::server::media::MediaStore;
use crate::server::Db;
use rand::RngCore;

pub fn postgres_admin_url() -> String {
    std::env::var("COOPOL_TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn random_suffix() -> String {
    let mut bytes = [0u8; 6];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// The territory file (embedded in the server binary) for test databases.
pub static TERRITORY_GZ: &[u8] = include_bytes!("../../../server/data/territoire.tsv.gz");

/// Départements whose communes test databases get (all federations exist regardless).
pub const TEST_DEPARTEMENTS: [&str; 4] = ["59", "62", "2A", "75"];

async fn load_test_territory(db: &Db) {
    let tsv = crate::server::services::territory::decompress(TERRITORY_GZ).expect("territory file");
    crate::server::services::territory::import(db, &tsv, Some(&TEST_DEPARTEMENTS), |_, _| {}).await.expect("import territory");
}

/// How long one contract test may run (`COOPOL_TEST_TIMEOUT_SECS`, 300 s by default).
fn test_time_limit() -> std::time::Duration {
    std::time::Duration::from_secs(std::env::var("COOPOL_TEST_TIMEOUT_SECS").ok().and_then(|v| v.parse().ok()).unwrap_or(300))
}

/// Ends the whole test process if a test (set-up and clean-up included) is still running a
/// minute after its time limit, even when it is stuck outside the async runtime's reach.
pub struct Watchdog(#[allow(dead_code)] std::sync::mpsc::Sender<()>);

impl Watchdog {
    pub fn start(test: &'static str) -> Self {
        let (done, wait) = std::sync::mpsc::channel::<()>();
        let limit = test_time_limit() + std::time::Duration::from_secs(60);
        std::thread::spawn(move || {
            // Dropping the guard disconnects the channel: the test ended in time.
            if let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(limit) {
                eprintln!("{test}: still running after {} s, stopping the test run", limit.as_secs());
                std::process::exit(101);
            }
        });
        Self(done)
    }
}

pub enum Cleanup {
    File(std::path::PathBuf),
    PgDatabase(String),
}

pub struct TestDb {
    pub db: Db,
    /// This test's file storage: a fresh local directory, or a fresh prefix of the S3 bucket
    /// `COOPOL_TEST_MEDIA_URL` names (`s3://bucket`, CI's second storage run).
    pub media: MediaStore,
    media_dir: Option<std::path::PathBuf>,
    cleanup: Cleanup,
}

/// A fresh storage for one test (see `TestDb::media`).
fn test_media(suffix: &str) -> (MediaStore, Option<std::path::PathBuf>) {
    match std::env::var("COOPOL_TEST_MEDIA_URL").ok().filter(|u| u.starts_with("s3://")) {
        Some(bucket) => {
            let url = format!("{}/test-{suffix}", bucket.trim_end_matches('/'));
            (MediaStore::open(&url).unwrap_or_else(|e| panic!("{e}")), None)
        }
        None => {
            let dir = std::env::temp_dir().join(format!("coopol-test-media-{suffix}"));
            (MediaStore::open(&dir.display().to_string()).unwrap_or_else(|e| panic!("{e}")), Some(dir))
        }
    }
}

impl TestDb {
    pub async fn sqlite() -> Self {
        Self::sqlite_sized(4).await
    }

    pub async fn postgres() -> Self {
        Self::postgres_sized(4).await
    }

    /// A database whose pools have `max_connections` (benchmarks use the server's default).
    pub async fn sqlite_sized(max_connections: u32) -> Self {
        let suffix = random_suffix();
        let path = std::env::temp_dir().join(format!("coopol-test-{suffix}.db"));
        let db = Db::connect(&format!("sqlite://{}", path.display()), max_connections).await.expect("open sqlite");
        db.migrate().await.expect("migrate sqlite");
        load_test_territory(&db).await;
        let (media, media_dir) = test_media(&suffix);
        Self { db, media, media_dir, cleanup: Cleanup::File(path) }
    }

    pub async fn postgres_sized(max_connections: u32) -> Self {
        let admin_url = postgres_admin_url();
        let suffix = random_suffix();
        let name = format!("coopol_test_{suffix}");
        let admin = Db::connect(&admin_url, 1)
            .await
            .unwrap_or_else(|e| panic!("PostgreSQL is required for the contract tests and is unreachable at {admin_url}: {e}"));
        if let Db::Postgres(pool) = &admin {
            sqlx::query(&format!("CREATE DATABASE {name}")).execute(pool).await.expect("create test database");
        }
        admin.close().await;
        let base = admin_url.rsplit_once('/').map(|(b, _)| b.to_string()).unwrap_or(admin_url.clone());
        let db = Db::connect(&format!("{base}/{name}"), max_connections).await.expect("connect to test database");
        db.migrate().await.expect("migrate postgres");
        load_test_territory(&db).await;
        let (media, media_dir) = test_media(&suffix);
        Self { db, media, media_dir, cleanup: Cleanup::PgDatabase(name) }
    }

    pub fn state(&self, rate_limits: RateLimits) -> AppState {
        AppState {
            db: self.db.clone(),
            settings: Arc::new(Settings { rate_limits, ..Settings::default() }),
            bus: crate::server::bus::EventBus::start(&self.db),
            media: self.media.clone(),
        }
    }

    /// Runs a test body, failing it (with what PostgreSQL was doing) if it outlives
    /// `COOPOL_TEST_TIMEOUT_SECS` (300 by default): a hung test must fail, not eat CI's time.
    pub async fn within_time_limit<F: std::future::Future<Output = ()>>(&self, test: &str, body: F) {
        let limit = test_time_limit();
        if tokio::time::timeout(limit, body).await.is_err() {
            let activity = self.server_activity().await;
            panic!("{test} on {} did not finish within {} s; database sessions:\n{activity}", self.db.backend_name(), limit.as_secs());
        }
    }

    /// What each session on this test's PostgreSQL database is doing (state, wait, query).
    async fn server_activity(&self) -> String {
        let Cleanup::PgDatabase(name) = &self.cleanup else {
            return "(SQLite: no server sessions)".into();
        };
        let Ok(Db::Postgres(pool)) = Db::connect(&postgres_admin_url(), 1).await else {
            return "(PostgreSQL unreachable)".into();
        };
        let sql = "SELECT pid, coalesce(state, ''), coalesce(wait_event_type || ':' || wait_event, ''), \
                   coalesce(extract(epoch FROM now() - xact_start)::int, -1), left(coalesce(query, ''), 300) \
                   FROM pg_stat_activity WHERE datname = $1 ORDER BY pid";
        let rows: Vec<(i32, String, String, i32, String)> = sqlx::query_as(sql).bind(name).fetch_all(&pool).await.unwrap_or_default();
        pool.close().await;
        rows.iter()
            .map(|(pid, state, wait, secs, query)| format!("  pid {pid} {state} wait={wait} tx={secs}s: {query}"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub async fn cleanup(self) {
        // Closing waits for every connection to come back; one held forever must not hang the run.
        if tokio::time::timeout(std::time::Duration::from_secs(30), self.db.close()).await.is_err() {
            eprintln!("test database pool still busy after 30 s; dropping the database anyway");
        }
        if let Some(dir) = &self.media_dir {
            let _ = std::fs::remove_dir_all(dir);
        }
        match self.cleanup {
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Cleanup::PgDatabase(name) => {
                if let Ok(Db::Postgres(pool)) = Db::connect(&postgres_admin_url(), 1).await {
                    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&pool).await;
                    pool.close().await;
                }
            }
        }
    }
}

/// Test data built straight through the stores (what sign-up and the territory pages do, without
/// their forms): a person living in `commune`, with a membership claim and its status.
pub async fn person(db: &Db, handle: &str, commune: &str, membership: &str, status: &str) -> UserId {
    use crate::server::{now_ms, store};
    let mut tx = db.begin().await.expect("begin");
    let email = format!("{handle}@example.fr");
    let new = store::users::NewUser {
        handle,
        display_name: handle,
        email: &email,
        email_normalized: Some(&email),
        password_hash: "x",
        postal_code: "59000",
        membership,
        membership_status: status,
        commune_insee: Some(commune),
        now_ms: now_ms(),
    };
    let id = store::users::insert(&mut tx, &new).await.expect("insert user");
    store::profiles::insert_default(&mut tx, id, now_ms()).await.expect("insert profile");
    tx.commit().await.expect("commit");
    id
}

/// A section of federation `fed` covering `communes` (INSEE codes).
pub async fn section(db: &Db, slug: &str, fed: &str, communes: &[&str]) -> SectionId {
    use crate::server::{now_ms, store};
    let mut tx = db.begin().await.expect("begin");
    let new = store::sections::NewSection { slug, name: slug, description: "", federation_code: fed, created_by: None, now_ms: now_ms() };
    let id = store::sections::insert(&mut tx, &new).await.expect("insert section");
    for c in communes {
        store::sections::attach_commune(&mut tx, c, id).await.expect("attach commune");
    }
    tx.commit().await.expect("commit");
    id
}

/// Declares person `id` available for `kind` (engagement à la carte, as their profile form does).
pub async fn availability(db: &Db, id: UserId, kind: &str) {
    let mut tx = db.begin().await.expect("begin");
    crate::on_tx!(&mut tx, c => sqlx::query("INSERT INTO profile_availabilities (user_id, kind) VALUES ($1, $2)").bind(id).bind(kind).execute(c).await.map(|r| r.rows_affected()))
        .expect("insert availability");
    tx.commit().await.expect("commit");
}

/// The policy's view of person `id`, as a request of theirs would load it.
pub async fn subject(db: &Db, id: UserId) -> crate::server::policy::Subject {
    crate::server::services::subjects::of_person(db, id).await.expect("load subject")
}

/// Moves an action in time (the forms refuse a start in the past): for comptes-rendus,
/// reminders and statistics, which concern actions that have started or are about to.
pub async fn move_action(db: &Db, action_id: ActionId, starts_at: i64, ends_at: i64) {
    use crate::on_tx;
    let mut tx = db.begin().await.expect("begin");
    let sql = "UPDATE actions SET starts_at = $1, ends_at = $2 WHERE id = $3";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(starts_at).bind(ends_at).bind(action_id).execute(c).await.map(|r| r.rows_affected()))
        .expect("move action");
    tx.commit().await.expect("commit");
}

/// Declares `name::sqlite` and `name::postgres` tests running `async fn name(db: &TestDb)`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    let _watchdog = $crate::server::testing::Watchdog::start(concat!(stringify!($name), "::sqlite"));
                    let t = $crate::server::testing::TestDb::sqlite().await;
                    t.within_time_limit(stringify!($name), super::$name(&t)).await;
                    t.cleanup().await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    let _watchdog = $crate::server::testing::Watchdog::start(concat!(stringify!($name), "::postgres"));
                    let t = $crate::server::testing::TestDb::postgres().await;
                    t.within_time_limit(stringify!($name), super::$name(&t)).await;
                    t.cleanup().await;
                }
            }
        )*
    };
}

/// The mails waiting in the outbox, taken as a worker would (so each is read once).
pub async fn outbox(db: &Db) -> Vec<crate::server::store::mail::MailRow> {
    use crate::server::{now_ms, store};
    let mut rows = Vec::new();
    let mut tx = db.begin().await.expect("begin");
    while let Some(row) = store::mail::take_due(&mut tx, now_ms(), now_ms() + 60_000).await.expect("take mail") {
        rows.push(row);
    }
    tx.commit().await.expect("commit");
    rows
}

/// The token of the first link to `path` (e.g. "/adresse/") in a mail's text.
pub fn link_token(text: &str, path: &str) -> String {
    let start = text.find(path).unwrap_or_else(|| panic!("a link to {path} in {text}")) + path.len();
    text[start..].split_whitespace().next().unwrap_or_default().to_string()
}

/// The password of the accounts made with `sign_up_form`.
pub const PASSWORD: &str = "un mot de passe solide";

/// A complete sign-up form (Lille's postal code, consent given), as a person would send it.
pub fn sign_up_form(display_name: &str, email: &str, membership: &str) -> crate::model::form::RawForm {
    crate::model::form::RawForm::of(&[
        ("display_name", display_name),
        ("email", email),
        ("password", PASSWORD),
        ("postal_code", "59000"),
        ("membership", membership),
        ("consent", "oui"),
        ("charte", "oui"),
    ])
}

/// Opens the address link waiting in the outbox for `to` (the other mails taken are dropped).
pub async fn confirm_address(state: &AppState, to: &str) {
    let mails = outbox(&state.db).await;
    let mail = mails.iter().find(|m| m.to_address == to && m.kind == "address_check").expect("an address link for this person");
    let token = link_token(&mail.body_text, "/adresse/");
    crate::server::services::address::confirm(state, &token).await.expect("confirm the address");
}

/// The error a refused form gave `field` (the test fails if it was taken or refused otherwise).
pub fn field_error(result: Result<impl std::fmt::Debug, crate::error::AppError>, field: &str) -> crate::model::form::FieldError {
    match result {
        Err(crate::error::AppError::Validation(errors)) => {
            errors.get(field).cloned().unwrap_or_else(|| panic!("no error on {field}: {errors:?}"))
        }
        other => panic!("expected a refusal on {field}, got {other:?}"),
    }
}

/// One number a query answers (a count, a sum), on the read pool.
pub async fn scalar(db: &Db, sql: &str) -> i64 {
    crate::on_pool!(db.read(), p => sqlx::query_scalar::<_, i64>(sql).fetch_one(p).await).expect("a number")
}
