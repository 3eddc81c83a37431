//! People: a name is a surname (`lexicon/surnames.txt`) and one or two more chars, and it is
//! taken only where the text tells it is a person: a role before it (委员王晓南, 市委书记胡斌),
//! a title after it (李明华市长), a word of saying after it (胡斌说), a list or byline it
//! shares with other names, a line of its own. jieba's `nr` tag is not trusted: it tags any
//! word it does not know that starts with a surname char (齐聚, 惠企, 普惠性).

use super::{pack, Chars, FxMap, Mention, Person};
use crate::fx::FxSet;
use crate::lexicon::{sections, ByChar, CharSet, End, Phrases};
use crate::segment::jieba;
use crate::view::SpanMap;
use std::borrow::Cow;
use std::sync::OnceLock;

mod reader;
use reader::Reader;

const ROLES: &str = include_str!("../../lexicon/roles.txt");
const SURNAMES: &str = include_str!("../../lexicon/surnames.txt");

/// Chars that end a name's run in a list or a line: punctuation and spaces.
const DELIMS: &str = "，。、；：！？“”‘’（）()《》 \n\t—·,.;:!?*#\u{3000}";
/// Chars no given name here contains: grammar, and the words of offices and divisions.
const NEVER_IN_NAME: &str = "的了们是这那个副总届次年月日市县区省委会局办部院党说对向从到把被将已也都就等与及或地得";
/// Chars a given name may end with only before another such char or a delimiter (钟广和和委员):
/// elsewhere they start the next word (杨光在, 李强为).
const SOFT_END: &str = "在和为同主参出带作讲率陪再又提强";
/// POS of a one-char token that is a function word rather than a surname (和/c, 向/p).
const FUNCTION_POS: &[&str] = &["c", "p", "u", "uj", "ul", "ud", "uz", "d", "f", "m", "q", "y"];
/// POS of a given name's token that makes it a word, not a name (和从业: 从业/v); adjectives
/// are given names often (何文静: 文静/a).
const WORD_POS: &[&str] = &["v", "vd", "vi", "d", "p", "c", "u", "uj", "r", "m", "q", "f"];

struct Tables {
    before: Phrases<()>,
    /// Titles after a name, by their first char (longest first within one).
    after: ByChar,
    cues: ByChar,
    bylines: Vec<&'static str>,
    surnames: FxSet<&'static str>,
    /// First chars of the roles before a name, and of the titles and cues after one.
    role_first: CharSet,
    after_first: CharSet,
    /// First chars of surnames, and of the compound ones.
    surname_first: CharSet,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let s = sections(ROLES);
        let list = |k: &str| -> Vec<&'static str> {
            let mut v: Vec<&str> = s.get(k).into_iter().flatten().flat_map(|l| l.split_whitespace()).collect();
            v.sort_by_key(|w| std::cmp::Reverse(w.len()));
            v
        };
        let surnames: FxSet<&str> = crate::lexicon::lines(SURNAMES).flat_map(str::split_whitespace).collect();
        let first = |v: &[&str]| -> CharSet { v.iter().filter_map(|w| w.chars().next()).collect() };
        let mut after_first = first(&list("after"));
        after_first.extend(list("cues").iter().filter_map(|w| w.chars().next()));
        after_first.insert('等');
        Tables {
            role_first: first(&list("before")),
            after_first,
            before: Phrases::new(list("before").into_iter().map(|r| (r, ()))),
            after: ByChar::new(&list("after"), End::First),
            cues: ByChar::new(&list("cues"), End::First),
            bylines: list("bylines"),
            surname_first: surnames.iter().filter_map(|s| s.chars().next()).collect(),
            surnames,
        }
    })
}

/// Where the full wording of a role starts: back over the nouns, places and bodies before it
/// (吉林市政协党组书记), never over a verb (赢得市委书记 → 市委书记).
fn role_start(cs: &Chars, role_s: usize, floor: usize) -> usize {
    let mut s = match cs.token(role_s) {
        Some(k) if cs.tokens[k].0 >= floor => cs.tokens[k].0,
        _ => role_s,
    };
    let mut steps = 0;
    while s > floor && steps < 6 {
        let Some(k) = cs.token(s - 1) else { break };
        let (a, _, pos) = cs.tokens[k];
        let w = cs.str(a, s);
        let nominal = matches!(pos, "n" | "nr" | "ns" | "nt" | "nz" | "nl" | "ng" | "j" | "b" | "l" | "vn" | "an")
            || w == "兼"
            || super::organizations::is_catalogued(w);
        if a < floor || !nominal || super::is_stop(w) || s - a > 8 {
            break;
        }
        s = a;
        steps += 1;
    }
    s
}

/// People and the role the text gives each, most mentioned first. `orgs`: the bodies found,
/// for 办公室的刘洋 (a body, 的, a name).
pub(crate) fn find<'a>(cs: &Chars<'a>, orgs: &[Mention], idx: &SpanMap) -> Vec<Person> {
    let t = tables();
    let mut r = Reader::new(cs);
    let mut found: Vec<Found<'a>> = Vec::new();
    let mut last_name_end = 0;
    let text = cs.text;
    // a role before the name, and the names listed after it
    for (rs, re, ()) in cs.phrases(&t.before) {
        if rs < last_name_end {
            continue;
        }
        let role_text = cs.str(role_start(cs, rs, last_name_end), re);
        let role = cs.str(rs, re);
        let mut j = re;
        let mut listed = false;
        // 委员王建军、张晓晓、姜浩: a list of names shares the role
        while let Some((s, e)) = r.name_at(j, listed) {
            found.push(Found::new(cs.str(s, e), Some(role_text)));
            last_name_end = e;
            j = e;
            if cs.chars.get(j) == Some(&'、') {
                j += 1;
                listed = true;
            } else {
                break;
            }
        }
        // 本报记者 李婷 张添奥: a byline separates names by spaces
        if t.bylines.contains(&role) {
            while cs.chars.get(j) == Some(&' ') || cs.chars.get(j) == Some(&'\u{3000}') {
                match r.name_at(j + 1, true) {
                    Some((s, e)) if r.delim(e) => {
                        found.push(Found::new(cs.str(s, e), Some(role)));
                        j = e;
                        last_name_end = e;
                    }
                    _ => break,
                }
            }
        }
    }
    // a title after the name (李明华市长, 习近平总书记) or a word of saying (胡斌说)
    for i in 1..cs.len() {
        if !t.after_first.contains(&cs.chars[i]) || !cs.boundary(i) || !r.han(i - 1) {
            continue;
        }
        let rest = &text[cs.byte(i)..];
        let title = t.after.candidates(rest).iter().find(|w| rest.starts_with(*w));
        let cue =
            title.is_none() && (t.cues.candidates(rest).iter().any(|w| rest.starts_with(w)) || counted_after(rest));
        if title.is_none() && !cue {
            continue;
        }
        if let Some((s, e)) = r.name_before(i) {
            found.push(Found::new(cs.str(s, e), title.copied()));
        }
    }
    // a body, 的, a name: 提案委办公室的刘洋
    for o in orgs {
        if cs.chars.get(o.e) == Some(&'的') {
            if let Some((s, e)) = r.name_at(o.e + 1, false) {
                if cs.boundary(e) {
                    found.push(Found::new(cs.str(s, e), Some(cs.str(o.s, o.e))));
                }
            }
        }
    }
    lines(&mut r, &mut found);
    tally(cs, found, idx)
}

/// Whether `w` is a role that stands before a name (代表, 委员).
pub(crate) fn is_role(w: &str) -> bool {
    tables().before.find_all(w).first().is_some_and(|m| m.0 == 0 && m.1 == w.len())
}

/// Whether a role (委员, 主任) starts at char `i`.
pub(crate) fn role_follows(cs: &Chars, i: usize) -> bool {
    let rest = &cs.text[cs.byte(i)..];
    let t = tables();
    rest.chars().next().is_some_and(|c| t.role_first.contains(&c))
        && t.before
            .find_all(&rest[..rest.char_indices().nth(6).map_or(rest.len(), |x| x.0)])
            .first()
            .is_some_and(|m| m.0 == 0)
}

/// `等8位`, `等三名`: a count of people follows the name.
fn counted_after(rest: &str) -> bool {
    let Some(r) = rest.strip_prefix('等') else { return false };
    let n = r.chars().take_while(|c| c.is_ascii_digit() || crate::clean::in_set("一二三四五六七八九十两", *c)).count();
    n > 0 && r.chars().nth(n).is_some_and(|c| crate::clean::in_set("位名人", c))
}

/// Names the layout tells: a speaker's or author's name on a line of its own (`张  华` spaced
/// out too), the names on a byline (`赵海峰 本报记者 陈晓东`), a photo credit (`郑晓岚 摄`), a
/// role and a name at the end of a line (`…幼儿园园长 韩秀梅`).
fn lines<'a>(r: &mut Reader<'_, 'a>, found: &mut Vec<Found<'a>>) {
    let cs = r.cs;
    let t = r.t;
    let mut s = 0;
    while s < cs.len() {
        let e = (s..cs.len()).find(|&i| cs.chars[i] == '\n').unwrap_or(cs.len());
        // the line's fields: runs of chars between spaces (and markdown's * and #)
        let gap = |c: char| c.is_whitespace() || c == '*' || c == '#';
        let mut fields: Vec<(usize, usize)> = Vec::new();
        let mut i = s;
        while i < e {
            if gap(cs.chars[i]) {
                i += 1;
                continue;
            }
            let j = (i..e).find(|&k| gap(cs.chars[k])).unwrap_or(e);
            fields.push((i, j));
            i = j;
        }
        s = e + 1;
        let mut take = |(a, b): (usize, usize), role: Option<&'a str>, r: &mut Reader| {
            if let Some((ns, ne)) = r.name_at(a, true) {
                if ne == b {
                    found.push(Found::new(cs.str(ns, ne), role));
                }
            }
        };
        let byline = |(a, b): (usize, usize)| t.bylines.iter().any(|w| cs.str(a, b).ends_with(w));
        match fields.as_slice() {
            [] => {}
            &[f] if (2..=4).contains(&(f.1 - f.0)) => take(f, None, r),
            // 张  华: a two-char name spaced out to the width of a longer one
            &[(a, b), (c, d)] if b - a == 1 && d - c == 1 && c - b <= 4 => {
                let name: String = [cs.chars[a], cs.chars[c]].iter().collect();
                if r.surname(a) == Some(1) && r.han(c) && !jieba().has_word(&name) && !super::is_stop(&name) {
                    found.push(Found { name: Cow::Owned(name), role: None, at: Some((a, d)) });
                }
            }
            fs if fs.iter().any(|&f| byline(f)) => {
                let mut role = None;
                for &f in fs {
                    if byline(f) {
                        role = Some(cs.str(f.0, f.1));
                    } else if (2..=4).contains(&(f.1 - f.0)) {
                        take(f, role, r);
                    }
                }
            }
            &[.., name, (a, b)] if cs.str(a, b) == "摄" => take(name, None, r),
            &[.., (ha, hb), last] if (2..=4).contains(&(last.1 - last.0)) => {
                let head = cs.str(fields[0].0, hb);
                if t.before.find_all(cs.str(ha, hb)).last().is_some_and(|m| m.1 == cs.str(ha, hb).len()) {
                    take(last, Some(head), r);
                }
            }
            _ => {}
        }
    }
}

/// A person the text tells, with the role it gives, and where, if the name is written there
/// other than as itself (`张  华`).
struct Found<'a> {
    name: Cow<'a, str>,
    role: Option<&'a str>,
    at: Option<(usize, usize)>,
}

impl<'a> Found<'a> {
    fn new(name: &'a str, role: Option<&'a str>) -> Found<'a> {
        Found { name: Cow::Borrowed(name), role, at: None }
    }
}

/// Each name with its role (the first the text gives) and every place the text writes it; a
/// longer name wins where one contains another (张添奥, not 张添). Most mentioned first.
fn tally(cs: &Chars, found: Vec<Found>, idx: &SpanMap) -> Vec<Person> {
    let t = tables();
    // each name once, by its packed chars; the first role the text gives it
    let mut ids: FxMap<u128, usize> = FxMap::default();
    let mut people: Vec<Person> = Vec::new();
    let mut mentions: Vec<(usize, usize, usize)> = Vec::new();
    let mut prefixes: FxSet<u128> = FxSet::default();
    for f in &found {
        let chars: Vec<char> = f.name.chars().collect();
        let id = *ids.entry(pack(&chars)).or_insert_with(|| {
            people.push(Person { name: f.name.to_string(), role: None, count: 0, spans: Vec::new() });
            people.len() - 1
        });
        if people[id].role.is_none() {
            people[id].role = f.role.map(str::to_string);
        }
        prefixes.insert(pack(&chars[..2]));
        if let Some((s, e)) = f.at {
            mentions.push((s, e, id));
        }
    }
    // every place the text writes a name: at each surname char, the longest name there
    let mut i = 0;
    while i + 1 < cs.len() {
        if !t.surname_first.contains(&cs.chars[i]) || !prefixes.contains(&pack(&cs.chars[i..i + 2])) {
            i += 1;
            continue;
        }
        let hit = (2..=4.min(cs.len() - i)).rev().find_map(|l| ids.get(&pack(&cs.chars[i..i + l])).map(|&id| (l, id)));
        let Some((l, id)) = hit else {
            i += 1;
            continue;
        };
        mentions.push((i, i + l, id));
        i += l;
    }
    mentions.sort_unstable();
    for (s, e, id) in mentions {
        let p = &mut people[id];
        p.count += 1;
        p.spans.push(idx.span(cs.byte(s), cs.byte(e)));
    }
    people.retain(|p| p.count > 0);
    people.sort_by(|a, b| b.count.cmp(&a.count).then(a.spans[0][0].cmp(&b.spans[0][0])));
    people
}
