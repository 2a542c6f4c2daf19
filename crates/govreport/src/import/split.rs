//! Figures run together in text without cell boundaries ("2600000 26" for a row of seven
//! cells): which cells the source alone fixes.
//!
//! A run of digits may be several cells written without a space between them. The pieces of a
//! row are split into exactly as many cells as the row has, every way the source allows: a
//! cell never spans two pieces, a piece that is not a plain run of digits ("1,234", "0.5",
//! "-3", "/") is one cell, and a cell of more than one digit never starts with 0 ("01" and "00"
//! are never one count). A cell is fixed when every such split gives it the same digits; the
//! cells from the first one that is not fixed to the end of the row are not read.

/// A piece of a row as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// A plain run of ASCII digits: one cell or several run together.
    Digits(&'a str),
    /// Anything else that is a value: exactly one cell.
    Atom,
}

/// Where a fixed cell is: its piece, and for a run of digits the byte range of its digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// The piece it lies in.
    pub piece: usize,
    /// Its first digit within the piece (0 for an atom).
    pub start: usize,
    /// One past its last digit within the piece (0 for an atom).
    pub end: usize,
}

/// Most digits one piece is split into cells over; longer runs are one cell or nothing.
const MAX_UNITS: usize = 512;

/// The cells the source fixes, from the first of `cells` on: every split of `pieces` into
/// exactly `cells` cells agrees on each of them. Shorter than `cells` when a cell is not fixed
/// or when the pieces cannot be `cells` cells at all (too few digits, leading zeros).
pub fn fixed_cells(pieces: &[Piece], cells: usize) -> Vec<Span> {
    // Units: each digit of a run, or a whole atom; a cell is a range of units of one piece.
    let mut units: Vec<(usize, usize, u8)> = vec![]; // (piece, offset in piece, byte; 0 for an atom)
    for (p, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Digits(d) => units.extend(d.bytes().enumerate().map(|(o, b)| (p, o, b))),
            Piece::Atom => units.push((p, 0, 0)),
        }
    }
    let t = units.len();
    if cells == 0 || t < cells || t > MAX_UNITS {
        return vec![];
    }
    // The end of the piece each unit lies in.
    let mut piece_end = vec![t; t];
    for u in (0..t).rev() {
        piece_end[u] = if u + 1 < t && units[u + 1].0 == units[u].0 { piece_end[u + 1] } else { u + 1 };
    }
    let is_atom = |u: usize| matches!(pieces[units[u].0], Piece::Atom);
    // Whether units a..b can be one cell.
    let cell_ok = |a: usize, b: usize| {
        if b > piece_end[a] {
            return false;
        }
        if is_atom(a) {
            return b == a + 1;
        }
        b == a + 1 || units[a].2 != b'0'
    };
    // fwd[u][c]: the first u units can be c cells; bwd[u][c]: units u.. can be cells c..cells.
    let idx = |u: usize, c: usize| u * (cells + 1) + c;
    let mut fwd = vec![false; (t + 1) * (cells + 1)];
    fwd[idx(0, 0)] = true;
    for a in 0..t {
        for c in 0..cells {
            if !fwd[idx(a, c)] {
                continue;
            }
            for b in a + 1..=piece_end[a] {
                if cell_ok(a, b) {
                    fwd[idx(b, c + 1)] = true;
                }
            }
        }
    }
    let mut bwd = vec![false; (t + 1) * (cells + 1)];
    bwd[idx(t, cells)] = true;
    for a in (0..t).rev() {
        for c in (0..cells).rev() {
            bwd[idx(a, c)] = (a + 1..=piece_end[a]).any(|b| cell_ok(a, b) && bwd[idx(b, c + 1)]);
        }
    }
    let mut out = vec![];
    for c in 0..cells {
        let mut only: Option<(usize, usize)> = None;
        let mut many = false;
        for a in 0..t {
            if !fwd[idx(a, c)] {
                continue;
            }
            for b in a + 1..=piece_end[a] {
                if cell_ok(a, b) && bwd[idx(b, c + 1)] {
                    many |= only.is_some();
                    only = Some((a, b));
                }
            }
        }
        match only {
            Some((a, b)) if !many => {
                let (piece, start, _) = units[a];
                let end = if is_atom(a) { 0 } else { start + (b - a) };
                out.push(Span { piece, start: if is_atom(a) { 0 } else { start }, end });
            }
            _ => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(pieces: &[&str], cells: usize) -> Vec<String> {
        let p: Vec<Piece> = pieces.iter().map(|s| if s.bytes().all(|b| b.is_ascii_digit()) { Piece::Digits(s) } else { Piece::Atom }).collect();
        fixed_cells(&p, cells).iter().map(|s| if s.end == 0 { pieces[s.piece].to_string() } else { pieces[s.piece][s.start..s.end].to_string() }).collect()
    }

    #[test]
    fn unique_splits_are_read() {
        // As many digits as cells: every digit is a cell.
        assert_eq!(split(&["01", "0", "1", "20", "0", "0", "0", "0", "0", "0", "0", "00"], 15), "0 1 0 1 2 0 0 0 0 0 0 0 0 0 0".split(' ').collect::<Vec<_>>());
        // One cell per piece.
        assert_eq!(split(&["26", "0", "0", "0", "0", "0", "26"], 7), vec!["26", "0", "0", "0", "0", "0", "26"]);
        // No leading zeros: "100" over two cells is only 10|0.
        assert_eq!(split(&["100"], 2), vec!["10", "0"]);
        // Atoms are one cell each.
        assert_eq!(split(&["1,234", "00"], 3), vec!["1,234", "0", "0"]);
    }

    #[test]
    fn ambiguous_runs_are_not_read() {
        // 26|0|0|0|0|0 + 26, or 2|60|0|0|0|0 + 26, or 260|0|0|0|0 + 2|6 …: no cell is fixed.
        assert!(split(&["2600000", "26"], 7).is_empty());
        // The first cell is fixed, the rest is not: 1|2|34 or 1|23|4.
        assert_eq!(split(&["1", "234"], 3), vec!["1"]);
        // Fewer digits than cells, or leading zeros that cannot be one count.
        assert!(split(&["5", "3"], 7).is_empty());
        assert!(split(&["00"], 1).is_empty());
        assert!(split(&["0.5", "1"], 3).is_empty());
    }
}
