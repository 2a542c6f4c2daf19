//! Rendering: the template's merged cells where the template puts them, in HTML and Word, and
//! golden files for every format. Regenerate the golden files with
//! `GOVREPORT_BLESS=1 cargo test -p govreport --test render` (or `bash scripts/regen.sh`).

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;

use govreport::{Lang, RenderFormat, Report, parse_json, render};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn load(rel: &str) -> Report {
    parse_json(&std::fs::read(root().join(rel)).unwrap()).unwrap()
}

/// A cell of an HTML table placed on its grid: (row, column, rowspan, colspan, text, pointer).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Placed {
    row: usize,
    col: usize,
    rowspan: usize,
    colspan: usize,
    text: String,
    pointer: Option<String>,
}

/// Lays out every table of an HTML page with the HTML table algorithm (rowspan/colspan).
fn tables(html: &str) -> HashMap<String, Vec<Placed>> {
    let doc = scraper::Html::parse_document(html);
    let table_sel = scraper::Selector::parse("table").unwrap();
    let tr_sel = scraper::Selector::parse("tr").unwrap();
    let cell_sel = scraper::Selector::parse("th, td").unwrap();
    let mut out = HashMap::new();
    for t in doc.select(&table_sel) {
        let name = t.value().attr("class").unwrap_or("").to_string();
        let mut taken: Vec<Vec<bool>> = vec![];
        let mut placed = vec![];
        for (r, tr) in t.select(&tr_sel).enumerate() {
            let mut c = 0;
            for cell in tr.select(&cell_sel) {
                let rs: usize = cell.value().attr("rowspan").map_or(1, |v| v.parse().unwrap());
                let cs: usize = cell.value().attr("colspan").map_or(1, |v| v.parse().unwrap());
                while taken.get(r).and_then(|x| x.get(c)).copied().unwrap_or(false) {
                    c += 1;
                }
                for dr in 0..rs {
                    for dc in 0..cs {
                        let row = r + dr;
                        if taken.len() <= row {
                            taken.resize(row + 1, vec![]);
                        }
                        if taken[row].len() <= c + dc {
                            taken[row].resize(c + dc + 1, false);
                        }
                        assert!(!taken[row][c + dc], "{name}: overlapping cells at ({row}, {})", c + dc);
                        taken[row][c + dc] = true;
                    }
                }
                let text = cell.text().collect::<String>();
                placed.push(Placed { row: r, col: c, rowspan: rs, colspan: cs, text, pointer: cell.value().attr("data-pointer").map(str::to_string) });
                c += cs;
            }
        }
        // Every row of the table covers the same number of columns: no ragged rows.
        let widths: Vec<usize> = taken.iter().map(Vec::len).collect();
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "{name}: ragged rows {widths:?}");
        out.insert(name, placed);
    }
    out
}

fn at<'a>(cells: &'a [Placed], text: &str) -> &'a Placed {
    cells.iter().find(|c| c.text == text).unwrap_or_else(|| panic!("no cell {text:?}"))
}

fn by_pointer<'a>(cells: &'a [Placed], p: &str) -> &'a Placed {
    cells.iter().find(|c| c.pointer.as_deref() == Some(p)).unwrap_or_else(|| panic!("no cell for {p}"))
}

#[test]
fn html_table_b_has_the_template_merges() {
    let html = String::from_utf8(render(&load("examples/report-2023.json"), RenderFormat::Html, Lang::Zh).unwrap()).unwrap();
    let t = tables(&html);
    let b = &t["requests"];
    let caption = at(b, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    assert_eq!((caption.row, caption.col, caption.rowspan, caption.colspan), (0, 0, 3, 3));
    let x = at(b, "申请人情况");
    assert_eq!((x.row, x.col, x.rowspan, x.colspan), (0, 3, 1, 7));
    let x = at(b, "自然人");
    assert_eq!((x.row, x.col, x.rowspan, x.colspan), (1, 3, 2, 1));
    let x = at(b, "法人或其他组织");
    assert_eq!((x.row, x.col, x.rowspan, x.colspan), (1, 4, 1, 5));
    let x = at(b, "法律服务机构");
    assert_eq!((x.row, x.col), (2, 7));
    let x = at(b, "三、本年度办理结果");
    assert_eq!((x.row, x.col, x.rowspan, x.colspan), (5, 0, 22, 1));
    let x = at(b, "（三）不予公开");
    assert_eq!((x.row, x.col, x.rowspan), (7, 1, 8));
    let x = at(b, "（六）其他处理");
    assert_eq!((x.row, x.col, x.rowspan), (23, 1, 3));
    let x = at(b, "（七）总计");
    assert_eq!((x.row, x.col, x.colspan), (26, 1, 2));
    let x = at(b, "四、结转下年度继续办理");
    assert_eq!((x.row, x.col, x.colspan), (27, 0, 3));
    // Every figure sits in its row's line and its column's place.
    let cols = govreport::labels::REQUEST_COLUMNS;
    for cell in b.iter().filter(|c| c.pointer.is_some()) {
        let p = cell.pointer.as_deref().unwrap();
        let key = p.rsplit('/').next().unwrap();
        let col = cols.iter().position(|c| c.id == key).unwrap();
        assert_eq!(cell.col, 3 + col, "{p}");
    }
    assert_eq!(b.iter().filter(|c| c.pointer.is_some()).count(), 25 * 7);
    assert_eq!(by_pointer(b, "/requests/granted/total").text, "59");
    assert_eq!(by_pointer(b, "/requests/withheld/third_party/natural_person").row, 10);
    assert_eq!(by_pointer(b, "/requests/carried_forward/legal_service").text, "1");
}

#[test]
fn html_tables_a_and_c_have_the_template_merges() {
    let html = String::from_utf8(render(&load("examples/report-2023.json"), RenderFormat::Html, Lang::Zh).unwrap()).unwrap();
    let t = tables(&html);
    let c = &t["review"];
    let x = at(c, "行政复议");
    assert_eq!((x.row, x.col, x.colspan), (0, 0, 5));
    let x = at(c, "行政诉讼");
    assert_eq!((x.row, x.col, x.colspan), (0, 5, 10));
    let x = at(c, "未经复议直接起诉");
    assert_eq!((x.row, x.col, x.colspan), (1, 5, 5));
    let x = at(c, "复议后起诉");
    assert_eq!((x.row, x.col, x.colspan), (1, 10, 5));
    assert_eq!(c.iter().filter(|x| x.text == "结果维持").map(|x| (x.row, x.col, x.rowspan)).collect::<Vec<_>>(), [(1, 0, 2), (2, 5, 1), (2, 10, 1)]);
    let figures: Vec<_> = c.iter().filter(|x| x.pointer.is_some()).collect();
    assert_eq!(figures.len(), 15);
    assert!(figures.iter().all(|f| f.row == 3));
    assert_eq!(by_pointer(c, "/review_litigation/litigation_direct/pending").col, 8);
    assert_eq!(by_pointer(c, "/review_litigation/review/total").text, "7");

    let a = &t["proactive"];
    let x = at(a, "第二十条第（一）项");
    assert_eq!((x.row, x.col, x.colspan), (0, 0, 4));
    assert_eq!(by_pointer(a, "/proactive/normative_documents/in_force").text, "14");
    let lic = by_pointer(a, "/proactive/licensing");
    assert_eq!((lic.col, lic.colspan, lic.text.as_str()), (1, 3, "3862"));
    assert_eq!(at(a, "本年收费金额（单位：万元）").colspan, 3);
}

#[test]
fn html_is_self_contained_and_keeps_blanks_and_slashes() {
    let mut r = load("examples/report-2023.json");
    r.set("/requests/new/research", serde_json::json!(null)).unwrap();
    r.set("/requests/new/social_welfare", serde_json::json!("/")).unwrap();
    r.set("/sections/overview", serde_json::json!("<script>alert(1)</script> & “引号”")).unwrap();
    let html = String::from_utf8(render(&r, RenderFormat::Html, Lang::Zh).unwrap()).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(!html.contains("<script"), "text is escaped, no scripts");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; “引号”"));
    assert!(!html.contains("src=") && !html.contains("<link") && !html.contains("@import") && !html.contains("url("));
    assert!(html.contains("@page { size: A4"));
    let b = &tables(&html)["requests"];
    assert_eq!(by_pointer(b, "/requests/new/research").text, "");
    assert_eq!(by_pointer(b, "/requests/new/social_welfare").text, "/");
}

#[test]
fn the_2019_and_2007_layouts() {
    let mut r = Report::new(govreport::Format::F2019, 2020, govreport::Agency::new("某县某局", govreport::AgencyKind::Department));
    r.set("/requests/other/total", serde_json::json!(3)).unwrap();
    r.set("/proactive/licensing/change", serde_json::json!(-2)).unwrap();
    let html = String::from_utf8(render(&r, RenderFormat::Html, Lang::Zh).unwrap()).unwrap();
    let t = tables(&html);
    let b = &t["requests"];
    assert_eq!(at(b, "三、本年度办理结果").rowspan, 20);
    let other = at(b, "（六）其他处理");
    assert_eq!((other.row, other.col, other.colspan), (23, 1, 2));
    assert_eq!(by_pointer(b, "/requests/other/total").text, "3");
    assert_eq!(b.iter().filter(|c| c.pointer.is_some()).count(), 23 * 7);
    let a = &t["proactive"];
    assert_eq!(at(a, "规范性文件").col, 0);
    assert_eq!(by_pointer(a, "/proactive/licensing/change").text, "-2");
    assert_eq!(at(a, "采购总金额").colspan, 2);

    let seed = String::from_utf8(render(&load("tests/fixtures/seed-2012-changchun-etdz.json"), RenderFormat::Html, Lang::Zh).unwrap()).unwrap();
    assert!(seed.contains("<h1>长春经济技术开发区管理委员会2012年政府信息公开工作年度报告</h1>"));
    assert!(seed.contains("<h2>四、存在的主要问题及下步工作安排</h2>"));
    assert!(!seed.contains("<table"));
}

fn unzip(bytes: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn docx_has_real_tables_with_merges_fonts_and_a4() {
    let bytes = render(&load("examples/report-2023.json"), RenderFormat::Docx, Lang::Zh).unwrap();
    let xml = unzip(&bytes, "word/document.xml");
    // Four tables: A, B, C and the processing fees.
    assert_eq!(xml.matches("<w:tbl>").count(), 4);
    let tbl_b = xml.split("<w:tbl>").nth(2).unwrap();
    assert_eq!(tbl_b.matches("<w:tr>").count(), 28, "3 header rows and 25 data rows");
    assert!(tbl_b.contains(r#"<w:gridSpan w:val="7" />"#) || tbl_b.contains(r#"<w:gridSpan w:val="7"/>"#));
    let restarts = tbl_b.matches("w:val=\"restart\"").count();
    // caption, 自然人, 总计, 三、本年度办理结果, （三）, （四）, （五）, （六）.
    assert_eq!(restarts, 8, "vertical merges started");
    let rows: Vec<&str> = tbl_b.split("<w:tr>").skip(1).collect();
    assert!(rows.iter().all(|r| r.matches("<w:tc>").count() >= 1));
    // Rows 6..27 continue the merge of 三、本年度办理结果 in their first cell.
    for r in &rows[6..27] {
        let first = r.split("<w:tc>").nth(1).unwrap();
        assert!(first.contains("<w:vMerge w:val=\"continue\""), "{first}");
    }
    assert!(xml.contains("三、本年度办理结果") && xml.contains("（七）总计"));
    assert!(xml.contains("w:eastAsia=\"宋体\"") && xml.contains("w:eastAsia=\"黑体\""));
    assert!(xml.contains("w:w=\"11906\"") && xml.contains("w:h=\"16838\""), "A4 page");
    let styles = unzip(&bytes, "word/styles.xml");
    assert!(styles.contains("仿宋_GB2312"));
}

fn golden(rel: &str, got: &str) {
    let path = root().join(rel);
    if std::env::var_os("GOVREPORT_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(want == got, "{rel} differs from the rendering; regenerate with GOVREPORT_BLESS=1 cargo test -p govreport --test render and review the diff");
}

#[test]
fn golden_files() {
    let cases = [("examples/report-2023.json", "report-2023"), ("tests/fixtures/seed-2012-changchun-etdz.json", "seed-2012")];
    for (src, name) in cases {
        let r = load(src);
        for (fmt, ext) in [(RenderFormat::Html, "html"), (RenderFormat::Markdown, "md"), (RenderFormat::Text, "txt")] {
            golden(&format!("tests/golden/{name}.{ext}"), &String::from_utf8(render(&r, fmt, Lang::Zh).unwrap()).unwrap());
        }
        golden(&format!("tests/golden/{name}.en.txt"), &String::from_utf8(render(&r, RenderFormat::Text, Lang::En).unwrap()).unwrap());
        let docx = render(&r, RenderFormat::Docx, Lang::Zh).unwrap();
        golden(&format!("tests/golden/{name}.docx.xml"), &unzip(&docx, "word/document.xml"));
    }
}
