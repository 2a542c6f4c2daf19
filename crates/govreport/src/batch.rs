//! Checking many reports at once: the one batch of every surface (the command, Python's
//! `check_many`, the C ABI's `govreport_check_many_json`, and a register's ingest).
//!
//! Inputs come in with their source names; each is read (by the caller's `load`, so that every
//! surface keeps its own kinds of input and error) and checked on a thread pool, a chunk at a
//! time, and its result goes out in input order as soon as its chunk is done, so that memory
//! stays flat whatever the number of reports. What only the batch shows (prose copied between
//! units, units that stand out from their peers: GR701–GR703, [`crate::across::Batch`]) comes
//! after every input, unit by unit.
//!
//! ```
//! use govreport::batch::{self, BatchOptions, Event, Loaded};
//! use govreport::Options;
//! let docs = vec![
//!     ("a.json".to_string(), r#"{"format":"2021","year":2023,"agency":{"name":"甲局","kind":"department"}}"#),
//!     ("b.json".to_string(), r#"{"format":"2021","year":"2023"}"#),
//! ];
//! let mut seen = vec![];
//! batch::check_many(docs, |text| govreport::parse_str(text).map(Loaded::from), &Options::default(), &BatchOptions::default(), |event| {
//!     if let Event::Checked { index, name, outcome } = event {
//!         seen.push((index, name, outcome.is_ok()));
//!     }
//! })
//! .unwrap();
//! assert_eq!(seen, [(0, "a.json".to_string(), true), (1, "b.json".to_string(), false)]);
//! ```

use std::sync::mpsc;

use rayon::prelude::*;

use crate::across::Batch;
use crate::across::batch::Prepared;
use crate::error::Error;
use crate::finding::Findings;
use crate::model::Report;
use crate::options::{Options, Resolved};

/// How a batch runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchOptions {
    /// Threads that check: None for rayon's pool (every core, or `RAYON_NUM_THREADS`); 1 for
    /// the calling thread alone (nothing else is started).
    pub threads: Option<usize>,
    /// Inputs read, checked and given out together; memory holds about two chunks.
    pub chunk: usize,
    /// How a unit is named in other units' findings (GR701).
    pub unit_names: UnitNames,
}

impl Default for BatchOptions {
    fn default() -> BatchOptions {
        BatchOptions { threads: None, chunk: 1024, unit_names: UnitNames::Source }
    }
}

/// How a unit of a batch is named in other units' findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitNames {
    /// By its source name (a file, `file:line`).
    Source,
    /// By the agency its report names (trimmed), or its source name when it names none.
    Agency,
}

/// What reading an input gives: the report, and what was found while reading it (the
/// importer's GR9xx findings about a published page), which comes before the check's findings.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The report.
    pub report: Report,
    /// Findings of the reading.
    pub findings: Findings,
    /// Places the source does not show ([`crate::Imported::unseen`]).
    pub unseen: Vec<String>,
    /// Where each cell of an imported report came from; the check's findings on those cells
    /// get their place ([`crate::import::provenance::annotate`]). Empty for a JSON document.
    pub provenance: crate::import::Provenance,
}

impl From<Report> for Loaded {
    fn from(report: Report) -> Loaded {
        Loaded { report, findings: Findings::default(), unseen: vec![], provenance: Default::default() }
    }
}

impl From<crate::Imported> for Loaded {
    fn from(imported: crate::Imported) -> Loaded {
        Loaded { report: imported.report, findings: imported.findings, unseen: imported.unseen, provenance: imported.provenance }
    }
}

impl Loaded {
    /// A report from bytes: a JSON document as it is; anything else (an HTML page, text, a
    /// .docx or PDF file) imported, with the import findings in `lang`.
    pub fn from_bytes(bytes: &[u8], lang: crate::Lang) -> Result<Loaded, Error> {
        if crate::import::looks_like_json(bytes) {
            return crate::parse_json(bytes).map(Loaded::from);
        }
        let imported = crate::import_document(bytes, &crate::ImportOptions { lang, ..Default::default() })?;
        Ok(Loaded::from(imported))
    }

    /// The unit the report is of, as a batch names it by agency: the agency's name, trimmed;
    /// None when the report names none (the batch then names it by its source).
    pub fn unit(&self) -> Option<&str> {
        let agency = self.report.meta().agency.name.trim();
        (!agency.is_empty()).then_some(agency)
    }
}

/// What a batch gives out, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Event<E> {
    /// One input, in input order: its findings (the reading's, then the check's), or why it
    /// could not be read (it is then no unit of the batch).
    Checked {
        /// Its place in the input.
        index: usize,
        /// Its source name.
        name: String,
        /// Its findings, or the error of its reading.
        outcome: Result<Findings, E>,
    },
    /// What only the batch shows about one unit (GR701–GR703), after every input, in input
    /// order.
    Batch {
        /// The unit's place in the input.
        index: usize,
        /// Its source name.
        name: String,
        /// Its findings.
        findings: Findings,
    },
}

/// One input, checked: its event, and what the batch keeps of it.
type Done<E> = (Event<E>, Option<(String, Prepared)>);

/// Checks every input, on `batch.threads` threads, and gives each result to `sink` in input
/// order, then what only the batch shows. `load` reads one input (on any thread).
///
/// Fails, before any input is read, only on invalid options.
pub fn check_many<I, T, E, L, S>(inputs: I, load: L, options: &Options, batch: &BatchOptions, mut sink: S) -> Result<(), Error>
where
    I: IntoIterator<Item = (String, T)>,
    I::IntoIter: Send,
    T: Send,
    E: Send,
    L: Fn(T) -> Result<Loaded, E> + Sync,
    S: FnMut(Event<E>),
{
    let resolved = options.resolve()?;
    let chunk = batch.chunk.max(1);
    let mut collector = Batch::new();
    // The place in the input of every unit (a unit is an input that could be read).
    let mut places: Vec<usize> = vec![];
    // Source names of the units, when they are not their names in the batch.
    let mut sources: Vec<String> = vec![];
    let by_agency = batch.unit_names == UnitNames::Agency;
    let mut take = |done: Vec<Done<E>>, sink: &mut S| {
        for (event, kept) in done {
            if let (Event::Checked { index, name, .. }, Some((unit_name, prepared))) = (&event, kept) {
                collector.add_prepared(if by_agency { unit_name.as_str() } else { name.as_str() }, prepared);
                places.push(*index);
                if by_agency {
                    sources.push(name.clone());
                }
            }
            sink(event);
        }
    };
    let one = |(index, (name, item)): (usize, (String, T))| -> Done<E> { check_one(index, name, item, &load, &resolved, by_agency) };
    let mut inputs = inputs.into_iter().enumerate();
    let on_calling_thread = batch.threads.is_some_and(|n| n <= 1);
    let pool = match batch.threads {
        Some(n) if n > 1 => rayon::ThreadPoolBuilder::new().num_threads(n).thread_name(|i| format!("govreport-check-{i}")).build().ok(),
        _ => None,
    };
    match batch.threads {
        // On the calling thread, one input after the other.
        Some(n) if n <= 1 => loop {
            let part: Vec<Done<E>> = inputs.by_ref().take(chunk).map(&one).collect();
            if part.is_empty() {
                break;
            }
            take(part, &mut sink);
        },
        _ => {
            // Three stages run at once: a reader thread reads the next chunk of inputs, a driver
            // thread has the pool check the chunk before, and this thread gives out the results
            // of the chunk before that (and appends its units to the batch), so the pool never
            // waits for reading or for the caller. Each stage hands its chunk over before it
            // starts the next: memory holds a few chunks at most.
            std::thread::scope(|scope| {
                let (to_check, chunks) = mpsc::sync_channel::<Vec<(usize, (String, T))>>(0);
                let (to_give, checked) = mpsc::sync_channel::<Vec<Done<E>>>(0);
                scope.spawn(move || {
                    loop {
                        let part: Vec<(usize, (String, T))> = inputs.by_ref().take(chunk).collect();
                        if part.is_empty() || to_check.send(part).is_err() {
                            break;
                        }
                    }
                });
                let (pool, one) = (&pool, &one);
                scope.spawn(move || {
                    for part in chunks {
                        let run = || part.into_par_iter().map(one).collect::<Vec<Done<E>>>();
                        let done = match pool {
                            Some(p) => p.install(run),
                            None => run(),
                        };
                        if to_give.send(done).is_err() {
                            break;
                        }
                    }
                });
                for done in checked {
                    take(done, &mut sink);
                }
            });
        }
    }
    // What only the batch shows, a unit at a time; the copied pairs are sought on the pool too.
    let found = match (&pool, on_calling_thread) {
        (_, true) => collector.findings_from(&resolved, false),
        (Some(p), false) => p.install(|| collector.findings_from(&resolved, true)),
        (None, false) => collector.findings_from(&resolved, true),
    };
    for (unit, findings) in found {
        let Some(&index) = places.get(unit) else { continue };
        let name = if by_agency { sources.get(unit).cloned().unwrap_or_default() } else { collector.name(unit).unwrap_or_default().to_string() };
        sink(Event::Batch { index, name, findings });
    }
    Ok(())
}

/// Reads and checks one input: its event, and what the batch keeps of it (its name as a unit,
/// its prepared part).
fn check_one<T, E>(index: usize, name: String, item: T, load: &(impl Fn(T) -> Result<Loaded, E> + Sync), resolved: &Resolved, by_agency: bool) -> Done<E> {
    match load(item) {
        Err(e) => (Event::Checked { index, name, outcome: Err(e) }, None),
        Ok(loaded) => {
            let unit_name = if by_agency { loaded.unit().unwrap_or(&name).to_string() } else { String::new() };
            let Loaded { report, mut findings, unseen, provenance } = loaded;
            let mut checked = crate::rules::run_seen(&report, resolved, &unseen);
            crate::import::provenance::annotate(&mut checked, &provenance, resolved.lang);
            findings.0.extend(checked.0);
            // What the batch keeps is made here, on the worker; the report is dropped.
            let prepared = Batch::prepare(&report);
            (Event::Checked { index, name, outcome: Ok(findings) }, Some((unit_name, prepared)))
        }
    }
}

/// Every input's result in input order, the batch's findings added to the unit they concern:
/// what Python's `check_many` and the C ABI give (it holds every result, so it is for batches
/// that fit in memory).
pub fn check_all<I, T, E, L>(inputs: I, load: L, options: &Options, batch: &BatchOptions) -> Result<Vec<Result<Findings, E>>, Error>
where
    I: IntoIterator<Item = (String, T)>,
    I::IntoIter: Send,
    T: Send,
    E: Send,
    L: Fn(T) -> Result<Loaded, E> + Sync,
{
    let mut out: Vec<Result<Findings, E>> = vec![];
    check_many(inputs, load, options, batch, |event| match event {
        Event::Checked { outcome, .. } => out.push(outcome),
        Event::Batch { index, findings, .. } => {
            if let Some(Ok(f)) = out.get_mut(index) {
                f.0.extend(findings.0);
            }
        }
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Twenty units whose overviews copy each other in pairs, one unreadable input among them.
    fn inputs() -> Vec<(String, String)> {
        let text = "本年度，我局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作扎实推进政务公开，主动公开、依申请公开和政策解读工作取得新成效。";
        (0..21)
            .map(|i| {
                let doc = if i == 7 {
                    "{\"format\":\"2021\",\"year\":-1}".to_string()
                } else {
                    format!(
                        r#"{{"format":"2021","year":2023,"agency":{{"name":"第{i}局","kind":"department"}},"sections":{{"overview":"{}"}},"requests":{{"new":{{"total":{}}}}}}}"#,
                        if i % 2 == 0 { text.to_string() } else { format!("{i}{}", "其他内容各不相同".repeat(8 + i)) },
                        if i == 13 { 5000 } else { 18 + i % 5 }
                    )
                };
                (format!("unit-{i}.json"), doc)
            })
            .collect()
    }

    fn run(threads: Option<usize>, chunk: usize, names: UnitNames) -> Vec<Event<String>> {
        let mut events = vec![];
        let batch = BatchOptions { threads, chunk, unit_names: names };
        let load = |text: String| crate::parse_str(&text).map(Loaded::from).map_err(|e| e.to_string());
        check_many(inputs(), load, &Options { today: Some("2026-11-26".into()), ..Default::default() }, &batch, |e| events.push(e)).unwrap();
        events
    }

    #[test]
    fn results_come_in_input_order_whatever_the_threads_and_chunks() {
        let one = run(Some(1), 1024, UnitNames::Source);
        // Every input once, in order, then the batch's findings.
        let checked: Vec<usize> = one.iter().filter_map(|e| if let Event::Checked { index, .. } = e { Some(*index) } else { None }).collect();
        assert_eq!(checked, (0..21).collect::<Vec<_>>());
        assert!(matches!(&one[7], Event::Checked { outcome: Err(_), .. }));
        let batch: Vec<(usize, String, Vec<String>)> = one
            .iter()
            .filter_map(|e| match e {
                Event::Batch { index, name, findings } => Some((*index, name.clone(), findings.iter().map(|f| f.code.clone()).collect())),
                _ => None,
            })
            .collect();
        assert!(batch.iter().any(|(_, _, codes)| codes.contains(&"GR701".to_string())));
        assert!(batch.iter().any(|(i, name, codes)| *i == 13 && name == "unit-13.json" && codes.contains(&"GR703".to_string())), "{batch:?}");
        for threads in [None, Some(2), Some(3)] {
            for chunk in [1, 4, 1024] {
                assert_eq!(run(threads, chunk, UnitNames::Source), one, "{threads:?} threads, chunks of {chunk}");
            }
        }
        // Named by agency, a copy names the agency it copied.
        let by_agency = run(Some(2), 5, UnitNames::Agency);
        let copy = by_agency.iter().find_map(|e| match e {
            Event::Batch { findings, .. } => findings.iter().find(|f| f.code == "GR701").cloned(),
            _ => None,
        });
        assert!(copy.is_some_and(|f| f.message.contains("第0局")));
    }

    #[test]
    fn check_all_adds_the_batch_findings_to_their_unit() {
        let load = |text: String| crate::parse_str(&text).map(Loaded::from).map_err(|e| e.kind());
        let all = check_all(inputs(), load, &Options::default(), &BatchOptions::default()).unwrap();
        assert_eq!(all.len(), 21);
        assert_eq!(all[7], Err("structure"));
        assert!(all[13].as_ref().unwrap().iter().any(|f| f.code == "GR703"));
        let bad = Options { disable: vec!["XX".into()], ..Default::default() };
        assert!(check_all(inputs(), load, &bad, &BatchOptions::default()).is_err());
    }
}
