//! jieba's word-boundary HMM: cuts a run of characters the dictionary left single into words
//! (new words, names). States B(egin), E(nd), M(iddle), S(ingle); Viterbi as jieba-rs does it,
//! ties included, so the cuts are the same.

use super::blob::{Reader, LOG_STEP, NO_PROB};
use super::dict::{Chars, NONE};

pub const MIN_FLOAT: f64 = -3.14e100;
const B: usize = 0;
const E: usize = 1;
const M: usize = 2;
const S: usize = 3;
/// The states each state may follow.
const PREV: [[usize; 2]; 4] = [[E, S], [B, M], [B, M], [E, S]];

/// The characters the HMM runs over (jieba's `HMM_HAN` range).
#[inline]
pub fn is_hmm_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FD5}').contains(&c)
}

pub fn log_prob(q: u16) -> f64 {
    if q == NO_PROB {
        MIN_FLOAT
    } else {
        -f64::from(q) * LOG_STEP
    }
}

pub struct Hmm {
    start: [f64; 4],
    /// `trans[from][to]`
    trans: [[f64; 4]; 4],
    /// Emissions by character code, as stored (`log_prob` reads them): a quarter of the
    /// memory of f64s, which a run reads for a few chars scattered over the table.
    emit: Vec<[u16; 4]>,
}

impl Hmm {
    pub fn read(r: &mut Reader, chars: &Chars) -> Hmm {
        let mut start = [0.0; 4];
        start.iter_mut().for_each(|v| *v = r.f64());
        let mut trans = [[0.0; 4]; 4];
        trans.iter_mut().flatten().for_each(|v| *v = r.f64());
        let emit = (0..chars.len).map(|_| [0; 4].map(|_: u8| r.u16())).collect();
        Hmm { start, trans, emit }
    }

    fn emissions(&self, code: u16) -> [f64; 4] {
        if code == NONE {
            [MIN_FLOAT; 4]
        } else {
            self.emit[usize::from(code)].map(log_prob)
        }
    }

    /// Cuts characters with codes `codes` (at least two, all `is_hmm_han`), calling `word(a, b)`
    /// for each word of characters `a..b`.
    pub fn cut(&self, codes: &[u16], path: &mut Vec<[u8; 4]>, mut word: impl FnMut(usize, usize)) {
        let n = codes.len();
        path.clear();
        let em = self.emissions(codes[0]);
        let mut v: [f64; 4] = std::array::from_fn(|y| self.start[y] + em[y]);
        path.push([0; 4]);
        for &code in &codes[1..] {
            let em = self.emissions(code);
            let mut back = [0u8; 4];
            let mut next = [0.0; 4];
            for y in 0..4 {
                let [y0, y1] = PREV[y];
                let p0 = v[y0] + self.trans[y0][y] + em[y];
                let p1 = v[y1] + self.trans[y1][y] + em[y];
                (next[y], back[y]) = if p0 > p1 { (p0, y0 as u8) } else { (p1, y1 as u8) };
            }
            v = next;
            path.push(back);
        }
        let mut state = if v[E] > v[S] { E } else { S };
        let mut states = vec![0u8; n];
        for t in (0..n).rev() {
            states[t] = state as u8;
            if t > 0 {
                state = usize::from(path[t][state]);
            }
        }
        let (mut begin, mut done) = (0, 0);
        for (t, &s) in states.iter().enumerate() {
            match usize::from(s) {
                B => begin = t,
                E => {
                    word(begin, t + 1);
                    done = t + 1;
                }
                S => {
                    word(t, t + 1);
                    done = t + 1;
                }
                _ => {}
            }
        }
        if done < n {
            word(done, n);
        }
    }
}
