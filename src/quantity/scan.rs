//! Finding quantity mentions in a paragraph: number, approximation markers, range, multiplier
//! and unit, and the exclusions (ordinals, dates, formulas, titles, rhetoric) that make a
//! number not a count. Works on the paragraph's chars; offsets returned are char indices.

use super::number::{arabic, chinese, is_cn_numeral, lone_power, Kind, Num};
use super::tables::{tables, Approx};
use crate::clean::{is_digit, string_of};

#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Char indices [start, end) of number + markers + unit.
    pub start: usize,
    pub end: usize,
    /// Where the number itself starts (after a prefix marker such as 近).
    pub number_start: usize,
    pub value: f64,
    pub value_max: Option<f64>,
    pub approx: Approx,
    pub unit: String,
}

const RANGE_SEPS: &[char] = &['至', '到', '-', '－', '—', '–', '～', '~'];

/// Prefix markers: the text, the approximation, whether it may precede a lone power (上百).
const PREFIXES: &[(&str, Approx, bool)] = &[
    ("不超过", Approx::UpTo, false),
    ("不到", Approx::UpTo, false),
    ("最多", Approx::UpTo, false),
    ("超过", Approx::MoreThan, true),
    ("近", Approx::Nearly, true),
    ("将近", Approx::Nearly, true),
    ("约", Approx::About, false),
    ("大约", Approx::About, false),
    ("超", Approx::MoreThan, true),
    ("逾", Approx::MoreThan, true),
    ("上", Approx::MoreThan, true),
    ("数", Approx::MoreThan, true),
    ("几", Approx::MoreThan, true),
];

fn starts_with(cs: &[char], i: usize, s: &str) -> bool {
    let n = s.chars().count();
    cs.len() >= i + n && s.chars().zip(&cs[i..]).all(|(a, &b)| a == b)
}

fn len(s: &str) -> usize {
    s.chars().count()
}

/// Reads a number (Arabic or Chinese) at `i`, with a multiplier 万/亿/千 after Arabic digits.
fn number(cs: &[char], i: usize, allow_lone_power: bool) -> Option<Num> {
    if let Some(mut n) = arabic(cs, i) {
        if let Some(m) = cs.get(n.end).and_then(|&c| multiplier(c)) {
            // "1.2万人", but not "3千米" (千米 is a unit)
            if !(cs[n.end] == '千' && cs.get(n.end + 1) == Some(&'米')) {
                n.value *= m;
                n.end += 1;
            }
        }
        return Some(n);
    }
    if let Some(n) = chinese(cs, i) {
        return Some(n);
    }
    // a power on its own is a number after a marker (上百, 近万) or before 余/多 (百余场, 千余人)
    let (value, used) = lone_power(cs, i)?;
    let approximate = matches!(cs.get(i + used), Some('余') | Some('多'));
    (allow_lone_power || approximate).then_some(Num { value, end: i + used, kind: Kind::Chinese, bare_one: false })
}

fn multiplier(c: char) -> Option<f64> {
    match c {
        '万' => Some(1e4),
        '亿' => Some(1e8),
        '千' => Some(1e3),
        _ => None,
    }
}

/// A mention starting at char `i`, or None. `i` is where a prefix marker or digit stands.
pub fn mention_at(cs: &[char], i: usize) -> Option<Mention> {
    let t = tables();
    let mut approx = Approx::None;
    let mut j = i;
    let mut lone_ok = false;
    for &(p, a, lone) in PREFIXES {
        if starts_with(cs, i, p) {
            let k = i + len(p);
            let next = *cs.get(k)?;
            let ok = if matches!(p, "上" | "数" | "几") {
                "十百千万".contains(next) // 上百, 数十: not 上海, 数据
            } else {
                is_digit(next) || is_cn_numeral(next)
            };
            if ok {
                approx = a;
                j = k;
                lone_ok = lone;
                break;
            }
        }
    }
    let number_start = j;
    let mut unit_pct = false;
    let mut num = if starts_with(cs, j, "百分之") {
        unit_pct = true;
        number(cs, j + 3, true)? // 百分之百 too
    } else {
        number(cs, j, lone_ok)?
    };
    if num.bare_one && approx == Approx::None && cs.get(num.end) != Some(&'成') {
        return None; // 一项重点工作, 一次次, 一些: the article, not a count
    }
    let mut value = num.value;
    let mut end = num.end;
    let mut value_max = None;
    // 余/多 (more than) before or after a multiplier: 10余万元, 两千余人, 280多名
    let read_more = |end: &mut usize, approx: &mut Approx| {
        if matches!(cs.get(*end), Some('余') | Some('多')) && cs.get(*end + 1).is_some_and(|&c| c != '年') {
            *approx = Approx::MoreThan;
            *end += 1;
        }
    };
    read_more(&mut end, &mut approx);
    // 十几个, 二十几人: "and some"
    if num.kind == Kind::Chinese && cs.get(end) == Some(&'几') {
        approx = Approx::MoreThan;
        end += 1;
    }
    if let Some(m) = cs.get(end).and_then(|&c| multiplier(c)) {
        if cs.get(end) != Some(&'千') {
            value *= m;
            end += 1;
        }
    }
    // ranges: 3至5天, 3-5个, 三到五次
    if value_max.is_none() {
        if let Some(&sep) = cs.get(end) {
            if RANGE_SEPS.contains(&sep) {
                if let Some(hi) = number(cs, end + 1, false) {
                    if hi.kind == num.kind && hi.value > value && !hi.bare_one {
                        let scale = if num.value > 0.0 { value / num.value } else { 1.0 };
                        let mut hv = hi.value;
                        let mut hend = hi.end;
                        if let Some(m) = cs.get(hend).and_then(|&c| multiplier(c)) {
                            hv *= m;
                            hend += 1;
                        } else {
                            hv *= scale;
                        }
                        value_max = Some(hv);
                        end = hend;
                        num = hi;
                        read_more(&mut end, &mut approx);
                    }
                }
            }
        }
    }
    let _ = num;
    let unit = if unit_pct {
        "%".to_string()
    } else if matches!(cs.get(end), Some('%') | Some('％')) {
        end += 1;
        "%".to_string()
    } else {
        let unit_start = end;
        let u = t.unit_at(cs, end)?;
        end += len(u);
        // an alternative unit in brackets belongs to the count: 48项(条), 10场（次）
        if let (Some('(' | '（'), Some(alt)) = (cs.get(end), t.unit_at(cs, end + 1)) {
            let close = end + 1 + len(alt);
            if matches!(cs.get(close), Some(')' | '）')) {
                end = close + 1;
            }
        }
        if u == "成" {
            value *= 10.0; // 一成 is a tenth: ten per cent
            value_max = value_max.map(|v| v * 10.0);
        }
        string_of(&cs[unit_start..end])
    };
    if starts_with(cs, end, "左右") {
        approx = Approx::About;
    } else if starts_with(cs, end, "以上") && approx == Approx::None {
        approx = Approx::MoreThan;
    }
    Some(Mention { start: i, end, number_start, value, value_max, approx, unit })
}

/// Whether the mention is not a count by its surroundings: ordinals (第, 届), dates, list
/// markers, formulas, titles in 《》 and short quoted names.
pub fn excluded(cs: &[char], m: &Mention, masked: &[bool]) -> bool {
    let before = if m.start > 0 { Some(cs[m.start - 1]) } else { None };
    if matches!(before, Some('第') | Some('届') | Some('.') | Some('．')) {
        return true;
    }
    // digits destroyed by a bad encoding (???5期): what is left is not the number written
    if matches!(before, Some('?') | Some('\u{FFFD}')) {
        return true;
    }
    if ordinal_session(cs, m) {
        return true;
    }
    if before.is_some_and(|c| c.is_ascii_alphanumeric() || is_digit(c)) {
        return true; // part of a code or model name: G20, A3
    }
    masked[m.number_start..m.end.min(masked.len())].iter().any(|&b| b)
}

/// Session meetings named after their number: 九届三次会议, 市十七届人大四次会议, 七届七次、八次全会,
/// 三次会议以来 (the Nth session, since it met); and 二次 used as "second" (进行了二次办理).
fn ordinal_session(cs: &[char], m: &Mention) -> bool {
    if m.unit != "次" || m.value > 30.0 || m.start != m.number_start {
        return false;
    }
    let written = string_of(&cs[m.number_start..m.end - 1]);
    if written == "二" {
        return true; // a count of two is 两次; 二次 is an ordinal or "secondary"
    }
    let after = string_of(&cs[m.end..cs.len().min(m.end + 8)]);
    let Some(rest) =
        ["全体会议", "全会", "会议", "党代会", "代表大会", "大会"].iter().find_map(|w| after.strip_prefix(w))
    else {
        return false;
    };
    // the session of a numbered term: 届 a few chars before (十七届人大四次, 九届三次、四次)
    let window = &cs[m.start.saturating_sub(8)..m.start];
    if window.contains(&'届') && !window.iter().any(|c| crate::clean::in_set("，。；：", *c)) {
        return true;
    }
    let before = m.start.checked_sub(1).map(|i| cs[i]);
    if before.is_some_and(|c| c == '、' || is_cn_numeral(c)) && !written.chars().any(is_digit) {
        return true;
    }
    // one session named by what follows it: 三次会议以来, 四次全会精神, 四次会议期间; ordinals
    // are written in Chinese numerals, so Arabic digits need the plainer signs
    let signs: &[&str] = if written.chars().any(is_digit) {
        &["以来", "期间", "精神", "开幕", "闭幕"]
    } else {
        &["以来", "期间", "精神", "开幕", "闭幕", "上", "召开", "审议", "通过", "的"]
    };
    signs.iter().any(|w| rest.starts_with(w))
}

/// Chars covered by a formula phrase, a title in 《》 or a short quoted name.
pub fn mask(cs: &[char]) -> Vec<bool> {
    let t = tables();
    let mut masked = vec![false; cs.len()];
    for i in 0..cs.len() {
        if let Some(l) = t.formula_at(cs, i) {
            masked[i..i + l].iter_mut().for_each(|b| *b = true);
        }
    }
    for (open, close, max) in [('《', '》', 80), ('“', '”', 10), ('"', '"', 10), ('「', '」', 10), ('‘', '’', 10)]
    {
        let mut i = 0;
        while i < cs.len() {
            if cs[i] == open {
                if let Some(k) = cs[i + 1..].iter().take(max + 1).position(|&c| c == close) {
                    let inner = &cs[i + 1..i + 1 + k];
                    // a quoted name holds a numeral; a quoted sentence is longer than `max`
                    if inner.iter().any(|&c| is_digit(c) || is_cn_numeral(c)) {
                        masked[i..=i + 1 + k].iter_mut().for_each(|b| *b = true);
                    }
                    i += k + 2;
                    continue;
                }
            }
            i += 1;
        }
    }
    masked
}

/// All mentions in a paragraph, in order. An ordinal chain (第二、五、六组; 七届七次、八次全会)
/// excludes every member, not only the first.
pub fn scan(cs: &[char]) -> Vec<Mention> {
    // (computed at the first number read: most paragraphs have none)
    let mut masked: Option<Vec<bool>> = None;
    let mut out = Vec::new();
    let mut i = 0;
    let mut chain_end: Option<usize> = None; // end of the last excluded ordinal
    while i < cs.len() {
        let c = cs[i];
        // (a match: this runs on every char of the text)
        let candidate = is_digit(c)
            || is_cn_numeral(c)
            || matches!(c, '近' | '约' | '超' | '逾' | '上' | '数' | '几' | '不' | '最' | '将' | '大');
        // do not start inside a number (the 3 of 23, the 十 of 二十)
        let inside = i > 0 && (is_digit(cs[i - 1]) && is_digit(c) || is_cn_numeral(cs[i - 1]) && is_cn_numeral(c));
        if !candidate || inside {
            i += 1;
            continue;
        }
        // skip the ordinal chain "第二、五、六组"
        if let Some(e) = chain_end {
            if i == e + 1 && cs[e] == '、' {
                let n = number(cs, i, false);
                if let Some(n) = n {
                    chain_end = Some(n.end);
                    i = n.end;
                    continue;
                }
            }
        }
        match mention_at(cs, i) {
            Some(m) if excluded(cs, &m, masked.get_or_insert_with(|| mask(cs))) => {
                chain_end = Some(m.end);
                i = m.end;
            }
            Some(m) => {
                i = m.end;
                out.push(m);
            }
            None => {
                // an ordinal without unit (第二、) still starts a chain
                if i > 0 && matches!(cs[i - 1], '第' | '届') {
                    if let Some(n) = number(cs, i, false) {
                        chain_end = Some(n.end);
                        i = n.end;
                        continue;
                    }
                }
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<(String, f64, Option<f64>, Approx, String)> {
        let cs: Vec<char> = s.chars().collect();
        scan(&cs)
            .into_iter()
            .map(|m| (cs[m.start..m.end].iter().collect(), m.value, m.value_max, m.approx, m.unit))
            .collect()
    }

    fn texts(s: &str) -> Vec<String> {
        found(s).into_iter().map(|f| f.0).collect()
    }

    #[test]
    fn counts_markers_units() {
        use Approx as A;
        assert_eq!(found("集中学习30余次"), vec![("30余次".into(), 30.0, None, A::MoreThan, "次".into())]);
        assert_eq!(found("收入达110余万元"), vec![("110余万元".into(), 1_100_000.0, None, A::MoreThan, "元".into())]);
        assert_eq!(found("形成近万字的报告"), vec![("近万字".into(), 10000.0, None, A::Nearly, "字".into())]);
        assert_eq!(found("两千余人次参加"), vec![("两千余人次".into(), 2000.0, None, A::MoreThan, "人次".into())]);
        assert_eq!(found("历时3至5天"), vec![("3至5天".into(), 3.0, Some(5.0), A::None, "天".into())]);
        assert_eq!(found("办复率达１００％"), vec![("１００％".into(), 100.0, None, A::None, "%".into())]);
        assert_eq!(found("占百分之八十"), vec![("百分之八十".into(), 80.0, None, A::None, "%".into())]);
        assert_eq!(found("上百家企业"), vec![("上百家".into(), 100.0, None, A::MoreThan, "家".into())]);
        assert_eq!(found("资金1.2亿元"), vec![("1.2亿元".into(), 1.2e8, None, A::None, "元".into())]);
        assert_eq!(texts("提出3个大类11个小类23条具体建议"), vec!["3个", "11个", "23条"]);
        assert_eq!(texts("领导批示16篇次"), vec!["16篇次"]);
        assert_eq!(texts("约500人"), vec!["约500人"]);
        assert_eq!(found("开展活动百余场"), vec![("百余场".into(), 100.0, None, A::MoreThan, "场".into())]);
        assert_eq!(found("千余人参加"), vec![("千余人".into(), 1000.0, None, A::MoreThan, "人".into())]);
        assert_eq!(found("提出十几个问题"), vec![("十几个".into(), 10.0, None, A::MoreThan, "个".into())]);
        assert_eq!(found("一百多位委员"), vec![("一百多位".into(), 100.0, None, A::MoreThan, "位".into())]);
        assert_eq!(found("达1万余人次"), vec![("1万余人次".into(), 10000.0, None, A::MoreThan, "人次".into())]);
        assert_eq!(texts("百姓、百花齐放、千家万户、万众一心"), Vec::<String>::new());
    }

    #[test]
    fn exclusions() {
        for s in [
            "2023年12月14日召开",
            "政协第九届委员会第三次会议",
            "九届二次会议",
            "市委七届七次、八次、九次全会精神",
            "增强“四个意识”、坚定“四个自信”、做到“两个维护”",
            "落实三重一大制度",
            "一、工作回顾（二）加强学习",
            "一些问题，一道难题，一体化发展，同一目标，第一议题",
            "一次次协商、一件件提案",
            "“1+4+6+N”工作机制",
            "第二、五、六组",
            "千方百计、千家万户",
            "十四五规划，党的二十大",
            "60岁以上",
            "《关于促进发展的十条意见》",
            "向大会报告三次会议以来提案工作情况",
            "委员们列席市十七届人大四次会议",
            "自县政协九届三次会议以来",
            "对答复不满意的进行了二次办理",
            "学习贯彻市委四次全会精神",
            "全年报送社情民意???5期",
            "全年报送社情民意\u{FFFD}5期",
        ] {
            assert!(texts(s).is_empty(), "{s}: {:?}", texts(s));
        }
        // counted sessions stay counted
        assert_eq!(texts("全年召开三次会议，常委会会议4次"), vec!["三次", "4次"]);
    }

    #[test]
    fn units_as_written() {
        use Approx as A;
        assert_eq!(found("提出意见建议48项(条)"), vec![("48项(条)".into(), 48.0, None, A::None, "项(条)".into())]);
        assert_eq!(
            found("开展心理辅导10场（次）"),
            vec![("10场（次）".into(), 10.0, None, A::None, "场（次）".into())]
        );
        assert_eq!(found("书写春联3000余副"), vec![("3000余副".into(), 3000.0, None, A::MoreThan, "副".into())]);
        assert_eq!(found("占线索的一成以上"), vec![("一成".into(), 10.0, None, A::MoreThan, "成".into())]);
        assert!(texts("增选2副主席，一成不变，3成员").is_empty(), "{:?}", texts("增选2副主席，一成不变，3成员"));
    }
}
