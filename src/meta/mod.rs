//! What a report says about itself: title and subtitle, the committee (name, place, level,
//! term), the meeting, dates, speaker or reporters, the year reported on, and its kind. Each
//! job in its own module:
//! - `head`: which lines are the head (title joined over lines, subtitle, lines under them);
//! - `committee`: committee and meeting; `authors`: speaker and reporters;
//! - `kind`: what kind of text; `year`: dates and the year reported on.

mod authors;
mod committee;
mod head;
mod kind;
mod year;

pub use crate::analysis::{Committee, Kind, Level, Meta};
pub use authors::speaker;
pub use head::{banner, is_byline, is_label, title_above};
pub use year::dates;

use crate::structure::{Heading, Range};

/// Paragraphs of the body read with the head for the committee, the meeting and the kind.
const BODY_PARAGRAPHS: usize = 3;

/// Strips heading and emphasis marks from a line, in the simplified script (a probe for rules
/// that read words; the view is simplified already, a repair's text may not be).
pub fn plain(p: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    // (borrowed where nothing changes: this runs on every paragraph, most of them prose)
    match crate::clean::without_bold(p.trim_start_matches(['#', ' '])) {
        Cow::Borrowed(t) => crate::view::simplified(t.trim_matches(['【', '】', ' ']).trim()),
        Cow::Owned(t) => Cow::Owned(crate::view::simplified(t.trim_matches(['【', '】', ' ']).trim()).into_owned()),
    }
}

/// Meta of an article: `paragraphs` are its paragraphs, `headings` its sections.
pub fn extract(text: &str, paragraphs: &[Range], headings: &[Heading]) -> Meta {
    extract_with_body(text, paragraphs, headings).0
}

/// Meta of an article, and the index of the paragraph where its body starts (the lines
/// before it are its head: they describe the article and are not its sections).
pub fn extract_with_body(text: &str, paragraphs: &[Range], headings: &[Heading]) -> (Meta, usize) {
    let paras: Vec<&str> = paragraphs.iter().map(|&(s, e)| &text[s..e]).collect();
    if paras.is_empty() {
        return (Meta::default(), 0);
    }
    let h = head::read(&paras);
    let (title, subtitle) = (h.title.as_deref(), h.subtitle.as_deref());
    let body = &paras[h.body.min(paras.len())..];
    let body_lead = body.iter().take(BODY_PARAGRAPHS).copied().collect::<Vec<_>>().join("\n");
    let head_only: String =
        [title, subtitle].into_iter().flatten().chain(h.lines.iter().copied()).collect::<Vec<_>>().join("\n");
    let head_text = format!("{head_only}\n{body_lead}");
    let whole = paras.join("\n");
    let committee = committee::committee(&head_text, &whole);
    let meeting = committee::meeting(&head_text).or_else(|| committee::meeting(&whole));
    let dates = dates(&head_only);
    let kind = kind::kind(title, subtitle, &h.lines, &body_lead);
    let mut authors = authors::from_head(&h.lines);
    if authors.is_empty() {
        authors = body.first().map(|p| authors::from_dateline(p)).unwrap_or_default();
    }
    if authors.is_empty() && kind != Kind::Feature {
        authors.extend(authors::named_in_text(&body_lead));
    }
    let year = year::year(title, subtitle, headings, &whole, &dates);
    let meta = Meta {
        title: h.title.filter(|t| !t.is_empty()),
        subtitle: h.subtitle,
        committee,
        meeting,
        dates,
        authors,
        year,
        kind,
    };
    (meta, h.body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure;

    fn meta(text: &str) -> Meta {
        let doc = structure::parse(text);
        extract(text, &doc.paragraphs, &doc.headings)
    }

    #[test]
    fn work_report_head() {
        let m = meta("中国人民政治协商会议清河市第五届委员会常务委员会工作报告\n\n——在政协清河市第五届委员会第四次会议上\n\n（2025年1月8日）\n\n王明远\n\n各位委员：\n\n一、2024年工作回顾\n\n正文。");
        assert_eq!(m.title.as_deref(), Some("中国人民政治协商会议清河市第五届委员会常务委员会工作报告"));
        assert_eq!(m.subtitle.as_deref(), Some("在政协清河市第五届委员会第四次会议上"));
        let c = m.committee.unwrap();
        assert_eq!(
            (c.name.as_str(), c.place.as_str(), c.level.as_str(), c.term.as_deref()),
            ("政协清河市第五届委员会", "清河市", "市", Some("第五届"))
        );
        assert_eq!(m.meeting.as_deref(), Some("政协清河市第五届委员会第四次会议"));
        assert_eq!(m.dates, vec!["2025-01-08"]);
        assert_eq!(m.authors, vec!["王明远"]);
        assert_eq!((m.year, m.kind.as_str()), (Some(2024), "work_report"));
    }

    #[test]
    fn page_lines_before_the_headline() {
        let m = meta("2025年1月9日 星期四\n\n第3版\n\n政协清河市委员会常务委员会工作报告\n\n正文。");
        assert_eq!(m.title.as_deref(), Some("政协清河市委员会常务委员会工作报告"));
    }

    #[test]
    fn feature_head() {
        let m = meta("# 凝心聚力再出发\n\n## ——来自政协松江县第三届委员会第二次会议的报道\n\n本报记者 李四 王五\n\n刚刚过去的2023年，松江县政协工作扎实。");
        assert_eq!(m.kind, "feature");
        assert_eq!(m.authors, vec!["李四", "王五"]);
        assert_eq!(m.committee.unwrap().level, "县");
        assert_eq!(m.year, Some(2023));
    }

    #[test]
    fn a_subtitle_first_with_the_speaker_glued_to_the_salutation() {
        let m = meta("——2024年12月18日在政协东河市第三届委员会第二次会议上的报告\n韩立新各位委员、同志们:\n我代表政协东河市第三届委员会常务委员会,向大会报告工作,请予审议。\n回望2024\n全年开展视察12次。");
        assert_eq!(m.title, None);
        assert_eq!(m.authors, vec!["韩立新"]);
        assert_eq!(m.kind, "work_report");
        assert_eq!(m.dates, vec!["2024-12-18"]);
        assert_eq!(m.committee.unwrap().term.as_deref(), Some("第三届"));
        assert_eq!(m.year, Some(2024));
    }

    #[test]
    fn a_byline_then_the_body_names_the_speaker_but_the_reporter_wrote_it() {
        let m =
            meta("南方日报记者 孙一\n15日，某省政协十二届三次会议开幕。某省政协副主席周德明作了常务委员会工作报告。");
        assert_eq!(m.authors, vec!["孙一"]);
        assert_eq!(m.kind, "feature");
        // without the byline, the speaker the text names
        let m = meta("受常务委员会委托，周德明作了工作报告。\n\n正文。");
        assert_eq!(m.authors, vec!["周德明"]);
    }
}
