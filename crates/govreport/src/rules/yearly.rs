//! GR601–GR606: a report against the same unit's report of the year before.

use super::{Code, Ctx, Param, define_rules};
use crate::across::similarity::similarity;
use crate::cells::{self, Loc};
use crate::labels;
use crate::model::{Format, Report, RowId};

/// A change by this factor or more (either way) is a sudden jump, when the larger figure is
/// at least [`JUMP_MIN`].
pub const JUMP_FACTOR: u64 = 5;
/// Smaller figures move a lot by chance and are not reported as jumps.
pub const JUMP_MIN: u64 = 10;

/// The prose parts of a report, by pointer: 一 and 五 of a template report, every part of a
/// 2007 one (as one text).
fn prose(r: &Report) -> Vec<(&'static str, String)> {
    match r {
        Report::F2021(x) => vec![
            ("/sections/overview", x.sections.overview.clone().unwrap_or_default()),
            ("/sections/problems", x.sections.problems.clone().unwrap_or_default()),
        ],
        Report::F2019(x) => vec![
            ("/sections/overview", x.sections.overview.clone().unwrap_or_default()),
            ("/sections/problems", x.sections.problems.clone().unwrap_or_default()),
        ],
        Report::F2007(x) => vec![("/sections", x.sections.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join("\n"))],
    }
}

/// Whether both reports have tables (neither is of the 2007 regime).
fn tables(previous: &Report, current: &Report) -> bool {
    previous.format() != Format::F2007 && current.format() != Format::F2007
}

fn years_not_consecutive(previous: &Report, current: &Report, ctx: &mut Ctx) {
    let (p, c) = (previous.meta(), current.meta());
    if c.year != p.year + 1 {
        ctx.hit(Code::GR604, "/year").text("previous", p.year).text("year", c.year).expected(p.year + 1).actual(c.year).emit();
    }
}

fn agency_changed(previous: &Report, current: &Report, ctx: &mut Ctx) {
    let (p, c) = (previous.meta(), current.meta());
    if c.agency.name != p.agency.name {
        ctx.hit(Code::GR603, "/agency/name").text("previous", &p.agency.name).text("current", &c.agency.name).emit();
    }
    if c.agency.kind != p.agency.kind {
        ctx.hit(Code::GR603, "/agency/kind").text("previous", p.agency.kind.as_str()).text("current", c.agency.kind.as_str()).emit();
    }
}

/// GR601: this year's 上年结转 = last year's 结转下年度继续办理, column by column.
fn carried_over(previous: &Report, current: &Report, ctx: &mut Ctx) {
    if !tables(previous, current) {
        return;
    }
    for (c, col) in labels::REQUEST_COLUMNS.iter().enumerate() {
        let (was, now) = (Loc::request(RowId::CarriedForward, c as u8), Loc::request(RowId::CarriedOver, c as u8));
        let at = cells::pointer(current.format(), now);
        match (previous.count(was), current.count(now)) {
            (Some(a), Some(b)) if a != b => ctx.hit(Code::GR601, at).param("column", Param::Label(col)).expected(a).actual(b).emit(),
            (Some(_), Some(_)) => {}
            _ => ctx.not_assessable(Code::GR601, at),
        }
    }
}

/// GR605: sudden jumps in the figures supervisors watch.
fn sudden_jump(previous: &Report, current: &Report, ctx: &mut Ctx) {
    let (Some(before), Some(now)) = (cells::watched(previous.format()), cells::watched(current.format())) else { return };
    for (was, is) in before.into_iter().zip(now) {
        if let (Some(a), Some(b)) = (previous.count(was), current.count(is)) {
            let (lo, hi) = (a.min(b), a.max(b));
            if hi >= JUMP_MIN && hi >= lo.saturating_mul(JUMP_FACTOR) {
                let ratio = if lo == 0 { "∞".to_string() } else { format!("{:.1}", b as f64 / a as f64) };
                ctx.hit(Code::GR605, cells::pointer(current.format(), is)).text("previous", a).text("ratio", ratio).actual(b).emit();
            }
        }
    }
}

/// GR602: 现行有效件数 carried on: last year's + issued − repealed, for 规章 and 行政规范性文件
/// (the rows of table A's first block; its columns are 本年制发, 本年废止, 现行有效).
fn in_force(previous: &Report, current: &Report, ctx: &mut Ctx) {
    if previous.format() != Format::F2021 || current.format() != Format::F2021 {
        return;
    }
    let format = current.format();
    for row in 0..2 {
        let at = |column| Loc::Proactive { block: 0, row, column };
        let (issued, repealed, in_force) = (at(0), at(1), at(2));
        match (previous.count(in_force), current.count(issued), current.count(repealed), current.count(in_force)) {
            (Some(before), Some(issued_n), Some(repealed_n), Some(now)) => {
                let want = i128::from(before) + i128::from(issued_n) - i128::from(repealed_n);
                if want != i128::from(now) {
                    ctx.hit(Code::GR602, cells::pointer(format, in_force))
                        .related(vec![cells::pointer(format, issued).to_string(), cells::pointer(format, repealed).to_string()])
                        .text("previous", before)
                        .text("issued", issued_n)
                        .text("repealed", repealed_n)
                        .expected(want)
                        .actual(now)
                        .emit();
                }
            }
            _ => ctx.not_assessable(Code::GR602, cells::pointer(format, in_force)),
        }
    }
}

/// GR606: prose copied from last year's report (内容雷同).
fn copied_from_last_year(previous: &Report, current: &Report, ctx: &mut Ctx) {
    let threshold = ctx.opts.copy_threshold;
    let format = current.format();
    let before = prose(previous);
    for (path, text) in prose(current) {
        let Some((_, old)) = before.iter().find(|(p, _)| *p == path).or(before.first()) else { continue };
        if let Some(s) = similarity(old, &text)
            && s >= threshold
        {
            let part = labels::lookup(format, path).or_else(|| labels::lookup(format, "/sections"));
            let mut hit = ctx.hit(Code::GR606, path).text("similarity", format!("{s:.2}")).text("threshold", format!("{threshold:.2}"));
            if let Some(l) = part {
                hit = hit.param("part", Param::Label(l));
            }
            hit.emit();
        }
    }
}

define_rules! {
    /// Carried over ≠ last year's carried forward.
    GR601 {
        name: "carried-over-mismatch",
        severity: Warning,
        check: Yearly(carried_over),
        title: ["上年结转与上年报告的结转下年度不符", "Carried over differs from last year's carried forward"],
        explanation: [
            "本年表三“二、上年结转政府信息公开申请数量”应等于上年报告表三“四、结转下年度继续办理”，逐列比较。机构调整时可能不同，故为警告。",
            "This year's \"carried over from last year\" (table B, item 2) should equal last year's \"carried forward\" (item 4), column by column. Reorganisations can break it, hence a warning.",
        ],
        message: [
            "{column}列：本年上年结转为 {actual}，上年报告结转下年度为 {expected}",
            "Column {column}: carried over is {actual}, but last year's report carried forward {expected}",
        ],
    }

    /// 现行有效件数 continuity.
    GR602 {
        name: "in-force-continuity",
        severity: Warning,
        check: Yearly(in_force),
        title: ["现行有效件数与上年不衔接", "Documents in force do not follow from last year"],
        explanation: [
            "现行有效件数（本年）应等于上年现行有效件数加本年制发件数减本年废止件数（规章和行政规范性文件分别计）。文件修订、清理可能使其不同，故为警告。",
            "Documents in force this year should equal last year's in force plus those issued minus those repealed this year (rules and normative documents separately). Revisions and clean-ups can break it, hence a warning.",
        ],
        message: [
            "{cell}为 {actual}，按上年 {previous} 加本年制发 {issued} 减废止 {repealed} 应为 {expected}",
            "{cell} is {actual}; last year's {previous} plus {issued} issued minus {repealed} repealed is {expected}",
        ],
    }

    /// Agency changed.
    GR603 {
        name: "agency-changed",
        severity: Info,
        check: Yearly(agency_changed),
        title: ["报告机关与上年不同", "The agency differs from last year's"],
        explanation: [
            "两年报告的机关名称或类型不同：可能是机构改革，也可能比较了错误的报告。",
            "The two years' reports name a different agency or kind: a reorganisation, or the wrong report compared.",
        ],
        message: ["报告机关与上年不同：{previous} → {current}", "The agency differs from last year's: {previous} → {current}"],
    }

    /// Years not consecutive.
    GR604 {
        name: "years-not-consecutive",
        severity: Warning,
        check: Yearly(years_not_consecutive),
        title: ["两份报告的年度不相接", "The two reports' years do not follow each other"],
        explanation: ["与上年比较的报告应为前一年度的报告。", "A report compared with last year's should be the report of the year before."],
        message: ["上年报告为 {previous} 年度，本年报告为 {year} 年度", "Last year's report is for {previous}, this one for {year}"],
    }

    /// Sudden jump.
    GR605 {
        name: "sudden-jump",
        severity: Info,
        check: Yearly(sudden_jump),
        title: ["数字与上年相比骤变", "A figure changed sharply from last year"],
        explanation: [
            "本年新收申请、行政许可或行政处罚数量与上年相比增减五倍以上（较大者不少于10），值得核实是否录入错误。",
            "New requests, licensing or penalty decisions changed fivefold or more from last year (the larger at least 10): worth checking for a typing error.",
        ],
        message: ["{cell}由上年 {previous} 变为 {actual}（{ratio} 倍）", "{cell} went from {previous} last year to {actual} ({ratio}×)"],
    }

    /// Copied prose.
    GR606 {
        name: "copied-from-last-year",
        severity: Warning,
        check: Yearly(copied_from_last_year),
        title: ["文字与上年报告雷同", "Text copied from last year's report"],
        explanation: [
            "总体情况、存在的主要问题及改进情况与上年报告高度相似（去掉数字、标点后的四字片段重合率不低于阈值，默认0.8），属于上级通报中的“内容雷同”。",
            "Part 一 or 五 is nearly the same as last year's (the share of common 4-character pieces, digits and punctuation aside, at or above the threshold, 0.8 by default): what supervising offices call copy-paste content.",
        ],
        message: [
            "“{part}”与上年报告的相似度为 {similarity}（阈值 {threshold}）",
            "\"{part}\" is {similarity} similar to last year's report (threshold {threshold})",
        ],
    }
}
