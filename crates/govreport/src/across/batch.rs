//! What only a batch of reports shows: prose copied between units (GR701) and units that
//! stand out from their peers (GR702, GR703). Every surface that checks many reports at once
//! (the command, Python's `check_many`, the C ABI) uses this one collector.
//!
//! What a unit contributes is small and made apart from the batch: [`Batch::prepare`] reads a
//! report into a [`Prepared`] (its prose signatures and three watched cells), which may be done
//! on any thread, and [`Batch::add_prepared`] appends it. The report itself is not kept: a unit
//! costs about 0.3 KB, whatever the size of its report.

use std::collections::HashMap;

use crate::across::compare::COPY_THRESHOLD;
use crate::across::copies::{CopyDetector, Signatures, copy_findings_by};
use crate::across::indicators::{PeerFigures, Watched};
use crate::error::Error;
use crate::finding::Findings;
use crate::model::{Format, Report};
use crate::options::Options;

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
        let threshold = options.copy_threshold.unwrap_or(COPY_THRESHOLD);
        let pairs = self.copies.pairs(threshold);
        let mut found = copy_findings_by(&pairs, |i| self.name(i), |i| self.formats.get(i).copied(), options)?;
        let mut at: HashMap<usize, usize> = found.iter().enumerate().map(|(k, (u, _))| (*u, k)).collect();
        for (unit, f) in self.peers.findings(options)? {
            match at.get(&unit) {
                Some(&k) => found[k].1.0.extend(f.0),
                None => {
                    at.insert(unit, found.len());
                    found.push((unit, f));
                }
            }
        }
        found.sort_by_key(|(u, _)| *u);
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

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
                let mut r = Report::new(
                    Format::F2021,
                    2023,
                    crate::Agency { name: format!("第{i}局"), kind: crate::AgencyKind::Department, level: None, region_code: None, credit_code: None },
                );
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
