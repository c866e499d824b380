//! The manifest: which files an index holds, so a second run reads only new and changed ones.
//!
//! This module owns `govsearch-manifest.json`: its format and its atomic replacement. It knows
//! nothing of tantivy or of how files are read.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use super::IndexError;

/// Name of the manifest file inside the index directory.
pub const MANIFEST_FILE: &str = "govsearch-manifest.json";

/// One indexed file, as the manifest remembers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch.
    pub mtime: u128,
    /// blake3 of the content.
    pub hash: String,
    /// Sections indexed.
    pub sections: u64,
    /// Bytes of section text indexed.
    pub text_bytes: u64,
    /// Report metadata, for `stats`.
    pub year: Option<u32>,
    /// Issuing body.
    pub org: Option<String>,
    /// Document number (文号).
    #[serde(default)]
    pub doc_number: Option<String>,
}

impl FileEntry {
    /// Whether the file `meta` describes has the size and modification time remembered: then
    /// it is taken as unchanged without being read.
    pub fn same_size_and_time(&self, meta: &std::fs::Metadata) -> bool {
        self.size == meta.len() && self.mtime == mtime_nanos(meta)
    }
}

/// The files an index holds, by path.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// Indexed files.
    pub files: BTreeMap<String, FileEntry>,
}

impl Manifest {
    /// Loads the manifest of an index directory (empty when absent or unreadable).
    pub fn load(dir: &Path) -> Manifest {
        super::load_side_file(dir, MANIFEST_FILE)
    }

    /// Replaces the manifest of an index directory atomically (write, then rename).
    pub fn save(&self, dir: &Path) -> Result<(), IndexError> {
        super::save_side_file(dir, MANIFEST_FILE, self)
    }
}

/// A file's modification time in nanoseconds since the epoch (0 when unknown).
pub fn mtime_nanos(meta: &std::fs::Metadata) -> u128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}
