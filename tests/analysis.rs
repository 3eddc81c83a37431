//! The Analysis on fixtures we wrote and counted by hand, across encodings, with astral
//! characters, and on bad input.

use report_lens::{analyze_bytes, analyze_text, Analysis, Error, Options};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn analyze(bytes: &[u8]) -> Analysis {
    analyze_bytes("t.txt", bytes, &Options::default()).unwrap()
}

/// The UTF-16 slice of the analysis text at a span.
fn slice(a: &Analysis, span: [usize; 2]) -> String {
    let units: Vec<u16> = a.text.encode_utf16().collect();
    String::from_utf16(&units[span[0]..span[1]]).unwrap()
}

#[test]
fn figures_counted_by_hand() {
    let a = analyze(&fixture("small.txt"));
    let s = &a.stats;
    // 15 + 6 + 29 + 6 + 9 non-space characters on the five lines; Han 10 + 5 + 18 + 5 + 8
    assert_eq!((s.chars, s.han_chars, s.paragraphs, s.sentences), (65, 46, 5, 6));
    assert_eq!(s.mean_sentence_chars, 10.8); // 65 / 6
    assert_eq!(a.meta.title.as_deref(), Some("清河市政协2024年工作简报"));
    let q: Vec<(&str, f64, &str, &str, bool)> = a
        .quantities
        .iter()
        .map(|q| (q.text.as_str(), q.value, q.unit.as_str(), q.category.as_str(), q.target))
        .collect();
    assert_eq!(
        q,
        vec![
            ("4次", 4.0, "次", "meetings", false),
            ("120件", 120.0, "件", "proposals", false),
            ("100%", 100.0, "%", "percentage", false)
        ]
    );
    let parts: Vec<(&str, &str)> = a
        .sections
        .iter()
        .map(|s| {
            (
                s.title.as_str(),
                match s.part {
                    report_lens::structure::Part::Review => "review",
                    report_lens::structure::Part::Plan => "plan",
                    _ => "other",
                },
            )
        })
        .collect();
    // the title line is meta, not a section
    assert_eq!(parts, vec![("一、工作回顾", "review"), ("二、工作安排", "plan")]);
    assert_eq!(a.schema, "report-lens/analysis@1");
    assert!(a.terms.iter().any(|t| t.term == "提案" && t.count == 2), "{:?}", a.terms);
}

#[test]
fn spans_are_utf16_offsets_past_astral_characters() {
    let text = "𠀀好😀𦡦 政协委员立案提案230件，全过程人民民主。";
    let a = analyze_text("x", text, &Options::default()).unwrap();
    let q = &a.quantities[0];
    assert_eq!(slice(&a, q.span), "230件");
    let chars_before = text[..text.find("230").unwrap()].chars().count();
    assert_eq!(q.span[0], chars_before + 3, "three astral chars take two units each");
    assert_eq!(a.stats.han_chars, text.chars().filter(|&c| report_lens::clean::is_han(c)).count());
}

#[test]
fn same_analysis_in_every_encoding() {
    let text = String::from_utf8(fixture("sample-report.txt")).unwrap();
    let utf8 = analyze(text.as_bytes());
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let (gb, _, bad) = encoding_rs::GB18030.encode(&text);
    assert!(!bad);
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let crlf = text.replace('\n', "\r\n");
    for (bytes, enc) in
        [(bom, "UTF-8"), (gb.into_owned(), "GB18030"), (le, "UTF-16LE"), (be, "UTF-16BE"), (crlf.into_bytes(), "UTF-8")]
    {
        let mut a = analyze(&bytes);
        assert_eq!(a.source.encoding, enc);
        a.source = utf8.source.clone();
        assert_eq!(a, utf8, "{enc}");
    }
}

#[test]
fn bad_input_is_a_clear_error() {
    let o = Options::default();
    assert_eq!(analyze_bytes("e", b"", &o).unwrap_err(), Error::Empty);
    let png = analyze_bytes("p", b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", &o).unwrap_err();
    assert!(png.to_string().contains("二进制") && png.to_string().contains("PNG"), "{png}");
    let pdf = analyze_bytes("p", b"%PDF-1.4\n", &o).unwrap_err();
    assert!(pdf.to_string().contains("PDF"), "{pdf}");
    let mut big = "政协".to_string().into_bytes();
    big.resize(25 * 1024 * 1024, b'a');
    let e = analyze_bytes("big", &big, &o).unwrap_err();
    assert!(e.to_string().contains("文件过大") && e.to_string().contains("25.0 MB"), "{e}");
    // invalid in UTF-8 and in GB18030: 0xFF is never a GB18030 lead byte
    let e = analyze_bytes("x", b"abc\xFF\xFEdef\xFF", &o).unwrap_err();
    assert!(matches!(e, Error::UnknownEncoding | Error::Binary { .. }), "{e:?}");
}

#[test]
fn messy_text_never_panics() {
    let o = Options::default();
    for s in [
        "２０２３年，市政协（１）召开会议３次。\n\n\n（二）",
        "１，２３４人；1,234,567元；3.5.6个；1..2次；。。。",
        "第",
        "近",
        "上百",
        "百分之",
        "3至",
        "三到",
        "1.2万",
        "十余",
        "数十家",
        "〇〇〇",
        "两千余万元",
        "## \n### \n【】\n（）\n一、\n1.\n",
        "\u{FEFF}\r\n\r\n政协\u{200B}委员\u{A0}\u{3000}",
    ] {
        let _ = analyze_text("m", s, &o);
    }
    // every char boundary of a real-looking report as a cut point
    let text = String::from_utf8(fixture("sample-report.txt")).unwrap();
    for (i, _) in text.char_indices().step_by(7) {
        let _ = analyze_text("cut", &text[..i], &o);
    }
}

/// Random text made of the characters that trip parsers (numerals of every kind, units,
/// brackets, quotes, markers, line breaks, astral chars) never panics the analysis.
#[test]
fn random_tricky_text_never_panics() {
    const POOL: &[&str] = &[
        "1",
        "2",
        "０",
        "９",
        ".",
        "．",
        ",",
        "%",
        "％",
        "一",
        "二",
        "两",
        "十",
        "百",
        "千",
        "万",
        "亿",
        "〇",
        "余",
        "多",
        "近",
        "约",
        "超",
        "上",
        "数",
        "几",
        "第",
        "届",
        "次",
        "件",
        "个",
        "人",
        "元",
        "万元",
        "人次",
        "至",
        "-",
        "—",
        "～",
        "《",
        "》",
        "“",
        "”",
        "（",
        "）",
        "(",
        ")",
        "【",
        "】",
        "、",
        "，",
        "。",
        "：",
        "；",
        "\n",
        "\n\n",
        " ",
        "#",
        "## ",
        "**",
        "一、",
        "（一）",
        "1.",
        "政协",
        "委员",
        "提案",
        "主席",
        "杨光",
        "辽源市",
        "会议",
        "座谈会",
        "两个确立",
        "𠀀",
        "😀",
        "百分之",
        "左右",
        "以上",
        "——",
        "(上接第一版)",
        "委员通道",
        "的决定",
        "通过",
        "本报记者 ",
        "年",
        "月",
        "日",
        "2023",
        "星期",
        // page furniture, heads and hard line breaks (repair, meta)
        "Page 3 - ",
        "P. 2",
        "- 3 -",
        "·2·",
        "页",
        "3/12",
        " | ",
        " > ",
        "首页",
        "来源:",
        "浏览次数:",
        "【打印】",
        "各位委员：",
        "工 作 报 告",
        "中国人民政治协商会议",
        "XX",
        "届委员会",
        "次会议",
        "省",
        "区",
        "\u{3000}",
        "居",
        "民",
        "摘要",
        "以",
        "市政协主席  ",
        "……3",
    ];
    let mut next = xorshift(0x2545_F491_4F6C_DD1D);
    for i in 0..1000 {
        // short texts, and texts of many lines (the shapes of PDF text and portal pages)
        let lines = if i % 2 == 0 { 1 } else { 8 + (next() % 24) as usize };
        let text: String = (0..lines)
            .map(|_| {
                let len = 1 + (next() % 60) as usize;
                (0..len).map(|_| POOL[(next() % POOL.len() as u64) as usize]).collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n");
        if let Ok(a) = analyze_text("r", &text, &Options::default()) {
            let units = a.text.encode_utf16().count();
            for q in &a.quantities {
                assert!(q.span[0] < q.span[1] && q.span[1] <= units, "{text:?}: {q:?}");
            }
            for s in &a.sections {
                assert!(s.span[1] <= units);
            }
            for w in &a.warnings {
                assert!(w.span.is_some_and(|[s, e]| s <= e && e <= units), "{text:?}: {w:?}");
            }
        }
    }
}

/// Random bytes under every name never panic intake: zip, HTML and text paths all answer.
#[test]
fn random_bytes_never_panic() {
    let mut next = xorshift(0x9E37_79B9_7F4A_7C15);
    for i in 0..3000 {
        let len = (next() % 300) as usize;
        let mut bytes: Vec<u8> = (0..len).map(|_| (next() & 0xFF) as u8).collect();
        if i % 3 == 0 {
            bytes.splice(0..0, b"PK\x03\x04".iter().copied());
        } else if i % 3 == 1 {
            bytes.splice(0..0, "<html><body><h1>政协".bytes());
        }
        for name in ["x.docx", "x.html", "x.txt"] {
            let _ = analyze_bytes(name, &bytes, &Options::default());
        }
    }
}

/// A fixed-seed xorshift generator: random inputs that are the same on every run.
fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    }
}
