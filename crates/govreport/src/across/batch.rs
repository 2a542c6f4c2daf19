//! What only a batch of reports shows: prose copied between units (GR701) and units that
//! stand out from their peers (GR702, GR703). Every surface that checks many reports at once
//! (the command, Python's `check_many`, the C ABI) uses this one collector.
//!
//! What a unit contributes is small and made apart from the batch: [`Batch::prepare`] reads a
//! report into a [`Prepared`] (its prose signatures and three watched cells), which may be done
//! on any thread, and [`Batch::add_prepared`] appends it. The report itself is not kept: a unit
//! costs about 0.3 KB, whatever the size of its report.

use crate::across::copies::{CopyDetector, CopyPair, Signatures, copies_on, copy_finding};
use crate::across::indicators::{PeerFigures, PeerHit, Watched, peer_findings};
use crate::error::Error;
use crate::finding::Findings;
use crate::model::{Format, Report};
use crate::options::{Options, Resolved};

/// Collects the units of a batch one by one (each unit's own check is [`crate::check`]).
#[derive(Default)]
pub struct Batch {
    copies: CopyDetector,
    peers: PeerFigures,
    /// Every name, one after the other; `ends[i]` is where unit `i`'s name ends.
    names: String,
    ends: Vec<usize>,
    formats: Vec<Format>,
}

/// What a batch keeps of one report, made by [`Batch::prepare`] on any thread (it is `Send`)
/// and added with [`Batch::add_prepared`].
#[derive(Clone, Debug)]
pub struct Prepared {
    format: Format,
    prose: Signatures,
    watched: Option<Watched>,
}

impl Batch {
    /// An empty batch.
    pub fn new() -> Batch {
        Batch::default()
    }

    /// What the batch needs of `report`: pure, so that it can run in a parallel map while only
    /// [`Batch::add_prepared`] runs in order.
    pub fn prepare(report: &Report) -> Prepared {
        Prepared { format: report.format(), prose: Signatures::of(report), watched: Watched::of(report) }
    }

    /// Adds a unit under `name` (shown in other units' findings); returns its index.
    pub fn add(&mut self, name: impl Into<String>, report: &Report) -> usize {
        self.add_prepared(name.into(), Batch::prepare(report))
    }

    /// Adds a unit prepared by [`Batch::prepare`] under `name`; returns its index. Adding the
    /// prepared units in the same order gives the same findings as [`Batch::add`].
    pub fn add_prepared(&mut self, name: impl AsRef<str>, prepared: Prepared) -> usize {
        let i = self.ends.len();
        self.copies.add_signatures(i, prepared.prose);
        if let Some(w) = prepared.watched {
            self.peers.add_watched(i, w);
        }
        self.names.push_str(name.as_ref());
        self.ends.push(self.names.len());
        self.formats.push(prepared.format);
        i
    }

    /// The name a unit was added under.
    pub fn name(&self, unit: usize) -> Option<&str> {
        let end = *self.ends.get(unit)?;
        let start = if unit == 0 { 0 } else { self.ends[unit - 1] };
        self.names.get(start..end)
    }

    /// Number of units added.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether no unit was added.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The batch's findings, as (unit, findings) for every unit that has any, in unit order:
    /// GR701 on the later unit of each copied pair (similarity from `options.copy_threshold`,
    /// 0.8 by default), GR702 and GR703 on units that stand out from the peers of their format.
    pub fn findings(&self, options: &Options) -> Result<Vec<(usize, Findings)>, Error> {
        Ok(self.findings_iter(options)?.collect())
    }

    /// The same findings as [`Batch::findings`], made unit by unit as they are read: what is
    /// found is kept small (the copied pairs, the units that stand out) and written out only
    /// for the unit at hand, so that a caller printing them holds one unit's findings at a time.
    pub fn findings_iter(&self, options: &Options) -> Result<BatchFindings<'_>, Error> {
        Ok(self.findings_from(&options.resolve()?, false))
    }

    /// [`Batch::findings_iter`] with options already resolved; the copied pairs are sought on
    /// rayon's threads when `parallel` (those of the pool it is called in).
    pub(crate) fn findings_from(&self, resolved: &Resolved, parallel: bool) -> BatchFindings<'_> {
        let pairs = match (copies_on(resolved), parallel) {
            (false, _) => vec![],
            (true, false) => self.copies.pairs(resolved.copy_threshold),
            (true, true) => self.copies.pairs_in_parallel(resolved.copy_threshold),
        };
        BatchFindings { batch: self, pairs, next_pair: 0, hits: self.peers.hits(), next_hit: 0, resolved: resolved.clone() }
    }
}

/// The findings of a batch, unit by unit in unit order: see [`Batch::findings_iter`].
pub struct BatchFindings<'a> {
    batch: &'a Batch,
    /// Sorted by the later unit.
    pairs: Vec<CopyPair>,
    next_pair: usize,
    /// Sorted by unit.
    hits: Vec<PeerHit>,
    next_hit: usize,
    resolved: Resolved,
}

impl Iterator for BatchFindings<'_> {
    type Item = (usize, Findings);

    fn next(&mut self) -> Option<(usize, Findings)> {
        loop {
            let (pair, hit) = (self.pairs.get(self.next_pair).map(|p| p.second), self.hits.get(self.next_hit).map(|h| h.unit));
            let unit = match (pair, hit) {
                (Some(p), Some(h)) => p.min(h),
                (Some(u), None) | (None, Some(u)) => u,
                (None, None) => return None,
            };
            // Copied prose first (a unit with a pair is listed even when its finding is
            // filtered out), then how the unit stands among its peers.
            let mut found: Option<Findings> = None;
            while let Some(p) = self.pairs.get(self.next_pair).filter(|p| p.second == unit) {
                let f = copy_finding(p, self.batch.name(p.first), self.batch.formats.get(p.second).copied(), &self.resolved);
                found.get_or_insert_with(Findings::default).0.extend(f.0);
                self.next_pair += 1;
            }
            let start = self.next_hit;
            while self.hits.get(self.next_hit).is_some_and(|h| h.unit == unit) {
                self.next_hit += 1;
            }
            let peers = peer_findings(&self.hits[start..self.next_hit], &self.resolved);
            if !peers.is_empty() {
                found.get_or_insert_with(Findings::default).0.extend(peers.0);
            }
            if let Some(f) = found {
                return Some((unit, f));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::across::compare::COPY_THRESHOLD;

    use super::*;

    /// Twenty units: prose from a few templates (some copied whole, some with a word changed),
    /// and new requests around 20 with a zero, a "/" and an extreme one.
    fn units() -> Vec<(String, Report)> {
        let texts = [
            "本年度，我局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作扎实推进政务公开，主动公开、依申请公开和政策解读工作取得新成效。",
            "我委以优化营商环境为主线，重点公开行政许可、行政处罚等执法信息，开展政务开放日活动，邀请企业代表和群众参与监督评议，及时回应社会关切，政府信息公开质量和实效不断提升。",
            "存在的主要问题是公开内容不够全面，部分栏目更新不及时，政策解读形式较为单一。下一步将加强培训，完善制度，拓宽公开渠道，推动政府信息公开工作再上新台阶。",
        ];
        (0..20)
            .map(|i| {
                let mut r = Report::new(Format::F2021, 2023, crate::Agency::new(format!("第{i}局"), crate::AgencyKind::Department));
                let overview = if i % 5 == 3 { texts[0].replace("我局", "本局") } else { texts[i % 2].to_string() + &"公开".repeat(i) };
                r.set("/sections/overview", json!(overview)).unwrap();
                r.set("/sections/problems", json!(texts[2])).unwrap();
                let new = match i {
                    4 => json!(0),
                    9 => json!("/"),
                    13 => json!(5000),
                    _ => json!(18 + i % 7),
                };
                r.set("/requests/new/total", new).unwrap();
                (format!("unit {i}"), r)
            })
            .collect()
    }

    #[test]
    fn prepared_on_other_threads_the_findings_are_the_same() {
        let units = units();
        let mut simple = Batch::new();
        for (name, r) in &units {
            simple.add(name.clone(), r);
        }
        let expected = simple.findings(&Options::default()).unwrap();
        let codes: Vec<&str> = expected.iter().flat_map(|(_, f)| f.iter().map(|x| x.code.as_str())).collect();
        for code in ["GR701", "GR702", "GR703"] {
            assert!(codes.contains(&code), "{code} in {codes:?}");
        }
        // As the two collectors give them, merged unit by unit: copies first, then peers.
        let names: Vec<String> = units.iter().map(|(n, _)| n.clone()).collect();
        let mut merged = crate::across::copy_findings(&simple.copies.pairs(COPY_THRESHOLD), &names, &simple.formats, &Options::default()).unwrap();
        for (unit, f) in simple.peers.findings(&Options::default()).unwrap() {
            match merged.iter_mut().find(|(u, _)| *u == unit) {
                Some((_, g)) => g.0.extend(f.0),
                None => merged.push((unit, f)),
            }
        }
        merged.sort_by_key(|(u, _)| *u);
        assert_eq!(merged, expected);
        for threads in [1, 2, 3] {
            // Prepared in chunks on `threads` threads, appended in order on this one.
            let chunks: Vec<&[(String, Report)]> = units.chunks(units.len().div_ceil(threads)).collect();
            let prepared: Vec<Vec<Prepared>> = std::thread::scope(|s| {
                let handles: Vec<_> = chunks.iter().map(|c| s.spawn(move || c.iter().map(|(_, r)| Batch::prepare(r)).collect::<Vec<_>>())).collect();
                handles.into_iter().map(|h| h.join().unwrap()).collect()
            });
            let mut batch = Batch::new();
            for ((name, _), p) in units.iter().zip(prepared.into_iter().flatten()) {
                batch.add_prepared(name, p);
            }
            assert_eq!(batch.findings(&Options::default()).unwrap(), expected, "{threads} threads");
            assert_eq!((batch.len(), batch.name(0), batch.name(19), batch.name(20)), (20, Some("unit 0"), Some("unit 19"), None));
        }
    }
}
