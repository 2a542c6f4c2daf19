//! A unit's history: every version of its reports with what it changed and which findings it
//! resolved, and every review, in the order they happened.

use govreport::{Format, Lang, labels};
use rusqlite::params;
use serde::Serialize;

use crate::Register;
use crate::error::Result;
use crate::findings::Review;
use crate::units::{self, Unit, UnitRef};
use crate::versions::VersionInfo;

/// A finding of the parent version that a version no longer has.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Resolved {
    /// Its rule code.
    pub code: String,
    /// Its path.
    pub path: String,
    /// The name of the cell or part at the path.
    pub label: String,
}

/// Something that happened to a unit's reports.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// A version was made (ingested or corrected).
    Version {
        /// The version, with what it changed.
        version: Box<VersionInfo>,
        /// Its violated findings of error severity, and of any severity.
        errors: usize,
        /// Its violated findings.
        findings: usize,
        /// Findings of its parent (own check and year on year) it no longer has.
        resolved: Vec<Resolved>,
    },
    /// A finding was reviewed.
    Review {
        /// The reporting year of the report.
        year: i64,
        /// The review.
        review: Review,
    },
}

impl Event {
    fn at(&self) -> &str {
        match self {
            Event::Version { version, .. } => &version.created_at,
            Event::Review { review, .. } => &review.at,
        }
    }
}

/// A unit with everything that happened to its reports.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct History {
    /// The unit.
    pub unit: Unit,
    /// Every name it published under.
    pub names: Vec<String>,
    /// Versions and reviews, oldest first.
    pub events: Vec<Event>,
}

impl Register {
    /// The history of `unit`'s reports (of `year`, or of every year).
    pub fn history(&self, unit: &UnitRef, year: Option<u16>, lang: Lang) -> Result<History> {
        let unit = units::resolve(&self.conn, unit)?;
        let years: Vec<i64> = {
            let mut stmt = self.conn.prepare("SELECT year FROM reports WHERE unit_id = ?1 AND (?2 IS NULL OR year = ?2) ORDER BY year")?;
            stmt.query_map(params![unit.id, year.map(i64::from)], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
        };
        let mut events = vec![];
        for y in years {
            for version in self.versions(&UnitRef::Id(unit.id), y as u16)? {
                let count = |errors_only: bool| -> Result<usize> {
                    Ok(self.conn.query_row(
                        "SELECT count(*) FROM findings WHERE version_id = ?1 AND status = 'violated' AND (?2 = 0 OR severity = 'error')",
                        params![version.id, errors_only],
                        |r| r.get::<_, i64>(0),
                    )? as usize)
                };
                let resolved = match version.parent_id {
                    None => vec![],
                    Some(parent) => {
                        let format = Format::parse(&version.format).unwrap_or(Format::F2021);
                        let mut stmt = self.conn.prepare(
                            "SELECT DISTINCT p.code, p.path FROM findings p WHERE p.version_id = ?1 AND p.status = 'violated' AND p.origin IN ('check', 'year')
                             AND NOT EXISTS (SELECT 1 FROM findings n WHERE n.version_id = ?2 AND n.code = p.code AND n.path = p.path AND n.status = 'violated')
                             ORDER BY p.code, p.path",
                        )?;
                        stmt.query_map(params![parent, version.id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
                            .map(|row| row.map(|(code, path)| Resolved { label: labels::cell_name(format, &path, lang), code, path }))
                            .collect::<rusqlite::Result<_>>()?
                    }
                };
                events.push(Event::Version { errors: count(true)?, findings: count(false)?, resolved, version: Box::new(version) });
            }
        }
        for review in self.reviews(&UnitRef::Id(unit.id), year)? {
            let y: i64 = self.conn.query_row("SELECT year FROM reports WHERE id = ?1", [review.report_id], |r| r.get(0))?;
            events.push(Event::Review { year: y, review });
        }
        events.sort_by(|a, b| a.at().cmp(b.at()));
        Ok(History { names: self.unit_names(unit.id)?, unit, events })
    }
}
