//! User text → safe HTML. Light Markdown (bold, italic, lists, links, quotes) through
//! pulldown-cmark, raw HTML shown as text, then @mentions, #hashtags and bare links turned into
//! links, and finally ammonia with a short allow-list: nothing a user types can become a script,
//! an attribute or a style. The output is only ever built here (`SafeHtml::from_sanitizer`).

use std::collections::BTreeSet;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::model::feed::SafeHtml;

pub struct Rendered {
    pub html: SafeHtml,
    /// Lower-case hashtags without '#', deduplicated.
    pub tags: Vec<String>,
    /// Lower-case handles without '@', deduplicated.
    pub mentions: Vec<String>,
}

pub fn render(text: &str) -> Rendered {
    let mut tags = BTreeSet::new();
    let mut mentions = BTreeSet::new();
    let mut events = Vec::new();
    let mut link_depth = 0usize;
    let mut image_depth = 0usize;
    for event in Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Link { .. }) => {
                link_depth += 1;
                events.push(event);
            }
            Event::End(TagEnd::Link) => {
                link_depth = link_depth.saturating_sub(1);
                events.push(event);
            }
            // Images are not part of light formatting: keep their description as text.
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            // Raw HTML is shown as the text it is (linkify escapes it), hashtags and all.
            Event::Html(t) | Event::InlineHtml(t) | Event::Text(t) if link_depth == 0 => {
                events.push(Event::Html(linkify(&t, &mut tags, &mut mentions).into()));
            }
            Event::Html(raw) | Event::InlineHtml(raw) => events.push(Event::Text(raw)),
            other => events.push(other),
        }
    }
    let mut raw_html = String::with_capacity(text.len() + text.len() / 2);
    pulldown_cmark::html::push_html(&mut raw_html, events.into_iter());
    Rendered {
        html: SafeHtml::from_sanitizer(sanitizer().clean(&raw_html).to_string()),
        tags: tags.into_iter().collect(),
        mentions: mentions.into_iter().collect(),
    }
}

fn sanitizer() -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::empty();
    b.add_tags(["p", "br", "strong", "em", "del", "ul", "ol", "li", "a", "blockquote", "code", "pre"])
        .add_tag_attributes("a", ["href"])
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("nofollow noopener noreferrer ugc"));
    b
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn is_handle_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
}

fn is_tag_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Normalizes a hashtag as typed ("#Écologie" → "écologie"); None when it is not one.
pub fn normalize_tag(raw: &str) -> Option<String> {
    let tag: String = raw.trim().trim_start_matches('#').to_lowercase();
    let ok = (1..=50).contains(&tag.chars().count()) && tag.chars().all(is_tag_char) && tag.chars().any(char::is_alphabetic);
    ok.then_some(tag)
}

/// Escaped text with @handles, #tags and http(s) links as anchors.
fn linkify(text: &str, tags: &mut BTreeSet<String>, mentions: &mut BTreeSet<String>) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut plain = String::new();
    let mut i = 0;
    while i < chars.len() {
        let at_word_start = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_' || chars[i - 1] == '/');
        let rest: String = chars[i..chars.len().min(i + 8)].iter().collect();
        if at_word_start && chars[i] == '@' {
            let end = scan(&chars, i + 1, |c| is_handle_char(c.to_ascii_lowercase()));
            let handle: String = chars[i + 1..end].iter().collect::<String>().to_lowercase();
            let handle = handle.trim_end_matches('-').to_string();
            if (3..=30).contains(&handle.len()) {
                out.push_str(&escape(&plain));
                plain.clear();
                out.push_str(&format!("<a href=\"/membres/{handle}\">@{}</a>", escape(&handle)));
                mentions.insert(handle.clone());
                i += 1 + handle.len();
                continue;
            }
        } else if at_word_start && chars[i] == '#' {
            let end = scan(&chars, i + 1, is_tag_char);
            let raw: String = chars[i + 1..end].iter().collect();
            if let Some(tag) = normalize_tag(&raw) {
                out.push_str(&escape(&plain));
                plain.clear();
                out.push_str(&format!("<a href=\"/tags/{}\">#{}</a>", escape(&tag), escape(&raw)));
                tags.insert(tag);
                i = end;
                continue;
            }
        } else if at_word_start && (rest.starts_with("https://") || rest.starts_with("http://")) {
            let mut end = scan(&chars, i, |c| !c.is_whitespace() && c != '<' && c != '>' && c != '"');
            while end > i && matches!(chars[end - 1], '.' | ',' | ';' | ':' | '!' | '?' | ')' | '\'') {
                end -= 1;
            }
            let url: String = chars[i..end].iter().collect();
            if url.len() > "https://".len() {
                out.push_str(&escape(&plain));
                plain.clear();
                out.push_str(&format!("<a href=\"{0}\">{0}</a>", escape(&url)));
                i = end;
                continue;
            }
        }
        plain.push(chars[i]);
        i += 1;
    }
    out.push_str(&escape(&plain));
    out
}

fn scan(chars: &[char], from: usize, accept: impl Fn(char) -> bool) -> usize {
    let mut end = from;
    while end < chars.len() && accept(chars[end]) {
        end += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(text: &str) -> String {
        render(text).html.as_str().to_string()
    }

    #[test]
    fn light_formatting_is_kept() {
        let out = html("**gras** et *italique*\n\n- un\n- deux\n\n[le site](https://exemple.fr)");
        assert!(out.contains("<strong>gras</strong>"), "{out}");
        assert!(out.contains("<em>italique</em>"), "{out}");
        assert!(out.contains("<li>un</li>"), "{out}");
        assert!(out.contains("<a href=\"https://exemple.fr\" rel=\"nofollow noopener noreferrer ugc\">le site</a>"), "{out}");
    }

    #[test]
    fn mentions_hashtags_and_links_are_found() {
        let r = render("Merci @Marie-Curie pour le #Tractage de #demain ! Voir https://ps.fr/agenda. Pas ici: a@b.fr ni x#y");
        assert_eq!(r.mentions, vec!["marie-curie"]);
        assert_eq!(r.tags, vec!["demain", "tractage"]);
        let out = r.html.as_str();
        assert!(out.contains("<a href=\"/membres/marie-curie\""), "{out}");
        assert!(out.contains("<a href=\"/tags/tractage\""), "{out}");
        assert!(out.contains("<a href=\"https://ps.fr/agenda\""), "{out}");
        assert!(!out.contains("agenda.\""), "trailing punctuation stays outside the link: {out}");
    }

    #[test]
    fn raw_html_and_scripts_never_survive() {
        for hostile in [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[clic](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "[x](data:text/html,<script>alert(1)</script>)",
            "<svg onload=alert(1)>",
            "<iframe src=//evil>",
            "\"><script>alert(1)</script>",
            "![x](https://evil/x.png\" onerror=\"alert(1))",
            "<style>*{}</style>",
            "#<script>alert(1)</script>",
            "@<b onmouseover=alert(1)>x</b>",
        ] {
            let out = html(hostile);
            assert_only_allowed_markup(&out, hostile);
        }
    }

    /// Every tag in the output is on the allow-list, with no attribute but href and rel, and no
    /// href with a scheme other than http(s), mailto or a local path.
    fn assert_only_allowed_markup(out: &str, input: &str) {
        let mut rest = out;
        while let Some(start) = rest.find('<') {
            let end = rest[start..].find('>').map(|e| start + e).unwrap_or(rest.len());
            let tag = &rest[start + 1..end];
            let name = tag.trim_start_matches('/').split_whitespace().next().unwrap_or("");
            assert!(
                ["p", "br", "strong", "em", "del", "ul", "ol", "li", "a", "blockquote", "code", "pre"].contains(&name),
                "{input:?} gave <{tag}>"
            );
            for attr in tag.split_whitespace().skip(1) {
                let key = attr.split('=').next().unwrap_or("");
                assert!(key == "href" || key == "rel" || !attr.contains('='), "{input:?} gave attribute {attr}");
                if key == "href" {
                    let value = attr.trim_start_matches("href=\"");
                    assert!(
                        value.starts_with("http://")
                            || value.starts_with("https://")
                            || value.starts_with('/')
                            || value.starts_with("mailto:"),
                        "{input:?} gave {attr}"
                    );
                }
            }
            rest = &rest[end.min(rest.len())..];
            if rest.is_empty() {
                break;
            }
            rest = &rest[1..];
        }
    }

    #[test]
    fn raw_html_is_shown_as_text_with_its_hashtags() {
        let r = render("<script>alert(1)</script> rendez-vous #Tractage");
        assert_eq!(r.tags, vec!["tractage"]);
        let out = r.html.as_str();
        assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{out}");
        assert!(out.contains("<a href=\"/tags/tractage\""), "{out}");
        assert!(!out.contains("<script"), "{out}");
    }

    #[test]
    fn tags_are_normalized() {
        assert_eq!(normalize_tag("#Écologie").as_deref(), Some("écologie"));
        assert_eq!(normalize_tag("2026"), None);
        assert_eq!(normalize_tag("a-b"), None);
    }
}
