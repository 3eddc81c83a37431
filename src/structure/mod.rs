//! Text to document: paragraphs, sentences and the outline (headings with their level and the
//! part of the report they open: review of the year, plan for the next, or other).
//!
//! - `text`: paragraphs and sentences;
//! - `headings`: the heading styles a report uses and which paragraphs are headings;
//! - `parts`: levels within each article and the part each heading opens.

mod headings;
mod parts;
mod text;

pub use crate::analysis::Part;
pub use headings::{clean_title, heading_style, is_dash_heading, is_front_matter, is_salutation, is_subtitle, Heading};
pub use parts::{heading_at, part_of, parts_for_article, relevel};
pub use text::paragraph_ranges;

/// A byte range `[start, end)` in the normalised text.
pub type Range = (usize, usize);

#[derive(Debug, Clone)]
pub struct Document {
    pub paragraphs: Vec<Range>,
    pub sentences: Vec<Range>,
    pub headings: Vec<Heading>,
}

pub fn parse(text: &str) -> Document {
    let paragraphs = paragraph_ranges(text);
    let sentences = paragraphs.iter().flat_map(|&p| text::sentences(text, p)).collect();
    let mut headings = headings::headings(text, &paragraphs);
    relevel(&mut headings, &[(0, text.len())]);
    Document { paragraphs, sentences, headings }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_closing_quotes() {
        let text = "他说：“好。”然后走了！最后\n第二段";
        let doc = parse(text);
        let s: Vec<&str> = doc.sentences.iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(s, vec!["他说：“好。”", "然后走了！", "最后", "第二段"]);
        assert_eq!(doc.paragraphs.len(), 2);
    }
}
