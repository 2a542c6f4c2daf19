//! Reading and writing one field of a report by its JSON pointer (RFC 6901).

use serde_json::Value;

use crate::cells;
use crate::error::{Error, ErrorType};
use crate::model::{Format, Report};

fn tokens(pointer: &str) -> Result<Vec<String>, Error> {
    if pointer.is_empty() {
        return Ok(vec![]);
    }
    let rest = pointer.strip_prefix('/').ok_or_else(|| Error::about(ErrorType::PointerSyntax, pointer))?;
    Ok(rest.split('/').map(|t| t.replace("~1", "/").replace("~0", "~")).collect())
}

fn from_value(format: Format, value: Value) -> Result<Report, Error> {
    crate::parse::from_value(format, value, vec![], &Default::default())
}

fn no_such_field(report: &Report, pointer: &str) -> Error {
    // At the pointer (kind `invalid`): the caller's pointer names the place it is about.
    Error::at(ErrorType::NoSuchField { format: report.format().as_str() }, pointer)
}

impl Report {
    /// The JSON value at `pointer`, or None when the field exists in the format but the
    /// document does not give it (an absent cell). A pointer that names no field of the
    /// format is an error.
    pub fn get(&self, pointer: &str) -> Result<Option<Value>, Error> {
        // A cell of the table of cells is read in place.
        if let Some(def) = cells::cell_at(self.format(), pointer) {
            return Ok(self.cell(def.loc).and_then(|c| c.to_json()));
        }
        tokens(pointer)?;
        let doc = serde_json::to_value(self).unwrap_or(Value::Null);
        match doc.pointer(pointer) {
            Some(v) => Ok(Some(v.clone())),
            None if self.is_field(pointer) => Ok(None),
            None => Err(no_such_field(self, pointer)),
        }
    }

    /// Whether `pointer` names a field that a document of this format can hold.
    pub fn is_field(&self, pointer: &str) -> bool {
        if pointer.is_empty() || cells::cell_at(self.format(), pointer).is_some() {
            return true;
        }
        let present = serde_json::to_value(self).is_ok_and(|d| d.pointer(pointer).is_some());
        present || [Value::Null, Value::Object(Default::default())].into_iter().any(|probe| self.clone().set_value(pointer, probe).is_ok())
    }

    /// Removes the field at `pointer`, so that the document no longer gives it (a cell becomes
    /// absent, not blank). Removing what is not there is not an error; a field the document
    /// must have (format, year, agency, a part's heading …) cannot be removed.
    pub fn remove(&mut self, pointer: &str) -> Result<(), Error> {
        if let Some(def) = cells::cell_at(self.format(), pointer) {
            // Removing what is not there changes nothing (part 六's fees are not created).
            if self.cell(def.loc).is_some_and(|c| c.state() != crate::model::CellState::Absent)
                && let Some(mut c) = self.cell_mut(def.loc)
            {
                c.clear();
            }
            self.normalize_layout();
            return Ok(());
        }
        let toks = tokens(pointer)?;
        let Some((last, path)) = toks.split_last() else {
            return Err(Error::about(ErrorType::WholeDocument, pointer));
        };
        if !self.is_field(pointer) {
            return Err(no_such_field(self, pointer));
        }
        let mut doc = serde_json::to_value(&*self).unwrap_or(Value::Null);
        let parent = if path.is_empty() { String::new() } else { format!("/{}", path.iter().map(|t| crate::parse::escape(t)).collect::<Vec<_>>().join("/")) };
        let removed = match doc.pointer_mut(&parent) {
            Some(Value::Object(m)) => m.remove(last).is_some(),
            Some(Value::Array(a)) => match last.parse::<usize>() {
                Ok(i) if i < a.len() => {
                    a.remove(i);
                    true
                }
                _ => false,
            },
            _ => false,
        };
        if removed {
            *self = from_value(self.format(), doc)?;
        }
        Ok(())
    }

    /// Sets the field at `pointer` to `value` (a count, `null`, `"/"`, an amount string, a text …).
    ///
    /// Objects on the way are created. The result must still be a valid document of the same
    /// format: an unknown field, a wrong type or a negative count is an error naming the
    /// pointer, and the report is left as it was.
    ///
    /// A pointer that names no field of the format is the same error as for [`get`](Report::get)
    /// (`no_such_field`, kind `invalid`), whatever the value.
    pub fn set(&mut self, pointer: &str, value: Value) -> Result<(), Error> {
        self.set_value(pointer, value)
            .map_err(|e| if e.first().category == crate::error::Category::Structure && !self.is_field(pointer) { no_such_field(self, pointer) } else { e })
    }

    fn set_value(&mut self, pointer: &str, value: Value) -> Result<(), Error> {
        // A cell of the table of cells is set in place, read as a document's cell is read.
        if let Some(def) = cells::cell_at(self.format(), pointer) {
            let format = self.format().as_str();
            let before = self.cell(def.loc).and_then(|c| c.to_json());
            let held = |loc: crate::cells::Loc| matches!(loc, crate::cells::Loc::Request { row, .. } if crate::labels::is_other_row(row));
            let mut cell = self.cell_mut(def.loc).ok_or_else(|| {
                // A row of （六） of the other shape than the document holds.
                if held(def.loc) { Error::at(ErrorType::OtherLayoutHeld, pointer) } else { Error::about(ErrorType::NoSuchField { format }, pointer) }
            })?;
            cell.set_json(&value).map_err(|t| Error::at(t, pointer))?;
            // Only a text can make a cell long; a count, null or "/" fits in the room kept for
            // the cells (see `CELL_ROOM`), so the common set of a count stays O(1).
            if let Err(e) = if value.is_string() { within_limit(self, pointer) } else { Ok(()) } {
                if let Some(mut cell) = self.cell_mut(def.loc) {
                    match before {
                        Some(v) => cell.set_json(&v).map_err(|t| Error::at(t, pointer))?,
                        None => cell.clear(),
                    }
                }
                return Err(e);
            }
            return Ok(());
        }
        let toks = tokens(pointer)?;
        let Some((last, path)) = toks.split_last() else {
            return Err(Error::about(ErrorType::WholeDocument, pointer));
        };
        if toks.len() == 1 && last == "format" {
            return Err(Error::about(ErrorType::FormatFixed, pointer));
        }
        let mut doc = serde_json::to_value(&*self).unwrap_or(Value::Null);
        let mut at = &mut doc;
        for (i, t) in path.iter().enumerate() {
            let here = format!("/{}", path[..=i].join("/"));
            at = match at {
                Value::Object(m) => m.entry(t.clone()).or_insert_with(|| Value::Object(Default::default())),
                Value::Array(a) => {
                    let idx: usize = t.parse().map_err(|_| Error::about(ErrorType::NotAnIndex, here.clone()))?;
                    let len = a.len();
                    a.get_mut(idx).ok_or_else(|| Error::about(ErrorType::NoItem { index: idx, len }, here.clone()))?
                }
                _ => return Err(Error::about(ErrorType::NotAContainer, here)),
            };
        }
        match at {
            Value::Object(m) => {
                m.insert(last.clone(), value);
            }
            Value::Array(a) => {
                let idx: usize = last.parse().map_err(|_| Error::about(ErrorType::NotAnIndex, pointer))?;
                if idx < a.len() {
                    a[idx] = value;
                } else if idx == a.len() {
                    a.push(value);
                } else {
                    return Err(Error::about(ErrorType::NoItem { index: idx, len: a.len() }, pointer));
                }
            }
            _ => return Err(Error::about(ErrorType::NotAContainer, pointer)),
        }
        let changed = from_value(self.format(), doc)?;
        within_limit(&changed, pointer)?;
        *self = changed;
        Ok(())
    }
}

/// Room kept under [`MAX_INPUT_BYTES`](crate::limits::MAX_INPUT_BYTES) for the count cells: all
/// of them (about 220 in the 2021 format, each with its row) at their longest value take far
/// less than this, so a count set never needs the size checked.
const CELL_ROOM: u64 = 64 * 1024;

/// The document stays within [`MAX_INPUT_BYTES`](crate::limits::MAX_INPUT_BYTES) as JSON, with
/// [`CELL_ROOM`] to spare, so that what is built field by field can always be read back.
fn within_limit(report: &Report, pointer: &str) -> Result<(), Error> {
    let limit = crate::limits::MAX_INPUT_BYTES - CELL_ROOM;
    let size = report.json_len();
    if size > limit {
        return Err(Error::at(ErrorType::DocumentTooLarge { size, limit }, pointer));
    }
    Ok(())
}
