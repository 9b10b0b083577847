//! Stored files (pictures and the toolbox's documents): where they live and how they are made.
//!
//! - `MediaStore` is one `object_store` trait object: a local directory by default
//!   (`./data/media/`, nothing to set up) or an S3-compatible bucket for several instances
//!   (`COOPOL_MEDIA_URL=s3://bucket`, the standard `AWS_*` variables for the endpoint and keys).
//!   Files are immutable: a key is random and written once; its rows in the database say who
//!   may read it (`store::media`), the serving route asks before reading (`services::media`).
//! - Processing is CPU-bound: it runs on tokio's blocking threads behind a semaphore of
//!   `WORKERS` permits, so a burst of uploads queues instead of starving the async runtime.

pub mod document;
pub mod picture;

use std::sync::Arc;

use bytes::Bytes;
use futures_util::StreamExt;
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};
use tokio::sync::Semaphore;

use crate::model::form::FieldError;

/// Pictures processed at once (this machine class has 2 cores).
pub const WORKERS: usize = 2;

#[derive(Clone)]
pub struct MediaStore {
    objects: Arc<dyn ObjectStore>,
    workers: Arc<Semaphore>,
    description: String,
}

impl std::fmt::Debug for MediaStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.description)
    }
}

/// A stored file's name, for listing (orphan collection).
#[derive(Debug, Clone)]
pub struct StoredObject {
    pub path: String,
    pub modified_ms: i64,
}

impl MediaStore {
    /// `url`: a directory path (`data/media`, `file:///srv/coopol/media`) or `s3://bucket[/prefix]`.
    pub fn open(url: &str) -> Result<Self, String> {
        if let Some(rest) = url.strip_prefix("s3://") {
            let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
            let store = object_store::aws::AmazonS3Builder::from_env()
                .with_bucket_name(bucket)
                .build()
                .map_err(|e| format!("cannot open the media bucket {bucket}: {e}"))?;
            let prefix = prefix.trim_matches('/');
            if prefix.is_empty() {
                return Ok(Self::with(Arc::new(store), format!("S3 bucket {bucket}")));
            }
            let store = object_store::prefix::PrefixStore::new(store, prefix);
            return Ok(Self::with(Arc::new(store), format!("S3 bucket {bucket}, under {prefix}/")));
        }
        let dir = url.strip_prefix("file://").unwrap_or(url);
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create the media directory {dir}: {e}"))?;
        let store = object_store::local::LocalFileSystem::new_with_prefix(dir)
            .map_err(|e| format!("cannot open the media directory {dir}: {e}"))?;
        Ok(Self::with(Arc::new(store), format!("directory {dir}")))
    }

    /// Files kept in memory: for commands that never store a file (the operator's CLI).
    pub fn in_memory() -> Self {
        Self::with(Arc::new(object_store::memory::InMemory::new()), "memory".into())
    }

    fn with(objects: Arc<dyn ObjectStore>, description: String) -> Self {
        Self { objects, workers: Arc::new(Semaphore::new(WORKERS)), description }
    }

    pub fn describe(&self) -> &str {
        &self.description
    }

    /// Runs `work` on a blocking thread once one of the `WORKERS` permits is free.
    pub async fn process<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Result<T, String> {
        let _permit = self.workers.acquire().await.map_err(|e| e.to_string())?;
        tokio::task::spawn_blocking(work).await.map_err(|e| e.to_string())
    }

    pub async fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), object_store::Error> {
        self.objects.put(&ObjectPath::from(path), PutPayload::from(bytes)).await.map(|_| ())
    }

    /// The file's bytes, `None` when it is not (or no longer) stored.
    pub async fn get(&self, path: &str) -> Result<Option<Bytes>, object_store::Error> {
        match self.objects.get(&ObjectPath::from(path)).await {
            Ok(found) => found.bytes().await.map(Some),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Deletes every file under `prefix/` (a picture's variants); a missing one is no error.
    pub async fn delete_under(&self, prefix: &str) -> Result<(), object_store::Error> {
        for object in self.list(Some(prefix)).await? {
            match self.objects.delete(&ObjectPath::from(object.path.as_str())).await {
                Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Every stored file (under `prefix/`).
    pub async fn list(&self, prefix: Option<&str>) -> Result<Vec<StoredObject>, object_store::Error> {
        let prefix = prefix.map(ObjectPath::from);
        let mut listing = self.objects.list(prefix.as_ref());
        let mut found = Vec::new();
        while let Some(meta) = listing.next().await {
            let meta = meta?;
            found.push(StoredObject { path: meta.location.to_string(), modified_ms: meta.last_modified.timestamp_millis() });
        }
        Ok(found)
    }
}

/// A file field of a submitted form, read up to its limit: its bytes, or that it was larger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upload {
    /// The form field it came in (`photo_1`…).
    pub field: String,
    pub content: UploadContent,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UploadContent {
    Bytes(Bytes),
    /// Larger than the limit: the rest was read and thrown away, nothing kept.
    TooLarge,
}

impl Upload {
    /// The file's bytes, or the French-ready reason it is refused before any decoding.
    pub fn bytes(&self) -> Result<&Bytes, FieldError> {
        match &self.content {
            UploadContent::Bytes(b) => Ok(b),
            UploadContent::TooLarge => Err(FieldError::FileTooLarge { max_mb: (picture::MAX_PICTURE_BYTES / (1024 * 1024)) as u64 }),
        }
    }
}

/// A fresh random key for a stored file (128 bits, hex): its address cannot be guessed.
pub fn new_key() -> String {
    use rand::RngCore;
    let mut raw = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut raw);
    hex::encode(raw)
}
