//! The export's two files: the JSON a program reads (times in ISO 8601 UTC, flags as booleans on
//! both databases) and the HTML page a person reads (French dates, every value escaped).

use serde_json::{Map, Value};

use crate::i18n::{format_day, format_time, Lang};
use crate::server::services::export::catalogue::{Kind, Section};

/// A stored value as the JSON file writes it.
fn normalized(kind: Kind, value: &Value) -> Value {
    match (kind, value) {
        (_, Value::Null) => Value::Null,
        (Kind::Time, Value::Number(n)) => n.as_i64().map_or(Value::Null, |ms| Value::String(iso_utc(ms))),
        (Kind::Flag, Value::Number(n)) => Value::Bool(n.as_i64() != Some(0)),
        (_, other) => other.clone(),
    }
}

/// "2026-11-24T10:00:00Z".
fn iso_utc(ms: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", t.year(), u8::from(t.month()), t.day(), t.hour(), t.minute(), t.second())
}

pub fn json(sections: &[Section], rows: &[Vec<Value>], now_ms: i64) -> String {
    let mut out = Map::new();
    out.insert("format".into(), Value::String("coopol-donnees-1".into()));
    out.insert("genere_le".into(), normalized(Kind::Time, &Value::from(now_ms)));
    let mut data = Map::new();
    for (section, rows) in sections.iter().zip(rows) {
        let list = rows
            .iter()
            .map(|row| {
                let mut object = Map::new();
                for column in section.columns {
                    object.insert(column.name.into(), normalized(column.kind, row.get(column.name).unwrap_or(&Value::Null)));
                }
                Value::Object(object)
            })
            .collect();
        data.insert(section.key.into(), Value::Array(list));
    }
    out.insert("donnees".into(), Value::Object(data));
    serde_json::to_string_pretty(&Value::Object(out)).unwrap_or_default()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// A stored value as the page shows it.
fn shown(kind: Kind, value: &Value) -> String {
    match (kind, value) {
        (_, Value::Null) => String::new(),
        (Kind::Time, Value::Number(n)) => {
            n.as_i64().map(|ms| format!("{} à {}", format_day(Lang::Fr, ms), format_time(Lang::Fr, ms))).unwrap_or_default()
        }
        (Kind::Flag, Value::Number(n)) => if n.as_i64() != Some(0) { "oui" } else { "non" }.to_string(),
        (Kind::Flag, Value::Bool(b)) => if *b { "oui" } else { "non" }.to_string(),
        (_, Value::String(s)) => escape(s),
        (_, other) => escape(&other.to_string()),
    }
}

pub fn html(sections: &[Section], rows: &[Vec<Value>], now_ms: i64) -> String {
    let mut body = String::new();
    for (section, rows) in sections.iter().zip(rows) {
        body.push_str(&format!("<section>\n<h2>{}</h2>\n", escape(section.title)));
        if rows.is_empty() {
            body.push_str("<p>Rien.</p>\n</section>\n");
            continue;
        }
        body.push_str("<table>\n<thead><tr>");
        for column in section.columns {
            body.push_str(&format!("<th scope=\"col\">{}</th>", escape(column.label)));
        }
        body.push_str("</tr></thead>\n<tbody>\n");
        for row in rows {
            body.push_str("<tr>");
            for column in section.columns {
                body.push_str(&format!("<td>{}</td>", shown(column.kind, row.get(column.name).unwrap_or(&Value::Null))));
            }
            body.push_str("</tr>\n");
        }
        body.push_str("</tbody>\n</table>\n</section>\n");
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Mes données sur Coopol</title>\n<style>body{{font-family:system-ui,sans-serif;margin:1rem;line-height:1.4}}\
         table{{border-collapse:collapse;display:block;overflow-x:auto}}th,td{{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}}</style>\n\
         </head>\n<body>\n<h1>Mes données sur Coopol</h1>\n<p>Préparé le {} à {}. Le fichier donnees.json contient les mêmes données, pour un programme.</p>\n{body}</body>\n</html>\n",
        format_day(Lang::Fr, now_ms),
        format_time(Lang::Fr, now_ms)
    )
}
