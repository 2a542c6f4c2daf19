//! Arithmetic of the tables: GR101–GR104 (table A, fees), GR201–GR203 (table B), GR301 (table C).

use rust_decimal::Decimal;

use super::arith::{Side, Verdict, equation};
use super::{Code, Ctx, Param, define_rules};
use crate::labels::{self, Role};
use crate::model::{Cell, Count, Format, ItemCounts2019, OtherRows, Proactive2019, ProcessingFees, Report, RequestRow, Requests};

/// Table A of a 2019 report.
fn proactive_2019(report: &Report) -> Option<&Proactive2019> {
    match report {
        Report::F2019(r) => Some(&r.proactive),
        _ => None,
    }
}

fn published_total_2019(report: &Report, ctx: &mut Ctx) {
    let Some(p) = proactive_2019(report) else { return };
    for (row, d) in [("/proactive/rules", &p.rules), ("/proactive/normative_documents", &p.normative_documents)] {
        if let (Cell::Value(total), Cell::Value(new)) = (d.total_published, d.published)
            && total < new
        {
            ctx.hit(Code::GR101, format!("{row}/total_published")).related(vec![format!("{row}/published")]).expected(new).actual(total).emit();
        }
    }
}

fn item_change_2019(report: &Report, ctx: &mut Ctx) {
    let Some(p) = proactive_2019(report) else { return };
    let items: [(&str, &ItemCounts2019); 4] = [
        ("/proactive/licensing", &p.licensing),
        ("/proactive/other_services", &p.other_services),
        ("/proactive/penalty", &p.penalty),
        ("/proactive/coercion", &p.coercion),
    ];
    let fees = ("/proactive/fees", (p.fees.previous_items, p.fees.change));
    for (row, (prev, change)) in items.iter().map(|(r, i)| (*r, (i.previous_items, i.change))).chain([fees]) {
        if let (Cell::Value(prev), Cell::Value(change)) = (prev, change) {
            let now = i128::from(prev) + i128::from(change);
            if now < 0 {
                ctx.hit(Code::GR102, format!("{row}/change"))
                    .related(vec![format!("{row}/previous_items")])
                    .text("previous", prev)
                    .text("change", format!("{change:+}"))
                    .expected(0)
                    .actual(now)
                    .emit();
            }
        }
    }
}

/// Calls `f` with table B of a template report.
fn with_requests(report: &Report, ctx: &mut Ctx, f: impl FnOnce(&mut Ctx, Vec<(&'static labels::RowLabel, &RequestRow)>)) {
    fn rows<O: OtherRows>(req: &Requests<O>, format: Format) -> Vec<(&'static labels::RowLabel, &RequestRow)> {
        labels::request_rows(format).filter_map(|rl| rl.row.and_then(|id| req.row(id)).map(|r| (rl, r))).collect()
    }
    let rows = match report {
        Report::F2021(r) => rows(&r.requests, Format::F2021),
        Report::F2019(r) => rows(&r.requests, Format::F2019),
        Report::F2007(_) => return,
    };
    f(ctx, rows)
}

/// The rows of `role`.
fn of<'r>(rows: &'r [(&'static labels::RowLabel, &'r RequestRow)], role: Role) -> impl Iterator<Item = &'r (&'static labels::RowLabel, &'r RequestRow)> {
    rows.iter().filter(move |(rl, _)| rl.role == role)
}

/// B1: 一 + 二 = （七） + 四, column by column.
fn requests_balance(report: &Report, ctx: &mut Ctx) {
    with_requests(report, ctx, |ctx, rows| {
        for (c, col) in labels::REQUEST_COLUMNS.iter().enumerate() {
            let at = |row: &str| format!("{row}/{}", col.id);
            let intake = Side::of(of(&rows, Role::Intake).map(|(_, r)| r.cells()[c]));
            let outcome = Side::of(of(&rows, Role::ResultsTotal).chain(of(&rows, Role::CarriedForward)).map(|(_, r)| r.cells()[c]));
            match equation(intake, outcome) {
                Verdict::Holds => {}
                Verdict::NotAssessable => ctx.not_assessable(Code::GR201, at("/requests/new")),
                Verdict::Fails { left, right } => {
                    let mut cells: Vec<String> = of(&rows, Role::Intake)
                        .chain(of(&rows, Role::ResultsTotal))
                        .chain(of(&rows, Role::CarriedForward))
                        .map(|(rl, _)| at(rl.label.id))
                        .collect();
                    let first = cells.remove(0);
                    ctx.hit(Code::GR201, first).related(cells).param("column", Param::Label(col)).expected(left).actual(right).emit();
                }
            }
        }
    });
}

/// B2: （七） = Σ results, column by column.
fn results_total(report: &Report, ctx: &mut Ctx) {
    with_requests(report, ctx, |ctx, rows| {
        for (c, col) in labels::REQUEST_COLUMNS.iter().enumerate() {
            let at = |row: &str| format!("{row}/{}", col.id);
            let results = Side::of(of(&rows, Role::Result).map(|(_, r)| r.cells()[c]));
            let stated = Side::of(of(&rows, Role::ResultsTotal).map(|(_, r)| r.cells()[c]));
            match equation(results, stated) {
                Verdict::Holds => {}
                Verdict::NotAssessable => ctx.not_assessable(Code::GR202, at("/requests/results_total")),
                Verdict::Fails { left, right } => {
                    let related = of(&rows, Role::Result).map(|(rl, _)| at(rl.label.id)).collect();
                    ctx.hit(Code::GR202, at("/requests/results_total")).related(related).param("column", Param::Label(col)).expected(left).actual(right).emit();
                }
            }
        }
    });
}

/// B3: every row's 总计 = the six applicant columns.
fn row_total(report: &Report, ctx: &mut Ctx) {
    let total_col = labels::REQUEST_COLUMNS.len() - 1;
    with_requests(report, ctx, |ctx, rows| {
        for (rl, row) in &rows {
            let cells = row.cells();
            let parts = Side::of(cells[..total_col].iter().copied());
            let total = Side::of([cells[total_col]]);
            // Pointers are built only for a finding: a clean report allocates none.
            let path = || format!("{}/total", rl.label.id);
            match equation(parts, total) {
                Verdict::Holds => {}
                Verdict::NotAssessable => ctx.not_assessable(Code::GR203, path()),
                Verdict::Fails { left, right } => {
                    let related = labels::REQUEST_COLUMNS[..total_col].iter().map(|c| format!("{}/{}", rl.label.id, c.id)).collect();
                    ctx.hit(Code::GR203, path()).related(related).expected(left).actual(right).emit();
                }
            }
        }
    });
}

/// C1: each group's 总计 = its four outcomes.
fn case_total(report: &Report, ctx: &mut Ctx) {
    let rl = match report {
        Report::F2021(r) => &r.review_litigation,
        Report::F2019(r) => &r.review_litigation,
        Report::F2007(_) => return,
    };
    for (g, label) in rl.groups().iter().zip(labels::REVIEW_GROUPS) {
        let cells = g.cells();
        let path = || format!("{}/total", label.id);
        match equation(Side::of(cells[..4].iter().copied()), Side::of([cells[4]])) {
            Verdict::Holds => {}
            Verdict::NotAssessable => ctx.not_assessable(Code::GR301, path()),
            Verdict::Fails { left, right } => {
                let related = labels::REVIEW_COLUMNS[..4].iter().map(|c| format!("{}/{}", label.id, c.id)).collect();
                ctx.hit(Code::GR301, path()).related(related).expected(left).actual(right).emit();
            }
        }
    }
}

/// Part 六's processing fees and the total of （六）2 (逾期未缴费), when the report gives fees.
fn fees(report: &Report) -> Option<(&ProcessingFees, Count)> {
    match report {
        Report::F2021(r) => Some((r.processing_fees.as_ref()?, r.requests.other.fee_unpaid.total)),
        Report::F2019(r) => Some((r.processing_fees.as_ref()?, Cell::Absent)),
        Report::F2007(_) => None,
    }
}

fn fees_collected(report: &Report, ctx: &mut Ctx) {
    let Some((fees, _)) = fees(report) else { return };
    if let (Cell::Value(billed), Cell::Value(collected)) = (fees.billed_yuan, fees.collected_yuan) {
        // Each written amount stands for an interval of ± half a unit of its last decimal.
        let low_collected: Decimal = collected.0 - collected.half_unit();
        let high_billed: Decimal = billed.0 + billed.half_unit();
        if low_collected > high_billed {
            ctx.hit(Code::GR103, "/processing_fees/collected_yuan")
                .related(vec!["/processing_fees/billed_yuan".into()])
                .expected(billed)
                .actual(collected)
                .emit();
        }
    }
}

fn fee_lapse(report: &Report, ctx: &mut Ctx) {
    let Some((fees, fee_unpaid_total)) = fees(report) else { return };
    if let (Cell::Value(notices), Cell::Value(lapsed)) = (fees.notices, fee_unpaid_total)
        && lapsed > notices
    {
        ctx.hit(Code::GR104, "/requests/other/fee_unpaid/total").related(vec!["/processing_fees/notices".into()]).expected(notices).actual(lapsed).emit();
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
