//! GR601–GR606: a report against the same unit's report of the year before.

use serde_json::Value;

use super::{Ctx, GR601, GR602, GR603, GR604, GR605, GR606, Param};
use crate::across::similarity::similarity;
use crate::labels;
use crate::model::{Format, Report};

/// A change by this factor or more (either way) is a sudden jump, when the larger figure is
/// at least [`JUMP_MIN`].
pub const JUMP_FACTOR: u64 = 5;
/// Smaller figures move a lot by chance and are not reported as jumps.
pub const JUMP_MIN: u64 = 10;

fn count(v: &Value, p: &str) -> Option<u64> {
    v.pointer(p).and_then(Value::as_u64)
}

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

pub(crate) fn run(previous: &Report, current: &Report, ctx: &mut Ctx, threshold: f64) {
    let (p, c) = (previous.meta(), current.meta());
    if c.year != p.year + 1 {
        ctx.hit(&GR604, "/year").text("previous", p.year).text("year", c.year).expected(p.year + 1).actual(c.year).emit();
    }
    if c.agency.name != p.agency.name {
        ctx.hit(&GR603, "/agency/name").text("previous", &p.agency.name).text("current", &c.agency.name).emit();
    }
    if c.agency.kind != p.agency.kind {
        ctx.hit(&GR603, "/agency/kind").text("previous", p.agency.kind.as_str()).text("current", c.agency.kind.as_str()).emit();
    }
    let (pv, cv) = (serde_json::to_value(previous).unwrap_or(Value::Null), serde_json::to_value(current).unwrap_or(Value::Null));
    let tables = p.format != Format::F2007 && c.format != Format::F2007;
    if tables {
        // GR601: this year's 上年结转 = last year's 结转下年度继续办理, column by column.
        for col in labels::REQUEST_COLUMNS {
            let (was, now) = (format!("/requests/carried_forward/{}", col.id), format!("/requests/carried_over/{}", col.id));
            match (count(&pv, &was), count(&cv, &now)) {
                (Some(a), Some(b)) if a != b => ctx.hit(&GR601, now).param("column", Param::Label(col)).expected(a).actual(b).emit(),
                (Some(_), Some(_)) => {}
                _ => ctx.not_assessable(&GR601, now),
            }
        }
        // GR605: sudden jumps in the figures supervisors watch.
        let watched: &[(&str, &str)] = &[
            ("/requests/new/total", "/requests/new/total"),
            (
                if p.format == Format::F2021 { "/proactive/licensing" } else { "/proactive/licensing/decisions" },
                if c.format == Format::F2021 { "/proactive/licensing" } else { "/proactive/licensing/decisions" },
            ),
            (
                if p.format == Format::F2021 { "/proactive/penalty" } else { "/proactive/penalty/decisions" },
                if c.format == Format::F2021 { "/proactive/penalty" } else { "/proactive/penalty/decisions" },
            ),
        ];
        for (was, now) in watched {
            if let (Some(a), Some(b)) = (count(&pv, was), count(&cv, now)) {
                let (lo, hi) = (a.min(b), a.max(b));
                if hi >= JUMP_MIN && hi >= lo.saturating_mul(JUMP_FACTOR) {
                    let ratio = if lo == 0 { "∞".to_string() } else { format!("{:.1}", b as f64 / a as f64) };
                    ctx.hit(&GR605, *now).text("previous", a).text("ratio", ratio).actual(b).emit();
                }
            }
        }
    }
    // GR602: 现行有效件数 carried on: last year's + issued − repealed.
    if p.format == Format::F2021 && c.format == Format::F2021 {
        for row in ["/proactive/rules", "/proactive/normative_documents"] {
            let get = |v: &Value, k: &str| count(v, &format!("{row}/{k}"));
            match (get(&pv, "in_force"), get(&cv, "issued"), get(&cv, "repealed"), get(&cv, "in_force")) {
                (Some(before), Some(issued), Some(repealed), Some(now)) => {
                    let want = i128::from(before) + i128::from(issued) - i128::from(repealed);
                    if want != i128::from(now) {
                        ctx.hit(&GR602, format!("{row}/in_force"))
                            .related(vec![format!("{row}/issued"), format!("{row}/repealed")])
                            .text("previous", before)
                            .text("issued", issued)
                            .text("repealed", repealed)
                            .expected(want)
                            .actual(now)
                            .emit();
                    }
                }
                _ => ctx.not_assessable(&GR602, format!("{row}/in_force")),
            }
        }
    }
    // GR606: prose copied from last year's report (内容雷同).
    let before = prose(previous);
    for (path, text) in prose(current) {
        let Some((_, old)) = before.iter().find(|(p, _)| *p == path).or(before.first()) else { continue };
        if let Some(s) = similarity(old, &text)
            && s >= threshold
        {
            let part = labels::lookup(c.format, path).or_else(|| labels::lookup(c.format, "/sections"));
            let mut hit = ctx.hit(&GR606, path).text("similarity", format!("{s:.2}")).text("threshold", format!("{threshold:.2}"));
            if let Some(l) = part {
                hit = hit.param("part", Param::Label(l));
            }
            hit.emit();
        }
    }
}
