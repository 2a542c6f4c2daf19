//! Import findings: notes taken while reading, turned into [`Finding`]s of the GR9xx rules
//! once the format of the document is known (messages name cells by their labels).

use crate::error::Error;
use crate::finding::Findings;
use crate::i18n::Bilingual;
use crate::labels::Label;
use crate::model::Format;
use crate::options::Options;
use crate::rules::{Code, Ctx, Param, define_rules};

/// Where something is in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Pos {
    /// Not tied to a place (the whole source).
    #[default]
    Whole,
    /// A line of a text source (1-based).
    Line(usize),
    /// A paragraph or block of an HTML page or Word file (1-based).
    Paragraph(usize),
    /// A row of a table of an HTML page or Word file (both 1-based).
    Row { table: usize, row: usize },
    /// A cell of a table row of an HTML page or Word file: the table, the row and the cell's
    /// place among the row's cells as published (all 1-based).
    Cell { table: usize, row: usize, column: usize },
    /// A character of a line of a text source: the line and the column (both 1-based, the
    /// column counted in characters).
    LineCol { line: usize, column: usize },
    /// A box on a page of a PDF file.
    Pdf(PdfBox),
}

/// A box on a page of a PDF file: the page (1-based) and the edges in tenths of a point from
/// the top-left corner of the page as shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct PdfBox {
    /// The page, from 1.
    pub page: u32,
    /// Left edge.
    pub x0: i32,
    /// Top edge.
    pub top: i32,
    /// Right edge.
    pub x1: i32,
    /// Bottom edge.
    pub bottom: i32,
}

impl PdfBox {
    /// The edges in points: "x0,top,x1,bottom".
    pub fn edges(&self) -> String {
        let pt = |v: i32| format!("{:.1}", f64::from(v) / 10.0);
        format!("{},{},{},{}", pt(self.x0), pt(self.top), pt(self.x1), pt(self.bottom))
    }
}

impl Pos {
    /// The place in words, in Chinese and English.
    pub fn words(self) -> Bilingual<String> {
        let (zh, en) = match self {
            Pos::Whole => ("全文".into(), "the source".into()),
            Pos::Line(n) => (format!("第{n}行"), format!("line {n}")),
            Pos::Paragraph(n) => (format!("第{n}段"), format!("paragraph {n}")),
            Pos::Row { table, row } => (format!("第{table}个表格第{row}行"), format!("table {table}, row {row}")),
            Pos::Cell { table, row, column } => (format!("第{table}个表格第{row}行第{column}格"), format!("table {table}, row {row}, cell {column}")),
            Pos::LineCol { line, column } => (format!("第{line}行第{column}字"), format!("line {line}, column {column}")),
            Pos::Pdf(b) => (format!("第{}页", b.page), format!("page {}", b.page)),
        };
        Bilingual { zh, en }
    }

    /// The place as parameters: `line` (and `column`), `paragraph`, `table` and `row` (and
    /// `column`), or `page` and `box` (points: left, top, right, bottom).
    pub(crate) fn params(self) -> Vec<(&'static str, String)> {
        match self {
            Pos::Whole => vec![],
            Pos::Line(n) => vec![("line", n.to_string())],
            Pos::Paragraph(n) => vec![("paragraph", n.to_string())],
            Pos::Row { table, row } => vec![("table", table.to_string()), ("row", row.to_string())],
            Pos::Cell { table, row, column } => vec![("table", table.to_string()), ("row", row.to_string()), ("column", column.to_string())],
            Pos::LineCol { line, column } => vec![("line", line.to_string()), ("column", column.to_string())],
            Pos::Pdf(b) => vec![("page", b.page.to_string()), ("box", b.edges())],
        }
    }
}

/// A finding waiting for the format.
pub struct Note {
    rule: Code,
    path: String,
    related: Vec<String>,
    params: Vec<(&'static str, Param)>,
    pos: Pos,
}

impl Note {
    /// A parameter given as text.
    pub fn text(&mut self, name: &'static str, v: impl ToString) -> &mut Self {
        self.params.push((name, Param::Text(v.to_string())));
        self
    }
    /// A parameter that is a label of the table (shown in the message's language).
    pub fn label(&mut self, name: &'static str, l: &'static Label) -> &mut Self {
        self.params.push((name, Param::Label(l)));
        self
    }
    /// A parameter given in both languages.
    pub fn both(&mut self, name: &'static str, zh: impl Into<String>, en: impl Into<String>) -> &mut Self {
        self.params.push((name, Param::Both(Bilingual { zh: zh.into(), en: en.into() })));
        self
    }
    /// Other places in the document the finding is about.
    pub fn related(&mut self, related: Vec<String>) -> &mut Self {
        self.related = related;
        self
    }
}

/// Notes of one rule listed one by one; beyond this, they are counted (GR917 gives the count).
pub const MAX_NOTES_PER_RULE: usize = 50;

/// The notes of one import, in the order taken: at most [`MAX_NOTES_PER_RULE`] of each rule,
/// and a count of the others, so that a source of millions of odd rows costs no more than its
/// size.
pub struct Notes {
    kept: Vec<Note>,
    /// Notes taken per rule, listed or not.
    taken: Vec<(Code, usize)>,
    /// Where a note past the limit is written, and forgotten.
    spare: Note,
}

impl Default for Notes {
    fn default() -> Self {
        Notes { kept: vec![], taken: vec![], spare: Note { rule: Code::GR917, path: String::new(), related: vec![], params: vec![], pos: Pos::Whole } }
    }
}

impl Notes {
    /// Starts a note of `rule` about `path` (a pointer into the document, "" for the whole)
    /// at `pos` in the source.
    pub fn add(&mut self, rule: Code, path: impl Into<String>, pos: Pos) -> &mut Note {
        let count = match self.taken.iter_mut().find(|(c, _)| *c == rule) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                self.taken.push((rule, 1));
                1
            }
        };
        if count > MAX_NOTES_PER_RULE {
            self.spare.params.clear();
            self.spare.related.clear();
            return &mut self.spare;
        }
        self.kept.push(Note { rule, path: path.into(), related: vec![], params: vec![], pos });
        let last = self.kept.len() - 1;
        &mut self.kept[last]
    }

    /// The findings, messages in the options' language.
    pub fn finish(mut self, format: Format, options: &Options) -> Result<Findings, Error> {
        let resolved = options.resolve()?;
        let mut ctx = Ctx::new(format, &resolved);
        for (code, n) in std::mem::take(&mut self.taken) {
            if n > MAX_NOTES_PER_RULE {
                let more = n - MAX_NOTES_PER_RULE;
                let code = format!("{code:?}");
                self.add(Code::GR917, "", Pos::Whole)
                    .both(
                        "what",
                        format!("{code} 类导入提示共 {n} 条，只列出前 {MAX_NOTES_PER_RULE} 条，另有 {more} 条未列出"),
                        format!("{n} import notes of {code}: the first {MAX_NOTES_PER_RULE} are listed, {more} more are not"),
                    )
                    .text("code", code)
                    .text("count", more);
            }
        }
        for n in self.kept {
            let mut hit = ctx.hit(n.rule, n.path).related(n.related);
            hit = hit.param("at", Param::Both(n.pos.words()));
            for (name, v) in n.pos.params() {
                hit = hit.text(name, v);
            }
            for (name, p) in n.params {
                hit = hit.param(name, p);
            }
            hit.emit();
        }
        Ok(ctx.finish())
    }
}

define_rules! {
    /// Parts not found.
    GR901 {
        name: "import-part-missing",
        severity: Warning,
        check: Import,
        title: ["来源缺少报告部分", "Parts of the report are not in the source"],
        explanation: [
            "导入时在来源中找不到这些部分的标题（一、总体情况 … 六、其他需要报告的事项）。可能是报告本身缺少，也可能是网页摘录被截断。缺失部分的表格单元格保持缺失，不会补造。",
            "The importer found no heading for these parts (一 general situation … 六 other matters). The report may lack them, or the page was cut off. The cells of a missing part stay absent; nothing is invented.",
        ],
        message: ["来源中找不到以下部分：{parts}", "The source has no part: {parts}"],
    }

    /// Part headings numbered or ordered inconsistently.
    GR902 {
        name: "import-part-order",
        severity: Warning,
        check: Import,
        title: ["部分标题编号或顺序有误", "A part heading is numbered or placed wrongly"],
        explanation: [
            "报告各部分应按一、二、三……依次编号，并按格式规定的顺序排列。编号跳过、重复或与内容不符（如“三、主动公开政府信息情况”），说明报告编排有误或摘录不全。",
            "The parts of a report are numbered 一, 二, 三 … in the order the template sets. A skipped, repeated or mismatched numeral (such as 三 on the part about proactive disclosure) shows a badly edited report or an incomplete excerpt.",
        ],
        message: [
            "{at}的标题“{heading}”编号或顺序有误，应为“{expected}”",
            "The heading \"{heading}\" at {at} is numbered or placed wrongly; expected \"{expected}\"",
        ],
    }

    /// A part without its table.
    GR903 {
        name: "import-table-missing",
        severity: Warning,
        check: Import,
        title: ["部分缺少表格", "A part has no table"],
        explanation: [
            "格式规定第二、三、四部分以表格填报。来源中有该部分的标题，却没有可识别的表格（可能以文字代替，或表格是图片）。表格单元格保持缺失。",
            "The template reports parts 二, 三 and 四 as tables. The source has the part's heading but no table the importer recognises (prose instead, or a picture of the table). Its cells stay absent.",
        ],
        message: ["“{part}”部分没有可识别的表格（{at}）", "Part \"{part}\" has no table the importer recognises ({at})"],
    }

    /// A table cut off.
    GR904 {
        name: "import-table-cut-off",
        severity: Warning,
        check: Import,
        title: ["表格被截断", "A table is cut off"],
        explanation: [
            "来源在表格中途结束：已有的行照常导入，其后各行（及被截断行的其余单元格）保持缺失，不会补造。常见于复制网页时只复制了一部分。",
            "The source ends part-way through a table: the rows that are there are imported, the rows after them (and the rest of a row cut in two) stay absent; nothing is invented. Common when only part of a page was copied.",
        ],
        message: [
            "“{table_name}”表格在{at}中断（最后一行：{last}），其后 {count} 行不在来源中",
            "The table \"{table_name}\" stops at {at} (last row: {last}); {count} row(s) after it are not in the source",
        ],
    }

    /// A row with fewer cells than columns.
    GR905 {
        name: "import-row-short",
        severity: Warning,
        check: Import,
        title: ["表格行的单元格不足", "A table row has too few cells"],
        explanation: [
            "该行的单元格少于表格的列数。来源分出单元格时（表格、“|”或制表符），数字按列的位置从左到右读入，缺少的单元格保持缺失；若来源中间有单元格漏印，后面的数字可能错位，请核对原件。没有单元格分隔的文本中，数字属于哪一列无法确定，不予导入（GR911）。",
            "The row has fewer cells than the table has columns. Where the source gives its cells (a table, | or tabs), the numbers are read from the left by column position and the missing cells stay absent; if a cell in the middle was left out of the source, later numbers may sit in the wrong column: check the original. In text without cell boundaries the column of each number is not fixed, so none is imported (GR911).",
        ],
        message: [
            "{at}的{cell}只有 {found} 个单元格（应有 {columns} 个），其余按缺失处理",
            "{cell} at {at} has {found} of {columns} cells; the rest are left absent",
        ],
    }

    /// A label matched through an alias or known misspelling.
    GR906 {
        name: "import-label-alias",
        severity: Info,
        check: Import,
        title: ["表格标签与格式用语不一致", "A table label differs from the template's wording"],
        explanation: [
            "来源中的行或列标签不是格式的原文，而是旧称、简称或常见误写（如2021年格式中写“规范性文件”而非“行政规范性文件”）。导入按标签表中的别名识别，并指出所用的别名。行标签缺字、多字、错字或两字颠倒（如“2.其他法律行政止公开”）时，只在它与某一标签相差很少（按标签长度，短标签不容差错）且明显比其他标签更近时才读作该标签。",
            "A row or column label in the source is not the template's wording but an old name, short form or known misspelling (such as 规范性文件 instead of 行政规范性文件 in the 2021 template). The importer matched it through the label table's aliases and names the alias. A row label with a character missing, extra, replaced or two swapped (such as 2.其他法律行政止公开) is read as a label only when it is a few edits from it (by the label's length; none for short labels) and clearly nearer to it than to any other label.",
        ],
        message: ["{at}的“{found}”按别名读作“{label}”", "\"{found}\" at {at} was read as \"{label}\" (an alias)"],
    }

    /// The wrong template cited.
    GR907 {
        name: "import-template-cited",
        severity: Warning,
        check: Import,
        title: ["正文引用的格式与表格不符", "The text cites another template than its tables follow"],
        explanation: [
            "正文引用的年度报告格式文件与表格实际采用的格式不一致，例如表格为2021年格式（国办公开办函〔2021〕30号），正文却称依据国办公开办函〔2019〕60号编制。这是上级通报中的“引用格式错误”。",
            "The text cites a different template than the tables follow, for example 2021 tables (国办公开办函〔2021〕30号) under a text that says the report was written to 国办公开办函〔2019〕60号. Supervising offices name this defect.",
        ],
        message: ["{at}引用{cited}，但表格为{basis}格式", "The text at {at} cites {cited} but the tables follow {basis}"],
    }

    /// A single （六）其他处理 row in a 2021 table.
    GR908 {
        name: "import-other-single-row",
        severity: Warning,
        check: Import,
        title: ["2021年格式表格中（六）其他处理只有一行", "(6) Other handling is a single row in a 2021 table"],
        explanation: [
            "2021年格式的（六）其他处理分为三个子项（逾期不补正、逾期未缴费、其他），2019年格式才是一行。来源在2021年格式表格中只填了一行：这些数字无法分入子项，按发布的样子作为一行保留（文档的 other 为一行），参与表三的合计核对（B1、B2），需要子项的规则对此行不作判断。子项另有数字时，此行视为小计，不导入。",
            "In the 2021 template (6) other handling has three sub-rows (no correction, fee unpaid, other); only the 2019 template has one row. The source gives a single row in a 2021 table: its numbers cannot be split into the sub-rows, so they are kept as published, as one row (the document's other holds one row), and take part in table B's sums (B1, B2); rules that need the sub-rows are not assessable for it. When the sub-rows have figures too, the row is taken as their subtotal and not imported.",
        ],
        message: [
            "{at}的（六）其他处理只有一行（{values}），不是2021年格式的三个子项；{kept}",
            "(6) Other handling at {at} is a single row ({values}), not the three sub-rows of the 2021 template; {kept}",
        ],
    }

    /// Text in a table that matches nothing.
    GR909 {
        name: "import-unread-text",
        severity: Info,
        check: Import,
        title: ["表格中有无法识别的内容", "Text in a table was not recognised"],
        explanation: [
            "表格中的这段文字不是任何已知的行、列标签，也不是能放入某行的数字（例如被截断的标签“8.属于行”，或表外多出的数字）。它未被导入。",
            "This text in a table is neither a known row or column label nor a number that belongs to a row (for example a label cut in two such as 8.属于行, or a number outside any row). It was not imported.",
        ],
        message: ["{at}的“{text}”无法识别，未导入", "\"{text}\" at {at} was not recognised and was not imported"],
    }

    /// Metadata not found.
    GR910 {
        name: "import-meta-missing",
        severity: Info,
        check: Import,
        title: ["来源未写明报告信息", "The source does not state a fact of the report"],
        explanation: [
            "来源中找不到报告机关名称或发布日期（标题、发布日期栏或文末落款日期）。机关名称留空，发布日期不填；相应的检查会指出。",
            "The source states no agency name or publication date (in the title, a date line or the date at the end). The name is left empty and the date out; the checks that need them say so.",
        ],
        message: ["来源中找不到{field}", "The source does not state the {field}"],
    }

    /// A cell that is not a number.
    GR911 {
        name: "import-cell-unreadable",
        severity: Warning,
        check: Import,
        title: ["单元格内容不是有效数字", "A cell is not a valid number"],
        explanation: [
            "单元格既不是该栏可用的数字（件数为非负整数，金额为小数），也不是空白或“/”“—”“无”等标记；或几个单元格的数字连在一起（如“2600000 26”、一格中的“2 6”、以0开头的“01”），来源不能唯一确定每格的数字。这些单元格按缺失处理，不会猜测其数值，需要它们的检查无法判断。",
            "The cell is neither a number the column takes (counts are whole numbers ≥ 0, amounts decimals) nor blank or a mark such as /, — or 无; or the figures of several cells run together (\"2600000 26\", \"2 6\" in one cell, \"01\" with a leading zero) and the source does not fix each cell's number. Such cells are left absent; their values are not guessed, and the checks that need them are not assessable.",
        ],
        message: ["{at}的单元格“{text}”不是{cell}可用的数字，按缺失处理", "The cell \"{text}\" at {at} is not a valid number for {cell}; left absent"],
    }

    /// A row given twice.
    GR912 {
        name: "import-duplicate-row",
        severity: Warning,
        check: Import,
        title: ["表格行重复出现", "A table row appears twice"],
        explanation: [
            "同一行在来源中出现了两次。以第一次出现的数字为准，第二次的数字未导入。",
            "The same row appears twice in the source. The numbers of its first appearance are kept; the second is not imported.",
        ],
        message: ["{cell}在{at}再次出现，以首次出现为准", "{cell} appears again at {at}; the first one is kept"],
    }

    /// Rows missing from a table.
    GR913 {
        name: "import-row-missing",
        severity: Warning,
        check: Import,
        title: ["表格缺少行", "Rows are missing from a table"],
        explanation: [
            "表格中没有格式规定的这些行（其前后的行都在）。这些行的单元格保持缺失。",
            "The table lacks these rows of the template (rows around them are there). Their cells stay absent.",
        ],
        message: ["“{table_name}”表格缺少 {count} 行：{rows}", "The table \"{table_name}\" lacks {count} row(s): {rows}"],
    }

    /// Undecodable bytes.
    GR914 {
        name: "import-encoding",
        severity: Warning,
        check: Import,
        title: ["来源含有无效字节", "The source has invalid bytes"],
        explanation: [
            "按所判断或指定的编码解码时，部分字节无效，已替换为 U+FFFD（�）。若字数或数字显示异常，请指定正确的编码（如 gb18030）重新导入。",
            "Some bytes were not valid in the encoding found or given and were replaced by U+FFFD (�). If text or numbers look wrong, import again with the right encoding (such as gb18030).",
        ],
        message: [
            "按 {encoding} 解码时有 {count} 处无效字节，已替换为 U+FFFD",
            "{count} invalid byte sequence(s) when decoding as {encoding} were replaced by U+FFFD",
        ],
    }

    /// No part headings at all.
    GR915 {
        name: "import-no-headings",
        severity: Info,
        check: Import,
        title: ["来源没有部分标题", "The source has no part headings"],
        explanation: [
            "来源中没有“一、总体情况”等部分标题（常见于只摘录了正文的一段）。全部正文按“总体情况”导入，以便检查文字中的数字。",
            "The source has no part headings such as 一、总体情况 (common in an excerpt of the text only). All of its text was read as part 一 (general situation), so that the numbers it states can be checked.",
        ],
        message: ["来源中没有部分标题，正文按“总体情况”导入", "The source has no part headings; its text was read as part 一 (general situation)"],
    }

    /// Metadata taken from a weaker statement than a title.
    GR916 {
        name: "import-meta-inferred",
        severity: Info,
        check: Import,
        title: ["报告信息不是取自标题", "A fact of the report was not taken from its title"],
        explanation: [
            "标题未写明报告年度、机关名称，或来源没有发布日期栏时，导入器按可信程度依次从页面信息栏（发布机构等）、说明统计期限或报告名称的语句、文末落款及其日期、正文第一次提到之处取得，并指出取自何处。落款日期是成文日期，不一定是发布日期。请核对。",
            "When the title does not state the reporting year or the agency, or the source has no field of the publication date, the importer takes them, in order of trust, from a field of the page (发布机构 …), a sentence stating the statistics period or naming the report, the signature (落款) at the end and its date, or the first place the text mentions one, and says where. The date of the signature is the date the report was signed, not necessarily the day it was published. Check it.",
        ],
        message: ["{field}取自{at}的{source}：“{quote}”", "The {field} was taken from {source} at {at}: \"{quote}\""],
    }

    /// The importer stopped listing or reading at one of its limits.
    GR917 {
        name: "import-limit",
        severity: Warning,
        check: Import,
        title: ["导入达到上限", "The import reached a limit"],
        explanation: [
            "导入器对每种提示最多逐条列出有限条数，对表格单元格、段落、网页元素等也有上限，以保证任何输入的用时和内存都与其大小成正比。达到上限时不会悄悄停止：此提示说明哪一项达到了上限、还有多少未列出或未读取。真实的报告远达不到这些上限；达到上限的来源多半不是一份报告，或是一份报告被重复粘贴了多次。",
            "The importer lists at most a set number of notes of each kind, and reads at most a set number of table cells, paragraphs, page elements and the like, so that time and memory stay proportional to any input. It never stops silently at a limit: this finding says which limit was reached and how much was not listed or not read. Real reports come nowhere near these limits; a source that reaches one is most likely not a report, or a report pasted many times over.",
        ],
        message: ["{what}", "{what}"],
    }

    /// The agency kind taken from its name.
    GR918 {
        name: "import-kind-inferred",
        severity: Info,
        check: Import,
        title: ["机关类型按名称推定", "The agency kind was taken from its name"],
        explanation: [
            "发布期限因机关类型而异（人民政府部门为次年1月31日，人民政府为3月31日，乡镇、街道由各地确定），而来源不写明机关类型。导入器按名称推定：街道办事处、乡、镇为乡镇、街道；以“人民政府”结尾的，以及开发区、新区、实验区等及其管理委员会（代表全区报告）为人民政府；局、委、办、厅等为人民政府部门；名称不详或看不出类型时按人民政府部门处理。推定有误时，导入时指定机关类型（agency_kind）。",
            "The deadline depends on the kind of agency (a department by 31 January, a people's government by 31 March, townships and sub-districts by a local date), and a source does not state the kind. The importer takes it from the name: a 街道办事处, 乡 or 镇 is a township; a name ending in 人民政府, and a zone (开发区, 新区, 实验区 …) or its 管理委员会 reporting for the whole zone, a government; a 局, 委, 办, 厅 … a department; a name that is not known or shows no kind, a department. Give the kind when importing (agency_kind) where this is wrong.",
        ],
        message: ["机关类型按名称“{name}”推定为“{kind}”（{why}）", "The agency kind of \"{name}\" was taken to be {kind} ({why})"],
    }

    /// A statistics table announced and not given.
    GR919 {
        name: "import-table-announced-absent",
        severity: Warning,
        check: Import,
        title: ["正文称附有统计表，来源中却没有", "The text announces a statistics table the source does not have"],
        explanation: [
            "正文写明附有统计表（“附：…统计表”“并附相关数据统计表”），来源中其后却没有任何表格或成组的数字。统计数字未予公布，或表格作为单独的附件、图片发布而不在本页。文中数字无法与表格核对。",
            "The text says a statistics table is attached (附：…统计表, 并附相关数据统计表) but no table or run of figures follows in the source. The figures were not published, or the table was published as a separate attachment or a picture, not on this page. The text's figures cannot be checked against it.",
        ],
        message: ["{at}称“{quote}”，来源中却没有表格", "\"{quote}\" at {at} announces a table the source does not have"],
    }

    /// Text of a page after the element that holds the report.
    GR920 {
        name: "import-page-after-report",
        severity: Info,
        check: Import,
        title: ["网页上报告之后的文字未读入报告", "Text of the page after the report was not read into it"],
        explanation: [
            "门户网站的文章页在报告正文之后还有相关文章、分享和打印链接、网站页脚等。导入器把包含报告全部部分标题和统计表的最小网页元素当作报告正文，其后的文字不属于报告，不读入“其他需要报告的事项”等部分，也不当作表格读取。此提示给出未读入的段数和第一段。该元素之前的导航、栏目等文字同样不属于报告（其中的表格行仍会读取）。若其中确有报告内容，请核对网页。",
            "An article page of a portal has related articles, share and print links, the site's footer and the like after the report. The importer takes the smallest element of the page that holds all of the report's part headings and statistics tables as the report; text after it is not part of the report, and is neither read into part 六 (other matters) or any other part nor read as a table. This finding gives how many paragraphs were left out and the first of them. The navigation and other text before that element is not part of the report either (table rows there are still read). If any of them is in fact part of the report, check the page.",
        ],
        message: [
            "{at}起的 {count} 段文字在报告所在的网页元素之后，未读入报告（第一段：“{quote}”）",
            "{count} paragraph(s) from {at} on are after the page element holding the report and were not read into it (the first: \"{quote}\")",
        ],
    }
}
