//! Command line and environment: every setting is a flag with a `COOPOL_*` variable behind it.

use std::net::SocketAddr;

use clap::{Args, Parser, Subcommand, ValueEnum};

use app::server::context::{Limit, MapSettings, RateLimits};

#[derive(Debug, Parser)]
#[command(name = "coopol", version, about = "Coopol — le réseau social coopératif des sections et fédérations")]
pub struct Cli {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
// Parsed once at start: the size of `Serve` costs nothing.
#[allow(clippy::large_enum_variant)]
pub enum Command {
    /// Serve the web application (default).
    Serve(ServeArgs),
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load or update the French territory (régions, départements, communes) from the embedded
    /// open data; re-runnable.
    ImportTerritory,
    /// Make the account with this e-mail a national admin.
    GrantAdmin {
        #[arg(long)]
        email: String,
    },
    /// Suspend the account with this e-mail (signed out everywhere, treated as anonymous).
    Suspend {
        #[arg(long)]
        email: String,
    },
    /// Lift the suspension of the account with this e-mail.
    Restore {
        #[arg(long)]
        email: String,
    },
    /// The mail outbox: `failures` lists the mails given up, `retry` queues them again.
    Mail {
        #[command(subcommand)]
        action: MailCommand,
    },
    /// Fill an empty database with a deterministic demo network (marked as such): small for
    /// trying Coopol out, S (10,000 people, 100,000 publications…) and M (ten times S) for
    /// benchmarks. Every demo account's password is "coopol-demo".
    SeedDemo {
        #[arg(long, value_enum, default_value_t = crate::demo::Scale::Small)]
        scale: crate::demo::Scale,
    },
}

#[derive(Debug, Subcommand)]
pub enum MailCommand {
    /// List the mails given up after every attempt (kind, attempts, last error; never an address).
    Failures,
    /// Queue the mails given up again (all, or the one with `--id`).
    Retry {
        #[arg(long)]
        id: Option<i64>,
    },
}

#[derive(Debug, Clone, Args)]
pub struct CommonArgs {
    /// Database URL: sqlite://path/to/file.db or postgres://user@host/db.
    #[arg(long, env = "COOPOL_DATABASE_URL", default_value = "sqlite://data/coopol.db", global = true)]
    pub database_url: String,
    /// Log filter (tracing syntax), e.g. "info" or "coopol_server=debug,info".
    #[arg(long, env = "COOPOL_LOG", default_value = "info", global = true)]
    pub log: String,
    /// Log format.
    #[arg(long, env = "COOPOL_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,
    /// SQLite only: `full` (default) makes every acknowledged commit survive a power loss;
    /// `normal` commits faster but may lose the last commits on a power loss (see README).
    #[arg(long, env = "COOPOL_SQLITE_SYNCHRONOUS", default_value = "full", global = true)]
    pub sqlite_synchronous: app::server::db::SqliteDurability,
    /// Maximum database connections per pool.
    #[arg(long, env = "COOPOL_DB_MAX_CONNECTIONS", default_value_t = 16, global = true)]
    pub db_max_connections: u32,
    /// Where pictures and documents are stored: a directory (default `data/media`, created if
    /// missing) or `s3://bucket[/prefix]` for S3-compatible storage shared by several instances
    /// (endpoint, region and keys from the standard `AWS_ENDPOINT`, `AWS_REGION`,
    /// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`; `AWS_ALLOW_HTTP=true` for a plain-http one).
    #[arg(long, env = "COOPOL_MEDIA_URL", default_value = "data/media", global = true)]
    pub media_url: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "COOPOL_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// Public URL (scheme://host[:port]) when served behind a proxy; enables Secure cookies on https.
    #[arg(long, env = "COOPOL_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Folder with the built site (pkg/, icons, manifest): cargo-leptos writes target/site.
    #[arg(long, env = "COOPOL_SITE_ROOT", default_value = "target/site")]
    pub site_root: String,
    /// How many proxies you control stand in front of Coopol, each appending to X-Forwarded-For:
    /// the client's address is the one the outermost of them added (counted from the right).
    /// 0 (default, or `false`): the header is ignored; `true` means 1.
    #[arg(long, env = "COOPOL_TRUST_PROXY", default_value = "0", value_parser = parse_proxy_hops)]
    pub trust_proxy: usize,
    /// A separate address for operators (e.g. 127.0.0.1:9100) serving GET /metrics and /healthz.
    #[arg(long, env = "COOPOL_METRICS_ADDR")]
    pub metrics_addr: Option<SocketAddr>,
    /// A bearer token that opens GET /metrics on the public address too; without it (and without
    /// COOPOL_METRICS_ADDR) metrics are not served at all.
    #[arg(long, env = "COOPOL_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,
    /// Sign-ups allowed per client address per hour.
    #[arg(long, env = "COOPOL_SIGNUP_LIMIT_PER_HOUR", default_value_t = 10)]
    pub signup_limit_per_hour: i64,
    /// Sign-in attempts allowed per client address per 15 minutes.
    #[arg(long, env = "COOPOL_SIGNIN_LIMIT_PER_IP", default_value_t = 30)]
    pub signin_limit_per_ip: i64,
    /// Failed sign-ins allowed per account per 15 minutes.
    #[arg(long, env = "COOPOL_SIGNIN_FAILURE_LIMIT", default_value_t = 8)]
    pub signin_failure_limit: i64,
    /// Publications and comments allowed per account per 10 minutes.
    #[arg(long, env = "COOPOL_POSTING_LIMIT", default_value_t = 30)]
    pub posting_limit: i64,
    /// Changes of commune (so of section) allowed per account within COOPOL_MOVE_WINDOW_DAYS.
    #[arg(long, env = "COOPOL_MOVE_LIMIT", default_value_t = 2)]
    pub move_limit: i64,
    #[arg(long, env = "COOPOL_MOVE_WINDOW_DAYS", default_value_t = 30)]
    pub move_window_days: i64,
    /// Coopain requests and withdrawals allowed per account per hour.
    #[arg(long, env = "COOPOL_COOPAIN_LIMIT_PER_HOUR", default_value_t = 30)]
    pub coopain_limit_per_hour: i64,
    /// SMTP relay for e-mails (`smtp://host:port`); none: e-mails are written as .eml files to
    /// COOPOL_MAIL_DIR.
    #[arg(long, env = "COOPOL_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// Where e-mails are written without SMTP (one .eml file each).
    #[arg(long, env = "COOPOL_MAIL_DIR", default_value = "data/mails")]
    pub mail_dir: String,
    /// How often the mail worker looks at the outbox, in seconds.
    #[arg(long, env = "COOPOL_MAIL_INTERVAL_SECS", default_value_t = 10)]
    pub mail_interval_secs: u64,
    /// Sender of the e-mails.
    #[arg(long, env = "COOPOL_MAIL_FROM", default_value = "Coopol <ne-pas-repondre@coopol.invalid>")]
    pub mail_from: String,
    /// How long a request to erase an account waits (cancellable) before it takes effect, in
    /// seconds (7 days).
    #[arg(long, env = "COOPOL_ERASURE_DELAY_SECS", default_value_t = 7 * 86_400)]
    pub erasure_delay_secs: i64,
    /// Sympathisants and people who left are erased this many days after their last visit (the
    /// CNIL's recommendation for political parties: 3 years), warned a month before.
    #[arg(long, env = "COOPOL_RETENTION_DAYS", default_value_t = 3 * 365)]
    pub retention_days: i64,
    /// The data controller shown on /confidentialite: the party or federation running Coopol.
    #[arg(long, env = "COOPOL_CONTROLLER_NAME", default_value = "")]
    pub controller_name: String,
    /// Its postal address.
    #[arg(long, env = "COOPOL_CONTROLLER_ADDRESS", default_value = "")]
    pub controller_address: String,
    /// Where people write about their personal data (an e-mail address or a URL).
    #[arg(long, env = "COOPOL_PRIVACY_CONTACT", default_value = "")]
    pub privacy_contact: String,
    /// The data protection officer's contact, if one was appointed.
    #[arg(long, env = "COOPOL_DPO_CONTACT", default_value = "")]
    pub dpo_contact: String,
    /// Reports ("signaler") one person may make per hour (a sixth of it in their first day).
    #[arg(long, env = "COOPOL_REPORT_LIMIT_PER_HOUR", default_value_t = 20)]
    pub report_limit_per_hour: i64,
    /// New conversations one person may start per day (each may notify up to 29 people).
    #[arg(long, env = "COOPOL_CONVERSATION_LIMIT_PER_DAY", default_value_t = 20)]
    pub conversation_limit_per_day: i64,
    /// How long a message stays unread before its reader gets one e-mail for the conversation,
    /// in seconds (checked by the reminder job, every `COOPOL_REMINDER_INTERVAL_SECS`).
    #[arg(long, env = "COOPOL_MESSAGE_MAIL_DELAY_SECS", default_value_t = 900)]
    pub message_mail_delay_secs: i64,
    /// Annonces one section's (or federation's) team may send in a rolling week (0: no limit).
    #[arg(long, env = "COOPOL_ANNOUNCEMENTS_PER_WEEK", default_value_t = 3)]
    pub announcements_per_week: i64,
    /// For how many hours after sign-up an account is new: it publishes and reports less.
    #[arg(long, env = "COOPOL_NEW_ACCOUNT_HOURS", default_value_t = 24)]
    pub new_account_hours: i64,
    /// A publication or comment reported by this many distinct people is hidden until a
    /// moderator decides (0: never).
    #[arg(long, env = "COOPOL_AUTO_HIDE_REPORTERS", default_value_t = 5)]
    pub auto_hide_reporters: i64,
    /// How often the reminder job looks for actions coming up, in seconds.
    #[arg(long, env = "COOPOL_REMINDER_INTERVAL_SECS", default_value_t = 60)]
    pub reminder_interval_secs: u64,
    /// Map tiles, a Leaflet URL template; `off` (or empty) for maps without a background.
    #[arg(long, env = "COOPOL_MAP_TILES", default_value = app::server::context::OSM_TILES)]
    pub map_tiles: String,
    /// The tile provider's credit (plain text) and its link.
    #[arg(long, env = "COOPOL_MAP_ATTRIBUTION", default_value = "© les contributeurs d’OpenStreetMap")]
    pub map_attribution: String,
    #[arg(long, env = "COOPOL_MAP_ATTRIBUTION_URL", default_value = "https://www.openstreetmap.org/copyright")]
    pub map_attribution_url: String,
}

impl Default for CommonArgs {
    fn default() -> Self {
        Self {
            database_url: "sqlite://data/coopol.db".into(),
            log: "info".into(),
            log_format: LogFormat::Text,
            sqlite_synchronous: Default::default(),
            db_max_connections: 16,
            media_url: "data/media".into(),
        }
    }
}

/// `COOPOL_TRUST_PROXY`: a number of hops; the former boolean values still read as 0 and 1.
fn parse_proxy_hops(value: &str) -> Result<usize, String> {
    match value.trim() {
        "false" | "" => Ok(0),
        "true" => Ok(1),
        n => n.parse().map_err(|_| format!("COOPOL_TRUST_PROXY: a number of proxies (0, 1, 2…), not {n:?}")),
    }
}

impl ServeArgs {
    pub fn operations(&self) -> crate::state::Operations {
        crate::state::Operations {
            proxy_hops: self.trust_proxy,
            metrics_token: self.metrics_token.clone().filter(|t| !t.is_empty()),
            uploads: Default::default(),
        }
    }

    pub fn rate_limits(&self) -> RateLimits {
        RateLimits {
            signup_per_ip: Limit { max: self.signup_limit_per_hour, window_secs: 3600 },
            // Repeated sign-ups for one address (probing whether it has an account).
            signup_per_account: Limit { max: 5, window_secs: 3600 },
            signin_per_ip: Limit { max: self.signin_limit_per_ip, window_secs: 15 * 60 },
            signin_failures_per_account: Limit { max: self.signin_failure_limit, window_secs: 15 * 60 },
            posting_per_account: Limit { max: self.posting_limit, window_secs: 10 * 60 },
            moves_per_account: Limit { max: self.move_limit, window_secs: self.move_window_days * 24 * 3600 },
            coopain_per_account: Limit { max: self.coopain_limit_per_hour, window_secs: 3600 },
            reports_per_account: Limit { max: self.report_limit_per_hour, window_secs: 3600 },
            conversations_per_account: Limit { max: self.conversation_limit_per_day, window_secs: 24 * 3600 },
            messages_per_account: Limit { max: 120, window_secs: 10 * 60 },
        }
    }

    pub fn moderation_settings(&self) -> app::server::context::ModerationSettings {
        app::server::context::ModerationSettings {
            new_account_ms: self.new_account_hours.max(0) * 3_600_000,
            auto_hide_reporters: self.auto_hide_reporters.max(0),
            ..Default::default()
        }
    }

    pub fn map_settings(&self) -> MapSettings {
        let tiles = self.map_tiles.trim();
        MapSettings {
            tiles: if tiles == "off" { String::new() } else { tiles.to_string() },
            attribution: self.map_attribution.clone(),
            attribution_url: self.map_attribution_url.clone(),
        }
    }

    pub fn privacy_settings(&self) -> app::server::context::PrivacySettings {
        use app::server::context::{PrivacySettings, DAY_MS};
        PrivacySettings {
            erasure_delay_ms: self.erasure_delay_secs.max(0) * 1000,
            retention_ms: self.retention_days.max(31) * DAY_MS,
            controller_name: self.controller_name.trim().to_string(),
            controller_address: self.controller_address.trim().to_string(),
            privacy_contact: self.privacy_contact.trim().to_string(),
            dpo_contact: self.dpo_contact.trim().to_string(),
            // Only the host: a URL may carry credentials.
            mail_relay: self.smtp_url.as_deref().and_then(|url| {
                let rest = url.split_once("://").map_or(url, |(_, r)| r);
                let host_port = rest.rsplit('@').next()?.split('/').next()?;
                let host = host_port.rsplit_once(':').map_or(host_port, |(h, _)| h);
                (!host.is_empty()).then(|| host.to_string())
            }),
            ..PrivacySettings::default()
        }
    }

    /// `serve` with no flags still reads the environment and applies the defaults.
    pub fn from_env() -> Self {
        #[derive(Parser)]
        struct Only {
            #[command(flatten)]
            serve: ServeArgs,
        }
        Only::parse_from(["coopol"]).serve
    }
}
