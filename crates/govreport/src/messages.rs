//! The texts of errors that say why a document cannot be read, in both languages side by side:
//! those the model and the parser write, and the phrases of serde and serde_json, which carry
//! only English. An error keeps its English text (that is what serde passes along); [`zh`]
//! gives the Chinese by finding the text's entry here and filling its holes.

use std::fmt::Display;

/// A message with numbered holes (`{0}`, `{1}`) in both languages.
pub(crate) struct Text {
    en: &'static str,
    zh: &'static str,
    /// Whether the holes are themselves texts of this table (serde's "invalid type: {0},
    /// expected {1}") rather than values to keep as written (a field name, a number).
    nested: bool,
}

const fn text(en: &'static str, zh: &'static str) -> Text {
    Text { en, zh, nested: false }
}

const fn nested(en: &'static str, zh: &'static str) -> Text {
    Text { en, zh, nested: true }
}

impl Text {
    /// The English text of a message without holes.
    pub(crate) const fn text(&self) -> &'static str {
        self.en
    }

    /// The English text with its holes filled, in order.
    pub(crate) fn en(&self, args: &[&dyn Display]) -> String {
        fill(self.en, &args.iter().map(|a| a.to_string()).collect::<Vec<_>>())
    }
}

// What the model writes about a cell.
pub(crate) const EXPECT_COUNT: Text = text("a whole number ≥ 0, null (blank) or \"/\" (not applicable)", "不小于 0 的整数、null（空白）或 \"/\"（不适用）");
pub(crate) const EXPECT_SIGNED: Text =
    text("a whole number (may be negative), null (blank) or \"/\" (not applicable)", "整数（可为负数）、null（空白）或 \"/\"（不适用）");
pub(crate) const EXPECT_AMOUNT: Text =
    text("a decimal string such as \"0.092\", null (blank) or \"/\" (not applicable)", "小数字符串（如 \"0.092\"）、null（空白）或 \"/\"（不适用）");
pub(crate) const NEGATIVE_COUNT: Text = text("a count cannot be negative, found {0}", "数量不能为负数，实为 {0}");
pub(crate) const COUNT_TOO_LARGE: Text = text("count {0} is larger than {1}", "数量 {0} 超过上限 {1}");
pub(crate) const COUNT_NOT_WHOLE: Text = text("a count is a whole number, found {0}", "数量应为整数，实为 {0}");
pub(crate) const STRING_FOR_NUMBER: Text = nested("expected {0}, found the string {1}", "应为{0}，实为字符串 {1}");
pub(crate) const NUMBER_TOO_LARGE: Text = text("number {0} is larger than {1}", "数 {0} 超过上限 {1}");
pub(crate) const NUMBER_OUT_OF_RANGE: Text = text("number {0} is out of range", "数 {0} 超出范围");
pub(crate) const NOT_WHOLE: Text = text("expected a whole number, found {0}", "应为整数，实为 {0}");
pub(crate) const AMOUNT_SHAPE: Text = text(
    "an amount is a decimal string such as \"0.092\" (at most 15 digits before the point and 12 after, no sign), found {0}",
    "金额应写为小数字符串，如 \"0.092\"（整数部分至多 15 位，小数部分至多 12 位，不带符号），实为 {0}",
);
pub(crate) const AMOUNT_UNREADABLE: Text = text("amount {0}: {1}", "金额 {0} 无法读取：{1}");
pub(crate) const AMOUNT_AS_NUMBER: Text =
    text("write an amount as a decimal string (\"{0}\") so that its precision is kept", "金额应写为小数字符串（\"{0}\"），以保留其精度");
pub(crate) const NEGATIVE_AMOUNT: Text = text("an amount cannot be negative, found {0}", "金额不能为负数，实为 {0}");
pub(crate) const WRONG_FORMAT_TAG: Text = text("expected format \"{0}\", found {1}", "format 应为 \"{0}\"，实为 {1}");
pub(crate) const DATE_SHAPE: Text = text("a date is written YYYY-MM-DD, found {0}", "日期应写为 YYYY-MM-DD，实为 {0}");

// What the parser writes about the document.
pub(crate) const NOT_AN_OBJECT: Text = text("a report document is a JSON object ({…})", "报告文档应为 JSON 对象（{…}）");
pub(crate) const MISSING_FORMAT: Text =
    text("missing field `format` (\"2021\", \"2019\" or \"2007\")", "缺少字段 `format`（应为 \"2021\"、\"2019\" 或 \"2007\"）");
pub(crate) const FORMAT_NOT_STRING: Text = text("format is a string such as \"2021\", found {0}", "format 应为字符串，如 \"2021\"，实为 {0}");
pub(crate) const LIST_FOR_OBJECT: Text = text("expected an object ({…}), found a list ([…])", "应为对象（{…}），实为列表（[…]）");
pub(crate) const TOO_DEEP: Text = text("nesting deeper than {0} levels", "嵌套超过 {0} 层");

// Why a PDF gives no report (import/pdf).
pub(crate) const PDF_BROKEN: Text = text(
    "the file is not a readable PDF: no cross-reference table, catalog or page tree can be found, even by repair",
    "文件不是可读取的 PDF：找不到交叉引用表、目录或页面树，修复后也无法读取",
);
pub(crate) const PDF_ENCRYPTED: Text = text("the PDF is encrypted and cannot be opened without a password", "PDF 已加密，没有密码无法打开");
pub(crate) const PDF_SCANNED: Text = text(
    "the PDF has no text layer: its pages are images (a scan); govreport does not read text from images (no OCR): import the text or HTML the report was made from",
    "PDF 没有文字层：页面是图像（扫描件）；govreport 不从图像中识别文字（不做 OCR），请导入报告原来的文字或网页",
);
pub(crate) const PDF_NO_TEXT: Text = text("the PDF has no text on any page", "PDF 的各页都没有文字");
pub(crate) const PDF_UNMAPPED: Text = text(
    "the PDF's fonts give no Unicode for most of its text (no ToUnicode map, no known encoding): the text cannot be read",
    "PDF 的字体没有给出大部分文字的 Unicode（没有 ToUnicode 映射，也不是已知编码），无法读取文字",
);
pub(crate) const PDF_LIMIT_PAGES: Text = text("the PDF has more than {0} pages", "PDF 超过 {0} 页");
pub(crate) const PDF_LIMIT_OBJECTS: Text = text("the PDF has more than {0} objects", "PDF 的对象超过 {0} 个");
pub(crate) const PDF_LIMIT_DECODED: Text = text("the PDF's streams decode to more than {0} MiB", "PDF 的数据流解压后超过 {0} MiB");
pub(crate) const PDF_LIMIT_OPERATORS: Text = text("the PDF's pages run more than {0} content operators", "PDF 页面的内容指令超过 {0} 条");
pub(crate) const PDF_LIMIT_GLYPHS: Text = text("the PDF shows more than {0} glyphs", "PDF 显示的字形超过 {0} 个");

/// Every text, in the order they are tried: more specific ones before more general ones.
static TEXTS: &[&Text] = &[
    &EXPECT_COUNT,
    &EXPECT_SIGNED,
    &EXPECT_AMOUNT,
    &NEGATIVE_COUNT,
    &COUNT_TOO_LARGE,
    &COUNT_NOT_WHOLE,
    &STRING_FOR_NUMBER,
    &NUMBER_TOO_LARGE,
    &NUMBER_OUT_OF_RANGE,
    &NOT_WHOLE,
    &AMOUNT_SHAPE,
    &AMOUNT_AS_NUMBER,
    &NEGATIVE_AMOUNT,
    &WRONG_FORMAT_TAG,
    &DATE_SHAPE,
    &NOT_AN_OBJECT,
    &MISSING_FORMAT,
    &FORMAT_NOT_STRING,
    &LIST_FOR_OBJECT,
    &TOO_DEEP,
    &PDF_BROKEN,
    &PDF_ENCRYPTED,
    &PDF_SCANNED,
    &PDF_NO_TEXT,
    &PDF_UNMAPPED,
    &PDF_LIMIT_PAGES,
    &PDF_LIMIT_OBJECTS,
    &PDF_LIMIT_DECODED,
    &PDF_LIMIT_OPERATORS,
    &PDF_LIMIT_GLYPHS,
    // serde's phrases about the shape of the data.
    &text("missing field `{0}`", "缺少字段 `{0}`"),
    &text("unknown field `{0}`, there are no fields", "未知字段 `{0}`：此处不应有字段"),
    &text("unknown field `{0}`, expected one of {1}", "未知字段 `{0}`：此处的字段只能是 {1}"),
    &text("unknown field `{0}`, expected {1}", "未知字段 `{0}`：此处的字段只能是 {1}"),
    &text("unknown variant `{0}`, expected one of {1}", "未知取值 `{0}`：应为 {1} 之一"),
    &text("unknown variant `{0}`, expected {1}", "未知取值 `{0}`：应为 {1}"),
    &text("duplicate field `{0}`", "字段 `{0}` 重复出现"),
    &nested("invalid type: {0}, expected {1}", "类型不符：应为{1}，实为{0}"),
    &nested("invalid value: {0}, expected {1}", "取值不符：应为{1}，实为{0}"),
    &nested("invalid length {0}, expected {1}", "长度不符：应为{1}，实为 {0}"),
    &text("string {0}", "字符串 {0}"),
    &text("integer `{0}`", "整数 {0}"),
    &text("floating point `{0}`", "小数 {0}"),
    &text("boolean `{0}`", "布尔值 {0}"),
    &text("map", "对象（{…}）"),
    &text("sequence", "列表（[…]）"),
    &text("null", " null"),
    &text("unit value", " null"),
    &text("a string", "字符串"),
    &text("a borrowed string", "字符串"),
    &text("struct {0}", "对象（{…}）"),
    &text("u8", "整数（0 到 255）"),
    &text("u16", "整数（0 到 65535）"),
    &text("u32", "整数（0 到 4294967295）"),
    &text("u64", "整数（0 到 18446744073709551615）"),
    // serde_json's phrases about the syntax.
    &text("EOF while parsing a value", "文本在一个值的中途结束"),
    &text("EOF while parsing an object", "文本在一个对象的中途结束（缺少 `}`）"),
    &text("EOF while parsing a list", "文本在一个列表的中途结束（缺少 `]`）"),
    &text("EOF while parsing a string", "文本在一个字符串的中途结束（缺少 `\"`）"),
    &text("trailing characters", "JSON 之后还有多余的字符"),
    &text("trailing comma", "多余的逗号"),
    &text("expected value", "此处应为一个值"),
    &text("expected ident", "此处应为 true、false 或 null"),
    &text("expected `,` or `}`", "此处应为 `,` 或 `}`"),
    &text("expected `,` or `]`", "此处应为 `,` 或 `]`"),
    &text("expected `:`", "此处应为 `:`"),
    &text("key must be a string", "键必须是字符串"),
    &text("invalid escape", "无效的转义序列"),
    &text("invalid number", "无效的数字"),
    &text("number out of range", "数字超出范围"),
    &text("invalid unicode code point", "无效的 Unicode 码位"),
    &text("control character (\\u0000-\\u001F) found while parsing a string", "字符串中有控制字符（\\u0000-\\u001F），应转义"),
    &text("lone leading surrogate in hex escape", "十六进制转义中有孤立的代理项"),
    &text("unexpected end of hex escape", "十六进制转义不完整"),
    &text("recursion limit exceeded", "嵌套过深"),
];

/// The Chinese of an English message of this table (holes filled from the message); a message
/// no entry matches is returned as written.
pub fn zh(message: &str) -> String {
    for t in TEXTS {
        if let Some(args) = holes(t.en, message) {
            let args: Vec<String> = if t.nested { args.iter().map(|a| zh(a)).collect() } else { args.iter().map(|a| a.to_string()).collect() };
            return fill(t.zh, &args).trim().to_string();
        }
    }
    message.to_string()
}

/// Splits a template into its literal pieces and the hole numbers between them. A brace that
/// does not enclose a number ("{…}") is literal text.
fn pieces(template: &str) -> (Vec<&str>, Vec<usize>) {
    let (mut lits, mut nums, mut start) = (Vec::new(), Vec::new(), 0);
    let b = template.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'{' {
            let digits = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits > 0 && b.get(i + 1 + digits) == Some(&b'}') {
                lits.push(&template[start..i]);
                nums.push(template[i + 1..i + 1 + digits].parse().unwrap_or(0));
                i += digits + 2;
                start = i;
                continue;
            }
        }
        i += 1;
    }
    lits.push(&template[start..]);
    (lits, nums)
}

/// The values of the template's holes in `message`, by hole number, if it matches.
fn holes<'m>(template: &str, message: &'m str) -> Option<Vec<&'m str>> {
    let (lits, nums) = pieces(template);
    let mut rest = message.strip_prefix(lits[0])?;
    let mut found: Vec<(usize, &str)> = Vec::new();
    for (i, n) in nums.iter().enumerate() {
        let next = lits[i + 1];
        let end = if i + 2 == lits.len() {
            // The last hole takes all but the final literal.
            rest.len().checked_sub(next.len()).filter(|e| rest.is_char_boundary(*e) && rest[*e..] == *next)?
        } else {
            rest.find(next).filter(|_| !next.is_empty())?
        };
        found.push((*n, &rest[..end]));
        rest = &rest[end + next.len()..];
    }
    if nums.is_empty() && !rest.is_empty() {
        return None;
    }
    found.sort_by_key(|(n, _)| *n);
    Some(found.into_iter().map(|(_, v)| v).collect())
}

/// The template with hole `{n}` replaced by `args[n]`.
fn fill(template: &str, args: &[String]) -> String {
    let (lits, nums) = pieces(template);
    let mut out = String::from(lits[0]);
    for (i, n) in nums.iter().enumerate() {
        out.push_str(args.get(*n).map_or("", String::as_str));
        out.push_str(lits[i + 1]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_english_text_reads_back_as_its_chinese() {
        for t in TEXTS {
            let (_, nums) = pieces(t.en);
            let args: Vec<String> = (0..nums.len()).map(|i| format!("x{i}")).collect();
            let en = fill(t.en, &args);
            let zh = zh(&en);
            assert!(zh.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)) || t.zh.trim() == "null", "{en} → {zh}");
            // Every hole the Chinese has is filled from the English (a struct's name is dropped).
            for n in pieces(t.zh).1 {
                assert!(zh.contains(args[n].as_str()), "{en} → {zh}: {} lost", args[n]);
            }
        }
    }

    #[test]
    fn serde_phrases_nest() {
        assert_eq!(zh("invalid type: string \"2022\", expected u16"), "类型不符：应为整数（0 到 65535），实为字符串 \"2022\"");
        assert_eq!(zh(&STRING_FOR_NUMBER.en(&[&EXPECT_COUNT.en(&[]), &"\"76\""])), "应为不小于 0 的整数、null（空白）或 \"/\"（不适用），实为字符串 \"76\"");
        assert_eq!(zh("unknown field `phone`, expected one of `name`, `kind`"), "未知字段 `phone`：此处的字段只能是 `name`, `kind`");
        assert_eq!(zh("expected an object ({…}), found a list ([…])"), "应为对象（{…}），实为列表（[…]）");
        // Not in the table: kept as written.
        assert_eq!(zh("something else entirely"), "something else entirely");
    }
}
