//! The reader's language: Chinese unless asked otherwise — by `?lang=en` (kept in a cookie
//! for the next pages), by the cookie, or by the browser's `Accept-Language`.

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use govreport::Lang;

/// The cookie that keeps a language chosen with `?lang=`.
pub(crate) const COOKIE: &str = "govreport_lang";

/// The language asked for in the query string (`lang=en`, `lang=zh`), if any.
pub(crate) fn from_query(query: Option<&str>) -> Option<Lang> {
    query?.split('&').filter_map(|kv| kv.split_once('=')).find(|(k, _)| *k == "lang").and_then(|(_, v)| Lang::parse(v))
}

fn from_cookie(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .and_then(|(_, v)| Lang::parse(v))
}

/// The first of Chinese or English in `Accept-Language`, by quality.
fn from_accept(headers: &HeaderMap) -> Option<Lang> {
    let value = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    let mut tags: Vec<(f32, usize, Lang)> = value
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut bits = part.trim().split(';');
            let tag = bits.next()?.trim().to_ascii_lowercase();
            let q = bits.find_map(|b| b.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok())).unwrap_or(1.0);
            let lang = if tag == "zh" || tag.starts_with("zh-") {
                Lang::Zh
            } else if tag == "en" || tag.starts_with("en-") {
                Lang::En
            } else {
                return None;
            };
            (q > 0.0).then_some((q, i, lang))
        })
        .collect();
    tags.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    tags.first().map(|t| t.2)
}

/// The language of a request.
pub(crate) fn detect(query: Option<&str>, headers: &HeaderMap) -> Lang {
    from_query(query).or_else(|| from_cookie(headers)).or_else(|| from_accept(headers)).unwrap_or(Lang::Zh)
}

/// The reader's language, as an extractor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Ui {
    pub lang: Lang,
}

impl Ui {
    /// `zh` or `en` by the reader's language.
    pub(crate) fn t<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        if self.lang == Lang::En { en } else { zh }
    }

    /// Whether the page is in English.
    pub(crate) fn en(&self) -> bool {
        self.lang == Lang::En
    }
}

/// The path and query of the request (for links to the same page in the other language).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Here(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Here {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Here, Infallible> {
        Ok(Here(parts.uri.path_and_query().map_or_else(|| parts.uri.path().to_string(), |p| p.as_str().to_string())))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ui {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Ui, Infallible> {
        Ok(Ui { lang: detect(parts.uri.query(), &parts.headers) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(k.clone(), HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn chinese_by_default_english_on_request() {
        assert_eq!(detect(None, &HeaderMap::new()), Lang::Zh);
        assert_eq!(detect(Some("lang=en"), &HeaderMap::new()), Lang::En);
        assert_eq!(detect(Some("year=2023&lang=en"), &headers(&[(header::ACCEPT_LANGUAGE, "zh-CN")])), Lang::En);
        assert_eq!(detect(None, &headers(&[(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9,zh;q=0.5")])), Lang::En);
        assert_eq!(detect(None, &headers(&[(header::ACCEPT_LANGUAGE, "fr-FR,zh-CN;q=0.8,en;q=0.7")])), Lang::Zh);
        assert_eq!(detect(None, &headers(&[(header::ACCEPT_LANGUAGE, "en;q=0.3,zh-TW;q=0.9")])), Lang::Zh);
        assert_eq!(detect(None, &headers(&[(header::ACCEPT_LANGUAGE, "de")])), Lang::Zh);
        // The cookie kept from an earlier ?lang= wins over the browser's languages.
        assert_eq!(detect(None, &headers(&[(header::COOKIE, "a=b; govreport_lang=en"), (header::ACCEPT_LANGUAGE, "zh-CN")])), Lang::En);
        assert_eq!(detect(Some("lang=zh"), &headers(&[(header::COOKIE, "govreport_lang=en")])), Lang::Zh);
    }
}
