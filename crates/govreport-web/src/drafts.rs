//! Drafts: reports being checked or filled in, kept in memory between the requests of one
//! reader (an upload, each edit, the downloads) until they are saved to the register or left
//! alone for [`IDLE`]. Each has an unguessable id; the store holds at most [`CAPACITY`].

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use govreport::{Findings, ImportOptions, Lang, Report};
use govreport_register::Provenance;

use crate::error::WebError;

/// How many drafts are kept; the one left alone longest goes first.
pub(crate) const CAPACITY: usize = 256;
/// How long a draft is kept without being used.
pub(crate) const IDLE: Duration = Duration::from_secs(12 * 3600);
/// How many bytes of uploaded sources the drafts may hold together.
pub(crate) const SOURCE_BUDGET: usize = 512 * 1024 * 1024;

/// The bytes a draft was imported from.
#[derive(Clone, Debug)]
pub(crate) struct Source {
    /// The file name ("" for pasted text).
    pub name: String,
    pub bytes: Vec<u8>,
    /// json, html, text, docx …
    pub kind: String,
    /// The encoding it was read in.
    pub encoding: String,
    /// The options it was imported with (the year given, if any).
    pub options: ImportOptions,
}

/// The register version a draft was opened from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Base {
    pub unit: i64,
    pub year: i64,
    pub version: i64,
    pub number: i64,
}

/// A report being worked on.
#[derive(Clone, Debug)]
pub(crate) struct Draft {
    pub report: Report,
    pub source: Option<Source>,
    /// What the importer noticed, per language asked for so far.
    pub notes: Vec<(Lang, Findings)>,
    /// Where each cell was read from, as far as the import says.
    pub provenance: BTreeMap<String, Provenance>,
    /// Cells the source has but not as a number (their text is in the provenance).
    pub unreadable: BTreeSet<String>,
    /// Places the imported source does not show: not held against the report.
    pub unseen: Vec<String>,
    /// Fill in derived totals as cells change (a report being filled in, not one published).
    pub fill: bool,
    /// The cells `complete` filled (they follow their parts until the reader types in them).
    pub auto: BTreeSet<String>,
    /// Fields the reader changed.
    pub edited: BTreeSet<String>,
    pub base: Option<Base>,
    /// A message for the next showing of the page (errors of a form post without script).
    pub notice: Option<(String, String)>,
    touched: Instant,
}

impl Draft {
    pub(crate) fn new(report: Report) -> Draft {
        Draft {
            report,
            source: None,
            notes: vec![],
            provenance: BTreeMap::new(),
            unreadable: BTreeSet::new(),
            unseen: Vec::new(),
            fill: false,
            auto: BTreeSet::new(),
            edited: BTreeSet::new(),
            base: None,
            notice: None,
            touched: Instant::now(),
        }
    }

    /// The import notes in `lang` (imported again from the source when first asked in it),
    /// leaving out those about a field the reader has since changed.
    pub(crate) fn notes(&mut self, lang: Lang) -> Findings {
        let have = self.notes.iter().any(|(l, _)| *l == lang);
        if !have && let Some(src) = &self.source {
            let options = ImportOptions { lang, ..src.options.clone() };
            if let Ok(imported) = govreport::import_document(&src.bytes, &options) {
                self.notes.push((lang, imported.findings));
            }
        }
        let all = self.notes.iter().find(|(l, _)| *l == lang).map(|(_, f)| f.clone()).unwrap_or_default();
        Findings(all.0.into_iter().filter(|f| !self.edited.contains(&f.path)).collect())
    }
}

/// Every draft, by id.
#[derive(Default)]
pub(crate) struct Drafts {
    map: Mutex<HashMap<String, Draft>>,
}

fn new_id() -> Result<String, WebError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|_| WebError::internal())?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The answer when a draft is not (or no longer) there.
pub(crate) fn gone() -> WebError {
    WebError::not_found(
        "这份报告已不在工作区：超过 12 小时未使用，或服务已重新启动。请重新上传或打开。",
        "This report is no longer in the workspace: it was left for over 12 hours, or the service was restarted. Upload or open it again.",
    )
}

impl Drafts {
    /// Keeps `draft` and gives its id.
    pub(crate) fn insert(&self, mut draft: Draft) -> Result<String, WebError> {
        let id = new_id()?;
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        map.retain(|_, d| now.duration_since(d.touched) < IDLE);
        let size = |d: &Draft| d.source.as_ref().map_or(0, |s| s.bytes.len());
        let mut held: usize = map.values().map(size).sum::<usize>() + size(&draft);
        while map.len() >= CAPACITY || (held > SOURCE_BUDGET && !map.is_empty()) {
            let Some(oldest) = map.iter().min_by_key(|(_, d)| d.touched).map(|(k, _)| k.clone()) else { break };
            if let Some(gone) = map.remove(&oldest) {
                held -= size(&gone);
            }
        }
        draft.touched = now;
        map.insert(id.clone(), draft);
        Ok(id)
    }

    /// Runs `f` on the draft `id`.
    pub(crate) fn with<T>(&self, id: &str, f: impl FnOnce(&mut Draft) -> T) -> Result<T, WebError> {
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        let draft = map.get_mut(id).filter(|d| d.touched.elapsed() < IDLE).ok_or_else(gone)?;
        draft.touched = Instant::now();
        Ok(f(draft))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        govreport::parse_str(r#"{"format":"2021","year":2023,"agency":{"name":"某局","kind":"department"}}"#).unwrap()
    }

    #[test]
    fn ids_are_random_and_the_store_is_bounded() {
        let drafts = Drafts::default();
        let ids: Vec<String> = (0..CAPACITY + 10).map(|_| drafts.insert(Draft::new(report())).unwrap()).collect();
        assert_eq!(ids[0].len(), 32);
        assert!(ids.iter().collect::<BTreeSet<_>>().len() == ids.len());
        assert_eq!(drafts.map.lock().unwrap().len(), CAPACITY);
        // The first ones went first.
        assert!(drafts.with(&ids[0], |_| ()).is_err());
        assert!(drafts.with(&ids[CAPACITY + 9], |_| ()).is_ok());
        assert_eq!(drafts.with("nope", |_| ()).unwrap_err().status, axum::http::StatusCode::NOT_FOUND);
    }

    #[test]
    fn uploaded_bytes_held_are_bounded() {
        let drafts = Drafts::default();
        let big = |n: u8| {
            let mut d = Draft::new(report());
            d.source = Some(Source {
                name: format!("{n}"),
                bytes: vec![n; 100 * 1024 * 1024],
                kind: "text".into(),
                encoding: "UTF-8".into(),
                options: ImportOptions::default(),
            });
            d
        };
        let ids: Vec<String> = (0..7).map(|n| drafts.insert(big(n)).unwrap()).collect();
        let held: usize = drafts.map.lock().unwrap().values().map(|d| d.source.as_ref().unwrap().bytes.len()).sum();
        assert!(held <= SOURCE_BUDGET, "{held}");
        assert!(drafts.with(&ids[0], |_| ()).is_err() && drafts.with(&ids[6], |_| ()).is_ok());
    }
}
