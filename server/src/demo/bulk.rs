//! Fast, backend-neutral loading of generated rows: multi-row INSERTs of literal values (the
//! values are generated here, never typed by anyone; text is quoted by `text`), a bounded number
//! of rows per statement and per transaction.

use app::on_tx;
use app::server::db::{Db, Tx};

/// Rows per INSERT statement and statements per transaction.
const ROWS_PER_STATEMENT: usize = 1_000;
const STATEMENTS_PER_TRANSACTION: usize = 50;

/// A SQL string literal.
pub fn text(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// A nullable SQL string literal.
pub fn opt_text(s: Option<&str>) -> String {
    s.map(text).unwrap_or_else(|| "NULL".into())
}

pub fn opt_int(n: Option<i64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_else(|| "NULL".into())
}

/// Deterministic pseudo-random numbers (SplitMix64): the same seed gives the same network on
/// every machine and every version of every dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % ((hi - lo + 1).max(1) as u64)) as i64
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One of `words`.
    pub fn word(&mut self, words: &[&'static str]) -> &'static str {
        words[self.below(words.len())]
    }
}

/// Collects the rows of one table and writes them in chunks, each chunk of statements in its
/// own transaction (nothing half-written is ever committed within a chunk).
pub struct Loader<'a> {
    db: &'a Db,
    head: String,
    rows: Vec<String>,
    pub written: u64,
}

impl<'a> Loader<'a> {
    /// `columns` like "users (id, handle)"; `override_identity` for tables whose PostgreSQL id
    /// is GENERATED ALWAYS (the demo sets ids itself so rows can refer to each other).
    pub fn new(db: &'a Db, columns: &str, override_identity: bool) -> Self {
        let overriding = if override_identity && matches!(db, Db::Postgres(_)) { " OVERRIDING SYSTEM VALUE" } else { "" };
        Self { db, head: format!("INSERT INTO {columns}{overriding} VALUES "), rows: Vec::new(), written: 0 }
    }

    /// Adds one row, written as "(v1, v2, …)" from already-quoted values. Rows wait in memory
    /// until `flush` (see `flush_when_full!`: tables that refer to each other are written
    /// together, parents first).
    pub fn push(&mut self, values: String) {
        self.rows.push(values);
    }

    pub fn is_full(&self) -> bool {
        self.rows.len() >= ROWS_PER_STATEMENT * STATEMENTS_PER_TRANSACTION
    }

    pub async fn flush(&mut self) -> Result<(), sqlx::Error> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let mut tx = self.db.begin().await?;
        for chunk in self.rows.chunks(ROWS_PER_STATEMENT) {
            let sql = format!("{}({})", self.head, chunk.join("), ("));
            execute(&mut tx, &sql).await?;
        }
        tx.commit().await?;
        self.written += self.rows.len() as u64;
        self.rows.clear();
        Ok(())
    }
}

pub async fn execute(tx: &mut Tx, sql: &str) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::raw_sql(sql).execute(c).await.map(|_| ()))
}

/// One statement in its own transaction.
pub async fn execute_alone(db: &Db, sql: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    execute(&mut tx, sql).await?;
    tx.commit().await
}

/// Writes every loader, in the order given (parents first), once any of them is full.
#[macro_export]
macro_rules! flush_when_full {
    ($($loader:expr),+ $(,)?) => {
        if false $(|| $loader.is_full())+ {
            $($loader.flush().await?;)+
        }
    };
}
