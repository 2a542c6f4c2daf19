//! GR801–GR804: the 2007 regime — contents of 第三十二条, stated breakdowns and percentages.

use rust_decimal::Decimal;

use super::{Code, Ctx, Param, define_rules};
use crate::labels;
use crate::model::{Cell, Figure, Report, Report2007};

/// A 2007-regime report.
fn regime_2007(report: &Report) -> Option<&Report2007> {
    match report {
        Report::F2007(r) => Some(r),
        _ => None,
    }
}

fn contents(report: &Report, ctx: &mut Ctx) {
    let Some(r) = regime_2007(report) else { return };
    for item in labels::CONTENTS_2007.iter().filter(|i| i.required) {
        let covered = r.sections.iter().any(|s| item.label.aliases.iter().any(|a| s.heading.contains(a)));
        if !covered {
            ctx.hit(Code::GR801, "/sections").param("item", Param::Label(&item.label)).emit();
        }
    }
}

/// Whether a part of a breakdown is the catch-all 其他….
pub fn is_catch_all(label: &str) -> bool {
    let l = label.trim();
    l.starts_with(labels::CATCH_ALL.name.zh) || labels::CATCH_ALL.aliases.iter().any(|a| l.starts_with(a))
}

/// The sum of a figure's parts, and whether every part gives its count ("/" is left out).
fn parts_sum(f: &Figure) -> (u128, bool) {
    let mut sum: u128 = 0;
    let mut complete = true;
    for p in &f.breakdown {
        match p.count {
            Cell::Value(v) => sum += u128::from(v),
            Cell::NotApplicable => {}
            Cell::Blank | Cell::Absent => complete = false,
        }
    }
    (sum, complete)
}

/// GR802 on breakdowns with a catch-all, GR803 on those without.
fn breakdowns(report: &Report, ctx: &mut Ctx, catch_all: bool) {
    let Some(r) = regime_2007(report) else { return };
    let code = if catch_all { Code::GR802 } else { Code::GR803 };
    for (i, f) in r.figures.iter().enumerate() {
        if f.breakdown.is_empty() || f.breakdown.iter().any(|p| is_catch_all(&p.label)) != catch_all {
            continue;
        }
        let base = format!("/figures/{i}");
        let (sum, complete) = parts_sum(f);
        let (Cell::Value(total), true) = (f.total, complete) else {
            ctx.not_assessable(code, format!("{base}/total"));
            continue;
        };
        let total = u128::from(total);
        let parts = || (0..f.breakdown.len()).map(|j| format!("{base}/breakdown/{j}/count")).collect();
        if catch_all && sum != total {
            ctx.hit(code, format!("{base}/total")).related(parts()).text("label", &f.label).expected(sum).actual(total).emit();
        } else if !catch_all && sum > total {
            ctx.hit(code, format!("{base}/total")).related(parts()).text("label", &f.label).expected(total).actual(sum).emit();
        }
    }
}

fn breakdown_sum(report: &Report, ctx: &mut Ctx) {
    breakdowns(report, ctx, true);
}

fn breakdown_exceeds(report: &Report, ctx: &mut Ctx) {
    breakdowns(report, ctx, false);
}

fn percentages(report: &Report, ctx: &mut Ctx) {
    let Some(r) = regime_2007(report) else { return };
    for (i, f) in r.figures.iter().enumerate() {
        let base = format!("/figures/{i}");
        let Cell::Value(total) = f.total else { continue };
        for (j, p) in f.breakdown.iter().enumerate() {
            let (Cell::Value(stated), Cell::Value(count)) = (p.percent, p.count) else { continue };
            if total == 0 {
                ctx.not_assessable(Code::GR804, format!("{base}/breakdown/{j}/percent"));
                continue;
            }
            let exact = Decimal::from(count) * Decimal::from(100) / Decimal::from(total);
            let shown = exact.round_dp(stated.scale());
            if (exact - stated.0).abs() > stated.half_unit() {
                ctx.hit(Code::GR804, format!("{base}/breakdown/{j}/percent"))
                    .related(vec![format!("{base}/breakdown/{j}/count"), format!("{base}/total")])
                    .text("label", &f.label)
                    .text("part", &p.label)
                    .text("count", count)
                    .text("total", total)
                    .expected(shown)
                    .actual(stated)
                    .emit();
            }
        }
    }
}

define_rules! {
    /// 2007 content missing.
    GR801 {
        name: "content-missing-2007",
        severity: Error,
        check: Report(contents),
        title: ["缺少第三十二条规定的内容", "A content item of article 32 is missing"],
        explanation: [
            "国务院令第492号第三十二条规定年度报告应当包括：（一）主动公开政府信息的情况；（二）依申请公开政府信息和不予公开政府信息的情况；（三）政府信息公开的收费及减免情况；（四）因政府信息公开申请行政复议、提起行政诉讼的情况；（五）存在的主要问题及改进情况；（六）其他需要报告的事项（无事可报时可略）。按各部分标题判断。",
            "Article 32 of the 2007 regulations requires: (1) proactive disclosure; (2) disclosure on request and information withheld; (3) fees and waivers; (4) reviews and lawsuits; (5) problems and improvements; (6) other matters (may be left out when there is nothing to report). Judged by the headings of the parts.",
        ],
        message: ["报告没有关于“{item}”的部分", "The report has no part on \"{item}\""],
    }

    /// 2007 breakdown with catch-all not adding up.
    GR802 {
        name: "breakdown-sum",
        severity: Error,
        check: Report(breakdown_sum),
        title: ["分项之和不等于所述总数", "The parts do not add up to the stated total"],
        explanation: [
            "“共…条，其中：…”式的表述若列有“其他”类，即声称分项完整，各分项之和必须等于总数。例：共主动公开3025条，各分项之和为3017条。",
            "A statement \"in total N, of which …\" whose parts include a catch-all (其他…) claims to be complete, so its parts must add up to the total exactly. Example: 3025 stated, parts adding up to 3017.",
        ],
        message: ["{label}：分项之和为 {expected}，与所述总数 {actual} 不符", "{label}: the parts add up to {expected}, not the stated {actual}"],
    }

    /// 2007 breakdown without catch-all exceeding.
    GR803 {
        name: "breakdown-exceeds",
        severity: Error,
        check: Report(breakdown_exceeds),
        title: ["分项之和超过所述总数", "The parts exceed the stated total"],
        explanation: [
            "没有“其他”类的分项列举可以不完整，但各分项之和不能超过总数。",
            "A breakdown without a catch-all may be partial, but its parts cannot add up to more than the total.",
        ],
        message: ["{label}：分项之和 {actual} 超过所述总数 {expected}", "{label}: the parts add up to {actual}, more than the stated total {expected}"],
    }

    /// 2007 percentage.
    GR804 {
        name: "percentage",
        severity: Error,
        check: Report(percentages),
        title: ["百分比与数字不符", "A percentage does not match its count"],
        explanation: [
            "文中所述百分比应等于分项数除以总数，误差不超过所写精度的半个单位。例：总数200、分项50，应为25%。",
            "A stated percentage must equal the part divided by the total, within half a unit of its written precision. Example: 50 of 200 is 25%.",
        ],
        message: [
            "{label}「{part}」：所述 {actual}% 与 {count}/{total} = {expected}% 不符",
            "{label}, {part}: the stated {actual}% does not match {count}/{total} = {expected}%",
        ],
    }
}
