//! The review page as a Word file (.docx), written by hand: headings, paragraphs, Word tables
//! with a repeated heading row, and each chart as an SVG picture with a PNG fallback: Word 2016
//! and later show the SVG; viewers that read only the fallback (LibreOffice 7, older Word) show
//! the PNG, whose texts are drawn with a CJK font of the system where the file is made
//! (`GOVREPORT_FONT`, or the usual places; without one, shapes only — the table under each
//! chart has the figures). A4 portrait.

use std::io::Write;

use zip::write::SimpleFileOptions;

use super::chart::Chart;
use super::{Block, ReviewPage};
use crate::error::{Error, Result};

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Text as XML character data: escaped, without the control characters XML does not allow.
fn xml(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Runs of text; a line break in the text is a line break in Word.
fn runs(text: &str, bold: bool) -> String {
    let props = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    text.split('\n')
        .enumerate()
        .map(|(i, line)| format!("<w:r>{props}{}<w:t xml:space=\"preserve\">{}</w:t></w:r>", if i > 0 { "<w:br/>" } else { "" }, xml(line)))
        .collect()
}

fn para(style: Option<&str>, text: &str) -> String {
    let props = style.map(|s| format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>")).unwrap_or_default();
    format!("<w:p>{props}{}</w:p>", runs(text, false))
}

fn table(header: &[String], rows: &[Vec<String>]) -> String {
    let borders = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|b| format!("<w:{b} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"444444\"/>"))
        .collect::<String>();
    let mut out = format!(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>{borders}</w:tblBorders><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
    );
    let cols = header.len().max(1);
    for _ in 0..cols {
        out.push_str(&format!("<w:gridCol w:w=\"{}\"/>", 9026 / cols));
    }
    out.push_str("</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>");
    for h in header {
        out.push_str(&format!("<w:tc><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EEF2F8\"/></w:tcPr><w:p>{}</w:p></w:tc>", runs(h, true)));
    }
    out.push_str("</w:tr>");
    for row in rows {
        out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for i in 0..cols {
            out.push_str(&format!("<w:tc><w:p>{}</w:p></w:tc>", runs(row.get(i).map_or("", String::as_str), false)));
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    out
}

/// EMU per pixel at 96 dpi.
const EMU_PER_PX: u64 = 9525;
/// The widest picture on the page: 6 inches.
const MAX_WIDTH_EMU: u64 = 6 * 914_400;

fn picture(n: usize, png: &str, svg: &str, chart: &Chart) -> String {
    let (mut cx, mut cy) = (u64::from(chart.width) * EMU_PER_PX, u64::from(chart.height) * EMU_PER_PX);
    if cx > MAX_WIDTH_EMU {
        cy = cy * MAX_WIDTH_EMU / cx;
        cx = MAX_WIDTH_EMU;
    }
    let descr = xml(&chart.description);
    format!(
        "<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/>\
<wp:docPr id=\"{n}\" name=\"chart{n}\" descr=\"{descr}\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"chart{n}.png\" descr=\"{descr}\"/><pic:cNvPicPr/></pic:nvPicPr>\
<pic:blipFill><a:blip r:embed=\"{png}\"><a:extLst><a:ext uri=\"{{96DAC541-7B7A-43D3-8B79-37D633B846F1}}\"><asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"{svg}\"/></a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )
}

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋" w:cs="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="center"/><w:spacing w:before="240" w:after="360"/></w:pPr><w:rPr><w:rFonts w:eastAsia="方正小标宋简体" w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:b/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体"/><w:b/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/></w:pPr><w:rPr><w:b/><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>
</w:styles>"#;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="svg" ContentType="image/svg+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// The page as the bytes of a .docx file.
pub fn write(page: &ReviewPage) -> Result<Vec<u8>> {
    let mut body = String::new();
    let mut media: Vec<(String, Vec<u8>)> = vec![];
    let mut rels = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>",
    );
    for block in page.blocks() {
        match block {
            Block::Title(t) => body.push_str(&para(Some("Title"), &t)),
            Block::Heading(1, t) => body.push_str(&para(Some("Heading1"), &t)),
            Block::Heading(_, t) => body.push_str(&para(Some("Heading2"), &t)),
            Block::Para(t) => body.push_str(&para(None, &t)),
            Block::Table { caption, header, rows } => {
                body.push_str(&para(Some("Caption"), &caption));
                body.push_str(&table(&header, &rows));
            }
            Block::Figure { caption, chart } => {
                let n = media.len() / 2 + 1;
                let (png, svg) = (format!("rIdPng{n}"), format!("rIdSvg{n}"));
                for (id, ext) in [(&png, "png"), (&svg, "svg")] {
                    rels.push_str(&format!(
                        "<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/chart{n}.{ext}\"/>"
                    ));
                }
                media.push((format!("word/media/chart{n}.png"), chart.to_png()));
                media.push((format!("word/media/chart{n}.svg"), chart.to_svg().into_bytes()));
                body.push_str(&picture(n, &png, &svg, &chart));
                body.push_str(&para(Some("Caption"), &caption));
            }
        }
    }
    rels.push_str("</Relationships>");
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    );
    let io = |e: std::io::Error| Error::Io { path: "review.docx".into(), source: e };
    let zip_err = |e: zip::result::ZipError| Error::Io { path: "review.docx".into(), source: std::io::Error::other(e.to_string()) };
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let parts: Vec<(String, Vec<u8>)> = [
        ("[Content_Types].xml".to_string(), CONTENT_TYPES.as_bytes().to_vec()),
        ("_rels/.rels".into(), ROOT_RELS.as_bytes().to_vec()),
        ("word/document.xml".into(), document.into_bytes()),
        ("word/styles.xml".into(), STYLES.as_bytes().to_vec()),
        ("word/_rels/document.xml.rels".into(), rels.into_bytes()),
    ]
    .into_iter()
    .chain(media)
    .collect();
    for (name, bytes) in parts {
        zip.start_file(name, options).map_err(zip_err)?;
        zip.write_all(&bytes).map_err(io)?;
    }
    Ok(zip.finish().map_err(zip_err)?.into_inner())
}
