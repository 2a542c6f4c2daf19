//! A dict read straight into the core's typed model, without JSON text: the fast way in for a
//! report given as a dict.
//!
//! The Python values are handed to the core's own typed reading ([`govreport::parse_typed`])
//! as a serde data format; the binding decides nothing about the document. Only plain values
//! are read here (exactly `dict`, `list`, `tuple`, `str`, `int`, `float`, `bool` and `None`),
//! numbers as the JSON text of [`crate::convert`] would give them. Anything else (a NumPy
//! number, a `Decimal`, NaN, another Mapping, a subclass), anything past the core's limits
//! (nesting, size) and any document the model refuses stops the fast way: the caller then
//! writes the document as JSON text for the core, which reads it, or says what is wrong and
//! where, exactly as before. So the fast way accepts only what the core accepts from the same
//! document as text, and gives the same report.

use std::cell::Cell;
use std::fmt;

use govreport::limits::{MAX_DEPTH, MAX_INPUT_BYTES};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use pyo3::{Borrowed, ffi};
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};

/// The report a plain dict holds, when the core's typed reading accepts it as it stands;
/// `None` sends the caller to the JSON text way (which names any error).
pub(crate) fn report(doc: &Bound<'_, PyAny>) -> Option<govreport::Report> {
    let dict = doc.cast_exact::<PyDict>().ok()?;
    let format = dict.get_item("format").ok()??;
    let format = format.cast_exact::<PyString>().ok()?.to_cow().ok()?.into_owned();
    let reading = Reading { left: Cell::new(MAX_INPUT_BYTES), keys: std::array::from_fn(|_| Cell::new((0, ""))) };
    govreport::parse_typed(&format, Value { obj: doc.as_borrowed(), depth: 0, reading: &reading })
}

/// The UTF-8 of a str the document holds, borrowed for as long as the document holds the str
/// (Python keeps a str's UTF-8 with it); `None` for a str without UTF-8 (a lone surrogate).
fn utf8<'a>(s: Borrowed<'a, '_, PyString>) -> Option<&'a str> {
    let mut len: ffi::Py_ssize_t = 0;
    // SAFETY: a str; the pointer, when not null, is to `len` bytes of UTF-8 that live as long
    // as the str, which the document holds for 'a (and nothing changes during the reading).
    unsafe {
        let data = ffi::PyUnicode_AsUTF8AndSize(s.as_ptr(), &mut len);
        if data.is_null() {
            ffi::PyErr_Clear();
            return None;
        }
        let bytes = std::slice::from_raw_parts(data.cast::<u8>(), usize::try_from(len).ok()?);
        Some(std::str::from_utf8_unchecked(bytes))
    }
}

/// How many keys [`Reading::key`] remembers.
const KEY_SLOTS: usize = 64;

/// Why the fast way stopped. Never shown: the JSON text way says what is wrong.
#[derive(Debug)]
pub(crate) struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("left to the JSON text way")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Stop
    }
}

/// What one reading of a document keeps: what is left of the core's input limit, and the keys
/// met so far.
struct Reading<'a> {
    /// An upper bound of the JSON text the document would be written as, against the core's
    /// input limit: past it, the text way decides (with the exact size).
    left: Cell<u64>,
    /// The UTF-8 of keys met, by the address of the key object: the keys of a document made by
    /// `json.loads` (or written in code) are a few objects used again and again. An address
    /// names one object for the whole reading, as the document holds every key until its end.
    keys: [Cell<(usize, &'a str)>; KEY_SLOTS],
}

impl<'a> Reading<'a> {
    /// The text of a key of the document: remembered, or read and remembered.
    fn key(&self, key: Borrowed<'a, '_, PyString>) -> Option<&'a str> {
        let addr = key.as_ptr() as usize;
        let slot = (addr >> 4 ^ addr >> 10) % KEY_SLOTS;
        let (known, text) = self.keys[slot].get();
        if known == addr {
            return Some(text);
        }
        let text = utf8(key)?;
        self.keys[slot].set((addr, text));
        Some(text)
    }

    fn spend(&self, bytes: u64) -> Result<(), Stop> {
        let left = self.left.get().checked_sub(bytes).ok_or(Stop)?;
        self.left.set(left);
        Ok(())
    }

    /// A string as JSON: every byte escaped at worst (`\u001f`), quotes, and a separator.
    fn text(&self, s: &str) -> Result<(), Stop> {
        self.spend(s.len() as u64 * 6 + 3)
    }
}

/// One Python value, read by the core's model: borrowed from the document, which holds every
/// value for the whole reading (no reference is taken or given back per value).
struct Value<'a, 'py> {
    obj: Borrowed<'a, 'py, PyAny>,
    /// How many dicts and lists hold it (the document is at 0).
    depth: usize,
    reading: &'a Reading<'a>,
}

impl<'a, 'py> Value<'a, 'py> {
    fn child(&self, obj: Borrowed<'a, 'py, PyAny>) -> Value<'a, 'py> {
        Value { obj, depth: self.depth + 1, reading: self.reading }
    }

    /// A dict or list at this depth: refused past the core's nesting limit, as the text way
    /// refuses it.
    fn enter(&self) -> Result<(), Stop> {
        if self.depth >= MAX_DEPTH {
            return Err(Stop);
        }
        self.reading.spend(2)
    }

    fn map<'de, V: Visitor<'de>>(self, visitor: V, dict: Borrowed<'a, 'py, PyDict>) -> Result<V::Value, Stop> {
        self.enter()?;
        // No copy to iterate: this reading runs no Python code (a value that would, such as a
        // subclass or an `__index__`, stops it), so nothing changes the dict under it.
        visitor.visit_map(Entries { dict, pos: 0, value: None, of: &self })
    }

    fn seq<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        self.enter()?;
        let obj = self.obj;
        let len = if obj.is_exact_instance_of::<PyList>() {
            // SAFETY: a list, checked above.
            unsafe { ffi::PyList_Size(obj.as_ptr()) }
        } else if obj.is_exact_instance_of::<PyTuple>() {
            // SAFETY: a tuple, checked above.
            unsafe { ffi::PyTuple_Size(obj.as_ptr()) }
        } else {
            return Err(Stop);
        };
        let tuple = obj.is_exact_instance_of::<PyTuple>();
        visitor.visit_seq(Items { seq: obj, tuple, next: 0, len, of: &self })
    }
}

impl<'de> de::Deserializer<'de> for Value<'_, '_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        let obj = self.obj;
        if obj.is_exact_instance_of::<PyInt>() {
            self.reading.spend(21)?;
            // As JSON text reads a number: a negative one as i64, any other as u64.
            let mut overflow: std::os::raw::c_int = 0;
            // SAFETY: an int (checked above); past i64 it sets `overflow`, not an exception.
            let n = unsafe { ffi::PyLong_AsLongLongAndOverflow(obj.as_ptr(), &mut overflow) };
            return match n {
                _ if overflow != 0 => visitor.visit_u64(obj.extract::<u64>().map_err(|_| Stop)?),
                n if n < 0 => visitor.visit_i64(n),
                n => visitor.visit_u64(n as u64),
            };
        }
        if let Ok(s) = obj.cast_exact::<PyString>() {
            // The str's own UTF-8 (kept by Python with the str): no copy to read it.
            let t = utf8(s).ok_or(Stop)?;
            self.reading.text(t)?;
            return visitor.visit_str(t);
        }
        if let Ok(dict) = obj.cast_exact::<PyDict>() {
            return self.map(visitor, dict);
        }
        if obj.is_none() {
            self.reading.spend(5)?;
            return visitor.visit_unit();
        }
        if let Ok(b) = obj.cast_exact::<PyBool>() {
            self.reading.spend(6)?;
            return visitor.visit_bool(b.is_true());
        }
        if let Ok(f) = obj.cast_exact::<PyFloat>() {
            self.reading.spend(21)?;
            // The text way writes a whole float (to 2^53) as that integer; any other float
            // is left to it (with its digits as Python writes them).
            return match govreport::model::exact_whole(f.value()) {
                Some(w) if w < 0 => visitor.visit_i64(i64::try_from(w).map_err(|_| Stop)?),
                Some(w) => visitor.visit_u64(u64::try_from(w).map_err(|_| Stop)?),
                None => Err(Stop),
            };
        }
        if obj.is_exact_instance_of::<PyList>() || obj.is_exact_instance_of::<PyTuple>() {
            return self.seq(visitor);
        }
        Err(Stop)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        if self.obj.is_none() {
            self.reading.spend(5)?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    /// Only a dict is a struct: JSON text's reader would take a list's items as fields, which
    /// the core refuses (its `check_arrays`).
    fn deserialize_struct<V: Visitor<'de>>(self, _name: &'static str, _fields: &'static [&'static str], visitor: V) -> Result<V::Value, Stop> {
        match self.obj.cast_exact::<PyDict>() {
            Ok(dict) => self.map(visitor, dict),
            Err(_) => Err(Stop),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        match self.obj.cast_exact::<PyDict>() {
            Ok(dict) => self.map(visitor, dict),
            Err(_) => Err(Stop),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        self.seq(visitor)
    }

    /// A unit variant, written as its name; any other form of an enum is left to the text way.
    fn deserialize_enum<V: Visitor<'de>>(self, _name: &'static str, _variants: &'static [&'static str], visitor: V) -> Result<V::Value, Stop> {
        let name = self.obj.cast_exact::<PyString>().map_err(|_| Stop)?;
        let name = utf8(name).ok_or(Stop)?;
        self.reading.text(name)?;
        visitor.visit_enum(IntoDeserializer::<Stop>::into_deserializer(name))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct tuple tuple_struct identifier ignored_any
    }
}

/// The items of a dict, for a struct or a map of the model.
struct Entries<'a, 'b, 'py> {
    dict: Borrowed<'a, 'py, PyDict>,
    /// Where `PyDict_Next` goes on from.
    pos: ffi::Py_ssize_t,
    value: Option<Borrowed<'a, 'py, PyAny>>,
    of: &'b Value<'a, 'py>,
}

impl<'de> MapAccess<'de> for Entries<'_, '_, '_> {
    type Error = Stop;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Stop> {
        let (mut key, mut value) = (std::ptr::null_mut(), std::ptr::null_mut());
        // SAFETY: a dict (checked by the caller), alive and unchanged for the whole reading
        // (see `Value::map`); the pointers are written only when it returns 1.
        if unsafe { ffi::PyDict_Next(self.dict.as_ptr(), &mut self.pos, &mut key, &mut value) } == 0 {
            return Ok(None);
        }
        let py = self.dict.py();
        // SAFETY: borrowed references to the dict's own key and value, non-null, valid while the
        // dict holds them: for the whole reading.
        let (key, value) = unsafe { (Borrowed::from_ptr(py, key), Borrowed::from_ptr(py, value)) };
        let key = key.cast_exact::<PyString>().map_err(|_| Stop)?;
        let name = self.of.reading.key(key).ok_or(Stop)?;
        self.of.reading.text(name)?;
        self.value = Some(value);
        seed.deserialize(IntoDeserializer::<Stop>::into_deserializer(name)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Stop> {
        let value = self.value.take().ok_or(Stop)?;
        seed.deserialize(self.of.child(value))
    }
}

/// The items of a list or tuple.
struct Items<'a, 'b, 'py> {
    seq: Borrowed<'a, 'py, PyAny>,
    /// A tuple (else a list).
    tuple: bool,
    next: ffi::Py_ssize_t,
    len: ffi::Py_ssize_t,
    of: &'b Value<'a, 'py>,
}

impl<'de> SeqAccess<'de> for Items<'_, '_, '_> {
    type Error = Stop;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Stop> {
        if self.next >= self.len {
            return Ok(None);
        }
        let (seq, i) = (self.seq.as_ptr(), self.next);
        self.next += 1;
        // SAFETY: an index below the length of this list or tuple, which nothing changes while
        // it is read; the item is a borrowed reference the list or tuple holds.
        let item = unsafe { if self.tuple { ffi::PyTuple_GetItem(seq, i) } else { ffi::PyList_GetItem(seq, i) } };
        // SAFETY: a borrowed reference, or null (then the index was out of range: stop).
        let item = unsafe { Borrowed::from_ptr_or_opt(self.seq.py(), item) }.ok_or(Stop)?;
        seed.deserialize(self.of.child(item)).map(Some)
    }
}
