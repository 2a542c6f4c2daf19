//! GR501–GR504: when the report was published, against the deadline of its kind and regime.

use chrono::NaiveDate;

use super::{Ctx, GR501, GR502, GR503, GR504, Param};
use crate::labels;
use crate::model::{AgencyKind, Format, Report};

/// The last day a report of `kind` for `year` may be published, or None where no rule sets it.
pub fn deadline(format: Format, kind: AgencyKind, year: u16, township: (u32, u32)) -> Option<NaiveDate> {
    let next = i32::from(year) + 1;
    let (m, d) = match (format, kind) {
        (Format::F2007, _) => (3, 31),
        (_, AgencyKind::Department) => (1, 31),
        (_, AgencyKind::Government) => (3, 31),
        (_, AgencyKind::Township) => township,
        (_, AgencyKind::Other) => return None,
    };
    // 02-29 in a year without it falls back to 02-28.
    NaiveDate::from_ymd_opt(next, m, d).or_else(|| NaiveDate::from_ymd_opt(next, m, d - 1))
}

pub(crate) fn check(report: &Report, ctx: &mut Ctx) {
    let meta = report.meta();
    let Some(text) = meta.published_on else {
        ctx.not_assessable(&GR501, "/published_on");
        return;
    };
    let Some(date) = text.date() else {
        ctx.hit(&GR504, "/published_on").actual(&text.0).emit();
        return;
    };
    let today = ctx.opts.today;
    if date > today {
        ctx.hit(&GR503, "/published_on").actual(date).text("today", today).emit();
    }
    let year_end = NaiveDate::from_ymd_opt(i32::from(meta.year), 12, 31);
    if year_end.is_some_and(|end| date <= end) {
        ctx.hit(&GR502, "/published_on").related(vec!["/year".into()]).actual(date).text("year", meta.year).emit();
        return;
    }
    match deadline(meta.format, meta.agency.kind, meta.year, ctx.opts.township_deadline) {
        None => ctx.not_assessable(&GR501, "/published_on"),
        Some(due) if date > due => {
            let kind = labels::AGENCY_KINDS.iter().find(|k| k.id == meta.agency.kind.as_str());
            let mut hit = ctx.hit(&GR501, "/published_on").related(vec!["/agency/kind".into()]).expected(due).actual(date);
            if let Some(k) = kind {
                hit = hit.param("kind", Param::Label(k));
            }
            hit.emit();
        }
        Some(_) => {}
    }
}
