//! Helpers: temporary corpora and running the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The repository's sample corpus.
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// ../shared/corpus, when present.
pub fn shared_corpus() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    p.is_dir().then_some(p)
}

/// Runs govsearch with arguments in a working directory.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_govsearch"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("govsearch runs")
}

/// Runs `govsearch index CORPUS --index INDEX` with extra arguments, in the repository root.
pub fn index(corpus: &Path, index: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "index",
        corpus.to_str().unwrap(),
        "--index",
        index.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    run(&args)
}

/// Copies the sample reports of data/ into `to` (created).
pub fn copy_data(to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(data_dir()).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
    }
}

/// Runs govsearch in the repository root.
pub fn run(args: &[&str]) -> Output {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// stdout as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// stderr as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// An index of data/ built once for all search tests (in a temporary directory).
pub fn data_index() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let idx = dir.path().join("idx");
        let o = index(&data_dir(), &idx, &[]);
        assert!(o.status.success(), "index data/: {}", stderr(&o));
        dir
    })
    .path()
}

/// The index directory inside [`data_index`].
pub fn data_index_path() -> String {
    data_index().join("idx").to_string_lossy().into_owned()
}

/// The JSON hit, decoded with the type that writes it (the contract scripts rely on).
pub use govsearch::json::Hit as JsonHit;

/// Runs `search --json` with extra arguments over an index and decodes the hits.
pub fn search_json(index: &str, args: &[&str]) -> (i32, Vec<JsonHit>) {
    let mut all = vec!["search", "--index", index, "--json"];
    all.extend_from_slice(args);
    let o = run(&all);
    assert_ne!(
        o.status.code(),
        Some(2),
        "search {args:?} failed: {}",
        stderr(&o)
    );
    let hits = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l}: {e}")))
        .collect();
    (o.status.code().unwrap_or(-1), hits)
}

/// The run failed cleanly: exit status 2, no panic, and stderr says `needle`.
pub fn assert_clean_error(o: &Output, needle: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains(needle), "{err}");
}

/// Runs `index CORPUS --index INDEX` with writes past 2 MB failing, as on a full disk: a
/// file-size limit stands in for ENOSPC (EFBIG), with SIGXFSZ ignored so the write returns the
/// error.
pub fn index_on_a_full_disk(corpus: &Path, index: &Path) -> Output {
    let script = format!(
        "trap '' XFSZ; ulimit -f 2000; exec '{}' index '{}' --index '{}'",
        env!("CARGO_BIN_EXE_govsearch"),
        corpus.display(),
        index.display()
    );
    Command::new("bash").args(["-c", &script]).output().unwrap()
}
