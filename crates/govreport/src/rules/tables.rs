//! Arithmetic of the tables: GR101–GR104 (table A, fees), GR201–GR203 (table B), GR301 (table C).

use rust_decimal::Decimal;

use super::arith::{Side, Verdict, equation};
use super::{Code, Ctx, Param, define_rules};
use crate::cells::{self, CASE_TOTAL, CellKind, Loc, TOTAL};
use crate::labels::{self, Role};
use crate::model::{Cell, CellRef, Count, Dec, Format, Layout, Report, RowId};

/// GR101: in the 2019 template's first block (规章, 规范性文件), 对外公开总数量 (column 2) is at
/// least 本年新公开数量 (column 1).
fn published_total_2019(report: &Report, ctx: &mut Ctx) {
    let format = report.format();
    if format != Format::F2019 {
        return;
    }
    for row in 0..2 {
        let (published, total) = (Loc::Proactive { block: 0, row, column: 1 }, Loc::Proactive { block: 0, row, column: 2 });
        if let (Some(total_n), Some(new)) = (report.count(total), report.count(published))
            && total_n < new
        {
            ctx.hit(Code::GR101, cells::pointer(format, total))
                .related(vec![cells::pointer(format, published).to_string()])
                .expected(new)
                .actual(total_n)
                .emit();
        }
    }
}

/// GR102: every signed 本年增/减 of the 2019 template, added to the 上一年项目数量 of its row
/// (the row's first column), stays ≥ 0.
fn item_change_2019(report: &Report, ctx: &mut Ctx) {
    let format = report.format();
    if format != Format::F2019 {
        return;
    }
    for def in cells::figures(format).filter(|c| c.kind == CellKind::SignedCount) {
        let Loc::Proactive { block, row, .. } = def.loc else { continue };
        let previous = Loc::Proactive { block, row, column: 0 };
        if let (Some(prev), Some(CellRef::Signed(Cell::Value(change)))) = (report.count(previous), report.cell(def.loc)) {
            let now = i128::from(prev) + i128::from(*change);
            if now < 0 {
                ctx.hit(Code::GR102, def.pointer)
                    .related(vec![cells::pointer(format, previous).to_string()])
                    .text("previous", prev)
                    .text("change", format!("{change:+}"))
                    .expected(0)
                    .actual(now)
                    .emit();
            }
        }
    }
}

/// A row of table B: its label and its seven cells.
pub(crate) type Row = (&'static labels::RowLabel, [Count; 7]);

/// The rows of table B of a template report that the document holds (none for the 2007
/// regime), read once per check ([`Ctx::request_rows`]).
pub(super) fn request_rows(report: &Report, ctx: &Ctx) -> std::rc::Rc<[Row]> {
    ctx.request_rows
        .get_or_init(|| {
            // A 2021 document's single （六） row takes part as a result.
            labels::request_rows_in(report.format(), report.layout()).filter_map(|rl| Some((rl, report.request_row(rl.row?)?.cells().map(|c| *c)))).collect()
        })
        .clone()
}

/// Calls `f` with the rows of table B (see [`request_rows`]), when there are any.
fn with_requests(report: &Report, ctx: &mut Ctx, f: impl FnOnce(&mut Ctx, &[Row])) {
    let rows = request_rows(report, ctx);
    if !rows.is_empty() {
        f(ctx, &rows)
    }
}

/// The pointer of column `c` of a row of table B.
fn at(format: Format, rl: &labels::RowLabel, c: usize) -> String {
    rl.row.map_or_else(String::new, |row| cells::pointer(format, Loc::request(row, c as u8)).to_string())
}

/// The rows of `role`.
fn of(rows: &[Row], role: Role) -> impl Iterator<Item = &Row> {
    rows.iter().filter(move |(rl, _)| rl.role == role)
}

/// The sums of the rows of `roles`, column by column, in one pass over the rows.
fn column_sides(rows: &[Row], roles: &[Role]) -> [Side; 7] {
    let mut sides = [Side::default(); 7];
    for (_, cells) in rows.iter().filter(|(rl, _)| roles.contains(&rl.role)) {
        for (side, cell) in sides.iter_mut().zip(cells) {
            side.add(cell);
        }
    }
    sides
}

/// B1: 一 + 二 = （七） + 四, column by column.
fn requests_balance(report: &Report, ctx: &mut Ctx) {
    let format = report.format();
    with_requests(report, ctx, |ctx, rows| {
        let intakes = column_sides(rows, &[Role::Intake]);
        let outcomes = column_sides(rows, &[Role::ResultsTotal, Role::CarriedForward]);
        for (c, col) in labels::REQUEST_COLUMNS.iter().enumerate() {
            let at = |rl: &labels::RowLabel| at(format, rl, c);
            match equation(intakes[c], outcomes[c]) {
                Verdict::Holds => {}
                Verdict::NotAssessable => ctx.not_assessable(Code::GR201, of(rows, Role::Intake).next().map_or_else(String::new, |(rl, _)| at(rl))),
                Verdict::Fails { left, right } => {
                    let mut cells: Vec<String> =
                        of(rows, Role::Intake).chain(of(rows, Role::ResultsTotal)).chain(of(rows, Role::CarriedForward)).map(|(rl, _)| at(rl)).collect();
                    let first = cells.remove(0);
                    ctx.hit(Code::GR201, first).related(cells).param("column", Param::Label(col)).expected(left).actual(right).emit();
                }
            }
        }
    });
}

/// B2: （七） = Σ results, column by column.
fn results_total(report: &Report, ctx: &mut Ctx) {
    let format = report.format();
    with_requests(report, ctx, |ctx, rows| {
        let total_row = of(rows, Role::ResultsTotal).next().map(|(rl, _)| *rl);
        let results = column_sides(rows, &[Role::Result]);
        let stated = column_sides(rows, &[Role::ResultsTotal]);
        for (c, col) in labels::REQUEST_COLUMNS.iter().enumerate() {
            let total_at = || total_row.map_or_else(String::new, |rl| at(format, rl, c));
            match equation(results[c], stated[c]) {
                Verdict::Holds => {}
                Verdict::NotAssessable => ctx.not_assessable(Code::GR202, total_at()),
                Verdict::Fails { left, right } => {
                    let related = of(rows, Role::Result).map(|(rl, _)| at(format, rl, c)).collect();
                    ctx.hit(Code::GR202, total_at()).related(related).param("column", Param::Label(col)).expected(left).actual(right).emit();
                }
            }
        }
    });
}

/// B3: every row's 总计 = the six applicant columns.
fn row_total(report: &Report, ctx: &mut Ctx) {
    let format = report.format();
    let total_col = labels::REQUEST_COLUMNS.len() - 1;
    with_requests(report, ctx, |ctx, rows| {
        for (rl, cells) in rows {
            let parts = Side::of(&cells[..total_col]);
            let total = Side::of([&cells[total_col]]);
            // Pointers are built only for a finding: a clean report allocates none.
            let path = || at(format, rl, total_col);
            match equation(parts, total) {
                Verdict::Holds => {}
                Verdict::NotAssessable => ctx.not_assessable(Code::GR203, path()),
                Verdict::Fails { left, right } => {
                    let related = (0..total_col).map(|c| at(format, rl, c)).collect();
                    ctx.hit(Code::GR203, path()).related(related).expected(left).actual(right).emit();
                }
            }
        }
    });
}

/// C1: each group's 总计 = its four outcomes.
fn case_total(report: &Report, ctx: &mut Ctx) {
    let format = report.format();
    let at = |group: usize, column: usize| cells::pointer(format, Loc::Review { group: group as u8, column: column as u8 }).to_string();
    for group in 0..labels::REVIEW_GROUPS.len() {
        let cell = |column: usize| report.count_cell(Loc::Review { group: group as u8, column: column as u8 });
        let Some(total) = cell(CASE_TOTAL.into()) else { return };
        let path = || at(group, CASE_TOTAL.into());
        match equation(Side::of((0..usize::from(CASE_TOTAL)).filter_map(cell)), Side::of([total])) {
            Verdict::Holds => {}
            Verdict::NotAssessable => ctx.not_assessable(Code::GR301, path()),
            Verdict::Fails { left, right } => {
                let related = (0..usize::from(CASE_TOTAL)).map(|c| at(group, c)).collect();
                ctx.hit(Code::GR301, path()).related(related).expected(left).actual(right).emit();
            }
        }
    }
}

/// Whether the report gives part 六's processing fees.
fn fees_given(report: &Report) -> bool {
    match report {
        Report::F2021(r) => r.processing_fees.is_some(),
        Report::F2019(r) => r.processing_fees.is_some(),
        Report::F2007(_) => false,
    }
}

/// The amount at `loc`, when the cell holds one.
fn amount(report: &Report, loc: Loc) -> Option<Dec> {
    match report.cell(loc)? {
        CellRef::Amount(Cell::Value(d)) => Some(*d),
        _ => None,
    }
}

/// GR103: the processing fees collected are not more than those billed.
fn fees_collected(report: &Report, ctx: &mut Ctx) {
    if !fees_given(report) {
        return;
    }
    let (billed_at, collected_at) = (Loc::Fee(1), Loc::Fee(2));
    if let (Some(billed), Some(collected)) = (amount(report, billed_at), amount(report, collected_at)) {
        // Each written amount stands for an interval of ± half a unit of its last decimal.
        let low_collected: Decimal = collected.0 - collected.half_unit();
        let high_billed: Decimal = billed.0 + billed.half_unit();
        if low_collected > high_billed {
            let format = report.format();
            ctx.hit(Code::GR103, cells::pointer(format, collected_at))
                .related(vec![cells::pointer(format, billed_at).to_string()])
                .expected(billed)
                .actual(collected)
                .emit();
        }
    }
}

/// GR104: requests closed for an unpaid fee (（六）2, 2021 only) are not more than the fee
/// notices issued.
fn fee_lapse(report: &Report, ctx: &mut Ctx) {
    if !fees_given(report) {
        return;
    }
    let (notices_at, lapsed_at) = (Loc::Fee(0), Loc::request(RowId::FeeUnpaid, TOTAL));
    if report.layout() == Layout::SingleOther {
        // （六） is one row: how many of it lapsed unpaid is not published.
        if report.count(notices_at).is_some() {
            ctx.not_assessable(Code::GR104, cells::pointer(report.format(), Loc::request(RowId::OtherSingle, TOTAL)));
        }
        return;
    }
    if let (Some(notices), Some(lapsed)) = (report.count(notices_at), report.count(lapsed_at))
        && lapsed > notices
    {
        let format = report.format();
        ctx.hit(Code::GR104, cells::pointer(format, lapsed_at))
            .related(vec![cells::pointer(format, notices_at).to_string()])
            .expected(notices)
            .actual(lapsed)
            .emit();
    }
}

define_rules! {
    /// 2019: total published below newly published.
    GR101 {
        name: "published-total-2019",
        severity: Error,
        check: Report(published_total_2019),
        title: ["对外公开总数量小于本年新公开数量", "Published in total is below newly published"],
        explanation: [
            "2019年格式表二中，“对外公开总数量”是累计数，包含本年新公开的文件，不能小于“本年新公开数量”。",
            "In the 2019 template, \"published in total\" is cumulative and includes this year's newly published documents, so it cannot be smaller than \"newly published this year\".",
        ],
        message: ["{cell}为 {actual}，小于本年新公开数量 {expected}", "{cell} is {actual}, below the {expected} newly published this year"],
    }

    /// 2019: item count would go negative.
    GR102 {
        name: "item-change-2019",
        severity: Error,
        check: Report(item_change_2019),
        title: ["本年增/减使项目数量为负", "Change this year makes the item count negative"],
        explanation: [
            "2019年格式中“本年增/减”是有符号数，上一年项目数量加本年增/减为本年项目数量，不能小于0。例：上一年5项，本年减8项。",
            "In the 2019 template the change this year is signed; last year's items plus the change is this year's count, which cannot be below zero. Example: 5 items last year, 8 fewer this year.",
        ],
        message: [
            "{cell}：上一年 {previous} 项加本年增/减 {change} 为 {actual}，不能为负",
            "{cell}: {previous} items last year plus a change of {change} gives {actual}, below zero",
        ],
    }

    /// Fees collected above billed.
    GR103 {
        name: "fees-collected",
        severity: Warning,
        check: Report(fees_collected),
        title: ["实收信息处理费多于收费通知金额", "Processing fees collected exceed the amount billed"],
        explanation: [
            "国办函〔2020〕109号：行政机关按收费通知收取信息处理费，实际收取的金额不应多于通知的金额。金额按书写精度比较（±末位半个单位）。",
            "Under 国办函〔2020〕109号 fees are collected on fee notices, so the amount collected should not exceed the amount billed. Amounts are compared with their written precision (± half a unit of the last decimal).",
        ],
        message: ["实收信息处理费 {actual} 元多于收费通知金额 {expected} 元", "Fees collected ({actual} yuan) exceed the amount billed ({expected} yuan)"],
    }

    /// Lapsed fee notices without notices.
    GR104 {
        name: "fee-lapse-notices",
        severity: Warning,
        check: Report(fee_lapse),
        title: ["逾期未缴费件数多于收费通知件数", "More lapsed fee notices than notices issued"],
        explanation: [
            "表三（六）2“申请人逾期未按收费通知要求缴纳费用”的件数以发出收费通知为前提，不能多于第六部分报告的收费通知件数。",
            "Requests closed because the fee was not paid (table B (6)2) each had a fee notice, so they cannot outnumber the fee notices reported in part 六.",
        ],
        message: ["逾期未缴费 {actual} 件，多于发出收费通知 {expected} 件", "{actual} requests lapsed unpaid but only {expected} fee notices were issued"],
    }

    /// B1.
    GR201 {
        name: "requests-balance",
        severity: Error,
        check: Report(requests_balance),
        title: ["表三第一项加第二项不等于第三项加第四项", "Table B: item 1 + item 2 ≠ item 3 + item 4"],
        explanation: [
            "表三每一列的勾稽关系印在表上：本年新收加上年结转，等于本年度办理结果总计加结转下年度继续办理。不相等说明有申请被漏记或重复计数。",
            "Printed on table B: for every column, new requests plus those carried over equal the total of results plus those carried forward. A difference means requests were lost or counted twice.",
        ],
        message: [
            "{column}列：新收与上年结转之和为 {expected}，办理结果总计与结转下年度之和为 {actual}",
            "Column {column}: new plus carried over is {expected}, results total plus carried forward is {actual}",
        ],
    }

    /// B2.
    GR202 {
        name: "results-total",
        severity: Error,
        check: Report(results_total),
        title: ["表三（七）总计不等于各项办理结果之和", "Table B: (7) total ≠ sum of the results"],
        explanation: [
            "（七）总计是（一）予以公开、（二）部分公开、（三）不予公开1—8、（四）无法提供1—3、（五）不予处理1—5、（六）其他处理各项之和。区分处理的申请只计入（二）。",
            "(7) Total is the sum of (1) granted, (2) partially granted, (3) withheld 1-8, (4) unable 1-3, (5) not processed 1-5 and (6) other handling. A request handled in parts counts under (2) only.",
        ],
        message: [
            "{column}列：各项办理结果之和为 {expected}，（七）总计填 {actual}",
            "Column {column}: the results add up to {expected}, but (7) total says {actual}",
        ],
    }

    /// B3.
    GR203 {
        name: "row-total",
        severity: Error,
        check: Report(row_total),
        title: ["表三某行总计不等于各类申请人之和", "Table B: a row's total ≠ sum of its applicant columns"],
        explanation: [
            "表三每一行的“总计”等于“自然人”与“法人或其他组织”五列（商业企业、科研机构、社会公益组织、法律服务机构、其他）之和。",
            "In every row of table B the total equals natural persons plus the five columns of legal persons and other organisations.",
        ],
        message: ["{cell}：各类申请人之和为 {expected}，总计填 {actual}", "{cell}: the applicant columns add up to {expected}, but the total says {actual}"],
    }

    /// C1.
    GR301 {
        name: "case-total",
        severity: Error,
        check: Report(case_total),
        title: ["表四总计不等于各结果之和", "Table C: total ≠ sum of outcomes"],
        explanation: [
            "表四行政复议、未经复议直接起诉、复议后起诉三组中，“总计”等于结果维持、结果纠正、其他结果、尚未审结之和。",
            "In each of the three groups of table C (review, direct lawsuits, lawsuits after review), the total equals upheld + corrected + other + pending.",
        ],
        message: ["{cell}：各结果之和为 {expected}，总计填 {actual}", "{cell}: the outcomes add up to {expected}, but the total says {actual}"],
    }
}
