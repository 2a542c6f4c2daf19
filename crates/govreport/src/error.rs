//! Errors for input that is not a report document, and for values a caller gives that cannot be
//! used. Findings are not errors: see [`crate::Finding`].
//!
//! An error is data (after pydantic-core): one or more [`Problem`]s, each with its
//! [`ErrorType`] — a kind with typed context — and its place (a JSON pointer into the document,
//! or the name of what the caller gave). Every kind has one message template per language, with
//! `{name}` placeholders filled from its context; no text of serde or serde_json is read or
//! shown. A document's structural problems are all reported (up to [`MAX_PROBLEMS`]).

use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::i18n::{Bilingual, Lang, fill};

/// Most problems one error lists; more are counted.
pub const MAX_PROBLEMS: usize = 100;

/// The broad kind of an error: what a program branches on (C statuses, Python's `kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// The input is larger than [`crate::limits::MAX_INPUT_BYTES`].
    TooLarge,
    /// The input is not UTF-8.
    Utf8,
    /// The input is not JSON (or nests too deep).
    Syntax,
    /// The JSON does not fit the document.
    Structure,
    /// `format` names no known format.
    UnknownFormat,
    /// A value given by a caller (options, a pointer, a setting, files) cannot be used.
    Invalid,
}

impl Category {
    /// The snake_case name: `too_large`, `utf8`, `syntax`, `structure`, `unknown_format`, `invalid`.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::TooLarge => "too_large",
            Category::Utf8 => "utf8",
            Category::Syntax => "syntax",
            Category::Structure => "structure",
            Category::UnknownFormat => "unknown_format",
            Category::Invalid => "invalid",
        }
    }
}

/// What a value was expected to be, for [`ErrorType::WrongType`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    /// An object (`{…}`).
    Object,
    /// A list (`[…]`).
    List,
    /// A string.
    Text,
    /// A number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// A whole number in a range.
    Integer {
        /// The smallest accepted.
        min: i128,
        /// The largest accepted.
        max: i128,
    },
    /// A count cell: a whole number ≥ 0, null or "/".
    Count,
    /// A signed count cell.
    SignedCount,
    /// An amount cell: a decimal string, null or "/".
    Amount,
    /// A date written YYYY-MM-DD.
    Date,
    /// One of the values listed (as they are written in JSON).
    OneOf(Vec<String>),
}

/// What a value was, for [`ErrorType::WrongType`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean(bool),
    /// A number, as written.
    Number(String),
    /// A string.
    Text(String),
    /// An object.
    Object,
    /// A list.
    List,
}

impl Found {
    /// What `value` is.
    pub fn of(value: &Value) -> Found {
        match value {
            Value::Null => Found::Null,
            Value::Bool(b) => Found::Boolean(*b),
            Value::Number(n) => Found::Number(n.to_string()),
            Value::String(s) => Found::Text(s.clone()),
            Value::Object(_) => Found::Object,
            Value::Array(_) => Found::List,
        }
    }
}

/// What is wrong with the JSON syntax, for [`ErrorType::JsonSyntax`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonProblem {
    /// The text ends inside a value.
    EndInValue,
    /// The text ends inside a string.
    EndInString,
    /// The text ends inside an object.
    EndInObject,
    /// The text ends inside a list.
    EndInList,
    /// A value was expected here.
    ExpectedValue,
    /// `:` was expected after a key.
    ExpectedColon,
    /// `,` or `}` was expected.
    ExpectedCommaOrBrace,
    /// `,` or `]` was expected.
    ExpectedCommaOrBracket,
    /// A key (a string) was expected.
    KeyMustBeString,
    /// Text follows the JSON value.
    TrailingCharacters,
    /// A comma before `}` or `]`.
    TrailingComma,
    /// `true`, `false` or `null` was expected.
    ExpectedLiteral,
    /// An invalid escape in a string.
    InvalidEscape,
    /// An invalid number.
    InvalidNumber,
    /// A number too large to be represented.
    NumberOutOfRange,
    /// A control character inside a string.
    ControlCharacter,
    /// An invalid `\u` escape (a lone surrogate).
    InvalidUnicode,
    /// Nesting deeper than [`crate::limits::MAX_DEPTH`] levels.
    TooDeep,
    /// Not valid JSON here (no more precise reason).
    Invalid,
}

impl JsonProblem {
    fn text(self) -> Bilingual {
        use JsonProblem as P;
        match self {
            P::EndInValue => Bilingual::new("文本在一个值的中途结束", "EOF while parsing a value"),
            P::EndInString => Bilingual::new("文本在一个字符串的中途结束（缺少 `\"`）", "EOF while parsing a string"),
            P::EndInObject => Bilingual::new("文本在一个对象的中途结束（缺少 `}`）", "EOF while parsing an object"),
            P::EndInList => Bilingual::new("文本在一个列表的中途结束（缺少 `]`）", "EOF while parsing a list"),
            P::ExpectedValue => Bilingual::new("此处应为一个值", "expected value"),
            P::ExpectedColon => Bilingual::new("此处应为 `:`", "expected `:`"),
            P::ExpectedCommaOrBrace => Bilingual::new("此处应为 `,` 或 `}`", "expected `,` or `}`"),
            P::ExpectedCommaOrBracket => Bilingual::new("此处应为 `,` 或 `]`", "expected `,` or `]`"),
            P::KeyMustBeString => Bilingual::new("键必须是字符串", "key must be a string"),
            P::TrailingCharacters => Bilingual::new("JSON 之后还有多余的字符", "trailing characters"),
            P::TrailingComma => Bilingual::new("多余的逗号", "trailing comma"),
            P::ExpectedLiteral => Bilingual::new("此处应为 true、false 或 null", "expected true, false or null"),
            P::InvalidEscape => Bilingual::new("无效的转义序列", "invalid escape"),
            P::InvalidNumber => Bilingual::new("无效的数字", "invalid number"),
            P::NumberOutOfRange => Bilingual::new("数字超出范围", "number out of range"),
            P::ControlCharacter => {
                Bilingual::new("字符串中有控制字符（\\u0000-\\u001F），应转义", "control character (\\u0000-\\u001F) found while parsing a string")
            }
            P::InvalidUnicode => Bilingual::new("无效的 Unicode 转义（孤立的代理项）", "invalid unicode escape (a lone surrogate)"),
            P::TooDeep => Bilingual::new("嵌套超过 {limit} 层", "nesting deeper than {limit} levels"),
            P::Invalid => Bilingual::new("此处不是有效的 JSON", "not JSON here"),
        }
    }
}

/// A value of an error's context: shown in a message, and written in its JSON.
trait Context {
    fn show(&self, lang: Lang) -> String;
    fn json(&self) -> Value;
}

macro_rules! plain_context {
    ($($t:ty),*) => {$(
        impl Context for $t {
            fn show(&self, _: Lang) -> String {
                self.to_string()
            }
            fn json(&self) -> Value {
                serde_json::json!(self)
            }
        }
    )*};
}
plain_context!(u64, usize, i128, u16, String, &'static str);

impl Context for Vec<String> {
    fn show(&self, lang: Lang) -> String {
        let quoted: Vec<String> = self.iter().map(|s| format!("`{s}`")).collect();
        quoted.join(if lang == Lang::Zh { "、" } else { ", " })
    }
    fn json(&self) -> Value {
        serde_json::json!(self)
    }
}

impl Expected {
    /// What is expected, in words.
    pub fn describe(&self, lang: Lang) -> String {
        let text = |zh, en| Bilingual::new(zh, en).get(lang).to_string();
        match self {
            Expected::Object => text("对象（{…}）", "an object ({…})"),
            Expected::List => text("列表（[…]）", "a list ([…])"),
            Expected::Text => text("字符串", "a string"),
            Expected::Number => text("数", "a number"),
            Expected::Boolean => text("true 或 false", "true or false"),
            Expected::Integer { min, max } => fill(Bilingual::new("整数（{min} 到 {max}）", "a whole number from {min} to {max}").get(lang), |n| match n {
                "min" => Some(min.to_string().into()),
                "max" => Some(max.to_string().into()),
                _ => None,
            }),
            Expected::Count => text("不小于 0 的整数、null（空白）或 \"/\"（不适用）", "a whole number ≥ 0, null (blank) or \"/\" (not applicable)"),
            Expected::SignedCount => {
                text("整数（可为负数）、null（空白）或 \"/\"（不适用）", "a whole number (may be negative), null (blank) or \"/\" (not applicable)")
            }
            Expected::Amount => {
                text("小数字符串（如 \"0.092\"）、null（空白）或 \"/\"（不适用）", "a decimal string such as \"0.092\", null (blank) or \"/\" (not applicable)")
            }
            Expected::Date => text("写作 YYYY-MM-DD 的日期字符串", "a date written YYYY-MM-DD"),
            Expected::OneOf(values) => {
                let list = values.join(crate::rules::LIST_SEPARATOR.get(lang));
                fill(Bilingual::new("{list} 之一", "one of {list}").get(lang), |n| (n == "list").then(|| list.as_str().into()))
            }
        }
    }
}

impl Context for Expected {
    fn show(&self, lang: Lang) -> String {
        self.describe(lang)
    }
    fn json(&self) -> Value {
        Value::String(self.describe(Lang::En))
    }
}

impl Found {
    /// What was found, in words.
    pub fn describe(&self, lang: Lang) -> String {
        let with = |template: Bilingual, value: String| fill(template.get(lang), |n| (n == "value").then(|| value.as_str().into()));
        match self {
            Found::Null => "null".into(),
            Found::Boolean(b) => with(Bilingual::new("布尔值 {value}", "the boolean {value}"), b.to_string()),
            Found::Number(n) => with(Bilingual::new("数 {value}", "the number {value}"), n.clone()),
            Found::Text(s) => with(Bilingual::new("字符串 {value}", "the string {value}"), format!("{s:?}")),
            Found::Object => Bilingual::new("对象（{…}）", "an object ({…})").get(lang).to_string(),
            Found::List => Bilingual::new("列表（[…]）", "a list ([…])").get(lang).to_string(),
        }
    }
}

impl Context for Found {
    fn show(&self, lang: Lang) -> String {
        self.describe(lang)
    }
    fn json(&self) -> Value {
        match self {
            Found::Null => Value::Null,
            Found::Boolean(b) => Value::Bool(*b),
            Found::Number(n) => serde_json::from_str(n).unwrap_or(Value::String(n.clone())),
            Found::Text(s) => Value::String(s.clone()),
            Found::Object => Value::String("object".into()),
            Found::List => Value::String("list".into()),
        }
    }
}

impl Context for JsonProblem {
    fn show(&self, lang: Lang) -> String {
        fill(self.text().get(lang), |name| (name == "limit").then(|| crate::limits::MAX_DEPTH.to_string().into()))
    }
    fn json(&self) -> Value {
        Value::String(format!("{self:?}"))
    }
}

/// Declares the error types: each with its name (as in JSON), its typed context, its category
/// and its message template in Chinese and English.
macro_rules! error_types {
    ($(
        $(#[$doc:meta])*
        $variant:ident $({ $($(#[$fdoc:meta])* $field:ident: $ty:ty),* $(,)? })? = $name:literal, $category:ident,
            $zh:literal, $en:literal;
    )*) => {
        /// What is wrong, with its typed context: one message template per language.
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum ErrorType {
            $(
                $(#[$doc])*
                $variant $({ $($(#[$fdoc])* #[doc = concat!("`{", stringify!($field), "}` in the message.")] $field: $ty),* })?,
            )*
        }

        impl ErrorType {
            /// The stable snake_case name of the type, e.g. `negative_count`.
            pub fn name(&self) -> &'static str {
                match self { $(ErrorType::$variant { .. } => $name,)* }
            }

            /// The broad kind it belongs to.
            pub fn category(&self) -> Category {
                match self { $(ErrorType::$variant { .. } => Category::$category,)* }
            }

            /// The message template, with `{name}` placeholders for the context.
            pub fn template(&self) -> Bilingual {
                match self { $(ErrorType::$variant { .. } => Bilingual::new($zh, $en),)* }
            }

            /// The context by name, each value shown in `lang`.
            fn context(&self, lang: Lang) -> Vec<(&'static str, String)> {
                #[allow(unused_variables)]
                match self {
                    $(ErrorType::$variant $({ $($field),* })? => vec![$($((stringify!($field), Context::show($field, lang)),)*)?],)*
                }
            }

            /// The context as JSON.
            pub fn context_json(&self) -> Map<String, Value> {
                #[allow(unused_variables)]
                match self {
                    $(ErrorType::$variant $({ $($field),* })? => {
                        #[allow(unused_mut)]
                        let mut m = Map::new();
                        $($(m.insert(stringify!($field).into(), Context::json($field));)*)?
                        m
                    })*
                }
            }

            /// Every type with placeholder values, for the test of the templates.
            #[cfg(test)]
            fn names() -> Vec<&'static str> {
                vec![$($name),*]
            }
        }
    };
}

error_types! {
    /// The input is larger than the limit.
    TooLarge { size: u64, limit: u64 } = "too_large", TooLarge,
        "输入有 {size} 字节，超过上限 {limit} 字节", "input is {size} bytes; the limit is {limit} bytes";
    /// The input is not UTF-8.
    InvalidUtf8 { offset: usize, line: usize, column: usize } = "invalid_utf8", Utf8,
        "第 {line} 行第 {column} 列（第 {offset} 字节）不是有效的 UTF-8 编码", "input is not valid UTF-8 at byte {offset} (line {line}, column {column})";
    /// The input is not JSON at a place.
    JsonSyntax { line: usize, column: usize, problem: JsonProblem } = "json_syntax", Syntax,
        "第 {line} 行第 {column} 列不是有效的 JSON：{problem}", "not valid JSON at line {line}, column {column}: {problem}";
    /// The document is not an object.
    NotAnObject = "not_an_object", Structure,
        "报告文档应为 JSON 对象（{…}）", "a report document is a JSON object ({…})";
    /// The document has no `format`.
    MissingFormat = "missing_format", Structure,
        "缺少字段 `format`（应为 \"2021\"、\"2019\" 或 \"2007\"）", "missing field `format` (\"2021\", \"2019\" or \"2007\")";
    /// `format` is not a string.
    FormatNotString { found: String } = "format_not_string", Structure,
        "format 应为字符串，如 \"2021\"，实为 {found}", "format is a string such as \"2021\", found {found}";
    /// `format` names no format.
    UnknownFormat { found: String } = "unknown_format", UnknownFormat,
        "未知的报告格式 {found}，应为 \"2021\"、\"2019\" 或 \"2007\"", "unknown format {found}; expected \"2021\", \"2019\" or \"2007\"";
    /// A list where the document has an object.
    ListForObject = "list_for_object", Structure,
        "应为对象（{…}），实为列表（[…]）", "expected an object ({…}), found a list ([…])";
    /// A key the document does not have here.
    UnknownField { field: String, expected: Vec<String> } = "unknown_field", Structure,
        "未知字段 `{field}`：此处的字段只能是 {expected}", "unknown field `{field}`, expected one of {expected}";
    /// A key the document must have.
    MissingField { field: String } = "missing_field", Structure,
        "缺少字段 `{field}`", "missing field `{field}`";
    /// A key given twice in one object.
    DuplicateKey { key: String } = "duplicate_key", Structure,
        "字段 `{key}` 重复出现", "the key `{key}` appears twice";
    /// A value of the wrong type.
    WrongType { expected: Expected, found: Found } = "wrong_type", Structure,
        "应为{expected}，实为{found}", "expected {expected}, found {found}";
    /// A value that is not one of those allowed.
    UnknownValue { found: String, expected: Vec<String> } = "unknown_value", Structure,
        "未知取值 `{found}`：应为 {expected} 之一", "unknown value `{found}`, expected one of {expected}";
    /// A negative count.
    NegativeCount { value: String } = "negative_count", Structure,
        "数量不能为负数，实为 {value}", "a count cannot be negative, found {value}";
    /// A count past the largest.
    CountTooLarge { value: String, max: u64 } = "count_too_large", Structure,
        "数量 {value} 超过上限 {max}", "count {value} is larger than {max}";
    /// A count with a fraction.
    CountNotWhole { value: String } = "count_not_whole", Structure,
        "数量应为整数，实为 {value}", "a count is a whole number, found {value}";
    /// A signed count past the largest.
    NumberTooLarge { value: String, max: String } = "number_too_large", Structure,
        "数 {value} 超过上限 {max}", "number {value} is larger than {max}";
    /// A whole number that cannot be represented.
    NumberOutOfRange { value: String } = "number_out_of_range", Structure,
        "数 {value} 超出范围", "number {value} is out of range";
    /// A whole number past 2^53 written with a decimal point or an exponent: its digits cannot
    /// be known exactly.
    NumberNotExact { value: String } = "number_not_exact", Structure,
        "数 {value} 写成了小数或指数形式，且大于 2^53（9007199254740992），无法确定其精确值；请写成不带小数点和指数的整数",
        "number {value} is written with a decimal point or an exponent and is above 2^53 (9007199254740992), so its exact value cannot be known; write it as a whole number without them";
    /// A whole number with a fraction.
    NotWhole { value: String } = "not_whole", Structure,
        "应为整数，实为 {value}", "expected a whole number, found {value}";
    /// An amount not written as the decimal strings the document takes.
    AmountShape { text: String } = "amount_shape", Structure,
        "金额应写为小数字符串，如 \"0.092\"（整数部分至多 15 位，小数部分至多 12 位，不带符号），实为 {text}",
        "an amount is a decimal string such as \"0.092\" (at most 15 digits before the point and 12 after, no sign), found {text}";
    /// An amount written as a JSON number.
    AmountAsNumber { value: String } = "amount_as_number", Structure,
        "金额应写为小数字符串（\"{value}\"），以保留其精度", "write an amount as a decimal string (\"{value}\") so that its precision is kept";
    /// A negative amount.
    NegativeAmount { value: String } = "negative_amount", Structure,
        "金额不能为负数，实为 {value}", "an amount cannot be negative, found {value}";
    /// A date not written YYYY-MM-DD.
    DateShape { found: String } = "date_shape", Structure,
        "日期应写为 YYYY-MM-DD，实为 {found}", "a date is written YYYY-MM-DD, found {found}";
    /// The document could not be read for a reason the checks above do not name (a bug).
    Unexplained = "unexplained", Structure,
        "文档无法读取（原因未能确定，请报告此问题）", "the document cannot be read (the reason was not found; please report this)";

    /// A rule code that names no rule (in options.severity).
    UnknownRuleCode { code: String } = "unknown_rule_code", Invalid,
        "{code} 不是规则代码", "{code} is not a rule code";
    /// A prefix that matches no rule code (in options.disable).
    NoRuleMatches { prefix: String } = "no_rule_matches", Invalid,
        "{prefix} 不对应任何规则代码", "{prefix} matches no rule code";
    /// A month and day not written MM-DD.
    BadMonthDay { found: String } = "bad_month_day", Invalid,
        "应为 MM-DD 形式的日期，如 \"02-20\"，实为 {found}", "expected MM-DD such as \"02-20\", found {found}";
    /// A date not written YYYY-MM-DD, or no calendar date.
    BadDate { found: String } = "bad_date", Invalid,
        "应为 YYYY-MM-DD 形式的日期，实为 {found}", "expected a date YYYY-MM-DD, found {found}";
    /// A ratio outside 0–1.
    RatioRange { found: String } = "ratio_range", Invalid,
        "应为 0 到 1 之间的数，实为 {found}", "expected a number from 0 to 1, found {found}";
    /// A JSON pointer that does not start with "/".
    PointerSyntax = "pointer_syntax", Invalid,
        "JSON 指针应以 \"/\" 开头", "a JSON pointer starts with \"/\"";
    /// A pointer that names no field of the format.
    NoSuchField { format: &'static str } = "no_such_field", Invalid,
        "不是 \"{format}\" 格式报告的字段", "names no field of a \"{format}\" report";
    /// The whole document cannot be replaced or removed.
    WholeDocument = "whole_document", Invalid,
        "不能替换或删除整个文档；请读取一份新的文档", "cannot replace or remove the whole document; parse a new one";
    /// The format of a report cannot be changed.
    FormatFixed = "format_fixed", Invalid,
        "报告的格式不能更改", "the format of a report cannot be changed";
    /// A row of （六）其他处理 in the other shape than the one the document holds.
    OtherLayoutHeld = "other_layout_held", Invalid,
        "（六）其他处理已按另一种样式填写（一行，或三个子项）；先删除其中的数字再换样式",
        "(6) other handling already holds the other layout (one row, or three sub-rows); remove its figures before switching";
    /// A list index that is not a number.
    NotAnIndex = "not_an_index", Invalid,
        "应为列表下标", "expected an array index";
    /// A list index past the end.
    NoItem { index: usize, len: usize } = "no_item", Invalid,
        "没有第 {index} 项（列表有 {len} 项）", "no item {index} (the list has {len})";
    /// A pointer that goes through a value that is not an object or a list.
    NotAContainer = "not_a_container", Invalid,
        "不是对象或列表", "is not an object or a list";
    /// The input is empty.
    EmptyInput = "empty_input", Invalid,
        "输入为空", "the input is empty";
    /// Options given as text that holds no JSON value (only NULL or no options mean the defaults).
    EmptyOptions = "empty_options", Invalid,
        "选项为空；要用默认选项请写空对象，或不给选项", "the options are empty; write an empty object for the defaults, or give no options";
    /// A change that would make the document larger than it can be read back.
    DocumentTooLarge { size: u64, limit: u64 } = "document_too_large", TooLarge,
        "改动后文档将有 {size} 字节，超过上限 {limit} 字节（将无法再读入），未改动", "the document would be {size} bytes, over the limit of {limit} bytes (it could not be read back); not changed";
    /// A binary format the importer does not read.
    UnreadableFormat { what: Bilingual } = "unreadable_format", Invalid,
        "输入是{what}", "the input is {what}";
    /// An encoding label that names no encoding.
    UnknownEncoding { label: String } = "unknown_encoding", Invalid,
        "{label} 不是编码名称（可用 \"utf-8\"、\"gb18030\" 或 \"gbk\"）", "{label} is not an encoding label (try \"utf-8\", \"gb18030\" or \"gbk\")";
    /// A source kind that is not one.
    UnknownSourceKind { found: String } = "unknown_source_kind", Invalid,
        "{found} 不是来源类型（json、html、text、docx 或 pdf）", "{found} is not a source kind (json, html, text, docx or pdf)";
    /// A format name that is not one (in import options).
    UnknownFormatName { found: String } = "unknown_format_name", Invalid,
        "{found} 不是报告格式（\"2007\"、\"2019\" 或 \"2021\"）", "{found} is not a format (\"2007\", \"2019\" or \"2021\")";
    /// The source states no reporting year.
    NoYear = "no_year", Invalid,
        "来源中没有报告年度（没有“…2023年政府信息公开工作年度报告”这样的标题、统计期限或任何年份）；请在导入选项中给出",
        "the source states no reporting year (no title such as …2023年政府信息公开工作年度报告, no statistics period, no year at all); give it in the import options";
    /// A Word file that cannot be read.
    BadDocx { problem: Bilingual<String> } = "bad_docx", Invalid,
        "Word 文件无法读取：{problem}", "the Word file cannot be read: {problem}";
    /// A PDF file that cannot be read at all (no cross-reference table, catalog or pages).
    PdfBroken = "pdf_broken", Invalid,
        "文件不是可读取的 PDF：找不到交叉引用表、目录或页面树，修复后也无法读取",
        "the file is not a readable PDF: no cross-reference table, catalog or page tree can be found, even by repair";
    /// A PDF encrypted with a user password.
    PdfEncrypted = "pdf_encrypted", Invalid,
        "PDF 已加密，没有密码无法打开", "the PDF is encrypted and cannot be opened without a password";
    /// A PDF whose pages are images (a scan): no OCR is done.
    PdfScanned = "pdf_scanned", Invalid,
        "PDF 没有文字层：页面是图像（扫描件）；govreport 不从图像中识别文字（不做 OCR），请导入报告原来的文字或网页",
        "the PDF has no text layer: its pages are images (a scan); govreport does not read text from images (no OCR): import the text or HTML the report was made from";
    /// A PDF with no text on any page.
    PdfNoText = "pdf_no_text", Invalid,
        "PDF 的各页都没有文字", "the PDF has no text on any page";
    /// A PDF whose fonts give no Unicode for most of its text.
    PdfUnmapped = "pdf_unmapped", Invalid,
        "PDF 的字体没有给出大部分文字的 Unicode（没有 ToUnicode 映射，也不是已知编码），无法读取文字",
        "the PDF's fonts give no Unicode for most of its text (no ToUnicode map, no known encoding): the text cannot be read";
    /// A PDF past the import's limit of pages.
    PdfTooManyPages { limit: usize } = "pdf_too_many_pages", Invalid,
        "PDF 超过 {limit} 页", "the PDF has more than {limit} pages";
    /// A PDF past the import's limit of objects.
    PdfTooManyObjects { limit: usize } = "pdf_too_many_objects", Invalid,
        "PDF 的对象超过 {limit} 个", "the PDF has more than {limit} objects";
    /// A PDF whose streams decode to more than the import's limit.
    PdfDecodesTooLarge { limit_mib: u64 } = "pdf_decodes_too_large", Invalid,
        "PDF 的数据流解压后超过 {limit_mib} MiB", "the PDF's streams decode to more than {limit_mib} MiB";
    /// A PDF whose pages run more content operators than the import's limit.
    PdfTooManyOperators { limit: u64 } = "pdf_too_many_operators", Invalid,
        "PDF 页面的内容指令超过 {limit} 条", "the PDF's pages run more than {limit} content operators";
    /// A PDF that shows more glyphs than the import's limit.
    PdfTooManyGlyphs { limit: u64 } = "pdf_too_many_glyphs", Invalid,
        "PDF 显示的字形超过 {limit} 个", "the PDF shows more than {limit} glyphs";
    /// No report to roll up.
    NothingToRollUp = "nothing_to_roll_up", Invalid,
        "没有可汇总的报告", "no report to roll up";
    /// 2007-regime reports cannot be rolled up.
    ProseCannotRollUp = "prose_cannot_roll_up", Invalid,
        "2007 年制度的报告是文字报告，没有可汇总的表格", "2007-regime reports are prose and have no tables to roll up";
    /// Reports of different formats or years in one roll-up.
    MixedReports { format: &'static str, year: u16, first_format: &'static str, first_year: u16 } = "mixed_reports", Invalid,
        "{year} 年度的 {format} 格式与第一份报告（{first_year} 年度的 {first_format} 格式）不同",
        "format {format} for {year} differs from the first report's format {first_format} for {first_year}";
    /// A sum past the largest count.
    SumTooLarge = "sum_too_large", Invalid,
        "合计超过最大的数量", "the sum is larger than the largest count";
    /// Amounts of different kinds in one sum (a bug).
    CannotAdd { unit: String } = "cannot_add", Invalid,
        "无法把 {unit} 的数字与其他单位相加", "cannot add {unit}'s figure to the others";
    /// A cell the roll-up does not know (a bug).
    UnknownCell = "unknown_cell", Invalid,
        "汇总不认识这个单元格", "the roll-up does not know this cell";
    /// A symbolic link back into a folder being walked.
    LinkLoop { target: String } = "link_loop", Invalid,
        "符号链接指回上层文件夹 {target}，形成循环，未进入", "a symbolic link back to the folder {target} above it makes a loop; not entered";
    /// A file or stream that could not be read (the system's words).
    Io { message: String } = "io", Invalid,
        "无法读取：{message}", "cannot be read: {message}";
    /// A value that does not fit the call (said by a binding).
    Argument { problem: Bilingual<String> } = "argument", Invalid,
        "{problem}", "{problem}";
}

impl Context for Bilingual {
    fn show(&self, lang: Lang) -> String {
        self.get(lang).to_string()
    }
    fn json(&self) -> Value {
        Value::String(self.en.to_string())
    }
}

impl Context for Bilingual<String> {
    fn show(&self, lang: Lang) -> String {
        self.get(lang).clone()
    }
    fn json(&self) -> Value {
        Value::String(self.en.clone())
    }
}

impl ErrorType {
    /// The message in `lang`, without its place.
    pub fn message(&self, lang: Lang) -> String {
        let context = self.context(lang);
        fill(self.template().get(lang), |name| context.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone().into()))
    }
}

impl fmt::Display for ErrorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// One thing wrong, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong.
    pub error_type: ErrorType,
    /// The RFC 6901 pointer of the value in the document ("" for the whole), when the problem
    /// is about a place in a document.
    pub pointer: Option<String>,
    /// What the caller gave (an option, a pointer, a file …), when the problem is about it.
    pub what: Option<String>,
    /// Its broad kind: that of its type, but [`Category::Invalid`] for a problem in a value a
    /// caller gave (the options of a check …).
    pub category: Category,
}

impl Problem {
    /// A problem about the value at `pointer` in a document.
    pub fn at(error_type: ErrorType, pointer: impl Into<String>) -> Problem {
        Problem { category: error_type.category(), error_type, pointer: Some(pointer.into()), what: None }
    }

    /// The message in `lang`, after its place: `/requests/new/total：…`, `options.today: …`.
    pub fn message(&self, lang: Lang) -> String {
        let text = self.error_type.message(lang);
        let place = match (&self.pointer, &self.what) {
            (Some(p), _) if p.is_empty() => Bilingual::new("文档", "the document").get(lang).to_string(),
            (Some(p), _) => p.clone(),
            (None, Some(w)) => w.clone(),
            (None, None) => return text,
        };
        fill(Bilingual::new("{place}：{text}", "{place}: {text}").get(lang), |n| match n {
            "place" => Some(place.as_str().into()),
            "text" => Some(text.as_str().into()),
            _ => None,
        })
    }
}

/// Why bytes could not be read as a report document, or why a value given by a caller cannot
/// be used: one or more [`Problem`]s (all the structural problems of a document, up to
/// [`MAX_PROBLEMS`]), the first of which sets [`Error::kind`] and [`Error::pointer`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    problems: Vec<Problem>,
    /// Problems found past [`MAX_PROBLEMS`], not listed.
    more: usize,
}

impl Error {
    /// An error of one problem, not tied to a place.
    pub fn new(error_type: ErrorType) -> Error {
        Error { problems: vec![Problem { category: error_type.category(), error_type, pointer: None, what: None }], more: 0 }
    }

    /// An error about the value at `pointer` in a document.
    pub fn at(error_type: ErrorType, pointer: impl Into<String>) -> Error {
        Error { problems: vec![Problem::at(error_type, pointer)], more: 0 }
    }

    /// An error about `what` a caller gave (an option's name, a pointer, a file).
    pub fn about(error_type: ErrorType, what: impl Into<String>) -> Error {
        Error { problems: vec![Problem { category: Category::Invalid, error_type, pointer: None, what: Some(what.into()) }], more: 0 }
    }

    /// The same error about a value a caller gave, named `what` (`options`): each place in it
    /// becomes part of the name (`options/severity/GR402`), and the kind is `invalid`.
    pub fn given_as(mut self, what: &str) -> Error {
        for p in &mut self.problems {
            let place = p.pointer.take().unwrap_or_default();
            p.what = Some(format!("{what}{place}"));
            p.category = Category::Invalid;
        }
        self
    }

    /// An error of several problems (at least one); past [`MAX_PROBLEMS`] they are counted.
    pub(crate) fn of(mut problems: Vec<Problem>) -> Error {
        debug_assert!(!problems.is_empty());
        let more = problems.len().saturating_sub(MAX_PROBLEMS);
        problems.truncate(MAX_PROBLEMS);
        Error { problems, more }
    }

    /// The same error, every problem's place given under `prefix`: a problem of a document
    /// that was item `what` of a call (`reports[2]`, `/2`).
    pub fn within(mut self, what: &str, pointer_prefix: &str) -> Error {
        for p in &mut self.problems {
            if let Some(ptr) = &mut p.pointer {
                *ptr = format!("{pointer_prefix}{ptr}");
            }
            p.what = Some(match p.what.take() {
                Some(w) => format!("{what}: {w}"),
                None => what.to_string(),
            });
        }
        self
    }

    /// The first problem.
    pub fn first(&self) -> &Problem {
        &self.problems[0]
    }

    /// Every problem listed.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// How many problems were found past the ones listed.
    pub fn more(&self) -> usize {
        self.more
    }

    /// The type of the first problem.
    pub fn error_type(&self) -> &ErrorType {
        &self.first().error_type
    }

    /// A short stable name of the kind of error, for programs: `too_large`, `utf8`, `syntax`,
    /// `structure`, `unknown_format` or `invalid`.
    pub fn kind(&self) -> &'static str {
        self.first().category.as_str()
    }

    /// The JSON pointer of the first problem, when it is about a place in a document.
    pub fn pointer(&self) -> Option<&str> {
        self.first().pointer.as_deref()
    }

    /// The message in `lang`: every problem on a line of its own, and how many more there were.
    pub fn message(&self, lang: Lang) -> String {
        let mut lines: Vec<String> = self.problems.iter().map(|p| p.message(lang)).collect();
        if self.more > 0 {
            let more = Bilingual::new("（另有 {more} 处问题未列出）", "(and {more} more problem(s) not listed)");
            lines.push(fill(more.get(lang), |n| (n == "more").then(|| self.more.to_string().into())));
        }
        lines.join("\n")
    }

    /// The one serialized shape of an error, on every surface (the command's JSON, the C
    /// batch, Python's `ReportError.errors`), messages in `lang`:
    /// `{"kind","pointer","message","errors":[{"type","pointer","what","message","context"}…],"more"}`.
    pub fn json(&self, lang: Lang) -> ErrorJson<'_> {
        let errors = self
            .problems
            .iter()
            .map(|p| ProblemJson {
                r#type: p.error_type.name(),
                pointer: p.pointer.as_deref(),
                what: p.what.as_deref(),
                message: p.message(lang),
                context: p.error_type.context_json(),
            })
            .collect();
        ErrorJson { kind: self.kind(), pointer: self.pointer(), message: self.message(lang), errors, more: self.more }
    }

    /// [`Error::json`] as JSON text.
    pub fn to_json(&self, lang: Lang) -> String {
        serde_json::to_string(&self.json(lang)).unwrap_or_default()
    }
}

/// The serialized shape of an [`Error`] (see [`Error::json`]).
#[derive(Clone, Debug, Serialize)]
pub struct ErrorJson<'a> {
    /// [`Error::kind`].
    pub kind: &'static str,
    /// [`Error::pointer`].
    pub pointer: Option<&'a str>,
    /// [`Error::message`].
    pub message: String,
    /// Every problem listed.
    pub errors: Vec<ProblemJson<'a>>,
    /// [`Error::more`].
    pub more: usize,
}

/// The serialized shape of a [`Problem`].
#[derive(Clone, Debug, Serialize)]
pub struct ProblemJson<'a> {
    /// [`ErrorType::name`].
    pub r#type: &'static str,
    /// [`Problem::pointer`].
    pub pointer: Option<&'a str>,
    /// [`Problem::what`].
    pub what: Option<&'a str>,
    /// [`Problem::message`].
    pub message: String,
    /// The typed context, by name.
    pub context: Map<String, Value>,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {}

impl From<ErrorType> for Error {
    fn from(t: ErrorType) -> Error {
        Error::new(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_names_only_its_context() {
        let samples = [
            ErrorType::TooLarge { size: 1, limit: 2 },
            ErrorType::UnknownField { field: "phone".into(), expected: vec!["name".into(), "kind".into()] },
            ErrorType::WrongType { expected: Expected::Integer { min: 0, max: 65535 }, found: Found::Text("2022".into()) },
            ErrorType::JsonSyntax { line: 3, column: 13, problem: JsonProblem::TooDeep },
            ErrorType::MixedReports { format: "2019", year: 2020, first_format: "2021", first_year: 2023 },
        ];
        for t in &samples {
            for lang in [Lang::Zh, Lang::En] {
                let m = t.message(lang);
                assert!(crate::i18n::placeholders(&m).is_empty(), "{}: {m}", t.name());
            }
        }
        assert_eq!(samples[2].message(Lang::En), "expected a whole number from 0 to 65535, found the string \"2022\"");
        assert_eq!(samples[2].message(Lang::Zh), "应为整数（0 到 65535），实为字符串 \"2022\"");
        assert_eq!(samples[3].message(Lang::En), "not valid JSON at line 3, column 13: nesting deeper than 32 levels");
        // Names are unique.
        let mut names = ErrorType::names();
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n);
    }

    #[test]
    fn an_error_lists_its_problems_and_counts_the_rest() {
        let problems: Vec<Problem> = (0..105).map(|i| Problem::at(ErrorType::NegativeCount { value: format!("-{i}") }, format!("/x/{i}"))).collect();
        let e = Error::of(problems);
        assert_eq!((e.problems().len(), e.more(), e.kind(), e.pointer()), (100, 5, "structure", Some("/x/0")));
        let m = e.message(Lang::En);
        assert!(m.starts_with("/x/0: a count cannot be negative, found -0\n/x/1: "), "{m}");
        assert!(m.ends_with("(and 5 more problem(s) not listed)"), "{m}");
        let json: Value = serde_json::from_str(&e.to_json(Lang::Zh)).unwrap();
        assert_eq!(json["errors"][1]["type"], "negative_count");
        assert!(e.to_json(Lang::En).starts_with(r#"{"kind":"structure","pointer":"/x/0","message":"/x/0: a count"#));
    }
}
