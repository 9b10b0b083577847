//! `coopol`: serve (default) or migrate.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use clap::Parser;
use leptos::config::LeptosOptions;

use app::server::bus::EventBus;
use app::server::context::Settings;
use app::server::media::MediaStore;
use app::server::services::{roles, territory};
use app::server::{AppState, Db};
use coopol_server::config::{Cli, Command, CommonArgs, MailCommand, ServeArgs};
use coopol_server::TERRITORY_GZ;
use coopol_server::{build_router, demo, jobs, telemetry, ServerState};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    telemetry::init_logging(&cli.common.log, cli.common.log_format);
    let result = match cli.command {
        Some(Command::Migrate) => migrate(&cli.common).await,
        Some(Command::ImportTerritory) => import_territory(&cli.common).await,
        Some(Command::GrantAdmin { email }) => operator(&cli.common, Operation::GrantAdmin, &email).await,
        Some(Command::Suspend { email }) => operator(&cli.common, Operation::Suspend, &email).await,
        Some(Command::Restore { email }) => operator(&cli.common, Operation::Restore, &email).await,
        Some(Command::SeedDemo { scale }) => seed_demo(&cli.common, scale).await,
        Some(Command::Mail { action }) => mail_outbox(&cli.common, action).await,
        Some(Command::Serve(args)) => serve(&cli.common, args).await,
        None => serve(&cli.common, ServeArgs::from_env()).await,
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            tracing::error!("{message}");
            eprintln!("coopol: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn open_database(common: &CommonArgs) -> Result<Db, String> {
    let db = Db::connect_with(&common.database_url, common.db_max_connections, common.sqlite_synchronous)
        .await
        .map_err(|e| format!("cannot open the database: {e}"))?;
    db.migrate().await.map_err(|e| format!("migrations failed: {e}"))?;
    Ok(db)
}

async fn migrate(common: &CommonArgs) -> Result<(), String> {
    let db = open_database(common).await?;
    tracing::info!(backend = db.backend_name(), "migrations applied");
    db.close().await;
    Ok(())
}

async fn import_territory(common: &CommonArgs) -> Result<(), String> {
    let db = open_database(common).await?;
    let tsv = territory::decompress(TERRITORY_GZ).map_err(|_| "the embedded territory file is unreadable".to_string())?;
    let mut last_percent = 0;
    let report = territory::import(&db, &tsv, None, |done, total| {
        let percent = done * 100 / total.max(1);
        if percent >= last_percent + 10 || done == total {
            last_percent = percent;
            println!("communes : {done}/{total} ({percent} %)");
        }
    })
    .await
    .map_err(|e| format!("import failed: {e}"))?;
    let (regions, departements, communes) = app::server::store::territory::counts(&db).await.map_err(|e| e.to_string())?;
    println!(
        "Territoire importé en {} ms : {} régions, {} départements, {} communes, {} codes postaux (en base : {regions} régions, {departements} départements, {communes} communes).",
        report.elapsed_ms, report.regions, report.departements, report.communes, report.postal_codes
    );
    db.close().await;
    Ok(())
}

async fn seed_demo(common: &CommonArgs, scale: demo::Scale) -> Result<(), String> {
    let db = open_database(common).await?;
    if territory::ensure_loaded(&db, TERRITORY_GZ).await.map_err(|e| format!("territory import failed: {e}"))?.is_some() {
        println!("Territoire chargé.");
    }
    let sizes = scale.sizes();
    println!(
        "Réseau de démonstration « {} » ({}) : {} personnes, {} sections, {} publications, {} commentaires, {} réactions, {} actions, {} réponses.",
        scale.name(),
        db.backend_name(),
        sizes.people,
        sizes.sections,
        sizes.publications,
        sizes.comments,
        sizes.reactions,
        sizes.actions,
        sizes.rsvps
    );
    let progress = |phase: &str, done: u64, total: u64| println!("  {phase} : {done}/{total}");
    let incomplete = |e: demo::SeedError| match e {
        // Loaded in many transactions (millions of rows): a failure leaves part of a network.
        demo::SeedError::Db(e) => format!("{e} — la base contient un réseau de démonstration incomplet : recommence sur une base vide"),
        e => e.to_string(),
    };
    let started = Instant::now();
    let mut report = demo::seed(&db, scale, &progress).await.map_err(incomplete)?;
    // Its pictures go through the real pipeline into the storage `serve` will read.
    let media = MediaStore::open(&common.media_url)?;
    let state = AppState { db: db.clone(), settings: Arc::new(Settings::default()), bus: EventBus::for_db(&db), media };
    report.rows.extend(demo::seed_pictures(&state, 2010, &progress).await.map_err(incomplete)?);
    report.elapsed = started.elapsed();
    for (table, rows) in &report.rows {
        println!("  {table:<24} {rows:>10}");
    }
    println!(
        "Chargé en {:.1} s. Connecte-toi avec l'un de ces comptes (mot de passe « {} ») :",
        report.elapsed.as_secs_f64(),
        demo::DEMO_PASSWORD
    );
    for (email, who) in demo::DEMO_ACCOUNTS {
        println!("  {email:<30} {who}");
    }
    db.close().await;
    Ok(())
}

enum Operation {
    GrantAdmin,
    Suspend,
    Restore,
}

/// `coopol mail failures|retry`: the operator's view of the outbox.
async fn mail_outbox(common: &CommonArgs, action: MailCommand) -> Result<(), String> {
    let db = open_database(common).await?;
    let result = match action {
        MailCommand::Failures => match app::server::store::mail::failures(&db, 200).await {
            Ok(rows) => {
                println!("{} mail(s) given up", rows.len());
                for r in rows {
                    println!("  #{:<8} {:<22} {} attempt(s)  {}", r.id, r.kind, r.attempts, r.last_error.unwrap_or_default());
                }
                Ok(())
            }
            Err(e) => Err(format!("cannot read the outbox: {e}")),
        },
        MailCommand::Retry { id } => {
            let retried = async {
                let mut tx = db.begin().await?;
                let n = app::server::store::mail::retry(&mut tx, id, app::server::now_ms()).await?;
                tx.commit().await?;
                Ok::<_, sqlx::Error>(n)
            }
            .await;
            match retried {
                Ok(n) => {
                    println!("{n} mail(s) queued again");
                    Ok(())
                }
                Err(e) => Err(format!("cannot update the outbox: {e}")),
            }
        }
    };
    db.close().await;
    result
}

async fn operator(common: &CommonArgs, operation: Operation, email: &str) -> Result<(), String> {
    let db = open_database(common).await?;
    let state =
        AppState { db: db.clone(), settings: Arc::new(Settings::default()), bus: EventBus::for_db(&db), media: MediaStore::in_memory() };
    let result = match operation {
        Operation::GrantAdmin => roles::grant_national_admin_by_email(&state, email).await,
        Operation::Suspend => roles::set_suspended_by_email(&state, email, true).await,
        Operation::Restore => roles::set_suspended_by_email(&state, email, false).await,
    };
    db.close().await;
    match result {
        Ok(user_id) => {
            println!("ok (compte {user_id})");
            Ok(())
        }
        Err(app::error::AppError::NotFound) => Err("no account has this e-mail address".into()),
        Err(e) => Err(format!("failed: {e}")),
    }
}

fn leptos_options(args: &ServeArgs) -> LeptosOptions {
    // cargo-leptos sets LEPTOS_* at build time when it builds the binary; the defaults match
    // Cargo.toml's [[workspace.metadata.leptos]] so a plain start from the repository root works.
    let hash_files = option_env!("LEPTOS_HASH_FILES").is_some_and(|v| v == "true");
    LeptosOptions::builder()
        .output_name(option_env!("LEPTOS_OUTPUT_NAME").unwrap_or("coopol"))
        .site_root(args.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(args.addr)
        .hash_files(hash_files)
        .build()
}

async fn serve(common: &CommonArgs, args: ServeArgs) -> Result<(), String> {
    let started = Instant::now();
    let db = open_database(common).await?;
    let media = MediaStore::open(&common.media_url)?;
    tracing::info!(storage = %media.describe(), "pictures and documents are stored here");
    match territory::ensure_loaded(&db, TERRITORY_GZ).await {
        Ok(Some(report)) => tracing::info!(
            communes = report.communes,
            departements = report.departements,
            elapsed_ms = report.elapsed_ms as u64,
            "territory loaded on first start"
        ),
        Ok(None) => {}
        Err(e) => return Err(format!("territory import failed: {e}")),
    }
    let settings = Settings {
        public_url: args.public_url.clone(),
        rate_limits: args.rate_limits(),
        map: args.map_settings(),
        privacy: args.privacy_settings(),
        moderation: args.moderation_settings(),
        message_mail_delay_ms: args.message_mail_delay_secs.max(0) * 1000,
        announcements_per_week: args.announcements_per_week.max(0),
    };
    if settings.privacy.controller_name.is_empty() {
        tracing::warn!("COOPOL_CONTROLLER_NAME is not set: /confidentialite cannot name who is responsible for the data");
    }
    let state = ServerState {
        app: AppState { db: db.clone(), settings: Arc::new(settings), bus: EventBus::start(&db), media },
        leptos: leptos_options(&args),
        ops: args.operations(),
    };
    let _ = telemetry::metrics_handle();
    let state_for_jobs = state.app.clone();
    let operator = state.clone();
    let router = build_router(state);
    let metrics_server = match args.metrics_addr {
        Some(addr) => {
            let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| format!("cannot listen on {addr} (metrics): {e}"))?;
            tracing::info!(%addr, "metrics served on the operator address");
            let app = coopol_server::health::operator_router(operator);
            Some(tokio::spawn(async move { axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await }))
        }
        None => None,
    };
    let housekeeping = jobs::spawn_housekeeping(state_for_jobs.clone());
    let mailer = match &args.smtp_url {
        Some(url) => coopol_server::mail::Mailer::smtp(url, &args.mail_from)?,
        None => coopol_server::mail::Mailer::files(&args.mail_dir, &args.mail_from)?,
    };
    tracing::info!(via = %mailer.describe(), "e-mails are sent from the outbox");
    let mail_worker = jobs::spawn_mail_worker(db.clone(), mailer, std::time::Duration::from_secs(args.mail_interval_secs.max(1)));
    let exports = jobs::spawn_export_worker(state_for_jobs.clone(), std::time::Duration::from_secs(args.mail_interval_secs.max(1)));
    let erasures = jobs::spawn_erasures(state_for_jobs.clone(), std::time::Duration::from_secs(args.mail_interval_secs.max(1)));
    let reminders = jobs::spawn_reminders(state_for_jobs, std::time::Duration::from_secs(args.reminder_interval_secs.max(1)));

    let listener = tokio::net::TcpListener::bind(args.addr).await.map_err(|e| format!("cannot listen on {}: {e}", args.addr))?;
    tracing::info!(
        addr = %args.addr,
        backend = db.backend_name(),
        startup_ms = started.elapsed().as_millis() as u64,
        "Coopol is listening on http://{}",
        args.addr
    );
    axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| format!("server error: {e}"))?;
    if let Some(metrics_server) = metrics_server {
        metrics_server.abort();
    }
    housekeeping.abort();
    reminders.abort();
    mail_worker.abort();
    exports.abort();
    erasures.abort();
    db.close().await;
    tracing::info!("stopped cleanly");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM; axum then stops accepting and finishes in-flight requests.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown requested; finishing in-flight requests");
}
