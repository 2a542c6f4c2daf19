//! Marks on a rendered page: each cell a finding names (by its path or its related paths)
//! carries the finding's severity as a class, its codes and messages, and, for an imported
//! report, where the cell was read in the source.

use std::collections::BTreeMap;

use crate::Lang;
use crate::finding::{Findings, Severity, Status};
use crate::import::Provenance;

/// What is marked on one cell.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct CellMark {
    /// The most serious severity of the violated findings that name it (None: only not
    /// assessable ones, or none).
    pub severity: Option<Severity>,
    /// The codes of the findings that name it, in order, each once.
    pub codes: Vec<String>,
    /// Their messages.
    pub messages: Vec<String>,
    /// Where the cell was read in the source, in words with its text as published.
    pub source: Option<String>,
}

/// The marks of a rendered HTML page, by the pointer of the cell: made from findings (those of
/// [`crate::check`], or [`crate::import::Imported::check`]) and, for an imported report, its
/// provenance.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    pub(crate) cells: BTreeMap<String, CellMark>,
}

impl Marks {
    /// Marks for the cells `findings` name, and the source place of every cell in
    /// `provenance` (empty for a report not imported), in `lang`.
    pub fn new(findings: &Findings, provenance: &Provenance, lang: Lang) -> Marks {
        let mut cells: BTreeMap<String, CellMark> = BTreeMap::new();
        for f in findings.iter() {
            for p in std::iter::once(&f.path).chain(&f.related).filter(|p| !p.is_empty()) {
                let m = cells.entry(p.clone()).or_default();
                if f.status == Status::Violated {
                    m.severity = Some(m.severity.map_or(f.severity, |s| s.min(f.severity)));
                }
                if !m.codes.contains(&f.code) {
                    m.codes.push(f.code.clone());
                }
                if !m.messages.contains(&f.message) {
                    m.messages.push(f.message.clone());
                }
            }
        }
        for (pointer, src) in provenance {
            let at = src.place.words(lang);
            let text = if lang == Lang::En { format!("{at}: \"{}\"", src.text) } else { format!("{at}“{}”", src.text) };
            cells.entry(pointer.clone()).or_default().source = Some(text);
        }
        Marks { cells }
    }

    /// Whether nothing is marked.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }
}
