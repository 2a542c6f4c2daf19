//! Glyphs into lines of text: glyphs whose centres share a baseline (or, written top to
//! bottom, a column) form a line, ordered along it; a gap wider than a space puts a space
//! between words. Chinese, Japanese and full-width characters are joined without spaces.

use super::content::Glyph;
use super::geom::Rect;

/// A line of text.
#[derive(Clone, Debug)]
pub struct TextLine {
    /// Its glyphs, in reading order (a bold face drawn twice is kept once).
    pub glyphs: Vec<Glyph>,
    /// The box around them.
    pub rect: Rect,
    /// The largest font size in it.
    pub size: f32,
    /// Whether it is written top to bottom.
    pub vertical: bool,
}

/// Whether `c` is written without spaces around it: CJK ideographs, kana, hangul, CJK and
/// full-width punctuation.
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x2E80..=0x2FFF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x31FF
        | 0x3200..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFF)
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

impl TextLine {
    fn of(glyphs: Vec<Glyph>) -> TextLine {
        let rect = glyphs.iter().skip(1).fold(glyphs[0].rect, |r, g| r.union(&g.rect));
        let size = glyphs.iter().map(|g| g.size).fold(0.0, f32::max);
        let vertical = glyphs[0].vertical;
        TextLine { glyphs, rect, size, vertical }
    }

    /// The text, with a space where the gap between two glyphs is wider than a space.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut prev: Option<&Glyph> = None;
        for g in &self.glyphs {
            if g.c.is_whitespace() {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
                prev = Some(g);
                continue;
            }
            if let Some(p) = prev
                && !p.c.is_whitespace()
            {
                let gap = if self.vertical { g.rect.top - p.rect.bottom } else { g.rect.x0 - p.rect.x1 };
                let size = p.size.max(g.size);
                let wide = is_wide(p.c) || is_wide(g.c);
                if gap > if wide { 0.6 } else { 0.2 } * size && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            out.push(g.c);
            prev = Some(g);
        }
        out.trim().to_string()
    }
}

/// Joins two pieces of text that a line break separated: no space between wide characters.
pub fn join(a: &str, b: &str) -> String {
    let (Some(last), Some(first)) = (a.chars().next_back(), b.chars().next()) else { return format!("{a}{b}") };
    if is_wide(last) || is_wide(first) || last == '-' && !a.ends_with(" -") { format!("{a}{b}") } else { format!("{a} {b}") }
}

/// Groups glyphs into lines, top to bottom (columns of vertical text right to left after the
/// horizontal lines they sit among, by their top).
pub fn lines(glyphs: &[Glyph]) -> Vec<TextLine> {
    let mut out: Vec<TextLine> = Vec::new();
    let (mut horiz, mut vert): (Vec<Glyph>, Vec<Glyph>) = glyphs.iter().copied().partition(|g| !g.vertical);
    horiz.sort_by(|a, b| a.rect.centre().1.total_cmp(&b.rect.centre().1));
    group(&horiz, false, &mut out);
    vert.sort_by(|a, b| b.rect.centre().0.total_cmp(&a.rect.centre().0));
    group(&vert, true, &mut out);
    out.sort_by(|a, b| a.rect.top.total_cmp(&b.rect.top).then(a.rect.x0.total_cmp(&b.rect.x0)));
    // Columns of vertical text that start alike are read right to left.
    let mut i = 0;
    while i < out.len() {
        let mut j = i + 1;
        while j < out.len() && out[i].vertical && out[j].vertical && out[j].rect.top - out[i].rect.top < 0.5 * out[i].size {
            j += 1;
        }
        out[i..j].sort_by(|a, b| b.rect.x0.total_cmp(&a.rect.x0));
        i = j;
    }
    out
}

/// Glyphs sorted across their lines (by centre y, or x for vertical text) into lines.
fn group(sorted: &[Glyph], vertical: bool, out: &mut Vec<TextLine>) {
    let across = |g: &Glyph| if vertical { g.rect.centre().0 } else { g.rect.centre().1 };
    let along = |g: &Glyph| if vertical { g.rect.top } else { g.rect.x0 };
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i + 1;
        let (mut sum, mut n) = (across(&sorted[i]), 1.0f32);
        let mut size = sorted[i].size;
        while j < sorted.len() {
            let c = across(&sorted[j]);
            let mean = sum / n;
            if (c - mean).abs() > 0.35 * size.max(sorted[j].size) {
                break;
            }
            sum += c;
            n += 1.0;
            size = size.max(sorted[j].size);
            j += 1;
        }
        let mut line: Vec<Glyph> = sorted[i..j].to_vec();
        line.sort_by(|a, b| along(a).total_cmp(&along(b)));
        // A face made bold by drawing each glyph twice, a hair apart, is read once.
        let mut kept: Vec<Glyph> = Vec::with_capacity(line.len());
        for g in line {
            if let Some(p) = kept.last() {
                let overlap = if vertical { p.rect.bottom.min(g.rect.bottom) - g.rect.top } else { p.rect.x1.min(g.rect.x1) - g.rect.x0 };
                let extent = if vertical { g.rect.height() } else { g.rect.width() };
                if p.c == g.c && overlap > 0.6 * extent {
                    continue;
                }
            }
            kept.push(g);
        }
        out.push(TextLine::of(kept));
        i = j;
    }
}
