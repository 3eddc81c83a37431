//! Text normalisation before any analysis: one line-ending convention and no invisible
//! characters that would shift offsets or split words. Spans refer to the text this returns.

/// CRLF and CR become LF; BOMs, zero-width spaces and soft hyphens are dropped; NBSP becomes a
/// space. Full-width digits and brackets are kept as written (the quantity parser reads them)
/// so that a highlighted span shows exactly what the report prints.
pub fn normalize(text: &str) -> String {
    // Copied in runs between the chars it changes: most texts have none, and pushing every
    // char of the text on its own was ~1% of an analysis. Only a char whose first byte is one
    // of these chars' first bytes is decoded and looked at (', ' and '“' share them: kept).
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut run, mut i) = (0, 0);
    while i < b.len() {
        let lead = b[i];
        if !matches!(lead, b'\r' | 0xC2 | 0xE2 | 0xEF) {
            i += utf8_len(lead);
            continue;
        }
        let c = text[i..].chars().next().expect("i is at a char boundary");
        let instead = match c {
            '\r' if b.get(i + 1) == Some(&b'\n') => "",
            '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => "\n",
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{00AD}' | '\u{2060}' => "",
            '\u{00A0}' => " ",
            _ => {
                i += c.len_utf8();
                continue;
            }
        };
        out.push_str(&text[run..i]);
        out.push_str(instead);
        i += c.len_utf8();
        run = i;
    }
    out.push_str(&text[run..]);
    out
}

/// `s` without Markdown bold marks (`**`). Most lines have none: they are not searched for
/// the two-char pattern (a visible share of reading every paragraph's head, in wasm most).
pub fn without_bold(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('*') {
        std::borrow::Cow::Owned(s.replace("**", ""))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// `cs` as a String, allocated once. (Collecting chars reserves a byte per char where a Chinese
/// char takes three: each phrase grew its buffer twice. Measured: −2.0% of the county and
/// sample fixtures' instructions, where quantities read their words this way.)
pub fn string_of(cs: &[char]) -> String {
    let mut s = String::with_capacity(cs.iter().map(|c| c.len_utf8()).sum());
    s.extend(cs);
    s
}

/// The first `n` chars of `s` (all of it if shorter): a slice, where collecting them into a
/// new String was a copy char by char.
pub fn first_chars(s: &str, n: usize) -> &str {
    &s[..s.char_indices().nth(n).map_or(s.len(), |(k, _)| k)]
}

/// The last `n` chars of `s` (all of it if shorter), as a slice.
pub fn last_chars(s: &str, n: usize) -> &str {
    match n.checked_sub(1) {
        Some(k) => &s[s.char_indices().rev().nth(k).map_or(0, |(b, _)| b)..],
        None => "",
    }
}

/// Whether `c` is one of the chars of `set`: `set.contains(c)` without a substring search
/// (in wasm, `str::contains` of a non-ASCII char builds a two-way searcher on every call; these
/// tests run per char of the text).
#[inline]
pub fn in_set(set: &str, c: char) -> bool {
    set.chars().any(|x| x == c)
}

/// Full-width ASCII digit or letter to its half-width form; other chars unchanged.
pub fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// [`half_width`] of every char of `s`, read on the bytes: the full-width forms are
/// `EF BC 81`–`EF BD 9E` and U+3000 `E3 80 80`; runs between them are copied whole.
/// Borrowed when `s` has none (most lines): nothing is copied.
pub fn half_width_str(s: &str) -> std::borrow::Cow<'_, str> {
    let b = s.as_bytes();
    let mut out = String::new();
    let (mut run, mut i) = (0, 0);
    while i < b.len() {
        let ascii = match (b[i], b.get(i + 1), b.get(i + 2)) {
            (0xEF, Some(0xBC), Some(&t @ 0x81..=0xBF)) => t - 0x81 + b'!',
            (0xEF, Some(0xBD), Some(&t @ 0x80..=0x9E)) => t - 0x80 + b'`',
            (0xE3, Some(0x80), Some(0x80)) => b' ',
            (x, ..) => {
                i += utf8_len(x);
                continue;
            }
        };
        if out.is_empty() {
            out.reserve(s.len());
        }
        out.push_str(&s[run..i]);
        out.push(char::from(ascii));
        i += 3;
        run = i;
    }
    if out.is_empty() {
        return std::borrow::Cow::Borrowed(s);
    }
    out.push_str(&s[run..]);
    std::borrow::Cow::Owned(out)
}

/// The length of the UTF-8 char whose first byte is `lead` (a char boundary of a `str`).
#[inline]
pub fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A Chinese numeral char (零〇一…九两, 十百千万亿: `quantity::number`'s digits and powers).
/// Asked of every char of a report and of every token: a match, not a search in a string.
pub fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '两'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
    )
}

/// (chars that are not whitespace, Han chars) of `s`. Read on the UTF-8 bytes: a char led by
/// 0xE5–0xE9 (U+5000–U+9FFF, most of a Chinese text) is Han and no space without being
/// decoded; another one- or three-byte char (ASCII, the rest of the BMP's CJK, punctuation)
/// is put together in place; only the others take the general decoding. Why: the whole text's
/// counts decoded every char (measured: 2.9% of jilin-2023's instructions); a fast path for
/// U+5000–U+9FFF alone still decoded 一, 会, 作 and every punctuation mark (0.9%).
pub fn solid_and_han(s: &str) -> (usize, usize) {
    let b = s.as_bytes();
    let (mut solid, mut han, mut i) = (0, 0, 0);
    while i < b.len() {
        match (b[i], b.get(i + 1..i + 3)) {
            // U+5000–U+9FFF: Han, not decoded
            (0xE5..=0xE9, _) => {
                solid += 1;
                han += 1;
                i += 3;
            }
            (x @ 0..=0x7F, _) => {
                solid += usize::from(!char::from(x).is_whitespace());
                i += 1;
            }
            (x @ 0xE0..=0xEF, Some(&[b1, b2])) => {
                // (a code point of three bytes is never a surrogate: always a char)
                let c = char::from_u32(u32::from(x & 0x0F) << 12 | u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F));
                solid += usize::from(!c.is_some_and(char::is_whitespace));
                han += usize::from(c.is_some_and(is_han));
                i += 3;
            }
            _ => {
                let c = s[i..].chars().next().expect("i is at a char boundary");
                solid += usize::from(!c.is_whitespace());
                han += usize::from(is_han(c));
                i += c.len_utf8();
            }
        }
    }
    (solid, han)
}

pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2A6DF
        | 0x2A700..=0x2EBEF | 0x30000..=0x323AF | 0x3007)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_and_last_chars_are_slices_of_what_collecting_gave() {
        for s in ["", "a", "集中学习30余次", "𠀀a中，"] {
            for n in 0..8 {
                let first: String = s.chars().take(n).collect();
                let mut last: Vec<char> = s.chars().rev().take(n).collect();
                last.reverse();
                assert_eq!(first_chars(s, n), first, "{s} {n}");
                assert_eq!(last_chars(s, n), last.into_iter().collect::<String>(), "{s} {n}");
            }
        }
    }

    #[test]
    fn string_of_chars_is_their_text_in_one_allocation() {
        for s in ["", "abc", "集中学习30余次", "《条例》（草案）“有事好商量”", "𠀀a中"] {
            let cs: Vec<char> = s.chars().collect();
            let got = string_of(&cs);
            assert_eq!(got, s);
            assert_eq!(got.capacity(), s.len(), "{s}");
        }
    }

    #[test]
    fn half_width_of_a_string_is_that_of_its_chars() {
        let all: String = (0x2F00..0x3100).chain(0xFEF0..0x10000).filter_map(char::from_u32).collect();
        for s in [all.as_str(), "２０２４年，ＣＰＰＣＣ　第３次！", "", "\u{3000}", "a\u{FF5E}\u{FF5F}"]
        {
            assert_eq!(half_width_str(s), s.chars().map(half_width).collect::<String>(), "{s}");
        }
    }

    #[test]
    fn line_endings_and_invisibles() {
        assert_eq!(normalize("a\r\nb\rc\u{FEFF}d\u{200B}e\u{A0}f"), "a\nb\ncde f");
        assert_eq!(half_width('３'), '3');
        assert!(is_digit('９') && is_digit('0') && !is_digit('九'));
        assert!(is_han('𠀀') && is_han('政') && !is_han('。'));
    }

    #[test]
    fn solid_and_han_count_as_char_tests_do() {
        // every char of the BMP, and the first planes' Han
        let all: String = (0..0x3_2400).filter_map(char::from_u32).collect();
        for s in [all.as_str(), "集中学习30余次，\u{3000}委员 提案", "", " \n\t", "𠀀a中"] {
            let solid = s.chars().filter(|c| !c.is_whitespace()).count();
            let han = s.chars().filter(|&c| is_han(c)).count();
            assert_eq!(solid_and_han(s), (solid, han), "{s}");
        }
    }

    /// The run copy gives what mapping each char on its own gives, on texts mixing the chars it
    /// changes with those that share their first bytes (，“ — … · ©) and with 4-byte chars.
    #[test]
    fn normalize_in_runs_is_normalize_char_by_char() {
        let one_by_one = |t: &str| {
            let mut out = String::new();
            let mut cs = t.chars().peekable();
            while let Some(c) = cs.next() {
                match c {
                    '\r' if cs.peek() == Some(&'\n') => {}
                    '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
                    '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{00AD}' | '\u{2060}' => {}
                    '\u{00A0}' => out.push(' '),
                    _ => out.push(c),
                }
            }
            out
        };
        let pieces = [
            "\r", "\n", "\r\n", "\u{2028}", "\u{2029}", "\u{85}", "\u{FEFF}", "\u{200B}", "\u{200C}", "\u{200D}",
            "\u{AD}", "\u{2060}", "\u{A0}", "，", "“", "—", "…", "·", "©", "\u{2061}", "\u{FEFE}", "𠀀", "a", "政协",
        ];
        let mut seed = 7u32;
        for _ in 0..500 {
            let mut t = String::new();
            for _ in 0..(seed % 9) {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                t.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
            }
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            assert_eq!(normalize(&t), one_by_one(&t), "{t:?}");
        }
    }
}
