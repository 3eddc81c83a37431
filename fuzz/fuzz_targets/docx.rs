//! .docx alone: the zip and its limits, then the XML (mutations of compressed bytes rarely
//! reach the XML: the `wordml` target fuzzes that directly).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = report_lens::intake::docx::read(data);
});
