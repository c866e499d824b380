//! Indexing throughput against the jieba reference, measured in the same run.
//!
//! `cargo run --release --example throughput -- CORPUS [JOBS]`
//! First times single-thread jieba-rs `cut_for_search` over the decoded text of every file
//! (the physical limit of this design), then a full `govsearch index` of the corpus into a
//! temporary directory (read, section, segment, index, commit). Prints both in MB/s of source
//! bytes and their ratio.

use std::sync::atomic::AtomicBool;
use std::time::Instant;

use govsearch::corpus;
use govsearch::index::{self, IndexOptions, Progress};

struct Silent;
impl Progress for Silent {
    fn warn(&self, _: &str) {}
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = std::path::PathBuf::from(
        args.first()
            .ok_or_else(|| anyhow::anyhow!("usage: throughput CORPUS [JOBS]"))?,
    );
    let jobs: usize = args.get(1).map(|j| j.parse()).transpose()?.unwrap_or(2);

    let (files, _) = corpus::walk(std::slice::from_ref(&root), corpus::Links::Stay, None);
    let mut bytes = 0u64;
    let mut texts = Vec::new();
    for f in &files {
        let Ok(raw) = std::fs::read(&f.path) else {
            continue;
        };
        bytes += raw.len() as u64;
        if let Ok(d) = corpus::parse(&f.path, &raw) {
            texts.push(d.source.lines.join("\n"));
        }
    }
    let jieba = jieba_rs::Jieba::new();
    let t = Instant::now();
    let words: usize = texts
        .iter()
        .map(|t| jieba.cut_for_search(t, true).len())
        .sum();
    let jieba_secs = t.elapsed().as_secs_f64();
    std::hint::black_box(words);
    drop(texts);

    let dir = tempfile::tempdir()?;
    let opts = IndexOptions {
        corpus: vec![root],
        index_dir: dir.path().join("index"),
        rebuild: false,
        jobs,
        memory_budget: None,
        dictionaries: Default::default(),
        user_dict_path: None,
        links: Default::default(),
    };
    let t = Instant::now();
    let summary = index::index_corpus(&opts, &Silent, &AtomicBool::new(false))?;
    let index_secs = t.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    println!(
        "corpus: {mb:.1} MB, {} files, {} sections",
        files.len(),
        summary.sections
    );
    println!(
        "jieba cut_for_search, 1 thread: {:.2} s, {:.1} MB/s",
        jieba_secs,
        mb / jieba_secs
    );
    println!(
        "govsearch index, {jobs} jobs:      {:.2} s, {:.1} MB/s",
        index_secs,
        mb / index_secs
    );
    println!("ratio govsearch / jieba: {:.2}", jieba_secs / index_secs);
    Ok(())
}
