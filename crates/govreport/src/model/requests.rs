//! Table B (收到和处理政府信息公开申请情况) and table C (行政复议、行政诉讼).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize, de};

use super::cell::Count;
use crate::labels;

/// A row of table B: the seven applicant columns (labels in [`crate::labels::REQUEST_COLUMNS`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct RequestRow {
    /// Natural persons
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub natural_person: Count,
    /// Businesses
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub commercial: Count,
    /// Research institutions
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub research: Count,
    /// Public-interest organisations
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub social_welfare: Count,
    /// Legal service providers
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub legal_service: Count,
    /// Other organisations
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub other_org: Count,
    /// Total
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub total: Count,
}

impl RequestRow {
    /// A row of the seven cells in column order (自然人 … 其他, 总计).
    ///
    /// ```
    /// use govreport::model::{Cell, RequestRow};
    /// let row = RequestRow::of([Cell::Value(3), Cell::Value(1), Cell::Value(0), Cell::Value(0), Cell::Value(0), Cell::Value(0), Cell::Value(4)]);
    /// assert_eq!(row.total, Cell::Value(4));
    /// ```
    pub fn of(cells: [Count; 7]) -> RequestRow {
        let [natural_person, commercial, research, social_welfare, legal_service, other_org, total] = cells;
        RequestRow { natural_person, commercial, research, social_welfare, legal_service, other_org, total }
    }

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
    /// 一、本年新收.
    New,
    /// 二、上年结转.
    CarriedOver,
    /// （一）予以公开.
    Granted,
    /// （二）部分公开.
    PartiallyGranted,
    /// （三）1.属于国家秘密.
    StateSecret,
    /// （三）2.其他法律行政法规禁止公开.
    ProhibitedByLaw,
    /// （三）3.危及“三安全一稳定”.
    SecurityStability,
    /// （三）4.保护第三方合法权益.
    ThirdParty,
    /// （三）5.属于三类内部事务信息.
    InternalAffairs,
    /// （三）6.属于四类过程性信息.
    ProcessInfo,
    /// （三）7.属于行政执法案卷.
    EnforcementFiles,
    /// （三）8.属于行政查询事项.
    InquiryMatters,
    /// （四）1.本机关不掌握相关政府信息.
    NotHeld,
    /// （四）2.没有现成信息需要另行制作.
    NeedsCreation,
    /// （四）3.补正后申请内容仍不明确.
    StillUnclear,
    /// （五）1.信访举报投诉类申请.
    Petition,
    /// （五）2.重复申请.
    Duplicate,
    /// （五）3.要求提供公开出版物.
    Publication,
    /// （五）4.无正当理由大量反复申请.
    Excessive,
    /// （五）5.要求行政机关确认或重新出具已获取信息.
    Confirmation,
    /// （六）其他处理 as one row (2019 template).
    OtherSingle,
    /// （六）1.逾期不补正 (2021 template).
    NoCorrection,
    /// （六）2.逾期未缴费 (2021 template).
    FeeUnpaid,
    /// （六）3.其他 (2021 template).
    OtherOther,
    /// （七）总计.
    ResultsTotal,
    /// 四、结转下年度继续办理.
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
    /// State secret
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub state_secret: RequestRow,
    /// Prohibited by other laws or regulations
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub prohibited_by_law: RequestRow,
    /// Endangers the "three securities and stability"
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub security_stability: RequestRow,
    /// Protects third parties' lawful rights
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub third_party: RequestRow,
    /// Internal affairs information
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub internal_affairs: RequestRow,
    /// Process information
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub process_info: RequestRow,
    /// Administrative enforcement files
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub enforcement_files: RequestRow,
    /// Administrative inquiry matters
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
    /// Not held by this agency
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub not_held: RequestRow,
    /// Would have to be newly made
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub needs_creation: RequestRow,
    /// Still unclear after correction
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
    /// Petitions, reports or complaints
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub petition: RequestRow,
    /// Repeated requests
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub duplicate: RequestRow,
    /// Requests for published material
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub publication: RequestRow,
    /// Numerous repeated requests without good reason
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub excessive: RequestRow,
    /// Asks to confirm or reissue information already obtained
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
    /// Applicant did not correct the request in time
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub no_correction: RequestRow,
    /// Applicant did not pay the processing fee in time
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub fee_unpaid: RequestRow,
    /// Other
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
    /// Which rows the document holds.
    fn layout(&self) -> Layout {
        Layout::Template
    }
    /// Back to the template's shape when nothing of another is given (so that a document
    /// reads back as it was written).
    fn normalize(&mut self) {}
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

/// Which rows of （六）其他处理 a document's table B holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layout {
    /// As its template has them: one row in 2019, three sub-rows in 2021.
    Template,
    /// One row of figures in a 2021 document, as the older layout some offices still publish.
    SingleOther,
}

/// （六）其他处理 of a 2021 document: the template's three sub-rows, or one row of figures as
/// published in the older layout. In JSON either shape (an untagged alternative): an object of
/// sub-rows, or an object of the seven columns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
// One per report, read on every check: the larger variant inline rather than boxed.
#[allow(clippy::large_enum_variant)]
pub enum Other2021 {
    /// The three sub-rows of the 2021 template.
    Split(OtherHandling),
    /// One row of figures, not split into the sub-rows.
    Single(RequestRow),
}

/// Reads either shape as the untagged alternative would (the sub-rows, else one row), but
/// from the first key instead of buffering the object to try each shape: the names of the
/// sub-rows and of the columns are apart, so the first key says which shape can hold the object.
impl<'de> Deserialize<'de> for Other2021 {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(OtherVisitor)
    }
}

struct OtherVisitor;

impl<'de> de::Visitor<'de> for OtherVisitor {
    type Value = Other2021;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("the sub-rows of （六）其他处理, or one row of its figures")
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Other2021, A::Error> {
        let Some((first, column)) = map.next_key_seed(OtherKey)? else { return Ok(Other2021::default()) };
        let rest = de::value::MapAccessDeserializer::new(FirstThen { first: Some(first), map });
        if column { RequestRow::deserialize(rest).map(Other2021::Single) } else { OtherHandling::deserialize(rest).map(Other2021::Split) }
    }
}

/// The first key of （六）: its name (static), and whether it names a column (one row) rather
/// than a sub-row. A name of neither is an unknown field, as in either shape.
struct OtherKey;

impl<'de> de::DeserializeSeed<'de> for OtherKey {
    type Value = (&'static str, bool);

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> de::Visitor<'de> for OtherKey {
    type Value = (&'static str, bool);

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a sub-row or a column of （六）其他处理")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        if let Some(c) = labels::REQUEST_COLUMNS.iter().find(|c| c.id == key) {
            return Ok((c.id, true));
        }
        let sub_rows = || labels::REQUEST_ROWS.iter().filter_map(|r| r.label.id.strip_prefix("/requests/other/"));
        sub_rows().find(|k| *k == key).map(|k| (k, false)).ok_or_else(|| E::unknown_field(key, &[]))
    }
}

/// A map whose first key was already read: that key, then the rest.
struct FirstThen<A> {
    first: Option<&'static str>,
    map: A,
}

impl<'de, A: de::MapAccess<'de>> de::MapAccess<'de> for FirstThen<A> {
    type Error = A::Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        match self.first.take() {
            Some(key) => seed.deserialize(de::IntoDeserializer::<A::Error>::into_deserializer(key)).map(Some),
            None => self.map.next_key_seed(seed),
        }
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

impl Default for Other2021 {
    fn default() -> Other2021 {
        Other2021::Split(OtherHandling::default())
    }
}

impl OtherRows for Other2021 {
    fn get(&self, id: RowId) -> Option<&RequestRow> {
        match self {
            Other2021::Split(h) => h.get(id),
            Other2021::Single(r) => OtherRows::get(r, id),
        }
    }
    /// Reaching a row of the other shape switches to it while nothing of （六） is given.
    fn get_mut(&mut self, id: RowId) -> Option<&mut RequestRow> {
        let single = id == RowId::OtherSingle;
        match self {
            Other2021::Split(h) if single && h.is_absent() => *self = Other2021::Single(RequestRow::default()),
            Other2021::Single(r) if !single && r.is_absent() && OtherHandling::default().get(id).is_some() => {
                *self = Other2021::Split(OtherHandling::default())
            }
            _ => {}
        }
        match self {
            Other2021::Split(h) => h.get_mut(id),
            Other2021::Single(r) => OtherRows::get_mut(r, id),
        }
    }
    fn is_absent(&self) -> bool {
        match self {
            Other2021::Split(h) => h.is_absent(),
            Other2021::Single(r) => r.is_absent(),
        }
    }
    fn layout(&self) -> Layout {
        match self {
            Other2021::Split(_) => Layout::Template,
            Other2021::Single(_) => Layout::SingleOther,
        }
    }
    fn normalize(&mut self) {
        if matches!(self, Other2021::Single(r) if r.is_absent()) {
            *self = Other2021::default();
        }
    }
}

/// Table B: 收到和处理政府信息公开申请情况. `O` is the shape of （六）其他处理.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(rename = "Requests{O}")]
pub struct Requests<O: OtherRows> {
    /// 1. New requests this year
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub new: RequestRow,
    /// 2. Requests carried over from last year
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub carried_over: RequestRow,
    /// (1) Granted
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub granted: RequestRow,
    /// (2) Partially granted (a request handled in parts counts here only)
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub partially_granted: RequestRow,
    /// (3) Withheld
    #[serde(skip_serializing_if = "Withheld::is_absent")]
    pub withheld: Withheld,
    /// (4) Unable to provide
    #[serde(skip_serializing_if = "Unable::is_absent")]
    pub unable: Unable,
    /// (5) Not processed
    #[serde(skip_serializing_if = "NotProcessed::is_absent")]
    pub not_processed: NotProcessed,
    /// (6) Other handling
    #[serde(skip_serializing_if = "OtherRows::is_absent")]
    pub other: O,
    /// (7) Total of results
    #[serde(skip_serializing_if = "RequestRow::is_absent")]
    pub results_total: RequestRow,
    /// 4. Carried forward to next year
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
    /// Upheld
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub upheld: Count,
    /// Corrected
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub corrected: Count,
    /// Other outcome
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub other: Count,
    /// Pending
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub pending: Count,
    /// Total
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub total: Count,
}

impl CaseRow {
    /// A group of the five cells in column order (维持, 纠正, 其他, 尚未审结, 总计).
    pub fn of(cells: [Count; 5]) -> CaseRow {
        let [upheld, corrected, other, pending, total] = cells;
        CaseRow { upheld, corrected, other, pending, total }
    }

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
    /// Administrative review
    #[serde(skip_serializing_if = "CaseRow::is_absent")]
    pub review: CaseRow,
    /// Sued without prior review
    #[serde(skip_serializing_if = "CaseRow::is_absent")]
    pub litigation_direct: CaseRow,
    /// Sued after review
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
