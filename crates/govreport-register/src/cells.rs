//! The one adapter over the core's listing of a report's cells: every figure cell of a report
//! with its pointer, labels, kind, state (number, blank, "/", absent, unreadable) and value,
//! and the provenance an import gives. Everything else in the register goes through here, so
//! that moving to the core's cell visitor is an edit of this file alone.
//!
//! Today it lists cells from [`govreport::model::figure_pointers`] and the label table, reads
//! them from the document's JSON, finds a cell's kind by asking the core which values it
//! accepts there, and takes provenance from the import findings that name a cell (GR911 gives
//! the raw text of a cell that is not a number, GR905 the row of a short row).

use std::collections::HashMap;

use govreport::labels;
use govreport::{Agency, AgencyKind, Format, Imported, Lang, Report};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// What a cell holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CellState {
    /// A number (count or amount).
    Number,
    /// Left blank as published.
    Blank,
    /// Marked "/" (not applicable).
    NotApplicable,
    /// Not in the document (a table cut off, a row left out).
    Absent,
    /// The source has something there that is not a number (the import says what).
    Unreadable,
}

impl CellState {
    /// The code stored in `cells.state` (see the `cell_states` table).
    pub fn code(self) -> i64 {
        match self {
            CellState::Number => 0,
            CellState::Blank => 1,
            CellState::NotApplicable => 2,
            CellState::Absent => 3,
            CellState::Unreadable => 4,
        }
    }

    /// The state of a stored code.
    pub fn from_code(code: i64) -> Option<CellState> {
        [CellState::Number, CellState::Blank, CellState::NotApplicable, CellState::Absent, CellState::Unreadable].into_iter().find(|s| s.code() == code)
    }

    /// `number`, `blank`, `not_applicable`, `absent` or `unreadable`.
    pub fn as_str(self) -> &'static str {
        match self {
            CellState::Number => "number",
            CellState::Blank => "blank",
            CellState::NotApplicable => "not_applicable",
            CellState::Absent => "absent",
            CellState::Unreadable => "unreadable",
        }
    }
}

/// What values a cell takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CellKind {
    /// A whole number ≥ 0.
    Count,
    /// A signed whole number (本年增/减 of the 2019 template).
    Signed,
    /// An exact decimal amount (万元, 元).
    Amount,
}

impl CellKind {
    /// `count`, `signed` or `amount`.
    pub fn as_str(self) -> &'static str {
        match self {
            CellKind::Count => "count",
            CellKind::Signed => "signed",
            CellKind::Amount => "amount",
        }
    }
}

/// A figure cell of a template format, with its labels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDef {
    /// Its JSON pointer.
    pub pointer: String,
    /// The part of the report it is in: 二 (table A), 三 (table B), 四 (table C), 六 (fees).
    pub part: &'static str,
    /// The pointer of its row.
    pub row_pointer: String,
    /// The row's label, with its group (（三）不予公开1.属于国家秘密).
    pub row_label: String,
    /// The key of its column in the row ("" when the row is one cell).
    pub column_key: String,
    /// The column's label ("" when the template gives none).
    pub column_label: String,
    /// The cell's full name in Chinese and in English.
    pub label: String,
    /// The same in English.
    pub label_en: String,
    /// What values it takes.
    pub kind: CellKind,
}

/// Every figure cell of `format`, in template order (none for the 2007 regime).
pub fn fields(format: Format) -> Vec<FieldDef> {
    let probe = Report::new(format, 2023, Agency { name: String::new(), kind: AgencyKind::Department, level: None, region_code: None, credit_code: None });
    govreport::model::figure_pointers(format)
        .into_iter()
        .map(|pointer| {
            let (row_pointer, column_key) = match labels::lookup(format, &pointer) {
                Some(_) => (pointer.clone(), String::new()),
                None => match pointer.rsplit_once('/') {
                    Some((row, key)) => (row.to_string(), key.to_string()),
                    None => (pointer.clone(), String::new()),
                },
            };
            let column_label = labels::column(format, &row_pointer, &column_key).map(|c| c.name.zh.to_string()).unwrap_or_default();
            let accepts = |v: Value| probe.clone().set(&pointer, v).is_ok();
            let kind = if accepts(json!("0.5")) {
                CellKind::Amount
            } else if accepts(json!(-1)) {
                CellKind::Signed
            } else {
                CellKind::Count
            };
            FieldDef {
                part: part_of(&pointer),
                row_label: labels::cell_name(format, &row_pointer, Lang::Zh),
                label: labels::cell_name(format, &pointer, Lang::Zh),
                label_en: labels::cell_name(format, &pointer, Lang::En),
                row_pointer,
                column_key,
                column_label,
                kind,
                pointer,
            }
        })
        .collect()
}

/// The numeral of the part a pointer is in (二, 三, 四; the processing fees are reported in 六).
fn part_of(pointer: &str) -> &'static str {
    let under = |prefix: &str| pointer == prefix || pointer.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('/'));
    if under(labels::PROCESSING_FEES[0].id) {
        return labels::PARTS[5].numeral;
    }
    labels::PARTS.iter().find(|p| under(p.label.id)).map_or("", |p| p.numeral)
}

/// Where a cell's content was read from in the source, as far as the importer says.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// Page of a PDF (none of today's importers give one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<i64>,
    /// Table of an HTML page or Word file (1-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<i64>,
    /// Line of a text source, or row of that table (1-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<i64>,
    /// The text found there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// One cell of a report.
#[derive(Clone, Debug, PartialEq)]
pub struct CellValue {
    /// What it holds.
    pub state: CellState,
    /// The number as written (a count, or an amount such as "0.092"); None unless a number.
    pub value: Option<String>,
    /// Where it came from, when the import says.
    pub provenance: Option<Provenance>,
}

/// The cells of `report` at `pointers` (its format's [`fields`]), in the same order; with
/// the provenance and unreadable cells of `imported` when the report was imported.
pub fn read(report: &Report, pointers: &[&str], imported: Option<&Imported>) -> Vec<CellValue> {
    let doc = serde_json::to_value(report).unwrap_or(Value::Null);
    let places = imported.map(provenance).unwrap_or_default();
    pointers
        .iter()
        .map(|p| {
            let (state, value) = match doc.pointer(p) {
                None => (CellState::Absent, None),
                Some(Value::Null) => (CellState::Blank, None),
                Some(Value::String(s)) if s == govreport::model::NOT_APPLICABLE => (CellState::NotApplicable, None),
                Some(Value::String(s)) => (CellState::Number, Some(s.clone())),
                Some(Value::Number(n)) => (CellState::Number, Some(n.to_string())),
                Some(other) => (CellState::Unreadable, Some(other.to_string())),
            };
            let place = places.get(*p);
            let state = match (state, place) {
                (CellState::Absent, Some((_, true))) => CellState::Unreadable,
                (s, _) => s,
            };
            CellValue { state, value, provenance: place.map(|(prov, _)| prov.clone()) }
        })
        .collect()
}

/// What the import findings say about cells: pointer → (where, whether the text there is not
/// a number).
fn provenance(imported: &Imported) -> HashMap<String, (Provenance, bool)> {
    let mut out = HashMap::new();
    for f in imported.findings.iter() {
        if !f.path.starts_with('/') {
            continue;
        }
        let num = |k: &str| f.params.get(k).and_then(|v| v.parse::<i64>().ok());
        let prov = Provenance { page: num("page"), table: num("table"), line: num("line").or(num("row")), text: f.params.get("text").cloned() };
        if prov == Provenance::default() {
            continue;
        }
        // GR911: the text in the cell is not a number; the cell is left out of the document.
        let unreadable = f.code == "GR911";
        out.entry(f.path.clone()).or_insert((prov, unreadable));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cell_of_the_2021_template_with_its_labels_and_kind() {
        let f = fields(Format::F2021);
        assert_eq!(f.len(), govreport::model::figure_pointers(Format::F2021).len());
        let find = |p: &str| f.iter().find(|x| x.pointer == p).unwrap();
        let fee = find("/proactive/fees_10k_yuan");
        assert_eq!((fee.part, fee.kind, fee.column_label.as_str()), ("二", CellKind::Amount, "本年收费金额（单位：万元）"));
        let secret = find("/requests/withheld/state_secret/natural_person");
        assert_eq!((secret.part, secret.kind), ("三", CellKind::Count));
        assert_eq!((secret.row_label.as_str(), secret.column_label.as_str()), ("（三）不予公开1.属于国家秘密", "自然人"));
        assert_eq!(find("/review_litigation/litigation_direct/corrected").part, "四");
        assert_eq!(find("/processing_fees/collected_yuan").part, "六");
        assert_eq!(find("/processing_fees/collected_yuan").kind, CellKind::Amount);
        let f19 = fields(Format::F2019);
        assert_eq!(f19.iter().find(|x| x.pointer == "/proactive/licensing/change").unwrap().kind, CellKind::Signed);
        assert!(fields(Format::F2007).is_empty());
    }

    #[test]
    fn number_blank_slash_and_absent_are_kept_apart() {
        let mut r =
            Report::new(Format::F2021, 2023, Agency { name: "x".into(), kind: AgencyKind::Department, level: None, region_code: None, credit_code: None });
        r.set("/requests/new/natural_person", json!(3)).unwrap();
        r.set("/requests/new/commercial", json!(null)).unwrap();
        r.set("/requests/new/research", json!("/")).unwrap();
        r.set("/proactive/fees_10k_yuan", json!("0.090")).unwrap();
        let ps = ["/requests/new/natural_person", "/requests/new/commercial", "/requests/new/research", "/requests/new/total", "/proactive/fees_10k_yuan"];
        let got: Vec<(CellState, Option<String>)> = read(&r, &ps, None).into_iter().map(|c| (c.state, c.value)).collect();
        assert_eq!(
            got,
            [
                (CellState::Number, Some("3".into())),
                (CellState::Blank, None),
                (CellState::NotApplicable, None),
                (CellState::Absent, None),
                (CellState::Number, Some("0.090".into())),
            ]
        );
    }

    #[test]
    fn an_imported_cell_that_is_not_a_number_is_unreadable_with_its_place() {
        let page =
            "某市某局2023年政府信息公开工作年度报告\n一、总体情况\n本年度……\n二、主动公开政府信息情况\n规章 | 0 | 0 | 0 |\n行政规范性文件 | 5 | 1.5 | 25 |";
        let imported = govreport::import_document(page.as_bytes(), &govreport::ImportOptions::default()).unwrap();
        let p = "/proactive/normative_documents/repealed";
        let c = &read(&imported.report, &[p], Some(&imported))[0];
        assert_eq!(c.state, CellState::Unreadable, "{:?}", imported.findings);
        let prov = c.provenance.as_ref().unwrap();
        assert_eq!((prov.line, prov.text.as_deref()), (Some(6), Some("1.5")));
    }
}
