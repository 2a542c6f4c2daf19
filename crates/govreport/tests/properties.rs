//! Properties on generated reports (issue 9), and the limits of what the library accepts.
//!
//! Every report here is generated: its cells in all four states (a value, blank, "/", absent),
//! counts up to `u64::MAX`, amounts with up to 15 + 12 digits, prose in any script. The case
//! counts are kept small so that the file runs in well under 30 s in a debug build; raise them
//! with `PROPTEST_CASES=…` for a longer run.

mod common;

use std::collections::BTreeMap;

use common::{diff, renderable};

use govreport::labels::{self, Role};
use govreport::model::figure_pointers;
use govreport::{
    AgencyKind, ErrorType, Format, ImportOptions, Lang, Options, RenderFormat, Report, Status, aggregate, check, compare, complete, import_document,
    parse_json, parse_str, render,
};
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::{Map, Value, json};

// ---------------------------------------------------------------------------------------------
// Generators

/// What kind of value a figure cell holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Count,
    Signed,
    Amount,
}

fn kind_of(pointer: &str) -> Kind {
    if pointer.ends_with("/change") {
        Kind::Signed
    } else if pointer.ends_with("fees_10k_yuan") || pointer.ends_with("/amount") || pointer.ends_with("_yuan") {
        Kind::Amount
    } else {
        Kind::Count
    }
}

/// One generated cell; `None` is an absent cell.
type GenCell = Option<Value>;

fn count() -> impl Strategy<Value = u64> {
    prop_oneof![6 => 0..200u64, 2 => any::<u64>(), 1 => Just(u64::MAX), 1 => Just(0u64)]
}

fn signed() -> impl Strategy<Value = i64> {
    prop_oneof![6 => -50..50i64, 2 => any::<i64>(), 1 => Just(i64::MIN), 1 => Just(i64::MAX)]
}

/// An amount as written: up to 15 digits before the point and 12 after.
fn amount() -> impl Strategy<Value = String> {
    (prop_oneof![3 => Just("0".to_string()), 5 => "[1-9][0-9]{0,4}", 2 => "[1-9][0-9]{0,14}"], prop::option::of("[0-9]{1,12}")).prop_map(|(int, frac)| {
        match frac {
            Some(f) => format!("{int}.{f}"),
            None => int,
        }
    })
}

fn cell(kind: Kind) -> impl Strategy<Value = GenCell> {
    let value: BoxedStrategy<Value> = match kind {
        Kind::Count => count().prop_map(Value::from).boxed(),
        Kind::Signed => signed().prop_map(Value::from).boxed(),
        Kind::Amount => amount().prop_map(Value::from).boxed(),
    };
    prop_oneof![3 => Just(None), 1 => Just(Some(Value::Null)), 1 => Just(Some(Value::from("/"))), 5 => value.prop_map(Some)]
}

/// Names whose kind the importer reads from the name itself (…局 is a department, …人民政府
/// a government, …镇人民政府 and …街道办事处 townships).
fn named_agency() -> impl Strategy<Value = (String, AgencyKind)> {
    let place = prop::sample::select(vec!["北京市", "长春市二道区", "平安县", "西湖区", "河西区", "某市"]);
    let body = prop::sample::select(vec![
        ("教育局", AgencyKind::Department),
        ("卫生健康委员会", AgencyKind::Department),
        ("市场监督管理局", AgencyKind::Department),
        ("房屋征收工作管理办公室", AgencyKind::Department),
        ("人民政府", AgencyKind::Government),
        ("城关镇人民政府", AgencyKind::Township),
        ("西关街道办事处", AgencyKind::Township),
    ]);
    (place, body).prop_map(|(p, (b, k))| (format!("{p}{b}"), k))
}

fn any_agency() -> impl Strategy<Value = Value> {
    (
        prop_oneof![2 => named_agency().prop_map(|(n, _)| n), 1 => "\\PC{0,30}", 1 => any::<String>()],
        prop::sample::select(vec!["government", "department", "township", "other"]),
        prop::option::of(prop::sample::select(vec!["national", "provincial", "prefectural", "county", "township"])),
        prop::option::of(prop_oneof!["[0-9]{6}", "\\PC{0,8}"]),
        prop::option::of(prop_oneof!["[0-9A-HJ-NPQRTUWXY]{18}", "\\PC{0,20}"]),
    )
        .prop_map(|(name, kind, level, region, credit)| {
            let mut a = Map::new();
            a.insert("name".into(), name.into());
            a.insert("kind".into(), kind.into());
            if let Some(l) = level {
                a.insert("level".into(), l.into());
            }
            if let Some(r) = region {
                a.insert("region_code".into(), r.into());
            }
            if let Some(c) = credit {
                a.insert("credit_code".into(), c.into());
            }
            Value::Object(a)
        })
}

/// A date in the written shape, not always a real one (2023-02-30 is a finding, not an error).
fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (2008..2032u32, 1..13u32, 1..29u32).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        1 => "[0-9]{4}-[0-9]{2}-[0-9]{2}",
    ]
}

/// Prose of any script, control characters and all.
fn prose() -> impl Strategy<Value = String> {
    prop_oneof![3 => "\\PC{0,80}", 1 => any::<String>(), 1 => "[一二三四五六七八九十（）、。，：；0-9条件年月日万元 \n]{0,60}"]
}

fn insert(doc: &mut Value, pointer: &str, value: Value) {
    let mut at = doc;
    let keys: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
    for (i, k) in keys.iter().enumerate() {
        let Value::Object(m) = at else { unreachable!("{pointer}") };
        if i + 1 == keys.len() {
            m.insert((*k).to_string(), value);
            return;
        }
        at = m.entry((*k).to_string()).or_insert_with(|| Value::Object(Map::new()));
    }
}

fn template_year(format: Format) -> std::ops::RangeInclusive<u16> {
    match format {
        Format::F2021 => 2021..=2030,
        Format::F2019 => 2019..=2020,
        Format::F2007 => 2008..=2018,
    }
}

/// Any report of the 2019 or 2021 template, as its JSON document.
fn template_doc(format: Format, agency: BoxedStrategy<Value>, text: BoxedStrategy<String>) -> impl Strategy<Value = Value> {
    let pointers = figure_pointers(format);
    let cells: Vec<BoxedStrategy<GenCell>> = pointers.iter().map(|p| cell(kind_of(p)).boxed()).collect();
    (template_year(format), agency, prop::option::of(date()), prop::option::of(text.clone()), prop::option::of(text.clone()), prop::option::of(text), cells)
        .prop_map(move |(year, agency, published_on, overview, problems, other_matters, cells)| {
            let mut doc = json!({"format": format.as_str(), "year": year, "agency": agency});
            if let Some(d) = published_on {
                doc["published_on"] = d.into();
            }
            let mut sections = Map::new();
            for (k, v) in [("overview", overview), ("problems", problems), ("other_matters", other_matters)] {
                if let Some(v) = v {
                    sections.insert(k.into(), v.into());
                }
            }
            doc["sections"] = Value::Object(sections);
            for (p, c) in pointers.iter().zip(cells) {
                if let Some(v) = c {
                    insert(&mut doc, p, v);
                }
            }
            doc
        })
}

/// Any report of the 2007 regime, as its JSON document.
fn doc_2007() -> impl Strategy<Value = Value> {
    let part = (prose(), cell(Kind::Count), cell(Kind::Amount)).prop_map(|(label, count, percent)| {
        let mut p = json!({"label": label, "count": count.unwrap_or(Value::Null)});
        if let Some(v) = percent {
            p["percent"] = v;
        }
        p
    });
    let figure = (prose(), prop::option::of("[条件个项]"), cell(Kind::Count), prop::collection::vec(part, 0..4), prop::option::of(prose())).prop_map(
        |(label, unit, total, breakdown, quote)| {
            let mut f = json!({"label": label, "total": total.unwrap_or(Value::Null), "breakdown": breakdown});
            if let Some(u) = unit {
                f["unit"] = u.into();
            }
            if let Some(q) = quote {
                f["quote"] = q.into();
            }
            f
        },
    );
    let section = (prose(), prose()).prop_map(|(heading, text)| json!({"heading": heading, "text": text}));
    (template_year(Format::F2007), any_agency(), prop::option::of(date()), prop::collection::vec(section, 0..5), prop::collection::vec(figure, 0..4)).prop_map(
        |(year, agency, published_on, sections, figures)| {
            let mut doc = json!({"format": "2007", "year": year, "agency": agency, "sections": sections, "figures": figures});
            if let Some(d) = published_on {
                doc["published_on"] = d.into();
            }
            doc
        },
    )
}

fn parse_doc(doc: &Value) -> Report {
    parse_str(&doc.to_string()).unwrap_or_else(|e| panic!("a generated document does not parse: {e}\n{doc:#}"))
}

/// Any report of any format.
fn any_report() -> impl Strategy<Value = Report> {
    prop_oneof![
        2 => template_doc(Format::F2021, any_agency().boxed(), prose().boxed()),
        2 => template_doc(Format::F2019, any_agency().boxed(), prose().boxed()),
        1 => doc_2007(),
    ]
    .prop_map(|d| parse_doc(&d))
}

/// Prose as a report has it: sentences without part headings, table labels or figures, so
/// that the importer has nothing in it to mistake for the structure.
fn plain_prose() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "本机关坚持以公开为常态、不公开为例外",
            "进一步规范依申请公开办理流程",
            "加强政务公开队伍建设",
            "持续推进决策公开",
            "认真落实工作要求",
            "做好答复工作",
        ]),
        1..4,
    )
    .prop_map(|s| format!("{}。", s.join("，")))
}

/// A report of the 2019 or 2021 template that the official layout can show in full: an
/// agency named as a real one is (its kind follows from its name), plain prose, a real date.
fn printable_report() -> impl Strategy<Value = Report> {
    let agency = named_agency().prop_map(|(name, kind)| json!({"name": name, "kind": kind.as_str()})).boxed();
    let date = (1..13u32, 1..29u32);
    (prop_oneof![template_doc(Format::F2021, agency.clone(), plain_prose().boxed()), template_doc(Format::F2019, agency, plain_prose().boxed())], date)
        .prop_map(|(mut doc, (m, d))| {
            let year = doc["year"].as_u64().unwrap() + 1;
            doc["published_on"] = format!("{year:04}-{m:02}-{d:02}").into();
            parse_doc(&doc)
        })
}

/// The cells of table B and C of a report in which every equation holds: made from the
/// results, the carried-forward and the carried-over counts, each summed up.
#[derive(Clone, Debug)]
struct Consistent {
    format: Format,
    year: u16,
    /// Cell values by pointer.
    cells: BTreeMap<String, u64>,
    /// The derived cells: row totals, （七）总计 and table C's totals.
    derived: Vec<String>,
}

fn consistent(format: Format) -> impl Strategy<Value = Consistent> {
    let rows: Vec<&'static labels::RowLabel> = labels::request_rows(format).filter(|r| r.row.is_some()).collect();
    let results: Vec<&'static str> = rows.iter().filter(|r| r.role == Role::Result).map(|r| r.label.id).collect();
    let n = labels::REQUEST_COLUMNS.len() - 1;
    // Small counts mostly, and some so large that only exact arithmetic adds them up, but
    // small enough that every sum of the table stays within u64.
    let v = || prop_oneof![8 => 0..60u64, 1 => 0..(u64::MAX / 2048)];
    (
        template_year(format),
        prop::collection::vec(prop::collection::vec(v(), n), results.len()),
        prop::collection::vec(v(), n),
        prop::collection::vec(any::<u64>(), n),
        prop::collection::vec(prop::collection::vec(v(), 4), 3),
    )
        .prop_map(move |(year, res, forward, split, review)| {
            let col = |c: usize| labels::REQUEST_COLUMNS[c].id;
            let mut cells = BTreeMap::new();
            let mut derived = vec![];
            let mut results_total = vec![0u64; n];
            for (row, vals) in results.iter().zip(&res) {
                for c in 0..n {
                    cells.insert(format!("{row}/{}", col(c)), vals[c]);
                    results_total[c] += vals[c];
                }
                cells.insert(format!("{row}/total"), vals.iter().sum());
                derived.push(format!("{row}/total"));
            }
            let (mut new, mut over) = (vec![0u64; n], vec![0u64; n]);
            for c in 0..n {
                let intake = results_total[c] + forward[c];
                over[c] = split[c] % (intake + 1);
                new[c] = intake - over[c];
            }
            for (row, vals) in [
                ("/requests/results_total", &results_total),
                ("/requests/carried_forward", &forward),
                ("/requests/new", &new),
                ("/requests/carried_over", &over),
            ] {
                for (c, v) in vals.iter().enumerate().take(n) {
                    cells.insert(format!("{row}/{}", col(c)), *v);
                }
                cells.insert(format!("{row}/total"), vals.iter().sum());
                derived.push(format!("{row}/total"));
            }
            derived.extend((0..n).map(|c| format!("/requests/results_total/{}", col(c))));
            for (g, vals) in labels::REVIEW_GROUPS.iter().zip(&review) {
                for (c, v) in vals.iter().enumerate() {
                    cells.insert(format!("{}/{}", g.id, labels::REVIEW_COLUMNS[c].id), *v);
                }
                cells.insert(format!("{}/total", g.id), vals.iter().sum());
                derived.push(format!("{}/total", g.id));
            }
            Consistent { format, year, cells, derived }
        })
}

impl Consistent {
    /// The report with `cleared` derived cells left out (`None`) or blank (`Some(Null)`).
    fn report(&self, cleared: &[Option<GenCell>]) -> Report {
        let mut doc = json!({"format": self.format.as_str(), "year": self.year, "agency": {"name": "某市某局", "kind": "department"}});
        for (p, v) in &self.cells {
            let at = self.derived.iter().position(|d| d == p);
            match at.and_then(|i| cleared.get(i).cloned().flatten()) {
                None => insert(&mut doc, p, Value::from(*v)),
                Some(None) => {}
                Some(Some(x)) => insert(&mut doc, p, x),
            }
        }
        parse_doc(&doc)
    }
}

/// A consistent report and, per derived cell, whether to keep it (`None`), leave it out
/// (`Some(None)`) or blank it (`Some(Some(null))`).
fn consistent_with_gaps() -> impl Strategy<Value = (Consistent, Vec<Option<GenCell>>)> {
    prop_oneof![consistent(Format::F2021), consistent(Format::F2019)].prop_flat_map(|c| {
        let n = c.derived.len();
        let gap = prop_oneof![2 => Just(None), 1 => Just(Some(None)), 1 => Just(Some(Some(Value::Null)))];
        (Just(c), prop::collection::vec(gap, n))
    })
}

const ARITHMETIC: [&str; 4] = ["GR201", "GR202", "GR203", "GR301"];

fn arithmetic_findings(r: &Report) -> Vec<String> {
    let findings = check(r, &Options::default()).unwrap();
    findings
        .iter()
        .filter(|f| ARITHMETIC.contains(&f.code.as_str()))
        .map(|f| format!("{} {:?} {} expected {:?} actual {:?}", f.code, f.status, f.path, f.expected, f.actual))
        .collect()
}

/// Every figure cell of the report, by pointer (absent cells left out).
fn figures(r: &Report) -> BTreeMap<String, Value> {
    let doc = serde_json::to_value(r).unwrap();
    figure_pointers(r.format()).into_iter().filter_map(|p| doc.pointer(&p).cloned().map(|v| (p, v))).collect()
}

/// The document without its figure cells (and the objects they leave empty).
fn without_figures(r: &Report) -> Value {
    fn prune(v: &mut Value) {
        if let Value::Object(m) = v {
            m.values_mut().for_each(prune);
            m.retain(|_, x| !matches!(x, Value::Object(o) if o.is_empty()));
        }
    }
    let mut doc = serde_json::to_value(r).unwrap();
    for p in figure_pointers(r.format()) {
        let (parent, key) = p.rsplit_once('/').unwrap();
        if let Some(Value::Object(m)) = doc.pointer_mut(parent) {
            m.remove(key);
        }
    }
    prune(&mut doc);
    doc
}

fn config(cases: u32) -> Config {
    // PROPTEST_CASES, when set, wins (Config::default reads it).
    let from_env = std::env::var("PROPTEST_CASES").is_ok();
    Config { cases: if from_env { Config::default().cases } else { cases }, failure_persistence: None, ..Config::default() }
}

// ---------------------------------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(config(32))]

    /// Writing a report as JSON and reading it back gives the same report, in every format
    /// and every cell state, compact or pretty.
    #[test]
    fn json_round_trip_is_lossless(r in any_report()) {
        let again = parse_str(&r.to_json()).unwrap();
        prop_assert_eq!(&again, &r);
        let again = parse_json(r.to_json_pretty().as_bytes()).unwrap();
        prop_assert_eq!(&again, &r);
        // And the text itself is stable: one more trip writes the same bytes.
        prop_assert_eq!(again.to_json(), r.to_json());
    }

    /// `complete` fills the derived cells of a consistent report so that every arithmetic rule
    /// holds (no finding at all, not even "not assessable"), fills only cells that were
    /// missing, and leaves every given cell as it was.
    #[test]
    fn complete_makes_consistent_parts_pass((c, gaps) in consistent_with_gaps()) {
        let mut r = c.report(&gaps);
        let before = figures(&r);
        let done = complete(&mut r);
        let after = figures(&r);
        for (p, v) in &before {
            if !v.is_null() {
                prop_assert_eq!(after.get(p), Some(v), "complete changed the given cell {}", p);
            }
        }
        for p in &done.filled {
            prop_assert!(before.get(p).is_none_or(|v| v.is_null()), "complete filled {} which was given", p);
        }
        prop_assert!(done.left_empty.is_empty(), "left empty: {:?}", done.left_empty);
        for (p, v) in &c.cells {
            prop_assert_eq!(after.get(p), Some(&Value::from(*v)), "{} after complete", p);
        }
        let left = arithmetic_findings(&r);
        prop_assert!(left.is_empty(), "arithmetic findings after complete: {:#?}", left);
        // Completing again changes nothing.
        let again = complete(&mut r);
        prop_assert!(again.filled.is_empty(), "filled twice: {:?}", again.filled);
    }

    /// On any report, consistent or not, `complete` changes no cell that holds a value or "/",
    /// fills only cells that were blank or absent, and is idempotent.
    #[test]
    fn complete_changes_no_given_cell(r in any_report()) {
        let mut r2 = r.clone();
        let before = figures(&r);
        let done = complete(&mut r2);
        let after = figures(&r2);
        for (p, v) in &before {
            if !v.is_null() {
                prop_assert_eq!(after.get(p), Some(v), "complete changed the given cell {}", p);
            }
        }
        for (p, v) in &after {
            if before.get(p) != Some(v) {
                prop_assert!(done.filled.contains(p), "{} changed but is not listed as filled", p);
            }
        }
        for p in &done.filled {
            prop_assert!(before.get(p).is_none_or(|v| v.is_null()), "complete filled {} which was given", p);
        }
        // Nothing outside the figure cells moves.
        prop_assert_eq!(without_figures(&r2), without_figures(&r));
        let mut r3 = r2.clone();
        prop_assert!(complete(&mut r3).filled.is_empty());
        prop_assert_eq!(r3, r2);
    }

    /// The roll-up of consistent reports of one format and year is consistent.
    #[test]
    fn roll_up_of_consistent_reports_is_consistent(units in prop_oneof![consistent(Format::F2021), consistent(Format::F2019)]
        .prop_flat_map(|c| prop::collection::vec(consistent(c.format), 1..4).prop_map(move |mut v| { v.push(c.clone()); v })))
    {
        let year = units[0].year;
        let format = units[0].format;
        let reports: Vec<Report> = units
            .iter()
            .enumerate()
            .map(|(i, u)| {
                let mut r = Consistent { year, ..u.clone() }.report(&[]);
                r.set("/agency/name", format!("某县第{i}局").into()).unwrap();
                r
            })
            .collect();
        let agency = govreport::Agency::new("某县人民政府", AgencyKind::Government);
        let roll = aggregate(&reports, agency).unwrap();
        prop_assert_eq!(roll.report.format(), format);
        prop_assert!(roll.gaps.is_empty(), "{:?}", roll.gaps);
        let left = arithmetic_findings(&roll.report);
        prop_assert!(left.is_empty(), "arithmetic findings in the roll-up: {:#?}", left);
    }

    /// Nothing panics on any report: check (both languages), compare with another report,
    /// complete, render in every format, aggregate.
    #[test]
    fn nothing_panics_on_any_report(a in any_report(), b in any_report()) {
        for lang in [Lang::Zh, Lang::En] {
            let options = Options { lang, today: Some("2024-06-30".into()), ..Options::default() };
            check(&a, &options).unwrap();
            let _ = compare(&b, &a, &options);
            let _ = compare(&a, &a, &options);
        }
        check(&a, &Options::default()).unwrap();
        let mut c = a.clone();
        complete(&mut c);
        check(&c, &Options::default()).unwrap();
        for fmt in [RenderFormat::Html, RenderFormat::Docx, RenderFormat::Markdown, RenderFormat::Text] {
            for lang in [Lang::Zh, Lang::En] {
                let out = render(&a, fmt, lang);
                prop_assert!(out.is_ok(), "render {:?} {:?}: {:?}", fmt, lang, out.err());
            }
        }
        let agency = a.meta().agency.clone();
        let _ = aggregate(&[a.clone(), b.clone()], agency.clone());
        let _ = aggregate(&[a.clone(), a.clone()], agency);
    }
}

proptest! {
    #![proptest_config(config(12))]

    /// Rendering a report in the official layout as HTML and importing the page gives the
    /// same document, but for what the layout does not print (agency level, region code,
    /// credit code) and an absent cell, which the layout prints blank like a blank one.
    #[test]
    fn render_html_then_import_gives_the_same_document(r in printable_report()) {
        let want = renderable(&r);
        let page = render(&r, RenderFormat::Html, Lang::Zh).unwrap();
        let got = import_document(&page, &ImportOptions::default()).unwrap_or_else(|e| panic!("{e}\n{}", String::from_utf8_lossy(&page)));
        prop_assert!(got.report == want, "differs from the rendered report:{}\nimport findings: {:#?}", diff(&want, &got.report), got.findings);
    }
}

proptest! {
    #![proptest_config(config(4))]

    /// The same for the other layouts: Word, Markdown and text.
    #[test]
    fn render_docx_markdown_text_then_import(r in printable_report()) {
        let want = renderable(&r);
        for fmt in [RenderFormat::Docx, RenderFormat::Markdown, RenderFormat::Text] {
            let bytes = render(&r, fmt, Lang::Zh).unwrap();
            let got = import_document(&bytes, &ImportOptions::default()).unwrap_or_else(|e| panic!("{fmt:?}: {e}"));
            prop_assert!(got.report == want, "{:?} differs from the rendered report:{}", fmt, diff(&want, &got.report));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Bugs found by the properties and the fuzz targets: regression tests once fixed, ignored
// (with what is wrong) until then.

fn rendered_then_imported(doc: Value, fmt: RenderFormat) -> Report {
    let r = parse_doc(&doc);
    let bytes = render(&r, fmt, Lang::Zh).unwrap();
    import_document(&bytes, &ImportOptions::default()).unwrap().report
}

/// Found by `render_docx_markdown_text_then_import` (fixed in 77adbac): a `|` row padded with
/// one more blank cell than it has columns was read shifted left, `| 政府集中采购 |  | 7 |  |`
/// giving items 7 and amount blank.
#[test]
fn regression_padded_two_column_row_with_blank_first_cell_is_not_shifted() {
    let doc = json!({"format": "2019", "year": 2019, "agency": {"name": "北京市教育局", "kind": "department"}, "published_on": "2020-03-13",
        "proactive": {"procurement": {"items": null, "amount": "7"}, "fees": {"previous_items": null, "change": -5}}});
    let got = rendered_then_imported(doc, RenderFormat::Markdown);
    assert_eq!(got.get("/proactive/procurement/items").unwrap(), Some(Value::Null));
    assert_eq!(got.get("/proactive/procurement/amount").unwrap(), Some(Value::from("7")));
    assert_eq!(got.get("/proactive/fees/previous_items").unwrap(), Some(Value::Null));
    assert_eq!(got.get("/proactive/fees/change").unwrap(), Some(Value::from(-5)));
    // The same row typed by hand, as text copied from a page.
    let text =
        "北京市教育局2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n| 信息内容 | 采购项目数量 | 采购总金额 |  |\n| 政府集中采购 |  | 7 |  |\n";
    let got = import_document(text.as_bytes(), &ImportOptions::default()).unwrap().report;
    assert_eq!(got.get("/proactive/procurement/amount").unwrap(), Some(Value::from("7")));
}

/// Found by `render_html_then_import_gives_the_same_document` (fixed in 77adbac): a
/// processing-fees table of three blank cells came back as no table at all.
#[test]
fn regression_blank_processing_fees_table_imports_as_blank_cells() {
    let doc = json!({"format": "2021", "year": 2023, "agency": {"name": "北京市教育局", "kind": "department"}, "published_on": "2024-01-13",
        "processing_fees": {"billed_yuan": null}});
    for fmt in [RenderFormat::Html, RenderFormat::Docx, RenderFormat::Markdown, RenderFormat::Text] {
        let got = rendered_then_imported(doc.clone(), fmt);
        assert_eq!(got.get("/processing_fees/billed_yuan").unwrap(), Some(Value::Null), "{fmt:?}");
        assert_eq!(got.get("/processing_fees/notices").unwrap(), Some(Value::Null), "{fmt:?}");
    }
}

/// Found by `render_html_then_import_gives_the_same_document` (fixed in 77adbac): a 本年增/减
/// of i64::MIN was not read back (the digits were parsed as i64 before the sign).
#[test]
fn regression_signed_cell_at_i64_min_imports() {
    let doc = json!({"format": "2019", "year": 2019, "agency": {"name": "北京市教育局", "kind": "department"}, "published_on": "2020-03-13",
        "proactive": {"licensing": {"previous_items": 1, "change": i64::MIN, "decisions": 0}}});
    for fmt in [RenderFormat::Html, RenderFormat::Docx, RenderFormat::Text] {
        let got = rendered_then_imported(doc.clone(), fmt);
        assert_eq!(got.get("/proactive/licensing/change").unwrap(), Some(Value::from(i64::MIN)), "{fmt:?}");
    }
}

/// Found while writing `limit_deeply_nested_pages_do_not_overflow_the_stack` (fixed in 77adbac
/// for nesting the tags show): 100 000 nested `<div>` took minutes to import.
#[test]
fn regression_deeply_nested_html_imports_in_linear_time() {
    let depth = 100_000;
    let html = format!("<html><body><h1>某市某局2023年政府信息公开工作年度报告</h1>{}x{}</body></html>", "<div>".repeat(depth), "</div>".repeat(depth));
    let started = std::time::Instant::now();
    let _ = import_document(html.as_bytes(), &ImportOptions::default());
    assert!(started.elapsed().as_secs() < 10, "took {:?}", started.elapsed());
}

/// Nesting written so that only a parser sees it: `<div/>` is an open `<div>` in HTML (the
/// slash is ignored on non-void elements), and an end tag that closes nothing (`</span>` with
/// no open span) is ignored. `tag_depth` in import/html.rs nests as the parser does, so such
/// a page is read as text instead of being handed to the quadratic tree builder.
#[test]
fn html_nesting_hidden_in_odd_tags_stays_linear() {
    let title = "<html><body><h1>某市某局2023年政府信息公开工作年度报告</h1>";
    for page in [format!("{title}{}x</body></html>", "<div/>".repeat(100_000)), format!("{title}{}x</body></html>", "<div></span>".repeat(100_000))] {
        let started = std::time::Instant::now();
        let _ = import_document(page.as_bytes(), &ImportOptions::default());
        // Quadratic time would be minutes here; linear is seconds even in a debug build.
        assert!(started.elapsed().as_secs() < 30, "{}: took {:?}", &page[page.len() - 40..], started.elapsed());
    }
}

// ---------------------------------------------------------------------------------------------
// Limits (src/limits.rs): each is enforced with an error, or a finding, that says so.

fn doc_with(cells: &[(&str, Value)]) -> Value {
    let mut doc = json!({"format": "2021", "year": 2023, "agency": {"name": "某市某局", "kind": "department"}});
    for (p, v) in cells {
        insert(&mut doc, p, v.clone());
    }
    doc
}

/// The largest count is u64::MAX; a sum past it is exact in the checks (a finding with the
/// true sum), left empty by `complete`, and an error in a roll-up: never a wrap.
#[test]
fn limit_largest_count_sums_without_wrapping() {
    let max = u64::MAX;
    let doc = doc_with(&[
        ("/requests/new/natural_person", max.into()),
        ("/requests/new/commercial", 1.into()),
        ("/requests/new/research", 0.into()),
        ("/requests/new/social_welfare", 0.into()),
        ("/requests/new/legal_service", 0.into()),
        ("/requests/new/other_org", 0.into()),
        ("/requests/new/total", 0.into()),
    ]);
    let r = parse_doc(&doc);
    assert_eq!(r.get("/requests/new/natural_person").unwrap(), Some(Value::from(max)));
    let findings = check(&r, &Options::default()).unwrap();
    let f = findings.with_code("GR203").find(|f| f.path == "/requests/new/total").expect("GR203 on the row total");
    assert_eq!(f.status, Status::Violated);
    assert_eq!(f.expected.as_deref(), Some("18446744073709551616"), "the sum is exact: {f:?}");
    assert_eq!(f.actual.as_deref(), Some("0"));

    // Every cell of a row at the largest count: the true sum, six times u64::MAX.
    let cols = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"];
    let mut cells: Vec<(String, Value)> = cols.iter().map(|c| (format!("/requests/granted/{c}"), Value::from(max))).collect();
    cells.push(("/requests/granted/total".into(), Value::from(max)));
    let cells: Vec<(&str, Value)> = cells.iter().map(|(p, v)| (p.as_str(), v.clone())).collect();
    let r = parse_doc(&doc_with(&cells));
    let findings = check(&r, &Options::default()).unwrap();
    let f = findings.with_code("GR203").find(|f| f.path == "/requests/granted/total").unwrap();
    assert_eq!(f.expected.as_deref(), Some((u128::from(max) * 6).to_string().as_str()));

    // B1 with the largest counts on both sides holds exactly.
    let r = parse_doc(&doc_with(&[
        ("/requests/new/natural_person", max.into()),
        ("/requests/carried_over/natural_person", max.into()),
        ("/requests/results_total/natural_person", max.into()),
        ("/requests/carried_forward/natural_person", max.into()),
    ]));
    let findings = check(&r, &Options::default()).unwrap();
    assert!(!findings.with_code("GR201").any(|f| f.status == Status::Violated && f.path.ends_with("/natural_person")), "{findings:#?}");

    // complete does not wrap: the total is left empty and said so.
    let mut r = parse_doc(&doc_with(&[("/requests/new/natural_person", max.into()), ("/requests/new/commercial", 1.into())]));
    let done = complete(&mut r);
    assert!(done.left_empty.contains(&"/requests/new/total".to_string()), "{done:?}");
    assert_eq!(r.get("/requests/new/total").unwrap(), None);

    // A roll-up past the largest count is an error that says so.
    let a = parse_doc(&doc_with(&[("/requests/new/natural_person", max.into())]));
    let e = aggregate(&[a.clone(), a], govreport::Agency::new("某县", AgencyKind::Government)).unwrap_err();
    assert!(e.to_string().contains("largest count"), "{e}");

    // One past the largest count does not parse, and the error names the cell.
    let text = doc_with(&[]).to_string().replacen('{', r#"{"requests":{"new":{"natural_person":18446744073709551616}},"#, 1);
    match parse_str(&text) {
        Err(e) if e.kind() == "structure" => {
            let message = e.message(govreport::Lang::En);
            assert_eq!(e.pointer(), Some("/requests/new/natural_person"));
            assert!(message.contains("18446744073709551615") || message.contains("larger"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

/// Nesting: 32 levels of arrays and objects at most (a report needs five); one more is a
/// syntax error that names the limit and the place, before any other reading.
#[test]
fn limit_deepest_nesting() {
    let max = govreport::limits::MAX_DEPTH;
    let nested = |depth: usize| format!(r#"{{"format":"2021","x":{}1{}}}"#, "[".repeat(depth - 1), "]".repeat(depth - 1));
    let e = parse_str(&nested(max + 1)).unwrap_err();
    match e.error_type() {
        ErrorType::JsonSyntax { line, column, .. } => {
            assert!(e.message(govreport::Lang::En).contains(&format!("deeper than {max}")), "{e}");
            assert_eq!((*line, *column), (1, 21 + max));
        }
        other => panic!("{other:?}"),
    }
    // At the limit the nesting is fine: the document fails for the unknown field instead.
    let e = parse_str(&nested(max)).unwrap_err();
    assert_eq!((e.kind(), e.pointer()), ("structure", Some("/x")));
    // Far deeper (serde_json alone stops at 128): still the same clear error, no stack
    // overflow, through every door.
    let deep = nested(100_000);
    assert_eq!(parse_str(&deep).unwrap_err().kind(), "syntax");
    assert_eq!(parse_json(deep.as_bytes()).unwrap_err().kind(), "syntax");
    assert_eq!(govreport::check_json(deep.as_bytes(), &Options::default()).unwrap_err().kind(), "syntax");
    assert_eq!(import_document(deep.as_bytes(), &ImportOptions::default()).unwrap_err().kind(), "syntax");
    // Brackets inside strings do not count.
    let in_string = format!(r#"{{"format":"2021","year":2023,"agency":{{"name":"{}","kind":"department"}}}}"#, "[{".repeat(1000));
    parse_str(&in_string).unwrap();
}

/// Deeply nested pages (HTML elements, Word XML) import or fail cleanly: no stack overflow.
#[test]
fn limit_deeply_nested_pages_do_not_overflow_the_stack() {
    let title = "某市某局2023年政府信息公开工作年度报告";
    for depth in [2_000usize, 50_000] {
        let html = format!(
            "<html><body><h1>{title}</h1>{}<table><tr><td>规章</td><td>1</td></tr></table>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let _ = import_document(html.as_bytes(), &ImportOptions::default());
        let tables = format!("<html><body><h1>{title}</h1>{}x{}</body></html>", "<table><tr><td>".repeat(depth), "</td></tr></table>".repeat(depth));
        let _ = import_document(tables.as_bytes(), &ImportOptions::default());
    }
    for depth in [1_000usize, 50_000] {
        let xml = format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>{title}</w:t></w:r></w:p>{}{}</w:body></w:document>"#,
            "<w:tbl><w:tr><w:tc>".repeat(depth),
            "</w:tc></w:tr></w:tbl>".repeat(depth)
        );
        let _ = import_document(&docx_with(&xml), &ImportOptions::default());
    }
}

fn docx_with(document_xml: &str) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
    zip.write_all(document_xml.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

/// Input: 32 MiB at most, through every entry point that takes bytes; at the limit a
/// document is still read.
#[test]
fn limit_largest_input() {
    let limit = govreport::limits::MAX_INPUT_BYTES as usize;
    let doc = doc_with(&[]).to_string();
    let mut at_limit = doc.clone().into_bytes();
    at_limit.resize(limit, b' ');
    parse_json(&at_limit).unwrap();
    let mut over = at_limit;
    over.push(b' ');
    for result in [
        parse_json(&over).map(|_| ()),
        govreport::check_json(&over, &Options::default()).map(|_| ()),
        import_document(&over, &ImportOptions::default()).map(|_| ()),
        parse_str(std::str::from_utf8(&over).unwrap()).map(|_| ()),
    ] {
        match result.as_ref().map_err(|e| e.error_type()) {
            Err(ErrorType::TooLarge { size, limit: l }) => {
                assert_eq!((*size, *l), (limit as u64 + 1, limit as u64));
            }
            other => panic!("{other:?}"),
        }
    }
    let e = parse_json(&over).unwrap_err();
    assert!(e.to_string().contains(&limit.to_string()), "{e}");
}

/// Text: there is no limit of its own on a text field; the input limit bounds it. A part of
/// a few megabytes is read, checked and rendered, and in reasonable time.
#[test]
fn limit_longest_text() {
    let long = "本机关坚持以公开为常态、不公开为例外。".repeat(60_000); // 3.4 MB
    let doc = doc_with(&[("/sections/overview", long.clone().into()), ("/sections/problems", long.clone().into())]);
    let started = std::time::Instant::now();
    let r = parse_doc(&doc);
    assert_eq!(r.get("/sections/overview").unwrap(), Some(Value::from(long.clone())));
    check(&r, &Options::default()).unwrap();
    render(&r, RenderFormat::Html, Lang::Zh).unwrap();
    assert!(started.elapsed().as_secs() < 60, "a long text took {:?}", started.elapsed());
    // A text that takes the document past the input limit is refused as too large.
    let limit = govreport::limits::MAX_INPUT_BYTES as usize;
    let huge = "a".repeat(limit);
    match parse_str(&doc_with(&[("/sections/overview", huge.into())]).to_string()) {
        Err(e) if matches!(e.error_type(), ErrorType::TooLarge { .. }) => {
            assert!(matches!(e.error_type(), ErrorType::TooLarge { limit: l, .. } if *l == limit as u64))
        }
        other => panic!("{other:?}"),
    }
}

/// Amounts: 15 digits before the point and 12 after at most; one more either way is an
/// error that names the cell and the limit.
#[test]
fn limit_most_decimals_in_an_amount() {
    let (int, frac) = govreport::limits::AMOUNT_DIGITS;
    let at_limit = format!("{}.{}", "9".repeat(int), "9".repeat(frac));
    let r = parse_doc(&doc_with(&[("/proactive/fees_10k_yuan", at_limit.clone().into())]));
    assert_eq!(r.get("/proactive/fees_10k_yuan").unwrap(), Some(Value::from(at_limit.clone())));
    // Its own JSON keeps every digit.
    assert_eq!(parse_str(&r.to_json()).unwrap(), r);
    for bad in [format!("0.{}", "1".repeat(frac + 1)), format!("1{}", "0".repeat(int)), format!("{}.5", "9".repeat(int + 1))] {
        let text = doc_with(&[("/proactive/fees_10k_yuan", bad.clone().into())]).to_string();
        match parse_str(&text) {
            Err(e) if e.kind() == "structure" => {
                let (pointer, message) = (e.pointer().unwrap_or_default(), e.message(govreport::Lang::En));
                assert_eq!(pointer, "/proactive/fees_10k_yuan", "{bad}");
                assert!(message.contains(&int.to_string()) && message.contains(&frac.to_string()), "{bad}: {message}");
            }
            other => panic!("{bad}: {other:?}"),
        }
    }
    // Trailing zeros are kept as written: the precision is part of the figure.
    let r = parse_doc(&doc_with(&[("/processing_fees/billed_yuan", "10.500".into())]));
    assert_eq!(r.get("/processing_fees/billed_yuan").unwrap(), Some(Value::from("10.500")));
}

/// Cells: the template fixes them; a cell the template does not have is an error naming it.
#[test]
fn limit_most_cells() {
    for format in [Format::F2021, Format::F2019] {
        let pointers = figure_pointers(format);
        assert!(pointers.len() < 400, "{}", pointers.len());
    }
    let text = doc_with(&[("/requests/new/natural_person", 1.into())]).to_string().replace(r#""natural_person":1"#, r#""natural_person":1,"robots":2"#);
    match parse_str(&text) {
        Err(e) if e.kind() == "structure" => assert_eq!(e.pointer(), Some("/requests/new/robots")),
        other => panic!("{other:?}"),
    }
}
