//! The two migration sets (`migrations/sqlite`, `migrations/postgres`) must describe one schema:
//! both databases are migrated and compared — tables, columns, nullability, primary keys, unique
//! constraints, foreign keys, CHECK constraints (how many per table) and the indexes the
//! migrations create (columns, uniqueness, partial or not). Column types are the dialects' own and
//! are not compared. A difference fails with both sides printed.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;

use app::server::testing::TestDb;
use app::server::Db;

/// One table as both databases can describe it.
#[derive(Debug, Default, PartialEq, Eq)]
struct Table {
    /// Column name → NOT NULL (primary key columns count as NOT NULL).
    columns: BTreeMap<String, bool>,
    primary_key: Vec<String>,
    /// Column lists of UNIQUE constraints, sorted.
    unique: Vec<Vec<String>>,
    /// (columns, referenced table, referenced columns), sorted.
    foreign_keys: Vec<(Vec<String>, String, Vec<String>)>,
    checks: usize,
}

/// An index created by a migration: (table, columns — `<expr>` for an expression — unique, partial).
type Index = (String, Vec<String>, bool, bool);

#[derive(Debug, Default, PartialEq, Eq)]
struct Schema {
    tables: BTreeMap<String, Table>,
    indexes: BTreeMap<String, Index>,
}

/// (table, kind, columns, referenced table, referenced columns), as PostgreSQL lists constraints.
type ConstraintRow = (String, String, Vec<String>, Option<String>, Vec<String>);

const IGNORED_TABLES: [&str; 1] = ["_sqlx_migrations"];

async fn sqlite_schema(db: &Db) -> Schema {
    let Db::Sqlite { read, .. } = db else { panic!("SQLite expected") };
    let mut schema = Schema::default();
    let tables: Vec<(String, String)> =
        sqlx::query_as("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .fetch_all(read)
            .await
            .unwrap();
    for (name, sql) in tables.into_iter().filter(|(n, _)| !IGNORED_TABLES.contains(&n.as_str())) {
        let mut table = Table::default();
        let columns: Vec<(String, i64, i64)> = sqlx::query_as("SELECT name, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid")
            .bind(&name)
            .fetch_all(read)
            .await
            .unwrap();
        let mut key: Vec<(i64, String)> = Vec::new();
        for (column, not_null, pk) in columns {
            if pk > 0 {
                key.push((pk, column.clone()));
            }
            table.columns.insert(column, not_null == 1 || pk > 0);
        }
        key.sort();
        table.primary_key = key.into_iter().map(|(_, c)| c).collect();
        let indexes: Vec<(String, i64, String, i64)> =
            sqlx::query_as("SELECT name, \"unique\", origin, partial FROM pragma_index_list(?)").bind(&name).fetch_all(read).await.unwrap();
        for (index, unique, origin, partial) in indexes {
            let columns: Vec<(Option<String>,)> =
                sqlx::query_as("SELECT name FROM pragma_index_info(?) ORDER BY seqno").bind(&index).fetch_all(read).await.unwrap();
            let columns: Vec<String> = columns.into_iter().map(|(c,)| c.unwrap_or_else(|| "<expr>".into())).collect();
            match origin.as_str() {
                "u" => table.unique.push(columns),
                "c" => {
                    schema.indexes.insert(index, (name.clone(), columns, unique == 1, partial == 1));
                }
                _ => {} // the primary key's own index
            }
        }
        table.unique.sort();
        let keys: Vec<(i64, String, String, String)> =
            sqlx::query_as("SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?) ORDER BY id, seq")
                .bind(&name)
                .fetch_all(read)
                .await
                .unwrap();
        let mut grouped: BTreeMap<i64, (Vec<String>, String, Vec<String>)> = BTreeMap::new();
        for (id, target, from, to) in keys {
            let entry = grouped.entry(id).or_insert_with(|| (Vec::new(), target, Vec::new()));
            entry.0.push(from);
            entry.2.push(to);
        }
        table.foreign_keys = grouped.into_values().collect();
        table.foreign_keys.sort();
        table.checks = sql.to_uppercase().matches("CHECK (").count() + sql.to_uppercase().matches("CHECK(").count();
        schema.tables.insert(name, table);
    }
    schema
}

async fn postgres_schema(db: &Db) -> Schema {
    let Db::Postgres(pool) = db else { panic!("PostgreSQL expected") };
    let mut schema = Schema::default();
    let columns: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT c.table_name::text, c.column_name::text, c.is_nullable::text FROM information_schema.columns c \
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name \
         WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (table, column, nullable) in columns.into_iter().filter(|(t, _, _)| !IGNORED_TABLES.contains(&t.as_str())) {
        schema.tables.entry(table).or_default().columns.insert(column, nullable == "NO");
    }
    // Constraints: p(rimary key), u(nique), f(oreign key), c(heck), with their columns in order.
    let constraints: Vec<ConstraintRow> = sqlx::query_as(
        "SELECT rel.relname::text, con.contype::text, \
                ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i) \
                      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i), \
                ref.relname::text, \
                ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, i) \
                      JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i) \
         FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid \
         JOIN pg_namespace ns ON ns.oid = rel.relnamespace LEFT JOIN pg_class ref ON ref.oid = con.confrelid \
         WHERE ns.nspname = 'public' AND con.contype IN ('p', 'u', 'f', 'c')",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (table, kind, columns, target, target_columns) in constraints {
        let Some(table) = schema.tables.get_mut(&table) else { continue };
        match kind.as_str() {
            "p" => table.primary_key = columns,
            "u" => table.unique.push(columns),
            "f" => table.foreign_keys.push((columns, target.unwrap_or_default(), target_columns)),
            _ => table.checks += 1,
        }
    }
    for table in schema.tables.values_mut() {
        for column in &table.primary_key {
            table.columns.insert(column.clone(), true);
        }
        table.unique.sort();
        table.foreign_keys.sort();
    }
    // Indexes the migrations created (not those behind a primary key or unique constraint).
    let indexes: Vec<(String, String, bool, bool, Vec<String>)> = sqlx::query_as(
        "SELECT i.relname::text, t.relname::text, x.indisunique, x.indpred IS NOT NULL, \
                ARRAY(SELECT COALESCE(a.attname::text, '<expr>') FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, o) \
                      LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n AND k.n <> 0 \
                      WHERE k.o <= x.indnkeyatts ORDER BY k.o) \
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid \
         JOIN pg_namespace ns ON ns.oid = t.relnamespace \
         WHERE ns.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (index, table, unique, partial, columns) in indexes {
        if !IGNORED_TABLES.contains(&table.as_str()) {
            schema.indexes.insert(index, (table, columns, unique, partial));
        }
    }
    schema
}

/// Every difference, one line each, to read both sides at once.
fn differences(sqlite: &Schema, postgres: &Schema) -> Vec<String> {
    let mut out = Vec::new();
    let names: std::collections::BTreeSet<&String> = sqlite.tables.keys().chain(postgres.tables.keys()).collect();
    for name in names {
        match (sqlite.tables.get(name), postgres.tables.get(name)) {
            (Some(s), Some(p)) if s != p => out.push(format!("table {name}:\n  sqlite   {s:?}\n  postgres {p:?}")),
            (Some(_), None) => out.push(format!("table {name}: only on SQLite")),
            (None, Some(_)) => out.push(format!("table {name}: only on PostgreSQL")),
            _ => {}
        }
    }
    let names: std::collections::BTreeSet<&String> = sqlite.indexes.keys().chain(postgres.indexes.keys()).collect();
    for name in names {
        let (s, p) = (sqlite.indexes.get(name), postgres.indexes.get(name));
        if s != p {
            out.push(format!("index {name}: sqlite {s:?} / postgres {p:?}"));
        }
    }
    out
}

#[tokio::test]
async fn both_migration_sets_describe_one_schema() {
    let (sqlite, postgres) = (TestDb::sqlite().await, TestDb::postgres().await);
    let (s, p) = (sqlite_schema(&sqlite.db).await, postgres_schema(&postgres.db).await);
    sqlite.cleanup().await;
    postgres.cleanup().await;
    assert!(s.tables.len() > 20 && s.indexes.len() > 20, "the schema was read: {} tables, {} indexes", s.tables.len(), s.indexes.len());
    let differences = differences(&s, &p);
    assert!(differences.is_empty(), "the migrations of the two databases differ:\n{}", differences.join("\n"));
}
