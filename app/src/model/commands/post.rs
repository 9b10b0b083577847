//! The feed's forms as typed commands: a publication (with its audience), an edit, a comment or a
//! reply. (A moderator hides through a decision: `commands::moderation`.)

use crate::model::feed::{parse_body, Audience, MAX_COMMENT_CHARS, MAX_POST_CHARS};
use crate::model::form::{FieldError, FieldErrors, RawForm};
use crate::model::ids::CommentId;

/// A new publication: its text and who may read it (a group by its slug).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostInput {
    pub body: String,
    pub audience: Audience,
    /// The group's slug when `audience` is `Group` (empty otherwise).
    pub group_slug: String,
}

impl PostInput {
    pub fn parse(form: &RawForm) -> Result<PostInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let body = e.check("body", parse_body(form.value("body"), MAX_POST_CHARS));
        // The composer's one select carries "audience|group-slug"; a bare form sends them apart.
        let (audience, group_slug) = form.value("audience_group").split_once('|').unwrap_or((form.value("audience"), form.value("group")));
        let audience = e.check("audience", Audience::parse(audience).ok_or(FieldError::ChoiceRequired));
        match (body, audience) {
            (Some(body), Some(audience)) if e.is_empty() => Ok(PostInput { body, audience, group_slug: group_slug.to_string() }),
            _ => Err(e),
        }
    }
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
