//! Hit printers: one human block or one JSON line per hit, one line per report (`-l`), and the
//! closing line of totals.

use std::io::{self, Write};

use super::{highlighted, json_line, passages_note, plural, sanitize, style, year_and_org, Color};
use crate::json::{Location, ReportHit, Totals};
use crate::search::Hit;

/// Something that prints hits and reports.
pub trait HitPrinter {
    /// Prints one hit.
    fn hit(&mut self, hit: &Hit) -> io::Result<()>;
    /// Prints one report (`-l`).
    fn report(&mut self, report: &ReportHit) -> io::Result<()>;
    /// After the hits or reports: what was shown of how many.
    fn summary(&mut self, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}

/// What the closing line of a search says.
#[derive(Debug, Clone, Copy, Default)]
pub struct Summary {
    /// Hits shown, or reports with `reports`.
    pub shown: usize,
    /// Every matching section, report and distinct passage.
    pub totals: Totals,
    /// Every hit (or report) was asked for (`--all`).
    pub all: bool,
    /// Each passage was shown once (duplicates collapsed).
    pub collapsed: bool,
    /// At most this many hits per report were shown.
    pub per_report: Option<usize>,
    /// Reports were listed (`-l`), not hits.
    pub reports: bool,
}

/// Most places listed in a hit's "also in" note; `--json` lists every one. The search names
/// only these for the terminal ([`crate::search::HitOptions::named_places`]).
pub const ALSO_IN_SHOWN: usize = 3;

/// Human-readable hits: title line, heading path, `path:line:column`, snippet (or the match
/// line with the lines around it), notes.
pub struct HumanPrinter<W: Write> {
    out: W,
    color: Color,
}

impl<W: Write> HumanPrinter<W> {
    /// A printer writing to `out`.
    pub fn new(out: W, color: Color) -> Self {
        HumanPrinter { out, color }
    }

    fn paint(&self, style: anstyle::Style, text: &str) -> String {
        self.color.paint(style, text)
    }

    /// Source lines numbered as rg numbers them: `N:` the match line, `N-` the lines around it.
    fn context(&mut self, hit: &Hit, before: &[String], after: &[String]) -> io::Result<()> {
        let first = hit.line - before.len();
        let width = (hit.line + after.len()).to_string().len();
        let numbered =
            |n: usize, mark: char| self.paint(style::LINE_NUMBER, &format!("{n:>width$}{mark}"));
        let mut lines: Vec<String> = Vec::new();
        for (k, text) in before.iter().enumerate() {
            lines.push(format!("{}{}", numbered(first + k, '-'), sanitize(text)));
        }
        lines.push(format!(
            "{}{}",
            numbered(hit.line, ':'),
            highlighted(&hit.snippet, &hit.highlights, self.color)
        ));
        for (k, text) in after.iter().enumerate() {
            lines.push(format!(
                "{}{}",
                numbered(hit.line + 1 + k, '-'),
                sanitize(text)
            ));
        }
        for line in lines {
            writeln!(self.out, "   {line}")?;
        }
        Ok(())
    }
}

/// "also in 3 reports: a.txt:12, b.txt:40, c.txt:7": where else a hit's passage is.
fn also_in_note(hit: &Hit) -> String {
    // Counted by the search over every place, named or not.
    let total = hit.also_in_total;
    let mut note = String::from("also");
    if total.other_reports > 0 {
        note += &format!(" in {}", plural(total.other_reports, "report", "reports"));
    }
    if total.here > 0 {
        if total.other_reports > 0 {
            note += " and";
        }
        note += &format!(" {} in this report", plural(total.here, "time", "times"));
    }
    let shown: Vec<String> = hit
        .also_in
        .iter()
        .take(ALSO_IN_SHOWN)
        .map(|Location { path, line }| format!("{}:{line}", sanitize(path)))
        .collect();
    let more = if total.places > ALSO_IN_SHOWN {
        ", …"
    } else {
        ""
    };
    format!("{note}: {}{more}", shown.join(", "))
}

impl<W: Write> HitPrinter for HumanPrinter<W> {
    fn hit(&mut self, hit: &Hit) -> io::Result<()> {
        let head = format!("{}. {}", hit.rank, sanitize(&hit.title));
        writeln!(
            self.out,
            "{}{}",
            self.paint(style::TITLE, &head),
            year_and_org(hit.year, hit.org.as_deref())
        )?;
        if !hit.section.is_empty() {
            let path: Vec<String> = hit.section.iter().map(|s| sanitize(s)).collect();
            writeln!(
                self.out,
                "   {}",
                self.paint(style::HEADING, &path.join(" › "))
            )?;
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
        writeln!(self.out, "   {}", self.paint(style::LOCATION, &loc))?;
        match (&hit.context_before, &hit.context_after) {
            (None, None) => writeln!(
                self.out,
                "   {}",
                highlighted(&hit.snippet, &hit.highlights, self.color)
            )?,
            (before, after) => self.context(
                hit,
                before.as_deref().unwrap_or_default(),
                after.as_deref().unwrap_or_default(),
            )?,
        }
        if let Some(more) = hit.more_in_report.filter(|&n| n > 0) {
            let note = format!("+ {more} more in this report");
            writeln!(self.out, "   {}", self.paint(style::NOTE, &note))?;
        }
        if !hit.also_in.is_empty() {
            writeln!(
                self.out,
                "   {}",
                self.paint(style::NOTE, &also_in_note(hit))
            )?;
        }
        writeln!(self.out)
    }

    fn report(&mut self, r: &ReportHit) -> io::Result<()> {
        writeln!(
            self.out,
            "{}  {}  {}{}",
            self.paint(style::LOCATION, &sanitize(&r.path)),
            plural(r.sections, "section", "sections"),
            self.paint(style::TITLE, &sanitize(&r.title)),
            year_and_org(r.year, r.org.as_deref()),
        )
    }

    fn summary(&mut self, s: &Summary) -> io::Result<()> {
        let t = &s.totals;
        if s.shown == 0 {
            return Ok(());
        }
        let sections = format!(
            "{}{}",
            plural(t.sections, "section", "sections"),
            passages_note(t)
        );
        let reports = plural(t.reports, "report", "reports");
        if s.reports {
            return if s.shown < t.reports {
                writeln!(
                    self.out,
                    "{} of {reports} (--all for every report), {sections}",
                    s.shown
                )
            } else {
                writeln!(self.out, "{reports}, {sections}")
            };
        }
        let showable = if s.collapsed { t.passages } else { t.sections };
        if s.shown >= showable {
            return writeln!(self.out, "{sections}, in {reports}");
        }
        let mut why = Vec::new();
        if let Some(n) = s.per_report {
            why.push(format!("at most {n} per report"));
        }
        if s.collapsed && t.passages < t.sections {
            why.push("each passage once".to_string());
        }
        if !s.all {
            why.push("--all for every section".to_string());
        }
        writeln!(
            self.out,
            "{} of {sections}, in {reports} ({})",
            s.shown,
            why.join("; ")
        )
    }
}

/// One JSON object per hit or report, per line.
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
        json_line(&mut self.out, hit)
    }

    fn report(&mut self, report: &ReportHit) -> io::Result<()> {
        json_line(&mut self.out, report)
    }
}
