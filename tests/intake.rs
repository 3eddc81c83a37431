//! Intake of .docx (built here with the zip crate), .html and the types that are refused.

use report_lens::{analyze_bytes, Error, Options};
use std::io::Write;
use zip::write::SimpleFileOptions;

fn docx(document_xml: &str, styles_xml: Option<&str>) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut buf);
    let o = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    z.start_file("[Content_Types].xml", o).unwrap();
    z.write_all(br#"<?xml version="1.0"?><Types/>"#).unwrap();
    z.start_file("word/document.xml", o).unwrap();
    z.write_all(document_xml.as_bytes()).unwrap();
    if let Some(s) = styles_xml {
        z.start_file("word/styles.xml", o).unwrap();
        z.write_all(s.as_bytes()).unwrap();
    }
    z.finish().unwrap();
    buf.into_inner()
}

fn para(style: Option<&str>, text: &str) -> String {
    let ppr = style.map(|s| format!(r#"<w:pPr><w:pStyle w:val="{s}"/></w:pPr>"#)).unwrap_or_default();
    format!(r#"<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

const STYLES: &str = r#"<w:styles><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style><w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/></w:style></w:styles>"#;

#[test]
fn docx_paragraphs_and_heading_styles() {
    // Chinese Word names its heading styles "1", "2": the names in styles.xml tell the level
    let body = [
        para(Some("a3"), "政协清河市第五届委员会常务委员会工作报告"),
        para(None, "各位委员："),
        para(Some("1"), "2024年工作回顾"),
        para(Some("2"), "做好提案工作"),
        para(None, "全年征集提案312件，立案286件，办复率达100%。"),
        para(Some("1"), "2025年工作安排"),
        para(None, "计划开展专题协商6次。"),
        r#"<w:p><w:r><w:t>A &amp; B &lt;3&gt;</w:t><w:tab/><w:t>完</w:t></w:r></w:p>"#.to_string(),
    ]
    .concat();
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="x"><w:body>{body}</w:body></w:document>"#
    );
    let a = analyze_bytes("report.docx", &docx(&xml, Some(STYLES)), &Options::default()).unwrap();
    assert_eq!(a.source.encoding, "DOCX");
    assert_eq!(a.meta.title.as_deref(), Some("政协清河市第五届委员会常务委员会工作报告"));
    let outline: Vec<(u8, &str)> = a.sections.iter().map(|s| (s.level, s.title.as_str())).collect();
    assert_eq!(outline, vec![(1, "2024年工作回顾"), (2, "做好提案工作"), (1, "2025年工作安排")]);
    let q: Vec<(&str, bool)> = a.quantities.iter().map(|q| (q.text.as_str(), q.target)).collect();
    assert_eq!(q, vec![("312件", false), ("286件", false), ("100%", false), ("6次", true)]);
    assert!(a.text.contains("A & B <3> 完"));
}

#[test]
fn corrupt_and_hostile_docx() {
    let o = Options::default();
    // a truncated archive
    let mut bytes = docx(&format!("<w:document><w:body>{}</w:body></w:document>", para(None, "正文")), None);
    bytes.truncate(bytes.len() / 2);
    let e = analyze_bytes("broken.docx", &bytes, &o).unwrap_err();
    assert!(matches!(e, Error::Corrupt { .. }) && e.to_string().contains("损坏"), "{e}");
    // not a zip at all, named .docx
    let e = analyze_bytes("fake.docx", "只是文字".as_bytes(), &o).unwrap_err();
    assert!(matches!(e, Error::Corrupt { .. }), "{e}");
    // a zip bomb: 60 MB of one repeated byte compresses ~1000:1
    let bomb = "<w:t>".to_string() + &"a".repeat(60 * 1024 * 1024) + "</w:t>";
    let e = analyze_bytes("bomb.docx", &docx(&bomb, None), &o).unwrap_err();
    assert!(e.to_string().contains("压缩炸弹"), "{e}");
    // a zip that is not a Word document
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut buf);
    z.start_file("a.txt", SimpleFileOptions::default()).unwrap();
    z.write_all(b"x").unwrap();
    z.finish().unwrap();
    let e = analyze_bytes("a.zip", &buf.into_inner(), &o).unwrap_err();
    assert!(matches!(e, Error::Unsupported { .. }), "{e}");
}

#[test]
fn html_text_only_in_its_charset() {
    let html = "<html><head><meta charset=\"gbk\"><title>t</title><script>document.write('<p>假</p>')</script></head><body><h1>政协清河市工作报告</h1><h2>一、工作回顾</h2><p>立案提案<b>286</b>件。</p><style>.x{}</style></body></html>";
    let (gbk, _, _) = encoding_rs::GBK.encode(html);
    let a = analyze_bytes("r.html", &gbk, &Options::default()).unwrap();
    assert_eq!(a.source.encoding, "HTML (GBK)");
    assert!(!a.text.contains("假") && !a.text.contains("document.write") && !a.text.contains('<'));
    assert_eq!(a.meta.title.as_deref(), Some("政协清河市工作报告"));
    assert_eq!(a.sections.iter().map(|s| s.title.as_str()).collect::<Vec<_>>(), vec!["一、工作回顾"]);
    assert_eq!(a.quantities[0].text, "286件");
}

#[test]
fn other_types_name_what_works() {
    let o = Options::default();
    for (name, bytes) in [
        ("a.pdf", b"%PDF-1.7".to_vec()),
        ("b.png", b"\x89PNG\r\n".to_vec()),
        ("c.xlsx", b"PK\x03\x04".to_vec()),
        ("d.doc", vec![0xD0, 0xCF, 0x11, 0xE0]),
    ] {
        let e = analyze_bytes(name, &bytes, &o).unwrap_err();
        assert!(e.to_string().contains(".txt、.md、.html 或 .docx"), "{name}: {e}");
    }
}

#[test]
fn each_docx_limit_has_its_message() {
    let o = Options::default();
    // too many entries
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut buf);
    for i in 0..10_001 {
        z.start_file(format!("x/{i}"), SimpleFileOptions::default()).unwrap();
    }
    z.finish().unwrap();
    let e = analyze_bytes("many.docx", &buf.into_inner(), &o).unwrap_err();
    assert!(e.to_string().contains("条目过多（10001 个，上限 10000）"), "{e}");
    // nesting deeper than the XML reader allows
    let deep = format!("<w:document>{}{}</w:document>", "<w:sdt>".repeat(300), "</w:sdt>".repeat(300));
    let e = analyze_bytes("deep.docx", &docx(&deep, None), &o).unwrap_err();
    assert!(e.to_string().contains("嵌套超过 256 层"), "{e}");
    // broken XML names the entry and the place
    let e = analyze_bytes("broken.docx", &docx("<w:document><w:p></w:body>", None), &o).unwrap_err();
    assert!(e.to_string().contains("word/document.xml 第") && e.to_string().contains("XML 格式错误"), "{e}");
}

#[test]
fn docx_headings_from_outline_levels_in_styles() {
    // a custom style with no heading name, only an outline level, still makes a heading
    let styles = r#"<w:styles><w:style w:styleId="z1"><w:name w:val="公文一级"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>"#;
    let body = [
        para(None, "政协清河市委员会常务委员会工作报告"),
        para(Some("z1"), "一、2024年工作回顾"),
        para(None, "立案提案286件。"),
    ]
    .concat();
    let xml = format!("<w:document><w:body>{body}</w:body></w:document>");
    let a = analyze_bytes("r.docx", &docx(&xml, Some(styles)), &Options::default()).unwrap();
    assert!(a.text.contains("\n\n# 一、2024年工作回顾\n\n"), "{}", a.text);
    assert_eq!(
        a.sections.iter().map(|s| (s.level, s.title.as_str())).collect::<Vec<_>>(),
        vec![(1, "一、2024年工作回顾")]
    );
}
