//! `govreport check` over many inputs: files, folders, JSON Lines, standard input; checked on
//! every core in chunks, printed as they are done, with a summary and 内容雷同 between units.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, IsTerminal, Read};
use std::path::{Path, PathBuf};

use govreport::across::{Batch, Prepared};
use govreport::limits::MAX_INPUT_BYTES;
use govreport::{Error, Findings, Lang, Options, Severity, Status};
use rayon::prelude::*;

use crate::CheckFormat;
use crate::output::{self, FileResult};

/// What a folder's files may be: documents, JSON Lines, and published pages to import.
const READABLE: &[&str] = &["json", "jsonl", "ndjson", "html", "htm", "shtml", "txt", "docx", "pdf"];

/// Units checked together; results are printed chunk by chunk so memory stays flat.
const CHUNK: usize = 1024;

/// One report to check: its name (file, or file:line for JSON Lines) and its bytes.
pub struct Unit {
    pub name: String,
    pub bytes: Result<Vec<u8>, Error>,
}

/// Where units come from.
pub enum Source {
    File(PathBuf),
    Lines(PathBuf),
    Stdin,
}

pub fn sources(args: &[PathBuf]) -> Vec<Source> {
    let mut out = vec![];
    for a in args {
        if a.as_os_str() == "-" {
            out.push(Source::Stdin);
        } else if a.is_dir() {
            let mut files = vec![];
            walk(a, &mut files);
            files.sort();
            out.extend(files.into_iter().map(|f| if is_lines(&f) { Source::Lines(f) } else { Source::File(f) }));
        } else if is_lines(a) {
            out.push(Source::Lines(a.clone()));
        } else {
            out.push(Source::File(a.clone()));
        }
    }
    out
}

fn is_lines(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "jsonl" || e == "ndjson")
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().and_then(|x| x.to_str()).is_some_and(|x| READABLE.contains(&x.to_ascii_lowercase().as_str())) {
            out.push(p);
        }
    }
}

fn io_error(name: &str, e: std::io::Error) -> Error {
    Error::Invalid { what: name.to_string(), message: e.to_string() }
}

/// Feeds every unit of every source to `f`, one at a time, reading JSON Lines lazily.
pub fn each_unit(sources: Vec<Source>, mut f: impl FnMut(Unit)) {
    for s in sources {
        match s {
            Source::File(p) => f(Unit { name: p.display().to_string(), bytes: crate::input::read(&p) }),
            Source::Lines(p) => match std::fs::File::open(&p) {
                Ok(file) => lines(&p.display().to_string(), BufReader::new(file), &mut f),
                Err(e) => f(Unit { name: p.display().to_string(), bytes: Err(io_error(&p.display().to_string(), e)) }),
            },
            Source::Stdin => {
                // One document, or JSON Lines: one document per line.
                let mut buf = vec![];
                let read = std::io::stdin().lock().take(MAX_INPUT_BYTES + 1).read_to_end(&mut buf);
                match read {
                    Err(e) => f(Unit { name: "<stdin>".into(), bytes: Err(io_error("<stdin>", e)) }),
                    Ok(_) if buf.len() as u64 > MAX_INPUT_BYTES => {
                        f(Unit { name: "<stdin>".into(), bytes: Err(Error::TooLarge { size: buf.len() as u64, limit: MAX_INPUT_BYTES }) })
                    }
                    Ok(_) if serde_json::from_slice::<serde::de::IgnoredAny>(&buf).is_ok() || !looks_like_lines(&buf) => {
                        f(Unit { name: "<stdin>".into(), bytes: Ok(buf) })
                    }
                    Ok(_) => lines("<stdin>", BufReader::new(&buf[..]), &mut f),
                }
            }
        }
    }
}

fn looks_like_lines(buf: &[u8]) -> bool {
    buf.split(|b| *b == b'\n').filter(|l| !l.iter().all(u8::is_ascii_whitespace)).count() > 1
}

fn lines(name: &str, mut reader: impl BufRead, f: &mut impl FnMut(Unit)) {
    let mut n = 0;
    let mut line = vec![];
    loop {
        line.clear();
        n += 1;
        // A line is read up to the size limit; a longer one is reported, not held.
        match reader.by_ref().take(MAX_INPUT_BYTES + 1).read_until(b'\n', &mut line) {
            Ok(0) => return,
            Ok(_) if line.len() as u64 > MAX_INPUT_BYTES => {
                f(Unit { name: format!("{name}:{n}"), bytes: Err(Error::TooLarge { size: line.len() as u64, limit: MAX_INPUT_BYTES }) });
                // Skip the rest of the line.
                let _ = reader.read_until(b'\n', &mut Vec::new());
            }
            Ok(_) if line.iter().all(u8::is_ascii_whitespace) => {}
            Ok(_) => f(Unit { name: format!("{name}:{n}"), bytes: Ok(std::mem::take(&mut line)) }),
            Err(e) => {
                f(Unit { name: format!("{name}:{n}"), bytes: Err(io_error(name, e)) });
                return;
            }
        }
    }
}

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
            *self.by_rule.entry(x.code.clone()).or_default() += 1;
        }
        let (e, w) = (f.iter().filter(|x| x.severity == Severity::Error && x.status == Status::Violated).count(), f.count(Severity::Warning));
        if e + w > 0 {
            self.worst.push((e, w, r.name.clone()));
            self.worst.sort_by_key(|w| std::cmp::Reverse((w.0, w.1)));
            self.worst.truncate(10);
        }
    }

    fn text(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let sev = |k: &str| self.by_severity.get(k).copied().unwrap_or(0);
        let mut out = if zh {
            format!(
                "\n共检查 {} 份报告，{} 份无法读取；问题：错误 {}，警告 {}，提示 {}\n",
                self.units,
                self.unreadable,
                sev("error"),
                sev("warning"),
                sev("info")
            )
        } else {
            format!(
                "\nChecked {} report(s), {} unreadable; findings: {} error(s), {} warning(s), {} info\n",
                self.units,
                self.unreadable,
                sev("error"),
                sev("warning"),
                sev("info")
            )
        };
        if !self.by_rule.is_empty() {
            out += if zh { "按规则：\n" } else { "By rule:\n" };
            let mut rules: Vec<_> = self.by_rule.iter().collect();
            rules.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            for (code, n) in rules {
                let title = govreport::rule(code).map_or("", |r| r.title(lang));
                out += &format!("  {code} {n:>7}  {title}\n");
            }
        }
        if !self.worst.is_empty() {
            out += if zh { "问题最多的单位：\n" } else { "Units with the most findings:\n" };
            for (e, w, name) in &self.worst {
                out += &if zh { format!("  错误 {e:>3}  警告 {w:>3}  {name}\n") } else { format!("  {e:>3} error(s) {w:>3} warning(s)  {name}\n") };
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
}

/// Checks every unit of `args` and prints as it goes.
pub fn run(args: &[PathBuf], format: CheckFormat, options: &Options, summary_only: bool) -> Outcome {
    let lang = options.lang;
    let srcs = sources(args);
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
    let mut batch = Batch::new();
    let mut outcome = Outcome { unreadable: false, errors: false };
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
    let mut chunk: Vec<Unit> = Vec::with_capacity(CHUNK);
    let mut flush = |chunk: &mut Vec<Unit>, outcome: &mut Outcome, summary: &mut Summary, first: &mut bool| {
        // Each unit's check and what the batch keeps of it (prose signatures, watched cells)
        // are made on every core; the report is dropped there, and only the small prepared
        // part is appended below, in input order.
        let done: Vec<(FileResult, Option<Prepared>)> = chunk
            .par_drain(..)
            .map(|u| match u.bytes.and_then(|b| crate::input::report(&b, options.lang)) {
                Err(e) => (FileResult { name: u.name, outcome: Err(e) }, None),
                Ok((report, mut found)) => {
                    let outcome = govreport::check(&report, options).map(|f| {
                        found.0.extend(f.0);
                        found
                    });
                    (FileResult { name: u.name, outcome }, Some(Batch::prepare(&report)))
                }
            })
            .collect();
        let mut results = Vec::with_capacity(done.len());
        for (r, prepared) in done {
            if let Some(prepared) = prepared {
                batch.add_prepared(&r.name, prepared);
            }
            results.push(r);
        }
        if let Some(bar) = &progress {
            bar.inc(results.len() as u64);
        }
        print(&results, outcome, summary, first);
    };
    each_unit(srcs, |u| {
        chunk.push(u);
        if chunk.len() == CHUNK {
            flush(&mut chunk, &mut outcome, &mut summary, &mut first);
        }
    });
    flush(&mut chunk, &mut outcome, &mut summary, &mut first);
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    // What only the batch shows: copied prose between units, units that stand out.
    // They are made and printed a chunk of units at a time, so that a batch with findings on
    // most of its units does not hold them all.
    if let Ok(found) = batch.findings_iter(options) {
        let mut found = found.map(|(i, f)| FileResult { name: batch.name(i).unwrap_or_default().to_string(), outcome: Ok(f) }).peekable();
        if found.peek().is_some() {
            if format == CheckFormat::Human && !summary_only {
                output::emit(if lang == Lang::Zh { "\n与同批其他单位相比：\n" } else { "\nCompared with the other units of the batch:\n" });
            }
            let units_before = summary.units;
            loop {
                let results: Vec<FileResult> = found.by_ref().take(CHUNK).collect();
                if results.is_empty() {
                    break;
                }
                print(&results, &mut outcome, &mut summary, &mut first);
            }
            summary.units = units_before;
        }
    }
    match format {
        CheckFormat::Json => output::emit("\n]\n"),
        CheckFormat::Sarif => output::emit(&(serde_json::to_string_pretty(&govreport::sarif::to_sarif(&sarif, lang)).unwrap_or_default() + "\n")),
        CheckFormat::Human if !single || summary_only => output::emit(&summary.text(lang)),
        _ => {}
    }
    outcome
}
