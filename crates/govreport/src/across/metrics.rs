//! The metric dictionary: every figure a supervising office derives from a report, with its
//! definition, its formula in the label table's terms, its unit, its caveats and its version.
//!
//! This is the one place the dictionary lives: the register stores values by [`Metric::id`]
//! and [`Metric::version`], the review page and `docs/metrics.md` ([`markdown`]) print the
//! texts from here, and the formula is written as places in the table of cells
//! ([`crate::cells::Loc`]), so that its pointers and the names it shows come from the label
//! table and its value is computed from the same formula ([`Metric::value`]; the rates of
//! [`crate::across::indicators`] are these values).
//!
//! ```
//! use govreport::across::metrics::{METRICS, metric};
//! let rate = metric("disclosure_rate").unwrap();
//! assert_eq!(rate.name(govreport::Lang::Zh), "公开率");
//! assert!(rate.formula_text(govreport::Format::F2021, govreport::Lang::Zh).contains("（一）予以公开「总计」"));
//! assert_eq!(METRICS.len(), 6);
//! ```

use serde_json::Value;

use crate::cells::{self, CASE_CORRECTED, CASE_PENDING, CASE_TOTAL, Loc, TOTAL};
use crate::i18n::{Bilingual, Lang};
use crate::labels;
use crate::model::{Format, Report, RowId};

/// What a metric measures: a share of a whole, or a count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetricKind {
    /// A share between 0 and 1 (shown as a percentage).
    Share,
    /// A whole number of cases, decisions or requests.
    Count,
}

/// How a metric is made from the cells of a report, as places in the table of cells.
#[derive(Clone, Copy, Debug)]
enum Formula {
    /// The number in one of the watched cells ([`cells::watched`]: new requests, licensing
    /// decisions, penalty decisions), by its index there.
    Watched(usize),
    /// Σ `num` ÷ (Σ `den` − Σ `less`).
    Ratio { num: &'static [Loc], den: &'static [Loc], less: &'static [Loc] },
}

impl Formula {
    /// The cells the formula reads in `format`, in formula order (none for the 2007 regime).
    fn locs(self, format: Format) -> Vec<Loc> {
        match self {
            _ if format == Format::F2007 => vec![],
            Formula::Watched(i) => cells::watched(format).map(|w| vec![w[i]]).unwrap_or_default(),
            Formula::Ratio { num, den, less } => num.iter().chain(den).chain(less).copied().collect(),
        }
    }
}

/// One metric of the dictionary.
#[derive(Debug)]
pub struct Metric {
    /// Stable id, e.g. `disclosure_rate` (the key the register stores values under).
    pub id: &'static str,
    /// A share or a count.
    pub kind: MetricKind,
    /// What it says.
    pub definition: Bilingual,
    /// The unit it is shown in.
    pub unit: Bilingual,
    /// What to keep in mind when comparing it.
    pub caveats: Bilingual,
    /// Raised whenever the definition or the formula changes, so that values stored under an
    /// older version are recomputed.
    pub version: u32,
    /// For a rate, its name in [`labels::INDICATORS`]; a count is named by its cell's label.
    label: Option<&'static labels::Label>,
    formula: Formula,
}

/// A column of table C summed over its three groups (复议, 直接起诉, 复议后起诉).
const fn cases(column: u8) -> [Loc; 3] {
    [Loc::Review { group: 0, column }, Loc::Review { group: 1, column }, Loc::Review { group: 2, column }]
}

const GRANTED: &[Loc] = &[Loc::request(RowId::Granted, TOTAL), Loc::request(RowId::PartiallyGranted, TOTAL)];
const RESULTS: &[Loc] = &[Loc::request(RowId::ResultsTotal, TOTAL)];
const NEW: &[Loc] = &[Loc::request(RowId::New, TOTAL)];
const CASES: &[Loc] = &cases(CASE_TOTAL);
const CORRECTED: &[Loc] = &cases(CASE_CORRECTED);
const PENDING: &[Loc] = &cases(CASE_PENDING);

/// The dictionary, in the order reports and pages show it.
pub static METRICS: &[Metric] = &[
    Metric {
        id: "disclosure_rate",
        kind: MetricKind::Share,
        definition: Bilingual::new(
            "本年度办理结果中予以公开和部分公开的申请所占比例。",
            "The share of requests handled this year that were granted in full or in part.",
        ),
        unit: Bilingual::new("%", "%"),
        caveats: Bilingual::new(
            "（七）总计为 0 或任一单元格空白、为“/”时不计算；申请很少的单位比例波动大，比较时看申请数。",
            "Not computed when (7) Total is 0 or a cell is blank or \"/\"; units with few requests swing widely, so read it with the number of requests.",
        ),
        version: 1,
        label: Some(&labels::INDICATORS[0]),
        formula: Formula::Ratio { num: GRANTED, den: RESULTS, less: &[] },
    },
    Metric {
        id: "review_litigation_rate",
        kind: MetricKind::Share,
        definition: Bilingual::new(
            "因政府信息公开被申请行政复议和提起行政诉讼的案件数与本年新收申请数之比。",
            "Administrative reviews and lawsuits about disclosure, per new request received this year.",
        ),
        unit: Bilingual::new("%", "%"),
        caveats: Bilingual::new(
            "案件与申请不一定同年：上年申请引起的本年案件也计入，比例可超过 100%。本年新收申请为 0 时不计算。",
            "Cases and requests need not fall in the same year: cases from last year's requests count too, so the rate can exceed 100%. Not computed when there are no new requests.",
        ),
        version: 1,
        label: Some(&labels::INDICATORS[1]),
        formula: Formula::Ratio { num: CASES, den: NEW, less: &[] },
    },
    Metric {
        id: "correction_rate",
        kind: MetricKind::Share,
        definition: Bilingual::new(
            "已审结的行政复议和行政诉讼案件中结果纠正的比例。",
            "The share of concluded administrative reviews and lawsuits whose outcome corrected the agency.",
        ),
        unit: Bilingual::new("%", "%"),
        caveats: Bilingual::new(
            "只计已审结案件（总计减尚未审结）；案件很少，一件即可使比例大幅变化。",
            "Only concluded cases count (total less pending); with so few cases one case moves the rate a lot.",
        ),
        version: 1,
        label: Some(&labels::INDICATORS[2]),
        formula: Formula::Ratio { num: CORRECTED, den: CASES, less: PENDING },
    },
    Metric {
        id: "new_requests",
        kind: MetricKind::Count,
        definition: Bilingual::new("本年新收的政府信息公开申请数。", "Requests for disclosure received this year."),
        unit: Bilingual::new("件", "requests"),
        caveats: Bilingual::new(
            "不含上年结转；各单位职能不同，申请量差别很大，宜与同类单位比较。",
            "Excludes requests carried over; volumes differ widely with a unit's remit, so compare with units of the same kind.",
        ),
        version: 1,
        label: None,
        formula: Formula::Watched(0),
    },
    Metric {
        id: "licensing_decisions",
        kind: MetricKind::Count,
        definition: Bilingual::new("本年作出的行政许可处理决定数。", "Administrative licensing decisions made this year."),
        unit: Bilingual::new("件", "decisions"),
        caveats: Bilingual::new(
            "2019 年格式取“处理决定数量”；没有许可职能的单位常填“/”，不计入同类比较。",
            "In the 2019 template this is \"decisions\"; units without licensing powers often write \"/\", which is left out of peer comparisons.",
        ),
        version: 1,
        label: None,
        formula: Formula::Watched(1),
    },
    Metric {
        id: "penalty_decisions",
        kind: MetricKind::Count,
        definition: Bilingual::new("本年作出的行政处罚决定数。", "Administrative penalty decisions made this year."),
        unit: Bilingual::new("件", "decisions"),
        caveats: Bilingual::new(
            "2019 年格式取“处理决定数量”；没有处罚职能的单位常填“/”，不计入同类比较。",
            "In the 2019 template this is \"decisions\"; units without penalty powers often write \"/\", which is left out of peer comparisons.",
        ),
        version: 1,
        label: None,
        formula: Formula::Watched(2),
    },
];

/// Metrics are the same when their ids are.
impl PartialEq for Metric {
    fn eq(&self, other: &Metric) -> bool {
        self.id == other.id
    }
}

/// The metric with `id`, if there is one.
pub fn metric(id: &str) -> Option<&'static Metric> {
    METRICS.iter().find(|m| m.id == id)
}

/// A cell a metric read, with what the report has there (None when absent).
#[derive(Clone, Debug, PartialEq)]
pub struct Operand {
    /// Its pointer.
    pub pointer: &'static str,
    /// Its value in the document: a number, `null` (blank), `"/"`; None when absent.
    pub value: Option<Value>,
}

/// A metric of one report: its value (None when a cell it needs is missing, "/" or the
/// denominator is 0) and the cells it was made from, for tracing a figure to its cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// The metric.
    pub metric: &'static Metric,
    /// Its value: a share in 0…1 (rates can exceed 1, see the caveats) or a count.
    pub value: Option<f64>,
    /// Every cell the formula reads, in formula order.
    pub operands: Vec<Operand>,
}

/// A sum of counts in formula terms: None when one is missing or the sum overflows.
fn sum(values: impl IntoIterator<Item = Option<u64>>) -> Option<u64> {
    values.into_iter().try_fold(0u64, |acc, v| acc.checked_add(v?))
}

/// Σ num ÷ (Σ den − Σ less), given each part's numbers; None when a number is missing or the
/// denominator is not above 0.
fn ratio(num: Option<u64>, den: Option<u64>, less: Option<u64>) -> Option<f64> {
    let d = den?.checked_sub(less?)?;
    (d > 0).then(|| num.map(|n| n as f64 / d as f64)).flatten()
}

impl Metric {
    /// Its name: a rate's from [`labels::INDICATORS`], a count's from its cell's label.
    pub fn name(&self, lang: Lang) -> String {
        match self.label {
            Some(l) => l.text(lang).to_string(),
            None => {
                self.formula.locs(Format::F2021).first().and_then(|&loc| cells::cell(Format::F2021, loc)).map_or_else(|| self.id.to_string(), |c| c.name(lang))
            }
        }
    }

    /// The pointers of the cells it reads in a report of `format`, in formula order; empty
    /// for the 2007 regime, which has no tables.
    pub fn pointers(&self, format: Format) -> Vec<&'static str> {
        self.formula.locs(format).into_iter().map(|loc| cells::pointer(format, loc)).collect()
    }

    /// Its value in `report`: a share in 0…1 (rates can exceed 1, see the caveats) or a count;
    /// None when a cell it needs is blank, "/" or absent, or the denominator is 0, and for
    /// the 2007 regime.
    pub fn value(&self, report: &Report) -> Option<f64> {
        let format = report.format();
        if format == Format::F2007 {
            return None;
        }
        let counts = |locs: &[Loc]| sum(locs.iter().map(|&loc| report.count(loc)));
        match self.formula {
            Formula::Watched(i) => report.count(cells::watched(format)?[i]).map(|v| v as f64),
            Formula::Ratio { num, den, less } => ratio(counts(num), counts(den), counts(less)),
        }
    }

    /// The formula in the label table's words for `format`, e.g.
    /// `（（一）予以公开「总计」 + （二）部分公开…「总计」） ÷ （七）总计「总计」`.
    pub fn formula_text(&self, format: Format, lang: Lang) -> String {
        let name = |loc: &Loc| cells::cell(format, *loc).map(|c| c.name(lang)).unwrap_or_default();
        let (open, close) = if lang == Lang::Zh { ("（", "）") } else { ("(", ")") };
        let sum = |locs: &[Loc]| {
            let names: Vec<String> = locs.iter().map(name).collect();
            if names.len() == 1 { names[0].clone() } else { format!("{open}{}{close}", names.join(" + ")) }
        };
        match self.formula {
            _ if format == Format::F2007 => String::new(),
            Formula::Watched(_) => self.formula.locs(format).first().map(name).unwrap_or_default(),
            Formula::Ratio { num, den, less } => {
                let den = if less.is_empty() { sum(den) } else { format!("{open}{} − {}{close}", sum(den), sum(less)) };
                format!("{} ÷ {}", sum(num), den)
            }
        }
    }

    /// Its unit in `lang`.
    pub fn unit(&self, lang: Lang) -> &'static str {
        self.unit.get(lang)
    }

    /// Its definition in `lang`.
    pub fn definition(&self, lang: Lang) -> &'static str {
        self.definition.get(lang)
    }

    /// Its caveats in `lang`.
    pub fn caveats(&self, lang: Lang) -> &'static str {
        self.caveats.get(lang)
    }

    /// The value as shown: a share as a percentage with one decimal, a count as it is.
    pub fn display(&self, value: f64) -> String {
        match self.kind {
            MetricKind::Share => format!("{:.1}%", value * 100.0),
            MetricKind::Count => format!("{value}"),
        }
    }
}

impl Evaluation {
    /// The operands of each part of the formula: (numerator, denominator, less) of a ratio;
    /// the one cell of a count as the numerator.
    fn parts(&self) -> (&[Operand], &[Operand], &[Operand]) {
        let ops = self.operands.as_slice();
        match self.metric.formula {
            Formula::Watched(_) => (ops, &[], &[]),
            Formula::Ratio { num, den, .. } => {
                let (n, rest) = ops.split_at(num.len().min(ops.len()));
                let (d, l) = rest.split_at(den.len().min(rest.len()));
                (n, d, l)
            }
        }
    }

    /// The value the formula shown gives from the operands listed (what a reader checking the
    /// figure by hand gets); equal to [`Evaluation::value`], which a test holds.
    pub fn from_operands(&self) -> Option<f64> {
        let numbers = |ops: &[Operand]| sum(ops.iter().map(|o| o.value.as_ref().and_then(Value::as_u64)));
        let (num, den, less) = self.parts();
        match self.metric.formula {
            Formula::Watched(_) => match num {
                [one] => one.value.as_ref().and_then(Value::as_u64).map(|v| v as f64),
                _ => None,
            },
            Formula::Ratio { .. } if self.operands.is_empty() => None,
            Formula::Ratio { .. } => ratio(numbers(num), numbers(den), numbers(less)),
        }
    }

    /// The formula with the report's numbers in it, e.g. `(4 + 2) ÷ 8`; a cell without a
    /// number shows as 空白 / blank, "/" or 缺 / absent.
    pub fn worked(&self, lang: Lang) -> String {
        const BLANK: Bilingual = Bilingual::new("空白", "blank");
        const ABSENT: Bilingual = Bilingual::new("缺", "absent");
        let shown = |o: &Operand| match &o.value {
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::String(s)) => s.clone(),
            Some(_) => BLANK.get(lang).to_string(),
            None => ABSENT.get(lang).to_string(),
        };
        let sum = |ops: &[Operand]| {
            let parts: Vec<String> = ops.iter().map(shown).collect();
            if parts.len() == 1 { parts[0].clone() } else { format!("({})", parts.join(" + ")) }
        };
        let (num, den, less) = self.parts();
        match self.metric.formula {
            Formula::Watched(_) => num.first().map(shown).unwrap_or_default(),
            Formula::Ratio { .. } if self.operands.is_empty() => String::new(),
            Formula::Ratio { .. } => {
                let d = if less.is_empty() { sum(den) } else { format!("({} − {})", sum(den), sum(less)) };
                format!("{} ÷ {}", sum(num), d)
            }
        }
    }
}

/// Every metric of `report`, with the cells each read, in the dictionary's order.
pub fn evaluate(report: &Report) -> Vec<Evaluation> {
    let format = report.format();
    METRICS
        .iter()
        .map(|m| {
            let operands = m
                .formula
                .locs(format)
                .into_iter()
                .map(|loc| Operand { pointer: cells::pointer(format, loc), value: report.cell(loc).and_then(|c| c.to_json()) })
                .collect();
            Evaluation { metric: m, value: m.value(report), operands }
        })
        .collect()
}

/// The dictionary as Markdown, both languages (docs/metrics.md).
pub fn markdown() -> String {
    let mut out = String::from(
        "<!-- Generated from crates/govreport/src/across/metrics.rs; do not edit. Regenerate with `bash scripts/regen.sh`. -->\n\n\
         # govreport metric dictionary · 指标字典\n\n\
         The figures a supervising office derives from each report; the register stores them per version and \
         compares units with their peers by them. Formulas are written from the label table.\n\n\
         | id | 指标 | metric | unit | version |\n|---|---|---|---|---|\n",
    );
    for m in METRICS {
        out.push_str(&format!("| [{0}](#{0}) | {1} | {2} | {3} | {4} |\n", m.id, m.name(Lang::Zh), m.name(Lang::En), m.unit(Lang::En), m.version));
    }
    for m in METRICS {
        out.push_str(&format!(
            "\n## {}\n\n**{}** · {} · 单位 unit: {} / {} · version {}\n\n",
            m.id,
            m.name(Lang::Zh),
            m.name(Lang::En),
            m.unit(Lang::Zh),
            m.unit(Lang::En),
            m.version
        ));
        out.push_str(&format!("{}\n\n{}\n\n", m.definition(Lang::Zh), m.definition(Lang::En)));
        let (f21, f19) = (m.formula_text(Format::F2021, Lang::Zh), m.formula_text(Format::F2019, Lang::Zh));
        if f21 == f19 {
            out.push_str(&format!("- 公式 formula (2019, 2021): {f21}\n  — {}\n", m.formula_text(Format::F2021, Lang::En)));
        } else {
            for format in [Format::F2021, Format::F2019] {
                out.push_str(&format!(
                    "- 公式 formula ({}): {}\n  — {}\n",
                    format.as_str(),
                    m.formula_text(format, Lang::Zh),
                    m.formula_text(format, Lang::En)
                ));
            }
        }
        out.push_str(&format!("\n注意：{}\n\nCaveats: {}\n", m.caveats(Lang::Zh), m.caveats(Lang::En)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn report() -> Report {
        let mut r = Report::new(Format::F2021, 2023, crate::Agency::new("x", crate::AgencyKind::Department));
        for (p, v) in [
            ("/requests/new/total", 10),
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
            ("/proactive/licensing", 126),
        ] {
            r.set(p, json!(v)).unwrap();
        }
        r.set("/proactive/penalty", json!("/")).unwrap();
        r
    }

    #[test]
    fn values_and_their_cells() {
        let r = report();
        let got: Vec<(&str, Option<f64>)> = evaluate(&r).iter().map(|e| (e.metric.id, e.value)).collect();
        assert_eq!(
            got,
            [
                ("disclosure_rate", Some(0.75)),
                ("review_litigation_rate", Some(0.3)),
                ("correction_rate", Some(0.5)),
                ("new_requests", Some(10.0)),
                ("licensing_decisions", Some(126.0)),
                ("penalty_decisions", None),
            ]
        );
        let correction = &evaluate(&r)[2];
        assert_eq!(correction.operands.len(), 9);
        assert_eq!(correction.operands[0], Operand { pointer: "/review_litigation/review/corrected", value: Some(json!(1)) });
        assert_eq!(evaluate(&r)[5].operands[0].value, Some(json!("/")));
        assert_eq!(evaluate(&r)[0].worked(Lang::Zh), "(4 + 2) ÷ 8");
        assert_eq!(correction.worked(Lang::En), "(1 + 0 + 0) ÷ ((2 + 1 + 0) − (0 + 1 + 0))");
        assert_eq!(evaluate(&r)[5].worked(Lang::Zh), "/");
    }

    #[test]
    fn the_formula_shown_gives_the_value_computed() {
        let mut r = report();
        for e in evaluate(&r) {
            assert_eq!(e.from_operands(), e.value, "{}", e.metric.id);
        }
        // Blank, "/" and zero denominators: both say None.
        for (p, v) in [("/requests/results_total/total", json!(0)), ("/requests/new/total", json!(null)), ("/review_litigation/review/pending", json!("/"))] {
            r.set(p, v).unwrap();
            for e in evaluate(&r) {
                assert_eq!(e.from_operands(), e.value, "{} after {p}", e.metric.id);
            }
        }
    }

    #[test]
    fn the_rates_of_indicators_are_these_values_and_counts_read_the_watched_cells() {
        let r = report();
        let i = crate::across::indicators(&r);
        let value = |id| metric(id).unwrap().value(&r);
        assert_eq!(
            (i.disclosure_rate, i.review_litigation_rate, i.correction_rate),
            (value("disclosure_rate"), value("review_litigation_rate"), value("correction_rate"))
        );
        for (id, format) in [("new_requests", Format::F2021), ("licensing_decisions", Format::F2019), ("penalty_decisions", Format::F2021)] {
            let watched = cells::watched(format).unwrap().map(|loc| cells::pointer(format, loc));
            assert!(watched.contains(&metric(id).unwrap().pointers(format)[0]), "{id}");
        }
        let old = Report::new(Format::F2007, 2010, crate::Agency::new("x", crate::AgencyKind::Department));
        assert!(evaluate(&old).iter().all(|e| e.value.is_none() && e.operands.is_empty() && e.worked(Lang::En).is_empty()));
    }

    #[test]
    fn formulas_are_written_from_the_label_table() {
        let m = metric("correction_rate").unwrap();
        let zh = m.formula_text(Format::F2021, Lang::Zh);
        assert!(zh.starts_with("（行政复议「结果纠正」 + "), "{zh}");
        assert!(zh.contains(" − （行政复议「尚未审结」"), "{zh}");
        assert_eq!(metric("licensing_decisions").unwrap().formula_text(Format::F2019, Lang::En), "Administrative licensing [Decisions]");
        assert_eq!(metric("new_requests").unwrap().name(Lang::Zh), "一、本年新收政府信息公开申请数量「总计」");
        assert!(metric("licensing_decisions").unwrap().pointers(Format::F2007).is_empty());
        assert!(markdown().contains("## correction_rate"));
    }
}
