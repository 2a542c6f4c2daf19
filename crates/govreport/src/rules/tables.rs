//! Arithmetic of the tables: GR101–GR104 (table A, fees), GR201–GR203 (table B), GR301 (table C).

use rust_decimal::Decimal;

use super::arith::{Side, Verdict, equation};
use super::{Ctx, GR101, GR102, GR103, GR104, GR201, GR202, GR203, GR301, Param};
use crate::labels::{self, Role};
use crate::model::{Cell, Count, ItemCounts2019, OtherRows, Proactive2019, ProcessingFees, RequestRow, Requests, ReviewLitigation};

/// GR101 and GR102 on table A of the 2019 template.
pub(crate) fn check_proactive_2019(p: &Proactive2019, ctx: &mut Ctx) {
    for (row, d) in [("/proactive/rules", &p.rules), ("/proactive/normative_documents", &p.normative_documents)] {
        if let (Cell::Value(total), Cell::Value(new)) = (d.total_published, d.published)
            && total < new
        {
            ctx.hit(&GR101, format!("{row}/total_published")).related(vec![format!("{row}/published")]).expected(new).actual(total).emit();
        }
    }
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
                ctx.hit(&GR102, format!("{row}/change"))
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

/// GR201 (B1), GR202 (B2) and GR203 (B3) on table B.
pub(crate) fn check_requests<O: OtherRows>(req: &Requests<O>, ctx: &mut Ctx) {
    let format = ctx.format;
    let rows: Vec<(&'static labels::RowLabel, &RequestRow)> =
        labels::request_rows(format).filter_map(|rl| rl.row.and_then(|id| req.row(id)).map(|r| (rl, r))).collect();
    let of = |role: Role| rows.iter().filter(move |(rl, _)| rl.role == role);
    let total_col = labels::REQUEST_COLUMNS.len() - 1;

    for (c, col) in labels::REQUEST_COLUMNS.iter().enumerate() {
        let at = |row: &str| format!("{row}/{}", col.id);
        // B1: 一 + 二 = （七） + 四.
        let intake = Side::of(of(Role::Intake).map(|(_, r)| r.cells()[c]));
        let outcome = Side::of(of(Role::ResultsTotal).chain(of(Role::CarriedForward)).map(|(_, r)| r.cells()[c]));
        let b1_cells =
            || -> Vec<String> { of(Role::Intake).chain(of(Role::ResultsTotal)).chain(of(Role::CarriedForward)).map(|(rl, _)| at(rl.label.id)).collect() };
        match equation(intake, outcome) {
            Verdict::Holds => {}
            Verdict::NotAssessable => ctx.not_assessable(&GR201, at("/requests/new")),
            Verdict::Fails { left, right } => {
                let mut cells = b1_cells();
                let first = cells.remove(0);
                ctx.hit(&GR201, first).related(cells).param("column", Param::Label(col)).expected(left).actual(right).emit();
            }
        }
        // B2: （七） = Σ results.
        let results = Side::of(of(Role::Result).map(|(_, r)| r.cells()[c]));
        let stated = Side::of(of(Role::ResultsTotal).map(|(_, r)| r.cells()[c]));
        match equation(results, stated) {
            Verdict::Holds => {}
            Verdict::NotAssessable => ctx.not_assessable(&GR202, at("/requests/results_total")),
            Verdict::Fails { left, right } => {
                let related = of(Role::Result).map(|(rl, _)| at(rl.label.id)).collect();
                ctx.hit(&GR202, at("/requests/results_total")).related(related).param("column", Param::Label(col)).expected(left).actual(right).emit();
            }
        }
    }
    // B3: every row's 总计 = the six applicant columns.
    for (rl, row) in &rows {
        let cells = row.cells();
        let parts = Side::of(cells[..total_col].iter().copied());
        let total = Side::of([cells[total_col]]);
        // Pointers are built only for a finding: a clean report allocates none.
        let path = || format!("{}/total", rl.label.id);
        match equation(parts, total) {
            Verdict::Holds => {}
            Verdict::NotAssessable => ctx.not_assessable(&GR203, path()),
            Verdict::Fails { left, right } => {
                let related = labels::REQUEST_COLUMNS[..total_col].iter().map(|c| format!("{}/{}", rl.label.id, c.id)).collect();
                ctx.hit(&GR203, path()).related(related).expected(left).actual(right).emit();
            }
        }
    }
}

/// GR301 (C1) on table C.
pub(crate) fn check_review(rl: &ReviewLitigation, ctx: &mut Ctx) {
    for (g, label) in rl.groups().iter().zip(labels::REVIEW_GROUPS) {
        let cells = g.cells();
        let path = || format!("{}/total", label.id);
        match equation(Side::of(cells[..4].iter().copied()), Side::of([cells[4]])) {
            Verdict::Holds => {}
            Verdict::NotAssessable => ctx.not_assessable(&GR301, path()),
            Verdict::Fails { left, right } => {
                let related = labels::REVIEW_COLUMNS[..4].iter().map(|c| format!("{}/{}", label.id, c.id)).collect();
                ctx.hit(&GR301, path()).related(related).expected(left).actual(right).emit();
            }
        }
    }
}

/// GR103 and GR104 on the processing fees of part 六.
pub(crate) fn check_fees(fees: Option<&ProcessingFees>, fee_unpaid_total: Count, ctx: &mut Ctx) {
    let Some(fees) = fees else { return };
    if let (Cell::Value(billed), Cell::Value(collected)) = (fees.billed_yuan, fees.collected_yuan) {
        // Each written amount stands for an interval of ± half a unit of its last decimal.
        let low_collected: Decimal = collected.0 - collected.half_unit();
        let high_billed: Decimal = billed.0 + billed.half_unit();
        if low_collected > high_billed {
            ctx.hit(&GR103, "/processing_fees/collected_yuan").related(vec!["/processing_fees/billed_yuan".into()]).expected(billed).actual(collected).emit();
        }
    }
    if let (Cell::Value(notices), Cell::Value(lapsed)) = (fees.notices, fee_unpaid_total)
        && lapsed > notices
    {
        ctx.hit(&GR104, "/requests/other/fee_unpaid/total").related(vec!["/processing_fees/notices".into()]).expected(notices).actual(lapsed).emit();
    }
}
