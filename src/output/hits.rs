//! Hit printers: one human block or one JSON line per hit.

use std::io::{self, Write};

use super::{sanitize, Color};
use crate::search::Hit;

/// Something that prints hits.
pub trait HitPrinter {
    /// Prints one hit.
    fn hit(&mut self, hit: &Hit) -> io::Result<()>;
    /// After the hits: `shown` of `sections` matching sections, in `reports` reports, were
    /// printed (`all`: every one was asked for).
    fn totals(
        &mut self,
        _shown: usize,
        _sections: usize,
        _reports: usize,
        _all: bool,
    ) -> io::Result<()> {
        Ok(())
    }
}

/// Human-readable hits: title line, heading path, `path:line`, snippet.
pub struct HumanPrinter<W: Write> {
    out: W,
    color: Color,
}

impl<W: Write> HumanPrinter<W> {
    /// A printer writing to `out`.
    pub fn new(out: W, color: Color) -> Self {
        HumanPrinter { out, color }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        match self.color {
            Color::On => format!("\x1b[{code}m{text}\x1b[0m"),
            Color::Off => text.to_string(),
        }
    }
}

impl<W: Write> HumanPrinter<W> {
    /// The closing line: how many sections were shown of how many, in how many reports.
    fn write_totals(
        &mut self,
        shown: usize,
        total: usize,
        reports: usize,
        all: bool,
    ) -> io::Result<()> {
        let sections = plural(total, "section", "sections");
        let reports = plural(reports, "report", "reports");
        if shown == 0 {
            return Ok(());
        }
        if shown < total && !all {
            writeln!(
                self.out,
                "{shown} of {sections}, in {reports} (--all for every section)"
            )
        } else {
            writeln!(self.out, "{sections}, in {reports}")
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl<W: Write> HitPrinter for HumanPrinter<W> {
    fn totals(
        &mut self,
        shown: usize,
        sections: usize,
        reports: usize,
        all: bool,
    ) -> io::Result<()> {
        self.write_totals(shown, sections, reports, all)
    }

    fn hit(&mut self, hit: &Hit) -> io::Result<()> {
        let mut meta = Vec::new();
        if let Some(y) = hit.year {
            meta.push(y.to_string());
        }
        if let Some(o) = &hit.org {
            meta.push(sanitize(o));
        }
        let head = format!("{}. {}", hit.rank, sanitize(&hit.title));
        let head = self.paint("1", &head);
        if meta.is_empty() {
            writeln!(self.out, "{head}")?;
        } else {
            writeln!(self.out, "{head}  ({})", meta.join(" · "))?;
        }
        if !hit.section.is_empty() {
            let path: Vec<String> = hit.section.iter().map(|s| sanitize(s)).collect();
            writeln!(self.out, "   {}", self.paint("36", &path.join(" › ")))?;
        }
        let loc = match hit.page {
            // A PDF: the page, which a viewer can open, and the line:column of the rejoined
            // text.
            Some(page) => format!(
                "{}:page {page} (line {}:{})",
                sanitize(&hit.path),
                hit.line,
                hit.column
            ),
            None => format!("{}:{}:{}", sanitize(&hit.path), hit.line, hit.column),
        };
        writeln!(self.out, "   {}", self.paint("35", &loc))?;
        let chars: Vec<char> = hit.snippet.chars().collect();
        let mut snippet = String::new();
        let mut at = 0;
        for [a, b] in &hit.highlights {
            let (a, b) = ((*a).min(chars.len()), (*b).min(chars.len()));
            if a < at {
                continue;
            }
            snippet.push_str(&sanitize(&chars[at..a].iter().collect::<String>()));
            let matched = sanitize(&chars[a..b].iter().collect::<String>());
            snippet.push_str(&self.paint("1;31", &matched));
            at = b;
        }
        snippet.push_str(&sanitize(&chars[at..].iter().collect::<String>()));
        writeln!(self.out, "   {snippet}")?;
        writeln!(self.out)
    }
}

/// One JSON object per hit per line.
pub struct JsonPrinter<W: Write> {
    out: W,
}

impl<W: Write> JsonPrinter<W> {
    /// A printer writing to `out`.
    pub fn new(out: W) -> Self {
        JsonPrinter { out }
    }
}

impl<W: Write> HitPrinter for JsonPrinter<W> {
    fn hit(&mut self, hit: &Hit) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, hit)?;
        self.out.write_all(b"\n")
    }
}
