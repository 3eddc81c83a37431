//! UTF-16 without a byte-order mark. NUL bytes never occur in UTF-8 or GB18030 text, so a
//! file with NULs is UTF-16 or binary. Which byte order cannot be told from where the NULs
//! fall: ASCII puts them on one side, but 一 (U+4E00), 丁 (U+4E01) … put them on the other,
//! and a Chinese report has few ASCII characters and many 一. So both orders are decoded and
//! the one that reads as a report (script::plausible) wins, if it reads well enough.

use super::encoding::{Encoding, UTF_16BE, UTF_16LE};
use super::script::plausible_share;
use super::Notice;

/// Bytes scored per candidate: enough for a verdict, cheap on a 20 MB file.
const SAMPLE: usize = 64 * 1024;

/// The byte order whose decoding has at least `min_share` plausible characters and more than
/// the other's, with that share; or None.
pub fn detect(bytes: &[u8], min_share: f64) -> Option<(&'static Encoding, f64)> {
    if bytes.len() < 2 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(SAMPLE) & !1];
    let score = |enc: &'static Encoding| {
        let (s, _) = enc.decode_without_bom_handling(sample);
        plausible_share(&s, usize::MAX)
    };
    let (le, be) = (score(UTF_16LE), score(UTF_16BE));
    let (enc, best, other) = if le >= be { (UTF_16LE, le, be) } else { (UTF_16BE, be, le) };
    (best >= min_share && best > other).then_some((enc, best))
}

pub struct Wide {
    pub text: String,
    pub warnings: Vec<Notice>,
    /// Code units that could not be decoded (unpaired surrogates, an odd last byte).
    pub replaced: usize,
}

/// Decodes UTF-16 in the given order, replacing what is broken with U+FFFD and saying so.
pub fn decode(enc: &'static Encoding, bytes: &[u8]) -> Wide {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    let replaced = if had_errors { text.chars().filter(|&c| c == '\u{FFFD}').count() } else { 0 };
    let mut warnings = Vec::new();
    if replaced > 0 {
        warnings.push(Notice::encoding(format!(
            "{} 文本有 {replaced} 处无效编码（不成对的代理项或末尾多出的字节），已替换为 �",
            enc.name()
        )));
    }
    Wide { text: text.into_owned(), warnings, replaced }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, le: bool) -> Vec<u8> {
        s.encode_utf16().flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() }).collect()
    }

    #[test]
    fn chinese_with_many_yi_is_found_in_both_orders() {
        // 一 is 00 4E in UTF-16LE: NULs on the "wrong" side for a NUL-parity rule
        let s = "一是一以贯之，二是进一步加强，三是统一思想。\n一、二〇二四年工作回顾\n";
        assert_eq!(detect(&utf16(s, true), 0.7).map(|d| d.0), Some(UTF_16LE));
        assert_eq!(detect(&utf16(s, false), 0.7).map(|d| d.0), Some(UTF_16BE));
        assert_eq!(decode(UTF_16BE, &utf16(s, false)).text, s);
    }

    #[test]
    fn latin_text_and_binary() {
        assert_eq!(detect(&utf16("Annual report 2024, page 3\n", true), 0.7).map(|d| d.0), Some(UTF_16LE));
        assert_eq!(detect(&utf16("Annual report 2024, page 3\n", false), 0.7).map(|d| d.0), Some(UTF_16BE));
        assert_eq!(detect(&[1, 0, 2, 0, 3, 0, 0, 0, 9, 9, 0, 7], 0.7), None);
    }

    #[test]
    fn broken_units_are_replaced_and_counted() {
        let mut b = utf16("政协委员", true);
        b.extend_from_slice(&[0x00, 0xD8]); // a lone high surrogate
        b.extend(utf16("会", true));
        b.push(0x41); // an odd last byte
        let w = decode(UTF_16LE, &b);
        assert!(w.text.starts_with("政协委员"));
        assert_eq!(w.replaced, 2);
        assert_eq!(w.warnings.len(), 1);
    }
}
