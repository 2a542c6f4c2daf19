//! Reports of the 2007 regime: prose parts under headings (一、… or （一）…) and the totals
//! they state with their breakdowns (共主动公开政府信息3025条，其中：规范性文件类326条，…)
//! and percentages (占12.5%), read into `sections` and `figures`.

use super::Line;
use super::findings::{Notes, Pos};
use super::meta::Meta;
use super::norm::{self, plain};
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

/// Whether a line only marks text left out (……).
fn elision(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.chars().all(|c| matches!(c, '…' | '.' | '。' | '·' | ' ' | '⋯'))
}

/// The sections and figures of a 2007-regime report.
pub fn read(lines: &[Line], meta: &Meta, notes: &mut Notes) -> (Vec<ProseSection>, Vec<Figure>) {
    let body: Vec<(usize, &Line)> = lines.iter().enumerate().filter(|(i, _)| !meta.excluded.contains(i)).collect();
    let dotted = body.iter().any(|(_, l)| heading(&l.text, false).is_some());
    let bracketed = !dotted;
    let mut sections: Vec<ProseSection> = vec![];
    let mut texts: Vec<Vec<String>> = vec![];
    let mut numerals: Vec<(u32, Pos, String)> = vec![];
    let mut preamble = vec![];
    for (_, line) in &body {
        let text = line.text.trim();
        if let Some((n, end)) = heading(text, bracketed) {
            let chars: Vec<char> = text.chars().collect();
            let head: String = chars[..end].iter().collect::<String>().trim().to_string();
            let rest: String = chars[end..].iter().collect::<String>();
            let rest = rest.trim_start_matches([':', '：']).trim().to_string();
            numerals.push((n, line.pos, head.clone()));
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
    }
    if sections.is_empty() {
        if !preamble.is_empty() {
            notes.add(Code::GR915, "/sections", Pos::Whole).both("part", "一个部分", "one part");
            sections.push(ProseSection { heading: String::new(), text: preamble.join("\n") });
        }
    } else {
        for (s, t) in sections.iter_mut().zip(texts) {
            s.text = t.join("\n");
        }
        let mut expected = 1;
        for (i, (n, pos, head)) in numerals.iter().enumerate() {
            if *n != expected {
                let want = if bracketed { format!("（{}）", norm::chinese_numeral(expected)) } else { format!("{}、", norm::chinese_numeral(expected)) };
                notes.add(Code::GR902, format!("/sections/{i}/heading"), *pos).text("heading", head).text("expected", want);
            }
            expected = n + 1;
        }
    }
    let figures = sections.iter().flat_map(|s| figures(&s.text)).collect();
    (sections, figures)
}

// ---------------------------------------------------------------------------------------------
// Figures

/// Words that state a total.
const TOTAL_MARKS: &[&str] = &["共计", "总共", "合计", "总计", "累计", "共"];
/// Units of counted things.
const UNITS: &[&str] = &["人次", "条", "件", "篇", "项", "个", "份", "次", "期"];
/// Verbs a counted thing starts with ("主动公开政府信息", "受理政府信息公开申请").
const VERBS: &[&str] =
    &["主动公开", "受理", "收到", "接到", "发布", "处理", "办理", "答复", "制发", "制定", "更新", "上传", "报送", "印发", "刊发", "推送", "回复", "编制"];

fn starts(p: &[char], at: usize, w: &str) -> bool {
    w.chars().enumerate().all(|(i, c)| p.get(at + i) == Some(&c))
}

fn clause_break(c: char) -> bool {
    matches!(c, ',' | '，' | '。' | ';' | '；' | ':' | '：' | '、' | '!' | '！' | '?' | '？' | '\n' | '(' | ')' | '（' | '）' | '…')
}

/// A whole number at `at` (digits only), its value and end.
fn number(p: &[char], at: usize) -> Option<(u64, usize)> {
    let mut k = at;
    let mut v: u64 = 0;
    while let Some(d) = p.get(k).and_then(|c| c.to_digit(10)) {
        v = v.checked_mul(10)?.checked_add(u64::from(d))?;
        k += 1;
    }
    (k > at && !matches!(p.get(k), Some('.'))).then_some((v, k))
}

/// A unit at `at`, skipping spaces; None for "余条" (an approximate figure).
fn unit(p: &[char], at: usize) -> Option<(String, usize)> {
    let mut k = at;
    while p.get(k).is_some_and(|c| norm::is_space(*c)) {
        k += 1;
    }
    if p.get(k) == Some(&'余') || p.get(k) == Some(&'多') {
        return None;
    }
    UNITS.iter().find(|u| starts(p, k, u)).map(|u| (u.to_string(), k + u.chars().count()))
}

/// A percentage after a part: "，占12.5%" or "(占12.5%)" or "（12.5%）". Its text and end.
fn percent(p: &[char], at: usize) -> Option<(String, usize)> {
    let mut k = at;
    let open = matches!(p.get(k), Some('('));
    if open || matches!(p.get(k), Some(',')) {
        k += 1;
    }
    let mut said = false;
    if p.get(k) == Some(&'占') {
        said = true;
        k += 1;
        let mut n = 0;
        while n < 6 && p.get(k).is_some_and(|c| norm::is_cjk(*c)) {
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
    if open && p.get(k) == Some(&')') {
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

/// The totals with breakdowns a text states.
pub fn figures(text: &str) -> Vec<Figure> {
    let chars: Vec<char> = text.chars().collect();
    let p = plain(text);
    let mut out = vec![];
    let mut i = 0;
    while i < p.len() {
        let Some(mark) = TOTAL_MARKS.iter().find(|m| starts(&p, i, m)) else {
            i += 1;
            continue;
        };
        // 公共, 中共, 共享, 综合计划 are not totals.
        let not_total = match *mark {
            "共" => (i > 0 && matches!(p[i - 1], '公' | '中')) || p.get(i + 1).is_some_and(|c| "享同建产青性识赢治商担济进筑创".contains(*c)),
            "合计" => i > 0 && p[i - 1] == '综',
            _ => false,
        };
        if not_total {
            i += 1;
            continue;
        }
        let after = i + mark.chars().count();
        match total(&chars, &p, i, after) {
            Some((figure, end)) => {
                out.push(figure);
                i = end.max(i + 1);
            }
            None => i = after,
        }
    }
    out
}

/// The figure whose total mark is at `i` (`after` is past the mark), and where it ends.
fn total(chars: &[char], p: &[char], i: usize, after: usize) -> Option<(Figure, usize)> {
    let mut j = after;
    while p.get(j).is_some_and(|c| matches!(c, '有' | '达' | '为' | '是' | ':' | ' ')) {
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
        let l: String = chars[j..d].iter().collect::<String>();
        let l = l.trim().trim_end_matches(['的', '为', '有', '达', ':', '：']).trim().to_string();
        if l.chars().count() < 2 {
            return None;
        }
        (l, i, d)
    };
    let (value, k) = number(p, num_at)?;
    let (unit_text, mut k) = unit(p, k)?;
    let mut end = k;
    let mut breakdown = vec![];
    // An aside such as (含上年度结转申请74件) belongs to the total, not to the breakdown.
    if matches!(p.get(k), Some('('))
        && let Some(close) = (k..p.len().min(k + 40)).find(|&x| p[x] == ')')
    {
        k = close + 1;
    }
    let mut q = k;
    while p.get(q).is_some_and(|c| matches!(c, ',' | ';' | ' ')) {
        q += 1;
    }
    if starts(p, q, "其中") {
        q += 2;
        while p.get(q).is_some_and(|c| matches!(c, ':' | ',' | ' ')) {
            q += 1;
        }
        while let Some((part, next)) = breakdown_part(chars, p, q) {
            breakdown.push(part);
            end = next;
            let mut s = next;
            if p.get(s).is_some_and(|c| matches!(c, ',' | ';' | '、')) {
                s += 1;
                while p.get(s).is_some_and(|c| norm::is_space(*c)) {
                    s += 1;
                }
                q = s;
            } else {
                break;
            }
        }
    }
    if p.get(end) == Some(&'。') {
        end += 1;
    }
    let quote: String = chars[quote_start..end].iter().collect();
    Some((Figure { label, unit: Some(unit_text), total: Cell::Value(value), breakdown, quote: Some(quote) }, end))
}

/// One part of a breakdown at `at`: "规范性文件类326条" with an optional "，占10.8%".
fn breakdown_part(chars: &[char], p: &[char], at: usize) -> Option<(FigurePart, usize)> {
    let d = (at..p.len().min(at + 26)).find(|&k| p[k].is_ascii_digit() || clause_break(p[k]))?;
    if !p[d].is_ascii_digit() || d == at {
        return None;
    }
    let label: String = chars[at..d].iter().collect::<String>().trim().to_string();
    let (count, k) = number(p, d)?;
    let (_, k) = unit(p, k)?;
    let (pct, k) = match percent(p, k) {
        Some((t, e)) => (Dec::parse(&t).map(Cell::Value).unwrap_or(Cell::Absent), e),
        None => (Cell::Absent, k),
    };
    Some((FigurePart { label, count: Cell::Value(count), percent: pct }, k))
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
}
