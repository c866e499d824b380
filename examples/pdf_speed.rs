//! Extraction speed of the PDF reader: MB of PDF per second, extraction and layout only.
//!
//! `cargo run --release --example pdf_speed -- FILE.pdf ...` (or folders). Prints each file's
//! pages, lines and time, then the total. Each file is read into memory before the clock starts.

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut files: Vec<PathBuf> = Vec::new();
    for arg in std::env::args().skip(1) {
        for e in walkdir::WalkDir::new(arg).sort_by_file_name() {
            let p = e.expect("readable").into_path();
            if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("pdf")) {
                files.push(p);
            }
        }
    }
    let (mut bytes, mut seconds, mut failed) = (0usize, 0.0f64, 0usize);
    for f in &files {
        let data = std::fs::read(f).expect("readable");
        let t = Instant::now();
        let result = govsearch::corpus::pdf_text(&data);
        let dt = t.elapsed().as_secs_f64();
        bytes += data.len();
        seconds += dt;
        match result {
            Ok(pdf) => println!(
                "{}: {} KB, {} pages, {} lines, {:.3} s",
                f.display(),
                data.len() / 1024,
                pdf.page_count,
                pdf.lines.len(),
                dt
            ),
            Err(e) => {
                failed += 1;
                println!("{}: {e}", f.display())
            }
        }
    }
    println!(
        "{} PDFs ({failed} unread), {:.2} MB in {:.2} s: {:.2} MB/s",
        files.len(),
        bytes as f64 / 1e6,
        seconds,
        bytes as f64 / 1e6 / seconds
    );
}
