//! One database handle for both backends, chosen by the URL scheme at run time.
//!
//! SQL is written once (`$1` parameters work on both); `on_pool!` expands the same code for each
//! backend so every store function compiles against SQLite and PostgreSQL.

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

/// SQLite keeps writes on a single connection, so write transactions queue in the pool instead of
/// failing with SQLITE_BUSY; reads use their own pool and never block on writers (WAL).
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite { read: SqlitePool, write: SqlitePool },
    Postgres(PgPool),
}

/// A borrowed pool of one backend, for `on_pool!`.
pub enum Pool<'a> {
    Sqlite(&'a SqlitePool),
    Postgres(&'a PgPool),
}

/// Runs the same body against whichever backend `pool` holds.
#[macro_export]
macro_rules! on_pool {
    ($pool:expr, $p:ident => $body:expr) => {
        match $pool {
            $crate::server::db::Pool::Sqlite($p) => $body,
            $crate::server::db::Pool::Postgres($p) => $body,
        }
    };
}

#[derive(Debug, thiserror::Error)]
pub enum DbSetupError {
    #[error("unsupported database URL scheme (expected sqlite:// or postgres://)")]
    UnsupportedScheme,
    #[error("could not create the database directory: {0}")]
    Directory(#[from] std::io::Error),
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("a migration left {0} rows whose foreign key points nowhere")]
    ForeignKeys(usize),
}

/// Read connections of the SQLite pool: SQLite reads run on this process's CPUs, so more
/// connections than two per CPU only add page caches and prepared statements (RSS under 64
/// concurrent feed requests on the S demo: 93 MiB with 16, 49 MiB with 4, same throughput).
fn sqlite_readers(max_connections: u32) -> u32 {
    let cpus = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let per_cpu = u32::try_from(cpus * 2).unwrap_or(u32::MAX);
    max_connections.min(per_cpu).max(2)
}

/// When SQLite's commit reaches the disk (`PRAGMA synchronous`; PostgreSQL always waits for its
/// WAL flush). `Full` (the default): a commit acknowledged to a person survives a power loss or an
/// OS crash. `Normal`: faster commits in WAL mode, but the last ones before a power loss can be lost
/// (never corrupted); a process crash loses nothing either way. `make bench` measures the cost.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SqliteDurability {
    #[default]
    Full,
    Normal,
}

impl FromStr for SqliteDurability {
    type Err = String;
    fn from_str(value: &str) -> Result<Self, String> {
        match value.to_ascii_lowercase().as_str() {
            "full" => Ok(Self::Full),
            "normal" => Ok(Self::Normal),
            other => Err(format!("expected full or normal, not {other:?}")),
        }
    }
}

impl Db {
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self, DbSetupError> {
        Self::connect_with(url, max_connections, SqliteDurability::default()).await
    }

    pub async fn connect_with(url: &str, max_connections: u32, durability: SqliteDurability) -> Result<Self, DbSetupError> {
        if url.starts_with("sqlite:") {
            Self::connect_sqlite(url, max_connections, durability).await
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            // No request should wait long for a row lock or leave a transaction idle: past these
            // limits PostgreSQL fails the statement (or ends the session) instead of hanging.
            let options =
                PgConnectOptions::from_str(url)?.options([("lock_timeout", "10s"), ("idle_in_transaction_session_timeout", "60s")]);
            let pool = PgPoolOptions::new()
                .max_connections(max_connections)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await?;
            Ok(Db::Postgres(pool))
        } else {
            Err(DbSetupError::UnsupportedScheme)
        }
    }

    async fn connect_sqlite(url: &str, max_connections: u32, durability: SqliteDurability) -> Result<Self, DbSetupError> {
        let base = SqliteConnectOptions::from_str(url)?.foreign_keys(true).busy_timeout(Duration::from_secs(10));
        let synchronous = match durability {
            SqliteDurability::Full => SqliteSynchronous::Full,
            SqliteDurability::Normal => SqliteSynchronous::Normal,
        };
        let options = base.clone().create_if_missing(true).journal_mode(SqliteJournalMode::Wal).synchronous(synchronous);
        if let Some(parent) = options.get_filename().parent() {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(parent)?;
            }
        }
        let write =
            SqlitePoolOptions::new().max_connections(1).acquire_timeout(Duration::from_secs(30)).connect_with(options.clone()).await?;
        let read = SqlitePoolOptions::new()
            .max_connections(sqlite_readers(max_connections))
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(base.read_only(true))
            .await?;
        Ok(Db::Sqlite { read, write })
    }

    pub async fn migrate(&self) -> Result<(), DbSetupError> {
        match self {
            Db::Sqlite { write, .. } => {
                // SQLite changes a column's constraints by rebuilding its table (create, copy,
                // drop, rename): with foreign keys on, dropping `users` would cascade to every
                // row that refers to it. So migrations run with them off, on the one write
                // connection (the pragma only works outside a transaction), and are checked after.
                let mut conn = write.acquire().await?;
                sqlx::query("PRAGMA foreign_keys = OFF").execute(&mut *conn).await?;
                let migrated = SQLITE_MIGRATIONS.run(&mut *conn).await;
                sqlx::query("PRAGMA foreign_keys = ON").execute(&mut *conn).await?;
                migrated?;
                let dangling = sqlx::query("PRAGMA foreign_key_check").fetch_all(&mut *conn).await?;
                if !dangling.is_empty() {
                    return Err(DbSetupError::ForeignKeys(dangling.len()));
                }
            }
            Db::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        Ok(())
    }

    /// The pool for statements that only read.
    pub fn read(&self) -> Pool<'_> {
        match self {
            Db::Sqlite { read, .. } => Pool::Sqlite(read),
            Db::Postgres(pool) => Pool::Postgres(pool),
        }
    }

    /// The pool for writes and read-then-write transactions.
    pub fn write(&self) -> Pool<'_> {
        match self {
            Db::Sqlite { write, .. } => Pool::Sqlite(write),
            Db::Postgres(pool) => Pool::Postgres(pool),
        }
    }

    pub fn backend_name(&self) -> &'static str {
        match self {
            Db::Sqlite { .. } => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }

    /// Refreshes the planner's statistics after a bulk load (PostgreSQL otherwise keeps planning
    /// with empty-table estimates until autovacuum comes by, and scans `communes` sequentially).
    pub async fn analyze(&self) -> Result<(), sqlx::Error> {
        match self {
            Db::Sqlite { write, .. } => sqlx::query("ANALYZE").execute(write).await.map(|_| ()),
            Db::Postgres(pool) => {
                sqlx::query("ANALYZE regions, departements, communes, commune_postal_codes").execute(pool).await.map(|_| ())
            }
        }
    }

    /// A trivial round trip, for `/healthz`.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        on_pool!(self.read(), p => sqlx::query("SELECT 1").execute(p).await.map(|_| ()))
    }

    /// (connections open, of which idle) per pool, for `/metrics`.
    pub fn pool_stats(&self) -> Vec<(&'static str, u32, usize)> {
        match self {
            Db::Sqlite { read, write } => {
                vec![("sqlite_read", read.size(), read.num_idle()), ("sqlite_write", write.size(), write.num_idle())]
            }
            Db::Postgres(pool) => vec![("postgres", pool.size(), pool.num_idle())],
        }
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite { read, write } => {
                read.close().await;
                write.close().await;
            }
            Db::Postgres(pool) => pool.close().await,
        }
    }
}

/// True when `err` is a unique violation on `table.column` (SQLite) or the constraint
/// `constraint` (PostgreSQL). Lets services map duplicates to field errors.
pub fn is_unique_violation(err: &sqlx::Error, constraint: &str, table_column: &str) -> bool {
    match err {
        sqlx::Error::Database(db) if db.is_unique_violation() => db.constraint() == Some(constraint) || db.message().contains(table_column),
        _ => false,
    }
}

/// A write transaction on either backend. Every write goes through one; nothing is acknowledged
/// to the user before `commit` returns.
pub enum Tx {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

/// Runs the same body against the connection of whichever backend `tx` holds.
#[macro_export]
macro_rules! on_tx {
    ($tx:expr, $c:ident => $body:expr) => {
        match $tx {
            $crate::server::db::Tx::Sqlite(t) => {
                let $c = &mut **t;
                $body
            }
            $crate::server::db::Tx::Postgres(t) => {
                let $c = &mut **t;
                $body
            }
        }
    };
}

impl Db {
    /// Starts a write transaction. On SQLite it takes the write lock at once (BEGIN IMMEDIATE), so a
    /// transaction that reads then writes can never fail half-way with SQLITE_BUSY.
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        match self {
            Db::Sqlite { write, .. } => Ok(Tx::Sqlite(write.begin_with("BEGIN IMMEDIATE").await?)),
            Db::Postgres(pool) => Ok(Tx::Postgres(pool.begin().await?)),
        }
    }

    /// A transaction that only reads (several statements that need a `Tx`, one consistent view):
    /// on SQLite it uses a read connection and never takes the write lock. End it with `rollback`.
    pub async fn begin_read(&self) -> Result<Tx, sqlx::Error> {
        match self {
            Db::Sqlite { read, .. } => Ok(Tx::Sqlite(read.begin().await?)),
            Db::Postgres(pool) => Ok(Tx::Postgres(pool.begin().await?)),
        }
    }
}

impl Tx {
    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        match self {
            Tx::Sqlite(t) => t.rollback().await,
            Tx::Postgres(t) => t.rollback().await,
        }
    }

    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Tx::Sqlite(t) => t.commit().await,
            Tx::Postgres(t) => t.commit().await,
        }
    }
}
