//! GR001–GR005: the document's own facts — agency codes, name, format against year.

use super::{Ctx, GR001, GR002, GR003, GR004, GR005};
use crate::model::Report;

/// Characters of a 统一社会信用代码 (GB 32100): digits and capitals without I, O, Z, S, V.
const CREDIT_CHARS: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// Weights of the first seventeen characters.
const CREDIT_WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// Why a 统一社会信用代码 is not valid (in Chinese and English), or None when it is.
pub fn credit_code_problem(code: &str) -> Option<(String, String)> {
    let bytes = code.as_bytes();
    if code.chars().count() != 18 {
        return Some((format!("应为18位，实为{}位", code.chars().count()), format!("it has {} characters, not 18", code.chars().count())));
    }
    let mut values = [0u32; 18];
    for (i, b) in bytes.iter().enumerate() {
        match CREDIT_CHARS.iter().position(|c| c == b) {
            Some(v) => values[i] = v as u32,
            None => {
                let ch = *b as char;
                return Some((format!("第{}位“{}”不是允许的字符", i + 1, ch), format!("character {} ({ch:?}) is not allowed", i + 1)));
            }
        }
    }
    if !bytes[2..8].iter().all(u8::is_ascii_digit) {
        return Some(("第3—8位应为行政区划码（数字）".into(), "characters 3-8 must be a region code (digits)".into()));
    }
    let sum: u32 = values[..17].iter().zip(CREDIT_WEIGHTS).map(|(v, w)| v * w).sum();
    let check = (31 - sum % 31) % 31;
    let want = CREDIT_CHARS[check as usize] as char;
    let got = bytes[17] as char;
    (want != got).then(|| (format!("校验码应为“{want}”，实为“{got}”"), format!("the check character should be {want:?}, not {got:?}")))
}

/// Why a GB/T 2260 region code is malformed, or None.
pub fn region_code_problem(code: &str) -> Option<(String, String)> {
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Some(("应为6位数字".into(), "it must be six digits".into()));
    }
    let province: u32 = code[..2].parse().unwrap_or(0);
    let known = matches!(province, 11..=15 | 21..=23 | 31..=37 | 41..=46 | 50..=54 | 61..=65 | 71 | 81 | 82);
    (!known).then(|| (format!("前两位 {province:02} 不是省级代码"), format!("{province:02} is not a province code")))
}

pub(crate) fn check(report: &Report, ctx: &mut Ctx) {
    let meta = report.meta();
    let agency = meta.agency;
    if let Some(code) = &agency.credit_code
        && let Some((zh, en)) = credit_code_problem(code)
    {
        ctx.hit(&GR001, "/agency/credit_code").text("code", code).param("reason", super::Param::Both(zh, en)).emit();
    }
    if let Some(code) = &agency.region_code
        && let Some((zh, en)) = region_code_problem(code)
    {
        ctx.hit(&GR002, "/agency/region_code").text("code", code).param("reason", super::Param::Both(zh, en)).emit();
    }
    if agency.name.trim().is_empty() {
        ctx.hit(&GR005, "/agency/name").emit();
    }
    let (from, to) = meta.format.years();
    if meta.year < from || to.is_some_and(|to| meta.year > to) {
        let years = match to {
            Some(to) => format!("{from}–{to}"),
            None => format!("{from}–"),
        };
        ctx.hit(&GR003, "/year").related(vec!["/format".into()]).text("year", meta.year).text("format", meta.format.as_str()).text("years", years).emit();
    }
    let today = ctx.opts.today;
    if i32::from(meta.year) >= chrono::Datelike::year(&today) {
        ctx.hit(&GR004, "/year").text("year", meta.year).text("today", today).emit();
    }
}
