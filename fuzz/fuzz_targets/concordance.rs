//! Concordance: the first byte is the width, then `term` and the text, split at the first
//! line break.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&width, rest)) = data.split_first() else { return };
    let s = String::from_utf8_lossy(rest);
    let (term, text) = s.split_once('\n').unwrap_or((&s, &s));
    let _ = report_lens::concordance(text, term, width as usize, 200);
});
