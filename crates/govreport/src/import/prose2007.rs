//! Reports of the 2007 regime: prose parts under headings (一、… or （一）…) and the totals
//! they state with their breakdowns (共主动公开政府信息3025条，其中：规范性文件类326条，…)
//! and percentages (占12.5%), read into `sections` and `figures`.

use super::Line;
use super::findings::{Notes, Pos};
use super::meta::Meta;
use super::norm::{self, plain};
use super::structure;
use crate::model::{Cell, Dec, Figure, FigurePart, ProseSection};
use crate::rules::Code;

/// A heading longer than this (in characters) is a paragraph that starts with a numeral.
const MAX_HEADING: usize = 40;

/// The numeral of a top-level heading and the heading's end: `一、…` (`dotted`) or `（一）…`.
fn heading(text: &str, bracketed: bool) -> Option<(u32, usize)> {
    let p = plain(text.trim());
    let (num, after) = if bracketed {
        if p.first() != Some(&'(') {
            return None;
        }
        let close = p.iter().position(|c| *c == ')')?;
        (norm::chinese_number(&p[1..close].iter().collect::<String>())?, close + 1)
    } else {
        let n = p.iter().take_while(|c| "一二三四五六七八九十".contains(**c)).count();
        if n == 0 || !matches!(p.get(n), Some('、' | '.' | '．')) {
            return None;
        }
        (norm::chinese_number(&p[..n].iter().collect::<String>())?, n + 1)
    };
    // The heading runs to a colon or to the end of the line; it is short and not a sentence.
    let end = p[after..].iter().position(|c| matches!(c, ':' | '：')).map_or(p.len(), |i| after + i);
    let words = &p[after..end];
    let body = words.iter().filter(|c| !norm::is_space(**c)).count();
    if body == 0 || body > MAX_HEADING || words.contains(&'。') || words.contains(&'；') {
        return None;
    }
    Some((num, end))
}

/// The numeral of a part heading as published ("三、…" or "（三）…") and whether it is in
/// brackets.
pub(crate) fn numeral_of(heading_text: &str) -> Option<(u32, bool)> {
    heading(heading_text, false).map(|h| (h.0, false)).or_else(|| heading(heading_text, true).map(|h| (h.0, true)))
}

/// Whether a line only marks text left out (……).
fn elision(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.chars().all(|c| matches!(c, '…' | '.' | '。' | '·' | ' ' | '⋯'))
}

/// The sections and figures of a 2007-regime report. Parts start at headings numbered 一、…
/// (or （一）… where no part is numbered so), or at a line that is a heading of the label table
/// whole; text before the first is no part (unless there is no heading at all). Whether the
/// numbering runs in turn is judged by the check of the document (GR805).
/// Also gives where each part's heading and text, and each figure, were read
/// (`/sections/{i}/heading`, `/sections/{i}/text`: the first line; `/figures/{k}`: the line its
/// sentence starts in, with the sentence).
pub fn read(lines: &[Line], meta: &Meta, notes: &mut Notes) -> (Vec<ProseSection>, Vec<Figure>, super::provenance::Provenance) {
    let body: Vec<Line> = lines.iter().enumerate().filter(|(i, _)| !meta.excluded.contains(i)).map(|(_, l)| l.clone()).collect();
    let dotted = body.iter().any(|l| heading(&l.text, false).is_some());
    let bracketed = !dotted;
    let body = if bracketed { structure::split_bracketed(body) } else { body };
    let known = structure::Known::all();
    let mut sections: Vec<ProseSection> = vec![];
    let mut texts: Vec<Vec<String>> = vec![];
    let mut preamble = vec![];
    // Where each part's lines are (the preamble's last), for the provenance.
    let mut at: Vec<Vec<(Pos, String)>> = vec![vec![]];
    let mut heads: Vec<(Pos, String)> = vec![];
    for line in &body {
        let text = line.text.trim();
        let whole = |text: &str| (line.cells.is_none() && known.is_heading(text)).then(|| (0, text.chars().count()));
        // An attachment after the parts (附件1：…) is a part of its own.
        let attachment = || structure::attachment_mark(text).filter(|_| !sections.is_empty()).map(|end| (0, end));
        let found = heading(text, bracketed).or_else(|| whole(text)).or_else(attachment);
        if let Some((_, end)) = found {
            let chars: Vec<char> = text.chars().collect();
            let head: String = chars[..end].iter().collect::<String>().trim().trim_end_matches([':', '：']).trim().to_string();
            let rest: String = chars[end..].iter().collect::<String>();
            let rest = rest.trim_start_matches([':', '：']).trim().to_string();
            heads.push((line.pos, head.clone()));
            at.push(if rest.is_empty() { vec![] } else { vec![(line.pos, rest.clone())] });
            sections.push(ProseSection { heading: head, text: String::new() });
            texts.push(if rest.is_empty() { vec![] } else { vec![rest] });
            continue;
        }
        if elision(text) || text.is_empty() {
            continue;
        }
        match texts.last_mut() {
            Some(t) => t.push(text.to_string()),
            None => preamble.push(text.to_string()),
        }
        if let Some(a) = at.last_mut() {
            a.push((line.pos, text.to_string()));
        }
    }
    // The lines of each part of the document, in its order (the preamble is a part only when
    // there are no headings).
    let part_lines: Vec<Vec<(Pos, String)>> = if sections.is_empty() { at.into_iter().take(1).collect() } else { at.into_iter().skip(1).collect() };
    if sections.is_empty() {
        if !preamble.is_empty() {
            notes.add(Code::GR915, "/sections", Pos::Whole).both("part", "一个部分", "one part");
            sections.push(ProseSection { heading: String::new(), text: preamble.join("\n") });
        }
    } else {
        for (s, t) in sections.iter_mut().zip(texts) {
            s.text = t.join("\n");
        }
    }
    let figures: Vec<Figure> =
        sections.iter().enumerate().flat_map(|(i, s)| figures(&s.text).into_iter().map(move |f| Figure { section: Some(i), ..f })).collect();
    let mut sources = super::provenance::Provenance::new();
    let mut put = |pointer: String, pos: Pos, text: &str| {
        sources.insert(pointer, super::provenance::CellSource::new(pos, text, false));
    };
    for (i, (pos, head)) in heads.iter().enumerate() {
        put(format!("/sections/{i}/heading"), *pos, head);
    }
    for (i, part) in part_lines.iter().enumerate() {
        if let Some((pos, first)) = part.first() {
            put(format!("/sections/{i}/text"), *pos, first);
        }
    }
    for (k, f) in figures.iter().enumerate() {
        let (Some(i), Some(quote)) = (f.section, &f.quote) else { continue };
        // The line its sentence starts in: the sentence's first words are on it.
        let start: String = quote.chars().take(8).collect();
        if let Some((pos, _)) = part_lines.get(i).and_then(|p| p.iter().find(|(_, t)| t.contains(&start))) {
            put(format!("/figures/{k}"), *pos, quote);
        }
    }
    (sections, figures, sources)
}

// ---------------------------------------------------------------------------------------------
// Figures
//
// A figure is a number the text states as a total: after 共/共计/合计/累计 ("共主动公开政府信息
// 3025条"), in "在…的N条…中" (N is the total of what follows), or before its breakdown ("主动公开
// 政府信息1913条。其中，…"). Numbers no one states as a total (收件9898件, 办结9542件) are not
// figures. A breakdown runs over clauses (，；、) and over sentences where each goes on the same
// way (a percentage each, or numbered items); "分别为" lists and labels before 分别为 with their
// counts after are read too. A part that cannot be read exactly (3000余条) ends the breakdown.

/// Words that state a total.
const TOTAL_MARKS: &[&str] = &["共计", "总共", "合计", "总计", "累计", "共"];
/// Units of counted things (and of whole amounts of money).
const UNITS: &[&str] = &["人次", "万元", "元", "条", "件", "篇", "项", "个", "份", "次", "期", "场", "家"];
/// Verbs a counted thing starts with ("主动公开政府信息", "受理政府信息公开申请").
const VERBS: &[&str] =
    &["主动公开", "受理", "收到", "接到", "发布", "处理", "办理", "答复", "制发", "制定", "更新", "上传", "报送", "印发", "刊发", "推送", "回复", "编制"];
/// Words that open a breakdown after its total.
const BREAKDOWN_OPENS: &[&str] = &["其中", "分别为", "分别是", "包括"];
/// Words that start a new statement, not a part of a breakdown ("…，已答复9件").
const NOT_A_PART: &[&str] =
    &["已", "均", "另", "此外", "同时", "并", "共", "累计", "合计", "总计", "目前", "尚", "正在", "全部", "今年", "本年", "全年", "比", "较", "同比", "其中"];
/// Parts that are a property of items rather than a kind of them (全文电子化的…): they overlap
/// the kinds and are no part of the breakdown.
const ATTRIBUTES: &[&str] = &["全文电子化", "电子化"];
/// Words of the channels items go out by (通过网站…, 政府公报…): one item goes out by several, so
/// a list that names one is no breakdown into parts that add up, and is not read as one.
const CHANNELS: &[&str] = &["通过", "网站", "公开栏", "公报", "报刊", "电视", "广播", "微博", "微信", "新闻发布会", "触摸屏", "媒体"];

/// The parts of a list as a breakdown: without properties of the items, and none at all when
/// the list names channels.
fn as_breakdown(parts: Vec<FigurePart>) -> Vec<FigurePart> {
    if parts.iter().any(|p| CHANNELS.iter().any(|c| p.label.contains(c))) {
        return vec![];
    }
    parts.into_iter().filter(|p| !ATTRIBUTES.iter().any(|a| p.label.contains(a))).collect()
}

fn starts(p: &[char], at: usize, w: &str) -> bool {
    w.chars().enumerate().all(|(i, c)| p.get(at + i) == Some(&c))
}

fn clause_break(c: char) -> bool {
    matches!(c, ',' | '，' | '。' | ';' | '；' | ':' | '：' | '、' | '!' | '！' | '?' | '？' | '\n' | '(' | ')' | '（' | '）' | '…')
}

/// Where a part of a breakdown ends: a clause or a sentence (not 、, which lists inside a label).
fn part_break(c: char) -> bool {
    matches!(c, ',' | '，' | '。' | ';' | '；' | '!' | '！' | '?' | '？' | '\n')
}

fn skip_spaces(p: &[char], mut k: usize) -> usize {
    while p.get(k).is_some_and(|c| norm::is_space(*c)) {
        k += 1;
    }
    k
}

/// A whole number at `at` (digits only, not part of a longer number or a decimal), its value
/// and end.
fn number(p: &[char], at: usize) -> Option<(u64, usize)> {
    if at > 0 && (p[at - 1].is_ascii_digit() || p[at - 1] == '.') {
        return None;
    }
    let mut k = at;
    let mut v: u64 = 0;
    while let Some(d) = p.get(k).and_then(|c| c.to_digit(10)) {
        v = v.checked_mul(10)?.checked_add(u64::from(d))?;
        k += 1;
    }
    (k > at && !matches!(p.get(k), Some('.' | ','))).then_some((v, k))
}

/// A unit at `at`, skipping spaces; None for "余条" (an approximate figure).
fn unit(p: &[char], at: usize) -> Option<(String, usize)> {
    let k = skip_spaces(p, at);
    if p.get(k) == Some(&'余') || p.get(k) == Some(&'多') {
        return None;
    }
    UNITS.iter().find(|u| starts(p, k, u)).map(|u| (u.to_string(), k + u.chars().count()))
}

/// A count at `at`: "1397条" (the value, the unit and the end).
fn count(p: &[char], at: usize) -> Option<(u64, String, usize)> {
    let (v, k) = number(p, at)?;
    let (u, k) = unit(p, k)?;
    Some((v, u, k))
}

/// A percentage after a part: "，占12.5%", "(占12.5%)", "（12.5%）", "，占总数的27%", "，即27%".
/// Its text and end.
fn percent(p: &[char], at: usize) -> Option<(String, usize)> {
    let mut k = skip_spaces(p, at);
    let open = matches!(p.get(k), Some('('));
    if open || matches!(p.get(k), Some(',')) {
        k = skip_spaces(p, k + 1);
    }
    let mut said = false;
    if p.get(k) == Some(&'占') || starts(p, k, "即") {
        said = true;
        k += 1;
        let mut n = 0;
        while n < 10 && p.get(k).is_some_and(|c| norm::is_cjk(*c)) {
            k += 1;
            n += 1;
        }
    }
    if !said && !open {
        return None;
    }
    let start = k;
    while p.get(k).is_some_and(|c| c.is_ascii_digit() || *c == '.') {
        k += 1;
    }
    if k == start || p.get(k) != Some(&'%') {
        return None;
    }
    let text: String = p[start..k].iter().collect();
    k += 1;
    if open {
        if p.get(k) != Some(&')') {
            return None;
        }
        k += 1;
    }
    Some((text, k))
}

/// The label before a total mark ("…网站主动公开政府信息共计240条"): the clause, from its verb.
fn label_before(chars: &[char], p: &[char], at: usize) -> Option<(String, usize)> {
    let mut start = at;
    while start > 0 && !clause_break(p[start - 1]) && at - start < 40 {
        start -= 1;
    }
    let seg = &p[start..at];
    let strong = (0..seg.len()).find(|&i| VERBS.iter().any(|v| starts(seg, i, v)));
    let from = match strong {
        Some(i) => i,
        None => (0..seg.len()).rev().find(|&i| starts(seg, i, "公开")).unwrap_or(0),
    };
    let label: String = chars[start + from..at].iter().collect::<String>().trim().to_string();
    (label.chars().count() >= 2).then_some((label, start + from))
}

/// A label as written, without the words that join it to its count (共, 为, 有 …).
fn clean_label(label: &str) -> String {
    let mut l = label.trim().trim_start_matches([',', '，', ':', '：', ' ']).trim();
    loop {
        let before = l;
        for w in ["共计", "共有", "共", "合计", "总计", "数为", "为", "有", "达", "是", "系", ":", "：", "的"] {
            l = l.strip_suffix(w).unwrap_or(l).trim_end();
        }
        if l == before {
            break;
        }
    }
    l.to_string()
}

/// The totals with breakdowns a text states.
pub fn figures(text: &str) -> Vec<Figure> {
    let chars: Vec<char> = text.chars().collect();
    let p = plain(text);
    let mut out = vec![];
    let mut i = 0;
    while i < p.len() {
        let found = if p[i] == '在' {
            in_total(&chars, &p, i)
        } else if let Some(mark) = TOTAL_MARKS.iter().find(|m| starts(&p, i, m)) {
            // 公共, 中共, 共享, 综合计划 are not totals.
            let not_total = match *mark {
                "共" => (i > 0 && matches!(p[i - 1], '公' | '中')) || p.get(i + 1).is_some_and(|c| "享同建产青性识赢治商担济进筑创".contains(*c)),
                "合计" => i > 0 && p[i - 1] == '综',
                _ => false,
            };
            if not_total { None } else { marked_total(&chars, &p, i, i + mark.chars().count()) }
        } else if p[i].is_ascii_digit() {
            counted_total(&chars, &p, i).or_else(|| table_total(&chars, &p, i))
        } else {
            None
        };
        match found {
            Some((figure, end)) => {
                out.push(figure);
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// "在公开的131条信息中，…": the total and what follows it.
fn in_total(chars: &[char], p: &[char], i: usize) -> Option<(Figure, usize)> {
    if i > 0 && !clause_break(p[i - 1]) && !norm::is_space(p[i - 1]) {
        return None;
    }
    let d = (i + 1..p.len().min(i + 40)).find(|&k| p[k].is_ascii_digit() || part_break(p[k]))?;
    let (value, unit_text, after) = count(p, d)?;
    let close = (after..p.len().min(after + 20)).find(|&k| p[k] == '中' || part_break(p[k]))?;
    if p[close] != '中' {
        return None;
    }
    let q = skip_spaces(p, close + 1);
    if !matches!(p.get(q), Some(',' | ':')) {
        return None;
    }
    let before = clean_label(&chars[i + 1..d].iter().collect::<String>());
    let label = format!("{before}{}", chars[after..close].iter().collect::<String>().trim());
    let (breakdown, end) = breakdown(chars, p, q + 1, &unit_text);
    if breakdown.is_empty() {
        return None;
    }
    Some((figure(chars, label, unit_text, value, breakdown, i, end), end))
}

/// The figure whose total mark is at `i` (`after` is past the mark), and where it ends.
fn marked_total(chars: &[char], p: &[char], i: usize, after: usize) -> Option<(Figure, usize)> {
    let mut j = after;
    while p.get(j).is_some_and(|c| matches!(c, '有' | '达' | '为' | '是' | '系' | ':' | ' ')) {
        j += 1;
    }
    let (label, quote_start, num_at) = if p.get(j).is_some_and(char::is_ascii_digit) {
        let (l, s) = label_before(chars, p, i)?;
        (l, s, j)
    } else {
        let d = (j..p.len().min(j + 30)).find(|&k| p[k].is_ascii_digit() || clause_break(p[k]))?;
        if !p[d].is_ascii_digit() {
            return None;
        }
        let l = clean_label(&chars[j..d].iter().collect::<String>());
        if l.chars().count() < 2 {
            return None;
        }
        (l, i, d)
    };
    let (value, unit_text, k) = count(p, num_at)?;
    // A bare verb names what it counts after the count: "共召开3场新闻发布会".
    let mut label = label;
    let mut k = k;
    if label.chars().count() <= 2 {
        let noun_end = (k..p.len().min(k + 12)).find(|&x| clause_break(p[x]) || norm::is_space(p[x]) || p[x].is_ascii_digit()).unwrap_or(p.len().min(k + 12));
        if noun_end > k && noun_end < p.len().min(k + 12) {
            label.extend(&chars[k..noun_end]);
            k = noun_end;
        }
    }
    let (breakdown, end) = after_total(chars, p, k, &unit_text).unwrap_or((vec![], k));
    Some((figure(chars, label, unit_text, value, breakdown, quote_start, end), end))
}

/// A count stated before its breakdown: "主动公开政府信息1913条。其中，…".
fn counted_total(chars: &[char], p: &[char], i: usize) -> Option<(Figure, usize)> {
    let (value, unit_text, k) = count(p, i)?;
    let (breakdown, end) = after_total(chars, p, k, &unit_text)?;
    let (label, quote_start) = label_before(chars, p, i)?;
    Some((figure(chars, label, unit_text, value, breakdown, quote_start, end), end))
}

/// A row of a statistics table laid out as text, "名称 单位 数": the label, the unit, the
/// count, and where the row starts, for the count at `i`.
fn table_row(chars: &[char], p: &[char], i: usize) -> Option<(String, String, u64, usize, usize)> {
    if i == 0 || !norm::is_space(p[i - 1]) {
        return None;
    }
    let (value, end) = number(p, i)?;
    if p.get(end).is_some_and(|c| !norm::is_space(*c)) {
        return None;
    }
    let mut k = i;
    while k > 0 && norm::is_space(p[k - 1]) {
        k -= 1;
    }
    let unit = UNITS.iter().find(|u| {
        let n = u.chars().count();
        k >= n && starts(p, k - n, u) && (k == n || norm::is_space(p[k - n - 1]))
    })?;
    let mut l_end = k - unit.chars().count();
    while l_end > 0 && norm::is_space(p[l_end - 1]) {
        l_end -= 1;
    }
    let mut start = l_end;
    while start > 0 && !norm::is_space(p[start - 1]) {
        start -= 1;
    }
    let label: String = chars[start..l_end].iter().collect();
    (!label.is_empty()).then(|| (label, unit.to_string(), value, start, end))
}

/// A total in a statistics table laid out as text, with its parts: "主动公开信息数 条 131 其中：
/// 1、网站公开 条 131 2、政府公报公开 条 0".
fn table_total(chars: &[char], p: &[char], i: usize) -> Option<(Figure, usize)> {
    let (label, unit_text, value, start, end) = table_row(chars, p, i)?;
    if label.chars().count() < 2 || label.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut q = skip_spaces(p, end);
    if !starts(p, q, "其中") {
        return None;
    }
    q = skip_spaces(p, q + 2);
    if p.get(q) == Some(&':') {
        q += 1;
    }
    let mut parts = vec![];
    let mut last = end;
    loop {
        q = skip_spaces(p, q);
        let digits = p[q..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 || digits > 2 || !matches!(p.get(q + digits), Some('、' | '.')) {
            break;
        }
        let from = q + digits + 1;
        let Some(n) = (from..p.len().min(from + 40)).find(|&k| p[k].is_ascii_digit() && norm::is_space(p[k - 1])) else { break };
        let Some((row_label, part_unit, count, row_start, part_end)) = table_row(chars, p, n) else { break };
        // The row's first word holds its number ("1、网站公开").
        let label: String = row_label.chars().skip(from.saturating_sub(row_start)).collect();
        if row_start > from || part_unit != unit_text || label.chars().count() < 2 {
            break;
        }
        parts.push(FigurePart { label, count: Cell::Value(count), percent: Cell::Absent });
        last = part_end;
        q = part_end;
    }
    let parts = as_breakdown(parts);
    if parts.is_empty() {
        return None;
    }
    Some((figure(chars, label, unit_text, value, parts, start, last), last))
}

fn figure(chars: &[char], label: String, unit: String, total: u64, breakdown: Vec<FigurePart>, from: usize, mut end: usize) -> Figure {
    if chars.get(end) == Some(&'。') {
        end += 1;
    }
    let quote: String = chars[from..end].iter().collect();
    Figure { label, unit: Some(unit), total: Cell::Value(total), breakdown, quote: Some(quote.trim().to_string()), section: None }
}

/// The breakdown opened right after a total (at `k`): "，其中：…", "。其中，…", "，分别为…".
fn after_total(chars: &[char], p: &[char], k: usize, total_unit: &str) -> Option<(Vec<FigurePart>, usize)> {
    let mut q = k;
    // An aside such as (含上年度结转申请74件) belongs to the total, not to the breakdown.
    if matches!(p.get(q), Some('('))
        && let Some(close) = (q..p.len().min(q + 40)).find(|&x| p[x] == ')')
    {
        q = close + 1;
    }
    while p.get(q).is_some_and(|c| matches!(c, ',' | ';' | '。' | ' ')) {
        q += 1;
    }
    let open = BREAKDOWN_OPENS.iter().find(|w| starts(p, q, w))?;
    q += open.chars().count();
    while p.get(q).is_some_and(|c| matches!(c, ':' | ',' | ' ')) {
        q += 1;
    }
    if let Some(listed) = labels_then_counts(chars, p, q) {
        return Some(listed);
    }
    let (parts, end) = breakdown(chars, p, q, total_unit);
    (!parts.is_empty()).then_some((parts, end))
}

/// One part at `q`: its label, count, unit, percentage and end. None when the clause holds no
/// count, or the count is not exact, or its label starts a new statement.
fn part_at(chars: &[char], p: &[char], q: usize) -> Option<(FigurePart, String, usize, bool)> {
    let q = skip_spaces(p, q);
    // A list marker: 1、 1. (1) ①.
    let mut from = q;
    let digits = p[q..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && digits < 3 && matches!(p.get(q + digits), Some('、' | '.')) && !p.get(q + digits + 1).is_some_and(char::is_ascii_digit) {
        from = q + digits + 1;
    } else if p.get(q) == Some(&'(') && digits == 0 && p.get(q + 2) == Some(&')') && p[q + 1].is_ascii_digit() {
        from = q + 3;
    } else if p.get(q).is_some_and(|c| ('①'..='⑳').contains(c)) {
        from = q + 1;
    }
    let marked = from > q;
    let mut k = from;
    while k < p.len() && k < from + 80 {
        if part_break(p[k]) {
            return None;
        }
        if p[k].is_ascii_digit() {
            if let Some((v, u, e)) = count(p, k) {
                let label = clean_label(&chars[from..k].iter().collect::<String>());
                // Labels listed before 分别为 pair with the counts after it, or not at all.
                if label.is_empty() || NOT_A_PART.iter().any(|w| label.starts_with(w)) || label.contains("分别") {
                    return None;
                }
                let (pct, e) = match percent(p, e) {
                    Some((t, e)) => (Dec::parse(&t).map(Cell::Value).unwrap_or(Cell::Absent), e),
                    None => (Cell::Absent, e),
                };
                return Some((FigurePart { label, count: Cell::Value(v), percent: pct }, u, e, marked));
            }
            // A number that is not an exact count (3000余条) ends the breakdown; one that is part
            // of the label (2012年) does not.
            let n = p[k..].iter().take_while(|c| c.is_ascii_digit()).count();
            let after = skip_spaces(p, k + n);
            if matches!(p.get(after), Some('余' | '多')) {
                return None;
            }
            k += n;
            continue;
        }
        k += 1;
    }
    None
}

/// The parts of a breakdown from `q` on, and where it ends.
fn breakdown(chars: &[char], p: &[char], mut q: usize, total_unit: &str) -> (Vec<FigurePart>, usize) {
    let mut parts: Vec<FigurePart> = vec![];
    let mut end = q;
    let mut last_marked: bool;
    let mut catch_all = false;
    while let Some((part, _, next, marked)) = part_at(chars, p, q) {
        catch_all |= crate::rules::is_catch_all(&part.label);
        last_marked = marked;
        parts.push(part);
        end = next;
        let s = skip_spaces(p, next);
        match p.get(s) {
            Some(',' | ';' | '、') => q = s + 1,
            // Over a full stop only where the next sentence goes on the same way: one part of the
            // same unit with a percentage like the last, or numbered like it; never after 其他.
            Some('。') if !catch_all => {
                let Some((nextp, nu, _, nm)) = part_at(chars, p, s + 1) else { break };
                let had_pct = parts.last().is_some_and(|l| l.percent != Cell::Absent);
                let same_way = (had_pct && nextp.percent != Cell::Absent) || (last_marked && nm);
                if nu != total_unit || !same_way {
                    break;
                }
                q = s + 1;
            }
            _ => break,
        }
    }
    (as_breakdown(parts), end)
}

/// "其中当面申请、网上申请分别为1件、2件": the labels before 分别为 and as many counts after it.
fn labels_then_counts(chars: &[char], p: &[char], q: usize) -> Option<(Vec<FigurePart>, usize)> {
    let stop = (q..p.len().min(q + 60)).find(|&k| part_break(p[k]) || p[k].is_ascii_digit()).unwrap_or(p.len().min(q + 60));
    let at = (q..stop).find(|&k| starts(p, k, "分别为") || starts(p, k, "分别是"))?;
    let names: Vec<String> = chars[q..at].iter().collect::<String>().split(['、', '和', '及']).map(clean_label).filter(|s| !s.is_empty()).collect();
    let mut k = skip_spaces(p, at + 3);
    let mut counts = vec![];
    while let Some((v, _, e)) = count(p, k) {
        counts.push(v);
        let s = skip_spaces(p, e);
        if matches!(p.get(s), Some('、' | ',')) && p.get(skip_spaces(p, s + 1)).is_some_and(char::is_ascii_digit) {
            k = skip_spaces(p, s + 1);
        } else {
            k = e;
            break;
        }
    }
    if names.len() < 2 || names.len() != counts.len() {
        return None;
    }
    let parts = names.into_iter().zip(counts).map(|(label, v)| FigurePart { label, count: Cell::Value(v), percent: Cell::Absent }).collect();
    Some((as_breakdown(parts), k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_statement() {
        let t = "2012年,管委会各部门及两街一镇通过门户网站、电子触摸屏、政务公开栏、公开墙、办事公开指南手册等方式,共主动公开政府信息3025条,其中:规范性文件类326条,规划计划类32条,公众利益相关事项类1718条,公共资金使用类21条,其他信息类920条。";
        let f = figures(t);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].label, "主动公开政府信息");
        assert_eq!(f[0].total, Cell::Value(3025));
        assert_eq!(f[0].breakdown.len(), 5);
        assert_eq!(f[0].breakdown[4].label, "其他信息类");
        assert_eq!(
            f[0].quote.as_deref(),
            Some("共主动公开政府信息3025条,其中:规范性文件类326条,规划计划类32条,公众利益相关事项类1718条,公共资金使用类21条,其他信息类920条。")
        );
    }

    #[test]
    fn label_before_the_mark_and_percentages() {
        let t = "2010年，我局通过区政府网站、政务公开栏和新闻媒体主动公开政府信息共计240条，其中：机构职能类12条，占5%；政策法规类36条，占15%；规划计划类18条，占7.5%；业务工作类126条，占52.5%；其他信息类48条，占20%。";
        let f = figures(t);
        assert_eq!(f[0].label, "主动公开政府信息");
        assert_eq!(f[0].breakdown[2].percent, Cell::Value(Dec::parse("7.5").unwrap()));
        assert_eq!(f[0].quote.as_deref().unwrap().chars().next(), Some('主'));
        let t = "2010年度，我局共受理政府信息公开申请6件，其中同意公开4件，部分公开1件，不予公开1件（涉及第三方商业秘密），均在规定时限内答复。";
        let f = figures(t);
        assert_eq!(f[0].label, "受理政府信息公开申请");
        assert_eq!(f[0].breakdown.len(), 3);
        assert_eq!(f[0].quote.as_deref(), Some("共受理政府信息公开申请6件，其中同意公开4件，部分公开1件，不予公开1件"));
    }

    #[test]
    fn no_figure_from_approximations_or_common_words() {
        assert!(figures("共主动公开信息3000余条。").is_empty());
        assert!(figures("实现信息资源共享。公共资金使用类21条").is_empty());
        assert_eq!(figures("利用区政府网站主动公开政府信息共计5条。")[0].label, "主动公开政府信息");
    }

    #[test]
    fn headings() {
        assert_eq!(heading("一、主动公开政府信息的情况:", false), Some((1, 13)));
        assert!(heading("一、加强组织领导，明确责任。我局……", false).is_none());
        assert_eq!(heading("(三)创新行政审批管理服务模式", true).map(|h| h.0), Some(3));
    }

    fn parts(f: &Figure) -> Vec<(String, u64, Option<String>)> {
        f.breakdown
            .iter()
            .map(|p| {
                let Cell::Value(n) = p.count else { panic!("{p:?}") };
                let pct = match p.percent {
                    Cell::Value(d) => Some(d.to_string()),
                    _ => None,
                };
                (p.label.clone(), n, pct)
            })
            .collect()
    }

    #[test]
    fn a_breakdown_after_a_full_stop_with_percentages() {
        let t = "2012年主动公开政府信息1913条。其中，区直、县直各单位1397条，占73%。各乡镇534条，占27%。受理申请5件。";
        let f = figures(t);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!((f[0].label.as_str(), f[0].total), ("主动公开政府信息", Cell::Value(1913)));
        assert_eq!(parts(&f[0]), vec![("区直、县直各单位".into(), 1397, Some("73".into())), ("各乡镇".into(), 534, Some("27".into()))]);
        // Without percentages (or numbers) the next sentence is not taken for a part.
        let f = figures("共主动公开政府信息100条，其中规范性文件10条，工作动态20条。通过网站公开80条。");
        assert_eq!(parts(&f[0]).len(), 2);
        // Numbered items go on over sentences.
        let f = figures("全年共受理申请9件，其中：1.当面申请4件。2.网上申请5件。");
        assert_eq!(parts(&f[0]).iter().map(|p| p.1).collect::<Vec<_>>(), vec![4, 5]);
    }

    #[test]
    fn a_side_clause_is_no_total() {
        let t = "在主动公开的51条政府信息中，全文电子化的主动公开信息数共9条，机构职能类信息共24条；政策法规类信息共15条；其他信息共12条。";
        let f = figures(t);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!((f[0].label.as_str(), f[0].total), ("主动公开政府信息", Cell::Value(51)));
        // 全文电子化 is a property of the items, not a kind of them.
        assert_eq!(
            parts(&f[0]).iter().map(|p| (p.0.as_str(), p.1)).collect::<Vec<_>>(),
            vec![("机构职能类信息", 24), ("政策法规类信息", 15), ("其他信息", 12)]
        );
    }

    #[test]
    fn listed_with_fenbie() {
        let f = figures("共受理政府信息公开申请12件，分别为当面申请5件、网上申请7件，已答复10件，2件正在办理。");
        assert_eq!(parts(&f[0]).iter().map(|p| (p.0.as_str(), p.1)).collect::<Vec<_>>(), vec![("当面申请", 5), ("网上申请", 7)]);
        let f = figures("共受理申请8件，其中当面申请、信函申请和网上申请分别为2件、1件、5件。");
        assert_eq!(parts(&f[0]).iter().map(|p| (p.0.as_str(), p.1)).collect::<Vec<_>>(), vec![("当面申请", 2), ("信函申请", 1), ("网上申请", 5)]);
        // Labels and counts that do not pair are not guessed.
        let f = figures("共受理申请8件，其中当面申请、信函申请分别为2件、1件、5件。");
        assert!(f[0].breakdown.is_empty(), "{f:#?}");
    }

    #[test]
    fn only_totals_are_figures() {
        assert!(figures("全年政务服务中心收件9898件，办结9542件，发布微博1288条。").is_empty());
        // Another statement after the parts ends the breakdown.
        let f = figures("共受理申请6件，其中同意公开4件，不予公开2件，已答复6件，办结6件。");
        assert_eq!(parts(&f[0]).len(), 2);
        // Percentages written otherwise.
        let f = figures("共公开信息200条，其中规范性文件50条（25%），工作动态150条，即75%。");
        assert_eq!(parts(&f[0]).iter().map(|p| p.2.clone()).collect::<Vec<_>>(), vec![Some("25".into()), Some("75".into())]);
        // A part that is not exact ends the breakdown.
        let f = figures("共公开信息200条，其中规范性文件50条，工作动态100余条，其他信息50条。");
        assert_eq!(parts(&f[0]).len(), 1);
    }

    #[test]
    fn a_statistics_table_as_text() {
        let f = figures("指标名称 计量单位 年末统计 受理依申请公开信息总数 条 5 其中：1、当面申请数 条 2 2、电子邮件申请数 条 3 办结数 条 5");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!((f[0].label.as_str(), f[0].total), ("受理依申请公开信息总数", Cell::Value(5)));
        assert_eq!(parts(&f[0]).iter().map(|p| (p.0.as_str(), p.1)).collect::<Vec<_>>(), vec![("当面申请数", 2), ("电子邮件申请数", 3)]);
        // The channels an item went out by overlap: they are no breakdown.
        let f = figures("主动公开信息数 条 131 其中：1、网站公开 条 131 2、政府公报公开 条 5");
        assert!(f.is_empty() || f[0].breakdown.is_empty(), "{f:#?}");
        let f = figures("共主动公开信息100条，其中通过网站公开90条，通过公开栏公开50条。");
        assert!(f[0].breakdown.is_empty(), "{f:#?}");
    }
}
