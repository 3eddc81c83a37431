//! UTF-8 and GB18030 (which includes GBK and GB2312), decided line by line when the file as a
//! whole is not valid UTF-8: reports are pasted together from several sources, and one GBK
//! paragraph in a UTF-8 file must not turn the whole file into mojibake or a refusal.
//!
//! Per line: valid UTF-8 is UTF-8, unless most of the file is GB18030 and the GB18030 reading
//! of that line is more plausible (short GBK lines can be valid UTF-8 by chance). A line that
//! is not UTF-8 is GB18030 if it decodes strictly and is not mostly-good UTF-8 with a broken
//! byte; anything else is decoded with U+FFFD in whichever encoding breaks it least.

use super::encoding::GB18030;
use super::script::{line_list, plausible, plausible_share};
use super::Notice;

pub struct Lines {
    pub text: String,
    /// `UTF-8`, `GB18030` or `UTF-8 + GB18030` for a mixed file.
    pub encoding: &'static str,
    pub warnings: Vec<Notice>,
    /// Characters replaced by U+FFFD.
    pub replaced: usize,
}

/// How many line numbers a message lists before it sums up.
const LISTED: usize = 12;

pub fn decode(bytes: &[u8]) -> Lines {
    match std::str::from_utf8(bytes) {
        Ok(s) => return Lines { text: s.to_owned(), encoding: "UTF-8", warnings: Vec::new(), replaced: 0 },
        // only the last character is incomplete: a file cut off in the middle of a character
        Err(e) if e.error_len().is_none() => {
            let mut text = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            text.push('\u{FFFD}');
            let cut = bytes.len() - e.valid_up_to();
            let warning = Notice::encoding(format!(
                "文件末尾的最后一个字符不完整（缺少字节，只剩 {cut} 个字节，文件可能被截断），已替换为 �"
            ));
            return Lines { text, encoding: "UTF-8", warnings: vec![warning], replaced: 1 };
        }
        Err(_) => {}
    }
    by_line(bytes)
}

#[derive(Clone, Copy, PartialEq)]
enum Enc {
    Ascii,
    Utf8,
    Gb,
}

fn gb_strict(line: &[u8]) -> Option<String> {
    GB18030.decode_without_bom_handling_and_without_replacement(line).map(|s| s.into_owned())
}

/// Multi-byte characters: three of them make a run of bytes UTF-8 beyond reasonable doubt.
fn multibyte(s: &str) -> usize {
    s.chars().filter(|c| !c.is_ascii()).count()
}

/// A line that changes encoding in the middle (two files pasted together mid-line): a UTF-8
/// head and a GB18030 rest, or a GB18030 head and a UTF-8 tail. The UTF-8 part is what stays
/// valid UTF-8 up to the first (from the last) broken sequence, less any implausible
/// characters at its edge (GBK bytes that happened to be valid UTF-8).
fn split_line(line: &[u8]) -> Option<String> {
    let mut chunks = line.utf8_chunks();
    let head = chunks.next()?.valid().trim_end_matches(|c| !plausible(c));
    if multibyte(head) >= 3 {
        if let Some(gb) = gb_strict(&line[head.len()..]) {
            return Some(head.to_owned() + &gb);
        }
    }
    let last = line.utf8_chunks().last()?;
    if !last.invalid().is_empty() {
        return None;
    }
    let tail = last.valid().trim_start_matches(|c| !plausible(c));
    if multibyte(tail) >= 3 {
        if let Some(gb) = gb_strict(&line[..line.len() - tail.len()]) {
            return Some(gb + tail);
        }
    }
    None
}

fn fffd(s: &str) -> usize {
    s.chars().filter(|&c| c == '\u{FFFD}').count()
}

fn by_line(bytes: &[u8]) -> Lines {
    // first pass: what each line is on its own
    let mut first: Vec<(Enc, String, usize)> = Vec::new(); // (encoding, text, replaced)
    let lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
    for &line in &lines {
        if line.is_ascii() {
            first.push((Enc::Ascii, String::from_utf8_lossy(line).into_owned(), 0));
        } else if let Ok(s) = std::str::from_utf8(line) {
            first.push((Enc::Utf8, s.to_owned(), 0));
        } else {
            let lossy = String::from_utf8_lossy(line);
            let broken = fffd(&lossy);
            // UTF-8 with a broken byte or two stays UTF-8; GBK read as UTF-8 breaks at every character
            let mostly_utf8 = broken * 5 < lossy.chars().filter(|c| !c.is_ascii()).count();
            if mostly_utf8 {
                first.push((Enc::Utf8, lossy.into_owned(), broken));
                continue;
            }
            match gb_strict(line) {
                Some(gb) => first.push((Enc::Gb, gb, 0)),
                None => {
                    let (gb, _) = GB18030.decode_without_bom_handling(line);
                    let gb_broken = fffd(&gb);
                    if gb_broken < broken {
                        first.push((Enc::Gb, gb.into_owned(), gb_broken));
                    } else {
                        first.push((Enc::Utf8, lossy.into_owned(), broken));
                    }
                }
            }
        }
    }
    let count = |e: Enc| first.iter().filter(|l| l.0 == e).count();
    let mostly_gb = count(Enc::Gb) > count(Enc::Utf8);
    // a line that changes encoding midway: tried on lines broken either way, and on clean
    // GB18030 lines only in a file that evidently holds both encodings
    let both = count(Enc::Gb) > 0 && first.iter().any(|l| l.0 == Enc::Utf8 && l.2 == 0);
    for (l, &raw) in first.iter_mut().zip(&lines) {
        if l.2 > 0 || (both && l.0 == Enc::Gb) {
            if let Some(split) = split_line(raw) {
                *l = (Enc::Gb, split, 0);
            }
        }
    }

    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let (mut utf8_lines, mut gb_lines, mut broken_lines) = (Vec::new(), Vec::new(), Vec::new());
    // ASCII lines (blank ones above all) between two lines of one encoding count with them,
    // so a pasted GBK block is named as one range
    let (mut last, mut ascii_run): (Option<Enc>, Vec<usize>) = (None, Vec::new());
    let mut replaced = 0;
    for (i, (mut enc, mut s, bad)) in first.into_iter().enumerate() {
        if enc == Enc::Utf8 && bad == 0 && mostly_gb {
            let raw = s.as_bytes();
            if let Some(gb) = gb_strict(raw) {
                if plausible_share(&gb, 4096) > plausible_share(&s, 4096) {
                    (enc, s) = (Enc::Gb, gb);
                }
            }
        }
        let lines = match enc {
            Enc::Utf8 => Some(&mut utf8_lines),
            Enc::Gb => Some(&mut gb_lines),
            Enc::Ascii => None,
        };
        match lines {
            Some(lines) => {
                if last == Some(enc) {
                    lines.append(&mut ascii_run);
                }
                ascii_run.clear();
                lines.push(i + 1);
                last = Some(enc);
            }
            None => ascii_run.push(i + 1),
        }
        if bad > 0 {
            broken_lines.push(i + 1);
            replaced += bad;
        }
        text.push_str(&s);
    }

    let mut warnings = Vec::new();
    let encoding = match (utf8_lines.is_empty(), gb_lines.is_empty()) {
        (false, false) => {
            // name the minority: those are the lines pasted in from elsewhere
            let (minority, name, other) = if gb_lines.len() <= utf8_lines.len() {
                (&gb_lines, "GB18030/GBK", "UTF-8")
            } else {
                (&utf8_lines, "UTF-8", "GB18030/GBK")
            };
            warnings.push(Notice::encoding(format!(
                "文件混用两种编码：第 {} 行按 {name} 解码，其余按 {other}",
                line_list(minority, LISTED)
            )));
            "UTF-8 + GB18030"
        }
        (true, false) => "GB18030",
        _ => "UTF-8",
    };
    if !broken_lines.is_empty() {
        warnings.push(Notice::encoding(format!(
            "第 {} 行有 {replaced} 处无法解码的字节，已替换为 �",
            line_list(&broken_lines, LISTED)
        )));
    }
    Lines { text, encoding, warnings, replaced }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(s: &str) -> Vec<u8> {
        encoding_rs::GB18030.encode(s).0.into_owned()
    }

    #[test]
    fn a_cut_last_character_is_replaced() {
        let mut b = "政协委员会".as_bytes().to_vec();
        b.truncate(b.len() - 1);
        let l = decode(&b);
        assert_eq!(l.text, "政协委员\u{FFFD}");
        assert_eq!((l.encoding, l.replaced, l.warnings.len()), ("UTF-8", 1, 1));
        assert!(l.warnings[0].message.contains("截断"));
    }

    #[test]
    fn mixed_lines_are_decoded_each_in_its_own_encoding() {
        let mut b = "一、工作回顾\n全年立案提案286件。\n".as_bytes().to_vec();
        b.extend(gbk("二、协商议政\n开展专题协商6次。\n"));
        b.extend("三、民主监督\n".as_bytes());
        let l = decode(&b);
        assert_eq!(l.text, "一、工作回顾\n全年立案提案286件。\n二、协商议政\n开展专题协商6次。\n三、民主监督\n");
        assert_eq!(l.encoding, "UTF-8 + GB18030");
        assert!(l.warnings[0].message.contains("第 3–4 行按 GB18030/GBK"), "{}", l.warnings[0].message);
    }

    #[test]
    fn a_line_that_changes_encoding_midway() {
        for (a, b) in [("全年立案提案", "286件，办复率100%。\n"), ("开展专题协商", "共6次。\n")] {
            let mut utf8_first = "第一行\n".as_bytes().to_vec();
            utf8_first.extend(a.as_bytes());
            utf8_first.extend(gbk(b));
            assert_eq!(decode(&utf8_first).text, format!("第一行\n{a}{b}"));
            let mut gbk_first = "第一行\n".as_bytes().to_vec();
            gbk_first.extend(gbk(a));
            gbk_first.extend(b.as_bytes());
            assert_eq!(decode(&gbk_first).text, format!("第一行\n{a}{b}"));
        }
    }

    #[test]
    fn gbk_files_and_gb18030_four_byte_characters() {
        let s = "𠀀字与㐀字：政协委员2024年提交提案12件。\n第二行\n";
        let b = gbk(s);
        assert!(b.windows(4).any(|w| w == [0x95, 0x32, 0x82, 0x36]), "U+20000 is four bytes");
        let l = decode(&b);
        assert_eq!((l.text.as_str(), l.encoding, l.warnings.len()), (s, "GB18030", 0));
    }

    #[test]
    fn a_broken_byte_in_utf8_stays_utf8() {
        let mut b = "全国政协委员会常务委员会工作报告".as_bytes().to_vec();
        b[6] = 0xFF;
        b.extend(b"\nok\n");
        let l = decode(&b);
        assert!(l.text.starts_with("全国\u{FFFD}"), "{}", l.text);
        assert_eq!((l.encoding, l.replaced), ("UTF-8", 3));
        assert!(l.warnings[0].message.contains("第 1 行"));
    }
}
