//! The facts a report states about itself: title, year, agency, publication date; the format
//! its tables follow; the agency kind its name shows.

use std::collections::BTreeSet;

use super::Line;
use super::findings::Pos;
use super::norm::{self, plain};
use crate::model::AgencyKind;

/// Where a fact was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// In the title.
    Title,
    /// In a field of the page around the report ("发布机构: …"): line index and the words.
    Field(usize, String),
    /// In a statement of the statistics period (year) or a sentence naming the report: line
    /// index and the words.
    Statement(usize, String),
    /// In the signature (落款) or its date at the end: line index and the words.
    Signature(usize, String),
    /// The first place the text mentions one (line index and the words).
    FirstMention(usize, String),
    /// A PDF file's information dictionary: the entry and its value as read (`CreationDate`).
    Metadata(&'static str, String),
}

impl Source {
    /// Where it was found, when it is not the title: the line (None for the file's metadata),
    /// the words and what that place is, in both languages.
    pub fn inferred(&self) -> Option<(Option<usize>, &str, (&'static str, &'static str))> {
        match self {
            Source::Title => None,
            Source::Field(li, q) => Some((Some(*li), q, ("页面信息栏", "a field of the page"))),
            Source::Statement(li, q) => Some((Some(*li), q, ("说明报告的语句", "a sentence about the report"))),
            Source::Signature(li, q) => Some((Some(*li), q, ("落款", "the signature"))),
            Source::FirstMention(li, q) => Some((Some(*li), q, ("正文首次提及处", "the first mention in the text"))),
            Source::Metadata(_, q) => Some((None, q, ("PDF 文件属性（创建日期）", "the PDF file's properties (creation date)"))),
        }
    }
}

/// What the source states about the report.
#[derive(Debug, Default)]
pub struct Meta {
    /// The title, as published (lines joined).
    pub title: Option<String>,
    /// The reporting year and where it was found.
    pub year: Option<(u16, Source)>,
    /// The agency name as published and where it was found.
    pub agency: Option<(String, Source)>,
    /// The publication date, `YYYY-MM-DD`, and where it was found (a field of the page is
    /// [`Source::Title`]'s equal: it states the date).
    pub published_on: Option<(String, Source)>,
    /// Lines that are the title, date lines or the signature: not part of any section.
    pub excluded: BTreeSet<usize>,
}

/// A year from 1990 to 2100 written as four digits at `at` of `p`, followed by 年.
pub(crate) fn year_at(p: &[char], at: usize) -> Option<u16> {
    let d = p.get(at..at + 4)?;
    if !d.iter().all(char::is_ascii_digit) {
        return None;
    }
    if at > 0 && p[at - 1].is_ascii_digit() {
        return None;
    }
    let mut k = at + 4;
    while p.get(k).is_some_and(|c| *c == ' ') {
        k += 1;
    }
    if p.get(k) != Some(&'年') {
        return None;
    }
    let y: u16 = d.iter().collect::<String>().parse().ok()?;
    (1990..=2100).contains(&y).then_some(y)
}

fn find(p: &[char], word: &str) -> Option<usize> {
    let first = word.chars().next()?;
    let n = word.chars().count();
    if n > p.len() {
        return None;
    }
    (0..=p.len() - n).find(|&i| p[i] == first && p[i..i + n].iter().copied().eq(word.chars()))
}

fn contains(p: &[char], word: &str) -> bool {
    find(p, word).is_some()
}

fn string(c: &[char]) -> String {
    c.iter().collect()
}

/// Whether `s` reads like the title of an annual report.
fn is_title(s: &str) -> bool {
    let p = plain(s);
    let n = p.iter().filter(|c| !norm::is_space(**c)).count();
    (6..=80).contains(&n)
        && (contains(&p, "报告") || contains(&p, "年报"))
        && (contains(&p, "信息公开") || contains(&p, "政务公开") || contains(&p, "信息工作"))
        && (0..p.len()).any(|i| year_at(&p, i).is_some())
        && !contains(&p, "。")
        && !contains(&p, "根据")
}

/// Strips a field name before a title ("标题:") and the bars of a copied table.
fn title_text(line: &Line) -> String {
    let t = line.text.trim();
    let p = plain(t);
    for w in ["标题:", "标题 :", "标 题:", "名称:", "题名:"] {
        let wc: Vec<char> = w.chars().collect();
        if p.starts_with(&wc) {
            return t.chars().skip(wc.len()).collect::<String>().trim().to_string();
        }
    }
    t.to_string()
}

/// The year and agency a title states: the agency is what stands before the year.
fn from_title(title: &str) -> (Option<u16>, Option<String>) {
    let chars: Vec<char> = title.chars().collect();
    let p = plain(title);
    let mut found = None;
    for i in 0..p.len() {
        if let Some(y) = year_at(&p, i)
            && contains(&p[i..], "报告")
        {
            found = Some((i, y));
        }
    }
    let Some((at, year)) = found else { return (None, None) };
    let mut name: String = string(&chars[..at]).trim().to_string();
    for suffix in ["关于", "關於"] {
        if let Some(s) = name.strip_suffix(suffix) {
            name = s.trim().to_string();
        }
    }
    let name = name.trim_matches(|c: char| norm::is_space(c) || matches!(c, '《' | '“' | '"' | ':' | '：' | '|')).to_string();
    (Some(year), (!name.is_empty()).then_some(name))
}

/// Words after which a sentence names the agency that wrote the report.
const INTRO: &[&str] = &["现将", "特编制", "编制", "发布", "公布", "特将", "将"];

/// Whether `c` ends a clause: an agency name does not run across it.
fn clause_break(c: char) -> bool {
    matches!(c, ',' | '，' | '。' | ';' | '；' | ':' | '：' | '!' | '?' | '、' | '《' | '》' | '"' | '“' | '”' | '…' | '\n')
}

/// The agency named before position `at` (the year of "…2023年…报告") in a sentence:
/// back to the clause start or to 现将/编制, without a parenthesis such as (以下简称龙华局).
fn agency_before(chars: &[char], p: &[char], at: usize) -> Option<(String, usize)> {
    let mut end = at;
    // A parenthesis right before the year: (以下简称…).
    while end > 0 && matches!(p[end - 1], ')' | '）') {
        let open = (0..end - 1).rev().find(|&k| matches!(p[k], '(' | '（'))?;
        end = open;
    }
    let mut start = end;
    while start > 0 && !clause_break(p[start - 1]) && end - start < 40 {
        start -= 1;
    }
    let seg = &p[start..end];
    let mut from = 0;
    for w in INTRO {
        let wc: Vec<char> = w.chars().collect();
        if wc.len() <= seg.len()
            && let Some(k) = (0..=seg.len() - wc.len()).rev().find(|&k| seg[k..k + wc.len()] == wc[..])
        {
            from = from.max(k + wc.len());
            break;
        }
    }
    let name = string(&chars[start + from..end]).trim().trim_start_matches(['《', '“', '"']).to_string();
    agency_name(&name).then_some((name, start + from))
}

/// "2022年,抚远市自然资源局……": an agency right after a year at the start of a sentence.
fn agency_after_year(chars: &[char], p: &[char]) -> Option<String> {
    for i in 0..p.len() {
        if year_at(p, i).is_none() {
            continue;
        }
        let mut k = i + 5;
        while p.get(k).is_some_and(|c| matches!(c, ',' | '，' | ' ' | '度')) {
            k += 1;
        }
        if k == i + 5 && p.get(i + 4) != Some(&'年') {
            continue;
        }
        let mut end = k;
        while end < p.len() && norm::is_cjk(p[end]) && end - k < 30 {
            end += 1;
        }
        let seg = &p[k..end];
        // The longest prefix that ends like an agency name and names a place.
        let mut best = None;
        for j in (2..=seg.len()).rev() {
            let s = string(&seg[..j]);
            if agency_name(&s) && ["市", "区", "县", "省", "镇", "乡", "街道", "州", "盟", "旗"].iter().any(|r| s.contains(r)) {
                best = Some(j);
                break;
            }
        }
        if let Some(j) = best {
            return Some(string(&chars[k..k + j]));
        }
        return None;
    }
    None
}

/// A date written at `at` of `p`: 2023-01-17, 2023/1/17, 2023.01.17, 2023年1月17日 or
/// 二〇二三年一月十七日. Returns `YYYY-MM-DD` and the length read.
pub fn date_at(p: &[char], at: usize) -> Option<(String, usize)> {
    let digits = |from: usize, max: usize| -> (u32, usize) {
        let mut v = 0u32;
        let mut n = 0;
        while n < max && p.get(from + n).is_some_and(char::is_ascii_digit) {
            v = v * 10 + p[from + n].to_digit(10).unwrap_or(0);
            n += 1;
        }
        (v, n)
    };
    let skip_spaces = |mut k: usize| {
        while p.get(k).is_some_and(|c| *c == ' ') {
            k += 1;
        }
        k
    };
    let (y, n) = digits(at, 4);
    if n == 4 && !(at > 0 && p[at - 1].is_ascii_digit()) {
        let k = skip_spaces(at + 4);
        let sep = *p.get(k)?;
        if matches!(sep, '-' | '/' | '.' | '年') {
            let k1 = skip_spaces(k + 1);
            let (m, mn) = digits(k1, 2);
            let k2 = skip_spaces(k1 + mn);
            let sep2 = *p.get(k2)?;
            let want2 = if sep == '年' { '月' } else { sep };
            if mn > 0 && sep2 == want2 {
                let k3 = skip_spaces(k2 + 1);
                let (d, dn) = digits(k3, 2);
                let mut end = k3 + dn;
                if sep == '年' && p.get(skip_spaces(end)) == Some(&'日') {
                    end = skip_spaces(end) + 1;
                }
                if dn > 0 && (1..=12).contains(&m) && (1..=31).contains(&d) && (sep != '年' || p.get(end - 1) == Some(&'日')) {
                    return Some((format!("{y:04}-{m:02}-{d:02}"), end - at));
                }
            }
        }
        return None;
    }
    // Chinese numerals.
    let zh_digit = |c: char| "〇一二三四五六七八九".chars().position(|d| d == c).or(if matches!(c, '○' | '零' | 'O' | 'o') { Some(0) } else { None });
    let mut k = at;
    let mut y = 0u32;
    for _ in 0..4 {
        y = y * 10 + zh_digit(*p.get(k)?)? as u32;
        k += 1;
    }
    if p.get(k) != Some(&'年') {
        return None;
    }
    let num = |from: usize, unit: char| -> Option<(u32, usize)> {
        let end = (from..p.len().min(from + 4)).find(|&i| p[i] == unit)?;
        let v = norm::chinese_number(&string(&p[from..end]))?;
        Some((v, end + 1))
    };
    let (m, k) = num(k + 1, '月')?;
    let (d, k) = num(k, '日')?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| (format!("{y:04}-{m:02}-{d:02}"), k - at))
}

/// Field names that introduce the publication date, strongest first (each ends in 期, 间 or
/// 于: [`read`] looks at lines with one of those only).
const DATE_FIELDS: &[&str] = &["发布日期", "发布时间", "发文日期", "公开日期", "印发日期", "发布于", "成文日期", "生成日期"];

fn date_after_field(p: &[char]) -> Option<String> {
    for field in DATE_FIELDS {
        if let Some(i) = find(p, field) {
            let mut k = i + field.chars().count();
            while p.get(k).is_some_and(|c| matches!(c, ':' | '：' | ' ' | '|' | '】' | ']')) {
                k += 1;
            }
            if let Some((d, _)) = date_at(p, k) {
                return Some(d);
            }
        }
    }
    None
}

/// Whether the whole line is a date (the date under the signature).
fn date_line(p: &[char]) -> Option<String> {
    let q: Vec<char> = p.iter().copied().filter(|c| !norm::is_space(*c)).collect();
    let (d, len) = date_at(&q, 0)?;
    (len == q.len()).then_some(d)
}

/// Reads the facts from `lines`; `page_title` is an HTML page's `<title>`, `end` where the
/// report ends on it ([`super::template::report_scope`]: the signature is looked for above).
pub fn read(lines: &[Line], page_title: Option<&str>, end: Option<u32>) -> Meta {
    let mut m = Meta::default();
    // Title: among the first lines.
    let head = lines.len().min(12);
    let mut i = 0;
    while i < head && m.title.is_none() {
        let t = title_text(&lines[i]);
        if is_title(&t) {
            let starts_with_year = {
                let p = plain(t.trim());
                year_at(&p, 0).is_some()
            };
            if starts_with_year && i > 0 && !m.excluded.contains(&(i - 1)) {
                let prev = title_text(&lines[i - 1]);
                let pp = plain(&prev);
                if (2..=40).contains(&pp.len()) && !pp.iter().any(|c| clause_break(*c) || c.is_ascii_digit()) {
                    m.title = Some(format!("{}{}", prev.trim(), t.trim()));
                    m.excluded.extend([i - 1, i]);
                    break;
                }
            }
            m.title = Some(t.trim().to_string());
            m.excluded.insert(i);
        } else if i + 1 < lines.len() {
            let next = title_text(&lines[i + 1]);
            let joined = format!("{}{}", t.trim(), next.trim());
            if !plain(&t).iter().collect::<String>().contains("报告") && next.chars().count() <= 12 && is_title(&joined) {
                m.title = Some(joined);
                m.excluded.extend([i, i + 1]);
            }
        }
        i += 1;
    }
    if m.title.is_none()
        && let Some(pt) = page_title
    {
        m.title = pt.split(['_', '|', '－', '—']).flat_map(|s| s.split(" - ")).map(str::trim).find(|s| is_title(s)).map(str::to_string);
    }
    if let Some(t) = &m.title {
        let (y, a) = from_title(t);
        m.year = y.map(|y| (y, Source::Title));
        m.agency = a.filter(|a| agency_name(a)).map(|a| (a, Source::Title));
    }
    // A field of the page around the report: "发布机构: …", "来源：…".
    if m.agency.is_none() {
        'field: for (li, line) in lines.iter().enumerate().take(40) {
            let chars: Vec<char> = line.text.chars().collect();
            let p = plain(&line.text);
            for field in AGENCY_FIELDS {
                let Some(at) = find(&p, field) else { continue };
                if at > 0 && norm::is_cjk(p[at - 1]) {
                    continue;
                }
                let mut k = at + field.chars().count();
                while p.get(k).is_some_and(|c| matches!(c, ':' | '：' | ' ' | '|' | '】' | ']')) {
                    k += 1;
                }
                let end = (k..p.len()).find(|&e| norm::is_space(p[e]) || p[e] == '|').unwrap_or(p.len());
                let name = string(&chars[k..end]).trim().to_string();
                if agency_name(&name) {
                    m.agency = Some((name, Source::Field(li, string(&chars[at..end]))));
                    break 'field;
                }
            }
        }
    }
    // The statistics period: 2023年1月1日 … 12月31日.
    if m.year.is_none() {
        'period: for (li, line) in lines.iter().enumerate().take(60) {
            let p: Vec<char> = plain(&line.text).into_iter().filter(|c| !norm::is_space(*c)).collect();
            for i in 0..p.len() {
                if let Some(y) = year_at(&p, i)
                    && p[i + 5..].starts_with(&['1', '月', '1', '日'])
                    && p.len() > i + 9
                    && contains(&p[i + 9..p.len().min(i + 40)], "12月31日")
                {
                    let quote = string(&p[i..p.len().min(i + 24)]);
                    m.year = Some((y, Source::Statement(li, quote)));
                    break 'period;
                }
            }
        }
    }
    // A sentence that names the report: "现将深圳市…局2023年信息公开年度报告进行公布".
    if m.year.is_none() || m.agency.is_none() {
        'sentence: for (li, line) in lines.iter().enumerate().take(20) {
            let chars: Vec<char> = line.text.chars().collect();
            let p = plain(&line.text);
            for i in 0..p.len() {
                if let Some(y) = year_at(&p, i) {
                    let window = &p[i..p.len().min(i + 24)];
                    let Some(r) = find(window, "报告") else { continue };
                    if !contains(&window[..r], "信息") {
                        continue;
                    }
                    let quote = |from: usize| string(&chars[from..(i + r + 2).min(chars.len())]);
                    if m.year.is_none() {
                        m.year = Some((y, Source::Statement(li, quote(i))));
                    }
                    if m.agency.is_none()
                        && let Some((a, from)) = agency_before(&chars, &p, i)
                    {
                        m.agency = Some((a, Source::Statement(li, quote(from))));
                    }
                    break 'sentence;
                }
            }
        }
    }
    // The first mention: "2022年,抚远市自然资源局……".
    if m.year.is_none() {
        'first: for (li, line) in lines.iter().enumerate() {
            let p = plain(&line.text);
            for i in 0..p.len() {
                if let Some(y) = year_at(&p, i) {
                    let quote: String = line.text.chars().skip(i).take(20).collect();
                    m.year = Some((y, Source::FirstMention(li, quote)));
                    break 'first;
                }
            }
        }
    }
    // The publication date: a field, else the date of the signature at the end.
    for (li, line) in lines.iter().enumerate() {
        // Every field's name ends in 期, 间 or 于 (or their traditional forms).
        if !line.text.contains(['期', '间', '間', '于', '於']) {
            continue;
        }
        if let Some(d) = date_after_field(&plain(&line.text)) {
            m.published_on = Some((d, Source::Title));
            // The line of fields, not a paragraph that holds one.
            if line.text.chars().count() <= 80 {
                m.excluded.insert(li);
            }
            break;
        }
    }
    // The page around the report: print and close links, site footers, the header of fields.
    for (li, line) in lines.iter().enumerate() {
        if is_chrome(&line.text) {
            m.excluded.insert(li);
        }
    }
    let within = |i: &usize| end.is_none_or(|e| lines[*i].node.is_none_or(|n| n <= e));
    let last: Vec<usize> = (0..lines.len()).rev().filter(|i| !m.excluded.contains(i) && within(i)).take(4).collect();
    for &li in &last {
        if let Some(d) = date_line(&plain(&lines[li].text)) {
            if m.published_on.is_none() {
                m.published_on = Some((d, Source::Signature(li, lines[li].text.trim().to_string())));
            }
            m.excluded.insert(li);
            // The signature above the date.
            if let Some(prev) = (0..li).rev().find(|i| !m.excluded.contains(i))
                && is_signature(&lines[prev].text, m.agency.as_ref().map(|a| a.0.as_str()))
            {
                m.excluded.insert(prev);
                let name = lines[prev].text.trim().to_string();
                if m.agency.is_none() && agency_name(&name) {
                    m.agency = Some((name.clone(), Source::Signature(prev, name)));
                }
            }
            break;
        }
    }
    // The first mention, when nothing better names the agency: "2022年,抚远市自然资源局……".
    if m.agency.is_none() {
        for (li, line) in lines.iter().enumerate().take(20) {
            if m.excluded.contains(&li) {
                continue;
            }
            let chars: Vec<char> = line.text.chars().collect();
            if let Some(a) = agency_after_year(&chars, &plain(&line.text)) {
                let quote: String = chars.iter().take(30).collect();
                m.agency = Some((a, Source::FirstMention(li, quote)));
                break;
            }
        }
    }
    m
}

/// Field names in the header of a page that give the body that published it.
const AGENCY_FIELDS: &[&str] = &["发布机构", "发文机关", "发布单位", "发布部门", "信息来源", "来源"];

/// Words that make a stretch of prose, never an agency's name ("我局认真贯彻落实省政府办公厅").
const NOT_IN_NAMES: &[&str] = &[
    "贯彻",
    "落实",
    "认真",
    "推进",
    "加强",
    "开展",
    "做好",
    "围绕",
    "按照",
    "坚持",
    "进一步",
    "主动",
    "深入",
    "积极",
    "全面",
    "报告",
    "通过",
    "根据",
    "印发",
    "转发",
    "关于",
    "实施",
    "要求",
    "规定",
    "网站",
    "门户",
    "本站",
];

/// Whether `name` reads as the name of a body: of the right length and characters, ending as
/// names of bodies end, and no stretch of prose (我局…, 关于…, …贯彻落实…).
pub fn agency_name(name: &str) -> bool {
    let p = plain(name.trim());
    let n = p.len();
    (2..=40).contains(&n)
        && p.iter().all(|c| norm::is_cjk(*c) || c.is_ascii_alphanumeric() || matches!(c, '(' | ')' | '·'))
        && !matches!(p[0], '我' | '本' | '该' | '各' | '全' | '对' | '在' | '按' | '为' | '由' | '经' | '将' | '现' | '年' | '度' | '和' | '及' | '与' | '其')
        && !NOT_IN_NAMES.iter().any(|w| contains(&p, w))
        && ends_like_agency(name)
}

/// Whether `name` ends as the name of a body does (局, 委员会, 人民政府, 街道办事处 …).
pub fn ends_like_agency(name: &str) -> bool {
    let k: String = plain(name).into_iter().filter(|c| !norm::is_space(*c)).collect();
    crate::labels::AGENCY_NAME_KINDS.iter().any(|r| r.ends.iter().any(|e| k.ends_with(e)))
}

/// Words of the page around an article, never of a report (half-width, as [`plain`] gives them).
const CHROME: &[&str] = &[
    "打印本页",
    "关闭窗口",
    "【打印】",
    "【关闭】",
    "版权所有",
    "ICP备",
    "网站标识码",
    "网站地图",
    "主办单位",
    "主办:",
    "承办单位",
    "技术支持",
    "分享到",
    "浏览次数",
    "访问量",
    "扫一扫",
    "上一篇",
    "下一篇",
    "字号:",
    "【字体",
    "您当前的位置",
    "当前位置:",
    "页面链接与图片详见",
    "附件下载",
];

/// Whether `t` holds a word of [`CHROME`]: looked for only where a character starts one.
fn has_chrome_word(t: &str) -> bool {
    // A bit for each character of the basic plane that starts a word.
    static FIRST: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    let first = FIRST.get_or_init(|| {
        let mut bits = vec![0u64; 0x10000 / 64];
        for c in CHROME.iter().filter_map(|w| w.chars().next()) {
            let c = c as usize;
            bits[c / 64] |= 1 << (c % 64);
        }
        bits
    });
    let starts = |c: char| (c as usize) < 0x10000 && first[c as usize / 64] & (1 << (c as usize % 64)) != 0;
    t.char_indices().any(|(i, c)| starts(c) && CHROME.iter().any(|w| t[i..].starts_with(w)))
}

/// Fields of the header a portal or an archive prints above a report ("原文链接: …").
const HEADER_FIELDS: &[&str] = &[
    "标题",
    "发布时间",
    "发布日期",
    "发文日期",
    "成文日期",
    "文号",
    "发布机构",
    "发文机关",
    "栏目",
    "原文链接",
    "本地目录",
    "索引号",
    "主题分类",
    "所属机构",
    "来源",
    "信息来源",
];

/// Whether a line is part of the page around the report (navigation, print links, footer, the
/// header of fields).
pub fn is_chrome(text: &str) -> bool {
    // A sentence is never chrome.
    if text.contains('。') {
        return false;
    }
    let mut t = String::with_capacity(text.len());
    let mut chars = 0;
    for c in text.chars().map(|c| norm::half_width(norm::simplify(c))) {
        if !norm::is_space(c) {
            t.push(c);
            chars += 1;
        }
    }
    let field = t.contains([':', '|']) && HEADER_FIELDS.iter().any(|f| t.strip_prefix(f).is_some_and(|rest| rest.starts_with([':', '|'])));
    let banner = t.starts_with("==") && t.ends_with("==");
    field || banner || (chars <= 60 && has_chrome_word(&t))
}

/// Whether a line above the closing date is the signature: the agency's name or a short form.
fn is_signature(text: &str, agency: Option<&str>) -> bool {
    let k = norm::key(text);
    let n = k.chars().count();
    if !(2..=30).contains(&n) || k.chars().any(|c| clause_break(c) || c == '。') {
        return false;
    }
    match agency.map(norm::key) {
        Some(a) if !a.is_empty() && (a.contains(&k) || k.contains(&a)) => true,
        _ => ends_like_agency(&k),
    }
}

/// The kind of body its name shows ([`crate::labels::AGENCY_NAME_KINDS`]) and the words that
/// show it; None when the name shows none (then the importer takes a department and says so).
pub fn agency_kind(name: &str) -> Option<(AgencyKind, &'static str)> {
    let s: String = plain(name).into_iter().filter(|c| !norm::is_space(*c)).collect();
    crate::labels::AGENCY_NAME_KINDS.iter().find_map(|r| {
        let end = r.ends.iter().find(|e| s.ends_with(**e))?;
        if r.holds.is_empty() {
            return Some((r.kind, *end));
        }
        r.holds.iter().find(|h| s.contains(**h)).map(|_| (r.kind, *end))
    })
}

/// The place of line `li` for a finding.
pub fn pos_of(lines: &[Line], li: usize) -> Pos {
    lines.get(li).map_or(Pos::Whole, |l| l.pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Vec<char> {
        plain(s)
    }

    #[test]
    fn every_chrome_word_is_found() {
        for w in CHROME {
            assert!(has_chrome_word(&format!("某{w}某")), "{w}");
        }
        assert!(!has_chrome_word("打印机采购项目"));
    }

    #[test]
    fn date_fields_end_as_read_looks_for() {
        assert!(DATE_FIELDS.iter().all(|f| f.ends_with(['期', '间', '于'])));
    }

    #[test]
    fn dates() {
        assert_eq!(date_at(&p("2009-02-27 15:19:45"), 0).map(|d| d.0), Some("2009-02-27".into()));
        assert_eq!(date_at(&p("2014年3月25日"), 0).map(|d| d.0), Some("2014-03-25".into()));
        assert_eq!(date_at(&p("2013 年 3 月 20 日"), 0).map(|d| d.0), Some("2013-03-20".into()));
        assert_eq!(date_at(&p("二〇一四年三月二十五日"), 0).map(|d| d.0), Some("2014-03-25".into()));
        assert_eq!(date_at(&p("2014年13月25日"), 0), None);
        assert_eq!(date_line(&p("              2013年3月20日")), Some("2013-03-20".into()));
        assert_eq!(date_after_field(&p("发布日期:2013-03-20    点击数:")), Some("2013-03-20".into()));
    }

    #[test]
    fn titles() {
        assert!(is_title("长春经济技术开发区2012年度政府信息公开工作报告"));
        assert!(!is_title("根据《条例》要求，编制2023年政府信息公开工作年度报告。"));
        assert_eq!(from_title("西安市高陵区行政审批服务局2021年政府信息公开工作年度报告"), (Some(2021), Some("西安市高陵区行政审批服务局".into())));
        assert_eq!(from_title("2024年政府信息公开工作年度报告"), (Some(2024), None));
    }

    #[test]
    fn kinds() {
        let kind = |n: &str| agency_kind(n).map(|k| k.0);
        assert_eq!(kind("太平镇人民政府"), Some(AgencyKind::Township));
        assert_eq!(kind("莲湖区西关街道办事处"), Some(AgencyKind::Township));
        assert_eq!(kind("包头市九原区人民政府"), Some(AgencyKind::Government));
        assert_eq!(kind("四川省人民政府办公厅"), Some(AgencyKind::Department));
        assert_eq!(kind("湛江市人民政府地方志办公室"), Some(AgencyKind::Department));
        assert_eq!(agency_kind("平潭综合实验区管理委员会"), Some((AgencyKind::Government, "管理委员会")));
        assert_eq!(kind("长春经济技术开发区"), Some(AgencyKind::Government));
        assert_eq!(kind("平潭综合实验区经济发展局"), Some(AgencyKind::Department));
        assert_eq!(kind("某区管委会"), Some(AgencyKind::Department));
        assert_eq!(kind(""), None);
    }

    #[test]
    fn names_never_prose() {
        assert!(agency_name("光明区外事局"));
        for prose in ["我局认真贯彻落实省政府办公厅", "关于", "我镇主动公开政府", "区政府网站", "本局"] {
            assert!(!agency_name(prose), "{prose}");
        }
        let s = "2022年，我局认真贯彻落实省政府办公厅关于政务公开的要求";
        assert_eq!(agency_after_year(&s.chars().collect::<Vec<_>>(), &p(s)), None);
        let s = "2019年，我镇主动公开政府信息120条";
        assert_eq!(agency_after_year(&s.chars().collect::<Vec<_>>(), &p(s)), None);
    }

    #[test]
    fn agencies_in_sentences() {
        let s = "根据《中华人民共和国政府信息公开条例》以及上级有关规定,现将深圳市市场监督管理局龙华监管局(以下简称龙华局)2023年信息公开年度报告进行公布。";
        let (c, pp) = (s.chars().collect::<Vec<_>>(), p(s));
        let at = (0..pp.len()).find(|&i| year_at(&pp, i).is_some()).unwrap();
        assert_eq!(agency_before(&c, &pp, at).map(|a| a.0).as_deref(), Some("深圳市市场监督管理局龙华监管局"));
        let s = "2024年,光明区外事局认真贯彻落实《中华人民共和国政府信息公开条例》……";
        assert_eq!(agency_after_year(&s.chars().collect::<Vec<_>>(), &p(s)).as_deref(), Some("光明区外事局"));
    }
}
