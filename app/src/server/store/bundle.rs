//! One statement for the several lists of a composite page (a section's team, communes and
//! actions; a publication's comments and reactors…): each list is a SELECT of its own, written
//! once beside the store function that runs it alone, and comes back as a JSON array in one
//! column of a single row. A page then costs its session, its subject, and one bundle, whatever
//! the number of lists (issue 15: ≤ 3 statements per page).
//!
//! Parts number their parameters from `$1`; the bundle renumbers them. Rows are decoded with
//! serde: SQLite gives booleans as 0/1, so `bool` fields take `#[serde(deserialize_with = "flag")]`.
//! Rows keep the order of the part's `ORDER BY`: both `json_group_array` and `json_agg` consume a
//! sorted subquery in order.

use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{FromRow, Row};

use crate::on_pool;
use crate::server::db::{Db, Pool};

/// A value bound to one of a part's parameters.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Int(i64),
    Real(f64),
    Text(String),
}

/// Binds `args` in order to a sqlx query (`query` or `query_as`, on either backend).
macro_rules! bind_args {
    ($query:expr, $args:expr) => {{
        let mut q = $query;
        for arg in $args {
            q = match arg {
                Arg::Int(v) => q.bind(*v),
                Arg::Real(v) => q.bind(*v),
                Arg::Text(v) => q.bind(v.clone()),
            };
        }
        q
    }};
}

/// One list: a SELECT whose result columns are `columns` (in any order), with its parameters.
#[derive(Debug, Clone)]
pub struct Part {
    select: String,
    columns: Vec<String>,
    args: Vec<Arg>,
    planned_each_time: bool,
}

impl Part {
    pub fn new(select: impl Into<String>, columns: &[&str], args: Vec<Arg>) -> Self {
        Self { select: select.into(), columns: columns.iter().map(|c| c.to_string()).collect(), args, planned_each_time: false }
    }

    /// Plans this statement for its values every time instead of keeping it prepared: PostgreSQL
    /// switches a kept statement to a generic plan after five runs, and for some lists that plan
    /// reads everything (a person's notifications: 1.4 ms planned for the values, 37 ms generic).
    pub fn planned_each_time(mut self) -> Self {
        self.planned_each_time = true;
        self
    }

    pub fn with_columns(select: impl Into<String>, columns: Vec<String>, args: Vec<Arg>) -> Self {
        Self { select: select.into(), columns, args, planned_each_time: false }
    }

    /// Runs this part alone (a page that needs only this list), rows decoded with `FromRow`.
    pub async fn fetch_all<T>(self, db: &Db) -> Result<Vec<T>, sqlx::Error>
    where
        T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin,
    {
        on_pool!(db.read(), p => {
            bind_args!(sqlx::query_as::<_, T>(&self.select).persistent(!self.planned_each_time), &self.args).fetch_all(p).await
        })
    }
}

/// The one row of a part that counts (`SELECT CAST(COUNT(*) AS BIGINT) AS n …`).
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct Count {
    pub n: i64,
}

/// Where a list will be found in the bundle's answer, and what its rows decode to.
#[derive(Debug)]
pub struct Slot<T>(usize, PhantomData<T>);

#[derive(Debug, Default)]
pub struct Bundle {
    parts: Vec<Part>,
}

/// The answer: one JSON array per part.
#[derive(Debug)]
pub struct Lists(Vec<String>);

impl Bundle {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add<T: DeserializeOwned>(&mut self, part: Part) -> Slot<T> {
        self.parts.push(part);
        Slot(self.parts.len() - 1, PhantomData)
    }

    /// Runs every part in one statement (none when the bundle is empty).
    pub async fn run(self, db: &Db) -> Result<Lists, sqlx::Error> {
        if self.parts.is_empty() {
            return Ok(Lists(Vec::new()));
        }
        let pool = db.read();
        let postgres = matches!(pool, Pool::Postgres(_));
        let sql = self.sql(postgres);
        let args: Vec<&Arg> = self.parts.iter().flat_map(|p| p.args.iter()).collect();
        let count = self.parts.len();
        let persistent = !self.parts.iter().any(|p| p.planned_each_time);
        let columns = on_pool!(pool, p => {
            let row = bind_args!(sqlx::query(&sql).persistent(persistent), &args).fetch_one(p).await?;
            (0..count).map(|i| row.try_get::<String, _>(i)).collect::<Result<Vec<_>, _>>()
        })?;
        Ok(Lists(columns))
    }

    fn sql(&self, postgres: bool) -> String {
        let mut offset = 0;
        let mut columns = Vec::with_capacity(self.parts.len());
        for (i, part) in self.parts.iter().enumerate() {
            let select = renumber(&part.select, offset);
            offset += part.args.len();
            let pairs: Vec<String> = part.columns.iter().map(|c| format!("'{c}', x.{c}")).collect();
            let pairs = pairs.join(", ");
            columns.push(if postgres {
                format!("(SELECT COALESCE(json_agg(json_build_object({pairs})), '[]')::text FROM ({select}) AS x) AS c{i}")
            } else {
                format!("(SELECT json_group_array(json_object({pairs})) FROM ({select}) AS x) AS c{i}")
            });
        }
        format!("SELECT {}", columns.join(", "))
    }
}

impl Lists {
    pub fn take<T: DeserializeOwned>(&self, slot: Slot<T>) -> Result<Vec<T>, sqlx::Error> {
        let json = self.0.get(slot.0).map(String::as_str).unwrap_or("[]");
        serde_json::from_str(json).map_err(|e| sqlx::Error::Decode(Box::new(e)))
    }

    /// A list that was only added for some viewers (`None`: not added, not read).
    pub fn take_if<T: DeserializeOwned>(&self, slot: Option<Slot<T>>) -> Result<Option<Vec<T>>, sqlx::Error> {
        slot.map(|slot| self.take(slot)).transpose()
    }
}

/// `$n` → `$(n + offset)`, outside quoted strings.
fn renumber(sql: &str, offset: usize) -> String {
    if offset == 0 {
        return sql.to_string();
    }
    let mut out = String::with_capacity(sql.len() + 8);
    let mut chars = sql.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if c == '\'' {
            quoted = !quoted;
        }
        if c == '$' && !quoted && chars.peek().is_some_and(char::is_ascii_digit) {
            let mut digits = String::new();
            while let Some(d) = chars.peek().copied().filter(char::is_ascii_digit) {
                digits.push(d);
                chars.next();
            }
            let n: usize = digits.parse().unwrap_or(0);
            out.push('$');
            out.push_str(&(n + offset).to_string());
        } else {
            out.push(c);
        }
    }
    out
}

/// A boolean column: `true`/`false` from PostgreSQL, `1`/`0` from SQLite.
pub fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Flag {
        Bool(bool),
        Int(i64),
    }
    Ok(match Flag::deserialize(d)? {
        Flag::Bool(b) => b,
        Flag::Int(n) => n != 0,
    })
}

/// A nullable boolean column (`NULL` stays `None`).
pub fn optional_flag<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    #[derive(Deserialize)]
    struct Wrapped(#[serde(deserialize_with = "flag")] bool);
    Ok(Option::<Wrapped>::deserialize(d)?.map(|Wrapped(b)| b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_renumbered_outside_strings() {
        assert_eq!(renumber("a = $1 AND b = $2 AND c = '$1'", 3), "a = $4 AND b = $5 AND c = '$1'");
        assert_eq!(renumber("x = $12", 0), "x = $12");
        assert_eq!(renumber("x = $12 OR y = $1", 10), "x = $22 OR y = $11");
    }

    #[test]
    fn flags_read_both_backends() {
        #[derive(Deserialize)]
        struct R {
            #[serde(deserialize_with = "flag")]
            f: bool,
        }
        let rows: Vec<R> = serde_json::from_str(r#"[{"f":1},{"f":0},{"f":true},{"f":false}]"#).unwrap_or_default();
        assert_eq!(rows.iter().map(|r| r.f).collect::<Vec<_>>(), vec![true, false, true, false]);
    }
}
