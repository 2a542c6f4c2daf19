//! The layout of a published text, whatever it is: part headings found where they stand — at
//! the start of a line or inside a long one (a page whose line breaks were lost: "…三、政府信息
//! 依申请公开办理情况 2015年，我局未收到…四、…") — and the signature (落款) with its date at the
//! end of such a line, each made a line of its own, so that the readers of parts, metadata and
//! figures see the report as it was laid out.
//!
//! A heading inside a line is taken only on strong evidence: a numeral (一、 …) after the end
//! of a sentence or a space, then either a heading the label table knows (with or without 的,
//! [`crate::labels::PARTS`], [`crate::labels::CONTENTS_2007`] and the other parts of 2007
//! reports) or, numbered next in turn, a short title that ends at a space, a sub-heading or a
//! colon and holds a word of a part. Table labels (三、本年度办理结果) are never headings.

use std::collections::HashSet;

use super::Line;
use super::meta::{date_at, year_at};
use super::norm::{self, plain};
use crate::labels;

/// Most characters of a heading's title.
const MAX_TITLE: usize = 40;
/// Most characters of a heading in other wording than the label table's.
const MAX_OTHER_TITLE: usize = 30;

/// The headings reports open their parts with.
pub struct Known {
    /// Whole headings as keys without 的 (…的情况 and …情况 are one heading).
    whole: HashSet<String>,
    /// The longest of them, in characters.
    longest: usize,
    /// Words one of which a heading in other wording holds.
    words: Vec<&'static str>,
}

/// A heading's text as its matching key: without spaces, quotes and 的.
fn heading_key(text: &str) -> String {
    norm::key(text).chars().filter(|c| *c != '的').collect()
}

/// Drops a leading (一) from a statutory wording.
fn without_numbering(text: &str) -> &str {
    match text.find(['）', ')']) {
        Some(i) if text.starts_with(['（', '(']) => &text[i + text[i..].chars().next().map_or(1, char::len_utf8)..],
        _ => text,
    }
}

impl Known {
    /// Every heading of the label table: the parts of the 2019/2021 templates, the contents of
    /// 第三十二条 and the other parts 2007-era reports had, with their aliases.
    pub fn all() -> &'static Known {
        static KNOWN: std::sync::OnceLock<Known> = std::sync::OnceLock::new();
        KNOWN.get_or_init(|| {
            let mut texts: Vec<&'static str> = vec![];
            let mut words: Vec<&'static str> = vec![];
            for p in labels::PARTS {
                texts.push(p.label.name.zh);
                texts.extend(p.label.aliases);
                words.extend(p.words);
            }
            for c in labels::CONTENTS_2007 {
                texts.push(without_numbering(c.label.name.zh));
                texts.extend(c.headings);
                words.extend(c.label.aliases);
            }
            for o in labels::OTHER_PARTS_2007 {
                texts.push(o.name.zh);
                texts.extend(o.aliases);
            }
            let whole: HashSet<String> = texts.iter().map(|t| heading_key(t)).filter(|k| k.chars().count() >= 2).collect();
            let longest = whole.iter().map(|k| k.chars().count()).max().unwrap_or(0);
            words.sort_unstable();
            words.dedup();
            Known { whole, longest, words }
        })
    }

    /// Whether `text` is a known heading, whole.
    pub fn is_heading(&self, text: &str) -> bool {
        let t = text.trim().trim_end_matches([':', '：', '。']);
        self.whole.contains(&heading_key(t))
    }
}

/// Whether a heading may start right after `c`: the end of a sentence or clause, a space, a
/// closing bracket.
fn opens_after(c: char) -> bool {
    norm::is_space(c) || matches!(c, '。' | ';' | '；' | ':' | '：' | '!' | '！' | '?' | '？' | ')' | '）' | '”' | '」' | '】' | ',' | '，')
}

fn is_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

/// A part heading found in a line: its numeral, where it starts and where its title ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Found {
    numeral: u32,
    start: usize,
    end: usize,
}

/// The heading whose numeral stands at `i` of `p`, if one does. `expected` is the numeral the
/// next part would have; `is_label` says whether a title is a label of the tables.
fn heading_at(p: &[char], i: usize, known: &Known, expected: u32, is_label: &dyn Fn(&str) -> bool, bracketed: bool) -> Option<Found> {
    if i > 0 && !opens_after(p[i - 1]) && !(bracketed && norm::is_cjk(p[i - 1])) {
        return None;
    }
    let at = i + usize::from(bracketed);
    if bracketed && p[i] != '(' {
        return None;
    }
    let n = p[at..].iter().take(3).take_while(|c| is_numeral(**c)).count();
    if n == 0 {
        return None;
    }
    let numeral = norm::chinese_number(&p[at..at + n].iter().collect::<String>())?;
    match p.get(at + n) {
        Some(')') if bracketed => {}
        Some('、') if !bracketed => {}
        Some('.') if !bracketed && !p.get(at + n + 1).is_some_and(char::is_ascii_digit) => {}
        _ => return None,
    }
    let mut j = at + n + 1;
    while p.get(j).is_some_and(|c| norm::is_space(*c)) {
        j += 1;
    }
    // A heading of the label table, the longest that fits.
    let mut key = String::new();
    let mut best = None;
    let mut k = j;
    while k < p.len() && k < j + MAX_TITLE && key.chars().count() <= known.longest {
        let c = p[k];
        if matches!(c, '。' | ',' | '，' | ';' | '；') {
            break;
        }
        k += 1;
        if norm::is_space(c) || c == '的' || matches!(c, '“' | '”' | '"') {
            continue;
        }
        key.push(c);
        if known.whole.contains(&key) {
            best = Some(k);
        }
    }
    let title = |end: usize| p[j..end].iter().collect::<String>();
    if let Some(end) = best {
        return (!is_label(&title(end))).then_some(Found { numeral, start: i, end });
    }
    // Other wording: next in turn, short, ending where a heading ends.
    if numeral != expected || bracketed {
        return None;
    }
    let mut end = None;
    for k in j..p.len().min(j + MAX_OTHER_TITLE + 1) {
        let c = p[k];
        let sub = matches!(c, '(' | '（') && p.get(k + 1).is_some_and(|c| is_numeral(*c));
        if norm::is_space(c) || sub || matches!(c, ':' | '：') || year_at(p, k).is_some() {
            end = Some(k);
            break;
        }
        if matches!(c, '。' | ',' | '，' | ';' | '；' | '!' | '！' | '?' | '？') {
            return None;
        }
    }
    let end = match end {
        Some(e) => e,
        None if p.len() <= j + MAX_OTHER_TITLE => p.len(),
        None => return None,
    };
    let t = title(end);
    let worded = known.words.iter().any(|w| t.contains(w));
    (t.chars().count() >= 2 && worded && !is_label(&t)).then_some(Found { numeral, start: i, end })
}

/// Where the signature and its date stand at the end of a line: (signature start, date start,
/// date end). The date is the last thing on the line or comes before an attachment (附…); the
/// signature is the name right before it, when there is one.
fn signature_at(p: &[char]) -> Option<(Option<usize>, usize, usize)> {
    let mut found = None;
    for k in 0..p.len() {
        let Some((_, len)) = date_at(p, k) else { continue };
        let mut after = k + len;
        while p.get(after).is_some_and(|c| norm::is_space(*c)) {
            after += 1;
        }
        if after < p.len() && p[after] != '附' {
            continue;
        }
        let mut before = k;
        while before > 0 && norm::is_space(p[before - 1]) {
            before -= 1;
        }
        let signature = signature_before(p, before);
        // Without a name before it, the date stands alone: after a space or a sentence.
        let alone = before == 0 || before < k || matches!(p[before - 1], '。' | ';' | '；' | '!' | '！');
        if signature.is_some() || alone {
            found = Some((signature, k, k + len));
        }
    }
    found
}

/// Where the name that ends at `end` (the agency's, before its date) starts.
fn signature_before(p: &[char], end: usize) -> Option<usize> {
    let mut start = end;
    while start > 0 && end - start < 60 && (norm::is_cjk(p[start - 1]) || matches!(p[start - 1], '(' | ')' | '（' | '）' | '·' | ':' | '：')) {
        start -= 1;
    }
    // After an announcement of the attachment that runs into the name ("…统计表平潭…局").
    let token: String = p[start..end].iter().collect();
    for w in ["表", "报告", "附件", ":", "："] {
        if let Some(at) = token.rfind(w) {
            start += token[..at + w.len()].chars().count();
            break;
        }
    }
    let name: String = p[start..end].iter().collect();
    let n = name.chars().count();
    let opens = start == 0 || !norm::is_cjk(p[start - 1]) || token.chars().count() > n;
    ((2..=30).contains(&n) && opens && super::meta::ends_like_agency(&name)).then_some(start)
}

/// Whether a line is only an ellipsis ("……", "...", "⋯"): the source says it leaves text out
/// there (an excerpt), so what it does not show may be in the report.
pub fn is_elision(text: &str) -> bool {
    let mut t = String::new();
    for c in text.chars() {
        if super::norm::is_space(c) {
            continue;
        }
        // Most lines fail at their first character.
        if !matches!(c, '…' | '⋯' | '.' | '。' | '．') {
            return false;
        }
        t.push(c);
    }
    let dots = t.chars().filter(|c| matches!(c, '…' | '⋯')).count() + t.matches("...").count() + t.matches("。。。").count();
    !t.is_empty() && dots > 0 && t.chars().all(|c| matches!(c, '…' | '⋯' | '.' | '。' | '．'))
}

/// The lines with every text line cut where a part heading, a signature or its date stands
/// inside it. Table rows (lines with cells) are kept as they are.
pub fn split(lines: Vec<Line>, is_label: &dyn Fn(&str) -> bool) -> Vec<Line> {
    cut(lines, is_label, false)
}

/// The lines with every text line cut where a heading numbered （一）… of the label table
/// stands inside it: the parts of a 2007-era report numbered so at the top level.
pub fn split_bracketed(lines: Vec<Line>) -> Vec<Line> {
    cut(lines, &|_| false, true)
}

fn cut(lines: Vec<Line>, is_label: &dyn Fn(&str) -> bool, bracketed: bool) -> Vec<Line> {
    let known = Known::all();
    let mut expected = 1;
    let mut out = Vec::with_capacity(lines.len());
    let last_text = lines.iter().rposition(|l| l.cells.is_none());
    for (li, line) in lines.into_iter().enumerate() {
        if line.cells.is_some() {
            out.push(line);
            continue;
        }
        // Nothing to cut without a numeral or a full stop, but on the last line (its signature).
        if Some(li) != last_text && !line.text.contains(|c: char| c == '。' || is_numeral(c)) {
            out.push(line);
            continue;
        }
        let p = plain(&line.text);
        let mut cuts: Vec<usize> = vec![];
        let mut i = 0;
        while i < p.len() {
            match heading_at(&p, i, known, expected, is_label, bracketed) {
                Some(h) => {
                    cuts.extend([h.start, h.end]);
                    expected = h.numeral + 1;
                    i = h.end.max(i + 1);
                }
                None => i += 1,
            }
        }
        // A table after the prose of a part ("…事项。 发出收费通知的件数 …"): its first label
        // after the end of a sentence starts a line.
        if !bracketed {
            for (k, c) in p.iter().enumerate() {
                if *c != '。' {
                    continue;
                }
                let from = (k + 1..p.len()).find(|&x| !norm::is_space(p[x])).unwrap_or(p.len());
                let to = (from..p.len()).find(|&x| norm::is_space(p[x])).unwrap_or(p.len());
                // The plain form keys as the text does.
                if to > from && is_label(&p[from..to].iter().collect::<String>()) {
                    cuts.push(from);
                }
            }
        }
        // The signature and date of a page whose lines run together: on the last text line, or
        // on one that headings were found in.
        if !bracketed
            && (Some(li) == last_text || !cuts.is_empty())
            && let Some((signature, date, date_end)) = signature_at(&p)
            && cuts.iter().all(|c| *c <= signature.unwrap_or(date))
        {
            cuts.extend(signature.into_iter().chain([date, date_end]));
        }
        cuts.retain(|c| *c > 0 && *c < p.len());
        cuts.sort_unstable();
        cuts.dedup();
        if cuts.is_empty() {
            out.push(line);
            continue;
        }
        let chars: Vec<char> = line.text.chars().collect();
        let mut from = 0;
        for &c in cuts.iter().chain([&p.len()]) {
            let whole: String = chars[from..c].iter().collect();
            let piece = whole.trim().trim_start_matches([':', '：']).trim();
            if !piece.is_empty() {
                // The piece's column in the source line, when the line has columns.
                let lead = whole[..piece.as_ptr() as usize - whole.as_ptr() as usize].chars().count();
                let col = if line.col > 0 { line.col + from + lead } else { 0 };
                out.push(Line { col, node: line.node, ..Line::text(line.pos, piece.to_string()) });
            }
            from = c;
        }
    }
    out
}

/// Where a line opens an attachment ("附件1：…", "附表：…", "附：…"): the end of its mark
/// (before the colon).
pub fn attachment_mark(text: &str) -> Option<usize> {
    let p = plain(text.trim());
    let marks = std::iter::once(labels::TABLE_ANNOUNCED.name.zh).chain(labels::TABLE_ANNOUNCED.aliases.iter().copied());
    for m in marks {
        let m: Vec<char> = plain(m).into_iter().filter(|c| !matches!(c, ':')).collect();
        if !p.starts_with(&m) {
            continue;
        }
        let mut k = m.len();
        while p.get(k).is_some_and(|c| c.is_ascii_digit()) {
            k += 1;
        }
        if p.get(k) == Some(&':') {
            return Some(k);
        }
    }
    None
}

/// A statistics table the text announces ("附：2015年…数据统计表", "并附相关数据统计表"): the
/// line, the character where the announcement starts and its words.
pub fn announced_table(lines: &[Line]) -> Option<(usize, usize, String)> {
    let table_words: Vec<Vec<char>> =
        std::iter::once(labels::STATISTICS_TABLE.name.zh).chain(labels::STATISTICS_TABLE.aliases.iter().copied()).map(plain).collect();
    for (li, line) in lines.iter().enumerate() {
        let p = plain(&line.text);
        for i in 0..p.len() {
            if p[i] != '附' || !matches!(p.get(i + 1), Some(':' | '件' | '表' | '相' | '上' | '后')) {
                continue;
            }
            let window = &p[i..p.len().min(i + 40)];
            let stop = window.iter().position(|c| matches!(c, '。' | ';')).unwrap_or(window.len());
            for w in &table_words {
                if let Some(at) = (0..stop.saturating_sub(w.len() - 1)).find(|&k| window[k..].starts_with(w)) {
                    let words: String = line.text.chars().skip(i).take(at + w.len()).collect();
                    return Some((li, i, words));
                }
            }
        }
    }
    None
}

/// Whether figures of a table stand in the lines from character `at` of line `li` on: a table
/// row with a number in a cell, or at least three numbers standing alone between spaces
/// ("主动公开信息数 条 131").
pub fn figures_after(lines: &[Line], li: usize, at: usize) -> bool {
    let number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == '.') && w.chars().any(|c| c.is_ascii_digit());
    let mut alone = 0;
    for (i, line) in lines.iter().enumerate().skip(li) {
        if let Some(cells) = &line.cells
            && cells.iter().any(|c| number(c.trim()))
        {
            return true;
        }
        let text: String = if i == li { line.text.chars().skip(at).collect() } else { line.text.clone() };
        alone += text.split(|c: char| norm::is_space(c) || c == '|').filter(|w| number(w)).count();
        if alone >= 3 {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ellipsis_alone_is_an_elision() {
        for t in ["……", " …… ", "...", "⋯⋯", "。。。"] {
            assert!(is_elision(t), "{t}");
        }
        for t in ["", "。", ".", "等等……", "1...2"] {
            assert!(!is_elision(t), "{t}");
        }
    }

    fn texts(s: &str) -> Vec<String> {
        split(vec![Line::text(super::super::findings::Pos::Line(1), s.to_string())], &|_| false).into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn headings_inside_a_line() {
        let t = "根据条例编制本报告。一、概述 2015年，我局认真落实条例。二、主动公开政府信息的情况（一）主动公开政府信息的数量 2015年度主动公开30条。三、政府信息依申请公开办理情况 2015年，我局未收到申请。";
        assert_eq!(
            texts(t),
            vec![
                "根据条例编制本报告。",
                "一、概述",
                "2015年，我局认真落实条例。",
                "二、主动公开政府信息的情况",
                "（一）主动公开政府信息的数量 2015年度主动公开30条。",
                "三、政府信息依申请公开办理情况",
                "2015年，我局未收到申请。",
            ]
        );
    }

    #[test]
    fn other_wording_only_next_in_turn_and_worded() {
        // 三 is next and its title holds a word of a part: a heading.
        assert_eq!(texts("一、概述 正文。二、主动公开情况 正文。三、收费情况说明 无。").len(), 6);
        // An enumeration in a sentence is no heading; nor is a numeral out of turn.
        assert_eq!(texts("主要做法：一、加强领导；二、完善制度。"), vec!["主要做法：一、加强领导；二、完善制度。"]);
        assert_eq!(texts("分为一、二、三类信息。"), vec!["分为一、二、三类信息。"]);
        assert_eq!(texts("正文。五、问题 正文。"), vec!["正文。五、问题 正文。"]);
    }

    #[test]
    fn table_labels_are_not_headings() {
        let lines =
            vec![Line::text(super::super::findings::Pos::Line(1), "三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1".into())];
        let got: Vec<String> = split(lines, &|t| t.contains("本年新收")).into_iter().map(|l| l.text).collect();
        assert_eq!(got, vec!["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1"]);
    }

    #[test]
    fn the_signature_and_date_at_the_end_of_a_line() {
        let t = "一、概述 正文。 附：2015年区社会事业局政府信息公开数据统计表平潭综合实验区社会事业局2016年1月8日";
        assert_eq!(texts(t), vec!["一、概述", "正文。 附：2015年区社会事业局政府信息公开数据统计表", "平潭综合实验区社会事业局", "2016年1月8日"]);
        let t = "一、概述 正文。 某某局 2013年3月14日 附件1： 统计表 主动公开信息数 条 131";
        assert_eq!(texts(t), vec!["一、概述", "正文。", "某某局", "2013年3月14日", "附件1： 统计表 主动公开信息数 条 131"]);
        // A date inside a sentence is no signature.
        assert_eq!(texts("一、概述 截至2013年3月14日，共公开10条。").len(), 2);
    }
}
