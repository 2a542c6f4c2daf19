//! Printing check results: human (Chinese or English), JSON, SARIF.

use std::path::Path;

use govreport::{Error, Findings, Lang, Options, Severity, Status};

use crate::CheckFormat;

/// The outcome for one input.
pub struct FileResult {
    pub name: String,
    pub outcome: Result<Findings, Error>,
}

/// Reads and checks one input.
pub fn check_one(path: &Path, options: &Options) -> FileResult {
    let name = if path.as_os_str() == "-" { "<stdin>".to_string() } else { path.display().to_string() };
    let outcome = crate::input::read(path).and_then(|bytes| govreport::check_json(&bytes, options));
    FileResult { name, outcome }
}

pub fn print(results: &[FileResult], format: CheckFormat, lang: Lang) {
    match format {
        CheckFormat::Human => human(results, lang),
        CheckFormat::Json => {
            let list: Vec<serde_json::Value> = results
                .iter()
                .map(|r| match &r.outcome {
                    Ok(f) => serde_json::json!({ "file": r.name, "findings": f }),
                    Err(e) => serde_json::json!({ "file": r.name, "error": { "kind": e.kind(), "pointer": e.pointer(), "message": e.message(lang) } }),
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&list).unwrap_or_default());
        }
        CheckFormat::Sarif => {
            let files: Vec<(String, Findings)> = results.iter().filter_map(|r| r.outcome.as_ref().ok().map(|f| (r.name.clone(), f.clone()))).collect();
            println!("{}", serde_json::to_string_pretty(&govreport::sarif::to_sarif(&files, lang)).unwrap_or_default());
            for r in results {
                if let Err(e) = &r.outcome {
                    eprintln!("govreport: {}: {}", r.name, e.message(lang));
                }
            }
        }
    }
}

fn human(results: &[FileResult], lang: Lang) {
    let zh = lang == Lang::Zh;
    for r in results {
        match &r.outcome {
            Err(e) => println!("{}: {} {}", r.name, if zh { "无法读取：" } else { "cannot read:" }, e.message(lang)),
            Ok(f) => {
                let (e, w, i) = (f.count(Severity::Error), f.count(Severity::Warning), f.count(Severity::Info));
                if zh {
                    println!("{}: {} 个问题（错误 {e}，警告 {w}，提示 {i}）", r.name, f.len());
                } else {
                    println!("{}: {} finding(s) ({e} error(s), {w} warning(s), {i} info)", r.name, f.len());
                }
                for x in f.iter() {
                    let sev = match (x.status, x.severity, zh) {
                        (Status::NotAssessable, _, true) => "无法判断",
                        (Status::NotAssessable, _, false) => "n/a",
                        (_, Severity::Error, true) => "错误",
                        (_, Severity::Warning, true) => "警告",
                        (_, Severity::Info, true) => "提示",
                        (_, s, false) => s.as_str(),
                    };
                    let path = if x.path.is_empty() { "/" } else { &x.path };
                    println!("  {sev:<8} {} {:<22} {path}\n           {}", x.code, x.name, x.message);
                }
            }
        }
    }
}
