//! Criterion benches: segmentation, gram inversion alone, reading and sectioning, end-to-end
//! indexing, and search
//! latency on a warm index. Each bench asserts its result count inside the timed loop, so a
//! faster but wrong change fails.
//!
//! The corpus is data/ unless GOVSEARCH_BENCH_CORPUS names another folder, e.g.
//! `GOVSEARCH_BENCH_CORPUS=../shared/corpus cargo bench`.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use govsearch::analysis::{self, Normalizer, WordTokenizer};
use govsearch::corpus;
use govsearch::index::{self, IndexOptions, Progress};
use govsearch::search::{self, Engine, Filters, Limit};
use tantivy::tokenizer::{TokenStream, Tokenizer};

struct Silent;
impl Progress for Silent {
    fn warn(&self, _: &str) {}
}

fn corpus_dir() -> PathBuf {
    std::env::var_os("GOVSEARCH_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("data"))
}

/// Every document of the corpus: path and bytes (read outside the timed loops).
fn corpus_files() -> Vec<(PathBuf, Vec<u8>)> {
    let (files, _) = corpus::walk(&[corpus_dir()], corpus::Links::Stay, None);
    files
        .into_iter()
        .filter_map(|f| {
            let bytes = std::fs::read(&f.path).ok()?;
            Some((f.path, bytes))
        })
        .collect()
}

fn texts(files: &[(PathBuf, Vec<u8>)]) -> Vec<String> {
    files
        .iter()
        .filter_map(|(p, b)| corpus::parse(p, b).ok())
        .map(|d| d.source.lines.join("\n"))
        .collect()
}

fn total_bytes(files: &[(PathBuf, Vec<u8>)]) -> u64 {
    files.iter().map(|f| f.1.len() as u64).sum()
}

fn segmentation(c: &mut Criterion) {
    let files = corpus_files();
    let texts = texts(&files);
    let jieba = Arc::new(analysis::load_jieba(true, None).unwrap());
    let normalizer = Normalizer::new();
    let mut g = c.benchmark_group("segmentation");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(total_bytes(&files)));
    let reference: usize = texts
        .iter()
        .map(|t| jieba.cut_for_search(t, true).len())
        .sum();
    g.bench_function("jieba_cut_for_search_reference", |b| {
        b.iter(|| {
            let n: usize = texts
                .iter()
                .map(|t| jieba.cut_for_search(t, true).len())
                .sum();
            assert_eq!(n, reference);
        })
    });
    let count_words = |tok: &mut WordTokenizer| -> usize {
        texts
            .iter()
            .map(|t| {
                let norm = normalizer.normalize(t);
                let mut s = tok.token_stream(&norm);
                let mut n = 0;
                while s.advance() {
                    n += 1;
                }
                n
            })
            .sum()
    };
    let mut tok = WordTokenizer::new(jieba.clone());
    let expected = count_words(&mut tok);
    g.bench_function("normalise_and_cut_words", |b| {
        b.iter(|| assert_eq!(count_words(&mut tok), expected))
    });
    g.finish();
}

/// The grams alone: every normalised text into an in-memory index of one gram field (one
/// writer thread), committed. `gram_index_one_thread` is govsearch's gram index (the segment
/// plugin of `index::grams`: append, radix-sort, write); `tantivy_text_field_one_thread` is the
/// same grams as a tantivy text field with positions, the design it replaced, for comparison in
/// the same session. Both assert the number of gram tokens indexed (one per non-space
/// character, see `analysis`) inside the timed loop.
fn gram_inversion(c: &mut Criterion) {
    use govsearch::document::GRAMS_FIELD_TYPE;
    use govsearch::index::grams::{GramPlugin, GramSegment};
    use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
    let files = corpus_files();
    let normalizer = Normalizer::new();
    let norms: Vec<analysis::Normalized> = texts(&files)
        .iter()
        .map(|t| normalizer.normalize(t))
        .collect();
    let expected: u64 = norms
        .iter()
        .map(|n| n.as_str().chars().filter(|c| !c.is_whitespace()).count() as u64)
        .sum();
    let mut g = c.benchmark_group("gram_inversion");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(
        norms.iter().map(|n| n.as_str().len() as u64).sum(),
    ));

    let mut schema = Schema::builder();
    let grams = schema.add_custom_field("grams", GRAMS_FIELD_TYPE, serde_json::json!({}));
    let schema = schema.build();
    g.bench_function("gram_index_one_thread", |b| {
        b.iter(|| {
            let idx = tantivy::Index::builder()
                .schema(schema.clone())
                .register_plugin(std::sync::Arc::new(GramPlugin))
                .create_in_ram()
                .unwrap();
            let mut w: tantivy::IndexWriter = idx.writer_with_num_threads(1, 200 << 20).unwrap();
            for n in &norms {
                let mut doc = tantivy::TantivyDocument::new();
                doc.add_custom(grams, n.as_str().as_bytes());
                w.add_document(doc).unwrap();
            }
            w.commit().unwrap();
            let searcher = idx.reader().unwrap().searcher();
            let tokens: u64 = searcher
                .segment_readers()
                .iter()
                .map(|r| GramSegment::open(r).unwrap().live_total(None))
                .sum();
            assert_eq!(tokens, expected);
        })
    });

    let mut schema = Schema::builder();
    let grams = schema.add_text_field(
        "grams",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analysis::GRAM_TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        ),
    );
    let schema = schema.build();
    g.bench_function("tantivy_text_field_one_thread", |b| {
        b.iter(|| {
            let idx = tantivy::Index::create_in_ram(schema.clone());
            idx.tokenizers()
                .register(analysis::GRAM_TOKENIZER, analysis::GramTokenizer::default());
            let mut w: tantivy::IndexWriter = idx.writer_with_num_threads(1, 200 << 20).unwrap();
            for n in &norms {
                w.add_document(tantivy::doc!(grams => n.as_str())).unwrap();
            }
            w.commit().unwrap();
            let searcher = idx.reader().unwrap().searcher();
            let tokens: u64 = searcher
                .segment_readers()
                .iter()
                .map(|r| r.inverted_index(grams).unwrap().total_num_tokens())
                .sum();
            assert_eq!(tokens, expected);
        })
    });
    g.finish();
}

fn reading(c: &mut Criterion) {
    let files = corpus_files();
    let sections = |files: &[(PathBuf, Vec<u8>)]| -> usize {
        files
            .iter()
            .filter_map(|(p, b)| corpus::parse(p, b).ok())
            .map(|d| d.report.sections.len())
            .sum()
    };
    let expected = sections(&files);
    let mut g = c.benchmark_group("reading");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(total_bytes(&files)));
    g.bench_function("decode_clean_and_section", |b| {
        b.iter(|| assert_eq!(sections(&files), expected))
    });
    g.finish();
}

fn options(index_dir: PathBuf) -> IndexOptions {
    let jobs = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    IndexOptions::new(vec![corpus_dir()], index_dir, jobs)
}

fn indexing(c: &mut Criterion) {
    let files = corpus_files();
    let never = AtomicBool::new(false);
    let probe = tempfile::tempdir().unwrap();
    let expected = index::index_corpus(&options(probe.path().join("i")), &Silent, &never)
        .unwrap()
        .sections;
    let mut g = c.benchmark_group("indexing");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(total_bytes(&files)));
    g.bench_function("end_to_end_with_commit", |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |dir| {
                let s =
                    index::index_corpus(&options(dir.path().join("i")), &Silent, &never).unwrap();
                assert_eq!(s.sections, expected);
                dir
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

/// The dev queries (../shared/queries/dev.tsv) when present, else a fixed list.
pub fn bench_queries() -> Vec<String> {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/queries/dev.tsv");
    let from_file: Vec<String> = std::fs::read_to_string(dev)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.rsplit('\t').next().unwrap_or(l).trim().to_string())
        .collect();
    if !from_file.is_empty() {
        return from_file;
    }
    [
        "法律顾问",
        "科研诚信",
        "诚信",
        "律顾",
        "规范性文件",
        "政务服务",
        "法",
        "2021年",
        "ＧＤＰ",
        "國務院",
        "法律顾问 规范性文件",
    ]
    .map(String::from)
    .to_vec()
}

fn searching(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let never = AtomicBool::new(false);
    index::index_corpus(&options(dir.path().join("i")), &Silent, &never).unwrap();
    let open = index::open(&dir.path().join("i")).unwrap();
    let engine = Engine::new(&open).unwrap();
    let queries: Vec<search::ParsedQuery> = bench_queries()
        .iter()
        .map(|q| search::parse_query(q, engine.normalizer()).unwrap())
        .collect();
    let run = || -> usize {
        queries
            .iter()
            .map(|q| {
                engine
                    .search(q, &Filters::default(), Limit::Top(10))
                    .unwrap()
                    .hits
                    .len()
            })
            .sum()
    };
    let expected = run();
    let mut g = c.benchmark_group("search");
    g.throughput(Throughput::Elements(queries.len() as u64));
    g.bench_function("top10_all_queries_warm", |b| {
        b.iter(|| assert_eq!(run(), expected))
    });
    g.finish();
}

criterion_group!(
    benches,
    segmentation,
    gram_inversion,
    reading,
    indexing,
    searching
);
criterion_main!(benches);
