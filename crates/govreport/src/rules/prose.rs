//! GR401–GR405: the prose parts of a 2019/2021 report and the numbers they quote.

use super::{Ctx, GR401, GR402, GR403, GR404, GR405, Param};
use crate::labels::{self, Label};
use crate::model::{Agency, AgencyKind, Cell, Count, Format, OtherRows, RequestRow, Requests, ReviewLitigation, RowId, Sections};
use crate::text::{Stated, statements};

/// Part 五 shorter than this (in characters) is perfunctory.
pub const MIN_PROBLEMS_CHARS: usize = 30;
/// Part 五 shorter than this that only denies having problems is perfunctory too.
pub const SHORT_PROBLEMS_CHARS: usize = 80;
/// Words that deny there is any problem: "未发现存在的主要问题", "暂无需要改进的情况".
const DENIALS: &[&str] = &["未发现", "没有发现", "不存在", "暂无", "无明显", "没有问题", "无问题", "未发现问题"];

fn mentions(text: &str, label: &Label) -> bool {
    text.contains(label.zh) || label.aliases.iter().any(|a| text.contains(a))
}

pub(crate) fn check<O: OtherRows>(s: &Sections, agency: &Agency, req: &Requests<O>, rl: &ReviewLitigation, ctx: &mut Ctx) {
    let parts = [(&s.overview, &labels::PARTS[0].label), (&s.problems, &labels::PARTS[4].label), (&s.other_matters, &labels::PARTS[5].label)];
    for (text, label) in parts {
        if text.as_deref().is_none_or(|t| t.trim().is_empty()) {
            ctx.hit(&GR401, label.id).param("part", Param::Label(label)).emit();
        }
    }
    if let Some(problems) = s.problems.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let length = problems.chars().filter(|c| !c.is_whitespace()).count();
        let denies = DENIALS.iter().any(|d| problems.contains(d));
        if length < MIN_PROBLEMS_CHARS || (length < SHORT_PROBLEMS_CHARS && denies) {
            ctx.hit(&GR402, "/sections/problems").text("length", length).text("quote", problems).emit();
        }
    }
    let all: String = [&s.overview, &s.problems, &s.other_matters].iter().filter_map(|t| t.as_deref()).collect::<Vec<_>>().join("\n");
    // 条例第五十条第（四）项 asks this of 各级人民政府: governments, and the township governments
    // among `township` agencies (not 街道办事处, which are not 人民政府).
    let people_government = agency.kind == AgencyKind::Government || (agency.kind == AgencyKind::Township && agency.name.contains(labels::AGENCY_KINDS[0].zh));
    if people_government {
        let missing: Vec<&Label> = labels::GOVERNMENT_RESULTS.iter().filter(|l| !mentions(&all, l)).collect();
        if !missing.is_empty() {
            let (zh, en) = (missing.iter().map(|l| l.zh).collect::<Vec<_>>().join("、"), missing.iter().map(|l| l.en).collect::<Vec<_>>().join(", "));
            ctx.hit(&GR403, "/sections/overview").param("missing", Param::Both(zh, en)).emit();
        }
    }
    let Some(overview) = s.overview.as_deref() else { return };
    if ctx.format == Format::F2021 && !overview.trim().is_empty() {
        let missing: Vec<&Label> = labels::OVERVIEW_TOPICS_2021.iter().filter(|l| !mentions(overview, l)).collect();
        if !missing.is_empty() {
            let (zh, en) = (missing.iter().map(|l| l.zh).collect::<Vec<_>>().join("、"), missing.iter().map(|l| l.en).collect::<Vec<_>>().join(", "));
            ctx.hit(&GR405, "/sections/overview").param("missing", Param::Both(zh, en)).emit();
        }
    }
    if ctx.on(&GR404) {
        prose_against_tables(overview, req, rl, ctx);
    }
}

/// The table figure a statement names: its place, the cells it adds, and their sum.
fn table_figure<O: OtherRows>(what: Stated, req: &Requests<O>, rl: &ReviewLitigation) -> Option<(String, Vec<String>, u64)> {
    let rows = |ids: &[RowId]| -> Option<(Vec<String>, u64)> {
        let mut sum: u64 = 0;
        let mut cells = vec![];
        for id in ids {
            let Some(row) = req.row(*id) else { continue };
            let label = labels::REQUEST_ROWS.iter().find(|r| r.row == Some(*id))?;
            cells.push(format!("{}/total", label.label.id));
            sum = sum.checked_add(total(row)?)?;
        }
        (!cells.is_empty()).then_some((cells, sum))
    };
    let group = |path: &str, ids: &[RowId]| rows(ids).map(|(cells, sum)| (path.to_string(), cells, sum));
    let single = |id: RowId| rows(&[id]).map(|(mut cells, sum)| (cells.remove(0), vec![], sum));
    let case = |g: &crate::model::CaseRow, path: &str| value(&g.total).map(|v| (format!("{path}/total"), vec![], v));
    match what {
        Stated::New => single(RowId::New),
        Stated::CarriedOver => single(RowId::CarriedOver),
        Stated::Granted => single(RowId::Granted),
        Stated::PartiallyGranted => single(RowId::PartiallyGranted),
        Stated::CarriedForward => single(RowId::CarriedForward),
        Stated::Withheld => group(
            "/requests/withheld",
            &[
                RowId::StateSecret,
                RowId::ProhibitedByLaw,
                RowId::SecurityStability,
                RowId::ThirdParty,
                RowId::InternalAffairs,
                RowId::ProcessInfo,
                RowId::EnforcementFiles,
                RowId::InquiryMatters,
            ],
        ),
        Stated::Unable => group("/requests/unable", &[RowId::NotHeld, RowId::NeedsCreation, RowId::StillUnclear]),
        Stated::NotProcessed => {
            group("/requests/not_processed", &[RowId::Petition, RowId::Duplicate, RowId::Publication, RowId::Excessive, RowId::Confirmation])
        }
        Stated::Other => group("/requests/other", &[RowId::OtherSingle, RowId::NoCorrection, RowId::FeeUnpaid, RowId::OtherOther]),
        Stated::Reviews => case(&rl.review, "/review_litigation/review"),
        Stated::LawsuitsDirect => case(&rl.litigation_direct, "/review_litigation/litigation_direct"),
        Stated::LawsuitsAfterReview => case(&rl.litigation_after_review, "/review_litigation/litigation_after_review"),
        Stated::Lawsuits => {
            let (a, b) = (value(&rl.litigation_direct.total)?, value(&rl.litigation_after_review.total)?);
            Some(("/review_litigation/litigation_direct/total".into(), vec!["/review_litigation/litigation_after_review/total".into()], a.checked_add(b)?))
        }
    }
}

fn value(c: &Count) -> Option<u64> {
    match c {
        Cell::Value(v) => Some(*v),
        _ => None,
    }
}

fn total(r: &RequestRow) -> Option<u64> {
    value(&r.total)
}

fn prose_against_tables<O: OtherRows>(overview: &str, req: &Requests<O>, rl: &ReviewLitigation, ctx: &mut Ctx) {
    for st in statements(overview) {
        let Some((path, related, table)) = table_figure(st.what, req, rl) else { continue };
        if table != st.value {
            let mut hit = ctx.hit(&GR404, path).related(related).text("quote", &st.quote).expected(st.value).actual(table);
            if st.what == Stated::Lawsuits {
                hit = hit.param("cell", Param::Label(&labels::REVIEW_HEADERS[1]));
            }
            hit.emit();
        }
    }
}
