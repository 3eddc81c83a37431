//! How much a decoded string looks like the text of a Chinese report: the measure that picks
//! between two decodings of the same bytes (UTF-16 LE or BE, UTF-8 or GB18030 for one line).
//! A wrong decoding scatters characters over the whole of Unicode (Hangul, Yi, Ext-A, control
//! characters, U+XX00 code points); a right one stays within Han, ASCII and punctuation.

/// Characters a report is made of: ASCII printable and line breaks, common Han (BMP and the
/// astral extensions that GB18030 encodes), CJK and general punctuation, fullwidth forms.
pub fn plausible(c: char) -> bool {
    matches!(c,
        '\n' | '\r' | '\t' | ' '..='~'
        | '\u{00A0}'..='\u{00FF}'      // Latin-1 signs: · × ÷ ° §
        | '\u{2000}'..='\u{206F}'      // general punctuation: — … ‘’ “”
        | '\u{2150}'..='\u{218F}'      // number forms: Ⅰ Ⅱ
        | '\u{2460}'..='\u{24FF}'      // enclosed numbers: ① ⑴
        | '\u{25A0}'..='\u{25FF}'      // shapes: ■ ○ ◆
        | '\u{3000}'..='\u{303F}'      // CJK punctuation: 、。《》【】
        | '\u{4E00}'..='\u{9FFF}'      // CJK unified ideographs
        | '\u{FF00}'..='\u{FFEF}'      // fullwidth forms: （），：
        | '\u{20000}'..='\u{3134F}') // CJK extensions B–G
}

/// Share of plausible characters among the first `limit` characters (1.0 for an empty string).
pub fn plausible_share(s: &str, limit: usize) -> f64 {
    let (mut total, mut good) = (0usize, 0usize);
    for c in s.chars().take(limit) {
        total += 1;
        good += usize::from(plausible(c));
    }
    if total == 0 {
        1.0
    } else {
        good as f64 / total as f64
    }
}

/// Line numbers (1-based) written as ranges for a message: `3、5–9、12`, at most `max` items.
pub fn line_list(lines: &[usize], max: usize) -> String {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for &n in lines {
        match ranges.last_mut() {
            Some((_, end)) if *end + 1 == n => *end = n,
            _ => ranges.push((n, n)),
        }
    }
    let mut parts: Vec<String> =
        ranges.iter().take(max).map(|&(a, b)| if a == b { a.to_string() } else { format!("{a}–{b}") }).collect();
    if ranges.len() > max {
        parts.push(format!("等共 {} 行", lines.len()));
    }
    parts.join("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_text_is_plausible_and_swapped_bytes_are_not() {
        let s = "一、2024年工作回顾\n立案提案286件（办复率100%）。";
        assert_eq!(plausible_share(s, 1000), 1.0);
        let swapped: String =
            s.encode_utf16().map(u16::swap_bytes).map(|u| char::from_u32(u.into()).unwrap_or('\u{FFFD}')).collect();
        assert!(plausible_share(&swapped, 1000) < 0.7, "{swapped}");
    }

    #[test]
    fn line_lists_are_ranges() {
        assert_eq!(line_list(&[3, 5, 6, 7, 9], 10), "3、5–7、9");
        assert_eq!(line_list(&[1, 3, 5, 7], 2), "1、3、等共 4 行");
    }
}
