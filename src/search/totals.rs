//! Totals: how many sections match, and in how many reports, counted in one pass.
//!
//! It knows the section document only through [`SectionSchema`]'s keys.

use crate::document::SectionSchema;

/// Counts matching sections and the distinct reports they belong to, in one pass.
pub(super) struct ReportCounter {
    pub(super) sections: SectionSchema,
}

pub(super) struct SegmentReportCounter {
    keys: std::sync::Arc<dyn tantivy::columnar::ColumnValues<u64>>,
    sections: SectionSchema,
    count: usize,
    reports: Vec<u64>,
}

impl tantivy::collector::Collector for ReportCounter {
    type Fruit = (usize, usize);
    type Child = SegmentReportCounter;

    fn for_segment(
        &self,
        _segment: tantivy::SegmentOrdinal,
        reader: &tantivy::SegmentReader,
    ) -> tantivy::Result<SegmentReportCounter> {
        Ok(SegmentReportCounter {
            keys: self.sections.sort_keys(reader)?,
            sections: self.sections.clone(),
            count: 0,
            reports: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<(usize, Vec<u64>)>) -> tantivy::Result<(usize, usize)> {
        let sections = fruits.iter().map(|f| f.0).sum();
        let mut reports: Vec<u64> = fruits.into_iter().flat_map(|f| f.1).collect();
        reports.sort_unstable();
        reports.dedup();
        Ok((sections, reports.len()))
    }
}

impl tantivy::collector::SegmentCollector for SegmentReportCounter {
    type Fruit = (usize, Vec<u64>);

    fn collect(&mut self, doc: tantivy::DocId, _score: tantivy::Score) {
        self.count += 1;
        let report = self.sections.report_of_key(self.keys.get_val(doc));
        // Sections of a report are mostly adjacent: skip the repeats cheaply.
        if self.reports.last() != Some(&report) {
            self.reports.push(report);
        }
    }

    fn harvest(self) -> (usize, Vec<u64>) {
        (self.count, self.reports)
    }
}
