//! The table of cells: every cell of every format with its pointer, kind, table, row and
//! column labels and its place in the model, derived once from the label table
//! ([`crate::labels`]) and the model's types. Checks, roll-ups, indicators, `complete`, the
//! importer, the renderers, the pointer API and the bindings all reach cells through it (and
//! [`Report::cell`] / [`Report::cell_mut`] / [`Report::cells`]); no other place types a cell's
//! pointer.
//!
//! ```
//! use govreport::cells::{self, CellKind, Table};
//! use govreport::Format;
//! let def = cells::cell_at(Format::F2021, "/proactive/fees_10k_yuan").unwrap();
//! assert_eq!((def.kind, def.table), (CellKind::Amount, Table::Proactive));
//! assert_eq!(def.name(govreport::Lang::Zh), "行政事业性收费");
//! // Table A, B (25 rows × 7), C (3 × 5), the fees of part 六, and the three prose parts.
//! assert_eq!(cells::cells(Format::F2021).len(), 10 + 175 + 15 + 3 + 3);
//! ```

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::i18n::Lang;
use crate::labels::{self, Label};
use crate::model::{Agency, AgencyKind, CellRef, Format, Layout, Report, RowId};

/// What a cell holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CellKind {
    /// A whole number ≥ 0.
    Count,
    /// A whole number that may be negative (本年增/减 of the 2019 template).
    SignedCount,
    /// An exact decimal amount that keeps its written precision (万元, 元).
    Amount,
    /// Prose (parts 一, 五 and 六).
    Text,
}

/// The table (or part) a cell is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Table {
    /// Table A, part 二: 主动公开政府信息情况.
    Proactive,
    /// Table B, part 三: 收到和处理政府信息公开申请情况.
    Requests,
    /// Table C, part 四: 行政复议、行政诉讼.
    Review,
    /// The processing fees of part 六.
    Fees,
    /// A prose part (一, 五, 六).
    Prose,
}

impl Table {
    /// The label that names the table: its part, or 信息处理费.
    pub fn label(self) -> &'static Label {
        match self {
            Table::Proactive => &labels::PARTS[1].label,
            Table::Requests => &labels::PARTS[2].label,
            Table::Review => &labels::PARTS[3].label,
            Table::Fees => &labels::PROCESSING_FEES[0],
            Table::Prose => &labels::META[9],
        }
    }
}

/// Where a cell is in the model, by the indices of the label table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Loc {
    /// Table A: the block (第二十条第（x）项), the row in it and the column in it, as indices
    /// into the format's [`labels::PROACTIVE_2021`] or [`labels::PROACTIVE_2019`].
    Proactive {
        /// Index of the block.
        block: u8,
        /// Index of the row in the block.
        row: u8,
        /// Index of the column in the block.
        column: u8,
    },
    /// Table B: a row and a column (index into [`labels::REQUEST_COLUMNS`]).
    Request {
        /// The row.
        row: RowId,
        /// Index of the column.
        column: u8,
    },
    /// Table C: a group ([`labels::REVIEW_GROUPS`]) and a column ([`labels::REVIEW_COLUMNS`]).
    Review {
        /// Index of the group.
        group: u8,
        /// Index of the column.
        column: u8,
    },
    /// Part 六's processing fees: index into [`labels::PROCESSING_FEES`] past its heading.
    Fee(u8),
    /// A prose part: index into [`labels::PARTS`] (0, 4 or 5).
    Section(u8),
}

/// The column of 总计 in table B.
pub const TOTAL: u8 = 6;
/// The column of 结果纠正 in table C.
pub const CASE_CORRECTED: u8 = 1;
/// The column of 尚未审结 in table C.
pub const CASE_PENDING: u8 = 3;
/// The column of 总计 in table C.
pub const CASE_TOTAL: u8 = 4;

impl Loc {
    /// A cell of table B.
    pub const fn request(row: RowId, column: u8) -> Loc {
        Loc::Request { row, column }
    }
}

/// One cell of a format: what it is and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellDef {
    /// Its RFC 6901 pointer in a document.
    pub pointer: &'static str,
    /// What it holds.
    pub kind: CellKind,
    /// The table it is in.
    pub table: Table,
    /// Its row: a row of a table (its id is the row's pointer), a figure of the fees, or a part.
    pub row: &'static Label,
    /// The group heading its row sits under, if any (（三）不予公开 …).
    pub group: Option<&'static Label>,
    /// Its column, or None for a cell that is a whole row (行政许可, a fee, a part).
    pub column: Option<&'static Label>,
    /// Its place in the model.
    pub loc: Loc,
    /// The format whose table it is in.
    pub format: Format,
}

impl CellDef {
    /// A reader's name for the cell: its row (with its group) and its column, e.g.
    /// （三）不予公开1.属于国家秘密「自然人」.
    pub fn name(&self, lang: Lang) -> String {
        labels::cell_name(self.format, self.pointer, lang)
    }

    /// Whether it holds a number (not prose).
    pub fn is_figure(&self) -> bool {
        self.kind != CellKind::Text
    }
}

/// The cells of one format, and indexes into them.
struct FormatCells {
    /// The template's layout.
    list: Vec<CellDef>,
    /// The layout with one （六）其他处理 row (2021); the template's in 2019.
    single: Vec<CellDef>,
    /// The template's cells, then those only another layout has.
    every: Vec<CellDef>,
    /// Indexes into `every`.
    by_pointer: HashMap<&'static str, usize>,
    by_loc: HashMap<Loc, usize>,
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn build(format: Format) -> FormatCells {
    let list = build_layout(format, Layout::Template);
    let single = if format == Format::F2021 { build_layout(format, Layout::SingleOther) } else { list.clone() };
    let mut every = list.clone();
    every.extend(single.iter().filter(|c| !list.iter().any(|t| t.pointer == c.pointer)).cloned());
    let by_pointer = every.iter().enumerate().map(|(i, c)| (c.pointer, i)).collect();
    let by_loc = every.iter().enumerate().map(|(i, c)| (c.loc, i)).collect();
    FormatCells { list, single, every, by_pointer, by_loc }
}

/// The cells of a document of `format` laid out as `layout`, in template order.
fn build_layout(format: Format, layout: Layout) -> Vec<CellDef> {
    let mut list = vec![];
    // The kind of each cell is the type of its field in the model.
    let mut empty = Report::new(format, 2023, Agency::new("", AgencyKind::Other));
    if layout == Layout::SingleOther {
        // Reaching the single row switches an empty （六） to it.
        let _ = empty.cell_mut(Loc::request(RowId::OtherSingle, 0));
    }
    let mut push = |pointer: &'static str, table: Table, row: &'static Label, group: Option<&'static Label>, column: Option<&'static Label>, loc: Loc| {
        let kind = match empty.cell(loc) {
            Some(CellRef::Count(_)) => CellKind::Count,
            Some(CellRef::Signed(_)) => CellKind::SignedCount,
            Some(CellRef::Amount(_)) => CellKind::Amount,
            Some(CellRef::Text(_)) => CellKind::Text,
            None => return,
        };
        list.push(CellDef { pointer, kind, table, row, group, column, loc, format });
    };
    let blocks = proactive_blocks(format);
    for (b, block) in blocks.iter().enumerate() {
        for (r, row) in block.rows.iter().enumerate() {
            for (c, col) in block.columns.iter().enumerate() {
                let (pointer, column) = if col.id.is_empty() { (row.id, None) } else { (leak(format!("{}/{}", row.id, col.id)), Some(col)) };
                push(pointer, Table::Proactive, row, None, column, Loc::Proactive { block: b as u8, row: r as u8, column: c as u8 });
            }
        }
    }
    let mut group: Option<&'static Label> = None;
    for rl in labels::request_rows_in(format, layout) {
        let Some(id) = rl.row else {
            group = Some(&rl.label);
            continue;
        };
        // A row sits under the last group heading when its pointer is inside the group's.
        let under = group.filter(|g| rl.label.id.strip_prefix(g.id).is_some_and(|rest| rest.starts_with('/')));
        for (c, col) in labels::REQUEST_COLUMNS.iter().enumerate() {
            push(leak(format!("{}/{}", rl.label.id, col.id)), Table::Requests, &rl.label, under, Some(col), Loc::Request { row: id, column: c as u8 });
        }
    }
    for (g, gl) in labels::REVIEW_GROUPS.iter().enumerate() {
        let header = (g > 0).then_some(&labels::REVIEW_HEADERS[1]);
        for (c, col) in labels::REVIEW_COLUMNS.iter().enumerate() {
            push(leak(format!("{}/{}", gl.id, col.id)), Table::Review, gl, header, Some(col), Loc::Review { group: g as u8, column: c as u8 });
        }
    }
    for (i, l) in labels::PROCESSING_FEES[1..].iter().enumerate() {
        push(l.id, Table::Fees, l, Some(&labels::PROCESSING_FEES[0]), None, Loc::Fee(i as u8));
    }
    for i in PROSE_PARTS {
        let part = &labels::PARTS[usize::from(i)].label;
        push(part.id, Table::Prose, part, None, None, Loc::Section(i));
    }
    list
}

/// The parts of a template report that are prose (一, 五, 六), by index into [`labels::PARTS`].
pub const PROSE_PARTS: [u8; 3] = [0, 4, 5];

/// Table A's blocks in `format` (none for the 2007 regime).
pub fn proactive_blocks(format: Format) -> &'static [labels::ProactiveBlock] {
    match format {
        Format::F2021 => labels::PROACTIVE_2021,
        Format::F2019 => labels::PROACTIVE_2019,
        Format::F2007 => &[],
    }
}

fn table(format: Format) -> Option<&'static FormatCells> {
    static F2021: OnceLock<FormatCells> = OnceLock::new();
    static F2019: OnceLock<FormatCells> = OnceLock::new();
    match format {
        Format::F2021 => Some(F2021.get_or_init(|| build(Format::F2021))),
        Format::F2019 => Some(F2019.get_or_init(|| build(Format::F2019))),
        Format::F2007 => None,
    }
}

/// Every cell of `format`, in the order the template prints them: table A, B, C, the fees of
/// part 六, then the prose parts. Empty for the 2007 regime, which has no template.
pub fn cells(format: Format) -> &'static [CellDef] {
    table(format).map_or(&[], |t| t.list.as_slice())
}

/// Every cell of a document of `format` whose （六）其他处理 is laid out as `layout`, in
/// template order (see [`Report::layout`]; [`Report::cells`] visits these).
///
/// ```
/// use govreport::cells::{self, cell_at};
/// use govreport::model::Layout;
/// use govreport::Format;
/// let single = cells::layout(Format::F2021, Layout::SingleOther);
/// assert_eq!(single.len(), cells::cells(Format::F2021).len() - 14);
/// assert!(single.iter().any(|c| c.pointer == "/requests/other/total"));
/// assert_eq!(cell_at(Format::F2021, "/requests/other/total").unwrap().row.name.zh, "（六）其他处理");
/// ```
pub fn layout(format: Format, layout: Layout) -> &'static [CellDef] {
    table(format).map_or(&[], |t| match layout {
        Layout::Template => t.list.as_slice(),
        Layout::SingleOther => t.single.as_slice(),
    })
}

/// Every cell a document of `format` can hold in any layout: the template's cells in template
/// order, then those only another layout has (the single （六）其他处理 row of 2021). A store
/// of cells by pointer (the register) keeps a place for each of them.
pub fn every(format: Format) -> &'static [CellDef] {
    table(format).map_or(&[], |t| t.every.as_slice())
}

/// Every figure cell of `format` (the cells of tables and fees, not prose), in template order.
pub fn figures(format: Format) -> impl Iterator<Item = &'static CellDef> {
    cells(format).iter().filter(|c| c.is_figure())
}

/// The cell at `pointer` in `format`, if it is one (in any layout, see [`every`]).
pub fn cell_at(format: Format, pointer: &str) -> Option<&'static CellDef> {
    let t = table(format)?;
    t.by_pointer.get(pointer).map(|&i| &t.every[i])
}

/// The cell at `loc` in `format`, if the format has it (in any layout, see [`every`]).
pub fn cell(format: Format, loc: Loc) -> Option<&'static CellDef> {
    let t = table(format)?;
    t.by_loc.get(&loc).map(|&i| &t.every[i])
}

/// The pointer of the cell at `loc` in `format` ("" when the format has no such cell).
pub fn pointer(format: Format, loc: Loc) -> &'static str {
    cell(format, loc).map_or("", |c| c.pointer)
}

/// The cells of the row whose pointer is `row`, in column order (in any layout).
pub fn row(format: Format, row: &str) -> impl Iterator<Item = &'static CellDef> {
    every(format).iter().filter(move |c| c.row.id == row && c.kind != CellKind::Text)
}

/// The cell of `row` (a row label of table A) in the column that gives its decisions: the
/// only column in 2021, 处理决定数量 (the last) in 2019.
fn decisions(format: Format, row: &Label) -> Option<Loc> {
    cells(format).iter().rfind(|c| c.table == Table::Proactive && c.row.id == row.id).map(|c| c.loc)
}

/// The figures supervisors watch in a unit and compare between units and years: new requests
/// (一、本年新收 总计), 行政许可 and 行政处罚 decisions. None for the 2007 regime.
pub fn watched(format: Format) -> Option<[Loc; 3]> {
    Some([Loc::request(RowId::New, TOTAL), decisions(format, &labels::LICENSING_ROW)?, decisions(format, &labels::PENALTY_ROW)?])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CellMut;

    /// The rules of blank cells read table A from the front of a layout and table C from its
    /// back (`rules::cells`): every layout lists the tables in this order, each in one run.
    #[test]
    fn a_layout_lists_table_a_then_b_then_c_then_the_rest() {
        for format in [Format::F2021, Format::F2019] {
            for layout in [Layout::Template, Layout::SingleOther] {
                let mut tables: Vec<Table> = super::layout(format, layout).iter().map(|d| d.table).collect();
                tables.dedup();
                assert_eq!(tables, [Table::Proactive, Table::Requests, Table::Review, Table::Fees, Table::Prose], "{format:?} {layout:?}");
            }
        }
    }

    /// Every cell of the table is where its pointer says in the document: set through its
    /// place in the model, it is read back at its pointer, and the model has no other cell.
    #[test]
    fn every_cell_is_at_its_pointer_and_every_field_is_a_cell() {
        for format in [Format::F2021, Format::F2019] {
            let mut r = Report::new(format, 2023, Agency::new("x", AgencyKind::Department));
            for (i, def) in cells(format).iter().enumerate() {
                match r.cell_mut(def.loc).expect("a place in the model") {
                    CellMut::Count(c) => *c = crate::model::Cell::Value(i as u64),
                    CellMut::Signed(c) => *c = crate::model::Cell::Value(-(i as i64)),
                    CellMut::Amount(c) => *c = crate::model::Cell::Value(crate::model::Dec::parse(&format!("{i}.5")).unwrap()),
                    CellMut::Text(t) => *t = Some(format!("part {i}")),
                }
            }
            let doc = serde_json::to_value(&r).unwrap();
            let mut leaves = 0;
            fn count(v: &serde_json::Value, n: &mut usize) {
                match v {
                    serde_json::Value::Object(m) => m.values().for_each(|x| count(x, n)),
                    _ => *n += 1,
                }
            }
            for (i, def) in cells(format).iter().enumerate() {
                let want = match def.kind {
                    CellKind::Count => serde_json::json!(i),
                    CellKind::SignedCount => serde_json::json!(-(i as i64)),
                    CellKind::Amount => serde_json::json!(format!("{i}.5")),
                    CellKind::Text => serde_json::json!(format!("part {i}")),
                };
                assert_eq!(doc.pointer(def.pointer), Some(&want), "{format:?} {}", def.pointer);
                assert_eq!(cell_at(format, def.pointer), Some(def));
                assert_eq!(cell(format, def.loc), Some(def));
            }
            for key in ["proactive", "requests", "review_litigation", "processing_fees", "sections"] {
                count(&doc[key], &mut leaves);
            }
            assert_eq!(leaves, cells(format).len(), "{format:?}: the model has cells the table lacks");
            assert_eq!(def_names_unique(format), cells(format).len());
        }
        assert!(cells(Format::F2007).is_empty());
    }

    /// The layout with one （六） row: every cell at its pointer, the single row in place of the
    /// sub-rows, and `every` the template's cells followed by the single row's.
    #[test]
    fn the_single_other_layout_is_at_its_pointers() {
        let format = Format::F2021;
        let mut r = Report::new(format, 2023, Agency::new("x", AgencyKind::Department));
        for (i, def) in layout(format, Layout::SingleOther).iter().enumerate() {
            match r.cell_mut(def.loc).expect("a place in the model") {
                CellMut::Count(c) => *c = crate::model::Cell::Value(i as u64),
                CellMut::Amount(c) => *c = crate::model::Cell::Value(crate::model::Dec::parse(&format!("{i}.5")).unwrap()),
                CellMut::Text(t) => *t = Some(format!("part {i}")),
                CellMut::Signed(_) => unreachable!("no signed cell in 2021"),
            }
        }
        assert_eq!(r.layout(), Layout::SingleOther);
        let doc = serde_json::to_value(&r).unwrap();
        for (i, def) in layout(format, Layout::SingleOther).iter().enumerate() {
            let want = match def.kind {
                CellKind::Amount => serde_json::json!(format!("{i}.5")),
                CellKind::Text => serde_json::json!(format!("part {i}")),
                _ => serde_json::json!(i),
            };
            assert_eq!(doc.pointer(def.pointer), Some(&want), "{}", def.pointer);
            assert_eq!(cell_at(format, def.pointer), Some(def));
        }
        assert_eq!(doc["requests"]["other"].as_object().unwrap().len(), 7);
        assert_eq!(r.cells().count(), layout(format, Layout::SingleOther).len());
        let single: Vec<&str> = layout(format, Layout::SingleOther).iter().filter(|c| c.row.id == "/requests/other").map(|c| c.pointer).collect();
        assert_eq!(single.len(), 7);
        let tail: Vec<&str> = every(format)[cells(format).len()..].iter().map(|c| c.pointer).collect();
        assert_eq!(tail, single);
        assert_eq!(cell_at(format, "/requests/other/total").unwrap().name(Lang::Zh), "（六）其他处理「总计」");
        assert!(cell_at(format, "/requests/other/total").unwrap().group.is_none());
        // 2019 has one layout.
        assert_eq!(layout(Format::F2019, Layout::SingleOther), cells(Format::F2019));
        assert_eq!(every(Format::F2019), cells(Format::F2019));
    }

    fn def_names_unique(format: Format) -> usize {
        cells(format).iter().map(|c| c.name(Lang::Zh)).collect::<std::collections::BTreeSet<_>>().len()
    }

    #[test]
    fn kinds_come_from_the_model() {
        let kind = |f, p| cell_at(f, p).map(|c| c.kind);
        assert_eq!(kind(Format::F2019, "/proactive/licensing/change"), Some(CellKind::SignedCount));
        assert_eq!(kind(Format::F2019, "/proactive/procurement/amount"), Some(CellKind::Amount));
        assert_eq!(kind(Format::F2021, "/processing_fees/billed_yuan"), Some(CellKind::Amount));
        assert_eq!(kind(Format::F2021, "/requests/new/total"), Some(CellKind::Count));
        assert_eq!(kind(Format::F2021, "/sections/problems"), Some(CellKind::Text));
        // The single （六） row a 2021 document may hold instead of the sub-rows.
        assert_eq!(kind(Format::F2021, "/requests/other/total"), Some(CellKind::Count));
        assert!(!cells(Format::F2021).iter().any(|c| c.pointer == "/requests/other/total"));
        assert_eq!(kind(Format::F2021, "/requests/other"), None);
        assert_eq!(
            watched(Format::F2019).map(|w| w.map(|l| pointer(Format::F2019, l))),
            Some(["/requests/new/total", "/proactive/licensing/decisions", "/proactive/penalty/decisions"])
        );
        assert_eq!(
            watched(Format::F2021).map(|w| w.map(|l| pointer(Format::F2021, l))),
            Some(["/requests/new/total", "/proactive/licensing", "/proactive/penalty"])
        );
    }
}
