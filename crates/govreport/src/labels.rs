//! The one label table: every part, row and column of the national templates.
//!
//! Each entry carries the JSON id it has in a document, the exact Chinese label of the
//! template, the aliases published reports use for it, and an English gloss. Schema titles,
//! message cell names, renderers and importers all read labels from here; nothing else in the
//! code base types a Chinese label of the templates.

use crate::i18n::{Bilingual, fill};
use crate::model::{Format, Layout, RowId};

/// A label of the templates: the id in the document, its name (the exact Chinese text of the
/// template, and an English gloss), and aliases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    /// JSON pointer (rows, parts, fields) or object key (columns) in a document.
    pub id: &'static str,
    /// The exact Chinese label of the template, and an English gloss.
    pub name: Bilingual,
    /// Other spellings seen in published reports (old names, short forms, known typos).
    pub aliases: &'static [&'static str],
}

impl Label {
    /// The label in the language asked for.
    pub fn text(&self, lang: crate::Lang) -> &'static str {
        self.name.get(lang)
    }
}

const fn l(id: &'static str, zh: &'static str, en: &'static str) -> Label {
    Label { id, name: Bilingual::new(zh, en), aliases: &[] }
}

const fn la(id: &'static str, zh: &'static str, en: &'static str, aliases: &'static [&'static str]) -> Label {
    Label { id, name: Bilingual::new(zh, en), aliases }
}

/// How a cell is named: its row, then its column.
const CELL_NAME: Bilingual = Bilingual::new("{row}「{column}」", "{row} [{column}]");
/// How a row under a group heading is named.
const ROW_IN_GROUP: Bilingual = Bilingual::new("{group}{row}", "{group} — {row}");
/// How a group of lawsuits of table C is named.
const LAWSUIT_GROUP: Bilingual = Bilingual::new("{header}（{group}）", "{header} ({group})");

/// Which formats a row or part belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Only {
    /// Every template format (2019 and 2021).
    Both,
    /// Only the 2019 template (年度报告格式（试行）).
    F2019,
    /// Only the 2021 template.
    F2021,
}

impl Only {
    /// Whether a row marked so belongs to `format`.
    pub fn admits(self, format: Format) -> bool {
        match self {
            Only::Both => true,
            Only::F2019 => format == Format::F2019,
            Only::F2021 => format == Format::F2021,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Document metadata

/// Labels of the document's own fields (not part of the printed template).
pub static META: &[Label] = &[
    l("/format", "报告格式", "Report format (template)"),
    l("/year", "报告年度", "Reporting year"),
    l("/agency", "报告机关", "Reporting agency"),
    l("/agency/name", "机关名称", "Agency name"),
    l("/agency/kind", "机关类型", "Agency kind"),
    l("/agency/level", "行政层级", "Administrative level"),
    l("/agency/region_code", "行政区划代码", "Region code (GB/T 2260)"),
    l("/agency/credit_code", "统一社会信用代码", "Unified social credit code (GB 32100)"),
    l("/published_on", "发布日期", "Publication date"),
    l("/sections", "报告正文", "Report text"),
    l("/figures", "文中数字", "Figures stated in the text"),
];

/// The agency kinds of `agency.kind`, with their Chinese names.
pub static AGENCY_KINDS: &[Label] = &[
    la("government", "人民政府", "people's government", &["县级以上地方人民政府"]),
    la("department", "人民政府部门", "government department", &["县级以上人民政府部门", "国务院部门"]),
    la("township", "乡镇人民政府、街道办事处", "township government or sub-district office", &["乡镇人民政府", "街道办事处"]),
    l("other", "其他机关", "other body"),
];

/// How a body's name shows its kind: the words its name ends with (or, for the 管委会 of a
/// zone, holds), and the kind. The first entry that fits decides.
#[derive(Debug, Clone, Copy)]
pub struct KindByName {
    /// The kind, as in a document.
    pub kind: crate::model::AgencyKind,
    /// Words the name ends with.
    pub ends: &'static [&'static str],
    /// Words the name must also hold (a zone: 开发区 …), when not empty.
    pub holds: &'static [&'static str],
}

/// Zones whose 管理委员会 reports for the whole zone, as a 人民政府 does.
const ZONES: &[&str] = &["开发区", "新区", "实验区", "试验区", "高新区", "示范区", "园区", "保税区", "合作区"];

/// The kinds names show, in order of precedence: 街道办事处, 乡 and 镇 are townships; a name
/// ending in 人民政府, and a zone or the 管委会 of a zone (开发区, 新区, 实验区 …) reporting for the
/// whole zone, are governments; a 局, 委, 办, 厅 … is a department.
pub static AGENCY_NAME_KINDS: &[KindByName] = {
    use crate::model::AgencyKind::{Department, Government, Township};
    &[
        KindByName {
            kind: Township,
            ends: &["街道办事处", "街道办", "街道", "乡人民政府", "镇人民政府", "乡政府", "镇政府", "办事处", "乡", "镇"],
            holds: &[],
        },
        KindByName { kind: Government, ends: &["人民政府", "政府"], holds: &[] },
        KindByName { kind: Government, ends: &["管理委员会", "管委会"], holds: ZONES },
        KindByName { kind: Government, ends: ZONES, holds: &[] },
        KindByName {
            kind: Department,
            ends: &["局", "委员会", "委", "办公室", "办公厅", "办", "厅", "部", "署", "中心", "院", "所", "站", "队", "馆", "会", "处"],
            holds: &[],
        },
    ]
};

/// The administrative levels of `agency.level` ([`crate::model::Level::as_str`]), with their
/// Chinese names.
pub static LEVELS: &[Label] = &[
    l("national", "国家级", "national"),
    l("provincial", "省级", "provincial"),
    l("prefectural", "地市级", "prefectural"),
    l("county", "县级", "county"),
    l("township", "乡镇级", "township"),
];

/// The label of the agency kind whose value in a document is `id` (`"department"` …).
pub fn agency_kind(id: &str) -> Option<&'static Label> {
    AGENCY_KINDS.iter().find(|l| l.id == id)
}

/// The label of the administrative level whose value in a document is `id` (`"county"` …).
pub fn level(id: &str) -> Option<&'static Label> {
    LEVELS.iter().find(|l| l.id == id)
}

// ---------------------------------------------------------------------------------------------
// Parts of a 2019/2021 report

/// A part (一 … 六) of a 2019 or 2021 report.
#[derive(Debug, Clone, Copy)]
pub struct PartLabel {
    /// The numeral that opens the heading (一 … 六).
    pub numeral: &'static str,
    /// Id, heading and aliases.
    pub label: Label,
    /// The table the part holds, or None for a part of prose (一, 五, 六).
    pub table: Option<crate::cells::Table>,
    /// Words that show a heading is about the part when its wording is not the template's
    /// (with the part's numeral: 四、复议诉讼情况).
    pub words: &'static [&'static str],
    /// When a heading's words fit several parts, the part of higher rank is taken: 三's 申请
    /// is also in 四's headings (因政府信息公开申请行政复议), so 四 ranks above 三.
    pub word_rank: u8,
    /// Words that state the part's content in a sentence of another part ("本机关无其他需要报告的
    /// 事项"): where one stands in the text, the part is not missing.
    pub mentions: &'static [&'static str],
}

const fn part(
    numeral: &'static str,
    label: Label,
    table: Option<crate::cells::Table>,
    words: &'static [&'static str],
    word_rank: u8,
    mentions: &'static [&'static str],
) -> PartLabel {
    PartLabel { numeral, label, table, words, word_rank, mentions }
}

/// The six parts of the 2019 and 2021 templates, in order.
pub static PARTS: &[PartLabel] = &[
    part("一", l("/sections/overview", "总体情况", "General situation"), None, &["总体情况", "概述", "基本情况"], 1, &[]),
    part(
        "二",
        l("/proactive", "主动公开政府信息情况", "Information disclosed on the agency's own initiative"),
        Some(crate::cells::Table::Proactive),
        &["主动公开"],
        2,
        &[],
    ),
    part(
        "三",
        l("/requests", "收到和处理政府信息公开申请情况", "Requests for disclosure received and handled"),
        Some(crate::cells::Table::Requests),
        &["申请"],
        3,
        &[],
    ),
    part(
        "四",
        la(
            "/review_litigation",
            "政府信息公开行政复议、行政诉讼情况",
            "Administrative reviews and lawsuits about disclosure",
            &["因政府信息公开工作被申请行政复议、提起行政诉讼情况", "政府信息公开行政复议和行政诉讼情况", "因政府信息公开申请行政复议、提起行政诉讼的情况"],
        ),
        Some(crate::cells::Table::Review),
        &["复议", "诉讼"],
        6,
        &[],
    ),
    part(
        "五",
        la(
            "/sections/problems",
            "政府信息公开工作存在的主要问题及改进情况",
            "Main problems and improvements",
            &[
                "存在的主要问题及改进情况",
                "存在的主要问题及改进措施",
                "存在的问题及改进措施",
                "存在的问题及改进情况",
                "主要问题及改进情况",
                "存在的不足及改进措施",
            ],
        ),
        None,
        &["问题", "不足"],
        5,
        &["存在的主要问题", "存在的问题", "存在问题", "问题及改进", "不足之处"],
    ),
    part(
        "六",
        la(
            "/sections/other_matters",
            "其他需要报告的事项",
            "Other matters to report",
            &["其它需要报告的事项", "其他事项", "其他需要说明的事项", "其他需报告的事项"],
        ),
        None,
        &["其他需要报告", "其他事项", "其它需要报告", "其他需要说明", "其他需报告"],
        4,
        &["其他需要报告", "其它需要报告", "其他需报告", "其他需要说明"],
    ),
];

/// Topics the 2021 template asks 一、总体情况 to cover.
pub static OVERVIEW_TOPICS_2021: &[Label] = &[
    l("proactive", "主动公开", "proactive disclosure"),
    l("requests", "依申请公开", "disclosure on request"),
    la("management", "政府信息管理", "information management", &["信息管理"]),
    la("platforms", "政府信息公开平台建设", "disclosure platforms", &["平台建设", "公开平台"]),
    la("oversight", "监督保障", "oversight and safeguards", &["监督"]),
];

/// What a 人民政府 report must state (条例第五十条第（四）项), each with the words that show it.
pub static GOVERNMENT_RESULTS: &[Label] = &[
    la("assessment", "工作考核", "performance assessment", &["考核"]),
    la("appraisal", "社会评议", "public appraisal", &["评议"]),
    la("accountability", "责任追究", "accountability", &["追责", "问责"]),
];

// ---------------------------------------------------------------------------------------------
// Table A — 主动公开政府信息情况

/// A block of table A: the 第二十条 item it reports and its rows and columns.
#[derive(Debug, Clone, Copy)]
pub struct ProactiveBlock {
    /// The heading of the block, e.g. 第二十条第（一）项.
    pub item: &'static str,
    /// Rows (信息内容): id is the pointer of the row.
    pub rows: &'static [Label],
    /// Columns: id is the key of the column inside a row object, or "" when the row is one cell.
    pub columns: &'static [Label],
}

/// The heading of the first column of table A.
pub static PROACTIVE_CONTENT_HEADER: Label = l("", "信息内容", "Content");

/// 规章, in both templates.
pub const RULES_ROW: Label = l("/proactive/rules", "规章", "Rules (规章)");
/// 行政许可, in both templates.
pub const LICENSING_ROW: Label = l("/proactive/licensing", "行政许可", "Administrative licensing");
/// 行政处罚, in both templates.
pub const PENALTY_ROW: Label = l("/proactive/penalty", "行政处罚", "Administrative penalties");
/// 行政强制, in both templates.
pub const COERCION_ROW: Label = l("/proactive/coercion", "行政强制", "Administrative coercion");
const DECISIONS_2021: &[Label] = &[l("", "本年处理决定数量", "Decisions this year")];
/// 上一年项目数量, 本年增/减, 处理决定数量 of the 2019 template (行政事业性收费 has the first two).
const ITEMS_2019: &[Label] = &[
    l("previous_items", "上一年项目数量", "Items last year"),
    la("change", "本年增/减", "Change this year (signed)", &["本年增／减", "本年增减"]),
    l("decisions", "处理决定数量", "Decisions"),
];

/// Table A of the 2021 template.
pub static PROACTIVE_2021: &[ProactiveBlock] = &[
    ProactiveBlock {
        item: "第二十条第（一）项",
        rows: &[RULES_ROW, la("/proactive/normative_documents", "行政规范性文件", "Administrative normative documents", &["规范性文件"])],
        columns: &[
            l("issued", "本年制发件数", "Issued this year"),
            l("repealed", "本年废止件数", "Repealed this year"),
            l("in_force", "现行有效件数", "In force"),
        ],
    },
    ProactiveBlock { item: "第二十条第（五）项", rows: &[LICENSING_ROW], columns: DECISIONS_2021 },
    ProactiveBlock { item: "第二十条第（六）项", rows: &[PENALTY_ROW, COERCION_ROW], columns: DECISIONS_2021 },
    ProactiveBlock {
        item: "第二十条第（八）项",
        rows: &[l("/proactive/fees_10k_yuan", "行政事业性收费", "Administrative fees")],
        columns: &[la("", "本年收费金额（单位：万元）", "Fees collected this year (10,000 yuan)", &["本年收费金额", "本年收费金额（万元）"])],
    },
];

/// Table A of the 2019 template (年度报告格式（试行）).
pub static PROACTIVE_2019: &[ProactiveBlock] = &[
    ProactiveBlock {
        item: "第二十条第（一）项",
        rows: &[RULES_ROW, la("/proactive/normative_documents", "规范性文件", "Normative documents", &["行政规范性文件"])],
        columns: &[
            l("produced", "本年新制作数量", "Newly made this year"),
            l("published", "本年新公开数量", "Newly published this year"),
            l("total_published", "对外公开总数量", "Published in total"),
        ],
    },
    ProactiveBlock {
        item: "第二十条第（五）项",
        rows: &[LICENSING_ROW, l("/proactive/other_services", "其他对外管理服务事项", "Other public management services")],
        columns: ITEMS_2019,
    },
    ProactiveBlock { item: "第二十条第（六）项", rows: &[PENALTY_ROW, COERCION_ROW], columns: ITEMS_2019 },
    ProactiveBlock {
        item: "第二十条第（八）项", rows: &[l("/proactive/fees", "行政事业性收费", "Administrative fees")], columns: ITEMS_2019.split_at(2).0
    },
    ProactiveBlock {
        item: "第二十条第（九）项",
        rows: &[l("/proactive/procurement", "政府集中采购", "Government centralised procurement")],
        columns: &[l("items", "采购项目数量", "Procurement items"), l("amount", "采购总金额", "Total procurement amount")],
    },
];

// ---------------------------------------------------------------------------------------------
// Table B — 收到和处理政府信息公开申请情况

/// The caption cell of table B.
pub static REQUESTS_CAPTION: Label =
    l("", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "(In this column: item 1 plus item 2 equals item 3 plus item 4)");

/// Header cells of table B above the columns.
pub static REQUESTS_HEADERS: &[Label] =
    &[l("applicants", "申请人情况", "Applicants"), l("organisations", "法人或其他组织", "Legal persons and other organisations")];

/// The seven columns of table B, in order; the first six add up to the seventh.
pub static REQUEST_COLUMNS: &[Label] = &[
    l("natural_person", "自然人", "Natural persons"),
    la("commercial", "商业企业", "Businesses", &["商业 企业"]),
    la("research", "科研机构", "Research institutions", &["科研 机构"]),
    la("social_welfare", "社会公益组织", "Public-interest organisations", &["社会公益 组织"]),
    la("legal_service", "法律服务机构", "Legal service providers", &["法律服务 机构"]),
    l("other_org", "其他", "Other organisations"),
    la("total", "总计", "Total", &["合计"]),
];

/// What a row of table B stands for in the arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// 一、本年新收 or 二、上年结转: requests to handle.
    Intake,
    /// A heading that groups rows and holds no cells.
    Group,
    /// A row of 三、本年度办理结果 that (七) 总计 adds up.
    Result,
    /// （七）总计.
    ResultsTotal,
    /// 四、结转下年度继续办理.
    CarriedForward,
}

/// A row (or group heading) of table B.
#[derive(Debug, Clone, Copy)]
pub struct RowLabel {
    /// Id, label, aliases, gloss; the id is the row's JSON pointer.
    pub label: Label,
    /// The row in the model, or None for a group heading.
    pub row: Option<RowId>,
    /// Its part in the arithmetic.
    pub role: Role,
    /// Indentation in the template: 0 for 一 … 四, 1 for （一）…, 2 for 1. ….
    pub depth: u8,
    /// Which formats have the row.
    pub only: Only,
}

const fn row(id: &'static str, row: RowId, role: Role, depth: u8, zh: &'static str, en: &'static str, aliases: &'static [&'static str]) -> RowLabel {
    RowLabel { label: la(id, zh, en, aliases), row: Some(row), role, depth, only: Only::Both }
}

const fn group(id: &'static str, depth: u8, zh: &'static str, en: &'static str, only: Only) -> RowLabel {
    RowLabel { label: l(id, zh, en), row: None, role: Role::Group, depth, only }
}

const fn only(mut r: RowLabel, only: Only) -> RowLabel {
    r.only = only;
    r
}

/// Every row of table B in template order, for both template formats (see [`request_rows`]).
pub static REQUEST_ROWS: &[RowLabel] = &[
    row(
        "/requests/new",
        RowId::New,
        Role::Intake,
        0,
        "一、本年新收政府信息公开申请数量",
        "1. New requests this year",
        &["本年新收政府信息公开申请数量", "本年新收"],
    ),
    row(
        "/requests/carried_over",
        RowId::CarriedOver,
        Role::Intake,
        0,
        "二、上年结转政府信息公开申请数量",
        "2. Requests carried over from last year",
        &["上年结转政府信息公开申请数量", "上年结转"],
    ),
    group("/requests/results", 0, "三、本年度办理结果", "3. Results this year", Only::Both),
    row("/requests/granted", RowId::Granted, Role::Result, 1, "（一）予以公开", "(1) Granted", &[]),
    row(
        "/requests/partially_granted",
        RowId::PartiallyGranted,
        Role::Result,
        1,
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "(2) Partially granted (a request handled in parts counts here only)",
        &["（二）部分公开"],
    ),
    group("/requests/withheld", 1, "（三）不予公开", "(3) Withheld", Only::Both),
    row("/requests/withheld/state_secret", RowId::StateSecret, Role::Result, 2, "1.属于国家秘密", "State secret", &[]),
    row(
        "/requests/withheld/prohibited_by_law",
        RowId::ProhibitedByLaw,
        Role::Result,
        2,
        "2.其他法律行政法规禁止公开",
        "Prohibited by other laws or regulations",
        &[],
    ),
    row(
        "/requests/withheld/security_stability",
        RowId::SecurityStability,
        Role::Result,
        2,
        "3.危及“三安全一稳定”",
        "Endangers the \"three securities and stability\"",
        &["3.危及\"三安全一稳定\"", "3.危及三安全一稳定"],
    ),
    row("/requests/withheld/third_party", RowId::ThirdParty, Role::Result, 2, "4.保护第三方合法权益", "Protects third parties' lawful rights", &[]),
    row("/requests/withheld/internal_affairs", RowId::InternalAffairs, Role::Result, 2, "5.属于三类内部事务信息", "Internal affairs information", &[]),
    row("/requests/withheld/process_info", RowId::ProcessInfo, Role::Result, 2, "6.属于四类过程性信息", "Process information", &[]),
    row("/requests/withheld/enforcement_files", RowId::EnforcementFiles, Role::Result, 2, "7.属于行政执法案卷", "Administrative enforcement files", &[]),
    row("/requests/withheld/inquiry_matters", RowId::InquiryMatters, Role::Result, 2, "8.属于行政查询事项", "Administrative inquiry matters", &[]),
    group("/requests/unable", 1, "（四）无法提供", "(4) Unable to provide", Only::Both),
    row("/requests/unable/not_held", RowId::NotHeld, Role::Result, 2, "1.本机关不掌握相关政府信息", "Not held by this agency", &[]),
    row("/requests/unable/needs_creation", RowId::NeedsCreation, Role::Result, 2, "2.没有现成信息需要另行制作", "Would have to be newly made", &[]),
    row("/requests/unable/still_unclear", RowId::StillUnclear, Role::Result, 2, "3.补正后申请内容仍不明确", "Still unclear after correction", &[]),
    group("/requests/not_processed", 1, "（五）不予处理", "(5) Not processed", Only::Both),
    row("/requests/not_processed/petition", RowId::Petition, Role::Result, 2, "1.信访举报投诉类申请", "Petitions, reports or complaints", &[]),
    row("/requests/not_processed/duplicate", RowId::Duplicate, Role::Result, 2, "2.重复申请", "Repeated requests", &[]),
    row("/requests/not_processed/publication", RowId::Publication, Role::Result, 2, "3.要求提供公开出版物", "Requests for published material", &[]),
    row(
        "/requests/not_processed/excessive",
        RowId::Excessive,
        Role::Result,
        2,
        "4.无正当理由大量反复申请",
        "Numerous repeated requests without good reason",
        &[],
    ),
    row(
        "/requests/not_processed/confirmation",
        RowId::Confirmation,
        Role::Result,
        2,
        "5.要求行政机关确认或重新出具已获取信息",
        "Asks to confirm or reissue information already obtained",
        &[],
    ),
    only(row("/requests/other", RowId::OtherSingle, Role::Result, 1, "（六）其他处理", "(6) Other handling", &[]), Only::F2019),
    group("/requests/other", 1, "（六）其他处理", "(6) Other handling", Only::F2021),
    only(
        row(
            "/requests/other/no_correction",
            RowId::NoCorrection,
            Role::Result,
            2,
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "Applicant did not correct the request in time",
            &["1.申请人无正当理由逾期不补正"],
        ),
        Only::F2021,
    ),
    only(
        row(
            "/requests/other/fee_unpaid",
            RowId::FeeUnpaid,
            Role::Result,
            2,
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "Applicant did not pay the processing fee in time",
            &["2.申请人逾期未按收费通知要求缴纳费用"],
        ),
        Only::F2021,
    ),
    only(row("/requests/other/other", RowId::OtherOther, Role::Result, 2, "3.其他", "Other", &[]), Only::F2021),
    row("/requests/results_total", RowId::ResultsTotal, Role::ResultsTotal, 1, "（七）总计", "(7) Total of results", &["（七）合计"]),
    row(
        "/requests/carried_forward",
        RowId::CarriedForward,
        Role::CarriedForward,
        0,
        "四、结转下年度继续办理",
        "4. Carried forward to next year",
        &["结转下年度继续办理"],
    ),
];

/// The rows of table B that `format` has, in template order.
pub fn request_rows(format: Format) -> impl Iterator<Item = &'static RowLabel> {
    REQUEST_ROWS.iter().filter(move |r| r.only.admits(format))
}

/// The rows of table B of a document of `format` whose （六）其他处理 is laid out as `layout`,
/// in template order: a 2021 document with one （六） row has that row (the 2019 label) in
/// place of the heading and its three sub-rows.
pub fn request_rows_in(format: Format, layout: Layout) -> impl Iterator<Item = &'static RowLabel> {
    // Chosen once per format and layout: every check reads table B by them.
    static LISTS: std::sync::OnceLock<Vec<((Format, Layout), Vec<&'static RowLabel>)>> = std::sync::OnceLock::new();
    let lists = LISTS.get_or_init(|| {
        let formats = [Format::F2021, Format::F2019, Format::F2007];
        let keys = formats.into_iter().flat_map(|f| [(f, Layout::Template), (f, Layout::SingleOther)]);
        keys.map(|(format, layout)| {
            let single = layout == Layout::SingleOther && format == Format::F2021;
            let rows = REQUEST_ROWS.iter().filter(move |r| {
                let of_other = r.row.is_none_or(is_other_row) && r.label.id.starts_with("/requests/other");
                if single && of_other { r.row == Some(RowId::OtherSingle) } else { r.only.admits(format) }
            });
            ((format, layout), rows.collect())
        })
        .collect()
    });
    lists.iter().find(|(key, _)| *key == (format, layout)).map_or(&[][..], |(_, rows)| rows.as_slice()).iter().copied()
}

/// Whether `row` is a row of （六）其他处理 (the single row or a sub-row).
pub fn is_other_row(row: RowId) -> bool {
    matches!(row, RowId::OtherSingle | RowId::NoCorrection | RowId::FeeUnpaid | RowId::OtherOther)
}

// ---------------------------------------------------------------------------------------------
// Table C — 行政复议、行政诉讼

/// Header cells of table C.
pub static REVIEW_HEADERS: &[Label] = &[l("review", "行政复议", "Administrative review"), l("litigation", "行政诉讼", "Administrative litigation")];

/// The three groups of table C, in order.
pub static REVIEW_GROUPS: &[Label] = &[
    l("/review_litigation/review", "行政复议", "Administrative review"),
    l("/review_litigation/litigation_direct", "未经复议直接起诉", "Sued without prior review"),
    l("/review_litigation/litigation_after_review", "复议后起诉", "Sued after review"),
];

/// The five columns of each group of table C; the first four add up to the fifth.
pub static REVIEW_COLUMNS: &[Label] = &[
    l("upheld", "结果维持", "Upheld"),
    l("corrected", "结果纠正", "Corrected"),
    l("other", "其他结果", "Other outcome"),
    l("pending", "尚未审结", "Pending"),
    la("total", "总计", "Total", &["合计"]),
];

// ---------------------------------------------------------------------------------------------
// Part 六 — 信息处理费 (国办函〔2020〕109号)

/// The processing-fee figures reported in part 六 (wording not fixed by the template).
pub static PROCESSING_FEES: &[Label] = &[
    l("/processing_fees", "信息处理费", "Information processing fees"),
    l("/processing_fees/notices", "发出收费通知的件数", "Fee notices issued"),
    l("/processing_fees/billed_yuan", "收费通知金额（元）", "Amount billed (yuan)"),
    l("/processing_fees/collected_yuan", "实际收取金额（元）", "Amount collected (yuan)"),
];

// ---------------------------------------------------------------------------------------------
// The 2007 regime — 第三十二条

/// One content item of 第三十二条; aliases are the words a heading uses for it.
#[derive(Debug, Clone, Copy)]
pub struct ContentItem {
    /// Id, the statutory wording, aliases (heading words), gloss.
    pub label: Label,
    /// Headings offices wrote for it over the years, whole: without a numeral, a heading inside
    /// a long line is known only by one of these.
    pub headings: &'static [&'static str],
    /// Words that state the content in a sentence without a heading of its own ("本年度未发生
    /// 行政复议、行政诉讼" covers （四）): where one stands in a part's text, the content is there.
    pub mentions: &'static [&'static str],
    /// Whether a sentence with one of `mentions` states the content only when it also gives a
    /// figure or says there was none (未, 无, 没有 …): "主动公开" alone is said of everything,
    /// "存在的主要问题" is not.
    pub needs_figure: bool,
    /// Whether a report must have a part on it. （六）其他需要报告的事项 may be left out when
    /// there is nothing else to report.
    pub required: bool,
}

/// The six contents of a 2007-regime report (第三十二条).
pub static CONTENTS_2007: &[ContentItem] = &[
    ContentItem {
        label: la("proactive", "（一）主动公开政府信息的情况", "Proactive disclosure", &["主动公开"]),
        headings: &["主动公开政府信息的情况", "主动公开信息情况", "政府信息主动公开情况", "主动公开情况"],
        mentions: &["主动公开"],
        needs_figure: true,
        required: true,
    },
    ContentItem {
        label: la(
            "requests",
            "（二）依申请公开政府信息和不予公开政府信息的情况",
            "Disclosure on request and information withheld",
            &["依申请公开", "申请公开", "不予公开", "公开申请"],
        ),
        headings: &[
            "依申请公开政府信息和不予公开政府信息的情况",
            "依申请公开政府信息的情况",
            "依申请公开情况",
            "政府信息依申请公开办理情况",
            "政府信息依申请公开情况",
            "依申请公开信息的情况和不予公开信息的情况",
        ],
        mentions: &["依申请公开", "公开申请", "申请公开", "公开的申请", "不予公开"],
        needs_figure: true,
        required: true,
    },
    ContentItem {
        label: la("fees", "（三）政府信息公开的收费及减免情况", "Fees and fee waivers", &["收费", "减免"]),
        headings: &["政府信息公开的收费及减免情况", "政府信息公开收费与减免情况", "收费及减免情况"],
        mentions: &["收费及减免", "收费和减免", "收费与减免", "收费、减免", "减免", "收取费用", "收取任何费用", "收取过费用", "公开收费", "公开的收费"],
        needs_figure: true,
        required: true,
    },
    ContentItem {
        label: la(
            "review_litigation",
            "（四）因政府信息公开申请行政复议、提起行政诉讼的情况",
            "Administrative reviews and lawsuits",
            &["行政复议", "行政诉讼", "复议", "诉讼"],
        ),
        headings: &[
            "因政府信息公开申请行政复议、提起行政诉讼的情况",
            "因政府信息公开申请行政复议和提起行政诉讼的情况",
            "行政复议和行政诉讼情况",
            "行政复议、行政诉讼情况",
        ],
        mentions: &["行政复议", "行政诉讼", "复议", "诉讼"],
        needs_figure: true,
        required: true,
    },
    ContentItem {
        label: la(
            "problems",
            "（五）政府信息公开工作存在的主要问题及改进情况",
            "Main problems and improvements",
            &["存在的主要问题", "主要问题", "存在问题", "存在的问题", "改进", "不足"],
        ),
        headings: &[
            "政府信息公开工作存在的主要问题及改进情况",
            "政府信息公开工作存在的主要问题及改进措施",
            "存在的问题及改进措施",
            "存在的问题和改进措施",
            "存在的不足及改进措施",
            "存在的主要问题及下步工作安排",
        ],
        mentions: &["存在的主要问题", "存在的问题", "存在问题", "存在一些问题", "存在一些不足", "不足之处", "问题及改进"],
        needs_figure: false,
        required: true,
    },
    ContentItem {
        label: la("other_matters", "（六）其他需要报告的事项", "Other matters to report", &["其他需要报告", "其他事项", "其它需要报告"]),
        headings: &["其他需要报告的事项", "其他事项"],
        mentions: &["其他需要报告", "其它需要报告"],
        needs_figure: false,
        required: false,
    },
];

/// Parts of 2007-regime reports that are no content of 第三十二条 but open a part all the same
/// (一、概述 …, 附件): known so that their headings are found inside long lines too.
pub static OTHER_PARTS_2007: &[Label] = &[
    la("overview", "概述", "Overview", &["总体情况", "基本情况", "工作概况", "概况", "总体工作情况"]),
    la("organisation", "组织领导和制度建设情况", "Organisation and rules", &["组织领导", "制度建设", "工作机制", "主要工作措施", "主要做法"]),
];

/// Words that announce a table of figures beside the text ("附：2015年政府信息公开数据统计表"):
/// the mark, then a word naming the table.
pub static TABLE_ANNOUNCED: Label = la("attachment", "附件", "Attachment", &["附：", "附:", "附表", "附件："]);
/// Words that name a statistics table in an announcement.
pub static STATISTICS_TABLE: Label = la("statistics_table", "统计表", "Statistics table", &["数据表", "情况表", "附表", "一览表"]);

/// The label of a part of a 2007 breakdown that claims to cover everything else.
pub static CATCH_ALL: Label = la("catch_all", "其他", "other (catch-all)", &["其它", "其余"]);

// ---------------------------------------------------------------------------------------------
// Derived figures (see `crate::across::indicators`)

/// The figures supervisors derive from a report, in the order of `Indicators`' fields.
pub static INDICATORS: &[Label] = &[
    l("disclosure_rate", "公开率", "Disclosure rate"),
    l("review_litigation_rate", "复议诉讼率", "Review and litigation rate"),
    l("correction_rate", "纠错率", "Correction rate"),
];

// ---------------------------------------------------------------------------------------------
// Look-ups

/// The label of the field at `pointer` in a document of `format`, if the templates name it.
///
/// Rows, parts and fields are found by their pointer; a column by the pointer of its row.
pub fn lookup(format: Format, pointer: &str) -> Option<&'static Label> {
    if let Some(r) = request_rows(format).find(|r| r.label.id == pointer) {
        return Some(&r.label);
    }
    let blocks = match format {
        Format::F2021 => PROACTIVE_2021,
        Format::F2019 => PROACTIVE_2019,
        Format::F2007 => &[],
    };
    for b in blocks {
        if let Some(row) = b.rows.iter().find(|r| r.id == pointer) {
            return Some(row);
        }
    }
    let tables: [&[Label]; 4] = [META, REVIEW_GROUPS, PROCESSING_FEES, &[]];
    for t in tables {
        if let Some(x) = t.iter().find(|x| x.id == pointer) {
            return Some(x);
        }
    }
    PARTS.iter().map(|p| &p.label).find(|x| x.id == pointer)
}

/// The column label of the cell at `pointer`, given its row's pointer.
pub fn column(format: Format, row: &str, key: &str) -> Option<&'static Label> {
    if row.starts_with("/requests/") {
        return REQUEST_COLUMNS.iter().find(|c| c.id == key);
    }
    if row.starts_with("/review_litigation/") {
        return REVIEW_COLUMNS.iter().find(|c| c.id == key);
    }
    let blocks = match format {
        Format::F2021 => PROACTIVE_2021,
        Format::F2019 => PROACTIVE_2019,
        Format::F2007 => &[],
    };
    blocks.iter().find(|b| b.rows.iter().any(|r| r.id == row)).and_then(|b| b.columns.iter().find(|c| c.id == key))
}

/// A reader's name for the cell or field at `pointer`: its row (with the group it sits in)
/// and its column, in the language asked for. Falls back to the pointer itself.
pub fn cell_name(format: Format, pointer: &str, lang: crate::Lang) -> String {
    if let Some(label) = lookup(format, pointer) {
        return with_group(format, label, lang);
    }
    if let Some((row, key)) = pointer.rsplit_once('/')
        && let Some(row_label) = lookup(format, row)
    {
        let row_text = with_group(format, row_label, lang);
        return match column(format, row, key) {
            Some(c) if !c.id.is_empty() => fill(CELL_NAME.get(lang), |n| match n {
                "row" => Some(row_text.as_str().into()),
                "column" => Some(c.text(lang).into()),
                _ => None,
            }),
            _ => row_text,
        };
    }
    pointer.to_string()
}

fn with_group(format: Format, label: &Label, lang: crate::Lang) -> String {
    let mut text = label.text(lang).to_string();
    if let Some((parent, _)) = label.id.rsplit_once('/')
        && parent.starts_with("/requests/")
        && let Some(g) = request_rows(format).find(|r| r.label.id == parent && r.row.is_none())
    {
        text = fill(ROW_IN_GROUP.get(lang), |n| match n {
            "group" => Some(g.label.text(lang).into()),
            "row" => Some(text.as_str().into()),
            _ => None,
        });
    }
    if let Some(g) = REVIEW_GROUPS[1..].iter().find(|g| g.id == label.id) {
        text = fill(LAWSUIT_GROUP.get(lang), |n| match n {
            "header" => Some(REVIEW_HEADERS[1].text(lang).into()),
            "group" => Some(g.text(lang).into()),
            _ => None,
        });
    }
    text
}
