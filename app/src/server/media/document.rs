//! A file sent to a toolbox, checked before it is kept: a PDF is a PDF, or a picture made safe.
//!
//! A PDF must start with `%PDF-` (not merely hold it in its first kilobyte, as readers tolerate),
//! must not also sign as a picture or hold markup a browser would sniff as a page (a polyglot),
//! must end with `%%EOF` (a cut file is refused), must parse (`lopdf`) with at least one page, and must not carry JavaScript, launch
//! actions, attached files, rich media or XFA forms. It is then kept byte for byte (a tract is
//! printed from it). A picture goes through the photo pipeline's decoder and is drawn again at
//! its full size (`picture::full_size`): nothing of the original file survives. Anything else is
//! refused. CPU-bound: through `MediaStore::process`.

use lopdf::Object;

use crate::model::documents::DocumentFileKind;
use crate::model::form::FieldError;
use crate::server::media::picture;

/// A file ready to store.
#[derive(Debug)]
pub struct CheckedFile {
    pub kind: DocumentFileKind,
    pub bytes: Vec<u8>,
}

/// Dictionary keys a tract has no use for, each a way to run or carry something.
const UNSAFE_KEYS: &[&[u8]] = &[b"JS", b"JavaScript", b"Launch", b"EmbeddedFile", b"EmbeddedFiles", b"RichMedia", b"XFA", b"OpenAction"];
/// Markup that would make a browser take the start of the file for a page.
const MARKUP: &[&[u8]] = &[b"<html", b"<!doctype", b"<script", b"<svg", b"<body", b"<iframe", b"<?xml"];

pub fn check(bytes: &[u8]) -> Result<CheckedFile, FieldError> {
    if bytes.len() > picture::MAX_PICTURE_BYTES {
        return Err(FieldError::FileTooLarge { max_mb: (picture::MAX_PICTURE_BYTES / (1024 * 1024)) as u64 });
    }
    if bytes.starts_with(b"%PDF-") {
        return check_pdf(bytes).map(|()| CheckedFile { kind: DocumentFileKind::Pdf, bytes: bytes.to_vec() });
    }
    if picture::looks_like_picture(bytes) {
        return match picture::full_size(bytes) {
            Ok((file, true)) => Ok(CheckedFile { kind: DocumentFileKind::Png, bytes: file }),
            Ok((file, false)) => Ok(CheckedFile { kind: DocumentFileKind::Jpeg, bytes: file }),
            Err(FieldError::NotAPicture) => Err(FieldError::NotADocument),
            Err(refusal) => Err(refusal),
        };
    }
    Err(FieldError::NotADocument)
}

fn check_pdf(bytes: &[u8]) -> Result<(), FieldError> {
    let head: Vec<u8> = bytes.iter().take(1024).map(u8::to_ascii_lowercase).collect();
    let has_markup = MARKUP.iter().any(|m| head.windows(m.len()).any(|w| w == *m));
    if has_markup || picture::looks_like_picture(bytes) {
        return Err(FieldError::NotAPdf);
    }
    // A cut file: the parser would recover what it can, the printer would print half a tract.
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(FieldError::NotAPdf);
    }
    let document = lopdf::Document::load_mem(bytes).map_err(|_| FieldError::NotAPdf)?;
    if document.get_pages().is_empty() {
        return Err(FieldError::NotAPdf);
    }
    if document.objects.values().any(carries_something) {
        return Err(FieldError::UnsafePdf);
    }
    Ok(())
}

/// Whether an object (or anything inside it) names a script, a launch or an attached file.
fn carries_something(object: &Object) -> bool {
    match object {
        Object::Dictionary(dict) => dict.iter().any(|(key, value)| UNSAFE_KEYS.contains(&key.as_slice()) || carries_something(value)),
        Object::Stream(stream) => stream.dict.iter().any(|(key, value)| UNSAFE_KEYS.contains(&key.as_slice()) || carries_something(value)),
        Object::Array(items) => items.iter().any(carries_something),
        Object::Name(name) => name.as_slice() == b"JavaScript" || name.as_slice() == b"Launch",
        _ => false,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::server::testing_images::{pdf, pdf_with_script};

    #[test]
    fn a_pdf_is_kept_byte_for_byte() {
        let file = pdf("Tract du marché");
        let checked = check(&file).expect("a PDF");
        assert_eq!(checked.kind, DocumentFileKind::Pdf);
        assert_eq!(checked.bytes, file);
    }

    #[test]
    fn what_only_looks_like_a_pdf_is_refused() {
        assert_eq!(check(b"%PDF-1.4\n<html><script>alert(1)</script></html>").err(), Some(FieldError::NotAPdf));
        assert_eq!(check(b"%PDF-1.7\nnothing of a PDF after the header").err(), Some(FieldError::NotAPdf));
        let file = pdf("coupé");
        assert_eq!(check(&file[..file.len() / 3]).err(), Some(FieldError::NotAPdf));
        assert_eq!(check(b"<!doctype html><p>%PDF-1.4</p>").err(), Some(FieldError::NotADocument));
    }

    #[test]
    fn a_pdf_with_a_script_is_refused() {
        assert_eq!(check(&pdf_with_script()).err(), Some(FieldError::UnsafePdf));
    }

    #[test]
    fn a_picture_is_drawn_again() {
        let checked = check(&crate::server::testing_images::jpeg_with_gps(200, 100)).expect("a picture");
        assert_eq!(checked.kind, DocumentFileKind::Jpeg);
        assert!(!checked.bytes.windows(4).any(|w| w == b"Exif"));
    }
}
