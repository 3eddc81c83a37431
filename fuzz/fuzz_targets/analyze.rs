//! The whole pipeline on raw bytes; the first byte picks the file name (and so the reader).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let name = ["report.txt", "report.html", "report.docx", "report.md"][pick as usize % 4];
    let _ = report_lens::analyze_bytes(name, bytes, &report_lens::Options::default());
});
