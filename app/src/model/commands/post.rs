//! The feed's forms as typed commands: a publication (with its audience), an edit, a comment or a
//! reply. (A moderator hides through a decision: `commands::moderation`.)

use crate::model::feed::{parse_body, Audience, MAX_COMMENT_CHARS, MAX_POST_CHARS};
use crate::model::form::{FieldError, FieldErrors, RawForm};
use crate::model::ids::CommentId;

/// Pictures a publication may hold.
pub const MAX_PICTURES: usize = 4;
/// Longest description of a picture.
pub const MAX_ALT_CHARS: usize = 500;

/// A new publication: its text and who may read it (a group by its slug).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostInput {
    /// Empty only for a publication of pictures.
    pub body: String,
    pub audience: Audience,
    /// The group's slug when `audience` is `Group` (empty otherwise).
    pub group_slug: String,
}

impl PostInput {
    pub fn parse(form: &RawForm) -> Result<PostInput, FieldErrors> {
        Self::parse_with(form, &[])
    }

    /// The publication, `pictures` the form's picture slots that hold a file (1-based): with
    /// at least one, the text may be empty. Each picture's description is checked too
    /// (`alt_{n}`), and there may be `MAX_PICTURES` at most.
    pub fn parse_with(form: &RawForm, pictures: &[usize]) -> Result<PostInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let body = match parse_body(form.value("body"), MAX_POST_CHARS) {
            Err(FieldError::Required) if !pictures.is_empty() => Some(String::new()),
            parsed => e.check("body", parsed),
        };
        if pictures.len() > MAX_PICTURES {
            e.add("photos", FieldError::TooManyPictures { max: MAX_PICTURES });
        }
        for n in pictures {
            let field = format!("alt_{n}");
            e.check(&field, picture_alt(form.value(&field)));
        }
        // The composer's one select carries "audience|group-slug"; a bare form sends them apart.
        let (audience, group_slug) = form.value("audience_group").split_once('|').unwrap_or((form.value("audience"), form.value("group")));
        let audience = e.check("audience", Audience::parse(audience).ok_or(FieldError::ChoiceRequired));
        match (body, audience) {
            (Some(body), Some(audience)) if e.is_empty() => Ok(PostInput { body, audience, group_slug: group_slug.to_string() }),
            _ => Err(e),
        }
    }
}

/// A picture's description: optional, one line, `MAX_ALT_CHARS` at most.
pub fn picture_alt(raw: &str) -> Result<String, FieldError> {
    let text = raw.trim();
    if text.chars().count() > MAX_ALT_CHARS {
        return Err(FieldError::TooLong { max: MAX_ALT_CHARS });
    }
    if text.chars().any(char::is_control) {
        return Err(FieldError::ControlCharacters);
    }
    Ok(text.to_string())
}

/// A publication's new text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditInput {
    pub body: String,
}

impl EditInput {
    pub fn parse(form: &RawForm) -> Result<EditInput, FieldErrors> {
        let mut e = FieldErrors::default();
        match e.check("body", parse_body(form.value("body"), MAX_POST_CHARS)) {
            Some(body) => Ok(EditInput { body }),
            None => Err(e),
        }
    }
}

/// A comment, or a reply to the comment `parent`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentInput {
    pub body: String,
    pub parent: Option<CommentId>,
}

impl CommentInput {
    pub fn parse(form: &RawForm) -> Result<CommentInput, FieldErrors> {
        let mut e = FieldErrors::default();
        match e.check("comment", parse_body(form.value("comment"), MAX_COMMENT_CHARS)) {
            // Not a number: a plain comment (the service checks that a parent is of this publication).
            Some(body) => Ok(CommentInput { body, parent: form.value("parent").parse().ok() }),
            None => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_publication_of_pictures_may_have_no_text_and_four_pictures_at_most() {
        let form = RawForm::of(&[("body", ""), ("audience", "section"), ("alt_1", "Le stand")]);
        assert_eq!(PostInput::parse_with(&form, &[1]).expect("pictures only").body, "");
        let e = PostInput::parse_with(&form, &[1, 2, 3, 4, 5]).expect_err("five");
        assert_eq!(e.0, vec![("photos".to_string(), FieldError::TooManyPictures { max: 4 })]);
        let long = "x".repeat(MAX_ALT_CHARS + 1);
        let e =
            PostInput::parse_with(&RawForm::of(&[("body", "Bonjour"), ("audience", "section"), ("alt_2", &long)]), &[2]).expect_err("long");
        assert_eq!(e.0, vec![("alt_2".to_string(), FieldError::TooLong { max: MAX_ALT_CHARS })]);
    }

    #[test]
    fn a_publication_names_its_audience() {
        let p = PostInput::parse(&RawForm::of(&[("body", " Tractage samedi \r\n"), ("audience_group", "group|logement-digne")]))
            .expect("valid");
        assert_eq!((p.body.as_str(), p.audience, p.group_slug.as_str()), ("Tractage samedi", Audience::Group, "logement-digne"));
        let p = PostInput::parse(&RawForm::of(&[("body", "Bonjour"), ("audience", "section")])).expect("without the composer's select");
        assert_eq!((p.audience, p.group_slug.as_str()), (Audience::Section, ""));
        let e = PostInput::parse(&RawForm::of(&[("body", ""), ("audience_group", "partout|")])).expect_err("refused");
        assert_eq!(e.0, vec![("body".to_string(), FieldError::Required), ("audience".to_string(), FieldError::ChoiceRequired)]);
    }

    #[test]
    fn comments_and_edits() {
        let c = CommentInput::parse(&RawForm::of(&[("comment", "Bravo"), ("parent", "42")])).expect("valid");
        assert_eq!(c, CommentInput { body: "Bravo".into(), parent: Some(CommentId(42)) });
        assert_eq!(CommentInput::parse(&RawForm::of(&[("comment", "Oui"), ("parent", "x")])).map(|c| c.parent), Ok(None));
        assert!(CommentInput::parse(&RawForm::of(&[("comment", "  ")])).is_err());
        let long = "a".repeat(MAX_POST_CHARS + 1);
        assert_eq!(
            EditInput::parse(&RawForm::of(&[("body", &long)])).expect_err("too long").0[0].1,
            FieldError::TooLong { max: MAX_POST_CHARS }
        );
    }
}
