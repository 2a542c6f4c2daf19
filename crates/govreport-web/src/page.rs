//! The frame of every page: head, navigation, language switch, footer; and small helpers the
//! pages share (links that keep the query, downloads, redirects).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::error::WebError;
use crate::i18n::Ui;

/// The sections of the navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Nav {
    Check,
    New,
    Register,
    Findings,
    Benchmarks,
    Trends,
    Review,
    Rules,
    None,
}

const NAV: &[(Nav, &str, &str, &str)] = &[
    (Nav::Check, "/", "检查报告", "Check a report"),
    (Nav::New, "/new", "填写报告", "Fill in a report"),
    (Nav::Register, "/register", "登记库", "Register"),
    (Nav::Findings, "/findings?state=open", "待审核问题", "Findings to review"),
    (Nav::Benchmarks, "/benchmarks", "同类对比", "Benchmarks"),
    (Nav::Trends, "/trends", "趋势", "Trends"),
    (Nav::Review, "/review", "审查报告", "Supervisor's review"),
    (Nav::Rules, "/rules", "规则", "Rules"),
];

/// A whole page: `title` in the head and as the heading unless the body has its own.
pub(crate) fn page(ui: Ui, here: &str, title: &str, nav: Nav, body: Markup) -> Response {
    let markup = html! {
        (DOCTYPE)
        html lang=(ui.t("zh-CN", "en")) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " — govreport" }
                // No icon file: the browser is told not to ask for one.
                link rel="icon" href="data:,";
                link rel="stylesheet" href={ "/assets/app.css?v=" (crate::assets::version()) };
                script src={ "/assets/app.js?v=" (crate::assets::version()) } defer {}
            }
            body {
                a.skip href="#main" { (ui.t("跳到正文", "Skip to content")) }
                header.top {
                    a.brand href="/" { "govreport" span { (ui.t("政府信息公开年报", "Disclosure reports")) } }
                    nav aria-label=(ui.t("主导航", "Main")) {
                        ul {
                            @for (item, href, zh, en) in NAV {
                                li {
                                    a href=(href) aria-current=[(*item == nav).then_some("page")] { (ui.t(zh, en)) }
                                }
                            }
                        }
                    }
                    (lang_switch(ui, here))
                }
                main #main tabindex="-1" { (body) }
                footer.bottom {
                    "govreport " (govreport::VERSION) " · "
                    (ui.t("本机服务，数据只保存在登记库文件中。", "A local service: data is kept in the register file only."))
                }
            }
        }
    };
    let mut res = Html(markup.into_string()).into_response();
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// Links to the same page in the other language.
fn lang_switch(ui: Ui, here: &str) -> Markup {
    // The request's own path, unless it could be read as another site's ("//host/…").
    let here = local_path(Some(here), "/");
    let (path, query) = here.split_once('?').unwrap_or((here, ""));
    let kept: Vec<&str> = query.split('&').filter(|kv| !kv.is_empty() && !kv.starts_with("lang=")).collect();
    let link = |lang: &str| {
        let mut q = kept.clone();
        q.push(lang);
        format!("{path}?{}", q.join("&"))
    };
    html! {
        p.lang {
            @if ui.en() {
                a href=(link("lang=zh")) lang="zh-CN" hreflang="zh-CN" { "中文" }
                " · " strong { "English" }
            } @else {
                strong { "中文" } " · "
                a href=(link("lang=en")) lang="en" hreflang="en" { "English" }
            }
        }
    }
}

/// The error page.
pub(crate) fn error_page(ui: Ui, err: &WebError) -> Response {
    let title = match err.status {
        StatusCode::NOT_FOUND => ui.t("未找到", "Not found"),
        StatusCode::PAYLOAD_TOO_LARGE => ui.t("上传太大", "Upload too large"),
        StatusCode::FORBIDDEN => ui.t("请求被拒绝", "Request refused"),
        s if s.is_server_error() => ui.t("服务器出错", "Server error"),
        _ => ui.t("无法完成请求", "The request could not be completed"),
    };
    let body = html! {
        section.error role="alert" {
            h1 { (title) }
            p.message { (err.message(ui.lang)) }
            p { a href="/" { (ui.t("返回首页", "Back to the start page")) } }
        }
    };
    let mut res = page(ui, "/", title, Nav::None, body);
    *res.status_mut() = err.status;
    res
}

/// A redirect after a POST (303: the browser then GETs `to`).
pub(crate) fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// `to` if it is a path of this site, else `fallback` (a form's "back" field is never a way
/// out of the site).
pub(crate) fn local_path<'a>(to: Option<&'a str>, fallback: &'a str) -> &'a str {
    match to {
        Some(p) if p.starts_with('/') && !p.starts_with("//") && !p.contains('\\') && !p.chars().any(char::is_control) => p,
        _ => fallback,
    }
}

/// A file to download: its bytes, type and name (an ASCII name and the real one).
pub(crate) fn download(bytes: Vec<u8>, content_type: &'static str, ascii_name: &str, name: &str) -> Response {
    let disposition = format!("attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{}", percent(name));
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// RFC 3986 percent-encoding of everything but unreserved characters.
pub(crate) fn percent(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// An inline SVG chart (made by the register, escaped there).
pub(crate) fn svg(svg: String) -> Markup {
    PreEscaped(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_back_link_stays_on_the_site() {
        assert_eq!(local_path(Some("/findings?state=open"), "/"), "/findings?state=open");
        for bad in ["//evil.example/", "https://evil.example/", "/\\evil", "javascript:alert(1)", "/a\nb"] {
            assert_eq!(local_path(Some(bad), "/findings"), "/findings", "{bad}");
        }
        assert_eq!(local_path(None, "/x"), "/x");
    }

    #[test]
    fn the_language_link_stays_on_the_site() {
        let ui = Ui { lang: govreport::Lang::Zh };
        assert!(lang_switch(ui, "/findings?year=2023&lang=zh").into_string().contains("href=\"/findings?year=2023&amp;lang=en\""));
        let odd = lang_switch(ui, "//evil.example/x").into_string();
        assert!(!odd.contains("evil") && odd.contains("href=\"/?lang=en\""), "{odd}");
    }

    #[test]
    fn file_names_are_percent_encoded() {
        assert_eq!(percent("某局2023年.docx"), "%E6%9F%90%E5%B1%802023%E5%B9%B4.docx");
        assert_eq!(percent("a b\"c"), "a%20b%22c");
    }
}
