//! Text bytes to a string: detects the encoding (UTF-8 with or without BOM, UTF-16 LE/BE with
//! or without BOM, GB18030/GBK, UTF-8 and GBK mixed line by line) and refuses what is not
//! text, so that nothing downstream ever sees binary garbage. Readable text with a few broken
//! bytes is read, the damage replaced by U+FFFD and named in a warning.

use super::encoding::{UTF_16BE, UTF_16LE};
use super::{lines, utf16_sniff, Notice};
use crate::error::Error;

/// Inputs above this are refused: jieba in a browser tab needs ~20x the text size in memory.
/// The same limit caps the text taken out of a .docx or an HTML file.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    /// `UTF-8`, `UTF-16LE`, `UTF-16BE`, `GB18030`, `UTF-8 + GB18030`, or an HTML charset.
    pub encoding: &'static str,
    pub warnings: Vec<Notice>,
}

/// Signatures of binary formats users drop by mistake, with the name the message gives.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xFF\xD8\xFF", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"RIFF", "RIFF 媒体"),
    (b"\x7FELF", "可执行文件"),
    (b"MZ", "可执行文件"),
    (b"\xD0\xCF\x11\xE0", "旧版 Office (.doc/.xls)"),
    (b"\x1F\x8B", "gzip 压缩包"),
    (b"7z\xBC\xAF", "7z 压缩包"),
    (b"Rar!", "RAR 压缩包"),
];

/// A BOM-less UTF-16 candidate must read this well (share of plausible characters); when the
/// file has no NUL at all it is only a last resort and must read better still.
const UTF16_WITH_NULS: f64 = 0.7;
const UTF16_WITHOUT_NULS: f64 = 0.9;

pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    if bytes.len() > MAX_BYTES {
        return Err(Error::TooLarge { bytes: bytes.len(), limit: MAX_BYTES });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty);
    }
    // `checked`: the plausibility of `text` when it was already asked
    let (text, encoding, warnings, replaced, checked) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let l = lines::decode(rest);
        (l.text, l.encoding, l.warnings, l.replaced, None)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let w = utf16_sniff::decode(UTF_16LE, rest);
        (w.text, "UTF-16LE", w.warnings, w.replaced, None)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let w = utf16_sniff::decode(UTF_16BE, rest);
        (w.text, "UTF-16BE", w.warnings, w.replaced, None)
    } else {
        if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
            if *what == "PDF" {
                return Err(Error::Unsupported { what: "PDF".into() });
            }
            return Err(Error::Binary { what });
        }
        if bytes.contains(&0) {
            // UTF-8 and GB18030 text never holds NUL: UTF-16 or binary
            let Some((enc, _)) = utf16_sniff::detect(bytes, UTF16_WITH_NULS) else {
                return Err(Error::Binary { what: "NUL 字节" });
            };
            let w = utf16_sniff::decode(enc, bytes);
            (w.text, enc.name(), w.warnings, w.replaced, None)
        } else {
            let l = lines::decode(bytes);
            // pure-Han UTF-16 has no NUL: tried only when the 8-bit reading is not text, and
            // only if it decodes without a single broken unit
            let damaged = too_damaged(l.replaced, &l.text);
            // (asked once: kept for the end when this reading is the one taken)
            let plausible = (!damaged).then(|| check_plausible(&l.text));
            let poor = damaged || plausible.as_ref().is_some_and(Result::is_err);
            let wide = if poor && bytes.len().is_multiple_of(2) {
                utf16_sniff::detect(bytes, UTF16_WITHOUT_NULS)
                    .map(|(enc, _)| (enc, utf16_sniff::decode(enc, bytes)))
                    .filter(|(_, w)| w.replaced == 0)
            } else {
                None
            };
            match wide {
                Some((enc, w)) => (w.text, enc.name(), w.warnings, w.replaced, None),
                None => (l.text, l.encoding, l.warnings, l.replaced, plausible),
            }
        }
    };
    if too_damaged(replaced, &text) {
        return Err(Error::UnknownEncoding);
    }
    checked.unwrap_or_else(|| check_plausible(&text))?;
    Ok(Decoded { text, encoding, warnings })
}

/// Replaced characters over 1% of the text: not this encoding (or not text), rather than a
/// readable file with a few broken bytes. One alone (a cut last character) is always read.
fn too_damaged(replaced: usize, text: &str) -> bool {
    replaced > 1 && replaced * 100 > text.chars().count()
}

/// Decoded text that is mostly control characters or private-use code points is binary that
/// happened to decode (GB18030 accepts many byte sequences).
fn check_plausible(text: &str) -> Result<(), Error> {
    let (total, bad) = implausible_chars(text, 200_000);
    if total > 0 && bad * 100 > total {
        return Err(Error::Binary { what: "控制字符" });
    }
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(())
}

/// Of the first `limit` chars of `text`: how many there are, and how many are controls
/// (C0 but line breaks, tab and form feed; DEL; C1) or private-use (U+E000–U+F8FF).
/// Read on the UTF-8 bytes, which tell each of these by a lead byte or two: decoding every
/// char and asking `char::is_control` (a table lookup) cost 75 instructions a char.
fn implausible_chars(text: &str, limit: usize) -> (usize, usize) {
    let mut b = text.as_bytes();
    if b.len() > limit {
        // (a text of at most `limit` bytes has at most `limit` chars)
        if let Some((at, _)) = text.char_indices().nth(limit) {
            b = &b[..at];
        }
    }
    let (mut total, mut bad) = (0, 0);
    for (i, &x) in b.iter().enumerate() {
        // a continuation byte is no char of its own
        total += usize::from(x & 0xC0 != 0x80);
        // printable ASCII, continuation bytes and most lead bytes (all of CJK) say no more
        if x >= 0x20 && x != 0x7F && x != 0xC2 && x < 0xEE {
            continue;
        }
        let next = b.get(i + 1).copied().unwrap_or(0);
        bad += usize::from(match x {
            b'\n' | b'\r' | b'\t' | 0x0C => false,
            0x00..=0x1F | 0x7F => true,
            0xC2 => (0x80..=0x9F).contains(&next), // C1: U+0080–U+009F
            0xEE => true,                          // U+E000–U+EFFF
            0xEF => (0x80..=0xA3).contains(&next), // U+F000–U+F8FF
            _ => false,
        });
    }
    (total, bad)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::GB18030;

    #[test]
    fn implausible_chars_read_on_bytes_agree_with_the_char_tests() {
        let by_chars = |t: &str, limit: usize| {
            let mut n = (0, 0);
            for c in t.chars().take(limit) {
                n.0 += 1;
                let control = c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}');
                n.1 += usize::from(control || ('\u{E000}'..='\u{F8FF}').contains(&c));
            }
            n
        };
        // every boundary of the ranges, and their neighbours
        let edges = [
            0u32,
            0x8,
            0x9,
            0xA,
            0xB,
            0xC,
            0xD,
            0x1F,
            0x20,
            0x7E,
            0x7F,
            0x80,
            0x9F,
            0xA0,
            0xFF,
            0x7FF,
            0x800,
            0xDFFF + 1,
            0xDFFF - 0x800,
            0xE000 - 1,
            0xE000,
            0xEFFF,
            0xF000,
            0xF8FF,
            0xF900,
            0xFFFF,
            0x10000,
            0xF0000,
            0x10FFFF,
            0x4E2D,
        ];
        let chars: Vec<char> = edges.iter().filter_map(|&u| char::from_u32(u)).collect();
        for &a in &chars {
            for &b in &chars {
                let t: String = [a, '政', b, 'x'].iter().collect();
                for limit in [0, 1, 2, 3, 10] {
                    assert_eq!(implausible_chars(&t, limit), by_chars(&t, limit), "{t:?} limit {limit}");
                }
            }
        }
    }

    #[test]
    fn refuses_binary_and_empty() {
        assert_eq!(decode(b""), Err(Error::Empty));
        assert_eq!(decode(b"  \n\r\n"), Err(Error::Empty));
        assert!(matches!(decode(b"\x89PNG\r\n\x1a\n\0\0"), Err(Error::Binary { .. })));
        assert!(matches!(decode(b"%PDF-1.7 ..."), Err(Error::Unsupported { .. })));
        assert!(matches!(decode(&[1u8, 0, 2, 0, 3, 0, 0, 0, 9, 9, 0, 7]), Err(Error::Binary { .. })));
        let big = vec![b'a'; MAX_BYTES + 1];
        assert!(matches!(decode(&big), Err(Error::TooLarge { .. })));
    }

    #[test]
    fn utf16_without_bom_is_found() {
        let s = "政协委员 2023 年\n提案 230 件";
        let le: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode(&le).unwrap(), Decoded { text: s.into(), encoding: "UTF-16LE", warnings: vec![] });
        assert_eq!(decode(&be).unwrap(), Decoded { text: s.into(), encoding: "UTF-16BE", warnings: vec![] });
    }

    #[test]
    fn utf16_without_bom_and_without_nul_is_a_last_resort() {
        let s = "政协委员会常务委员会工作报告：坚持团结和民主两大主题，建议资政凝聚共识。";
        let le: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert!(!le.contains(&0));
        let d = decode(&le).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (s, "UTF-16LE"));
    }

    #[test]
    fn gbk_is_decoded() {
        let (bytes, _, _) = GB18030.encode("立案办复提案230件，办复率100%。");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, "立案办复提案230件，办复率100%。");
    }

    #[test]
    fn random_high_bytes_are_not_text() {
        let mut x = 0x9E37_79B9u32;
        let bytes: Vec<u8> = (0..4000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x as u8) | 0x80
            })
            .collect();
        assert!(decode(&bytes).is_err());
    }
}
