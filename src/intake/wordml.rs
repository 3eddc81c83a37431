//! WordprocessingML (word/document.xml, word/styles.xml) to text, through quick-xml: a
//! streaming reader, fuzzed upstream, that decodes the five XML entities and character
//! references itself and never reads a DTD. Entities a DTD would define (`&xxe;`, the billion
//! laughs) are kept as written and named in a warning, never expanded or fetched.
//!
//! Paragraphs become lines; a paragraph whose style is a heading (by name or outline level, in
//! the paragraph or its style) becomes a Markdown heading so the outline survives.

use super::{Notice, MAX_BYTES};
use crate::error::Error;
use crate::fx::FxMap;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// Element nesting allowed: Word nests tables in tables a few levels; thousands of levels is
/// an attack on whatever walks the tree next.
pub const MAX_DEPTH: usize = 256;

fn corrupt(what: String) -> Error {
    Error::Corrupt { what }
}

/// Reads `xml` (the entry `name`) event by event, enforcing the depth limit, and hands each
/// event with its depth (elements open around it) to `on`.
fn walk<'x>(name: &str, xml: &'x str, mut on: impl FnMut(Event<'x>, usize) -> Result<(), Error>) -> Result<(), Error> {
    let mut reader = Reader::from_str(xml);
    // a bare & in text is kept as written rather than refusing the file
    reader.config_mut().allow_dangling_amp = true;
    let mut depth = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| corrupt(format!("{name} 第 {} 字节处 XML 格式错误：{e}", reader.error_position())))?;
        match &event {
            Event::Eof => return Ok(()),
            Event::Start(_) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(corrupt(format!("{name} 的元素嵌套超过 {MAX_DEPTH} 层")));
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        on(event, depth)?;
    }
}

fn val(e: &BytesStart, key: &str) -> Option<String> {
    let a = e.try_get_attribute(key).ok()??;
    a.normalized_value(XmlVersion::Implicit1_0).ok().map(|v| v.into_owned())
}

/// What the reader met that it did not follow, for one warning per kind.
#[derive(Default)]
struct Ignored {
    dtd: bool,
    entities: usize,
    example: String,
}

impl Ignored {
    fn notices(&self, name: &str) -> Vec<Notice> {
        let mut out = Vec::new();
        if self.dtd {
            out.push(Notice::markup(format!(
                "{name} 含 DTD 声明（<!DOCTYPE>），已忽略：其中的实体与外部引用不展开、不读取"
            )));
        }
        if self.entities > 0 {
            out.push(Notice::markup(format!(
                "{name} 有 {} 处未定义的实体引用（如 &{};），按原文保留，未展开",
                self.entities, self.example
            )));
        }
        out
    }
}

/// The text of `&name;`: XML's five entities and character references; anything else stays
/// as written.
fn reference(r: &BytesRef, ignored: &mut Ignored) -> String {
    if r.is_char_ref() {
        if let Ok(Some(c)) = r.resolve_char_ref() {
            return c.to_string();
        }
    } else if let Some(s) = resolve_predefined_entity(r) {
        return s.to_string();
    }
    ignored.entities += 1;
    if ignored.example.is_empty() {
        ignored.example = r.chars().take(20).collect();
    }
    format!("&{};", &**r)
}

/// styleId → heading level, from the style names (heading 1, 标题 1, Title) or their outline
/// level.
pub fn heading_styles(xml: &str) -> Result<FxMap<String, u8>, Error> {
    let mut out = FxMap::default();
    let mut current: Option<String> = None;
    walk("word/styles.xml", xml, |event, _| {
        match event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "w:style" => current = val(&e, "w:styleId"),
                "w:name" => {
                    if let (Some(id), Some(level)) = (&current, val(&e, "w:val").and_then(|n| level_of_style_name(&n)))
                    {
                        out.insert(id.clone(), level);
                    }
                }
                "w:outlineLvl" => {
                    if let (Some(id), Some(level)) = (&current, val(&e, "w:val").and_then(|v| outline_level(&v))) {
                        out.entry(id.clone()).or_insert(level);
                    }
                }
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == "w:style" => current = None,
            _ => {}
        }
        Ok(())
    })?;
    Ok(out)
}

pub fn level_of_style_name(name: &str) -> Option<u8> {
    let n = name.to_ascii_lowercase();
    if n == "title" || n == "标题" {
        return Some(1);
    }
    let rest = n.strip_prefix("heading").or_else(|| n.strip_prefix("标题"))?;
    rest.trim().parse::<u8>().ok().filter(|l| (1..=6).contains(l))
}

/// `w:outlineLvl` 0–5 are heading levels 1–6 (9 is body text).
fn outline_level(v: &str) -> Option<u8> {
    v.parse::<u8>().ok().filter(|&l| l < 6).map(|l| l + 1)
}

/// One paragraph being read: its text and heading level. Text boxes hold paragraphs inside a
/// paragraph, so these stack.
#[derive(Default)]
struct Para {
    text: String,
    level: Option<u8>,
}

/// The paragraphs of document.xml, one per line, headings as `# title`; at most `MAX_BYTES`.
pub fn paragraphs(xml: &str, styles: &FxMap<String, u8>) -> Result<(String, Vec<Notice>), Error> {
    let mut out = String::new();
    let mut stack: Vec<Para> = Vec::new();
    let (mut in_text, mut in_run) = (false, false);
    // mc:Fallback repeats what mc:Choice holds (a text box drawn twice): read it once
    let mut skip_from: Option<usize> = None;
    let mut ignored = Ignored::default();
    let mut taken = 0usize;
    walk("word/document.xml", xml, |event, depth| {
        if let Some(d) = skip_from {
            if matches!(event, Event::End(_)) && depth < d {
                skip_from = None;
            }
            return Ok(());
        }
        let piece: Option<String> = match event {
            Event::Start(e) => {
                match e.name().as_ref() {
                    "w:p" => stack.push(Para::default()),
                    "w:r" => in_run = true,
                    "w:t" => in_text = true,
                    "mc:Fallback" => skip_from = Some(depth),
                    _ => paragraph_property(&e, styles, &mut stack),
                }
                None
            }
            Event::Empty(e) => match e.name().as_ref() {
                "w:tab" if in_run => Some(" ".into()),
                "w:br" | "w:cr" if in_run => Some("\n".into()),
                _ => {
                    paragraph_property(&e, styles, &mut stack);
                    None
                }
            },
            Event::End(e) => {
                match e.name().as_ref() {
                    "w:t" => in_text = false,
                    "w:r" => in_run = false,
                    "w:p" => {
                        if let Some(p) = stack.pop() {
                            let text = p.text.trim();
                            if !text.is_empty() {
                                if !out.is_empty() {
                                    out.push_str("\n\n");
                                }
                                if let Some(l) = p.level {
                                    out.push_str(&"#".repeat(l as usize));
                                    out.push(' ');
                                }
                                out.push_str(text);
                                if out.len() > MAX_BYTES {
                                    return Err(Error::TextTooLarge { limit: MAX_BYTES });
                                }
                            }
                        }
                    }
                    _ => {}
                }
                None
            }
            Event::Text(t) if in_text => Some(t.xml10_content().into_owned()),
            Event::CData(t) if in_text => Some(t.xml10_content().into_owned()),
            Event::GeneralRef(r) if in_text => Some(reference(&r, &mut ignored)),
            Event::DocType(_) => {
                ignored.dtd = true;
                None
            }
            _ => None,
        };
        if let (Some(s), Some(p)) = (piece, stack.last_mut()) {
            taken += s.len();
            if taken > MAX_BYTES {
                return Err(Error::TextTooLarge { limit: MAX_BYTES });
            }
            p.text.push_str(&s);
        }
        Ok(())
    })?;
    Ok((out, ignored.notices("word/document.xml")))
}

/// A heading style or outline level set on the paragraph being read.
fn paragraph_property(e: &BytesStart, styles: &FxMap<String, u8>, stack: &mut [Para]) {
    let level = match e.name().as_ref() {
        "w:pStyle" => val(e, "w:val").and_then(|v| styles.get(&v).copied().or_else(|| level_of_style_name(&v))),
        "w:outlineLvl" => val(e, "w:val").and_then(|v| outline_level(&v)),
        _ => return,
    };
    if let (Some(l), Some(p)) = (level, stack.last_mut()) {
        p.level = Some(l);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> String {
        format!(r#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#)
    }

    #[test]
    fn styles_and_outline_levels() {
        assert_eq!(level_of_style_name("heading 2"), Some(2));
        assert_eq!(level_of_style_name("标题 1"), Some(1));
        assert_eq!(level_of_style_name("Normal"), None);
        let styles = r#"<w:styles><w:style w:styleId="a3"><w:name w:val="Title"/></w:style><w:style w:styleId="x1"><w:name w:val="我的标题"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style><w:style w:styleId="b"><w:name w:val="正文"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style></w:styles>"#;
        let map = heading_styles(styles).unwrap();
        assert_eq!(map, FxMap::from_iter([("a3".to_string(), 1), ("x1".to_string(), 2)]));
    }

    #[test]
    fn entities_are_decoded_by_the_reader_whatever_follows_them() {
        let xml = doc(concat!(
            r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>一、工作回顾</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><w:t>&amp;委员会工作报告 &gt; 政务公开 &gt;</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><w:t>&#25919;&#x534F;R&amp;D委员会 a &lt;b&gt;</w:t><w:tab/><w:t>完</w:t></w:r></w:p><w:p/>"#,
        ));
        let (text, warnings) = paragraphs(&xml, &FxMap::default()).unwrap();
        assert_eq!(text, "# 一、工作回顾\n\n&委员会工作报告 > 政务公开 >\n\n政协R&D委员会 a <b> 完");
        assert!(warnings.is_empty());
    }

    #[test]
    fn a_dtd_is_ignored_and_its_entities_never_expanded() {
        let xml = r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document><w:body><w:p><w:r><w:t>政协&xxe;&b;工作</w:t></w:r></w:p></w:body></w:document>"#;
        let (text, warnings) = paragraphs(xml, &FxMap::default()).unwrap();
        assert_eq!(text, "政协&xxe;&b;工作");
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].message.contains("DTD") && warnings[1].message.contains("&xxe;"));
    }

    #[test]
    fn text_boxes_nest_and_fallbacks_are_read_once() {
        let xml = doc(concat!(
            r#"<w:p><w:r><w:t>正文前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></mc:Choice>"#,
            r#"<mc:Fallback><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文后</w:t></w:r></w:p>"#,
        ));
        let (text, _) = paragraphs(&xml, &FxMap::default()).unwrap();
        assert_eq!(text, "文本框\n\n正文前正文后");
    }

    #[test]
    fn depth_and_malformed_xml_are_errors() {
        let deep = doc(&("<w:x>".repeat(MAX_DEPTH + 1) + &"</w:x>".repeat(MAX_DEPTH + 1)));
        let e = paragraphs(&deep, &FxMap::default()).unwrap_err();
        assert!(e.to_string().contains("嵌套超过 256 层"), "{e}");
        let e = paragraphs("<w:document><w:p></w:document>", &FxMap::default()).unwrap_err();
        assert!(e.to_string().contains("XML 格式错误"), "{e}");
    }
}
