//! Conversations' forms as typed commands: a new conversation (who, an optional title, the first
//! message), a message, a new title.

use crate::model::feed::parse_body;
use crate::model::fields;
use crate::model::form::{FieldError, FieldErrors, RawForm};

/// The longest message.
pub const MAX_MESSAGE_CHARS: usize = 5000;
/// People in a conversation, its author included.
pub const MAX_PEOPLE: usize = 30;
/// The longest title of a group conversation.
pub const MAX_TITLE_CHARS: usize = 80;

/// A new conversation: the handles of the people to write to (separated by commas, spaces or new
/// lines, with or without their "@"), a title for a group, the first message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartInput {
    pub handles: Vec<String>,
    pub title: Option<String>,
    pub body: String,
}

impl StartInput {
    pub fn parse(form: &RawForm) -> Result<StartInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let handles = e.check("recipients", handles(form.value("recipients")));
        let title = e.check("title", fields::text(form.value("title"), 0, MAX_TITLE_CHARS));
        let body = e.check("body", parse_body(form.value("body"), MAX_MESSAGE_CHARS));
        match (handles, title, body) {
            (Some(handles), Some(title), Some(body)) if e.is_empty() => {
                Ok(StartInput { handles, title: (!title.is_empty()).then_some(title), body })
            }
            _ => Err(e),
        }
    }
}

fn handles(raw: &str) -> Result<Vec<String>, FieldError> {
    let mut out: Vec<String> = Vec::new();
    for h in raw.split(|c: char| c == ',' || c == ';' || c.is_whitespace()).map(|h| h.trim_start_matches('@').to_lowercase()) {
        if !h.is_empty() && !out.contains(&h) {
            out.push(h);
        }
    }
    match out.len() {
        0 => Err(FieldError::Required),
        n if n > MAX_PEOPLE - 1 => Err(FieldError::TooManyItems { max: MAX_PEOPLE - 1 }),
        _ => Ok(out),
    }
}

/// A message in a conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageInput {
    pub body: String,
}

impl MessageInput {
    pub fn parse(form: &RawForm) -> Result<MessageInput, FieldErrors> {
        let mut e = FieldErrors::default();
        match e.check("body", parse_body(form.value("body"), MAX_MESSAGE_CHARS)) {
            Some(body) => Ok(MessageInput { body }),
            None => Err(e),
        }
    }
}

/// A group conversation's new title.
pub fn parse_title(form: &RawForm) -> Result<String, FieldErrors> {
    let mut e = FieldErrors::default();
    match e.check("title", fields::text(form.value("title"), 1, MAX_TITLE_CHARS)) {
        Some(title) => Ok(title),
        None => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipients_are_handles_once_each() {
        let s = StartInput::parse(&RawForm::of(&[("recipients", "@Ada, bob\nada"), ("body", " Salut ")])).expect("valid");
        assert_eq!((s.handles, s.title, s.body.as_str()), (vec!["ada".to_string(), "bob".to_string()], None, "Salut"));
        let e = StartInput::parse(&RawForm::of(&[("recipients", " "), ("body", "")])).expect_err("refused");
        assert_eq!(e.get("recipients"), Some(&FieldError::Required));
        assert_eq!(e.get("body"), Some(&FieldError::Required));
        let many: Vec<String> = (0..30).map(|i| format!("p{i}")).collect();
        let e = StartInput::parse(&RawForm::of(&[("recipients", &many.join(" ")), ("body", "Bonjour")])).expect_err("31 people");
        assert_eq!(e.get("recipients"), Some(&FieldError::TooManyItems { max: 29 }));
        assert!(parse_title(&RawForm::of(&[("title", "")])).is_err());
    }
}
