//! Numbers stated in prose: "共收到政府信息公开申请56件", "另2件结转下一年处理".
//!
//! Each pattern names what the number counts; more specific patterns claim a number first,
//! so that "复议后起诉1件" is not also read as a review.

use crate::charset::CharSet;

/// What a stated number counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stated {
    /// 本年新收申请.
    New,
    /// 上年结转申请.
    CarriedOver,
    /// 予以公开.
    Granted,
    /// 部分公开.
    PartiallyGranted,
    /// 不予公开 (all grounds).
    Withheld,
    /// 无法提供 (all grounds).
    Unable,
    /// 不予处理 (all grounds).
    NotProcessed,
    /// 其他处理 (all sub-rows).
    Other,
    /// 结转下年度继续办理.
    CarriedForward,
    /// 行政复议 (total).
    Reviews,
    /// 行政诉讼 (both kinds).
    Lawsuits,
    /// 未经复议直接起诉.
    LawsuitsDirect,
    /// 复议后起诉.
    LawsuitsAfterReview,
}

/// A number found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// What it counts.
    pub what: Stated,
    /// The number.
    pub value: u64,
    /// The words it was read from.
    pub quote: String,
    /// Byte offset of the quote in the text.
    pub offset: usize,
}

struct Pattern {
    what: Stated,
    words: &'static [&'static str],
    /// The number stands before the words ("2件结转下一年").
    before: bool,
}

const fn fwd(what: Stated, words: &'static [&'static str]) -> Pattern {
    Pattern { what, words, before: false }
}

/// In order of precedence: a number taken by an earlier pattern is not read again.
static PATTERNS: &[Pattern] = &[
    fwd(Stated::LawsuitsAfterReview, &["复议后起诉", "复议后提起诉讼", "复议后提起行政诉讼"]),
    fwd(Stated::LawsuitsDirect, &["直接起诉", "直接提起诉讼", "直接提起行政诉讼"]),
    fwd(Stated::New, &["新收", "收到政府信息公开申请", "收到信息公开申请", "收到依申请公开"]),
    fwd(Stated::CarriedOver, &["上年结转", "上年度结转", "上一年度结转", "上一年结转"]),
    fwd(Stated::CarriedForward, &["结转下年", "结转下一年", "结转至下年", "结转至下一年", "结转到下一年", "结转到下年"]),
    Pattern {
        what: Stated::CarriedForward, words: &["结转下年", "结转下一年", "结转至下年", "结转至下一年", "结转到下一年", "结转到下年"], before: true
    },
    fwd(Stated::PartiallyGranted, &["部分公开"]),
    fwd(Stated::Withheld, &["不予公开", "不同意公开"]),
    fwd(Stated::Granted, &["予以公开", "同意公开"]),
    fwd(Stated::Unable, &["无法提供"]),
    fwd(Stated::NotProcessed, &["不予处理"]),
    fwd(Stated::Other, &["其他处理"]),
    fwd(Stated::Reviews, &["行政复议"]),
    fwd(Stated::Lawsuits, &["诉讼"]),
];

/// Words that end a clause: a number after them belongs to something else.
fn breaks(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | ',' | ';' | '：' | ':' | '！' | '？' | '\n' | '、' | '(' | ')' | '（' | '）' | '.' | '．')
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Up to this many characters may stand between the words and the number.
const GAP: usize = 12;

/// Reads a number and 件 starting at byte `at`, skipping up to [`GAP`] words first.
fn number_after(text: &str, at: usize) -> Option<(u64, usize, usize)> {
    count_after(text, at, GAP)
}

/// Reads a number and 件 starting at byte `at`, skipping up to `reach` words of the same clause
/// first: the value, the byte where its digits start and the byte after 件.
pub(crate) fn count_after(text: &str, at: usize, reach: usize) -> Option<(u64, usize, usize)> {
    let mut chars = text[at..].char_indices().peekable();
    let mut skipped = 0;
    while let Some(&(_, c)) = chars.peek() {
        if digit(c).is_some() {
            break;
        }
        if breaks(c) || skipped >= reach {
            return None;
        }
        skipped += 1;
        chars.next();
    }
    let (start, _) = *chars.peek()?;
    let mut value: u64 = 0;
    let mut end = start;
    while let Some(&(i, c)) = chars.peek() {
        match digit(c) {
            Some(d) => {
                value = value.checked_mul(10)?.checked_add(u64::from(d))?;
                end = i + c.len_utf8();
                chars.next();
            }
            None => break,
        }
    }
    let rest = text[at + end..].trim_start();
    rest.starts_with('件').then(|| (value, at + start, at + end + (text[at + end..].len() - rest.len()) + '件'.len_utf8()))
}

/// Reads "N件" ending right before byte `at`: the value and the byte where its digits start.
pub(crate) fn number_before(text: &str, at: usize) -> Option<(u64, usize)> {
    let head = text[..at].strip_suffix('件')?.trim_end();
    let digits: String = head.chars().rev().take_while(|c| digit(*c).is_some()).collect();
    if digits.is_empty() {
        return None;
    }
    let start = head.len() - digits.len(); // digits of either width: see below
    let start = head.char_indices().rev().take(digits.chars().count()).last().map_or(start, |(i, _)| i);
    let mut value: u64 = 0;
    for c in digits.chars().rev() {
        value = value.checked_mul(10)?.checked_add(u64::from(digit(c)?))?;
    }
    Some((value, start))
}

/// A statement that there was no request at all ("未收到政府信息公开申请"), at a word of
/// [`NO_REQUEST`] found at byte `at`.
fn zero_requests_at(text: &str, at: usize, out: &mut Vec<Statement>) {
    let window: String = text[at..].chars().take_while(|c| !breaks(*c)).take(20).collect();
    // "未收到因政府信息公开申请引发的行政复议" is about reviews, not requests.
    let about_cases = ["复议", "诉讼", "引发", "投诉"].iter().any(|w| window.contains(w));
    if !about_cases && (window.contains("公开申请") || window.contains("依申请公开")) {
        out.push(Statement { what: Stated::New, value: 0, quote: window, offset: at });
    }
}

/// Words that say no request came ("未收到政府信息公开申请"), read by [`zero_requests_at`].
const NO_REQUEST: [&str; 3] = ["未收到", "未接到", "没有收到"];

/// A pattern word: its first character, the word, and its place (pattern, word) in [`PATTERNS`]
/// (or, past the patterns, in [`NO_REQUEST`]).
type Word = (char, &'static str, (usize, usize));

/// Every pattern word and every word of [`NO_REQUEST`], sorted by its first character, for
/// [`statements`]' one scan; and the set of those characters, which most characters are not in.
fn words_by_first_char() -> &'static (Vec<Word>, CharSet) {
    static WORDS: std::sync::OnceLock<(Vec<Word>, CharSet)> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let patterns = PATTERNS.iter().map(|pat| pat.words).chain([&NO_REQUEST[..]]);
        let mut words: Vec<Word> = patterns
            .enumerate()
            .flat_map(|(p, words)| words.iter().enumerate().map(move |(w, word)| (word.chars().next().unwrap_or_default(), *word, (p, w))))
            .collect();
        words.sort_by_key(|(c, _, _)| *c);
        let first = CharSet::new(words.iter().map(|(c, _, _)| *c));
        (words, first)
    })
}

/// Every number the text states about the tables, in the order found.
pub fn statements(text: &str) -> Vec<Statement> {
    // One scan finds every occurrence of every word; they are then read in order of precedence
    // (pattern, then word, then place), as if each word were searched in turn, and the words
    // of no request last.
    let (words, first) = words_by_first_char();
    let mut hits: Vec<((usize, usize), usize, &'static str)> = Vec::new();
    // Where the last occurrence of each word ended: occurrences of one word do not overlap.
    let mut ends: Vec<((usize, usize), usize)> = Vec::new();
    for (at, c) in text.char_indices() {
        if !first.contains(c) {
            continue;
        }
        let from = words.partition_point(|(w, _, _)| *w < c);
        for &(_, word, place) in words[from..].iter().take_while(|(w, _, _)| *w == c) {
            if !text[at..].starts_with(word) {
                continue;
            }
            match ends.iter_mut().find(|(p, _)| *p == place) {
                Some((_, end)) if *end > at => continue,
                Some((_, end)) => *end = at + word.len(),
                None => ends.push((place, at + word.len())),
            }
            hits.push((place, at, word));
        }
    }
    hits.sort_unstable_by_key(|&(place, at, _)| (place, at));
    let mut out = Vec::new();
    let mut taken: Vec<usize> = Vec::new();
    for ((p, _), at, word) in hits {
        match PATTERNS.get(p) {
            Some(pattern) => read_at(text, pattern, at, word, &mut taken, &mut out),
            None => zero_requests_at(text, at, &mut out),
        }
    }
    out.sort_by_key(|s| s.offset);
    out
}

/// Reads the number that `word` of pattern `p`, found at byte `at`, states, unless an earlier
/// pattern took that number (`taken`).
fn read_at(text: &str, p: &Pattern, at: usize, word: &str, taken: &mut Vec<usize>, out: &mut Vec<Statement>) {
    // "不予以公开" and "不同意公开" are not grants.
    if p.what == Stated::Granted && text[..at].ends_with('不') {
        return;
    }
    let found = if p.before {
        number_before(text, at).map(|(v, s)| (v, s, s, at + word.len()))
    } else {
        number_after(text, at + word.len()).map(|(v, s, e)| (v, s, at, e))
    };
    if let Some((value, num_at, from, to)) = found
        && !taken.contains(&num_at)
    {
        taken.push(num_at);
        out.push(Statement { what: p.what, value, quote: text[from..to].to_string(), offset: from });
    }
}

/// Every text of the repository's fixtures (the corpus excerpts among them), for tests that
/// compare a reading with a plainer one.
#[cfg(test)]
pub(crate) fn fixture_texts() -> Vec<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
    let mut texts = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(root)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                texts.push(text);
            }
        }
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The straightforward search: each word over the whole text in turn, in order of
    /// precedence. [`statements`]' one scan must find exactly the same.
    fn statements_by_search(text: &str) -> Vec<Statement> {
        let mut out = Vec::new();
        let mut taken: Vec<usize> = Vec::new();
        for p in PATTERNS {
            for word in p.words {
                for (at, _) in text.match_indices(word) {
                    read_at(text, p, at, word, &mut taken, &mut out);
                }
            }
        }
        for neg in NO_REQUEST {
            for (at, _) in text.match_indices(neg) {
                zero_requests_at(text, at, &mut out);
            }
        }
        out.sort_by_key(|s| s.offset);
        out
    }

    #[test]
    fn one_scan_reads_what_searching_each_word_reads() {
        // Every text of the corpus and the fixtures, whole and in pieces.
        let texts = fixture_texts();
        let mut found = 0;
        for text in &texts {
            for piece in text.split("\n\n").chain([text.as_str()]) {
                let expected = statements_by_search(piece);
                assert_eq!(statements(piece), expected, "{piece}");
                found += expected.len();
            }
        }
        assert!(found > 200, "{found}");
    }

    fn found(text: &str) -> Vec<(Stated, u64)> {
        statements(text).into_iter().map(|s| (s.what, s.value)).collect()
    }

    #[test]
    fn reads_the_2023_014_paragraph() {
        let t = "2023年共受理政府信息依申请公开121件(其中本年度新收申请数112件,上年结转申请数9件),已答复119件,属于同意公开的60件,部分公开13件,不同意公开的6件,无法提供的26件,不予处理3件,其他处理11件,另2件结转下一年处理。";
        assert_eq!(
            found(t),
            vec![
                (Stated::New, 112),
                (Stated::CarriedOver, 9),
                (Stated::Granted, 60),
                (Stated::PartiallyGranted, 13),
                (Stated::Withheld, 6),
                (Stated::Unable, 26),
                (Stated::NotProcessed, 3),
                (Stated::Other, 11),
                (Stated::CarriedForward, 2),
            ]
        );
    }

    #[test]
    fn specific_lawsuit_patterns_win() {
        let t = "2023年我局因政府信息公开被行政复议7件,其中结果维持6件。2023年度收到诉讼为3件,其中未经复议直接起诉2件,均尚未审结。复议后起诉1件,结果维持。";
        assert_eq!(found(t), vec![(Stated::Reviews, 7), (Stated::Lawsuits, 3), (Stated::LawsuitsDirect, 2), (Stated::LawsuitsAfterReview, 1)]);
    }

    #[test]
    fn zero_and_no_false_reads() {
        assert_eq!(found("全年未收到行政许可申请；全年未接到信息公开申请；刊发文稿44篇。"), vec![(Stated::New, 0)]);
        assert_eq!(found("共主动公开政府信息3025条"), vec![]);
        assert_eq!(
            found("全年共处理政府信息公开申请1261件(含上年度结转申请74件)，答复1181件，结转下年度继续办理80件。依法办理行政复议27件、行政诉讼15件。"),
            vec![(Stated::CarriedOver, 74), (Stated::CarriedForward, 80), (Stated::Reviews, 27), (Stated::Lawsuits, 15)]
        );
    }

    #[test]
    fn no_review_arising_from_requests_is_not_zero_requests() {
        assert_eq!(found("全年未收到因政府信息公开申请引发的行政复议、行政诉讼。"), vec![]);
    }

    #[test]
    fn full_width_digits() {
        assert_eq!(found("本年新收申请５６件"), vec![(Stated::New, 56)]);
    }
}
