//! iCalendar (RFC 5545) for actions: one action's `.ics` and a person's calendar feed. Times
//! are written in UTC, text is escaped, lines are folded at 75 octets and end in CRLF.

/// One event of a calendar.
pub struct IcsEvent<'a> {
    pub id: i64,
    pub title: &'a str,
    pub description: &'a str,
    pub location: &'a str,
    pub lat: f64,
    pub lng: f64,
    pub starts_at_ms: i64,
    pub ends_at_ms: i64,
    pub updated_at_ms: i64,
    pub cancelled: bool,
}

/// `20261128T090000Z`
fn utc(epoch_ms: i64) -> String {
    let secs = epoch_ms.div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// TEXT values: backslash, semicolon, comma and newlines escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (never inside a UTF-8 character) and ends it with CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// A whole calendar. `base` is the site's origin, for the links back to each action.
pub fn calendar(name: &str, base: &str, events: &[IcsEvent<'_>], now_ms: i64) -> String {
    let mut out = String::new();
    for line in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Coopol//Actions de terrain//FR", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
        push_line(&mut out, line);
    }
    push_line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    for e in events {
        let url = format!("{base}/actions/{}", e.id);
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:action-{}@coopol", e.id));
        push_line(&mut out, &format!("DTSTAMP:{}", utc(now_ms)));
        push_line(&mut out, &format!("LAST-MODIFIED:{}", utc(e.updated_at_ms)));
        push_line(&mut out, &format!("DTSTART:{}", utc(e.starts_at_ms)));
        push_line(&mut out, &format!("DTEND:{}", utc(e.ends_at_ms)));
        push_line(&mut out, &format!("SUMMARY:{}", escape(e.title)));
        push_line(&mut out, &format!("DESCRIPTION:{}", escape(&format!("{}\n\n{url}", e.description))));
        push_line(&mut out, &format!("LOCATION:{}", escape(e.location)));
        push_line(&mut out, &format!("GEO:{:.6};{:.6}", e.lat, e.lng));
        push_line(&mut out, &format!("URL:{url}"));
        push_line(&mut out, &format!("STATUS:{}", if e.cancelled { "CANCELLED" } else { "CONFIRMED" }));
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_stamps() {
        assert_eq!(utc(1_795_856_400_000), "20261128T090000Z");
        assert_eq!(utc(0), "19700101T000000Z");
    }

    #[test]
    fn text_is_escaped_and_long_lines_folded() {
        let title = "Tractage, marché; « Wazemmes » \\ ".repeat(5);
        let e = IcsEvent {
            id: 7,
            title: &title,
            description: "ligne 1\nligne 2",
            location: "Place de la Nouvelle Aventure, Lille",
            lat: 50.62,
            lng: 3.05,
            starts_at_ms: 1_795_856_400_000,
            ends_at_ms: 1_795_863_600_000,
            updated_at_ms: 0,
            cancelled: false,
        };
        let ics = calendar("Mes actions", "https://coopol.example", &[e], 0);
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(ics.split("\r\n").all(|l| l.len() <= 75), "folded");
        assert!(ics.contains("Tractage\\, marché\\; « Wazemmes » \\\\"));
        assert!(ics.contains("DESCRIPTION:ligne 1\\nligne 2\\n\\nhttps://coopol.example/actions/7"));
        assert!(!ics.replace("\r\n", "").contains('\n'), "only CRLF line ends");
    }
}
