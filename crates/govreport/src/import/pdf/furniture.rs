//! Page furniture: page numbers ("-2-", "— 2 —", "第2页", "第 2 页 共 5 页", "2/5", "Page 2")
//! and running heads and feet (the same text at the top or bottom of most pages). They are
//! not part of the report's text.

use super::lines::TextLine;

/// Share of the page height, from the top and from the bottom, where furniture sits.
const BAND: f32 = 0.12;

/// Whether `text` is a page number as offices write them.
pub fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let strip_dashes = |s: &str| s.trim_matches(|c| matches!(c, '-' | '—' | '–' | '－' | '―' | '─' | '·' | '•')).to_string();
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    let core = strip_dashes(&t);
    if digits(&core) {
        return true;
    }
    // 第2页, 第2页共5页, 第 2 页，共 5 页
    if let Some(rest) = core.strip_prefix('第')
        && let Some((n, tail)) = rest.split_once('页')
        && digits(n)
    {
        let tail = tail.trim_start_matches([',', '，', '/']);
        return tail.is_empty() || tail.strip_prefix('共').and_then(|x| x.strip_suffix('页')).is_some_and(digits);
    }
    // 2/5, 2 / 5
    if let Some((a, b)) = core.split_once('/') {
        return digits(a) && digits(b);
    }
    // 共5页 第2页
    if let Some(rest) = core.strip_prefix('共')
        && let Some((n, tail)) = rest.split_once('页')
        && digits(n)
    {
        return tail.strip_prefix('第').and_then(|x| x.strip_suffix('页')).is_some_and(digits);
    }
    let lower = core.to_ascii_lowercase();
    lower.strip_prefix("page").is_some_and(|n| digits(n) || n.split_once("of").is_some_and(|(a, b)| digits(a) && digits(b)))
}

/// The text of a line with its digits made alike, to find running heads with page numbers in them.
fn shape(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).map(|c| if c.is_ascii_digit() { '#' } else { c }).collect()
}

/// Marks the furniture among the lines of each page (`pages[p]` with the page's height).
pub fn mark(pages: &[(f32, Vec<TextLine>)]) -> Vec<Vec<bool>> {
    let in_band = |h: f32, l: &TextLine| l.rect.bottom <= h * BAND || l.rect.top >= h * (1.0 - BAND);
    // Running heads: a band text on most pages.
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    for (h, lines) in pages {
        let mut here: std::collections::HashSet<String> = Default::default();
        for l in lines.iter().filter(|l| in_band(*h, l)) {
            here.insert(shape(&l.text()));
        }
        for s in here {
            *seen.entry(s).or_default() += 1;
        }
    }
    let repeated = |s: &str| pages.len() >= 2 && seen.get(s).is_some_and(|n| *n >= 2 && *n * 2 >= pages.len());
    pages
        .iter()
        .map(|(h, lines)| {
            lines
                .iter()
                .map(|l| {
                    let artifact = l.glyphs.iter().all(|g| g.artifact);
                    let band = in_band(*h, l);
                    let text = l.text();
                    artifact || (band && (is_page_number(&text) || repeated(&shape(&text))))
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for t in ["-2-", "- 2 -", "— 12 —", "－3－", "2", "第2页", "第 2 页 共 5 页", "第2页，共5页", "2/5", "2 / 5", "Page 2", "page 2 of 9", "共5页 第2页"]
        {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["2024年", "一、总体情况", "-", "第二十条", "12345", "2.重复申请"] {
            assert!(!is_page_number(t), "{t}");
        }
    }
}
