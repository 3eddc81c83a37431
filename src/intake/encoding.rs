//! The few encodings report text comes in — UTF-8, GB18030 (GBK, GB2312) and UTF-16 — decoded
//! as the WHATWG Encoding Standard says (the same output as encoding_rs, U+FFFD for U+FFFD),
//! without encoding_rs's decoders for every other legacy encoding: its Big5, Japanese, Korean
//! and single-byte tables all reach the wasm through its one decoder dispatch. Measured
//! (scripts/build.sh, gzip -9 of the wasm): −115 KB. The GB18030 index is built by build.rs
//! from encoding_rs itself (a build-dependency) and `tests::*_as_encoding_rs` hold the two
//! decoders equal.

use std::borrow::Cow;
use std::sync::OnceLock;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Utf8,
    Gb18030,
    Utf16Le,
    Utf16Be,
}

/// An encoding, by its WHATWG name.
#[derive(PartialEq, Eq, Debug)]
pub struct Encoding {
    name: &'static str,
    kind: Kind,
}

pub static UTF_8: &Encoding = &Encoding { name: "UTF-8", kind: Kind::Utf8 };
/// WHATWG's GBK decoder is the gb18030 decoder; only the name differs.
pub static GBK: &Encoding = &Encoding { name: "GBK", kind: Kind::Gb18030 };
pub static GB18030: &Encoding = &Encoding { name: "gb18030", kind: Kind::Gb18030 };
pub static UTF_16LE: &Encoding = &Encoding { name: "UTF-16LE", kind: Kind::Utf16Le };
pub static UTF_16BE: &Encoding = &Encoding { name: "UTF-16BE", kind: Kind::Utf16Be };

impl Encoding {
    /// The encoding a `charset` label names (WHATWG labels, ASCII case-insensitive), if it is
    /// one of ours; any other (Big5, Shift_JIS, windows-1252 …) is left to the text detection.
    pub fn for_label(label: &[u8]) -> Option<&'static Encoding> {
        let label = String::from_utf8_lossy(label).trim_matches(['\t', '\n', '\x0C', '\r', ' ']).to_ascii_lowercase();
        Some(match label.as_str() {
            "unicode-1-1-utf-8" | "unicode11utf8" | "unicode20utf8" | "utf-8" | "utf8" | "x-unicode20utf8" => UTF_8,
            "chinese" | "csgb2312" | "csiso58gb231280" | "gb2312" | "gb_2312" | "gb_2312-80" | "gbk" | "iso-ir-58"
            | "x-gbk" => GBK,
            "gb18030" => GB18030,
            "unicodefffe" | "utf-16be" => UTF_16BE,
            "csunicode" | "iso-10646-ucs-2" | "ucs-2" | "unicode" | "unicodefeff" | "utf-16" | "utf-16le" => UTF_16LE,
            _ => return None,
        })
    }

    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The text, broken sequences replaced by U+FFFD, and whether there were any.
    pub fn decode_without_bom_handling<'a>(&self, bytes: &'a [u8]) -> (Cow<'a, str>, bool) {
        match self.kind {
            Kind::Utf8 => {
                let s = String::from_utf8_lossy(bytes);
                let broken = matches!(s, Cow::Owned(_));
                (s, broken)
            }
            Kind::Gb18030 => {
                let (s, broken) = gb18030(bytes, false).expect("lossy decoding always succeeds");
                (Cow::Owned(s), broken)
            }
            Kind::Utf16Le | Kind::Utf16Be => {
                let (s, broken) =
                    utf16(bytes, self.kind == Kind::Utf16Be, false).expect("lossy decoding always succeeds");
                (Cow::Owned(s), broken)
            }
        }
    }

    /// The text, or None at the first broken sequence.
    pub fn decode_without_bom_handling_and_without_replacement<'a>(&self, bytes: &'a [u8]) -> Option<Cow<'a, str>> {
        match self.kind {
            Kind::Utf8 => std::str::from_utf8(bytes).ok().map(Cow::Borrowed),
            Kind::Gb18030 => gb18030(bytes, true).map(|(s, _)| Cow::Owned(s)),
            Kind::Utf16Le | Kind::Utf16Be => utf16(bytes, self.kind == Kind::Utf16Be, true).map(|(s, _)| Cow::Owned(s)),
        }
    }
}

/// WHATWG's UTF-16 decoder: an unpaired surrogate is one error, and so is an odd last byte or
/// a lead surrogate left at the end (together, one).
fn utf16(bytes: &[u8], big_endian: bool, strict: bool) -> Option<(String, bool)> {
    let mut out = String::with_capacity(bytes.len());
    let mut broken = false;
    let mut lead: Option<u16> = None;
    let pairs = bytes.chunks_exact(2);
    let odd = !pairs.remainder().is_empty();
    for pair in pairs {
        let u =
            if big_endian { u16::from_be_bytes([pair[0], pair[1]]) } else { u16::from_le_bytes([pair[0], pair[1]]) };
        if let Some(l) = lead.take() {
            if (0xDC00..=0xDFFF).contains(&u) {
                let c = 0x1_0000 + ((u32::from(l) - 0xD800) << 10) + (u32::from(u) - 0xDC00);
                out.push(char::from_u32(c).expect("a surrogate pair is a scalar value"));
                continue;
            }
            // the unit after an unpaired lead surrogate is read again on its own
            if strict {
                return None;
            }
            {
                out.push('\u{FFFD}');
                broken = true;
            }
        }
        match u {
            0xD800..=0xDBFF => lead = Some(u),
            0xDC00..=0xDFFF => {
                if strict {
                    return None;
                }
                {
                    out.push('\u{FFFD}');
                    broken = true;
                }
            }
            _ => out.push(char::from_u32(u32::from(u)).expect("not a surrogate")),
        }
    }
    if lead.is_some() || odd {
        if strict {
            return None;
        }
        {
            out.push('\u{FFFD}');
            broken = true;
        }
    }
    Some((out, broken))
}

/// The GB18030 index as build.rs writes it (`gb18030.bin`): the two-byte index (23 940
/// pointers, code point deltas, 0 for none), then the four-byte ranges of the BMP
/// (pointer, code point or 0 for none).
static GB_DATA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gb18030.bin"));

struct GbIndex {
    /// Code point of each two-byte pointer, 0 where there is none.
    two: Vec<u16>,
    /// (first pointer, its code point or 0) of each four-byte range below pointer 39 420.
    ranges: Vec<(u32, u32)>,
}

fn varint(data: &[u8], at: &mut usize) -> u32 {
    let (mut v, mut shift) = (0u32, 0);
    loop {
        let b = data[*at];
        *at += 1;
        v |= u32::from(b & 0x7f) << shift;
        if b < 0x80 {
            return v;
        }
        shift += 7;
    }
}

/// The index, unpacked on the first GB18030 decoding (most files are UTF-8 and never need it).
fn index() -> &'static GbIndex {
    static INDEX: OnceLock<GbIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut at = 0;
        let mut cp = 0i32;
        let two = (0..23_940)
            .map(|_| match varint(GB_DATA, &mut at) {
                0 => 0,
                z => {
                    // zigzag delta from the last mapped pointer's code point
                    let z = z - 1;
                    cp += if z & 1 == 0 { (z >> 1) as i32 } else { -((z >> 1) as i32) - 1 };
                    cp as u16
                }
            })
            .collect();
        let n = varint(GB_DATA, &mut at);
        let ranges = (0..n).map(|_| (varint(GB_DATA, &mut at), varint(GB_DATA, &mut at))).collect();
        assert_eq!(at, GB_DATA.len(), "gb18030.bin read to its end");
        GbIndex { two, ranges }
    })
}

/// WHATWG's "index gb18030 ranges code point".
fn four_byte(pointer: u32) -> Option<char> {
    if (189_000..=1_237_575).contains(&pointer) {
        return char::from_u32(0x1_0000 + pointer - 189_000);
    }
    if pointer > 39_419 {
        return None;
    }
    let ranges = &index().ranges;
    let (start, cp) = ranges[ranges.partition_point(|&(p, _)| p <= pointer) - 1];
    if cp == 0 {
        None
    } else {
        char::from_u32(cp + pointer - start)
    }
}

/// WHATWG's gb18030 decoder. A broken sequence is one U+FFFD; the bytes the standard puts back
/// in the queue (an ASCII trail, the second byte onwards of a broken four-byte form) are read
/// again. A sequence cut by the end is one error.
fn gb18030(bytes: &[u8], strict: bool) -> Option<(String, bool)> {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut broken = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            out.push(char::from(b));
            i += 1;
            continue;
        }
        // (the character, how many bytes it took)
        let (c, used) = match b {
            0x80 => (Some('\u{20AC}'), 1),
            0xFF => (None, 1),
            _ => match bytes.get(i + 1).copied() {
                None => (None, 1),
                Some(b2 @ 0x30..=0x39) => match (bytes.get(i + 2).copied(), bytes.get(i + 3).copied()) {
                    (None, _) => (None, 2),
                    (Some(0x81..=0xFE), None) => (None, 3),
                    (Some(b3 @ 0x81..=0xFE), Some(b4 @ 0x30..=0x39)) => {
                        let p = ((u32::from(b - 0x81) * 10 + u32::from(b2 - 0x30)) * 126 + u32::from(b3 - 0x81)) * 10
                            + u32::from(b4 - 0x30);
                        (four_byte(p), 4)
                    }
                    _ => (None, 1),
                },
                Some(b2) => {
                    let offset = if b2 < 0x7F { 0x40 } else { 0x41 };
                    let c = matches!(b2, 0x40..=0x7E | 0x80..=0xFE)
                        .then(|| index().two[usize::from(b - 0x81) * 190 + usize::from(b2 - offset)])
                        .filter(|&cp| cp != 0)
                        .and_then(|cp| char::from_u32(u32::from(cp)));
                    (c, if c.is_none() && b2 < 0x80 { 1 } else { 2 })
                }
            },
        };
        match c {
            Some(c) => out.push(c),
            None if strict => return None,
            None => {
                out.push('\u{FFFD}');
                broken = true;
            }
        };
        i += used;
    }
    Some((out, broken))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theirs(enc: &Encoding) -> &'static encoding_rs::Encoding {
        match enc.kind {
            Kind::Utf8 => encoding_rs::UTF_8,
            Kind::Gb18030 if enc.name == "GBK" => encoding_rs::GBK,
            Kind::Gb18030 => encoding_rs::GB18030,
            Kind::Utf16Le => encoding_rs::UTF_16LE,
            Kind::Utf16Be => encoding_rs::UTF_16BE,
        }
    }

    fn same(enc: &Encoding, bytes: &[u8]) {
        let reference = theirs(enc);
        let (s, broken) = enc.decode_without_bom_handling(bytes);
        let (t, t_broken) = reference.decode_without_bom_handling(bytes);
        assert_eq!((&*s, broken), (&*t, t_broken), "{} {bytes:02X?}", enc.name());
        let strict = enc.decode_without_bom_handling_and_without_replacement(bytes);
        let t_strict = reference.decode_without_bom_handling_and_without_replacement(bytes);
        assert_eq!(strict.as_deref(), t_strict.as_deref(), "{} strict {bytes:02X?}", enc.name());
    }

    #[test]
    fn every_gb18030_two_and_four_byte_form_decodes_as_encoding_rs() {
        for lead in 0x80..=0xFFu8 {
            for trail in 0..=0xFFu8 {
                same(GB18030, &[lead, trail]);
                same(GB18030, &[lead, trail, b'a']);
            }
        }
        // every BMP four-byte pointer, and around the supplementary planes' bounds
        for p in (0..39_420u32).chain(188_990..189_010).chain(1_237_570..1_237_580) {
            let b = [p / 12_600 + 0x81, p / 1260 % 10 + 0x30, p / 10 % 126 + 0x81, p % 10 + 0x30].map(|x| x as u8);
            same(GB18030, &b);
        }
    }

    #[test]
    fn broken_and_cut_sequences_decode_as_encoding_rs() {
        let mut x = 0x2545_F491u32;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x
        };
        // short random strings over the bytes that matter at each position
        const BYTES: &[u8] =
            &[0x00, 0x30, 0x39, 0x40, 0x41, 0x7E, 0x7F, 0x80, 0x81, 0xA1, 0xD8, 0xDC, 0xFE, 0xFF, 0x0A];
        for _ in 0..200_000 {
            let n = next() as usize % 9;
            let b: Vec<u8> = (0..n).map(|_| BYTES[next() as usize % BYTES.len()]).collect();
            for enc in [GB18030, UTF_16LE, UTF_16BE, UTF_8] {
                same(enc, &b);
            }
        }
        let text = "政协委员会工作报告：提案230件，办复率100%。𠀀€";
        let gb = encoding_rs::GB18030.encode(text).0;
        assert_eq!(GB18030.decode_without_bom_handling_and_without_replacement(&gb).as_deref(), Some(text));
        for cut in 0..gb.len() {
            same(GB18030, &gb[..cut]);
        }
    }

    #[test]
    fn labels_name_the_encodings_encoding_rs_names() {
        for label in ["utf-8", "UTF8", " gbk ", "GB2312", "x-gbk", "gb18030", "utf-16", "utf-16be", "unicode"] {
            let enc = Encoding::for_label(label.as_bytes()).unwrap();
            assert_eq!(Some(theirs(enc)), encoding_rs::Encoding::for_label(label.as_bytes()), "{label}");
            assert_eq!(enc.name(), theirs(enc).name());
        }
        assert_eq!(Encoding::for_label(b"big5"), None);
        assert_eq!(Encoding::for_label(b"shift_jis"), None);
    }
}
