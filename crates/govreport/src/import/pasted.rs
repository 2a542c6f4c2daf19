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
        let raw = if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') { &trimmed[hashes..] } else { raw };
        let pos = Pos::Line(i + 1);
        if raw.trim().is_empty() || is_rule(raw) {
            continue;
        }
        if raw.contains(['|', '｜']) {
            let cells = split_bars(raw);
            out.push(Line::row(pos, cells));
        } else if raw.trim().contains('\t') {
            let cells = raw.trim().split('\t').map(|c| c.trim().to_string()).collect();
            out.push(Line::row(pos, cells));
        } else {
            out.push(Line::text(pos, raw.trim().to_string()));
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
