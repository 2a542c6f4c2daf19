//! How much of one text another repeats: 内容雷同 between years or between units.
//!
//! Texts are compared as sets of character 4-grams after dropping white space, digits and
//! punctuation (so that a copy with only the year changed still counts as a copy); the
//! figure is the Jaccard index, 0 to 1. For many texts, [`MinHash`] signatures estimate it.
//!
//! Each 4-gram is hashed once to 64 bits (the four characters packed and put through the
//! SplitMix64 finaliser: stable across runs and platforms); the [`MINHASH_SIZE`] hash functions
//! of a signature are derived from 32 bits of that one hash by multiply-xor (`(x ⊕ t)·a` with
//! 32 fixed keys and odd multipliers, which the compiler runs four lanes at a time), so a
//! signature costs one pass over the characters and no set.

use std::collections::HashSet;

const SHINGLE: usize = 4;

#[inline]
fn kept(c: char) -> bool {
    // Most characters of a report are CJK ideographs: kept, without the tables below.
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return true;
    }
    !c.is_whitespace() && !c.is_ascii_digit() && !c.is_ascii_punctuation() && !is_cjk_punctuation(c)
}

fn is_cjk_punctuation(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 | 0x2010..=0x2027)
}

/// The SplitMix64 finaliser: a bijection of u64 with full avalanche.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// The hash of up to four characters (a code point has 21 bits: three fit in the first word,
/// the fourth and the length in the second).
fn shingle_hash(window: &[u32]) -> u64 {
    let lo = window.iter().take(3).enumerate().fold(0u64, |acc, (i, c)| acc | (u64::from(*c) << (21 * i)));
    let hi = u64::from(window.get(3).copied().unwrap_or(0)) | ((window.len() as u64) << 24);
    mix(lo ^ mix(hi ^ 0x9E37_79B9_7F4A_7C15))
}

/// Calls `f` with the hash of every 4-gram of the text's kept characters, in order (duplicates
/// included), or once with the hash of the whole when it has fewer than four. Returns whether
/// `f` was called.
fn each_shingle(text: &str, mut f: impl FnMut(u64)) -> bool {
    let mut window = [0u32; SHINGLE];
    let mut n = 0usize;
    for c in text.chars().filter(|c| kept(*c)) {
        if n < SHINGLE {
            window[n] = c as u32;
        } else {
            window.copy_within(1.., 0);
            window[SHINGLE - 1] = c as u32;
        }
        n += 1;
        if n >= SHINGLE {
            f(shingle_hash(&window));
        }
    }
    if (1..SHINGLE).contains(&n) {
        f(shingle_hash(&window[..n]));
    }
    n > 0
}

fn shingles(text: &str) -> HashSet<u64> {
    let mut out = HashSet::new();
    each_shingle(text, |h| {
        out.insert(h);
    });
    out
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

/// The keys and multipliers of the signature's hash functions `(x ⊕ t)·a mod 2³²` of a 4-gram's
/// 32-bit hash `x`: each is a bijection (odd `a`), so the two minima of a function agree
/// exactly when the same 4-gram gives both. Drawn once from SplitMix64, the same in every run.
const FAMILY: ([u32; MINHASH_SIZE], [u32; MINHASH_SIZE]) = {
    let mut t = [0u32; MINHASH_SIZE];
    let mut a = [0u32; MINHASH_SIZE];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut i = 0;
    while i < MINHASH_SIZE {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        t[i] = z as u32;
        a[i] = (z >> 32) as u32 | 1;
        i += 1;
    }
    (t, a)
};

impl MinHash {
    /// The signature of `text`, or None when it has nothing to compare.
    pub fn of(text: &str) -> Option<MinHash> {
        let (t, a) = (&FAMILY.0, &FAMILY.1);
        let mut sig = [u32::MAX; MINHASH_SIZE];
        let any = each_shingle(text, |h| {
            let x = (h >> 32) as u32;
            for i in 0..MINHASH_SIZE {
                sig[i] = sig[i].min((x ^ t[i]).wrapping_mul(a[i]));
            }
        });
        any.then_some(MinHash(sig))
    }

    /// The estimated Jaccard index of the two texts.
    pub fn similarity(&self, other: &MinHash) -> f64 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / MINHASH_SIZE as f64
    }

    /// Band keys for locality-sensitive hashing: texts sharing a key are candidates.
    pub fn bands(&self, rows: usize) -> Vec<u64> {
        self.0.chunks(rows.max(1)).enumerate().map(|(i, band)| band_key(band, i)).collect()
    }
}

/// The key of band `index` (its rows of a signature): equal rows in the same band give equal keys.
pub(crate) fn band_key(band: &[u32], index: usize) -> u64 {
    band.iter().fold(mix(index as u64 ^ 0xD6E8_FEB8_6659_FD93), |acc, x| mix(acc ^ u64::from(*x)))
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

    /// A text of `n` distinct CJK characters starting at `from` (no punctuation, nothing dropped).
    fn text(from: u32, n: u32) -> String {
        (from..from + n).filter_map(char::from_u32).collect()
    }

    #[test]
    fn signatures_of_identical_texts_are_equal_and_of_disjoint_texts_far_apart() {
        let a = text(0x4E00, 600);
        assert_eq!(MinHash::of(&a), MinHash::of(&a.clone()));
        assert_eq!(MinHash::of(&a).unwrap().similarity(&MinHash::of(&a).unwrap()), 1.0);
        let b = text(0x6000, 600);
        assert_eq!(similarity(&a, &b), Some(0.0));
        assert!(MinHash::of(&a).unwrap().similarity(&MinHash::of(&b).unwrap()) <= 0.1);
        // Nothing to compare: only punctuation, digits and spaces.
        assert_eq!(MinHash::of("2023 ，。、"), None);
        // Shorter than a 4-gram: one shingle of the whole.
        assert_eq!(MinHash::of("公开"), MinHash::of("2023公开。"));
        assert_ne!(MinHash::of("公开"), MinHash::of("公开办"));
    }

    #[test]
    fn the_estimate_follows_the_exact_index() {
        // Half of the text changed: exact index about 1/3.
        let a = text(0x4E00, 600);
        let half: String = a.chars().take(300).chain(text(0x7000, 300).chars()).collect();
        let exact = similarity(&a, &half).unwrap();
        assert!((0.3..0.36).contains(&exact), "{exact}");
        let est = MinHash::of(&a).unwrap().similarity(&MinHash::of(&half).unwrap());
        assert!((0.1..=0.6).contains(&est), "{est}");
        // Over overlaps from none to all, the estimate stays near the index on average.
        let mut error = 0.0;
        for k in 0..=20 {
            let b: String = a.chars().take(30 * k).chain(text(0x8000 + 1000 * k as u32, 600 - 30 * k as u32).chars()).collect();
            let exact = similarity(&a, &b).unwrap();
            let est = MinHash::of(&a).unwrap().similarity(&MinHash::of(&b).unwrap());
            error += (exact - est).abs();
        }
        assert!(error / 21.0 < 0.08, "mean error {}", error / 21.0);
    }

    #[test]
    fn band_keys_depend_on_the_band_and_its_rows() {
        let s = MinHash::of(&text(0x4E00, 100)).unwrap();
        let keys = s.bands(4);
        assert_eq!(keys.len(), 8);
        assert_eq!(keys, s.bands(4));
        let mut same_rows = MinHash(s.0);
        same_rows.0[4..8].copy_from_slice(&s.0[0..4]);
        assert_ne!(same_rows.bands(4)[0], same_rows.bands(4)[1], "equal rows in another band give another key");
    }
}
