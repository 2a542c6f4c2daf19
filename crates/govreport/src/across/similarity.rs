//! How much of one text another repeats: 内容雷同 between years or between units.
//!
//! Texts are compared as sets of character 4-grams after dropping white space, digits and
//! punctuation (so that a copy with only the year changed still counts as a copy); the
//! figure is the Jaccard index, 0 to 1. For many texts, [`MinHash`] signatures estimate it.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};

const SHINGLE: usize = 4;

fn normalised(text: &str) -> Vec<char> {
    text.chars().filter(|c| !c.is_whitespace() && !c.is_ascii_digit() && !c.is_ascii_punctuation() && !is_cjk_punctuation(*c)).collect()
}

fn is_cjk_punctuation(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 | 0x2010..=0x2027)
}

fn shingles(text: &str) -> HashSet<u64> {
    let chars = normalised(text);
    let mut out = HashSet::new();
    if chars.len() < SHINGLE {
        if !chars.is_empty() {
            out.insert(hash(&chars, 0));
        }
        return out;
    }
    for w in chars.windows(SHINGLE) {
        out.insert(hash(w, 0));
    }
    out
}

fn hash<T: Hash + ?Sized>(x: &T, seed: u64) -> u64 {
    // FNV-1a over the standard hasher's bytes is stable across runs (unlike RandomState).
    struct Fnv(u64);
    impl Hasher for Fnv {
        fn finish(&self) -> u64 {
            self.0
        }
        fn write(&mut self, bytes: &[u8]) {
            for b in bytes {
                self.0 ^= u64::from(*b);
                self.0 = self.0.wrapping_mul(0x100000001b3);
            }
        }
    }
    let mut h = Fnv(0xcbf29ce484222325 ^ seed.wrapping_mul(0x9E3779B97F4A7C15));
    x.hash(&mut h);
    h.finish()
}

/// The Jaccard index of the two texts' 4-gram sets; None when either has no text to compare.
pub fn similarity(a: &str, b: &str) -> Option<f64> {
    let (x, y) = (shingles(a), shingles(b));
    if x.is_empty() || y.is_empty() {
        return None;
    }
    let common = x.intersection(&y).count();
    Some(common as f64 / (x.len() + y.len() - common) as f64)
}

/// A MinHash signature: [`MINHASH_SIZE`] minima of seeded hashes of the 4-grams (32 bits
/// each, so that a batch of 100,000 reports keeps its signatures in a few MB).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MinHash(pub [u32; MINHASH_SIZE]);

/// Hashes in a signature.
pub const MINHASH_SIZE: usize = 32;

impl MinHash {
    /// The signature of `text`, or None when it has nothing to compare.
    pub fn of(text: &str) -> Option<MinHash> {
        let s = shingles(text);
        if s.is_empty() {
            return None;
        }
        let mut sig = [u32::MAX; MINHASH_SIZE];
        for (i, slot) in sig.iter_mut().enumerate() {
            *slot = s.iter().map(|x| hash(x, i as u64 + 1) as u32).min().unwrap_or(u32::MAX);
        }
        Some(MinHash(sig))
    }

    /// The estimated Jaccard index of the two texts.
    pub fn similarity(&self, other: &MinHash) -> f64 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / MINHASH_SIZE as f64
    }

    /// Band keys for locality-sensitive hashing: texts sharing a key are candidates.
    pub fn bands(&self, rows: usize) -> Vec<u64> {
        self.0.chunks(rows.max(1)).enumerate().map(|(i, band)| hash(band, i as u64)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_with_the_year_changed_is_a_copy() {
        let a = "2022年，我局认真贯彻落实《条例》，进一步规范依申请公开工作，全年无行政复议案件。";
        let b = "2023年，我局认真贯彻落实《条例》，进一步规范依申请公开工作，全年无行政复议案件。";
        assert_eq!(similarity(a, b), Some(1.0));
        let c = "本年度重点推进重大行政决策公开，组织政策解读二十余场，新媒体平台粉丝增长明显。";
        assert!(similarity(a, c).unwrap() < 0.1);
        assert_eq!(similarity("", a), None);
        let (ma, mb, mc) = (MinHash::of(a).unwrap(), MinHash::of(b).unwrap(), MinHash::of(c).unwrap());
        assert_eq!(ma.similarity(&mb), 1.0);
        assert!(ma.similarity(&mc) < 0.3);
    }
}
