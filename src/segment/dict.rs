//! The dictionary: a trie over dense character codes, read from the blob in breadth-first
//! order, so that loading it is a few running sums rather than parsing 200k lines of text.

use super::blob::Reader;
use crate::fx::FxMap;

/// Dense codes of the characters the data knows (dictionary, HMM, POS model).
pub struct Chars {
    /// Code of each BMP character, `NONE` for unknown ones.
    bmp: Vec<u16>,
    astral: FxMap<char, u16>,
    pub len: usize,
}

pub const NONE: u16 = u16::MAX;

impl Chars {
    pub fn read(r: &mut Reader) -> Chars {
        let mut c = Chars { bmp: vec![NONE; 0x1_0000], astral: FxMap::default(), len: 0 };
        let n = r.varint() as usize;
        let mut steps = r.column();
        let mut at = 0i64;
        let all = (0..n).map(|_| {
            let z = steps.next() as i64;
            at += (z >> 1) ^ -(z & 1);
            char::from_u32(at as u32).expect("blob characters are chars")
        });
        for (i, ch) in all.enumerate() {
            assert!(i < usize::from(NONE), "too many characters for u16 codes");
            match usize::try_from(u32::from(ch)).ok().filter(|&u| u < 0x1_0000) {
                Some(u) => c.bmp[u] = i as u16,
                None => {
                    c.astral.insert(ch, i as u16);
                }
            }
            c.len = i + 1;
        }
        c
    }

    #[inline]
    pub fn code(&self, ch: char) -> u16 {
        let u = u32::from(ch) as usize;
        if u < 0x1_0000 {
            self.bmp[u]
        } else {
            self.astral.get(&ch).copied().unwrap_or(NONE)
        }
    }
}

pub struct Dict {
    /// Per node: its first child (the children of node `i` are nodes
    /// `nodes[i].first..nodes[i + 1].first`, their labels ascending; one more entry ends the
    /// last), and a bit for each of its children's labels (`bit`): most steps of a trie walk
    /// find no child, and this answers them without searching the labels. Side by side, so
    /// that a step reads one place of this large array, not two.
    nodes: Vec<Node>,
    labels: Vec<u16>,
    /// The root's child for each character code (0: none), to skip the widest search.
    root: Vec<u32>,
    tags: Vec<&'static str>,
    pub log_total: f64,
}

/// A word is known by its node; this is no node.
pub const NO_WORD: u32 = u32::MAX;
const NO_TAG: u8 = u8::MAX;

/// A trie node, with the word that ends there. The word's frequency, its ln and its tag are
/// beside the node's children, not in arrays by word: a step that finds a child reads them
/// next, and the path search and the tagging after it. In arrays of their own each was a
/// cache miss on most steps (an analysis touches a few thousand nodes scattered over
/// megabytes, which the stages between two texts' segmentations push out of the cache).
#[derive(Clone, Copy)]
struct Node {
    first: u32,
    kids: u32,
    freq: u32,
    /// Index in `tags`, [`NO_TAG`] where no word ends.
    tag: u8,
    log_freq: f64,
}

#[inline]
fn bit(code: u16) -> u32 {
    1 << (u32::from(code).wrapping_mul(0x9E37_79B1) >> 27)
}

impl Dict {
    pub fn read(r: &mut Reader, chars: &Chars) -> Dict {
        let total = r.u64();
        // a handful of distinct tags, leaked once: tags are handed out as &'static str
        let tags: Vec<&'static str> = (0..r.varint()).map(|_| &*Box::leak(r.str().into())).collect();
        let n = r.varint() as usize;
        // nodes are in breadth-first order, so the children of node i follow those of node
        // i - 1: their start is a running sum of the counts, and labels come in node order
        let mut counts = r.column();
        let mut deltas = r.column();
        // every leaf ends a word; an inner node has a bit that says whether one ends there
        let inner = r.varint() as usize;
        let ends = r.bytes(inner.div_ceil(8));
        let mut frequencies = r.column();
        // the tags, in the order of the words' nodes
        let mut word_tags = r.bytes(frequencies.len()).iter();
        assert_eq!(counts.len(), n, "a children count for each node");
        // ln is a library call in wasm, and most frequencies are small: look those up
        let small_ln: Vec<f64> = (0..1024).map(|f| (f as f64).ln()).collect();
        // Each node in one step: its children's labels (and their bits), then its word. Built
        // in place, with no column beside them (load-time columns would stay in the wasm's
        // memory as its peak), in one pass over the nodes, reading the counts as a column:
        // this runs before "ready", as the wasm's baseline code. Measured against four passes
        // over a counts array: 45.5 → 32.7 M instructions natively; in Node with
        // --liftoff-only, warm_up() took 28–35 ms before and 25–30 ms after.
        let mut labels = Vec::with_capacity(deltas.len() + 1);
        labels.push(0u16);
        let mut nodes: Vec<Node> = Vec::with_capacity(n + 1);
        let (mut at, mut k) = (1u32, 0);
        for i in 0..n {
            let count = counts.next() as u32;
            let (mut label, mut kids) = (0u16, 0u32);
            for _ in 0..count {
                label += deltas.next() as u16;
                labels.push(label);
                kids |= bit(label);
            }
            let mut node = Node { first: at, kids, freq: 0, tag: NO_TAG, log_freq: 0.0 };
            at += count;
            let is_word = i > 0
                && (count == 0 || {
                    let bit = ends[k / 8] >> (k % 8) & 1 == 1;
                    k += 1;
                    bit
                });
            if is_word {
                let f = frequencies.next() as u32;
                node.freq = f;
                node.log_freq = small_ln.get(f as usize).copied().unwrap_or_else(|| f64::from(f).ln());
                node.tag = *word_tags.next().expect("a tag for each word");
            }
            nodes.push(node);
        }
        nodes.push(Node { first: at, kids: 0, freq: 0, tag: NO_TAG, log_freq: 0.0 });
        assert_eq!(k, inner, "the trie's word bits do not match its shape");
        assert!(word_tags.next().is_none(), "a frequency for each word's tag");
        assert!(tags.len() < usize::from(NO_TAG), "too many tags for a byte");
        let mut root = vec![0u32; chars.len];
        for child in nodes[0].first..nodes[1].first {
            root[usize::from(labels[child as usize])] = child;
        }
        Dict { nodes, labels, root, tags, log_total: (total as f64).ln() }
    }

    /// The child of `node` labelled `code`.
    #[inline]
    pub fn child(&self, node: u32, code: u16) -> Option<u32> {
        if code == NONE {
            return None;
        }
        if node == 0 {
            return self.root.get(usize::from(code)).copied().filter(|&c| c != 0);
        }
        let Node { first, kids, .. } = self.nodes[node as usize];
        if kids & bit(code) == 0 {
            return None;
        }
        let (a, b) = (first as usize, self.nodes[node as usize + 1].first as usize);
        let labels = &self.labels[a..b];
        // most nodes have a few children: a scan beats a binary search there
        let i = if labels.len() <= 8 {
            labels.iter().position(|&l| l >= code).filter(|&i| labels[i] == code)
        } else {
            labels.binary_search(&code).ok()
        };
        i.map(|i| (a + i) as u32)
    }

    /// How many nodes the trie has (every word's id is below it).
    pub fn nodes(&self) -> usize {
        self.nodes.len()
    }

    /// The tag of a word (its node).
    pub fn tag(&self, word: u32) -> &'static str {
        self.tags[usize::from(self.nodes[word as usize].tag)]
    }

    /// The dictionary frequency of a word (its node).
    pub fn freq(&self, word: u32) -> u32 {
        self.nodes[word as usize].freq
    }

    /// The node of `word`, if it is in the dictionary.
    pub fn get(&self, chars: &Chars, word: &str) -> Option<u32> {
        let mut node = 0;
        for c in word.chars() {
            node = self.child(node, chars.code(c))?;
        }
        (node != 0 && self.nodes[node as usize].tag != NO_TAG).then_some(node)
    }

    /// Calls `f(end, word, ln frequency)` for every dictionary word starting at
    /// `codes[start]`, shortest first (`end` is the index after its last character).
    #[inline]
    pub fn prefixes(&self, codes: &[u16], start: usize, mut f: impl FnMut(usize, u32, f64)) {
        let mut node = 0;
        for (i, &c) in codes.iter().enumerate().skip(start) {
            match self.child(node, c) {
                Some(n) => node = n,
                None => return,
            }
            let Node { tag, log_freq, .. } = self.nodes[node as usize];
            if tag != NO_TAG {
                f(i + 1, node, log_freq);
            }
        }
    }
}
