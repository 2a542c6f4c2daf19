//! GR001–GR005: the document's own facts — agency codes, name, format against year.

use super::{Code, Ctx, Param, define_rules};
use crate::i18n::Bilingual;

fn both(zh: String, en: String) -> Bilingual<String> {
    Bilingual { zh, en }
}
use crate::model::Report;

/// Characters of a 统一社会信用代码 (GB 32100): digits and capitals without I, O, Z, S, V.
const CREDIT_CHARS: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// Weights of the first seventeen characters.
const CREDIT_WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// Why a 统一社会信用代码 is not valid (in Chinese and English), or None when it is.
pub fn credit_code_problem(code: &str) -> Option<Bilingual<String>> {
    let bytes = code.as_bytes();
    if code.chars().count() != 18 {
        return Some(both(format!("应为18位，实为{}位", code.chars().count()), format!("it has {} characters, not 18", code.chars().count())));
    }
    let mut values = [0u32; 18];
    for (i, b) in bytes.iter().enumerate() {
        match CREDIT_CHARS.iter().position(|c| c == b) {
            Some(v) => values[i] = v as u32,
            None => {
                let ch = *b as char;
                return Some(both(format!("第{}位“{}”不是允许的字符", i + 1, ch), format!("character {} ({ch:?}) is not allowed", i + 1)));
            }
        }
    }
    if !bytes[2..8].iter().all(u8::is_ascii_digit) {
        return Some(both("第3—8位应为行政区划码（数字）".into(), "characters 3-8 must be a region code (digits)".into()));
    }
    let sum: u32 = values[..17].iter().zip(CREDIT_WEIGHTS).map(|(v, w)| v * w).sum();
    let check = (31 - sum % 31) % 31;
    let want = CREDIT_CHARS[check as usize] as char;
    let got = bytes[17] as char;
    (want != got).then(|| both(format!("校验码应为“{want}”，实为“{got}”"), format!("the check character should be {want:?}, not {got:?}")))
}

/// Why a GB/T 2260 region code is malformed, or None.
pub fn region_code_problem(code: &str) -> Option<Bilingual<String>> {
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Some(both("应为6位数字".into(), "it must be six digits".into()));
    }
    let province: u32 = code[..2].parse().unwrap_or(0);
    let known = matches!(province, 11..=15 | 21..=23 | 31..=37 | 41..=46 | 50..=54 | 61..=65 | 71 | 81 | 82);
    (!known).then(|| both(format!("前两位 {province:02} 不是省级代码"), format!("{province:02} is not a province code")))
}

fn credit_code(report: &Report, ctx: &mut Ctx) {
    if let Some(code) = &report.meta().agency.credit_code
        && let Some(reason) = credit_code_problem(code)
    {
        ctx.hit(Code::GR001, "/agency/credit_code").text("code", code).param("reason", Param::Both(reason)).emit();
    }
}

fn region_code(report: &Report, ctx: &mut Ctx) {
    if let Some(code) = &report.meta().agency.region_code
        && let Some(reason) = region_code_problem(code)
    {
        ctx.hit(Code::GR002, "/agency/region_code").text("code", code).param("reason", Param::Both(reason)).emit();
    }
}

fn agency_name(report: &Report, ctx: &mut Ctx) {
    if report.meta().agency.name.trim().is_empty() {
        ctx.hit(Code::GR005, "/agency/name").emit();
    }
}

fn format_year(report: &Report, ctx: &mut Ctx) {
    let meta = report.meta();
    let (from, to) = meta.format.years();
    if meta.year < from || to.is_some_and(|to| meta.year > to) {
        let years = match to {
            Some(to) => format!("{from}–{to}"),
            None => format!("{from}–"),
        };
        ctx.hit(Code::GR003, "/year").related(vec!["/format".into()]).text("year", meta.year).text("format", meta.format.as_str()).text("years", years).emit();
    }
}

fn year_not_ended(report: &Report, ctx: &mut Ctx) {
    let year = report.meta().year;
    let today = ctx.opts.today;
    if i32::from(year) >= chrono::Datelike::year(&today) {
        ctx.hit(Code::GR004, "/year").text("year", year).text("today", today).emit();
    }
}

define_rules! {
    /// 统一社会信用代码 malformed.
    GR001 {
        name: "credit-code",
        severity: Error,
        check: Report(credit_code),
        title: ["统一社会信用代码有误", "Unified social credit code is invalid"],
        explanation: [
            "统一社会信用代码（GB 32100—2015）为18位：登记管理部门码、机构类别码、6位登记管理机关行政区划码、9位主体标识码和1位校验码，字符取自数字和除 I、O、Z、S、V 以外的大写字母。校验码按国标加权模31计算。代码写错，报告就无法与机关对应。例：11100000000013127X 按算法校验码应为 D。",
            "The unified social credit code (GB 32100-2015) has 18 characters from the digits and the capital letters except I, O, Z, S and V; the last is a check character computed modulo 31 with fixed weights. A wrong code cannot be matched to the agency. Example: for 11100000000013127X the computed check character is D.",
        ],
        message: ["统一社会信用代码 {code} 有误：{reason}", "Unified social credit code {code} is invalid: {reason}"],
    }

    /// Region code malformed.
    GR002 {
        name: "region-code",
        severity: Error,
        check: Report(region_code),
        title: ["行政区划代码格式有误", "Region code is malformed"],
        explanation: [
            "行政区划代码（GB/T 2260）为6位数字，前两位为省级代码（11–82），其后依次为地级和县级代码。格式不对的代码无法用于汇总。例：“2201” 或 “990105”。",
            "A region code (GB/T 2260) has six digits; the first two are a province code from 11 to 82, followed by the prefecture and county codes. A malformed code cannot be used to roll reports up. Example: \"2201\" or \"990105\".",
        ],
        message: ["行政区划代码 {code} 格式有误：{reason}", "Region code {code} is malformed: {reason}"],
    }

    /// Format does not govern the year.
    GR003 {
        name: "format-year",
        severity: Error,
        check: Report(format_year),
        title: ["报告年度与所用格式不符", "Reporting year does not fit the format"],
        explanation: [
            "2008—2018年度报告适用国务院令第492号条例第三十二条（“2007”），2019、2020年度适用国办公开办函〔2019〕60号格式（“2019”），2021年度起适用国办公开办函〔2021〕30号格式（“2021”）。用错格式的报告，其表格与法定格式不一致。例：2019年度报告使用2021年格式。",
            "Reports for 2008-2018 follow article 32 of the 2007 regulations (\"2007\"), reports for 2019 and 2020 the 2019 template (\"2019\"), reports from 2021 on the 2021 template (\"2021\"). A report in the wrong format has the wrong tables. Example: a 2019 report in the 2021 format.",
        ],
        message: ["{year}年度报告不应使用“{format}”格式（该格式适用于{years}年度）", "A report for {year} should not use format \"{format}\" (it governs {years})"],
    }

    /// The year has not ended.
    GR004 {
        name: "year-not-ended",
        severity: Error,
        check: Report(year_not_ended),
        title: ["报告年度尚未结束", "Reporting year has not ended"],
        explanation: [
            "年度报告统计当年1月1日至12月31日的数据，年度结束前不可能完整。例：2026年11月编写2026年度报告。",
            "A report covers 1 January to 31 December of its year and cannot be complete before the year ends. Example: a report for 2026 written in November 2026.",
        ],
        message: ["报告年度 {year} 尚未结束（今天是 {today}）", "Reporting year {year} has not ended (today is {today})"],
    }

    /// Agency name empty.
    GR005 {
        name: "agency-name",
        severity: Error,
        check: Report(agency_name),
        title: ["未写明报告机关名称", "Agency name is empty"],
        explanation: ["报告须写明发布机关的全称，否则无法归属和汇总。", "A report must name its agency in full; otherwise it cannot be attributed or rolled up."],
        message: ["报告机关名称为空", "The agency name is empty"],
    }
}
