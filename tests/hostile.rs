//! Hostile files, damaged indexes and odd file systems: each costs a warning, never the run, the
//! index or another file's sections. Fixtures are built here, none is committed.

use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::*;

/// A corpus of data/'s five reports in `dir/c`, with an index path `dir/idx`.
fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    copy_data(&corpus);
    let idx = dir.path().join("idx");
    (dir, corpus, idx)
}

/// `copies` copies of every sample report in `corpus`, each made distinct by a last line.
fn copies_of_data(corpus: &Path, copies: usize) {
    for k in 0..copies {
        for e in std::fs::read_dir(data_dir()).unwrap() {
            let p = e.unwrap().path();
            let text = std::fs::read_to_string(&p).unwrap();
            let name = format!("{k:04}_{}", p.file_name().unwrap().to_string_lossy());
            std::fs::write(corpus.join(name), format!("{text}\n第{k}号附件。\n")).unwrap();
        }
    }
}

fn count(idx: &Path, q: &str) -> usize {
    let o = run(&["search", "--index", idx.to_str().unwrap(), "--count", q]);
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
    stdout(&o).trim().parse().unwrap()
}

fn ok_index(corpus: &Path, idx: &Path, extra: &[&str]) -> String {
    let o = index(corpus, idx, extra);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

/// The warnings of a run that name `file`.
fn warnings_about<'a>(err: &'a str, file: &str) -> Vec<&'a str> {
    err.lines()
        .filter(|l| l.contains("warning") && l.contains(file))
        .collect()
}

#[test]
fn fifty_thousand_nested_divs_cost_nothing_but_their_own_time() {
    let (_d, corpus, idx) = setup();
    let mut html = String::from("<html><body>");
    html.push_str(&"<div>".repeat(50_000));
    html.push_str("深层嵌套的量子通信段落");
    html.push_str(&"</div>".repeat(50_000));
    html.push_str("</body></html>");
    std::fs::write(corpus.join("deep.html"), html).unwrap();
    let err = ok_index(&corpus, &idx, &[]);
    let w = warnings_about(&err, "deep.html");
    assert_eq!(w.len(), 1, "{err}");
    assert!(w[0].contains("nested 5000"), "{err}");
    assert_eq!(count(&idx, "科研诚信"), 2, "the other reports are indexed");
    assert_eq!(
        count(&idx, "量子通信"),
        1,
        "the deep page's text is indexed too"
    );
    let o = run(&["inspect", corpus.join("deep.html").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn a_reader_panic_costs_one_warning_naming_the_file() {
    if !cfg!(debug_assertions) {
        // The binary's panic hook (GOVSEARCH_TEST_PANIC_ON) exists in debug builds only.
        eprintln!("skipped: a release build has no reader panic hook");
        return;
    }
    let (_d, corpus, idx) = setup();
    let o = Command::new(env!("CARGO_BIN_EXE_govsearch"))
        .args(["index", corpus.to_str().unwrap(), "--index"])
        .arg(&idx)
        .env("GOVSEARCH_TEST_PANIC_ON", "001_")
        .output()
        .unwrap();
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let w = warnings_about(&err, "001_37099fbd818ace80.txt");
    assert_eq!(w.len(), 1, "{err}");
    assert!(w[0].contains("reader panic requested"), "{err}");
    assert!(err.contains("4 added"), "{err}");
    let o = Command::new(env!("CARGO_BIN_EXE_govsearch"))
        .args([
            "inspect",
            corpus.join("001_37099fbd818ace80.txt").to_str().unwrap(),
        ])
        .env("GOVSEARCH_TEST_PANIC_ON", "001_")
        .output()
        .unwrap();
    assert_clean_error(&o, "reader panic requested");
}

#[test]
fn huge_limits_are_cut_to_what_the_index_holds() {
    let idx = data_index_path();
    for limit in ["1000000000", "18446744073709551615"] {
        let (code, hits) = search_json(&idx, &["--limit", limit, "科研诚信"]);
        assert_eq!((code, hits.len()), (0, 2), "--limit {limit}");
    }
}

#[test]
fn too_many_jobs_are_capped_with_a_warning() {
    let (_d, corpus, idx) = setup();
    let err = ok_index(&corpus, &idx, &["-j", "1000"]);
    assert!(err.contains("--jobs 1000 is more than 8"), "{err}");
    assert_eq!(count(&idx, "科研诚信"), 2);
}

/// Overwrites 4 KiB in the middle of every index file with this extension.
fn scribble(idx: &Path, ext: &str) -> usize {
    let mut n = 0;
    for e in std::fs::read_dir(idx).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|e| e == ext) {
            let len = std::fs::metadata(&p).unwrap().len();
            let mut f = std::fs::OpenOptions::new().write(true).open(&p).unwrap();
            use std::io::{Seek, SeekFrom};
            let at = (len / 2).saturating_sub(2048);
            f.seek(SeekFrom::Start(at)).unwrap();
            f.write_all(&vec![0xA5; 4096.min(len as usize)]).unwrap();
            n += 1;
        }
    }
    n
}

#[test]
fn scribbled_segment_files_are_reported_damaged_and_index_repairs_them() {
    for ext in ["idx", "term", "grams"] {
        let (_d, corpus, idx) = setup();
        // Enough text that the files are larger than the 4 KiB scribbled over.
        copies_of_data(&corpus, 6);
        ok_index(&corpus, &idx, &[]);
        let expected = count(&idx, "法律顾问");
        assert!(scribble(&idx, ext) > 0);
        for q in ["法律顾问", "科研诚信 -规范性文件", "制度"] {
            let o = run(&["search", "--index", idx.to_str().unwrap(), q]);
            let err = stderr(&o);
            assert!(!err.contains("panicked"), ".{ext} {q}: {err}");
            if o.status.code() == Some(2) {
                assert!(err.contains("--rebuild"), ".{ext}: {err}");
            }
        }
        let err = ok_index(&corpus, &idx, &[]);
        assert!(err.contains("damaged"), ".{ext}: {err}");
        assert!(err.contains("rebuilt"), ".{ext}: {err}");
        assert_eq!(count(&idx, "法律顾问"), expected, ".{ext}");
    }
}

/// A .docx whose word/document.xml unpacks to `mb` MB of repeated text.
fn zip_bomb(mb: usize) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(b"<w:document><w:body><w:p><w:r><w:t>")
        .unwrap();
    let chunk = "法律".repeat(1 << 18);
    for _ in 0..(mb << 20) / chunk.len() {
        zip.write_all(chunk.as_bytes()).unwrap();
    }
    zip.write_all(b"</w:t></w:r></w:p></w:body></w:document>")
        .unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_docx_zip_bomb_is_refused_with_one_warning() {
    let (_d, corpus, idx) = setup();
    let bomb = zip_bomb(200);
    assert!(bomb.len() < 2 << 20, "the fixture is small: {}", bomb.len());
    std::fs::write(corpus.join("bomb.docx"), &bomb).unwrap();
    let err = ok_index(&corpus, &idx, &[]);
    let w = warnings_about(&err, "bomb.docx");
    assert_eq!(w.len(), 1, "{err}");
    assert!(w[0].contains("unpacks to"), "{err}");
    assert_eq!(count(&idx, "科研诚信"), 2);
    let o = run(&["inspect", corpus.join("bomb.docx").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unpacks to"), "{}", stderr(&o));
}

#[test]
fn oversized_files_are_skipped_and_long_lines_are_cut_into_sections() {
    let (_d, corpus, idx) = setup();
    // Sparse: 40 MB on paper, nothing on disk; refused unread.
    let f = std::fs::File::create(corpus.join("huge.txt")).unwrap();
    f.set_len(40 << 20).unwrap();
    // PDFs are mostly fonts and images: 40 MB is read (and found damaged), 120 MB is not.
    let f = std::fs::File::create(corpus.join("large.pdf")).unwrap();
    f.set_len(40 << 20).unwrap();
    let f = std::fs::File::create(corpus.join("huge.pdf")).unwrap();
    f.set_len(120 << 20).unwrap();
    // One 3 MB line, ending in a phrase found nowhere else.
    let mut line = "政府信息公开工作稳步推进。".repeat(3 << 20 >> 5);
    line.push_str("末尾的量子通信试点");
    std::fs::write(corpus.join("oneline.txt"), &line).unwrap();
    let err = ok_index(&corpus, &idx, &[]);
    let w = warnings_about(&err, "huge.txt");
    assert_eq!(w.len(), 1, "{err}");
    assert!(w[0].contains("too large"), "{err}");
    let w = warnings_about(&err, "large.pdf");
    assert!(w.len() == 1 && w[0].contains("damaged PDF"), "{err}");
    let w = warnings_about(&err, "huge.pdf");
    assert!(w.len() == 1 && w[0].contains("too large"), "{err}");
    assert!(warnings_about(&err, "oneline.txt")[0].contains("cut into parts"));
    assert_eq!(count(&idx, "量子通信试点"), 1);
    assert!(
        count(&idx, "政府信息公开") >= 3,
        "the long line is several sections"
    );
}

#[test]
fn one_bad_byte_or_a_cut_last_character_keeps_utf8() {
    let (_d, corpus, idx) = setup();
    let text = std::fs::read_to_string(data_dir().join("002_3b35ca370aa899d8.txt")).unwrap();
    let mut stray = text.clone().into_bytes();
    let at = text.find('\n').unwrap();
    stray.insert(at, 0xff);
    std::fs::write(corpus.join("stray.txt"), &stray).unwrap();
    let mut cut = text.into_bytes();
    cut.extend_from_slice("量子通信".as_bytes());
    cut.truncate(cut.len() - 1);
    std::fs::write(corpus.join("cut.txt"), &cut).unwrap();
    let err = ok_index(&corpus, &idx, &[]);
    for f in ["stray.txt", "cut.txt"] {
        let w = warnings_about(&err, f);
        assert_eq!(w.len(), 1, "{err}");
        assert!(w[0].contains("invalid UTF-8"), "{err}");
    }
    let (_, hits) = search_json(idx.to_str().unwrap(), &["--all", "科研诚信"]);
    let in_file = |f: &str| hits.iter().filter(|h| h.path.ends_with(f)).count();
    assert_eq!(in_file("stray.txt"), in_file("002_3b35ca370aa899d8.txt"));
    assert_eq!(in_file("cut.txt"), in_file("002_3b35ca370aa899d8.txt"));
    assert_eq!(count(&idx, "量子通"), 1);
    let o = run(&[
        "inspect",
        "--json",
        corpus.join("stray.txt").to_str().unwrap(),
    ]);
    assert!(stdout(&o).contains("\"UTF-8\""), "{}", stdout(&o));
}

#[test]
fn names_that_are_not_utf8_are_kept_apart_and_shown_escaped() {
    let (d, corpus, idx) = setup();
    let name = |b: u8| {
        corpus.join(std::ffi::OsStr::from_bytes(&[
            b'x', b, b'.', b't', b'x', b't',
        ]))
    };
    std::fs::write(name(0xff), "第一份报告\n甲乙丙丁量子通信。\n").unwrap();
    std::fs::write(name(0xfe), "第二份报告\n戊己庚辛量子通信。\n").unwrap();
    ok_index(&corpus, &idx, &[]);
    let (_, hits) = search_json(idx.to_str().unwrap(), &["量子通信"]);
    let mut paths: Vec<String> = hits.iter().map(|h| h.path.clone()).collect();
    paths.sort();
    let c = corpus.to_str().unwrap();
    assert_eq!(
        paths,
        [format!("{c}/x\\xfe.txt"), format!("{c}/x\\xff.txt")]
    );
    let o = run(&["search", "--index", idx.to_str().unwrap(), "甲乙丙丁"]);
    assert!(stdout(&o).contains("x\\xff.txt:"), "{}", stdout(&o));
    // Still two files after a second run, nothing re-read.
    let err = ok_index(&corpus, &idx, &[]);
    assert!(err.contains("7 unchanged"), "{err}");
    drop(d);
}

#[test]
fn a_lost_or_damaged_manifest_is_rebuilt_from_the_index() {
    for damage in ["delete", "garbage", "empty object"] {
        let (_d, corpus, idx) = setup();
        ok_index(&corpus, &idx, &[]);
        let manifest = idx.join("govsearch-manifest.json");
        match damage {
            "delete" => std::fs::remove_file(&manifest).unwrap(),
            "garbage" => std::fs::write(&manifest, "{\"files\": [1, 2").unwrap(),
            _ => std::fs::write(&manifest, "{\"files\":{}}").unwrap(),
        }
        std::fs::remove_file(corpus.join("000_3c0aa72eacdcc2b2.txt")).unwrap();
        let err = ok_index(&corpus, &idx, &[]);
        assert!(err.contains("1 removed"), "{damage}: {err}");
        let clean = tempfile::tempdir().unwrap();
        ok_index(&corpus, &clean.path().join("idx"), &[]);
        for q in ["法律顾问", "科研诚信", "的"] {
            assert_eq!(
                count(&idx, q),
                count(&clean.path().join("idx"), q),
                "{damage}: {q}"
            );
        }
    }
}

#[test]
fn incremental_runs_rank_like_a_clean_rebuild() {
    let (_d, corpus, idx) = setup();
    ok_index(&corpus, &idx, &[]);
    let same_as_a_rebuild = |step: &str| {
        let clean = tempfile::tempdir().unwrap();
        let clean_idx = clean.path().join("idx");
        ok_index(&corpus, &clean_idx, &[]);
        for q in ["法律顾问", "制度", "政府"] {
            let (_, a) = search_json(idx.to_str().unwrap(), &["--all", q]);
            let (_, b) = search_json(clean_idx.to_str().unwrap(), &["--all", q]);
            let order = |hits: &[JsonHit]| {
                hits.iter()
                    .map(|h| (h.path.clone(), h.line_start))
                    .collect::<Vec<_>>()
            };
            assert_eq!(order(&a), order(&b), "{step}, {q}: same hits, same order");
            // Exact token totals (govsearch-token-totals.json) make the scores equal, not just
            // close: tantivy alone estimates a merged segment's total from quantised norms.
            for (x, y) in a.iter().zip(&b) {
                assert!(
                    (x.score - y.score).abs() < 1e-4,
                    "{step}, {q} {}:{}: {} vs {}",
                    x.path,
                    x.line_start,
                    x.score,
                    y.score
                );
            }
        }
    };
    // A run that only deletes: the segment with the deletions is rewritten on its own.
    std::fs::remove_file(corpus.join("000_3c0aa72eacdcc2b2.txt")).unwrap();
    ok_index(&corpus, &idx, &[]);
    same_as_a_rebuild("after a deletion");
    // A run that changes a file: its old sections are deleted and a new segment is merged with
    // the rewritten one.
    let changed = std::fs::read_dir(&corpus)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .unwrap();
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("\n六、其他事项\n法律顾问制度全面推行，政府法律顾问参与重大决策。\n");
    std::fs::write(&changed, text).unwrap();
    ok_index(&corpus, &idx, &[]);
    same_as_a_rebuild("after a change");
    // Once more, so a merge takes a segment whose totals were recounted.
    std::fs::remove_file(&changed).unwrap();
    ok_index(&corpus, &idx, &[]);
    same_as_a_rebuild("after a second deletion");
}

#[test]
fn symlinks_out_of_the_corpus_are_not_followed_unless_asked() {
    let (d, corpus, idx) = setup();
    let outside = d.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("secret.txt"), "外部秘密文件\n量子通信密钥。\n").unwrap();
    std::os::unix::fs::symlink(&outside, corpus.join("linked-folder")).unwrap();
    std::os::unix::fs::symlink(outside.join("secret.txt"), corpus.join("linked.txt")).unwrap();
    // A link to a folder inside the corpus, and the corpus given twice: each file once.
    std::fs::create_dir(corpus.join("sub")).unwrap();
    std::fs::write(corpus.join("sub/inner.txt"), "内部文件\n甲乙丙丁。\n").unwrap();
    std::os::unix::fs::symlink(corpus.join("sub"), corpus.join("sub-again")).unwrap();
    let again = format!("{}/./", corpus.display());
    let err = ok_index(&corpus, &idx, &[&again]);
    assert_eq!(count(&idx, "量子通信密钥"), 0, "{err}");
    assert_eq!(count(&idx, "甲乙丙丁"), 1, "{err}");
    assert_eq!(count(&idx, "科研诚信"), 2, "{err}");
    assert_eq!(warnings_about(&err, "linked-folder").len(), 1, "{err}");
    assert_eq!(warnings_about(&err, "linked.txt").len(), 1, "{err}");
    assert!(err.contains("-L/--follow"), "{err}");

    let followed = d.path().join("idx-followed");
    ok_index(&corpus, &followed, &["-L"]);
    assert_eq!(
        count(&followed, "量子通信密钥"),
        1,
        "one file, reached twice"
    );
    assert_eq!(count(&followed, "甲乙丙丁"), 1);
}

#[test]
fn pipes_are_skipped_with_a_warning_and_never_opened() {
    let (d, corpus, idx) = setup();
    let fifo = corpus.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    // Would hang forever if the pipe were opened for reading.
    let err = ok_index(&corpus, &idx, &[]);
    let w = warnings_about(&err, "pipe.txt");
    assert_eq!(w.len(), 1, "{err}");
    assert!(w[0].contains("FIFO"), "{err}");
    let o = run(&["inspect", fifo.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("FIFO"), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("no readable document"),
        "{}",
        stderr(&o)
    );
    drop(d);
}

#[test]
fn bidi_and_zero_width_characters_are_escaped_for_the_terminal_but_exact_in_json() {
    let (_d, corpus, idx) = setup();
    let title = "关于\u{202e}txt.exe\u{202c}的报告\u{200b}";
    std::fs::write(
        corpus.join("evil\u{2067}name.txt"),
        format!("{title}\n量子通信\u{2066}试点\u{2069}工作。\n"),
    )
    .unwrap();
    ok_index(&corpus, &idx, &[]);
    let o = run(&["search", "--index", idx.to_str().unwrap(), "量子通信"]);
    let out = stdout(&o);
    for c in [
        '\u{202e}', '\u{202c}', '\u{200b}', '\u{2066}', '\u{2067}', '\u{2069}',
    ] {
        assert!(!out.contains(c), "{c:?} reaches the terminal: {out}");
    }
    assert!(out.contains("\\u{202e}"), "{out}");
    assert!(out.contains("evil\\u{2067}name.txt"), "{out}");
    let (_, hits) = search_json(idx.to_str().unwrap(), &["量子通信"]);
    assert_eq!(hits[0].title, title);
    assert!(hits[0].path.ends_with("evil\u{2067}name.txt"));
}

#[test]
fn a_failed_run_leaves_no_orphan_files_and_rebuild_works_after_it() {
    let (_d, corpus, idx) = setup();
    ok_index(&corpus, &idx, &[]);
    copies_of_data(&corpus, 300);
    let before = index_files(&idx);
    // Writes past 2 MB fail, as on a full disk.
    let o = index_on_a_full_disk(&corpus, &idx);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        index_files(&idx),
        before,
        "only the last commit's files are left"
    );
    ok_index(&corpus, &idx, &["--rebuild"]);
    assert_eq!(count(&idx, "科研诚信"), 602);
}

/// The segment files of an index directory, sorted.
fn index_files(idx: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(idx)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.len() > 33 && n.as_bytes()[32] == b'.')
        .collect();
    v.sort();
    v
}

#[test]
fn searching_needs_no_write_access_and_files_are_readable_by_others() {
    use std::os::unix::fs::PermissionsExt;
    let (_d, corpus, idx) = setup();
    ok_index(&corpus, &idx, &[]);
    for e in std::fs::read_dir(&idx).unwrap() {
        let e = e.unwrap();
        let mode = e.metadata().unwrap().permissions().mode();
        assert_eq!(mode & 0o044, 0o044, "{:?} is {mode:o}", e.file_name());
    }
    // Where the reader's lock file cannot be made (as on a read-only mount, or in another
    // user's folder), searching still works. A folder in its place stands in for the refusal,
    // which file modes cannot give when the tests run as root.
    let lock = idx.join(".tantivy-meta.lock");
    let _ = std::fs::remove_file(&lock);
    std::fs::create_dir(&lock).unwrap();
    std::fs::write(lock.join("x"), "").unwrap();
    assert_eq!(count(&idx, "科研诚信"), 2);
    let o = run(&["search", "--index", idx.to_str().unwrap(), "科研诚信"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn all_prints_every_hit_in_rank_order() {
    let idx = data_index_path();
    let (_, all) = search_json(&idx, &["--all", "的"]);
    let (_, top) = search_json(&idx, &["-n", "1000000", "的"]);
    assert!(all.len() > 20);
    assert_eq!(all.len(), top.len());
    assert!(all.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(all.iter().enumerate().all(|(i, h)| h.rank == i + 1));
}

/// A report with a stray NUL byte, and one saved as UTF-16 without its byte order mark, are
/// read, not skipped as binary: the first with a warning that names it, and both with hits at
/// the line and column of the text in the file (the NUL counts as one character, as an editor
/// shows it).
#[test]
fn a_stray_nul_or_utf16_without_a_mark_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let head = "青溪县司法局2023年度法治政府建设工作报告\n一、主要工作\n";
    let line = "全面推行\0法律顾问制度，聘请律师三名。";
    std::fs::write(corpus.join("nul.txt"), format!("{head}{line}\n")).unwrap();
    let wide = format!("{head}推进合法性审查，规范性文件全部备案。\n");
    let bytes: Vec<u8> = wide.encode_utf16().flat_map(u16::to_le_bytes).collect();
    std::fs::write(corpus.join("wide.txt"), bytes).unwrap();
    let idx = dir.path().join("idx");
    let o = index(&corpus, &idx, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("nul.txt: 1 NUL byte replaced"), "{err}");
    assert!(!err.contains("wide.txt"), "{err}");
    assert!(err.contains("2 added"), "{err}");
    let shown = idx.to_str().unwrap();
    let (code, hits) = search_json(shown, &["法律顾问"]);
    assert_eq!((code, hits.len()), (0, 1));
    assert_eq!((hits[0].line, hits[0].column), (3, 6));
    let at: String = line.chars().skip(hits[0].column - 1).take(4).collect();
    assert_eq!(at, "法律顾问");
    let (code, hits) = search_json(shown, &["规范性文件"]);
    assert_eq!((code, hits.len()), (0, 1));
    assert_eq!((hits[0].line, hits[0].column), (3, 9));
}
