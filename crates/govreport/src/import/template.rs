//! Reports in the 2019 and 2021 templates: the six parts by their headings, the prose of parts
//! 一, 五 and 六, and the tables of parts 二, 三, 四 (and the fees of 六).

use std::collections::BTreeMap;

use serde_json::Value;

use super::Line;
use super::findings::{Notes, Pos};
use super::meta::Meta;
use super::norm::{self, key, plain};
use super::tables::{Index, Reader, TableId, Tok, TokKind, is_paragraph, is_table_line, tokens};
use crate::labels;
use crate::model::Format;
use crate::rules::Code;

/// A part heading found in the source.
#[derive(Clone, Debug)]
struct Heading {
    part: usize,
    numeral: Option<u32>,
    text: String,
}

fn without_de(k: &str) -> String {
    k.chars().filter(|c| *c != '的').collect()
}

/// The parts by the keys of their headings and aliases (without 的).
struct PartKeys {
    keys: rustc_hash::FxHashMap<String, usize>,
    /// The length in characters of the longest key.
    longest: usize,
    /// The first characters of the keys, sorted.
    first: Vec<char>,
}

/// The parts by the keys of their headings, built once.
fn part_keys() -> &'static PartKeys {
    static KEYS: std::sync::OnceLock<PartKeys> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for (i, part) in labels::PARTS.iter().enumerate() {
            let l = &part.label;
            for t in std::iter::once(l.name.zh).chain(l.aliases.iter().copied()) {
                // The first part a key names, as the search in order found it.
                m.entry(without_de(&key(t))).or_insert(i);
            }
        }
        let longest = m.keys().map(|k| k.chars().count()).max().unwrap_or(0);
        let mut first: Vec<char> = m.keys().filter_map(|k| k.chars().next()).collect();
        first.sort_unstable();
        first.dedup();
        PartKeys { keys: m, longest, first }
    })
}

/// The part headings (一 … 六) the lines may be, by line, before table labels are ruled out
/// ([`Candidates::headings`]): found once for every use.
pub struct Candidates(BTreeMap<usize, Heading>);

impl Candidates {
    /// The candidates among `lines`.
    pub fn of(lines: &[Line]) -> Candidates {
        Candidates((0..lines.len()).filter_map(|i| candidate(&lines[i]).map(|h| (i, h))).collect())
    }

    /// The headings among the lines `keep` allows, in the tables of `format`: a table label is
    /// never a heading ("四、结转下年度继续办理").
    fn headings(&self, format: Format, keep: impl Fn(usize) -> bool) -> BTreeMap<usize, Heading> {
        let ix = Index::of(format);
        let label = |t: &str| ix.lookup(t).is_some() || t.split(norm::is_space).next().is_some_and(|w| ix.lookup(w).is_some());
        self.0.iter().filter(|(i, h)| keep(**i) && !label(&h.text)).map(|(i, h)| (*i, h.clone())).collect()
    }
}

/// Whether `line` is the heading of a part (一 … 六), table labels aside.
fn candidate(line: &Line) -> Option<Heading> {
    let text = match &line.cells {
        Some(cells) => {
            let mut filled = cells.iter().filter(|c| !c.trim().is_empty());
            let first = filled.next()?;
            if filled.next().is_some() {
                return None;
            }
            first.trim()
        }
        None => line.text.trim(),
    };
    let pk = part_keys();
    // Without a numeral first, only a heading's own words make one: text longer than every
    // heading, or whose key starts otherwise, is none (before it is keyed).
    let mut kept = text.chars().filter(|c| *c != '的' && norm::in_key(*c));
    if !text.starts_with(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']) {
        match kept.next() {
            Some(c) if pk.first.binary_search(&norm::half_width(norm::simplify(c))).is_ok() => {}
            _ => return None,
        }
        if kept.nth(pk.longest + 1).is_some() {
            return None;
        }
    }
    let p = plain(text);
    let n = p.iter().take_while(|c| "一二三四五六七八九十".contains(**c)).count();
    let (numeral, rest_at) =
        if n > 0 && matches!(p.get(n), Some('、' | '.' | ' ' | ',')) { (norm::chinese_number(&p[..n].iter().collect::<String>()), n + 1) } else { (None, 0) };
    let rest = trimmed(&p[rest_at..]);
    // Text longer than every heading's key ([`norm::in_key`]; 的 aside), and than other
    // wording may be, is no heading.
    if rest.iter().filter(|c| **c != '的' && norm::in_key(**c)).nth(pk.longest + 1).is_some() && (numeral.is_none() || rest.len() > OTHER_WORDING_CHARS) {
        return None;
    }
    let rest: String = rest.iter().collect();
    let k = without_de(&key(&rest));
    if k.is_empty() {
        return None;
    }
    if let Some(&part) = pk.keys.get(&k) {
        return Some(Heading { part, numeral, text: text.to_string() });
    }
    // Other wording: only with the right numeral, short and not a sentence.
    let num = numeral?;
    if rest.chars().count() > OTHER_WORDING_CHARS || rest.contains('。') || rest.contains(',') {
        return None;
    }
    let (part, _) = labels::PARTS.iter().enumerate().filter(|(_, p)| p.words.iter().any(|w| k.contains(w))).max_by_key(|(_, p)| p.word_rank)?;
    (num as usize == part + 1).then(|| Heading { part, numeral, text: text.to_string() })
}

/// `text.trim().trim_end_matches([':', '。']).trim()` on characters.
fn trimmed(r: &[char]) -> &[char] {
    fn trim(mut r: &[char]) -> &[char] {
        while let [c, rest @ ..] = r
            && c.is_whitespace()
        {
            r = rest;
        }
        while let [rest @ .., c] = r
            && c.is_whitespace()
        {
            r = rest;
        }
        r
    }
    let mut r = trim(r);
    while let [rest @ .., ':' | '。'] = r {
        r = rest;
    }
    trim(r)
}

/// The longest heading in other words than the label table's (after its numeral).
const OTHER_WORDING_CHARS: usize = 30;

/// Where the report is on an HTML page: the first and last node of the smallest element that
/// holds every part heading and every table row after the first heading (an article's
/// container; what follows it, such as related articles, share links and the site's footer,
/// is the portal's, as is the text before it: navigation, a side column). None when the source
/// is not a page ([`super::html::Page::elements`] empty) or has fewer than two part headings.
pub fn report_scope(lines: &[Line], candidates: &Candidates, elements: &[(u32, u32)]) -> Option<(u32, u32)> {
    if elements.is_empty() {
        return None;
    }
    // Part headings are the same in both formats; the format only keeps table labels out.
    let headings: Vec<usize> = candidates.headings(Format::F2021, |_| true).into_keys().collect();
    let first = *headings.first()?;
    if headings.len() < 2 {
        return None;
    }
    let anchors: Vec<u32> =
        (first..lines.len()).filter(|&i| headings.binary_search(&i).is_ok() || lines[i].cells.is_some()).map(|i| lines[i].node).collect::<Option<_>>()?;
    let (lo, hi) = (*anchors.iter().min()?, *anchors.iter().max()?);
    // Elements holding a node nest: the one that starts last is the smallest.
    elements.iter().filter(|(start, end)| *start <= lo && *end >= hi).max_by_key(|(start, _)| *start).copied()
}

/// What the prose and tables of a template report give.
pub struct Read {
    /// 一、总体情况.
    pub overview: Option<String>,
    /// 五、存在的主要问题及改进情况.
    pub problems: Option<String>,
    /// 六、其他需要报告的事项.
    pub other_matters: Option<String>,
    /// Cells by pointer.
    pub cells: BTreeMap<String, Value>,
    /// The parts after a table the source stops inside (the source does not show them).
    pub unseen: Vec<String>,
    /// Where each cell was read (the figures' cells, and the prose parts' first lines).
    pub sources: super::provenance::Provenance,
}

/// Reads a 2019 or 2021 report. `from_tables` says whether the tables set the format.
/// `elided`: the source says it leaves text out (a line of "……"), so a part it does not show
/// may be in the report.
pub fn read(
    lines: &[Line],
    candidates: &Candidates,
    scope: Option<(u32, u32)>,
    meta: &Meta,
    format: Format,
    from_tables: bool,
    elided: bool,
    notes: &mut Notes,
) -> Read {
    let ix = Index::of(format);
    let body: Vec<usize> = (0..lines.len()).filter(|i| !meta.excluded.contains(i)).collect();
    let headings = candidates.headings(format, |i| !meta.excluded.contains(&i));
    // On a page, the text before and after the element that holds the report is the portal's.
    // Before it, the text is in no part, and only its table rows could be read: they are kept.
    let body = match scope {
        Some((start, end)) => {
            let before = |i: usize| lines[i].cells.is_none() && lines[i].node.is_some_and(|n| n < start);
            let (inside, after): (Vec<usize>, Vec<usize>) = body.into_iter().filter(|&i| !before(i)).partition(|&i| lines[i].node.is_none_or(|n| n <= end));
            if let Some(&first) = after.first() {
                let quote: String = lines[first].text.chars().take(40).collect();
                notes.add(Code::GR920, "", lines[first].pos).text("count", after.len()).text("quote", quote);
            }
            inside
        }
        None => body,
    };
    // Numbering and order.
    let mut last: Option<usize> = None;
    for (&li, h) in &headings {
        let expected_numeral = h.part as u32 + 1;
        let out_of_order = last.is_some_and(|l| h.part <= l);
        if h.numeral.is_some_and(|n| n != expected_numeral) || out_of_order {
            let p = &labels::PARTS[h.part];
            notes.add(Code::GR902, p.label.id, lines[li].pos).text("heading", &h.text).text("expected", format!("{}、{}", p.numeral, p.label.name.zh));
        }
        last = Some(last.map_or(h.part, |l| l.max(h.part)));
    }
    let mut reader = Reader::new(ix);
    let mut prose: [Vec<String>; 6] = Default::default();
    let mut unheaded: Vec<String> = vec![];
    // The first line of each prose part (and of text without headings), for its provenance.
    let mut first_of: [Option<(Pos, String)>; 7] = Default::default();
    let mut part: Option<usize> = None;
    let mut after_table = false;
    let no_headings = headings.is_empty();
    // A label's first line held until the next line says whether the label wraps onto it.
    let mut held: Option<(String, Vec<Tok>)> = None;
    // The rest of a label read from its first line, which the next line may hold.
    let mut rest: Option<String> = None;
    for &li in &body {
        let line = &lines[li];
        let held_now = held.take();
        let rest_now = rest.take();
        if let Some(h) = headings.get(&li) {
            if let Some((_, t)) = held_now {
                reader.line(&t, notes);
            }
            part = Some(h.part);
            reader.part(part, notes);
            after_table = false;
            continue;
        }
        let mut toks = tokens(line, ix);
        // A wrapped label: the held first line and the words this line starts with, before
        // its figures ("（二）部分公开（区分处理的，只计这一情形，不" + "计其他情形） 16 1 …").
        if let Some((first, t)) = held_now {
            let joined = match (toks.first().map(|t| &t.kind), toks.get(1).map(|t| &t.kind)) {
                (Some(TokKind::Unknown(w)), Some(TokKind::Value(..))) => {
                    let text = format!("{first}{w}");
                    ix.lookup(&text).map(<[_]>::to_vec).or_else(|| ix.near(&text).map(|e| vec![e])).map(|e| (e, format!("{first} {w}")))
                }
                _ => None,
            };
            match joined {
                Some((e, text)) => toks[0].kind = TokKind::Label(e, text),
                None => reader.line(&t, notes),
            }
        }
        // The rest of a label read from its first line: not text of its own.
        if let Some(r) = rest_now
            && line.cells.is_none()
            && let [Tok { kind: TokKind::Unknown(w), .. }] = toks.as_slice()
            && r.starts_with(&norm::key(w))
        {
            let left = r[norm::key(w).len()..].to_string();
            rest = (!left.is_empty()).then_some(left);
            continue;
        }
        rest = toks.iter().rev().find_map(|t| match &t.kind {
            TokKind::Label(e, found) => e.first().and_then(|e| Index::wrapped_rest(found, e.label)),
            _ => None,
        });
        let prose_part = part.is_some_and(|p| labels::PARTS[p].table.is_none());
        let labels_n = toks.iter().filter(|t| matches!(t.kind, TokKind::Label(..))).count();
        let only_values = !toks.is_empty() && toks.iter().all(|t| matches!(t.kind, TokKind::Value(..)));
        let table_line = if line.cells.is_some() {
            is_table_line(&toks, true)
        } else if prose_part {
            (labels_n > 0 && toks.len() >= 2 && toks.iter().all(|t| !matches!(t.kind, TokKind::Unknown(_)))) || (after_table && only_values)
        } else {
            is_table_line(&toks, true)
        };
        if table_line {
            reader.line(&toks, notes);
            after_table = true;
            continue;
        }
        let text = line.text.trim();
        if text.is_empty() {
            // A row of empty cells: blank figures under the headings of table C or the fees
            // (which part 六 holds).
            if line.cells.is_some() && (!prose_part || after_table) {
                reader.line(&toks, notes);
            }
            continue;
        }
        after_table = false;
        match part {
            Some(p) if prose_part => {
                first_of[p].get_or_insert_with(|| (line.pos, text.to_string()));
                prose[p].push(text.to_string())
            }
            None if no_headings => {
                first_of[6].get_or_insert_with(|| (line.pos, text.to_string()));
                unheaded.push(text.to_string())
            }
            _ => {
                if is_paragraph(text) {
                    reader.prose(notes);
                } else if line.cells.is_none() && toks.len() == 1 && matches!(toks[0].kind, TokKind::Unknown(_)) {
                    held = Some((text.to_string(), toks));
                } else {
                    reader.line(&toks, notes);
                }
            }
        }
    }
    if let Some((_, t)) = held {
        reader.line(&t, notes);
    }
    let reader = reader.finish(notes);
    // A source that stops inside a table shows none of the parts after it: GR901 says they
    // are not in the source; the check does not count them against the report (`unseen`).
    let cut_part = reader.cut.iter().filter_map(|t| labels::PARTS.iter().position(|p| p.table.map(TableId::of) == Some(*t))).max();
    let after_cut = |i: usize| cut_part.is_some_and(|c| i > c);
    // Parts: missing, or without their table.
    let found: Vec<usize> = headings.values().map(|h| h.part).collect();
    let has_data = |t: TableId| reader.data_in.get(&t).is_some_and(|s| !s.is_empty());
    let mut missing = vec![];
    for (i, p) in labels::PARTS.iter().enumerate() {
        let table = p.table.map(TableId::of);
        if found.contains(&i) {
            if let Some(t) = table
                && !has_data(t)
                && !reader.cut.contains(&t)
            {
                let li = headings.iter().find(|(_, h)| h.part == i).map(|(l, _)| *l).unwrap_or(0);
                notes.add(Code::GR903, p.label.id, lines[li].pos).label("part", &p.label);
            }
            continue;
        }
        let present = match table {
            Some(t) => reader.seen.contains(&t),
            None => i == 0 && no_headings && !unheaded.is_empty(),
        };
        if !present {
            missing.push(i);
        }
    }
    if no_headings && !unheaded.is_empty() {
        notes.add(Code::GR915, "/sections/overview", Pos::Whole).label("part", &labels::PARTS[0].label);
    }
    if !missing.is_empty() {
        let zh = missing.iter().map(|&i| format!("{}、{}", labels::PARTS[i].numeral, labels::PARTS[i].label.name.zh)).collect::<Vec<_>>().join("；");
        let en = missing.iter().map(|&i| format!("{} ({})", i + 1, labels::PARTS[i].label.name.en)).collect::<Vec<_>>().join("; ");
        let related = missing.iter().skip(1).map(|&i| labels::PARTS[i].label.id.to_string()).collect();
        notes.add(Code::GR901, labels::PARTS[missing[0]].label.id, Pos::Whole).both("parts", zh, en).related(related);
    }
    // The template the text cites.
    if from_tables {
        let (wrong, cited) = match format {
            Format::F2021 => (["2019]60号", "2019)60号"], Format::F2019.basis()),
            _ => (["2021]30号", "2021)30号"], Format::F2021.basis()),
        };
        for &li in &body {
            // Only a line with 号 can cite a document number.
            if !lines[li].text.contains(['号', '號']) {
                continue;
            }
            let k = key(&lines[li].text);
            if wrong.iter().any(|w| k.contains(w)) {
                notes.add(Code::GR907, "/format", lines[li].pos).text("cited", cited).text("basis", format.basis());
                break;
            }
        }
    }
    // Without any part heading the text was taken as the overview: where the other parts'
    // prose is, the source does not say.
    let unplaced = |i: usize| elided || (no_headings && labels::PARTS[i].table.is_none() && i > 0);
    let mut unseen = vec![];
    for (i, p) in labels::PARTS.iter().enumerate().filter(|(i, _)| (after_cut(*i) || unplaced(*i)) && !found.contains(i)) {
        unseen.push(p.label.id.to_string());
        if i == 5 {
            unseen.extend(labels::PROCESSING_FEES.first().map(|l| l.id.to_string()));
        }
    }
    let join = |v: &Vec<String>| (!v.is_empty()).then(|| v.join("\n"));
    let overview = if no_headings { join(&unheaded) } else { join(&prose[0]) };
    let mut sources = reader.sources;
    for (part, first) in [(0, if no_headings { 6 } else { 0 }), (4, 4), (5, 5)] {
        if let Some((pos, text)) = first_of[first].take() {
            let pointer = crate::cells::pointer(format, crate::cells::Loc::Section(part));
            sources.insert(pointer.to_string(), super::provenance::CellSource::new(pos, &text, false));
        }
    }
    Read { overview, problems: join(&prose[4]), other_matters: join(&prose[5]), cells: reader.cells, unseen, sources }
}
