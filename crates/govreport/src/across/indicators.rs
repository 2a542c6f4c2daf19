//! The derived figures supervisors read, per unit, and units that stand out from their peers.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::across::metrics;
use crate::cells;
use crate::error::Error;
use crate::finding::Findings;
use crate::model::{Cell, CellRef, Count, Format, Report};
use crate::options::{Options, Resolved};
use crate::rules::{Code, Ctx, define_rules};

/// A unit's derived figures; each is None when a number it needs is missing or zero.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Indicators {
    /// 公开率: (（一）予以公开 + （二）部分公开) / （七）总计.
    pub disclosure_rate: Option<f64>,
    /// 复议诉讼率: (行政复议 + 行政诉讼) / 本年新收申请.
    pub review_litigation_rate: Option<f64>,
    /// 纠错率: 结果纠正 / 已审结 (总计 − 尚未审结), over reviews and both kinds of lawsuit.
    pub correction_rate: Option<f64>,
}

/// The derived figures of a 2019 or 2021 report (all None for the 2007 regime): the values of
/// the rates of the metric dictionary, whose formulas they are.
pub fn indicators(report: &Report) -> Indicators {
    let rate = |id| metrics::metric(id).and_then(|m| m.value(report));
    Indicators { disclosure_rate: rate("disclosure_rate"), review_litigation_rate: rate("review_litigation_rate"), correction_rate: rate("correction_rate") }
}

/// A peer group needs this many units with the figure before anyone stands out.
pub const MIN_PEERS: usize = 5;
/// A peer median at least this large makes a zero or "/" stand out.
pub const SUBSTANTIAL: f64 = 10.0;
/// Beyond the upper quartile by this many interquartile ranges is extreme.
pub const FENCE: f64 = 3.0;

/// The watched figures of one report ([`cells::watched`]: new requests, licensing and penalty
/// decisions), read apart from any collection so that many reports can be read in parallel,
/// then given to [`PeerFigures::add_watched`]. None for a 2007-regime report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Watched {
    format: Format,
    cells: [Count; 3],
}

impl Watched {
    /// The watched cells of `report`; None for the 2007 regime, which has no tables.
    pub fn of(report: &Report) -> Option<Watched> {
        let format = report.format();
        let locs = cells::watched(format)?;
        let cell = |loc| match report.cell(loc) {
            Some(CellRef::Count(c)) => *c,
            _ => Cell::Absent,
        };
        Some(Watched { format, cells: locs.map(cell) })
    }
}

/// What a watched cell says for the comparison: a number, "/", or nothing to compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Figure {
    /// Blank or absent.
    Missing,
    /// "/".
    NotApplicable,
    /// A number.
    Value(u64),
}

impl From<Count> for Figure {
    fn from(c: Count) -> Figure {
        match c {
            Cell::Value(n) => Figure::Value(n),
            Cell::NotApplicable => Figure::NotApplicable,
            Cell::Absent | Cell::Blank => Figure::Missing,
        }
    }
}

/// Collects the watched figures of every unit of a batch, then names the ones that stand out.
#[derive(Default)]
pub struct PeerFigures {
    /// (unit, format, the watched figures).
    units: Vec<(usize, Format, [Figure; 3])>,
}

fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 { sorted[n / 2] } else { (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0 }
}

fn quartiles(sorted: &[f64]) -> (f64, f64) {
    let q = |p: f64| {
        let x = p * (sorted.len() - 1) as f64;
        let (lo, hi) = (x.floor() as usize, x.ceil() as usize);
        sorted[lo] + (sorted[hi] - sorted[lo]) * (x - lo as f64)
    };
    (q(0.25), q(0.75))
}

impl PeerFigures {
    /// An empty collection.
    pub fn new() -> PeerFigures {
        PeerFigures::default()
    }

    /// Adds unit `unit`'s figures (2007-regime reports have none and are skipped).
    pub fn add(&mut self, unit: usize, report: &Report) {
        if let Some(w) = Watched::of(report) {
            self.add_watched(unit, w);
        }
    }

    /// Adds unit `unit`'s figures read by [`Watched::of`]; the same as [`PeerFigures::add`].
    pub fn add_watched(&mut self, unit: usize, watched: Watched) {
        self.units.push((unit, watched.format, watched.cells.map(Figure::from)));
    }

    /// GR702 (zero or "/" where peers have substantial numbers) and GR703 (extreme values),
    /// as (unit, findings) for every unit that has any. Peers are the units of the same format.
    pub fn findings(&self, options: &Options) -> Result<Vec<(usize, Findings)>, Error> {
        let resolved = options.resolve()?;
        let hits = self.hits();
        Ok(hits
            .chunk_by(|a, b| a.unit == b.unit)
            .filter_map(|unit| {
                let found = peer_findings(unit, &resolved);
                (!found.is_empty()).then(|| (unit[0].unit, found))
            })
            .collect())
    }

    /// Every unit that stands out on a watched figure, by unit (stable: for one unit, in the
    /// order of the figures). Small, so that a batch's findings can be written unit by unit.
    pub(crate) fn hits(&self) -> Vec<PeerHit> {
        let mut hits = vec![];
        for format in [Format::F2019, Format::F2021] {
            let peers: Vec<&(usize, Format, [Figure; 3])> = self.units.iter().filter(|u| u.1 == format).collect();
            for i in 0..3 {
                let mut values: Vec<f64> = peers
                    .iter()
                    .filter_map(|u| match u.2[i] {
                        Figure::Value(n) => Some(n as f64),
                        _ => None,
                    })
                    .collect();
                if values.len() < MIN_PEERS {
                    continue;
                }
                values.sort_by(f64::total_cmp);
                let median = median(&values);
                let (q1, q3) = quartiles(&values);
                let fence = q3 + FENCE * (q3 - q1).max(1.0);
                for (unit, _, figures) in &peers {
                    let kind = match figures[i] {
                        Figure::Value(n) if n as f64 > fence => Standing::Extreme(n),
                        Figure::Value(0) if median >= SUBSTANTIAL => Standing::Zero,
                        Figure::NotApplicable if median >= SUBSTANTIAL => Standing::NotApplicable,
                        _ => continue,
                    };
                    hits.push(PeerHit { unit: *unit, format, figure: i, kind, median, fence, peers: values.len() });
                }
            }
        }
        hits.sort_by_key(|h| h.unit);
        hits
    }
}

/// How a unit stands out on a figure.
#[derive(Clone, Copy, Debug)]
enum Standing {
    /// Beyond the fence (GR703), with the value.
    Extreme(u64),
    /// Zero where peers have substantial numbers (GR702).
    Zero,
    /// "/" where peers have substantial numbers (GR702).
    NotApplicable,
}

/// A unit that stands out from its peers on one watched figure, with the figures of the group.
#[derive(Clone, Debug)]
pub(crate) struct PeerHit {
    /// The unit.
    pub unit: usize,
    format: Format,
    figure: usize,
    kind: Standing,
    median: f64,
    fence: f64,
    peers: usize,
}

/// The findings of one unit's hits (all of the same unit), in order.
pub(crate) fn peer_findings(hits: &[PeerHit], resolved: &Resolved) -> Findings {
    let mut out = Findings::default();
    for h in hits {
        let pointer = cells::watched(h.format).map_or("", |w| cells::pointer(h.format, w[h.figure]));
        let mut ctx = Ctx::new(h.format, resolved);
        let med = h.median;
        match h.kind {
            Standing::Extreme(n) => ctx.hit(Code::GR703, pointer).text("median", format!("{med}")).text("fence", format!("{:.0}", h.fence)).actual(n).emit(),
            Standing::Zero => ctx.hit(Code::GR702, pointer).text("median", format!("{med}")).text("peers", h.peers).actual(0).emit(),
            Standing::NotApplicable => ctx.hit(Code::GR702, pointer).text("median", format!("{med}")).text("peers", h.peers).actual("/").emit(),
        }
        out.0.extend(ctx.finish().0);
    }
    out
}

define_rules! {
    /// Zero or "/" among busy peers.
    GR702 {
        name: "zero-among-peers",
        severity: Info,
        check: Batch,
        title: ["同类单位普遍有数、本单位为0或“/”", "Zero or \"/\" where the peer units have substantial numbers"],
        explanation: [
            "同一批同一格式的报告中（至少5个单位），本年新收申请、行政许可或行政处罚的中位数不少于10，而本单位为0或“/”。可能确实没有发生，也可能漏填，值得核实。",
            "In one batch (at least 5 units of the same format) the median of new requests, licensing or penalty decisions is 10 or more, but this unit reports 0 or \"/\": possibly true, possibly left out; worth checking.",
        ],
        message: ["{cell}为 {actual}，而同类 {peers} 个单位的中位数为 {median}", "{cell} is {actual} while the median of {peers} peer units is {median}"],
    }

    /// Extreme among peers.
    GR703 {
        name: "extreme-among-peers",
        severity: Info,
        check: Batch,
        title: ["数字远高于同类单位", "A figure far above the peer units'"],
        explanation: [
            "同一批同一格式的报告中（至少5个单位），本单位的本年新收申请、行政许可或行政处罚数量高于上四分位数加3倍四分位距，可能是录入错误（多打一位）。",
            "In one batch (at least 5 units of the same format) this unit's new requests, licensing or penalty decisions exceed the upper quartile by more than three interquartile ranges: possibly a typing error (an extra digit).",
        ],
        message: [
            "{cell}为 {actual}，远高于同类单位（中位数 {median}，上限约 {fence}）",
            "{cell} is {actual}, far above the peers (median {median}, fence about {fence})",
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn unit(new: serde_json::Value) -> Report {
        let mut r = Report::new(Format::F2021, 2023, crate::Agency::new("x", crate::AgencyKind::Department));
        r.set("/requests/new/total", new).unwrap();
        r
    }

    #[test]
    fn zero_and_extreme_units_stand_out_from_their_peers() {
        let mut p = PeerFigures::new();
        for (i, n) in [json!(20), json!(25), json!(30), json!(22), json!(0), json!(900), json!("/"), json!(28)].into_iter().enumerate() {
            p.add(i, &unit(n));
        }
        let found = p.findings(&Options::default()).unwrap();
        let codes: Vec<(usize, String)> = found.iter().flat_map(|(u, f)| f.iter().map(move |x| (*u, x.code.clone()))).collect();
        assert_eq!(codes, [(4, "GR702".to_string()), (5, "GR703".to_string()), (6, "GR702".to_string())]);
        let extreme = &found[1].1.0[0];
        assert_eq!(extreme.actual.as_deref(), Some("900"));
        assert_eq!(extreme.params["median"], "25");
    }

    #[test]
    fn rates() {
        let mut r = unit(json!(10));
        for (p, v) in [
            ("/requests/granted/total", 4),
            ("/requests/partially_granted/total", 2),
            ("/requests/results_total/total", 8),
            ("/review_litigation/review/total", 2),
            ("/review_litigation/review/corrected", 1),
            ("/review_litigation/review/pending", 0),
            ("/review_litigation/litigation_direct/total", 1),
            ("/review_litigation/litigation_direct/corrected", 0),
            ("/review_litigation/litigation_direct/pending", 1),
            ("/review_litigation/litigation_after_review/total", 0),
            ("/review_litigation/litigation_after_review/corrected", 0),
            ("/review_litigation/litigation_after_review/pending", 0),
        ] {
            r.set(p, json!(v)).unwrap();
        }
        let i = indicators(&r);
        assert_eq!(i.disclosure_rate, Some(0.75));
        assert_eq!(i.review_litigation_rate, Some(0.3));
        assert_eq!(i.correction_rate, Some(0.5));
        assert_eq!(indicators(&unit(json!(0))).review_litigation_rate, None);
    }
}
