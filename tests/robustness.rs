//! Crash safety, interruption, concurrent runs, version mismatches and damaged index files.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::*;

/// A corpus big enough that indexing it takes a while: data/ copied `copies` times.
fn big_corpus(dir: &Path, copies: usize) {
    std::fs::create_dir_all(dir).unwrap();
    for k in 0..copies {
        for e in std::fs::read_dir(data_dir()).unwrap() {
            let p = e.unwrap().path();
            let text = std::fs::read_to_string(&p).unwrap();
            let name = format!("{k:04}_{}", p.file_name().unwrap().to_string_lossy());
            std::fs::write(dir.join(name), format!("{text}\n第{k}号附件。\n")).unwrap();
        }
    }
}

fn spawn_index(corpus: &Path, idx: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_govsearch"))
        .args([
            "index",
            corpus.to_str().unwrap(),
            "--index",
            idx.to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits until the child has been running long enough to be past opening the index.
fn let_it_start(child: &mut Child) {
    let t = Instant::now();
    while t.elapsed() < Duration::from_millis(600) {
        assert!(
            child.try_wait().unwrap().is_none(),
            "indexing ended too early for this test"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn count(idx: &Path, q: &str) -> (i32, usize) {
    let o = run(&["search", "--index", idx.to_str().unwrap(), "--count", q]);
    (
        o.status.code().unwrap(),
        stdout(&o).trim().parse().unwrap_or(usize::MAX),
    )
}

#[test]
fn kill_9_mid_run_keeps_the_last_commit_and_the_next_run_completes() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    let idx = dir.path().join("idx");
    big_corpus(&corpus, 1);
    let o = index(&corpus, &idx, &[]);
    assert!(o.status.success());
    assert_eq!(count(&idx, "科研诚信"), (0, 2));

    big_corpus(&corpus, 400);
    let mut child = spawn_index(&corpus, &idx);
    let_it_start(&mut child);
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    // The last committed index is still searchable and unchanged.
    assert_eq!(count(&idx, "科研诚信"), (0, 2));
    // The next run completes: every copy is indexed exactly once.
    let o = index(&corpus, &idx, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(count(&idx, "科研诚信"), (0, 2 * 400));
    assert_eq!(count(&idx, "第399号附件"), (0, 5));
}

#[test]
fn ctrl_c_stops_cleanly_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    let idx = dir.path().join("idx");
    big_corpus(&corpus, 400);
    let mut child = spawn_index(&corpus, &idx);
    let_it_start(&mut child);
    let pid = child.id().to_string();
    assert!(Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap()
        .success());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("interrupted"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    // The next run completes.
    let o = index(&corpus, &idx, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(count(&idx, "科研诚信"), (0, 800));
}

#[test]
fn search_during_indexing_sees_the_last_commit_and_a_second_index_run_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    let idx = dir.path().join("idx");
    big_corpus(&corpus, 1);
    assert!(index(&corpus, &idx, &[]).status.success());
    big_corpus(&corpus, 400);
    let mut child = spawn_index(&corpus, &idx);
    let_it_start(&mut child);

    assert_eq!(
        count(&idx, "科研诚信"),
        (0, 2),
        "search works while indexing"
    );
    let t = Instant::now();
    let second = index(&corpus, &idx, &[]);
    assert_eq!(second.status.code(), Some(2));
    assert!(
        stderr(&second).contains("locked by another"),
        "{}",
        stderr(&second)
    );
    assert!(t.elapsed() < Duration::from_secs(5), "refused at once");

    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(count(&idx, "科研诚信"), (0, 800));
}

/// Changes the build info an index keeps in its commit payload, as another version would
/// have written it; returns the info as it was.
fn edit_build_info(idx: &Path, edit: impl FnOnce(&mut serde_json::Value)) -> serde_json::Value {
    let meta_path = idx.join("meta.json");
    let mut meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta_path).unwrap()).unwrap();
    let mut build: serde_json::Value =
        serde_json::from_str(meta["payload"].as_str().unwrap()).unwrap();
    let before = build.clone();
    edit(&mut build);
    meta["payload"] = serde_json::Value::String(build.to_string());
    std::fs::write(&meta_path, meta.to_string()).unwrap();
    before
}

#[test]
fn an_index_built_by_another_version_is_refused_with_what_to_run() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("idx");
    assert!(index(&data_dir(), &idx, &[]).status.success());
    edit_build_info(&idx, |b| b["analysis_version"] = serde_json::json!(0));

    let shown = idx.to_str().unwrap();
    let o = run(&["search", "--index", shown, "法律顾问"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    // The index remembers its folder, so the command to run needs no corpus named.
    let command = format!("govsearch index --index {shown} --rebuild");
    assert!(
        err.contains("another version") && err.contains(&format!("run `{command}`")),
        "{err}"
    );
    // That command, as printed, rebuilds it from the folder it remembers.
    let o = run(&["index", "--index", shown, "--rebuild"]);
    assert!(stderr(&o).contains("rebuilt"), "{}", stderr(&o));
    assert_eq!(count(&idx, "科研诚信"), (0, 2));
    // So does `index` with the corpus named: it rebuilds on a mismatch.
    edit_build_info(&idx, |b| b["analysis_version"] = serde_json::json!(0));
    let o = index(&data_dir(), &idx, &[]);
    assert!(stderr(&o).contains("rebuilt"), "{}", stderr(&o));
    assert_eq!(count(&idx, "科研诚信"), (0, 2));
}

/// The default index that the first search built from the sample folder `data/` is brought up
/// to date by the first search after an upgrade, whether the new version cannot read it or
/// reads reports by newer rules; an index of the user's own folders is never rebuilt unasked.
#[test]
fn the_first_search_after_an_upgrade_brings_the_sample_index_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    copy_data(&dir.path().join("data"));
    let idx = dir.path().join("index");
    let o = run_in(dir.path(), &["search", "法律顾问"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let first = String::from_utf8_lossy(&o.stdout).into_owned();

    edit_build_info(&idx, |b| b["analysis_version"] = serde_json::json!(0));
    let o = run_in(dir.path(), &["search", "法律顾问"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("index was built by another version of govsearch: reading data/"),
        "{}",
        stderr(&o)
    );
    assert_eq!(String::from_utf8_lossy(&o.stdout), first);

    edit_build_info(&idx, |b| {
        b.as_object_mut().unwrap().remove("reading_version");
    });
    let o = run_in(dir.path(), &["search", "法律顾问"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("index was read by older rules")
            && stderr(&o).contains("reading data/"),
        "{}",
        stderr(&o)
    );
    assert_eq!(String::from_utf8_lossy(&o.stdout), first);
    let o = run_in(dir.path(), &["search", "法律顾问"]);
    assert!(stderr(&o).is_empty(), "up to date now: {}", stderr(&o));

    // The default index of another folder: refused, with the command that rebuilds it.
    std::fs::remove_dir_all(&idx).unwrap();
    copy_data(&dir.path().join("reports"));
    assert!(run_in(dir.path(), &["index", "reports"]).status.success());
    edit_build_info(&idx, |b| b["analysis_version"] = serde_json::json!(0));
    let o = run_in(dir.path(), &["search", "法律顾问"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("run `govsearch index --index index --rebuild`"),
        "{}",
        stderr(&o)
    );
    assert!(
        run_in(dir.path(), &["index", "--index", "index", "--rebuild"])
            .status
            .success()
    );
    let o = run_in(dir.path(), &["search", "法律顾问", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let hits = String::from_utf8_lossy(&o.stdout);
    assert!(
        hits.contains("/reports/003_") && !hits.contains("data/"),
        "still the user's folder: {hits}"
    );
}

#[test]
fn an_index_read_by_older_rules_warns_and_the_next_run_reads_every_file_again() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("idx");
    let shown = idx.to_str().unwrap();
    assert!(index(&data_dir(), &idx, &[]).status.success());
    // An index from before the rules for sections changed; an index from before the version
    // was kept has none, which reads as the first.
    let now = edit_build_info(&idx, |b| {
        b.as_object_mut().unwrap().remove("reading_version");
    })["reading_version"]
        .as_u64()
        .unwrap();
    assert!(
        now > 1,
        "the reading rules have changed since the first version"
    );

    // Its sections still answer, with a warning that names what to run.
    let o = run(&[
        "search",
        "--index",
        shown,
        "法律顾问",
        "--json",
        "--limit",
        "1",
    ]);
    let hit: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let location = format!("{}:{}", hit["path"].as_str().unwrap(), hit["line"]);
    for args in [
        vec!["search", "--index", shown, "法律顾问"],
        vec!["show", "--index", shown, &location],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains(&format!("reading version 1, now {now}"))
                && err.contains(&format!("govsearch index --index {shown}")),
            "{args:?}: {err}"
        );
    }

    // The next run reads every file again, though none changed, and says why.
    let o = index(&data_dir(), &idx, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("reading every file again"), "{err}");
    assert!(
        err.contains(" 0 unchanged") && err.contains("rebuilt"),
        "{err}"
    );
    let o = run(&["search", "--index", shown, "法律顾问"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
    let o = run(&["stats", "--index", shown, "--json"]);
    let stats: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(stats["build"]["reading_version"], serde_json::json!(now));

    // Then files are unchanged again.
    let o = index(&data_dir(), &idx, &[]);
    assert!(
        stderr(&o).contains("(0 added, 0 updated, 0 removed, 5 unchanged"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn truncated_index_files_give_a_clear_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("idx");
    assert!(index(&data_dir(), &idx, &[]).status.success());
    for e in std::fs::read_dir(&idx).unwrap() {
        let p = e.unwrap().path();
        let ext = p
            .extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_default();
        if ["idx", "term", "pos", "store", "fast"].contains(&ext.as_str()) {
            let len = std::fs::metadata(&p).unwrap().len();
            let f = std::fs::OpenOptions::new().write(true).open(&p).unwrap();
            f.set_len(len / 2).unwrap();
        }
    }
    let o = run(&["search", "--index", idx.to_str().unwrap(), "法律顾问"]);
    assert_clean_error(&o, "--rebuild");
}

#[test]
fn a_full_disk_gives_a_clear_error_and_keeps_the_previous_index() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    let idx = dir.path().join("idx");
    big_corpus(&corpus, 1);
    assert!(index(&corpus, &idx, &[]).status.success());
    big_corpus(&corpus, 300);
    // A file-size limit stands in for a full disk: writes past 2 MB fail (EFBIG), as they
    // would with ENOSPC; SIGXFSZ is ignored so the write returns the error.
    let o = index_on_a_full_disk(&corpus, &idx);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("keeps its last committed state"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    // One error naming the cause, not a warning for every file after the failed write.
    assert!(err.contains("os error"), "{err}");
    assert!(err.lines().count() < 10, "{err}");
    assert_eq!(count(&idx, "科研诚信"), (0, 2), "previous index intact");
    let o = index(&corpus, &idx, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(count(&idx, "科研诚信"), (0, 600));
}
