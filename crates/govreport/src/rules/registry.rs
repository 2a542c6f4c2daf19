//! Every rule's code, name, default severity and texts. `govreport rules` and
//! `govreport explain CODE` print from here, and docs/rules.md is generated from it.

use super::Rule;
use crate::finding::Severity::{Error, Info, Warning};

/// All rules, in code order.
pub static RULES: &[&Rule] = &[
    &GR001, &GR002, &GR003, &GR004, &GR005, &GR010, &GR011, &GR012, &GR013, &GR014, &GR101, &GR102, &GR103, &GR104, &GR201, &GR202, &GR203, &GR301, &GR401,
    &GR402, &GR403, &GR404, &GR405, &GR501, &GR502, &GR503, &GR504, &GR601, &GR602, &GR603, &GR604, &GR605, &GR606, &GR701, &GR702, &GR703, &GR801, &GR802,
    &GR803, &GR804, &GR901, &GR902, &GR903, &GR904, &GR905, &GR906, &GR907, &GR908, &GR909, &GR910, &GR911, &GR912, &GR913, &GR914, &GR915, &GR916,
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

/// The last rows of a table all absent: the table was cut off.
pub static GR014: Rule = Rule {
    code: "GR014",
    name: "table-cut-off",
    severity: Warning,
    title: ["表格在某行之后全部缺失", "A table stops short"],
    explanation: [
        "表格从某一行起直到末尾的各行全部缺失，通常是发布的表格被截断或漏贴。这些行只报告一次，不逐行列出；涉及它们的勾稽关系无法判断。只缺部分单元格的行仍按 GR011 报告。",
        "Every row from some row to the end of the table is absent, usually because the published table was cut off or not pasted whole. These rows are reported once, not row by row; the sums that use them cannot be judged. Rows missing only some cells are still reported by GR011.",
    ],
    message: [
        "“{table}”表从「{first}」起的 {count} 行全部缺失，表格可能被截断",
        "The table \"{table}\" lacks all {count} rows from \"{first}\" on; it may have been cut off",
    ],
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

/// Carried over ≠ last year's carried forward.
pub static GR601: Rule = Rule {
    code: "GR601",
    name: "carried-over-mismatch",
    severity: Warning,
    title: ["上年结转与上年报告的结转下年度不符", "Carried over differs from last year's carried forward"],
    explanation: [
        "本年表三“二、上年结转政府信息公开申请数量”应等于上年报告表三“四、结转下年度继续办理”，逐列比较。机构调整时可能不同，故为警告。",
        "This year's \"carried over from last year\" (table B, item 2) should equal last year's \"carried forward\" (item 4), column by column. Reorganisations can break it, hence a warning.",
    ],
    message: [
        "{column}列：本年上年结转为 {actual}，上年报告结转下年度为 {expected}",
        "Column {column}: carried over is {actual}, but last year's report carried forward {expected}",
    ],
};

/// 现行有效件数 continuity.
pub static GR602: Rule = Rule {
    code: "GR602",
    name: "in-force-continuity",
    severity: Warning,
    title: ["现行有效件数与上年不衔接", "Documents in force do not follow from last year"],
    explanation: [
        "现行有效件数（本年）应等于上年现行有效件数加本年制发件数减本年废止件数（规章和行政规范性文件分别计）。文件修订、清理可能使其不同，故为警告。",
        "Documents in force this year should equal last year's in force plus those issued minus those repealed this year (rules and normative documents separately). Revisions and clean-ups can break it, hence a warning.",
    ],
    message: [
        "{cell}为 {actual}，按上年 {previous} 加本年制发 {issued} 减废止 {repealed} 应为 {expected}",
        "{cell} is {actual}; last year's {previous} plus {issued} issued minus {repealed} repealed is {expected}",
    ],
};

/// Agency changed.
pub static GR603: Rule = Rule {
    code: "GR603",
    name: "agency-changed",
    severity: Info,
    title: ["报告机关与上年不同", "The agency differs from last year's"],
    explanation: [
        "两年报告的机关名称或类型不同：可能是机构改革，也可能比较了错误的报告。",
        "The two years' reports name a different agency or kind: a reorganisation, or the wrong report compared.",
    ],
    message: ["报告机关与上年不同：{previous} → {current}", "The agency differs from last year's: {previous} → {current}"],
};

/// Years not consecutive.
pub static GR604: Rule = Rule {
    code: "GR604",
    name: "years-not-consecutive",
    severity: Warning,
    title: ["两份报告的年度不相接", "The two reports' years do not follow each other"],
    explanation: ["与上年比较的报告应为前一年度的报告。", "A report compared with last year's should be the report of the year before."],
    message: ["上年报告为 {previous} 年度，本年报告为 {year} 年度", "Last year's report is for {previous}, this one for {year}"],
};

/// Sudden jump.
pub static GR605: Rule = Rule {
    code: "GR605",
    name: "sudden-jump",
    severity: Info,
    title: ["数字与上年相比骤变", "A figure changed sharply from last year"],
    explanation: [
        "本年新收申请、行政许可或行政处罚数量与上年相比增减五倍以上（较大者不少于10），值得核实是否录入错误。",
        "New requests, licensing or penalty decisions changed fivefold or more from last year (the larger at least 10): worth checking for a typing error.",
    ],
    message: ["{cell}由上年 {previous} 变为 {actual}（{ratio} 倍）", "{cell} went from {previous} last year to {actual} ({ratio}×)"],
};

/// Copied prose.
pub static GR606: Rule = Rule {
    code: "GR606",
    name: "copied-from-last-year",
    severity: Warning,
    title: ["文字与上年报告雷同", "Text copied from last year's report"],
    explanation: [
        "总体情况、存在的主要问题及改进情况与上年报告高度相似（去掉数字、标点后的四字片段重合率不低于阈值，默认0.8），属于上级通报中的“内容雷同”。",
        "Part 一 or 五 is nearly the same as last year's (the share of common 4-character pieces, digits and punctuation aside, at or above the threshold, 0.8 by default): what supervising offices call copy-paste content.",
    ],
    message: [
        "“{part}”与上年报告的相似度为 {similarity}（阈值 {threshold}）",
        "\"{part}\" is {similarity} similar to last year's report (threshold {threshold})",
    ],
};

/// Copied between units of a batch.
pub static GR701: Rule = Rule {
    code: "GR701",
    name: "copied-between-units",
    severity: Warning,
    title: ["文字与同批其他单位报告雷同", "Text copied from another unit's report"],
    explanation: [
        "同一批检查的报告中，两个单位的总体情况或存在的主要问题高度相似（估计的四字片段重合率不低于阈值，默认0.8），属于“内容雷同”。",
        "In one batch, two units' part 一 or 五 are nearly the same (estimated share of common 4-character pieces at or above the threshold, 0.8 by default): copy-paste content.",
    ],
    message: ["“{part}”与 {other} 的报告相似度约为 {similarity}", "\"{part}\" is about {similarity} similar to the report of {other}"],
};

/// Zero or "/" among busy peers.
pub static GR702: Rule = Rule {
    code: "GR702",
    name: "zero-among-peers",
    severity: Info,
    title: ["同类单位普遍有数、本单位为0或“/”", "Zero or \"/\" where the peer units have substantial numbers"],
    explanation: [
        "同一批同一格式的报告中（至少5个单位），本年新收申请、行政许可或行政处罚的中位数不少于10，而本单位为0或“/”。可能确实没有发生，也可能漏填，值得核实。",
        "In one batch (at least 5 units of the same format) the median of new requests, licensing or penalty decisions is 10 or more, but this unit reports 0 or \"/\": possibly true, possibly left out; worth checking.",
    ],
    message: ["{cell}为 {actual}，而同类 {peers} 个单位的中位数为 {median}", "{cell} is {actual} while the median of {peers} peer units is {median}"],
};

/// Extreme among peers.
pub static GR703: Rule = Rule {
    code: "GR703",
    name: "extreme-among-peers",
    severity: Info,
    title: ["数字远高于同类单位", "A figure far above the peer units'"],
    explanation: [
        "同一批同一格式的报告中（至少5个单位），本单位的本年新收申请、行政许可或行政处罚数量高于上四分位数加3倍四分位距，可能是录入错误（多打一位）。",
        "In one batch (at least 5 units of the same format) this unit's new requests, licensing or penalty decisions exceed the upper quartile by more than three interquartile ranges: possibly a typing error (an extra digit).",
    ],
    message: [
        "{cell}为 {actual}，远高于同类单位（中位数 {median}，上限约 {fence}）",
        "{cell} is {actual}, far above the peers (median {median}, fence about {fence})",
    ],
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

// ---------------------------------------------------------------------------------------------
// GR9xx: import findings — what the importer (`govreport::import`) says about the source it read.
// They are not checks of the document: `check` never gives them; `import_document` does, each
// with the place in the source (`line`, or `table` and `row`, or `paragraph`) in its params.

/// Parts not found.
pub static GR901: Rule = Rule {
    code: "GR901",
    name: "import-part-missing",
    severity: Warning,
    title: ["来源缺少报告部分", "Parts of the report are not in the source"],
    explanation: [
        "导入时在来源中找不到这些部分的标题（一、总体情况 … 六、其他需要报告的事项）。可能是报告本身缺少，也可能是网页摘录被截断。缺失部分的表格单元格保持缺失，不会补造。",
        "The importer found no heading for these parts (一 general situation … 六 other matters). The report may lack them, or the page was cut off. The cells of a missing part stay absent; nothing is invented.",
    ],
    message: ["来源中找不到以下部分：{parts}", "The source has no part: {parts}"],
};

/// Part headings numbered or ordered inconsistently.
pub static GR902: Rule = Rule {
    code: "GR902",
    name: "import-part-order",
    severity: Warning,
    title: ["部分标题编号或顺序有误", "A part heading is numbered or placed wrongly"],
    explanation: [
        "报告各部分应按一、二、三……依次编号，并按格式规定的顺序排列。编号跳过、重复或与内容不符（如“三、主动公开政府信息情况”），说明报告编排有误或摘录不全。",
        "The parts of a report are numbered 一, 二, 三 … in the order the template sets. A skipped, repeated or mismatched numeral (such as 三 on the part about proactive disclosure) shows a badly edited report or an incomplete excerpt.",
    ],
    message: [
        "{at}的标题“{heading}”编号或顺序有误，应为“{expected}”",
        "The heading \"{heading}\" at {at} is numbered or placed wrongly; expected \"{expected}\"",
    ],
};

/// A part without its table.
pub static GR903: Rule = Rule {
    code: "GR903",
    name: "import-table-missing",
    severity: Warning,
    title: ["部分缺少表格", "A part has no table"],
    explanation: [
        "格式规定第二、三、四部分以表格填报。来源中有该部分的标题，却没有可识别的表格（可能以文字代替，或表格是图片）。表格单元格保持缺失。",
        "The template reports parts 二, 三 and 四 as tables. The source has the part's heading but no table the importer recognises (prose instead, or a picture of the table). Its cells stay absent.",
    ],
    message: ["“{part}”部分没有可识别的表格（{at}）", "Part \"{part}\" has no table the importer recognises ({at})"],
};

/// A table cut off.
pub static GR904: Rule = Rule {
    code: "GR904",
    name: "import-table-cut-off",
    severity: Warning,
    title: ["表格被截断", "A table is cut off"],
    explanation: [
        "来源在表格中途结束：已有的行照常导入，其后各行（及被截断行的其余单元格）保持缺失，不会补造。常见于复制网页时只复制了一部分。",
        "The source ends part-way through a table: the rows that are there are imported, the rows after them (and the rest of a row cut in two) stay absent; nothing is invented. Common when only part of a page was copied.",
    ],
    message: [
        "“{table_name}”表格在{at}中断（最后一行：{last}），其后 {count} 行不在来源中",
        "The table \"{table_name}\" stops at {at} (last row: {last}); {count} row(s) after it are not in the source",
    ],
};

/// A row with fewer cells than columns.
pub static GR905: Rule = Rule {
    code: "GR905",
    name: "import-row-short",
    severity: Warning,
    title: ["表格行的单元格不足", "A table row has too few cells"],
    explanation: [
        "该行的单元格少于表格的列数。数字按列的位置从左到右读入，缺少的单元格保持缺失。若来源中间有单元格漏印，后面的数字可能错位，请核对原件。",
        "The row has fewer cells than the table has columns. The numbers are read from the left by column position and the missing cells stay absent. If a cell in the middle was left out of the source, later numbers may sit in the wrong column: check the original.",
    ],
    message: [
        "{at}的{cell}只有 {found} 个单元格（应有 {columns} 个），其余按缺失处理",
        "{cell} at {at} has {found} of {columns} cells; the rest are left absent",
    ],
};

/// A label matched through an alias or known misspelling.
pub static GR906: Rule = Rule {
    code: "GR906",
    name: "import-label-alias",
    severity: Info,
    title: ["表格标签与格式用语不一致", "A table label differs from the template's wording"],
    explanation: [
        "来源中的行或列标签不是格式的原文，而是旧称、简称或常见误写（如2021年格式中写“规范性文件”而非“行政规范性文件”）。导入按标签表中的别名识别，并指出所用的别名。",
        "A row or column label in the source is not the template's wording but an old name, short form or known misspelling (such as 规范性文件 instead of 行政规范性文件 in the 2021 template). The importer matched it through the label table's aliases and names the alias.",
    ],
    message: ["{at}的“{found}”按别名读作“{label}”", "\"{found}\" at {at} was read as \"{label}\" (an alias)"],
};

/// The wrong template cited.
pub static GR907: Rule = Rule {
    code: "GR907",
    name: "import-template-cited",
    severity: Warning,
    title: ["正文引用的格式与表格不符", "The text cites another template than its tables follow"],
    explanation: [
        "正文引用的年度报告格式文件与表格实际采用的格式不一致，例如表格为2021年格式（国办公开办函〔2021〕30号），正文却称依据国办公开办函〔2019〕60号编制。这是上级通报中的“引用格式错误”。",
        "The text cites a different template than the tables follow, for example 2021 tables (国办公开办函〔2021〕30号) under a text that says the report was written to 国办公开办函〔2019〕60号. Supervising offices name this defect.",
    ],
    message: ["{at}引用{cited}，但表格为{basis}格式", "The text at {at} cites {cited} but the tables follow {basis}"],
};

/// A single （六）其他处理 row in a 2021 table.
pub static GR908: Rule = Rule {
    code: "GR908",
    name: "import-other-single-row",
    severity: Warning,
    title: ["2021年格式表格中（六）其他处理只有一行", "(6) Other handling is a single row in a 2021 table"],
    explanation: [
        "2021年格式的（六）其他处理分为三个子项（逾期不补正、逾期未缴费、其他），2019年格式才是一行。来源在2021年格式表格中只填了一行，这些数字无法分入子项，不予导入（子项保持缺失），数字列在本条中。",
        "In the 2021 template (6) other handling has three sub-rows (no correction, fee unpaid, other); only the 2019 template has one row. The source gives a single row in a 2021 table: its numbers cannot be split into the sub-rows, so they are not imported (the sub-rows stay absent) and are listed here.",
    ],
    message: [
        "{at}的（六）其他处理只有一行（{values}），其数字无法分入三个子项，未导入",
        "(6) Other handling at {at} is a single row ({values}); its numbers cannot be split into the three sub-rows and were not imported",
    ],
};

/// Text in a table that matches nothing.
pub static GR909: Rule = Rule {
    code: "GR909",
    name: "import-unread-text",
    severity: Info,
    title: ["表格中有无法识别的内容", "Text in a table was not recognised"],
    explanation: [
        "表格中的这段文字不是任何已知的行、列标签，也不是能放入某行的数字（例如被截断的标签“8.属于行”，或表外多出的数字）。它未被导入。",
        "This text in a table is neither a known row or column label nor a number that belongs to a row (for example a label cut in two such as 8.属于行, or a number outside any row). It was not imported.",
    ],
    message: ["{at}的“{text}”无法识别，未导入", "\"{text}\" at {at} was not recognised and was not imported"],
};

/// Metadata not found.
pub static GR910: Rule = Rule {
    code: "GR910",
    name: "import-meta-missing",
    severity: Info,
    title: ["来源未写明报告信息", "The source does not state a fact of the report"],
    explanation: [
        "来源中找不到报告机关名称或发布日期（标题、发布日期栏或文末落款日期）。机关名称留空，发布日期不填；相应的检查会指出。",
        "The source states no agency name or publication date (in the title, a date line or the date at the end). The name is left empty and the date out; the checks that need them say so.",
    ],
    message: ["来源中找不到{field}", "The source does not state the {field}"],
};

/// A cell that is not a number.
pub static GR911: Rule = Rule {
    code: "GR911",
    name: "import-cell-unreadable",
    severity: Warning,
    title: ["单元格内容不是有效数字", "A cell is not a valid number"],
    explanation: [
        "单元格既不是该栏可用的数字（件数为非负整数，金额为小数），也不是空白或“/”“—”“无”等标记。该单元格按缺失处理，不会猜测其数值。",
        "The cell is neither a number the column takes (counts are whole numbers ≥ 0, amounts decimals) nor blank or a mark such as /, — or 无. It is left absent; its value is not guessed.",
    ],
    message: ["{at}的单元格“{text}”不是{cell}可用的数字，按缺失处理", "The cell \"{text}\" at {at} is not a valid number for {cell}; left absent"],
};

/// A row given twice.
pub static GR912: Rule = Rule {
    code: "GR912",
    name: "import-duplicate-row",
    severity: Warning,
    title: ["表格行重复出现", "A table row appears twice"],
    explanation: [
        "同一行在来源中出现了两次。以第一次出现的数字为准，第二次的数字未导入。",
        "The same row appears twice in the source. The numbers of its first appearance are kept; the second is not imported.",
    ],
    message: ["{cell}在{at}再次出现，以首次出现为准", "{cell} appears again at {at}; the first one is kept"],
};

/// Rows missing from a table.
pub static GR913: Rule = Rule {
    code: "GR913",
    name: "import-row-missing",
    severity: Warning,
    title: ["表格缺少行", "Rows are missing from a table"],
    explanation: [
        "表格中没有格式规定的这些行（其前后的行都在）。这些行的单元格保持缺失。",
        "The table lacks these rows of the template (rows around them are there). Their cells stay absent.",
    ],
    message: ["“{table_name}”表格缺少 {count} 行：{rows}", "The table \"{table_name}\" lacks {count} row(s): {rows}"],
};

/// Undecodable bytes.
pub static GR914: Rule = Rule {
    code: "GR914",
    name: "import-encoding",
    severity: Warning,
    title: ["来源含有无效字节", "The source has invalid bytes"],
    explanation: [
        "按所判断或指定的编码解码时，部分字节无效，已替换为 U+FFFD（�）。若字数或数字显示异常，请指定正确的编码（如 gb18030）重新导入。",
        "Some bytes were not valid in the encoding found or given and were replaced by U+FFFD (�). If text or numbers look wrong, import again with the right encoding (such as gb18030).",
    ],
    message: [
        "按 {encoding} 解码时有 {count} 处无效字节，已替换为 U+FFFD",
        "{count} invalid byte sequence(s) when decoding as {encoding} were replaced by U+FFFD",
    ],
};

/// No part headings at all.
pub static GR915: Rule = Rule {
    code: "GR915",
    name: "import-no-headings",
    severity: Info,
    title: ["来源没有部分标题", "The source has no part headings"],
    explanation: [
        "来源中没有“一、总体情况”等部分标题（常见于只摘录了正文的一段）。全部正文按“总体情况”导入，以便检查文字中的数字。",
        "The source has no part headings such as 一、总体情况 (common in an excerpt of the text only). All of its text was read as part 一 (general situation), so that the numbers it states can be checked.",
    ],
    message: ["来源中没有部分标题，正文按“总体情况”导入", "The source has no part headings; its text was read as part 一 (general situation)"],
};

/// Metadata taken from a weaker statement than a title.
pub static GR916: Rule = Rule {
    code: "GR916",
    name: "import-meta-inferred",
    severity: Info,
    title: ["报告信息取自正文", "A fact of the report was taken from the text"],
    explanation: [
        "来源没有标题或统计期限说明，报告年度或机关名称取自正文中第一次提到的地方。请核对。",
        "The source has no title or statement of the statistics period; the reporting year or the agency name was taken from the first place the text mentions one. Check it.",
    ],
    message: ["{field}取自{at}：“{quote}”", "The {field} was taken from {at}: \"{quote}\""],
};
