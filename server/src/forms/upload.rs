//! Forms that carry files (`multipart/form-data`): the text fields become the usual `RawForm`,
//! each file field its bytes — or, past its limit, the fact that it was too large (the rest of
//! it is read and thrown away, so the page can still come back with what was typed and why).
//! A plain urlencoded post is taken as well (a publication without pictures, a test).

use axum::extract::{FromRequest, Request};
use axum::response::{IntoResponse, Response};
use bytes::BytesMut;
use http::StatusCode;

use app::model::form::RawForm;
use app::server::media::{picture::MAX_PICTURE_BYTES, Upload, UploadContent};

use tokio::sync::OwnedSemaphorePermit;

use crate::forms::render::Submission;
use crate::state::ServerState;

/// Everything one form may send: four pictures at their limit and some margin. Past this the
/// request is cut (413) — a 50 MB picture alone still gets its French answer.
const MAX_UPLOAD_BODY_BYTES: usize = 4 * MAX_PICTURE_BYTES + 8 * 1024 * 1024;
/// The text fields of an upload form, all together.
const MAX_TEXT_BYTES: usize = 64 * 1024;
/// File fields read (empty ones included): a form with more is refused.
const MAX_FILE_FIELDS: usize = 16;

pub struct UploadSubmission {
    pub submission: Submission,
    /// The file fields that hold a file, in the order sent.
    pub uploads: Vec<Upload>,
    /// One of the server's upload slots, held until the handler is done with the files (bind it:
    /// `slot: _slot`).
    pub slot: Option<OwnedSemaphorePermit>,
}

/// How long a form turned away for lack of a slot is asked to wait.
const RETRY_AFTER_SECS: &str = "5";

impl FromRequest<ServerState> for UploadSubmission {
    type Rejection = Response;

    async fn from_request(request: Request, state: &ServerState) -> Result<Self, Response> {
        let boundary =
            request.headers().get(http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).and_then(|ct| multer::parse_boundary(ct).ok());
        let Some(boundary) = boundary else {
            return Ok(Self { submission: Submission::read(request).await?, uploads: Vec::new(), slot: None });
        };
        let Ok(slot) = state.ops.uploads.0.clone().try_acquire_owned() else {
            let busy = "Beaucoup d’envois de fichiers en ce moment\u{a0}: réessaie dans quelques secondes (reviens en arrière\u{a0}: ce que tu as écrit y est encore).";
            return Err((StatusCode::SERVICE_UNAVAILABLE, [(http::header::RETRY_AFTER, RETRY_AFTER_SECS)], busy).into_response());
        };
        let (parts, body) = request.into_parts();
        let stream = http_body_util::Limited::new(body, MAX_UPLOAD_BODY_BYTES);
        let stream = axum::body::Body::new(stream).into_data_stream();
        let mut multipart = multer::Multipart::new(stream, boundary);
        let too_large = || (StatusCode::PAYLOAD_TOO_LARGE, "Formulaire trop volumineux.").into_response();
        let unreadable = || (StatusCode::BAD_REQUEST, "Formulaire illisible.").into_response();
        let mut pairs = Vec::new();
        let mut uploads = Vec::new();
        let (mut text_bytes, mut file_fields) = (0usize, 0usize);
        while let Some(mut field) = multipart.next_field().await.map_err(|e| read_error(&e, too_large(), unreadable()))? {
            let name = field.name().unwrap_or_default().to_string();
            if field.file_name().is_some() {
                file_fields += 1;
                if file_fields > MAX_FILE_FIELDS {
                    return Err(unreadable());
                }
                let mut kept = BytesMut::new();
                let mut over = false;
                while let Some(chunk) = field.chunk().await.map_err(|e| read_error(&e, too_large(), unreadable()))? {
                    if !over && kept.len() + chunk.len() <= MAX_PICTURE_BYTES {
                        kept.extend_from_slice(&chunk);
                    } else {
                        over = true;
                        kept = BytesMut::new();
                    }
                }
                // An empty file input sends an empty part: nothing was chosen.
                if over {
                    uploads.push(Upload { field: name, content: UploadContent::TooLarge });
                } else if !kept.is_empty() {
                    uploads.push(Upload { field: name, content: UploadContent::Bytes(kept.freeze()) });
                }
            } else {
                let text = field.text().await.map_err(|e| read_error(&e, too_large(), unreadable()))?;
                text_bytes += text.len();
                if text_bytes > MAX_TEXT_BYTES {
                    return Err(too_large());
                }
                pairs.push((name, text));
            }
        }
        Ok(Self { submission: Submission { parts, form: RawForm(pairs) }, uploads, slot: Some(slot) })
    }
}

/// A body cut at its limit answers 413; anything else unreadable, 400.
fn read_error(error: &multer::Error, too_large: Response, unreadable: Response) -> Response {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = cause {
        if e.is::<http_body_util::LengthLimitError>() {
            return too_large;
        }
        cause = e.source();
    }
    unreadable
}
