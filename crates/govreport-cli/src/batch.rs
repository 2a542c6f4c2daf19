//! `govreport check` over many inputs: files, folders, JSON Lines, standard input (read by the
//! core's `fs`), checked by the core's batch on every core in chunks, printed as they are done,
//! with a summary and 内容雷同 between units.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::PathBuf;

use govreport::batch::{self, BatchOptions, Event, Loaded};
use govreport::fs::{self, Source};
use govreport::{Bilingual, Error, Findings, Lang, Options, Severity, Status};

use crate::CheckFormat;
use crate::output::{self, FileResult};

/// Inputs printed together; the core's batch gives them out a chunk at a time, so memory stays
/// flat.
const CHUNK: usize = 1024;

const SUMMARY: Bilingual = Bilingual::new(
    "\n共检查 {units} 份报告，{unreadable} 份无法读取；问题：错误 {errors}，警告 {warnings}，提示 {infos}\n",
    "\nChecked {units} report(s), {unreadable} unreadable; findings: {errors} error(s), {warnings} warning(s), {infos} info\n",
);
const BY_RULE: Bilingual = Bilingual::new("按规则：\n", "By rule:\n");
const WORST: Bilingual = Bilingual::new("问题最多的单位：\n", "Units with the most findings:\n");
const WORST_UNIT: Bilingual = Bilingual::new("  错误 {errors}  警告 {warnings}  {name}\n", "  {errors} error(s) {warnings} warning(s)  {name}\n");
const COMPARED: Bilingual = Bilingual::new("\n与同批其他单位相比：\n", "\nCompared with the other units of the batch:\n");

/// Counts for the summary; bounded whatever the number of units.
#[derive(Default)]
struct Summary {
    units: usize,
    unreadable: usize,
    by_severity: BTreeMap<&'static str, usize>,
    by_rule: BTreeMap<String, usize>,
    /// (errors, warnings, name), the ten worst units.
    worst: Vec<(usize, usize, String)>,
}

impl Summary {
    fn add(&mut self, r: &FileResult) {
        self.units += 1;
        let Ok(f) = &r.outcome else {
            self.unreadable += 1;
            return;
        };
        for x in f.iter().filter(|x| x.status == Status::Violated) {
            *self.by_severity.entry(x.severity.as_str()).or_default() += 1;
            match self.by_rule.get_mut(&x.code) {
                Some(n) => *n += 1,
                None => {
                    self.by_rule.insert(x.code.clone(), 1);
                }
            }
        }
        let (e, w) = (f.iter().filter(|x| x.severity == Severity::Error && x.status == Status::Violated).count(), f.count(Severity::Warning));
        // A unit that would not enter the ten worst (ties keep the earlier) is not kept.
        let enters = self.worst.len() < 10 || self.worst.last().is_some_and(|l| (e, w) > (l.0, l.1));
        if e + w > 0 && enters {
            self.worst.push((e, w, r.name.clone()));
            self.worst.sort_by_key(|w| std::cmp::Reverse((w.0, w.1)));
            self.worst.truncate(10);
        }
    }

    fn text(&self, lang: Lang) -> String {
        let sev = |k: &str| self.by_severity.get(k).copied().unwrap_or(0);
        let mut out = SUMMARY.format(
            lang,
            &[("units", &self.units), ("unreadable", &self.unreadable), ("errors", &sev("error")), ("warnings", &sev("warning")), ("infos", &sev("info"))],
        );
        if !self.by_rule.is_empty() {
            out += BY_RULE.get(lang);
            let mut rules: Vec<_> = self.by_rule.iter().collect();
            rules.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            for (code, n) in rules {
                let title = govreport::rule(code).map_or("", |r| r.title(lang));
                out += &format!("  {code} {n:>7}  {title}\n");
            }
        }
        if !self.worst.is_empty() {
            out += WORST.get(lang);
            for (e, w, name) in &self.worst {
                out += &WORST_UNIT.format(lang, &[("errors", &format!("{e:>3}")), ("warnings", &format!("{w:>3}")), ("name", name)]);
            }
        }
        out
    }
}

/// A CSV field, quoted when it must be.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

fn csv_rows(r: &FileResult, lang: Lang) -> String {
    match &r.outcome {
        Err(e) => format!("{},,,error,unreadable,{},,,{}\n", csv_field(&r.name), csv_field(e.pointer().unwrap_or("")), csv_field(&e.message(lang))),
        Ok(f) => f
            .iter()
            .map(|x| {
                format!(
                    "{},{},{},{},{},{},{},{},{}\n",
                    csv_field(&r.name),
                    x.code,
                    x.name,
                    x.severity.as_str(),
                    x.status.as_str(),
                    csv_field(&x.path),
                    csv_field(x.expected.as_deref().unwrap_or("")),
                    csv_field(x.actual.as_deref().unwrap_or("")),
                    csv_field(&x.message)
                )
            })
            .collect(),
    }
}

/// The CSV header and rows of `results`.
pub fn csv(results: &[FileResult], lang: Lang) -> String {
    let mut out = String::from(CSV_HEADER);
    out.extend(results.iter().map(|r| csv_rows(r, lang)));
    out
}

const CSV_HEADER: &str = "file,code,name,severity,status,path,expected,actual,message\n";

/// What a batch found, for the exit status.
pub struct Outcome {
    pub unreadable: bool,
    pub errors: bool,
    /// Stopped by SIGINT or SIGTERM: what was printed is complete for the inputs before.
    pub interrupted: bool,
}

/// Set by the SIGINT/SIGTERM handler; the batch reads no further input once it is set.
static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

const STOPPED: Bilingual = Bilingual::new(
    "govreport: 已中断：只检查了前 {units} 份报告，输出到此完整结束\n",
    "govreport: interrupted: only the first {units} report(s) were checked; the output ends there, complete\n",
);

/// Checks every unit of `args` and prints as it goes.
pub fn run(args: &[PathBuf], format: CheckFormat, options: &Options, summary_only: bool) -> Outcome {
    let lang = options.lang;
    // An interrupted batch finishes the inputs in hand and closes its output (a JSON array
    // stays valid) instead of stopping mid-line; a second signal is not needed.
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, std::sync::atomic::Ordering::SeqCst));
    let walked = fs::walk(args, &[]);
    for s in &walked.skipped {
        eprintln!("govreport: {}", s.message(lang));
    }
    let srcs = walked.sources;
    let single = matches!(srcs.as_slice(), [Source::File(_) | Source::Stdin]);
    let progress = (!single && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} reports checked ({per_sec})")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar
    });
    let mut summary = Summary::default();
    let mut outcome = Outcome { unreadable: false, errors: false, interrupted: false };
    let mut first = true;
    let mut sarif: Vec<(String, Findings)> = vec![];
    match format {
        CheckFormat::Json => output::emit("["),
        CheckFormat::Csv => output::emit(CSV_HEADER),
        _ => {}
    }
    let mut print = |results: &[FileResult], outcome: &mut Outcome, summary: &mut Summary, first: &mut bool| {
        for r in results {
            summary.add(r);
            outcome.unreadable |= r.outcome.is_err();
            outcome.errors |= r.outcome.as_ref().is_ok_and(|f| f.has_errors());
        }
        match format {
            CheckFormat::Human if !summary_only => output::print_human(results, lang),
            CheckFormat::Human => {}
            CheckFormat::Json => {
                for r in results {
                    let sep = if *first { "\n" } else { ",\n" };
                    output::emit(&format!("{sep}{}", output::json_result(r, lang)));
                    *first = false;
                }
            }
            CheckFormat::Csv => output::emit(&results.iter().map(|r| csv_rows(r, lang)).collect::<String>()),
            CheckFormat::Sarif => {
                sarif.extend(results.iter().filter_map(|r| r.outcome.as_ref().ok().map(|f| (r.name.clone(), f.clone()))));
                for r in results {
                    if let Err(e) = &r.outcome {
                        eprintln!("govreport: {}: {}", r.name, e.message(lang));
                    }
                }
            }
        }
    };
    // Every input is read and checked on every core by the core's batch, a chunk at a time,
    // and printed in input order as its chunk is done; what only the batch shows (copied prose
    // between units, units that stand out) comes at the end, unit by unit.
    let mut pending: Vec<FileResult> = Vec::with_capacity(CHUNK);
    let mut in_batch_part = false;
    let mut units_before = 0;
    let load = |bytes: Result<Vec<u8>, Error>| bytes.and_then(|b| Loaded::from_bytes(&b, lang));
    let inputs = fs::inputs(srcs).take_while(|_| !INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst));
    let result = batch::check_many(inputs, load, options, &BatchOptions::default(), |event| {
        let (r, batch_part) = match event {
            Event::Checked { name, outcome, .. } => (FileResult { name, outcome }, false),
            Event::Batch { name, findings, .. } => (FileResult { name, outcome: Ok(findings) }, true),
        };
        if batch_part && !in_batch_part {
            print(&pending, &mut outcome, &mut summary, &mut first);
            if let Some(bar) = &progress {
                bar.inc(pending.len() as u64);
                bar.finish_and_clear();
            }
            pending.clear();
            in_batch_part = true;
            units_before = summary.units;
            if format == CheckFormat::Human && !summary_only {
                output::emit(COMPARED.get(lang));
            }
        }
        pending.push(r);
        if pending.len() == CHUNK {
            print(&pending, &mut outcome, &mut summary, &mut first);
            if let (Some(bar), false) = (&progress, in_batch_part) {
                bar.inc(pending.len() as u64);
            }
            pending.clear();
        }
    });
    print(&pending, &mut outcome, &mut summary, &mut first);
    if in_batch_part {
        summary.units = units_before;
    } else if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    if let Err(e) = result {
        eprintln!("govreport: {}", e.message(lang));
    }
    outcome.interrupted = INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst);
    if outcome.interrupted {
        eprint!("{}", STOPPED.format(lang, &[("units", &summary.units)]));
    }
    match format {
        CheckFormat::Json => output::emit("\n]\n"),
        CheckFormat::Sarif => output::emit(&(serde_json::to_string_pretty(&govreport::to_sarif(&sarif, lang)).unwrap_or_default() + "\n")),
        CheckFormat::Human if !single || summary_only => output::emit(&summary.text(lang)),
        _ => {}
    }
    outcome
}
