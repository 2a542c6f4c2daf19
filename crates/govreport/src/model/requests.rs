//! Table B (收到和处理政府信息公开申请情况) and table C (行政复议、行政诉讼).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::cell::Count;

/// A row of table B: the seven applicant columns (labels in [`crate::labels::REQUEST_COLUMNS`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct RequestRow {
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub natural_person: Count,
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub commercial: Count,
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub research: Count,
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub social_welfare: Count,
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub legal_service: Count,
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub other_org: Count,
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub total: Count,
}

impl RequestRow {
    /// The seven cells in column order; the last is 总计.
    pub fn cells(&self) -> [&Count; 7] {
        [&self.natural_person, &self.commercial, &self.research, &self.social_welfare, &self.legal_service, &self.other_org, &self.total]
    }

    /// The cell of column `c` (0 自然人 … 6 总计).
    pub fn get(&self, c: usize) -> Option<&Count> {
        Some(match c {
            0 => &self.natural_person,
            1 => &self.commercial,
            2 => &self.research,
            3 => &self.social_welfare,
            4 => &self.legal_service,
            5 => &self.other_org,
            6 => &self.total,
            _ => return None,
        })
    }

    /// The seven cells in column order, to change.
    pub fn cells_mut(&mut self) -> [&mut Count; 7] {
        [
            &mut self.natural_person,
            &mut self.commercial,
            &mut self.research,
            &mut self.social_welfare,
            &mut self.legal_service,
            &mut self.other_org,
            &mut self.total,
        ]
    }

    /// Whether no cell of the row is in the document.
    pub fn is_absent(&self) -> bool {
        self.cells().iter().all(|c| c.is_absent())
    }
}

/// Identifies a row of table B in either template (labels in [`crate::labels::REQUEST_ROWS`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowId {
    New,
    CarriedOver,
    Granted,
    PartiallyGranted,
    StateSecret,
    ProhibitedByLaw,
    SecurityStability,
    ThirdParty,
    InternalAffairs,
    ProcessInfo,
    EnforcementFiles,
    InquiryMatters,
    NotHeld,
    NeedsCreation,
    StillUnclear,
    Petition,
    Duplicate,
    Publication,
    Excessive,
    Confirmation,
    /// （六）其他处理 as one row (2019 template).
    OtherSingle,
    NoCorrection,
    FeeUnpaid,
    OtherOther,
    ResultsTotal,
    CarriedForward,
}

macro_rules! absent_check {
    ($($f:ident),*) => {
        /// Whether no cell of the group is in the document.
        pub fn is_absent(&self) -> bool { true $(&& self.$f.is_absent())* }
    };
}

/// （三）不予公开 and its eight grounds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Withheld {
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub state_secret: RequestRow,
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub prohibited_by_law: RequestRow,
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub security_stability: RequestRow,
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub third_party: RequestRow,
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub internal_affairs: RequestRow,
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub process_info: RequestRow,
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub enforcement_files: RequestRow,
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub inquiry_matters: RequestRow,
}

impl Withheld {
    absent_check!(state_secret, prohibited_by_law, security_stability, third_party, internal_affairs, process_info, enforcement_files, inquiry_matters);
}

/// （四）无法提供 and its three grounds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Unable {
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub not_held: RequestRow,
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub needs_creation: RequestRow,
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub still_unclear: RequestRow,
}

impl Unable {
    absent_check!(not_held, needs_creation, still_unclear);
}

/// （五）不予处理 and its five grounds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct NotProcessed {
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub petition: RequestRow,
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub duplicate: RequestRow,
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub publication: RequestRow,
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub excessive: RequestRow,
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub confirmation: RequestRow,
}

impl NotProcessed {
    absent_check!(petition, duplicate, publication, excessive, confirmation);
}

/// （六）其他处理 with the three sub-rows of the 2021 template.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct OtherHandling {
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub no_correction: RequestRow,
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub fee_unpaid: RequestRow,
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub other: RequestRow,
}

/// The shape of （六）其他处理 in a template: one row (2019) or three (2021).
pub trait OtherRows: Default + Clone + std::fmt::Debug + PartialEq {
    /// The row `id` when it belongs to this shape.
    fn get(&self, id: RowId) -> Option<&RequestRow>;
    /// The row `id` to change.
    fn get_mut(&mut self, id: RowId) -> Option<&mut RequestRow>;
    /// Whether nothing of （六） is in the document.
    fn is_absent(&self) -> bool;
}

impl OtherRows for OtherHandling {
    fn get(&self, id: RowId) -> Option<&RequestRow> {
        match id {
            RowId::NoCorrection => Some(&self.no_correction),
            RowId::FeeUnpaid => Some(&self.fee_unpaid),
            RowId::OtherOther => Some(&self.other),
            _ => None,
        }
    }
    fn get_mut(&mut self, id: RowId) -> Option<&mut RequestRow> {
        match id {
            RowId::NoCorrection => Some(&mut self.no_correction),
            RowId::FeeUnpaid => Some(&mut self.fee_unpaid),
            RowId::OtherOther => Some(&mut self.other),
            _ => None,
        }
    }
    fn is_absent(&self) -> bool {
        self.no_correction.is_absent() && self.fee_unpaid.is_absent() && self.other.is_absent()
    }
}

impl OtherRows for RequestRow {
    fn get(&self, id: RowId) -> Option<&RequestRow> {
        (id == RowId::OtherSingle).then_some(self)
    }
    fn get_mut(&mut self, id: RowId) -> Option<&mut RequestRow> {
        (id == RowId::OtherSingle).then_some(self)
    }
    fn is_absent(&self) -> bool {
        RequestRow::is_absent(self)
    }
}

/// Table B: 收到和处理政府信息公开申请情况. `O` is the shape of （六）其他处理.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(rename = "Requests{O}")]
pub struct Requests<O: OtherRows> {
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub new: RequestRow,
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub carried_over: RequestRow,
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub granted: RequestRow,
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub partially_granted: RequestRow,
    #[serde(skip_serializing_if = "Withheld::is_absent")]
    pub withheld: Withheld,
    #[serde(skip_serializing_if = "Unable::is_absent")]
    pub unable: Unable,
    #[serde(skip_serializing_if = "NotProcessed::is_absent")]
    pub not_processed: NotProcessed,
    #[serde(skip_serializing_if = "OtherRows::is_absent")]
    pub other: O,
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub results_total: RequestRow,
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub carried_forward: RequestRow,
}

impl<O: OtherRows> Requests<O> {
    /// The row `id`, when this template has it.
    pub fn row(&self, id: RowId) -> Option<&RequestRow> {
        Some(match id {
            RowId::New => &self.new,
            RowId::CarriedOver => &self.carried_over,
            RowId::Granted => &self.granted,
            RowId::PartiallyGranted => &self.partially_granted,
            RowId::StateSecret => &self.withheld.state_secret,
            RowId::ProhibitedByLaw => &self.withheld.prohibited_by_law,
            RowId::SecurityStability => &self.withheld.security_stability,
            RowId::ThirdParty => &self.withheld.third_party,
            RowId::InternalAffairs => &self.withheld.internal_affairs,
            RowId::ProcessInfo => &self.withheld.process_info,
            RowId::EnforcementFiles => &self.withheld.enforcement_files,
            RowId::InquiryMatters => &self.withheld.inquiry_matters,
            RowId::NotHeld => &self.unable.not_held,
            RowId::NeedsCreation => &self.unable.needs_creation,
            RowId::StillUnclear => &self.unable.still_unclear,
            RowId::Petition => &self.not_processed.petition,
            RowId::Duplicate => &self.not_processed.duplicate,
            RowId::Publication => &self.not_processed.publication,
            RowId::Excessive => &self.not_processed.excessive,
            RowId::Confirmation => &self.not_processed.confirmation,
            RowId::OtherSingle | RowId::NoCorrection | RowId::FeeUnpaid | RowId::OtherOther => return self.other.get(id),
            RowId::ResultsTotal => &self.results_total,
            RowId::CarriedForward => &self.carried_forward,
        })
    }

    /// The row `id` to change, when this template has it.
    pub fn row_mut(&mut self, id: RowId) -> Option<&mut RequestRow> {
        Some(match id {
            RowId::New => &mut self.new,
            RowId::CarriedOver => &mut self.carried_over,
            RowId::Granted => &mut self.granted,
            RowId::PartiallyGranted => &mut self.partially_granted,
            RowId::StateSecret => &mut self.withheld.state_secret,
            RowId::ProhibitedByLaw => &mut self.withheld.prohibited_by_law,
            RowId::SecurityStability => &mut self.withheld.security_stability,
            RowId::ThirdParty => &mut self.withheld.third_party,
            RowId::InternalAffairs => &mut self.withheld.internal_affairs,
            RowId::ProcessInfo => &mut self.withheld.process_info,
            RowId::EnforcementFiles => &mut self.withheld.enforcement_files,
            RowId::InquiryMatters => &mut self.withheld.inquiry_matters,
            RowId::NotHeld => &mut self.unable.not_held,
            RowId::NeedsCreation => &mut self.unable.needs_creation,
            RowId::StillUnclear => &mut self.unable.still_unclear,
            RowId::Petition => &mut self.not_processed.petition,
            RowId::Duplicate => &mut self.not_processed.duplicate,
            RowId::Publication => &mut self.not_processed.publication,
            RowId::Excessive => &mut self.not_processed.excessive,
            RowId::Confirmation => &mut self.not_processed.confirmation,
            RowId::OtherSingle | RowId::NoCorrection | RowId::FeeUnpaid | RowId::OtherOther => return self.other.get_mut(id),
            RowId::ResultsTotal => &mut self.results_total,
            RowId::CarriedForward => &mut self.carried_forward,
        })
    }
}

/// One group of table C: outcomes of reviews or lawsuits (labels in [`crate::labels::REVIEW_COLUMNS`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct CaseRow {
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub upheld: Count,
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub corrected: Count,
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub other: Count,
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub pending: Count,
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub total: Count,
}

impl CaseRow {
    /// The five cells in column order; the last is 总计.
    pub fn cells(&self) -> [&Count; 5] {
        [&self.upheld, &self.corrected, &self.other, &self.pending, &self.total]
    }
    /// The cell of column `c` (0 结果维持 … 4 总计).
    pub fn get(&self, c: usize) -> Option<&Count> {
        Some(match c {
            0 => &self.upheld,
            1 => &self.corrected,
            2 => &self.other,
            3 => &self.pending,
            4 => &self.total,
            _ => return None,
        })
    }

    /// The five cells in column order, to change.
    pub fn cells_mut(&mut self) -> [&mut Count; 5] {
        [&mut self.upheld, &mut self.corrected, &mut self.other, &mut self.pending, &mut self.total]
    }
    /// Whether no cell of the group is in the document.
    pub fn is_absent(&self) -> bool {
        self.cells().iter().all(|c| c.is_absent())
    }
}

/// Table C: 政府信息公开行政复议、行政诉讼情况 (labels in [`crate::labels::REVIEW_GROUPS`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ReviewLitigation {
    #[serde(skip_serializing_if = "CaseRow::is_absent")]
    pub review: CaseRow,
    #[serde(skip_serializing_if = "CaseRow::is_absent")]
    pub litigation_direct: CaseRow,
    #[serde(skip_serializing_if = "CaseRow::is_absent")]
    pub litigation_after_review: CaseRow,
}

impl ReviewLitigation {
    /// The three groups in order.
    pub fn groups(&self) -> [&CaseRow; 3] {
        [&self.review, &self.litigation_direct, &self.litigation_after_review]
    }
    /// The three groups in order, to change.
    pub fn groups_mut(&mut self) -> [&mut CaseRow; 3] {
        [&mut self.review, &mut self.litigation_direct, &mut self.litigation_after_review]
    }
    /// Whether no cell of the table is in the document.
    pub fn is_absent(&self) -> bool {
        self.groups().iter().all(|g| g.is_absent())
    }
}
