//! The rules: a registry of codes with their texts, and the checks that apply them.
//!
//! Codes are grouped by family: GR0xx document and cells, GR1xx table A and fees, GR2xx
//! table B, GR3xx table C, GR4xx prose, GR5xx dates, GR8xx the 2007 regime (GR6xx cross-year
//! and GR7xx roll-up are kept for checks across reports).

mod arith;
mod cells;
mod dates;
mod docs;
pub mod document;
mod prose;
mod regime2007;
mod registry;
mod tables;
pub(crate) mod yearly;

use std::collections::BTreeMap;

use crate::finding::{Finding, Findings, Severity, Status};
use crate::labels;
use crate::model::{Format, Report};
use crate::options::{Lang, Resolved};

pub use docs::markdown;
pub use registry::*;

/// A rule of the registry: its code, name, default severity and texts.
#[derive(Debug)]
pub struct Rule {
    /// Stable code, e.g. `GR201`.
    pub code: &'static str,
    /// Stable kebab-case name.
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// One line: what the rule checks, in Chinese and English.
    pub title: [&'static str; 2],
    /// A paragraph: what it checks, why, and an example, in Chinese and English.
    pub explanation: [&'static str; 2],
    /// Message template with `{name}` parameters, in Chinese and English.
    pub message: [&'static str; 2],
}

impl Rule {
    /// The one-line title in `lang`.
    pub fn title(&self, lang: Lang) -> &'static str {
        self.title[lang as usize]
    }
    /// The explanation in `lang`.
    pub fn explanation(&self, lang: Lang) -> &'static str {
        self.explanation[lang as usize]
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
}

/// The rule with `code`, if there is one.
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
    Both(String, String),
}

impl Param {
    fn raw(&self) -> String {
        match self {
            Param::Text(t) | Param::Cell(t) => t.clone(),
            Param::Columns(v) => v.join(" "),
            Param::Label(l) => l.zh.to_string(),
            Param::Both(zh, _) => zh.clone(),
        }
    }
    fn shown(&self, format: Format, lang: Lang) -> String {
        match self {
            Param::Text(t) => t.clone(),
            Param::Cell(p) => labels::cell_name(format, p, lang),
            Param::Columns(v) => {
                let sep = if lang == Lang::Zh { "、" } else { ", " };
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
            Param::Both(zh, en) => {
                if lang == Lang::Zh {
                    zh.clone()
                } else {
                    en.clone()
                }
            }
        }
    }
}

/// Fills `{name}` parameters of a template.
fn render(template: &str, params: &[(&'static str, Param)], format: Format, lang: Lang) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match params.iter().find(|(n, _)| *n == name) {
                    Some((_, p)) => out.push_str(&p.shown(format, lang)),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// What the checks write to while they run.
pub(crate) struct Ctx<'a> {
    pub format: Format,
    pub opts: &'a Resolved,
    out: Vec<Finding>,
    not_assessable: Vec<(usize, String)>,
}

/// A finding being built: add details, then call [`Hit::emit`].
pub(crate) struct Hit<'c, 'a> {
    ctx: &'c mut Ctx<'a>,
    rule: usize,
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
        let rule = RULES[self.rule];
        let mut params = self.params;
        params.push(("cell", Param::Cell(self.path.clone())));
        let lang = self.ctx.opts.lang;
        let message = render(rule.message[lang as usize], &params, self.ctx.format, lang);
        let params: BTreeMap<String, String> =
            params.iter().filter(|(n, _)| !matches!(*n, "cell" | "expected" | "actual")).map(|(n, p)| (n.to_string(), p.raw())).collect();
        self.ctx.out.push(Finding {
            code: rule.code.to_string(),
            name: rule.name.to_string(),
            severity: self.ctx.opts.severity[self.rule],
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
        Ctx { format, opts, out: Vec::new(), not_assessable: Vec::new() }
    }

    fn index(rule: &Rule) -> usize {
        RULES.iter().position(|r| std::ptr::eq(*r, rule)).unwrap_or(0)
    }

    /// Whether `rule` is switched on.
    pub fn on(&self, rule: &Rule) -> bool {
        self.opts.enabled[Self::index(rule)]
    }

    /// Starts a violation of `rule` at `path` (nothing is kept when the rule is off).
    pub fn hit<'c>(&'c mut self, rule: &Rule, path: impl Into<String>) -> Hit<'c, 'a> {
        Hit { rule: Self::index(rule), ctx: self, path: path.into(), related: vec![], expected: None, actual: None, params: vec![] }
    }

    /// Notes that `rule` could not be judged at `path`.
    pub fn not_assessable(&mut self, rule: &Rule, path: impl Into<String>) {
        self.not_assessable.push((Self::index(rule), path.into()));
    }

    /// The findings, with one not-assessable finding per rule that had any.
    pub fn finish(mut self) -> Findings {
        let mut by_rule: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for (i, p) in std::mem::take(&mut self.not_assessable) {
            by_rule.entry(i).or_default().push(p);
        }
        let lang = self.opts.lang;
        for (i, mut paths) in by_rule {
            if !self.opts.enabled[i] {
                continue;
            }
            let rule = RULES[i];
            let first = paths.remove(0);
            let count = paths.len() + 1;
            let params = vec![
                ("rule", Param::Both(rule.title[0].to_string(), rule.title[1].to_string())),
                ("count", Param::Text(count.to_string())),
                ("cell", Param::Cell(first.clone())),
            ];
            let message = render(NOT_ASSESSABLE_MESSAGE[lang as usize], &params, self.format, lang);
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
        self.out.retain(|f| RULES.iter().position(|r| r.code == f.code).is_some_and(|i| enabled[i]));
        Findings(self.out)
    }
}

const NOT_ASSESSABLE_MESSAGE: [&str; 2] = [
    "无法判断「{rule}」：{count} 处所需数字为空白、缺失或“/”（首处：{cell}）",
    "Cannot judge \"{rule}\": {count} place(s) lack the numbers it needs (blank, absent or \"/\"; first: {cell})",
];

/// Runs every rule that applies to the report's format.
pub(crate) fn run(report: &Report, opts: &Resolved) -> Findings {
    let mut ctx = Ctx::new(report.format(), opts);
    document::check(report, &mut ctx);
    dates::check(report, &mut ctx);
    match report {
        Report::F2021(r) => {
            cells::check_template(r, &mut ctx);
            tables::check_requests(&r.requests, &mut ctx);
            tables::check_review(&r.review_litigation, &mut ctx);
            tables::check_fees(r.processing_fees.as_ref(), r.requests.other.fee_unpaid.total, &mut ctx);
            prose::check(&r.sections, &r.agency, &r.requests, &r.review_litigation, &mut ctx);
        }
        Report::F2019(r) => {
            cells::check_template(r, &mut ctx);
            tables::check_proactive_2019(&r.proactive, &mut ctx);
            tables::check_requests(&r.requests, &mut ctx);
            tables::check_review(&r.review_litigation, &mut ctx);
            tables::check_fees(r.processing_fees.as_ref(), crate::model::Cell::Absent, &mut ctx);
            prose::check(&r.sections, &r.agency, &r.requests, &r.review_litigation, &mut ctx);
        }
        Report::F2007(r) => regime2007::check(r, &mut ctx),
    }
    ctx.finish()
}
