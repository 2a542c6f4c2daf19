//! The rules: a registry of codes with their texts, and the checks that apply them.
//!
//! Codes are grouped by family: GR0xx document and cells, GR1xx table A and fees, GR2xx
//! table B, GR3xx table C, GR4xx prose, GR5xx dates, GR8xx the 2007 regime (GR6xx cross-year
//! and GR7xx roll-up are kept for checks across reports).

mod arith;
pub(crate) mod cells;
mod dates;
mod docs;
pub mod document;
mod prose;
mod regime2007;
mod registry;
mod tables;
pub(crate) mod yearly;

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::finding::{Finding, Findings, Severity, Status};
use crate::i18n::{Bilingual, fill};
use crate::labels;
use crate::model::{Format, Report};
use crate::options::{Lang, Resolved};

pub use docs::markdown;
pub(crate) use regime2007::is_catch_all;
pub use registry::{Code, RULES};

/// A rule: its code, name, default severity, texts in both languages and its check. Each is
/// declared once, with `define_rules!`, in the file of its family, and listed in the registry
/// (`rules/registry.rs`), which makes its [`Code`]: a finding is made only through a code, so a
/// rule that is not registered cannot be used.
#[derive(Debug)]
pub struct Rule {
    /// Stable code, e.g. `GR201`.
    pub code: &'static str,
    /// Stable kebab-case name.
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// One line: what the rule checks.
    pub title: Bilingual,
    /// A paragraph: what it checks, why, and an example.
    pub explanation: Bilingual,
    /// The message of a finding, with `{name}` parameters (`{cell}`, `{expected}` and
    /// `{actual}` are given to every message; the check gives the others).
    pub message: Bilingual,
    /// The code as a value.
    pub(crate) id: Code,
    /// What finds it.
    pub(crate) check: Check,
}

/// What finds the findings of a rule.
#[derive(Clone, Copy)]
pub(crate) enum Check {
    /// A check of one report, run by [`crate::check`].
    Report(fn(&Report, &mut Ctx)),
    /// A report against last year's, run by [`crate::compare`].
    Yearly(fn(&Report, &Report, &mut Ctx)),
    /// Found across a batch ([`crate::across::Batch`]).
    Batch,
    /// Said by the importer about its source ([`crate::import_document`]).
    Import,
}

impl std::fmt::Debug for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Check::Report(_) => "Report",
            Check::Yearly(_) => "Yearly",
            Check::Batch => "Batch",
            Check::Import => "Import",
        })
    }
}

/// Declares rules: each with its code, name, default severity, check and texts (title,
/// explanation and message, Chinese then English).
///
/// ```ignore
/// define_rules! {
///     /// One line for the reader of the code.
///     GR123 {
///         name: "some-rule",
///         severity: Warning,
///         check: Report(some_rule),
///         title: ["…", "…"],
///         explanation: ["…", "…"],
///         message: ["{cell} …", "{cell} …"],
///     }
/// }
/// ```
macro_rules! define_rules {
    ($(
        $(#[$doc:meta])*
        $code:ident {
            name: $name:literal,
            severity: $severity:ident,
            check: $kind:ident $(($check:path))?,
            title: [$title_zh:expr, $title_en:expr $(,)?],
            explanation: [$explanation_zh:expr, $explanation_en:expr $(,)?],
            message: [$message_zh:expr, $message_en:expr $(,)?] $(,)?
        }
    )*) => {$(
        $(#[$doc])*
        pub(crate) static $code: $crate::rules::Rule = $crate::rules::Rule {
            code: stringify!($code),
            name: $name,
            severity: $crate::finding::Severity::$severity,
            title: $crate::i18n::Bilingual::new($title_zh, $title_en),
            explanation: $crate::i18n::Bilingual::new($explanation_zh, $explanation_en),
            message: $crate::i18n::Bilingual::new($message_zh, $message_en),
            id: $crate::rules::Code::$code,
            check: $crate::rules::Check::$kind $(($check))?,
        };
    )*};
}
pub(crate) use define_rules;

/// Where the findings of a rule come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The check of one report ([`crate::check`]).
    Report,
    /// A report against the same unit's report of last year ([`crate::compare()`]).
    Yearly,
    /// A batch of reports ([`crate::across::Batch`]).
    Batch,
    /// The importer, about its source ([`crate::import_document`]).
    Import,
}

impl Rule {
    /// Where its findings come from.
    pub fn scope(&self) -> Scope {
        match self.check {
            Check::Report(_) => Scope::Report,
            Check::Yearly(_) => Scope::Yearly,
            Check::Batch => Scope::Batch,
            Check::Import => Scope::Import,
        }
    }

    /// The one-line title in `lang`.
    pub fn title(&self, lang: Lang) -> &'static str {
        self.title.get(lang)
    }
    /// The explanation in `lang`.
    pub fn explanation(&self, lang: Lang) -> &'static str {
        self.explanation.get(lang)
    }
    /// The text `govreport explain CODE` prints: code, name, default severity, title and
    /// explanation.
    pub fn explain_text(&self, lang: Lang) -> String {
        format!("{} {} ({})\n\n{}\n\n{}\n", self.code, self.name, self.severity.as_str(), self.title(lang), self.explanation(lang))
    }

    /// The family prefix (GR2 for GR201).
    pub fn family(&self) -> &'static str {
        &self.code[..3]
    }

    /// The code as a value.
    pub fn id(&self) -> Code {
        self.id
    }
}

impl Code {
    /// The rule of this code.
    pub fn rule(self) -> &'static Rule {
        RULES[self as usize]
    }
}

/// The rule with `code` (case-insensitive), if there is one.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.code.eq_ignore_ascii_case(code))
}

/// A value a message is built from.
#[derive(Clone, Debug)]
pub(crate) enum Param {
    /// Text as it is (numbers, quotes from the report).
    Text(String),
    /// A place in the document, shown by its label.
    Cell(String),
    /// Several cells of one row, shown by their column labels.
    Columns(Vec<String>),
    /// A label of the table, shown in the message's language.
    Label(&'static labels::Label),
    /// Text given in both languages.
    Both(Bilingual<String>),
}

impl Param {
    fn raw(&self) -> String {
        match self {
            Param::Text(t) | Param::Cell(t) => t.clone(),
            Param::Columns(v) => v.join(" "),
            Param::Label(l) => l.name.zh.to_string(),
            Param::Both(b) => b.zh.clone(),
        }
    }
    fn shown(&self, format: Format, lang: Lang) -> String {
        match self {
            Param::Text(t) => t.clone(),
            Param::Cell(p) => labels::cell_name(format, p, lang),
            Param::Columns(v) => {
                let sep = LIST_SEPARATOR.get(lang);
                let column = |p: &String| {
                    let (row, key) = p.rsplit_once('/').unwrap_or(("", p));
                    // A one-cell row (行政许可) names its block's single column instead.
                    match labels::column(format, row, key).filter(|c| !c.id.is_empty()).or_else(|| labels::column(format, p, "")) {
                        Some(c) => c.text(lang).to_string(),
                        None => labels::cell_name(format, p, lang),
                    }
                };
                v.iter().map(column).collect::<Vec<_>>().join(sep)
            }
            Param::Label(l) => l.text(lang).to_string(),
            Param::Both(b) => b.get(lang).clone(),
        }
    }
}

/// Between the items of a list in a message.
pub(crate) const LIST_SEPARATOR: Bilingual = Bilingual::new("、", ", ");

/// Fills the `{name}` parameters of a message template.
fn render(template: &str, params: &[(&'static str, Param)], format: Format, lang: Lang) -> String {
    fill(template, |name| params.iter().find(|(n, _)| *n == name).map(|(_, p)| Cow::Owned(p.shown(format, lang))))
}

/// What the checks write to while they run.
pub(crate) struct Ctx<'a> {
    pub format: Format,
    pub opts: &'a Resolved,
    out: Vec<Finding>,
    not_assessable: Vec<(Code, String)>,
    /// Violations at places the source does not show ([`Ctx::unseen`]), by rule.
    not_shown: Vec<(Code, String)>,
    /// Tables A, B and C of the report being checked, read once for the rules of cells.
    pub(crate) cell_tables: std::cell::OnceCell<std::rc::Rc<Vec<cells::Table>>>,
    /// The rows of table B of the report being checked, read once for GR201–GR203.
    pub(crate) request_rows: std::cell::OnceCell<std::rc::Rc<[tables::Row]>>,
    /// Places an imported report's source does not show (it stops before them, or does not
    /// name them): a violation there is not one of the report, so it is not assessable.
    unseen: &'a [String],
}

/// A finding being built: add details, then call [`Hit::emit`].
pub(crate) struct Hit<'c, 'a> {
    ctx: &'c mut Ctx<'a>,
    rule: Code,
    path: String,
    related: Vec<String>,
    expected: Option<String>,
    actual: Option<String>,
    params: Vec<(&'static str, Param)>,
}

impl<'c, 'a> Hit<'c, 'a> {
    pub fn related(mut self, related: Vec<String>) -> Self {
        self.related = related;
        self
    }
    pub fn expected(mut self, v: impl ToString) -> Self {
        let v = v.to_string();
        self.params.push(("expected", Param::Text(v.clone())));
        self.expected = Some(v);
        self
    }
    pub fn actual(mut self, v: impl ToString) -> Self {
        let v = v.to_string();
        self.params.push(("actual", Param::Text(v.clone())));
        self.actual = Some(v);
        self
    }
    pub fn param(mut self, name: &'static str, p: Param) -> Self {
        self.params.push((name, p));
        self
    }
    pub fn text(self, name: &'static str, v: impl ToString) -> Self {
        self.param(name, Param::Text(v.to_string()))
    }
    pub fn emit(self) {
        let rule = self.rule.rule();
        let mut params = self.params;
        params.push(("cell", Param::Cell(self.path.clone())));
        // Every placeholder of the message must have its value: a check that forgets one fails
        // the fixtures (every rule fires on one) instead of printing "{name}".
        debug_assert!(
            crate::i18n::placeholders(rule.message.zh).iter().chain(&crate::i18n::placeholders(rule.message.en)).all(|n| params.iter().any(|(p, _)| p == n)),
            "{}: the check gives no value for a placeholder of {:?}",
            rule.code,
            rule.message
        );
        if self.ctx.is_unseen(&self.path) {
            self.ctx.not_shown.push((self.rule, self.path));
            return;
        }
        let lang = self.ctx.opts.lang;
        let message = render(rule.message.get(lang), &params, self.ctx.format, lang);
        let params: BTreeMap<String, String> =
            params.iter().filter(|(n, _)| !matches!(*n, "cell" | "expected" | "actual")).map(|(n, p)| (n.to_string(), p.raw())).collect();
        self.ctx.out.push(Finding {
            code: rule.code.to_string(),
            name: rule.name.to_string(),
            severity: self.ctx.opts.severity[self.rule as usize],
            status: Status::Violated,
            path: self.path,
            related: self.related,
            expected: self.expected,
            actual: self.actual,
            params,
            message,
        });
    }
}

impl<'a> Ctx<'a> {
    pub fn new(format: Format, opts: &'a Resolved) -> Self {
        Ctx {
            format,
            opts,
            out: Vec::new(),
            not_assessable: Vec::new(),
            not_shown: Vec::new(),
            cell_tables: std::cell::OnceCell::new(),
            request_rows: std::cell::OnceCell::new(),
            unseen: &[],
        }
    }

    /// Whether `path` is at or under a place the source does not show.
    fn is_unseen(&self, path: &str) -> bool {
        self.unseen.iter().any(|u| path == u || path.strip_prefix(u.as_str()).is_some_and(|rest| rest.starts_with('/')))
    }

    /// Whether the rule `code` is switched on.
    pub fn on(&self, code: Code) -> bool {
        self.opts.enabled[code as usize]
    }

    /// Starts a violation of the rule `code` at `path` (nothing is kept when the rule is off).
    pub fn hit<'c>(&'c mut self, code: Code, path: impl Into<String>) -> Hit<'c, 'a> {
        Hit { rule: code, ctx: self, path: path.into(), related: vec![], expected: None, actual: None, params: vec![] }
    }

    /// Notes that the rule `code` could not be judged at `path`.
    pub fn not_assessable(&mut self, code: Code, path: impl Into<String>) {
        self.not_assessable.push((code, path.into()));
    }

    /// The findings, with one not-assessable finding per rule that had any.
    pub fn finish(mut self) -> Findings {
        let mut by_rule: BTreeMap<(Code, bool), Vec<String>> = BTreeMap::new();
        for (code, p) in std::mem::take(&mut self.not_assessable) {
            by_rule.entry((code, false)).or_default().push(p);
        }
        for (code, p) in std::mem::take(&mut self.not_shown) {
            by_rule.entry((code, true)).or_default().push(p);
        }
        let lang = self.opts.lang;
        for ((code, not_shown), mut paths) in by_rule {
            if !self.on(code) {
                continue;
            }
            let rule = code.rule();
            let first = paths.remove(0);
            let count = paths.len() + 1;
            let params = vec![("rule", Param::Both(rule.title.to_owned())), ("count", Param::Text(count.to_string())), ("cell", Param::Cell(first.clone()))];
            let message = render(if not_shown { NOT_SHOWN_MESSAGE } else { NOT_ASSESSABLE_MESSAGE }.get(lang), &params, self.format, lang);
            self.out.push(Finding {
                code: rule.code.to_string(),
                name: rule.name.to_string(),
                severity: Severity::Info,
                status: Status::NotAssessable,
                path: first,
                related: paths,
                expected: None,
                actual: None,
                params: BTreeMap::from([("count".to_string(), count.to_string())]),
                message,
            });
        }
        // Disabled rules may still have pushed (checks test `on` only where it saves work).
        let enabled = &self.opts.enabled;
        self.out.retain(|f| rule(&f.code).is_some_and(|r| enabled[r.id as usize]));
        Findings(self.out)
    }
}

/// The message of a finding not assessable because the imported source does not show where
/// it would be.
const NOT_SHOWN_MESSAGE: Bilingual = Bilingual::new(
    "无法判断「{rule}」：导入的来源未包含此处（{count} 处，首处：{cell}），不能据此认定报告有误",
    "Cannot judge \"{rule}\": the imported source does not show the place ({count}; first: {cell}), so it says nothing against the report",
);

/// The message of a not-assessable finding.
const NOT_ASSESSABLE_MESSAGE: Bilingual = Bilingual::new(
    "无法判断「{rule}」：{count} 处所需数字为空白、缺失或“/”（首处：{cell}）",
    "Cannot judge \"{rule}\": {count} place(s) lack the numbers it needs (blank, absent or \"/\"; first: {cell})",
);

/// Runs the check of every rule that applies to one report and is switched on, in code order.
pub(crate) fn run(report: &Report, opts: &Resolved) -> Findings {
    run_seen(report, opts, &[])
}

/// [`run`] for an imported report whose source does not show the places `unseen` (pointers):
/// what would be a violation at or under one of them is not assessable instead.
pub(crate) fn run_seen(report: &Report, opts: &Resolved, unseen: &[String]) -> Findings {
    let mut ctx = Ctx::new(report.format(), opts);
    ctx.unseen = unseen;
    for rule in RULES {
        if let Check::Report(check) = rule.check
            && ctx.on(rule.id)
        {
            check(report, &mut ctx);
        }
    }
    ctx.finish()
}

/// Runs the check of every rule of a report against last year's, in code order.
pub(crate) fn run_yearly(previous: &Report, current: &Report, opts: &Resolved) -> Findings {
    let mut ctx = Ctx::new(current.format(), opts);
    for rule in RULES {
        if let Check::Yearly(check) = rule.check
            && ctx.on(rule.id)
        {
            check(previous, current, &mut ctx);
        }
    }
    ctx.finish()
}
