//! Places: China's divisions down to county level (`lexicon/places.tsv`), found by full name
//! or by a short form the text itself resolves. A place is reported only where the text
//! writes its name, or a short form that is a word of its own and names no other division
//! this text might mean: `朝阳区` never becomes `朝阳市`, and `兰溪` in a report on a 兰溪县 the
//! gazetteer does not know is no mention of the real 兰溪市.

use super::{Chars, Mention, Place, Tally};
use crate::fx::{FxMap, FxSet};
use crate::lexicon::{lines, Phrases};
use crate::view::SpanMap;
use std::sync::OnceLock;

const PLACES: &str = include_str!("../lexicon/places.tsv");

/// Chars that end a division's name: a short form right before one of them is part of the
/// name of some division (兰溪县, 白水区), which is not the place the short form stands for.
const DIVISION_SUFFIX: &[char] = &['省', '市', '县', '区', '州', '旗', '盟'];
/// Words that begin with such a char without naming a division (辽源区域, 吉林市场).
const NOT_SUFFIX: &[&str] = &["区域", "区间", "区块", "市场", "州府"];

/// How far a short form names its place (the gazetteer's last column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Use {
    /// By itself (辽源, 东丰).
    Alone,
    /// Only where the text names the place's city or province too (惠民 is also a word).
    Context,
    /// Never: a district's stem (朝阳 of 朝阳区), kept to see that a short form is ambiguous.
    Shared,
}

pub(crate) struct Row {
    pub name: &'static str,
    pub level: &'static str,
    pub province: &'static str,
    /// A county's prefecture (empty above county level and under a municipality).
    pub city: &'static str,
    pub short: &'static str,
    use_: Use,
}

/// What a matched string may be: the full name of some rows, the short form of others.
struct Form {
    full: Vec<usize>,
    short: Vec<usize>,
}

struct Tables {
    rows: Vec<Row>,
    forms: Vec<Form>,
    matcher: Phrases<usize>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let rows: Vec<Row> = lines(PLACES)
            .filter_map(|l| {
                let mut p = l.split('\t');
                let (name, level, province, city) = (p.next()?, p.next()?, p.next()?, p.next()?);
                let short = p.next().unwrap_or("");
                let use_ = match p.next().unwrap_or("") {
                    "alone" => Use::Alone,
                    "context" => Use::Context,
                    _ => Use::Shared,
                };
                Some(Row { name, level, province, city, short, use_ })
            })
            .collect();
        let mut by_text: FxMap<&'static str, usize> = FxMap::default();
        let mut forms: Vec<Form> = Vec::new();
        let mut form = |s: &'static str, forms: &mut Vec<Form>| {
            *by_text.entry(s).or_insert_with(|| {
                forms.push(Form { full: Vec::new(), short: Vec::new() });
                forms.len() - 1
            })
        };
        for (i, r) in rows.iter().enumerate() {
            let f = form(r.name, &mut forms);
            forms[f].full.push(i);
            if !r.short.is_empty() {
                let f = form(r.short, &mut forms);
                forms[f].short.push(i);
            }
        }
        let matcher = Phrases::new(by_text.iter().map(|(&s, &f)| (s, f)));
        Tables { rows, forms, matcher }
    })
}

/// Every full name and short form in the gazetteer (to keep names of places from being
/// read as people).
pub(crate) fn is_place_word(w: &str) -> bool {
    static SET: OnceLock<crate::fx::FxSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| tables().rows.iter().flat_map(|r| [r.name, r.short]).filter(|s| !s.is_empty()).collect())
        .contains(w)
}

/// The gazetteer's short forms of a place (for tests that check a span's text).
pub fn short_forms(name: &str) -> Vec<&'static str> {
    tables().rows.iter().filter(|r| r.name == name && !r.short.is_empty()).map(|r| r.short).collect()
}

/// A mention and the gazetteer rows it may stand for.
struct Found<'t> {
    at: Mention,
    form: usize,
    rows: &'t [usize],
    full: bool,
}

/// What the text names: rows and the names of the cities and provinces they lie in.
#[derive(Default)]
struct Named {
    rows: FxSet<usize>,
    cities: FxSet<&'static str>,
    provinces: FxMap<&'static str, usize>,
}

impl Named {
    fn add(&mut self, t: &Tables, row: usize) {
        let r = &t.rows[row];
        self.rows.insert(row);
        match r.level {
            "市" => {
                self.cities.insert(r.name);
            }
            "县" if !r.city.is_empty() => {
                self.cities.insert(r.city);
            }
            _ => {}
        }
        *self.provinces.entry(r.province).or_default() += 1;
    }

    /// The province the text names most (the committee's, as a rule).
    fn home(&self) -> Option<&'static str> {
        self.provinces.iter().max_by_key(|(p, n)| (**n, std::cmp::Reverse(**p))).map(|(p, _)| *p)
    }
}

/// Places mentioned in the text, each mention with its gazetteer row.
pub(crate) fn find(cs: &Chars) -> Vec<(Mention, usize)> {
    let t = tables();
    let mut found: Vec<Found> = Vec::new();
    // stems the text uses for divisions of its own (兰溪县 when the gazetteer has 兰溪市)
    let mut blocked: FxSet<usize> = FxSet::default();
    let own = own_stems(&cs.chars);
    // a short form that shares a char with such a stem is a cut through that name: 新乐 in
    // 现代化新乐川 of a report on 乐川市 is no mention of 新乐市
    let cuts_a_stem = |s: usize, e: usize| {
        (s > 0 && own.contains(&(cs.chars[s - 1], cs.chars[s])))
            || (e < cs.chars.len() && own.contains(&(cs.chars[e - 1], cs.chars[e])))
    };
    for (s, e, f) in cs.phrases(&t.matcher) {
        let form = &t.forms[f];
        if !form.full.is_empty() {
            found.push(Found { at: Mention { s, e }, form: f, rows: &form.full, full: true });
            continue;
        }
        let rest = &cs.text[cs.byte(e)..];
        if rest.starts_with(DIVISION_SUFFIX) && !NOT_SUFFIX.iter().any(|w| rest.starts_with(w)) {
            blocked.insert(f);
            continue;
        }
        // a short form counts only as a word of its own: 和政 in 党和政府 is no mention
        if cs.boundary(s) && cs.boundary(e) && !cuts_a_stem(s, e) {
            found.push(Found { at: Mention { s, e }, form: f, rows: &form.short, full: false });
        }
    }
    // what the text names without doubt: full names of one division, short forms of one
    let mut named = Named::default();
    for f in &found {
        let sure = match f.rows {
            [r] => f.full || t.rows[*r].use_ == Use::Alone,
            _ => false,
        };
        if sure {
            named.add(t, f.rows[0]);
        }
    }
    let home = named.home();
    let mut out = Vec::new();
    for f in found {
        if !f.full && blocked.contains(&f.form) {
            continue;
        }
        let row = if f.full { resolve_full(t, f.rows, &named, home) } else { resolve_short(t, f.rows, &named, home) };
        if let Some(row) = row {
            out.push((f.at, row));
        }
    }
    out
}

/// The two Han chars before each division suffix of the text (乐川 of 乐川市): the stems of
/// the divisions it names, in the gazetteer or not. One pass; junk pairs such as 全市 only
/// matter where a short form overlaps them by one char.
fn own_stems(chars: &[char]) -> FxSet<(char, char)> {
    let mut out = FxSet::default();
    for i in 2..chars.len() {
        // not 州, 旗, 盟: they end names themselves (徐州), so 赴徐州 would make 赴徐 a stem
        if ['省', '市', '县', '区'].contains(&chars[i])
            && crate::clean::is_han(chars[i - 2])
            && crate::clean::is_han(chars[i - 1])
        {
            out.insert((chars[i - 2], chars[i - 1]));
        }
    }
    out
}

/// One of the rows that share a full name (朝阳区 in 北京 and in 长春): the one whose city or
/// province the text names, else the first listed.
fn resolve_full(t: &Tables, rows: &[usize], named: &Named, home: Option<&str>) -> Option<usize> {
    if let [r] = rows {
        return Some(*r);
    }
    let by = |ok: &dyn Fn(&Row) -> bool| -> Option<usize> {
        let v: Vec<usize> = rows.iter().copied().filter(|&r| ok(&t.rows[r])).collect();
        (v.len() == 1).then(|| v[0])
    };
    by(&|r| !r.city.is_empty() && named.cities.contains(r.city))
        .or_else(|| by(&|r| named.provinces.contains_key(r.province)))
        .or_else(|| by(&|r| Some(r.province) == home))
        .or(rows.first().copied())
}

/// The division a short form stands for here, or none when the text leaves it open.
fn resolve_short(t: &Tables, rows: &[usize], named: &Named, home: Option<&str>) -> Option<usize> {
    let row = |r: usize| &t.rows[r];
    let pick = |v: Vec<usize>| -> Option<Option<usize>> {
        match v.as_slice() {
            [] => None,
            // the text points at one division: it is reported unless its stem never names it
            [r] => Some((row(*r).use_ != Use::Shared).then_some(*r)),
            _ => Some(None),
        }
    };
    // a province's short form names the province (吉林 is 吉林省; the city is 吉林市)
    if let Some(&p) = rows.iter().find(|&&r| row(r).level == "省" && row(r).use_ == Use::Alone) {
        return Some(p);
    }
    // a division the text names in full (朝阳区 makes 朝阳 the district)
    if let Some(r) = pick(rows.iter().copied().filter(|r| named.rows.contains(r)).collect()) {
        return r;
    }
    // a county of a city the text names (东丰 beside 辽源市)
    if let Some(r) =
        pick(rows.iter().copied().filter(|&r| !row(r).city.is_empty() && named.cities.contains(row(r).city)).collect())
    {
        return r;
    }
    // a division of the province the text is about
    if let Some(r) = pick(rows.iter().copied().filter(|&r| Some(row(r).province) == home).collect()) {
        return r;
    }
    // nothing nearby: only a short form of one division that names it alone
    match rows {
        [r] if row(*r).use_ == Use::Alone => Some(*r),
        _ => None,
    }
}

/// Mentions grouped by place, most mentioned first.
pub(crate) fn tally(found: Vec<(Mention, usize)>, cs: &Chars, idx: &SpanMap) -> Vec<Place> {
    let t = tables();
    let mut out = Tally::new();
    for (m, row) in found {
        let r = &t.rows[row];
        let key = format!("{}\t{}\t{}", r.name, r.province, r.city);
        out.add(&key, idx.span(cs.byte(m.s), cs.byte(m.e)), || Place {
            name: r.name.into(),
            level: r.level.into(),
            province: r.province.into(),
            count: 0,
            spans: Vec::new(),
        });
    }
    out.sorted()
}
