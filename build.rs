//! Compiles the segmentation data (src/lexicon/jieba/ and domain.dict) into one compact blob
//! that the library embeds and reads without parsing text: a trie in breadth-first order,
//! jieba's word-boundary HMM and its part-of-speech HMM with quantised log-probabilities.
//! The format is written here and read by `src/segment/data.rs`; both name it `FORMAT`.

#[path = "src/segment/blob.rs"]
mod blob;

use blob::{Writer, FORMAT, LOG_STEP, NO_PROB, POS_STEP};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

const MIN_FLOAT: f64 = -3.14e100;

fn main() {
    let lex = Path::new("src/lexicon");
    for f in ["jieba/dict.txt", "jieba/hmm.model", "jieba/posseg.txt", "domain.dict"] {
        println!("cargo:rerun-if-changed=src/lexicon/{f}");
    }
    println!("cargo:rerun-if-changed=src/segment/blob.rs");
    let read = |f: &str| std::fs::read_to_string(lex.join(f)).unwrap_or_else(|e| panic!("src/lexicon/{f}: {e}"));
    let dict = Dict::load(&read("jieba/dict.txt"), &read("domain.dict"));
    let hmm = read("jieba/hmm.model");
    let posseg = Posseg::parse(&read("jieba/posseg.txt"));

    // one character table for the three parts; frequent dictionary characters get small codes,
    // which keeps the trie's label deltas short
    let mut count: HashMap<char, usize> = HashMap::new();
    for (w, _, _) in &dict.words {
        for c in w.chars() {
            *count.entry(c).or_default() += 1;
        }
    }
    let mut chars: Vec<char> = count.keys().copied().collect();
    chars.sort_by_key(|c| (std::cmp::Reverse(count[c]), *c));
    let mut extra: Vec<char> = hmm_emissions(&hmm).keys().chain(posseg.emit.keys()).copied().collect();
    extra.sort();
    extra.dedup();
    chars.extend(extra.into_iter().filter(|c| !count.contains_key(c)));
    let code: HashMap<char, u32> = chars.iter().enumerate().map(|(i, &c)| (c, i as u32)).collect();

    let mut w = Writer::default();
    w.bytes(FORMAT);
    // where each part starts, for measuring what each costs (segment.parts beside the blob)
    let mut parts = vec![("chars", w.out.len())];
    // code points as signed steps from the one before: the rarer characters come in code
    // point order, so their steps are short (measured, gzip -9: 32 KB as UTF-8 text, 14 KB so)
    w.varint(chars.len() as u64);
    w.column(chars.iter().scan(0i64, |prev, &c| {
        let step = i64::from(u32::from(c)) - std::mem::replace(prev, i64::from(u32::from(c)));
        Some(((step << 1) ^ (step >> 63)) as u64)
    }));
    parts.push(("dict", w.out.len()));
    dict.write(&mut w, &code);
    parts.push(("hmm", w.out.len()));
    write_hmm(&mut w, &hmm, &chars);
    parts.push(("posseg", w.out.len()));
    posseg.write(&mut w, &chars);
    parts.push(("end", w.out.len()));
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).to_path_buf();
    std::fs::write(out.join("segment.bin"), w.out).unwrap();
    let parts: String = parts.iter().map(|(name, at)| format!("{name} {at}\n")).collect();
    std::fs::write(out.join("segment.parts"), parts).unwrap();
    write_gb18030(&out);
    write_ts_characters(&out);
}

/// OpenCC's traditional→simplified characters (src/lexicon/opencc-ts-characters.txt, first
/// candidate, one character to another) for src/view/script.rs: traditional code points as deltas,
/// then each simplified one as a zigzag offset from its traditional one. Measured: 22 KB gzip
/// as text, 10 KB so (-12 KB in the wasm).
fn write_ts_characters(out: &Path) {
    println!("cargo:rerun-if-changed=src/lexicon/opencc-ts-characters.txt");
    let text = std::fs::read_to_string("src/lexicon/opencc-ts-characters.txt").unwrap();
    let mut pairs: Vec<(u32, u32)> = data_lines(&text)
        .filter_map(|l| {
            let (k, v) = l.split_once('\t')?;
            let (mut kc, mut vc) = (k.chars(), v.split(' ').next()?.chars());
            let (k1, v1) = (kc.next()?, vc.next()?);
            (kc.next().is_none() && vc.next().is_none() && k1 != v1).then_some((u32::from(k1), u32::from(v1)))
        })
        .collect();
    pairs.sort();
    pairs.dedup_by_key(|p| p.0);
    let mut w = Writer::default();
    w.varint(pairs.len() as u64);
    let mut prev = 0;
    for &(k, _) in &pairs {
        w.varint(u64::from(k - prev));
        prev = k;
    }
    for &(k, v) in &pairs {
        let d = i64::from(v) - i64::from(k);
        w.varint(if d >= 0 { 2 * d as u64 } else { 2 * (-d) as u64 - 1 });
    }
    std::fs::write(out.join("ts-characters.bin"), w.out).unwrap();
}

/// The GB18030 index for src/intake/encoding.rs, read off encoding_rs (a build-dependency,
/// never in the wasm): per two-byte pointer the code point as a zigzag delta + 1 (0: none),
/// then the four-byte ranges below pointer 39 420 as (first pointer, code point or 0).
/// ~20 KB after gzip where encoding_rs's decoders brought ~135 KB of tables.
fn write_gb18030(out: &Path) {
    let one = |b: &[u8]| {
        let s = encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(b)?;
        let mut c = s.chars();
        c.next().filter(|_| c.next().is_none())
    };
    let mut w = Writer::default();
    let mut prev = 0i64;
    for p in 0..23_940u32 {
        let t = p % 190;
        let b = [(p / 190 + 0x81) as u8, (if t < 0x3F { t + 0x40 } else { t + 0x41 }) as u8];
        match one(&b) {
            Some(c) => {
                assert!(u32::from(c) <= 0xFFFF, "two-byte GB18030 is in the BMP");
                let d = i64::from(u32::from(c)) - prev;
                prev = i64::from(u32::from(c));
                w.varint(if d >= 0 { 2 * d as u64 } else { 2 * (-d) as u64 - 1 } + 1);
            }
            None => w.varint(0),
        }
    }
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for p in 0..39_420u32 {
        let b = [p / 12_600 + 0x81, p / 1260 % 10 + 0x30, p / 10 % 126 + 0x81, p % 10 + 0x30].map(|x| x as u8);
        let cp = one(&b).map_or(0, u32::from);
        let continues =
            ranges.last().is_some_and(|&(s, c)| if c == 0 { cp == 0 } else { cp != 0 && cp == c + (p - s) });
        if !continues {
            ranges.push((p, cp));
        }
    }
    w.varint(ranges.len() as u64);
    for (p, c) in ranges {
        w.varint(u64::from(p));
        w.varint(u64::from(c));
    }
    std::fs::write(out.join("gb18030.bin"), w.out).unwrap();
}

/// Data lines of a file: not empty, not a `#` comment.
fn data_lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A log-probability quantised to LOG_STEP, `NO_PROB` for jieba's MIN_FLOAT ("impossible").
fn quantise(p: f64) -> u16 {
    if p <= MIN_FLOAT {
        return NO_PROB;
    }
    let q = (-p / LOG_STEP).round();
    assert!((0.0..f64::from(NO_PROB)).contains(&q), "log-probability {p} out of range");
    q as u16
}

struct Dict {
    /// word, frequency, tag; in file order, domain words merged the way jieba-rs's `load_dict`
    /// does (a known word takes the new frequency and keeps its tag)
    words: Vec<(String, u64, String)>,
    total: u64,
}

impl Dict {
    fn load(pruned: &str, domain: &str) -> Dict {
        // the header names the full dictionary's total: pruning must not change probabilities
        let total = pruned
            .lines()
            .find_map(|l| l.strip_prefix("# total "))
            .and_then(|t| t.trim().parse::<u64>().ok())
            .expect("jieba/dict.txt names its full total in a `# total N` line");
        let mut words: Vec<(String, u64, String)> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut total = total as i64;
        for (line, is_domain) in data_lines(pruned).map(|l| (l, false)).chain(data_lines(domain).map(|l| (l, true))) {
            let mut f = line.split_whitespace();
            let (Some(word), Some(freq)) = (f.next(), f.next()) else { panic!("bad dictionary line {line:?}") };
            let freq: u64 = freq.parse().unwrap_or_else(|_| panic!("bad frequency in {line:?}"));
            assert!(freq < u64::from(u32::MAX), "frequency over u32 in {line:?}");
            let tag = f.next().unwrap_or("").to_string();
            match index.get(word) {
                Some(&i) => {
                    total += freq as i64 - words[i].1 as i64;
                    words[i].1 = freq;
                }
                None => {
                    if is_domain {
                        total += freq as i64;
                    }
                    index.insert(word.to_string(), words.len());
                    words.push((word.to_string(), freq, tag));
                }
            }
        }
        Dict { words, total: total as u64 }
    }

    /// The trie in breadth-first order: children counts and label deltas (two columns), a bit
    /// per inner node (whether a word ends there), then one frequency and one tag per word.
    /// Reading it back needs only running sums, in one pass over the nodes.
    fn write(&self, w: &mut Writer, code: &HashMap<char, u32>) {
        #[derive(Default)]
        struct Node {
            kids: BTreeMap<u32, usize>,
            word: Option<usize>,
        }
        let mut nodes = vec![Node::default()];
        for (i, (word, _, _)) in self.words.iter().enumerate() {
            let mut n = 0;
            for c in word.chars() {
                let next = nodes.len();
                n = *nodes[n].kids.entry(code[&c]).or_insert(next);
                if n == next {
                    nodes.push(Node::default());
                }
            }
            nodes[n].word = Some(i);
        }
        let mut order = vec![0usize];
        let mut k = 0;
        while k < order.len() {
            order.extend(nodes[order[k]].kids.values().copied());
            k += 1;
        }
        let mut tags: Vec<&str> = Vec::new();
        let mut tag_ids: HashMap<&str, u8> = HashMap::new();
        for (_, _, t) in &self.words {
            if !tag_ids.contains_key(t.as_str()) {
                tag_ids.insert(t, tags.len() as u8);
                tags.push(t);
            }
        }
        w.u64(self.total);
        w.varint(tags.len() as u64);
        for t in &tags {
            w.str(t);
        }
        w.varint(order.len() as u64);
        w.column(order.iter().map(|&n| nodes[n].kids.len() as u64));
        w.column(order.iter().flat_map(|&n| {
            let labels = nodes[n].kids.keys();
            labels.clone().zip([0].iter().chain(labels)).map(|(&label, &prev)| u64::from(label - prev))
        }));
        // which nodes end a word: a leaf always does, so a bit for each inner node only, then
        // the words' frequencies (measured, gzip -9: one column of 0 or 1 + frequency per node
        // was 212 KB; the bits and the frequencies are 189 KB)
        let inner: Vec<bool> =
            order[1..].iter().filter(|&&n| !nodes[n].kids.is_empty()).map(|&n| nodes[n].word.is_some()).collect();
        w.varint(inner.len() as u64);
        for bits in inner.chunks(8) {
            w.u8(bits.iter().enumerate().fold(0, |b, (k, &is)| b | (u8::from(is) << k)));
        }
        w.column(order[1..].iter().filter_map(|&n| nodes[n].word.map(|i| self.words[i].1)));
        for &n in &order[1..] {
            if let Some(i) = nodes[n].word {
                w.u8(tag_ids[self.words[i].2.as_str()]);
            }
        }
    }
}

/// Emission log-probabilities of jieba's word-boundary HMM (states B, E, M, S), by character.
fn hmm_emissions(model: &str) -> BTreeMap<char, [f64; 4]> {
    let mut out: BTreeMap<char, [f64; 4]> = BTreeMap::new();
    for (state, line) in data_lines(model).skip(5).take(4).enumerate() {
        for pair in line.split(',').filter(|p| !p.trim().is_empty()) {
            let (c, p) = pair.trim().rsplit_once(':').expect("char:prob");
            let c = c.chars().next().unwrap();
            out.entry(c).or_insert([MIN_FLOAT; 4])[state] = p.parse().unwrap();
        }
    }
    out
}

/// The word-boundary HMM: start and transition log-probabilities exactly (20 numbers), then
/// four quantised emissions per character code.
fn write_hmm(w: &mut Writer, model: &str, chars: &[char]) {
    let lines: Vec<&str> = data_lines(model).collect();
    for line in &lines[..5] {
        let v: Vec<f64> = line.split_whitespace().map(|x| x.parse().unwrap()).collect();
        assert_eq!(v.len(), 4, "hmm.model: 4 numbers a line");
        for x in v {
            w.f64(x);
        }
    }
    let emit = hmm_emissions(model);
    for c in chars {
        for p in emit.get(c).copied().unwrap_or([MIN_FLOAT; 4]) {
            w.u16(quantise(p));
        }
    }
}

/// jieba's part-of-speech HMM (posseg.txt): 64 tags × 4 positions = 256 states.
struct Posseg {
    tags: Vec<String>,
    start: Vec<(u16, f64)>,
    /// (to, from, log-probability)
    trans: Vec<(u16, u16, f64)>,
    /// Per character, the states it can take with their emission log-probabilities:
    /// its CHAR_STATE list when it has one (a state without emission is impossible), else the
    /// states it has emissions for.
    emit: BTreeMap<char, Vec<(u16, f64)>>,
}

impl Posseg {
    fn parse(text: &str) -> Posseg {
        let mut p = Posseg { tags: Vec::new(), start: Vec::new(), trans: Vec::new(), emit: BTreeMap::new() };
        let state = |pos: &str, tag: &str| pos.trim().parse::<u16>().unwrap() * 64 + tag.trim().parse::<u16>().unwrap();
        let mut emit: HashMap<char, BTreeMap<u16, f64>> = HashMap::new();
        let mut char_states: HashMap<char, Vec<u16>> = HashMap::new();
        let mut section = "";
        for line in data_lines(text) {
            if line.starts_with('@') {
                section = line;
                continue;
            }
            let mut segs = line.split('|');
            let head = segs.next().unwrap();
            match section {
                "@TAGS" => p.tags = line.split(',').map(|t| t.trim().to_string()).collect(),
                "@START" => {
                    let f: Vec<&str> = line.splitn(3, ',').collect();
                    p.start.push((state(f[0], f[1]), f[2].parse().unwrap()));
                }
                "@TRANS" => {
                    let (fp, ft) = head.split_once(',').unwrap();
                    let from = state(fp, ft);
                    for seg in segs.filter(|s| !s.trim().is_empty()) {
                        let f: Vec<&str> = seg.trim().splitn(3, ',').collect();
                        p.trans.push((state(f[0], f[1]), from, f[2].parse().unwrap()));
                    }
                }
                "@EMIT" => {
                    let (sp, st) = head.split_once(',').unwrap();
                    let s = state(sp, st);
                    for seg in segs.filter(|s| !s.trim().is_empty()) {
                        let (c, prob) = seg.trim().rsplit_once(',').unwrap();
                        emit.entry(c.chars().next().unwrap()).or_default().insert(s, prob.parse().unwrap());
                    }
                }
                "@CHAR_STATE" => {
                    let c = head.chars().next().unwrap();
                    let states: Vec<u16> = segs
                        .filter(|s| !s.trim().is_empty())
                        .map(|s| {
                            let (a, b) = s.trim().split_once(',').unwrap();
                            state(a, b)
                        })
                        .collect();
                    if states.is_empty() {
                        char_states.remove(&c);
                    } else {
                        char_states.insert(c, states);
                    }
                }
                _ => {}
            }
        }
        assert_eq!(p.tags.len(), 64, "posseg.txt: 64 tags");
        let chars: Vec<char> = emit.keys().chain(char_states.keys()).copied().collect();
        for c in chars {
            let e = emit.get(&c);
            let mut states: Vec<(u16, f64)> = match char_states.get(&c) {
                Some(list) => {
                    list.iter().map(|s| (*s, e.and_then(|e| e.get(s)).copied().unwrap_or(MIN_FLOAT))).collect()
                }
                None => e.map(|e| e.iter().map(|(s, p)| (*s, *p)).collect()).unwrap_or_default(),
            };
            // an impossible state can never be on the best path: leave it out
            states.retain(|&(_, p)| p > MIN_FLOAT);
            states.sort_by_key(|s| s.0);
            states.dedup_by_key(|s| s.0);
            p.emit.insert(c, states);
        }
        p
    }

    fn write(&self, w: &mut Writer, chars: &[char]) {
        w.varint(self.tags.len() as u64);
        for t in &self.tags {
            w.str(t);
        }
        w.varint(self.start.len() as u64);
        for &(s, p) in &self.start {
            w.u16(s);
            w.u16(quantise(p));
        }
        // columns (counts, then state deltas, then probabilities) compress best
        let mut trans = self.trans.clone();
        trans.sort_by_key(|t| (t.0, t.1));
        for to in 0..256 {
            w.varint(trans.iter().filter(|t| t.0 == to).count() as u64);
        }
        let mut prev = (u16::MAX, 0);
        for &(to, from, _) in &trans {
            w.varint(u64::from(if to == prev.0 { from - prev.1 } else { from }));
            prev = (to, from);
        }
        for &(_, _, p) in &trans {
            w.u16(quantise(p));
        }
        let rows: Vec<&[(u16, f64)]> = chars.iter().map(|c| self.emit.get(c).map_or(&[][..], |v| &v[..])).collect();
        for states in &rows {
            w.varint(states.len() as u64);
        }
        for states in &rows {
            let mut prev = 0;
            for &(s, _) in *states {
                w.varint(u64::from(s - prev));
                prev = s;
            }
        }
        for states in &rows {
            for &(_, p) in *states {
                w.u8((-p / POS_STEP).round().min(255.0) as u8);
            }
        }
    }
}
