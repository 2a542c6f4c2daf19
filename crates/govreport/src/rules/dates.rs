//! GR501–GR504: when the report was published, against the deadline of its kind and regime.

use chrono::NaiveDate;

use super::{Code, Ctx, Param, define_rules};
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

/// The publication date, when the document gives one that is a calendar date.
fn published(report: &Report) -> Option<NaiveDate> {
    report.meta().published_on.and_then(|d| d.date())
}

/// Whether `date` is on or before the last day of the reporting year (GR502's case).
fn before_year_end(report: &Report, date: NaiveDate) -> bool {
    NaiveDate::from_ymd_opt(i32::from(report.meta().year), 12, 31).is_some_and(|end| date <= end)
}

fn published_late(report: &Report, ctx: &mut Ctx) {
    let meta = report.meta();
    let Some(text) = meta.published_on else {
        ctx.not_assessable(Code::GR501, "/published_on");
        return;
    };
    // A date that is no date (GR504) or is before the year ended (GR502) says nothing of lateness.
    let Some(date) = text.date().filter(|d| !before_year_end(report, *d)) else { return };
    match deadline(meta.format, meta.agency.kind, meta.year, ctx.opts.township_deadline) {
        None => ctx.not_assessable(Code::GR501, "/published_on"),
        Some(due) if date > due => {
            let kind = labels::agency_kind(meta.agency.kind.as_str());
            let mut hit = ctx.hit(Code::GR501, "/published_on").related(vec!["/agency/kind".into()]).expected(due).actual(date);
            if let Some(k) = kind {
                hit = hit.param("kind", Param::Label(k));
            }
            hit.emit();
        }
        Some(_) => {}
    }
}

fn published_early(report: &Report, ctx: &mut Ctx) {
    if let Some(date) = published(report)
        && before_year_end(report, date)
    {
        ctx.hit(Code::GR502, "/published_on").related(vec!["/year".into()]).actual(date).text("year", report.meta().year).emit();
    }
}

fn date_in_future(report: &Report, ctx: &mut Ctx) {
    let today = ctx.opts.today;
    if let Some(date) = published(report)
        && date > today
    {
        ctx.hit(Code::GR503, "/published_on").actual(date).text("today", today).emit();
    }
}

fn invalid_date(report: &Report, ctx: &mut Ctx) {
    if let Some(text) = report.meta().published_on
        && text.date().is_none()
    {
        ctx.hit(Code::GR504, "/published_on").actual(&text.0).emit();
    }
}

define_rules! {
    /// Late.
    GR501 {
        name: "published-late",
        severity: Error,
        check: Report(published_late),
        title: ["报告发布晚于法定期限", "Published after the deadline"],
        explanation: [
            "条例第四十九条：县级以上人民政府部门应于每年1月31日前向本级主管部门报送并向社会公布上一年度报告；县级以上地方人民政府的报告于3月31日前公布；乡镇人民政府、街道办事处的期限由各地确定（可设置，默认3月31日）。2019年以前（国务院令第492号第三十一条）均为3月31日前。",
            "Article 49: government departments publish by 31 January of the next year; people's governments by 31 March; townships and sub-districts by a locally set date (an option, 31 March when not set). Under the 2007 regulations (article 31) every report was due by 31 March.",
        ],
        message: ["发布日期 {actual} 晚于期限 {expected}（{kind}）", "Published on {actual}, after the deadline {expected} ({kind})"],
    }

    /// Before year end.
    GR502 {
        name: "published-early",
        severity: Error,
        check: Report(published_early),
        title: ["报告在年度结束前发布", "Published before the year ended"],
        explanation: [
            "年度报告统计全年数据，在报告年度12月31日之前发布的报告不可能完整。",
            "A report covers the whole year; one published on or before 31 December of its year cannot be complete.",
        ],
        message: ["发布日期 {actual} 早于报告年度结束（{year}年12月31日）", "Published on {actual}, before the year {year} ended"],
    }

    /// In the future.
    GR503 {
        name: "date-in-future",
        severity: Error,
        check: Report(date_in_future),
        title: ["发布日期在今天之后", "Publication date is in the future"],
        explanation: ["发布日期晚于今天，通常是录入错误。", "A publication date after today is usually a typing error."],
        message: ["发布日期 {actual} 在今天（{today}）之后", "Publication date {actual} is after today ({today})"],
    }

    /// Not a calendar date.
    GR504 {
        name: "invalid-date",
        severity: Error,
        check: Report(invalid_date),
        title: ["发布日期不是有效日期", "Publication date is not a calendar date"],
        explanation: ["发布日期须为实际存在的日期，如 2023-02-30 不存在。", "The publication date must exist; 2023-02-30 does not."],
        message: ["发布日期 {actual} 不是有效日期", "Publication date {actual} is not a calendar date"],
    }
}
