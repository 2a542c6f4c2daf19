//! The outer layer of every response: requests that change something must come from this
//! site's own pages; every error becomes a page (or JSON for the live-editing calls) in the
//! reader's language; the security headers; the language cookie.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use govreport::Lang;

use crate::app::App;
use crate::error::WebError;
use crate::i18n::{self, Ui};
use crate::page;

/// What the pages may load: only this site's own styles and script, no frames, forms posted
/// only here.
const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// Whether a request that changes something comes from another site (a page elsewhere
/// posting a form to this server). Browsers say where a request comes from in
/// `Sec-Fetch-Site`, older ones in `Origin`; a request with neither is not from a browser page.
pub(crate) fn cross_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
        let origin_host = origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://"));
        return origin_host != Some(host);
    }
    false
}

fn wants_json(headers: &HeaderMap) -> bool {
    headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|a| a.starts_with("application/json"))
}

/// The middleware: see the module's doc.
pub(crate) async fn finish(State(app): State<App>, req: Request, next: Next) -> Response {
    let lang = i18n::detect(req.uri().query(), req.headers());
    let chosen = i18n::from_query(req.uri().query());
    let json = wants_json(req.headers());
    let changes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let res = if changes && cross_site(req.headers()) {
        WebError::new(
            StatusCode::FORBIDDEN,
            "此请求来自其他网站，已拒绝。请在本服务的页面上操作。",
            "This request came from another site and was refused. Use the pages of this service.",
        )
        .into_response()
    } else {
        next.run(req).await
    };
    let mut res = as_page(res, lang, json, app.config.max_upload).await;
    let h = res.headers_mut();
    h.insert("content-security-policy", HeaderValue::from_static(CSP));
    h.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    h.insert("x-frame-options", HeaderValue::from_static("DENY"));
    h.insert("referrer-policy", HeaderValue::from_static("same-origin"));
    if let Some(lang) = chosen {
        let value = format!("{}={}; Path=/; Max-Age=31536000; SameSite=Lax", i18n::COOKIE, if lang == Lang::En { "en" } else { "zh" });
        if let Ok(v) = HeaderValue::from_str(&value) {
            h.append(header::SET_COOKIE, v);
        }
    }
    res
}

/// An error response as a page (or JSON): a handler's [`WebError`], or an error response of
/// the framework (no such route, wrong method, a body over the limit, a malformed form).
async fn as_page(res: Response, lang: Lang, json: bool, max_upload: usize) -> Response {
    let status = res.status();
    let err = if let Some(e) = res.extensions().get::<WebError>() {
        e.clone()
    } else if status.is_client_error() || status.is_server_error() {
        let is_page = res.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|t| t.starts_with("text/html"));
        if is_page {
            return res;
        }
        let detail = to_bytes(res.into_body(), 4096).await.map(|b| String::from_utf8_lossy(&b).trim().to_string()).unwrap_or_default();
        framework_error(status, &detail, max_upload)
    } else {
        return res;
    };
    if json {
        let body = serde_json::json!({ "ok": false, "error": err.message(lang) }).to_string();
        let mut r = (err.status, [(header::CONTENT_TYPE, "application/json")], Body::from(body)).into_response();
        r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return r;
    }
    page::error_page(Ui { lang }, &err)
}

fn framework_error(status: StatusCode, detail: &str, max_upload: usize) -> WebError {
    match status {
        StatusCode::PAYLOAD_TOO_LARGE => WebError::too_large(max_upload),
        StatusCode::NOT_FOUND => WebError::not_found("没有这个页面。请从页首的导航进入。", "There is no such page. Start from the navigation at the top."),
        StatusCode::METHOD_NOT_ALLOWED => WebError::new(
            status,
            "此页面不接受这种请求。请从页面上的链接或按钮进入。",
            "This page does not take this kind of request. Use the links and buttons of the pages.",
        ),
        s if s.is_server_error() => WebError::internal(),
        _ => {
            // The framework's own texts (a form field missing, a number that is not one) are
            // English; they are given as the detail after a sentence in the reader's language.
            let detail: String = detail.chars().take(300).collect();
            WebError::new(status, format!("请求的内容不完整或格式不对：{detail}"), format!("The request was incomplete or malformed: {detail}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut m = HeaderMap::new();
        for (k, v) in pairs {
            m.insert(axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(), HeaderValue::from_str(v).unwrap());
        }
        m
    }

    #[test]
    fn only_this_sites_pages_may_change_things() {
        assert!(!cross_site(&h(&[("sec-fetch-site", "same-origin")])));
        assert!(!cross_site(&h(&[("sec-fetch-site", "none")])));
        assert!(cross_site(&h(&[("sec-fetch-site", "cross-site")])));
        // Another port of localhost is the same site but not the same origin.
        assert!(cross_site(&h(&[("sec-fetch-site", "same-site")])));
        assert!(!cross_site(&h(&[("origin", "http://127.0.0.1:8080"), ("host", "127.0.0.1:8080")])));
        assert!(cross_site(&h(&[("origin", "http://evil.example"), ("host", "127.0.0.1:8080")])));
        assert!(cross_site(&h(&[("origin", "null"), ("host", "127.0.0.1:8080")])));
        assert!(!cross_site(&HeaderMap::new()));
    }
}
