//! The Rust side of `bench/compare.sh`.
//!
//! ```text
//! govreport-bench gen COUNT OUT.jsonl [SEED]   write COUNT generated reports, one a line
//! govreport-bench time IN.jsonl [ROUNDS]       time serde_json and govreport on every line
//! govreport-bench candidates IN.jsonl          count the pairs the batch's copy detector compares
//! govreport-bench copies IN.jsonl              GR701 pairs against the exact similarity of their texts
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
        Some("copies") if args.len() >= 3 => copies(&args[2]),
        _ => {
            eprintln!("usage: govreport-bench gen COUNT OUT.jsonl [SEED] | time IN.jsonl [ROUNDS] | candidates IN.jsonl | copies IN.jsonl");
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
        (
            "serde_json_value",
            Box::new(|| texts.iter().map(|t| serde_json::from_slice::<serde_json::Value>(t).unwrap().as_object().map_or(0, |o| o.len())).sum()),
        ),
        ("serde_typed_2021", Box::new(|| texts.iter().map(|t| serde_json::from_slice::<govreport::model::Report2021>(t).unwrap().year as usize).sum())),
        ("parse_json", Box::new(|| texts.iter().map(|t| govreport::parse_json(t).unwrap().meta().year as usize).sum())),
        ("check_only", Box::new(|| parsed.iter().map(|r| govreport::check(r, &options).unwrap().0.len()).sum())),
        ("check_json", Box::new(|| texts.iter().map(|t| govreport::check_json(t, &options).unwrap().0.len()).sum())),
        ("check_json_to_json", Box::new(|| texts.iter().map(|t| serde_json::to_string(&govreport::check_json(t, &options).unwrap()).unwrap().len()).sum())),
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
        ("detail_statements", Box::new(|| overviews.iter().map(|o| govreport::statements(o).len()).sum())),
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
/// the reports of a file: the same MinHash bands (6 rows, 21 bands, overview and problems apart)
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
                    for key in sig.bands(6) {
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

/// How right the batch's copy detector (GR701) is on the reports of a file: the pairs it reports
/// at the default threshold, each with the exact Jaccard index of its two texts (how many are
/// at 0.8 or more, how many below 0.7), and the pairs whose exact index is 0.8 or more that it
/// missed. Those are found apart from the detector, by an all-pairs join with prefix filtering
/// (Bayardo et al. 2007) on the texts' 4-grams: every pair at 0.8 or more shares one of the
/// rarest `|x| - ceil(0.8 |x|) + 1` 4-grams of each text, so the candidates it verifies hold
/// them all. A later unit and part counts as missed when it has an earlier unit at 0.8 or more
/// and the detector reports none for it (the detector names only the closest earlier unit).
fn copies(path: &str) {
    use govreport::across::similarity::similarity;
    const THRESHOLD: f64 = 0.8;
    let file = std::io::BufReader::new(std::fs::File::open(path).expect("IN"));
    let mut detector = govreport::across::CopyDetector::new();
    // (unit, part, text) of every part the detector compares.
    let mut texts: Vec<(usize, usize, String)> = vec![];
    let mut n = 0;
    for (unit, line) in file.lines().enumerate() {
        let r = govreport::parse_json(line.unwrap().as_bytes()).unwrap();
        n += 1;
        if let govreport::Report::F2021(x) = &r {
            for (part, text) in [(0, &x.sections.overview), (1, &x.sections.problems)] {
                if let Some(t) = text.as_deref().filter(|t| t.chars().nth(39).is_some()) {
                    texts.push((unit, part, t.to_string()));
                }
            }
        }
        detector.add(unit, &r);
    }
    let t0 = Instant::now();
    let pairs = detector.pairs(govreport::across::compare::COPY_THRESHOLD);
    let took = t0.elapsed().as_secs_f64();
    let part_of = |p: &str| usize::from(p == "/sections/problems");
    let by_unit: std::collections::HashMap<(usize, usize), &str> = texts.iter().map(|(u, p, t)| ((*u, *p), t.as_str())).collect();
    let exact_of = |a: usize, b: usize, part: usize| similarity(by_unit[&(a, part)], by_unit[&(b, part)]).unwrap_or(0.0);
    let exact: Vec<f64> = pairs.iter().map(|p| exact_of(p.first, p.second, part_of(p.pointer))).collect();
    let count = |f: &dyn Fn(f64) -> bool| exact.iter().filter(|x| f(**x)).count();
    let mean = exact.iter().sum::<f64>() / exact.len().max(1) as f64;
    println!("{n} reports, {} texts; detector: {} pairs at estimated >= {THRESHOLD} in {took:.2} s", texts.len(), pairs.len());
    println!(
        "exact similarity of the pairs: mean {mean:.3}, min {:.3}; >= 0.8: {}, 0.75-0.8: {}, 0.7-0.75: {}, < 0.7: {}",
        exact.iter().copied().fold(1.0, f64::min),
        count(&|x| x >= 0.8),
        count(&|x| (0.75..0.8).contains(&x)),
        count(&|x| (0.7..0.75).contains(&x)),
        count(&|x| x < 0.7)
    );

    // The exact pairs at 0.8 or more: 4-gram sets as sorted ids, rarest first.
    let grams = |t: &str| -> Vec<u64> {
        let cs: Vec<char> = t.chars().filter(|c| !c.is_whitespace() && !c.is_ascii_digit() && !c.is_ascii_punctuation()).collect();
        let mut v: Vec<u64> =
            cs.windows(4.min(cs.len()).max(1)).map(|w| w.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, c| (h ^ *c as u64).wrapping_mul(0x100_0000_01b3))).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let sets: Vec<Vec<u64>> = texts.iter().map(|(_, _, t)| grams(t)).collect();
    let mut df: std::collections::HashMap<u64, u32> = std::collections::HashMap::new();
    for s in &sets {
        for g in s {
            *df.entry(*g).or_default() += 1;
        }
    }
    let mut index: std::collections::HashMap<(usize, u64), Vec<u32>> = std::collections::HashMap::new();
    let mut overlap = vec![0u32; sets.len()];
    let mut touched: Vec<usize> = vec![];
    let mut truth: Vec<(usize, usize, usize, f64)> = vec![];
    let mut verified = 0usize;
    // A little below 0.8 for the prefix and the length filter: the ids here drop fewer characters
    // than the library does; what passes is verified with the library's own `similarity`.
    let loose = 0.7;
    for (i, s) in sets.iter().enumerate() {
        let part = texts[i].1;
        let mut ordered = s.clone();
        ordered.sort_unstable_by_key(|g| (df[g], *g));
        let prefix = (ordered.len() - (loose * ordered.len() as f64).ceil() as usize + 1).min(ordered.len());
        for g in &ordered[..prefix] {
            let list = index.entry((part, *g)).or_default();
            for &j in list.iter() {
                let j = j as usize;
                if overlap[j] == 0 {
                    touched.push(j);
                }
                overlap[j] += 1;
            }
            list.push(i as u32);
        }
        for j in touched.drain(..) {
            overlap[j] = 0;
            let a = &sets[j];
            if texts[j].0 == texts[i].0 || (a.len().min(s.len()) as f64) < loose * a.len().max(s.len()) as f64 {
                continue;
            }
            // The ids' own index first (a merge of two sorted lists), the library's on what passes.
            let (mut x, mut y, mut common) = (0, 0, 0);
            while x < a.len() && y < s.len() {
                match a[x].cmp(&s[y]) {
                    std::cmp::Ordering::Less => x += 1,
                    std::cmp::Ordering::Greater => y += 1,
                    std::cmp::Ordering::Equal => (x, y, common) = (x + 1, y + 1, common + 1),
                }
            }
            if (common as f64) < loose * (a.len() + s.len() - common) as f64 {
                continue;
            }
            verified += 1;
            let e = similarity(&texts[j].2, &texts[i].2).unwrap_or(0.0);
            if e >= THRESHOLD {
                truth.push((texts[j].0, texts[i].0, part, e));
            }
        }
    }
    let reported: std::collections::HashSet<(usize, usize, usize)> = pairs.iter().map(|p| (p.first, p.second, part_of(p.pointer))).collect();
    let reported_later: std::collections::HashSet<(usize, usize)> = pairs.iter().map(|p| (p.second, part_of(p.pointer))).collect();
    let mut later: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
    let mut covered = 0;
    for &(a, b, part, _) in &truth {
        later.insert((a.max(b), part));
        if reported.contains(&(a.min(b), a.max(b), part)) {
            covered += 1;
        }
    }
    let missed: Vec<&(usize, usize)> = later.iter().filter(|k| !reported_later.contains(k)).collect();
    println!(
        "exact pairs >= {THRESHOLD}: {} ({verified} verified with the library), among {} later units and parts; reported as a pair: {covered}; later units and parts missed: {} (recall {:.4})",
        truth.len(),
        later.len(),
        missed.len(),
        1.0 - missed.len() as f64 / later.len().max(1) as f64
    );
    for (u, p) in missed.iter().take(10) {
        let best = truth.iter().filter(|t| t.1.max(t.0) == *u && t.2 == *p).map(|t| t.3).fold(0.0, f64::max);
        println!("  missed: unit {u} part {p}, closest exact {best:.3}");
    }
}
