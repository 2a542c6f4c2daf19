//! `govreport register …`: the register of every unit's reports across the years (the
//! `govreport-register` crate) from the shell. Arguments in, calls to the crate, text out:
//! human-readable in Chinese by default (`--lang en`), JSON with `--format json`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args as ClapArgs, Subcommand, ValueEnum};
use govreport::{Lang, Options};
use govreport_register::{
    BenchmarkQuery, Decision, Error, Event, ExportFormat, ExportKind, ExportQuery, FindingQuery, IngestOptions, Outcome, Register, ReviewState, TrendQuery,
    UnitRef,
};
use serde_json::Value;

use crate::LangArg;
use crate::output;

/// `govreport register`: where the register is and in which language to answer.
#[derive(ClapArgs)]
pub struct Args {
    /// The register file (made by `add` when missing).
    #[arg(long, global = true, default_value = govreport_register::DEFAULT_PATH, value_name = "PATH")]
    db: PathBuf,
    /// Language of the output.
    #[arg(long, global = true, value_enum, default_value = "zh")]
    lang: LangArg,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ExportAs {
    Csv,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ExportWhat {
    Reports,
    Cells,
    Findings,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum PageAs {
    Html,
    Docx,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum StateArg {
    Open,
    Confirmed,
    Dismissed,
    Fixed,
}

/// Check options of the commands that make versions.
#[derive(ClapArgs, Clone)]
struct CheckArgs {
    /// Date taken as today, YYYY-MM-DD (deadlines).
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
    /// Deadline of township and sub-district reports, MM-DD of the next year (default 03-31).
    #[arg(long, value_name = "MM-DD")]
    township_deadline: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest report files and folders (JSON, JSON Lines, HTML pages, text, .docx) as one
    /// batch; the same bytes are never taken twice; a file that cannot be read is recorded as
    /// failed and the rest go on (exit status 2 when any failed).
    Add {
        /// Files or folders.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Why these versions are made (default: the file name).
        #[arg(long)]
        reason: Option<String>,
        /// Who ingests.
        #[arg(long)]
        author: Option<String>,
        /// The text encoding of pages (found from the content when not given).
        #[arg(long)]
        encoding: Option<String>,
        /// The reporting year of pages that state none.
        #[arg(long)]
        year: Option<u16>,
        /// Leave the batch checks of the year (GR7xx) for `recheck`.
        #[arg(long)]
        no_peers: bool,
        #[command(flatten)]
        check: CheckArgs,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Correct one field of a unit's current report for a year: a new version with the reason.
    /// VALUE: a number, "/" (not applicable), "" or null (blank), an amount such as 0.092, or text.
    #[command(allow_negative_numbers = true)]
    Set {
        /// The unit: its id, credit code or name.
        unit: String,
        /// The reporting year.
        year: u16,
        /// JSON pointer of the field, e.g. /requests/new/total.
        pointer: String,
        /// The new value.
        value: String,
        /// Why (required).
        #[arg(long, required = true)]
        reason: String,
        /// Who corrects.
        #[arg(long)]
        author: Option<String>,
        #[command(flatten)]
        check: CheckArgs,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Every version of a unit's reports with what it changed, and every review.
    History {
        /// The unit: its id, credit code or name.
        unit: String,
        /// Only this year.
        year: Option<u16>,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Findings of the current versions (with their review).
    Findings {
        /// Of this year.
        #[arg(long)]
        year: Option<u16>,
        /// Of this unit (id, credit code or name).
        #[arg(long)]
        unit: Option<String>,
        /// Of units whose region code starts with this.
        #[arg(long)]
        region: Option<String>,
        /// With this code or prefix (GR2, GR601).
        #[arg(long)]
        code: Option<String>,
        /// In this review state.
        #[arg(long, value_enum)]
        state: Option<StateArg>,
        /// Also "not assessable" findings.
        #[arg(long)]
        all: bool,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Review a finding (confirm, dismiss with a reason, fixed), or write the supervisor's
    /// review of a year: `review --year 2023 --region 360124 -o review.html`.
    #[command(args_conflicts_with_subcommands = true)]
    Review {
        #[command(subcommand)]
        decision: Option<Decide>,
        /// The reporting year of the supervisor's review.
        #[arg(long)]
        year: Option<u16>,
        /// Units whose region code starts with this (all when not given).
        #[arg(long)]
        region: Option<String>,
        /// What to write.
        #[arg(long, value_enum, default_value = "html")]
        to: PageAs,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// The units of the register.
    Units {
        /// Units whose region code starts with this.
        #[arg(long)]
        region: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Who published for a year, who is late, who is missing, with their findings.
    Status {
        /// The reporting year (the latest when not given).
        #[arg(long)]
        year: Option<u16>,
        /// Units whose region code starts with this.
        #[arg(long)]
        region: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// P25/P50/P75 and rank of each unit among its peers (same kind, level, region, year).
    Benchmarks {
        /// The reporting year (the latest when not given).
        #[arg(long)]
        year: Option<u16>,
        /// Units whose region code starts with this.
        #[arg(long)]
        region: Option<String>,
        /// Metric ids (all when not given); `govreport register metrics` lists them.
        #[arg(long = "metric")]
        metrics: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Metrics over 3 to 5 years, of a unit or of a region's units.
    Trends {
        /// Of this unit (id, credit code or name).
        #[arg(long)]
        unit: Option<String>,
        /// Of the units whose region code starts with this.
        #[arg(long)]
        region: Option<String>,
        /// Metric ids (all when not given).
        #[arg(long = "metric")]
        metrics: Vec<String>,
        /// The last year (the latest when not given).
        #[arg(long)]
        to_year: Option<u16>,
        /// How many years, 3 to 5.
        #[arg(long, default_value_t = 5)]
        years: u16,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// The metric dictionary (definition, formula, unit, caveats, version).
    Metrics,
    /// Export the current reports, their cells or their findings for spreadsheets.
    Export {
        /// CSV (UTF-8 with BOM, headings in --lang) or JSON Lines.
        #[arg(long, value_enum, default_value = "csv")]
        format: ExportAs,
        /// What to export.
        #[arg(long, value_enum, default_value = "reports")]
        what: ExportWhat,
        /// Of this year.
        #[arg(long)]
        year: Option<u16>,
        /// Of units whose region code starts with this.
        #[arg(long)]
        region: Option<String>,
        /// Of this unit.
        #[arg(long)]
        unit: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Ingest batches, newest first; with an id, every input of that batch.
    Batches {
        /// A batch id.
        id: Option<i64>,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Make the findings of current versions again (own checks, year on year, peers).
    Recheck {
        /// Only these years.
        #[arg(long = "year")]
        years: Vec<u16>,
        #[command(flatten)]
        check: CheckArgs,
    },
}

#[derive(Subcommand)]
enum Decide {
    /// The finding is a real defect.
    Confirm {
        /// The finding's id (see `register findings`).
        finding: i64,
        /// Why.
        #[arg(long)]
        reason: Option<String>,
        /// Who decides.
        #[arg(long)]
        reviewer: Option<String>,
    },
    /// The finding is a false alarm; stays dismissed while its cells are unchanged.
    Dismiss {
        /// The finding's id.
        finding: i64,
        /// Why (required).
        #[arg(long, required = true)]
        reason: String,
        /// Who decides.
        #[arg(long)]
        reviewer: Option<String>,
    },
    /// The unit has fixed it.
    Fixed {
        /// The finding's id.
        finding: i64,
        /// How.
        #[arg(long)]
        reason: Option<String>,
        /// Who decides.
        #[arg(long)]
        reviewer: Option<String>,
    },
}

fn zh_en(lang: Lang, zh: String, en: String) -> String {
    if lang == Lang::Zh { zh } else { en }
}

fn json(v: &impl serde::Serialize) -> Result<String, String> {
    serde_json::to_string_pretty(v).map(|s| s + "\n").map_err(|e| e.to_string())
}

/// A register to read from: read-only when it can be, upgraded first when it must be.
fn open_for_reading(path: &PathBuf) -> Result<Register, Error> {
    match Register::open_read_only(path) {
        Err(Error::NeedsUpgrade { .. }) => Register::open_existing(path),
        other => other,
    }
}

fn check_options(check: &CheckArgs) -> Options {
    Options { today: check.today.clone(), township_deadline: check.township_deadline.clone(), ..Options::default() }
}

/// What a user typed as a cell's value: a whole number, "/" , blank (`""`, `null`, 空白), an
/// amount (a decimal, kept as written), JSON, or else text.
fn parse_value(text: &str) -> Value {
    let t = text.trim();
    if t.is_empty() || t == "null" || t == "空白" {
        return Value::Null;
    }
    if t == "/" {
        return Value::from("/");
    }
    if let Ok(n) = t.parse::<i64>() {
        return Value::from(n);
    }
    if t.parse::<u64>().is_ok() {
        return serde_json::from_str(t).unwrap_or(Value::from(t));
    }
    if t.contains('.') && t.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Value::from(t);
    }
    match serde_json::from_str::<Value>(t) {
        Ok(v @ (Value::String(_) | Value::Object(_) | Value::Array(_) | Value::Bool(_))) => v,
        _ => Value::from(text),
    }
}

fn shown(v: &Option<Value>, lang: Lang) -> String {
    match v {
        None => zh_en(lang, "（缺）".into(), "(absent)".into()),
        Some(Value::Null) => zh_en(lang, "（空白）".into(), "(blank)".into()),
        Some(Value::String(s)) if s.chars().count() > 40 => format!("“{}…”", s.chars().take(40).collect::<String>()),
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
    }
}

fn when(at: &str) -> String {
    at.get(..16).unwrap_or(at).replace('T', " ")
}

/// Runs `govreport register …`.
pub fn run(args: Args) -> Result<ExitCode, String> {
    let lang: Lang = args.lang.into();
    let msg = |e: Error| e.message(lang);
    let db = &args.db;
    match args.command {
        Command::Add { files, reason, author, encoding, year, no_peers, check, format } => {
            let mut r = Register::open(db).map_err(msg)?;
            r.set_check_options(check_options(&check)).map_err(msg)?;
            let note = std::env::args().collect::<Vec<_>>().join(" ");
            let options = IngestOptions { note: Some(note), reason, author, encoding, year, skip_peer_checks: no_peers };
            // Files and folders as `check` walks them: each real file once (a file reached again is
            // said and skipped), never the register file itself.
            let walked = govreport::fs::walk(&files, std::slice::from_ref(db));
            for s in &walked.skipped {
                eprintln!("govreport: {}", s.message(lang));
            }
            let inputs = govreport::fs::inputs(walked.sources).map(govreport_register::Input::from);
            let b = r.ingest(inputs, &options).map_err(msg)?;
            if format == Format::Json {
                output::emit(&json(&b)?);
            } else {
                let mut text = zh_en(
                    lang,
                    format!(
                        "批次 {}：{} 个输入，新增版本 {}，内容未变 {}，重复文件 {}，失败 {}\n",
                        b.id, b.inputs, b.added, b.unchanged, b.duplicates, b.failed
                    ),
                    format!(
                        "batch {}: {} inputs, {} new versions, {} unchanged, {} duplicates, {} failed\n",
                        b.id, b.inputs, b.added, b.unchanged, b.duplicates, b.failed
                    ),
                );
                let many = b.items.len() > 100;
                for i in &b.items {
                    if many && i.outcome != Outcome::Failed {
                        continue;
                    }
                    let what = match (i.outcome, lang) {
                        (Outcome::Added, Lang::Zh) => "新增",
                        (Outcome::Unchanged, Lang::Zh) => "未变",
                        (Outcome::Duplicate, Lang::Zh) => "重复",
                        (Outcome::Failed, Lang::Zh) => "失败",
                        (o, _) => o.as_str(),
                    };
                    let detail = match (&i.error, i.version_id) {
                        (Some(e), _) => e.message(lang).to_string(),
                        (None, Some(v)) => match r.version(v) {
                            Ok(info) => zh_en(
                                lang,
                                format!("{} {} 年度 第{}版（版本 {}）", info.agency_name, info.year, info.number, info.id),
                                format!("{} {} version {} (id {})", info.agency_name, info.year, info.number, info.id),
                            ),
                            Err(e) => e.message(lang),
                        },
                        (None, None) => String::new(),
                    };
                    text.push_str(&format!("  {what}  {}  {detail}\n", i.name));
                }
                output::emit(&text);
            }
            Ok(ExitCode::from(if b.failed > 0 { 2 } else { 0 }))
        }
        Command::Set { unit, year, pointer, value, reason, author, check, format } => {
            let mut r = Register::open_existing(db).map_err(msg)?;
            r.set_check_options(check_options(&check)).map_err(msg)?;
            let v = r.set_cell(&UnitRef::parse(&unit), year, &pointer, parse_value(&value), &reason, author.as_deref()).map_err(msg)?;
            if format == Format::Json {
                output::emit(&json(&v)?);
            } else {
                let mut text = zh_en(
                    lang,
                    format!("{} {} 年度 第{}版（版本 {}，上一版 {}）：{}\n", v.agency_name, v.year, v.number, v.id, v.parent_id.unwrap_or_default(), reason),
                    format!("{} {} version {} (id {}, parent {}): {}\n", v.agency_name, v.year, v.number, v.id, v.parent_id.unwrap_or_default(), reason),
                );
                for c in &v.changes {
                    let label = if lang == Lang::Zh { &c.label } else { &c.label_en };
                    text.push_str(&format!("  {label} {}: {} → {}\n", c.pointer, shown(&c.before, lang), shown(&c.after, lang)));
                }
                output::emit(&text);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::History { unit, year, format } => {
            let r = open_for_reading(db).map_err(msg)?;
            let h = r.history(&UnitRef::parse(&unit), year, lang).map_err(msg)?;
            if format == Format::Json {
                output::emit(&json(&h)?);
                return Ok(ExitCode::SUCCESS);
            }
            let u = &h.unit;
            let mut text = zh_en(
                lang,
                format!(
                    "{}（单位 {}，行政区划代码 {}，统一社会信用代码 {}）\n",
                    u.name,
                    u.id,
                    if u.region_code.is_empty() { "—" } else { &u.region_code },
                    u.credit_code.as_deref().unwrap_or("—")
                ),
                format!(
                    "{} (unit {}, region {}, credit code {})\n",
                    u.name,
                    u.id,
                    if u.region_code.is_empty() { "—" } else { &u.region_code },
                    u.credit_code.as_deref().unwrap_or("—")
                ),
            );
            if h.names.len() > 1 {
                text.push_str(&zh_en(lang, format!("曾用名：{}\n", h.names.join("、")), format!("names: {}\n", h.names.join(", "))));
            }
            for e in &h.events {
                match e {
                    Event::Version { version: v, errors, findings, resolved } => {
                        let source = v
                            .source
                            .as_ref()
                            .map(|s| format!("{}{}SHA-256 {}…", s.name, zh_en(lang, "，".into(), ", ".into()), &s.sha256[..12]))
                            .unwrap_or_else(|| zh_en(lang, "人工更正".into(), "by hand".into()));
                        text.push_str(&zh_en(
                            lang,
                            format!(
                                "{}  {} 年度 第{}版（版本 {}{}）{}\n    来源：{source}；原因：{}\n    问题 {findings} 个（错误 {errors} 个）{}\n",
                                when(&v.created_at),
                                v.year,
                                v.number,
                                v.id,
                                v.parent_id.map(|p| format!("，上一版 {p}")).unwrap_or_default(),
                                if v.is_current { "【当前】" } else { "" },
                                v.reason.as_deref().unwrap_or(""),
                                v.author.as_ref().map(|a| format!("；更正人：{a}")).unwrap_or_default()
                            ),
                            format!(
                                "{}  {} version {} (id {}{}){}\n    source: {source}; reason: {}\n    {findings} findings ({errors} errors){}\n",
                                when(&v.created_at),
                                v.year,
                                v.number,
                                v.id,
                                v.parent_id.map(|p| format!(", parent {p}")).unwrap_or_default(),
                                if v.is_current { " [current]" } else { "" },
                                v.reason.as_deref().unwrap_or(""),
                                v.author.as_ref().map(|a| format!("; by {a}")).unwrap_or_default()
                            ),
                        ));
                        for c in &v.changes {
                            let label = if lang == Lang::Zh { &c.label } else { &c.label_en };
                            text.push_str(&format!(
                                "    {} {label} {}: {} → {}\n",
                                zh_en(lang, "变更".into(), "changed".into()),
                                c.pointer,
                                shown(&c.before, lang),
                                shown(&c.after, lang)
                            ));
                        }
                        for x in resolved {
                            text.push_str(&format!("    {} {} {} {}\n", zh_en(lang, "已解决".into(), "resolved".into()), x.code, x.label, x.path));
                        }
                    }
                    Event::Review { year, review } => {
                        text.push_str(&zh_en(
                            lang,
                            format!(
                                "{}  {year} 年度 审核：问题 {} {} {} {}{}{}\n",
                                when(&review.at),
                                review.finding_id.map(|f| format!("#{f}")).unwrap_or_default(),
                                review.code,
                                review.path,
                                review.decision.label(lang),
                                review.reason.as_ref().map(|r| format!("：{r}")).unwrap_or_default(),
                                review.reviewer.as_ref().map(|r| format!("（{r}）")).unwrap_or_default()
                            ),
                            format!(
                                "{}  {year} review: finding {} {} {} {}{}{}\n",
                                when(&review.at),
                                review.finding_id.map(|f| format!("#{f}")).unwrap_or_default(),
                                review.code,
                                review.path,
                                review.decision.label(lang),
                                review.reason.as_ref().map(|r| format!(": {r}")).unwrap_or_default(),
                                review.reviewer.as_ref().map(|r| format!(" ({r})")).unwrap_or_default()
                            ),
                        ));
                    }
                }
            }
            output::emit(&text);
            Ok(ExitCode::SUCCESS)
        }
        Command::Findings { year, unit, region, code, state, all, format } => {
            let r = open_for_reading(db).map_err(msg)?;
            let state = state.map(|s| match s {
                StateArg::Open => ReviewState::Open,
                StateArg::Confirmed => ReviewState::Confirmed,
                StateArg::Dismissed => ReviewState::Dismissed,
                StateArg::Fixed => ReviewState::Fixed,
            });
            let q = FindingQuery { year, unit: unit.as_deref().map(UnitRef::parse), region, code, state, violated_only: !all, lang, ..Default::default() };
            let list = r.findings(&q).map_err(msg)?;
            if format == Format::Json {
                output::emit(&json(&list)?);
                return Ok(ExitCode::SUCCESS);
            }
            let mut text = String::new();
            for f in &list {
                let sev = match (f.finding.severity, lang) {
                    (govreport::Severity::Error, Lang::Zh) => "错误",
                    (govreport::Severity::Warning, Lang::Zh) => "警告",
                    (govreport::Severity::Info, Lang::Zh) => "提示",
                    (s, _) => s.as_str(),
                };
                text.push_str(&format!(
                    "#{:<5} {} {} v{}  {sev} {} {}  [{}]\n    {}\n",
                    f.id,
                    f.unit,
                    f.year,
                    f.version,
                    f.finding.code,
                    f.finding.path,
                    f.state.label(lang),
                    f.finding.message
                ));
                if let Some(rv) = &f.review
                    && let Some(reason) = &rv.reason
                {
                    text.push_str(&format!("    {}{reason}\n", zh_en(lang, "审核理由：".into(), "review: ".into())));
                }
            }
            text.push_str(&zh_en(lang, format!("共 {} 个问题\n", list.len()), format!("{} findings\n", list.len())));
            output::emit(&text);
            Ok(ExitCode::SUCCESS)
        }
        Command::Review { decision: Some(d), .. } => {
            let mut r = Register::open_existing(db).map_err(msg)?;
            let (id, decision, reason, reviewer) = match d {
                Decide::Confirm { finding, reason, reviewer } => (finding, Decision::Confirmed, reason, reviewer),
                Decide::Dismiss { finding, reason, reviewer } => (finding, Decision::Dismissed, Some(reason), reviewer),
                Decide::Fixed { finding, reason, reviewer } => (finding, Decision::Fixed, reason, reviewer),
            };
            let review = r.review(id, decision, reason.as_deref(), reviewer.as_deref()).map_err(msg)?;
            output::emit(&zh_en(
                lang,
                format!("问题 #{id}（{} {}）{}；此决定在该问题所依据的单元格不变时，对以后的版本继续有效\n", review.code, review.path, decision.label(lang)),
                format!(
                    "finding #{id} ({} {}) {}; it holds for later versions while the cells it rests on are unchanged\n",
                    review.code,
                    review.path,
                    decision.as_str()
                ),
            ));
            Ok(ExitCode::SUCCESS)
        }
        Command::Review { decision: None, year, region, to, output: out } => {
            let r = open_for_reading(db).map_err(msg)?;
            let year = match year {
                Some(y) => y,
                None => {
                    return Err(zh_en(
                        lang,
                        "请给出 --year（审查报告的年度），或 confirm/dismiss/fixed 加问题编号".into(),
                        "give --year (the year to review), or confirm/dismiss/fixed with a finding id".into(),
                    ));
                }
            };
            let page = r.supervisor_review(year, region.as_deref(), lang).map_err(msg)?;
            let bytes = match to {
                PageAs::Html => page.to_html().into_bytes(),
                PageAs::Docx => page.to_docx().map_err(msg)?,
                PageAs::Json => json(&page)?.into_bytes(),
            };
            match out {
                Some(path) => {
                    output::write_to(Some(&path), &bytes)?;
                    eprintln!(
                        "{}",
                        zh_en(
                            lang,
                            format!("govreport: 已写出 {}（{} 个单位，{} 条问题规则）", path.display(), page.coverage.len(), page.by_rule.len()),
                            format!("govreport: wrote {} ({} units, {} rules with findings)", path.display(), page.coverage.len(), page.by_rule.len())
                        )
                    );
                }
                None => output::emit_bytes(&bytes),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Units { region, format } => {
            let r = open_for_reading(db).map_err(msg)?;
            let units = r.list_units(region.as_deref()).map_err(msg)?;
            if format == Format::Json {
                output::emit(&json(&units)?);
                return Ok(ExitCode::SUCCESS);
            }
            let mut text = String::new();
            for u in &units {
                text.push_str(&format!(
                    "{:>5}  {}  {}  {}  {}  {}\n",
                    u.id,
                    u.name,
                    if u.region_code.is_empty() { "—" } else { &u.region_code },
                    u.kind,
                    u.level.as_deref().unwrap_or("—"),
                    u.credit_code.as_deref().unwrap_or("—")
                ));
            }
            text.push_str(&zh_en(lang, format!("共 {} 个单位\n", units.len()), format!("{} units\n", units.len())));
            output::emit(&text);
            Ok(ExitCode::SUCCESS)
        }
        Command::Status { year, region, format } => {
            let r = open_for_reading(db).map_err(msg)?;
            let year = latest(&r, year, lang)?;
            let list = r.status(year, region.as_deref()).map_err(msg)?;
            if format == Format::Json {
                output::emit(&json(&list)?);
                return Ok(ExitCode::SUCCESS);
            }
            let count = |c: govreport_register::Coverage| list.iter().filter(|u| u.coverage == c).count();
            use govreport_register::Coverage::*;
            let mut text = zh_en(
                lang,
                format!("{year} 年度：应报 {}，按时发布 {}，逾期 {}，未收到 {}\n", list.len(), count(Published), count(Late), count(Missing)),
                format!("{year}: {} expected, {} on time, {} late, {} missing\n", list.len(), count(Published), count(Late), count(Missing)),
            );
            for u in &list {
                let c = &u.findings;
                text.push_str(&format!(
                    "  {:>5} {}  {}  {}  {}\n",
                    u.unit.id,
                    u.unit.name,
                    u.coverage.label(lang),
                    u.published_on.as_deref().unwrap_or("—"),
                    zh_en(
                        lang,
                        format!(
                            "版本 {} 个；错误 {}，警告 {}；待审核 {}，已确认 {}，已排除 {}，已整改 {}",
                            u.versions, c.errors, c.warnings, c.open, c.confirmed, c.dismissed, c.fixed
                        ),
                        format!(
                            "{} versions; {} errors, {} warnings; {} open, {} confirmed, {} dismissed, {} fixed",
                            u.versions, c.errors, c.warnings, c.open, c.confirmed, c.dismissed, c.fixed
                        )
                    )
                ));
            }
            output::emit(&text);
            Ok(ExitCode::SUCCESS)
        }
        Command::Benchmarks { year, region, metrics, format } => {
            let r = open_for_reading(db).map_err(msg)?;
            let year = latest(&r, year, lang)?;
            let list = r.benchmarks(&BenchmarkQuery { year, region, metrics, lang }).map_err(msg)?;
            if format == Format::Json {
                output::emit(&json(&list)?);
                return Ok(ExitCode::SUCCESS);
            }
            let mut text = String::new();
            for b in &list {
                let m = govreport::across::metrics::metric(&b.metric);
                let show = |v: Option<f64>| v.map_or("—".to_string(), |v| m.map_or(v.to_string(), |m| m.display(v)));
                text.push_str(&format!(
                    "{} — {}（{}）: n={} P25={} P50={} P75={}\n",
                    b.name,
                    b.group.label(lang),
                    b.year,
                    b.n,
                    show(b.p25),
                    show(b.p50),
                    show(b.p75)
                ));
                for u in &b.units {
                    text.push_str(&format!("  {:>3}. {}  {}\n", u.rank, u.unit, show(Some(u.value))));
                }
            }
            output::emit(&text);
            Ok(ExitCode::SUCCESS)
        }
        Command::Trends { unit, region, metrics, to_year, years, format } => {
            let r = open_for_reading(db).map_err(msg)?;
            let list = r.trends(&TrendQuery { unit: unit.as_deref().map(UnitRef::parse), region, metrics, to_year, years, lang }).map_err(msg)?;
            if format == Format::Json {
                output::emit(&json(&list)?);
                return Ok(ExitCode::SUCCESS);
            }
            let mut text = String::new();
            for t in &list {
                let m = govreport::across::metrics::metric(&t.metric);
                let show = |v: Option<f64>| v.map_or("—".to_string(), |v| m.map_or(v.to_string(), |m| m.display(v)));
                text.push_str(&format!("{}{}\n", t.name, if t.scope.is_empty() { String::new() } else { format!(" — {}", t.scope) }));
                for p in &t.points {
                    text.push_str(&format!("  {}  {}  (n={}{})\n", p.year, show(p.value), p.n, p.total.map(|s| format!(", Σ={s}")).unwrap_or_default()));
                }
            }
            output::emit(&text);
            Ok(ExitCode::SUCCESS)
        }
        Command::Metrics => {
            output::emit(&govreport::across::metrics::markdown());
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { format, what, year, region, unit, output: out } => {
            let r = open_for_reading(db).map_err(msg)?;
            let kind = match what {
                ExportWhat::Reports => ExportKind::Reports,
                ExportWhat::Cells => ExportKind::Cells,
                ExportWhat::Findings => ExportKind::Findings,
            };
            let format = if format == ExportAs::Csv { ExportFormat::Csv } else { ExportFormat::Jsonl };
            let q = ExportQuery { year, region, unit: unit.as_deref().map(UnitRef::parse), lang };
            let rows = match &out {
                // The whole export or, when writing fails, the old file as it was.
                Some(path) => govreport::fs::write_atomic_with(path, |w| r.export(kind, format, &q, w).map_err(|e| std::io::Error::other(msg(e))))
                    .map_err(|e| format!("{}: {e}", govreport::fs::name_of(path)))?,
                None => {
                    let stdout = std::io::stdout();
                    let mut w = std::io::BufWriter::new(stdout.lock());
                    let n = r.export(kind, format, &q, &mut w).map_err(msg)?;
                    let _ = std::io::Write::flush(&mut w);
                    n
                }
            };
            eprintln!("{}", zh_en(lang, format!("govreport: 导出 {rows} 行"), format!("govreport: exported {rows} rows")));
            Ok(ExitCode::SUCCESS)
        }
        Command::Batches { id, format } => {
            let r = open_for_reading(db).map_err(msg)?;
            let list = match id {
                Some(id) => vec![r.batch(id).map_err(msg)?],
                None => r.batches().map_err(msg)?,
            };
            if format == Format::Json {
                output::emit(&json(&list)?);
                return Ok(ExitCode::SUCCESS);
            }
            let mut text = String::new();
            for b in &list {
                let state = match (&b.finished_at, lang) {
                    (Some(_), _) => String::new(),
                    (None, Lang::Zh) => "【未完成】".into(),
                    (None, Lang::En) => " [not finished]".into(),
                };
                text.push_str(&zh_en(
                    lang,
                    format!(
                        "批次 {}{state}  {}  输入 {}，新增 {}，未变 {}，重复 {}，失败 {}\n",
                        b.id,
                        when(&b.started_at),
                        b.inputs,
                        b.added,
                        b.unchanged,
                        b.duplicates,
                        b.failed
                    ),
                    format!(
                        "batch {}{state}  {}  {} inputs, {} added, {} unchanged, {} duplicates, {} failed\n",
                        b.id,
                        when(&b.started_at),
                        b.inputs,
                        b.added,
                        b.unchanged,
                        b.duplicates,
                        b.failed
                    ),
                ));
                for i in &b.items {
                    text.push_str(&format!(
                        "  {:>4} {:<9} {}  {}\n",
                        i.seq,
                        i.outcome.as_str(),
                        i.name,
                        i.error.as_ref().map(|e| e.message(lang).to_string()).unwrap_or_default()
                    ));
                }
            }
            output::emit(&text);
            Ok(ExitCode::SUCCESS)
        }
        Command::Recheck { years, check } => {
            let mut r = Register::open_existing(db).map_err(msg)?;
            r.set_check_options(check_options(&check)).map_err(msg)?;
            let done = r.recheck(&years).map_err(msg)?;
            output::emit(&zh_en(
                lang,
                format!("已重新检查 {} 个年度的 {} 个当前版本；同批比对问题 {} 个\n", done.years.len(), done.versions, done.peer_findings),
                format!("rechecked {} current versions of {} years; {} batch findings\n", done.versions, done.years.len(), done.peer_findings),
            ));
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `year`, or the latest year of the register.
fn latest(r: &Register, year: Option<u16>, lang: Lang) -> Result<u16, String> {
    if let Some(y) = year {
        return Ok(y);
    }
    let years = r.years().map_err(|e| e.message(lang))?;
    years.first().map(|y| y.year as u16).ok_or_else(|| zh_en(lang, "登记库中还没有报告".into(), "the register has no reports yet".into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_as_typed() {
        assert_eq!(parse_value("12"), json!(12));
        assert_eq!(parse_value("/"), json!("/"));
        assert_eq!(parse_value(""), json!(null));
        assert_eq!(parse_value("null"), json!(null));
        assert_eq!(parse_value("0.090"), json!("0.090"));
        assert_eq!(parse_value("-2"), json!(-2));
        assert_eq!(parse_value("本年度未收取信息处理费。"), json!("本年度未收取信息处理费。"));
        assert_eq!(parse_value("\"12\""), json!("12"));
    }
}
