//! GR801–GR806: the 2007 regime — contents of 第三十二条, stated breakdowns and percentages,
//! the numbering of the parts, and request figures that contradict each other.

use rust_decimal::Decimal;

use super::{Code, Ctx, Param, define_rules};
use crate::labels;
use crate::model::{Cell, Figure, Report, Report2007};
use crate::prose_numbers::{count_after, number_before};

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
        let headed = r.sections.iter().any(|s| item.label.aliases.iter().any(|a| s.heading.contains(a)));
        if !headed && !r.sections.iter().any(|s| states(&s.text, item)) {
            ctx.hit(Code::GR801, "/sections").param("item", Param::Label(&item.label)).emit();
        }
    }
}

/// Words that say there was none of something (未收到, 无收费, 没有发生, 零).
const NONE_SAID: &[&str] = &["未", "无", "没有", "零", "不存在"];
/// Units a count in prose carries.
const COUNT_UNITS: &[&str] = &["件", "条", "项", "个", "次", "篇", "元"];

/// The clauses of a text: a content is stated in one clause ("也未发生…行政复议…"), not in a
/// sentence that lists many things.
fn clauses(text: &str) -> impl Iterator<Item = &str> {
    text.split(['。', '；', ';', '！', '？', '，', ',', '\n']).filter(|s| !s.trim().is_empty())
}

/// Whether a clause gives a count ("3件", "0条").
fn has_count(clause: &str) -> bool {
    let chars: Vec<char> = clause.chars().collect();
    (0..chars.len()).any(|i| {
        chars[i].is_ascii_digit() && {
            let rest: String = chars[i + 1..].iter().skip_while(|c| c.is_ascii_digit() || c.is_whitespace()).take(2).collect();
            COUNT_UNITS.iter().any(|u| rest.starts_with(u))
        }
    })
}

/// Whether `text` states the content `item` in a clause of its own ("本年度未发生行政复议、行政
/// 诉讼" states （四）): a clause with one of its words and, where its words are said of much
/// else, a count or a word saying there was none.
fn states(text: &str, item: &labels::ContentItem) -> bool {
    clauses(text).any(|s| item.mentions.iter().any(|m| s.contains(m)) && (!item.needs_figure || has_count(s) || NONE_SAID.iter().any(|w| s.contains(w))))
}

/// The numbering of the parts: each top-level heading (一、… or, where none is numbered so,
/// （一）…) one more than the last. A numeral skipped is not reported when it stands at the
/// start of a sentence of the part before (a heading that was not laid out as one).
fn numbering(report: &Report, ctx: &mut Ctx) {
    let Some(r) = regime_2007(report) else { return };
    let numbered: Vec<(usize, u32, bool)> =
        r.sections.iter().enumerate().filter_map(|(i, s)| crate::import::prose2007::numeral_of(&s.heading).map(|(n, b)| (i, n, b))).collect();
    let bracketed = !numbered.iter().any(|x| !x.2);
    let shown = |n: u32| {
        let n = crate::import::norm::chinese_numeral(n);
        if bracketed { format!("（{n}）") } else { format!("{n}、") }
    };
    let mut last = 0;
    for &(i, n, _) in numbered.iter().filter(|x| x.2 == bracketed) {
        let due = last + 1;
        if n == due {
            last = n;
            continue;
        }
        let (zh, en) = if n < due {
            // A number given again takes the place of the one due.
            last = due;
            ("的编号重复或倒退", "repeats or goes back in its number")
        } else {
            // The numerals skipped, written as a heading would be, at a sentence start of the
            // part before: headings run into the text, not numbering that skips.
            let before = if i > 0 { r.sections[i - 1].text.as_str() } else { "" };
            let laid_in = (due..n).all(|m| {
                let h = shown(m);
                before
                    .match_indices(h.as_str())
                    .any(|(at, _)| before[..at].chars().next_back().is_none_or(|c| c.is_whitespace() || matches!(c, '。' | '；' | ';' | '：' | ':' | '，')))
            });
            last = n;
            if laid_in {
                continue;
            }
            ("跳过了编号", "skips a number")
        };
        ctx.hit(Code::GR805, format!("/sections/{i}/heading"))
            .text("heading", &r.sections[i].heading)
            .param("what", Param::Both(crate::i18n::Bilingual { zh: zh.into(), en: en.into() }))
            .expected(shown(due))
            .emit();
    }
}

/// What a 2007-era report says of its requests in one place: received, answered, still open.
#[derive(Default)]
struct RequestFigures {
    received: Vec<u64>,
    answered: Vec<u64>,
    pending: Vec<u64>,
    carried_over: bool,
}

/// Words before a count of requests received, answered and still open, and after a count of
/// requests still open ("1件正在办理").
const RECEIVED: &[&str] = &["受理", "收到", "接到", "接收"];
const ANSWERED: &[&str] = &["已答复", "答复", "已办结", "办结", "办理完毕", "处理完毕", "已处理"];
const PENDING: &[&str] = &["正在办理", "正在处理", "尚在办理", "仍在办理", "尚未办结", "未办结", "尚未答复", "办理中", "结转下"];
const CARRIED_OVER: &[&str] = &["上年结转", "上年度结转", "上一年度结转", "上一年结转"];

/// The request figures one sentence states.
fn request_figures(s: &str) -> RequestFigures {
    let mut f = RequestFigures::default();
    let mut taken: Vec<usize> = vec![];
    for w in RECEIVED {
        for (at, _) in s.match_indices(w) {
            if let Some((v, _, end)) = count_after(s, at + w.len(), 20)
                && s[at..end].contains("申请")
                && !taken.contains(&end)
            {
                taken.push(end);
                f.received.push(v);
            }
        }
    }
    for w in ANSWERED {
        for (at, _) in s.match_indices(w) {
            if let Some((v, _, end)) = count_after(s, at + w.len(), 4)
                && !taken.contains(&end)
            {
                taken.push(end);
                f.answered.push(v);
            }
        }
    }
    for w in PENDING {
        for (at, _) in s.match_indices(w) {
            let found =
                count_after(s, at + w.len(), 4).map(|(v, _, e)| (v, e)).or_else(|| number_before(s, at.min(s[..at].trim_end().len())).map(|(v, _)| (v, at)));
            if let Some((v, end)) = found
                && !taken.contains(&end)
            {
                taken.push(end);
                f.pending.push(v);
            }
        }
    }
    f.carried_over = CARRIED_OVER.iter().any(|w| s.contains(w));
    f
}

/// GR806: requests received against those answered and those still open, where one sentence
/// gives all three and each once.
fn request_figures_agree(report: &Report, ctx: &mut Ctx) {
    let Some(r) = regime_2007(report) else { return };
    for (i, section) in r.sections.iter().enumerate() {
        for s in section.text.split(['。', '\n']) {
            let f = request_figures(s);
            let ([received], [answered], [pending]) = (f.received.as_slice(), f.answered.as_slice(), f.pending.as_slice()) else { continue };
            if f.carried_over {
                // Whether the received count holds the ones carried over is not said the same way
                // by everyone: not judged.
                ctx.not_assessable(Code::GR806, format!("/sections/{i}/text"));
                continue;
            }
            let sum = u128::from(*answered) + u128::from(*pending);
            if u128::from(*received) != sum {
                ctx.hit(Code::GR806, format!("/sections/{i}/text"))
                    .text("quote", s.trim())
                    .text("received", received)
                    .text("answered", answered)
                    .text("pending", pending)
                    .expected(sum)
                    .actual(received)
                    .emit();
            }
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
            "国务院令第492号第三十二条规定年度报告应当包括：（一）主动公开政府信息的情况；（二）依申请公开政府信息和不予公开政府信息的情况；（三）政府信息公开的收费及减免情况；（四）因政府信息公开申请行政复议、提起行政诉讼的情况；（五）存在的主要问题及改进情况；（六）其他需要报告的事项（无事可报时可略）。按各部分标题判断；没有单独标题、但某句话写明了该项内容的（如“本年度未发生行政复议、行政诉讼”，或给出数字、说明没有），也算具备。",
            "Article 32 of the 2007 regulations requires: (1) proactive disclosure; (2) disclosure on request and information withheld; (3) fees and waivers; (4) reviews and lawsuits; (5) problems and improvements; (6) other matters (may be left out when there is nothing to report). Judged by the headings of the parts; an item without a heading of its own that a sentence states (\"本年度未发生行政复议、行政诉讼\", or a figure or a statement that there was none) counts as there.",
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

    /// Part numbering that skips or repeats.
    GR805 {
        name: "part-numbering",
        severity: Warning,
        check: Report(numbering),
        title: ["部分编号跳过或重复", "The numbering of the parts skips or repeats"],
        explanation: [
            "报告各部分的标题应按一、二、三……（或（一）（二）（三）……）依次编号。编号跳过（二之后是四）、重复或倒退，说明有部分被删去、编排有误或内容拼凑。被跳过的编号若出现在上一部分的句首（标题未单独成行），不视为跳过。",
            "The parts of a report are numbered 一, 二, 三 … (or （一）, （二） …) in turn. A number skipped (四 after 二), repeated or going back shows a part left out, a badly edited report or text pieced together. A number skipped that stands at the start of a sentence of the part before (a heading not laid out on its own) is not taken as skipped.",
        ],
        message: ["部分标题“{heading}”{what}，此处应为“{expected}”", "The heading \"{heading}\" {what}: \"{expected}\" was due here"],
    }

    /// 2007 request figures that contradict each other.
    GR806 {
        name: "request-figures-2007",
        severity: Warning,
        check: Report(request_figures_agree),
        title: ["文中的申请数字自相矛盾", "The request figures in the text contradict each other"],
        explanation: [
            "同一句中写明受理（收到）的政府信息公开申请数、已答复（办结）数和正在办理数时，受理数应等于已答复数与正在办理数之和。例：“共受理申请10件，已答复8件，1件正在办理”，8+1≠10。句中提到上年结转时，受理数是否含结转各报告写法不一，不予判断。",
            "Where one sentence states the requests received, those answered (closed) and those still open, the first must equal the sum of the other two. Example: \"received 10, answered 8, 1 still open\": 8 + 1 ≠ 10. Where the sentence also mentions requests carried over from last year, reports differ on whether the received count includes them, and it is not judged.",
        ],
        message: [
            "“{quote}”：受理 {received} 件，而已答复 {answered} 件与正在办理 {pending} 件之和为 {expected} 件",
            "\"{quote}\": {received} received, but {answered} answered and {pending} still open make {expected}",
        ],
    }
}
