//! Text bytes to a string: detects the encoding (UTF-8 with or without BOM, UTF-16 LE/BE, GB18030/GBK)
//! and refuses what is not text, so that nothing downstream ever sees binary garbage.

use crate::error::Error;
use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// Inputs above this are refused: jieba in a browser tab needs ~20x the text size in memory.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    /// `UTF-8`, `UTF-8 (BOM)`, `UTF-16LE`, `UTF-16BE` or `GB18030`.
    pub encoding: &'static str,
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

pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    if bytes.len() > MAX_BYTES {
        return Err(Error::TooLarge { bytes: bytes.len(), limit: MAX_BYTES });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty);
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (strict(UTF_8, rest)?, "UTF-8")
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (strict(UTF_16LE, rest)?, "UTF-16LE")
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (strict(UTF_16BE, rest)?, "UTF-16BE")
    } else {
        if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
            if *what == "PDF" {
                return Err(Error::Unsupported { what: "PDF".into() });
            }
            return Err(Error::Binary { what });
        }
        if let Some(enc) = utf16_without_bom(bytes) {
            (strict(enc, bytes)?, enc.name())
        } else if bytes.contains(&0) {
            return Err(Error::Binary { what: "NUL 字节" });
        } else if let Ok(s) = std::str::from_utf8(bytes) {
            (s.to_owned(), "UTF-8")
        } else {
            (strict(GB18030, bytes).map_err(|_| Error::UnknownEncoding)?, "GB18030")
        }
    };
    check_plausible(&text)?;
    Ok(Decoded { text, encoding })
}

/// Decodes without replacement; malformed input means "not this encoding".
fn strict(enc: &'static Encoding, bytes: &[u8]) -> Result<String, Error> {
    match enc.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(s) => Ok(s.into_owned()),
        None if enc == UTF_8 || enc == GB18030 => Err(Error::UnknownEncoding),
        None => Err(Error::Binary { what: "无效的 UTF-16" }),
    }
}

/// UTF-16 without a BOM shows as NUL in every other byte for Latin text, and for Chinese text
/// as an even length with many NULs on one side only.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let even_nul = sample.chunks(2).filter(|p| p[0] == 0).count();
    let odd_nul = sample.chunks(2).filter(|p| p[1] == 0).count();
    // Latin/line breaks in UTF-16LE put NUL in the odd byte; require a clear majority on one side.
    if odd_nul * 5 >= pairs && even_nul * 20 < pairs.max(20) {
        return Some(UTF_16LE);
    }
    if even_nul * 5 >= pairs && odd_nul * 20 < pairs.max(20) {
        return Some(UTF_16BE);
    }
    None
}

/// Decoded text that is mostly control characters or private-use code points is binary that
/// happened to decode (GB18030 accepts many byte sequences).
fn check_plausible(text: &str) -> Result<(), Error> {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars().take(200_000) {
        total += 1;
        let control = c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}');
        let private = ('\u{E000}'..='\u{F8FF}').contains(&c) || c == '\u{FFFD}';
        if control || private {
            bad += 1;
        }
    }
    if total > 0 && bad * 100 > total {
        return Err(Error::Binary { what: "控制字符" });
    }
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(decode(&le).unwrap(), Decoded { text: s.into(), encoding: "UTF-16LE" });
        assert_eq!(decode(&be).unwrap(), Decoded { text: s.into(), encoding: "UTF-16BE" });
    }

    #[test]
    fn gbk_is_decoded() {
        let (bytes, _, _) = GB18030.encode("立案办复提案230件，办复率100%。");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, "立案办复提案230件，办复率100%。");
    }
}
