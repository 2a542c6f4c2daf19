//! 内容雷同 within a batch: which units' prose is nearly the same as another unit's (GR701).
//!
//! Each report's parts 一 and 五 get a [`MinHash`] signature; signatures are bucketed by
//! bands (locality-sensitive hashing) so that only likely pairs are compared, which keeps a
//! batch of 100,000 reports near linear in time and a few MB in memory.

use crate::across::similarity::MinHash;
use crate::error::Error;
use crate::finding::Findings;
use crate::labels;
use crate::model::{Format, Report};
use crate::options::Options;
use crate::rules::{Ctx, GR701, Param};

/// Rows per band: 32 hashes in 8 bands of 4 find pairs above about 0.6 similarity.
const BAND_ROWS: usize = 4;
/// In a band shared by very many texts, each is compared with this many next to it.
const MAX_NEIGHBOURS: usize = 64;

/// A pair of units whose prose is nearly the same.
#[derive(Clone, Debug, PartialEq)]
pub struct CopyPair {
    /// The unit seen first (index in the order units were added).
    pub first: usize,
    /// The unit seen later.
    pub second: usize,
    /// The part: `/sections/overview` or `/sections/problems` (`/sections` for 2007 prose).
    pub pointer: &'static str,
    /// The estimated similarity, 0–1.
    pub similarity: f64,
}

/// Collects signatures unit by unit and finds the near-duplicate pairs.
#[derive(Default)]
pub struct CopyDetector {
    signatures: Vec<(usize, &'static str, MinHash)>,
    /// (band key, signature index): sorted at the end, equal keys are candidates. A flat list
    /// costs 16 bytes an entry where a map of lists would cost several times that.
    bands: Vec<(u64, u32)>,
}

fn parts(r: &Report) -> Vec<(&'static str, String)> {
    match r {
        Report::F2021(x) => vec![("/sections/overview", x.sections.overview.clone().unwrap_or_default()), ("/sections/problems", x.sections.problems.clone().unwrap_or_default())],
        Report::F2019(x) => vec![("/sections/overview", x.sections.overview.clone().unwrap_or_default()), ("/sections/problems", x.sections.problems.clone().unwrap_or_default())],
        Report::F2007(x) => vec![("/sections", x.sections.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join("\n"))],
    }
}

impl CopyDetector {
    /// An empty detector.
    pub fn new() -> CopyDetector {
        CopyDetector::default()
    }

    /// Adds the prose of unit `unit` (any number the caller uses to name it).
    pub fn add(&mut self, unit: usize, report: &Report) {
        for (pointer, text) in parts(report) {
            // Very short texts ("无") are alike by nature; GR402 speaks of them.
            if text.chars().count() < 40 {
                continue;
            }
            if let Some(sig) = MinHash::of(&text) {
                let at = self.signatures.len() as u32;
                let part = u64::from(pointer == "/sections/problems");
                for key in sig.bands(BAND_ROWS) {
                    self.bands.push((key ^ part.wrapping_mul(0x9E3779B97F4A7C15), at));
                }
                self.signatures.push((unit, pointer, sig));
            }
        }
    }

    /// The pairs at or above `threshold`: for each later unit and part, the closest earlier
    /// unit, in the order of the later unit.
    pub fn pairs(&self, threshold: f64) -> Vec<CopyPair> {
        // A band shared by very many texts is boilerplate (a template sentence): its members
        // are still compared, but only against their neighbours, to stay near linear.
        // Only the closest earlier unit is kept for each later unit and part, so a batch where
        // everyone copied one template still gives at most two findings a unit, and memory
        // stays proportional to the number of units.
        let mut best: std::collections::HashMap<(usize, &'static str), CopyPair> = std::collections::HashMap::new();
        let mut bands = self.bands.clone();
        bands.sort_unstable();
        for group in bands.chunk_by(|x, y| x.0 == y.0) {
            let members: Vec<u32> = group.iter().map(|(_, i)| *i).collect();
            for (i, &a) in members.iter().enumerate() {
                for &b in members[i + 1..].iter().take(MAX_NEIGHBOURS) {
                    let (ua, pa, sa) = &self.signatures[a as usize];
                    let (ub, _, sb) = &self.signatures[b as usize];
                    if ua == ub {
                        continue;
                    }
                    let s = sa.similarity(sb);
                    if s >= threshold {
                        let pair = CopyPair { first: *ua.min(ub), second: *ua.max(ub), pointer: pa, similarity: s };
                        let slot = best.entry((pair.second, pa)).or_insert_with(|| pair.clone());
                        if (pair.similarity, std::cmp::Reverse(pair.first)) > (slot.similarity, std::cmp::Reverse(slot.first)) {
                            *slot = pair;
                        }
                    }
                }
            }
        }
        let mut out: Vec<CopyPair> = best.into_values().collect();
        out.sort_by(|x, y| (x.second, x.first, x.pointer).cmp(&(y.second, y.first, y.pointer)));
        out
    }
}

/// GR701 findings for the later unit of each pair, naming the earlier one by `names[first]`.
/// Returns (unit, findings) for every unit that has any.
pub fn copy_findings(pairs: &[CopyPair], names: &[String], formats: &[Format], options: &Options) -> Result<Vec<(usize, Findings)>, Error> {
    let resolved = options.resolve()?;
    let mut by_unit: Vec<(usize, Findings)> = vec![];
    for p in pairs {
        let format = formats.get(p.second).copied().unwrap_or(Format::F2021);
        let mut ctx = Ctx::new(format, &resolved);
        if !ctx.on(&GR701) {
            return Ok(vec![]);
        }
        let other = names.get(p.first).cloned().unwrap_or_else(|| format!("#{}", p.first));
        let mut hit = ctx.hit(&GR701, p.pointer).text("other", other).text("similarity", format!("{:.2}", p.similarity));
        if let Some(l) = labels::lookup(format, p.pointer) {
            hit = hit.param("part", Param::Label(l));
        }
        hit.emit();
        let found = ctx.finish();
        match by_unit.last_mut() {
            Some((u, f)) if *u == p.second => f.0.extend(found.0),
            _ => by_unit.push((p.second, found)),
        }
    }
    Ok(by_unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(overview: &str) -> Report {
        let mut r = Report::new(Format::F2021, 2023, crate::Agency { name: "x".into(), kind: crate::AgencyKind::Department, level: None, region_code: None, credit_code: None });
        r.set("/sections/overview", serde_json::json!(overview)).unwrap();
        r
    }

    #[test]
    fn finds_the_copied_pair_only() {
        let a = "2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作，扎实推进主动公开、依申请公开和政策解读，不断提升政务公开质量和实效。";
        let b = a.replace("我局", "本局");
        let c = "本年度我委以优化营商环境为主线，重点公开行政许可、行政处罚等执法信息，开展政务开放日活动三次，邀请企业代表和群众参与监督评议。";
        let mut d = CopyDetector::new();
        for (i, t) in [a, &b, c].iter().enumerate() {
            d.add(i, &report(t));
        }
        let pairs = d.pairs(0.7);
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        assert_eq!((pairs[0].first, pairs[0].second, pairs[0].pointer), (0, 1, "/sections/overview"));
        let f = copy_findings(&pairs, &["甲局".into(), "乙局".into(), "丙委".into()], &[Format::F2021; 3], &Options::default()).unwrap();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, 1);
        assert!(f[0].1.0[0].message.contains("甲局"), "{}", f[0].1.0[0].message);
    }
}
