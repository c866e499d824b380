//! The gram index of the section bodies: for every gram, the sections and positions where it
//! occurs, written by a tantivy segment plugin beside each segment's other files.
//!
//! This module owns the `.grams` file: how it is built, merged and read. It knows what a gram
//! and a position are from [`crate::analysis`] and nothing of queries or ranking.
//!
//! **Gram and position.** For every non-space character at character offset `p` of a
//! section's normalised text there is exactly one gram at position `p`: that character and the
//! next one, or the character alone when a space or the end follows (see
//! [`crate::analysis::for_each_gram`]). A gram is stored as its [`gram_key`](crate::analysis::gram_key),
//! a 42-bit number whose high half is the first character, so the grams starting with one
//! character are one range of keys. Since every non-space character begins one gram at its
//! own offset, a string of n ≥ 2 characters occurs at `p` exactly when the grams of a tiling of
//! it occur at `p` plus their offsets in it: the index is complete, with no false match and no
//! miss (`crate::search::matching` builds the queries).
//!
//! **Why not a tantivy text field.** tantivy inverts a field by inserting every token into a
//! hash map; over the millions of distinct bigrams of a Chinese corpus each insert misses the
//! cache (about 300 ns a token, half of all indexing time). Here a segment writer only appends
//! `(key, section, position)` to a vector, 16 bytes a token, and sorts it once when tantivy
//! writes the segment: a stable radix sort on the key, so each gram's sections and positions
//! stay in order (google/codesearch and sourcegraph/zoekt build their trigram indexes the same
//! way). A merge streams the sources' grams in key order and copies their position bytes: a
//! source without deleted sections gives each gram's whole position stream in one copy.
//!
//! **Commit, merge, delete.** The gram file is a tantivy segment component
//! ([`GramPlugin`]): tantivy writes it with the segment, merges it with the segment, lists it
//! in the segment's metadata and deletes it when the segment goes. A commit that did not finish
//! leaves no gram file a searcher can see, and a deleted section's grams are ignored through the
//! segment's alive bitset, like its other postings.
//!
//! **Format** (little-endian, before tantivy's checksum footer):
//! - data, gram by gram in key order: the gram's skip entries, its *section stream*, then its
//!   *position stream*. After every [`SKIP_EVERY`] sections there is a skip entry of three
//!   `u32`: the doc id of the last of them and the byte offsets of both streams after it, so a
//!   cursor can jump over whole blocks when it seeks.
//!   The section stream holds, per section, a varint of the section's doc id (as a delta from
//!   the previous one, the first as is) shifted left by one, its low bit set when the gram
//!   occurs once in the section, else followed by a varint of the count. The position stream
//!   holds, per section, its positions as varint deltas (the first from 0). Walking sections
//!   never decodes positions: a section's positions end after `count` bytes below 0x80.
//! - tables: each section's gram count (`u32` × max doc), then per gram its key (`u64`), the
//!   number of sections holding it (`u32`), where its data starts (`u64`, one more entry for the
//!   end) and the byte length of its section stream (`u32`).
//! - a fixed trailer: max doc (`u32`), number of grams (`u32`), gram count of all sections
//!   (`u64`), where the tables start (`u64`) and [`MAGIC`].

use std::any::Any;
use std::io::Write;
use std::ops::Range;

use tantivy::directory::{OwnedBytes, TerminatingWrite, WritePtr};
use tantivy::fastfield::AliveBitSet;
use tantivy::index::SegmentComponent;
use tantivy::indexer::doc_id_mapping::{DocIdMapping, MappingType};
use tantivy::plugin::{PluginMergeContext, PluginWriter, PluginWriterContext, SegmentPlugin};
use tantivy::schema::document::ErasedDocument;
use tantivy::schema::{Field, FieldType, Schema, Value};
use tantivy::{DocId, Segment, SegmentReader, TantivyDocument, TantivyError, TERMINATED};

use crate::analysis::for_each_gram;
use crate::document::GRAMS_FIELD_TYPE;

/// The file extension of a segment's gram file.
pub const GRAMS_EXTENSION: &str = "grams";
/// Last 8 bytes of every gram file.
const MAGIC: u64 = u64::from_le_bytes(*b"GSGRAMS1");
const TRAILER_BYTES: usize = 32;

fn component() -> SegmentComponent {
    SegmentComponent::Custom(GRAMS_EXTENSION.to_string())
}

fn corrupt(what: impl std::fmt::Display) -> TantivyError {
    TantivyError::DataCorruption(tantivy::error::DataCorruption::comment_only(format!(
        "gram file: {what}"
    )))
}

/// The tantivy segment plugin that writes and merges the gram files. Register it on every
/// index handle that writes or merges (tantivy refuses to write without it).
#[derive(Debug, Default, Clone, Copy)]
pub struct GramPlugin;

impl SegmentPlugin for GramPlugin {
    fn extensions(&self) -> &[&str] {
        &[GRAMS_EXTENSION]
    }

    fn create_writer(&self, ctx: &PluginWriterContext) -> tantivy::Result<Box<dyn PluginWriter>> {
        Ok(Box::new(GramWriter {
            field: gram_field(&ctx.segment.schema())?,
            tuples: spare_tuples(),
            lens: Vec::new(),
        }))
    }

    fn merge(&self, ctx: PluginMergeContext) -> tantivy::Result<()> {
        merge(ctx)
    }
}

/// The field of `schema` that the plugin indexes.
fn gram_field(schema: &Schema) -> tantivy::Result<Field> {
    schema
        .fields()
        .find_map(|(field, entry)| match entry.field_type() {
            FieldType::Custom(o) if o.type_name() == GRAMS_FIELD_TYPE => Some(field),
            _ => None,
        })
        .ok_or_else(|| TantivyError::SchemaError(format!("no {GRAMS_FIELD_TYPE} field")))
}

/// Tuples reserved at a time as a segment's list grows: its capacity stays within one step of
/// its length, so [`GramWriter::mem_usage`] can count by the length.
const TUPLES_STEP: usize = 1 << 20;
/// Tuple buffers an indexing thread keeps between its segments: the list and the sort's scratch.
const SPARE_BUFFERS: usize = 2;

thread_local! {
    /// The emptied tuple buffers of this thread's earlier segments. A segment's writer and its
    /// serialisation run on one of tantivy's indexing threads, which end at the commit; reusing
    /// the buffers spares the page faults of fresh memory (3% of indexing CPU in perf).
    static SPARE: std::cell::RefCell<Vec<Vec<(u64, u64)>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// An empty tuple buffer, kept from an earlier segment of this thread when there is one.
fn spare_tuples() -> Vec<(u64, u64)> {
    SPARE.with(|s| s.borrow_mut().pop()).unwrap_or_default()
}

/// Keeps `v`'s memory for this thread's next segment.
fn keep_spare(mut v: Vec<(u64, u64)>) {
    v.clear();
    SPARE.with(|s| {
        let mut s = s.borrow_mut();
        if s.len() < SPARE_BUFFERS {
            s.push(v);
        }
    });
}

/// Accumulates one segment's grams as `(key, doc << 32 | position)`.
struct GramWriter {
    field: Field,
    tuples: Vec<(u64, u64)>,
    lens: Vec<u32>,
}

impl PluginWriter for GramWriter {
    fn add_document(
        &mut self,
        doc_id: DocId,
        doc: &dyn ErasedDocument,
        _schema: &Schema,
    ) -> tantivy::Result<()> {
        let doc = doc
            .as_any()
            .downcast_ref::<TantivyDocument>()
            .ok_or_else(|| TantivyError::InvalidArgument("gram plugin: unknown document".into()))?;
        let bytes = doc
            .get_first(self.field)
            .and_then(|v| v.as_custom())
            .unwrap_or(b"");
        let text = simdutf8::basic::from_utf8(bytes)
            .map_err(|_| TantivyError::InvalidArgument("gram field is not UTF-8".into()))?;
        self.lens.resize(doc_id as usize, 0);
        let doc_bits = u64::from(doc_id) << 32;
        let before = self.tuples.len();
        // At most one gram per byte; grow by whole steps, never by doubling.
        if self.tuples.capacity() - before < text.len() {
            self.tuples.reserve_exact(text.len().max(TUPLES_STEP));
        }
        for_each_gram(text, |position, key| {
            self.tuples.push((key, doc_bits | u64::from(position)))
        });
        self.lens.push((self.tuples.len() - before) as u32);
        Ok(())
    }

    fn serialize(
        self: Box<Self>,
        segment: &Segment,
        doc_id_map: Option<&DocIdMapping>,
    ) -> tantivy::Result<()> {
        if doc_id_map.is_some() {
            return Err(TantivyError::InvalidArgument(
                "the gram index does not support a sorted index".into(),
            ));
        }
        let GramWriter {
            mut tuples, lens, ..
        } = *self;
        let mut scratch = spare_tuples();
        sort_by_key(&mut tuples, &mut scratch);
        keep_spare(scratch);
        let mut out = GramFileWriter::new(segment.open_write(component())?);
        let mut gram = GramEncoder::default();
        for tuples in tuples.chunk_by(|a, b| a.0 == b.0) {
            gram.clear();
            for in_doc in tuples.chunk_by(|a, b| a.1 >> 32 == b.1 >> 32) {
                let mut last = 0u32;
                for &(_, dp) in in_doc {
                    let p = dp as u32;
                    put_varint(&mut gram.positions, p - last);
                    last = p;
                }
                gram.push((in_doc[0].1 >> 32) as u32, in_doc.len() as u32)?;
            }
            out.add(tuples[0].0, &gram)?;
        }
        let total = tuples.len() as u64;
        keep_spare(tuples);
        out.finish(&lens, total)
    }

    /// Twice the list's length: the list, and the scratch its sort needs when the segment is
    /// written. The length, not the capacity: a buffer kept from an earlier segment would
    /// otherwise end the segment at once. The capacity is at most one [`TUPLES_STEP`] more, or
    /// what an earlier segment of this thread reached under the same budget.
    fn mem_usage(&self) -> usize {
        self.tuples.len() * 32 + self.lens.capacity() * 4
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

/// Stable least-significant-digit radix sort of `(key, payload)` on the key's 42 bits, 11 bits
/// a pass; a pass whose digit is the same for every element is skipped. `scratch` is any
/// buffer (its content is lost); it comes back holding memory worth keeping.
fn sort_by_key(v: &mut Vec<(u64, u64)>, scratch: &mut Vec<(u64, u64)>) {
    const BITS: u32 = 11;
    const PASSES: u32 = 4;
    const BUCKETS: usize = 1 << BITS;
    if v.len() < 2 {
        return;
    }
    let mut counts = vec![[0usize; BUCKETS]; PASSES as usize];
    for &(k, _) in v.iter() {
        for (pass, c) in counts.iter_mut().enumerate() {
            c[((k >> (pass as u32 * BITS)) as usize) & (BUCKETS - 1)] += 1;
        }
    }
    let mut from = std::mem::take(v);
    let mut to = std::mem::take(scratch);
    // Every pass writes every slot exactly once, so the scratch is filled only here.
    to.clear();
    to.resize(from.len(), (0, 0));
    for (pass, c) in counts.iter().enumerate() {
        if c.contains(&from.len()) {
            continue;
        }
        let mut offsets = [0usize; BUCKETS];
        let mut sum = 0;
        for (o, &n) in offsets.iter_mut().zip(c.iter()) {
            *o = sum;
            sum += n;
        }
        let shift = pass as u32 * BITS;
        for &t in from.iter() {
            let d = ((t.0 >> shift) as usize) & (BUCKETS - 1);
            to[offsets[d]] = t;
            offsets[d] += 1;
        }
        std::mem::swap(&mut from, &mut to);
    }
    *v = from;
    *scratch = to;
}

/// Writes a gram file: data gram by gram, then the tables and the trailer.
struct GramFileWriter {
    out: WritePtr,
    written: u64,
    keys: Vec<u64>,
    counts: Vec<u32>,
    starts: Vec<u64>,
    section_bytes: Vec<u32>,
}

impl GramFileWriter {
    fn new(out: WritePtr) -> Self {
        GramFileWriter {
            out,
            written: 0,
            keys: Vec::new(),
            counts: Vec::new(),
            starts: Vec::new(),
            section_bytes: Vec::new(),
        }
    }

    fn add(&mut self, key: u64, gram: &GramEncoder) -> tantivy::Result<()> {
        let section_bytes = u32::try_from(gram.sections.len()).map_err(|_| too_large())?;
        self.keys.push(key);
        self.counts.push(gram.count);
        self.starts.push(self.written);
        self.section_bytes.push(section_bytes);
        for part in [&gram.skips, &gram.sections, &gram.positions] {
            self.out.write_all(part)?;
            self.written += part.len() as u64;
        }
        Ok(())
    }

    fn finish(mut self, lens: &[u32], total: u64) -> tantivy::Result<()> {
        let tables_at = self.written;
        self.starts.push(self.written);
        let mut tables = Vec::with_capacity(lens.len() * 4 + self.keys.len() * 24 + 8);
        lens.iter()
            .for_each(|x| tables.extend_from_slice(&x.to_le_bytes()));
        self.keys
            .iter()
            .for_each(|x| tables.extend_from_slice(&x.to_le_bytes()));
        self.counts
            .iter()
            .for_each(|x| tables.extend_from_slice(&x.to_le_bytes()));
        self.starts
            .iter()
            .for_each(|x| tables.extend_from_slice(&x.to_le_bytes()));
        self.section_bytes
            .iter()
            .for_each(|x| tables.extend_from_slice(&x.to_le_bytes()));
        tables.extend_from_slice(&(lens.len() as u32).to_le_bytes());
        tables.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        tables.extend_from_slice(&total.to_le_bytes());
        tables.extend_from_slice(&tables_at.to_le_bytes());
        tables.extend_from_slice(&MAGIC.to_le_bytes());
        self.out.write_all(&tables)?;
        self.out.flush()?;
        self.out.terminate()?;
        Ok(())
    }
}

/// Merges the sources' gram files into the target segment's: tantivy stacks the sources in
/// order and drops deleted sections, so doc ids stay increasing and positions are copied as
/// they are.
fn merge(ctx: PluginMergeContext) -> tantivy::Result<()> {
    if ctx.doc_id_mapping.mapping_type() == MappingType::Shuffled {
        return Err(TantivyError::InvalidArgument(
            "the gram index does not support a sorted index".into(),
        ));
    }
    let sources = ctx
        .readers
        .iter()
        .map(GramSegment::open)
        .collect::<tantivy::Result<Vec<_>>>()?;
    let mut new_ids: Vec<Vec<u32>> = Vec::with_capacity(sources.len());
    // For a source without deleted sections, the id of its first section in the target: its
    // sections keep their order and only shift, so its postings are copied whole.
    let mut bases: Vec<Option<DocId>> = Vec::with_capacity(sources.len());
    let mut lens = Vec::new();
    let mut total = 0u64;
    for (reader, source) in ctx.readers.iter().zip(&sources) {
        let alive = reader.alive_bitset();
        let whole = alive.is_none_or(|a| a.num_alive_docs() == reader.max_doc() as usize);
        bases.push((whole && !slow_merge_forced()).then_some(lens.len() as DocId));
        let ids = (0..reader.max_doc())
            .map(|doc| {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    let len = source.section_len(doc);
                    lens.push(len);
                    total += u64::from(len);
                    (lens.len() - 1) as u32
                } else {
                    u32::MAX
                }
            })
            .collect();
        new_ids.push(ids);
    }
    let mut out = GramFileWriter::new(ctx.target_segment.open_write(component())?);
    let mut next = vec![0usize; sources.len()];
    // How far each source's data has been given back (see `GramSegment::release`).
    let mut released = vec![0usize; sources.len()];
    let mut merged = 0usize;
    let mut gram = GramEncoder::default();
    loop {
        let key = sources
            .iter()
            .zip(&next)
            .filter(|(s, &i)| i < s.len())
            .map(|(s, &i)| s.key(i))
            .min();
        let Some(key) = key else { break };
        gram.clear();
        for (((source, i), ids), base) in sources
            .iter()
            .zip(next.iter_mut())
            .zip(&new_ids)
            .zip(&bases)
        {
            if *i >= source.len() || source.key(*i) != key {
                continue;
            }
            let mut cursor = source.postings(*i);
            *i += 1;
            if let Some(base) = *base {
                gram.append_shifted(&cursor, base)?;
                continue;
            }
            while cursor.advance() != TERMINATED {
                let new = ids.get(cursor.doc() as usize).copied().unwrap_or(u32::MAX);
                if new == u32::MAX {
                    continue;
                }
                if gram.count > 0 && new <= gram.previous {
                    return Err(corrupt("merged sections out of order"));
                }
                gram.positions.extend_from_slice(cursor.position_bytes());
                gram.push(new, cursor.count())?;
            }
        }
        if gram.count > 0 {
            out.add(key, &gram)?;
        }
        merged += 1;
        if merged.is_multiple_of(RELEASE_CHECK_GRAMS) {
            for ((source, &i), released) in sources.iter().zip(&next).zip(released.iter_mut()) {
                let read = source.start(i.min(source.len())) as usize;
                if read >= *released + RELEASE_EVERY {
                    source.release(*released..read);
                    *released = read;
                }
            }
        }
    }
    out.finish(&lens, total)
}

/// Bytes of a source's gram data a merge reads before it gives them back to the kernel (a
/// source written by an indexing thread holds a few megabytes).
const RELEASE_EVERY: usize = 1 << 20;
/// Grams merged between two looks at how far each source has been read.
const RELEASE_CHECK_GRAMS: usize = 1 << 12;

/// Sections between two skip entries of a gram. (16 made the 1 GB index 7% larger for no
/// measurable gain over the dev queries.)
const SKIP_EVERY: u32 = 64;
/// Bytes of a skip entry: the doc id of the block's last section, and where the section and
/// position streams stand after it.
const SKIP_BYTES: usize = 12;

fn too_large() -> TantivyError {
    TantivyError::InvalidArgument("a gram's postings in one segment are over 4 GB".into())
}

/// One gram's postings as they are encoded: skip entries, section stream, position stream.
#[derive(Default)]
struct GramEncoder {
    skips: Vec<u8>,
    sections: Vec<u8>,
    positions: Vec<u8>,
    count: u32,
    previous: DocId,
}

impl GramEncoder {
    fn clear(&mut self) {
        self.skips.clear();
        self.sections.clear();
        self.positions.clear();
        self.count = 0;
        self.previous = 0;
    }

    /// Adds section `doc` (above the previous one), where the gram occurs `occurrences` times;
    /// its positions are already appended to `positions`.
    fn push(&mut self, doc: DocId, occurrences: u32) -> tantivy::Result<()> {
        let positions_at = self.positions.len();
        self.push_section(doc, occurrences, || positions_at)
    }

    /// [`GramEncoder::push`], for a section whose positions end where `positions_at` says:
    /// asked only when a skip entry follows the section.
    fn push_section(
        &mut self,
        doc: DocId,
        occurrences: u32,
        positions_at: impl FnOnce() -> usize,
    ) -> tantivy::Result<()> {
        let delta = if self.count == 0 {
            doc
        } else {
            doc - self.previous
        };
        put_section(&mut self.sections, delta, occurrences);
        self.previous = doc;
        self.count += 1;
        if self.count.is_multiple_of(SKIP_EVERY) {
            let at = u32::try_from(self.sections.len()).map_err(|_| too_large())?;
            let positions_at = u32::try_from(positions_at()).map_err(|_| too_large())?;
            self.skips.extend_from_slice(&doc.to_le_bytes());
            self.skips.extend_from_slice(&at.to_le_bytes());
            self.skips.extend_from_slice(&positions_at.to_le_bytes());
        }
        Ok(())
    }

    /// Adds every section of a gram's postings in a source without deleted sections, each doc
    /// id shifted by `base`. The position stream is copied whole: section by section, finding
    /// and copying each one's positions took most of a merge (a gram merge was 7% of
    /// indexing CPU in perf). Section entries are decoded and encoded again, since the first
    /// one's delta and the skip entries change; a position offset is counted only where a skip
    /// entry needs one. The result is the same, byte for byte, as pushing section by section.
    fn append_shifted(&mut self, source: &GramPostings<'_>, base: DocId) -> tantivy::Result<()> {
        let (sections, positions) = (source.sections, source.positions);
        let positions_base = self.positions.len();
        // Position varints of the sections read so far, and the source bytes they take up to
        // `counted_at` plus `pending` varints more.
        let (mut counted_at, mut pending) = (0usize, 0u64);
        let (mut at, mut doc, mut first) = (0usize, 0u32, true);
        while at < sections.len() {
            let (delta, occurrences) = get_section(sections, &mut at);
            doc = if first {
                delta
            } else if delta == 0 {
                return Err(corrupt("merged sections out of order"));
            } else {
                doc.checked_add(delta)
                    .ok_or_else(|| corrupt("section id out of range"))?
            };
            first = false;
            if doc >= source.max_doc {
                return Err(corrupt("section id out of range"));
            }
            let new = base
                .checked_add(doc)
                .ok_or_else(|| corrupt("section id out of range"))?;
            if self.count > 0 && new <= self.previous {
                return Err(corrupt("merged sections out of order"));
            }
            pending += u64::from(occurrences);
            self.push_section(new, occurrences, || {
                counted_at = skip_varints(positions, counted_at, pending);
                pending = 0;
                positions_base + counted_at
            })?;
        }
        if skip_varints(positions, counted_at, pending) != positions.len() {
            return Err(corrupt("positions do not match their sections"));
        }
        self.positions.extend_from_slice(positions);
        Ok(())
    }
}

/// Whether merges must take the section-by-section path (a test compares both).
#[cfg(not(test))]
fn slow_merge_forced() -> bool {
    false
}

#[cfg(test)]
static SLOW_MERGE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[cfg(test)]
fn slow_merge_forced() -> bool {
    SLOW_MERGE.load(std::sync::atomic::Ordering::SeqCst)
}

/// One segment's gram file, memory-mapped.
#[derive(Clone)]
pub struct GramSegment {
    bytes: OwnedBytes,
    max_doc: u32,
    grams: usize,
    total: u64,
    lens_at: usize,
    keys_at: usize,
    counts_at: usize,
    starts_at: usize,
    section_bytes_at: usize,
}

impl GramSegment {
    /// Opens the gram file of a segment.
    pub fn open(reader: &SegmentReader) -> tantivy::Result<GramSegment> {
        let bytes = reader.open_read(component())?.read_bytes()?;
        let n = bytes.len();
        if n < TRAILER_BYTES {
            return Err(corrupt("too short"));
        }
        let t = &bytes.as_slice()[n - TRAILER_BYTES..];
        let u32_at = |i: usize| u32::from_le_bytes(t[i..i + 4].try_into().expect("4 bytes"));
        let u64_at = |i: usize| u64::from_le_bytes(t[i..i + 8].try_into().expect("8 bytes"));
        if u64_at(24) != MAGIC {
            return Err(corrupt("bad magic"));
        }
        let (max_doc, grams, total, tables_at) = (
            u32_at(0),
            u32_at(4) as usize,
            u64_at(8),
            u64_at(16) as usize,
        );
        let lens_at = tables_at;
        let keys_at = lens_at + max_doc as usize * 4;
        let counts_at = keys_at + grams * 8;
        let starts_at = counts_at + grams * 4;
        let section_bytes_at = starts_at + (grams + 1) * 8;
        if section_bytes_at + grams * 4 + TRAILER_BYTES != n || max_doc != reader.max_doc() {
            return Err(corrupt("tables do not fit the file"));
        }
        let segment = GramSegment {
            bytes,
            max_doc,
            grams,
            total,
            lens_at,
            keys_at,
            counts_at,
            starts_at,
            section_bytes_at,
        };
        if segment.start(grams) != tables_at as u64 {
            return Err(corrupt("data does not end where the tables start"));
        }
        Ok(segment)
    }

    /// Gives the pages of `range` (bytes of the file) back to the kernel: a merge reads each
    /// source's gram data once, in order, and the pages it has passed would otherwise stay
    /// mapped, and counted in the process's memory, until the merge ends (the gram files are
    /// half of an index: at 1 GB, merging into segments of a million sections held 0.8 GB of
    /// source pages). The kernel reads a page back if it is touched again, and for memory that
    /// is not a file's (an index in RAM) the advice keeps the content, so it is only ever a
    /// cost, never a change. Only whole pages inside `range` are given back.
    fn release(&self, range: Range<usize>) {
        let bytes = self.bytes.as_slice();
        let range = range.start.min(bytes.len())..range.end.min(bytes.len());
        super::pages::page_out(&bytes[range]);
    }

    fn u32_at(&self, at: usize) -> u32 {
        u32::from_le_bytes(
            self.bytes.as_slice()[at..at + 4]
                .try_into()
                .expect("4 bytes"),
        )
    }

    fn u64_at(&self, at: usize) -> u64 {
        u64::from_le_bytes(
            self.bytes.as_slice()[at..at + 8]
                .try_into()
                .expect("8 bytes"),
        )
    }

    fn start(&self, i: usize) -> u64 {
        self.u64_at(self.starts_at + i * 8)
    }

    /// Number of distinct grams.
    pub fn len(&self) -> usize {
        self.grams
    }

    /// Whether the segment holds no gram.
    pub fn is_empty(&self) -> bool {
        self.grams == 0
    }

    /// The key of the `i`-th gram (keys increase with `i`).
    pub fn key(&self, i: usize) -> u64 {
        self.u64_at(self.keys_at + i * 8)
    }

    /// Number of sections holding the `i`-th gram, deleted ones included.
    pub fn section_count(&self, i: usize) -> u32 {
        self.u32_at(self.counts_at + i * 4)
    }

    /// Grams in section `doc` (its non-space characters).
    pub fn section_len(&self, doc: DocId) -> u32 {
        if doc >= self.max_doc {
            return 0;
        }
        self.u32_at(self.lens_at + doc as usize * 4)
    }

    /// Grams in the sections that `alive` keeps (all sections when None).
    pub fn live_total(&self, alive: Option<&AliveBitSet>) -> u64 {
        match alive {
            None => self.total,
            Some(alive) => {
                let deleted: u64 = (0..self.max_doc)
                    .filter(|&d| !alive.is_alive(d))
                    .map(|d| u64::from(self.section_len(d)))
                    .sum();
                self.total.saturating_sub(deleted)
            }
        }
    }

    /// The index of the gram with this key.
    pub fn find(&self, key: u64) -> Option<usize> {
        let i = self.partition(key);
        (i < self.grams && self.key(i) == key).then_some(i)
    }

    /// The indexes of the grams whose keys are in `keys`.
    pub fn range(&self, keys: Range<u64>) -> Range<usize> {
        self.partition(keys.start)..self.partition(keys.end)
    }

    /// The first index whose key is not below `key`.
    fn partition(&self, key: u64) -> usize {
        let (mut lo, mut hi) = (0, self.grams);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.key(mid) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The sections and positions of the `i`-th gram.
    pub fn postings(&self, i: usize) -> GramPostings<'_> {
        let data = self.bytes.as_slice();
        let end = self.lens_at;
        let clamp = |x: usize| x.min(end);
        let from = clamp(self.start(i) as usize);
        let to = clamp(self.start(i + 1) as usize).max(from);
        let skips_to =
            clamp(from + (self.section_count(i) / SKIP_EVERY) as usize * SKIP_BYTES).min(to);
        let split = (skips_to + self.u32_at(self.section_bytes_at + i * 4) as usize).min(to);
        GramPostings {
            max_doc: self.max_doc,
            skips: &data[from..skips_to],
            next_skip: 0,
            sections: &data[skips_to..split],
            positions: &data[split..to],
            at: 0,
            positions_at: 0,
            pending: 0,
            doc: 0,
            count: 0,
            read: None,
            started: false,
        }
    }
}

/// A cursor over one gram's sections, in doc id order. Starts before the first section.
///
/// Walking sections does not touch the position stream: a section's positions are found only
/// when asked for ([`GramPostings::position_bytes`]), by skipping the varints of the sections
/// passed since the last ones read, many bytes at a time. Most sections a cursor passes are
/// never asked for (a proposer's rejects, a seek's passed sections, a count-only walk).
pub struct GramPostings<'a> {
    max_doc: DocId,
    skips: &'a [u8],
    next_skip: usize,
    sections: &'a [u8],
    positions: &'a [u8],
    at: usize,
    /// Where the position stream not yet skipped or read starts.
    positions_at: usize,
    /// How many positions (varints) from `positions_at` belong to sections before the current.
    pending: u64,
    doc: DocId,
    count: u32,
    /// The current section's position bytes, once read (then `positions_at` is their end).
    read: Option<Range<usize>>,
    started: bool,
}

impl GramPostings<'_> {
    /// Moves to the next section; returns its doc id, or [`TERMINATED`] after the last one.
    /// (One step of [`walk_to`](Self::walk_to), kept apart: going through its loop cost 4% more
    /// instructions over the dev queries, most sections being reached by `advance`.)
    pub fn advance(&mut self) -> DocId {
        if self.at >= self.sections.len() || self.doc == TERMINATED {
            self.doc = TERMINATED;
            return TERMINATED;
        }
        // The positions of the section left behind are skipped when some are next read.
        if self.read.take().is_none() {
            self.pending += u64::from(self.count);
        }
        let (delta, count) = get_section(self.sections, &mut self.at);
        self.count = count;
        self.doc = if self.started {
            self.doc.saturating_add(delta.max(1))
        } else {
            delta
        };
        self.started = true;
        if self.doc >= self.max_doc {
            // Only a damaged file names a section the segment does not have.
            self.doc = TERMINATED;
            return TERMINATED;
        }
        self.doc
    }

    /// Advances to the first section at or after `target`; returns its doc id or TERMINATED.
    pub fn seek(&mut self, target: DocId) -> DocId {
        if self.started && self.doc >= target {
            return self.doc;
        }
        // Skip whole blocks whose last section is below the target.
        let mut jump = None;
        while (self.next_skip + 1) * SKIP_BYTES <= self.skips.len() {
            let e = &self.skips[self.next_skip * SKIP_BYTES..(self.next_skip + 1) * SKIP_BYTES];
            let word = |k: usize| u32::from_le_bytes(e[k..k + 4].try_into().expect("4 bytes"));
            if word(0) >= target {
                break;
            }
            jump = Some((word(0), word(4) as usize, word(8) as usize));
            self.next_skip += 1;
        }
        if let Some((doc, at, positions_at)) = jump {
            if at > self.at && at <= self.sections.len() {
                self.doc = doc;
                self.at = at;
                // The entry stands after its section's positions: none are pending.
                self.positions_at = positions_at.min(self.positions.len());
                self.pending = 0;
                self.read = Some(self.positions_at..self.positions_at);
                self.started = true;
            }
        }
        if !self.started {
            self.advance();
        }
        self.walk_to(target)
    }

    /// Steps forward from a started cursor to the first section at or after `target`: the
    /// inner loop of [`seek`](Self::seek), which walks half a block on average. It does what
    /// [`advance`](Self::advance) does per section with the state kept in registers (the gram
    /// cursors' advance and seek were a fifth of the samples of the dev queries at 1 GB).
    fn walk_to(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        if self.read.take().is_none() {
            self.pending += u64::from(self.count);
        }
        let bytes = self.sections;
        let (mut at, mut doc, mut pending) = (self.at, self.doc, self.pending);
        loop {
            if at >= bytes.len() {
                self.at = at;
                self.pending = pending;
                self.doc = TERMINATED;
                return TERMINATED;
            }
            let (delta, count) = get_section(bytes, &mut at);
            doc = doc.saturating_add(delta.max(1));
            if doc >= target || doc >= self.max_doc {
                self.at = at;
                self.pending = pending;
                self.count = count;
                // Only a damaged file names a section the segment does not have.
                self.doc = if doc >= self.max_doc { TERMINATED } else { doc };
                return self.doc;
            }
            pending += u64::from(count);
        }
    }

    /// The current section's doc id.
    pub fn doc(&self) -> DocId {
        if self.started {
            self.doc
        } else {
            TERMINATED
        }
    }

    /// How often the gram occurs in the current section.
    pub fn count(&self) -> u32 {
        self.count
    }

    /// The encoded positions of the current section.
    pub fn position_bytes(&mut self) -> &[u8] {
        let range = match &self.read {
            Some(range) => range.clone(),
            None => {
                let from = skip_varints(self.positions, self.positions_at, self.pending);
                let to = skip_varints(self.positions, from, u64::from(self.count));
                self.positions_at = to;
                self.pending = 0;
                self.read = Some(from..to);
                from..to
            }
        };
        &self.positions[range]
    }

    /// Appends the gram's positions in the current section to `out`, in increasing order.
    pub fn positions_into(&mut self, out: &mut Vec<u32>) {
        let bytes = self.position_bytes();
        let mut at = 0;
        let mut position = 0u32;
        while at < bytes.len() {
            position = position.wrapping_add(get_varint(bytes, &mut at));
            out.push(position);
        }
    }
}

/// One section's entry in a section stream: the doc id delta shifted left by one, with the
/// low bit set when the gram occurs once; otherwise the count follows.
fn put_section(out: &mut Vec<u8>, delta: u32, count: u32) {
    if count == 1 {
        put_varint(out, delta << 1 | 1);
    } else {
        put_varint(out, delta << 1);
        put_varint(out, count);
    }
}

/// Reads the section entry at `*at` that [`put_section`] wrote: (doc id delta, count).
fn get_section(bytes: &[u8], at: &mut usize) -> (u32, u32) {
    let head = get_varint(bytes, at);
    let count = if head & 1 == 1 {
        1
    } else {
        get_varint(bytes, at)
    };
    (head >> 1, count)
}

fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Where the `n`-th varint from `at` ends (its last byte is the one below 0x80), or the end of
/// `bytes` if fewer follow. Reads eight bytes at a time: a varint ends at each byte whose high
/// bit is clear.
fn skip_varints(bytes: &[u8], mut at: usize, mut n: u64) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    at = at.min(bytes.len());
    if n == 0 {
        return at;
    }
    while let Some(chunk) = bytes.get(at..at + 8) {
        let ends = !u64::from_le_bytes(chunk.try_into().expect("8 bytes")) & HIGH_BITS;
        // Each byte of `ends >> 7` is 0 or 1; the multiply sums them into the top byte (a
        // portable build has no popcount instruction).
        let here = (ends >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56;
        if here < n {
            n -= here;
            at += 8;
            continue;
        }
        // The n-th end in this chunk: drop the n - 1 lower ones.
        let mut ends = ends;
        for _ in 1..n {
            ends &= ends - 1;
        }
        return at + ends.trailing_zeros() as usize / 8 + 1;
    }
    while at < bytes.len() {
        at += 1;
        if bytes[at - 1] < 0x80 {
            n -= 1;
            if n == 0 {
                break;
            }
        }
    }
    at
}

/// Reads a varint at `*at`; a truncated one reads as what was there (never past the end).
#[inline]
fn get_varint(bytes: &[u8], at: &mut usize) -> u32 {
    // Most entries are one byte: doc deltas of common grams, counts and position deltas.
    if let Some(&b) = bytes.get(*at) {
        if b < 0x80 {
            *at += 1;
            return u32::from(b);
        }
    }
    get_long_varint(bytes, at)
}

/// [`get_varint`] for a varint of two bytes or more.
#[inline(never)]
fn get_long_varint(bytes: &[u8], at: &mut usize) -> u32 {
    let mut v = 0u32;
    let mut shift = 0;
    while let Some(&b) = bytes.get(*at) {
        *at += 1;
        if shift < 32 {
            v |= u32::from(b & 0x7f) << shift;
        }
        if b < 0x80 {
            break;
        }
        shift += 7;
    }
    v
}

/// Indexes for the tests of the gram index and of the queries over it.
#[cfg(test)]
pub(crate) mod test_support {
    use super::*;
    use tantivy::indexer::NoMergePolicy;
    use tantivy::schema::{FAST, INDEXED, STORED};
    use tantivy::{Index, IndexWriter};

    /// An index of `texts` (field `grams`, and the text's number in field `id`) in three
    /// segments, the sections whose number is in `deleted` deleted after the last commit; its
    /// writer is left to the caller, who may merge.
    pub(crate) fn three_segments(
        texts: &[impl AsRef<str>],
        deleted: &[u64],
    ) -> (Index, IndexWriter) {
        three_segments_in(None, texts, deleted)
    }

    /// As [`three_segments`], in directory `dir` (memory-mapped files) when given.
    pub(crate) fn three_segments_in(
        dir: Option<&std::path::Path>,
        texts: &[impl AsRef<str>],
        deleted: &[u64],
    ) -> (Index, IndexWriter) {
        let mut b = Schema::builder();
        let id = b.add_u64_field("id", INDEXED | STORED | FAST);
        let grams = b.add_custom_field("grams", GRAMS_FIELD_TYPE, serde_json::json!({}));
        let builder = Index::builder()
            .schema(b.build())
            .register_plugin(std::sync::Arc::new(GramPlugin));
        let index = match dir {
            Some(dir) => builder.create_in_dir(dir),
            None => builder.create_in_ram(),
        }
        .unwrap();
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 20_000_000).unwrap();
        writer.set_merge_policy(Box::new(NoMergePolicy));
        for (i, t) in texts.iter().enumerate() {
            let mut doc = TantivyDocument::new();
            doc.add_u64(id, i as u64);
            doc.add_custom(grams, t.as_ref().as_bytes());
            writer.add_document(doc).unwrap();
            if (i + 1) % (texts.len() / 3 + 1) == 0 {
                writer.commit().unwrap();
            }
        }
        writer.commit().unwrap();
        for &d in deleted {
            writer.delete_term(tantivy::Term::from_field_u64(id, d));
        }
        writer.commit().unwrap();
        (index, writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip() {
        let mut buf = Vec::new();
        let values = [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX];
        values.iter().for_each(|&v| put_varint(&mut buf, v));
        let mut at = 0;
        for &v in &values {
            assert_eq!(get_varint(&buf, &mut at), v);
        }
        assert_eq!(at, buf.len());
    }

    #[test]
    fn skipping_varints_lands_where_reading_them_does() {
        // Values of one to five bytes, so varints straddle the eight-byte chunks.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut buf = Vec::new();
        for _ in 0..2_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            put_varint(&mut buf, (state as u32) >> (state % 32));
        }
        for from_varint in [0, 1, 7, 500] {
            let mut from = 0;
            for _ in 0..from_varint {
                get_varint(&buf, &mut from);
            }
            for n in [0u64, 1, 2, 3, 8, 9, 17, 1_000, 1_500 - from_varint] {
                let mut at = from;
                for _ in 0..n {
                    get_varint(&buf, &mut at);
                }
                assert_eq!(skip_varints(&buf, from, n), at, "{n} varints from {from}");
            }
        }
        // Past the last varint, or from past the end: the end.
        assert_eq!(skip_varints(&buf, 0, 1_000_000), buf.len());
        assert_eq!(skip_varints(&buf, buf.len() + 3, 2), buf.len());
        assert_eq!(skip_varints(&buf[..5], 0, 9), 5);
    }

    /// Giving a gram file's pages back to the kernel never changes what it reads: for an index
    /// in files (the pages are read again from the file) and for one in RAM (where advice that
    /// discards pages, MADV_DONTNEED, would read zeros instead).
    #[test]
    fn released_gram_pages_read_the_same() {
        let texts: Vec<String> = (0..3_000u32)
            .map(|i| format!("第{i}条 法律顾问制度{} 规范性文件", i * 7919 % 1_000))
            .collect();
        let dir = tempfile::tempdir().unwrap();
        for place in [None, Some(dir.path())] {
            let (index, _writer) = test_support::three_segments_in(place, &texts, &[]);
            let searcher = index.reader().unwrap().searcher();
            for reader in searcher.segment_readers() {
                let segment = GramSegment::open(reader).unwrap();
                let before = segment.bytes.as_slice().to_vec();
                assert!(
                    before.len() > 3 * 4096,
                    "{} bytes: pages to give back",
                    before.len()
                );
                segment.release(0..before.len());
                assert!(segment.bytes.as_slice() == before.as_slice(), "{place:?}");
                let again = GramSegment::open(reader).unwrap();
                let grams = (0..again.len())
                    .map(|i| {
                        let mut p = again.postings(i);
                        std::iter::from_fn(|| (p.advance() != TERMINATED).then(|| p.count()))
                            .sum::<u32>()
                    })
                    .sum::<u32>();
                assert_eq!(u64::from(grams), again.live_total(None), "{place:?}");
            }
        }
    }

    /// A cursor that seeks lands where walking section by section does, with the same count and
    /// positions: for targets on, between and behind sections, within a skip block and across
    /// several, with positions read at some stops and not at others (their bytes must still be
    /// found), for grams common enough to have skip entries and with counts above one.
    #[test]
    fn seeking_lands_on_the_sections_and_positions_that_walking_does() {
        let texts: Vec<String> = (0..2_000u32)
            .map(|i| {
                let repeats = (i * 7919 % 5) as usize;
                format!(
                    "第{i}条 {}法律顾问{}",
                    "法律".repeat(repeats),
                    " 法".repeat(i as usize % 3)
                )
            })
            .collect();
        let (index, _writer) = test_support::three_segments(&texts, &[]);
        let searcher = index.reader().unwrap().searcher();
        let mut checked = 0;
        for reader in searcher.segment_readers() {
            let segment = GramSegment::open(reader).unwrap();
            for gram in ["法律", "律顾", "法"] {
                let mut chars = gram.chars();
                let key = crate::analysis::gram_key(chars.next().unwrap(), chars.next());
                let g = segment.find(key).expect("the gram is in every segment");
                let mut walk = segment.postings(g);
                let mut all = Vec::new();
                while walk.advance() != TERMINATED {
                    let mut positions = Vec::new();
                    walk.positions_into(&mut positions);
                    all.push((walk.doc(), walk.count(), positions));
                }
                assert!(all.len() > 3 * SKIP_EVERY as usize, "{gram}: {}", all.len());
                let last = all.last().unwrap().0;
                for (step, read_every) in [(1, 1), (3, 2), (17, 1), (63, 3), (64, 1), (200, 2)] {
                    let mut cursor = segment.postings(g);
                    let mut target = 0;
                    let mut stop = 0;
                    while target <= last + 1 {
                        let at = cursor.seek(target);
                        let want = all.iter().find(|s| s.0 >= target);
                        assert_eq!(at, want.map_or(TERMINATED, |s| s.0), "{gram} seek {target}");
                        if let Some((_, count, positions)) = want {
                            assert_eq!(cursor.count(), *count, "{gram} at {at}");
                            // A second seek to a section at or before the current one stays.
                            assert_eq!(cursor.seek(target.saturating_sub(step)), at);
                            if stop % read_every == 0 {
                                let mut got = Vec::new();
                                cursor.positions_into(&mut got);
                                assert_eq!(&got, positions, "{gram} at {at}, step {step}");
                            }
                        }
                        stop += 1;
                        target += step;
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 1_000);
    }

    /// The merged gram file of `texts` written in three segments, with the sections whose
    /// number is in `deleted` deleted first, merged section by section or not.
    fn merged_gram_file(texts: &[String], deleted: &[u64], slow: bool) -> Vec<u8> {
        let (index, mut writer) = test_support::three_segments(texts, deleted);
        // In the order of their sections, so that both merges stack them alike.
        let searcher = index.reader().unwrap().searcher();
        let mut segments: Vec<_> = searcher
            .segment_readers()
            .iter()
            .map(|r| {
                let ids = r.fast_fields().u64("id").unwrap();
                (ids.first(0).unwrap(), r.segment_id())
            })
            .collect();
        segments.sort();
        let segments: Vec<_> = segments.into_iter().map(|(_, s)| s).collect();
        assert_eq!(segments.len(), 3);
        SLOW_MERGE.store(slow, std::sync::atomic::Ordering::SeqCst);
        let merged = writer.merge(&segments).wait();
        SLOW_MERGE.store(false, std::sync::atomic::Ordering::SeqCst);
        merged.unwrap();
        let searcher = index.reader().unwrap().searcher();
        let readers = searcher.segment_readers();
        assert_eq!(readers.len(), 1);
        GramSegment::open(&readers[0])
            .unwrap()
            .bytes
            .as_slice()
            .to_vec()
    }

    /// Copying a source's postings whole writes the file that merging section by section
    /// writes: for sources without deletions, with deletions, and a mix of both, with grams
    /// common enough to have skip entries and positions of one and several bytes.
    #[test]
    fn merging_whole_postings_writes_the_same_file_as_section_by_section() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let alphabet: Vec<char> = "法律顾问制度 ab政府".chars().collect();
        let texts: Vec<String> = (0..600)
            .map(|_| {
                let len = next(400);
                (0..len)
                    .map(|_| alphabet[next(alphabet.len() as u64) as usize])
                    .collect()
            })
            .collect();
        let in_first: Vec<u64> = (0..200).filter(|i| i % 5 == 1).collect();
        let everywhere: Vec<u64> = (0..600).filter(|i| i % 7 == 3).collect();
        for deleted in [&[][..], &in_first, &everywhere] {
            let fast = merged_gram_file(&texts, deleted, false);
            let slow = merged_gram_file(&texts, deleted, true);
            assert!(fast.len() > 10_000);
            let first = fast.iter().zip(&slow).position(|(a, b)| a != b);
            assert!(
                fast == slow,
                "{} deleted: the files differ ({} and {} bytes, first at {first:?}: {:?} / {:?})",
                deleted.len(),
                fast.len(),
                slow.len(),
                first.map(|f| &fast[f.saturating_sub(8)..f + 8]),
                first.map(|f| &slow[f.saturating_sub(8)..f + 8]),
            );
        }
    }

    #[test]
    fn radix_sort_is_stable_on_the_key() {
        let mut v: Vec<(u64, u64)> = (0..10_000u64)
            .map(|i| (((i * 7919) % 97) << 30 | (i % 3), i))
            .collect();
        let mut expected = v.clone();
        expected.sort_by_key(|t| t.0);
        sort_by_key(&mut v, &mut vec![(7, 7); 3]);
        assert_eq!(v, expected);
    }
}
