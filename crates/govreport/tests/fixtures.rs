//! The fixtures of tests/fixtures: reports that read like published ones, each beside the
//! findings it must give (`NAME.expect.toml`: written from the rules and report-format.md, not
//! copied from the checker), and structurally invalid documents (invalid/) beside the error
//! they must give. One test walks the folder; tests/fixtures/README.md is generated from it.
//!
//! Every check uses a fixed today, 2026-11-26, so that the date rules do not drift.

use std::collections::BTreeSet;
use std::path::PathBuf;

use govreport::{Findings, Lang, Options, RULES, Report, Scope, Severity, Status, check, parse_json};
use serde::Deserialize;

const TODAY: &str = "2026-11-26";

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn read(name: &str) -> Vec<u8> {
    let path = dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn load(name: &str) -> Report {
    parse_json(&read(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn today() -> Options {
    Options { today: Some(TODAY.into()), ..Default::default() }
}

fn run(name: &str, options: &Options) -> Findings {
    check(&load(name), options).unwrap_or_else(|e| panic!("{name}: {e}"))
}

// ---------------------------------------------------------------------------------------------
// What a fixture declares beside it.

/// Which table of the README a fixture is listed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Section {
    /// A complete, consistent report.
    Clean,
    /// A report with one defect (or one kind of defect).
    Defect,
}

/// One finding a fixture must give.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    code: String,
    status: Status,
    path: String,
}

/// NAME.expect.toml beside NAME.json.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    /// What the fixture is (the README's "what it is").
    about: String,
    section: Section,
    /// Options over the fixed today (a local deadline …).
    #[serde(default)]
    options: Option<Options>,
    /// Exactly the findings the check gives, in any order.
    findings: Vec<Expected>,
}

impl Expect {
    fn options(&self) -> Options {
        let mut o = self.options.clone().unwrap_or_default();
        o.today.get_or_insert_with(|| TODAY.to_string());
        o
    }
}

/// invalid/NAME.expect.toml beside invalid/NAME.json.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectError {
    about: String,
    /// `Error::kind()`.
    kind: String,
    /// `Error::pointer()`, for errors about a place in the document.
    #[serde(default)]
    pointer: Option<String>,
}

/// The fixtures of `folder` (relative to tests/fixtures: its files whose extension is one of
/// `extensions`) with what their `.expect.toml` says, in name order; a fixture without one, or
/// one without its fixture, fails.
fn declared_with<T: for<'de> Deserialize<'de>>(folder: &str, extensions: &[&str]) -> Vec<(String, T)> {
    let base = dir().join(folder);
    let names: BTreeSet<String> = std::fs::read_dir(&base)
        .unwrap_or_else(|e| panic!("{}: {e}", base.display()))
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    let stem = |n: &str| extensions.iter().find_map(|x| n.strip_suffix(&format!(".{x}")).map(str::to_string));
    for n in names.iter().filter_map(|n| n.strip_suffix(".expect.toml")) {
        assert!(names.iter().any(|f| stem(f).as_deref() == Some(n)), "{folder}/{n}.expect.toml has no fixture beside it");
    }
    names
        .iter()
        .filter_map(|n| stem(n).map(|s| (n.clone(), s)))
        .map(|(file, n)| {
            let path = base.join(format!("{n}.expect.toml"));
            let text = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{folder}/{file} has no {n}.expect.toml beside it"));
            let expect = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (file, expect)
        })
        .collect()
}

/// The `*.json` fixtures of `folder`.
fn declared<T: for<'de> Deserialize<'de>>(folder: &str) -> Vec<(String, T)> {
    declared_with(folder, &["json"])
}

/// import/NAME.txt, .html or .docx beside import/NAME.expect.toml: a published page, the exact
/// findings the importer gives about it (GR9xx), and, where given, the exact findings the check
/// gives on the document it makes (`checked`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ImportExpect {
    about: String,
    findings: Vec<Expected>,
    #[serde(default)]
    checked: Option<Vec<Expected>>,
}

fn import_fixtures() -> Vec<(String, ImportExpect)> {
    declared_with("import", &["txt", "html", "docx"])
}

fn fixtures() -> Vec<(String, Expect)> {
    declared("")
}

fn invalid_fixtures() -> Vec<(String, ExpectError)> {
    declared("invalid")
}

fn got(findings: &Findings) -> Vec<Expected> {
    let mut v: Vec<Expected> = findings.iter().map(|f| Expected { code: f.code.clone(), status: f.status, path: f.path.clone() }).collect();
    v.sort();
    v
}

/// A `{name}` left in a message: a parameter its check did not give.
fn unfilled(message: &str) -> Option<&str> {
    let open = message.find('{')?;
    let rest = &message[open + 1..];
    let close = rest.find('}')?;
    let name = &rest[..close];
    (!name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')).then_some(name)
}

// ---------------------------------------------------------------------------------------------
// The walk.

#[test]
fn every_fixture_gives_exactly_its_declared_findings() {
    let mut failures = vec![];
    for (name, expect) in fixtures() {
        let mut want = expect.findings.clone();
        want.sort();
        for lang in [Lang::Zh, Lang::En] {
            let findings = run(&name, &Options { lang, ..expect.options() });
            if got(&findings) != want {
                failures.push(format!(
                    "{name} ({lang:?}): findings differ\n  declared: {want:#?}\n  given:    {:#?}\n  messages: {:#?}",
                    got(&findings),
                    findings.iter().map(|f| format!("{} {}: {}", f.code, f.path, f.message)).collect::<Vec<_>>()
                ));
            }
            for f in findings.iter() {
                if let Some(p) = unfilled(&f.message) {
                    failures.push(format!("{name}: {} at {} leaves {{{p}}} unfilled: {}", f.code, f.path, f.message));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_import_fixture_gives_exactly_its_declared_findings() {
    let mut failures = vec![];
    for (name, expect) in import_fixtures() {
        let mut want = expect.findings.clone();
        want.sort();
        for lang in [Lang::Zh, Lang::En] {
            let got_import = govreport::import_document(&read(&format!("import/{name}")), &govreport::ImportOptions { lang, ..Default::default() });
            let imported = got_import.unwrap_or_else(|e| panic!("import/{name}: {e}"));
            let findings = imported.findings;
            if got(&findings) != want {
                failures.push(format!("import/{name} ({lang:?}): findings differ\n  declared: {want:#?}\n  given:    {:#?}", got(&findings)));
            }
            let checked = match &expect.checked {
                Some(declared) => {
                    let mut declared = declared.clone();
                    declared.sort();
                    let given = check(&imported.report, &Options { lang, ..today() }).unwrap_or_else(|e| panic!("import/{name}: {e}"));
                    if got(&given) != declared {
                        failures.push(format!(
                            "import/{name} ({lang:?}): the check's findings differ\n  declared: {declared:#?}\n  given:    {:#?}\n  messages: {:#?}",
                            got(&given),
                            given.iter().map(|f| format!("{} {}: {}", f.code, f.path, f.message)).collect::<Vec<_>>()
                        ));
                    }
                    given
                }
                None => Findings::default(),
            };
            for f in findings.iter().chain(checked.iter()) {
                if let Some(p) = unfilled(&f.message) {
                    failures.push(format!("import/{name}: {} leaves {{{p}}} unfilled: {}", f.code, f.message));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_invalid_fixture_fails_with_its_declared_kind_and_place() {
    let all = invalid_fixtures();
    assert!(all.len() >= 10);
    for (file, expect) in all {
        let bytes = read(&format!("invalid/{file}"));
        let e = match parse_json(&bytes) {
            Ok(r) => panic!("{file}: parsed, but it is not a valid document: {r:?}"),
            Err(e) => e,
        };
        assert_eq!(e.kind(), expect.kind, "{file}: {e}");
        assert_eq!(e.pointer(), expect.pointer.as_deref(), "{file}: {e}");
        // Neither message is empty, in either language.
        assert!(!e.message(Lang::Zh).is_empty() && !e.message(Lang::En).is_empty());
    }
}

#[test]
fn every_rule_of_a_report_is_fired_by_a_fixture() {
    // By the checker …
    let mut fired = BTreeSet::new();
    let mut declared = BTreeSet::new();
    for (name, expect) in fixtures() {
        for finding in run(&name, &expect.options()).iter().filter(|x| x.status == Status::Violated) {
            fired.insert(finding.code.clone());
        }
        // … and by the declarations.
        declared.extend(expect.findings.iter().filter(|e| e.status == Status::Violated).map(|e| e.code.clone()));
    }
    for rule in RULES.iter().filter(|r| r.scope() == Scope::Report) {
        assert!(fired.contains(rule.code), "no fixture makes the checker fire {} ({})", rule.code, rule.name);
        assert!(declared.contains(rule.code), "no fixture declares {} ({})", rule.code, rule.name);
    }
}

#[test]
fn every_rule_of_the_importer_is_fired_by_a_fixture() {
    // The import fixtures, and the published pages and corpus excerpts of tests/import.rs.
    let mut sources: Vec<String> = import_fixtures().into_iter().map(|(n, _)| format!("import/{n}")).collect();
    for folder in ["pages", "corpus/dev"] {
        for e in std::fs::read_dir(dir().join(folder)).expect("folder") {
            let n = e.expect("entry").file_name().to_string_lossy().into_owned();
            if [".txt", ".html", ".docx"].iter().any(|x| n.ends_with(x)) {
                sources.push(format!("{folder}/{n}"));
            }
        }
    }
    let mut fired = BTreeSet::new();
    for s in &sources {
        if let Ok(imported) = govreport::import_document(&read(s), &govreport::ImportOptions::default()) {
            fired.extend(imported.findings.iter().map(|f| f.code.clone()));
        }
    }
    // The rules of compare and of a batch are fired by the county fixtures (tests/across.rs).
    for rule in RULES.iter().filter(|r| r.scope() == Scope::Import) {
        assert!(fired.contains(rule.code), "no import fixture, page or corpus excerpt makes the importer fire {} ({})", rule.code, rule.name);
    }
}

// ---------------------------------------------------------------------------------------------
// The README, generated from the declarations.

/// The findings of a fixture in the README's short form: `GR010 V /path; GR202 NA /path`, a
/// path repeated ×n, and a long run of one code as its count, first and last place.
fn short(findings: &[Expected]) -> String {
    if findings.is_empty() {
        return "none".into();
    }
    let mut groups: Vec<(&str, Status, Vec<&str>)> = vec![];
    for f in findings {
        match groups.last_mut() {
            Some((c, s, paths)) if *c == f.code && *s == f.status => paths.push(&f.path),
            _ => groups.push((&f.code, f.status, vec![&f.path])),
        }
    }
    let status = |s: Status| if s == Status::Violated { "V" } else { "NA" };
    let groups: Vec<String> = groups
        .into_iter()
        .map(|(code, s, paths)| {
            let distinct: BTreeSet<&&str> = paths.iter().collect();
            let n = paths.len();
            let at = if n == 1 {
                paths[0].to_string()
            } else if distinct.len() == 1 {
                format!("{} ×{n}", paths[0])
            } else if n <= 3 {
                paths.join(", ")
            } else {
                format!("×{n}: {} … {}", paths[0], paths[n - 1])
            };
            let at = if at.is_empty() { "\"\"".to_string() } else { at };
            format!("{code} {} {at}", status(s))
        })
        .collect();
    groups.join("; ")
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

const README_HEAD: &str = "<!-- Generated from the *.expect.toml files by `bash scripts/regen.sh`; do not edit. -->

# Fixtures

Report documents (the JSON of `../shared/spec/design.md`) that read like published
政府信息公开工作年度报告. Beside each `NAME.json` is `NAME.expect.toml`: what the fixture is, and
the exact findings (code, status, path) it must give, written from the rules and report-format.md
rather than copied from the checker's output, with the reasoning in its comments.
`crates/govreport/tests/fixtures.rs` walks this folder, checks every file with today fixed at
**2026-11-26** (and the options its `.expect.toml` gives) in Chinese and in English, and asserts
exactly the declared multiset; a fixture without its `.expect.toml` fails, and so does a rule of
the report's check that no fixture fires. This README is generated from the `.expect.toml`
files (`bash scripts/regen.sh`); a test fails when it is stale.

To add a rule: declare it in the file of its family (see the README of the repository), add
`NAME.json` here with `NAME.expect.toml` beside it, and run `bash scripts/regen.sh`.

Agency names, region codes and prose follow real reports (the corpus excerpts cited in the
table); the figures are invented to fit each case unless the table says they were transcribed,
and the defects are constructed, not taken from the agency named. The 统一社会信用代码 are built with the
GB 32100 check character (and a GB 11714 organisation code inside), so the clean ones are valid.

Status is `V` (violated) or `NA` (not assessable). A pointer repeated ×n means that many findings;
`×n: first … last` means n findings of that code from the first place to the last.
";

fn format_of(name: &str) -> String {
    load(name).format().as_str().to_string()
}

fn readme() -> String {
    let mut out = String::from(README_HEAD);
    let all = fixtures();
    for (section, title) in [(Section::Clean, "Clean reports"), (Section::Defect, "One defect each")] {
        out += &format!("\n## {title}\n\n| file | format | what it is | expected findings |\n|---|---|---|---|\n");
        let mut rows: Vec<&(String, Expect)> = all.iter().filter(|(_, e)| e.section == section).collect();
        // By the first rule they fire, then by name.
        rows.sort_by_key(|(name, e)| (e.findings.iter().map(|f| f.code.clone()).min().unwrap_or_default(), name.clone()));
        for (name, e) in rows {
            let mut about = cell(&e.about);
            if let Some(o) = &e.options {
                let json = serde_json::to_value(o).expect("options");
                let given: Vec<String> = json
                    .as_object()
                    .into_iter()
                    .flatten()
                    .filter(|(_, v)| !v.is_null() && v != &&serde_json::json!([]) && v != &&serde_json::json!({}) && v != &&serde_json::json!("zh"))
                    .map(|(k, v)| format!("`{k}: {v}`"))
                    .collect();
                if !given.is_empty() {
                    about += &format!(" (checked with {})", given.join(", "));
                }
            }
            out += &format!("| {name} | {} | {about} | {} |\n", format_of(name), cell(&short(&e.findings)));
        }
    }
    out += "\n## Structurally invalid documents (invalid/)\n\nEach must fail to parse with the error kind shown (`Error::kind()`) and the pointer shown\n(`Error::pointer()`; — where the error is not about a place in the document).\n\n| file | what is wrong | kind | pointer |\n|---|---|---|---|\n";
    for (name, e) in invalid_fixtures() {
        let pointer = match &e.pointer {
            None => "—".to_string(),
            Some(p) if p.is_empty() => "\"\"".to_string(),
            Some(p) => p.clone(),
        };
        out += &format!("| {name} | {} | {} | {pointer} |\n", cell(&e.about), e.kind);
    }
    out += "\n## Published pages for the importer (import/)\n\nEach `import/NAME.txt`, `.html` or `.docx` must import with exactly the findings (GR9xx) its\n`.expect.toml` declares, in Chinese and in English, and where it declares `checked`, the check\nof the document it makes must give exactly those findings.\n\n| file | what it is | expected import findings | expected findings of the check |\n|---|---|---|---|\n";
    for (name, e) in import_fixtures() {
        let checked = e.checked.as_ref().map_or("—".to_string(), |c| short(c));
        out += &format!("| {name} | {} | {} | {} |\n", cell(&e.about), cell(&short(&e.findings)), cell(&checked));
    }
    out += "\nThe test file also builds invalid UTF-8 from bytes (utf8), an input over the 32 MiB limit\n(too_large), and bad options (invalid).\n";
    out
}

#[test]
fn the_readme_is_generated_from_the_declarations() {
    let path = dir().join("README.md");
    let want = readme();
    if std::env::var_os("GOVREPORT_BLESS").is_some() {
        std::fs::write(&path, &want).expect("write tests/fixtures/README.md");
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(have == want, "tests/fixtures/README.md is stale: regenerate it with `bash scripts/regen.sh` and commit it");
}

// ---------------------------------------------------------------------------------------------
// Across the fixtures.

#[test]
fn the_three_formats_are_all_covered() {
    let formats: BTreeSet<String> = fixtures().iter().map(|(f, _)| format_of(f)).collect();
    assert_eq!(formats, BTreeSet::from(["2007".to_string(), "2019".into(), "2021".into()]));
}

#[test]
fn clean_fixtures_have_no_error_or_warning() {
    for (f, _) in fixtures().iter().filter(|(_, e)| e.section == Section::Clean) {
        let findings = run(f, &today());
        let bad: Vec<_> =
            findings.iter().filter(|x| matches!(x.severity, Severity::Error | Severity::Warning)).map(|x| (&x.code, &x.path, &x.message)).collect();
        assert!(bad.is_empty(), "{f}: {bad:#?}");
        assert!(!findings.has_errors(), "{f}");
    }
}

#[test]
fn township_deadline_is_an_option() {
    // Without the local 02-20 deadline, the default 03-31 holds and 2025-02-28 is in time.
    let name = "2021-township-after-local-deadline.json";
    assert!(run(name, &today()).is_empty(), "{name}");
    let late = run(name, &Options { township_deadline: Some("02-20".into()), ..today() });
    let f = late.with_code("GR501").next().expect("GR501");
    assert_eq!((f.expected.as_deref(), f.actual.as_deref()), (Some("2025-02-20"), Some("2025-02-28")));
}

#[test]
fn json_round_trips_losslessly() {
    for (f, _) in fixtures() {
        let f = f.as_str();
        let bytes = read(f);
        let report = parse_json(&bytes).unwrap_or_else(|e| panic!("{f}: {e}"));
        let text = report.to_json();
        let again = parse_json(text.as_bytes()).unwrap_or_else(|e| panic!("{f}: written back, {e}"));
        assert_eq!(again, report, "{f}: parse → to_json → parse changed the report");
        let original: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
        let written: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(written, original, "{f}: to_json does not give back the document");
        let pretty: serde_json::Value = serde_json::from_str(&report.to_json_pretty()).expect("JSON");
        assert_eq!(pretty, original, "{f}: to_json_pretty does not give back the document");
    }
}

#[test]
fn amounts_keep_their_written_form() {
    let text = load("2021-fees-collected-exceed-billed.json").to_json();
    assert!(text.contains(r#""fees_10k_yuan":"0.092""#), "{text}");
    let text = load("2022-department-late.json").to_json();
    assert!(text.contains(r#""fees_10k_yuan":"26.55""#), "{text}");
}

// ---------------------------------------------------------------------------------------------
// Messages: Chinese by default, English on request, with the values in place.

fn one<'a>(findings: &'a Findings, code: &str, path: &str) -> &'a govreport::Finding {
    findings.iter().find(|f| f.code == code && f.path == path).unwrap_or_else(|| panic!("no {code} at {path}: {findings:#?}"))
}

fn english() -> Options {
    Options { lang: Lang::En, ..today() }
}

#[test]
fn messages_of_requests_balance() {
    let name = "2021-requests-balance-broken.json";
    let zh = run(name, &today());
    let f = one(&zh, "GR201", "/requests/new/natural_person");
    assert_eq!((f.expected.as_deref(), f.actual.as_deref()), (Some("60"), Some("61")));
    assert_eq!(f.message, "自然人列：新收与上年结转之和为 60，办理结果总计与结转下年度之和为 61");
    assert_eq!(f.severity, Severity::Error);
    let en = run(name, &english());
    assert_eq!(one(&en, "GR201", "/requests/new/total").message, "Column Total: new plus carried over is 68, results total plus carried forward is 69");
}

#[test]
fn messages_of_a_late_report() {
    let name = "2022-department-late.json";
    let f = run(name, &today());
    let f = one(&f, "GR501", "/published_on");
    assert_eq!((f.expected.as_deref(), f.actual.as_deref()), (Some("2023-01-31"), Some("2023-03-15")));
    assert_eq!(f.message, "发布日期 2023-03-15 晚于期限 2023-01-31（人民政府部门）");
    let en = run(name, &english());
    assert_eq!(one(&en, "GR501", "/published_on").message, "Published on 2023-03-15, after the deadline 2023-01-31 (government department)");
}

#[test]
fn messages_of_the_seed() {
    let name = "seed-2012-changchun-etdz.json";
    let zh = run(name, &today());
    let f = one(&zh, "GR802", "/figures/0/total");
    assert_eq!((f.expected.as_deref(), f.actual.as_deref()), (Some("3017"), Some("3025")));
    assert_eq!(f.message, "主动公开政府信息：分项之和为 3017，与所述总数 3025 不符");
    let missing: BTreeSet<&str> = zh.with_code("GR801").map(|f| f.message.as_str()).collect();
    assert_eq!(
        missing,
        BTreeSet::from([
            "报告没有关于“（二）依申请公开政府信息和不予公开政府信息的情况”的部分",
            "报告没有关于“（三）政府信息公开的收费及减免情况”的部分",
            "报告没有关于“（四）因政府信息公开申请行政复议、提起行政诉讼的情况”的部分",
        ])
    );
    let en = run(name, &english());
    assert_eq!(one(&en, "GR802", "/figures/0/total").message, "主动公开政府信息: the parts add up to 3017, not the stated 3025");
}

#[test]
fn messages_of_prose_and_codes() {
    let zh = run("2021-prose-table-mismatch.json", &today());
    let f = one(&zh, "GR404", "/requests/granted/total");
    assert_eq!((f.expected.as_deref(), f.actual.as_deref()), (Some("60"), Some("59")));
    assert!(f.message.starts_with("正文称“同意公开的60件”（60），而（一）予以公开"), "{}", f.message);
    let en = run("2021-prose-table-mismatch.json", &english());
    assert_eq!(
        one(&en, "GR404", "/requests/partially_granted/total").message,
        "The text says \"部分公开13件\" (13), but (2) Partially granted (a request handled in parts counts here only) [Total] is 14"
    );

    let zh = run("2021-credit-code-check-digit.json", &today());
    let f = one(&zh, "GR001", "/agency/credit_code");
    assert!(f.message.starts_with("统一社会信用代码 114403040075433907 有误：校验码应为“P”"), "{}", f.message);
    let en = run("2021-credit-code-check-digit.json", &english());
    assert!(one(&en, "GR001", "/agency/credit_code").message.contains("the check character should be 'P', not '7'"));

    let zh = run("2007-percentages-wrong.json", &today());
    let f = one(&zh, "GR804", "/figures/1/breakdown/2/percent");
    assert_eq!((f.expected.as_deref(), f.actual.as_deref()), (Some("25"), Some("20")));
    assert_eq!(f.message, "受理政府信息公开申请「不予公开」：所述 20% 与 12/48 = 25% 不符");
}

#[test]
fn not_assessable_is_info_and_counts_its_places() {
    let f = run("2021-all-slash-not-assessable.json", &today());
    let na: Vec<_> = f.iter().filter(|x| x.status == Status::NotAssessable).collect();
    assert!(na.iter().all(|x| x.severity == Severity::Info));
    let b3 = one(&f, "GR203", "/requests/new/total");
    assert_eq!(b3.params.get("count").map(String::as_str), Some("25"));
    assert_eq!(b3.related.len(), 24);
    assert!(!f.has_errors());
}

#[test]
fn review_group_is_named_administrative_review() {
    let zh = run("2021-case-total-broken.json", &today());
    assert_eq!(one(&zh, "GR301", "/review_litigation/review/total").message, "行政复议「总计」：各结果之和为 3，总计填 4");
    let en = run("2021-case-total-broken.json", &english());
    assert_eq!(one(&en, "GR301", "/review_litigation/review/total").message, "Administrative review [Total]: the outcomes add up to 3, but the total says 4");
}

// ---------------------------------------------------------------------------------------------
// Structurally invalid documents made from bytes.

#[test]
fn invalid_utf8_is_refused_with_its_byte() {
    let mut bytes = read("2022-department-late.json");
    // Cut the first character of the agency's name in half.
    let name = "抚远市自然资源局".as_bytes();
    let at = bytes.windows(name.len()).position(|w| w == name).expect("agency name") + 1;
    bytes.remove(at);
    let e = parse_json(&bytes).expect_err("invalid UTF-8");
    assert_eq!(e.kind(), "utf8");
    match e.error_type() {
        govreport::ErrorType::InvalidUtf8 { offset, line, .. } => {
            assert_eq!(*offset, at - 1);
            assert_eq!(*line, 5);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(parse_json(&read("invalid/gbk-encoded.json")).unwrap_err().kind(), "utf8");
}

#[test]
fn oversized_input_is_refused() {
    let mut bytes = read("2021-department-clean.json");
    bytes.resize(govreport::limits::MAX_INPUT_BYTES as usize + 1, b' ');
    assert_eq!(parse_json(&bytes).unwrap_err().kind(), "too_large");
}

#[test]
fn bad_options_are_invalid_not_findings() {
    let report = load("2021-department-clean.json");
    for options in [
        Options { today: Some("2026-13-01".into()), ..Default::default() },
        Options { township_deadline: Some("02-30".into()), ..today() },
        Options { disable: vec!["GX".into()], ..today() },
    ] {
        let e = check(&report, &options).expect_err("bad options");
        assert_eq!(e.kind(), "invalid", "{e}");
        assert_eq!(e.pointer(), None);
    }
}
