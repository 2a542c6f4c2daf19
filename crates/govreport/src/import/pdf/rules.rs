//! Ruling lines: the segments a page draws, merged. Word processors draw a table's borders as
//! many short pieces (WPS: one per cell side, sometimes doubled or a hair apart); pieces on
//! one line that touch or overlap become one rule.

use super::content::Segment;

/// How far apart (points) two pieces may be and still be one line.
pub const TOLERANCE: f32 = 2.0;

/// A ruling line: horizontal at y = `at` from x `from` to `to`, or vertical at x = `at`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rule {
    /// y of a horizontal rule, x of a vertical one.
    pub at: f32,
    /// Start along the line.
    pub from: f32,
    /// End along the line.
    pub to: f32,
}

impl Rule {
    /// Length covered of [a, b].
    pub fn covers(&self, a: f32, b: f32) -> f32 {
        (self.to.min(b) - self.from.max(a)).max(0.0)
    }
}

/// Horizontal and vertical rules of a page.
#[derive(Clone, Debug, Default)]
pub struct Rules {
    /// Horizontal rules, by y then x.
    pub horizontal: Vec<Rule>,
    /// Vertical rules, by x then y.
    pub vertical: Vec<Rule>,
}

/// Merges segments into rules.
pub fn rules(segments: &[Segment]) -> Rules {
    let pick = |h: bool| segments.iter().filter(|s| s.horizontal == h).map(|s| Rule { at: s.at, from: s.from, to: s.to }).collect::<Vec<_>>();
    Rules { horizontal: merge(pick(true)), vertical: merge(pick(false)) }
}

fn merge(mut segs: Vec<Rule>) -> Vec<Rule> {
    segs.sort_by(|a, b| a.at.total_cmp(&b.at));
    // Lines a hair apart are one line: cluster by position.
    let mut out = Vec::new();
    let mut i = 0;
    while i < segs.len() {
        let mut j = i + 1;
        while j < segs.len() && segs[j].at - segs[j - 1].at <= TOLERANCE / 2.0 {
            j += 1;
        }
        let cluster = &mut segs[i..j];
        let at = cluster.iter().map(|s| s.at).sum::<f32>() / cluster.len() as f32;
        cluster.sort_by(|a, b| a.from.total_cmp(&b.from));
        let mut cur = Rule { at, from: cluster[0].from, to: cluster[0].to };
        for s in &cluster[1..] {
            if s.from <= cur.to + TOLERANCE {
                cur.to = cur.to.max(s.to);
            } else {
                out.push(cur);
                cur = Rule { at, from: s.from, to: s.to };
            }
        }
        out.push(cur);
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_become_lines() {
        let h = |at, from, to| Segment { horizontal: true, at, from, to };
        let r = rules(&[h(100.0, 10.0, 50.0), h(100.4, 50.5, 90.0), h(100.0, 120.0, 130.0), h(200.0, 10.0, 90.0)]);
        assert_eq!(r.horizontal.len(), 3);
        assert!((r.horizontal[0].from - 10.0).abs() < 0.01 && (r.horizontal[0].to - 90.0).abs() < 0.01);
        assert_eq!(r.horizontal[1].from, 120.0);
        assert!(r.vertical.is_empty());
    }
}
