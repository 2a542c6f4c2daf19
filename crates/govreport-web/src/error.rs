//! Errors of a request. A handler returns a [`WebError`] (status and message in both
//! languages); [`crate::security::finish`] turns it — and every other error response, such as
//! a route that does not exist or an upload over the limit — into a page in the reader's
//! language (or JSON for the live-editing calls). Nothing else reaches the browser: no blank
//! page, no stack trace.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use govreport::Lang;

/// What went wrong, for the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct WebError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The message in Chinese.
    pub zh: String,
    /// The message in English.
    pub en: String,
}

impl WebError {
    pub(crate) fn new(status: StatusCode, zh: impl Into<String>, en: impl Into<String>) -> WebError {
        WebError { status, zh: zh.into(), en: en.into() }
    }

    pub(crate) fn bad_request(zh: impl Into<String>, en: impl Into<String>) -> WebError {
        WebError::new(StatusCode::BAD_REQUEST, zh, en)
    }

    pub(crate) fn not_found(zh: impl Into<String>, en: impl Into<String>) -> WebError {
        WebError::new(StatusCode::NOT_FOUND, zh, en)
    }

    pub(crate) fn internal() -> WebError {
        WebError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "服务器内部出错，请求未完成；已保存的内容不受影响。请重试，若仍出错请联系管理员。",
            "The server failed inside and the request was not completed; nothing saved was affected. Try again, and tell the administrator if it happens again.",
        )
    }

    /// The upload was larger than `limit` bytes.
    pub(crate) fn too_large(limit: usize) -> WebError {
        let mib = limit as f64 / (1024.0 * 1024.0);
        WebError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("上传的内容太大：上限为 {mib:.0} MiB。一份年度报告通常不到 1 MiB，请检查是否选错了文件。"),
            format!("The upload is too large: the limit is {mib:.0} MiB. An annual report is usually under 1 MiB; check that this is the right file."),
        )
    }

    /// The message in `lang`.
    pub(crate) fn message(&self, lang: Lang) -> &str {
        if lang == Lang::En { &self.en } else { &self.zh }
    }
}

impl From<govreport_register::Error> for WebError {
    fn from(e: govreport_register::Error) -> WebError {
        let status = match e.kind() {
            "not_found" => StatusCode::NOT_FOUND,
            "busy" => StatusCode::SERVICE_UNAVAILABLE,
            "database" | "io" | "newer_schema" | "needs_upgrade" => StatusCode::INTERNAL_SERVER_ERROR,
            _ => StatusCode::BAD_REQUEST,
        };
        WebError::new(status, e.message(Lang::Zh), e.message(Lang::En))
    }
}

impl From<govreport::Error> for WebError {
    fn from(e: govreport::Error) -> WebError {
        let status = if e.kind() == "too_large" { StatusCode::PAYLOAD_TOO_LARGE } else { StatusCode::BAD_REQUEST };
        WebError::new(status, e.message(Lang::Zh), e.message(Lang::En))
    }
}

impl IntoResponse for WebError {
    /// An empty response carrying the error; the outer layer writes the page.
    fn into_response(self) -> Response {
        let mut res = self.status.into_response();
        res.extensions_mut().insert(self);
        res
    }
}

/// What no route matches.
pub(crate) async fn not_found() -> WebError {
    WebError::not_found("没有这个页面。请从页首的导航进入。", "There is no such page. Start from the navigation at the top.")
}

/// A handler panicked (a bug): the reader gets the general message, never the panic's text.
pub(crate) fn panicked(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    WebError::internal().into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_the_general_message_never_its_text() {
        let res = panicked(Box::new("index out of bounds: secret detail"));
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let err = res.extensions().get::<WebError>().unwrap();
        assert_eq!(err, &WebError::internal());
        assert!(!err.zh.contains("secret") && !err.en.contains("secret"));
    }

    #[test]
    fn register_errors_keep_their_status_and_both_languages() {
        let e = WebError::from(govreport_register::Register::open_read_only("/nonexistent/govreport.db").unwrap_err());
        assert_eq!(e.status, StatusCode::NOT_FOUND);
        assert!(e.zh.contains("没有登记库") && e.en.contains("no register"), "{e:?}");
    }
}
