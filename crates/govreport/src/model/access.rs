//! One way to reach a cell of a report: by its place in the model ([`Loc`], from the table of
//! cells in [`crate::cells`]), to read ([`Report::cell`]), to change ([`Report::cell_mut`]) or to
//! visit every cell ([`Report::cells`]).

use schemars::JsonSchema;
use serde_json::Value;

use super::{Amount, Cell, Count, OtherRows, Proactive2019, Proactive2021, ProcessingFees, Report, RequestRow, RowId, Signed, TemplateReport};
use crate::cells::{self, CellDef, Loc};
use crate::error::{ErrorType, Expected, Found};

/// A cell of any kind, to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellRef<'a> {
    /// A count.
    Count(&'a Count),
    /// A signed count.
    Signed(&'a Signed),
    /// An amount.
    Amount(&'a Amount),
    /// Prose: None when the document does not give the part.
    Text(Option<&'a str>),
}

/// A cell of any kind, to change.
#[derive(Debug)]
pub enum CellMut<'a> {
    /// A count.
    Count(&'a mut Count),
    /// A signed count.
    Signed(&'a mut Signed),
    /// An amount.
    Amount(&'a mut Amount),
    /// Prose.
    Text(&'a mut Option<String>),
}

/// What a cell holds, whatever its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CellState {
    /// A number (or, for prose, a text).
    Value,
    /// Left blank as published (`null`).
    Blank,
    /// Marked as not applicable (`"/"`).
    NotApplicable,
    /// Not in the document.
    Absent,
}

impl<T> Cell<T> {
    /// What the cell holds.
    pub fn state(&self) -> CellState {
        match self {
            Cell::Value(_) => CellState::Value,
            Cell::Blank => CellState::Blank,
            Cell::NotApplicable => CellState::NotApplicable,
            Cell::Absent => CellState::Absent,
        }
    }
}

impl CellRef<'_> {
    /// What the cell holds.
    pub fn state(&self) -> CellState {
        match self {
            CellRef::Count(c) => c.state(),
            CellRef::Signed(c) => c.state(),
            CellRef::Amount(c) => c.state(),
            CellRef::Text(Some(_)) => CellState::Value,
            CellRef::Text(None) => CellState::Absent,
        }
    }

    /// The cell as published: a number, an amount as written, "/" or "" (blank or absent).
    pub fn text(&self) -> String {
        match self {
            CellRef::Count(c) => c.to_string(),
            CellRef::Signed(c) => c.to_string(),
            CellRef::Amount(c) => c.to_string(),
            CellRef::Text(t) => t.unwrap_or_default().to_string(),
        }
    }

    /// The cell as its JSON value in a document, or None when the document leaves it out.
    pub fn to_json(&self) -> Option<Value> {
        if self.state() == CellState::Absent {
            return None;
        }
        let v = match self {
            CellRef::Count(c) => serde_json::to_value(c),
            CellRef::Signed(c) => serde_json::to_value(c),
            CellRef::Amount(c) => serde_json::to_value(c),
            CellRef::Text(t) => serde_json::to_value(t),
        };
        v.ok()
    }
}

impl CellMut<'_> {
    /// Makes the cell absent: the document no longer gives it.
    pub fn clear(&mut self) {
        match self {
            CellMut::Count(c) => **c = Cell::Absent,
            CellMut::Signed(c) => **c = Cell::Absent,
            CellMut::Amount(c) => **c = Cell::Absent,
            CellMut::Text(t) => **t = None,
        }
    }

    /// Sets the cell from its JSON value in a document (a number, `null`, `"/"`, an amount
    /// string, a text), read exactly as a document's cell is read; the cell is unchanged when
    /// the value does not fit it, and the error says why.
    pub fn set_json(&mut self, value: &Value) -> Result<(), ErrorType> {
        use crate::json::cell_problem;
        let problem = match self {
            CellMut::Count(_) => cell_problem::<u64>(value),
            CellMut::Signed(_) => cell_problem::<i64>(value),
            CellMut::Amount(_) => cell_problem::<super::Dec>(value),
            CellMut::Text(_) if !(value.is_string() || value.is_null()) => Some(ErrorType::WrongType { expected: Expected::Text, found: Found::of(value) }),
            CellMut::Text(_) => None,
        };
        if let Some(p) = problem {
            return Err(p);
        }
        let unexplained = |_| ErrorType::Unexplained;
        match self {
            CellMut::Count(c) => **c = serde::Deserialize::deserialize(value).map_err(unexplained)?,
            CellMut::Signed(c) => **c = serde::Deserialize::deserialize(value).map_err(unexplained)?,
            CellMut::Amount(c) => **c = serde::Deserialize::deserialize(value).map_err(unexplained)?,
            CellMut::Text(t) => **t = value.as_str().map(str::to_string),
        }
        Ok(())
    }
}

/// Table A's cells by block, row and column (the indices of the format's label table).
pub trait ProactiveCells {
    /// The cell at (block, row, column).
    fn cell(&self, block: u8, row: u8, column: u8) -> Option<CellRef<'_>>;
    /// The cell at (block, row, column), to change.
    fn cell_mut(&mut self, block: u8, row: u8, column: u8) -> Option<CellMut<'_>>;
}

/// The cells of a group of three, as in 2021's 规章 or 2019's 行政许可.
macro_rules! three {
    ($group:expr, $column:expr, $kind:ident, $a:ident: $ka:ident, $b:ident: $kb:ident, $c:ident: $kc:ident) => {
        match $column {
            0 => Some($kind::$ka(&$group.$a)),
            1 => Some($kind::$kb(&$group.$b)),
            2 => Some($kind::$kc(&$group.$c)),
            _ => None,
        }
    };
}

macro_rules! three_mut {
    ($group:expr, $column:expr, $a:ident: $ka:ident, $b:ident: $kb:ident, $c:ident: $kc:ident) => {
        match $column {
            0 => Some(CellMut::$ka(&mut $group.$a)),
            1 => Some(CellMut::$kb(&mut $group.$b)),
            2 => Some(CellMut::$kc(&mut $group.$c)),
            _ => None,
        }
    };
}

impl ProactiveCells for Proactive2021 {
    fn cell(&self, block: u8, row: u8, column: u8) -> Option<CellRef<'_>> {
        match (block, row, column) {
            (0, 0, c) => three!(self.rules, c, CellRef, issued: Count, repealed: Count, in_force: Count),
            (0, 1, c) => three!(self.normative_documents, c, CellRef, issued: Count, repealed: Count, in_force: Count),
            (1, 0, 0) => Some(CellRef::Count(&self.licensing)),
            (2, 0, 0) => Some(CellRef::Count(&self.penalty)),
            (2, 1, 0) => Some(CellRef::Count(&self.coercion)),
            (3, 0, 0) => Some(CellRef::Amount(&self.fees_10k_yuan)),
            _ => None,
        }
    }
    fn cell_mut(&mut self, block: u8, row: u8, column: u8) -> Option<CellMut<'_>> {
        match (block, row, column) {
            (0, 0, c) => three_mut!(self.rules, c, issued: Count, repealed: Count, in_force: Count),
            (0, 1, c) => three_mut!(self.normative_documents, c, issued: Count, repealed: Count, in_force: Count),
            (1, 0, 0) => Some(CellMut::Count(&mut self.licensing)),
            (2, 0, 0) => Some(CellMut::Count(&mut self.penalty)),
            (2, 1, 0) => Some(CellMut::Count(&mut self.coercion)),
            (3, 0, 0) => Some(CellMut::Amount(&mut self.fees_10k_yuan)),
            _ => None,
        }
    }
}

impl ProactiveCells for Proactive2019 {
    fn cell(&self, block: u8, row: u8, column: u8) -> Option<CellRef<'_>> {
        match (block, row, column) {
            (0, 0, c) => three!(self.rules, c, CellRef, produced: Count, published: Count, total_published: Count),
            (0, 1, c) => three!(self.normative_documents, c, CellRef, produced: Count, published: Count, total_published: Count),
            (1, 0, c) => three!(self.licensing, c, CellRef, previous_items: Count, change: Signed, decisions: Count),
            (1, 1, c) => three!(self.other_services, c, CellRef, previous_items: Count, change: Signed, decisions: Count),
            (2, 0, c) => three!(self.penalty, c, CellRef, previous_items: Count, change: Signed, decisions: Count),
            (2, 1, c) => three!(self.coercion, c, CellRef, previous_items: Count, change: Signed, decisions: Count),
            (3, 0, 0) => Some(CellRef::Count(&self.fees.previous_items)),
            (3, 0, 1) => Some(CellRef::Signed(&self.fees.change)),
            (4, 0, 0) => Some(CellRef::Count(&self.procurement.items)),
            (4, 0, 1) => Some(CellRef::Amount(&self.procurement.amount)),
            _ => None,
        }
    }
    fn cell_mut(&mut self, block: u8, row: u8, column: u8) -> Option<CellMut<'_>> {
        match (block, row, column) {
            (0, 0, c) => three_mut!(self.rules, c, produced: Count, published: Count, total_published: Count),
            (0, 1, c) => three_mut!(self.normative_documents, c, produced: Count, published: Count, total_published: Count),
            (1, 0, c) => three_mut!(self.licensing, c, previous_items: Count, change: Signed, decisions: Count),
            (1, 1, c) => three_mut!(self.other_services, c, previous_items: Count, change: Signed, decisions: Count),
            (2, 0, c) => three_mut!(self.penalty, c, previous_items: Count, change: Signed, decisions: Count),
            (2, 1, c) => three_mut!(self.coercion, c, previous_items: Count, change: Signed, decisions: Count),
            (3, 0, 0) => Some(CellMut::Count(&mut self.fees.previous_items)),
            (3, 0, 1) => Some(CellMut::Signed(&mut self.fees.change)),
            (4, 0, 0) => Some(CellMut::Count(&mut self.procurement.items)),
            (4, 0, 1) => Some(CellMut::Amount(&mut self.procurement.amount)),
            _ => None,
        }
    }
}

const ABSENT_COUNT: Count = Cell::Absent;
const ABSENT_AMOUNT: Amount = Cell::Absent;

impl ProcessingFees {
    fn cell(&self, i: u8) -> Option<CellRef<'_>> {
        match i {
            0 => Some(CellRef::Count(&self.notices)),
            1 => Some(CellRef::Amount(&self.billed_yuan)),
            2 => Some(CellRef::Amount(&self.collected_yuan)),
            _ => None,
        }
    }
    fn cell_mut(&mut self, i: u8) -> Option<CellMut<'_>> {
        match i {
            0 => Some(CellMut::Count(&mut self.notices)),
            1 => Some(CellMut::Amount(&mut self.billed_yuan)),
            2 => Some(CellMut::Amount(&mut self.collected_yuan)),
            _ => None,
        }
    }
}

impl<const F: u16, P: ProactiveCells + Default + JsonSchema, O: OtherRows + JsonSchema> TemplateReport<F, P, O> {
    fn cell(&self, loc: Loc) -> Option<CellRef<'_>> {
        match loc {
            Loc::Proactive { block, row, column } => self.proactive.cell(block, row, column),
            Loc::Request { row, column } => self.requests.row(row)?.get(usize::from(column)).map(CellRef::Count),
            Loc::Review { group, column } => {
                let rl = &self.review_litigation;
                let g = match group {
                    0 => &rl.review,
                    1 => &rl.litigation_direct,
                    2 => &rl.litigation_after_review,
                    _ => return None,
                };
                g.get(usize::from(column)).map(CellRef::Count)
            }
            Loc::Fee(i) => match &self.processing_fees {
                Some(f) => f.cell(i),
                // Part 六 without fees: every figure is absent.
                None => match i {
                    0 => Some(CellRef::Count(&ABSENT_COUNT)),
                    1 | 2 => Some(CellRef::Amount(&ABSENT_AMOUNT)),
                    _ => None,
                },
            },
            Loc::Section(i) => self.sections.part(i).map(|t| CellRef::Text(t.as_deref())),
        }
    }

    fn cell_mut(&mut self, loc: Loc) -> Option<CellMut<'_>> {
        match loc {
            Loc::Proactive { block, row, column } => self.proactive.cell_mut(block, row, column),
            Loc::Request { row, column } => self.requests.row_mut(row)?.cells_mut().into_iter().nth(usize::from(column)).map(CellMut::Count),
            Loc::Review { group, column } => {
                self.review_litigation.groups_mut().into_iter().nth(usize::from(group))?.cells_mut().into_iter().nth(usize::from(column)).map(CellMut::Count)
            }
            Loc::Fee(i) => self.processing_fees.get_or_insert_with(ProcessingFees::default).cell_mut(i),
            Loc::Section(i) => self.sections.part_mut(i).map(CellMut::Text),
        }
    }
}

impl super::Sections {
    /// The prose part with index `i` in [`crate::labels::PARTS`] (0, 4 or 5).
    fn part(&self, i: u8) -> Option<&Option<String>> {
        match i {
            0 => Some(&self.overview),
            4 => Some(&self.problems),
            5 => Some(&self.other_matters),
            _ => None,
        }
    }
    fn part_mut(&mut self, i: u8) -> Option<&mut Option<String>> {
        match i {
            0 => Some(&mut self.overview),
            4 => Some(&mut self.problems),
            5 => Some(&mut self.other_matters),
            _ => None,
        }
    }
}

impl Report {
    /// The cell at `loc`, or None when the report's format has no such cell (a 2007-regime
    /// report has none). A cell the document leaves out reads as absent.
    ///
    /// ```
    /// use govreport::cells::{Loc, TOTAL};
    /// use govreport::model::{CellRef, Cell, RowId};
    /// let r = govreport::parse_str(r#"{"format":"2021","year":2023,"agency":{"name":"某局","kind":"department"},
    ///   "requests":{"new":{"total":8}}}"#).unwrap();
    /// assert_eq!(r.cell(Loc::request(RowId::New, TOTAL)), Some(CellRef::Count(&Cell::Value(8))));
    /// ```
    pub fn cell(&self, loc: Loc) -> Option<CellRef<'_>> {
        match self {
            Report::F2021(r) => r.cell(loc),
            Report::F2019(r) => r.cell(loc),
            Report::F2007(_) => None,
        }
    }

    /// The row `id` of table B, when the report's format and layout have it.
    pub fn request_row(&self, id: RowId) -> Option<&RequestRow> {
        match self {
            Report::F2021(r) => r.requests.row(id),
            Report::F2019(r) => r.requests.row(id),
            Report::F2007(_) => None,
        }
    }

    /// The count cell at `loc`, when the format has it and it is a count.
    pub fn count_cell(&self, loc: Loc) -> Option<&Count> {
        match self.cell(loc)? {
            CellRef::Count(c) => Some(c),
            _ => None,
        }
    }

    /// The number a count cell at `loc` holds (None when it is blank, "/", absent, or not a
    /// count).
    pub fn count(&self, loc: Loc) -> Option<u64> {
        match self.cell(loc)? {
            CellRef::Count(Cell::Value(n)) => Some(*n),
            _ => None,
        }
    }

    /// The cell at `loc`, to change (part 六's fees are created when a fee is reached), or None
    /// when the report's format has no such cell.
    pub fn cell_mut(&mut self, loc: Loc) -> Option<CellMut<'_>> {
        match self {
            Report::F2021(r) => r.cell_mut(loc),
            Report::F2019(r) => r.cell_mut(loc),
            Report::F2007(_) => None,
        }
    }

    /// Every cell of the report in template order (of its layout, [`Report::layout`]: a 2021
    /// document with one （六） row has that row's cells in place of the sub-rows'), with what the table of cells says of it
    /// (pointer, kind, table, row and column labels): the cells the document leaves out too.
    ///
    /// ```
    /// use govreport::model::CellState;
    /// let r = govreport::parse_str(r#"{"format":"2021","year":2023,"agency":{"name":"某局","kind":"department"},
    ///   "requests":{"new":{"natural_person":null,"total":"/"}}}"#).unwrap();
    /// let states: Vec<(&str, CellState)> = r.cells().filter(|(d, _)| d.pointer.starts_with("/requests/new/")).map(|(d, c)| (d.pointer, c.state())).collect();
    /// assert_eq!(states[0], ("/requests/new/natural_person", CellState::Blank));
    /// assert_eq!(states[6], ("/requests/new/total", CellState::NotApplicable));
    /// assert_eq!(states[1].1, CellState::Absent);
    /// ```
    pub fn cells(&self) -> impl Iterator<Item = (&'static CellDef, CellRef<'_>)> {
        cells::layout(self.format(), self.layout()).iter().filter_map(move |def| self.cell(def.loc).map(|c| (def, c)))
    }
}
