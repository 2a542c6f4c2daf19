//! What a PDF may cost. Every limit is far above what an annual report needs (a few pages, a
//! few hundred objects, a few hundred kilobytes of content) and keeps the work linear in the
//! input: past one, the import stops with an error that names it.

/// Most pages read (a report has a handful; a yearbook a few hundred).
pub const MAX_PAGES: usize = 2_000;

/// Most objects in the cross-reference table.
pub const MAX_OBJECTS: usize = 2_000_000;

/// Most bytes all streams of a document may decode to (content, forms, CMaps, object
/// streams): 256 MiB, against a 32 MiB input.
pub const MAX_DECODED_BYTES: u64 = 256 * 1024 * 1024;

/// Most content operators run, forms included (a report page runs a few thousand).
pub const MAX_OPERATORS: u64 = 20_000_000;

/// Most glyphs shown in the whole document.
pub const MAX_GLYPHS: u64 = 5_000_000;

/// Deepest nesting of form XObjects followed.
pub const MAX_FORM_DEPTH: usize = 12;

/// Deepest nesting of saved graphics states kept (q without Q beyond is ignored).
pub const MAX_STATE_DEPTH: usize = 256;

/// Most straight lines kept per page (a report page draws a few hundred), and most points of
/// a path not yet painted; past them the rest are not kept.
pub const MAX_SEGMENTS: usize = 200_000;

/// Most ruling lines of each direction on a page for tables to be read from them (a page of
/// a report has fewer than a hundred after merging); past it the page's tables are read from
/// column positions.
pub const MAX_RULES: usize = 5_000;

/// Most columns and rows of a table read from column positions.
pub const MAX_STREAM_GRID: (usize, usize) = (200, 10_000);

/// Thickest line (points) taken as a ruling line; a thicker stroke or bar is a shape.
pub const MAX_RULE_WIDTH: f32 = 3.0;

/// Which limit was passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exceeded {
    /// [`MAX_PAGES`].
    Pages,
    /// [`MAX_OBJECTS`].
    Objects,
    /// [`MAX_DECODED_BYTES`].
    Decoded,
    /// [`MAX_OPERATORS`].
    Operators,
    /// [`MAX_GLYPHS`].
    Glyphs,
}
