//! Counts: `--count` and `--count-by`, as text (a bar chart per year or issuing body) or JSON.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::{json_line, passages_note, plural, sanitize, style, Color};
use crate::json::{OrgCount, Totals, YearCount};
use crate::search::Bucket;

/// Widest bar of a chart, in terminal columns.
const BAR_COLUMNS: usize = 40;

/// Eighths of a block, for the end of a bar.
const PARTIAL_BLOCKS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/// `--count`: the number of matching sections, or with `json` every total as one object.
pub fn count(out: &mut impl Write, totals: &Totals, json: bool) -> io::Result<()> {
    if json {
        json_line(out, totals)
    } else {
        writeln!(out, "{}", totals.sections)
    }
}

/// `--count-by`: one row (or JSON line) per bucket, in the order buckets are documented in:
/// years ascending, issuing bodies with most reports first; the bucket without a year or body
/// last. Text ends with the totals of every match.
pub fn count_by(
    out: &mut impl Write,
    buckets: &[(Bucket, Totals)],
    all: &Totals,
    json: bool,
    color: Color,
) -> io::Result<()> {
    let mut rows: Vec<&(Bucket, Totals)> =
        buckets.iter().filter(|(b, _)| *b != Bucket::All).collect();
    rows.sort_by(|(a, ta), (b, tb)| match (a, b) {
        (Bucket::Year(a), Bucket::Year(b)) => (a.is_none(), a).cmp(&(b.is_none(), b)),
        (Bucket::Org(a), Bucket::Org(b)) => (a.is_none(), tb.reports, tb.sections, a).cmp(&(
            b.is_none(),
            ta.reports,
            ta.sections,
            b,
        )),
        _ => a.cmp(b),
    });
    if json {
        for (bucket, t) in rows {
            match bucket {
                Bucket::Year(year) => json_line(
                    out,
                    &YearCount {
                        year: *year,
                        reports: t.reports,
                        sections: t.sections,
                        passages: t.passages,
                    },
                )?,
                Bucket::Org(org) => json_line(
                    out,
                    &OrgCount {
                        org: org.clone(),
                        reports: t.reports,
                        sections: t.sections,
                        passages: t.passages,
                    },
                )?,
                Bucket::All => {}
            }
        }
        return Ok(());
    }
    if rows.is_empty() {
        return Ok(());
    }
    let label = |b: &Bucket| match b {
        Bucket::Year(Some(y)) => y.to_string(),
        Bucket::Year(None) => "(no year)".to_string(),
        Bucket::Org(Some(o)) => sanitize(o),
        Bucket::Org(None) => "(no issuing body)".to_string(),
        Bucket::All => String::new(),
    };
    let labels: Vec<String> = rows.iter().map(|(b, _)| label(b)).collect();
    let heading = match rows[0].0 {
        Bucket::Org(_) => "issuing body",
        _ => "year",
    };
    let width = labels
        .iter()
        .map(|l| l.width())
        .chain([heading.width()])
        .max()
        .unwrap_or(0);
    let pad = |l: &str| format!("{l}{}", " ".repeat(width - l.width()));
    // Bars measure sections: how much is said, where reports per body are often one each.
    let most = rows.iter().map(|(_, t)| t.sections).max().unwrap_or(0);
    writeln!(out, "{}  reports  sections", pad(heading))?;
    for ((_, t), l) in rows.iter().zip(&labels) {
        writeln!(
            out,
            "{}  {:>7}  {:>8}  {}",
            pad(l),
            t.reports,
            t.sections,
            color.paint(style::BAR, &bar(t.sections, most))
        )?;
    }
    writeln!(
        out,
        "{}, {}{} in all",
        plural(all.reports, "report", "reports"),
        plural(all.sections, "section", "sections"),
        passages_note(all)
    )
}

/// A bar `n / most` of [`BAR_COLUMNS`] wide, in eighths of a column; never empty for n > 0.
fn bar(n: usize, most: usize) -> String {
    if n == 0 || most == 0 {
        return String::new();
    }
    let eighths = (n * BAR_COLUMNS * 8 / most).max(1);
    let mut bar = "█".repeat(eighths / 8);
    let rest = eighths % 8;
    if rest > 0 {
        bar.push(PARTIAL_BLOCKS[rest]);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_proportional_and_never_empty() {
        assert_eq!(bar(10, 10).chars().count(), BAR_COLUMNS);
        assert_eq!(bar(5, 10), "█".repeat(BAR_COLUMNS / 2));
        assert_eq!(bar(1, 1000), "▏");
        assert_eq!(bar(0, 10), "");
    }

    #[test]
    fn years_ascend_bodies_descend_and_the_unknown_bucket_comes_last() {
        let t = |reports| Totals {
            sections: reports * 2,
            passages: reports * 2,
            reports,
        };
        let years = [
            (Bucket::All, t(9)),
            (Bucket::Year(None), t(5)),
            (Bucket::Year(Some(2021)), t(1)),
            (Bucket::Year(Some(2019)), t(3)),
        ];
        let mut out = Vec::new();
        count_by(&mut out, &years, &t(9), false, Color::Off).unwrap();
        let text = String::from_utf8(out).unwrap();
        let rows: Vec<&str> = text.lines().map(|l| l.split(' ').next().unwrap()).collect();
        assert_eq!(rows, ["year", "2019", "2021", "(no", "9"], "{text}");
        let orgs = [
            (Bucket::Org(None), t(7)),
            (Bucket::Org(Some("乙市".into())), t(1)),
            (Bucket::Org(Some("甲市".into())), t(3)),
        ];
        let mut out = Vec::new();
        count_by(&mut out, &orgs, &t(11), true, Color::Off).unwrap();
        let orgs: Vec<OrgCount> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let names: Vec<Option<&str>> = orgs.iter().map(|o| o.org.as_deref()).collect();
        assert_eq!(names, [Some("甲市"), Some("乙市"), None]);
    }
}
