//! GR801–GR804: the 2007 regime — contents of 第三十二条, stated breakdowns and percentages.

use rust_decimal::Decimal;

use super::{Ctx, GR801, GR802, GR803, GR804, Param};
use crate::labels;
use crate::model::{Cell, Figure, Report2007};

pub(crate) fn check(r: &Report2007, ctx: &mut Ctx) {
    for item in labels::CONTENTS_2007.iter().filter(|i| i.required) {
        let covered = r.sections.iter().any(|s| item.label.aliases.iter().any(|a| s.heading.contains(a)));
        if !covered {
            ctx.hit(&GR801, "/sections").param("item", Param::Label(&item.label)).emit();
        }
    }
    for (i, f) in r.figures.iter().enumerate() {
        check_figure(i, f, ctx);
    }
}

/// Whether a part of a breakdown is the catch-all 其他….
pub fn is_catch_all(label: &str) -> bool {
    let l = label.trim();
    l.starts_with(labels::CATCH_ALL.zh) || labels::CATCH_ALL.aliases.iter().any(|a| l.starts_with(a))
}

fn check_figure(i: usize, f: &Figure, ctx: &mut Ctx) {
    let base = format!("/figures/{i}");
    if f.breakdown.is_empty() {
        return;
    }
    let parts: Vec<String> = (0..f.breakdown.len()).map(|j| format!("{base}/breakdown/{j}/count")).collect();
    let mut sum: u128 = 0;
    let mut complete = true;
    for p in &f.breakdown {
        match p.count {
            Cell::Value(v) => sum += u128::from(v),
            Cell::NotApplicable => {}
            Cell::Blank | Cell::Absent => complete = false,
        }
    }
    let catch_all = f.breakdown.iter().any(|p| is_catch_all(&p.label));
    let rule = if catch_all { &GR802 } else { &GR803 };
    match (f.total, complete) {
        (Cell::Value(total), true) => {
            let total = u128::from(total);
            if catch_all && sum != total {
                ctx.hit(&GR802, format!("{base}/total")).related(parts).text("label", &f.label).expected(sum).actual(total).emit();
            } else if !catch_all && sum > total {
                ctx.hit(&GR803, format!("{base}/total")).related(parts).text("label", &f.label).expected(total).actual(sum).emit();
            }
        }
        _ => ctx.not_assessable(rule, format!("{base}/total")),
    }
    let Cell::Value(total) = f.total else { return };
    for (j, p) in f.breakdown.iter().enumerate() {
        let (Cell::Value(stated), Cell::Value(count)) = (p.percent, p.count) else { continue };
        if total == 0 {
            ctx.not_assessable(&GR804, format!("{base}/breakdown/{j}/percent"));
            continue;
        }
        let exact = Decimal::from(count) * Decimal::from(100) / Decimal::from(total);
        let shown = exact.round_dp(stated.scale());
        if (exact - stated.0).abs() > stated.half_unit() {
            ctx.hit(&GR804, format!("{base}/breakdown/{j}/percent"))
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
