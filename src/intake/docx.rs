//! .docx: a zip holding word/document.xml (and word/styles.xml for heading names). Limits on
//! entry count, uncompressed size and compression ratio keep a zip bomb from taking the tab
//! down; the XML itself is read by `wordml`, which caps the text taken out at `MAX_BYTES`.

use super::{wordml, Notice};
use crate::error::Error;
use std::io::{Cursor, Read};

const MAX_ENTRIES: usize = 10_000;
/// Uncompressed size of one XML entry read, whatever the archive declares: room for the
/// markup around `MAX_BYTES` of text.
const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;
/// Word's XML compresses ~10:1; 200:1 is a bomb, once the entry is past `RATIO_FREE` (a
/// small entry of repeated markup may compress better, and is harmless whatever it does).
const MAX_RATIO: u64 = 200;
const RATIO_FREE: u64 = 1024 * 1024;

fn corrupt(what: impl Into<String>) -> Error {
    Error::Corrupt { what: what.into() }
}

fn bomb(name: &str) -> Error {
    corrupt(format!(
        "{name} 解压后过大（超过 {} MB 或压缩比超过 {MAX_RATIO}:1，疑似压缩炸弹）",
        MAX_XML_BYTES / 1_048_576
    ))
}

fn entry(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, Error> {
    let mut f = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(corrupt(format!("{name}: {e}"))),
    };
    // what the header declares, then what inflating really gives (headers can lie)
    let cap = MAX_XML_BYTES.min(f.compressed_size().saturating_mul(MAX_RATIO).max(RATIO_FREE));
    if f.size() > cap {
        return Err(bomb(name));
    }
    let mut buf = Vec::new();
    (&mut f).take(cap + 1).read_to_end(&mut buf).map_err(|e| corrupt(format!("{name}: {e}")))?;
    if buf.len() as u64 > cap {
        return Err(bomb(name));
    }
    String::from_utf8(buf).map(Some).map_err(|_| corrupt(format!("{name} 不是 UTF-8 XML")))
}

/// The document's text, headings as Markdown marks, and what was ignored on the way.
pub fn read(bytes: &[u8]) -> Result<(String, Vec<Notice>), Error> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(format!("不是有效的 .docx（zip）：{e}")))?;
    if zip.len() > MAX_ENTRIES {
        return Err(corrupt(format!("压缩包条目过多（{} 个，上限 {MAX_ENTRIES}）", zip.len())));
    }
    let Some(doc) = entry(&mut zip, "word/document.xml")? else {
        return Err(Error::Unsupported { what: "不含 word/document.xml 的压缩包".into() });
    };
    let styles = match entry(&mut zip, "word/styles.xml")? {
        Some(s) => wordml::heading_styles(&s)?,
        None => Default::default(),
    };
    let (text, warnings) = wordml::paragraphs(&doc, &styles)?;
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok((text, warnings))
}
