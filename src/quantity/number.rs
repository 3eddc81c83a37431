//! Reading numbers as Chinese reports write them: Arabic and full-width digits with decimals
//! and thousands separators, Chinese numerals (〇 一 … 十 百 千 万 亿 两), vague counts
//! (数十, 上百, 近万, 十余) and multipliers (1.2万, 500余万).

pub use crate::clean::is_cn_numeral;
use crate::clean::{half_width, is_digit};

pub const CN_DIGITS: &str = "零〇一二三四五六七八九两";
pub const CN_POWERS: &str = "十百千万亿";

fn cn_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn cn_power(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        '万' => 10_000,
        '亿' => 100_000_000,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Arabic,
    Chinese,
}

/// A number read at some position of a char slice.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    pub value: f64,
    /// Index one past the last char used.
    pub end: usize,
    pub kind: Kind,
    /// A bare 一 (one): in reports nearly always the article "a", not a count.
    pub bare_one: bool,
}

/// Arabic number at `i`: 1234, 1,234, 12.5, ３０ (full width), with 万/亿/千 directly after.
pub fn arabic(cs: &[char], i: usize) -> Option<Num> {
    let mut j = i;
    let mut s = String::new();
    while j < cs.len() && is_digit(cs[j]) {
        s.push(half_width(cs[j]));
        j += 1;
    }
    if s.is_empty() {
        return None;
    }
    // thousands separators: exactly three digits after each comma
    while j + 3 < cs.len()
        && cs[j] == ','
        && cs[j + 1..=j + 3].iter().all(char::is_ascii_digit)
        && !(j + 4 < cs.len() && is_digit(cs[j + 4]))
    {
        s.extend(&cs[j + 1..j + 4]);
        j += 4;
    }
    if j + 1 < cs.len() && matches!(cs[j], '.' | '．') && is_digit(cs[j + 1]) {
        s.push('.');
        j += 1;
        while j < cs.len() && is_digit(cs[j]) {
            s.push(half_width(cs[j]));
            j += 1;
        }
    }
    let value: f64 = s.parse().ok()?;
    Some(Num { value, end: j, kind: Kind::Arabic, bare_one: false })
}

/// Chinese numeral at `i`: 三, 十五, 二十三, 一百二十, 两千, 三万五千, 二〇二三 (digit string).
pub fn chinese(cs: &[char], i: usize) -> Option<Num> {
    let mut j = i;
    while j < cs.len() && is_cn_numeral(cs[j]) {
        j += 1;
    }
    if j == i {
        return None;
    }
    let run = &cs[i..j];
    // A run must start with a digit or 十 (十五); a lone power (万) needs a vague marker, read elsewhere.
    if cn_digit(run[0]).is_none() && run[0] != '十' {
        return None;
    }
    // digit strings such as 二〇二三 (years) are read digit by digit
    let zero = run.iter().any(|&c| c == '〇' || c == '零');
    if (run.len() > 2 || zero) && run.len() > 1 && run.iter().all(|&c| cn_digit(c).is_some()) {
        let v = run.iter().fold(0u64, |acc, &c| acc * 10 + cn_digit(c).unwrap_or(0));
        return Some(Num { value: v as f64, end: j, kind: Kind::Chinese, bare_one: false });
    }
    let (value, used) = cn_value(run)?;
    let end = i + used;
    let bare_one = used == 1 && run[0] == '一';
    Some(Num { value: value as f64, end, kind: Kind::Chinese, bare_one })
}

/// Value of a Chinese numeral and how many chars of `run` it used.
fn cn_value(run: &[char]) -> Option<(u64, usize)> {
    let mut total = 0u64; // completed 万/亿 groups
    let mut section = 0u64; // below 万
    let mut digit: Option<u64> = None;
    let mut used = 0;
    for (k, &c) in run.iter().enumerate() {
        if let Some(d) = cn_digit(c) {
            if digit.is_some_and(|prev| prev != 0) {
                break; // two digits in a row (三五) is a vague pair, stop at the first
            }
            digit = Some(d);
        } else if let Some(p) = cn_power(c) {
            match p {
                10_000 | 100_000_000 => {
                    section += digit.take().unwrap_or(0);
                    if section == 0 && total == 0 {
                        section = 1;
                    }
                    total = (total + section) * p;
                    section = 0;
                }
                _ => {
                    let d = digit.take().unwrap_or(1);
                    section += d * p;
                }
            }
        }
        used = k + 1;
    }
    if used == 0 {
        return None;
    }
    section += digit.unwrap_or(0);
    Some((total + section, used))
}

/// Vague Chinese counts that start with a marker: 数十/几十 (tens), 上百/上千/上万, a lone 万
/// or 千 after 近/逾/超. Returns the value and the number of chars used from `i`.
pub fn lone_power(cs: &[char], i: usize) -> Option<(f64, usize)> {
    let p = cn_power(*cs.get(i)?)?;
    // 十万, 百万, 千万 after the marker
    if let Some(q) = cs.get(i + 1).and_then(|&c| cn_power(c)) {
        if q > p {
            return Some(((p * q) as f64, 2));
        }
    }
    Some((p as f64, 1))
}

#[cfg(test)]
mod tests {
    #[test]
    fn cn_numerals_are_the_digits_and_powers() {
        for c in super::CN_DIGITS.chars().chain(super::CN_POWERS.chars()) {
            assert!(super::is_cn_numeral(c), "{c}");
        }
        assert!(!super::is_cn_numeral('第') && !super::is_cn_numeral('1'));
    }

    use super::*;

    fn cn(s: &str) -> (f64, usize) {
        let cs: Vec<char> = s.chars().collect();
        let n = chinese(&cs, 0).unwrap();
        (n.value, n.end)
    }

    fn ar(s: &str) -> (f64, usize) {
        let cs: Vec<char> = s.chars().collect();
        let n = arabic(&cs, 0).unwrap();
        (n.value, n.end)
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(cn("三次"), (3.0, 1));
        assert_eq!(cn("十五个"), (15.0, 2));
        assert_eq!(cn("二十三条"), (23.0, 3));
        assert_eq!(cn("一百二十人"), (120.0, 4));
        assert_eq!(cn("两千余人次"), (2000.0, 2));
        assert_eq!(cn("三万五千"), (35000.0, 4));
        assert_eq!(cn("一千零五"), (1005.0, 4));
        assert_eq!(cn("十条"), (10.0, 1));
        assert_eq!(cn("二〇二三年"), (2023.0, 4));
        assert_eq!(cn("三五成群").0, 3.0);
    }

    #[test]
    fn arabic_numbers() {
        assert_eq!(ar("230件"), (230.0, 3));
        assert_eq!(ar("３０余次"), (30.0, 2));
        assert_eq!(ar("12.5%"), (12.5, 4));
        assert_eq!(ar("1,200人"), (1200.0, 5));
        assert_eq!(ar("1,2,3"), (1.0, 1));
        assert_eq!(ar("１．５万"), (1.5, 3));
    }
}
