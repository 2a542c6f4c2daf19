//! Cells as published: a value, blank, "/" (not applicable), or not given at all.

use std::borrow::Cow;
use std::fmt;

use rust_decimal::Decimal;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::error::{ErrorType, Expected, Found};

/// One cell of a table, three-valued as published plus "not in the document".
///
/// `Blank` (JSON `null`) is not zero and `NotApplicable` (JSON `"/"`) is not zero either:
/// the checks report both and never treat them as 0. `Absent` is a cell the document does not
/// give at all (the key is missing, e.g. a table cut off when it was published); it is left
/// out when the document is written back.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Cell<T> {
    /// The key is not in the document.
    #[default]
    Absent,
    /// Left blank as published (`null`).
    Blank,
    /// Marked as not applicable (`"/"`).
    NotApplicable,
    /// A value.
    Value(T),
}

/// A count: a whole number ≥ 0.
pub type Count = Cell<u64>;
/// A signed count, such as 本年增/减 of the 2019 template.
pub type Signed = Cell<i64>;
/// An exact decimal amount that keeps its written precision, e.g. 万元 "0.092".
pub type Amount = Cell<Dec>;

impl<T> Cell<T> {
    /// Whether the document leaves this cell out.
    pub fn is_absent(&self) -> bool {
        matches!(self, Cell::Absent)
    }

    /// The value, if the cell holds one.
    pub fn value(&self) -> Option<&T> {
        match self {
            Cell::Value(v) => Some(v),
            _ => None,
        }
    }

    /// Whether the cell is blank or absent: a number is expected but not there.
    pub fn is_missing(&self) -> bool {
        matches!(self, Cell::Absent | Cell::Blank)
    }
}

impl<T: fmt::Display> fmt::Display for Cell<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cell::Absent => Ok(()),
            Cell::Blank => Ok(()),
            Cell::NotApplicable => f.write_str("/"),
            Cell::Value(v) => v.fmt(f),
        }
    }
}

/// The mark of a cell that does not apply.
pub const NOT_APPLICABLE: &str = "/";

/// What a cell's value type accepts from JSON and how it is described in the schema.
pub trait CellValue: Sized + Copy {
    /// What the value is, for error messages ("a whole number ≥ 0").
    fn expected() -> Expected;
    /// From a JSON integer that fits u64.
    fn from_u64(v: u64) -> Result<Self, ErrorType>;
    /// From a negative JSON integer.
    fn from_i64(v: i64) -> Result<Self, ErrorType>;
    /// From a JSON number with a fraction or exponent.
    fn from_f64(v: f64) -> Result<Self, ErrorType>;
    /// From a JSON string other than "/".
    fn from_text(v: &str) -> Result<Self, ErrorType>;
    /// Writes the value.
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error>;
    /// The schema of the value alone.
    fn schema() -> Schema;
}

const MAX_EXACT_F64: f64 = 9_007_199_254_740_992.0; // 2^53

fn whole(v: f64) -> Option<i128> {
    (v.is_finite() && v.fract() == 0.0 && v.abs() <= MAX_EXACT_F64).then_some(v as i128)
}

/// A number written with a fraction or exponent read as a whole number, the one policy for
/// every whole-number field (cells and the year): its value when it has no fraction and is
/// exact (|v| ≤ 2^53), as JSON Schema's `integer` reads 2023.0.
pub fn exact_whole(v: f64) -> Option<i128> {
    whole(v)
}

/// Reads the reporting year: a whole number 0–65535, written `2023` or `2023.0`.
pub(crate) fn year<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    struct Year;
    impl de::Visitor<'_> for Year {
        type Value = u16;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a year")
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<u16, E> {
            u16::try_from(v).map_err(|_| E::custom("year"))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<u16, E> {
            u16::try_from(v).map_err(|_| E::custom("year"))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<u16, E> {
            whole(v).and_then(|w| u16::try_from(w).ok()).ok_or_else(|| E::custom("year"))
        }
    }
    d.deserialize_any(Year)
}

impl CellValue for u64 {
    fn expected() -> Expected {
        Expected::Count
    }
    fn from_u64(v: u64) -> Result<Self, ErrorType> {
        Ok(v)
    }
    fn from_i64(v: i64) -> Result<Self, ErrorType> {
        Err(ErrorType::NegativeCount { value: v.to_string() })
    }
    fn from_f64(v: f64) -> Result<Self, ErrorType> {
        match whole(v) {
            Some(w) if w >= 0 => Ok(w as u64),
            Some(w) => Err(ErrorType::NegativeCount { value: w.to_string() }),
            // A whole value past 2^53 written with a point or an exponent: the written digits
            // are lost to the binary float, so the count cannot be known (1.8e19 is not too
            // large, 12345678901234567.0 is not 12345678901234568).
            None if v.is_finite() && v.fract() == 0.0 => Err(ErrorType::NumberNotExact { value: v.to_string() }),
            None => Err(ErrorType::CountNotWhole { value: v.to_string() }),
        }
    }
    fn from_text(v: &str) -> Result<Self, ErrorType> {
        Err(ErrorType::WrongType { expected: Self::expected(), found: Found::Text(v.to_string()) })
    }
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(*self)
    }
    fn schema() -> Schema {
        json_schema!({ "type": "integer", "minimum": 0, "maximum": u64::MAX })
    }
}

impl CellValue for i64 {
    fn expected() -> Expected {
        Expected::SignedCount
    }
    fn from_u64(v: u64) -> Result<Self, ErrorType> {
        i64::try_from(v).map_err(|_| ErrorType::NumberTooLarge { value: v.to_string(), max: i64::MAX.to_string() })
    }
    fn from_i64(v: i64) -> Result<Self, ErrorType> {
        Ok(v)
    }
    fn from_f64(v: f64) -> Result<Self, ErrorType> {
        match whole(v) {
            Some(w) => Ok(w as i64),
            None if v.is_finite() && v.fract() == 0.0 => Err(ErrorType::NumberNotExact { value: v.to_string() }),
            None => Err(ErrorType::NotWhole { value: v.to_string() }),
        }
    }
    fn from_text(v: &str) -> Result<Self, ErrorType> {
        Err(ErrorType::WrongType { expected: Self::expected(), found: Found::Text(v.to_string()) })
    }
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(*self)
    }
    fn schema() -> Schema {
        json_schema!({ "type": "integer", "minimum": i64::MIN, "maximum": i64::MAX })
    }
}

/// An exact decimal as written: "0.092" keeps three decimals, "26.55" two.
///
/// Up to 15 digits before the point and 12 after, so that every amount is exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Dec(pub Decimal);

/// The written form of an amount; the schema and the parser agree on it (`(?!\n)`: as for
/// [`crate::model::DATE_PATTERN`]).
pub const AMOUNT_PATTERN: &str = r"^(0|[1-9][0-9]{0,14})(\.[0-9]{1,12})?(?!\n)$";

impl Dec {
    /// Parses an amount written as in [`AMOUNT_PATTERN`].
    pub fn parse(text: &str) -> Result<Dec, ErrorType> {
        let (int, frac) = match text.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (text, None),
        };
        let int_ok = !int.is_empty() && int.len() <= 15 && int.bytes().all(|b| b.is_ascii_digit()) && (int == "0" || !int.starts_with('0'));
        let frac_ok = frac.is_none_or(|f| !f.is_empty() && f.len() <= 12 && f.bytes().all(|b| b.is_ascii_digit()));
        if !(int_ok && frac_ok) {
            return Err(ErrorType::AmountShape { text: format!("{text:?}") });
        }
        // At most 27 digits: every amount of that shape is exact in a Decimal.
        Decimal::from_str_exact(text).map(Dec).map_err(|_| ErrorType::AmountShape { text: format!("{text:?}") })
    }

    /// Number of decimals as written.
    pub fn scale(&self) -> u32 {
        self.0.scale()
    }

    /// Half a unit of the last written decimal: the uncertainty of the written figure.
    pub fn half_unit(&self) -> Decimal {
        Decimal::new(5, self.0.scale() + 1)
    }
}

impl fmt::Display for Dec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl CellValue for Dec {
    fn expected() -> Expected {
        Expected::Amount
    }
    fn from_u64(v: u64) -> Result<Self, ErrorType> {
        Err(ErrorType::AmountAsNumber { value: v.to_string() })
    }
    fn from_i64(v: i64) -> Result<Self, ErrorType> {
        Err(ErrorType::NegativeAmount { value: v.to_string() })
    }
    fn from_f64(v: f64) -> Result<Self, ErrorType> {
        Err(ErrorType::AmountAsNumber { value: v.to_string() })
    }
    fn from_text(v: &str) -> Result<Self, ErrorType> {
        Dec::parse(v)
    }
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
    fn schema() -> Schema {
        json_schema!({ "type": "string", "pattern": AMOUNT_PATTERN })
    }
}

impl<T: CellValue> Serialize for Cell<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Absent | Cell::Blank => s.serialize_none(),
            Cell::NotApplicable => s.serialize_str(NOT_APPLICABLE),
            Cell::Value(v) => v.write(s),
        }
    }
}

struct CellVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: CellValue> Visitor<'de> for CellVisitor<T> {
    type Value = Cell<T>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&T::expected().describe(crate::Lang::En))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        T::from_u64(v).map(Cell::Value).map_err(E::custom)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        if v >= 0 { self.visit_u64(v as u64) } else { T::from_i64(v).map(Cell::Value).map_err(E::custom) }
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        T::from_f64(v).map(Cell::Value).map_err(E::custom)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        if v == NOT_APPLICABLE { Ok(Cell::NotApplicable) } else { T::from_text(v).map(Cell::Value).map_err(E::custom) }
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Cell::Blank)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Cell::Blank)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, T: CellValue> Deserialize<'de> for Cell<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CellVisitor(std::marker::PhantomData))
    }
}

impl<T: CellValue> JsonSchema for Cell<T> {
    fn schema_name() -> Cow<'static, str> {
        let name = std::any::type_name::<T>();
        Cow::Owned(match name {
            "u64" => "Count".to_string(),
            "i64" => "SignedCount".to_string(),
            _ => "Amount".to_string(),
        })
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let value = T::schema();
        json_schema!({
            "description": T::expected().describe(crate::Lang::En),
            "oneOf": [value, { "type": "null" }, { "const": NOT_APPLICABLE }]
        })
    }
}
