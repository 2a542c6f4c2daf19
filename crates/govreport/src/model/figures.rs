//! Every figure cell of a format, as JSON pointers in template order (from the table of cells).

use crate::model::Format;

/// The pointer of every figure cell of table A, B, C and the processing fees of `format`,
/// in the order the template prints them. Empty for the 2007 regime, which has no tables.
pub fn figure_pointers(format: Format) -> Vec<String> {
    crate::cells::figures(format).map(|c| c.pointer.to_string()).collect()
}
