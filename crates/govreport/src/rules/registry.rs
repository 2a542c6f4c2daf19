//! Every rule's code, name, default severity and texts. `govreport rules` and
//! `govreport explain CODE` print from here, and docs/rules.md is generated from it.

use super::Rule;
use crate::finding::Severity::{Error, Info, Warning};

/// All rules, in code order.
pub static RULES: &[&Rule] = &[
    &GR001, &GR002, &GR003, &GR004, &GR005, &GR010, &GR011, &GR012, &GR013, &GR101, &GR102, &GR103, &GR104, &GR201, &GR202, &GR203, &GR301, &GR401, &GR402,
    &GR403, &GR404, &GR405, &GR501, &GR502, &GR503, &GR504, &GR801, &GR802, &GR803, &GR804,
];

/// 统一社会信用代码 malformed.
pub static GR001: Rule = Rule {
    code: "GR001",
    name: "credit-code",
    severity: Error,
    title: ["统一社会信用代码有误", "Unified social credit code is invalid"],
    explanation: [
        "统一社会信用代码（GB 32100—2015）为18位：登记管理部门码、机构类别码、6位登记管理机关行政区划码、9位主体标识码和1位校验码，字符取自数字和除 I、O、Z、S、V 以外的大写字母。校验码按国标加权模31计算。代码写错，报告就无法与机关对应。例：11100000000013127X 按算法校验码应为 D。",
        "The unified social credit code (GB 32100-2015) has 18 characters from the digits and the capital letters except I, O, Z, S and V; the last is a check character computed modulo 31 with fixed weights. A wrong code cannot be matched to the agency. Example: for 11100000000013127X the computed check character is D.",
    ],
    message: ["统一社会信用代码 {code} 有误：{reason}", "Unified social credit code {code} is invalid: {reason}"],
};

/// Region code malformed.
pub static GR002: Rule = Rule {
    code: "GR002",
    name: "region-code",
    severity: Error,
    title: ["行政区划代码格式有误", "Region code is malformed"],
    explanation: [
        "行政区划代码（GB/T 2260）为6位数字，前两位为省级代码（11–82），其后依次为地级和县级代码。格式不对的代码无法用于汇总。例：“2201” 或 “990105”。",
        "A region code (GB/T 2260) has six digits; the first two are a province code from 11 to 82, followed by the prefecture and county codes. A malformed code cannot be used to roll reports up. Example: \"2201\" or \"990105\".",
    ],
    message: ["行政区划代码 {code} 格式有误：{reason}", "Region code {code} is malformed: {reason}"],
};

/// Format does not govern the year.
pub static GR003: Rule = Rule {
    code: "GR003",
    name: "format-year",
    severity: Error,
    title: ["报告年度与所用格式不符", "Reporting year does not fit the format"],
    explanation: [
        "2008—2018年度报告适用国务院令第492号条例第三十二条（“2007”），2019、2020年度适用国办公开办函〔2019〕60号格式（“2019”），2021年度起适用国办公开办函〔2021〕30号格式（“2021”）。用错格式的报告，其表格与法定格式不一致。例：2019年度报告使用2021年格式。",
        "Reports for 2008-2018 follow article 32 of the 2007 regulations (\"2007\"), reports for 2019 and 2020 the 2019 template (\"2019\"), reports from 2021 on the 2021 template (\"2021\"). A report in the wrong format has the wrong tables. Example: a 2019 report in the 2021 format.",
    ],
    message: ["{year}年度报告不应使用“{format}”格式（该格式适用于{years}年度）", "A report for {year} should not use format \"{format}\" (it governs {years})"],
};

/// The year has not ended.
pub static GR004: Rule = Rule {
    code: "GR004",
    name: "year-not-ended",
    severity: Error,
    title: ["报告年度尚未结束", "Reporting year has not ended"],
    explanation: [
        "年度报告统计当年1月1日至12月31日的数据，年度结束前不可能完整。例：2026年11月编写2026年度报告。",
        "A report covers 1 January to 31 December of its year and cannot be complete before the year ends. Example: a report for 2026 written in November 2026.",
    ],
    message: ["报告年度 {year} 尚未结束（今天是 {today}）", "Reporting year {year} has not ended (today is {today})"],
};

/// Agency name empty.
pub static GR005: Rule = Rule {
    code: "GR005",
    name: "agency-name",
    severity: Error,
    title: ["未写明报告机关名称", "Agency name is empty"],
    explanation: ["报告须写明发布机关的全称，否则无法归属和汇总。", "A report must name its agency in full; otherwise it cannot be attributed or rolled up."],
    message: ["报告机关名称为空", "The agency name is empty"],
};

/// Blank cells.
pub static GR010: Rule = Rule {
    code: "GR010",
    name: "blank-cells",
    severity: Warning,
    title: ["表格有空白单元格", "Table has blank cells"],
    explanation: [
        "空白不等于0：法定格式的每个单元格都应填写数字（没有发生的填0）。空白单元格使相关勾稽关系无法判断，本工具不会把空白当作0。例：“予以公开”行“总计”列留空。",
        "Blank is not zero: every cell of the template takes a number (0 when nothing happened). A blank cell leaves the sums that use it unjudged; govreport never reads a blank as 0. Example: the total of the \"granted\" row left empty.",
    ],
    message: ["{cell} 有 {count} 个空白单元格：{cells}", "{cell} has {count} blank cell(s): {cells}"],
};

/// Absent cells.
pub static GR011: Rule = Rule {
    code: "GR011",
    name: "absent-cells",
    severity: Warning,
    title: ["表格缺少单元格", "Table cells are missing"],
    explanation: [
        "文档没有给出这些单元格（例如发布的表格被截断）。缺失的数字不会被补造，涉及它们的勾稽关系无法判断。",
        "The document does not give these cells (for example, the published table was cut off). govreport invents no number; the sums that use them cannot be judged.",
    ],
    message: ["{cell} 缺少 {count} 个单元格：{cells}", "{cell} is missing {count} cell(s): {cells}"],
};

/// "/" in tables B and C.
pub static GR012: Rule = Rule {
    code: "GR012",
    name: "not-applicable-cells",
    severity: Info,
    title: ["表格用“/”代替数字", "Table uses \"/\" instead of numbers"],
    explanation: [
        "表三、表四的每一栏都适用于所有机关，没有发生的应填0。“/”表示“不适用”，不计入求和；整张表都用“/”时，勾稽关系无法判断。",
        "Every cell of tables B and C applies to every agency; 0 is the figure when nothing happened. \"/\" means \"not applicable\" and is left out of sums; a table of \"/\" cannot be judged.",
    ],
    message: ["{cell} 有 {count} 个单元格为“/”：{cells}", "{cell} has {count} cell(s) marked \"/\": {cells}"],
};

/// Mixed blank markers.
pub static GR013: Rule = Rule {
    code: "GR013",
    name: "mixed-markers",
    severity: Warning,
    title: ["同一表格混用空白和“/”", "A table mixes blanks and \"/\""],
    explanation: [
        "同一张表中既有空白又有“/”，读者无法分辨哪些是未填、哪些是不适用，这是上级通报中常见的问题。",
        "A table with both blank and \"/\" cells leaves readers unable to tell unfilled from not applicable; supervising offices name this defect.",
    ],
    message: ["{table}同时使用空白（{blank} 处）和“/”（{na} 处）", "{table} uses both blanks ({blank}) and \"/\" ({na})"],
};

/// 2019: total published below newly published.
pub static GR101: Rule = Rule {
    code: "GR101",
    name: "published-total-2019",
    severity: Error,
    title: ["对外公开总数量小于本年新公开数量", "Published in total is below newly published"],
    explanation: [
        "2019年格式表二中，“对外公开总数量”是累计数，包含本年新公开的文件，不能小于“本年新公开数量”。",
        "In the 2019 template, \"published in total\" is cumulative and includes this year's newly published documents, so it cannot be smaller than \"newly published this year\".",
    ],
    message: ["{cell}为 {actual}，小于本年新公开数量 {expected}", "{cell} is {actual}, below the {expected} newly published this year"],
};

/// 2019: item count would go negative.
pub static GR102: Rule = Rule {
    code: "GR102",
    name: "item-change-2019",
    severity: Error,
    title: ["本年增/减使项目数量为负", "Change this year makes the item count negative"],
    explanation: [
        "2019年格式中“本年增/减”是有符号数，上一年项目数量加本年增/减为本年项目数量，不能小于0。例：上一年5项，本年减8项。",
        "In the 2019 template the change this year is signed; last year's items plus the change is this year's count, which cannot be below zero. Example: 5 items last year, 8 fewer this year.",
    ],
    message: [
        "{cell}：上一年 {previous} 项加本年增/减 {change} 为 {actual}，不能为负",
        "{cell}: {previous} items last year plus a change of {change} gives {actual}, below zero",
    ],
};

/// Fees collected above billed.
pub static GR103: Rule = Rule {
    code: "GR103",
    name: "fees-collected",
    severity: Warning,
    title: ["实收信息处理费多于收费通知金额", "Processing fees collected exceed the amount billed"],
    explanation: [
        "国办函〔2020〕109号：行政机关按收费通知收取信息处理费，实际收取的金额不应多于通知的金额。金额按书写精度比较（±末位半个单位）。",
        "Under 国办函〔2020〕109号 fees are collected on fee notices, so the amount collected should not exceed the amount billed. Amounts are compared with their written precision (± half a unit of the last decimal).",
    ],
    message: ["实收信息处理费 {actual} 元多于收费通知金额 {expected} 元", "Fees collected ({actual} yuan) exceed the amount billed ({expected} yuan)"],
};

/// Lapsed fee notices without notices.
pub static GR104: Rule = Rule {
    code: "GR104",
    name: "fee-lapse-notices",
    severity: Warning,
    title: ["逾期未缴费件数多于收费通知件数", "More lapsed fee notices than notices issued"],
    explanation: [
        "表三（六）2“申请人逾期未按收费通知要求缴纳费用”的件数以发出收费通知为前提，不能多于第六部分报告的收费通知件数。",
        "Requests closed because the fee was not paid (table B (6)2) each had a fee notice, so they cannot outnumber the fee notices reported in part 六.",
    ],
    message: ["逾期未缴费 {actual} 件，多于发出收费通知 {expected} 件", "{actual} requests lapsed unpaid but only {expected} fee notices were issued"],
};

/// B1.
pub static GR201: Rule = Rule {
    code: "GR201",
    name: "requests-balance",
    severity: Error,
    title: ["表三第一项加第二项不等于第三项加第四项", "Table B: item 1 + item 2 ≠ item 3 + item 4"],
    explanation: [
        "表三每一列的勾稽关系印在表上：本年新收加上年结转，等于本年度办理结果总计加结转下年度继续办理。不相等说明有申请被漏记或重复计数。",
        "Printed on table B: for every column, new requests plus those carried over equal the total of results plus those carried forward. A difference means requests were lost or counted twice.",
    ],
    message: [
        "{column}列：新收与上年结转之和为 {expected}，办理结果总计与结转下年度之和为 {actual}",
        "Column {column}: new plus carried over is {expected}, results total plus carried forward is {actual}",
    ],
};

/// B2.
pub static GR202: Rule = Rule {
    code: "GR202",
    name: "results-total",
    severity: Error,
    title: ["表三（七）总计不等于各项办理结果之和", "Table B: (7) total ≠ sum of the results"],
    explanation: [
        "（七）总计是（一）予以公开、（二）部分公开、（三）不予公开1—8、（四）无法提供1—3、（五）不予处理1—5、（六）其他处理各项之和。区分处理的申请只计入（二）。",
        "(7) Total is the sum of (1) granted, (2) partially granted, (3) withheld 1-8, (4) unable 1-3, (5) not processed 1-5 and (6) other handling. A request handled in parts counts under (2) only.",
    ],
    message: [
        "{column}列：各项办理结果之和为 {expected}，（七）总计填 {actual}",
        "Column {column}: the results add up to {expected}, but (7) total says {actual}",
    ],
};

/// B3.
pub static GR203: Rule = Rule {
    code: "GR203",
    name: "row-total",
    severity: Error,
    title: ["表三某行总计不等于各类申请人之和", "Table B: a row's total ≠ sum of its applicant columns"],
    explanation: [
        "表三每一行的“总计”等于“自然人”与“法人或其他组织”五列（商业企业、科研机构、社会公益组织、法律服务机构、其他）之和。",
        "In every row of table B the total equals natural persons plus the five columns of legal persons and other organisations.",
    ],
    message: ["{cell}：各类申请人之和为 {expected}，总计填 {actual}", "{cell}: the applicant columns add up to {expected}, but the total says {actual}"],
};

/// C1.
pub static GR301: Rule = Rule {
    code: "GR301",
    name: "case-total",
    severity: Error,
    title: ["表四总计不等于各结果之和", "Table C: total ≠ sum of outcomes"],
    explanation: [
        "表四行政复议、未经复议直接起诉、复议后起诉三组中，“总计”等于结果维持、结果纠正、其他结果、尚未审结之和。",
        "In each of the three groups of table C (review, direct lawsuits, lawsuits after review), the total equals upheld + corrected + other + pending.",
    ],
    message: ["{cell}：各结果之和为 {expected}，总计填 {actual}", "{cell}: the outcomes add up to {expected}, but the total says {actual}"],
};

/// Part missing.
pub static GR401: Rule = Rule {
    code: "GR401",
    name: "part-missing",
    severity: Error,
    title: ["缺少报告部分", "A part of the report is missing"],
    explanation: [
        "年度报告格式规定六个部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。文字部分缺失或为空，报告即不完整。",
        "The template has six parts; parts 一 (general situation), 五 (problems and improvements) and 六 (other matters) are prose. A missing or empty prose part makes the report incomplete.",
    ],
    message: ["缺少“{part}”部分或内容为空", "Part \"{part}\" is missing or empty"],
};

/// Perfunctory part 五.
pub static GR402: Rule = Rule {
    code: "GR402",
    name: "perfunctory-problems",
    severity: Warning,
    title: ["“存在的主要问题及改进情况”敷衍", "Part 五 (problems) is perfunctory"],
    explanation: [
        "第五部分应具体说明存在的主要问题和改进措施。只写“无”“暂无”或寥寥数字，属于上级通报中的“敷衍塞责”。判断标准：少于30个字；或少于80个字且只说未发现问题（“未发现”“不存在”“暂无”等）。",
        "Part 五 must name the main problems and what was done about them. A part that says only \"none\" or a few words is what supervising offices call perfunctory. Criterion: under 30 characters, or under 80 characters that only deny any problem (\"未发现\", \"不存在\", \"暂无\" …).",
    ],
    message: ["“存在的主要问题及改进情况”只有 {length} 个字：{quote}", "Part 五 (problems) has only {length} characters: {quote}"],
};

/// Government report without assessment results.
pub static GR403: Rule = Rule {
    code: "GR403",
    name: "government-results",
    severity: Warning,
    title: ["人民政府报告未说明考核、评议和责任追究结果", "A government report omits assessment, appraisal and accountability results"],
    explanation: [
        "条例第五十条第（四）项：各级人民政府（含乡镇人民政府，不含部门和街道办事处）的年度报告应当包括政府信息公开工作考核、社会评议和责任追究结果情况。报告文字中未出现相应内容时报此问题。",
        "Article 50(4) of the regulations: the report of a people's government at any level, township governments included (not a department or a sub-district office), must state the results of performance assessment, public appraisal and accountability. Reported when the text does not mention them.",
    ],
    message: ["人民政府的报告未说明：{missing}", "The government's report does not state: {missing}"],
};

/// Prose against tables.
pub static GR404: Rule = Rule {
    code: "GR404",
    name: "prose-table-mismatch",
    severity: Warning,
    title: ["正文数字与表格不一致", "A number in the text disagrees with the table"],
    explanation: [
        "总体情况中引用的数字（如“共收到政府信息公开申请56件”“予以公开18件”）应与表格中相应单元格一致。文字与表格不符是上级通报中的“数据失准”。",
        "Numbers quoted in part 一 (\"received 56 requests\", \"granted 18\") should equal the table cells they name. Text and tables that disagree are what supervising offices call inaccurate data.",
    ],
    message: ["正文称“{quote}”（{expected}），而{cell}为 {actual}", "The text says \"{quote}\" ({expected}), but {cell} is {actual}"],
};

/// 2021 overview topics.
pub static GR405: Rule = Rule {
    code: "GR405",
    name: "overview-topics",
    severity: Info,
    title: ["总体情况未涵盖格式要求的方面", "Part 一 leaves out topics the template asks for"],
    explanation: [
        "2021年格式要求总体情况说明主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面。",
        "The 2021 template asks part 一 to cover proactive disclosure, disclosure on request, information management, disclosure platforms, and oversight.",
    ],
    message: ["总体情况未提及：{missing}", "Part 一 does not mention: {missing}"],
};

/// Late.
pub static GR501: Rule = Rule {
    code: "GR501",
    name: "published-late",
    severity: Error,
    title: ["报告发布晚于法定期限", "Published after the deadline"],
    explanation: [
        "条例第四十九条：县级以上人民政府部门应于每年1月31日前向本级主管部门报送并向社会公布上一年度报告；县级以上地方人民政府的报告于3月31日前公布；乡镇人民政府、街道办事处的期限由各地确定（可设置，默认3月31日）。2019年以前（国务院令第492号第三十一条）均为3月31日前。",
        "Article 49: government departments publish by 31 January of the next year; people's governments by 31 March; townships and sub-districts by a locally set date (an option, 31 March when not set). Under the 2007 regulations (article 31) every report was due by 31 March.",
    ],
    message: ["发布日期 {actual} 晚于期限 {expected}（{kind}）", "Published on {actual}, after the deadline {expected} ({kind})"],
};

/// Before year end.
pub static GR502: Rule = Rule {
    code: "GR502",
    name: "published-early",
    severity: Error,
    title: ["报告在年度结束前发布", "Published before the year ended"],
    explanation: [
        "年度报告统计全年数据，在报告年度12月31日之前发布的报告不可能完整。",
        "A report covers the whole year; one published on or before 31 December of its year cannot be complete.",
    ],
    message: ["发布日期 {actual} 早于报告年度结束（{year}年12月31日）", "Published on {actual}, before the year {year} ended"],
};

/// In the future.
pub static GR503: Rule = Rule {
    code: "GR503",
    name: "date-in-future",
    severity: Error,
    title: ["发布日期在今天之后", "Publication date is in the future"],
    explanation: ["发布日期晚于今天，通常是录入错误。", "A publication date after today is usually a typing error."],
    message: ["发布日期 {actual} 在今天（{today}）之后", "Publication date {actual} is after today ({today})"],
};

/// Not a calendar date.
pub static GR504: Rule = Rule {
    code: "GR504",
    name: "invalid-date",
    severity: Error,
    title: ["发布日期不是有效日期", "Publication date is not a calendar date"],
    explanation: ["发布日期须为实际存在的日期，如 2023-02-30 不存在。", "The publication date must exist; 2023-02-30 does not."],
    message: ["发布日期 {actual} 不是有效日期", "Publication date {actual} is not a calendar date"],
};

/// 2007 content missing.
pub static GR801: Rule = Rule {
    code: "GR801",
    name: "content-missing-2007",
    severity: Error,
    title: ["缺少第三十二条规定的内容", "A content item of article 32 is missing"],
    explanation: [
        "国务院令第492号第三十二条规定年度报告应当包括：（一）主动公开政府信息的情况；（二）依申请公开政府信息和不予公开政府信息的情况；（三）政府信息公开的收费及减免情况；（四）因政府信息公开申请行政复议、提起行政诉讼的情况；（五）存在的主要问题及改进情况；（六）其他需要报告的事项（无事可报时可略）。按各部分标题判断。",
        "Article 32 of the 2007 regulations requires: (1) proactive disclosure; (2) disclosure on request and information withheld; (3) fees and waivers; (4) reviews and lawsuits; (5) problems and improvements; (6) other matters (may be left out when there is nothing to report). Judged by the headings of the parts.",
    ],
    message: ["报告没有关于“{item}”的部分", "The report has no part on \"{item}\""],
};

/// 2007 breakdown with catch-all not adding up.
pub static GR802: Rule = Rule {
    code: "GR802",
    name: "breakdown-sum",
    severity: Error,
    title: ["分项之和不等于所述总数", "The parts do not add up to the stated total"],
    explanation: [
        "“共…条，其中：…”式的表述若列有“其他”类，即声称分项完整，各分项之和必须等于总数。例：共主动公开3025条，各分项之和为3017条。",
        "A statement \"in total N, of which …\" whose parts include a catch-all (其他…) claims to be complete, so its parts must add up to the total exactly. Example: 3025 stated, parts adding up to 3017.",
    ],
    message: ["{label}：分项之和为 {expected}，与所述总数 {actual} 不符", "{label}: the parts add up to {expected}, not the stated {actual}"],
};

/// 2007 breakdown without catch-all exceeding.
pub static GR803: Rule = Rule {
    code: "GR803",
    name: "breakdown-exceeds",
    severity: Error,
    title: ["分项之和超过所述总数", "The parts exceed the stated total"],
    explanation: [
        "没有“其他”类的分项列举可以不完整，但各分项之和不能超过总数。",
        "A breakdown without a catch-all may be partial, but its parts cannot add up to more than the total.",
    ],
    message: ["{label}：分项之和 {actual} 超过所述总数 {expected}", "{label}: the parts add up to {actual}, more than the stated total {expected}"],
};

/// 2007 percentage.
pub static GR804: Rule = Rule {
    code: "GR804",
    name: "percentage",
    severity: Error,
    title: ["百分比与数字不符", "A percentage does not match its count"],
    explanation: [
        "文中所述百分比应等于分项数除以总数，误差不超过所写精度的半个单位。例：总数200、分项50，应为25%。",
        "A stated percentage must equal the part divided by the total, within half a unit of its written precision. Example: 50 of 200 is 25%.",
    ],
    message: [
        "{label}「{part}」：所述 {actual}% 与 {count}/{total} = {expected}% 不符",
        "{label}, {part}: the stated {actual}% does not match {count}/{total} = {expected}%",
    ],
};
