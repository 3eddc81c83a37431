//! The committee a report is about (name, place, level, term) and the meeting it was read at,
//! in the forms reports write them:
//! - `政协某市第八届委员会`, `中国人民政治协商会议某市第八届委员会`, `政协第十四届全国委员会`;
//! - `政协某省十三届三次会议`, `某区政协五届四次会议` (term as written: 十三届, 五届);
//! - `某市政协` (no term).
//!
//! Placeholders (`XX县`, `第X届`) give no place and no term. Every look-back is bounded, so a
//! scan is linear in the text.

pub use crate::analysis::{Committee, Level};
use crate::clean::is_han;
use crate::lexicon::HEAD;

const CPPCC: &str = "中国人民政治协商会议";
const SHORT: &str = "政协";
/// How far back a committee's name may start before 届 or 次会议 (chars).
const LOOK_BACK_CHARS: usize = 40;
/// A place is at most this many chars.
const MAX_PLACE_CHARS: usize = 12;

/// The end of `s[..i]`, at most `chars` chars long.
fn window_before(s: &str, i: usize, chars: usize) -> &str {
    let mut lo = i.saturating_sub(chars * 4);
    while !s.is_char_boundary(lo) {
        lo += 1;
    }
    &s[lo..i]
}

fn cn_ordinal(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| crate::clean::in_set("一二三四五六七八九十百零〇0123456789", c))
}

/// X, XX, ×× standing for a name or a number the writer left out.
fn placeholder(s: &str) -> bool {
    s.chars().any(|c| matches!(c, 'X' | 'x' | '×' | 'Ｘ' | 'ｘ'))
}

pub fn level_of(place: &str) -> Level {
    const MUNICIPALITIES: &[&str] = &["北京市", "天津市", "上海市", "重庆市"];
    if place == "全国" {
        Level::National
    } else if place.ends_with('省') || place.ends_with("自治区") || MUNICIPALITIES.contains(&place) {
        Level::Province
    } else if place.ends_with('县') || place.ends_with('旗') {
        Level::County
    } else if place.ends_with('区') && !place.ends_with("地区") {
        Level::District
    } else {
        Level::City
    }
}

const SUFFIXES: &[&str] = &["自治区", "自治州", "自治县", "省", "市", "县", "区", "州", "盟", "旗"];
/// Units a smaller one may follow in a place written with its hierarchy (某市某区).
const OUTER: &[char] = &['省', '市', '州', '盟'];

/// The place in a run of Han chars before 政协: words that lead into it left out (写在白水区 →
/// 白水区), and the innermost unit of a hierarchy (某市某区 → 某区).
fn place_of(run: &str) -> &str {
    let mut p = run;
    for lead in crate::word_list!(HEAD, "place_leads") {
        if let Some(k) = p.rfind(lead) {
            let rest = &p[k + lead.len()..];
            // a one-char lead is left out only when a whole place remains (在白水区, not 和平区)
            if lead.chars().count() > 1 || rest.chars().count() >= 3 {
                p = rest;
            }
        }
    }
    loop {
        let cs: Vec<(usize, char)> = p.char_indices().collect();
        let inner = cs.iter().enumerate().find(|&(k, &(_, c))| OUTER.contains(&c) && k >= 1 && cs.len() - k > 2);
        match inner {
            Some((k, _)) => p = &p[cs[k + 1].0..],
            None => return p,
        }
    }
}

fn committee_named(place: &str, term: Option<&str>, name: String) -> Committee {
    let level = level_of(place);
    let place = if placeholder(place) { "" } else { place };
    Committee { name, place: place.to_string(), level, term: term.filter(|t| !placeholder(t)).map(str::to_string) }
}

/// 政协某市第八届委员会, 中国人民政治协商会议某市第八届委员会, 政协第十四届全国委员会.
fn full_form(s: &str) -> Option<Committee> {
    for (i, _) in s.match_indices('届') {
        let after = &s[i + "届".len()..];
        let national = after.starts_with("全国委员会");
        if !national && !after.starts_with("委员会") {
            continue;
        }
        let before = window_before(s, i, LOOK_BACK_CHARS);
        let Some(di) = before.rfind('第') else { continue };
        let ord = &before[di + '第'.len_utf8()..];
        if !(cn_ordinal(ord) || placeholder(ord) && ord.chars().count() <= 2) {
            continue;
        }
        let head = &before[..di];
        let Some((pi, plen)) =
            [head.rfind(CPPCC).map(|k| (k, CPPCC.len())), head.rfind(SHORT).map(|k| (k, SHORT.len()))]
                .into_iter()
                .flatten()
                .max_by_key(|&(k, l)| k + l)
        else {
            continue;
        };
        let place = &head[pi + plen..];
        let plain_place = place.chars().all(|c| is_han(c) || placeholder(&c.to_string()));
        if place.chars().count() > MAX_PLACE_CHARS || !plain_place || (national && !place.is_empty()) {
            continue;
        }
        let place = if place.is_empty() { "全国" } else { place };
        let term = format!("第{ord}届");
        let name = if national {
            format!("政协第{ord}届全国委员会")
        } else {
            format!("政协{place}第{ord}届委员会")
        };
        return Some(committee_named(place, Some(&term), name));
    }
    None
}

/// The trailing chars of `s` that satisfy `f`, as a suffix slice.
fn trailing(s: &str, f: impl Fn(char) -> bool) -> &str {
    let k = s.char_indices().rev().take_while(|&(_, c)| f(c)).last().map_or(s.len(), |(k, _)| k);
    &s[k..]
}

/// 政协某省十三届三次会议, 某区政协五届四次会议: the committee and the meeting's name.
fn session_form(s: &str) -> Option<(Committee, String)> {
    for (i, _) in s.match_indices("次会议") {
        let before = window_before(s, i, LOOK_BACK_CHARS);
        let session = trailing(before, |c| cn_ordinal(&c.to_string()));
        let rest = &before[..before.len() - session.len()];
        let Some(rest) = rest.strip_suffix('届') else { continue };
        let term = trailing(rest, |c| cn_ordinal(&c.to_string()) || placeholder(&c.to_string()));
        if session.is_empty() || term.is_empty() {
            continue;
        }
        let rest = &rest[..rest.len() - term.len()];
        let rest = rest.strip_suffix('第').unwrap_or(rest);
        let written_term = &before[rest.len()..before.len() - session.len()];
        let (place, start) = if let Some(r) = rest.strip_suffix(SHORT) {
            // 某区政协五届四次会议
            let run = trailing(r, is_han);
            let from = run.char_indices().rev().nth(MAX_PLACE_CHARS - 1).map_or(0, |(k, _)| k);
            let p = place_of(&run[from..]);
            (p, r.len() - p.len())
        } else {
            // 政协某省十三届三次会议
            let Some(k) = rest.rfind(SHORT) else { continue };
            let p = &rest[k + SHORT.len()..];
            if p.chars().count() > MAX_PLACE_CHARS || !p.chars().all(|c| is_han(c) || placeholder(&c.to_string())) {
                continue;
            }
            (p, k)
        };
        if place.chars().count() < 2 {
            continue;
        }
        let meeting = format!("{}次会议", &before[start..]);
        let name = format!("{place}政协");
        return Some((committee_named(place, Some(written_term), name), meeting));
    }
    None
}

/// 辽源市政协 without a term.
fn place_form(s: &str) -> Option<Committee> {
    for (i, _) in s.match_indices(SHORT) {
        let window = window_before(s, i, MAX_PLACE_CHARS);
        let run = trailing(window, is_han);
        // XX届县政协: the place was left out; only its unit is known
        if window[..window.len() - run.len()].chars().last().is_some_and(|c| placeholder(&c.to_string())) {
            if let Some(unit) = SUFFIXES.iter().find(|x| run.ends_with(*x)) {
                return Some(committee_named(&format!("XX{unit}"), None, format!("XX{unit}政协")));
            }
        }
        let p = place_of(run);
        let p = p.trim_start_matches("中共");
        if p.chars().count() >= 2 && p.chars().count() <= 8 && SUFFIXES.iter().any(|x| p.ends_with(x)) {
            return Some(committee_named(p, None, format!("{p}政协")));
        }
    }
    None
}

/// The committee named in the head (title, subtitle, first paragraphs) or else in the whole
/// text: a full name first, then a session's name, then a place's 政协.
pub fn committee(head: &str, whole: &str) -> Option<Committee> {
    full_form(head)
        .or_else(|| session_form(head).map(|(c, _)| c))
        .or_else(|| full_form(whole))
        .or_else(|| session_form(whole).map(|(c, _)| c))
        .or_else(|| place_form(head))
        .or_else(|| place_form(whole))
}

/// 政协吉林市第十四届委员会第三次会议, or a session's short name (政协某省十三届三次会议).
pub fn meeting(s: &str) -> Option<String> {
    for (i, m) in s.match_indices("次会议") {
        let before = window_before(s, i, LOOK_BACK_CHARS * 2);
        let Some(di) = before.rfind('第') else { continue };
        if !cn_ordinal(&before[di + '第'.len_utf8()..]) || !before[..di].ends_with("委员会") {
            continue;
        }
        // the nearest committee name: "政协" inside "中国人民政治协商会议…" does not occur, so
        // the later of the two starts the meeting's name
        let Some(start) = [before[..di].rfind(CPPCC), before[..di].rfind(SHORT)].into_iter().flatten().max() else {
            continue;
        };
        if before[start..].contains('\n') {
            continue;
        }
        let abs = i - before.len() + start;
        return Some(s[abs..i + m.len()].to_string());
    }
    session_form(s).map(|(_, m)| m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(c: Option<Committee>) -> Option<(String, String, &'static str, Option<String>)> {
        c.map(|c| (c.name, c.place, c.level.as_str(), c.term))
    }

    fn owned(
        name: &str,
        place: &str,
        level: &'static str,
        term: Option<&str>,
    ) -> Option<(String, String, &'static str, Option<String>)> {
        Some((name.into(), place.into(), level, term.map(Into::into)))
    }

    #[test]
    fn full_names() {
        assert_eq!(
            fields(committee("中国人民政治协商会议清河市第五届委员会常务委员会工作报告", "")),
            owned("政协清河市第五届委员会", "清河市", "市", Some("第五届"))
        );
        assert_eq!(
            fields(committee("政协第十四届全国委员会常务委员会关于提案工作情况的报告", "")),
            owned("政协第十四届全国委员会", "全国", "全国", Some("第十四届"))
        );
        assert_eq!(
            fields(committee("——在中国人民政治协商会议第十四届全国委员会第三次会议上", "")),
            owned("政协第十四届全国委员会", "全国", "全国", Some("第十四届"))
        );
    }

    #[test]
    fn session_names_give_the_term_as_written() {
        assert_eq!(
            fields(committee("——写在白水区政协五届四次会议召开之际", "")),
            owned("白水区政协", "白水区", "区", Some("五届"))
        );
        assert_eq!(
            fields(committee("——写在某市某区政协九届三次会议召开之际", "")),
            owned("某区政协", "某区", "区", Some("九届"))
        );
        assert_eq!(
            fields(committee("政协云岭省十三届三次会议开幕", "")),
            owned("云岭省政协", "云岭省", "省", Some("十三届"))
        );
        assert_eq!(meeting("政协云岭省十三届三次会议开幕").as_deref(), Some("政协云岭省十三届三次会议"));
        // the full name in the head wins over the short one
        let head = "政协云岭省十三届三次会议开幕\n政协云岭省第十三届委员会第三次会议在省城开幕。";
        assert_eq!(committee(head, "").unwrap().term.as_deref(), Some("第十三届"));
    }

    #[test]
    fn placeholders_give_no_place_and_no_term() {
        let c = committee("政协XX县第X届委员会提案委员会工作情况汇报", "").unwrap();
        assert_eq!((c.place.as_str(), c.level.as_str(), c.term), ("", "县", None));
        let c = committee("本届以来，XX届县政协共收到提案320件。", "").unwrap();
        assert_eq!((c.place.as_str(), c.level.as_str(), c.term), ("", "县", None));
    }

    #[test]
    fn rare_chars_in_a_long_run() {
        // astral Han chars take four bytes: the place's window counts chars
        let c = committee("𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉𠀊𠀋𠀌白水区政协五届四次会议", "").unwrap();
        assert_eq!(c.term.as_deref(), Some("五届"));
    }

    #[test]
    fn a_place_before_its_committee() {
        assert_eq!(fields(place_form("刚刚过去的一年，辽河市政协坚持")), owned("辽河市政协", "辽河市", "市", None));
        assert_eq!(fields(place_form("在和平区政协")), owned("和平区政协", "和平区", "区", None));
    }

    #[test]
    fn meetings() {
        assert_eq!(
            meeting("——在政协吉林市第十四届委员会第三次会议上").as_deref(),
            Some("政协吉林市第十四届委员会第三次会议")
        );
        assert_eq!(meeting("召开了第三次会议"), None);
    }
}
