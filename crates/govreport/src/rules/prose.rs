//! GR401–GR406: the prose parts of a 2019/2021 report and the numbers they quote, and the
//! year the prose of any report states its figures for.

use std::borrow::Cow;

use super::{Code, Ctx, Param, define_rules};
use crate::cells::{self, CASE_TOTAL, Loc, TOTAL};
use crate::i18n::{Bilingual, Lang};
use crate::import::meta::year_at;
use crate::labels::{self, Label};
use crate::model::{Agency, AgencyKind, Format, Layout, Report, RowId, Sections};
use crate::prose_numbers::{Stated, statements};

/// Part 五 shorter than this (in characters) is perfunctory.
pub const MIN_PROBLEMS_CHARS: usize = 30;
/// Part 五 shorter than this that only denies having problems is perfunctory too.
pub const SHORT_PROBLEMS_CHARS: usize = 80;
/// Words that deny there is any problem: "未发现存在的主要问题", "暂无需要改进的情况".
const DENIALS: &[&str] = &["未发现", "没有发现", "不存在", "暂无", "无明显", "没有问题", "无问题", "未发现问题"];

fn mentions(text: &str, label: &Label) -> bool {
    text.contains(label.name.zh) || label.aliases.iter().any(|a| text.contains(a))
}

/// The prose parts and the agency of a template report (none for the 2007 regime).
fn sections(report: &Report) -> Option<(&Sections, &Agency)> {
    match report {
        Report::F2021(r) => Some((&r.sections, &r.agency)),
        Report::F2019(r) => Some((&r.sections, &r.agency)),
        Report::F2007(_) => None,
    }
}

fn part_missing(report: &Report, ctx: &mut Ctx) {
    let Some((s, _)) = sections(report) else { return };
    let parts = [(&s.overview, &labels::PARTS[0]), (&s.problems, &labels::PARTS[4]), (&s.other_matters, &labels::PARTS[5])];
    let all: Vec<&str> = parts.iter().filter_map(|(t, _)| t.as_deref()).collect();
    for (text, part) in parts {
        // A part stated in a sentence of another ("本机关无其他需要报告的事项") is there.
        let stated = || all.iter().any(|t| part.mentions.iter().any(|m| t.contains(m)));
        if text.as_deref().is_none_or(|t| t.trim().is_empty()) && !stated() {
            ctx.hit(Code::GR401, part.label.id).param("part", Param::Label(&part.label)).emit();
        }
    }
}

fn perfunctory_problems(report: &Report, ctx: &mut Ctx) {
    let Some((s, _)) = sections(report) else { return };
    if let Some(problems) = s.problems.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let length = problems.chars().filter(|c| !c.is_whitespace()).count();
        let denies = || DENIALS.iter().any(|d| problems.contains(d));
        if length < MIN_PROBLEMS_CHARS || (length < SHORT_PROBLEMS_CHARS && denies()) {
            ctx.hit(Code::GR402, "/sections/problems").text("length", length).text("quote", problems).emit();
        }
    }
}

/// The labels of `list` that `text` does not mention, as one text in both languages.
fn missing(text: &str, list: &'static [Label]) -> Option<Bilingual<String>> {
    let missing: Vec<&Label> = list.iter().filter(|l| !mentions(text, l)).collect();
    let join = |lang| missing.iter().map(|l| l.text(lang)).collect::<Vec<_>>().join(super::LIST_SEPARATOR.get(lang));
    (!missing.is_empty()).then(|| Bilingual { zh: join(Lang::Zh), en: join(Lang::En) })
}

fn government_results(report: &Report, ctx: &mut Ctx) {
    let Some((s, agency)) = sections(report) else { return };
    // 条例第五十条第（四）项 asks this of 各级人民政府: governments, and the township governments
    // among `township` agencies (not 街道办事处, which are not 人民政府).
    // A zone's 管理委员会 reports for its zone as a government does, but is no 人民政府: only a
    // name that says 政府 (or no name) is held to it.
    let says_government = agency.name.trim().is_empty() || agency.name.contains("政府");
    let people_government = (agency.kind == AgencyKind::Government && says_government)
        || (agency.kind == AgencyKind::Township && agency.name.contains(labels::AGENCY_KINDS[0].name.zh));
    if !people_government {
        return;
    }
    let all: String = [&s.overview, &s.problems, &s.other_matters].iter().filter_map(|t| t.as_deref()).collect::<Vec<_>>().join("\n");
    if let Some(m) = missing(&all, labels::GOVERNMENT_RESULTS) {
        ctx.hit(Code::GR403, "/sections/overview").param("missing", Param::Both(m)).emit();
    }
}

fn overview_topics(report: &Report, ctx: &mut Ctx) {
    let Some((s, _)) = sections(report) else { return };
    let Some(overview) = s.overview.as_deref() else { return };
    if ctx.format == Format::F2021
        && !overview.trim().is_empty()
        && let Some(m) = missing(overview, labels::OVERVIEW_TOPICS_2021)
    {
        ctx.hit(Code::GR405, "/sections/overview").param("missing", Param::Both(m)).emit();
    }
}

/// Where the table figure a statement names is: what a finding about it points at.
#[derive(Clone, Copy)]
enum Place {
    /// One cell.
    Cell(Loc),
    /// The 总计 of the rows under a heading of table B (（三）不予公开 …), at the heading.
    Group(&'static Label),
    /// The single （六） row of table B, at the row, its 总计 related.
    OtherRow,
    /// Both groups of lawsuits in table C, at the first.
    Lawsuits,
}

/// The rows of table B under `heading` in `format`'s template.
fn group_rows(format: Format, heading: &'static Label) -> impl Iterator<Item = RowId> {
    labels::request_rows_in(format, Layout::Template)
        .filter(move |rl| rl.label.id.strip_prefix(heading.id).is_some_and(|rest| rest.starts_with('/')))
        .filter_map(|rl| rl.row)
}

/// The table figure a statement names: its value and its place. Pointers are built only for a
/// finding ([`places`]).
fn table_figure(what: Stated, report: &Report) -> Option<(u64, Place)> {
    let format = report.format();
    // A row of table B: its 总计.
    let single = |row: RowId| {
        let loc = Loc::request(row, TOTAL);
        cells::cell(format, loc)?;
        Some((report.count(loc)?, Place::Cell(loc)))
    };
    // The rows under a heading of table B, found from one of them: the sum of their 总计.
    let group = |member: RowId| {
        let heading = cells::cell(format, Loc::request(member, TOTAL))?.group?;
        let mut sum: u64 = 0;
        for row in group_rows(format, heading) {
            sum = sum.checked_add(report.count(Loc::request(row, TOTAL))?)?;
        }
        Some((sum, Place::Group(heading)))
    };
    // A group of table C: its 总计.
    let case = |group: u8| {
        let loc = Loc::Review { group, column: CASE_TOTAL };
        cells::cell(format, loc)?;
        Some((report.count(loc)?, Place::Cell(loc)))
    };
    match what {
        Stated::New => single(RowId::New),
        Stated::CarriedOver => single(RowId::CarriedOver),
        Stated::Granted => single(RowId::Granted),
        Stated::PartiallyGranted => single(RowId::PartiallyGranted),
        Stated::CarriedForward => single(RowId::CarriedForward),
        Stated::Withheld => group(RowId::StateSecret),
        Stated::Unable => group(RowId::NotHeld),
        Stated::NotProcessed => group(RowId::Petition),
        // （六）其他处理: one row in the 2019 template (named at the row, its total related),
        // three under a heading in 2021.
        // A 2021 document may hold it as one row too.
        Stated::Other => match report.cell(Loc::request(RowId::OtherSingle, TOTAL)) {
            Some(_) => Some((single(RowId::OtherSingle)?.0, Place::OtherRow)),
            None => group(RowId::NoCorrection),
        },
        Stated::Reviews => case(0),
        Stated::LawsuitsDirect => case(1),
        Stated::LawsuitsAfterReview => case(2),
        Stated::Lawsuits => {
            let (direct, after) = (case(1)?, case(2)?);
            Some((direct.0.checked_add(after.0)?, Place::Lawsuits))
        }
    }
}

/// The pointer a finding at `place` points at, and the cells it relates.
fn places(place: Place, format: Format) -> (String, Vec<String>) {
    let pointer = |loc| cells::pointer(format, loc).to_string();
    match place {
        Place::Cell(loc) => (pointer(loc), vec![]),
        Place::Group(heading) => (heading.id.to_string(), group_rows(format, heading).map(|row| pointer(Loc::request(row, TOTAL))).collect()),
        Place::OtherRow => {
            let loc = Loc::request(RowId::OtherSingle, TOTAL);
            (cells::cell(format, loc).map_or_else(String::new, |c| c.row.id.to_string()), vec![pointer(loc)])
        }
        Place::Lawsuits => (pointer(Loc::Review { group: 1, column: CASE_TOTAL }), vec![pointer(Loc::Review { group: 2, column: CASE_TOTAL })]),
    }
}

fn prose_table_mismatch(report: &Report, ctx: &mut Ctx) {
    let Some((s, _)) = sections(report) else { return };
    let Some(overview) = s.overview.as_deref() else { return };
    for st in statements(overview) {
        let Some((table, place)) = table_figure(st.what, report) else { continue };
        if table != st.value {
            let (path, related) = places(place, report.format());
            let mut hit = ctx.hit(Code::GR404, path).related(related).text("quote", &st.quote).expected(st.value).actual(table);
            if st.what == Stated::Lawsuits {
                hit = hit.param("cell", Param::Label(&labels::REVIEW_HEADERS[1]));
            }
            hit.emit();
        }
    }
}

/// The prose of a report with the pointer of each part: 一, 五 and 六 of a template report, the
/// parts of a 2007-regime one.
fn prose_parts(report: &Report) -> Vec<(Cow<'static, str>, &str)> {
    match report {
        Report::F2007(r) => r.sections.iter().enumerate().map(|(i, s)| (Cow::Owned(format!("/sections/{i}/text")), s.text.as_str())).collect(),
        _ => {
            let Some((s, _)) = sections(report) else { return vec![] };
            let parts = [(&s.overview, 0), (&s.problems, 4), (&s.other_matters, 5)];
            parts.into_iter().filter_map(|(t, i)| Some((Cow::Borrowed(labels::PARTS[i].label.id), t.as_deref()?))).collect()
        }
    }
}

/// Words that put a year's figures beside this year's (较2014年, 比上年) or ahead (将, 计划):
/// a sentence with one states no figures of its own year.
const OTHER_TIME: &[&str] =
    &["较", "比", "同比", "相比", "增长", "减少", "上年", "去年", "上一年", "将", "计划", "拟", "力争", "预计", "以来", "截至", "截止", "底", "末", "起"];
/// Who a report's sentences about its own figures are said of (我局, 本机关 …).
const SELF: &[&str] = &["我", "本"];
/// Words that say there was none of something (未收到 …): a figure as much as a count.
const NONE_SAID: &[&str] = &["未", "没有", "无"];
/// Units of counted things in prose.
const UNITS: &[&str] = &["件", "条", "项", "个", "次", "篇", "人次"];

/// What ends a sentence for [`stated_years`] (searched as bytes by [`find_sentence_end`]).
#[cfg(test)]
const SENTENCE_ENDS: [char; 4] = ['。', '；', ';', '\n'];

/// Searchers for 年 and ；, built once: building one costs more than searching a sentence.
struct Searchers {
    year: memchr::memmem::Finder<'static>,
    semicolon: memchr::memmem::Finder<'static>,
    semicolon_back: memchr::memmem::FinderRev<'static>,
}

fn searchers() -> &'static Searchers {
    static SEARCHERS: std::sync::OnceLock<Searchers> = std::sync::OnceLock::new();
    SEARCHERS.get_or_init(|| Searchers {
        year: memchr::memmem::Finder::new("年"),
        semicolon: memchr::memmem::Finder::new("；"),
        semicolon_back: memchr::memmem::FinderRev::new("；"),
    })
}

/// The byte where the first sentence end (。, ；, ; or a line break) of `text` starts, found with the
/// byte searches of `memchr` rather than by decoding every character: 。 is the one end whose
/// UTF-8 opens with 0xE3, and ；, rarer, is searched on its own.
fn find_sentence_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    let first = loop {
        let Some(k) = memchr::memchr3(b'\n', b';', 0xE3, &bytes[from..]) else { break None };
        let at = from + k;
        if bytes[at] != 0xE3 || bytes[at..].starts_with("。".as_bytes()) {
            break Some(at);
        }
        from = at + 1;
    };
    let semicolon = searchers().semicolon.find(&bytes[..first.unwrap_or(bytes.len())]);
    semicolon.or(first)
}

/// The byte after the last sentence end of `text` ([`find_sentence_end`] from the back).
fn after_last_sentence_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut to = bytes.len();
    let last = loop {
        let Some(at) = memchr::memrchr3(b'\n', b';', 0xE3, &bytes[..to]) else { break None };
        if bytes[at] != 0xE3 {
            break Some(at + 1);
        }
        if bytes[at..].starts_with("。".as_bytes()) {
            break Some(at + 3);
        }
        to = at;
    };
    let from = last.unwrap_or(0);
    let semicolon = searchers().semicolon_back.rfind(&bytes[from..]).map(|i| from + i + "；".len());
    semicolon.or(last)
}

/// The sentences of `text` (split at 。, ；, ; and line breaks) that may state a year, in order: those
/// with a 年 after a digit or a blank (a year is four digits and 年, blanks aside). The others,
/// most of a report's prose, are not read character by character.
fn sentences_with_year(text: &str) -> impl Iterator<Item = &str> {
    // Where the last sentence given ended, and where to look for the next 年.
    let (mut floor, mut search) = (0, 0);
    std::iter::from_fn(move || {
        loop {
            let at = search + searchers().year.find(text.get(search..)?.as_bytes())?;
            search = at + '年'.len_utf8();
            if !text[..at].chars().next_back().is_some_and(|c| c.is_ascii_digit() || c.is_whitespace()) {
                continue;
            }
            let start = floor + after_last_sentence_end(&text[floor..at]).unwrap_or(0);
            let end = find_sentence_end(&text[at..]).map_or(text.len(), |e| at + e);
            (floor, search) = (end, end);
            return Some(&text[start..end]);
        }
    })
}

/// The first year of a sentence as [`stated_years`] finds it ([`year_at`] over its characters
/// other than blanks), without collecting them: its place among those characters, and whether
/// 1月1日 follows it (a statistics period).
fn first_year(sentence: &str) -> Option<(usize, bool)> {
    let mut chars = sentence.chars().filter(|c| !c.is_whitespace());
    // The run of ASCII digits just read (a year is a run of exactly four) and its value.
    let (mut run, mut value) = (0usize, 0u32);
    let mut k = 0usize;
    while let Some(ch) = chars.next() {
        if ch.is_ascii_digit() {
            run += 1;
            value = (value * 10 + (ch as u32 - '0' as u32)) % 10_000;
        } else {
            if ch == '年' && run == 4 && (1990..=2100).contains(&value) {
                return Some((k - 4, chars.take(4).eq(['1', '月', '1', '日'])));
            }
            run = 0;
            value = 0;
        }
        k += 1;
    }
    None
}

/// Whether a sentence that opens with a year names "us" ([`SELF`]) in the six characters
/// after it (past 度 and commas), as [`stated_years`] reads it, without collecting the sentence.
fn says_self_after_year(sentence: &str) -> bool {
    let mut chars = sentence.chars().filter(|c| !c.is_whitespace()).skip(5).peekable();
    chars.next_if_eq(&'度');
    while chars.next_if(|ch| matches!(ch, ',' | '，')).is_some() {}
    let window: String = chars.take(6).collect();
    SELF.iter().any(|w| window.contains(w))
}

/// The years a text states its figures for: the statistics period ("统计期限自2015年1月1日起至
/// 2015年12月31日止": strong), and sentences that open with a year and say what "we" did that
/// year with a count or a none ("2015年，我局未收到…申请"). Each with its quote and strength.
fn stated_years(text: &str) -> Vec<(u16, String, bool)> {
    let mut out = vec![];
    // A year is four digits and 年 (meta's year_at): most sentences have none.
    for sentence in sentences_with_year(text) {
        if !sentence.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        // Only a sentence that opens with its first year, or whose first year starts a period,
        // can state one (most years are within a sentence): the rest is not taken apart.
        match first_year(sentence) {
            // One that opens with a year counts only when "we" follow it.
            Some((0, false)) if !says_self_after_year(sentence) => continue,
            Some((at, period)) if at == 0 || period => {}
            _ => continue,
        }
        let c: Vec<char> = sentence.chars().filter(|c| !c.is_whitespace()).collect();
        let joined: String = c.iter().collect();
        for i in 0..c.len() {
            let Some(y) = year_at(&c, i) else { continue };
            // The statistics period: Y年1月1日 … (Y年)12月31日.
            let period = c[i + 5..].starts_with(&['1', '月', '1', '日']);
            let after: String = if period { c[i + 5..c.len().min(i + 40)].iter().collect() } else { String::new() };
            if period && after.contains("12月31日") {
                let end_year = after.find("12月31日").and_then(|e| {
                    let head: Vec<char> = after[..e].chars().collect();
                    (head.len() >= 5).then(|| year_at(&head, head.len() - 5)).flatten()
                });
                if end_year.is_none_or(|e| e == y) {
                    out.push((y, c[i..c.len().min(i + 5 + after.chars().count())].iter().collect(), true));
                }
                continue;
            }
            // A sentence that opens with the year: "2015年，我局…" (a later year says nothing).
            if i != 0 {
                break;
            }
            let mut k = i + 5;
            if c.get(k) == Some(&'度') {
                k += 1;
            }
            while c.get(k).is_some_and(|ch| matches!(ch, ',' | '，')) {
                k += 1;
            }
            let own = SELF.iter().any(|w| c[k..c.len().min(k + 6)].iter().collect::<String>().contains(w));
            let figures = || {
                UNITS.iter().any(|u| joined.match_indices(u).any(|(b, _)| joined[..b].chars().next_back().is_some_and(|ch| ch.is_ascii_digit())))
                    || NONE_SAID.iter().any(|w| joined.contains(w))
            };
            let other_time = || OTHER_TIME.iter().any(|w| joined.contains(w));
            if own && figures() && !other_time() {
                out.push((y, joined.clone(), false));
            }
            break;
        }
    }
    out
}

/// GR406: the year the prose states its figures for against the report's year. A statistics
/// period of another year is reported; sentences about "our" figures of a year are reported
/// only when none of them names the report's own year.
fn body_year(report: &Report, ctx: &mut Ctx) {
    let year = report.meta().year;
    let mut weak: Vec<(Cow<'static, str>, u16, String)> = vec![];
    let mut own_year_said = false;
    for (path, text) in prose_parts(report) {
        for (y, quote, strong) in stated_years(text) {
            if y == year {
                own_year_said = true;
            } else if strong {
                ctx.hit(Code::GR406, path.into_owned()).related(vec!["/year".into()]).text("quote", quote).expected(year).actual(y).emit();
                return;
            } else {
                weak.push((path.clone(), y, quote));
            }
        }
    }
    if !own_year_said && let Some((path, y, quote)) = weak.into_iter().next() {
        ctx.hit(Code::GR406, path.into_owned()).related(vec!["/year".into()]).text("quote", quote).expected(year).actual(y).emit();
    }
}

define_rules! {
    /// Part missing.
    GR401 {
        name: "part-missing",
        severity: Error,
        check: Report(part_missing),
        title: ["缺少报告部分", "A part of the report is missing"],
        explanation: [
            "年度报告格式规定六个部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。文字部分缺失或为空，报告即不完整。",
            "The template has six parts; parts 一 (general situation), 五 (problems and improvements) and 六 (other matters) are prose. A missing or empty prose part makes the report incomplete.",
        ],
        message: ["缺少“{part}”部分或内容为空", "Part \"{part}\" is missing or empty"],
    }

    /// Perfunctory part 五.
    GR402 {
        name: "perfunctory-problems",
        severity: Warning,
        check: Report(perfunctory_problems),
        title: ["“存在的主要问题及改进情况”敷衍", "Part 五 (problems) is perfunctory"],
        explanation: [
            "第五部分应具体说明存在的主要问题和改进措施。只写“无”“暂无”或寥寥数字，属于上级通报中的“敷衍塞责”。判断标准：少于30个字；或少于80个字且只说未发现问题（“未发现”“不存在”“暂无”等）。",
            "Part 五 must name the main problems and what was done about them. A part that says only \"none\" or a few words is what supervising offices call perfunctory. Criterion: under 30 characters, or under 80 characters that only deny any problem (\"未发现\", \"不存在\", \"暂无\" …).",
        ],
        message: ["“存在的主要问题及改进情况”只有 {length} 个字：{quote}", "Part 五 (problems) has only {length} characters: {quote}"],
    }

    /// Government report without assessment results.
    GR403 {
        name: "government-results",
        severity: Warning,
        check: Report(government_results),
        title: ["人民政府报告未说明考核、评议和责任追究结果", "A government report omits assessment, appraisal and accountability results"],
        explanation: [
            "条例第五十条第（四）项：各级人民政府（含乡镇人民政府，不含部门和街道办事处）的年度报告应当包括政府信息公开工作考核、社会评议和责任追究结果情况。报告文字中未出现相应内容时报此问题。",
            "Article 50(4) of the regulations: the report of a people's government at any level, township governments included (not a department or a sub-district office), must state the results of performance assessment, public appraisal and accountability. Reported when the text does not mention them.",
        ],
        message: ["人民政府的报告未说明：{missing}", "The government's report does not state: {missing}"],
    }

    /// Prose against tables.
    GR404 {
        name: "prose-table-mismatch",
        severity: Warning,
        check: Report(prose_table_mismatch),
        title: ["正文数字与表格不一致", "A number in the text disagrees with the table"],
        explanation: [
            "总体情况中引用的数字（如“共收到政府信息公开申请56件”“予以公开18件”）应与表格中相应单元格一致。文字与表格不符是上级通报中的“数据失准”。",
            "Numbers quoted in part 一 (\"received 56 requests\", \"granted 18\") should equal the table cells they name. Text and tables that disagree are what supervising offices call inaccurate data.",
        ],
        message: ["正文称“{quote}”（{expected}），而{cell}为 {actual}", "The text says \"{quote}\" ({expected}), but {cell} is {actual}"],
    }

    /// 2021 overview topics.
    GR405 {
        name: "overview-topics",
        severity: Info,
        check: Report(overview_topics),
        title: ["总体情况未涵盖格式要求的方面", "Part 一 leaves out topics the template asks for"],
        explanation: [
            "2021年格式要求总体情况说明主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面。",
            "The 2021 template asks part 一 to cover proactive disclosure, disclosure on request, information management, disclosure platforms, and oversight.",
        ],
        message: ["总体情况未提及：{missing}", "Part 一 does not mention: {missing}"],
    }

    /// The body's year against the report's.
    GR406 {
        name: "body-year",
        severity: Warning,
        check: Report(body_year),
        title: ["正文所述年度与报告年度不符", "The text states its figures for another year than the report's"],
        explanation: [
            "正文写明的统计期限（“统计期限自2014年1月1日起至2014年12月31日止”），或以年份开头、讲本机关当年数字的句子（“2014年，我局主动公开信息…条”），与报告年度（标题所称年度）不一致，常见于照搬上一年报告而未改年份（内容雷同）。与往年比较（较、比、同比）或讲今后打算（将、计划）的句子不计；若正文另有讲报告年度的句子，只在统计期限不符时报告。",
            "The statistics period the text states (统计期限自2014年1月1日起至2014年12月31日止), or sentences that open with a year and give the agency's own figures of that year (2014年，我局主动公开信息…条), name another year than the report's (the year of its title): common in a report copied from last year's without changing the year. Sentences comparing years (较, 比, 同比) or about plans (将, 计划) do not count; where other sentences name the report's own year, only a statistics period of another year is reported.",
        ],
        message: ["报告年度为 {expected} 年，正文却称“{quote}”（{actual} 年）", "The report is for {expected}, but the text says \"{quote}\" ({actual})"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`stated_years`] as first written: every sentence split off and taken apart. The one
    /// that reads only the sentences with a year must find exactly the same.
    fn stated_years_by_splitting(text: &str) -> Vec<(u16, String, bool)> {
        let mut out = vec![];
        for sentence in text.split(['。', '；', ';', '\n']) {
            // A year is four digits and 年 (meta's year_at): most sentences have none.
            if !sentence.contains('年') || !sentence.bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            let c: Vec<char> = sentence.chars().filter(|c| !c.is_whitespace()).collect();
            let joined: String = c.iter().collect();
            for i in 0..c.len() {
                let Some(y) = year_at(&c, i) else { continue };
                // The statistics period: Y年1月1日 … (Y年)12月31日.
                let period = c[i + 5..].starts_with(&['1', '月', '1', '日']);
                let after: String = if period { c[i + 5..c.len().min(i + 40)].iter().collect() } else { String::new() };
                if period && after.contains("12月31日") {
                    let end_year = after.find("12月31日").and_then(|e| {
                        let head: Vec<char> = after[..e].chars().collect();
                        (head.len() >= 5).then(|| year_at(&head, head.len() - 5)).flatten()
                    });
                    if end_year.is_none_or(|e| e == y) {
                        out.push((y, c[i..c.len().min(i + 5 + after.chars().count())].iter().collect(), true));
                    }
                    continue;
                }
                // A sentence that opens with the year: "2015年，我局…" (a later year says nothing).
                if i != 0 {
                    break;
                }
                let mut k = i + 5;
                if c.get(k) == Some(&'度') {
                    k += 1;
                }
                while c.get(k).is_some_and(|ch| matches!(ch, ',' | '，')) {
                    k += 1;
                }
                let own = SELF.iter().any(|w| c[k..c.len().min(k + 6)].iter().collect::<String>().contains(w));
                let figures = || {
                    UNITS.iter().any(|u| joined.match_indices(u).any(|(b, _)| joined[..b].chars().next_back().is_some_and(|ch| ch.is_ascii_digit())))
                        || NONE_SAID.iter().any(|w| joined.contains(w))
                };
                let other_time = || OTHER_TIME.iter().any(|w| joined.contains(w));
                if own && figures() && !other_time() {
                    out.push((y, joined.clone(), false));
                }
                break;
            }
        }
        out
    }

    #[test]
    fn sentence_ends_found_in_bytes_are_those_found_in_characters() {
        let mut texts = crate::prose_numbers::fixture_texts();
        texts.push("一。二；三;四\n五、六，七「八」９０；".to_string());
        for text in &texts {
            assert_eq!(find_sentence_end(text), text.find(SENTENCE_ENDS), "{text}");
            let last = text.rfind(SENTENCE_ENDS).map(|i| i + text[i..].chars().next().map_or(1, char::len_utf8));
            assert_eq!(after_last_sentence_end(text), last, "{text}");
            for (i, _) in text.char_indices().step_by(97) {
                assert_eq!(find_sentence_end(&text[i..]), text[i..].find(SENTENCE_ENDS));
            }
        }
    }

    #[test]
    fn reading_only_sentences_with_a_year_finds_what_splitting_every_sentence_finds() {
        let mut texts = crate::prose_numbers::fixture_texts();
        // Sentences made to reach each branch: a period, a year opening with and without
        // "us", blanks inside the year, a fifth digit, a year out of range, a later year.
        texts.push(
            "统计期限自2015年1月1日起至2015年12月31日止。 2 0 1 5 年，我局未收到申请。12015年，我局收到3件。1900年，我局收到3件；\n2015年度，本机关办理2件\n             截至2016年，我局较2014年增长。2015年1月1日至2016年12月31日；全年2015年，我局受理5件。2015年\u{3000}我局无。年2015年；全 年，2015年我局办理3件；２０１５年，我局未收到。2015\u{3000}年，我局收到4件；\n2015年"
                .to_string(),
        );
        let mut found = 0;
        for text in &texts {
            for piece in text.split("\n\n").chain(text.split('，')).chain([text.as_str()]) {
                let expected = stated_years_by_splitting(piece);
                assert_eq!(stated_years(piece), expected, "{piece}");
                found += expected.len();
            }
        }
        assert!(found > 20, "{found}");
    }
}
