//! Many rows in few statements: `INSERT … VALUES (…), (…)` in chunks, for fan-outs (an annonce's
//! recipients and mails) that would otherwise cost one round trip per row.

use crate::on_tx;
use crate::server::db::Tx;

/// A value of a row.
#[derive(Debug, Clone)]
pub enum Val {
    Int(i64),
    Text(String),
    NullText,
    NullInt,
}

/// Rows per statement: under SQLite's and PostgreSQL's parameter limits for rows of up to 60
/// values (32,766 and 65,535).
const ROWS_PER_STATEMENT: usize = 500;

/// `head` is the statement up to `VALUES` ("INSERT INTO t (a, b, c)"); each row has `width`
/// values.
pub async fn insert_many(tx: &mut Tx, head: &str, width: usize, rows: Vec<Vec<Val>>) -> Result<(), sqlx::Error> {
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let tuples: Vec<String> = (0..chunk.len())
            .map(|r| format!("({})", (1..=width).map(|c| format!("${}", r * width + c)).collect::<Vec<_>>().join(", ")))
            .collect();
        let sql = format!("{head} VALUES {}", tuples.join(", "));
        on_tx!(tx, c => {
            let mut q = sqlx::query(&sql);
            for value in chunk.iter().flatten() {
                q = match value {
                    Val::Int(v) => q.bind(*v),
                    Val::Text(v) => q.bind(v.clone()),
                    Val::NullText => q.bind(None::<String>),
                    Val::NullInt => q.bind(None::<i64>),
                };
            }
            q.execute(c).await.map(|r| r.rows_affected())
        })?;
    }
    Ok(())
}
