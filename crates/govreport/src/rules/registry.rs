//! The registry of rules: every rule's code, in code order, with the family file that declares
//! it. It makes the [`Code`] of each rule and the ordered list [`RULES`] that `check`,
//! `compare`, `govreport rules`, `govreport explain`, SARIF and docs/rules.md read.
//!
//! To add a rule: declare it with [`super::define_rules!`] in the file of its family (texts, severity
//! and its check), list its code here, give it a fixture (tests/fixtures/NAME.json with
//! NAME.expect.toml), and run `bash scripts/regen.sh`.

use super::{Rule, cells, dates, document, prose, regime2007, tables, yearly};
use crate::across::{copies, indicators};
use crate::import::findings as import;

/// Makes [`Code`] and [`RULES`] from the list of families and their codes.
macro_rules! registry {
    ($($family:ident: [$($code:ident),* $(,)?]),* $(,)?) => {
        /// A rule's code as a value: `Code::GR201`. Every finding is made through one.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(clippy::upper_case_acronyms)]
        pub enum Code {
            $($(
                #[doc = concat!("Rule `", stringify!($code), "`.")]
                $code,
            )*)*
        }

        /// All rules, in code order.
        pub static RULES: &[&Rule] = &[$($(&$family::$code,)*)*];
    };
}

registry! {
    document: [GR001, GR002, GR003, GR004, GR005],
    cells: [GR010, GR011, GR012, GR013, GR014],
    tables: [GR101, GR102, GR103, GR104, GR201, GR202, GR203, GR301],
    prose: [GR401, GR402, GR403, GR404, GR405, GR406],
    dates: [GR501, GR502, GR503, GR504],
    yearly: [GR601, GR602, GR603, GR604, GR605, GR606],
    copies: [GR701],
    indicators: [GR702, GR703],
    regime2007: [GR801, GR802, GR803, GR804, GR805, GR806],
    import: [
        GR901, GR902, GR903, GR904, GR905, GR906, GR907, GR908, GR909, GR910, GR911, GR912, GR913, GR914, GR915, GR916, GR917, GR918, GR919, GR920,
    ],
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::placeholders;

    #[test]
    fn codes_are_in_order_and_each_rule_has_its_own() {
        for (i, r) in RULES.iter().enumerate() {
            assert_eq!(r.id as usize, i, "{} is listed at {i}", r.code);
            assert_eq!(format!("{:?}", r.id), r.code);
            assert!(r.code.len() == 5 && r.code.starts_with("GR") && r.code[2..].bytes().all(|b| b.is_ascii_digit()), "{}", r.code);
        }
        for w in RULES.windows(2) {
            assert!(w[0].code < w[1].code, "{} before {}", w[0].code, w[1].code);
            assert_ne!(w[0].name, w[1].name);
        }
    }

    /// Every message renders in both languages with no placeholder left, given the values its
    /// placeholders name (the checks' own values are rendered on the fixtures: see
    /// tests/fixtures.rs), and the two languages name the same placeholders.
    #[test]
    fn every_message_renders_in_both_languages() {
        for r in RULES {
            let mut zh: Vec<&str> = placeholders(r.message.zh);
            let mut en: Vec<&str> = placeholders(r.message.en);
            zh.sort_unstable();
            zh.dedup();
            en.sort_unstable();
            en.dedup();
            assert_eq!(zh, en, "{}: the two messages have different placeholders", r.code);
            for text in [r.message.zh, r.message.en] {
                let shown = crate::i18n::fill(text, |name| Some(std::borrow::Cow::Owned(format!("<{name}>"))));
                assert!(placeholders(&shown).is_empty(), "{}: {shown}", r.code);
            }
            for text in [r.title.zh, r.title.en, r.explanation.zh, r.explanation.en] {
                assert!(!text.trim().is_empty() && placeholders(text).is_empty(), "{}: {text:?}", r.code);
            }
        }
    }
}
