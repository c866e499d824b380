//! The index: schema, opening, the indexing pipeline and incremental bookkeeping.
//!
//! This module owns the tantivy index on disk: which fields a section document has, how an
//! index is created and opened (tokenizers registered every time), what built it
//! ([`BuildInfo`], kept in the commit payload so it changes atomically with the data), and which
//! files it holds ([`Manifest`], so a second run reads only new and changed files).
//!
//! Pipeline: the calling thread walks, reads, decodes, sections and normalises files; tantivy's
//! indexing threads (`--jobs`, each with its share of the memory budget) segment and invert them.
//! `add_document` blocks when their bounded queue is full, so reading never runs ahead of
//! writing by more than the queue.
//!
//! Crash safety: the only durable state is tantivy's last commit. The manifest is written after
//! the commit (atomically, by rename); since every changed or new file's old sections are deleted
//! by path before it is added, a manifest that lags a commit only makes the next run re-read a
//! few files, never duplicate or lose sections.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Instant, SystemTime};

use serde::{Deserialize, Serialize};
use tantivy::directory::MmapDirectory;
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{doc, Index, IndexSettings, IndexWriter, TantivyDocument, Term};
use thiserror::Error;

use crate::analysis::{self, GramTokenizer, Normalizer, WordTokenizer};
use crate::corpus::{self, CorpusFile};
use crate::report;

/// Version of the schema; an index of another version must be rebuilt.
pub const SCHEMA_VERSION: u32 = 2;
/// Name of the manifest file inside the index directory.
pub const MANIFEST_FILE: &str = "govsearch-manifest.json";
/// Segments with more section documents than this are not merged further.
pub const MAX_MERGE_DOCS: usize = 150_000;
/// Default writer memory budget, shared by the indexing threads.
pub const DEFAULT_MEMORY_BUDGET: usize = 200 << 20;

/// Errors of the index layer.
#[derive(Debug, Error)]
pub enum IndexError {
    /// No index at that place.
    #[error("no index at {0}: run `govsearch index CORPUS --index {0}` first")]
    Missing(String),
    /// Another process is indexing into the same directory.
    #[error("the index at {0} is locked by another `govsearch index` run; wait for it to finish")]
    Locked(String),
    /// Built by an incompatible version.
    #[error("the index at {path} was built by another version of govsearch ({found}); run `govsearch index CORPUS --index {path} --rebuild`")]
    Incompatible {
        /// Index directory.
        path: String,
        /// What built it.
        found: String,
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
    /// File-system trouble (full disk, permissions).
    #[error("{context}: {source}")]
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

/// The fields of a section document.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Path of the file (raw string; deletion key).
    pub path: Field,
    /// Report title (stored).
    pub title: Field,
    /// Issuing body (stored).
    pub org: Field,
    /// Year (indexed, fast, stored).
    pub year: Field,
    /// Date as written (stored).
    pub date: Field,
    /// Heading path joined with [`HEADING_SEP`] (stored).
    pub heading: Field,
    /// Level of the innermost heading (stored).
    pub level: Field,
    /// First line (stored).
    pub line_start: Field,
    /// Last line (stored).
    pub line_end: Field,
    /// Original section text (stored).
    pub text: Field,
    /// Normalised text, grams with positions: substring matching.
    pub grams: Field,
    /// Normalised text, jieba words with frequencies: ranking.
    pub words: Field,
    /// Normalised heading path, grams.
    pub heading_grams: Field,
    /// Normalised title, grams; on the first section of each report only (see [`Fields::file`]).
    pub title_grams: Field,
    /// Normalised issuing body, grams (for `--org`); on the first section of each report only.
    pub org_grams: Field,
    /// Identifies the report (file) a section belongs to: a hash of its path. Report-level text
    /// (title, issuing body) is indexed once per report, on its first section; a query finds the
    /// matching reports there and reaches all their sections through this field.
    pub file: Field,
    /// Deterministic tie-break key (fast): the report's [`Fields::file`] id above the section's
    /// first line (low [`KEY_LINE_BITS`] bits).
    pub key: Field,
}

/// Bits of the tie-break key that hold the section's first line.
pub const KEY_LINE_BITS: u32 = 20;

/// Separator of heading path elements in the stored `heading` field.
pub const HEADING_SEP: char = '\u{1f}';

/// The schema of a section document.
pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    // Report-level gram fields match with a constant score, so they need no field norms.
    let grams = |b: &mut tantivy::schema::SchemaBuilder, name: &str, norms: bool| {
        b.add_text_field(
            name,
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(analysis::GRAM_TOKENIZER)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions)
                    .set_fieldnorms(norms),
            ),
        )
    };
    let path = b.add_text_field("path", STRING | STORED);
    let title = b.add_text_field("title", STORED);
    let org = b.add_text_field("org", STORED);
    let year = b.add_u64_field("year", INDEXED | FAST | STORED);
    let date = b.add_text_field("date", STORED);
    let heading = b.add_text_field("heading", STORED);
    let level = b.add_u64_field("level", STORED);
    let line_start = b.add_u64_field("line_start", STORED);
    let line_end = b.add_u64_field("line_end", STORED);
    let text = b.add_text_field("text", STORED);
    let grams_f = grams(&mut b, "grams", true);
    let words = b.add_text_field(
        "words",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analysis::WORD_TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqs),
        ),
    );
    let heading_grams = grams(&mut b, "heading_grams", true);
    let title_grams = grams(&mut b, "title_grams", false);
    let org_grams = grams(&mut b, "org_grams", false);
    let key = b.add_u64_field("key", FAST);
    let file = b.add_u64_field("file", INDEXED);
    (
        b.build(),
        Fields {
            path,
            title,
            org,
            year,
            date,
            heading,
            level,
            line_start,
            line_end,
            text,
            grams: grams_f,
            words,
            heading_grams,
            title_grams,
            org_grams,
            file,
            key,
        },
    )
}

/// What built an index. Kept in the commit payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuildInfo {
    /// govsearch version.
    pub govsearch: String,
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// [`analysis::ANALYSIS_VERSION`].
    pub analysis_version: u32,
    /// Digest of the dictionaries (jieba's, the domain one, the user's).
    pub dict_digest: String,
    /// When the last commit was made (seconds since the Unix epoch).
    pub updated: u64,
}

impl BuildInfo {
    fn current(dict_digest: String) -> Self {
        BuildInfo {
            govsearch: env!("CARGO_PKG_VERSION").to_string(),
            schema_version: SCHEMA_VERSION,
            analysis_version: analysis::ANALYSIS_VERSION,
            dict_digest,
            updated: now_secs(),
        }
    }

    /// Whether an index built like this can be searched by this binary.
    pub fn compatible(&self) -> bool {
        self.schema_version == SCHEMA_VERSION && self.analysis_version == analysis::ANALYSIS_VERSION
    }

    /// One-line description.
    pub fn describe(&self) -> String {
        format!(
            "govsearch {}, schema {}, analysis {}, dictionaries {}",
            self.govsearch,
            self.schema_version,
            self.analysis_version,
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
        std::fs::read(dir.join(MANIFEST_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    fn save(&self, dir: &Path) -> Result<(), IndexError> {
        let tmp = dir.join(format!("{MANIFEST_FILE}.tmp"));
        let io = |context: &str| {
            let context = format!("{context} {}", tmp.display());
            move |source| IndexError::Io { context, source }
        };
        let bytes = serde_json::to_vec(self).expect("manifest serialises");
        std::fs::write(&tmp, bytes).map_err(io("cannot write"))?;
        std::fs::rename(&tmp, dir.join(MANIFEST_FILE)).map_err(io("cannot rename"))?;
        Ok(())
    }
}

/// Registers govsearch's tokenizers on an index. Must be done every time an index is opened.
pub fn register_tokenizers(index: &Index, jieba: Option<Arc<jieba_rs::Jieba>>) {
    index
        .tokenizers()
        .register(analysis::GRAM_TOKENIZER, GramTokenizer::default());
    // Searching never tokenizes the words field (queries build terms themselves), so a search
    // does not pay for loading jieba's dictionary; an empty segmenter stands in.
    let jieba = jieba.unwrap_or_else(|| Arc::new(jieba_rs::Jieba::empty()));
    index
        .tokenizers()
        .register(analysis::WORD_TOKENIZER, WordTokenizer::new(jieba));
}

/// An index opened for searching, with its fields and build info.
pub struct OpenIndex {
    /// The tantivy index.
    pub index: Index,
    /// Its fields.
    pub fields: Fields,
    /// What built it.
    pub build: Option<BuildInfo>,
}

/// Opens an index for searching, checking that this binary can read it.
pub fn open(dir: &Path) -> Result<OpenIndex, IndexError> {
    let shown = dir.display().to_string();
    if !dir.join("meta.json").exists() {
        return Err(IndexError::Missing(shown));
    }
    let index = Index::open_in_dir(dir).map_err(|e| IndexError::Corrupt {
        path: shown.clone(),
        message: e.to_string(),
    })?;
    let build = read_build_info(&index);
    match &build {
        Some(b) if b.compatible() => {}
        other => {
            return Err(IndexError::Incompatible {
                path: shown,
                found: other
                    .as_ref()
                    .map(BuildInfo::describe)
                    .unwrap_or_else(|| "unknown".into()),
            })
        }
    }
    let (expected, fields) = schema();
    if index.schema() != expected {
        return Err(IndexError::Incompatible {
            path: shown,
            found: "another schema".into(),
        });
    }
    register_tokenizers(&index, None);
    Ok(OpenIndex {
        index,
        fields,
        build,
    })
}

/// The build info in the last commit's payload.
pub fn read_build_info(index: &Index) -> Option<BuildInfo> {
    let metas = index.load_metas().ok()?;
    serde_json::from_str(metas.payload.as_deref()?).ok()
}

/// Options of an indexing run.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Corpus roots (folders or files).
    pub corpus: Vec<PathBuf>,
    /// Index directory.
    pub index_dir: PathBuf,
    /// Discard the existing index and start again.
    pub rebuild: bool,
    /// Indexing threads (tantivy writer threads).
    pub jobs: usize,
    /// Writer memory budget in bytes, shared by the threads.
    pub memory_budget: usize,
    /// The dictionaries that cut words.
    pub dictionaries: analysis::Dictionaries,
}

/// What an indexing run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IndexSummary {
    /// Files read and indexed (new).
    pub added: usize,
    /// Files re-read because they changed.
    pub updated: usize,
    /// Files whose sections were removed (gone from the corpus).
    pub removed: usize,
    /// Files unchanged since the last run.
    pub unchanged: usize,
    /// Files skipped with a warning.
    pub skipped: usize,
    /// Sections written.
    pub sections: usize,
    /// Bytes of source files read.
    pub bytes: u64,
    /// Wall time in seconds.
    pub seconds: f64,
    /// Whether the index was rebuilt from scratch.
    pub rebuilt: bool,
}

impl IndexSummary {
    /// Throughput over the bytes read, in MB/s (10^6 bytes).
    pub fn mb_per_s(&self) -> f64 {
        if self.seconds > 0.0 {
            self.bytes as f64 / 1e6 / self.seconds
        } else {
            0.0
        }
    }
}

/// Hooks an indexing run reports to: warnings and progress. The CLI shows them on stderr.
pub trait Progress {
    /// A file was skipped or read with a problem.
    fn warn(&self, message: &str);
    /// The number of files to look at is known.
    fn start(&self, _files: u64) {}
    /// One more file was looked at.
    fn advance(&self, _path: &Path) {}
}

/// A [`Progress`] that prints warnings to stderr and shows nothing else.
pub struct QuietProgress;

impl Progress for QuietProgress {
    fn warn(&self, message: &str) {
        eprintln!("govsearch: warning: {message}");
    }
}

/// Runs an indexing pass: adds new files, re-reads changed ones, removes vanished ones, commits.
pub fn index_corpus(
    opts: &IndexOptions,
    progress: &dyn Progress,
    interrupted: &AtomicBool,
) -> Result<IndexSummary, IndexError> {
    let started = Instant::now();
    let dir = &opts.index_dir;
    let shown = dir.display().to_string();
    std::fs::create_dir_all(dir).map_err(|source| IndexError::Io {
        context: format!("cannot create index directory {shown}"),
        source,
    })?;
    let digest = opts.dictionaries.digest();
    let (schema, fields) = schema();
    let mut summary = IndexSummary::default();

    let existing = if dir.join("meta.json").exists() {
        Some(Index::open_in_dir(dir).map_err(|e| IndexError::Corrupt {
            path: shown.clone(),
            message: e.to_string(),
        }))
    } else {
        None
    };
    let index = match existing {
        Some(Ok(index)) if index.schema() == schema => index,
        Some(Err(e)) if !opts.rebuild => return Err(e),
        // Another schema cannot change in place, and an unreadable index asked to be rebuilt
        // cannot be opened: start a fresh index in the same directory.
        Some(_) => {
            clear_index_dir(dir)?;
            create_index(dir, &schema)?
        }
        None => create_index(dir, &schema)?,
    };
    let reusable = !opts.rebuild
        && read_build_info(&index).is_some_and(|b| b.compatible() && b.dict_digest == digest);
    let jieba = Arc::new(opts.dictionaries.load()?);
    register_tokenizers(&index, Some(jieba));
    let jobs = opts.jobs.max(1);
    let budget = opts.memory_budget.max((jobs * 20) << 20);
    let mut writer: IndexWriter = match index.writer_with_num_threads(jobs, budget) {
        Ok(w) => w,
        Err(tantivy::TantivyError::LockFailure(..)) => return Err(IndexError::Locked(shown)),
        Err(e) => return Err(e.into()),
    };
    // Merge as soon as two segments of a size are there: every segment repeats the bigram
    // dictionary, and fewer segments make the index smaller and searches faster. Segments past
    // MAX_MERGE_DOCS are left alone: merging large ones costs more time and memory than it saves
    // (at 1 GB, merging without a cap took the peak to 1.96 GB and indexing to 397 s).
    let mut merge_policy = tantivy::indexer::LogMergePolicy::default();
    merge_policy.set_min_num_segments(2);
    merge_policy.set_max_docs_before_merge(MAX_MERGE_DOCS);
    writer.set_merge_policy(Box::new(merge_policy));
    let mut manifest = if reusable {
        Manifest::load(dir)
    } else {
        // Deleting inside the next commit keeps the previous index searchable until then.
        writer.delete_all_documents()?;
        summary.rebuilt = true;
        Manifest::default()
    };

    let (files, walk_warnings) = corpus::walk(&opts.corpus);
    for w in &walk_warnings {
        progress.warn(&w.to_string());
    }
    summary.skipped += walk_warnings.len();
    progress.start(files.len() as u64);

    let normalizer = Normalizer::new();
    let mut seen = std::collections::HashSet::new();
    for file in &files {
        if interrupted.load(Ordering::Relaxed) {
            writer.rollback()?;
            return Err(IndexError::Interrupted);
        }
        progress.advance(&file.path);
        let key = file.path.to_string_lossy().into_owned();
        seen.insert(key.clone());
        match index_file(
            &writer,
            &fields,
            &normalizer,
            file,
            manifest.files.get(&key),
            progress,
        ) {
            FileOutcome::Unchanged(entry) => {
                summary.unchanged += 1;
                manifest.files.insert(key, entry);
            }
            FileOutcome::Indexed { entry, bytes } => {
                if manifest.files.contains_key(&key) {
                    summary.updated += 1;
                } else {
                    summary.added += 1;
                }
                summary.sections += entry.sections as usize;
                summary.bytes += bytes;
                manifest.files.insert(key, entry);
            }
            FileOutcome::Skipped => {
                summary.skipped += 1;
                if manifest.files.remove(&key).is_some() {
                    writer.delete_term(Term::from_field_text(fields.path, &key));
                }
            }
        }
    }
    let gone: Vec<String> = manifest
        .files
        .keys()
        .filter(|k| !seen.contains(*k))
        .cloned()
        .collect();
    for key in gone {
        writer.delete_term(Term::from_field_text(fields.path, &key));
        manifest.files.remove(&key);
        summary.removed += 1;
    }
    if interrupted.load(Ordering::Relaxed) {
        writer.rollback()?;
        return Err(IndexError::Interrupted);
    }
    let build = BuildInfo::current(digest);
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&serde_json::to_string(&build).expect("build info serialises"));
    prepared.commit().map_err(|e| commit_error(e, &shown))?;
    writer.wait_merging_threads()?;
    manifest.save(dir)?;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

fn commit_error(e: tantivy::TantivyError, shown: &str) -> IndexError {
    IndexError::Tantivy(format!(
        "commit failed ({e}); the index at {shown} keeps its previous commit"
    ))
}

/// Removes the files of an index directory (not its subfolders).
fn clear_index_dir(dir: &Path) -> Result<(), IndexError> {
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

/// Creates an empty index with govsearch's settings: zstd-compressed stored text in 64 KiB
/// blocks.
fn create_index(dir: &Path, schema: &Schema) -> Result<Index, IndexError> {
    let settings = IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor {
            compression_level: Some(9),
        }),
        docstore_blocksize: 128 * 1024,
        ..IndexSettings::default()
    };
    let mmap = MmapDirectory::open(dir).map_err(|e| IndexError::Tantivy(e.to_string()))?;
    Ok(Index::builder()
        .schema(schema.clone())
        .settings(settings)
        .open_or_create(mmap)?)
}

enum FileOutcome {
    Unchanged(FileEntry),
    Indexed { entry: FileEntry, bytes: u64 },
    Skipped,
}

fn mtime_nanos(meta: &std::fs::Metadata) -> u128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

fn index_file(
    writer: &IndexWriter,
    fields: &Fields,
    normalizer: &Normalizer,
    file: &CorpusFile,
    previous: Option<&FileEntry>,
    progress: &dyn Progress,
) -> FileOutcome {
    let shown = crate::output::sanitize_path(&file.path);
    let meta = match std::fs::metadata(&file.path) {
        Ok(m) => m,
        Err(e) => {
            progress.warn(&format!("{shown}: skipped: cannot read: {e}"));
            return FileOutcome::Skipped;
        }
    };
    let mtime = mtime_nanos(&meta);
    if let Some(prev) = previous {
        if prev.size == meta.len() && prev.mtime == mtime {
            return FileOutcome::Unchanged(prev.clone());
        }
    }
    let bytes = match std::fs::read(&file.path) {
        Ok(b) => b,
        Err(e) => {
            progress.warn(&format!("{shown}: skipped: cannot read: {e}"));
            return FileOutcome::Skipped;
        }
    };
    let hash = blake3::hash(&bytes).to_hex().to_string();
    if let Some(prev) = previous {
        if prev.hash == hash {
            let mut entry = prev.clone();
            entry.size = meta.len();
            entry.mtime = mtime;
            return FileOutcome::Unchanged(entry);
        }
    }
    let format = corpus::Format::from_path(&file.path).expect("walk keeps documents only");
    let source = match corpus::read_bytes(&file.path, format, &bytes) {
        Ok(s) => s,
        Err(e) => {
            progress.warn(&format!("{shown}: skipped: {e}"));
            return FileOutcome::Skipped;
        }
    };
    for w in &source.warnings {
        progress.warn(&format!("{shown}: {w}"));
    }
    let stem = file
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let report = report::parse_report(&source.lines, &stem);
    let path = file.path.to_string_lossy().into_owned();
    writer.delete_term(Term::from_field_text(fields.path, &path));
    let file_id = u64::from_be_bytes(
        blake3::hash(path.as_bytes()).as_bytes()[..8]
            .try_into()
            .expect("8 bytes"),
    ) >> KEY_LINE_BITS;
    let title_norm = normalizer.normalize(&report.title);
    let org_norm = report.org.as_deref().map(|o| normalizer.normalize(o));
    let mut text_bytes = 0u64;
    for (k, section) in report.sections.iter().enumerate() {
        text_bytes += section.text.len() as u64;
        let norm = normalizer.normalize(&section.text);
        let heading_joined: String = section.heading.join(&HEADING_SEP.to_string());
        let heading_norm = normalizer.normalize(&section.heading.join("\n"));
        let mut doc: TantivyDocument = doc!(
            fields.path => path.as_str(),
            fields.title => report.title.as_str(),
            fields.heading => heading_joined,
            fields.level => section.level as u64,
            fields.line_start => section.line_start as u64,
            fields.line_end => section.line_end as u64,
            fields.text => section.text.as_str(),
            fields.grams => norm.as_str(),
            fields.words => norm,
            fields.heading_grams => heading_norm,
            fields.file => file_id,
            // Tie-break key: the report, then the section's first line.
            fields.key => (file_id << KEY_LINE_BITS) | (section.line_start as u64 & ((1 << KEY_LINE_BITS) - 1)),
        );
        if k == 0 {
            doc.add_text(fields.title_grams, &title_norm);
            if let Some(o) = &org_norm {
                doc.add_text(fields.org_grams, o);
            }
        }
        if let Some(y) = report.year {
            doc.add_u64(fields.year, y as u64);
        }
        if let Some(o) = &report.org {
            doc.add_text(fields.org, o);
        }
        if let Some(d) = &report.date {
            doc.add_text(fields.date, d);
        }
        if let Err(e) = writer.add_document(doc) {
            progress.warn(&format!("{shown}: not indexed: {e}"));
            return FileOutcome::Skipped;
        }
    }
    FileOutcome::Indexed {
        entry: FileEntry {
            size: meta.len(),
            mtime,
            hash,
            sections: report.sections.len() as u64,
            text_bytes,
            year: report.year,
            org: report.org.clone(),
        },
        bytes: bytes.len() as u64,
    }
}

/// Figures about an index, for `govsearch stats`.
#[derive(Debug, Clone, Serialize)]
pub struct IndexStats {
    /// Reports (files) indexed.
    pub files: usize,
    /// Section documents.
    pub sections: u64,
    /// Bytes of section text.
    pub text_bytes: u64,
    /// Bytes the index takes on disk.
    pub index_bytes: u64,
    /// Earliest and latest year.
    pub years: Option<(u32, u32)>,
    /// Reports per year.
    pub per_year: BTreeMap<u32, usize>,
    /// Issuing bodies with their number of reports, most first.
    pub orgs: Vec<(String, usize)>,
    /// What built the index.
    pub build: Option<BuildInfo>,
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
        build: open.build,
    })
}
