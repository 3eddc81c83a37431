//! HTML: text only. Scripts, styles and other non-text elements are dropped (never run);
//! block elements become paragraph breaks, h1–h6 become Markdown headings.

use super::docx::unescape;
use super::text;
use crate::error::Error;

/// Decodes HTML bytes: BOM or <meta charset>, else the text detection.
pub fn decode(bytes: &[u8]) -> Result<(String, String), Error> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let declared = head.find("charset=").map(|i| {
        head[i + 8..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
    });
    if let Some(label) = declared {
        if let Some(enc) = encoding_rs::Encoding::for_label(label.as_bytes()) {
            if !bytes.starts_with(b"\xEF\xBB\xBF") && !bytes.starts_with(b"\xFF\xFE") && !bytes.starts_with(b"\xFE\xFF")
            {
                let (s, _, bad) = enc.decode(bytes);
                if !bad {
                    return Ok((s.into_owned(), enc.name().to_string()));
                }
            }
        }
    }
    let d = text::decode(bytes)?;
    Ok((d.text, d.encoding.to_string()))
}

const DROP: &[&str] =
    &["script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "select", "button"];
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

pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut heading: Option<usize> = None;
    while let Some(i) = rest.find('<') {
        out.push_str(&collapse(&unescape(&rest[..i])));
        rest = &rest[i..];
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map_or("", |j| &rest[j + 3..]);
            continue;
        }
        let Some(j) = rest.find('>') else { break };
        let tag = &rest[1..j];
        rest = &rest[j + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if !closing && DROP.contains(&name.as_str()) && !tag.ends_with('/') {
            // skip to the matching end tag, case-insensitively
            let end = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = lower.find(&end).map_or("", |k| {
                let after = &rest[k..];
                after.find('>').map_or("", |m| &after[m + 1..])
            });
            continue;
        }
        let h = name.strip_prefix('h').and_then(|d| d.parse::<usize>().ok()).filter(|d| (1..=6).contains(d));
        if let Some(level) = h {
            out.push_str("\n\n");
            if !closing {
                out.push_str(&"#".repeat(level));
                out.push(' ');
                heading = Some(level);
            } else {
                heading = None;
            }
        } else if BLOCK.contains(&name.as_str()) {
            out.push_str(if heading.is_some() { " " } else { "\n\n" });
        }
    }
    out.push_str(&collapse(&unescape(rest)));
    // tidy: trim lines, at most one blank line between paragraphs
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

/// Whitespace in HTML text collapses to one space.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() && c != '\u{3000}' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_only() {
        let html = "<!DOCTYPE html><html><head><title>x</title><style>p{color:red}</style><script>alert('x<p>')</script></head>\
            <body><h1>政协工作报告</h1><p>立案提案<b>230</b>件，&nbsp;办复率达100%。</p><SCRIPT>evil()</SCRIPT><div>第二段<br>第三行</div><!-- <p>注释</p> --></body></html>";
        assert_eq!(to_text(html), "# 政协工作报告\n\n立案提案230件， 办复率达100%。\n\n第二段\n\n第三行");
    }
}
