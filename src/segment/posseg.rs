//! jieba's part-of-speech HMM, used for one thing: the tag of a word the dictionary does not
//! know (a name the word-boundary HMM put together gets `nr`). 256 states (4 positions × 64
//! tags); the guess is the tag of the longest word its Viterbi path finds, as in jieba-rs.

use super::blob::{Reader, NO_PROB, POS_STEP};
use super::dict::{Chars, NONE};
use super::hmm::{log_prob, MIN_FLOAT};

const TAGS: usize = 64;
const STATES: usize = 4 * TAGS;
/// Positions (B, M, E, S) each position may follow.
const PREV_POS: [[usize; 2]; 4] = [[2, 3], [0, 1], [0, 1], [2, 3]];

fn pos(state: u16) -> usize {
    usize::from(state) / TAGS
}

/// A character's possible states, `states[start..start + bounds[4]]`, ascending, so that
/// `bounds[p]..bounds[p + 1]` are those at position `p`.
#[derive(Clone, Copy, Default)]
struct Row {
    start: u32,
    bounds: [u16; 5],
}

pub struct Posseg {
    tags: Vec<&'static str>,
    start: Vec<f64>,
    /// `trans[to * STATES + from]`, as stored (`log_prob` reads them), and the emissions as
    /// stored (`emission` reads them): a quarter and an eighth of the memory of f64s. A
    /// guess reads a few rows of each, scattered over tables that were 512 KB and 713 KB,
    /// and most of those reads missed the cache.
    trans: Vec<u16>,
    rows: Vec<Row>,
    states: Vec<u16>,
    emits: Vec<u8>,
}

/// An emission's log-probability from its stored byte.
#[inline]
fn emission(e: u8) -> f64 {
    -f64::from(e) * POS_STEP
}

/// Where each position's states start in `items` (ascending by state), and the end.
fn bounds<T>(items: &[T], state: impl Fn(&T) -> u16) -> [u16; 5] {
    let mut b = [0u16; 5];
    for p in 0..4 {
        b[p + 1] = items.partition_point(|x| pos(state(x)) <= p) as u16;
    }
    b
}

impl Posseg {
    pub fn read(r: &mut Reader, chars: &Chars) -> Posseg {
        let tags = (0..r.varint()).map(|_| &*Box::leak(r.str().into())).collect();
        let mut start = vec![MIN_FLOAT; STATES];
        for _ in 0..r.varint() {
            let s = usize::from(r.u16());
            start[s] = log_prob(r.u16());
        }
        let mut trans = vec![NO_PROB; STATES * STATES];
        let per_to: Vec<usize> = (0..STATES).map(|_| r.varint() as usize).collect();
        let mut cells = Vec::new();
        for (to, &n) in per_to.iter().enumerate() {
            let mut from = 0;
            for _ in 0..n {
                from += r.varint() as usize;
                cells.push(to * STATES + from);
            }
        }
        for cell in cells {
            trans[cell] = r.u16();
        }
        let counts: Vec<usize> = (0..chars.len).map(|_| r.varint() as usize).collect();
        let mut states = Vec::with_capacity(counts.iter().sum());
        for &n in &counts {
            let mut s = 0u16;
            for _ in 0..n {
                s += r.varint() as u16;
                states.push(s);
            }
        }
        let emits: Vec<u8> = states.iter().map(|_| r.u8()).collect();
        let mut rows = Vec::with_capacity(counts.len());
        let mut at = 0;
        for n in counts {
            rows.push(Row { start: at as u32, bounds: bounds(&states[at..at + n], |&s| s) });
            at += n;
        }
        Posseg { tags, start, trans, rows, states, emits }
    }

    fn row(&self, code: u16) -> Row {
        if code == NONE {
            Row::default()
        } else {
            self.rows[usize::from(code)]
        }
    }

    /// States of `row` at position `p` (all positions when `p` is 4), with emissions.
    fn states(&self, row: Row, p: usize) -> impl Iterator<Item = (u16, f64)> + '_ {
        let (a, b) = if p == 4 { (0, row.bounds[4]) } else { (row.bounds[p], row.bounds[p + 1]) };
        let r = row.start as usize + usize::from(a)..row.start as usize + usize::from(b);
        self.states[r.clone()].iter().copied().zip(self.emits[r].iter().map(|&e| emission(e)))
    }

    fn tag(&self, state: u16) -> &'static str {
        self.tags[usize::from(state) % TAGS]
    }

    /// The tag of an unknown word: that of the longest span (in bytes, the last on ties) of its
    /// Viterbi path.
    pub fn guess(&self, word: &str, chars: &Chars) -> &'static str {
        // (sized up front: collected from these iterators, each grew two or three times, and
        // the growth of this function's lists was 0.8% of an analysis's instructions)
        let mut offsets = Vec::with_capacity(word.len() + 1);
        let mut codes = Vec::with_capacity(word.len());
        for (i, c) in word.char_indices() {
            offsets.push(i);
            codes.push(chars.code(c));
        }
        offsets.push(word.len());
        let mut best: Option<(usize, &'static str)> = None;
        self.spans(&codes, |a, b, tag| {
            let len = offsets[b] - offsets[a];
            if best.is_none_or(|(l, _)| len >= l) {
                best = Some((len, tag));
            }
        });
        best.map_or("x", |(_, t)| t)
    }

    /// Viterbi over the word's characters; calls `span(a, b, tag)` for each word of the path.
    fn spans(&self, codes: &[u16], mut span: impl FnMut(usize, usize, &'static str)) {
        let n = codes.len();
        if n == 0 {
            return;
        }
        if n == 1 {
            let mut best: Option<(f64, u16)> = None;
            for (s, em) in self.states(self.row(codes[0]), 3) {
                let p = self.start[usize::from(s)] + em;
                if p > MIN_FLOAT && best.is_none_or(|(bp, _)| p >= bp) {
                    best = Some((p, s));
                }
            }
            return span(0, 1, best.map_or("x", |(_, s)| self.tag(s)));
        }
        let mut live: Vec<(u16, f64)> = Vec::with_capacity(STATES);
        live.extend(
            self.states(self.row(codes[0]), 4)
                .map(|(s, em)| (s, self.start[usize::from(s)] + em))
                .filter(|&(_, p)| p > MIN_FLOAT),
        );
        if live.is_empty() {
            return span(0, n, "x");
        }
        let mut back = vec![u16::MAX; n * STATES];
        let mut next = Vec::with_capacity(STATES);
        for (t, &code) in codes.iter().enumerate().skip(1) {
            let b = bounds(&live, |&(s, _)| s);
            next.clear();
            for (s, em) in self.states(self.row(code), 4) {
                let from = &self.trans[usize::from(s) * STATES..][..STATES];
                let (mut best, mut best_prev) = (MIN_FLOAT, u16::MAX);
                for &pp in &PREV_POS[pos(s)] {
                    for &(ps, pv) in &live[usize::from(b[pp])..usize::from(b[pp + 1])] {
                        let q = from[usize::from(ps)];
                        if q == NO_PROB {
                            continue;
                        }
                        let tp = log_prob(q);
                        let p = pv + tp + em;
                        if p > best {
                            (best, best_prev) = (p, ps);
                        }
                    }
                }
                back[t * STATES + usize::from(s)] = best_prev;
                if best > MIN_FLOAT {
                    next.push((s, best));
                }
            }
            std::mem::swap(&mut live, &mut next);
            if live.is_empty() {
                return span(0, n, "x");
            }
        }
        let b = bounds(&live, |&(s, _)| s);
        let (mut best, mut state) = (MIN_FLOAT, u16::MAX);
        for &(s, p) in &live[usize::from(b[2])..usize::from(b[4])] {
            if p > best {
                (best, state) = (p, s);
            }
        }
        if state == u16::MAX {
            return span(0, n, "x");
        }
        let mut path = vec![0u16; n];
        for t in (0..n).rev() {
            path[t] = state;
            if t > 0 {
                state = back[t * STATES + usize::from(state)];
            }
        }
        let (mut begin, mut done) = (0, None);
        for (t, &s) in path.iter().enumerate() {
            match pos(s) {
                0 => begin = t,
                2 => {
                    span(begin, t + 1, self.tag(s));
                    done = Some(t + 1);
                }
                3 => {
                    span(t, t + 1, self.tag(s));
                    done = Some(t + 1);
                }
                _ => {}
            }
        }
        match done {
            None => span(0, n, "x"),
            Some(d) if d < n => span(d, n, "x"),
            Some(_) => {}
        }
    }
}
