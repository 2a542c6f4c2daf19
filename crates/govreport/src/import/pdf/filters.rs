//! Stream data decoded within a budget of bytes: FlateDecode, LZWDecode, ASCIIHexDecode,
//! ASCII85Decode and RunLengthDecode, the filters content streams and CMaps use. A stream
//! that would decode past the budget stops the import with [`Limit`] (a zip bomb costs at
//! most the budget); a damaged stream gives what decoded before the damage.

use std::io::Read;

use hayro_syntax::Filter;
use hayro_syntax::object::Stream;

/// The budget ran out: the stream decodes to more bytes than the document may.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit;

/// Bytes that may still be decoded.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    left: u64,
}

impl Budget {
    /// A budget of `bytes`.
    pub fn new(bytes: u64) -> Budget {
        Budget { left: bytes }
    }

    fn take(&mut self, n: usize) -> Result<(), Limit> {
        self.left = self.left.checked_sub(n as u64).ok_or(Limit)?;
        Ok(())
    }
}

/// The decoded data of `stream` (raw data is already decrypted by hayro). Image filters give
/// nothing: text never lives in them.
pub fn decode(stream: &Stream<'_>, budget: &mut Budget) -> Result<Vec<u8>, Limit> {
    let raw = stream.raw_data();
    let filters = stream.filters();
    let mut data: Vec<u8> = raw.into_owned();
    budget.take(data.len())?;
    for f in filters.iter() {
        data = match f {
            Filter::FlateDecode => flate(&data, budget)?,
            Filter::LzwDecode => lzw(&data, early_change(stream), budget)?,
            Filter::AsciiHexDecode => ascii_hex(&data),
            Filter::Ascii85Decode => ascii85(&data),
            Filter::RunLengthDecode => run_length(&data, budget)?,
            Filter::Crypt => data,
            _ => return Ok(Vec::new()),
        };
    }
    Ok(data)
}

fn early_change(stream: &Stream<'_>) -> bool {
    let parms = stream.dict().get::<hayro_syntax::object::Dict<'_>>(b"DecodeParms".as_slice());
    parms.and_then(|p| p.get::<i32>(b"EarlyChange".as_slice())).is_none_or(|e| e != 0)
}

/// Reads `r` to its end or to the first damage, within the budget.
fn read_bounded(mut r: impl Read, budget: &mut Budget) -> Result<Vec<u8>, Limit> {
    let mut out = Vec::new();
    let mut buf = [0u8; 16384];
    loop {
        match r.read(&mut buf) {
            Ok(0) | Err(_) => return Ok(out),
            Ok(n) => {
                budget.take(n)?;
                out.extend_from_slice(&buf[..n]);
            }
        }
    }
}

/// Inflates zlib data (or raw deflate data, which some writers store under FlateDecode).
pub fn flate(data: &[u8], budget: &mut Budget) -> Result<Vec<u8>, Limit> {
    let zlib_header = data.len() >= 2 && data[0] & 0x0F == 8 && (u16::from(data[0]) << 8 | u16::from(data[1])) % 31 == 0;
    if zlib_header {
        let mut trial = *budget;
        let out = read_bounded(flate2::read::ZlibDecoder::new(data), &mut trial)?;
        if !out.is_empty() {
            *budget = trial;
            return Ok(out);
        }
    }
    read_bounded(flate2::read::DeflateDecoder::new(data), budget)
}

/// The size `data` inflates to, counted against the budget without keeping the bytes.
pub fn inflated_len(data: &[u8], budget: &mut Budget) -> Result<u64, Limit> {
    let mut r = flate2::read::ZlibDecoder::new(data);
    let mut buf = [0u8; 16384];
    let mut total = 0u64;
    loop {
        match r.read(&mut buf) {
            Ok(0) | Err(_) => return Ok(total),
            Ok(n) => {
                budget.take(n)?;
                total += n as u64;
            }
        }
    }
}

/// LZW as PDF uses it (9 to 12 bit codes, most significant bit first).
fn lzw(data: &[u8], early: bool, budget: &mut Budget) -> Result<Vec<u8>, Limit> {
    const CLEAR: usize = 256;
    const END: usize = 257;
    let mut table: Vec<(u16, u8, u16)> = Vec::with_capacity(4096); // (prefix, last byte, length)
    let reset = |t: &mut Vec<(u16, u8, u16)>| {
        t.clear();
        for b in 0..=255u8 {
            t.push((u16::MAX, b, 1));
        }
        t.push((0, 0, 0));
        t.push((0, 0, 0));
    };
    reset(&mut table);
    let mut out: Vec<u8> = Vec::new();
    let (mut bits, mut nbits, mut width) = (0u32, 0u32, 9u32);
    let mut prev: Option<usize> = None;
    let mut scratch: Vec<u8> = Vec::new();
    let emit = |t: &[(u16, u8, u16)], code: usize, scratch: &mut Vec<u8>| {
        scratch.clear();
        let mut c = code;
        while c < t.len() {
            let (p, b, _) = t[c];
            scratch.push(b);
            if p == u16::MAX {
                break;
            }
            c = p as usize;
        }
        scratch.reverse();
    };
    for &byte in data {
        bits = bits << 8 | u32::from(byte);
        nbits += 8;
        while nbits >= width {
            let code = ((bits >> (nbits - width)) & ((1 << width) - 1)) as usize;
            nbits -= width;
            if code == CLEAR {
                reset(&mut table);
                width = 9;
                prev = None;
                continue;
            }
            if code == END {
                return Ok(out);
            }
            match prev {
                None => {
                    if code > 255 {
                        return Ok(out);
                    }
                    emit(&table, code, &mut scratch);
                }
                Some(p) => {
                    if code < table.len() {
                        emit(&table, code, &mut scratch);
                        if table.len() < 4096 {
                            let len = table[p].2.saturating_add(1);
                            table.push((p as u16, scratch[0], len));
                        }
                    } else if code == table.len() && table.len() < 4096 {
                        emit(&table, p, &mut scratch);
                        let first = scratch[0];
                        scratch.push(first);
                        let len = table[p].2.saturating_add(1);
                        table.push((p as u16, first, len));
                    } else {
                        return Ok(out);
                    }
                }
            }
            budget.take(scratch.len())?;
            out.extend_from_slice(&scratch);
            prev = Some(code);
            let next = table.len() + usize::from(early);
            width = if next >= 2048 {
                12
            } else if next >= 1024 {
                11
            } else if next >= 512 {
                10
            } else {
                9
            };
        }
    }
    Ok(out)
}

fn ascii_hex(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 2);
    let mut hi: Option<u8> = None;
    for &b in data {
        if b == b'>' {
            break;
        }
        let v = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            _ => continue,
        };
        match hi.take() {
            Some(h) => out.push(h << 4 | v),
            None => hi = Some(v),
        }
    }
    if let Some(h) = hi {
        out.push(h << 4);
    }
    out
}

fn ascii85(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() * 4 / 5);
    let mut group = [0u8; 5];
    let mut n = 0;
    let data = data.strip_prefix(b"<~").unwrap_or(data);
    for &b in data {
        match b {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0, 0, 0, 0]),
            b'!'..=b'u' => {
                group[n] = b - b'!';
                n += 1;
                if n == 5 {
                    let v = group.iter().fold(0u64, |a, &d| a * 85 + u64::from(d));
                    out.extend_from_slice(&(v as u32).to_be_bytes());
                    n = 0;
                }
            }
            _ => {}
        }
    }
    if n > 1 {
        for g in group.iter_mut().skip(n) {
            *g = 84;
        }
        let v = group.iter().fold(0u64, |a, &d| a * 85 + u64::from(d));
        out.extend_from_slice(&(v as u32).to_be_bytes()[..n - 1]);
    }
    out
}

fn run_length(data: &[u8], budget: &mut Budget) -> Result<Vec<u8>, Limit> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let len = data[i];
        i += 1;
        match len {
            128 => break,
            0..=127 => {
                let n = usize::from(len) + 1;
                let end = (i + n).min(data.len());
                budget.take(end - i)?;
                out.extend_from_slice(&data[i..end]);
                i = end;
            }
            _ => {
                let n = 257 - usize::from(len);
                let Some(&b) = data.get(i) else { break };
                budget.take(n)?;
                out.extend(std::iter::repeat_n(b, n));
                i += 1;
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn filters_decode_and_stop_at_the_budget() {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(&vec![b'a'; 100_000]).unwrap();
        let packed = z.finish().unwrap();
        assert_eq!(flate(&packed, &mut Budget::new(200_000)).unwrap().len(), 100_000);
        assert_eq!(flate(&packed, &mut Budget::new(50_000)), Err(Limit));
        // Damaged data: what decoded before the damage.
        let cut = &packed[..packed.len() / 2];
        assert!(flate(cut, &mut Budget::new(200_000)).is_ok());
        assert_eq!(ascii_hex(b"48 65 6C6C6F>"), b"Hello");
        assert_eq!(ascii85(b"<~87cURD]i,\"Ebo80~>"), b"Hello World!");
        assert_eq!(run_length(&[2, b'a', b'b', b'c', 254, b'x', 128], &mut Budget::new(100)).unwrap(), b"abcxxx");
        // "-----A---B" in LZW, the example of the PDF reference.
        assert_eq!(lzw(&[0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01], true, &mut Budget::new(100)).unwrap(), b"-----A---B");
    }
}
