//! The docx XML alone: styles.xml and document.xml as quick-xml reads them.
#![no_main]
use libfuzzer_sys::fuzz_target;
use report_lens::intake::wordml;

fuzz_target!(|data: &[u8]| {
    let xml = String::from_utf8_lossy(data);
    let styles = wordml::heading_styles(&xml).unwrap_or_default();
    let _ = wordml::paragraphs(&xml, &styles);
});
