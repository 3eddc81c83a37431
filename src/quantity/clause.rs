//! Where each count's words lie in its paragraph: its clause, the words before it that are its
//! own, the words after it, the clause before and the context shown. Found in one pass over
//! the paragraph's counts, every range bounded: a clause of ten thousand counts costs ten
//! thousand small steps, not ten thousand scans of the clause.

use super::scan::Mention;
use super::subject::{noun_after, MAX_AFTER};

pub const CLAUSE_END: &[char] = &['，', '。', '；', '：', '！', '？', ',', ';', '!', '?', ':'];
const SENTENCE_END: &[char] = &['。', '！', '？', '!', '?'];
/// Chars of a clause read on either side of a count.
const WINDOW: usize = 48;
const MAX_CONTEXT: usize = 40;
/// Chars of the sentence read before a count's clause.
const EARLIER: usize = 80;

/// Char ranges `[start, end)` in the paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Frame {
    /// The count's own words before the number: its item in a list (after 、), the words since
    /// the count before it, or the verb a run of counts shares (提出3个大类11个小类).
    pub before: (usize, usize),
    /// The words after the unit, up to the next count or the clause's end.
    pub rest: (usize, usize),
    /// The words after the last count of the 、 list this count ends an item of: 委员30人次、
    /// 群众80人次参与协商 both took part. Equal to `rest` when no list follows.
    pub tail: (usize, usize),
    /// The words before the first count of the list or run this count belongs to.
    pub list_head: (usize, usize),
    /// The clause before, when the same sentence goes on (empty otherwise).
    pub prev_clause: (usize, usize),
    /// The sentence before this clause (at most 80 chars).
    pub earlier: (usize, usize),
    /// About 40 chars of the clause around the count.
    pub context: (usize, usize),
    /// A sentence ended since the count before.
    pub new_sentence: bool,
}

/// Where clauses end: at punctuation, but not inside a title in 《》 (《推动民宿提质，打造示范带》
/// is one name) nor at the question marks a bad encoding leaves in place of characters (???5期).
fn clause_ends(cs: &[char]) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut title_end = 0; // one past the 》 of the title being read
    for (i, &c) in cs.iter().enumerate() {
        if c == '《' && i >= title_end {
            if let Some(k) = cs[i + 1..].iter().take(80).position(|&x| x == '》' || x == '《') {
                if cs[i + 1 + k] == '》' {
                    title_end = i + 2 + k;
                }
            }
        }
        if i < title_end || !CLAUSE_END.contains(&c) {
            continue;
        }
        let garbled = c == '?'
            && [i.checked_sub(1), Some(i + 1)]
                .into_iter()
                .flatten()
                .any(|j| cs.get(j).is_some_and(|&x| x == '?' || x == '\u{FFFD}' || x.is_ascii_digit()));
        if !garbled {
            ends.push(i);
        }
    }
    ends
}

pub fn frames(cs: &[char], mentions: &[Mention]) -> Vec<Frame> {
    let ends = clause_ends(cs);
    let mut out: Vec<Frame> = Vec::with_capacity(mentions.len());
    // the first count of the current run sharing one verb
    let mut run_first = 0;
    for (k, m) in mentions.iter().enumerate() {
        let ci = ends.partition_point(|&p| p < m.start);
        let cstart = ci.checked_sub(1).map_or(0, |i| ends[i] + 1);
        let cend = ends.get(ends.partition_point(|&p| p < m.end)).copied().unwrap_or(cs.len());
        let prev = k.checked_sub(1).map(|p| &mentions[p]);
        let prev_clause = match ci.checked_sub(1).map(|i| ends[i]) {
            Some(pend) if !SENTENCE_END.contains(&cs[pend]) => {
                let pstart = ci.checked_sub(2).map_or(0, |i| ends[i] + 1);
                (pstart.max(pend.saturating_sub(WINDOW)), pend)
            }
            _ => (cstart, cstart),
        };
        // back to the sentence's start, over clause ends that are not sentence ends
        let mut si = ci;
        while si > 0 && !SENTENCE_END.contains(&cs[ends[si - 1]]) && cstart - ends[si - 1] < EARLIER {
            si -= 1;
        }
        let sstart = si.checked_sub(1).map_or(0, |i| ends[i] + 1);
        let earlier = (sstart.max(cstart.saturating_sub(EARLIER)), cstart.saturating_sub(1).max(sstart));
        let next_start = mentions.get(k + 1).filter(|n| n.start < cend).map_or(cend, |n| n.start);
        let rest = (m.end, next_start.min(m.end + MAX_AFTER));
        let new_sentence = prev.is_some_and(|p| cs[p.end..m.start].iter().any(|c| SENTENCE_END.contains(c)));
        let own = (window_start(cs, cstart, m.start), m.start);
        let before = match prev.filter(|p| p.start >= cstart) {
            None => {
                run_first = k;
                own
            }
            Some(p) => {
                let gap = &cs[p.end..m.start];
                let has_noun = !noun_after(&cs[rest.0..rest.1]).is_empty();
                let item = gap.iter().rposition(|&c| c == '、').map(|i| p.end + i + 1);
                // the count before names its own noun and that is all between: one verb for both
                let prev_noun = noun_after(&cs[out[k - 1].rest.0..out[k - 1].rest.1]);
                let gap_is_prev_noun = gap.len() <= MAX_AFTER
                    && prev_noun.chars().count() == gap.iter().filter(|c| !"的 ".contains(**c)).count();
                match item {
                    Some(i) if i < m.start => {
                        run_first = k;
                        (window_start(cs, i, m.start), m.start)
                    }
                    // 新建8个工作室、6个工作站: nothing of its own before, the verb is shared
                    Some(_) => out[run_first].before,
                    None if has_noun && gap_is_prev_noun => out[run_first].before,
                    // 培训5批次150余人次: two counts of one thing
                    None if gap.iter().all(|c| c.is_whitespace()) => out[run_first].before,
                    None => {
                        run_first = k;
                        (window_start(cs, p.end, m.start), m.start)
                    }
                }
            }
        };
        let tail = rest;
        // a count after 、 starts an item but not a list: its list began with the count before
        let list_head = match prev.filter(|p| p.start >= cstart && cs[p.end..m.start].contains(&'、')) {
            Some(_) => out[k - 1].list_head,
            None => before,
        };
        out.push(Frame {
            before,
            rest,
            tail,
            list_head,
            prev_clause,
            earlier,
            context: context(cstart, cend, m),
            new_sentence,
        });
    }
    // from the end: an item followed by 、 and the next count shares that count's tail
    for k in (0..mentions.len().saturating_sub(1)).rev() {
        let (m, next) = (&mentions[k], &mentions[k + 1]);
        let listed = cs.get(m.end) == Some(&'、') && out[k].rest.1 == next.start;
        if listed && next.start - m.end <= MAX_AFTER {
            out[k].tail = out[k + 1].tail;
        }
    }
    out
}

/// Where a count's words before it start: at `from`, or when that is more than WINDOW chars
/// away, after the first list mark in the window (not in the middle of a listed name).
fn window_start(cs: &[char], from: usize, at: usize) -> usize {
    let w = at.saturating_sub(WINDOW);
    if from >= w {
        return from;
    }
    cs[w..at].iter().position(|&c| c == '、' || c == ' ').map_or(w, |i| w + i + 1)
}

/// The clause around the count, cut to about 40 chars centred on it.
fn context(cstart: usize, cend: usize, m: &Mention) -> (usize, usize) {
    let mut s = cstart.max(m.start.saturating_sub(MAX_CONTEXT));
    let mut e = cend.min(m.end + MAX_CONTEXT);
    while e - s > MAX_CONTEXT {
        if m.start - s > e - m.end {
            s += 1;
        } else if e > m.end {
            e -= 1;
        } else {
            break;
        }
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    use super::super::scan::scan;
    use super::*;

    fn befores(s: &str) -> Vec<String> {
        let cs: Vec<char> = s.chars().collect();
        let ms = scan(&cs);
        frames(&cs, &ms).iter().map(|f| cs[f.before.0..f.before.1].iter().collect()).collect()
    }

    #[test]
    fn each_count_gets_its_own_words() {
        assert_eq!(befores("提出3个大类11个小类23条具体建议"), vec!["提出", "提出", "提出"]);
        assert_eq!(befores("召开党组会议11次、中心组学习8次"), vec!["召开党组会议", "中心组学习"]);
        assert_eq!(befores("新建8个界别委员工作室、6个委员个人工作室"), vec!["新建", "新建"]);
        assert_eq!(
            befores("推进基层协商，15家委员联络站开展“三事共商”协商活动80余次"),
            vec!["", "委员联络站开展“三事共商”协商活动"]
        );
        assert_eq!(befores("开展调研5次形成报告3篇"), vec!["开展调研", "形成报告"]);
        assert_eq!(befores("参加培训5批次150余人次"), vec!["参加培训", "参加培训"]);
    }

    #[test]
    fn a_list_shares_what_follows_its_last_item() {
        let s = "委员30余人次、群众代表80余人次参与协商，召开会议3次、座谈会2次";
        let cs: Vec<char> = s.chars().collect();
        let f = frames(&cs, &scan(&cs));
        let text = |r: (usize, usize)| cs[r.0..r.1].iter().collect::<String>();
        let tails: Vec<String> = f.iter().map(|f| text(f.tail)).collect();
        assert_eq!(tails, vec!["参与协商", "参与协商", "", ""]);
    }

    #[test]
    fn clauses_do_not_end_inside_titles_or_garbled_marks() {
        let cs: Vec<char> = "形成《推动提质，打造示范带》2篇，报送???5期".chars().collect();
        let ends = clause_ends(&cs);
        assert_eq!(ends.iter().map(|&i| cs[i]).collect::<String>(), "，");
    }

    #[test]
    fn the_clause_before_in_the_same_sentence() {
        let s = "举办3期培训班，2350人次参加。召开会议5次";
        let cs: Vec<char> = s.chars().collect();
        let f = frames(&cs, &scan(&cs));
        let text = |r: (usize, usize)| cs[r.0..r.1].iter().collect::<String>();
        assert_eq!(text(f[1].prev_clause), "举办3期培训班");
        assert_eq!(text(f[1].earlier), "举办3期培训班");
        assert_eq!(text(f[2].prev_clause), "");
        assert_eq!(text(f[2].earlier), "");
        assert!(f[2].new_sentence && !f[1].new_sentence);
        let s = "全年报送信息90条，其中被采用31条，获批示15件次";
        let cs: Vec<char> = s.chars().collect();
        let f = frames(&cs, &scan(&cs));
        let text = |r: (usize, usize)| cs[r.0..r.1].iter().collect::<String>();
        assert_eq!(text(f[2].prev_clause), "其中被采用31条");
        assert_eq!(text(f[2].earlier), "全年报送信息90条，其中被采用31条");
        assert!(!f[2].new_sentence);
    }
}
