//! What only a batch of reports shows: prose copied between units (GR701) and units that
//! stand out from their peers (GR702, GR703). Every surface that checks many reports at once
//! (the command, Python's `check_many`, the C ABI) uses this one collector.

use crate::across::compare::COPY_THRESHOLD;
use crate::across::copies::{CopyDetector, copy_findings};
use crate::across::indicators::PeerFigures;
use crate::error::Error;
use crate::finding::Findings;
use crate::model::{Format, Report};
use crate::options::Options;

/// Collects the units of a batch one by one (each unit's own check is [`crate::check`]).
#[derive(Default)]
pub struct Batch {
    copies: CopyDetector,
    peers: PeerFigures,
    names: Vec<String>,
    formats: Vec<Format>,
}

impl Batch {
    /// An empty batch.
    pub fn new() -> Batch {
        Batch::default()
    }

    /// Adds a unit under `name` (shown in other units' findings); returns its index.
    pub fn add(&mut self, name: impl Into<String>, report: &Report) -> usize {
        let i = self.names.len();
        self.copies.add(i, report);
        self.peers.add(i, report);
        self.names.push(name.into());
        self.formats.push(report.format());
        i
    }

    /// The name a unit was added under.
    pub fn name(&self, unit: usize) -> Option<&str> {
        self.names.get(unit).map(String::as_str)
    }

    /// Number of units added.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether no unit was added.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The batch's findings, as (unit, findings) for every unit that has any, in unit order:
    /// GR701 on the later unit of each copied pair (similarity from `options.copy_threshold`,
    /// 0.8 by default), GR702 and GR703 on units that stand out from the peers of their format.
    pub fn findings(&self, options: &Options) -> Result<Vec<(usize, Findings)>, Error> {
        let threshold = options.copy_threshold.unwrap_or(COPY_THRESHOLD);
        let mut found = copy_findings(&self.copies.pairs(threshold), &self.names, &self.formats, options)?;
        for (unit, f) in self.peers.findings(options)? {
            match found.iter_mut().find(|(u, _)| *u == unit) {
                Some((_, g)) => g.0.extend(f.0),
                None => found.push((unit, f)),
            }
        }
        found.sort_by_key(|(u, _)| *u);
        Ok(found)
    }
}
