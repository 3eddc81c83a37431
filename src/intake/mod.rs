//! Bytes to text, whatever the file: plain text and Markdown in any of the supported
//! encodings, HTML (text only: scripts and styles dropped, never run), and .docx (read here,
//! in Rust: headings kept as Markdown marks so the outline survives).
//!
//! Untrusted markup goes through maintained parsers (quick-xml for the docx XML, html5gum for
//! HTML); what they give back is capped at `MAX_BYTES` of text. Whatever was repaired on the
//! way (a cut last character, mixed encodings, an ignored DTD) comes back as warnings beside
//! the text, never as a refusal, as long as the file is readable.

pub mod docx;
mod encoding;
pub mod garbled;
pub mod html;
mod lines;
mod script;
pub mod text;
mod utf16_sniff;
pub mod wordml;

use crate::analysis::WarningKind;
use crate::error::Error;
pub use text::MAX_BYTES;

#[derive(Debug, Clone, PartialEq)]
pub struct Intake {
    pub text: String,
    /// `UTF-8`, `GB18030`, `UTF-16LE` …, or `DOCX`, `HTML (GB18030)` for those formats.
    pub encoding: String,
    /// What was repaired or ignored while reading; the pipeline puts these into
    /// `Analysis.warnings` (without a span: the text is still to be normalised).
    pub warnings: Vec<Notice>,
}

/// A warning from intake: `kind` is `encoding` (bytes decoded with repairs) or `markup`
/// (something in the markup ignored on purpose, such as a DTD).
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub kind: WarningKind,
    pub message: String,
}

impl Notice {
    pub fn encoding(message: impl Into<String>) -> Self {
        Notice { kind: WarningKind::Encoding, message: message.into() }
    }
    pub fn markup(message: impl Into<String>) -> Self {
        Notice { kind: WarningKind::Markup, message: message.into() }
    }
}

fn extension(name: &str) -> String {
    name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

/// Looks like HTML: a doctype or an <html>/<body> tag near the start.
fn sniff_html(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes.iter().take(1024).map(u8::to_ascii_lowercase).collect();
    let head = String::from_utf8_lossy(&head);
    let t = head.trim_start_matches(['\u{feff}', ' ', '\n', '\r', '\t']);
    t.starts_with("<!doctype html") || t.starts_with("<html") || head.contains("<body")
}

pub fn read(name: &str, bytes: &[u8]) -> Result<Intake, Error> {
    if bytes.len() > MAX_BYTES {
        return Err(Error::TooLarge { bytes: bytes.len(), limit: MAX_BYTES });
    }
    let ext = extension(name);
    match ext.as_str() {
        "pdf" => return Err(Error::Unsupported { what: "PDF".into() }),
        "doc" => return Err(Error::Unsupported { what: "旧版 Word (.doc)".into() }),
        "xlsx" | "xls" | "pptx" | "ppt" => return Err(Error::Unsupported { what: format!(".{ext}") }),
        "png" | "jpg" | "jpeg" | "gif" | "bmp" | "webp" | "tif" | "tiff" => {
            return Err(Error::Unsupported { what: "图片".into() })
        }
        _ => {}
    }
    if bytes.starts_with(b"PK\x03\x04") || ext == "docx" {
        let (text, warnings) = docx::read(bytes)?;
        return Ok(Intake { text, encoding: "DOCX".into(), warnings });
    }
    if matches!(ext.as_str(), "html" | "htm" | "xhtml") || sniff_html(bytes) {
        let d = html::decode(bytes)?;
        let text = html::to_text(&d.text)?;
        if text.trim().is_empty() {
            return Err(Error::Empty);
        }
        return Ok(Intake { text, encoding: format!("HTML ({})", d.encoding), warnings: d.warnings });
    }
    let d = text::decode(bytes)?;
    Ok(Intake { text: d.text, encoding: d.encoding.to_string(), warnings: d.warnings })
}
