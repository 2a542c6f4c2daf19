//! Printing check results: human (Chinese or English), JSON, SARIF.

use govreport::{Bilingual, Error, Findings, Lang, Severity, Status};

/// The outcome for one input.
pub struct FileResult {
    pub name: String,
    pub outcome: Result<Findings, Error>,
}

/// One input in `--format json`: its findings, or why it could not be read (the core's one
/// serialized shape of an error).
#[derive(serde::Serialize)]
struct JsonResult<'a> {
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    findings: Option<&'a Findings>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<govreport::error::ErrorJson<'a>>,
}

fn json_value(r: &FileResult, lang: Lang) -> JsonResult<'_> {
    match &r.outcome {
        Ok(f) => JsonResult { file: &r.name, findings: Some(f), error: None },
        Err(e) => JsonResult { file: &r.name, findings: None, error: Some(e.json(lang)) },
    }
}

/// One result as a pretty JSON object (an element of `--format json`'s list).
pub fn json_result(r: &FileResult, lang: Lang) -> String {
    serde_json::to_string_pretty(&json_value(r, lang)).unwrap_or_default()
}

/// Pads `s` to `width` terminal columns (CJK characters take two).
fn pad(s: &str, width: usize) -> String {
    let w: usize = s.chars().map(|c| if c as u32 >= 0x1100 { 2 } else { 1 }).sum();
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// Writes one result in `format` (compare).
pub fn print_one(r: &FileResult, format: crate::CheckFormat, lang: Lang) {
    match format {
        crate::CheckFormat::Human => print_human(std::slice::from_ref(r), lang),
        crate::CheckFormat::Json => emit(&format!("[\n{}\n]\n", json_result(r, lang))),
        crate::CheckFormat::Csv => emit(&crate::batch::csv(std::slice::from_ref(r), lang)),
        crate::CheckFormat::Sarif => {
            let files: Vec<(String, Findings)> = r.outcome.as_ref().ok().map(|f| (r.name.clone(), f.clone())).into_iter().collect();
            emit(&(serde_json::to_string_pretty(&govreport::to_sarif(&files, lang)).unwrap_or_default() + "\n"));
        }
    }
}

/// Writes the results for people to standard output.
pub fn print_human(results: &[FileResult], lang: Lang) {
    let mut out = String::new();
    human(results, lang, &mut out);
    emit(&out);
}

/// Writes `bytes` to the file `path` (the whole new file or, when writing fails, the old one as
/// it was), or to standard output when there is none.
pub fn write_to(path: Option<&std::path::Path>, bytes: &[u8]) -> Result<(), String> {
    match path {
        Some(p) => govreport::fs::write_atomic(p, bytes)
            .map_err(|e| format!("{}：无法写入（{e}）；原有文件未改动 / cannot write ({e}); the file is as it was", govreport::fs::name_of(p))),
        None => {
            emit_bytes(bytes);
            Ok(())
        }
    }
}

/// Writes `text` to standard output; a closed pipe (`| head`) is not an error.
pub fn emit(text: &str) {
    emit_bytes(text.as_bytes());
}

/// Writes bytes to standard output; a closed pipe is not an error.
pub fn emit_bytes(bytes: &[u8]) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(bytes).and_then(|()| stdout.flush());
}

const SOURCE_PLACE: Bilingual = Bilingual::new("来源：{at}“{text}”", "source: {at}: \"{text}\"");
const CANNOT_READ: Bilingual = Bilingual::new("{name}: 无法读取：{message}", "{name}: cannot read: {message}");
const FINDINGS: Bilingual = Bilingual::new(
    "{name}: {n} 个问题（错误 {errors}，警告 {warnings}，提示 {infos}）",
    "{name}: {n} finding(s) ({errors} error(s), {warnings} warning(s), {infos} info)",
);
const NOT_ASSESSABLE: Bilingual = Bilingual::new("无法判断", "n/a");
const ERROR: Bilingual = Bilingual::new("错误", "error");
const WARNING: Bilingual = Bilingual::new("警告", "warning");
const INFO: Bilingual = Bilingual::new("提示", "info");
const UNIT: Bilingual = Bilingual::new("单位", "unit");

fn human(results: &[FileResult], lang: Lang, out: &mut String) {
    use std::fmt::Write;
    for r in results {
        match &r.outcome {
            Err(e) => {
                let _ = writeln!(out, "{}", CANNOT_READ.format(lang, &[("name", &r.name), ("message", &e.message(lang))]));
            }
            Ok(f) => {
                let (e, w, i) = (f.count(Severity::Error), f.count(Severity::Warning), f.count(Severity::Info));
                let counts: [(&str, &dyn std::fmt::Display); 5] = [("name", &r.name), ("n", &f.len()), ("errors", &e), ("warnings", &w), ("infos", &i)];
                let _ = writeln!(out, "{}", FINDINGS.format(lang, &counts));
                for x in f.iter() {
                    let text = match (x.status, x.severity) {
                        (Status::NotAssessable, _) => NOT_ASSESSABLE,
                        (_, Severity::Error) => ERROR,
                        (_, Severity::Warning) => WARNING,
                        (_, Severity::Info) => INFO,
                    };
                    let sev = *text.get(lang);
                    let path = if x.path.is_empty() { "/" } else { &x.path };
                    let _ = writeln!(out, "  {} {} {} {path}\n    {}", pad(sev, 8), x.code, pad(&x.name, 22), x.message);
                    // The cell's place in the published source (an imported report).
                    if let (Some(at), Some(text)) = (x.params.get("source_at"), x.params.get("source_text")) {
                        let short: String = if text.chars().count() > 30 { text.chars().take(30).chain(['…']).collect() } else { text.clone() };
                        let _ = writeln!(out, "    {}", SOURCE_PLACE.format(lang, &[("at", at), ("text", &short)]));
                    }
                }
            }
        }
    }
}

/// The derived figures of each unit as a table (human), JSON or CSV.
pub fn indicators(rows: &[(String, govreport::across::Indicators)], format: crate::CheckFormat, lang: Lang) -> String {
    let labels = govreport::labels::INDICATORS;
    let cells = |i: &govreport::across::Indicators| [i.disclosure_rate, i.review_litigation_rate, i.correction_rate];
    match format {
        crate::CheckFormat::Json | crate::CheckFormat::Sarif => {
            let list: Vec<serde_json::Value> = rows.iter().map(|(name, i)| serde_json::json!({ "file": name, "indicators": i })).collect();
            serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"
        }
        crate::CheckFormat::Csv => {
            let mut out = format!("file,{}\n", labels.iter().map(|l| l.id).collect::<Vec<_>>().join(","));
            for (name, i) in rows {
                let v: Vec<String> = cells(i).iter().map(|x| x.map(|f| format!("{f:.4}")).unwrap_or_default()).collect();
                out += &format!("{},{}\n", crate::batch::csv_field(name), v.join(","));
            }
            out
        }
        crate::CheckFormat::Human => {
            let mut out = String::new();
            let width = rows.iter().map(|(n, _)| govreport::render::width(n)).max().unwrap_or(0).max(4);
            out += &pad(UNIT.get(lang), width);
            for l in labels {
                out += &format!("  {}", pad(l.text(lang), 12));
            }
            out += "\n";
            for (name, i) in rows {
                out += &pad(name, width);
                for x in cells(i) {
                    out += &format!("  {}", pad(&x.map(|f| format!("{:.1}%", f * 100.0)).unwrap_or_else(|| "—".into()), 12));
                }
                out += "\n";
            }
            out
        }
    }
}
