//! Reading the template's tables: labels are matched through [`crate::labels`] (aliases
//! included) after normalising, and cells are read by column position within the row whose
//! label was matched — never by position across rows. A row that stops short leaves the rest
//! of its cells absent; a table that stops short leaves the rows after it absent. A label as
//! published (a character missing, extra or swapped) is matched to the one label clearly
//! nearest ([`Index::near`]); figures of text without cell boundaries are placed only where the
//! source fixes their cells ([`super::split`]), never guessed.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde_json::Value;

use super::Line;
use super::findings::{Notes, Pos};
use super::norm::{self, half_width, is_space, key};
use super::split::{self, Piece};
use crate::cells::{self, CellKind};
use crate::labels::{self, Label, ProactiveBlock, RowLabel};
use crate::model::{Dec, Format};
use crate::rules::Code;

// ---------------------------------------------------------------------------------------------
// Cell values

/// A cell as published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Raw {
    /// Empty.
    Blank,
    /// "/", "—", "-", "无": does not apply.
    NotApplicable,
    /// A number: sign and the digits with an optional decimal point ("26.55").
    Num { negative: bool, digits: String },
    /// Figures that do not fix one number: digits set apart by a space in one cell ("2 6" is
    /// 26, or 2 and 6 run together from two cells).
    Unreadable,
}

/// Units a figure may carry in its cell ("5件", "0.5万元").
const CELL_UNITS: &[&str] = &["万元", "元", "件", "条", "个", "项", "篇", "次", "%"];

/// Marks that say a cell does not apply.
const NA_MARKS: &[&str] = &["/", "\\", "—", "——", "―", "-", "--", "–", "无", "不适用", "／"];

/// Whether a value (a number or a mark of [`NA_MARKS`]) may start with `c` (half-width).
fn may_start_value(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '-' | '+' | '/' | '\\' | '—' | '―' | '–' | '无' | '不')
}

/// Reads a cell's text as a value, or None when it is not one (a label or other words).
pub fn raw_value(text: &str) -> Option<Raw> {
    // Most text is words: they fail at their first character, before any copy is made.
    match text.chars().map(half_width).find(|c| !is_space(*c)) {
        None => return Some(Raw::Blank),
        Some(c) if !may_start_value(c) => return None,
        Some(_) => {}
    }
    let s: String = text.chars().map(half_width).filter(|c| !is_space(*c)).collect();
    if s.is_empty() {
        return Some(Raw::Blank);
    }
    if NA_MARKS.contains(&s.as_str()) {
        return Some(Raw::NotApplicable);
    }
    let mut body = s.as_str();
    for u in CELL_UNITS {
        if let Some(b) = body.strip_suffix(u) {
            body = b;
            break;
        }
    }
    let (negative, body) = match body.chars().next() {
        Some('-') => (true, &body[1..]),
        Some('+') => (false, &body[1..]),
        _ => (false, body),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    // Thousands separators: 11,839.
    let int_ok = !int.is_empty()
        && if int.contains(',') {
            let groups: Vec<&str> = int.split(',').collect();
            groups[0].len() <= 3
                && !groups[0].is_empty()
                && groups[1..].iter().all(|g| g.len() == 3)
                && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        } else {
            int.bytes().all(|b| b.is_ascii_digit())
        };
    let frac_ok = frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    if !(int_ok && frac_ok) || int.len() > 30 {
        return None;
    }
    // Digits set apart by a space: one number, or two cells run together (only a number is
    // looked at, and only when the text had a space inside).
    if s.len() < text.trim_matches(is_space).len() {
        let h: Vec<char> = text.trim_matches(is_space).chars().map(half_width).collect();
        let spaced = h.iter().enumerate().any(|(i, c)| {
            is_space(*c)
                && h[..i].iter().rev().find(|c| !is_space(**c)).is_some_and(|c| c.is_ascii_digit())
                && h[i..].iter().find(|c| !is_space(**c)).is_some_and(|c| c.is_ascii_digit())
        });
        if spaced {
            return Some(Raw::Unreadable);
        }
    }
    let mut digits: String = int.chars().filter(|c| *c != ',').collect();
    if let Some(f) = frac {
        digits.push('.');
        digits.push_str(f);
    }
    Some(Raw::Num { negative, digits })
}

/// The JSON of a cell of `kind` (from the table of cells), or None when the text is not such a
/// value.
fn to_json(raw: &Raw, kind: CellKind) -> Option<Value> {
    match raw {
        Raw::Blank => Some(Value::Null),
        Raw::NotApplicable => Some(Value::String("/".into())),
        Raw::Unreadable => None,
        // "01", "00": never one count (two cells run together).
        Raw::Num { digits, .. } if kind != CellKind::Amount && digits.len() > 1 && digits.starts_with('0') => None,
        Raw::Num { negative, digits } => match kind {
            CellKind::Count if !negative && !digits.contains('.') => digits.parse::<u64>().ok().map(Value::from),
            CellKind::SignedCount if !digits.contains('.') => {
                let v: i128 = digits.parse().ok()?;
                i64::try_from(if *negative { -v } else { v }).ok().map(Value::from)
            }
            CellKind::Amount if !negative => {
                let (int, frac) = digits.split_once('.').map_or((digits.as_str(), None), |(i, f)| (i, Some(f)));
                let int = int.trim_start_matches('0');
                let int = if int.is_empty() { "0" } else { int };
                let text = match frac {
                    Some(f) => format!("{int}.{f}"),
                    None => int.to_string(),
                };
                Dec::parse(&text).ok().map(|_| Value::String(text))
            }
            _ => None,
        },
    }
}

// ---------------------------------------------------------------------------------------------
// The label index

/// The tables of the template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TableId {
    /// Table A, part 二.
    A,
    /// Table B, part 三.
    B,
    /// Table C, part 四.
    C,
    /// The processing fees of part 六.
    Fees,
}

impl TableId {
    /// The importer's table for a table of the template.
    pub fn of(table: cells::Table) -> TableId {
        match table {
            cells::Table::Proactive => TableId::A,
            cells::Table::Requests => TableId::B,
            cells::Table::Review => TableId::C,
            cells::Table::Fees | cells::Table::Prose => TableId::Fees,
        }
    }

    /// The label that names the table in messages.
    pub fn label(self) -> &'static Label {
        match self {
            TableId::A => cells::Table::Proactive,
            TableId::B => cells::Table::Requests,
            TableId::C => cells::Table::Review,
            TableId::Fees => cells::Table::Fees,
        }
        .label()
    }
}

/// What a label is in the tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    /// 第二十条第（x）项: a block of table A.
    ABlock(usize),
    /// 信息内容, or a column heading of table A.
    AHeader,
    /// A row of table A: block and row.
    ARow(usize, usize),
    /// The caption or a heading of table B.
    BHeader,
    /// A column of table B.
    BColumn(usize),
    /// A row or group of table B (index into the format's rows).
    BRow(usize),
    /// 行政诉讼.
    CHeader,
    /// 行政复议, 未经复议直接起诉, 复议后起诉.
    CGroup(usize),
    /// A column of table C.
    CColumn(usize),
    /// 信息处理费.
    FeesTitle,
    /// A figure of the processing fees.
    FeesColumn(usize),
}

impl Hit {
    fn table(self) -> TableId {
        match self {
            Hit::ABlock(_) | Hit::AHeader | Hit::ARow(..) => TableId::A,
            Hit::BHeader | Hit::BColumn(_) | Hit::BRow(_) => TableId::B,
            Hit::CHeader | Hit::CGroup(_) | Hit::CColumn(_) => TableId::C,
            Hit::FeesTitle | Hit::FeesColumn(_) => TableId::Fees,
        }
    }
}

/// A label found for a key.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// What it is.
    pub hit: Hit,
    /// The label of the table it was matched to.
    pub label: &'static Label,
    /// Whether the key is an alias (or a short form) rather than the label itself.
    pub alias: bool,
}

/// Every label of the tables of one format, by matching key.
pub struct Index {
    format: Format,
    map: rustc_hash::FxHashMap<String, Vec<Entry>>,
    /// Keys of row labels (with their aliases) by their length in characters, for near
    /// matches ([`Index::near`]).
    by_len: Vec<Vec<(Vec<char>, Entry)>>,
    /// The length in characters of the longest key of `map`.
    longest: usize,
    blocks: &'static [ProactiveBlock],
    rows: Vec<&'static RowLabel>,
}

/// Labels shorter than this (without their numbering) are never matched by a near text: one
/// character changes their meaning (结果维持, 结果纠正).
const NEAR_MIN_CHARS: usize = 6;
/// The most edits a near text may be away from a label.
const NEAR_MAX_EDITS: usize = 3;

/// Edits a text may be away from a label of `chars` characters (without its numbering): none
/// under six, one up to seven, two up to eleven, three from twelve.
fn near_tolerance(chars: usize) -> usize {
    match chars {
        0..NEAR_MIN_CHARS => 0,
        6..=7 => 1,
        8..=11 => 2,
        _ => NEAR_MAX_EDITS,
    }
}

/// The optimal-string-alignment distance of `a` and `b` (characters missing, extra, replaced,
/// or two neighbours swapped), when it is at most `max`.
fn osa_within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let w = b.len() + 1;
    let mut rows = vec![vec![0usize; w]; 3];
    for (j, c) in rows[0].iter_mut().enumerate() {
        *c = j;
    }
    for i in 1..=a.len() {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i;
        let mut row_min = i;
        for j in 1..w {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (rows[prev][j] + 1).min(rows[cur][j - 1] + 1).min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
    }
    let d = rows[a.len() % 3][b.len()];
    (d <= max).then_some(d)
}

/// Drops a leading 一、 / (一) / 1. from a key.
fn strip_numbering(k: &str) -> &str {
    let numerals = "一二三四五六七八九十";
    if let Some(rest) = k.strip_prefix('(')
        && let Some(close) = rest.find(')')
        && rest[..close].chars().all(|c| numerals.contains(c))
        && close > 0
    {
        return &rest[close + 1..];
    }
    let lead: usize = k.chars().take_while(|c| numerals.contains(*c)).map(char::len_utf8).sum();
    if lead > 0 && k[lead..].starts_with('、') {
        return &k[lead + '、'.len_utf8()..];
    }
    let digits = k.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && k[digits..].starts_with('.') {
        return &k[digits + 1..];
    }
    k
}

impl Index {
    /// The labels of `format`'s tables (2019 or 2021), built once.
    pub fn of(format: Format) -> &'static Index {
        static I2019: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
        static I2021: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
        if format == Format::F2019 { I2019.get_or_init(|| Index::new(Format::F2019)) } else { I2021.get_or_init(|| Index::new(Format::F2021)) }
    }

    /// The labels of `format`'s tables (2019 or 2021).
    fn new(format: Format) -> Index {
        let blocks = if format == Format::F2019 { labels::PROACTIVE_2019 } else { labels::PROACTIVE_2021 };
        let rows: Vec<&'static RowLabel> = labels::request_rows(format).collect();
        let mut ix = Index { format, map: Default::default(), by_len: vec![], longest: 0, blocks, rows };
        for (b, block) in blocks.iter().enumerate() {
            ix.add_key(key(block.item), Hit::ABlock(b), &labels::PROACTIVE_CONTENT_HEADER, false);
            for (r, row) in block.rows.iter().enumerate() {
                ix.add(row, Hit::ARow(b, r));
            }
        }
        ix.add(&labels::PROACTIVE_CONTENT_HEADER, Hit::AHeader);
        for block in labels::PROACTIVE_2021.iter().chain(labels::PROACTIVE_2019) {
            for c in block.columns {
                ix.add(c, Hit::AHeader);
            }
        }
        ix.add(&labels::REQUESTS_CAPTION, Hit::BHeader);
        for h in labels::REQUESTS_HEADERS {
            ix.add(h, Hit::BHeader);
        }
        for (i, c) in labels::REQUEST_COLUMNS.iter().enumerate() {
            ix.add(c, Hit::BColumn(i));
        }
        for (i, r) in ix.rows.clone().into_iter().enumerate() {
            ix.add(&r.label, Hit::BRow(i));
        }
        ix.add(&labels::REVIEW_HEADERS[0], Hit::CGroup(0));
        ix.add(&labels::REVIEW_HEADERS[1], Hit::CHeader);
        for (g, l) in labels::REVIEW_GROUPS.iter().enumerate().skip(1) {
            ix.add(l, Hit::CGroup(g));
        }
        for (i, c) in labels::REVIEW_COLUMNS.iter().enumerate() {
            ix.add(c, Hit::CColumn(i));
        }
        ix.add(&labels::PROCESSING_FEES[0], Hit::FeesTitle);
        for (i, l) in labels::PROCESSING_FEES[1..].iter().enumerate() {
            ix.add(l, Hit::FeesColumn(i));
        }
        // Rows of table B written without their numbering ("予以公开" for "（一）予以公开").
        for (i, r) in ix.rows.clone().into_iter().enumerate() {
            let full = key(r.label.name.zh);
            let short = strip_numbering(&full).to_string();
            if short != full && short.chars().count() >= 4 && !ix.map.contains_key(&short) {
                ix.add_key(short, Hit::BRow(i), &r.label, true);
            }
        }
        for (k, entries) in &ix.map {
            let rowish = |e: &&Entry| matches!(e.hit, Hit::ARow(..) | Hit::BRow(_) | Hit::CGroup(_) | Hit::FeesColumn(_));
            if let Some(e) = entries.iter().find(rowish) {
                let chars: Vec<char> = k.chars().collect();
                if ix.by_len.len() <= chars.len() {
                    ix.by_len.resize(chars.len() + 1, vec![]);
                }
                ix.by_len[chars.len()].push((chars, *e));
            }
        }
        ix.longest = ix.map.keys().map(|k| k.chars().count()).max().unwrap_or(0);
        // One order whatever the map's: ties are told apart the same way every run.
        for bucket in &mut ix.by_len {
            bucket.sort_by(|a, b| a.0.cmp(&b.0));
        }
        ix
    }

    fn add(&mut self, label: &'static Label, hit: Hit) {
        let own = key(label.name.zh);
        for text in std::iter::once(label.name.zh).chain(label.aliases.iter().copied()) {
            let k = key(text);
            let alias = k != own;
            self.add_key(k, hit, label, alias);
        }
    }

    fn add_key(&mut self, k: String, hit: Hit, label: &'static Label, alias: bool) {
        if k.is_empty() {
            return;
        }
        let v = self.map.entry(k).or_default();
        if !v.iter().any(|e| e.hit == hit) {
            v.push(Entry { hit, label, alias });
        }
    }

    /// The labels a text may be.
    pub fn lookup(&self, text: &str) -> Option<&[Entry]> {
        // Text that keeps more characters than any key has ([`norm::in_key`]) is no label:
        // a paragraph is not made into a key to find that.
        if text.chars().filter(|c| norm::in_key(*c)).nth(self.longest + 1).is_some() {
            return None;
        }
        self.map.get(&key(text)).map(Vec::as_slice)
    }

    /// The row label a damaged text is ("2.其他法律行政止公开" for 2.其他法律行政法规禁止公开):
    /// the nearest by edits (a character missing, extra, another, or two swapped), within the
    /// tolerance of the label's length ([`near_tolerance`]), and clearly nearer than any other
    /// label (by two edits or more); None when no label is, or when two are about as near.
    /// Labels are indexed by length, so only those whose length is within reach are compared.
    pub fn near(&self, text: &str) -> Option<Entry> {
        let q: Vec<char> = key(text).chars().collect();
        if q.len() < NEAR_MIN_CHARS - 1 {
            return None;
        }
        // Reach: the most edits any label may be away, plus the margin.
        let reach = NEAR_MAX_EDITS + 1;
        let lo = q.len().saturating_sub(reach);
        let hi = (q.len() + reach).min(self.by_len.len().saturating_sub(1));
        // The nearest distance of each label (a label and its aliases are one).
        let mut near: Vec<(usize, Entry)> = vec![];
        for bucket in self.by_len.get(lo..=hi).unwrap_or_default() {
            for (k, e) in bucket {
                let Some(d) = osa_within(&q, k, reach) else { continue };
                match near.iter_mut().find(|(_, x)| x.hit == e.hit) {
                    Some(n) => n.0 = n.0.min(d),
                    None => near.push((d, *e)),
                }
            }
        }
        near.sort_by_key(|n| n.0);
        let Some(&(d, e)) = near.first() else {
            return self.wrapped(&q);
        };
        let second = near.get(1).map_or(usize::MAX, |n| n.0);
        let body = strip_numbering(&key(e.label.name.zh)).chars().count();
        if d > 0 && d <= near_tolerance(body) && second >= d + 2 {
            Some(Entry { alias: true, ..e })
        } else if second > NEAR_MAX_EDITS + 1 {
            // Nothing else within reach: the text may still be a label's first line.
            self.wrapped(&q)
        } else {
            None
        }
    }

    /// The row label whose first line a text is, when a label wraps over lines ("（二）部分公开
    /// （区分处理的，只计这一情形，不" + "计其他情形）"): the text is at least eight characters and
    /// half the label, and begins exactly one label.
    fn wrapped(&self, q: &[char]) -> Option<Entry> {
        if q.len() < 8 {
            return None;
        }
        let mut found: Option<Entry> = None;
        for bucket in self.by_len.get(q.len() + 1..).unwrap_or_default() {
            for (k, e) in bucket {
                if k.starts_with(q) && q.len() * 2 >= k.len() {
                    match found {
                        Some(f) if f.hit != e.hit => return None,
                        _ => found = Some(*e),
                    }
                }
            }
        }
        found.map(|e| Entry { alias: true, ..e })
    }

    /// The rest of a label whose first line `found` is (the words a wrapped label continues
    /// with on the next line), as a key; None when `found` is the whole label.
    pub fn wrapped_rest(found: &str, label: &Label) -> Option<String> {
        let (f, l) = (key(found), key(label.name.zh));
        l.strip_prefix(f.as_str()).filter(|r| !r.is_empty()).map(str::to_string)
    }
}

// ---------------------------------------------------------------------------------------------
// Tokens

/// What a piece of a table line is.
#[derive(Clone, Debug)]
pub enum TokKind {
    /// A label (the entries it may be, and the text as found).
    Label(Vec<Entry>, String),
    /// A value (or a blank cell).
    Value(Raw, String),
    /// Words that are neither.
    Unknown(String),
}

/// A piece of a table line.
#[derive(Clone, Debug)]
pub struct Tok {
    /// What it is.
    pub kind: TokKind,
    /// Where the line is.
    pub pos: Pos,
    /// Whether the line gives its cells (a table row, `|` or tabs): a row does not run on to
    /// the next line.
    pub explicit: bool,
    /// The last piece of its line.
    pub line_end: bool,
}

/// Most words joined to match one label ("第二十条第 (一) 项").
const MAX_JOIN: usize = 6;

/// Reads words as labels, values and unknown words. `then_value`: the words are followed by a
/// value (the next cell of a row), so words that end them stand where a row label stands.
fn words_to_toks(words: &[&str], ix: &Index, then_value: bool, out: &mut Vec<TokKind>) {
    let values: Vec<Option<Raw>> = words.iter().map(|w| raw_value(w)).collect();
    // For each word, the index of the first value after it (one pass from the right, so that
    // a long line of words is not scanned again for every word).
    let mut next_value = vec![words.len(); words.len()];
    for k in (0..words.len().saturating_sub(1)).rev() {
        next_value[k] = if values[k + 1].is_some() { k + 1 } else { next_value[k + 1] };
    }
    let mut i = 0;
    while i < words.len() {
        if let Some(raw) = &values[i] {
            out.push(TokKind::Value(raw.clone(), words[i].to_string()));
            i += 1;
            continue;
        }
        let mut found = None;
        // Words joined up to the next value, longest first.
        let end = words.len().min(i + MAX_JOIN).min(next_value[i]);
        for j in (i + 1..=end).rev() {
            let joined: String = words[i..j].concat();
            if let Some(e) = ix.lookup(&joined) {
                found = Some((j, e.to_vec(), words[i..j].join(" ")));
                break;
            }
        }
        // Words that stand where a row label stands (right before a value) and are no label:
        // a label as published, a character missing, extra or swapped.
        let j = next_value[i];
        if found.is_none() && (j < words.len() || then_value) && j - i <= MAX_JOIN {
            let joined: String = words[i..j].concat();
            if let Some(e) = ix.near(&joined) {
                found = Some((j, vec![e], words[i..j].join(" ")));
            }
        }
        match found {
            Some((j, e, text)) => {
                out.push(TokKind::Label(e, text));
                i = j;
            }
            None => {
                if let Some(TokKind::Unknown(prev)) = out.last_mut() {
                    prev.push(' ');
                    prev.push_str(words[i]);
                } else {
                    out.push(TokKind::Unknown(words[i].to_string()));
                }
                i += 1;
            }
        }
    }
}

/// Splits a line of text into words; " / " between every pair of cells is a separator
/// ("规章 / 0 / 0 / 0"), not three "/" cells.
fn words(text: &str) -> Vec<&str> {
    let w: Vec<&str> = text.split(is_space).filter(|s| !s.is_empty()).collect();
    let slash = |s: &str| matches!(s, "/" | "／");
    let alternating = w.len() >= 5 && w.len() % 2 == 1 && w.iter().enumerate().all(|(i, s)| slash(s) == (i % 2 == 1));
    if alternating { w.into_iter().filter(|s| !slash(s)).collect() } else { w }
}

/// The pieces of one line.
pub fn tokens(line: &Line, ix: &Index) -> Vec<Tok> {
    let mut kinds = vec![];
    // The cell each piece came from, for its place (a PDF gives each cell's box).
    let mut from_cell: Vec<usize> = vec![];
    match &line.cells {
        Some(cells) => {
            for (ci, c) in cells.iter().enumerate() {
                let t = c.trim();
                if let Some(raw) = raw_value(t) {
                    kinds.push(TokKind::Value(raw, t.to_string()));
                } else if let Some(e) = ix.lookup(t) {
                    kinds.push(TokKind::Label(e.to_vec(), t.split(is_space).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")));
                } else {
                    let w = words(t);
                    let before = kinds.len();
                    let then_value = cells.get(ci + 1).is_some_and(|n| matches!(raw_value(n.trim()), Some(Raw::Num { .. } | Raw::NotApplicable)));
                    words_to_toks(&w, ix, then_value, &mut kinds);
                    // Unknown words of one cell stay one piece.
                    if kinds[before..].iter().all(|k| matches!(k, TokKind::Unknown(_))) {
                        kinds.truncate(before);
                        kinds.push(TokKind::Unknown(t.to_string()));
                    }
                }
                from_cell.resize(kinds.len(), ci);
            }
        }
        None => words_to_toks(&words(&line.text), ix, false, &mut kinds),
    }
    let n = kinds.len();
    let word_pos = super::provenance::word_places(line, &kinds);
    let pos = |i: usize| from_cell.get(i).and_then(|c| line.cell_pos.get(*c)).or(word_pos.get(i)).copied().unwrap_or(line.pos);
    kinds.into_iter().enumerate().map(|(i, kind)| Tok { kind, pos: pos(i), explicit: line.cells.is_some(), line_end: i + 1 == n }).collect()
}

/// Whether a line's pieces are table content: a label, or a value when `values_count`.
pub fn is_table_line(toks: &[Tok], values_count: bool) -> bool {
    toks.iter().any(|t| match &t.kind {
        TokKind::Label(..) => true,
        TokKind::Value(Raw::Blank, _) => false,
        TokKind::Value(..) => values_count,
        TokKind::Unknown(_) => false,
    })
}

// ---------------------------------------------------------------------------------------------
// The reader

/// A figure of text without cell boundaries, held until its row ends: only then is it known
/// which cells it is (figures may run together, [`split`]).
#[derive(Clone, Debug)]
struct Pend {
    raw: Raw,
    text: String,
    pos: Pos,
}

/// A row's cells to place: (index of the cell, value, text, place); the first cell that is
/// not read (from there to the end); how many cells the source holds.
type Plan = (Vec<(usize, Raw, String, Pos)>, Option<usize>, usize);

/// Which of `n` cells figures held until their row ended are: the cells the source fixes are
/// placed, the rest are not read. `fixed` is false when the source does not fix the cells'
/// columns at all.
fn plan(pend: &[Pend], n: usize, fixed: bool) -> Plan {
    if !fixed {
        return (vec![], (n > 0).then_some(0), n);
    }
    let plain = |p: &Pend| p.text.trim().chars().map(half_width).all(|c| c.is_ascii_digit());
    let pieces: Vec<Piece> = pend
        .iter()
        .map(|p| match &p.raw {
            Raw::Num { negative: false, digits } if plain(p) => Piece::Digits(digits),
            _ => Piece::Atom,
        })
        .collect();
    let units: usize = pieces.iter().map(|p| if let Piece::Digits(d) = p { d.len() } else { 1 }).sum();
    let spans = split::fixed_cells(&pieces, n);
    let placed = spans
        .iter()
        .enumerate()
        .map(|(k, sp)| {
            let p = &pend[sp.piece];
            match pieces[sp.piece] {
                Piece::Digits(d) if sp.end > 0 && !(sp.start == 0 && sp.end == d.len()) => {
                    let d = &d[sp.start..sp.end];
                    (k, Raw::Num { negative: false, digits: d.to_string() }, d.to_string(), p.pos)
                }
                _ => (k, p.raw.clone(), p.text.clone(), p.pos),
            }
        })
        .collect();
    (placed, (spans.len() < n).then_some(spans.len()), units.min(n))
}

enum Open {
    Row {
        table: TableId,
        order: usize,
        id: &'static str,
        label: &'static Label,
        cells: Vec<String>,
        filled: usize,
        pos: Pos,
        skip: usize,
        discard: bool,
        /// Figures of text without cell boundaries, placed when the row ends.
        pending: Vec<Pend>,
        /// The row gives more figures than it has columns: which are its cells is not fixed.
        unfixed: bool,
    },
    Group {
        label: &'static Label,
        other6: bool,
        values: Vec<String>,
        pos: Pos,
        skip: usize,
    },
}

#[derive(Clone, Debug)]
struct RowRead {
    order: usize,
    id: &'static str,
    label: &'static Label,
    filled: usize,
    columns: usize,
    pos: Pos,
}

/// Reads table lines in document order and keeps the cells it finds by pointer.
pub struct Reader<'a> {
    ix: &'a Index,
    /// Cells read: pointer → JSON value.
    pub cells: BTreeMap<String, Value>,
    /// Where each cell placed was read, read or not (GR911): pointer → source.
    pub sources: super::provenance::Provenance,
    /// Parts (0-based) in which each table had figures.
    pub data_in: HashMap<TableId, HashSet<Option<usize>>>,
    /// Tables with any label or figure.
    pub seen: HashSet<TableId>,
    /// Tables found cut off at the end of the source.
    pub cut: HashSet<TableId>,
    table: Option<TableId>,
    row: Option<Open>,
    read: HashMap<TableId, Vec<RowRead>>,
    written: HashSet<&'static str>,
    c_cols: Vec<usize>,
    c_groups: Vec<usize>,
    c_slot: usize,
    fee_cols: Vec<usize>,
    fee_slot: usize,
    /// Figures of table C or the fees held until it is known which slots they are.
    slots: Vec<Pend>,
    slot_table: Option<TableId>,
    slots_over: bool,
    last_pos: HashMap<TableId, Pos>,
    last_table: Option<TableId>,
    closed: HashSet<TableId>,
    part: Option<usize>,
    /// The figures of a （六）其他处理 given as one row in a 2021 table, and where.
    other_single: Option<(Vec<String>, Pos)>,
}

fn next_is_value(toks: &[Tok], i: usize) -> bool {
    // The next piece, or the next value-ish run of the same line when cells are explicit.
    let here = &toks[i];
    for t in &toks[i + 1..] {
        match &t.kind {
            TokKind::Value(Raw::Blank, _) if here.explicit => {
                if t.line_end {
                    return false;
                }
                continue;
            }
            TokKind::Value(Raw::Blank, _) => return false,
            TokKind::Value(..) => return true,
            _ => return false,
        }
    }
    false
}

impl<'a> Reader<'a> {
    /// A reader for the tables of `ix`'s format.
    pub fn new(ix: &'a Index) -> Reader<'a> {
        Reader {
            ix,
            cells: BTreeMap::new(),
            sources: BTreeMap::new(),
            data_in: HashMap::default(),
            seen: HashSet::default(),
            cut: HashSet::default(),
            table: None,
            row: None,
            read: HashMap::default(),
            written: HashSet::default(),
            c_cols: vec![],
            c_groups: vec![],
            c_slot: 0,
            fee_cols: vec![],
            fee_slot: 0,
            slots: vec![],
            slot_table: None,
            slots_over: false,
            last_pos: HashMap::default(),
            last_table: None,
            closed: HashSet::default(),
            part: None,
            other_single: None,
        }
    }

    /// A part heading: tables end there.
    pub fn part(&mut self, part: Option<usize>, notes: &mut Notes) {
        self.close(notes);
        if let Some(t) = self.table.take() {
            self.closed.insert(t);
        }
        self.part = part;
    }

    /// A paragraph of prose: the table before it has ended.
    pub fn prose(&mut self, notes: &mut Notes) {
        self.close(notes);
        if let Some(t) = self.table.take() {
            self.closed.insert(t);
        }
    }

    fn touch(&mut self, table: TableId, pos: Pos) {
        self.seen.insert(table);
        self.last_pos.insert(table, pos);
        self.last_table = Some(table);
        self.closed.remove(&table);
        self.table = Some(table);
    }

    /// Reads the pieces of one line.
    pub fn line(&mut self, toks: &[Tok], notes: &mut Notes) {
        let mut prev: Option<Hit> = None;
        let in_label_line = toks.iter().any(|t| matches!(t.kind, TokKind::Label(..)));
        for i in 0..toks.len() {
            let t = &toks[i];
            match &t.kind {
                TokKind::Label(entries, found) => {
                    let e = self.choose(entries);
                    self.label(e, found, toks, i, prev, notes);
                    prev = Some(e.hit);
                }
                TokKind::Value(raw, text) => {
                    self.value(raw, text, t.pos, in_label_line, t.explicit, notes);
                    prev = None;
                }
                TokKind::Unknown(text) => {
                    self.close(notes);
                    if let Some(tb) = self.table {
                        self.last_pos.insert(tb, t.pos);
                        notes.add(Code::GR909, "", t.pos).text("text", text);
                    }
                    prev = None;
                }
            }
            if t.line_end && (t.explicit || self.plain_run_ends()) {
                self.close(notes);
            }
        }
    }

    /// The entry of an ambiguous label that belongs to the table being read.
    fn choose(&self, entries: &[Entry]) -> Entry {
        entries.iter().find(|e| Some(e.hit.table()) == self.table).or_else(|| entries.first()).copied().unwrap_or(Entry {
            hit: Hit::AHeader,
            label: &labels::PROACTIVE_CONTENT_HEADER,
            alias: false,
        })
    }

    fn label(&mut self, e: Entry, found: &str, toks: &[Tok], i: usize, prev: Option<Hit>, notes: &mut Notes) {
        let pos = toks[i].pos;
        self.close(notes);
        self.touch(e.hit.table(), pos);
        if e.alias {
            notes.add(Code::GR906, "", pos).text("found", found).label("label", e.label);
        }
        match e.hit {
            Hit::ABlock(_) | Hit::AHeader | Hit::BHeader | Hit::BColumn(_) | Hit::CHeader | Hit::FeesTitle => {}
            Hit::CColumn(k) => self.c_cols.push(k),
            Hit::CGroup(g) => {
                if next_is_value(toks, i) {
                    let cols = labels::REVIEW_COLUMNS.len();
                    let cells = (0..cols)
                        .map(|s| {
                            format!("{}/{}", labels::REVIEW_GROUPS[g].id, labels::REVIEW_COLUMNS[self.c_cols.get(s).copied().unwrap_or(s).min(cols - 1)].id)
                        })
                        .collect();
                    self.open_row(TableId::C, g, labels::REVIEW_GROUPS[g].id, &labels::REVIEW_GROUPS[g], cells, toks, i, notes);
                } else if g > 0 && !self.c_groups.contains(&g) {
                    self.c_groups.push(g);
                }
            }
            Hit::FeesColumn(k) => {
                let after_header = matches!(prev, Some(Hit::FeesColumn(_)));
                if next_is_value(toks, i) && !after_header {
                    let l = &labels::PROCESSING_FEES[1 + k];
                    self.open_row(TableId::Fees, k, l.id, l, vec![l.id.to_string()], toks, i, notes);
                } else {
                    self.fee_cols.push(k);
                }
            }
            Hit::ARow(b, r) => {
                let block = &self.ix.blocks[b];
                let row = &block.rows[r];
                let cells = block.columns.iter().map(|c| if c.id.is_empty() { row.id.to_string() } else { format!("{}/{}", row.id, c.id) }).collect();
                let order = self.ix.blocks[..b].iter().map(|x| x.rows.len()).sum::<usize>() + r;
                self.open_row(TableId::A, order, row.id, row, cells, toks, i, notes);
            }
            Hit::BRow(k) => {
                let rl = self.ix.rows[k];
                if rl.row.is_some() {
                    let cells = labels::REQUEST_COLUMNS.iter().map(|c| format!("{}/{}", rl.label.id, c.id)).collect();
                    self.open_row(TableId::B, k, rl.label.id, &rl.label, cells, toks, i, notes);
                } else {
                    let other6 = self.ix.format == Format::F2021 && other_heading(self.ix.format) == Some(rl.label.id);
                    let skip = leading_skip(toks, i, labels::REQUEST_COLUMNS.len(), true);
                    self.row = Some(Open::Group { label: &rl.label, other6, values: vec![], pos, skip });
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn open_row(
        &mut self,
        table: TableId,
        order: usize,
        id: &'static str,
        label: &'static Label,
        cells: Vec<String>,
        toks: &[Tok],
        i: usize,
        notes: &mut Notes,
    ) {
        let pos = toks[i].pos;
        let discard = self.written.contains(id);
        if discard {
            notes.add(Code::GR912, id, pos);
        }
        let skip = leading_skip(toks, i, cells.len(), table == TableId::B);
        let unfixed = overflows(toks, i, cells.len(), skip);
        self.row = Some(Open::Row { table, order, id, label, cells, filled: 0, pos, skip, discard, pending: vec![], unfixed });
    }

    fn value(&mut self, raw: &Raw, text: &str, pos: Pos, in_label_line: bool, explicit: bool, notes: &mut Notes) {
        if let Some(tb) = self.table {
            self.last_pos.insert(tb, pos);
            self.last_table = Some(tb);
        }
        match &mut self.row {
            Some(Open::Row { cells, filled, skip, pending, unfixed, .. }) if *unfixed || !explicit || !pending.is_empty() => {
                if *skip > 0 && *raw == Raw::Blank {
                    *skip -= 1;
                    return;
                }
                *skip = 0;
                // Text without cell boundaries: a figure beyond the row's cells means some
                // figure holds more than one cell ("2 5" of 25, or 2 and 5), so none is fixed.
                if !explicit && *filled + pending.len() >= cells.len() {
                    *unfixed = true;
                }
                pending.push(Pend { raw: raw.clone(), text: text.to_string(), pos });
            }
            Some(Open::Row { table, cells, filled, skip, discard, .. }) => {
                if *skip > 0 && *raw == Raw::Blank {
                    *skip -= 1;
                    return;
                }
                *skip = 0;
                let (table, pointer, discard) = (*table, cells[*filled].clone(), *discard);
                *filled += 1;
                let done = *filled == cells.len();
                if !discard {
                    self.place(table, &pointer, raw, text, pos, notes);
                }
                if done {
                    self.close(notes);
                }
            }
            Some(Open::Group { values, skip, .. }) => {
                if *skip > 0 && *raw == Raw::Blank {
                    *skip -= 1;
                    return;
                }
                *skip = 0;
                values.push(if text.trim().is_empty() { "□".to_string() } else { text.trim().to_string() });
                // Closed by what follows (a label, prose, the end of an explicit row), never at
                // the seventh figure: a row of more figures than columns is not read shifted,
                // and one of fewer (figures run together) is not read at all.
            }
            None => {
                // A figure row under column headings (table C, the fees): blanks in a line of
                // labels are merged heading cells; in a line of figures they are blank cells.
                let counts = *raw != Raw::Blank || !in_label_line;
                match self.table {
                    Some(table @ (TableId::C | TableId::Fees)) if self.slots_left(table) > 0 && counts => {
                        if self.slot_table != Some(table) {
                            self.close(notes);
                            self.slot_table = Some(table);
                        }
                        // Text without cell boundaries: a figure beyond the slots left means
                        // some figure holds more than one cell, so none is fixed.
                        if !explicit && self.slots.len() >= self.slots_left(table) {
                            self.slots_over = true;
                        }
                        self.slots.push(Pend { raw: raw.clone(), text: text.to_string(), pos });
                        // Cells given by the source are placed at once; figures of text
                        // without cell boundaries when the line or the run of figures ends.
                        if explicit {
                            self.settle_slots(table, explicit, notes);
                        }
                    }
                    Some(_) if matches!(raw, Raw::Num { .. }) => {
                        notes.add(Code::GR909, "", pos).text("text", text);
                    }
                    _ => {}
                }
            }
        }
    }

    /// Whether figures held from text without cell boundaries fill their row or slots: the row
    /// then ends with its line.
    fn plain_run_ends(&self) -> bool {
        let row_full = match &self.row {
            Some(Open::Row { cells, filled, pending, .. }) => !pending.is_empty() && *filled + pending.len() >= cells.len(),
            _ => false,
        };
        let slots_full = self.slot_table.is_some_and(|t| !self.slots.is_empty() && self.slots.len() >= self.slots_left(t));
        row_full || slots_full
    }

    /// Figure slots of table C or the fees not yet read.
    fn slots_left(&self, table: TableId) -> usize {
        if table == TableId::C { 15 - self.c_slot.min(15) } else { 3 - self.fee_slot.min(3) }
    }

    /// The cell of table C's figure slot `s` (0..15) by its column headings, or None when the
    /// headings do not fix its column: they are not all there (fifteen), nor five or more in
    /// the template's order. The second value names the slot in the template's order.
    fn c_pointer(&self, s: usize) -> (Option<String>, String) {
        let mut order = vec![0];
        order.extend(self.c_groups.iter().copied().filter(|g| *g > 0));
        for g in 1..3 {
            if !order.contains(&g) {
                order.push(g);
            }
        }
        let g = order[(s / 5).min(2)];
        let in_order = self.c_cols.len() >= 5 && self.c_cols.iter().enumerate().all(|(k, c)| *c == k % 5);
        let col = if self.c_cols.len() == 15 {
            Some(self.c_cols[s])
        } else if in_order {
            Some(s % 5)
        } else {
            None
        };
        let at = |col: usize| format!("{}/{}", labels::REVIEW_GROUPS[g].id, labels::REVIEW_COLUMNS[col.min(4)].id);
        (col.map(at), at(s % 5))
    }

    /// The cell of the fees' figure slot `s` (0..3) by its column headings, or None when no
    /// heading stands over it. The second value names the slot in the template's order.
    fn fee_pointer(&self, s: usize) -> (Option<String>, String) {
        let at = |k: usize| labels::PROCESSING_FEES[1 + k.min(2)].id.to_string();
        (self.fee_cols.get(s).map(|k| at(*k)), at(s))
    }

    /// Places the figures held for table C's or the fees' slots: each cell the source fixes,
    /// and GR911 (with the text) from the first cell it does not.
    fn settle_slots(&mut self, table: TableId, explicit: bool, notes: &mut Notes) {
        let pend = std::mem::take(&mut self.slots);
        if pend.is_empty() {
            return;
        }
        let first = if table == TableId::C { self.c_slot } else { self.fee_slot };
        let n = if explicit { pend.len() } else { self.slots_left(table) };
        let pointer = |me: &Self, k: usize| if table == TableId::C { me.c_pointer(first + k) } else { me.fee_pointer(first + k) };
        let fixed = (0..n).all(|k| pointer(self, k).0.is_some()) && !std::mem::take(&mut self.slots_over);
        let (placed, unread, found) = if explicit && fixed {
            (pend.iter().enumerate().map(|(k, p)| (k, p.raw.clone(), p.text.clone(), p.pos)).collect(), None, n)
        } else {
            plan(&pend, n, fixed)
        };
        for (k, raw, text, pos) in placed {
            if let (Some(p), _) = pointer(self, k) {
                self.place(table, &p, &raw, &text, pos, notes);
            }
        }
        if let Some(k) = unread {
            let text = pend.iter().map(|p| p.text.trim()).collect::<Vec<_>>().join(" ");
            let related = (k + 1..n).map(|j| pointer(self, j).1).collect();
            notes.add(Code::GR911, pointer(self, k).1, pend[0].pos).text("text", text).related(related);
        }
        if table == TableId::C {
            self.c_slot += found;
        } else {
            self.fee_slot += found;
        }
    }

    /// Places the figures a row held until it ended (text without cell boundaries, or a row
    /// whose columns the source does not fix): each cell the source fixes, and GR911 (with
    /// the text) from the first cell it does not.
    fn settle_row(&mut self, notes: &mut Notes) {
        let Some(Open::Row { table, cells, filled, pending, discard, unfixed, .. }) = &mut self.row else {
            return;
        };
        if pending.is_empty() {
            return;
        }
        let pend = std::mem::take(pending);
        let (table, discard) = (*table, *discard);
        let targets: Vec<String> = cells[*filled..].to_vec();
        let (placed, unread, found) = plan(&pend, targets.len(), !*unfixed);
        *filled += found;
        if discard {
            return;
        }
        for (k, raw, text, pos) in placed {
            self.place(table, &targets[k], &raw, &text, pos, notes);
        }
        if let Some(k) = unread {
            let text = pend.iter().map(|p| p.text.trim()).collect::<Vec<_>>().join(" ");
            notes.add(Code::GR911, targets[k].as_str(), pend[0].pos).text("text", text).related(targets[k + 1..].to_vec());
        }
    }

    /// The table whose figure slots hold figures not yet placed.
    fn slots_table(&self) -> Option<TableId> {
        if self.slots.is_empty() { None } else { self.slot_table }
    }

    fn place(&mut self, table: TableId, pointer: &str, raw: &Raw, text: &str, pos: Pos, notes: &mut Notes) {
        let kind = cells::cell_at(self.ix.format, pointer).map_or(CellKind::Count, |c| c.kind);
        let value = to_json(raw, kind);
        self.sources.insert(pointer.to_string(), super::provenance::CellSource::new(pos, text, value.is_none()));
        match value {
            Some(v) => {
                self.cells.insert(pointer.to_string(), v);
                self.data_in.entry(table).or_default().insert(self.part);
            }
            None => {
                notes.add(Code::GR911, pointer, pos).text("text", text);
            }
        }
    }

    fn close(&mut self, notes: &mut Notes) {
        self.settle_row(notes);
        if let Some(t) = self.slots_table() {
            self.settle_slots(t, false, notes);
        }
        match self.row.take() {
            Some(Open::Row { table, order, id, label, cells, filled, pos, discard, .. }) => {
                let header_capable = matches!(table, TableId::C | TableId::Fees);
                if discard || (filled == 0 && header_capable) {
                    return;
                }
                if filled > 0 {
                    self.written.insert(id);
                }
                self.read.entry(table).or_default().push(RowRead { order, id, label, filled, columns: cells.len(), pos });
            }
            Some(Open::Group { label, other6, values, pos, .. }) => {
                if values.iter().all(|v| v == "□") {
                    return;
                }
                if other6 {
                    // Kept as published, when the reading ends (see `keep_other_single`).
                    self.other_single = Some((values, pos));
                } else {
                    notes.add(Code::GR909, "", pos).text("text", format!("{} {}", label.name.zh, values.join(" ")));
                }
            }
            None => {}
        }
    }

    /// Ends the reading: says where tables were cut off or rows are missing or short.
    pub fn finish(mut self, notes: &mut Notes) -> Reader<'a> {
        self.close(notes);
        let other_kept = self.keep_other_single(notes);
        let open_at_end = self.last_table.filter(|t| !self.closed.contains(t));
        for table in [TableId::A, TableId::B, TableId::C] {
            if !self.seen.contains(&table) {
                continue;
            }
            let at_end = open_at_end == Some(table);
            let last_pos = self.last_pos.get(&table).copied().unwrap_or_default();
            if table == TableId::C && self.c_slot > 0 {
                if self.finish_c_slots(at_end, last_pos, notes) {
                    self.cut.insert(table);
                }
                continue;
            }
            let template: Vec<(usize, &'static str, &'static Label)> = match table {
                TableId::A => self.ix.blocks.iter().flat_map(|b| b.rows.iter()).enumerate().map(|(o, r)| (o, r.id, r)).collect(),
                TableId::B => self.ix.rows.iter().enumerate().filter(|(_, r)| r.row.is_some()).map(|(o, r)| (o, r.label.id, &r.label)).collect(),
                _ => labels::REVIEW_GROUPS.iter().enumerate().map(|(o, g)| (o, g.id, g)).collect(),
            };
            let reads = self.read.remove(&table).unwrap_or_default();
            if table == TableId::C && reads.is_empty() && !at_end {
                continue;
            }
            let max = reads.iter().map(|r| r.order).max();
            let got: HashSet<usize> = reads.iter().map(|r| r.order).collect();
            // The sub-rows of a （六）其他处理 given as one row are GR908's, not missing rows.
            let heading = other_heading(self.ix.format);
            let single = |id: &str| other_kept && heading.is_some_and(|h| id.strip_prefix(h).is_some_and(|rest| rest.starts_with('/')));
            let missing: Vec<(usize, &'static str, &'static Label)> =
                template.iter().filter(|(o, id, _)| max.is_some_and(|m| *o < m) && !got.contains(o) && !single(id)).copied().collect();
            let trailing: Vec<(usize, &'static str, &'static Label)> = template.iter().filter(|(o, ..)| max.is_none_or(|m| *o > m)).copied().collect();
            let last = reads.last();
            let last_short = last.is_some_and(|r| r.filled < r.columns);
            let cut = at_end && (!trailing.is_empty() || last_short);
            let mut short: Vec<&RowRead> = reads.iter().filter(|r| r.filled < r.columns).collect();
            if cut {
                self.cut.insert(table);
                let path = match last {
                    Some(r) if last_short => r.id.to_string(),
                    _ => trailing.first().map_or(String::new(), |t| t.1.to_string()),
                };
                let n = notes.add(Code::GR904, path, last_pos);
                n.label("table_name", table.label()).text("count", trailing.len());
                match last {
                    Some(r) => {
                        n.label("last", r.label).text("found", r.filled).text("columns", r.columns);
                    }
                    None => {
                        n.both("last", "表头", "the header").text("found", 0).text("columns", 0);
                    }
                }
                if last_short {
                    short.pop();
                }
            }
            let mut unlisted = missing;
            if !cut && !reads.is_empty() {
                unlisted.extend(trailing);
            }
            if !unlisted.is_empty() {
                unlisted.sort_by_key(|t| t.0);
                let shown: Vec<&Label> = unlisted.iter().map(|t| t.2).take(6).collect();
                let more = if unlisted.len() > 6 { ("……", " …") } else { ("", "") };
                let zh = shown.iter().map(|l| l.name.zh).collect::<Vec<_>>().join("、") + more.0;
                let en = shown.iter().map(|l| l.name.en).collect::<Vec<_>>().join(", ") + more.1;
                let related = unlisted.iter().map(|t| t.1.to_string()).collect();
                notes
                    .add(Code::GR913, unlisted[0].1, last_pos)
                    .label("table_name", table.label())
                    .text("count", unlisted.len())
                    .both("rows", zh, en)
                    .related(related);
            }
            for r in short {
                notes.add(Code::GR905, r.id, r.pos).text("found", r.filled).text("columns", r.columns);
            }
        }
        self
    }

    /// Places the figures of a （六）其他处理 given as one row of a 2021 table in the single row of
    /// the document (GR908 says the layout is not the template's), unless the sub-rows have
    /// figures too (the row is then their subtotal) or the row is short. Whether it was kept.
    fn keep_other_single(&mut self, notes: &mut Notes) -> bool {
        let Some((values, pos)) = self.other_single.take() else { return false };
        let Some(heading) = other_heading(self.ix.format) else { return false };
        let under = |id: &str| id.strip_prefix(heading).is_some_and(|rest| rest.starts_with('/'));
        let sub_rows = self.read.get(&TableId::B).is_some_and(|rs| rs.iter().any(|r| under(r.id)));
        let list = values.join("、");
        let columns = labels::REQUEST_COLUMNS;
        let keep = !sub_rows && values.len() == columns.len();
        let (zh, en) = match (keep, sub_rows) {
            (true, _) => (
                "数字按一行保留，参与表三的合计核对，子项保持缺失",
                "its figures are kept as one row and take part in table B's sums; the sub-rows stay absent",
            ),
            (false, true) => {
                ("子项另有数字，此行视为子项的小计，未导入", "the sub-rows have figures of their own, so this row is taken as their subtotal and not imported")
            }
            (false, false) => ("数字不是正好七列，未导入", "it does not have exactly seven figures and was not imported"),
        };
        notes.add(Code::GR908, heading, pos).text("values", list).both("kept", zh, en);
        if keep {
            for (col, text) in columns.iter().zip(&values) {
                let pointer = format!("{heading}/{}", col.id);
                let text = if text == "□" { "" } else { text.as_str() };
                match raw_value(text) {
                    Some(raw) => self.place(TableId::B, &pointer, &raw, text, pos, notes),
                    None => {
                        notes.add(Code::GR911, pointer, pos).text("text", text);
                    }
                }
            }
        }
        keep
    }

    /// Table C read as one row of fifteen figures under its headings.
    fn finish_c_slots(&self, at_end: bool, last_pos: Pos, notes: &mut Notes) -> bool {
        let s = self.c_slot;
        if s >= 15 {
            return false;
        }
        let g = &labels::REVIEW_GROUPS[(s / 5).min(2)];
        let path = format!("{}/{}", g.id, labels::REVIEW_COLUMNS[s % 5].id);
        if at_end {
            notes
                .add(Code::GR904, path, last_pos)
                .label("table_name", TableId::C.label())
                .label("last", &labels::REVIEW_GROUPS[((s - 1) / 5).min(2)])
                .text("found", (s - 1) % 5 + 1)
                .text("columns", 5)
                .text("count", 2 - ((s - 1) / 5).min(2));
        } else {
            notes.add(Code::GR905, g.id, last_pos).text("found", s).text("columns", 15);
        }
        at_end
    }
}

/// The pointer of the heading （六）其他处理 when the format has it over sub-rows (2021).
fn other_heading(format: Format) -> Option<&'static str> {
    cells::cell(format, cells::Loc::request(crate::model::RowId::NoCorrection, 0)).and_then(|c| c.group).map(|g| g.id)
}

/// Blank cells right after a row label that stand for a merged label cell, not for figures:
/// more cells follow in the line than the row has columns, or only blanks follow before the
/// next label of the same line.
///
/// Where the extra cells are is a matter of the table's shape: the labels of table B span
/// several columns (so the extra blanks come right after the label), while table A's last
/// figure spans to the table's edge (so they come at the end of the row). `label_spans` says
/// which; when it does not, trailing blanks account for the extra cells first.
fn leading_skip(toks: &[Tok], i: usize, columns: usize, label_spans: bool) -> usize {
    if !toks[i].explicit {
        return 0;
    }
    let mut run: Vec<bool> = vec![];
    let mut then_label = false;
    for t in &toks[i + 1..] {
        match &t.kind {
            TokKind::Value(raw, _) => run.push(*raw == Raw::Blank),
            TokKind::Label(..) => {
                then_label = true;
                break;
            }
            TokKind::Unknown(_) => break,
        }
        if t.line_end {
            break;
        }
    }
    let leading = run.iter().take_while(|b| **b).count();
    if leading == run.len() && then_label {
        return leading;
    }
    let excess = run.len().saturating_sub(columns);
    if excess == 0 {
        return 0;
    }
    if label_spans {
        return leading.min(excess);
    }
    let trailing = run.iter().rev().take_while(|b| **b).count();
    leading.min(excess.saturating_sub(trailing))
}

/// Whether an explicit row gives figures beyond its columns once `skip` merged label cells are
/// passed: which of its cells are the row's is then not fixed by the source (the row is not
/// read rather than read shifted).
fn overflows(toks: &[Tok], i: usize, columns: usize, skip: usize) -> bool {
    if !toks[i].explicit {
        return false;
    }
    let mut run: Vec<bool> = vec![];
    for t in &toks[i + 1..] {
        match &t.kind {
            TokKind::Value(raw, _) => run.push(*raw == Raw::Blank),
            _ => break,
        }
        if t.line_end {
            break;
        }
    }
    run.iter().skip(skip + columns).any(|blank| !blank)
}

/// Keys of every label of `format`'s tables (rows, columns, items, with aliases).
fn format_keys(format: Format) -> rustc_hash::FxHashSet<String> {
    let blocks = if format == Format::F2019 { labels::PROACTIVE_2019 } else { labels::PROACTIVE_2021 };
    let mut s = rustc_hash::FxHashSet::default();
    let mut add = |l: &Label| {
        s.insert(key(l.name.zh));
        for a in l.aliases {
            s.insert(key(a));
        }
    };
    for b in blocks {
        for l in b.rows.iter().chain(b.columns) {
            add(l);
        }
    }
    for r in labels::request_rows(format) {
        add(&r.label);
    }
    for b in blocks {
        s.insert(key(b.item));
    }
    s
}

/// How many labels found only in one format's tables the lines use: (2019, 2021).
pub fn format_votes<'a>(lines: impl IntoIterator<Item = &'a Line>) -> (usize, usize) {
    type Only = (rustc_hash::FxHashSet<String>, rustc_hash::FxHashSet<String>, usize, Vec<char>);
    static ONLY: std::sync::OnceLock<Only> = std::sync::OnceLock::new();
    let (only19, only21, longest, first) = ONLY.get_or_init(|| {
        let (all19, all21) = (format_keys(Format::F2019), format_keys(Format::F2021));
        let (only19, only21): (rustc_hash::FxHashSet<String>, rustc_hash::FxHashSet<String>) =
            (all19.difference(&all21).cloned().collect(), all21.difference(&all19).cloned().collect());
        let longest = only19.iter().chain(&only21).map(|k| k.chars().count()).max().unwrap_or(0);
        let mut first: Vec<char> = only19.iter().chain(&only21).filter_map(|k| k.chars().next()).collect();
        first.sort_unstable();
        first.dedup();
        (only19, only21, longest, first)
    });
    let (mut v19, mut v21) = (0, 0);
    for line in lines {
        let mut vote = |p: &str| {
            // Text with more characters than any label keeps ([`norm::in_key`]) is no label.
            if p.chars().filter(|c| norm::in_key(*c)).nth(longest + 1).is_some() {
                return;
            }
            // Nor is text whose key starts with no label's first character (numbering aside).
            match norm::key_first(p) {
                None => return,
                Some(c) if !(c == '(' || c.is_ascii_digit()) && first.binary_search(&c).is_err() => return,
                Some(_) => {}
            }
            let p = key(p);
            v19 += usize::from(only19.contains(&p));
            v21 += usize::from(only21.contains(&p));
        };
        match &line.cells {
            Some(c) => c.iter().for_each(|s| vote(s)),
            // Word by word ("/" between cells is never a label, so [`words`] is not needed).
            None => line.text.split(is_space).filter(|w| !w.is_empty()).for_each(vote),
        }
    }
    (v19, v21)
}

/// Whether text in a table part is a figure-less paragraph rather than a broken label: it
/// ends a sentence or is long.
pub fn is_paragraph(text: &str) -> bool {
    let t = text.trim();
    t.ends_with(['。', '；', ';']) || t.chars().filter(|c| !norm::is_space(*c)).count() > 40
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mark_may_start_a_value() {
        for m in NA_MARKS {
            assert!(may_start_value(m.chars().map(half_width).next().unwrap()), "{m}");
        }
    }

    #[test]
    fn values() {
        assert_eq!(raw_value("/"), Some(Raw::NotApplicable));
        assert_eq!(raw_value("—"), Some(Raw::NotApplicable));
        assert_eq!(raw_value("无"), Some(Raw::NotApplicable));
        assert_eq!(raw_value(" "), Some(Raw::Blank));
        assert_eq!(raw_value("１１８３９"), Some(Raw::Num { negative: false, digits: "11839".into() }));
        assert_eq!(raw_value("11,839"), Some(Raw::Num { negative: false, digits: "11839".into() }));
        assert_eq!(raw_value("-2"), Some(Raw::Num { negative: true, digits: "2".into() }));
        assert_eq!(raw_value("26.55万元"), Some(Raw::Num { negative: false, digits: "26.55".into() }));
        assert_eq!(raw_value("1.属于国家秘密"), None);
        assert_eq!(raw_value("1."), None);
        assert_eq!(to_json(&raw_value("0.092").unwrap(), CellKind::Amount), Some(Value::String("0.092".into())));
        assert_eq!(to_json(&raw_value("1.5").unwrap(), CellKind::Count), None);
        assert_eq!(to_json(&raw_value("-2").unwrap(), CellKind::SignedCount), Some(Value::from(-2)));
        assert_eq!(to_json(&raw_value("-9223372036854775808").unwrap(), CellKind::SignedCount), Some(Value::from(i64::MIN)));
        assert_eq!(to_json(&raw_value("9223372036854775808").unwrap(), CellKind::SignedCount), None);
        assert_eq!(to_json(&raw_value("99999999999999999999999").unwrap(), CellKind::Count), None);
    }

    #[test]
    fn separators() {
        assert_eq!(words("规章 / 0 / 0 / 0"), vec!["规章", "0", "0", "0"]);
        assert_eq!(words("规章 / / /"), vec!["规章", "/", "/", "/"]);
        assert_eq!(words("第二十条第(六)项 信息内容 本年处理决定数量 行政处罚 / 行政强制 /").len(), 7);
    }

    #[test]
    fn index() {
        let ix = Index::of(Format::F2021);
        assert!(matches!(ix.lookup("规范性文件").unwrap()[0], Entry { hit: Hit::ARow(0, 1), alias: true, .. }));
        assert!(matches!(ix.lookup("行政规范性文件").unwrap()[0], Entry { hit: Hit::ARow(0, 1), alias: false, .. }));
        assert!(ix.lookup("商业 企业").is_some());
        assert!(ix.lookup("(三) 不予公开").is_some());
        assert!(ix.lookup("予以公开").unwrap()[0].alias);
        assert_eq!(ix.lookup("总计").unwrap().len(), 2);
        assert_eq!(strip_numbering("(一)予以公开"), "予以公开");
        assert_eq!(strip_numbering("一、本年新收"), "本年新收");
        assert_eq!(strip_numbering("1.属于"), "属于");
    }

    #[test]
    fn near_labels() {
        let ix = Index::of(Format::F2021);
        let hit = |t: &str| ix.near(t).map(|e| (e.hit, e.label.name.zh, e.alias));
        // Missing, extra, replaced, swapped.
        assert_eq!(hit("2.其他法律行政止公开").map(|h| h.1), Some("2.其他法律行政法规禁止公开"));
        assert_eq!(hit("行政规范性性文件").map(|h| h.1), Some("行政规范性文件"));
        assert_eq!(hit("6.属于四类过性程信息").map(|h| h.1), Some("6.属于四类过程性信息"));
        assert_eq!(hit("1.本机关不掌握相关政府信").map(|h| h.2), Some(true));
        // Short labels take no tolerance; columns are no rows.
        assert_eq!(hit("行政许诃"), None);
        assert_eq!(hit("结果维特"), None);
        assert_eq!(hit("本年制止件数"), None);
        // As near to two labels: none.
        assert_eq!(hit("一、上年结收政府信息公开申请数量"), None);
        // The first line of a wrapped label.
        assert_eq!(hit("（二）部分公开（区分处理的，只计这一情形，不").map(|h| h.1), Some("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"));
        // Not a label at all.
        assert_eq!(hit("本年度我局依法做好政府信息公开工作"), None);
        assert_eq!(osa_within(&['a', 'b', 'c'], &['b', 'a', 'c'], 3), Some(1));
        assert_eq!(osa_within(&['a'; 5], &['b'; 5], 3), None);
    }
}
