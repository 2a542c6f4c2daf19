//! Writing a report in the official layout: HTML, Word, Markdown and plain text.

mod docx;
mod html;
pub mod layout;
mod markdown_and_plain;
mod marks;

pub use layout::{Grid, GridCell, Layout, Slot, layout};
pub use markdown_and_plain::width;
pub use marks::Marks;

use crate::{Error, Lang, Report};

/// What to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RenderFormat {
    /// One self-contained HTML5 file.
    Html,
    /// A Word document (.docx).
    Docx,
    /// Markdown.
    Markdown,
    /// Plain text with aligned tables.
    Text,
}

impl RenderFormat {
    /// Parses `html`, `docx`, `md`/`markdown` or `txt`/`text`.
    pub fn parse(s: &str) -> Option<RenderFormat> {
        match s.to_ascii_lowercase().as_str() {
            "html" | "htm" => Some(RenderFormat::Html),
            "docx" | "word" => Some(RenderFormat::Docx),
            "md" | "markdown" => Some(RenderFormat::Markdown),
            "txt" | "text" => Some(RenderFormat::Text),
            _ => None,
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            RenderFormat::Html => "html",
            RenderFormat::Docx => "docx",
            RenderFormat::Markdown => "md",
            RenderFormat::Text => "txt",
        }
    }
}

/// Writes `report` in the official layout of its format, labels in `lang`.
///
/// Blank cells stay empty and "/" stays "/"; nothing is filled in (use [`crate::complete`]
/// first to fill the derived totals).
pub fn render(report: &Report, format: RenderFormat, lang: Lang) -> Result<Vec<u8>, Error> {
    let l = layout(report, lang);
    Ok(match format {
        RenderFormat::Html => html::write(&l).into_bytes(),
        RenderFormat::Docx => docx::write(&l)?,
        RenderFormat::Markdown => markdown_and_plain::markdown(&l).into_bytes(),
        RenderFormat::Text => markdown_and_plain::plain(&l).into_bytes(),
    })
}

/// Writes `report` as [`render`] does in HTML, with `marks` on its cells: each cell a finding
/// names gets the class `finding` and the finding's severity (`error`, `warning`, `info`;
/// none when the finding is not assessable), `data-findings` (the codes) and a `title` (the
/// messages); each imported cell gets `data-source`, the place it was read in the source and its
/// text as published ("第8行第32字“5”").
pub fn render_html_marked(report: &Report, lang: Lang, marks: &Marks) -> String {
    html::write_marked(&layout(report, lang), Some(marks))
}
