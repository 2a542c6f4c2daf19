//! A set of characters for scans of Chinese text: a bit per character of the basic CJK block
//! (U+4E00–U+9FFF), where most characters of a report are, and a short list for any other.

/// A set of characters, asked once per character of a text.
pub(crate) struct CharSet {
    bits: Vec<u64>,
    others: Vec<char>,
}

const FROM: u32 = 0x4E00;
const LAST: u32 = 0x9FFF;

impl CharSet {
    /// The set of `chars`.
    pub(crate) fn new(chars: impl IntoIterator<Item = char>) -> CharSet {
        let mut set = CharSet { bits: vec![0; ((LAST - FROM) / 64 + 1) as usize], others: Vec::new() };
        for c in chars {
            match (c as u32).checked_sub(FROM).filter(|i| *i <= LAST - FROM) {
                Some(i) => set.bits[(i / 64) as usize] |= 1 << (i % 64),
                None if !set.others.contains(&c) => set.others.push(c),
                None => {}
            }
        }
        set
    }

    /// Whether `c` is in the set.
    #[inline]
    pub(crate) fn contains(&self, c: char) -> bool {
        match (c as u32).checked_sub(FROM).filter(|i| *i <= LAST - FROM) {
            Some(i) => self.bits[(i / 64) as usize] & (1 << (i % 64)) != 0,
            None => self.others.contains(&c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CharSet;

    #[test]
    fn holds_what_it_was_given_inside_and_outside_the_block() {
        let given = ['一', '\u{9FFF}', '不', 'a', '５', '\u{20000}'];
        let set = CharSet::new(given);
        for c in given {
            assert!(set.contains(c), "{c}");
        }
        for c in ['丁', '\u{4DFF}', '\u{A000}', 'b', '6', '\u{20001}'] {
            assert!(!set.contains(c), "{c}");
        }
    }
}
