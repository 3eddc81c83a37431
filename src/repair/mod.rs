//! Repairs of badly extracted text, before anything is counted, in two passes:
//! 1. lines (`furniture`, `wraps`): page furniture is set aside (page numbers, running heads,
//!    portal chrome, watermarks) and lines that a hard line break cut are joined;
//! 2. paragraphs (`breaks`): a block repeated verbatim is kept once, a paragraph broken
//!    mid-sentence by a page or column break is joined, and captions that interrupted it are
//!    set after it.
//!
//! Each repair is reported with its span in the repaired text, which is the text every other
//! span refers to, and with the text it took out (`removed`). Decisions that read words probe
//! the simplified form of a line, so a traditional report is repaired like its twin.

mod breaks;
mod furniture;
mod wraps;

use crate::analysis::{Warning, WarningKind};
use crate::structure::{paragraph_ranges, Range};
use crate::utf16::Utf16Index;
use breaks::Edit;
use furniture::Furniture;

pub struct Repaired {
    pub text: String,
    pub warnings: Vec<Warning>,
}

/// A repair made, with its byte span in the text of the pass that made it.
struct Note {
    kind: WarningKind,
    message: String,
    span: Range,
    removed: Option<String>,
}

fn preview(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

pub fn repair(text: &str) -> Repaired {
    let (lined, line_notes) = lines_pass(text);
    let paras = paragraph_ranges(&lined);
    let edits = {
        // (the breaks probe lines in the simplified script, several times each)
        let _plain = crate::view::Plain::derived(text, &lined);
        breaks::find(&lined, &paras)
    };
    let (out, mut notes) = if edits.iter().all(Option::is_none) {
        (lined, line_notes)
    } else {
        let (out, mut notes, copied) = rebuild(&lined, &paras, &edits);
        for mut n in line_notes {
            let s = map_position(&copied, n.span.0);
            n.span = (s, map_position(&copied, n.span.1).max(s));
            notes.push(n);
        }
        (out, notes)
    };
    if notes.is_empty() {
        return Repaired { text: out, warnings: Vec::new() };
    }
    notes.sort_by_key(|n| n.span.0);
    let idx = Utf16Index::new(&out);
    let warnings = notes
        .into_iter()
        .map(|n| Warning {
            kind: n.kind,
            message: n.message,
            span: Some(idx.span(n.span.0, n.span.1)),
            removed: n.removed,
        })
        .collect();
    Repaired { text: out, warnings }
}

/// Whether two pieces joined without a break need a space: Latin words on both sides.
fn needs_space(a: &str, b: &str) -> bool {
    a.ends_with(|c: char| c.is_ascii_alphabetic()) && b.starts_with(|c: char| c.is_ascii_alphabetic())
}

/// The line pass: furniture set aside, hard-wrapped lines joined. Returns the text unchanged
/// (and no notes) when there is nothing to do.
fn lines_pass(text: &str) -> (String, Vec<Note>) {
    let lines = paragraph_ranges(text);
    let furn = furniture::find(text, &lines);
    let prefix = |i: usize| match furn[i] {
        Some(Furniture::Prefix(n)) => n,
        _ => 0,
    };
    let kept: Vec<usize> = (0..lines.len()).filter(|&i| furn[i] != Some(Furniture::Line)).collect();
    let content: Vec<&str> = kept.iter().map(|&i| &text[lines[i].0 + prefix(i)..lines[i].1]).collect();
    // a line follows the kept line before it with one line break, or with furniture between
    let adjacent: Vec<bool> = (0..kept.len())
        .map(|k| {
            k > 0 && {
                let (a, b) = (kept[k - 1], kept[k]);
                b > a + 1 || text[lines[a].1..lines[b].0].matches('\n').count() == 1
            }
        })
        .collect();
    // an indent at a line's start (paragraph_ranges trims it)
    let indented: Vec<bool> = kept
        .iter()
        .map(|&i| {
            let s = lines[i].0;
            let lead = &text[text[..s].rfind('\n').map_or(0, |k| k + 1)..s];
            lead.contains('\u{3000}') || lead.contains('\t') || lead.len() >= 2
        })
        .collect();
    let cont = wraps::continued(&content, &adjacent, &indented);
    if furn.iter().all(Option::is_none) && !cont.contains(&true) {
        return (text.to_string(), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut notes = Vec::new();
    let mut prev_end = 0;
    // the widest gap since the last kept line: a paragraph break survives furniture taken out
    let mut sep: Option<&str> = None;
    let mut dropped = false;
    let mut group: (usize, Vec<&str>) = (0, Vec::new());
    let close = |group: &mut (usize, Vec<&str>), out: &String, notes: &mut Vec<Note>| {
        if group.1.len() >= 2 {
            let joined = group.1.concat();
            notes.push(Note {
                kind: WarningKind::Joined,
                message: format!(
                    "硬换行把一段文字切成了 {} 行，已接成一段（“{}……”）",
                    group.1.len(),
                    preview(&joined, 12)
                ),
                span: (group.0, out.len()),
                removed: Some(group.1.join("\n")),
            });
        }
        group.1.clear();
    };
    let mut k = 0;
    for (i, &(s, e)) in lines.iter().enumerate() {
        let gap = &text[prev_end..s];
        prev_end = e;
        if sep.is_none_or(|x| gap.matches('\n').count() > x.matches('\n').count()) {
            sep = Some(gap);
        }
        if furn[i] == Some(Furniture::Line) {
            notes.push(Note {
                kind: WarningKind::Furniture,
                message: format!("页面杂项（页码、页眉、网页导航等）已略去：“{}”", preview(&text[s..e], 24)),
                span: (out.len(), out.len()),
                removed: Some(text[s..e].to_string()),
            });
            dropped = true;
            continue;
        }
        let start = s + prefix(i);
        if cont[k] {
            if needs_space(&out, &text[start..e]) {
                out.push(' ');
            }
        } else {
            close(&mut group, &out, &mut notes);
            let g = match (dropped, out.is_empty()) {
                (false, _) => gap,
                (true, true) => "",
                (true, false) => sep.unwrap_or("\n"),
            };
            out.push_str(g);
            group.0 = out.len();
        }
        if start > s {
            notes.push(Note {
                kind: WarningKind::Furniture,
                message: format!("行首的页码“{}”已略去", text[s..start].trim()),
                span: (out.len(), out.len()),
                removed: Some(text[s..start].to_string()),
            });
        }
        group.1.push(&text[start..e]);
        out.push_str(&text[start..e]);
        sep = None;
        dropped = false;
        k += 1;
    }
    close(&mut group, &out, &mut notes);
    out.push_str(&text[prev_end..]);
    (out, notes)
}

/// Where a position of the line pass's text went in the paragraph pass's: `copied` holds
/// (start, end) of each paragraph copied and where it starts in the new text, by start.
fn map_position(copied: &[(usize, usize, usize)], p: usize) -> usize {
    let k = copied.partition_point(|c| c.0 <= p);
    match k.checked_sub(1).map(|k| copied[k]) {
        Some((s, e, at)) => at + p.min(e) - s,
        None => copied.first().map_or(0, |c| c.2),
    }
}

type Rebuilt = (String, Vec<Note>, Vec<(usize, usize, usize)>);

fn rebuild(text: &str, paras: &[Range], edits: &[Option<Edit>]) -> Rebuilt {
    let mut out = String::with_capacity(text.len());
    let mut notes: Vec<Note> = Vec::new();
    let mut copied: Vec<(usize, usize, usize)> = Vec::new();
    let mut pending_captions: Vec<usize> = Vec::new();
    let mut prev_end = 0usize; // end of the last paragraph consumed in the source
    let mut kept_end = 0usize; // end of the last paragraph written out
    let flush =
        |out: &mut String, pending: &mut Vec<usize>, notes: &mut Vec<Note>, copied: &mut Vec<(usize, usize, usize)>| {
            for c in pending.drain(..) {
                out.push_str("\n\n");
                let s = out.len();
                let (cs, ce) = paras[c];
                copied.push((cs, ce, s));
                out.push_str(&text[cs..ce]);
                notes.push(Note {
                    kind: WarningKind::Caption,
                    message: format!("图片说明“{}”打断了句子，已移到段落之后", &text[cs..ce]),
                    span: (s, out.len()),
                    removed: None,
                });
            }
        };
    for (i, &(s, e)) in paras.iter().enumerate() {
        let para = &text[s..e];
        match &edits[i] {
            Some(Edit::Drop { first_copy }) => {
                let at = out.len();
                notes.push(Note {
                    kind: WarningKind::Repeat,
                    message: format!("重复的段落（与第 {} 段相同）只计一次：“{}……”", first_copy + 1, preview(para, 16)),
                    span: (at, at),
                    removed: Some(para.to_string()),
                });
            }
            Some(Edit::Caption) => pending_captions.push(i),
            Some(Edit::Join) => {
                let at = out.len();
                copied.push((s, e, at));
                out.push_str(para);
                let before: String =
                    text[..kept_end].chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
                kept_end = e;
                notes.push(Note {
                    kind: WarningKind::Joined,
                    message: format!("段落在句中断开（“{before}/{}”），已接上", preview(para, 4)),
                    span: (at, at),
                    removed: Some(text[prev_end..s].to_string()),
                });
            }
            None => {
                flush(&mut out, &mut pending_captions, &mut notes, &mut copied);
                out.push_str(&text[prev_end..s]);
                copied.push((s, e, out.len()));
                out.push_str(para);
                kept_end = e;
            }
        }
        prev_end = e;
    }
    flush(&mut out, &mut pending_captions, &mut notes, &mut copied);
    out.push_str(&text[prev_end..]);
    copied.sort_by_key(|c| c.0);
    (out, notes, copied)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(r: &Repaired, w: &Warning) -> String {
        let units: Vec<u16> = r.text.encode_utf16().collect();
        let [s, e] = w.span.unwrap();
        String::from_utf16(&units[s..e]).unwrap()
    }

    /// What lets the pipeline give the repaired text to `View::new_plain`: repairs take lines
    /// out, join them and put whitespace in, so a text with no traditional char keeps none.
    #[test]
    fn a_plain_text_stays_plain_when_repaired() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/reports");
        let mut plain = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            let text = crate::clean::normalize(&text);
            let r = repair(&text);
            if crate::view::Plain::vouch(&text).is_some() {
                plain += 1;
                assert!(crate::view::Plain::vouch(&r.text).is_some(), "{path:?}");
            }
        }
        assert!(plain >= 10, "{plain} plain fixtures");
    }

    #[test]
    fn joins_a_broken_paragraph_around_a_caption() {
        let text = "标题\n\n市政协围绕梅花鹿产业发展开展专题调研，形成调研报告，提出了许多真\n\n\n\n市政协第四次常委会会议。\n\n知灼见，得到市委主要领导批示肯定。\n\n下一段。";
        let r = repair(text);
        assert_eq!(
            r.text,
            "标题\n\n市政协围绕梅花鹿产业发展开展专题调研，形成调研报告，提出了许多真知灼见，得到市委主要领导批示肯定。\n\n市政协第四次常委会会议。\n\n下一段。"
        );
        let kinds: Vec<&str> = r.warnings.iter().map(|w| w.kind.as_str()).collect();
        assert_eq!(kinds, vec!["joined", "caption"]);
        assert_eq!(shown(&r, &r.warnings[1]), "市政协第四次常委会会议。");
    }

    #[test]
    fn two_captions_one_with_commas_and_a_word_made_whole() {
        let text = "某区政协工作报告\n\n组织各类议事协商活动，推动解决一批实际问题。委员30余人次、居\n\n\n\n区政协委员对区人民医院建设情况开展专题视察。\n\n\n\n区政协委员走访西湖街道养老服务中心、区第一中学，就“推进普惠托育服务”开展座谈交流。\n\n\n\n民60余人次参与协商活动，形成意见建议12条。\n";
        let r = repair(text);
        assert!(r.text.contains("委员30余人次、居民60余人次参与协商活动，形成意见建议12条。"), "{}", r.text);
        let kinds: Vec<&str> = r.warnings.iter().map(|w| w.kind.as_str()).collect();
        assert_eq!(kinds, vec!["joined", "caption", "caption"]);
    }

    #[test]
    fn head_lines_and_plan_sentences_are_never_captions() {
        // a subtitle cut off at the end of a line is not joined to the speaker's line
        let text = "——2024年12月20日在政协某市第八届委员会第三次会议上的报告\n孙立群各位委员、同志们:\n我代表常务委员会，向大会报告工作。\n";
        assert_eq!(repair(text).text, text);
        // the cut paragraph is not joined past a plan sentence, nor past a new report's head
        let text = "围绕中心工作开展调研协商，形成协商报告8份，提出意见建议150余条，推动\n\n力争全年办复率达到100%。\n\n下一步工作。";
        assert!(repair(text).warnings.iter().all(|w| w.kind != "caption"));
        let text = "二、工作安排\n\n围绕中心工作开展调研协商，形成协商报告8份，提出意见建议150余条，推动\n\n中国人民政治协商会议\n\n某市第八届委员会常务委员会关于提案工作情况的报告\n\n——在政协某市第八届委员会第三次会议上\n\n刘建民";
        assert_eq!(repair(text).text, text);
    }

    #[test]
    fn a_heading_broken_by_a_blank_line_is_joined() {
        let text = "二、2024年工作安排\n\n（二）围绕发展大局，以\n\n务实举措助推县域振兴。要紧盯发展机遇。\n\n（三）加强自身建设";
        let r = repair(text);
        assert!(r.text.contains("（二）围绕发展大局，以务实举措助推县域振兴。要紧盯发展机遇。"), "{}", r.text);
        assert_eq!(r.warnings.len(), 1);
    }

    #[test]
    fn a_repeated_block_is_kept_once() {
        let a = "召开专题议政性常委会会议2次，形成高质量建议案，推动问题整改。";
        let b = "组织委员开展调研视察，提出意见建议。";
        let text = format!("{a}\n\n{b}\n\n中间一段文字。\n\n{a}\n\n{b}\n\n各位委员：\n\n各位委员：\n");
        let r = repair(&text);
        assert_eq!(r.text.matches(a).count(), 1);
        assert_eq!(r.text.matches(b).count(), 1);
        assert_eq!(r.text.matches("各位委员：").count(), 2, "a short refrain is not an extraction error");
        assert_eq!(r.warnings.iter().filter(|w| w.kind == "repeat").count(), 2);
    }

    #[test]
    fn clean_text_is_unchanged() {
        let text = "一、工作回顾\n\n全年召开会议4次。\n\n党建引领 让前进步伐坚定有力\n\n正文。";
        let r = repair(text);
        assert_eq!(r.text, text);
        assert!(r.warnings.is_empty());
    }

    #[test]
    fn furniture_and_wraps_are_listed_with_what_they_took_out() {
        let body = [
            "现在，我代表政协东河市第三届委员会常务委员会，向",
            "大会报告工作，请予审议。全年召开常委会议 4 次，开",
            "展调研视察 34 次，组织委员视察 156 人次，提出意见",
            "建议 127 条，推动出台配套措施 11 项，全年共有 27 名",
            "委员获得优秀履职奖，14 个委员联络站被评为示范站，",
            "围绕城市内涝治理、校园食品安全等开展民主监督性视",
            "察 8 次，发现并推动整改问题 41 个，全年收到提案 88",
            "件，立案 79 件，立案率 89.8%，办复率 100%。依托 5",
            "4 个委员联络站，开展活动 220 余场次，收集群众意见",
            "690 多条，协调解决实际问题 312 件。",
        ];
        let text = format!(
            "Page 1 - 政协东河市委员会常务委员会工作报告\n{}\n{}\n{}\n- 2 -\n\n政协东河市委员会常务委员会工作报告\n{}\n",
            body[0],
            body[1],
            body[2..6].join("\n"),
            body[6..].join("\n")
        );
        let r = repair(&text);
        assert_eq!(r.text, format!("政协东河市委员会常务委员会工作报告\n{}\n", body.concat()));
        let got: Vec<(&str, String, Option<&str>)> =
            r.warnings.iter().map(|w| (w.kind.as_str(), shown(&r, w), w.removed.as_deref())).collect();
        let joined = body.join("\n");
        assert_eq!(
            got,
            vec![
                ("furniture", String::new(), Some("Page 1 - ")),
                ("joined", body.concat(), Some(joined.as_str())),
                ("furniture", String::new(), Some("- 2 -")),
                ("furniture", String::new(), Some("政协东河市委员会常务委员会工作报告")),
            ]
        );
        assert_eq!(r.warnings[2].span, r.warnings[3].span, "both where the page broke");
    }
}
