//! Languages, text held in both of them, and the one template syntax (`{name}`).

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Language of messages and rendered text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Chinese (the default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Parses "zh" or "en" (and their regional forms: zh-CN, en-US …).
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "zh" | "zh-CN" | "zh_CN" => Some(Lang::Zh),
            "en" | "en-US" | "en_US" | "en-GB" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A text in Chinese and English: the one way the library holds bilingual text. Static texts
/// are `Bilingual<&'static str>` (made with [`Bilingual::new`]), texts made at run time
/// `Bilingual<String>`.
///
/// ```
/// use govreport::{Bilingual, Lang};
/// const DONE: Bilingual = Bilingual::new("完成", "done");
/// assert_eq!(*DONE.get(Lang::En), "done");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Bilingual<T = &'static str> {
    /// Chinese.
    pub zh: T,
    /// English.
    pub en: T,
}

impl Bilingual<&'static str> {
    /// A static text.
    pub const fn new(zh: &'static str, en: &'static str) -> Self {
        Bilingual { zh, en }
    }
}

impl Bilingual<&'static str> {
    /// The text in `lang` with its `{name}` placeholders filled from `values`.
    ///
    /// ```
    /// use govreport::{Bilingual, Lang};
    /// const CHECKED: Bilingual = Bilingual::new("共检查 {n} 份报告", "Checked {n} report(s)");
    /// assert_eq!(CHECKED.format(Lang::En, &[("n", &3)]), "Checked 3 report(s)");
    /// ```
    pub fn format(&self, lang: Lang, values: &[(&str, &dyn std::fmt::Display)]) -> String {
        fill(self.get(lang), |name| values.iter().find(|(n, _)| *n == name).map(|(_, v)| Cow::Owned(v.to_string())))
    }
}

impl<T> Bilingual<T> {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// Both texts turned by `f`.
    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> Bilingual<U> {
        Bilingual { zh: f(self.zh), en: f(self.en) }
    }
}

impl<T: AsRef<str>> Bilingual<T> {
    /// Both texts as owned strings.
    pub fn to_owned(&self) -> Bilingual<String> {
        Bilingual { zh: self.zh.as_ref().to_string(), en: self.en.as_ref().to_string() }
    }
}

/// Fills the `{name}` placeholders of `template` with `value(name)`. A placeholder `value`
/// does not know is left as written, so that a test can find it; braces that do not enclose a
/// name (`{…}`) are text.
pub(crate) fn fill<'a>(template: &str, value: impl Fn(&str) -> Option<Cow<'a, str>>) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_len = after.bytes().take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_').count();
        if name_len > 0 && after.as_bytes().get(name_len) == Some(&b'}') {
            let name = &after[..name_len];
            match value(name) {
                Some(v) => out.push_str(&v),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
            rest = &after[name_len + 1..];
        } else {
            out.push('{');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of `template`, in order.
pub(crate) fn placeholders(template: &str) -> Vec<&str> {
    let mut out = vec![];
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let name_len = after.bytes().take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_').count();
        if name_len > 0 && after.as_bytes().get(name_len) == Some(&b'}') {
            out.push(&after[..name_len]);
            rest = &after[name_len + 1..];
        } else {
            rest = after;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_names_and_leaves_the_rest() {
        let t = "{cell} 有 {count} 个：{cells}（{…}）{missing}";
        let filled = fill(t, |n| match n {
            "cell" => Some(Cow::Borrowed("甲")),
            "count" => Some(Cow::Owned(2.to_string())),
            "cells" => Some(Cow::Borrowed("乙、丙")),
            _ => None,
        });
        assert_eq!(filled, "甲 有 2 个：乙、丙（{…}）{missing}");
        assert_eq!(placeholders(t), ["cell", "count", "cells", "missing"]);
    }
}
