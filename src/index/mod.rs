//! The index: the tantivy index on disk, how it is created and opened, and what built it.
//!
//! This module owns the index directory: creating an index with govsearch's settings, opening
//! it (tokenizers registered every time), what built it ([`BuildInfo`], kept in the commit payload
//! so it changes atomically with the data) and the figures `stats` shows. The writer pipeline is
//! [`writer`], the incremental bookkeeping [`manifest`], exact BM25 token totals
//! [`token_totals`], the body's gram index (a tantivy segment plugin) [`grams`], checksums, orphans, read-only opening and file modes [`repair`]; the section document itself belongs to
//! [`crate::document`].
//!
//! It must not know how hits are ranked or printed.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::SystemTime;

use tantivy::directory::MmapDirectory;
use tantivy::schema::Schema;
use tantivy::store::Compressor;
use tantivy::{Index, IndexSettings};
use thiserror::Error;

use crate::analysis::{self, GramTokenizer, WordTokenizer};
use crate::document::{SectionSchema, SCHEMA_VERSION};
pub use crate::json::{BuildInfo, IndexStats};

pub mod grams;
pub mod manifest;
mod pages;
pub mod repair;
pub mod token_totals;
pub mod writer;

pub use manifest::{Manifest, MANIFEST_FILE};
pub use token_totals::{ExactStatistics, TokenTotals};
pub use writer::{
    index_corpus, IndexOptions, IndexSummary, Progress, QuietProgress, DEFAULT_MEMORY_BUDGET,
};

/// Reads a JSON file govsearch keeps beside the index (manifest, token totals); the default
/// when it is absent or unreadable: each such file only saves work or sharpens ranking, and the
/// next run rewrites it.
pub(crate) fn load_side_file<T: serde::de::DeserializeOwned + Default>(
    dir: &Path,
    name: &str,
) -> T {
    std::fs::read(dir.join(name))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

/// Replaces a JSON file beside the index atomically (write, then rename).
pub(crate) fn save_side_file<T: serde::Serialize>(
    dir: &Path,
    name: &str,
    value: &T,
) -> Result<(), IndexError> {
    let tmp = dir.join(format!("{name}.tmp"));
    let io = |context: &str| {
        let context = format!("{context} {}", tmp.display());
        move |source| IndexError::Io { context, source }
    };
    let bytes = serde_json::to_vec(value).expect("side files serialise");
    std::fs::write(&tmp, bytes).map_err(io("cannot write"))?;
    std::fs::rename(&tmp, dir.join(name)).map_err(io("cannot rename"))?;
    Ok(())
}

/// How the stored text is compressed: lz4, in [`DOCSTORE_BLOCK_BYTES`] blocks. A hit
/// decompresses one whole block, and tantivy sets up a fresh zstd decompressor for every block it
/// reads (`ZSTD_createDCtx` took as long as the decompression itself, perf): with zstd level 1,
/// reading a query's ten hits from a cold cache was 0.3–0.4 ms at 1 GB, a quarter of a median
/// query. lz4 needs no set-up; its store is 31% larger (34.9 to 45.8 MB over ../shared/corpus,
/// 522 to 688 MB at 1 GB: the index 1.72× to 1.88× its text) and the in-process median 12–20%
/// lower at 1 GB, a quarter lower over ../shared/corpus. Indexes made with zstd stay readable,
/// and keep zstd for their new segments: the setting is the index's own, in its meta.json.
const DOCSTORE_COMPRESSION: Compressor = Compressor::Lz4;
/// Stored-text block size: larger blocks compress better; a hit decompresses one whole block.
/// At 128 KiB (zstd), decompressing was a fifth of a rare query's whole-process time; 32 KiB
/// blocks made the store 15% larger and a `search` process 10-15% faster at the median; 16 KiB
/// took the ten hits' share of the dev queries' common half from 300 M to 169 M instructions
/// (callgrind at 1 GB), for an index 3.5% larger. With lz4, 32 KiB blocks make the store only 6%
/// smaller than 16 KiB and the in-process median 7–18% higher (../shared/corpus).
const DOCSTORE_BLOCK_BYTES: usize = 16 * 1024;

/// Errors of the index layer.
#[derive(Debug, Error)]
pub enum IndexError {
    /// No index at that place.
    #[error("no index at {0}: run `govsearch index CORPUS --index {0}` first")]
    Missing(String),
    /// Another process is indexing into the same directory.
    #[error("the index at {0} is locked by another `govsearch index` run; wait for it to finish")]
    Locked(String),
    /// The index place is a file.
    #[error("{0} is a file, not an index folder: give --index a folder (new or an index)")]
    NotAFolder(String),
    /// The index place is a folder of documents.
    #[error("{0} holds documents, not an index: an index needs a folder of its own (`govsearch index {0} --index DIR`, then `govsearch search --index DIR …`)")]
    Documents(String),
    /// An index directory whose first run never committed.
    #[error("the index at {0} holds nothing yet: the `govsearch index` run that made it did not finish; run `govsearch index CORPUS --index {0}`")]
    Uncommitted(String),
    /// Built by an incompatible version.
    #[error(
        "the index at {path} was built by another version of govsearch ({found}); run `{rebuild}`"
    )]
    Incompatible {
        /// Index directory.
        path: String,
        /// What built it.
        found: String,
        /// The command that rebuilds it.
        rebuild: String,
    },
    /// The index files are damaged.
    #[error("the index at {path} cannot be read ({message}); rebuild it with `govsearch index CORPUS --index {path} --rebuild`")]
    Corrupt {
        /// Index directory.
        path: String,
        /// tantivy's description.
        message: String,
    },
    /// A user dictionary could not be loaded.
    #[error(transparent)]
    Dict(#[from] analysis::DictError),
    /// File-system trouble (full disk, permissions). The OS error is the source, printed after
    /// the context in the error's chain.
    #[error("{context}")]
    Io {
        /// What was being done.
        context: String,
        /// The error.
        source: std::io::Error,
    },
    /// Indexing was interrupted (Ctrl-C); the last commit stays.
    #[error("interrupted: the index keeps its last committed state")]
    Interrupted,
    /// Any other tantivy failure.
    #[error("index error: {0}")]
    Tantivy(String),
}

impl From<tantivy::TantivyError> for IndexError {
    fn from(e: tantivy::TantivyError) -> Self {
        IndexError::Tantivy(e.to_string())
    }
}

impl BuildInfo {
    pub(crate) fn current(dict_digest: String, opts: &IndexOptions) -> Self {
        let canonical = |p: &Path| {
            std::fs::canonicalize(p)
                .unwrap_or_else(|_| p.to_path_buf())
                .to_string_lossy()
                .into_owned()
        };
        BuildInfo {
            govsearch: env!("CARGO_PKG_VERSION").to_string(),
            schema_version: SCHEMA_VERSION,
            analysis_version: analysis::ANALYSIS_VERSION,
            reading_version: crate::corpus::READING_VERSION,
            dict_digest,
            updated: now_secs(),
            roots: opts.corpus.iter().map(|r| canonical(r)).collect(),
            user_dict: opts.user_dict_path.as_deref().map(canonical),
            domain_dict: opts.dictionaries.domain,
        }
    }

    /// Whether an index built like this can be searched by this binary.
    pub fn compatible(&self) -> bool {
        self.schema_version == SCHEMA_VERSION && self.analysis_version == analysis::ANALYSIS_VERSION
    }

    /// Whether its files were read by this binary's rules for reports and sections: if not,
    /// it can be searched, but its heading paths, lines and report facts may be out of date
    /// until `index` re-reads every file.
    pub fn read_as_now(&self) -> bool {
        self.reading_version == crate::corpus::READING_VERSION
    }

    /// How its reading rules differ from this binary's, for a message: `read by older rules for
    /// report facts and sections (reading version 1, now 10)`.
    pub fn reading_difference(&self) -> String {
        format!(
            "read by older rules for report facts and sections (reading version {}, now {})",
            self.reading_version,
            crate::corpus::READING_VERSION
        )
    }

    /// One-line description.
    pub fn describe(&self) -> String {
        format!(
            "govsearch {}, schema {}, analysis {}, reading {}, dictionaries {}",
            self.govsearch,
            self.schema_version,
            self.analysis_version,
            self.reading_version,
            &self.dict_digest[..self.dict_digest.len().min(12)]
        )
    }
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Registers govsearch's tokenizers on an index: the gram tokenizer always, the word tokenizer
/// when `jieba` is given (to write). Must be done every time an index is opened.
pub fn register_tokenizers(index: &Index, jieba: Option<Arc<jieba_rs::Jieba>>) {
    index
        .tokenizers()
        .register(analysis::GRAM_TOKENIZER, GramTokenizer::default());
    // Searching never tokenizes the words field (queries build terms themselves), so a search
    // registers no word tokenizer: even an empty jieba fills a 512 KiB table.
    if let Some(jieba) = jieba {
        index
            .tokenizers()
            .register(analysis::WORD_TOKENIZER, WordTokenizer::new(jieba));
    }
}

/// Registers govsearch's segment plugins (the body's gram index) on an index handle. Must be
/// done every time an index is opened: tantivy refuses to write or merge without them.
pub fn register_plugins(index: &mut Index) {
    index.register_plugin(Arc::new(grams::GramPlugin));
}

/// An index opened for searching, with its section schema and build info.
pub struct OpenIndex {
    /// The tantivy index.
    pub index: Index,
    /// The index directory.
    pub dir: std::path::PathBuf,
    /// The section document codec.
    pub sections: SectionSchema,
    /// What built it.
    pub build: Option<BuildInfo>,
    /// Segments in the commit opened (read with the build info, from the same meta.json).
    pub segments: usize,
}

/// Opens an index for searching, checking that this binary can read it.
pub fn open(dir: &Path) -> Result<OpenIndex, IndexError> {
    let shown = dir.display().to_string();
    if !dir.join("meta.json").exists() {
        if dir.is_file() {
            return Err(IndexError::NotAFolder(shown));
        }
        if holds_documents(dir) {
            return Err(IndexError::Documents(shown));
        }
        return Err(IndexError::Missing(shown));
    }
    // Searching writes nothing: a read-only or another user's index opens too.
    let index = repair::ReadDirectory::open(dir)
        .and_then(Index::open)
        .map_err(|e| IndexError::Corrupt {
            path: shown.clone(),
            message: e.to_string(),
        })?;
    let metas = index.load_metas().ok();
    let build = metas.as_ref().and_then(build_info_in);
    let segments = metas.as_ref().map_or(0, |m| m.segments.len());
    // tantivy writes an empty meta.json when it creates an index; govsearch's first commit
    // adds its build info. Without either, the first run stopped before it committed.
    if build.is_none()
        && metas
            .as_ref()
            .is_some_and(|m| m.segments.is_empty() && m.opstamp == 0)
    {
        return Err(IndexError::Uncommitted(shown));
    }
    match &build {
        Some(b) if b.compatible() => {}
        other => {
            return Err(IndexError::Incompatible {
                rebuild: rebuild_command(&shown, other.as_ref()),
                path: shown,
                found: other
                    .as_ref()
                    .map(BuildInfo::describe)
                    .unwrap_or_else(|| "unknown".into()),
            })
        }
    }
    let sections = SectionSchema::new();
    if index.schema() != *sections.schema() {
        return Err(IndexError::Incompatible {
            rebuild: rebuild_command(&shown, build.as_ref()),
            path: shown,
            found: "another schema".into(),
        });
    }
    register_tokenizers(&index, None);
    let mut index = index;
    register_plugins(&mut index);
    Ok(OpenIndex {
        index,
        dir: dir.to_path_buf(),
        sections,
        build,
        segments,
    })
}

/// Whether a folder without an index holds files of a format govsearch reads: the user gave
/// `--index` their documents.
pub(crate) fn holds_documents(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .take(1000)
            .any(|e| crate::corpus::Format::from_path(&e.path()).is_some())
    })
}

/// What built the index in `dir`, when there is a readable one.
pub fn stored_build_info(dir: &Path) -> Option<BuildInfo> {
    if !dir.join("meta.json").exists() {
        return None;
    }
    read_build_info(&Index::open_in_dir(dir).ok()?)
}

/// The command that rebuilds the index shown as `shown`: `index` reads again the folders an
/// index remembers, so they need naming only when it remembers none.
fn rebuild_command(shown: &str, build: Option<&BuildInfo>) -> String {
    if build.is_some_and(|b| !b.roots.is_empty()) {
        format!("govsearch index --index {shown} --rebuild")
    } else {
        format!("govsearch index CORPUS --index {shown} --rebuild")
    }
}

/// The build info in the last commit's payload.
pub fn read_build_info(index: &Index) -> Option<BuildInfo> {
    build_info_in(&index.load_metas().ok()?)
}

/// The build info in a commit's payload.
fn build_info_in(metas: &tantivy::IndexMeta) -> Option<BuildInfo> {
    serde_json::from_str(metas.payload.as_deref()?).ok()
}

/// Removes the files of an index directory (not its subfolders).
pub(crate) fn clear_index_dir(dir: &Path) -> Result<(), IndexError> {
    let io = |source| IndexError::Io {
        context: format!("cannot clear {}", dir.display()),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.is_file() {
            std::fs::remove_file(&path).map_err(io)?;
        }
    }
    Ok(())
}

/// Creates an empty index with govsearch's settings: stored text compressed with
/// [`DOCSTORE_COMPRESSION`] in [`DOCSTORE_BLOCK_BYTES`] blocks.
pub(crate) fn create_index(dir: &Path, schema: &Schema) -> Result<Index, IndexError> {
    create_index_storing(dir, schema, DOCSTORE_COMPRESSION)
}

/// [`create_index`], with the stored text compressed by `compression`.
fn create_index_storing(
    dir: &Path,
    schema: &Schema,
    compression: Compressor,
) -> Result<Index, IndexError> {
    let settings = IndexSettings {
        docstore_compression: compression,
        docstore_blocksize: DOCSTORE_BLOCK_BYTES,
        ..IndexSettings::default()
    };
    let mmap = MmapDirectory::open(dir).map_err(|e| IndexError::Tantivy(e.to_string()))?;
    Ok(Index::builder()
        .schema(schema.clone())
        .settings(settings)
        .register_plugin(Arc::new(grams::GramPlugin))
        .open_or_create(mmap)?)
}

/// Collects [`IndexStats`] for an index directory.
pub fn stats(dir: &Path) -> Result<IndexStats, IndexError> {
    let open = open(dir)?;
    let reader = open.index.reader()?;
    let searcher = reader.searcher();
    let manifest = Manifest::load(dir);
    let mut per_year = BTreeMap::new();
    let mut orgs: BTreeMap<String, usize> = BTreeMap::new();
    let mut text_bytes = 0;
    for entry in manifest.files.values() {
        text_bytes += entry.text_bytes;
        if let Some(y) = entry.year {
            *per_year.entry(y).or_insert(0) += 1;
        }
        if let Some(o) = &entry.org {
            *orgs.entry(o.clone()).or_insert(0) += 1;
        }
    }
    let mut orgs: Vec<(String, usize)> = orgs.into_iter().collect();
    orgs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let index_bytes = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0);
    Ok(IndexStats {
        files: manifest.files.len(),
        sections: searcher.num_docs(),
        text_bytes,
        index_bytes,
        years: per_year
            .keys()
            .next()
            .copied()
            .zip(per_year.keys().next_back().copied()),
        per_year,
        orgs,
        with_doc_number: manifest
            .files
            .values()
            .filter(|e| e.doc_number.is_some())
            .count(),
        build: open.build,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{parse_query, Engine, Filters, Limit};

    /// The hits for `query` of an index built from data/ into `dir`, and the compression its
    /// meta.json names for the stored text.
    fn build_and_search(dir: &Path, query: &str) -> (Vec<crate::json::Hit>, String) {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let opts = IndexOptions::new(vec![data], dir.to_path_buf(), 1);
        let never = std::sync::atomic::AtomicBool::new(false);
        index_corpus(&opts, &QuietProgress, &never).unwrap();
        let open = open(dir).unwrap();
        let engine = Engine::new(&open).unwrap();
        let q = parse_query(query, engine.normalizer()).unwrap();
        let found = engine
            .search(&q, &Filters::default(), Limit::Top(50))
            .unwrap();
        let meta: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.join("meta.json")).unwrap()).unwrap();
        let compression = meta["index_settings"]["docstore_compression"].to_string();
        (found.hits, compression)
    }

    /// Indexes made before the stored text was compressed with lz4 hold zstd blocks: they still
    /// open, take new sections and give the same hits, text and locations as a new index.
    #[test]
    fn an_index_storing_zstd_blocks_reads_as_a_new_one() {
        let old = tempfile::tempdir().unwrap();
        let zstd = Compressor::Zstd(tantivy::store::ZstdCompressor {
            compression_level: Some(1),
        });
        drop(create_index_storing(old.path(), SectionSchema::new().schema(), zstd).unwrap());
        let (old_hits, old_compression) = build_and_search(old.path(), "法律顾问");
        let new = tempfile::tempdir().unwrap();
        let (new_hits, new_compression) = build_and_search(new.path(), "法律顾问");
        assert!(old_compression.contains("zstd"), "{old_compression}");
        assert!(new_compression.contains("lz4"), "{new_compression}");
        assert!(
            new_hits.len() > 3,
            "法律顾问 is in several sections of data/"
        );
        let shown = |hits: &[crate::json::Hit]| {
            hits.iter()
                .map(|h| (h.path.clone(), h.line, h.column, h.snippet.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(shown(&old_hits), shown(&new_hits));
        assert!(new_hits.iter().all(|h| h.snippet.contains("法律顾问")));
    }
}
