//! Options of a check: language, severities, rules switched off, dates.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorType};
use crate::finding::Severity;
use crate::rules::RULES;

pub use crate::i18n::Lang;

/// What a check is told. In JSON (C ABI, Python, `--options`):
/// `{"lang":"en","severity":{"GR402":"error"},"disable":["GR4"],"township_deadline":"02-20","today":"2026-11-26"}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Language of the messages.
    pub lang: Lang,
    /// Severity per rule code, over the rule's default.
    pub severity: BTreeMap<String, Severity>,
    /// Rules switched off, by code or code prefix ("GR4" switches off GR4xx).
    pub disable: Vec<String>,
    /// Deadline for 乡镇人民政府 and 街道办事处 reports, as "MM-DD" of the following year
    /// (set locally; 31 March when not given).
    pub township_deadline: Option<String>,
    /// The date taken as today (YYYY-MM-DD); the system date when not given.
    pub today: Option<String>,
    /// How similar (0–1, Jaccard of character 4-grams) prose must be to another report's to be
    /// reported as copied (GR606, GR701); 0.8 when not given.
    pub copy_threshold: Option<f64>,
}

/// Options checked and ready to use.
#[derive(Clone, Debug)]
pub(crate) struct Resolved {
    pub lang: Lang,
    pub enabled: Vec<bool>,
    pub severity: Vec<Severity>,
    pub township_deadline: (u32, u32),
    pub today: NaiveDate,
    /// Similarity from which prose counts as copied (GR606, GR701).
    pub copy_threshold: f64,
}

impl Options {
    /// Reads options from JSON text; an unknown option is an error.
    pub fn from_json(text: &str) -> Result<Options, Error> {
        if text.trim().is_empty() {
            return Err(Error::about(ErrorType::EmptyOptions, "options"));
        }
        static SHAPE: std::sync::OnceLock<crate::json::Shape> = std::sync::OnceLock::new();
        let o: Options = crate::json::read_given(text, SHAPE.get_or_init(crate::json::shape_of::<Options>), "options")?;
        o.validate()?;
        Ok(o)
    }

    /// Checks the options as a check would use them: the error a check with them would give
    /// (a rule code or prefix that matches no rule, a date or deadline that is no date, a
    /// threshold outside 0–1), or none.
    pub fn validate(&self) -> Result<(), Error> {
        self.resolve().map(drop)
    }

    pub(crate) fn resolve(&self) -> Result<Resolved, Error> {
        let mut enabled = vec![true; RULES.len()];
        let mut severity: Vec<Severity> = RULES.iter().map(|r| r.severity).collect();
        for prefix in &self.disable {
            // The rules are in code order (a test of the registry holds it): the codes with a
            // prefix are one run, found by a binary search rather than a pass over them all.
            let from = RULES.partition_point(|r| r.code < prefix.as_str());
            let run = RULES[from..].iter().take_while(|r| r.code.starts_with(prefix.as_str())).count();
            if prefix.is_empty() || run == 0 {
                return Err(Error::about(ErrorType::NoRuleMatches { prefix: format!("{prefix:?}") }, "options.disable"));
            }
            enabled[from..from + run].fill(false);
        }
        for (code, sev) in &self.severity {
            let i = RULES
                .iter()
                .position(|r| r.code == code)
                .ok_or_else(|| Error::about(ErrorType::UnknownRuleCode { code: format!("{code:?}") }, "options.severity"))?;
            severity[i] = *sev;
        }
        let township_deadline = match &self.township_deadline {
            None => (3, 31),
            Some(s) => parse_month_day(s).ok_or_else(|| Error::about(ErrorType::BadMonthDay { found: format!("{s:?}") }, "options.township_deadline"))?,
        };
        let today = match &self.today {
            None => chrono::Local::now().date_naive(),
            Some(s) => crate::model::parse_date(s).ok_or_else(|| Error::about(ErrorType::BadDate { found: format!("{s:?}") }, "options.today"))?,
        };
        if let Some(t) = self.copy_threshold
            && !(0.0..=1.0).contains(&t)
        {
            return Err(Error::about(ErrorType::RatioRange { found: t.to_string() }, "options.copy_threshold"));
        }
        let copy_threshold = self.copy_threshold.unwrap_or(crate::across::compare::COPY_THRESHOLD);
        Ok(Resolved { lang: self.lang, enabled, severity, township_deadline, today, copy_threshold })
    }
}

fn parse_month_day(s: &str) -> Option<(u32, u32)> {
    let (m, d) = s.split_once('-')?;
    let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    // Checked against a leap year so that 02-29 is accepted.
    NaiveDate::from_ymd_opt(2024, m, d).map(|_| (m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every prefix of every code, and prefixes no code has: the rules a prefix switches off
    /// are those whose code starts with it, and a prefix of none is refused.
    #[test]
    fn a_prefix_switches_off_exactly_the_codes_it_starts() {
        let mut prefixes: Vec<String> = RULES.iter().flat_map(|r| (0..=r.code.len()).map(|n| r.code[..n].to_string())).collect();
        prefixes.extend(["GR0000", "GR4040", "GR9", "GR99", "GR000", "gr", "X", "GR40 ", "\u{0}"].map(String::from));
        prefixes.sort();
        prefixes.dedup();
        for prefix in &prefixes {
            let resolved = Options { disable: vec![prefix.clone()], today: Some("2024-06-30".into()), ..Options::default() }.resolve();
            let expected: Vec<bool> = RULES.iter().map(|r| prefix.is_empty() || !r.code.starts_with(prefix.as_str())).collect();
            match resolved {
                Ok(r) => {
                    assert!(expected.contains(&false), "{prefix:?} matches no code yet was taken");
                    assert_eq!(r.enabled, expected, "{prefix:?}");
                }
                Err(_) => assert!(prefix.is_empty() || !expected.contains(&false), "{prefix:?} matches codes yet was refused"),
            }
        }
        // Several prefixes together switch off the union.
        let r = Options { disable: vec!["GR4".into(), "GR101".into(), "GR9".into()], ..Options::default() }.resolve().expect("valid");
        let off: Vec<&str> = RULES.iter().zip(&r.enabled).filter(|(_, on)| !**on).map(|(r, _)| r.code).collect();
        assert!(off.iter().all(|c| c.starts_with("GR4") || *c == "GR101" || c.starts_with("GR9")));
        assert_eq!(off.len(), RULES.iter().filter(|r| r.code.starts_with("GR4") || r.code == "GR101" || r.code.starts_with("GR9")).count());
    }
}
