//! FxHash (rustc's hasher) for maps keyed by chars or packed chars: the keys come from the
//! text, but a slow collision costs a lookup, not safety, and SipHash on every char of a long
//! report was a large share of finding entities and phrases.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // eight bytes a step, as rustc-hash does: strings are keys too (words, terms)
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.write_u64(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // the bytes little-endian, as `from_le_bytes` of them zero-padded would read them,
            // without the copy (a memcpy call in wasm; most keys are a word of 3-12 bytes)
            let last = rest.iter().rev().fold(0u64, |v, &b| v << 8 | u64::from(b));
            self.write_u64(last ^ (rest.len() as u64) << 59);
        }
    }
    fn write_u8(&mut self, x: u8) {
        // what `write(&[x])` gives: `str` keys end with one (0xff)
        self.write_u64(u64::from(x) ^ 1 << 59);
    }
    fn write_u32(&mut self, x: u32) {
        self.write_u64(x as u64);
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u128(&mut self, x: u128) {
        self.write_u64(x as u64);
        self.write_u64((x >> 64) as u64);
    }
}

pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

pub type FxSet<T> = std::collections::HashSet<T, BuildHasherDefault<Fx>>;

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash of a byte string as rustc-hash reads it: zero-padded last chunk, its length in
    /// the top bits (maps' orders, and so some ties, hang on these values: they must not move).
    fn reference(bytes: &[u8]) -> u64 {
        let mut h = Fx::default();
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            h.write_u64(u64::from_le_bytes(c.try_into().unwrap()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            h.write_u64(u64::from_le_bytes(last) ^ (rest.len() as u64) << 59);
        }
        h.finish()
    }

    #[test]
    fn bytes_hash_as_the_zero_padded_chunks_do() {
        let text = "政协委员履职尽责，提案办复率100%。".as_bytes();
        for n in 0..text.len() {
            let mut h = Fx::default();
            h.write(&text[..n]);
            assert_eq!(h.finish(), reference(&text[..n]), "{n} bytes");
        }
        let mut h = Fx::default();
        h.write_u8(0xff);
        assert_eq!(h.finish(), reference(&[0xff]));
    }
}
