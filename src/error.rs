//! One error type for everything that can go wrong with an input. Its `Display` is the
//! message a user reads (in the page and in the CLI), so it says what happened and what works.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// Zero bytes, or only whitespace.
    Empty,
    /// The bytes are not text: NUL bytes, control characters or a known binary signature.
    Binary { what: &'static str },
    /// Text whose encoding is none of UTF-8, UTF-16 and GB18030.
    UnknownEncoding,
    /// Larger than the limit the analysis accepts.
    TooLarge { bytes: usize, limit: usize },
    /// A .docx or HTML file under the size limit whose text, once taken out, passes it.
    TextTooLarge { limit: usize },
    /// A file type that is recognised but not read (PDF, images, …).
    Unsupported { what: String },
    /// A docx (zip) that cannot be read.
    Corrupt { what: String },
    /// A comparison given fewer than two reports or more than it takes.
    CompareCount { given: usize, max: usize },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty => write!(f, "文件为空：没有可分析的文字 (empty input)"),
            Error::Binary { what } => write!(
                f,
                "不是文本文件：检测到二进制数据（{what}），请使用 .txt、.md、.html 或 .docx (binary data, not a text report)"
            ),
            Error::UnknownEncoding => write!(
                f,
                "无法识别文字编码：支持 UTF-8、UTF-16 和 GB18030/GBK (unknown text encoding)"
            ),
            Error::TooLarge { bytes, limit } => write!(
                f,
                "文件过大：{:.1} MB，上限为 {} MB (file too large)",
                *bytes as f64 / 1_048_576.0,
                limit / 1_048_576
            ),
            Error::TextTooLarge { limit } => write!(
                f,
                "文档中的文字超过 {} MB 上限：请拆分后再分析 (text inside the document too large)",
                limit / 1_048_576
            ),
            Error::Unsupported { what } => write!(
                f,
                "暂不支持 {what} 文件：请使用 .txt、.md、.html 或 .docx (unsupported file type)"
            ),
            Error::Corrupt { what } => write!(f, "文件已损坏，无法读取：{what} (corrupt file)"),
            Error::CompareCount { given, max } => write!(
                f,
                "比较需要 2 至 {max} 份报告，现有 {given} 份 (compare takes 2 to {max} reports, got {given})"
            ),
        }
    }
}

impl std::error::Error for Error {}
