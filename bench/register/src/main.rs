//! The register's benchmark, run by `bench/register.sh`.
//!
//! ```text
//! govreport-register-bench gen COUNT OUT.jsonl YEAR [SEED]   COUNT generated reports, all of YEAR
//! govreport-register-bench queries DB YEAR [ROUNDS]          time the register's queries on DB
//! ```
//!
//! `queries` opens the register read-only and runs each query ROUNDS times (7 by default),
//! printing the median wall-clock time and what the query returned, as lines
//! `RESULT name MEDIAN_MS rows`.

use std::io::{BufWriter, Write};
use std::time::Instant;

use govreport::Lang;
use govreport_register::{BenchmarkQuery, ExportFormat, ExportKind, ExportQuery, FindingQuery, Register, TrendQuery, UnitRef};

#[path = "../../../crates/govreport/benches/support/generator.rs"]
mod generator;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("gen") if args.len() >= 5 => {
            let n: u64 = args[2].parse().expect("COUNT");
            let year: u64 = args[4].parse().expect("YEAR");
            let seed: u64 = args.get(5).map_or(11, |s| s.parse().expect("SEED"));
            let mut out = BufWriter::new(std::fs::File::create(&args[3]).expect("OUT"));
            for i in 0..n {
                let mut r = generator::report(seed, i);
                // One national year: every report of YEAR, published in the year after.
                let published = r["published_on"].as_str().unwrap_or("").to_string();
                r["year"] = serde_json::json!(year);
                if published.len() == 10 {
                    r["published_on"] = serde_json::json!(format!("{}{}", year + 1, &published[4..]));
                }
                serde_json::to_writer(&mut out, &r).unwrap();
                out.write_all(b"\n").unwrap();
            }
            out.flush().unwrap();
        }
        Some("queries") if args.len() >= 4 => {
            let year: u16 = args[3].parse().expect("YEAR");
            let rounds: usize = args.get(4).map_or(7, |s| s.parse().expect("ROUNDS"));
            queries(&args[2], year, rounds);
        }
        _ => {
            eprintln!("usage: govreport-register-bench gen COUNT OUT.jsonl YEAR [SEED] | queries DB YEAR [ROUNDS]");
            std::process::exit(2);
        }
    }
}

/// Runs `f` `rounds` times; prints and returns the median time in ms and what the last run returned.
fn time(name: &str, rounds: usize, mut f: impl FnMut() -> usize) {
    let mut times = vec![];
    let mut rows = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        rows = f();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!("RESULT {name} {median:.2} {rows}");
}

fn queries(path: &str, year: u16, rounds: usize) {
    let r = Register::open_read_only(path).expect("a register");
    // A province, a prefecture and a county of the data: those of the first unit.
    let first = r.list_units(None).unwrap().into_iter().find(|u| u.region_code.len() == 6).expect("a unit with a region");
    let (province, prefecture, county) = (first.region_code[..2].to_string(), first.region_code[..4].to_string(), first.region_code.clone());
    let some_unit = UnitRef::Id(first.id);
    let version = r.current(&some_unit, year).unwrap().expect("its report").id;
    println!("INFO province {province} prefecture {prefecture} county {county} unit {} version {version}", first.id);
    time("open_read_only", rounds, || Register::open_read_only(path).map(|_| 1).unwrap());
    time("status_year", rounds, || r.status(year, None).unwrap().len());
    time("status_province", rounds, || r.status(year, Some(&province)).unwrap().len());
    time("status_county", rounds, || r.status(year, Some(&county)).unwrap().len());
    time("findings_province", rounds, || r.findings(&FindingQuery { year: Some(year), region: Some(province.clone()), violated_only: true, ..Default::default() }).unwrap().len());
    time("findings_unit", rounds, || r.findings(&FindingQuery { unit: Some(some_unit.clone()), ..Default::default() }).unwrap().len());
    time("findings_year_code_GR703", rounds, || r.findings(&FindingQuery { year: Some(year), code: Some("GR703".into()), ..Default::default() }).unwrap().len());
    time("benchmarks_year_one_metric", rounds, || {
        r.benchmarks(&BenchmarkQuery { year, metrics: vec!["disclosure_rate".into()], ..Default::default() }).unwrap().iter().map(|b| b.n).sum()
    });
    time("benchmarks_year_all_metrics", rounds, || r.benchmarks(&BenchmarkQuery { year, ..Default::default() }).unwrap().iter().map(|b| b.n).sum());
    time("benchmarks_province", rounds, || r.benchmarks(&BenchmarkQuery { year, region: Some(province.clone()), ..Default::default() }).unwrap().iter().map(|b| b.n).sum());
    time("trends_province", rounds, || r.trends(&TrendQuery { region: Some(province.clone()), to_year: Some(year), ..Default::default() }).unwrap().len());
    time("trends_unit", rounds, || r.trends(&TrendQuery { unit: Some(some_unit.clone()), to_year: Some(year), ..Default::default() }).unwrap().len());
    time("history_unit", rounds, || r.history(&some_unit, None, Lang::Zh).unwrap().events.len());
    time("cells_version", rounds, || r.cells(version).unwrap().len());
    time("export_reports_csv_province", rounds, || {
        let mut sink = std::io::sink();
        r.export(ExportKind::Reports, ExportFormat::Csv, &ExportQuery { year: Some(year), region: Some(province.clone()), ..Default::default() }, &mut sink).unwrap()
    });
    time("export_cells_jsonl_county", rounds, || {
        let mut sink = std::io::sink();
        r.export(ExportKind::Cells, ExportFormat::Jsonl, &ExportQuery { year: Some(year), region: Some(county.clone()), ..Default::default() }, &mut sink).unwrap()
    });
    time("review_page_county_html", rounds, || r.supervisor_review(year, Some(&county), Lang::Zh).unwrap().to_html().len());
    time("review_page_prefecture_html", rounds.min(3), || r.supervisor_review(year, Some(&prefecture), Lang::Zh).unwrap().to_html().len());
    time("sql_view_sum_new_requests_year", rounds, || {
        r.connection()
            .query_row("SELECT count(*), sum(value) FROM table3_requests WHERE year = ?1 AND pointer = '/requests/new/total'", [year], |row| row.get::<_, i64>(0))
            .unwrap() as usize
    });
}
