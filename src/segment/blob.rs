//! The byte format of the segmentation blob, shared by its writer (`build.rs`, which includes
//! this file) and its reader (`data.rs`): little-endian numbers, LEB128 varints, strings with
//! their length first.
#![allow(dead_code)] // each side uses one half

/// First bytes of the blob; change it with the format.
pub const FORMAT: &[u8] = b"report-lens segment v4\n";
/// Log-probabilities are stored as `-p / LOG_STEP` in a u16. Measured: at 1/1000 of a nat
/// segmentation and tags agree with jieba-rs's f64 tables on every token of the test corpus.
pub const LOG_STEP: f64 = 1.0 / 3600.0;
/// The POS model's emissions (89k of them, most of its size) are stored in one byte, as
/// `-p / POS_STEP`.
pub const POS_STEP: f64 = 1.0 / 15.0;
/// The stored value for an impossible event (jieba's MIN_FLOAT).
pub const NO_PROB: u16 = u16::MAX;

#[derive(Default)]
pub struct Writer {
    pub out: Vec<u8>,
}

impl Writer {
    pub fn bytes(&mut self, b: &[u8]) {
        self.out.extend_from_slice(b);
    }
    pub fn u8(&mut self, v: u8) {
        self.out.push(v);
    }
    pub fn u16(&mut self, v: u16) {
        self.bytes(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.bytes(&v.to_le_bytes());
    }
    pub fn f64(&mut self, v: f64) {
        self.bytes(&v.to_le_bytes());
    }
    pub fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.out.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.out.push(v as u8);
    }
    pub fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.bytes(s.as_bytes());
    }
    /// A column of numbers, most below 128, as two streams: one byte per number (its low 7
    /// bits, the high bit set when more follow), then the rest of the larger numbers as
    /// varints. gzip models each stream better than the interleaved varints (measured on the
    /// trie: labels 315 -> 299 KB, values 217 -> 212 KB).
    pub fn column(&mut self, values: impl IntoIterator<Item = u64>) {
        let (mut low, mut rest) = (Vec::new(), Writer::default());
        for v in values {
            low.push(if v < 0x80 { v as u8 } else { (v as u8) | 0x80 });
            if v >= 0x80 {
                rest.varint(v >> 7);
            }
        }
        self.varint(low.len() as u64);
        self.varint(rest.out.len() as u64);
        self.bytes(&low);
        self.bytes(&rest.out);
    }
}

/// Reads the blob front to back. The blob is built by `build.rs` from files in the
/// repository, so a malformed one is a build bug: reading past the end panics.
pub struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Reader { data, at: 0 }
    }
    pub fn bytes(&mut self, n: usize) -> &'a [u8] {
        let b = &self.data[self.at..self.at + n];
        self.at += n;
        b
    }
    #[inline]
    pub fn u8(&mut self) -> u8 {
        let b = self.data[self.at];
        self.at += 1;
        b
    }
    pub fn u16(&mut self) -> u16 {
        u16::from_le_bytes(self.bytes(2).try_into().unwrap())
    }
    pub fn u64(&mut self) -> u64 {
        u64::from_le_bytes(self.bytes(8).try_into().unwrap())
    }
    pub fn f64(&mut self) -> f64 {
        f64::from_le_bytes(self.bytes(8).try_into().unwrap())
    }
    #[inline]
    pub fn varint(&mut self) -> u64 {
        // most values take one byte
        let b = self.u8();
        if b < 0x80 {
            return u64::from(b);
        }
        let (mut v, mut shift) = (u64::from(b & 0x7f), 7);
        loop {
            let b = self.u8();
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return v;
            }
            shift += 7;
        }
    }
    pub fn str(&mut self) -> &'a str {
        let n = self.varint() as usize;
        std::str::from_utf8(self.bytes(n)).expect("blob strings are UTF-8")
    }
    /// A column written by `Writer::column`, read number by number.
    pub fn column(&mut self) -> Column<'a> {
        let (n, rest) = (self.varint() as usize, self.varint() as usize);
        Column { low: self.bytes(n).iter(), rest: Reader::new(self.bytes(rest)) }
    }
    pub fn is_at_end(&self) -> bool {
        self.at == self.data.len()
    }
}

/// The numbers of a column (`Writer::column`), in order.
pub struct Column<'a> {
    /// The low bytes not read yet (an iterator: a pointer's step, where an index is checked
    /// against the length at every number).
    low: std::slice::Iter<'a, u8>,
    rest: Reader<'a>,
}

impl Column<'_> {
    /// How many numbers the column holds (one low byte each), before any is read.
    pub fn len(&self) -> usize {
        self.low.len()
    }

    #[inline]
    pub fn next(&mut self) -> u64 {
        let b = *self.low.next().expect("a column holds the numbers its reader asks for");
        if b < 0x80 {
            u64::from(b)
        } else {
            u64::from(b & 0x7f) | self.rest.varint() << 7
        }
    }
}
