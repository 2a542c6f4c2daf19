//! Criterion benchmarks of the core: `cargo bench -p govreport` (see BENCHMARKS.md).
//!
//! Each benchmark measures one thing a user does: read JSON into the typed report, check it,
//! both at once, complete it, render it, import a published page or pasted text, roll up a
//! thousand units. Measurement times are short so that the suite runs in about two minutes
//! on 2 cores; pass `-- --measurement-time 10` for tighter intervals.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use govreport::{Agency, AgencyKind, ImportOptions, Lang, Options, RenderFormat, Report};

#[path = "support/generator.rs"]
mod generator;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The typical 2021 report: the example of the README (a county bureau, every table filled).
fn typical() -> String {
    read("examples/report-2023.json")
}

fn one_report(c: &mut Criterion) {
    let text = typical();
    let report = govreport::parse_str(&text).unwrap();
    let options = Options::default();

    let mut g = c.benchmark_group("report");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("serde_json_value (floor)", |b| b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&text)).unwrap()));
    g.bench_function("parse_json", |b| b.iter(|| govreport::parse_json(black_box(text.as_bytes())).unwrap()));
    g.bench_function("check", |b| b.iter(|| govreport::check(black_box(&report), &options).unwrap()));
    g.bench_function("check_json (end to end)", |b| b.iter(|| govreport::check_json(black_box(text.as_bytes()), &options).unwrap()));
    g.bench_function("check_json + findings to JSON", |b| {
        b.iter(|| serde_json::to_string(&govreport::check_json(black_box(text.as_bytes()), &options).unwrap()).unwrap())
    });
    g.finish();

    // A report with defects: findings are built (messages, pointers) — the costly path.
    let defective = read("tests/fixtures/2021-row-total-broken.json");
    let n = govreport::check_json(defective.as_bytes(), &options).unwrap().0.len();
    let mut g = c.benchmark_group("report with findings");
    g.bench_function(format!("check_json ({n} findings)"), |b| b.iter(|| govreport::check_json(black_box(defective.as_bytes()), &options).unwrap()));
    g.finish();

    // complete: the same report with every derived total blanked.
    let mut blanked: serde_json::Value = serde_json::from_str(&text).unwrap();
    blank_totals(&mut blanked);
    let blanked = govreport::parse_str(&blanked.to_string()).unwrap();
    let filled = govreport::complete(&mut blanked.clone()).filled.len();
    assert!(filled > 20, "complete filled {filled} cells");
    let mut g = c.benchmark_group("complete");
    g.bench_function(format!("complete ({filled} totals)"), |b| b.iter_batched(|| blanked.clone(), |mut r| govreport::complete(&mut r), BatchSize::SmallInput));
    g.finish();

    let mut g = c.benchmark_group("render");
    for (name, f) in [("html", RenderFormat::Html), ("markdown", RenderFormat::Markdown), ("docx", RenderFormat::Docx)] {
        g.bench_function(name, |b| b.iter(|| govreport::render(black_box(&report), f, Lang::Zh).unwrap()));
    }
    g.finish();
}

/// Sets every 总计 of table B and C, and the （七）总计 row, to null.
fn blank_totals(v: &mut serde_json::Value) {
    fn walk(v: &mut serde_json::Value, in_results_total: bool) {
        if let serde_json::Value::Object(m) = v {
            for (k, x) in m.iter_mut() {
                if k == "total" || in_results_total {
                    if x.is_number() {
                        *x = serde_json::Value::Null;
                    }
                } else {
                    walk(x, k == "results_total");
                }
            }
        }
    }
    walk(&mut v["requests"], false);
    walk(&mut v["review_litigation"], false);
}

/// A published page of about 100 KB: the rendered report inside a government portal's
/// chrome — header, a long navigation, breadcrumbs, a side column of links, related articles,
/// a footer, inline CSS and scripts — as real 政府信息公开 pages are.
pub fn portal_page(report: &Report, target: usize) -> String {
    let body = String::from_utf8(govreport::render(report, RenderFormat::Html, Lang::Zh).unwrap()).unwrap();
    // The renderer's own document: keep its <style> and the inside of <body>.
    let style = body.split_once("<style>").and_then(|(_, r)| r.split_once("</style>")).map_or("", |(s, _)| s);
    let inner = body.split_once("<body>").and_then(|(_, r)| r.rsplit_once("</body>")).map_or(body.as_str(), |(s, _)| s);
    let name = &report.meta().agency.name;
    let year = report.meta().year;
    let sections = [
        "首页",
        "机构概况",
        "政务公开",
        "政府信息公开指南",
        "政府信息公开制度",
        "法定主动公开内容",
        "政府信息公开年报",
        "依申请公开",
        "政策文件",
        "政策解读",
        "新闻发布",
        "政务服务",
        "互动交流",
        "数据开放",
        "专题专栏",
    ];
    let mut nav = String::from("<ul class=\"nav\">");
    for (i, s) in sections.iter().enumerate() {
        nav.push_str(&format!("<li class=\"nav-item\"><a href=\"/col/col{}/index.html\" target=\"_self\">{s}</a><ul class=\"sub\">", 1000 + i));
        for j in 0..12 {
            nav.push_str(&format!("<li><a href=\"/col/col{}/index.html\">{s}栏目{j}</a></li>", 2000 + i * 20 + j));
        }
        nav.push_str("</ul></li>");
    }
    nav.push_str("</ul>");
    let mut side = String::from("<div class=\"side\"><h3>政府信息公开年报</h3><ul>");
    for y in (2008..year).rev() {
        side.push_str(&format!("<li><a href=\"/art/{y}/1/20/art_1229_{y}.html\" title=\"{name}{y}年政府信息公开工作年度报告\">{name}{y}年政府信息公开工作年度报告</a><span>{}-01-20</span></li>", y + 1));
    }
    side.push_str("</ul></div>");
    let script = "<script type=\"text/javascript\">var _hmt=_hmt||[];(function(){var hm=document.createElement(\"script\");hm.src=\"/js/stat.js?v=1\";var s=document.getElementsByTagName(\"script\")[0];s.parentNode.insertBefore(hm,s);})();function setFont(size){document.getElementById('zoom').style.fontSize=size+'px';}</script>";
    let mut page = format!(
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"SiteName\" content=\"{name}门户网站\"><meta name=\"ArticleTitle\" content=\"{name}{year}年政府信息公开工作年度报告\"><meta name=\"PubDate\" content=\"{}\"><title>{name}{year}年政府信息公开工作年度报告_{name}门户网站</title><style>{style}</style><style>.nav{{margin:0;padding:0}}.nav-item{{float:left;width:120px}}.side li{{line-height:28px}}.footer{{clear:both;color:#666}}</style>{script}</head><body><div class=\"top\"><div class=\"topbar\">欢迎访问{name}门户网站 <a href=\"/wza/\">无障碍</a> <a href=\"/en/\">English</a> <a href=\"/app/\">移动版</a></div><div class=\"logo\"><img src=\"/images/logo.png\" alt=\"{name}\"></div><form action=\"/search\"><input name=\"q\" placeholder=\"请输入关键字\"><button>搜索</button></form></div>{nav}<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政务公开</a> &gt; <a href=\"/zwgk/nb/\">政府信息公开年报</a></div><div class=\"main\">{side}<div class=\"article\"><h1 class=\"title\">{name}{year}年政府信息公开工作年度报告</h1><div class=\"info\">发布时间：{} 来源：{name} 浏览次数：<span id=\"hits\">1024</span> 字号：[<a href=\"javascript:setFont(18)\">大</a> <a href=\"javascript:setFont(16)\">中</a> <a href=\"javascript:setFont(14)\">小</a>]</div><div id=\"zoom\">{inner}</div><div class=\"share\">分享到：<a href=\"#\">微信</a> <a href=\"#\">微博</a> <a href=\"javascript:window.print()\">打印本页</a> <a href=\"javascript:window.close()\">关闭窗口</a></div></div><div class=\"related\"><h3>相关文章</h3><ul>",
        year + 1,
        year + 1
    );
    let mut k = 0;
    while page.len() < target.saturating_sub(2_500) {
        k += 1;
        page.push_str(&format!(
            "<li><a href=\"/art/{year}/{}/{}/art_1230_{k}.html\" target=\"_blank\" title=\"关于公布{year}年第{k}批行政规范性文件清理结果的通知\">关于公布{year}年第{k}批行政规范性文件清理结果的通知</a><span class=\"date\">{year}-{:02}-{:02}</span></li>",
            k % 12 + 1,
            k % 28 + 1,
            k % 12 + 1,
            k % 28 + 1
        ));
    }
    page.push_str(&format!(
        "</ul></div></div><div class=\"footer\"><p>主办单位：{name} 承办单位：{name}办公室 网站标识码：4403000001 <a href=\"https://beian.miit.gov.cn/\">粤ICP备00000000号</a> 公网安备 44030002000001号</p><p>地址：某市某区某路1号 邮编：518000 联系电话：0755-00000000 <a href=\"/wzdt/\">网站地图</a> <a href=\"/lxwm/\">联系我们</a> <a href=\"/sm/\">使用帮助</a></p></div></body></html>"
    ));
    page
}

fn imports(c: &mut Criterion) {
    let report = govreport::parse_str(&typical()).unwrap();
    let page = portal_page(&report, 100_000);
    // The page must still read back as the report it carries.
    let imported = govreport::import_document(page.as_bytes(), &ImportOptions::default()).unwrap();
    assert_eq!(imported.source, govreport::SourceKind::Html);
    let (want, got) = (serde_json::to_value(&report).unwrap(), serde_json::to_value(&imported.report).unwrap());
    assert_eq!(want["requests"], got["requests"], "the padded page imports to the same table B");
    let pasted = read("tests/fixtures/corpus/dev/2024-001.txt");
    govreport::import_document(pasted.as_bytes(), &ImportOptions::default()).unwrap();

    let mut g = c.benchmark_group("import");
    g.throughput(Throughput::Bytes(page.len() as u64));
    g.bench_function(format!("html portal page ({} KB)", page.len() / 1000), |b| {
        b.iter(|| govreport::import_document(black_box(page.as_bytes()), &ImportOptions::default()).unwrap())
    });
    // The floor under the page's import: html5ever's tokenizer alone over it (no tree built,
    // nothing read).
    struct Nop;
    impl html5ever::tokenizer::TokenSink for Nop {
        type Handle = ();
        fn process_token(&self, t: html5ever::tokenizer::Token, _: u64) -> html5ever::tokenizer::TokenSinkResult<()> {
            black_box(&t);
            html5ever::tokenizer::TokenSinkResult::Continue
        }
    }
    g.bench_function(format!("html tokenizer alone ({} KB)", page.len() / 1000), |b| {
        b.iter(|| {
            let t = html5ever::tokenizer::Tokenizer::new(Nop, Default::default());
            let q = html5ever::tokenizer::BufferQueue::default();
            q.push_back(html5ever::tendril::StrTendril::from_slice(&page));
            let _ = t.feed(&q);
            t.end();
        })
    });
    g.throughput(Throughput::Bytes(pasted.len() as u64));
    g.bench_function(format!("pasted text ({} KB)", pasted.len() / 1000), |b| {
        b.iter(|| govreport::import_document(black_box(pasted.as_bytes()), &ImportOptions::default()).unwrap())
    });
    g.finish();
}

fn roll_up(c: &mut Criterion) {
    // 1,000 units of one year (the generator varies the year; the roll-up needs one).
    let reports: Vec<Report> =
        (0..).map(|i| generator::report(7, i)).filter(|v| v["year"] == 2023).take(1000).map(|v| govreport::parse_str(&v.to_string()).unwrap()).collect();
    let county = Agency::new("某市本级汇总", AgencyKind::Government);
    govreport::aggregate(&reports, county.clone()).unwrap();
    let mut g = c.benchmark_group("aggregate");
    g.throughput(Throughput::Elements(reports.len() as u64));
    g.sample_size(10);
    g.bench_function("1000 reports", |b| b.iter(|| govreport::aggregate(black_box(&reports), county.clone()).unwrap()));
    g.finish();
}

fn config() -> Criterion {
    Criterion::default().warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2)).sample_size(30).configure_from_args()
}

criterion_group! { name = benches; config = config(); targets = one_report, imports, roll_up }
criterion_main!(benches);
