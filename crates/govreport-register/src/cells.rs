//! A report's cells as the register stores them. The core's table of cells
//! ([`govreport::cells`]) names every figure cell of a format (pointer, kind, table, row and
//! column labels) and its visitor ([`Report::cells`]) reads each with its state; this adds what
//! only the register keeps: the state "unreadable" and the provenance the importer records for
//! every cell it read ([`Imported::provenance`]: its place in the source and its text as
//! published, a cell whose text is no number marked unreadable).

use std::collections::HashMap;

use govreport::cells::{CellDef, Table};
use govreport::model::CellState as Held;
use govreport::{Imported, Lang, Report, labels};
use serde::{Deserialize, Serialize};

pub use govreport::cells::CellKind;

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

impl From<Held> for CellState {
    fn from(held: Held) -> CellState {
        match held {
            Held::Value => CellState::Number,
            Held::Blank => CellState::Blank,
            Held::NotApplicable => CellState::NotApplicable,
            Held::Absent => CellState::Absent,
        }
    }
}

/// The code stored in `fields.kind` (`count`, `signed`, `amount`; the schema's CHECK).
pub(crate) fn kind_code(kind: CellKind) -> &'static str {
    match kind {
        CellKind::Count => "count",
        CellKind::SignedCount => "signed",
        CellKind::Amount => "amount",
        CellKind::Text => "text",
    }
}

/// The kind of a stored code.
pub(crate) fn kind_of_code(code: &str) -> CellKind {
    match code {
        "signed" => CellKind::SignedCount,
        "amount" => CellKind::Amount,
        "text" => CellKind::Text,
        _ => CellKind::Count,
    }
}

/// What the `fields` table holds of a cell beside its pointer and kind: the part it is in and
/// its labels, all from the label table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FieldLabels {
    /// The part of the report it is in: 二 (table A), 三 (table B), 四 (table C), 六 (fees).
    pub part: &'static str,
    /// The row's label, with its group (（三）不予公开1.属于国家秘密).
    pub row_label: String,
    /// The key of its column in the row ("" when the row is one cell).
    pub column_key: &'static str,
    /// The column's label ("" when the template gives none).
    pub column_label: &'static str,
    /// The cell's full name in Chinese.
    pub label: String,
    /// The same in English.
    pub label_en: String,
}

/// The labels of a figure cell of the table of cells.
pub(crate) fn field_labels(def: &CellDef) -> FieldLabels {
    let part = match def.table {
        Table::Fees => labels::PARTS[5].numeral,
        t => labels::PARTS.iter().find(|p| p.table == Some(t)).map_or("", |p| p.numeral),
    };
    let column_key = def.column.map_or("", |c| c.id);
    FieldLabels {
        part,
        row_label: labels::cell_name(def.format, def.row.id, Lang::Zh),
        column_key,
        column_label: labels::column(def.format, def.row.id, column_key).map_or("", |c| c.name.zh),
        label: def.name(Lang::Zh),
        label_en: def.name(Lang::En),
    }
}

/// Where a cell's content was read from in the source, as the importer recorded it (the
/// core's [`govreport::import::CellSource`]), in the register's columns.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// Page of a PDF.
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
    /// The cell within that row of a table, or the character column within that line of text
    /// (1-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<i64>,
    /// The box on the PDF page: "left,top,right,bottom" in points from the top-left corner.
    #[serde(rename = "box", skip_serializing_if = "Option::is_none")]
    pub bbox: Option<String>,
}

impl Provenance {
    /// The register's columns of the core's record of a cell: the page, the table, the line
    /// of text or the row of that table (or the paragraph), and the text as published.
    pub fn of(src: &govreport::import::CellSource) -> Provenance {
        let p = &src.place;
        let n = |v: Option<u32>| v.map(i64::from);
        Provenance {
            page: n(p.page),
            table: n(p.table),
            line: n(p.line.or(p.row).or(p.paragraph)),
            text: Some(src.text.clone()),
            column: n(p.column),
            bbox: p.bbox.clone(),
        }
    }
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

/// Every figure cell of `report` (the cells of its tables and fees, not prose) in template
/// order, from the core's visitor; with the provenance and unreadable cells of `imported` when
/// the report was imported.
pub fn read<'a>(report: &'a Report, imported: Option<&Imported>) -> impl Iterator<Item = (&'static CellDef, CellValue)> + 'a {
    let places = imported.map(provenance).unwrap_or_default();
    report.cells().filter(|(def, _)| def.is_figure()).map(move |(def, cell)| {
        let held = CellState::from(cell.state());
        let value = (held == CellState::Number).then(|| cell.text());
        let place = places.get(def.pointer);
        let state = match (held, place) {
            (CellState::Absent, Some((_, true))) => CellState::Unreadable,
            (s, _) => s,
        };
        (def, CellValue { state, value, provenance: place.map(|(prov, _)| prov.clone()) })
    })
}

/// What the importer recorded about cells: pointer → (where, whether the text there is not
/// a number).
fn provenance(imported: &Imported) -> HashMap<String, (Provenance, bool)> {
    imported.provenance.iter().map(|(pointer, src)| (pointer.clone(), (Provenance::of(src), src.unreadable))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use govreport::cells::figures as fields;
    use govreport::{Agency, AgencyKind, Format};
    use serde_json::json;

    #[test]
    fn every_cell_of_the_2021_template_with_its_labels_and_kind() {
        let f: Vec<&CellDef> = fields(Format::F2021).collect();
        assert_eq!(f.len(), 10 + 175 + 15 + 3);
        let find = |p: &str| *f.iter().find(|x| x.pointer == p).unwrap();
        let fee = find("/proactive/fees_10k_yuan");
        let labels = field_labels(fee);
        assert_eq!((labels.part, fee.kind, labels.column_label), ("二", CellKind::Amount, "本年收费金额（单位：万元）"));
        let secret = find("/requests/withheld/state_secret/natural_person");
        let labels = field_labels(secret);
        assert_eq!((labels.part, secret.kind, labels.column_key), ("三", CellKind::Count, "natural_person"));
        assert_eq!((labels.row_label.as_str(), labels.column_label), ("（三）不予公开1.属于国家秘密", "自然人"));
        assert_eq!(labels.label, "（三）不予公开1.属于国家秘密「自然人」");
        assert_eq!(field_labels(find("/review_litigation/litigation_direct/corrected")).part, "四");
        let collected = find("/processing_fees/collected_yuan");
        assert_eq!((field_labels(collected).part, collected.kind), ("六", CellKind::Amount));
        let change = fields(Format::F2019).find(|x| x.pointer == "/proactive/licensing/change").unwrap();
        assert_eq!((change.kind, kind_code(change.kind)), (CellKind::SignedCount, "signed"));
        assert_eq!(fields(Format::F2007).count(), 0);
        for kind in [CellKind::Count, CellKind::SignedCount, CellKind::Amount] {
            assert_eq!(kind_of_code(kind_code(kind)), kind);
        }
    }

    #[test]
    fn number_blank_slash_and_absent_are_kept_apart() {
        let mut r = Report::new(Format::F2021, 2023, Agency::new("x", AgencyKind::Department));
        r.set("/requests/new/natural_person", json!(3)).unwrap();
        r.set("/requests/new/commercial", json!(null)).unwrap();
        r.set("/requests/new/research", json!("/")).unwrap();
        r.set("/proactive/fees_10k_yuan", json!("0.090")).unwrap();
        let ps = ["/requests/new/natural_person", "/requests/new/commercial", "/requests/new/research", "/requests/new/total", "/proactive/fees_10k_yuan"];
        let all: HashMap<&str, CellValue> = read(&r, None).map(|(d, c)| (d.pointer, c)).collect();
        let got: Vec<(CellState, Option<String>)> = ps.iter().map(|p| (all[p].state, all[p].value.clone())).collect();
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
        assert_eq!(all.len(), fields(Format::F2021).count());
        assert!(!all.contains_key("/sections/overview"), "prose is no figure cell");
    }

    #[test]
    fn an_imported_cell_that_is_not_a_number_is_unreadable_with_its_place() {
        let page =
            "某市某局2023年政府信息公开工作年度报告\n一、总体情况\n本年度……\n二、主动公开政府信息情况\n规章 | 0 | 0 | 0 |\n行政规范性文件 | 5 | 1.5 | 25 |";
        let imported = govreport::import_document(page.as_bytes(), &govreport::ImportOptions::default()).unwrap();
        let p = "/proactive/normative_documents/repealed";
        let (_, c) = read(&imported.report, Some(&imported)).find(|(d, _)| d.pointer == p).unwrap();
        assert_eq!(c.state, CellState::Unreadable, "{:?}", imported.findings);
        let prov = c.provenance.as_ref().unwrap();
        assert_eq!((prov.line, prov.column, prov.text.as_deref()), (Some(6), Some(15), Some("1.5")));
        // Every cell the importer read has its place, not only those a finding names.
        let (_, c) = read(&imported.report, Some(&imported)).find(|(d, _)| d.pointer == "/proactive/normative_documents/in_force").unwrap();
        assert_eq!(c.state, CellState::Number);
        let prov = c.provenance.unwrap();
        assert_eq!((prov.line, prov.column, prov.text.as_deref()), (Some(6), Some(21), Some("25")));
    }
}
