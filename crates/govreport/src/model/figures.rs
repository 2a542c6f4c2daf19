//! Every figure cell of a format, as JSON pointers in template order (from the label table).

use crate::labels;
use crate::model::Format;

/// The pointer of every figure cell of table A, B, C and the processing fees of `format`,
/// in the order the template prints them. Empty for the 2007 regime, which has no tables.
pub fn figure_pointers(format: Format) -> Vec<String> {
    let mut out = Vec::with_capacity(220);
    let blocks = match format {
        Format::F2021 => labels::PROACTIVE_2021,
        Format::F2019 => labels::PROACTIVE_2019,
        Format::F2007 => return out,
    };
    for b in blocks {
        for row in b.rows {
            for col in b.columns {
                out.push(if col.id.is_empty() { row.id.to_string() } else { format!("{}/{}", row.id, col.id) });
            }
        }
    }
    for rl in labels::request_rows(format).filter(|r| r.row.is_some()) {
        out.extend(labels::REQUEST_COLUMNS.iter().map(|c| format!("{}/{}", rl.label.id, c.id)));
    }
    for g in labels::REVIEW_GROUPS {
        out.extend(labels::REVIEW_COLUMNS.iter().map(|c| format!("{}/{}", g.id, c.id)));
    }
    out.extend(labels::PROCESSING_FEES[1..].iter().map(|l| l.id.to_string()));
    out
}
