//! 内容雷同 within a batch: which units' prose is nearly the same as another unit's (GR701).
//!
//! Each report's parts 一 and 五 get a [`MinHash`] signature; signatures are bucketed by
//! bands (locality-sensitive hashing) so that only likely pairs are compared, which keeps a
//! batch of 100,000 reports near linear in time and a few tens of MB in memory.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::across::similarity::{MINHASH_SIZE, MinHash, band_key, estimate};
use crate::error::Error;
use crate::finding::Findings;
use crate::labels;
use crate::model::{Format, Report};
use crate::options::{Options, Resolved};
use crate::rules::{Code, Ctx, Param, define_rules};

/// Rows (bytes) per band: the 128 bytes of a signature make 21 bands of 6 (the last 2 bytes are
/// in no band). A pair is compared when all 6 bytes of some band agree; a byte agrees with
/// probability `p = J + (1 − J)/256` at Jaccard index `J`, so the chance of being compared is
/// `1 − (1 − p⁶)²¹`:
///
/// | J | 0.3 | 0.5 | 0.55 | 0.6 | 0.7 | 0.75 | 0.8 | 0.85 | 0.9 |
/// | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
/// | compared | 0.016 | 0.29 | 0.45 | 0.64 | 0.93 | 0.984 | 0.998 | 1.000 | 1.000 |
///
/// (7 rows × 18 bands would compare a pair at 0.8 only with probability 0.986; 5 × 25 would
/// compare three in four pairs at 0.55 for nothing.)
const BAND_ROWS: usize = 6;
/// Bands of a signature.
const BANDS: usize = MINHASH_SIZE / BAND_ROWS;
/// In a band shared by very many texts, each is compared with this many next to it.
const MAX_NEIGHBOURS: usize = 64;
/// Texts shorter than this many characters ("无") are alike by nature; GR402 speaks of them.
const MIN_CHARS: usize = 40;

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

/// The parts compared, by the number kept with a signature.
const PARTS: [&str; 3] = ["/sections/overview", "/sections/problems", "/sections"];
/// Part 五 (problems) is only compared with part 五: its band keys are set apart.
const PROBLEMS: u8 = 1;

/// Units are numbered below 2³⁰ in a detector: the unit and its part share one u32.
const UNIT_BITS: u32 = 30;

/// The MinHash signatures of one report's prose, made apart from any detector (so that many
/// reports can be signed in parallel) and then given to [`CopyDetector::add_signatures`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Signatures(Vec<(u8, MinHash)>);

impl Signatures {
    /// The signatures of parts 一 and 五 of a 2019 or 2021 report, or of the whole prose of a
    /// 2007-regime report; parts shorter than 40 characters are left out.
    pub fn of(report: &Report) -> Signatures {
        let parts: [(u8, Option<Cow<'_, str>>); 2] = match report {
            Report::F2021(x) => [(0, x.sections.overview.as_deref().map(Cow::Borrowed)), (1, x.sections.problems.as_deref().map(Cow::Borrowed))],
            Report::F2019(x) => [(0, x.sections.overview.as_deref().map(Cow::Borrowed)), (1, x.sections.problems.as_deref().map(Cow::Borrowed))],
            Report::F2007(x) => [(2, Some(Cow::Owned(x.sections.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join("\n")))), (2, None)],
        };
        let mut out = Vec::with_capacity(2);
        for (part, text) in parts {
            let Some(text) = text else { continue };
            if text.chars().nth(MIN_CHARS - 1).is_none() {
                continue;
            }
            if let Some(sig) = MinHash::of(&text) {
                out.push((part, sig));
            }
        }
        Signatures(out)
    }

    /// Whether no part of the report has prose to compare.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// One signature as kept: the unit and its part in one u32, then the bytes (132 bytes).
struct Kept {
    unit_part: u32,
    hashes: [u8; MINHASH_SIZE],
}

impl Kept {
    fn unit(&self) -> usize {
        (self.unit_part >> 2) as usize
    }
    fn part(&self) -> u8 {
        (self.unit_part & 3) as u8
    }
}

/// Collects signatures unit by unit and finds the near-duplicate pairs.
///
/// Keeps 132 bytes a compared part and nothing else: the band keys are computed again, one band
/// at a time, when the pairs are sought.
#[derive(Default)]
pub struct CopyDetector {
    signatures: Vec<Kept>,
}

impl CopyDetector {
    /// An empty detector.
    pub fn new() -> CopyDetector {
        CopyDetector::default()
    }

    /// Adds the prose of unit `unit` (any number below 2³⁰ the caller uses to name it).
    pub fn add(&mut self, unit: usize, report: &Report) {
        self.add_signatures(unit, Signatures::of(report));
    }

    /// Adds the signatures of unit `unit`, made by [`Signatures::of`]; the same as
    /// [`CopyDetector::add`] with the report. A unit of 2³⁰ or more is not compared.
    pub fn add_signatures(&mut self, unit: usize, signatures: Signatures) {
        let Some(unit) = u32::try_from(unit).ok().filter(|u| *u < 1 << UNIT_BITS) else { return };
        for (part, sig) in signatures.0 {
            self.signatures.push(Kept { unit_part: unit << 2 | u32::from(part), hashes: sig.0 });
        }
    }

    /// The pairs at or above `threshold`: for each later unit and part, the closest earlier
    /// unit, in the order of the later unit.
    pub fn pairs(&self, threshold: f64) -> Vec<CopyPair> {
        let mut best = Best::new();
        let mut keys = Vec::with_capacity(self.signatures.len());
        for band in 0..BANDS {
            self.band(band, threshold, &mut keys, &mut best);
        }
        sorted(best)
    }

    /// The same pairs as [`CopyDetector::pairs`], the bands compared on rayon's threads (those of
    /// the pool it is called in).
    pub fn pairs_in_parallel(&self, threshold: f64) -> Vec<CopyPair> {
        use rayon::prelude::*;
        let best = (0..BANDS)
            .into_par_iter()
            .fold(
                || (Best::new(), Vec::new()),
                |(mut best, mut keys), band| {
                    self.band(band, threshold, &mut keys, &mut best);
                    (best, keys)
                },
            )
            .map(|(best, _)| best)
            .reduce(Best::new, |mut a, b| {
                for (k, pair) in b {
                    keep(&mut a, k, pair);
                }
                a
            });
        sorted(best)
    }

    /// Compares the units whose signatures agree on band `band`, keeping the closest pairs.
    fn band(&self, band: usize, threshold: f64, keys: &mut Vec<(u64, u32)>, best: &mut Best) {
        // A band shared by very many texts is boilerplate (a template sentence): its members
        // are still compared, but only against their neighbours, to stay near linear.
        // Only the closest earlier unit is kept for each later unit and part, so a batch where
        // everyone copied one template still gives at most two findings a unit, and memory
        // stays proportional to the number of units.
        let rows = band * BAND_ROWS..(band + 1) * BAND_ROWS;
        keys.clear();
        keys.extend(self.signatures.iter().enumerate().map(|(i, s)| {
            let part = u64::from(s.part() == PROBLEMS);
            (band_key(&s.hashes[rows.clone()], band) ^ part.wrapping_mul(0x9E37_79B9_7F4A_7C15), i as u32)
        }));
        keys.sort_unstable();
        for group in keys.chunk_by(|x, y| x.0 == y.0) {
            for (i, &(_, a)) in group.iter().enumerate() {
                for &(_, b) in group[i + 1..].iter().take(MAX_NEIGHBOURS) {
                    let (sa, sb) = (&self.signatures[a as usize], &self.signatures[b as usize]);
                    let (ua, ub) = (sa.unit(), sb.unit());
                    if ua == ub {
                        continue;
                    }
                    let s = estimate(&sa.hashes, &sb.hashes);
                    if s >= threshold {
                        let pair = CopyPair { first: ua.min(ub), second: ua.max(ub), pointer: PARTS[usize::from(sa.part())], similarity: s };
                        keep(best, (pair.second, sa.part()), pair);
                    }
                }
            }
        }
    }
}

/// The closest pair so far for each later unit and part.
type Best = HashMap<(usize, u8), CopyPair>;

/// Keeps `pair` for `key` when it is closer than the one kept (on a tie, the earlier first
/// unit): the same whatever order the pairs come in.
fn keep(best: &mut Best, key: (usize, u8), pair: CopyPair) {
    match best.get_mut(&key) {
        Some(slot) => {
            if (pair.similarity, std::cmp::Reverse(pair.first)) > (slot.similarity, std::cmp::Reverse(slot.first)) {
                *slot = pair;
            }
        }
        None => {
            best.insert(key, pair);
        }
    }
}

fn sorted(best: Best) -> Vec<CopyPair> {
    let mut out: Vec<CopyPair> = best.into_values().collect();
    out.sort_by(|x, y| (x.second, x.first, x.pointer).cmp(&(y.second, y.first, y.pointer)));
    out
}

/// GR701 findings for the later unit of each pair, naming the earlier one by `names[first]`.
/// Returns (unit, findings) for every unit that has any.
pub fn copy_findings(pairs: &[CopyPair], names: &[String], formats: &[Format], options: &Options) -> Result<Vec<(usize, Findings)>, Error> {
    copy_findings_by(pairs, |i| names.get(i).map(String::as_str), |i| formats.get(i).copied(), options)
}

/// [`copy_findings`] with the names and formats of the units given by functions.
pub(crate) fn copy_findings_by<'a>(
    pairs: &[CopyPair],
    name: impl Fn(usize) -> Option<&'a str>,
    format: impl Fn(usize) -> Option<Format>,
    options: &Options,
) -> Result<Vec<(usize, Findings)>, Error> {
    let resolved = options.resolve()?;
    if !copies_on(&resolved) {
        return Ok(vec![]);
    }
    let mut by_unit: Vec<(usize, Findings)> = vec![];
    for p in pairs {
        let found = copy_finding(p, name(p.first), format(p.second), &resolved);
        match by_unit.last_mut() {
            Some((u, f)) if *u == p.second => f.0.extend(found.0),
            _ => by_unit.push((p.second, found)),
        }
    }
    Ok(by_unit)
}

/// Whether GR701 is switched on.
pub(crate) fn copies_on(resolved: &Resolved) -> bool {
    Ctx::new(Format::F2021, resolved).on(Code::GR701)
}

/// The GR701 finding of the later unit of `pair` (of `format`), naming the earlier one `other`.
pub(crate) fn copy_finding(pair: &CopyPair, other: Option<&str>, format: Option<Format>, resolved: &Resolved) -> Findings {
    let format = format.unwrap_or(Format::F2021);
    let mut ctx = Ctx::new(format, resolved);
    let other = other.map_or_else(|| format!("#{}", pair.first), str::to_string);
    let mut hit = ctx.hit(Code::GR701, pair.pointer).text("other", other).text("similarity", format!("{:.2}", pair.similarity));
    if let Some(l) = labels::lookup(format, pair.pointer) {
        hit = hit.param("part", Param::Label(l));
    }
    hit.emit();
    ctx.finish()
}

define_rules! {
    /// Copied between units of a batch.
    GR701 {
        name: "copied-between-units",
        severity: Warning,
        check: Batch,
        title: ["文字与同批其他单位报告雷同", "Text copied from another unit's report"],
        explanation: [
            "同一批检查的报告中，两个单位的总体情况或存在的主要问题高度相似（估计的四字片段重合率不低于阈值，默认0.8），属于“内容雷同”。",
            "In one batch, two units' part 一 or 五 are nearly the same (estimated share of common 4-character pieces at or above the threshold, 0.8 by default): copy-paste content.",
        ],
        message: ["“{part}”与 {other} 的报告相似度约为 {similarity}", "\"{part}\" is about {similarity} similar to the report of {other}"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(overview: &str) -> Report {
        let mut r = Report::new(Format::F2021, 2023, crate::Agency::new("x", crate::AgencyKind::Department));
        r.set("/sections/overview", serde_json::json!(overview)).unwrap();
        r
    }

    #[test]
    fn finds_the_copied_pair_only() {
        let a =
            "2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作，扎实推进主动公开、依申请公开和政策解读，不断提升政务公开质量和实效。";
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

    /// A text of `n` CJK ideographs drawn at random (by `state`, a SplitMix64 counter).
    fn random_text(state: &mut u64, n: usize) -> String {
        (0..n)
            .map(|_| {
                *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
                let mut z = *state;
                z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
                char::from_u32(0x4E00 + ((z ^ (z >> 31)) % 20_000) as u32).unwrap()
            })
            .collect()
    }

    /// `count` pairs of 200-character texts, each pair `shared` characters in common followed
    /// by `200 − shared` of its own, in one detector (pair `i` is units `2i` and `2i + 1`);
    /// returns the detector and the mean exact similarity of the pairs.
    fn pairs_sharing(count: usize, shared: usize, seed: u64) -> (CopyDetector, f64) {
        let mut state = seed;
        let mut d = CopyDetector::new();
        let mut exact = 0.0;
        for i in 0..count {
            let common = random_text(&mut state, shared);
            let a = common.clone() + &random_text(&mut state, 200 - shared);
            let b = common + &random_text(&mut state, 200 - shared);
            exact += crate::across::similarity::similarity(&a, &b).unwrap();
            d.add(2 * i, &report(&a));
            d.add(2 * i + 1, &report(&b));
        }
        (d, exact / count as f64)
    }

    #[test]
    fn pairs_at_055_are_not_taken_for_copies_at_08() {
        // Exact index (143 − 3) / (143 + 2·57 − 3) = 0.55: one estimate in 10⁸ or so reaches 0.8.
        let (d, exact) = pairs_sharing(2000, 143, 1);
        assert!((0.54..0.56).contains(&exact), "{exact}");
        let pairs = d.pairs(0.8);
        assert!(pairs.is_empty(), "{} false reports: {:?}", pairs.len(), &pairs[..pairs.len().min(5)]);
    }

    #[test]
    fn pairs_at_09_are_found() {
        // Exact index (190 − 3) / (190 + 2·10 − 3) = 0.90.
        let (d, exact) = pairs_sharing(300, 190, 2);
        assert!((0.89..0.91).contains(&exact), "{exact}");
        let pairs = d.pairs(0.8);
        assert_eq!(pairs.len(), 300, "{pairs:?}");
        // The bands compared on several threads give the same pairs.
        assert_eq!(rayon::ThreadPoolBuilder::new().num_threads(3).build().unwrap().install(|| d.pairs_in_parallel(0.8)), pairs);
        assert!(pairs.iter().all(|p| p.second == p.first + 1 && p.first % 2 == 0 && p.similarity >= 0.8), "{pairs:?}");
    }
}
