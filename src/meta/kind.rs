//! What kind of text an article is: from its title and subtitle, its bylines, and the sentence
//! after the salutation (`我代表…常务委员会，向大会报告工作` is a work report; `…报告…提案工作`
//! a proposal report).

use super::head::is_byline;
pub use crate::analysis::Kind;
use crate::lexicon::KINDS;

/// How many chars of the body's first paragraphs are read for the report's own words.
const LEAD_CHARS: usize = 400;

pub fn kind(title: Option<&str>, subtitle: Option<&str>, head_lines: &[&str], body: &str) -> Kind {
    let t = format!("{} {}", title.unwrap_or(""), subtitle.unwrap_or(""));
    let lead = crate::clean::first_chars(body, LEAD_CHARS);
    // a byline or a dateline ("本报某地1月20日讯") makes it news about a report
    let dateline = lead.starts_with("本报") && crate::clean::first_chars(lead, 24).contains('讯');
    let news = head_lines.iter().any(|p| is_byline(p)) || dateline;
    if !news && t.contains("提案") && (t.contains("报告") || t.contains("汇报") || t.contains("情况")) {
        Kind::ProposalReport
    } else if !news && (t.contains("工作报告") || (t.contains("常务委员会") && t.contains("报告"))) {
        Kind::WorkReport
    } else if crate::word_set!(KINDS, "speech").in_text(&t) {
        Kind::Speech
    } else if crate::word_set!(KINDS, "personnel").in_text(&t) || t.trim_end().ends_with("的决定") {
        Kind::Personnel
    } else if news || crate::word_set!(KINDS, "feature").in_text(&t) {
        Kind::Feature
    } else if let Some(k) = lead.find("向大会报告").or_else(|| lead.find("汇报如下")) {
        // the sentence that says what is reported
        let start = lead[..k].rfind(['。', '\n']).map_or(0, |s| s + lead[s..].chars().next().map_or(0, char::len_utf8));
        let end = lead[k..].find('。').map_or(lead.len(), |e| k + e);
        if lead[start..end].contains("提案") {
            Kind::ProposalReport
        } else {
            Kind::WorkReport
        }
    } else {
        Kind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_titles() {
        let k = |t: &str| kind(Some(t), None, &[], "");
        assert_eq!(k("政协某县委员会常务委员会工作报告"), Kind::WorkReport);
        assert_eq!(k("政协XX县第X届委员会提案委员会工作情况汇报"), Kind::ProposalReport);
        assert_eq!(k("政协某省委员会常务委员会关于十二届二次会议以来提案工作情况的报告"), Kind::ProposalReport);
        assert_eq!(k("在政协某市第六届委员会第四次会议闭幕会上的讲话"), Kind::Speech);
        assert_eq!(k("人事任免名单"), Kind::Personnel);
        assert_eq!(kind(Some("凝心聚力 砥砺奋进"), Some("写在某区政协九届三次会议召开之际"), &[], ""), Kind::Feature);
    }

    #[test]
    fn news_about_a_report_is_a_feature() {
        let k = kind(Some("政协某省十二届三次会议开幕"), None, &["本报记者 孙一"], "15日，会议开幕。");
        assert_eq!(k, Kind::Feature);
        let k = kind(Some("委员热议常委会工作报告"), None, &["本报记者 孙一"], "");
        assert_eq!(k, Kind::Feature);
    }

    #[test]
    fn kinds_from_the_sentence_after_the_salutation() {
        let work = "我代表政协某市第八届委员会常务委员会，向大会报告工作，请予审议。";
        assert_eq!(
            kind(None, Some("2024年12月20日在政协某市第八届委员会第三次会议上的报告"), &[], work),
            Kind::WorkReport
        );
        let proposals =
            "各位委员：现在，我代表政协某省第十一届委员会常务委员会，向大会报告一年来的提案工作，请予审议。";
        assert_eq!(kind(None, None, &[], proposals), Kind::ProposalReport);
        assert_eq!(kind(None, None, &[], "全年开展视察12次。"), Kind::Other);
    }
}
