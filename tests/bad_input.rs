//! The CLI on bad input, as a user would drop it: every file below gets its exit code and its
//! message, or its analysis, never a panic (exit 101). Inputs are built here; none is
//! committed. Status 2 = refused with one line naming the file and the reason.

use encoding_rs::GB18030;
use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::Command;
use zip::write::SimpleFileOptions;

const REPORT: &str = "政协清河市委员会常务委员会工作报告\n\n一、2024年工作回顾\n\n全年立案提案286件，办复率100%。开展专题协商6次，组织委员视察30余次。\n\n二、2025年工作安排\n\n计划开展专题协商8次。\n";

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("rl-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

struct Run {
    code: i32,
    stderr: String,
    json: Option<Value>,
}

/// Writes `bytes` to a file called `name` and runs `report-lens analyze` on it.
fn analyze(name: &str, bytes: &[u8]) -> Run {
    let path = dir().join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_report-lens")).arg("analyze").arg(&path).output().unwrap();
    std::fs::remove_file(&path).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let code = out.status.code().unwrap_or(-1);
    assert_ne!(code, 101, "{name} panicked: {stderr}");
    Run { code, json: serde_json::from_slice(&out.stdout).ok(), stderr }
}

/// Refused with status 2 and one line naming the file and holding `needle`.
fn refused(name: &str, bytes: &[u8], needle: &str) {
    let r = analyze(name, bytes);
    assert_eq!(r.code, 2, "{name}: {}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{name}: {}", r.stderr);
    assert!(r.stderr.contains(name) && r.stderr.contains(needle), "{name}: {}", r.stderr);
}

/// Read with status 0: the Analysis.
fn read(name: &str, bytes: &[u8]) -> Value {
    let r = analyze(name, bytes);
    assert_eq!(r.code, 0, "{name}: {}", r.stderr);
    r.json.unwrap_or_else(|| panic!("{name}: no JSON"))
}

fn text(a: &Value) -> &str {
    a["text"].as_str().unwrap()
}

fn warnings(a: &Value, kind: &str) -> Vec<String> {
    a["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["kind"] == kind)
        .map(|w| w["message"].as_str().unwrap().to_string())
        .collect()
}

fn quantities(a: &Value) -> Vec<&str> {
    a["quantities"].as_array().unwrap().iter().map(|q| q["text"].as_str().unwrap()).collect()
}

fn docx(document_body: &str, prolog: &str) -> Vec<u8> {
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document xmlns:w="w"><w:body>{document_body}</w:body></w:document>"#
    );
    zip_with(&[("word/document.xml", xml.as_bytes())])
}

fn zip_with(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut buf);
    let o = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
    for (name, data) in entries {
        z.start_file(*name, o).unwrap();
        z.write_all(data).unwrap();
    }
    z.finish().unwrap();
    buf.into_inner()
}

fn para(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// Entities and bare ampersands right before Chinese: what made the old hand-written
/// unescape slice inside a character and panic.
const ENTITIES: &str = "&amp;委员会工作报告 &gt; 政务公开 &gt; &#25919;&#x534F;提案";

#[test]
fn empty_and_whitespace_only() {
    refused("empty.txt", b"", "文件为空");
    refused("blank.txt", b" \n\t\r\n  \n", "文件为空");
}

#[test]
fn png_named_txt() {
    refused("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x01\0", "PNG 图片");
}

#[test]
fn truncated_utf8_is_read_with_a_warning() {
    let mut bytes = REPORT.trim_end().as_bytes().to_vec();
    bytes.truncate(bytes.len() - 2); // the last 。 cut in half
    let a = read("cut.txt", &bytes);
    assert_eq!(a["source"]["encoding"], "UTF-8");
    assert!(text(&a).ends_with("计划开展专题协商8次\u{FFFD}"), "{}", text(&a));
    assert!(warnings(&a, "encoding").iter().any(|w| w.contains("截断")), "{}", a["warnings"]);
    assert_eq!(warnings(&a, "garbled").len(), 1);
    assert!(quantities(&a).contains(&"286件"));
}

#[test]
fn utf16_without_bom_in_both_byte_orders() {
    for (le, enc) in [(true, "UTF-16LE"), (false, "UTF-16BE")] {
        let bytes: Vec<u8> =
            REPORT.encode_utf16().flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() }).collect();
        let a = read("utf16.txt", &bytes);
        assert_eq!(a["source"]["encoding"], enc);
        assert!(text(&a).contains("全年立案提案286件，办复率100%。"), "{enc}: {}", text(&a));
        assert_eq!(quantities(&a), vec!["286件", "100%", "6次", "30余次", "8次"], "{enc}");
        assert!(a["warnings"].as_array().unwrap().is_empty(), "{enc}: {}", a["warnings"]);
    }
}

#[test]
fn mixed_utf8_and_gbk_lines() {
    let (head, tail) = REPORT.split_at(REPORT.find("二、").unwrap());
    let mut bytes = head.as_bytes().to_vec();
    bytes.extend_from_slice(&GB18030.encode(tail).0);
    let a = read("mixed.txt", &bytes);
    assert_eq!(a["source"]["encoding"], "UTF-8 + GB18030");
    assert!(text(&a).contains("二、2025年工作安排") && text(&a).contains("计划开展专题协商8次。"), "{}", text(&a));
    let w = warnings(&a, "encoding");
    assert!(w.iter().any(|m| m.contains("第 7–9 行按 GB18030/GBK")), "{w:?}"); // blank line 8 joins the range
}

#[test]
fn gb18030_with_four_byte_characters() {
    let s = format!("{REPORT}生僻字𠀀、㐀与䶮：均应照录。\n");
    let (bytes, _, unmappable) = GB18030.encode(&s);
    assert!(!unmappable);
    assert!(bytes.windows(4).any(|w| w == [0x95, 0x32, 0x82, 0x36]), "𠀀 is a four-byte sequence");
    let a = read("gb18030.txt", &bytes);
    assert_eq!(a["source"]["encoding"], "GB18030");
    assert!(text(&a).contains("生僻字𠀀、㐀与䶮"), "{}", text(&a));
}

#[test]
fn html_with_entities_and_bare_ampersands_before_chinese() {
    let html = format!("<p>{ENTITIES}</p><p>R&D委员会工作&委员</p>");
    let a = read("entities.html", html.as_bytes());
    assert_eq!(text(&a), "&委员会工作报告 > 政务公开 > 政协提案\n\nR&D委员会工作&委员");
    // the audit's shape: no <html>, named .html, an entity straight before Chinese
    let a = read("short.html", "<p>&amp;委员会".as_bytes());
    assert_eq!(text(&a), "&委员会");
}

#[test]
fn docx_with_entities_and_bare_ampersands_before_chinese() {
    let body = [para(ENTITIES), para("&amp;委员会工作报告"), para("R&D委员会工作")].concat();
    let a = read("entities.docx", &docx(&body, ""));
    assert_eq!(a["source"]["encoding"], "DOCX");
    assert_eq!(text(&a), "&委员会工作报告 > 政务公开 > 政协提案\n\n&委员会工作报告\n\nR&D委员会工作");
}

#[test]
fn docx_bomb() {
    // 60 MB of one byte deflates ~1000:1
    let bomb = "<w:t>".to_string() + &"a".repeat(60 * 1024 * 1024) + "</w:t>";
    refused("bomb.docx", &zip_with(&[("word/document.xml", bomb.as_bytes())]), "压缩炸弹");
}

#[test]
fn docx_with_external_entity_and_dtd() {
    let secret = dir().join("secret.txt");
    std::fs::write(&secret, "机密内容不得出现").unwrap();
    let dtd = format!(
        r#"<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{}"><!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>"#,
        secret.display()
    );
    let a = read("xxe.docx", &docx(&[para("政协&xxe;委员&lol3;会"), para(REPORT)].concat(), &dtd));
    let t = text(&a);
    assert!(!t.contains("机密") && !t.contains("lollol"), "{t}");
    assert!(t.starts_with("政协&xxe;委员&lol3;会"), "{t}");
    let w = warnings(&a, "markup");
    assert!(w.iter().any(|m| m.contains("DTD")) && w.iter().any(|m| m.contains("&xxe;")), "{w:?}");
}

#[test]
fn docx_whose_text_exceeds_the_limit() {
    // 21 MB of varied Han text: compresses ~2:1, so neither the size nor the ratio limit
    // stops it; the text limit does
    let mut x = 0x2545_F491_4F6C_DD1Du64;
    let mut body = String::new();
    while body.len() < 21 * 1024 * 1024 {
        let p: String = (0..2000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                char::from_u32(0x4E00 + (x % 3000) as u32).unwrap()
            })
            .collect();
        body.push_str(&para(&p));
    }
    let bytes = docx(&body, "");
    assert!(bytes.len() < 20 * 1024 * 1024, "the file itself is under the limit");
    refused("huge-text.docx", &bytes, "文档中的文字超过 20 MB");
}

#[test]
fn fifty_megabytes_are_refused_with_their_size() {
    let mut bytes = REPORT.as_bytes().to_vec();
    bytes.resize(50 * 1024 * 1024, b'a');
    refused("big.txt", &bytes, "文件过大：50.0 MB，上限为 20 MB");
}

/// One line of Han text, no punctuation, no line break: `len` bytes.
fn one_line(len: usize) -> String {
    let unit = "政协委员会常务委员会工作报告提案办理协商议政民主监督";
    unit.repeat(len / unit.len() + 1)
}

/// Every stage is linear (tests/linearity.rs): a megabyte on one line is read in seconds, even
/// in a debug build.
#[test]
fn one_megabyte_line_without_punctuation() {
    let a = read("line.txt", one_line(1024 * 1024).as_bytes());
    assert!(a["stats"]["chars"].as_u64().unwrap() > 300_000);
}

#[test]
fn html_scripts_links_and_handlers_never_reach_the_text() {
    let html = r#"<!DOCTYPE html><html><head><title>报告</title><script>alert("head")</script></head><body>
        <h1>政协工作报告</h1>
        <p>立案提案<b>286</b>件<img src="x.png" onerror="alert('img')"><a href="javascript:steal()">详见附件</a>。</p>
        <script type="module">import('evil.js')</script><noscript>请启用脚本</noscript>
        <p onclick="track()">办复率100%。<iframe src="javascript:alert(2)"></iframe></p>
        <svg onload="alert(3)"><script>alert(4)</script></svg></body></html>"#;
    let a = read("hostile.html", html.as_bytes());
    let t = text(&a);
    for code in ["alert", "javascript", "steal", "onerror", "onclick", "track", "evil", "请启用脚本", "<"] {
        assert!(!t.contains(code), "{code} in {t}");
    }
    assert_eq!(t, "# 政协工作报告\n\n立案提案286件详见附件。\n\n办复率100%。");
}
