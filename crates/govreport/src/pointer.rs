//! Reading and writing one field of a report by its JSON pointer (RFC 6901).

use serde_json::Value;

use crate::cells;
use crate::error::Error;
use crate::model::{Format, Report};

fn tokens(pointer: &str) -> Result<Vec<String>, Error> {
    if pointer.is_empty() {
        return Ok(vec![]);
    }
    let rest = pointer.strip_prefix('/').ok_or_else(|| Error::Invalid { what: pointer.into(), message: "a JSON pointer starts with \"/\"".into() })?;
    Ok(rest.split('/').map(|t| t.replace("~1", "/").replace("~0", "~")).collect())
}

fn from_value(format: Format, value: Value) -> Result<Report, Error> {
    let map = |e: serde_path_to_error::Error<serde_json::Error>| {
        let mut p = String::new();
        for seg in e.path().iter() {
            p.push('/');
            p.push_str(&crate::parse::escape(&seg.to_string()));
        }
        Error::Structure { pointer: p, message: e.inner().to_string() }
    };
    Ok(match format {
        Format::F2021 => Report::F2021(serde_path_to_error::deserialize(value).map_err(map)?),
        Format::F2019 => Report::F2019(serde_path_to_error::deserialize(value).map_err(map)?),
        Format::F2007 => Report::F2007(serde_path_to_error::deserialize(value).map_err(map)?),
    })
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
        let doc = serde_json::to_value(self).map_err(|e| Error::Invalid { what: pointer.into(), message: e.to_string() })?;
        match doc.pointer(pointer) {
            Some(v) => Ok(Some(v.clone())),
            None if self.is_field(pointer) => Ok(None),
            None => Err(Error::Invalid { what: pointer.into(), message: format!("names no field of a \"{}\" report", self.format().as_str()) }),
        }
    }

    /// Whether `pointer` names a field that a document of this format can hold.
    pub fn is_field(&self, pointer: &str) -> bool {
        if pointer.is_empty() || cells::cell_at(self.format(), pointer).is_some() {
            return true;
        }
        let present = serde_json::to_value(self).is_ok_and(|d| d.pointer(pointer).is_some());
        present || [Value::Null, Value::Object(Default::default())].into_iter().any(|probe| self.clone().set(pointer, probe).is_ok())
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
            return Ok(());
        }
        let toks = tokens(pointer)?;
        let Some((last, path)) = toks.split_last() else {
            return Err(Error::Invalid { what: pointer.into(), message: "cannot remove the whole document".into() });
        };
        if !self.is_field(pointer) {
            return Err(Error::Invalid { what: pointer.into(), message: format!("names no field of a \"{}\" report", self.format().as_str()) });
        }
        let mut doc = serde_json::to_value(&*self).map_err(|e| Error::Invalid { what: pointer.into(), message: e.to_string() })?;
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
    pub fn set(&mut self, pointer: &str, value: Value) -> Result<(), Error> {
        // A cell of the table of cells is set in place, read as a document's cell is read.
        if let Some(def) = cells::cell_at(self.format(), pointer) {
            let mut cell = self.cell_mut(def.loc).ok_or_else(|| Error::Invalid { what: pointer.into(), message: "not a cell of this report".into() })?;
            return cell.set_json(&value).map_err(|e| Error::Structure { pointer: pointer.to_string(), message: e.to_string() });
        }
        let toks = tokens(pointer)?;
        let Some((last, path)) = toks.split_last() else {
            return Err(Error::Invalid { what: pointer.into(), message: "cannot replace the whole document; parse a new one".into() });
        };
        if toks.len() == 1 && last == "format" {
            return Err(Error::Invalid { what: pointer.into(), message: "the format of a report cannot be changed".into() });
        }
        let mut doc = serde_json::to_value(&*self).map_err(|e| Error::Invalid { what: pointer.into(), message: e.to_string() })?;
        let mut at = &mut doc;
        for (i, t) in path.iter().enumerate() {
            let here = format!("/{}", path[..=i].join("/"));
            at = match at {
                Value::Object(m) => m.entry(t.clone()).or_insert_with(|| Value::Object(Default::default())),
                Value::Array(a) => {
                    let idx: usize = t.parse().map_err(|_| Error::Invalid { what: here.clone(), message: "expected an array index".into() })?;
                    let len = a.len();
                    a.get_mut(idx).ok_or_else(|| Error::Invalid { what: here.clone(), message: format!("no item {idx} (the list has {len})") })?
                }
                _ => return Err(Error::Invalid { what: here, message: "is not an object or a list".into() }),
            };
        }
        match at {
            Value::Object(m) => {
                m.insert(last.clone(), value);
            }
            Value::Array(a) => {
                let idx: usize = last.parse().map_err(|_| Error::Invalid { what: pointer.into(), message: "expected an array index".into() })?;
                if idx < a.len() {
                    a[idx] = value;
                } else if idx == a.len() {
                    a.push(value);
                } else {
                    return Err(Error::Invalid { what: pointer.into(), message: format!("no item {idx} (the list has {})", a.len()) });
                }
            }
            _ => return Err(Error::Invalid { what: pointer.into(), message: "the parent is not an object or a list".into() }),
        }
        *self = from_value(self.format(), doc)?;
        Ok(())
    }
}
