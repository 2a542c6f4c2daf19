//! How much of one text another repeats: 内容雷同 between years or between units.
//!
//! Texts are compared as sets of character 4-grams after dropping white space, digits and
//! punctuation (so that a copy with only the year changed still counts as a copy); the
//! figure is the Jaccard index, 0 to 1. For many texts, [`MinHash`] signatures estimate it.
//!
//! Each 4-gram is hashed once to 64 bits (the four characters packed and put through the
//! SplitMix64 finaliser: stable across runs and platforms), and a signature is made from those
//! hashes by one-permutation hashing ([`MinHash`]): one pass over the characters, one update a
//! 4-gram, and no set.

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

/// A MinHash signature: one-permutation hashing (OPH) of the 4-grams into [`MINHASH_SIZE`]
/// bins, one byte a bin, so that a batch of 100,000 reports keeps its signatures in a few MB.
///
/// Each 4-gram's 64-bit hash is used once: its top 7 bits choose a bin, the other 57 bits are
/// its value, and a bin keeps the least value that falls in it (one comparison a 4-gram). Bins
/// no 4-gram fell in (a text of 40 characters fills about a quarter of them, one of 2,000 all)
/// are filled by the improved densification of Shrivastava and Li (UAI 2014): an empty bin
/// borrows the value of the nearest filled bin in a direction fixed for that bin (left or
/// right, the same for every text), mixed with the distance, so that two texts' bins agree with
/// probability the Jaccard index of their 4-gram sets. Only the lowest 8 bits of each bin's
/// value are kept: two different values still give the same byte one time in 256, which
/// [`MinHash::similarity`] corrects for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MinHash(pub [u8; MINHASH_SIZE]);

/// Bins (bytes) in a signature.
pub const MINHASH_SIZE: usize = 128;

/// Bits of a 4-gram's hash that choose its bin: 2⁷ = [`MINHASH_SIZE`].
const BIN_BITS: u32 = 7;

/// Per bin, whether an empty bin borrows from the right (1) or the left (0): fixed bits drawn
/// once, the same in every run.
const DIRECTIONS: u128 = 0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C834;

/// The chance that two different values give the same byte.
const CHANCE: f64 = 1.0 / 256.0;

impl MinHash {
    /// The signature of `text`, or None when it has nothing to compare.
    pub fn of(text: &str) -> Option<MinHash> {
        const EMPTY: u64 = u64::MAX;
        let mut bins = [EMPTY; MINHASH_SIZE];
        let any = each_shingle(text, |h| {
            let bin = (h >> (64 - BIN_BITS)) as usize;
            let value = h & (u64::MAX >> BIN_BITS);
            bins[bin] = bins[bin].min(value);
        });
        if !any {
            return None;
        }
        let mut sig = [0u8; MINHASH_SIZE];
        for (i, byte) in sig.iter_mut().enumerate() {
            if bins[i] != EMPTY {
                *byte = bins[i] as u8;
                continue;
            }
            // Densification: walk to the nearest filled bin in this bin's direction (there is
            // one: `any`), and mix the distance into its value.
            let right = DIRECTIONS >> i & 1 == 1;
            let mut distance = 1;
            let value = loop {
                let j = if right { (i + distance) % MINHASH_SIZE } else { (i + MINHASH_SIZE - distance) % MINHASH_SIZE };
                if bins[j] != EMPTY {
                    break bins[j];
                }
                distance += 1;
            };
            *byte = mix(value ^ (distance as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)) as u8;
        }
        Some(MinHash(sig))
    }

    /// The estimated Jaccard index of the two texts: the share `f` of bins whose bytes agree,
    /// less the agreements of chance, `(f − 1/256) / (1 − 1/256)`, within 0 and 1. Its
    /// standard deviation is about `√(J(1−J)/128)`: 0.044 at 0.55, 0.035 at 0.8.
    pub fn similarity(&self, other: &MinHash) -> f64 {
        estimate(&self.0, &other.0)
    }

    /// Band keys for locality-sensitive hashing: texts sharing a key are candidates. One key
    /// for each run of `rows` bytes; the bytes after the last full band are in no band.
    pub fn bands(&self, rows: usize) -> Vec<u64> {
        self.0.chunks_exact(rows.max(1)).enumerate().map(|(i, band)| band_key(band, i)).collect()
    }
}

/// [`MinHash::similarity`] of two signatures' bytes, read in place: equal bytes are counted
/// eight at a time (a zero byte of `a ⊕ b` has its high bit set by the carry trick below).
pub(crate) fn estimate(a: &[u8; MINHASH_SIZE], b: &[u8; MINHASH_SIZE]) -> f64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let mut same = 0;
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        let d = u64::from_le_bytes(x.try_into().unwrap()) ^ u64::from_le_bytes(y.try_into().unwrap());
        same += (!(((d & LOW7) + LOW7) | d | LOW7)).count_ones();
    }
    let f = f64::from(same) / MINHASH_SIZE as f64;
    ((f - CHANCE) / (1.0 - CHANCE)).clamp(0.0, 1.0)
}

/// The key of band `index` (its rows of a signature): equal rows in the same band give equal keys.
pub(crate) fn band_key(band: &[u8], index: usize) -> u64 {
    band.chunks(8).fold(mix(index as u64 ^ 0xD6E8_FEB8_6659_FD93), |acc, chunk| {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        mix(acc ^ u64::from_le_bytes(word))
    })
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
        assert!((0.2..=0.47).contains(&est), "{est}");
        // Over overlaps from none to all, the estimate stays near the index on average, for
        // long texts (every bin filled) and short ones (most bins borrowed).
        for (len, step) in [(600u32, 30u32), (60, 3)] {
            let a = text(0x4E00, len);
            let mut error = 0.0;
            for k in 0..=20 {
                let b: String = a.chars().take((step * k) as usize).chain(text(0x8000 + 1000 * k, len - step * k).chars()).collect();
                let exact = similarity(&a, &b).unwrap();
                let est = MinHash::of(&a).unwrap().similarity(&MinHash::of(&b).unwrap());
                error += (exact - est).abs();
            }
            assert!(error / 21.0 < 0.05, "{len} characters: mean error {}", error / 21.0);
        }
    }

    #[test]
    fn band_keys_depend_on_the_band_and_its_rows() {
        let s = MinHash::of(&text(0x4E00, 100)).unwrap();
        let keys = s.bands(6);
        assert_eq!(keys.len(), 21, "full bands only");
        assert_eq!(keys, s.bands(6));
        let mut same_rows = MinHash(s.0);
        same_rows.0[6..12].copy_from_slice(&s.0[0..6]);
        assert_ne!(same_rows.bands(6)[0], same_rows.bands(6)[1], "equal rows in another band give another key");
        let mut other = MinHash(s.0);
        other.0[5] ^= 1;
        assert_ne!(other.bands(6)[0], keys[0]);
        assert_eq!(other.bands(6)[1..], keys[1..]);
    }
}
