//! Text decoding alone: encodings, BOMs, UTF-16 sniffing, mixed lines.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = report_lens::intake::text::decode(data);
});
