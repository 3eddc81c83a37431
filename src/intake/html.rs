//! HTML: text only, through html5gum (a WHATWG tokenizer: character references, comments,
//! raw-text elements and broken markup are handled as a browser's tokenizer does). Scripts,
//! styles and other non-text elements are dropped and never run; attributes are never read,
//! so `onerror=` or `javascript:` links cannot reach the text. Block elements become paragraph
//! breaks, h1–h6 become Markdown headings.

use super::text::{self, Decoded};
use super::MAX_BYTES;
use crate::error::Error;
use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Span, Tokenizer};

/// Decodes HTML bytes: a BOM, else a <meta charset> that decodes cleanly, else the text
/// detection (with its warnings).
pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let declared = head.find("charset=").map(|i| {
        head[i + 8..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
    });
    let bom = bytes.starts_with(b"\xEF\xBB\xBF") || bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    if let (Some(label), false) = (declared, bom) {
        if let Some(enc) = super::encoding::Encoding::for_label(label.as_bytes()) {
            if let Some(s) = enc.decode_without_bom_handling_and_without_replacement(bytes) {
                return Ok(Decoded { text: s.into_owned(), encoding: enc.name(), warnings: Vec::new() });
            }
        }
    }
    text::decode(bytes)
}

/// Elements whose content is not text for a reader.
const DROP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "head", "iframe", "object", "canvas", "select", "button",
];
/// What may stand in <head>; any other start tag ends a <head> whose end tag is missing.
const HEAD_CONTENT: &[&str] = &["title", "meta", "link", "style", "script", "base", "noscript", "template"];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "table",
    "ul",
    "ol",
    "dd",
    "dt",
    "figcaption",
    "figure",
    "hr",
    "main",
    "nav",
    "aside",
    "form",
    "title",
];

/// The text being taken out, and where the tokenizer is in the element structure.
#[derive(Default)]
struct Extract {
    out: String,
    /// Tag name of the start tag being read (its attributes are skipped).
    tag: Vec<u8>,
    /// The dropped element we are inside, and how many of its kind are open.
    dropping: Option<(Vec<u8>, usize)>,
    heading: bool,
    /// Whitespace seen and not yet written (collapsed to one space).
    space: bool,
}

fn name_is(name: &[u8], list: &[&str]) -> bool {
    list.iter().any(|n| n.as_bytes() == name)
}

fn heading_level(name: &[u8]) -> Option<usize> {
    match name {
        [b'h', d @ b'1'..=b'6'] => Some((d - b'0') as usize),
        _ => None,
    }
}

impl Extract {
    fn start(&mut self, self_closing: bool) {
        let name = std::mem::take(&mut self.tag);
        if let Some((dropped, open)) = &mut self.dropping {
            if dropped.as_slice() == b"head" && !name_is(&name, HEAD_CONTENT) {
                self.dropping = None; // <body> or content: the head is over
            } else {
                if *dropped == name && !self_closing {
                    *open += 1;
                }
                return;
            }
        }
        if name_is(&name, DROP) {
            if !self_closing {
                self.dropping = Some((name, 1));
            }
        } else if let Some(level) = heading_level(&name) {
            self.out.push_str("\n\n");
            self.out.push_str(&"#".repeat(level));
            self.out.push(' ');
            self.heading = true;
            self.space = false;
        } else {
            self.block(&name);
        }
    }

    fn end(&mut self, name: &[u8]) {
        if let Some((dropped, open)) = &mut self.dropping {
            if dropped.as_slice() == name {
                *open -= 1;
                if *open == 0 {
                    self.dropping = None;
                }
            }
        } else if heading_level(name).is_some() {
            self.out.push_str("\n\n");
            self.heading = false;
        } else {
            self.block(name);
        }
    }

    fn block(&mut self, name: &[u8]) {
        if name_is(name, BLOCK) {
            self.out.push_str(if self.heading { " " } else { "\n\n" });
            self.space = false;
        }
    }

    /// Text with whitespace collapsed to one space (the ideographic space U+3000 is kept).
    fn text(&mut self, value: &[u8]) {
        if self.dropping.is_some() {
            return;
        }
        for c in String::from_utf8_lossy(value).chars() {
            if c.is_whitespace() && c != '\u{3000}' {
                self.space = true;
            } else {
                if self.space {
                    self.out.push(' ');
                    self.space = false;
                }
                self.out.push(c);
            }
        }
    }
}

/// The text of an HTML document, paragraphs separated by blank lines; at most `MAX_BYTES`.
pub fn to_text(html: &str) -> Result<String, Error> {
    let mut x = Extract::default();
    {
        let mut emitter = CallbackEmitter::new(|event: CallbackEvent<'_>, _: Span<()>| -> Option<()> {
            match event {
                CallbackEvent::OpenStartTag { name } => x.tag = name.to_vec(),
                CallbackEvent::CloseStartTag { self_closing } => x.start(self_closing),
                CallbackEvent::EndTag { name } => x.end(name),
                CallbackEvent::String { value } => x.text(value),
                _ => {}
            }
            // past the limit: yield, so the loop below stops
            (x.out.len() > MAX_BYTES).then_some(())
        });
        // script, style, title … switch the tokenizer into their raw-text states
        emitter.naively_switch_states(true);
        if Tokenizer::new_with_emitter(html, emitter).next().is_some() {
            return Err(Error::TextTooLarge { limit: MAX_BYTES });
        }
    }
    Ok(tidy(&x.out))
}

/// Trims lines and keeps at most one blank line between paragraphs.
fn tidy(out: &str) -> String {
    let mut tidy = String::with_capacity(out.len());
    let mut blank = 0;
    for line in out.lines().map(str::trim) {
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !tidy.is_empty() {
            tidy.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        tidy.push_str(line);
        blank = 0;
    }
    tidy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_only() {
        let html = "<!DOCTYPE html><html><head><title>x</title><style>p{color:red}</style><script>alert('x<p>')</script></head>\
            <body><h1>政协工作报告</h1><p>立案提案<b>230</b>件，&nbsp;办复率达100%。</p><SCRIPT>evil('</p>')</SCRIPT><div>第二段<br>第三行</div><!-- <p>注释</p> --></body></html>";
        assert_eq!(to_text(html).unwrap(), "# 政协工作报告\n\n立案提案230件， 办复率达100%。\n\n第二段\n\n第三行");
    }

    #[test]
    fn entities_before_chinese_and_bare_ampersands() {
        let html = "<p>&amp;委员会 R&D委员会工作 &gt; 政务公开 &gt; &#25919;&#x534F;</p>";
        assert_eq!(to_text(html).unwrap(), "&委员会 R&D委员会工作 > 政务公开 > 政协");
    }

    #[test]
    fn attributes_never_reach_the_text_and_a_missing_head_end_is_closed() {
        let html = r#"<html><head><title>标题</title><p>正文<img src=x onerror="alert(1)"><a href="javascript:steal()">链接</a><svg><script>x()</script></svg>后文"#;
        assert_eq!(to_text(html).unwrap(), "正文链接后文");
    }
}
