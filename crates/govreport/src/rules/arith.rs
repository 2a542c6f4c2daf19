//! Exact sums of cells: blanks and absent cells make a sum unjudgeable, "/" is left out.

use crate::model::{Cell, Count};

/// One side of an equation of counts.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Side {
    /// Sum of the values (u128: the sum of many u64 cannot overflow).
    pub sum: u128,
    /// How many operands hold a value.
    pub values: usize,
    /// How many operands are blank or absent.
    pub missing: usize,
}

impl Side {
    pub fn of<'a>(cells: impl IntoIterator<Item = &'a Count>) -> Side {
        let mut s = Side::default();
        for c in cells {
            s.add(c);
        }
        s
    }

    /// Adds one operand.
    pub fn add(&mut self, cell: &Count) {
        match cell {
            Cell::Value(v) => {
                self.sum += u128::from(*v);
                self.values += 1;
            }
            Cell::Blank | Cell::Absent => self.missing += 1,
            Cell::NotApplicable => {}
        }
    }
}

/// The verdict on `left = right`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    Holds,
    Fails {
        left: u128,
        right: u128,
    },
    /// An operand is missing, or a side has no value at all.
    NotAssessable,
}

pub(crate) fn equation(left: Side, right: Side) -> Verdict {
    if left.missing > 0 || right.missing > 0 || left.values == 0 || right.values == 0 {
        Verdict::NotAssessable
    } else if left.sum == right.sum {
        Verdict::Holds
    } else {
        Verdict::Fails { left: left.sum, right: right.sum }
    }
}
