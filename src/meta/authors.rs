//! Who wrote or delivered the article: reporters in bylines (`经济日报记者 林方 通讯员 陈立`,
//! `赵海峰 本报记者 陈晓东`), the speaker on a line of the head (`张  华`, `市政协主席  刘振邦`,
//! `**郭振声**`, glued to the salutation: `王立群各位委员、同志们:`), or, when the head names
//! nobody, the speaker the text names (`某省政协副主席王德明作了…工作报告`).

use super::head::{despaced, is_byline};
use super::plain;
use crate::lexicon::{is_name, HEAD};

/// The names in a byline line, in order: every word that reads as a name, labels aside.
pub fn byline_names(t: &str) -> Vec<String> {
    let labels = crate::word_list!(HEAD, "bylines");
    let mut out = Vec::new();
    for word in t.split(|c: char| c.is_whitespace() || matches!(c, '、' | '，' | ',' | '/' | '｜' | '|')) {
        // "本报记者林方": a label glued to the name
        let mut w = word.trim_matches(['（', '）', '(', ')', '：', ':']);
        if let Some(l) = labels.iter().filter(|l| w.starts_with(*l)).max_by_key(|l| l.len()) {
            w = w[l.len()..].trim_start_matches(['：', ':']);
        }
        if is_name(w) && !out.iter().any(|o| o == w) {
            out.push(w.to_string());
        }
    }
    out
}

/// The speaker on a head line: the line is the name (spaced or bold), a role then the name, or
/// the name glued to the salutation.
pub fn speaker(p: &str) -> Option<String> {
    let t = plain(p);
    // Every form reads the line's first chars: a name is at most 4 chars, and a salutation
    // glued to it starts within the first 5 (this runs on every paragraph, so a long one is
    // not copied whole)
    let salutations = crate::word_set!(HEAD, "salutations");
    let compact: String = t.chars().filter(|c| !c.is_whitespace()).take(5 + salutations.max_chars).collect();
    if compact.chars().nth(4).is_none() && is_name(&compact) {
        return Some(compact);
    }
    // a role, then the name, maybe spaced out: "市政协主席 张  华" (a line of at most 30 chars)
    if t.chars().nth(30).is_some() {
        return glued_to_salutation(&compact, salutations);
    }
    let mut words: Vec<&str> = t.split_whitespace().collect();
    let single = words.iter().rev().take_while(|w| w.chars().count() == 1).count();
    let spaced = (single >= 2).then(|| words.split_off(words.len() - single).concat());
    let name = spaced.or_else(|| words.pop().map(str::to_string));
    if let (Some(role), Some(name)) = (words.last(), name) {
        let roles = crate::word_list!(HEAD, "speaker_roles");
        if words.len() <= 2 && t.chars().count() <= 30 && is_name(&name) && roles.iter().any(|r| role.ends_with(r)) {
            return Some(name);
        }
    }
    glued_to_salutation(&compact, salutations)
}

/// 王立群各位委员、同志们: the name (at most 4 chars) before a salutation, from the line's
/// first chars.
fn glued_to_salutation(compact: &str, salutations: &crate::lexicon::Words) -> Option<String> {
    let cut = salutations.first_start(compact).filter(|&i| compact[..i].chars().nth(4).is_none())?;
    let name = despaced(&compact[..cut]);
    is_name(&name).then_some(name)
}

/// Reporters named in the dateline that opens a news story: "本报讯（记者 吴一 通讯员 郑二）…".
pub fn from_dateline(first: &str) -> Vec<String> {
    const DATELINE_CHARS: usize = 40;
    let lead: String = plain(first).chars().take(DATELINE_CHARS).collect();
    let Some(open) = lead.find(['（', '(']) else { return Vec::new() };
    let inner = &lead[open + lead[open..].chars().next().map_or(0, char::len_utf8)..];
    let inner = inner.split(['）', ')']).next().unwrap_or("");
    let labelled = crate::word_set!(HEAD, "bylines").in_text(inner);
    if labelled {
        byline_names(inner)
    } else {
        Vec::new()
    }
}

/// Authors from the head's lines, in order.
pub fn from_head(lines: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in lines {
        let found = if is_byline(p) { byline_names(&plain(p)) } else { speaker(p).into_iter().collect() };
        for name in found {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// The speaker the text names: "<role><name>作了…报告", "<name>代表…作…报告".
pub fn named_in_text(body: &str) -> Option<String> {
    const LOOK_AHEAD_CHARS: usize = 40;
    // "代表政协某某市委员会常务委员会" stands between the name and 作: about 20 chars
    const LOOK_BACK_BYTES: usize = 90;
    let roles = crate::word_list!(HEAD, "speaker_roles");
    for (i, _) in body.match_indices('作') {
        let after = crate::clean::first_chars(&body[i..], LOOK_AHEAD_CHARS);
        let after = after.split(['。', '；']).next().unwrap_or("");
        if !after.contains("报告") {
            continue;
        }
        // the name ends where 作 or 代表 starts; a role or a comma stands before it. The look
        // back is bounded: a scan stays linear in the text.
        let mut lo = i.saturating_sub(LOOK_BACK_BYTES);
        while !body.is_char_boundary(lo) {
            lo += 1;
        }
        let before = body[lo..i].trim_end_matches("代表");
        let before = before.rfind("代表").map_or(before, |k| &before[..k]);
        let back: Vec<char> = before.chars().rev().take(8).collect();
        for len in (2..=4).rev() {
            if back.len() < len {
                continue;
            }
            let name: String = back[..len].iter().rev().collect();
            let rest: String = back[len..].iter().rev().collect();
            let led = roles.iter().any(|r| rest.ends_with(r)) || rest.ends_with(['，', ',', '。']) || rest.is_empty();
            if led && is_name(&name) {
                return Some(name);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_bylines() {
        assert_eq!(byline_names("经济日报记者 林一方 通讯员 陈立 石磊"), vec!["林一方", "陈立", "石磊"]);
        assert_eq!(byline_names("钱海涛 本报记者 孙晓东"), vec!["钱海涛", "孙晓东"]);
        assert_eq!(byline_names("本报记者林方、周伟"), vec!["林方", "周伟"]);
        assert_eq!(byline_names("文/孙丽 图/钱明"), vec!["孙丽", "钱明"]);
        assert_eq!(byline_names("记者：孙丽"), vec!["孙丽"]);
    }

    #[test]
    fn speakers_on_head_lines() {
        let lines = ["（2025年1月8日）", "市政协主席  赵一鸣", "各位委员："];
        assert_eq!(from_head(&lines), vec!["赵一鸣"]);
        assert_eq!(from_head(&["张  华"]), vec!["张华"]);
        assert_eq!(from_head(&["政协东河市委员会主席  赵  华"]), vec!["赵华"]);
        assert_eq!(from_head(&["**郑振声**"]), vec!["郑振声"]);
        assert_eq!(from_head(&["孙立群各位委员、同志们:"]), vec!["孙立群"]);
        assert_eq!(from_head(&["各位委员："]), Vec::<String>::new());
    }

    #[test]
    fn reporters_in_a_dateline() {
        assert_eq!(from_dateline("本报讯（记者 吴一方 通讯员 郑二）1月16日上午，会议开幕。"), vec!["吴一方", "郑二"]);
        assert_eq!(from_dateline("1月16日上午（星期二），会议开幕。"), Vec::<String>::new());
    }

    #[test]
    fn the_speaker_the_text_names() {
        let body = "15日，某省政协十二届三次会议开幕。某省政协副主席周德明作了政协某省委员会常务委员会工作报告。";
        assert_eq!(named_in_text(body).as_deref(), Some("周德明"));
        let body = "会上，韩立新代表政协某市委员会常务委员会作工作报告。";
        assert_eq!(named_in_text(body).as_deref(), Some("韩立新"));
        assert_eq!(named_in_text("委员们认真作好调研报告。"), None);
    }
}
