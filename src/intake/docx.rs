//! .docx: a zip holding word/document.xml. Paragraphs become lines; paragraphs with a heading
//! style (or an outline level) become Markdown headings. Limits on size, entry count and
//! compression ratio keep a zip bomb from taking the tab down.

use crate::error::Error;
use std::collections::HashMap;
use std::io::{Cursor, Read};

const MAX_ENTRIES: usize = 10_000;
/// Uncompressed size of the XML read, whatever the archive declares.
const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;
const MAX_RATIO: u64 = 200;

fn corrupt(what: impl Into<String>) -> Error {
    Error::Corrupt { what: what.into() }
}

fn entry(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, Error> {
    let mut f = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(corrupt(format!("{name}: {e}"))),
    };
    if f.size() > MAX_XML_BYTES || f.size() > f.compressed_size().max(1) * MAX_RATIO {
        return Err(corrupt(format!("{name} 解压后过大（疑似压缩炸弹）")));
    }
    let mut buf = Vec::new();
    (&mut f).take(MAX_XML_BYTES + 1).read_to_end(&mut buf).map_err(|e| corrupt(format!("{name}: {e}")))?;
    if buf.len() as u64 > MAX_XML_BYTES {
        return Err(corrupt(format!("{name} 解压后过大（疑似压缩炸弹）")));
    }
    String::from_utf8(buf).map(Some).map_err(|_| corrupt(format!("{name} 不是 UTF-8 XML")))
}

pub fn read(bytes: &[u8]) -> Result<String, Error> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(format!("不是有效的 .docx（zip）：{e}")))?;
    if zip.len() > MAX_ENTRIES {
        return Err(corrupt(format!("压缩包条目过多（{}）", zip.len())));
    }
    let Some(doc) = entry(&mut zip, "word/document.xml")? else {
        return Err(Error::Unsupported { what: "不含 word/document.xml 的压缩包".into() });
    };
    let styles = entry(&mut zip, "word/styles.xml")?.map(|s| heading_styles(&s)).unwrap_or_default();
    let text = paragraphs(&doc, &styles);
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(text)
}

/// One XML tag: its name (with prefix), attributes text, whether it closes or self-closes.
struct Tag<'a> {
    name: &'a str,
    attrs: &'a str,
    closing: bool,
    empty: bool,
}

/// Iterates over tags and the text between them.
fn scan(xml: &str, mut on_tag: impl FnMut(&Tag), mut on_text: impl FnMut(&str)) {
    let mut rest = xml;
    while let Some(i) = rest.find('<') {
        if i > 0 {
            on_text(&rest[..i]);
        }
        let Some(j) = rest[i..].find('>') else { return };
        let inner = &rest[i + 1..i + j];
        rest = &rest[i + j + 1..];
        if inner.starts_with('?') || inner.starts_with('!') {
            continue;
        }
        let closing = inner.starts_with('/');
        let inner = inner.trim_start_matches('/');
        let empty = inner.ends_with('/');
        let inner = inner.trim_end_matches('/');
        let (name, attrs) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
        on_tag(&Tag { name, attrs, closing, empty });
    }
}

fn attr<'a>(attrs: &'a str, key: &str) -> Option<&'a str> {
    let i = attrs.find(&format!("{key}=\""))? + key.len() + 2;
    let j = attrs[i..].find('"')?;
    Some(&attrs[i..i + j])
}

pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        // an entity is short: look for its ';' within 12 bytes (cut at a char boundary)
        let window = (0..=rest.len().min(12)).rev().find(|&k| rest.is_char_boundary(k)).unwrap_or(0);
        let Some(j) = rest[..window].find(';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let ent = &rest[1..j];
        let c = match ent {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" | "ensp" | "emsp" | "thinsp" => Some(' '),
            // the named entities Chinese portal pages use for dashes, quotes and dots
            "mdash" => Some('—'),
            "ndash" => Some('–'),
            "ldquo" => Some('“'),
            "rdquo" => Some('”'),
            "lsquo" => Some('‘'),
            "rsquo" => Some('’'),
            "hellip" => Some('…'),
            "middot" => Some('·'),
            "copy" => Some('©'),
            _ if ent.starts_with("#x") || ent.starts_with("#X") => {
                u32::from_str_radix(&ent[2..], 16).ok().and_then(char::from_u32)
            }
            _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[j + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// styleId → heading level, from the style names (heading 1, 标题 1, Title).
fn heading_styles(xml: &str) -> HashMap<String, u8> {
    let mut out = HashMap::new();
    let mut current: Option<String> = None;
    scan(
        xml,
        |t| match (t.name, t.closing) {
            ("w:style", false) => current = attr(t.attrs, "w:styleId").map(str::to_string),
            ("w:name", false) => {
                if let (Some(id), Some(name)) = (&current, attr(t.attrs, "w:val")) {
                    if let Some(level) = level_of_style_name(name) {
                        out.insert(id.clone(), level);
                    }
                }
            }
            _ => {}
        },
        |_| {},
    );
    out
}

fn level_of_style_name(name: &str) -> Option<u8> {
    let n = name.to_ascii_lowercase();
    if n == "title" || n == "标题" {
        return Some(1);
    }
    let rest = n.strip_prefix("heading").or_else(|| n.strip_prefix("标题"))?;
    rest.trim().parse::<u8>().ok().filter(|l| (1..=6).contains(l))
}

fn paragraphs(xml: &str, styles: &HashMap<String, u8>) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut para = String::new();
    let mut level: Option<u8> = None;
    let mut in_text = false;
    let pieces = std::cell::RefCell::new((&mut out, &mut para, &mut level, &mut in_text));
    scan(
        xml,
        |t| {
            let mut g = pieces.borrow_mut();
            let (out, para, level, in_text) = &mut *g;
            match (t.name, t.closing) {
                ("w:p", false) if !t.empty => {
                    para.clear();
                    **level = None;
                }
                ("w:p", true) => {
                    let text = para.trim();
                    if !text.is_empty() {
                        match **level {
                            Some(l) => out.push(format!("{} {text}", "#".repeat(l as usize))),
                            None => out.push(text.to_string()),
                        }
                    }
                    para.clear();
                }
                ("w:pStyle", false) => {
                    if let Some(l) =
                        attr(t.attrs, "w:val").and_then(|v| styles.get(v).copied().or_else(|| level_of_style_name(v)))
                    {
                        **level = Some(l);
                    }
                }
                ("w:outlineLvl", false) => {
                    if let Some(l) = attr(t.attrs, "w:val").and_then(|v| v.parse::<u8>().ok()).filter(|&l| l < 6) {
                        **level = Some(l + 1);
                    }
                }
                ("w:t", false) => **in_text = !t.empty,
                ("w:t", true) => **in_text = false,
                ("w:tab", false) => para.push(' '),
                ("w:br", false) | ("w:cr", false) => para.push('\n'),
                _ => {}
            }
        },
        |s| {
            let mut g = pieces.borrow_mut();
            let (_, para, _, in_text) = &mut *g;
            if **in_text {
                para.push_str(&unescape(s));
            }
        },
    );
    out.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_and_styles() {
        assert_eq!(unescape("a &lt;b&gt; &amp; &#30340;&#x4E00;&bogus; &"), "a <b> & 的一&bogus; &");
        // a '&' followed by Han text: the 12-byte look-ahead must stop at a char boundary
        assert_eq!(unescape("&mdash;&mdash;2025年1月 A&B年会&ldquo;好&rdquo;"), "——2025年1月 A&B年会“好”");
        assert_eq!(level_of_style_name("heading 2"), Some(2));
        assert_eq!(level_of_style_name("标题 1"), Some(1));
        assert_eq!(level_of_style_name("Normal"), None);
        let xml = r#"<w:document><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>一、工作回顾</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">立案提案 </w:t></w:r><w:r><w:t>230件。</w:t></w:r></w:p><w:p/></w:body></w:document>"#;
        let styles: HashMap<String, u8> = [("Heading1".to_string(), 1)].into();
        assert_eq!(paragraphs(xml, &styles), "# 一、工作回顾\n\n立案提案 230件。");
    }
}
