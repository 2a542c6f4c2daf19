//! The Rust side of `bench/compare.sh`.
//!
//! ```text
//! govreport-bench gen COUNT OUT.jsonl [SEED]   write COUNT generated reports, one a line
//! govreport-bench time IN.jsonl [ROUNDS]       time serde_json and govreport on every line
//! govreport-bench candidates IN.jsonl          count the pairs the batch's copy detector compares
//! ```
//!
//! `time` runs every stage over all the reports once per round, stages interleaved so that a
//! burst of load on the machine falls on all of them alike, and prints per stage the median
//! over the rounds of the time per report: CPU time of the process (what the work costs, little
//! affected by other programs on a shared machine) and wall-clock time. Lines starting
//! `RESULT name CPU_US WALL_US` are read by the script.
//! `GOVREPORT_BENCH_ONLY=STAGE[,STAGE…]` runs those stages alone, e.g. for a profiler:
//! `GOVREPORT_BENCH_ONLY=check_only perf record -g target/release/govreport-bench time IN 50`.

use std::io::{BufRead, BufWriter, Write};
use std::time::Instant;

use govreport::{Options, Status};

// The C ABI of libgovreport.so (include/govreport.h), called as a C program would.
#[link(name = "govreport", kind = "dylib")]
unsafe extern "C" {
    fn govreport_check_json(json: *const u8, len: usize, options_json: *const std::ffi::c_char, findings_out: *mut *mut std::ffi::c_char) -> i32;
    fn govreport_string_free(s: *mut std::ffi::c_char);
}

/// One call of the C ABI's one-shot check; the length of the findings JSON it returned.
fn check_through_c_abi(text: &[u8]) -> usize {
    let mut out: *mut std::ffi::c_char = std::ptr::null_mut();
    // SAFETY: `text` is `len` readable bytes, NULL options, `out` is writable; the string
    // returned is freed with the library's own function.
    unsafe {
        assert_eq!(govreport_check_json(text.as_ptr(), text.len(), std::ptr::null(), &mut out), 0);
        let n = std::ffi::CStr::from_ptr(out).to_bytes().len();
        govreport_string_free(out);
        n
    }
}

#[path = "../../../crates/govreport/benches/support/generator.rs"]
mod generator;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("gen") if args.len() >= 4 => {
            let n: u64 = args[2].parse().expect("COUNT");
            let seed: u64 = args.get(4).map_or(1, |s| s.parse().expect("SEED"));
            let mut out = BufWriter::new(std::fs::File::create(&args[3]).expect("OUT"));
            for i in 0..n {
                serde_json::to_writer(&mut out, &generator::report(seed, i)).unwrap();
                out.write_all(b"\n").unwrap();
            }
            out.flush().unwrap();
        }
        Some("time") if args.len() >= 3 => {
            let rounds: usize = args.get(3).map_or(7, |s| s.parse().expect("ROUNDS"));
            time(&args[2], rounds);
        }
        Some("candidates") if args.len() >= 3 => candidates(&args[2]),
        _ => {
            eprintln!("usage: govreport-bench gen COUNT OUT.jsonl [SEED] | time IN.jsonl [ROUNDS]");
            std::process::exit(2);
        }
    }
}

/// The codes of B1, B2, B3 and C1, as the Python baseline computes them.
const ARITH: [&str; 4] = ["GR201", "GR202", "GR203", "GR301"];

fn time(path: &str, rounds: usize) {
    let file = std::io::BufReader::new(std::fs::File::open(path).expect("IN"));
    let texts: Vec<Vec<u8>> = file.lines().map(|l| l.unwrap().into_bytes()).filter(|l| !l.is_empty()).collect();
    let n = texts.len();
    let bytes: usize = texts.iter().map(Vec::len).sum();
    let options = Options::default();
    let parsed: Vec<govreport::Report> = texts.iter().map(|t| govreport::parse_json(t).unwrap()).collect();
    let overviews: Vec<String> = parsed
        .iter()
        .map(|r| match r {
            govreport::Report::F2021(r) => r.sections.overview.clone().unwrap_or_default(),
            _ => String::new(),
        })
        .collect();
    // A fixed "today" spares Options::resolve its chrono::Local::now() on every check.
    let dated = Options { today: Some("2026-11-26".into()), ..Options::default() };
    let no_gr404 = Options { disable: vec!["GR404".into()], ..Options::default() };
    let no_gr4 = Options { disable: vec!["GR4".into()], ..Options::default() };

    // What the other paths must agree with: reports with an arithmetic violation, findings.
    let mut flagged = 0;
    let mut findings = 0;
    for t in &texts {
        let f = govreport::check_json(t, &options).unwrap();
        findings += f.0.len();
        if f.0.iter().any(|x| x.status == Status::Violated && ARITH.contains(&x.code.as_str())) {
            flagged += 1;
        }
    }
    println!("reports: {n}, {:.1} KB on average; findings {findings}; with a B1/B2/B3/C1 violation: {flagged}", bytes as f64 / n as f64 / 1000.0);
    println!("FLAGGED rust {flagged}");

    type Stage<'a> = (&'a str, Box<dyn Fn() -> usize + 'a>);
    let stages: Vec<Stage> = vec![
        ("serde_json_value", Box::new(|| texts.iter().map(|t| serde_json::from_slice::<serde_json::Value>(t).unwrap().as_object().map_or(0, |o| o.len())).sum())),
        (
            "serde_typed_2021",
            Box::new(|| texts.iter().map(|t| serde_json::from_slice::<govreport::model::Report2021>(t).unwrap().year as usize).sum()),
        ),
        ("parse_json", Box::new(|| texts.iter().map(|t| govreport::parse_json(t).unwrap().meta().year as usize).sum())),
        ("check_only", Box::new(|| parsed.iter().map(|r| govreport::check(r, &options).unwrap().0.len()).sum())),
        ("check_json", Box::new(|| texts.iter().map(|t| govreport::check_json(t, &options).unwrap().0.len()).sum())),
        (
            "check_json_to_json",
            Box::new(|| texts.iter().map(|t| serde_json::to_string(&govreport::check_json(t, &options).unwrap()).unwrap().len()).sum()),
        ),
        // The same work through the C ABI of libgovreport.so, in this process and interleaved
        // with the stages above: what the C layer itself adds, without the noise between two
        // programs run one after the other.
        ("c_abi_in_process", Box::new(|| texts.iter().map(|t| check_through_c_abi(t)).sum())),
        // What `govreport check` and Python's check_many do for a batch: each report's check,
        // then the batch collector (prose copied between units, units far from their peers).
        (
            "check_batch",
            Box::new(|| {
                let mut batch = govreport::across::Batch::new();
                let mut found = 0;
                for t in &texts {
                    let r = govreport::parse_json(t).unwrap();
                    found += govreport::check(&r, &options).unwrap().0.len();
                    batch.add(r.meta().agency.name.clone(), &r);
                }
                found + batch.findings(&options).unwrap().len()
            }),
        ),
        (
            "detail_batch_collector",
            Box::new(|| {
                let mut batch = govreport::across::Batch::new();
                for r in &parsed {
                    batch.add(r.meta().agency.name.clone(), r);
                }
                batch.findings(&options).unwrap().len()
            }),
        ),
        (
            "detail_minhash",
            Box::new(|| {
                parsed
                    .iter()
                    .map(|r| match r {
                        govreport::Report::F2021(r) => [&r.sections.overview, &r.sections.problems]
                            .iter()
                            .filter_map(|t| t.as_deref().and_then(govreport::across::similarity::MinHash::of))
                            .count(),
                        _ => 0,
                    })
                    .sum()
            }),
        ),
        // Where the time goes: the passes parse_json makes, one at a time, and the part of check
        // that reads numbers out of the overview.
        ("detail_utf8", Box::new(|| texts.iter().map(|t| std::str::from_utf8(t).unwrap().len()).sum())),
        ("detail_ignored_any", Box::new(|| texts.iter().map(|t| serde_json::from_slice::<serde::de::IgnoredAny>(t).map_or(0, |_| 1)).sum())),
        (
            "detail_path_to_error_typed",
            Box::new(|| {
                texts
                    .iter()
                    .map(|t| {
                        let mut de = serde_json::Deserializer::from_slice(t);
                        let r: govreport::model::Report2021 = serde_path_to_error::deserialize(&mut de).unwrap();
                        r.year as usize
                    })
                    .sum()
            }),
        ),
        ("detail_statements", Box::new(|| overviews.iter().map(|o| govreport::text::statements(o).len()).sum())),
        ("detail_check_today_given", Box::new(|| parsed.iter().map(|r| govreport::check(r, &dated).unwrap().0.len()).sum())),
        ("detail_check_without_gr404", Box::new(|| parsed.iter().map(|r| govreport::check(r, &no_gr404).unwrap().0.len()).sum())),
        ("detail_check_without_gr4", Box::new(|| parsed.iter().map(|r| govreport::check(r, &no_gr4).unwrap().0.len()).sum())),
    ];
    // GOVREPORT_BENCH_ONLY=check_only runs one stage alone (for a profiler); a comma-separated
    // list runs those stages.
    let only = std::env::var("GOVREPORT_BENCH_ONLY").ok();
    let stages: Vec<Stage> = stages.into_iter().filter(|(name, _)| only.as_deref().is_none_or(|o| o.split(',').any(|x| x == *name))).collect();
    let mut times: Vec<Vec<(f64, f64)>> = vec![vec![]; stages.len()];
    // One warm-up round, not counted.
    for (_, f) in &stages {
        std::hint::black_box(f());
    }
    for _ in 0..rounds {
        for (i, (_, f)) in stages.iter().enumerate() {
            let (c, t) = (cpu_time(), Instant::now());
            std::hint::black_box(f());
            times[i].push((cpu_time() - c, t.elapsed().as_secs_f64()));
        }
    }
    for ((name, _), t) in stages.iter().zip(&times) {
        let (cpu, wall) = (median(t.iter().map(|x| x.0).collect()), median(t.iter().map(|x| x.1).collect()));
        let us = |s: f64| s / n as f64 * 1e6;
        println!("RESULT {name} {:.3} {:.3} us/report cpu, wall (median of {rounds} rounds)", us(cpu), us(wall));
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// CPU time used by the process so far, in seconds.
fn cpu_time() -> f64 {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9
}

/// How many candidate pairs `CopyDetector::pairs` looks at (and keeps in its `seen` set) for
/// the reports of a file: the same MinHash bands (4 rows, 8 bands, overview and problems apart)
/// and the same cap of 64 neighbours per member of a band.
fn candidates(path: &str) {
    use govreport::across::similarity::MinHash;
    let file = std::io::BufReader::new(std::fs::File::open(path).expect("IN"));
    let mut bands: Vec<(u64, u32)> = vec![];
    let mut n = 0u32;
    let mut at = 0u32;
    for line in file.lines() {
        let r = govreport::parse_json(line.unwrap().as_bytes()).unwrap();
        n += 1;
        if let govreport::Report::F2021(r) = r {
            for (part, text) in [(0u64, &r.sections.overview), (1, &r.sections.problems)] {
                let text = text.as_deref().unwrap_or_default();
                if text.chars().count() < 40 {
                    continue;
                }
                if let Some(sig) = MinHash::of(text) {
                    for key in sig.bands(4) {
                        bands.push((key ^ part.wrapping_mul(0x9E3779B97F4A7C15), at));
                    }
                    at += 1;
                }
            }
        }
    }
    bands.sort_unstable();
    let mut pairs = std::collections::HashSet::new();
    let mut largest = 0;
    for group in bands.chunk_by(|x, y| x.0 == y.0) {
        largest = largest.max(group.len());
        for (i, a) in group.iter().enumerate() {
            for b in group[i + 1..].iter().take(64) {
                pairs.insert((a.1.min(b.1), a.1.max(b.1)));
            }
        }
    }
    println!(
        "{n} reports, {at} texts, {} band entries; largest band {largest}; {} distinct candidate pairs ({:.0} a report), set capacity {} ({:.1} MB at 8 bytes a slot plus 1 control byte)",
        bands.len(),
        pairs.len(),
        pairs.len() as f64 / f64::from(n),
        pairs.capacity(),
        pairs.capacity() as f64 * 9.0 / 1e6
    );
}
