//! The writer pipeline: one indexing run, from corpus roots to a commit.
//!
//! Before the writer is made, the corpus is walked and the index's manifest read: the writer's
//! memory budget depends on how many bytes the run will read ([`LARGE_RUN_BYTES`]).
//!
//! Stages, joined by a bounded channel so both cores stay busy and reading never runs far ahead:
//! 1. **load** (its own thread): for each file the walk found, compare size and mtime with the
//!    manifest, read, hash, [`corpus::parse`] and encode every section
//!    ([`SectionSchema::encode`]);
//! 2. **write** (the calling thread): delete the file's old sections, hand the new documents to
//!    tantivy's indexing threads (`--jobs`, each with its share of the memory budget), keep the
//!    manifest.
//!
//! Crash safety: the only durable state is tantivy's last commit. The manifest is written after
//! the commit (atomically, by rename); since every changed or new file's old sections are deleted
//! by path before it is added, a manifest that lags a commit only makes the next run re-read a
//! few files, never duplicate or lose sections.
//!
//! It must not know how hits are ranked or printed.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Instant;

use serde::Serialize;
use tantivy::directory::Directory;
use tantivy::{IndexWriter, TantivyDocument};

use super::manifest::{mtime_nanos, FileEntry, Manifest};
use super::pages::SourcePager;
use super::repair;
use super::TokenTotals;
use super::{
    clear_index_dir, create_index, read_build_info, register_tokenizers, BuildInfo, IndexError,
};
use crate::analysis::{self, Normalizer};
use crate::contain::contained;
use crate::corpus::{self, CorpusFile, Links};
use crate::document::SectionSchema;

/// About the most sections in a segment made by merging; segments with more are not merged
/// further. Every segment costs each search term a dictionary lookup and each search process
/// its file mappings, so fewer is faster: at 1 GB, a whole `search` process for a median query
/// took 14 ms over 9 segments of 300,000 sections and 8 ms over 2 of 1.3 million. A merge maps
/// its sources, and their pages count in the process's memory until it ends (at 1 GB, merging
/// without a cap, as tantivy's default policy does, took the peak to 1.96 GB): the gram merge
/// gives its sources' pages back as it goes (`grams::GramSegment::release`), and a
/// [`SourcePager`] takes every other source page out of the process's mappings while the merges
/// run.
pub const MAX_MERGE_DOCS: usize = 1_400_000;
/// Segments this large are left as they are unless they hold deleted sections: a merge made
/// them, and merging a few new sections into one would rewrite all of its own.
const SETTLED_DOCS: usize = MAX_MERGE_DOCS / 2;
/// Most merges run side by side after a commit.
const MERGES_AT_ONCE: usize = 2;
/// Default writer memory budget, shared by the indexing threads.
pub const DEFAULT_MEMORY_BUDGET: usize = 200 << 20;
/// The default budget of a run that reads more than [`LARGE_RUN_BYTES`]. The threads write a
/// segment each time they fill the budget, and the merge after the commit reads each group of
/// them through one heap: a larger budget writes fewer, larger segments, and the merge goes
/// faster. Building the 1 GB corpus: 5–10% faster than with the default budget, for no higher
/// a peak (benches/HISTORY.md, twenty-first session); 400 MiB was no faster, for 100 MB more.
pub const LARGE_RUN_BUDGET: usize = 300 << 20;
/// Bytes to read above which a run takes [`LARGE_RUN_BUDGET`] by default. Building 68.8 MB, a
/// larger budget changed nothing but the peak.
pub const LARGE_RUN_BYTES: u64 = 512 << 20;
const _: () =
    assert!(DEFAULT_MEMORY_BUDGET < LARGE_RUN_BUDGET && LARGE_RUN_BUDGET <= MAX_MEMORY_BUDGET);
/// Most indexing threads: each holds its own share of the memory budget and its own segment,
/// so more threads than this only cost memory on any machine govsearch is meant for.
pub const MAX_JOBS: usize = 8;
/// Most writer memory budget, whatever `--memory-mb` says: keeps indexing under 1 GiB with
/// the reading stage's own memory.
pub const MAX_MEMORY_BUDGET: usize = 512 << 20;
/// The least memory budget per indexing thread: tantivy refuses less than 15 MB per thread.
const MIN_BUDGET_PER_THREAD: usize = 20 << 20;
/// Files loaded ahead of the writer: enough to cover a slow file, few enough to bound memory.
const LOAD_AHEAD: usize = 16;

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
    /// Writer memory budget in bytes, shared by the threads; `None` chooses it by the bytes
    /// the run reads (see [`LARGE_RUN_BUDGET`]).
    pub memory_budget: Option<usize>,
    /// The dictionaries that cut words.
    pub dictionaries: analysis::Dictionaries,
    /// The file the user dictionary was read from, remembered in the index.
    pub user_dict_path: Option<PathBuf>,
    /// Whether symbolic links are followed out of the corpus roots.
    pub links: Links,
}

impl IndexOptions {
    /// Options for indexing `corpus` into `index_dir` with `jobs` threads, the memory budget
    /// chosen by size, the default dictionaries, links not followed, the existing index reused.
    pub fn new(corpus: Vec<PathBuf>, index_dir: PathBuf, jobs: usize) -> IndexOptions {
        IndexOptions {
            corpus,
            index_dir,
            rebuild: false,
            jobs,
            memory_budget: None,
            dictionaries: Default::default(),
            user_dict_path: None,
            links: Default::default(),
        }
    }
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

/// What the load stage made of one file.
enum Loaded {
    /// Same size and mtime, or same content, as the manifest says.
    Unchanged(FileEntry),
    /// Read and encoded.
    Indexed {
        entry: FileEntry,
        bytes: u64,
        docs: Vec<TantivyDocument>,
    },
    /// Could not be read.
    Skipped,
}

/// One file through the load stage, with the warnings met on the way.
struct LoadedFile {
    path: PathBuf,
    key: String,
    warnings: Vec<String>,
    loaded: Loaded,
}

/// Runs an indexing pass: adds new files, re-reads changed ones, removes vanished ones, commits.
///
/// The index is its own source of truth: before reusing an index its checksums are verified
/// (a damaged one is rebuilt, with a warning), and the files it holds are read from the index
/// itself, so a lost or stale manifest can neither keep a removed file's sections nor make a
/// file whose sections are gone look unchanged. A run that fails removes the segment files it
/// wrote, so the disk it filled is freed.
pub fn index_corpus(
    opts: &IndexOptions,
    progress: &dyn Progress,
    interrupted: &AtomicBool,
) -> Result<IndexSummary, IndexError> {
    let started = Instant::now();
    let dir = &opts.index_dir;
    let shown = dir.display().to_string();
    if dir.exists() && !dir.is_dir() {
        return Err(IndexError::NotAFolder(shown));
    }
    if !dir.join("meta.json").exists() && super::holds_documents(dir) {
        return Err(IndexError::Documents(shown));
    }
    std::fs::create_dir_all(dir).map_err(|source| IndexError::Io {
        context: format!("cannot create index directory {shown}"),
        source,
    })?;
    let digest = opts.dictionaries.digest();
    let sections = SectionSchema::new();
    let mut summary = IndexSummary::default();

    let (index, sound) = open_for_writing(dir, &sections, opts.rebuild, progress)?;
    let built = read_build_info(&index);
    let reusable = sound
        && !opts.rebuild
        && built
            .as_ref()
            .is_some_and(|b| b.compatible() && b.dict_digest == digest && b.read_as_now());
    if let Some(b) = built
        .as_ref()
        .filter(|b| sound && !opts.rebuild && !b.read_as_now())
    {
        // Its files have not changed, but what was read from them would: every file is read
        // again, or the sections of unchanged files would keep the old heading paths.
        progress.warn(&format!(
            "the index at {shown} was {}: reading every file again",
            b.reading_difference()
        ));
    }
    let jieba = Arc::new(opts.dictionaries.load()?);
    register_tokenizers(&index, Some(jieba));
    let jobs = opts.jobs.clamp(1, MAX_JOBS);
    if opts.jobs > MAX_JOBS {
        progress.warn(&format!(
            "--jobs {} is more than {MAX_JOBS}: using {MAX_JOBS} indexing threads",
            opts.jobs
        ));
    }
    let start = RunStart::walk(opts, &index, &sections, reusable, progress, &mut summary)?;
    let large = opts.memory_budget.is_none() && start.reads_more_than(LARGE_RUN_BYTES);
    let budget = writer_budget(opts.memory_budget, large, jobs);
    let mut writer: IndexWriter = match index.writer_with_num_threads(jobs, budget) {
        Ok(w) => w,
        Err(tantivy::TantivyError::LockFailure(
            tantivy::directory::error::LockError::IoError(e),
            _,
        )) => {
            // Not another run: the folder cannot be written (read-only, another user's).
            return Err(IndexError::Io {
                context: format!("cannot lock the index at {shown} for writing"),
                source: std::io::Error::new(e.kind(), e.to_string()),
            });
        }
        Err(tantivy::TantivyError::LockFailure(..)) => return Err(IndexError::Locked(shown)),
        Err(e) => return Err(e.into()),
    };
    // No merging while the run writes: on two cores a background merge takes CPU from the
    // indexing threads, and merging level by level rewrites each section several times. The
    // segments are merged once, after the commit (see `merge_after_commit`).
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    // What an earlier failed run left behind (a full disk) goes first, so this run has room.
    repair::remove_orphans(dir);
    let result = write_run(
        opts,
        progress,
        interrupted,
        &mut writer,
        &sections,
        start,
        &mut summary,
    );
    if let Err(e) = result {
        let _ = writer.rollback();
        repair::remove_orphans(dir);
        return Err(e);
    }
    merge_after_commit(&index, &mut writer, &sections, &opts.index_dir)?;
    writer.wait_merging_threads()?;
    repair::ordinary_permissions(dir);
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// The writer's memory budget: what `--memory-mb` asked for, else [`DEFAULT_MEMORY_BUDGET`], or
/// [`LARGE_RUN_BUDGET`] for a `large` run; always at least [`MIN_BUDGET_PER_THREAD`] for each of
/// the `jobs` threads, and at most [`MAX_MEMORY_BUDGET`].
fn writer_budget(asked: Option<usize>, large: bool, jobs: usize) -> usize {
    let chosen = if large {
        LARGE_RUN_BUDGET
    } else {
        DEFAULT_MEMORY_BUDGET
    };
    asked
        .unwrap_or(chosen)
        .clamp(jobs * MIN_BUDGET_PER_THREAD, MAX_MEMORY_BUDGET)
}

/// What a run starts from, known before the writer is made: the files the walk found, and
/// what the index holds of them.
struct RunStart {
    files: Vec<CorpusFile>,
    /// The manifest's entries, for files the index holds (none when the index is not reused).
    previous: Manifest,
    /// The files the index holds, from the index itself.
    held: BTreeSet<String>,
    /// Whether the index is reused; if not, the run replaces all it holds.
    reusable: bool,
}

impl RunStart {
    /// Walks the corpus (its warnings go to `progress` and count as skipped) and reads what the
    /// index holds. The manifest only saves re-reading files, and is believed only for files the
    /// index holds.
    fn walk(
        opts: &IndexOptions,
        index: &tantivy::Index,
        sections: &SectionSchema,
        reusable: bool,
        progress: &dyn Progress,
        summary: &mut IndexSummary,
    ) -> Result<RunStart, IndexError> {
        let (previous, held) = if reusable {
            let searcher = index.reader()?.searcher();
            let held = sections.indexed_paths(&searcher)?;
            let mut previous = Manifest::load(&opts.index_dir);
            previous.files.retain(|k, _| held.contains(k));
            (previous, held)
        } else {
            (Manifest::default(), BTreeSet::new())
        };
        // An index inside a corpus folder is not walked as documents.
        let (files, walk_warnings) = corpus::walk(&opts.corpus, opts.links, Some(&opts.index_dir));
        for w in &walk_warnings {
            progress.warn(&w.to_string());
        }
        summary.skipped += walk_warnings.len();
        Ok(RunStart {
            files,
            previous,
            held,
            reusable,
        })
    }

    /// Whether the files the run will read (all but those the manifest has at the same size and
    /// modification time) hold more than `bytes` bytes.
    fn reads_more_than(&self, bytes: u64) -> bool {
        let mut total = 0u64;
        self.files.iter().any(|file| {
            let Ok(meta) = std::fs::metadata(&file.path) else {
                return false;
            };
            let unchanged = self
                .previous
                .files
                .get(&corpus::path_key(&file.path))
                .is_some_and(|p| p.same_size_and_time(&meta));
            if !unchanged {
                total += meta.len();
            }
            total > bytes
        })
    }
}

/// Merges the segments of the last commit, once, as [`plan_merges`] plans.
///
/// Fewer segments make the index smaller (each repeats the gram dictionary) and searches
/// faster. Deleted sections still count in BM25's statistics until their segment is rewritten,
/// so rewriting them makes an updated index rank like a rebuilt one. A merge that fails leaves
/// its segments as they were: the commit is already durable, and the next run tries again.
fn merge_after_commit(
    index: &tantivy::Index,
    writer: &mut IndexWriter,
    sections: &SectionSchema,
    dir: &Path,
) -> Result<(), IndexError> {
    give_back_freed_memory();
    let mut totals = TokenTotals::load(dir);
    // Unreadable metas merge nothing; the totals are still refreshed, as after any run.
    let metas = index.searchable_segment_metas().unwrap_or_default();
    let segments: Vec<(usize, bool)> = metas
        .iter()
        .map(|m| (m.num_docs() as usize, m.has_deletes()))
        .collect();
    // Merges of segments with deletions or with kept totals give estimated totals.
    let mut inexact = HashSet::new();
    // Every segment file the last commit lists, as tantivy names them (plugins' files too).
    let files = index
        .load_metas()
        .map(|m| m.list_segment_files())
        .unwrap_or_default();
    for wave in plan_merges(&segments) {
        // The sources' pages are given back while the wave reads them (see `pages`), so that
        // merges run side by side within the memory the indexing itself took.
        let ids: Vec<String> = wave
            .iter()
            .flatten()
            .map(|&k| metas[k].id().uuid_string())
            .collect();
        let _pager = SourcePager::start(
            files
                .iter()
                .filter(|path| {
                    let name = path.to_string_lossy();
                    ids.iter().any(|id| name.starts_with(id.as_str()))
                })
                .filter_map(|path| index.directory().open_read(path).ok())
                .filter_map(|file| file.read_bytes().ok())
                .collect(),
        );
        let pending: Vec<_> = wave
            .iter()
            .map(|group| {
                let exact = group.iter().all(|&k| {
                    !metas[k].has_deletes() && !totals.holds(&metas[k].id().uuid_string())
                });
                let ids: Vec<_> = group.iter().map(|&k| metas[k].id()).collect();
                (writer.merge(&ids), exact)
            })
            .collect();
        for (merge, exact) in pending {
            if let Ok(Some(meta)) = merge.wait() {
                if !exact {
                    inexact.insert(meta.id().uuid_string());
                }
            }
        }
    }
    // Only ids went to the merges: a segment's files stay on disk while any copy of its meta
    // is alive. The merged-away segments' files go now, not at the next run.
    drop(metas);
    let _ = writer.garbage_collect_files().wait();
    let searcher = index.reader()?.searcher();
    totals.refresh(&searcher, &sections.scored_fields(), &inexact)?;
    totals.save(dir)
}

/// Returns the heap memory the indexing threads freed to the kernel before the merges, which
/// map their sources on top of it: glibc keeps freed memory for reuse, and after indexing
/// 1 GB it held about 350 MB that nothing would reuse (the merges then peaked at 1.07 GB).
fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free heap memory; it has no preconditions.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The merges after a commit, given each segment's (sections, has deleted sections), as waves
/// of groups of segment indexes: the groups of a wave run side by side, the waves one after
/// another.
///
/// The segments below [`SETTLED_DOCS`] are dealt, largest first, into as few groups of about
/// equal size as keep each near [`MAX_MERGE_DOCS`], and at least [`MERGES_AT_ONCE`] when there are enough
/// of them, so that both cores merge (a leftover group of a few small segments would be a small
/// segment that every search pays for). A segment left alone is not rewritten unless it holds
/// deleted sections; so is each settled segment that holds some. Groups run
/// [`MERGES_AT_ONCE`] at a time.
fn plan_merges(segments: &[(usize, bool)]) -> Vec<Vec<Vec<usize>>> {
    let settled = |k: usize| segments[k].0 >= SETTLED_DOCS;
    let mut small: Vec<usize> = (0..segments.len()).filter(|&k| !settled(k)).collect();
    small.sort_by_key(|&k| std::cmp::Reverse(segments[k].0));
    let all: usize = small.iter().map(|&k| segments[k].0).sum();
    let wanted = all
        .div_ceil(MAX_MERGE_DOCS)
        .max(if small.len() >= 2 * MERGES_AT_ONCE {
            MERGES_AT_ONCE
        } else {
            1
        });
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); wanted.min(small.len())];
    let mut docs = vec![0usize; groups.len()];
    for k in small {
        let lightest = (0..groups.len())
            .min_by_key(|&g| docs[g])
            .expect("a group for every segment");
        docs[lightest] += segments[k].0;
        groups[lightest].push(k);
    }
    let mut groups: Vec<Vec<usize>> = groups
        .into_iter()
        .filter(|g| g.len() > 1 || g.first().is_some_and(|&k| segments[k].1))
        .collect();
    groups.extend(
        (0..segments.len())
            .filter(|&k| settled(k) && segments[k].1)
            .map(|k| vec![k]),
    );
    groups
        .chunks(MERGES_AT_ONCE)
        .map(<[Vec<usize>]>::to_vec)
        .collect()
}

/// Opens the index of `dir` for a run, or creates it. An index that cannot be opened, has
/// another schema or fails its checksums is started afresh (with a warning when it was damaged).
/// Returns the index and whether its content can be reused.
fn open_for_writing(
    dir: &Path,
    sections: &SectionSchema,
    rebuild: bool,
    progress: &dyn Progress,
) -> Result<(tantivy::Index, bool), IndexError> {
    let shown = dir.display().to_string();
    if !dir.join("meta.json").exists() {
        return Ok((create_index(dir, sections.schema())?, true));
    }
    let opened = tantivy::Index::open_in_dir(dir).map(|mut index| {
        super::register_plugins(&mut index);
        index
    });
    let problem = match opened {
        Ok(index) if index.schema() != *sections.schema() => None,
        Ok(index) if rebuild => return Ok((index, false)),
        Ok(index) => match repair::damaged_files(&index) {
            Ok(damaged) if damaged.is_empty() => return Ok((index, true)),
            Ok(damaged) => Some(format!(
                "damaged files {}",
                damaged
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            Err(e) => Some(e.to_string()),
        },
        Err(e) => Some(e.to_string()),
    };
    if let Some(problem) = problem {
        progress.warn(&format!(
            "the index at {shown} is damaged ({problem}): rebuilding it"
        ));
    }
    // Another schema cannot change in place, and a damaged index cannot be trusted: start a
    // fresh index in the same directory.
    clear_index_dir(dir)?;
    Ok((create_index(dir, sections.schema())?, false))
}

/// The body of a run, between taking the writer and the merges: load, write, commit.
fn write_run(
    opts: &IndexOptions,
    progress: &dyn Progress,
    interrupted: &AtomicBool,
    writer: &mut IndexWriter,
    sections: &SectionSchema,
    start: RunStart,
    summary: &mut IndexSummary,
) -> Result<(), IndexError> {
    let dir = &opts.index_dir;
    let shown = dir.display().to_string();
    let RunStart {
        files,
        previous,
        held,
        reusable,
    } = start;
    if !reusable {
        // Deleting inside the next commit keeps the previous index searchable until then.
        writer.delete_all_documents()?;
        summary.rebuilt = true;
    }
    progress.start(files.len() as u64);

    let mut manifest = Manifest::default();
    let mut seen = HashSet::new();
    let written = std::thread::scope(|scope| -> Result<(), IndexError> {
        let (tx, rx) = mpsc::sync_channel::<LoadedFile>(LOAD_AHEAD);
        let previous = &previous;
        let files = &files;
        scope.spawn(move || {
            let normalizer = Normalizer::new();
            for file in files {
                if interrupted.load(Ordering::Relaxed) {
                    break;
                }
                let loaded = load_file(sections, &normalizer, file, previous);
                if tx.send(loaded).is_err() {
                    break;
                }
            }
        });
        for file in rx {
            if interrupted.load(Ordering::Relaxed) {
                return Err(IndexError::Interrupted);
            }
            progress.advance(&file.path);
            for w in &file.warnings {
                progress.warn(w);
            }
            let key = file.key;
            seen.insert(key.clone());
            let known = held.contains(&key);
            match file.loaded {
                Loaded::Unchanged(entry) => {
                    summary.unchanged += 1;
                    manifest.files.insert(key, entry);
                }
                Loaded::Indexed { entry, bytes, docs } => {
                    writer.delete_term(sections.path_term(&key));
                    if docs.into_iter().any(|d| writer.add_document(d).is_err()) {
                        // tantivy refuses a document only once an indexing thread has stopped
                        // (a write failed: a full disk, a file-size limit). Nothing more can be
                        // indexed in this run: the commit below fails with that thread's error,
                        // and the index keeps its last commit. (Warning for each later file
                        // instead buried the cause under hundreds of lines.)
                        break;
                    }
                    if known {
                        summary.updated += 1;
                    } else {
                        summary.added += 1;
                    }
                    summary.sections += entry.sections as usize;
                    summary.bytes += bytes;
                    manifest.files.insert(key, entry);
                }
                Loaded::Skipped => {
                    summary.skipped += 1;
                    if known {
                        writer.delete_term(sections.path_term(&key));
                    }
                }
            }
        }
        Ok(())
    });
    if written.is_err() || interrupted.load(Ordering::Relaxed) {
        return Err(IndexError::Interrupted);
    }
    for key in held.iter().filter(|k| !seen.contains(*k)) {
        writer.delete_term(sections.path_term(key));
        summary.removed += 1;
    }
    let build = BuildInfo::current(opts.dictionaries.digest(), opts);
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&serde_json::to_string(&build).expect("build info serialises"));
    prepared.commit().map_err(|e| {
        IndexError::Tantivy(format!(
            "commit failed ({e}); the index at {shown} keeps its previous commit"
        ))
    })?;
    manifest.save(dir)?;
    Ok(())
}

/// The load stage for one file: unchanged, or read, parsed and encoded, or skipped.
fn load_file(
    sections: &SectionSchema,
    normalizer: &Normalizer,
    file: &CorpusFile,
    previous: &Manifest,
) -> LoadedFile {
    let key = corpus::path_key(&file.path);
    let shown = key.clone();
    let mut warnings = Vec::new();
    // Whatever happens in reading, decoding or parsing one file, a panic included, costs that
    // file and one warning, never the run.
    let loaded = contained(|| {
        let meta = match std::fs::metadata(&file.path) {
            Ok(m) => m,
            Err(e) => {
                warnings.push(format!("{shown}: skipped: cannot read: {e}"));
                return Loaded::Skipped;
            }
        };
        let mtime = mtime_nanos(&meta);
        let prev = previous.files.get(&key);
        if let Some(prev) = prev.filter(|p| p.same_size_and_time(&meta)) {
            return Loaded::Unchanged(prev.clone());
        }
        let bytes = match corpus::read_limited(&file.path) {
            Ok(b) => b,
            Err(e) => {
                warnings.push(format!("{shown}: skipped: {e}"));
                return Loaded::Skipped;
            }
        };
        let hash = blake3::hash(&bytes).to_hex().to_string();
        if let Some(prev) = prev {
            if prev.hash == hash {
                let mut entry = prev.clone();
                entry.size = meta.len();
                entry.mtime = mtime;
                return Loaded::Unchanged(entry);
            }
        }
        let doc = match corpus::parse(&file.path, &bytes) {
            Ok(d) => d,
            Err(e) => {
                warnings.push(format!("{shown}: skipped: {e}"));
                return Loaded::Skipped;
            }
        };
        warnings.extend(doc.source.warnings.iter().map(|w| format!("{shown}: {w}")));
        let report = &doc.report;
        let facts = sections
            .report_facts(&key, report, normalizer)
            .with_line_pages(doc.source.line_pages.as_deref());
        let docs = report
            .sections
            .iter()
            .enumerate()
            .map(|(k, s)| sections.encode(&facts, s, k == 0, normalizer))
            .collect();
        Loaded::Indexed {
            entry: FileEntry {
                size: meta.len(),
                mtime,
                hash,
                sections: report.sections.len() as u64,
                text_bytes: report.sections.iter().map(|s| s.text.len() as u64).sum(),
                year: report.year,
                org: report.org.clone(),
                doc_number: report.doc_number.clone(),
            },
            bytes: bytes.len() as u64,
            docs,
        }
    })
    .unwrap_or_else(|e| {
        warnings.push(format!("{shown}: skipped: {e}"));
        Loaded::Skipped
    });
    LoadedFile {
        path: file.path.clone(),
        key,
        warnings,
        loaded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every segment in at most one group, and each group's sections.
    fn group_docs(segments: &[(usize, bool)], waves: &[Vec<Vec<usize>>]) -> Vec<usize> {
        let mut seen = HashSet::new();
        let mut docs = Vec::new();
        for group in waves.iter().flatten() {
            assert!(group.iter().all(|&k| seen.insert(k)), "{waves:?}");
            docs.push(group.iter().map(|&k| segments[k].0).sum());
        }
        docs
    }

    #[test]
    fn a_bulk_build_is_merged_into_few_balanced_segments() {
        // 1 GB: about 150 written segments, 2.6 million sections, in a few sizes.
        let big: Vec<(usize, bool)> = (0..150).map(|i| (14_000 + i * 53 % 7_000, false)).collect();
        let waves = plan_merges(&big);
        let docs = group_docs(&big, &waves);
        let all: usize = big.iter().map(|s| s.0).sum();
        assert_eq!(
            docs.iter().sum::<usize>(),
            all,
            "every written segment is merged"
        );
        assert_eq!(docs.len(), all.div_ceil(MAX_MERGE_DOCS), "{docs:?}");
        let (least, most) = (docs.iter().min().unwrap(), docs.iter().max().unwrap());
        assert!(most - least <= 21_000, "balanced: {docs:?}");
        // Both cores merge.
        assert!(waves.iter().all(|w| w.len() == MERGES_AT_ONCE), "{waves:?}");

        // 68.8 MB: ten segments, two groups merged side by side.
        let small: Vec<(usize, bool)> = (0..10).map(|i| (17_000 + i * 100, false)).collect();
        let waves = plan_merges(&small);
        assert_eq!(waves.len(), 1, "{waves:?}");
        let docs = group_docs(&small, &waves);
        assert_eq!(docs.len(), MERGES_AT_ONCE);
        assert_eq!(
            docs.iter().sum::<usize>(),
            small.iter().map(|s| s.0).sum::<usize>()
        );

        // Three segments: one merge.
        let three = [(5_000, false), (4_000, false), (300, false)];
        assert_eq!(group_docs(&three, &plan_merges(&three)), vec![9_300]);
    }

    #[test]
    fn an_update_merges_its_new_segments_not_the_settled_ones() {
        let settled = MAX_MERGE_DOCS - 100_000;
        // New sections only: the new segments are merged together, the settled ones stay.
        let segments = [
            (settled, false),
            (settled, false),
            (3_000, false),
            (2_000, false),
        ];
        let waves = plan_merges(&segments);
        assert_eq!(waves, vec![vec![vec![2, 3]]]);
        // One new segment alone is left as it is.
        assert!(plan_merges(&segments[..3]).is_empty());
        // A settled segment with deleted sections is rewritten alone (BM25's statistics).
        let segments = [(settled, true), (settled, false), (3_000, false)];
        assert_eq!(plan_merges(&segments), vec![vec![vec![0]]]);
        // A small one with deletions is rewritten even alone.
        let segments = [(settled, false), (3_000, true)];
        assert_eq!(plan_merges(&segments), vec![vec![vec![1]]]);
    }

    #[test]
    fn a_large_run_gets_a_larger_budget_unless_one_is_asked_for() {
        assert_eq!(writer_budget(None, false, 2), DEFAULT_MEMORY_BUDGET);
        assert_eq!(writer_budget(None, true, 2), LARGE_RUN_BUDGET);
        assert_eq!(writer_budget(Some(64 << 20), true, 2), 64 << 20);
        // tantivy refuses less than 15 MB a thread; no budget takes indexing past 1 GiB.
        assert_eq!(
            writer_budget(Some(1 << 20), false, 4),
            4 * MIN_BUDGET_PER_THREAD
        );
        assert_eq!(writer_budget(Some(4 << 30), false, 2), MAX_MEMORY_BUDGET);
    }

    #[test]
    fn a_run_counts_only_the_bytes_of_files_it_will_read() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
        std::fs::write(&a, "一".repeat(10)).unwrap();
        std::fs::write(&b, "二".repeat(20)).unwrap();
        let entry = |path: &Path, mtime_delta: u128| {
            let meta = std::fs::metadata(path).unwrap();
            FileEntry {
                size: meta.len(),
                mtime: mtime_nanos(&meta) + mtime_delta,
                hash: String::new(),
                sections: 1,
                text_bytes: meta.len(),
                year: None,
                org: None,
                doc_number: None,
            }
        };
        let start = |previous: &[(&Path, u128)]| RunStart {
            files: [&a, &b]
                .iter()
                .map(|p| CorpusFile {
                    path: p.to_path_buf(),
                })
                .collect(),
            previous: Manifest {
                files: previous
                    .iter()
                    .map(|&(p, d)| (corpus::path_key(p), entry(p, d)))
                    .collect(),
            },
            held: BTreeSet::new(),
            reusable: true,
        };
        // Nothing known: both files, 30 + 60 bytes, are read.
        assert!(start(&[]).reads_more_than(89));
        assert!(!start(&[]).reads_more_than(90));
        // a unchanged: only b's 60 bytes.
        assert!(start(&[(&a, 0)]).reads_more_than(59));
        assert!(!start(&[(&a, 0)]).reads_more_than(60));
        // Both unchanged: nothing to read; b touched since: b is read again.
        assert!(!start(&[(&a, 0), (&b, 0)]).reads_more_than(0));
        assert!(start(&[(&a, 0), (&b, 1)]).reads_more_than(59));
    }
}
