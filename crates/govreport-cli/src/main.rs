//! The `govreport` command: check, complete, schema, rules, explain.

mod batch;
mod input;
mod output;
mod register;
mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use govreport::{Lang, Options, Severity};

/// Check China's 政府信息公开工作年度报告 against the regulations and the national templates.
#[derive(Parser)]
#[command(name = "govreport", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum CheckFormat {
    Human,
    Json,
    Sarif,
    Csv,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum KindArg {
    Government,
    Department,
    Township,
    Other,
}

impl From<KindArg> for govreport::AgencyKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Government => govreport::AgencyKind::Government,
            KindArg::Department => govreport::AgencyKind::Department,
            KindArg::Township => govreport::AgencyKind::Township,
            KindArg::Other => govreport::AgencyKind::Other,
        }
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum RenderTo {
    Html,
    Docx,
    Md,
    Txt,
}

impl From<RenderTo> for govreport::RenderFormat {
    fn from(t: RenderTo) -> Self {
        match t {
            RenderTo::Html => govreport::RenderFormat::Html,
            RenderTo::Docx => govreport::RenderFormat::Docx,
            RenderTo::Md => govreport::RenderFormat::Markdown,
            RenderTo::Txt => govreport::RenderFormat::Text,
        }
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum RulesFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum SchemaKind {
    Report,
    Options,
    Findings,
}

#[derive(Subcommand)]
enum Command {
    /// Check report documents: files, folders (every .json and .jsonl inside), JSON Lines
    /// (one report per line) or `-` for standard input; exit 0 when clean, 1 when an error is
    /// found, 2 when an input cannot be read.
    Check {
        /// Files or folders to check; `-` reads standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print only the summary (human format).
        #[arg(long)]
        summary: bool,
        /// Similarity (0–1) from which prose is reported as copied between units (GR701).
        #[arg(long, value_name = "RATIO")]
        copy_threshold: Option<f64>,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: CheckFormat,
        /// Language of the messages.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
        /// Set a rule's severity: CODE=error|warning|info (repeatable).
        #[arg(long = "severity", value_name = "CODE=LEVEL")]
        severity: Vec<String>,
        /// Switch off rules by code or prefix, e.g. GR4 (repeatable).
        #[arg(long = "disable", value_name = "CODE")]
        disable: Vec<String>,
        /// Deadline of township and sub-district reports, MM-DD of the next year (default 03-31).
        #[arg(long, value_name = "MM-DD")]
        township_deadline: Option<String>,
        /// Date taken as today, YYYY-MM-DD.
        #[arg(long, value_name = "DATE")]
        today: Option<String>,
    },
    /// Read a published report (HTML page, copied text, .docx, PDF, 2007-era prose) into a JSON
    /// document; what the importer noticed about the source goes to standard error.
    Import {
        /// The page or file; `-` reads standard input.
        file: PathBuf,
        /// Write the document to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The text encoding (utf-8, gb18030, gbk …); found from the content when not given.
        #[arg(long)]
        encoding: Option<String>,
        /// The reporting year, when the source does not state it.
        #[arg(long)]
        year: Option<u16>,
        /// The format of the document to make ("2007", "2019", "2021"), over what the tables show.
        #[arg(long, value_name = "FORMAT")]
        template: Option<String>,
        /// What the input is (json, html, text, docx, pdf), over detection.
        #[arg(long)]
        source: Option<String>,
        /// The kind of the agency (government, department, township, other), over what its
        /// name shows.
        #[arg(long, value_name = "KIND")]
        agency_kind: Option<String>,
        /// Language of the import findings.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
        /// Also write where each cell came from in the source and its text as published: beside
        /// the document (`-o X.json` writes `X.provenance.json`), or, on standard output, one
        /// object `{"report": …, "provenance": …}`.
        #[arg(long)]
        provenance: bool,
    },
    /// Check a report against the same unit's report of the previous year (GR6xx).
    Compare {
        /// Last year's report.
        previous: PathBuf,
        /// This year's report.
        current: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: CheckFormat,
        /// Language of the messages.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
        /// Similarity (0–1) from which prose is reported as copied from last year (GR606).
        #[arg(long, value_name = "RATIO")]
        copy_threshold: Option<f64>,
    },
    /// The derived figures of each unit: 公开率, 复议诉讼率, 纠错率.
    Indicators {
        /// Reports, folders or JSON Lines files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: CheckFormat,
        /// Language of the headings.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
    },
    /// Roll units' reports (same format and year) up into one report: every cell summed.
    Aggregate {
        /// Reports, folders or JSON Lines files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Name of the body whose roll-up this is, e.g. 某县人民政府.
        #[arg(long)]
        name: String,
        /// Its kind.
        #[arg(long, value_enum, default_value = "government")]
        kind: KindArg,
        /// Its region code (GB/T 2260).
        #[arg(long)]
        region_code: Option<String>,
        /// Write to this file instead of standard output (never read as an input).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Sum two reports of one unit (same credit code, or same name and region), or a report
        /// of the roll-up's own name, instead of refusing them.
        #[arg(long)]
        allow_duplicate_units: bool,
    },
    /// Fill the derived cells (row totals, （七）总计, table C totals) and print the document.
    Complete {
        /// The report document; `-` reads standard input.
        file: PathBuf,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Write a report in the official layout: HTML, Word (.docx), Markdown or text.
    Render {
        /// The report document; `-` reads standard input.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "html")]
        to: RenderTo,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Language of the labels (the official layout is Chinese).
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
        /// Mark the cells the findings of a check name (HTML only): their severity as a class,
        /// their codes and messages; and, for a published page or file, where each cell was
        /// read (`data-source`).
        #[arg(long)]
        marks: bool,
    },
    /// Print a JSON Schema (Draft 2020-12).
    Schema {
        /// Which schema.
        #[arg(long, value_enum, default_value = "report")]
        kind: SchemaKind,
    },
    /// List the rules.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: RulesFormat,
        /// Language.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
    },
    /// The register: every unit's reports across the years in one database file, with
    /// versions, findings and their review, benchmarks, trends and the supervisor's review.
    Register(register::Args),
    /// The web application: check, fill in and review reports in a browser, over a register
    /// file; listens on 127.0.0.1:8080 unless --bind says otherwise.
    Serve(serve::Args),
    /// Explain one rule.
    Explain {
        /// Rule code, e.g. GR201.
        code: String,
        /// Language.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
    },
}

fn main() -> ExitCode {
    // A panic inside hayro-syntax, the PDF parser, is caught by the core and reported as a
    // broken PDF: its message and backtrace are not for the user. Any other panic is shown.
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !info.location().is_some_and(|l| l.file().contains("hayro-syntax")) {
            default(info);
        }
    }));
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("govreport: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> Result<ExitCode, String> {
    match command {
        Command::Check { files, summary, copy_threshold, format, lang, severity, disable, township_deadline, today } => {
            let mut options = Options { lang: lang.into(), disable, township_deadline, today, copy_threshold, ..Options::default() };
            for s in severity {
                let (code, level) = s.split_once('=').ok_or_else(|| format!("--severity {s}: expected CODE=LEVEL"))?;
                let level = Severity::parse(level).ok_or_else(|| format!("--severity {s}: level must be error, warning or info"))?;
                options.severity.insert(code.to_uppercase(), level);
            }
            // Validate the options once, before any file is read.
            govreport::check(&govreport::Report::new(govreport::Format::F2021, 2021, empty_agency()), &options).map_err(|e| e.message(options.lang))?;
            let batch::Outcome { unreadable, errors, interrupted } = batch::run(&files, format, &options, summary);
            Ok(ExitCode::from(if interrupted {
                130
            } else if unreadable {
                2
            } else if errors {
                1
            } else {
                0
            }))
        }
        Command::Import { file, output, encoding, year, template, source, agency_kind, lang, provenance } => {
            let lang: Lang = lang.into();
            let format = template.map(|t| govreport::Format::parse(&t).ok_or(format!("--template {t}: expected 2007, 2019 or 2021"))).transpose()?;
            let source = source.map(|k| govreport::SourceKind::parse(&k).ok_or(format!("--source {k}: expected json, html, text, docx or pdf"))).transpose()?;
            let agency_kind = agency_kind
                .map(|k| govreport::AgencyKind::parse(&k).ok_or(format!("--agency-kind {k}: expected government, department, township or other")))
                .transpose()?;
            let options = govreport::ImportOptions { encoding, year, format, source, agency_kind, lang };
            let bytes = input::read(&file).map_err(|e| format!("{}: {}", file.display(), e.message(lang)))?;
            let imported = govreport::import_document(&bytes, &options).map_err(|e| format!("{}: {}", file.display(), e.message(lang)))?;
            let text = imported.report.to_json_pretty() + "\n";
            match (provenance, output.as_deref()) {
                (false, out) => output::write_to(out, text.as_bytes())?,
                (true, Some(out)) => {
                    output::write_to(Some(out), text.as_bytes())?;
                    let beside = out.with_extension("provenance.json");
                    let prov = serde_json::to_string_pretty(&imported.provenance).map_err(|e| e.to_string())? + "\n";
                    output::write_to(Some(&beside), prov.as_bytes())?;
                }
                (true, None) => {
                    let both = serde_json::json!({ "report": &imported.report, "provenance": &imported.provenance });
                    let text = serde_json::to_string_pretty(&both).map_err(|e| e.to_string())? + "\n";
                    output::write_to(None, text.as_bytes())?;
                }
            }
            let mut notes = String::new();
            for f in imported.findings.iter() {
                notes += &format!("  {} {} {}\n    {}\n", f.severity.as_str(), f.code, f.path, f.message);
            }
            eprint!("govreport: {} ({}, {})：{} 条导入提示\n{notes}", file.display(), imported.source.as_str(), imported.encoding, imported.findings.len());
            Ok(ExitCode::SUCCESS)
        }
        Command::Compare { previous, current, format, lang, copy_threshold } => {
            let lang: Lang = lang.into();
            let options = Options { lang, copy_threshold, ..Options::default() };
            let read =
                |p: &PathBuf| input::read(p).and_then(|b| input::report(&b, lang)).map(|(r, _)| r).map_err(|e| format!("{}: {}", p.display(), e.message(lang)));
            let (old, new) = (read(&previous)?, read(&current)?);
            let findings = govreport::compare(&old, &new, &options).map_err(|e| e.message(lang))?;
            let errors = findings.has_errors();
            let result = output::FileResult { name: current.display().to_string(), outcome: Ok(findings) };
            output::print_one(&result, format, lang);
            Ok(ExitCode::from(u8::from(errors)))
        }
        Command::Indicators { files, format, lang } => {
            let lang: Lang = lang.into();
            let mut rows = vec![];
            let mut unreadable = false;
            for (name, bytes) in govreport::fs::inputs(govreport::fs::sources(&files)) {
                match bytes.and_then(|b| input::report(&b, lang)) {
                    Ok((r, _)) => rows.push((name, govreport::across::indicators(&r))),
                    Err(e) => {
                        unreadable = true;
                        eprintln!("govreport: {name}: {}", e.message(lang));
                    }
                }
            }
            output::emit(&output::indicators(&rows, format, lang));
            Ok(ExitCode::from(if unreadable { 2 } else { 0 }))
        }
        Command::Aggregate { files, name, kind, region_code, output, allow_duplicate_units } => {
            let mut agency = govreport::Agency::new(name.clone(), kind.into());
            agency.region_code = region_code;
            // The output file is never an input (a roll-up written into its own folder is not
            // summed again), and a file reached twice is read once.
            let walked = govreport::fs::walk(&files, output.as_slice());
            for s in &walked.skipped {
                eprintln!("govreport: {}", s.message(Lang::Zh));
            }
            let mut up = govreport::Aggregator::new();
            let mut unreadable = vec![];
            let mut refused = vec![];
            // The units seen, by credit code or by name and region, with the input they came from.
            let mut units: std::collections::HashMap<String, String> = std::collections::HashMap::new();
            for (input, bytes) in govreport::fs::inputs(walked.sources) {
                let report = match bytes.and_then(|b| input::report(&b, Lang::Zh)) {
                    Ok((r, _)) => r,
                    // A link back to a folder above it holds nothing that was not read already.
                    Err(e) if matches!(e.error_type(), govreport::ErrorType::LinkLoop { .. }) => {
                        eprintln!("govreport: {input}: {}（其中的报告已读过一次，不重复汇总）", e.message(Lang::Zh));
                        continue;
                    }
                    Err(e) => {
                        unreadable.push(format!("{input}: {}", e.message(Lang::Zh)));
                        continue;
                    }
                };
                let a = report.meta().agency;
                if a.name == name && !allow_duplicate_units {
                    refused.push(format!("{input}：是“{name}”自己的报告（可能是以前的汇总结果），不应再汇总进去"));
                    continue;
                }
                let key = match &a.credit_code {
                    Some(code) => format!("统一社会信用代码 {code}"),
                    None => format!("{}（{}）", a.name, a.region_code.as_deref().unwrap_or("未写行政区划代码")),
                };
                if let Some(first) = units.get(&key) {
                    if !allow_duplicate_units {
                        refused.push(format!("{input}：与 {first} 是同一单位 {key} 的报告"));
                        continue;
                    }
                } else {
                    units.insert(key, input.clone());
                }
                up.add(&report).map_err(|e| format!("{input}: {}", e.message(Lang::Zh)))?;
            }
            if !unreadable.is_empty() {
                return Err(format!("无法读取：\n  {}", unreadable.join("\n  ")));
            }
            if !refused.is_empty() {
                return Err(format!("同一单位的报告不能汇总两次（确需如此时加 --allow-duplicate-units）：\n  {}", refused.join("\n  ")));
            }
            let up = up.finish(agency).map_err(|e| e.message(Lang::Zh))?;
            let text = up.report.to_json_pretty() + "\n";
            output::write_to(output.as_deref(), text.as_bytes())?;
            eprintln!("govreport: 汇总 {} 个单位的报告；{} 个单元格因有单位未填而留空", up.units.len(), up.gaps.len());
            for g in &up.gaps {
                eprintln!("  {}：{}", g.pointer, g.units.join("、"));
            }
            if !up.merged_other.is_empty() {
                eprintln!("govreport: 有单位的（六）其他处理只填一行，汇总表按一行填写；以下单位的三个子项已相加：{}", up.merged_other.join("、"));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Complete { file, output } => {
            let bytes = input::read(&file).map_err(|e| format!("{}: {}", file.display(), e.message(Lang::Zh)))?;
            let mut report = govreport::parse_json(&bytes).map_err(|e| format!("{}: {}", file.display(), e.message(Lang::Zh)))?;
            let done = govreport::complete(&mut report);
            let text = report.to_json_pretty() + "\n";
            output::write_to(output.as_deref(), text.as_bytes())?;
            eprintln!("govreport: 填入 {} 个合计单元格；{} 个因分项不全未填", done.filled.len(), done.left_empty.len());
            for p in &done.too_large {
                eprintln!("govreport: {p}：各分项之和超过最大的数量 18446744073709551615，未填");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Render { file, to, output, lang, marks } => {
            let lang: Lang = lang.into();
            let read = |e: govreport::Error| format!("{}: {}", file.display(), e.message(lang));
            if marks && !matches!(to, RenderTo::Html) {
                return Err("--marks：只有 HTML 可以标注单元格 / only HTML marks its cells (--to html)".into());
            }
            let loaded = input::read(&file).and_then(|b| govreport::batch::Loaded::from_bytes(&b, lang)).map_err(read)?;
            let bytes = if marks {
                let mut findings = govreport::check(&loaded.report, &Options { lang, ..Options::default() }).map_err(read)?;
                govreport::import::provenance::annotate(&mut findings, &loaded.provenance, lang);
                let mut all = loaded.findings.clone();
                all.0.extend(findings.0);
                let m = govreport::render::Marks::new(&all, &loaded.provenance, lang);
                govreport::render::render_html_marked(&loaded.report, lang, &m).into_bytes()
            } else {
                govreport::render(&loaded.report, to.into(), lang).map_err(read)?
            };
            output::write_to(output.as_deref(), &bytes)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema { kind } => {
            let schema = match kind {
                SchemaKind::Report => govreport::json_schema(),
                SchemaKind::Options => govreport::options_schema(),
                SchemaKind::Findings => govreport::findings_schema(),
            };
            output::emit(&(serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())? + "\n"));
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules { format, lang } => {
            let lang = lang.into();
            match format {
                RulesFormat::Markdown => output::emit(&govreport::rules_markdown()),
                RulesFormat::Json => {
                    let list: Vec<_> = govreport::rules()
                        .iter()
                        .map(|r| serde_json::json!({"code": r.code, "name": r.name, "severity": r.severity, "title": r.title(lang), "explanation": r.explanation(lang)}))
                        .collect();
                    output::emit(&(serde_json::to_string_pretty(&list).map_err(|e| e.to_string())? + "\n"));
                }
                RulesFormat::Text => {
                    let text: String =
                        govreport::rules().iter().map(|r| format!("{}  {:<22} {:<8} {}\n", r.code, r.name, r.severity.as_str(), r.title(lang))).collect();
                    output::emit(&text);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Register(args) => register::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Explain { code, lang } => {
            let lang: Lang = lang.into();
            const NO_RULE: govreport::Bilingual = govreport::Bilingual::new(
                "没有代码为 {code} 的规则（用 `govreport rules` 列出全部规则）",
                "no rule has code {code} (`govreport rules` lists them)",
            );
            let rule = govreport::rule(&code).ok_or_else(|| NO_RULE.format(lang, &[("code", &code)]))?;
            output::emit(&rule.explain_text(lang));
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn empty_agency() -> govreport::Agency {
    govreport::Agency::new(String::new(), govreport::AgencyKind::Department)
}
