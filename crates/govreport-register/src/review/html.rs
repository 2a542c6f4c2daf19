//! The review page as one self-contained HTML file: inline CSS (with print CSS for A4), charts
//! as inline SVG, no scripts, no external fonts or files.

use govreport::Lang;

use super::{Block, ReviewPage};

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

const STYLE: &str = "body{font-family:'FangSong','STFangsong','SimSun','Songti SC','Noto Serif CJK SC',serif;font-size:16px;line-height:1.7;color:#111;max-width:60em;margin:2em auto;padding:0 1em}\
h1{font-family:'SimHei','Heiti SC','Noto Sans CJK SC',sans-serif;font-size:1.5em;text-align:center;margin:1em 0}\
h2{font-family:'SimHei','Heiti SC','Noto Sans CJK SC',sans-serif;font-size:1.2em;margin:1.5em 0 .5em}\
h3{font-family:'KaiTi','STKaiti','Noto Serif CJK SC',serif;font-size:1.05em;margin:1.2em 0 .4em}\
table{border-collapse:collapse;width:100%;margin:.5em 0 1.2em;font-size:.9em}\
caption{font-weight:bold;text-align:left;padding:.3em 0}\
th,td{border:1px solid #444;padding:.25em .5em;vertical-align:top;text-align:left}th{background:#eef2f8}\
td.n{text-align:right;font-variant-numeric:tabular-nums}\
figure{margin:1em 0}figcaption{font-size:.9em;margin-top:.3em}svg{max-width:100%;height:auto}\
@media print{@page{size:A4;margin:2.5cm 2cm}body{margin:0;max-width:none}figure,table{page-break-inside:avoid}}";

fn numeric(s: &str) -> bool {
    let s = s.trim_end_matches('%');
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '/' || c == '-')
}

/// The page as HTML.
pub fn write(page: &ReviewPage) -> String {
    let lang = if page.lang == Lang::Zh { "zh-CN" } else { "en" };
    let mut title = String::new();
    let mut body = String::new();
    for block in page.blocks() {
        match block {
            Block::Title(t) => {
                body.push_str(&format!("<h1>{}</h1>\n", esc(&t)));
                title = t;
            }
            Block::Heading(level, t) => body.push_str(&format!("<h{n}>{}</h{n}>\n", esc(&t), n = level + 1)),
            Block::Para(t) => body.push_str(&format!("<p>{}</p>\n", esc(&t))),
            Block::Table { caption, header, rows } => {
                body.push_str(&format!("<table>\n<caption>{}</caption>\n<thead><tr>", esc(&caption)));
                for h in &header {
                    body.push_str(&format!("<th scope=\"col\">{}</th>", esc(h)));
                }
                body.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    body.push_str("<tr>");
                    for cell in row {
                        let class = if numeric(&cell) { " class=\"n\"" } else { "" };
                        body.push_str(&format!("<td{class}>{}</td>", esc(&cell).replace('\n', "<br>")));
                    }
                    body.push_str("</tr>\n");
                }
                body.push_str("</tbody>\n</table>\n");
            }
            Block::Figure { caption, chart } => {
                body.push_str(&format!("<figure>\n{}\n<figcaption>{}</figcaption>\n</figure>\n", chart.to_svg(), esc(&caption)));
            }
        }
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"govreport {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        govreport::VERSION,
        esc(&title)
    )
}
