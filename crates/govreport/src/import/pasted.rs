//! Text copied from a page: one line per line, cells separated by tabs or `|` (or by spaces,
//! which the table reader splits), the way ../shared/corpus/dev/*.txt are.

use super::Line;
use super::findings::Pos;

/// Splits a `|`-separated line into cells; `\|` is a literal bar. A bar at either end opens or
/// closes the row rather than marking an empty cell.
fn split_bars(line: &str) -> Vec<String> {
    let mut cells = vec![];
    let mut cur = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cur.push('|');
                chars.next();
            }
            '|' | '｜' => cells.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    cells.push(cur);
    let trimmed = line.trim();
    if trimmed.starts_with(['|', '｜']) && cells.first().is_some_and(|c| c.trim().is_empty()) {
        cells.remove(0);
    }
    if trimmed.ends_with(['|', '｜']) && !trimmed.ends_with("\\|") && cells.last().is_some_and(|c| c.trim().is_empty()) {
        cells.pop();
    }
    cells.into_iter().map(|c| c.trim().to_string()).collect()
}

/// Whether a line only draws a table's frame: `+----+----+`, `| --- | :--: |`, `=====`.
fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.chars().all(|c| matches!(c, '+' | '-' | '=' | '|' | ':' | ' ' | '─' | '━' | '┼' | '├' | '┤' | '┌' | '┐' | '└' | '┘' | '│'))
        && t.chars().filter(|c| matches!(c, '-' | '=' | '─' | '━')).count() >= 3
}

/// The lines of a text source.
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = vec![];
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        // A Markdown heading: "## 一、总体情况".
        let trimmed = raw.trim_start();
        let hashes = trimmed.chars().take_while(|c| *c == '#').count();
        let whole = raw;
        let raw = if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') { &trimmed[hashes..] } else { raw };
        let pos = Pos::Line(i + 1);
        if raw.trim().is_empty() || is_rule(raw) {
            continue;
        }
        // Each cell at its column of the line, where its text is found there as it is.
        let at_columns = |cells: Vec<String>| {
            let cell_pos = super::provenance::columns(whole, cells.iter().map(String::as_str))
                .into_iter()
                .map(|c| c.map_or(pos, |column| Pos::LineCol { line: i + 1, column }))
                .collect();
            Line { cell_pos, ..Line::row(pos, cells) }
        };
        if raw.contains(['|', '｜']) {
            out.push(at_columns(split_bars(raw)));
        } else if raw.trim().contains('\t') {
            out.push(at_columns(raw.trim().split('\t').map(|c| c.trim().to_string()).collect()));
        } else {
            let text = raw.trim();
            let col = super::provenance::columns(whole, [text]).first().copied().flatten().unwrap_or(0);
            out.push(Line { col, ..Line::text(pos, text.to_string()) });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars() {
        assert_eq!(split_bars("规章 | 0 | 0 | 0 |"), vec!["规章", "0", "0", "0"]);
        assert_eq!(split_bars("第二十条第(一)项 | |||"), vec!["第二十条第(一)项", "", "", ""]);
        assert_eq!(split_bars("| a | b |"), vec!["a", "b"]);
        assert_eq!(split_bars("4.保护第三方合法权益 | 1 |"), vec!["4.保护第三方合法权益", "1"]);
        assert!(is_rule("+----+-----+"));
        assert!(is_rule("| --- | --- |"));
        assert!(!is_rule("| 0 |"));
        assert!(!is_rule("-"));
    }
}
