//! Numbers, plurals and French spacing, in one place.
//!
//! French typography wants a narrow no-break space (U+202F) before `;`, `!`, `?` and inside
//! « guillemets », and a no-break space (U+00A0) before `:`. Texts write them as `\u{202f}` and
//! `\u{a0}`; the test below reads every French text of every table and refuses an ordinary space
//! (or none) where one of them belongs, so a new text cannot get it wrong silently.

use super::Lang;

/// A whole number with French digit groups ("12\u{202f}345") or English ones ("12,345").
pub fn format_number(lang: Lang, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = if lang == Lang::Fr { "\u{202f}" } else { "," };
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(d);
    }
    out
}

/// Whether `n` takes the plural: in French 0 and 1 take the singular, in English only 1 does.
pub fn is_plural(lang: Lang, n: i64) -> bool {
    match lang {
        Lang::Fr => n.abs() > 1,
        Lang::En => n != 1,
    }
}

/// "3 membres", "1 membre", "0 membre"; "0 members" in English; the number in the language's format.
pub fn count(lang: Lang, n: i64, one: &str, many: &str) -> String {
    format!("{} {}", format_number(lang, n), if is_plural(lang, n) { many } else { one })
}

/// The plural ending "s" (or nothing) for a word written around a number: "place{s} restante{s}".
pub fn plural_s(lang: Lang, n: i64) -> &'static str {
    if is_plural(lang, n) {
        "s"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_plurals_follow_each_language() {
        assert_eq!(format_number(Lang::Fr, 12_345), "12\u{202f}345");
        assert_eq!(format_number(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(format_number(Lang::Fr, 999), "999");
        assert_eq!(format_number(Lang::Fr, -1000), "-1\u{202f}000");
        assert_eq!(count(Lang::Fr, 0, "membre", "membres"), "0 membre");
        assert_eq!(count(Lang::Fr, 1, "membre", "membres"), "1 membre");
        assert_eq!(count(Lang::Fr, 2, "membre", "membres"), "2 membres");
        assert_eq!(count(Lang::En, 0, "member", "members"), "0 members");
        assert_eq!(count(Lang::En, 1, "member", "members"), "1 member");
        assert_eq!(count(Lang::Fr, 1234, "tract", "tracts"), "1\u{202f}234 tracts");
        assert_eq!(plural_s(Lang::Fr, 1), "");
        assert_eq!(plural_s(Lang::Fr, 2), "s");
    }

    /// The string literals of a French text as written in the source (escapes kept).
    fn literals(source: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut chars = source.chars();
        while let Some(c) = chars.next() {
            if c != '"' {
                continue;
            }
            let mut lit = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        lit.push(c);
                        lit.extend(chars.next());
                    }
                    '"' => break,
                    c => lit.push(c),
                }
            }
            out.push(lit);
        }
        out
    }

    /// What is wrong with the spacing of one French literal, if anything.
    fn spacing_mistake(lit: &str) -> Option<&'static str> {
        const NARROW: &str = "\\u{202f}";
        const NBSP: &str = "\\u{a0}";
        for (i, c) in lit.char_indices() {
            let before = &lit[..i];
            let after = &lit[i + c.len_utf8()..];
            let spaced = |mark: &str| before.ends_with(mark);
            match c {
                ';' | '!' | '?' if !before.is_empty() && !before.ends_with(['(', '«', '“']) && !spaced(NARROW) => {
                    return Some("« ; ! ? » take a narrow no-break space (\\u{202f}) before them")
                }
                ':' if before.ends_with(|p: char| p.is_alphabetic() || p == ' ' || p == ')' || p == '»')
                    && (after.is_empty() || after.starts_with(' ') || after.starts_with('\\')) =>
                {
                    return Some("« : » takes a no-break space (\\u{a0}) before it")
                }
                '«' if !after.starts_with(NARROW) => return Some("« takes a narrow no-break space (\\u{202f}) after it"),
                '»' if !spaced(NARROW) => return Some("» takes a narrow no-break space (\\u{202f}) before it"),
                _ => {}
            }
            if c == ' ' && after.starts_with([';', ':', '!', '?', '»']) {
                return Some("an ordinary space before « ; : ! ? » » breaks the line there: use \\u{202f} or \\u{a0}");
            }
            if spaced(NBSP) && after.is_empty() && c == ';' {
                return Some("« ; » takes \\u{202f}, not \\u{a0}");
            }
        }
        None
    }

    #[test]
    fn every_french_text_has_french_spacing() {
        let tables: [(&str, &[(&str, &str)]); 12] = [
            ("Texts", super::super::FR_SOURCE),
            ("TerritoryTexts", super::super::territory::FR_SOURCE),
            ("FeedTexts", super::super::feed::FR_SOURCE),
            ("ActionTexts", super::super::actions::FR_SOURCE),
            ("ReportTexts", super::super::reports::FR_SOURCE),
            ("PrivacyTexts", super::super::privacy::FR_SOURCE),
            ("ModerationTexts", super::super::moderation::FR_SOURCE),
            ("MessagesTexts", super::super::messages::FR_SOURCE),
            ("AnnouncementTexts", super::super::announcements::FR_SOURCE),
            ("VoteTexts", super::super::votes::FR_SOURCE),
            ("DocumentTexts", super::super::documents::FR_SOURCE),
            ("DebateTexts", super::super::debates::FR_SOURCE),
        ];
        let (mut mistakes, mut checked) = (Vec::new(), 0);
        for (table, keys) in tables {
            for (key, source) in keys {
                for lit in literals(source) {
                    checked += 1;
                    if let Some(why) = spacing_mistake(&lit) {
                        mistakes.push(format!("{table}.{key}: {why}: \"{lit}\""));
                    }
                }
            }
        }
        assert!(checked > 500, "only {checked} French texts found: the tables are not all read");
        assert!(mistakes.is_empty(), "{} French texts with wrong spacing:\n{}", mistakes.len(), mistakes.join("\n"));
    }

    #[test]
    fn the_spacing_check_catches_mistakes() {
        assert!(spacing_mistake("Bonjour !").is_some());
        assert!(spacing_mistake("Bonjour\\u{202f}!").is_none());
        assert!(spacing_mistake("Section : Lille").is_some());
        assert!(spacing_mistake("Section: Lille").is_some());
        assert!(spacing_mistake("Section\\u{a0}: Lille").is_none());
        assert!(spacing_mistake("« Lille »").is_some());
        assert!(spacing_mistake("«\\u{202f}Lille\\u{202f}»").is_none());
        assert!(spacing_mistake("à 10:00").is_none());
    }
}
