//! Byte offsets (Rust) to UTF-16 code-unit offsets (JavaScript). Every span in the Analysis is
//! in UTF-16 units of `Analysis::text`, so the page can slice the string it received directly.

/// Checkpoints every `STEP` bytes keep lookups cheap without a table as large as the text.
const STEP: usize = 256;

pub struct Utf16Index<'a> {
    text: &'a str,
    /// UTF-16 offset at the first char boundary at or after each multiple of STEP.
    checkpoints: Vec<(usize, usize)>,
}

impl<'a> Utf16Index<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut checkpoints = vec![(0, 0)];
        let mut units = 0usize;
        let mut next = STEP;
        for (i, c) in text.char_indices() {
            if i >= next {
                checkpoints.push((i, units));
                next = (i / STEP + 1) * STEP;
            }
            units += c.len_utf16();
        }
        Utf16Index { text, checkpoints }
    }

    /// UTF-16 offset of a byte offset that lies on a char boundary.
    pub fn at(&self, byte: usize) -> usize {
        let k = self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1;
        let (b0, u0) = self.checkpoints[k];
        u0 + self.text[b0..byte].chars().map(char::len_utf16).sum::<usize>()
    }

    pub fn span(&self, start: usize, end: usize) -> [usize; 2] {
        [self.at(start), self.at(end)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn astral_characters_count_twice() {
        let text = "𠀀好😀长江大桥";
        let idx = Utf16Index::new(text);
        let start = text.find("长江大桥").unwrap();
        assert_eq!(idx.span(start, text.len()), [5, 9]);
        let long = "𦡦".repeat(300) + "政协";
        let idx = Utf16Index::new(&long);
        assert_eq!(idx.at(long.find("政协").unwrap()), 600);
    }
}
