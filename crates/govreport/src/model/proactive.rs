//! Table A (主动公开政府信息情况) in its 2021 and 2019 shapes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::cell::{Amount, Count, Signed};

/// 规章 or 行政规范性文件 in the 2021 template.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct DocCounts2021 {
    /// 本年制发件数.
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub issued: Count,
    /// 本年废止件数.
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub repealed: Count,
    /// 现行有效件数.
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub in_force: Count,
}

impl DocCounts2021 {
    /// Whether no cell is in the document.
    pub fn is_absent(&self) -> bool {
        self.issued.is_absent() && self.repealed.is_absent() && self.in_force.is_absent()
    }
}

/// Table A of the 2021 template.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Proactive2021 {
    /// 规章.
    #[serde(skip_serializing_if = "DocCounts2021::is_absent")]
    pub rules: DocCounts2021,
    /// 行政规范性文件.
    #[serde(skip_serializing_if = "DocCounts2021::is_absent")]
    pub normative_documents: DocCounts2021,
    /// 行政许可: 本年处理决定数量.
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub licensing: Count,
    /// 行政处罚: 本年处理决定数量.
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub penalty: Count,
    /// 行政强制: 本年处理决定数量.
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub coercion: Count,
    /// 行政事业性收费: 本年收费金额（单位：万元）.
    #[serde(skip_serializing_if = "Amount::is_absent")]
    pub fees_10k_yuan: Amount,
}

/// 规章 or 规范性文件 in the 2019 template.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct DocCounts2019 {
    /// 本年新制作数量.
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub produced: Count,
    /// 本年新公开数量.
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub published: Count,
    /// 对外公开总数量.
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub total_published: Count,
}

/// 行政许可, 其他对外管理服务事项, 行政处罚 or 行政强制 in the 2019 template.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ItemCounts2019 {
    /// 上一年项目数量.
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub previous_items: Count,
    /// 本年增/减 (signed).
    #[serde(skip_serializing_if = "Signed::is_absent")]
    pub change: Signed,
    /// 处理决定数量.
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub decisions: Count,
}

/// 行政事业性收费 in the 2019 template.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct FeeItems2019 {
    /// 上一年项目数量.
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub previous_items: Count,
    /// 本年增/减 (signed).
    #[serde(skip_serializing_if = "Signed::is_absent")]
    pub change: Signed,
}

/// 政府集中采购 in the 2019 template.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Procurement2019 {
    /// 采购项目数量.
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub items: Count,
    /// 采购总金额, exact as written (the template names no unit; reports use 万元).
    #[serde(skip_serializing_if = "Amount::is_absent")]
    pub amount: Amount,
}

/// Table A of the 2019 template.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Proactive2019 {
    /// 规章.
    pub rules: DocCounts2019,
    /// 规范性文件.
    pub normative_documents: DocCounts2019,
    /// 行政许可.
    pub licensing: ItemCounts2019,
    /// 其他对外管理服务事项.
    pub other_services: ItemCounts2019,
    /// 行政处罚.
    pub penalty: ItemCounts2019,
    /// 行政强制.
    pub coercion: ItemCounts2019,
    /// 行政事业性收费.
    pub fees: FeeItems2019,
    /// 政府集中采购.
    pub procurement: Procurement2019,
}
