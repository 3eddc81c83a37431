//! Dates in a report's head and the year it reports on.

use crate::fx::FxMap;
use crate::structure::{part_of, Heading, Part};

/// Dates written as 2021年1月11日 (Arabic or full-width digits).
pub fn dates(s: &str) -> Vec<String> {
    let cs: Vec<char> = s.chars().map(crate::clean::half_width).collect();
    let mut out = Vec::new();
    let mut i = 0;
    let num = |i: &mut usize| {
        let st = *i;
        while *i < cs.len() && cs[*i].is_ascii_digit() {
            *i += 1;
        }
        cs[st..*i].iter().collect::<String>().parse::<u32>().ok().filter(|_| *i > st)
    };
    while i < cs.len() {
        if cs[i].is_ascii_digit() && (i == 0 || !cs[i - 1].is_ascii_digit()) {
            let mut j = i;
            if let Some(y) = num(&mut j) {
                if (1949..=2100).contains(&y) && cs.get(j) == Some(&'年') {
                    j += 1;
                    if let Some(m) = num(&mut j) {
                        if (1..=12).contains(&m) && cs.get(j) == Some(&'月') {
                            j += 1;
                            if let Some(d) = num(&mut j) {
                                if (1..=31).contains(&d) && cs.get(j) == Some(&'日') {
                                    out.push(format!("{y:04}-{m:02}-{d:02}"));
                                    i = j;
                                }
                            }
                        }
                    }
                }
            }
        }
        i += 1;
    }
    out
}

/// Years (1990–2100) standing alone in `s`; with `skip_dates`, not those that open a date
/// (2025年1月9日 is when, not what). (Read on the bytes: an ASCII digit is one byte, and no
/// byte of another char reads as one.)
fn years_in(s: &str, skip_dates: bool) -> Vec<u32> {
    let b = s.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let mut out = Vec::new();
    for i in 0..b.len().saturating_sub(3) {
        if !(digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3)) || (i > 0 && digit(i - 1)) || digit(i + 4) {
            continue;
        }
        let date = b[i + 4..].starts_with("年".as_bytes()) && digit(i + 4 + "年".len());
        if skip_dates && date {
            continue;
        }
        let y = b[i..i + 4].iter().fold(0, |y, d| y * 10 + u32::from(d - b'0'));
        if (1990..=2100).contains(&y) {
            out.push(y);
        }
    }
    out
}

pub fn year(
    title: Option<&str>,
    subtitle: Option<&str>,
    headings: &[Heading],
    whole: &str,
    dates: &[String],
) -> Option<u32> {
    // 一、2020年工作回顾; 二、2025年工作安排 in a report on 2024
    let named = |part: Part| {
        headings.iter().filter(|h| part_of(&h.title) == part).flat_map(|h| years_in(&h.title, true)).next()
    };
    if let Some(y) = named(Part::Review) {
        return Some(y);
    }
    if let Some(y) = named(Part::Plan) {
        return Some(y - 1);
    }
    // ——政协辽源市第九届委员会2023年工作纪实
    if let Some(y) = [title, subtitle].into_iter().flatten().flat_map(|t| years_in(t, true)).next() {
        return Some(y);
    }
    // 刚刚过去的2023年, 回首2023
    for marker in ["过去的", "回首", "回顾"] {
        for (i, _) in whole.match_indices(marker) {
            if let Some(y) = years_in(crate::clean::first_chars(&whole[i + marker.len()..], 6), false).first() {
                return Some(*y);
            }
        }
    }
    // a meeting held early in a year looks back on the year before
    if let Some(d) = dates.first() {
        let y: u32 = d[..4].parse().ok()?;
        let m: u32 = d[5..7].parse().ok()?;
        return Some(if m <= 3 { y - 1 } else { y });
    }
    let ys = years_in(whole, false);
    // (count, first position) of each year: the most frequent, the first written among equals
    let mut counts: FxMap<u32, (usize, usize)> = FxMap::default();
    for (k, &y) in ys.iter().enumerate() {
        counts.entry(y).or_insert((0, k)).0 += 1;
    }
    counts.into_iter().max_by_key(|&(_, (n, first))| (n, std::cmp::Reverse(first))).map(|(y, _)| y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure;

    fn year_of(text: &str, dates: &[String]) -> Option<u32> {
        let doc = structure::parse(text);
        let title = text.lines().next();
        year(title, None, &doc.headings, text, dates)
    }

    #[test]
    fn the_year_from_headings_title_and_dates() {
        assert_eq!(year_of("标题\n\n一、2024年主要工作\n\n正文。", &[]), Some(2024));
        assert_eq!(year_of("标题\n\n一、提案工作基本情况\n\n正文。\n\n三、2025年工作打算\n\n正文。", &[]), Some(2024));
        assert_eq!(year_of("某市政协2023年工作纪实\n\n正文。", &[]), Some(2023));
        assert_eq!(year_of("标题\n\n正文。", &["2025-01-09".into()]), Some(2024));
        assert_eq!(year_of("标题\n\n正文。", &["2024-12-20".into()]), Some(2024));
        assert_eq!(year_of("标题\n\n刚刚过去的2023年，工作扎实。", &[]), Some(2023));
    }
}
