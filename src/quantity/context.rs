//! What the counts before say, for a count that leaves it out: 征集提案292件，立案230件 (the
//! second names no noun), 全体会议每季度召开一次，全年召开4次 (the clause before names the
//! event), 报送社情民意信息……，获批示N件次 (the clause goes on with the sentence's thing),
//! 提案52件，占38% (a share of the count before), 举办3期培训班，2350人次参加 (persons who took
//! part in the event before).

use super::category::Phrase;
use super::clause::{Frame, CLAUSE_END};
use super::keywords;
use super::scan::Mention;
use super::subject;
use super::tables::{tables, UnitClass};
use crate::clean::string_of;
use crate::fx::FxMap;

/// What the counts before this one said, for the counts that leave it out.
#[derive(Default)]
pub struct Memory {
    /// Per unit, the noun the last count of it named (征集提案292件 … 立案230件): kept through
    /// the section, since a report lists 按内容分，经济方面311件 a paragraph after 提案.
    heads: FxMap<String, String>,
    /// The subject of the last count in the sentence: 提案412件，占34.7% shares it.
    subject: Option<String>,
    /// The counted words of the last event in the sentence (举办3期培训班): 2350人次参加 took
    /// part in it.
    event: Option<String>,
    section: Option<usize>,
    /// The unfinished last clause of the line before, when the paragraph is its continuation.
    pub broken_line: String,
}

/// A count's words, read with what came before it.
pub struct Words {
    pub before: String,
    pub list_head: String,
    pub noun: String,
    pub after: String,
    /// The clause before, for persons (the category asks what they took part in); empty for
    /// other counts, as no rule reads it for them (a count that borrows a noun from it reads it
    /// there and then).
    pub prev_clause: String,
    /// The sentence before, for a count whose words open with a passive verb (被采用31条,
    /// 获批示15件次); empty for the others, as no rule reads it for them. (The words only gain a
    /// prefix after that test, so the category sees such an opening only where it was made.)
    pub earlier: String,
}

impl Words {
    pub fn phrase<'a>(&'a self, unit: &'a str) -> Phrase<'a> {
        Phrase {
            unit,
            before: &self.before,
            noun: &self.noun,
            after: &self.after,
            prev_clause: &self.prev_clause,
            earlier: &self.earlier,
            list_head: &self.list_head,
        }
    }
}

impl Memory {
    /// Forgets what belongs to another section, or to another sentence.
    pub fn enter(&mut self, section: Option<usize>, new_sentence: bool) {
        if section != self.section {
            *self = Memory { section, ..Default::default() };
        }
        if new_sentence {
            self.subject = None;
            self.event = None;
        }
    }

    /// The words of count `k` of a paragraph, a noun it leaves out lent by the clause before or
    /// by the last count of its unit.
    pub fn words(&mut self, cs: &[char], mentions: &[Mention], frames: &[Frame], k: usize) -> Words {
        let t = tables();
        let (m, f) = (&mentions[k], &frames[k]);
        let text = |r: (usize, usize)| string_of(&cs[r.0..r.1]);
        let rest = &cs[f.rest.0..f.rest.1];
        let mut before = subject::trim_before(&cs[f.before.0..f.before.1]);
        // (most counts head no list of their own: their list's words are their own, trimmed once)
        let list_head = if f.list_head == f.before {
            before.clone()
        } else {
            subject::trim_before(&cs[f.list_head.0..f.list_head.1])
        };
        // the paragraph's first words continue the line before: 委员发表读书⏎体会2.3万余条
        if f.before.0 == 0 && !self.broken_line.is_empty() && !cs[..m.start].iter().any(|c| CLAUSE_END.contains(c)) {
            let joined: Vec<char> = self.broken_line.chars().chain(cs[..m.start].iter().copied()).collect();
            before = subject::trim_before(&joined);
        }
        let noun = subject::noun_after(rest);
        let mut after = subject::words_after(rest);
        if after.is_empty() && f.tail != f.rest {
            after = subject::words_after(&cs[f.tail.0..f.tail.1]);
        }
        let class = t.unit_class(&m.unit);
        let carries = |c: &UnitClass| !matches!(c, UnitClass::Person | UnitClass::Ratio) && m.unit != "元";
        if let Some(c) = class.filter(carries) {
            match keywords::head(&before, &noun, &m.unit) {
                // only the noun counted is remembered, not one inside a clause that qualifies
                // it (所提问题已经解决的215件 counts proposals)
                Some((h, counted)) => {
                    if counted {
                        self.heads.insert(m.unit.clone(), h.to_string());
                    }
                }
                None if keywords::names_activity(&after) => {}
                // 举办书画展2次 names its own event, if not one we know
                None if c == UnitClass::Event && !subject::event_words(&before).is_empty() => {}
                None => {
                    // the clause before names the thing if its last count is of this unit or
                    // it has none
                    let last = k.checked_sub(1).map(|p| &mentions[p]);
                    let counted_there = last.filter(|p| p.start >= f.prev_clause.0 && p.start < f.prev_clause.1);
                    let from_clause = match counted_there {
                        Some(p) if p.unit != m.unit => None,
                        _ => named_before(&text(f.prev_clause), &m.unit),
                    };
                    // events are not carried over from another sentence
                    let remembered = self.heads.get(&m.unit).filter(|_| c != UnitClass::Event).cloned();
                    if let Some((phrase, word)) = from_clause {
                        before = format!("{phrase}{before}");
                        self.heads.insert(m.unit.clone(), word.to_string());
                    } else if let Some(h) = remembered {
                        before = format!("{h}{before}");
                    }
                }
            }
        }
        let passive = t.opens_passive(&before);
        let earlier = if passive { text(f.earlier) } else { String::new() };
        if passive {
            if let Some((h, _)) =
                class.filter(|&c| c != UnitClass::Person).and_then(|_| named_before(&earlier, &m.unit))
            {
                before = format!("{h}{before}");
            }
        }
        let prev_clause = if class == Some(UnitClass::Person) { text(f.prev_clause) } else { String::new() };
        Words { before, list_head, noun, after, prev_clause, earlier }
    }

    /// The subject of a count, remembered for the counts after it.
    pub fn subject(&mut self, m: &Mention, w: &Words) -> String {
        let class = tables().unit_class(&m.unit);
        let mut subject = subject::subject(&w.before, &w.noun, &w.after);
        if m.unit == "%" && (subject.is_empty() || subject.starts_with('占')) {
            if let Some(prev) = &self.subject {
                subject = if subject.is_empty() { format!("{prev}占比") } else { format!("{prev}{subject}") };
            }
        }
        if class == Some(UnitClass::Person) && super::category::took_part(&w.before, &w.after) {
            if let Some(event) = &self.event {
                subject = format!("{subject}{event}");
            }
        }
        if m.unit != "%" {
            self.subject = Some(subject.clone());
        }
        self.event = match class {
            Some(UnitClass::Event) => Some(subject::event_words(&subject)),
            _ => None,
        };
        subject
    }
}

/// The last thing or activity `text` names, with the words before it back to the verb that
/// governs it (收到提案 → 提案; 提案委员会全体会议每季度召开一次 → 提案委员会全体会议).
fn named_before(text: &str, unit: &str) -> Option<(String, &'static str)> {
    // 围绕A、B等重点任务，…: a frame says what the work was about, not what was counted
    if tables().frame.prefix_of(text).is_some() {
        return None;
    }
    let plain = keywords::plain(text);
    let (end, word) = keywords::last_name(&plain, unit)?;
    let head = &plain[..end];
    let from = tables()
        .event_verb
        .last_end(head)
        .into_iter()
        .chain(
            head.char_indices()
                .rev()
                .find(|&(_, c)| CLAUSE_END.contains(&c) || c == '、')
                .map(|(i, c)| i + c.len_utf8()),
        )
        .filter(|&i| i < head.len())
        .max()
        .unwrap_or(0);
    let cs: Vec<char> = head[from..].chars().filter(|&c| c != '《' && c != '》').collect();
    let s = subject::trim_before(&cs);
    (!s.is_empty()).then_some((s, word))
}
