//! HTML alone: charset detection on the bytes, then text extraction from the markup.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = report_lens::intake::html::decode(data);
    let _ = report_lens::intake::html::to_text(&String::from_utf8_lossy(data));
});
