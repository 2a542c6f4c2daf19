//! Units: who publishes reports. A unit is the same unit when its 统一社会信用代码 is the
//! same; without one, when its normalised name and region code are the same (any name it has
//! published under counts, so a renamed unit that gives its credit code keeps its history).

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::error::{Error, Result};

/// A unit of the register.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unit {
    /// Its id in the register.
    pub id: i64,
    /// Its name, as its latest report gives it.
    pub name: String,
    /// 统一社会信用代码, when a report gave it.
    pub credit_code: Option<String>,
    /// GB/T 2260 region code ("" when no report gave one).
    pub region_code: String,
    /// government, department, township or other.
    pub kind: String,
    /// Administrative level, when given.
    pub level: Option<String>,
}

/// How a caller names a unit: its id, its credit code, or its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnitRef {
    /// The register's id.
    Id(i64),
    /// 统一社会信用代码.
    CreditCode(String),
    /// A name it has published under (normalised: spaces and full-width forms do not matter).
    Name(String),
}

impl UnitRef {
    /// Reads what a user typed: digits are an id, 18 characters of a credit code are a code,
    /// anything else a name.
    pub fn parse(text: &str) -> UnitRef {
        let t = text.trim();
        if !t.is_empty()
            && t.len() <= 15
            && t.bytes().all(|b| b.is_ascii_digit())
            && let Ok(id) = t.parse()
        {
            return UnitRef::Id(id);
        }
        if t.len() == 18 && t.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return UnitRef::CreditCode(t.to_ascii_uppercase());
        }
        UnitRef::Name(t.to_string())
    }
}

/// From JSON: a number is an id, a string is read as [`UnitRef::parse`] reads it.
impl<'de> serde::Deserialize<'de> for UnitRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<UnitRef, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Given {
            Id(i64),
            Text(String),
        }
        Ok(match Given::deserialize(d)? {
            Given::Id(id) => UnitRef::Id(id),
            Given::Text(t) => UnitRef::parse(&t),
        })
    }
}

impl std::fmt::Display for UnitRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UnitRef::Id(id) => write!(f, "#{id}"),
            UnitRef::CreditCode(c) | UnitRef::Name(c) => f.write_str(c),
        }
    }
}

/// A name as compared: without any white space, full-width letters, digits and punctuation
/// as their ASCII forms, ASCII letters in lower case.
pub fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The region codes that start with `prefix` (every code when None) as a range `[lo, hi)`,
/// which the `units_region` index answers: `u.region_code >= lo AND u.region_code < hi`.
pub(crate) fn region_range(prefix: Option<&str>) -> (String, String) {
    let lo = prefix.unwrap_or("").trim().to_string();
    let hi = format!("{lo}\u{10FFFF}");
    (lo, hi)
}

pub(crate) const UNIT_COLUMNS: &str = "u.id, u.name, u.credit_code, u.region_code, u.kind, u.level";

pub(crate) fn unit_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Unit> {
    Ok(Unit { id: r.get(0)?, name: r.get(1)?, credit_code: r.get(2)?, region_code: r.get(3)?, kind: r.get(4)?, level: r.get(5)? })
}

/// The unit a report's agency is, made when it is new; its name, kind and level follow the
/// report of the latest year, and every name it published under is kept.
pub(crate) fn identify(conn: &Connection, agency: &govreport::Agency, year: u16, now: &str) -> Result<i64> {
    let code = agency.credit_code.as_deref().map(|c| c.trim().to_ascii_uppercase()).filter(|c| !c.is_empty());
    let region = agency.region_code.as_deref().map(str::trim).unwrap_or("").to_string();
    let key = name_key(&agency.name);
    let level = agency.level.map(|l| l.as_str());
    let kind = agency.kind.as_str();
    let mut id: Option<i64> = None;
    if let Some(code) = &code {
        id = conn.query_row("SELECT id FROM units WHERE credit_code = ?1", [code], |r| r.get(0)).optional()?;
    }
    if id.is_none() && !key.is_empty() {
        id = by_name(conn, &key, Some(&region), code.as_deref())?;
        // A report that gives no region is the unit of that name when there is only one; a
        // report that gives one is the unit of that name that never gave one.
        if id.is_none() {
            id = by_name(conn, &key, if region.is_empty() { None } else { Some("") }, code.as_deref())?;
        }
    }
    let id = match id {
        Some(id) => {
            // Name, kind and level as the latest year's report gives them; a code or region
            // learnt from any report.
            conn.prepare_cached(
                "UPDATE units SET name = ?2, kind = ?3, level = coalesce(?4, level)
                 WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM reports WHERE unit_id = ?1 AND year > ?5)",
            )?
            .execute(params![id, agency.name, kind, level, year])?;
            conn.prepare_cached(
                "UPDATE units SET region_code = CASE WHEN ?2 = '' THEN region_code ELSE ?2 END, credit_code = coalesce(credit_code, ?3) WHERE id = ?1",
            )?
            .execute(params![id, region, code])?;
            id
        }
        None => {
            conn.execute(
                "INSERT INTO units (credit_code, name, region_code, kind, level, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![code, agency.name, region, kind, level, now],
            )?;
            conn.last_insert_rowid()
        }
    };
    conn.execute("INSERT OR IGNORE INTO unit_names (name_key, region_code, unit_id, name) VALUES (?1, ?2, ?3, ?4)", params![key, region, id, agency.name])?;
    Ok(id)
}

/// The unit published under normalised name `key` in `region` (any region when None), whose
/// credit code is none or `code`; None when there is none, or several in any region.
fn by_name(conn: &Connection, key: &str, region: Option<&str>, code: Option<&str>) -> Result<Option<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT n.unit_id FROM unit_names n JOIN units u ON u.id = n.unit_id
         WHERE n.name_key = ?1 AND (?2 IS NULL OR n.region_code = ?2) AND (?3 IS NULL OR u.credit_code IS NULL OR u.credit_code = ?3)
         ORDER BY u.credit_code IS NOT NULL, n.unit_id",
    )?;
    let ids: Vec<i64> = stmt.query_map(params![key, region, code], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(match (region, ids.as_slice()) {
        (None, [one]) => Some(*one),
        (None, _) => None,
        (Some(_), ids) => ids.first().copied(),
    })
}

/// The unit `r` names, or an error saying none or several match.
pub(crate) fn resolve(conn: &Connection, r: &UnitRef) -> Result<Unit> {
    let one = |sql: &str, p: &dyn rusqlite::ToSql| conn.query_row(sql, [p], unit_row).optional();
    let found = match r {
        UnitRef::Id(id) => one(&format!("SELECT {UNIT_COLUMNS} FROM units u WHERE u.id = ?1"), id)?,
        UnitRef::CreditCode(c) => one(&format!("SELECT {UNIT_COLUMNS} FROM units u WHERE u.credit_code = ?1"), c)?,
        UnitRef::Name(n) => {
            let mut stmt = conn
                .prepare(&format!("SELECT DISTINCT {UNIT_COLUMNS} FROM unit_names n JOIN units u ON u.id = n.unit_id WHERE n.name_key = ?1 ORDER BY u.id"))?;
            let units: Vec<Unit> = stmt.query_map([name_key(n)], unit_row)?.collect::<rusqlite::Result<_>>()?;
            match units.len() {
                0 => None,
                1 => units.into_iter().next(),
                _ => {
                    return Err(Error::Ambiguous {
                        given: n.clone(),
                        candidates: units.iter().map(|u| format!("{} {} ({})", u.id, u.name, u.region_code)).collect(),
                    });
                }
            }
        }
    };
    found.ok_or_else(|| Error::not_found(format!("unit {r}"), format!("单位 {r}")))
}

impl crate::Register {
    /// The unit `r` names: an error when none matches, or several do (by name).
    pub fn unit(&self, r: &UnitRef) -> Result<Unit> {
        resolve(&self.conn, r)
    }

    /// Every name a unit has published under.
    pub fn unit_names(&self, unit: i64) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached("SELECT DISTINCT name FROM unit_names WHERE unit_id = ?1 ORDER BY name")?;
        let names = stmt.query_map([unit], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(names)
    }

    /// Every unit whose region code starts with `region` (all when None), by region and name.
    pub fn list_units(&self, region: Option<&str>) -> Result<Vec<Unit>> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {UNIT_COLUMNS} FROM units u WHERE u.region_code >= ?1 AND u.region_code < ?2 ORDER BY u.region_code, u.name, u.id"))?;
        let (lo, hi) = region_range(region);
        let units = stmt.query_map(params![lo, hi], unit_row)?.collect::<rusqlite::Result<_>>()?;
        Ok(units)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_without_spaces_and_full_width_forms() {
        assert_eq!(name_key("进贤县 教育体育局"), name_key("进贤县教育体育局"));
        assert_eq!(name_key("某县（区）ＡＢ局\u{3000}"), "某县(区)ab局");
        assert_ne!(name_key("进贤县教育局"), name_key("进贤县教育体育局"));
    }

    #[test]
    fn what_a_user_typed() {
        assert_eq!(UnitRef::parse("12"), UnitRef::Id(12));
        assert_eq!(UnitRef::parse("11360124mb1234567x"), UnitRef::CreditCode("11360124MB1234567X".into()));
        assert_eq!(UnitRef::parse("进贤县教育体育局"), UnitRef::Name("进贤县教育体育局".into()));
    }
}
