//! Errors for input that is not a report document. Findings are not errors: see [`crate::Finding`].

use thiserror::Error;

use crate::messages::zh;

/// Why bytes could not be read as a report document. Every variant says where.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Error {
    /// The input is larger than [`crate::limits::MAX_INPUT_BYTES`].
    #[error("input is {size} bytes; the limit is {limit} bytes")]
    TooLarge {
        /// Size of the input (or a lower bound of it).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The input is not UTF-8.
    #[error("input is not valid UTF-8 at byte {offset} (line {line}, column {column})")]
    Utf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
    },
    /// The input is not JSON (or nests deeper than [`crate::limits::MAX_DEPTH`]).
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser says.
        message: String,
    },
    /// The JSON does not fit the document: a wrong type, an unknown field, a negative count….
    #[error("{pointer}: {message}")]
    Structure {
        /// RFC 6901 pointer to the offending value ("" for the whole document).
        pointer: String,
        /// What is wrong.
        message: String,
    },
    /// `format` names no known format.
    #[error("/format: unknown format {found}; expected \"2021\", \"2019\" or \"2007\"")]
    UnknownFormat {
        /// The value found, as JSON.
        found: String,
    },
    /// A value given by a caller (options, a pointer, a setting) is not acceptable.
    #[error("{what}: {message}")]
    Invalid {
        /// What was given (an option name, a pointer).
        what: String,
        /// What is wrong.
        message: String,
    },
}

impl Error {
    /// A short stable name of the kind of error, for programs.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::TooLarge { .. } => "too_large",
            Error::Utf8 { .. } => "utf8",
            Error::Syntax { .. } => "syntax",
            Error::Structure { .. } => "structure",
            Error::UnknownFormat { .. } => "unknown_format",
            Error::Invalid { .. } => "invalid",
        }
    }

    /// The JSON pointer the error is about, when it is about a place in a document.
    pub fn pointer(&self) -> Option<&str> {
        match self {
            Error::Structure { pointer, .. } => Some(pointer),
            Error::UnknownFormat { .. } => Some("/format"),
            _ => None,
        }
    }
}

impl Error {
    /// The message in `lang`; in Chinese, the details serde words in English too
    /// ([`crate::messages::zh`]).
    pub fn message(&self, lang: crate::Lang) -> String {
        if lang == crate::Lang::En {
            return self.to_string();
        }
        match self {
            Error::TooLarge { size, limit } => format!("输入有 {size} 字节，超过上限 {limit} 字节"),
            Error::Utf8 { offset, line, column } => format!("第 {line} 行第 {column} 列（第 {offset} 字节）不是有效的 UTF-8 编码"),
            Error::Syntax { line, column, message } => format!("第 {line} 行第 {column} 列不是有效的 JSON：{}", zh(message)),
            Error::Structure { pointer, message } => {
                let at = if pointer.is_empty() { "文档" } else { pointer };
                format!("{at}：{}", zh(message))
            }
            Error::UnknownFormat { found } => format!("/format：未知的报告格式 {found}，应为 \"2021\"、\"2019\" 或 \"2007\""),
            Error::Invalid { what, message } => format!("{what}：{}", zh(message)),
        }
    }
}
