//! Byte offsets (Rust) to UTF-16 code-unit offsets (JavaScript). Every span in the Analysis is
//! in UTF-16 units of `Analysis::text`, so the page can slice the string it received directly.

/// Checkpoints every `STEP` bytes keep lookups cheap without a table as large as the text.
const STEP: usize = 64;

pub struct Utf16Index<'a> {
    text: &'a str,
    /// UTF-16 offset at the first char boundary at or after each multiple of STEP.
    checkpoints: Vec<(usize, usize)>,
}

impl<'a> Utf16Index<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut checkpoints = vec![(0, 0)];
        let (mut at, mut units) = (0, 0);
        loop {
            let mut next = (at / STEP + 1) * STEP;
            while next < text.len() && !text.is_char_boundary(next) {
                next += 1;
            }
            if next >= text.len() {
                break;
            }
            units += utf16_len(&text.as_bytes()[at..next]);
            checkpoints.push((next, units));
            at = next;
        }
        Utf16Index { text, checkpoints }
    }

    /// UTF-16 offset of a byte offset that lies on a char boundary.
    pub fn at(&self, byte: usize) -> usize {
        let k = self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1;
        let (b0, u0) = self.checkpoints[k];
        u0 + utf16_len(&self.text.as_bytes()[b0..byte])
    }

    pub fn span(&self, start: usize, end: usize) -> [usize; 2] {
        [self.at(start), self.at(end)]
    }
}

/// UTF-16 units of whole UTF-8 chars, counted on the bytes without decoding them: one per
/// char (every byte but a continuation byte `10xxxxxx` starts one), two for a char of four
/// bytes (lead byte `11110xxx`); eight bytes a step.
fn utf16_len(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut units = 0;
    for c in &mut chunks {
        let x = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        // bit 7 of each byte: set for a continuation byte; for a four-byte lead
        let continuation = x & !(x << 1) & HIGH;
        let four = x & (x << 1) & (x << 2) & (x << 3) & HIGH;
        units += 8 - continuation.count_ones() as usize + four.count_ones() as usize;
    }
    units + chunks.remainder().iter().map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)).sum::<usize>()
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

    /// Every char boundary of a mixed text maps to the offset JavaScript would give.
    #[test]
    fn every_boundary_agrees_with_encode_utf16() {
        let text = "政协𠀀a😀，\n".repeat(120) + "é长江";
        let idx = Utf16Index::new(&text);
        for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(idx.at(b), text[..b].encode_utf16().count(), "byte {b}");
        }
    }
}
