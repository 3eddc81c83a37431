//! Entities with counts and spans: people (with the role the text gives them), places (from
//! a gazetteer of China's divisions down to county level, with short forms), organizations,
//! documents in 《》 with their type, and meetings.

pub use crate::analysis::{DocumentTitle, Entities, Named, Person, Place};
use crate::clean::is_han;
use crate::lexicon::{lines, sections, stopwords, Phrases};
use crate::segment::{jieba, Token};
use crate::view::SpanMap;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const ROLES: &str = include_str!("lexicon/roles.txt");
const SURNAMES: &str = include_str!("lexicon/surnames.txt");
const PLACES: &str = include_str!("lexicon/places.tsv");
const ORGS: &str = include_str!("lexicon/organizations.txt");
const DOCS: &str = include_str!("lexicon/documents.txt");
const MEETINGS: &str = include_str!("lexicon/meetings.txt");

struct Tables {
    roles: Vec<&'static str>,
    /// First chars of the roles.
    role_first: HashSet<char>,
    surnames: HashSet<&'static str>,
    places: Vec<(&'static str, &'static str, &'static str)>,
    place_words: Phrases<usize>,
    org_names: Phrases<()>,
    org_suffixes: Vec<&'static str>,
    org_not: HashSet<&'static str>,
    doc_types: Vec<(&'static str, &'static str)>,
    meeting_ends: Vec<&'static str>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut roles: Vec<&str> = lines(ROLES).flat_map(str::split_whitespace).collect();
        roles.sort_by_key(|r| std::cmp::Reverse(r.len()));
        let places: Vec<(&str, &str, &str)> = lines(PLACES)
            .filter_map(|l| {
                let mut p = l.split('\t');
                Some((p.next()?, p.next()?, p.next()?))
            })
            .collect();
        let mut words = Vec::new();
        for (i, l) in lines(PLACES).enumerate() {
            let mut p = l.split('\t');
            if let Some(name) = p.next() {
                words.push((name, i));
            }
            if let Some(short) = p.nth(2).filter(|s| !s.is_empty()) {
                words.push((short, i));
            }
        }
        // a short form shared by a province and a city (吉林) names the first listed: the province
        let mut seen = HashSet::new();
        words.retain(|(w, _)| seen.insert(*w));
        let org = sections(ORGS);
        let mut meeting_ends: Vec<&str> = lines(MEETINGS).flat_map(str::split_whitespace).collect();
        meeting_ends.sort_by_key(|m| std::cmp::Reverse(m.len()));
        let mut org_suffixes: Vec<&str> =
            org.get("suffixes").into_iter().flatten().flat_map(|l| l.split_whitespace()).collect();
        org_suffixes.sort_by_key(|s| std::cmp::Reverse(s.len()));
        Tables {
            role_first: roles.iter().filter_map(|r| r.chars().next()).collect(),
            roles,
            surnames: lines(SURNAMES).flat_map(str::split_whitespace).collect(),
            places,
            place_words: Phrases::new(words),
            org_names: Phrases::new(
                org.get("names").into_iter().flatten().flat_map(|l| l.split_whitespace()).map(|w| (w, ())),
            ),
            org_suffixes,
            org_not: org.get("not").into_iter().flatten().flat_map(|l| l.split_whitespace()).collect(),
            doc_types: lines(DOCS)
                .filter_map(|l| {
                    let (a, b) = l.split_once('|')?;
                    Some((a.trim(), b.trim()))
                })
                .collect(),
            meeting_ends,
        }
    })
}

pub fn find(text: &str, tokens: &[Token], idx: &SpanMap) -> Entities {
    let places = places(text, tokens, idx);
    let documents = documents(text, idx);
    let place_names: HashSet<&str> = tables().places.iter().map(|p| p.0).collect();
    Entities {
        people: people(text, tokens, idx, &place_names),
        organizations: organizations(text, tokens, idx, &place_names),
        meetings: meetings(text, tokens, idx),
        places,
        documents,
    }
}

/// Groups (name, byte range) mentions into named entities, most mentioned first.
/// An entity that gathers its mentions: a count and every span.
trait Mentioned {
    fn mention(&mut self, span: [usize; 2]);
    fn count(&self) -> usize;
    fn first(&self) -> usize;
}

macro_rules! mentioned {
    ($t:ty) => {
        impl Mentioned for $t {
            fn mention(&mut self, span: [usize; 2]) {
                self.count += 1;
                self.spans.push(span);
            }
            fn count(&self) -> usize {
                self.count
            }
            fn first(&self) -> usize {
                self.spans.first().map_or(0, |s| s[0])
            }
        }
    };
}
mentioned!(Person);
mentioned!(Place);
mentioned!(Named);
mentioned!(DocumentTitle);

/// Entries by key, in order of first mention; a map keeps adding a mention O(1).
struct Tally<T> {
    items: Vec<T>,
    index: HashMap<String, usize>,
}

impl<T: Mentioned> Tally<T> {
    fn new() -> Self {
        Tally { items: Vec::new(), index: HashMap::new() }
    }

    /// Adds a mention to the entry for `key`, making the entry on its first mention.
    fn add(&mut self, key: &str, span: [usize; 2], make: impl FnOnce() -> T) {
        let k = match self.index.get(key) {
            Some(&k) => k,
            None => {
                self.items.push(make());
                self.index.insert(key.to_string(), self.items.len() - 1);
                self.items.len() - 1
            }
        };
        self.items[k].mention(span);
    }

    fn sorted(mut self) -> Vec<T> {
        by_mentions(&mut self.items);
        self.items
    }
}

/// Most mentioned first, then in order of appearance.
fn by_mentions<T: Mentioned>(v: &mut [T]) {
    v.sort_by(|a, b| b.count().cmp(&a.count()).then(a.first().cmp(&b.first())));
}

/// Groups (name, byte range) mentions into named entities.
fn group(mentions: Vec<(String, usize, usize)>, idx: &SpanMap) -> Vec<Named> {
    let mut by = Tally::new();
    for (name, s, e) in mentions {
        by.add(&name, idx.span(s, e), || Named { name: name.clone(), count: 0, spans: Vec::new() });
    }
    by.sorted()
}

// ---- people

const NAME_STOP: &str = "在对说表指介认的和与及等主参出带一同为向到是也就从率陪了再又都将已被把强提作讲";
/// Titles written after a name.
const TITLES_AFTER: &[&str] = &[
    "总书记",
    "副主席",
    "主席",
    "副总理",
    "总理",
    "委员长",
    "书记",
    "同志",
    "省长",
    "市长",
    "部长",
    "主任",
    "院士",
    "教授",
];
/// What may follow a name that has no role before it: 胡斌说, 张文芳等, 刘洋对, 高瑞的.
const AFTER_BARE_NAME: &str = "说表指介认等同对在主参作的辞任免为带率陪";
/// Words that open a role's wording but are not part of it: 由辽源市政协主席杨光.
const ROLE_LEAD: &[&str] =
    &["邀请", "由于", "由", "经", "在", "请", "和", "与", "及", "对", "向", "被", "据", "是", "同"];
const DELIMS: &str = "，。、；：！？“”‘’（）()《》 \n\t——·,.;:!?";

fn surname_len(t: &Tables, cs: &[char]) -> Option<usize> {
    if cs.len() >= 2 && t.surnames.contains(cs[..2].iter().collect::<String>().as_str()) {
        return Some(2);
    }
    (!cs.is_empty() && t.surnames.contains(cs[0].to_string().as_str())).then_some(1)
}

/// A name right at `cs`: 2 or 3 Han chars, surname first; none if the chars begin a word.
/// In a list of names (`listed`), any surname-first candidate that is not a word will do.
fn name_at(t: &Tables, cs: &[char], listed: bool) -> Option<usize> {
    let sl = surname_len(t, cs)?;
    let han = |i: usize| cs.get(i).is_some_and(|&c| is_han(c) && !DELIMS.contains(c));
    if !han(sl) {
        return None;
    }
    let stop = |i: usize| cs.get(i).is_none_or(|&c| !is_han(c) || NAME_STOP.contains(c));
    // 钟广和和委员: a third char followed by a stop is part of the name; 杨光在: a stop third
    // char is not
    let len = if !han(sl + 1) || (NAME_STOP.contains(cs[sl + 1]) && !stop(sl + 2)) { sl + 1 } else { sl + 2 };
    let cand: String = cs[..len].iter().collect();
    // "来自各", "管理", "都确定" after 委员 are words, not names: jieba must read the
    // candidate as starting with a name, or as one word it does not know
    let j = jieba();
    let first = j.tag(&cand, true).into_iter().next()?;
    let rest: String = cs[sl..len].iter().collect();
    let ok = (listed && !j.has_word(&cand))
        || first.tag.starts_with("nr")
        || (first.word == cand && !j.has_word(&cand))
        // 迟鸿文: a surname jieba reads as another word, followed by a given name it does not know
        || (first.word.chars().count() == sl && !j.has_word(&rest));
    (ok && !stopwords().contains(cand.as_str())).then_some(len)
}

fn people(text: &str, tokens: &[Token], idx: &SpanMap, places: &HashSet<&str>) -> Vec<Person> {
    let t = tables();
    let cs: Vec<(usize, char)> = text.char_indices().collect();
    let chars: Vec<char> = cs.iter().map(|c| c.1).collect();
    let byte = |i: usize| cs.get(i).map_or(text.len(), |c| c.0);
    let mut roles: HashMap<String, String> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut add = |name: String, role: Option<String>, roles: &mut HashMap<String, String>| {
        if !order.contains(&name) {
            order.push(name.clone());
        }
        if let Some(r) = role {
            roles.entry(name).or_insert(r);
        }
    };
    let mut i = 0;
    let mut last_name_end = 0;
    while i < chars.len() {
        // most chars start no role: test the first char before the role list
        let starts_role = t.role_first.contains(&chars[i]);
        let Some(role) = t.roles.iter().find(|r| starts_role && text[byte(i)..].starts_with(*r)) else {
            i += 1;
            continue;
        };
        let mut j = i + role.chars().count();
        // the role's full wording reaches back to the previous delimiter: 东丰县…局副局长
        let start =
            (0..i).rev().take(16).take_while(|&k| !DELIMS.contains(chars[k]) && k >= last_name_end).last().unwrap_or(i);
        let mut full_role: &str = &chars[start..j].iter().collect::<String>();
        while let Some(r) = ROLE_LEAD.iter().find_map(|l| full_role.strip_prefix(l).filter(|r| r.chars().count() >= 2))
        {
            full_role = r;
        }
        let full_role = full_role.trim().to_string();
        let mut first = true;
        // 委员王建军、张晓晓、姜浩: a list of names shares the role
        while let Some(len) = name_at(t, &chars[j..], !first) {
            let name: String = chars[j..j + len].iter().collect();
            if places.contains(name.as_str()) {
                break;
            }
            add(name, Some(full_role.clone()), &mut roles);
            j += len;
            last_name_end = j;
            first = false;
            if chars.get(j) == Some(&'、') && name_at(t, &chars[j + 1..], true).is_some() {
                j += 1;
            } else {
                break;
            }
        }
        // 本报记者 李婷 张添奥: bylines separate names by spaces
        if first && role.contains("记者") || role.contains("通讯员") {
            while chars.get(j) == Some(&' ') {
                let k = j + 1;
                let n = chars[k..].iter().take_while(|c| is_han(**c)).count();
                if (2..=4).contains(&n) && surname_len(t, &chars[k..]).is_some() {
                    add(chars[k..k + n].iter().collect(), Some(role.to_string()), &mut roles);
                    j = k + n;
                } else {
                    break;
                }
            }
        }
        i = j.max(i + 1);
    }
    // the speaker's or author's name on a line of its own
    for line in text.lines().map(str::trim) {
        let lc: Vec<char> = line.chars().collect();
        if (2..=4).contains(&lc.len())
            && lc.iter().all(|&c| is_han(c))
            && surname_len(t, &lc).is_some()
            && !jieba().has_word(line)
        {
            add(line.to_string(), None, &mut roles);
        }
    }
    // a name before its title: 习近平总书记, 王沪宁主席, 李强同志
    for tok in tokens.iter().filter(|tok| tok.pos.starts_with("nr")) {
        let w = &text[tok.range.0..tok.range.1];
        let wc: Vec<char> = w.chars().collect();
        if (2..=3).contains(&wc.len()) && surname_len(t, &wc).is_some() && !places.contains(w) {
            if let Some(role) = TITLES_AFTER.iter().find(|r| text[tok.range.1..].starts_with(*r)) {
                add(w.to_string(), Some(role.to_string()), &mut roles);
            }
        }
    }
    // names jieba tags as persons, without a stated role
    for tok in tokens.iter().filter(|tok| tok.pos.starts_with("nr")) {
        let w = &text[tok.range.0..tok.range.1];
        let wc: Vec<char> = w.chars().collect();
        // jieba also tags dictionary words (梅花鹿, 智慧) nr: a name is a word it does not know
        let unknown = !jieba().has_word(w);
        let next = text[tok.range.1..].chars().next();
        let name_like_context = next.is_some_and(|c| AFTER_BARE_NAME.contains(c));
        if unknown
            && name_like_context
            && (2..=3).contains(&wc.len())
            && surname_len(t, &wc).is_some()
            && !places.contains(w)
            && !stopwords().contains(w)
        {
            add(w.to_string(), None, &mut roles);
        }
    }
    let mut out: Vec<Person> = order
        .into_iter()
        .map(|name| {
            let spans: Vec<[usize; 2]> = text.match_indices(&name).map(|(s, m)| idx.span(s, s + m.len())).collect();
            Person { role: roles.get(&name).cloned(), count: spans.len(), spans, name }
        })
        .filter(|p| p.count > 0)
        .collect();
    // a two-char "name" inside a found three-char one (张添 in 张添奥) is not a person
    let names: Vec<String> = out.iter().map(|p| p.name.clone()).collect();
    out.retain(|p| p.role.is_some() || !names.iter().any(|n| n != &p.name && n.contains(&p.name)));
    by_mentions(&mut out);
    out
}

// ---- places

fn places(text: &str, tokens: &[Token], idx: &SpanMap) -> Vec<Place> {
    let t = tables();
    let starts: HashMap<usize, &'static str> = tokens.iter().map(|tok| (tok.range.0, tok.pos)).collect();
    let ends: HashSet<usize> = tokens.iter().map(|tok| tok.range.1).collect();
    let mut out = Tally::new();
    for (s, e, row) in t.place_words.find_all(text) {
        let (name, level, province) = t.places[row];
        // a short form (辽源, 东丰) must be a word of its own that jieba reads as a place:
        // 和政 in 党和政府 and 惠民 in 惠民政策 are not
        let own_word = starts.get(&s).is_some_and(|p| *p == "ns") && ends.contains(&e);
        if !text[s..e].ends_with(name) && !own_word {
            continue;
        }
        out.add(name, idx.span(s, e), || Place {
            name: name.into(),
            level: level.into(),
            province: province.into(),
            count: 0,
            spans: Vec::new(),
        });
    }
    out.sorted()
}

// ---- organizations

fn org_token(pos: &str) -> bool {
    matches!(pos, "ns" | "nt" | "nz" | "j" | "b" | "n")
}

fn organizations(text: &str, tokens: &[Token], idx: &SpanMap, places: &HashSet<&str>) -> Vec<Named> {
    let t = tables();
    let mut mentions: Vec<(String, usize, usize)> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for (k, tok) in tokens.iter().enumerate() {
        let w = &text[tok.range.0..tok.range.1];
        // a one-char suffix (局, 委, 院) makes an organization only of a word jieba does not
        // know (工信局) or knows as one (nt): 大局, 格局 and 中心 are ordinary words
        // 政协 alone is a body's name only after a place: 辽源市/政协
        let after_place = k > 0 && tokens[k - 1].range.1 == tok.range.0 && tokens[k - 1].pos == "ns";
        let long_suffix =
            t.org_suffixes.iter().any(|s| s.chars().count() > 1 && w.ends_with(s) && (w != *s || after_place));
        // a one-char suffix: 畜牧局 and 工信局, not 大局 or 格局
        let short_suffix = t.org_suffixes.iter().any(|s| s.chars().count() == 1 && w.ends_with(s))
            && w.chars().count() >= 2
            && (w.chars().count() >= 3 || !jieba().has_word(w));
        // 青年干部 ends with 部 but is no body; jieba's nt also tags 暨, 深加工, 公共交通
        let not_org = t.org_not.iter().any(|n| w.ends_with(n));
        let suffix = (long_suffix || short_suffix) && !not_org;
        let tagged = tok.pos == "nt" && w.chars().count() >= 2 && t.org_suffixes.iter().any(|s| w.ends_with(s));
        if !(suffix || tagged) || stopwords().contains(w) {
            continue;
        }
        // extend left over the words of the name: 长春/中医药/大学/药学院
        let mut s = k;
        while s > 0 && tokens[s - 1].range.1 == tokens[s].range.0 && org_token(tokens[s - 1].pos) && k - s < 3 {
            let prev = &text[tokens[s - 1].range.0..tokens[s - 1].range.1];
            // 充分发挥 (tagged n) is not part of a body's name: plain nouns join only when short
            let plain_noun = tokens[s - 1].pos == "n";
            if stopwords().contains(prev)
                || prev.chars().any(|c| !is_han(c))
                || (plain_noun && prev.chars().count() > 3)
                || (prev.chars().count() <= 2 && prev.starts_with(['从', '向', '由', '在', '对', '与', '和', '经']))
            {
                break;
            }
            s -= 1;
        }
        let (bs, be) = (tokens[s].range.0, tok.range.1);
        let name = &text[bs..be];
        if (2..=16).contains(&name.chars().count()) && !places.contains(name) {
            mentions.push((name.to_string(), bs, be));
            taken.push((bs, be));
        }
    }
    for (s, e, ()) in t.org_names.find_all(text) {
        if !taken.iter().any(|&(a, b)| s < b && a < e) {
            mentions.push((text[s..e].to_string(), s, e));
        }
    }
    mentions.sort_by_key(|m| m.1);
    group(mentions, idx)
}

// ---- documents and meetings

fn documents(text: &str, idx: &SpanMap) -> Vec<DocumentTitle> {
    let t = tables();
    let mut out = Tally::new();
    for (s, close) in title_ranges(text) {
        let e = close + '》'.len_utf8();
        let title = &text[s + '《'.len_utf8()..close];
        if title.is_empty() || title.chars().count() > 80 || title.contains('\n') {
            continue;
        }
        let kind = t
            .doc_types
            .iter()
            .find(|(suffix, _)| {
                title.trim_end_matches(['）', ')']).ends_with(suffix)
                    || title.split(['（', '(']).next().is_some_and(|h| h.ends_with(suffix))
            })
            .map_or("其他", |d| d.1);
        out.add(title, idx.span(s, e), || DocumentTitle {
            title: title.to_string(),
            kind: kind.into(),
            count: 0,
            spans: Vec::new(),
        });
    }
    out.sorted()
}

/// Words that may stand in a meeting's name: nouns, places, bodies, ordinals (十四届, 第三次).
fn meeting_token(pos: &str) -> bool {
    matches!(pos, "n" | "ns" | "nt" | "nz" | "j" | "b" | "vn" | "m" | "q" | "mq" | "l" | "an")
}

fn meetings(text: &str, tokens: &[Token], idx: &SpanMap) -> Vec<Named> {
    let t = tables();
    let titles = title_ranges(text);
    let mut mentions = Vec::new();
    for (k, tok) in tokens.iter().enumerate() {
        let w = &text[tok.range.0..tok.range.1];
        let Some(end) = t.meeting_ends.iter().find(|m| w.ends_with(*m)) else { continue };
        if titles.iter().any(|&(a, b)| tok.range.0 >= a && tok.range.1 <= b) {
            continue; // inside a document title
        }
        // extend left over the words of the name: 政协/吉林市/第十四/届/委员会/第三次/会议
        let mut s = k;
        while s > 0 && tokens[s - 1].range.1 == tokens[s].range.0 && k - s < 8 {
            let prev = &tokens[s - 1];
            let pw = &text[prev.range.0..prev.range.1];
            if !meeting_token(prev.pos)
                || pw.chars().any(|c| c.is_ascii_digit())
                || stopwords().contains(pw) && prev.pos != "m"
            {
                break;
            }
            s -= 1;
        }
        let (bs, be) = (tokens[s].range.0, tok.range.1);
        let name = &text[bs..be];
        if name.chars().count() > end.chars().count() + 1 {
            mentions.push((name.to_string(), bs, be));
        }
    }
    group(mentions, idx)
}

/// Byte ranges of 《…》 titles: from 《 to the start of 》.
fn title_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find('《') {
        let s = from + i;
        match text[s..].find('》') {
            Some(j) => {
                out.push((s, s + j));
                from = s + j;
            }
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{segment, structure};

    fn run(text: &str) -> Entities {
        let doc = structure::parse(text);
        let tokens = segment::tokenize(text, &doc.paragraphs);
        let view = crate::view::View::new(text.to_string());
        find(text, &tokens, &view.spans())
    }

    #[test]
    fn people_with_roles() {
        let e = run("学习习近平总书记重要讲话精神。清河市政协主席杨光在会上讲话。东丰县农业局副局长王海峰对记者说，很好。委员王晓南、张晓晓、姜浩和副主席钟广和和委员们座谈。政协委员来自各行各业。杨光表示感谢。");
        let got: Vec<(&str, Option<&str>, usize)> =
            e.people.iter().map(|p| (p.name.as_str(), p.role.as_deref(), p.count)).collect();
        assert!(got.contains(&("杨光", Some("清河市政协主席"), 2)), "{got:?}");
        assert!(got.contains(&("习近平", Some("总书记"), 1)), "{got:?}");
        assert!(got.contains(&("王海峰", Some("东丰县农业局副局长"), 1)), "{got:?}");
        for n in ["王晓南", "张晓晓", "姜浩", "钟广和"] {
            assert!(got.iter().any(|g| g.0 == n), "{n} in {got:?}");
        }
        assert!(!got.iter().any(|g| g.0.starts_with("来自")), "{got:?}");
    }

    #[test]
    fn places_documents_meetings_organizations() {
        let e = run("辽源市政协在东丰县调研，吉林省和辽源的同志参加。提出《关于促进梅花鹿产业发展的建议》，编印《政策要点汇总》，在《人民政协报》刊登。召开双月协商座谈会和专题议政性常委会会议，邀请市工信局、长春中医药大学和民盟市委参加。");
        let places: Vec<(&str, usize)> = e.places.iter().map(|p| (p.name.as_str(), p.count)).collect();
        assert!(
            places.contains(&("辽源市", 2)) && places.contains(&("东丰县", 1)) && places.contains(&("吉林省", 1)),
            "{places:?}"
        );
        let docs: Vec<(&str, &str)> = e.documents.iter().map(|d| (d.title.as_str(), d.kind.as_str())).collect();
        assert_eq!(
            docs,
            vec![("关于促进梅花鹿产业发展的建议", "建议"), ("政策要点汇总", "资料"), ("人民政协报", "报刊")]
        );
        let meetings: Vec<&str> = e.meetings.iter().map(|m| m.name.as_str()).collect();
        assert!(meetings.contains(&"双月协商座谈会") && meetings.contains(&"专题议政性常委会会议"), "{meetings:?}");
        let orgs: Vec<&str> = e.organizations.iter().map(|o| o.name.as_str()).collect();
        for o in ["市工信局", "长春中医药大学", "民盟"] {
            assert!(orgs.iter().any(|x| x.contains(o)), "{o} in {orgs:?}");
        }
    }
}
