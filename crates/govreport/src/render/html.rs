//! One self-contained HTML5 file: inline CSS for screen and A4 print, no scripts, no external fonts.

use super::layout::{Block, Grid, Layout};
use super::marks::Marks;
use crate::Lang;

const CSS: &str = r#"
@page { size: A4; margin: 25mm 20mm; }
body { margin: 0; background: #f4f4f4; color: #000; }
.report { max-width: 170mm; margin: 0 auto; padding: 20mm 20mm 25mm; background: #fff;
  font-family: "FangSong", "FangSong_GB2312", "仿宋", "仿宋_GB2312", "STFangsong", serif; font-size: 16pt; line-height: 1.75; }
h1 { font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "STSong", serif; font-weight: normal;
  font-size: 22pt; text-align: center; line-height: 1.5; margin: 0 0 0.5em; }
.meta { text-align: center; font-size: 12pt; margin: 0 0 1.5em; }
h2 { font-family: "SimHei", "黑体", "STHeiti", sans-serif; font-weight: normal; font-size: 16pt; margin: 1em 0 0.5em; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-family: "SimSun", "宋体", "STSong", serif;
  font-size: 10.5pt; line-height: 1.4; page-break-inside: auto; }
th, td { border: 1px solid #000; padding: 2pt 3pt; vertical-align: middle; }
th { font-weight: normal; text-align: center; }
td { text-align: center; min-width: 2.2em; }
table.requests th.label, table.proactive th.label { text-align: left; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
@media print { body { background: none; } .report { max-width: none; margin: 0; padding: 0; } }
"#;

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// What a marked page adds to the style: a finding's severity on its cell.
const MARK_CSS: &str = r#"
td.finding.error { background: #fde2e2; outline: 2px solid #b00020; }
td.finding.warning { background: #fff4cc; outline: 2px solid #a86b00; }
td.finding.info { background: #e3effd; }
"#;

fn table(g: &Grid, marks: Option<&Marks>, out: &mut String) {
    out.push_str(&format!("<table class=\"{}\">\n", g.name));
    for (r, row) in g.rows.iter().enumerate() {
        if r == 0 && g.header_rows > 0 {
            out.push_str("<thead>\n");
        }
        if r == g.header_rows {
            out.push_str("<tbody>\n");
        }
        out.push_str("<tr>");
        for c in row {
            let tag = if c.head { "th" } else { "td" };
            out.push('<');
            out.push_str(tag);
            if c.head && r >= g.header_rows && c.colspan >= 1 && c.rowspan == 1 {
                out.push_str(" class=\"label\"");
            }
            if c.rowspan > 1 {
                out.push_str(&format!(" rowspan=\"{}\"", c.rowspan));
            }
            if c.colspan > 1 {
                out.push_str(&format!(" colspan=\"{}\"", c.colspan));
            }
            if let Some(p) = &c.pointer {
                out.push_str(&format!(" data-pointer=\"{}\"", escape(p)));
                if let Some(m) = marks.filter(|_| !c.head).and_then(|m| m.cells.get(p)) {
                    if !m.codes.is_empty() {
                        let class = m.severity.map_or("finding", |s| match s {
                            crate::Severity::Error => "finding error",
                            crate::Severity::Warning => "finding warning",
                            crate::Severity::Info => "finding info",
                        });
                        out.push_str(&format!(" class=\"{class}\" data-findings=\"{}\"", escape(&m.codes.join(" "))));
                        out.push_str(&format!(" title=\"{}\"", escape(&m.messages.join("\n"))));
                    }
                    if let Some(s) = &m.source {
                        out.push_str(&format!(" data-source=\"{}\"", escape(s)));
                    }
                }
            }
            out.push('>');
            out.push_str(&escape(&c.text));
            out.push_str(&format!("</{tag}>"));
        }
        out.push_str("</tr>\n");
        if r + 1 == g.header_rows {
            out.push_str("</thead>\n");
        }
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The layout as an HTML5 document.
pub fn write(l: &Layout) -> String {
    write_marked(l, None)
}

/// The layout as an HTML5 document, with `marks` on its cells when given.
pub(crate) fn write_marked(l: &Layout, marks: Option<&Marks>) -> String {
    let lang = if l.lang == Lang::Zh { "zh-CN" } else { "en" };
    let mark_css = if marks.is_some() { MARK_CSS } else { "" };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"govreport {}\">\n<title>{}</title>\n<style>{CSS}{mark_css}</style>\n</head>\n<body>\n<main class=\"report\">\n<h1>{}</h1>\n",
        crate::VERSION,
        escape(&l.title),
        escape(&l.title)
    );
    for m in &l.meta {
        out.push_str(&format!("<p class=\"meta\">{}</p>\n", escape(m)));
    }
    for part in &l.parts {
        out.push_str(&format!("<section>\n<h2>{}</h2>\n", escape(&part.heading)));
        for b in &part.blocks {
            match b {
                Block::Paragraph(p) => out.push_str(&format!("<p>{}</p>\n", escape(p))),
                Block::Table(g) => table(g, marks, &mut out),
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}
