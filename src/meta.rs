//! What a report says about itself: title and subtitle, the committee (name, place, level,
//! term), the meeting, dates, speaker or reporters, the year reported on, and its kind.

pub use crate::analysis::{Committee, Kind, Level, Meta};
use crate::clean::is_han;
use crate::structure::{is_front_matter, Heading, Range};

const HEAD_PARAGRAPHS: usize = 6;

/// A line of the page, not of the article: "2024年1月18日 星期四", "第3版", "来源：…".
fn is_page_noise(p: &str) -> bool {
    let t = plain(p);
    let n = t.chars().count();
    t.contains("星期")
        || (t.starts_with('第') && t.ends_with('版') && n <= 6)
        || ["来源：", "来源:", "发布时间", "责任编辑", "编辑：", "版次"].iter().any(|w| t.starts_with(w))
        || (n <= 16 && !dates(&t).is_empty() && t.chars().filter(|c| crate::clean::is_han(*c)).count() <= 5)
}

/// Strips heading and emphasis marks from a line.
pub fn plain(p: &str) -> String {
    p.trim_start_matches(['#', ' ']).replace("**", "").trim_matches(['【', '】', ' ']).trim().to_string()
}

/// Meta of an article: `paragraphs` are its paragraphs, `headings` its sections.
pub fn extract(text: &str, paragraphs: &[Range], headings: &[Heading]) -> Meta {
    // a newspaper page's date line, page marker or source line comes before the headline
    let lead = paragraphs.iter().take(3).take_while(|&&(s, e)| is_page_noise(&text[s..e])).count();
    let paras: Vec<&str> = paragraphs[lead..].iter().map(|&(s, e)| &text[s..e]).collect();
    let Some(first) = paras.first() else { return Meta::default() };
    let title = plain(first);
    let subtitle = paras
        .get(1)
        .map(|p| plain(p))
        .filter(|p| p.starts_with('—'))
        .map(|p| p.trim_start_matches('—').trim().to_string());
    let head: String = paras.iter().take(HEAD_PARAGRAPHS).copied().collect::<Vec<_>>().join("\n");
    let whole: String = paras.join("\n");
    let committee = committee(&head).or_else(|| committee(&whole));
    let meeting = meeting(&head).or_else(|| meeting(&whole));
    let dates: Vec<String> = dates(&head);
    let authors = authors(&paras[..paras.len().min(HEAD_PARAGRAPHS)]);
    let kind = kind(&title, subtitle.as_deref(), &head);
    let year = year(&title, subtitle.as_deref(), headings, &whole, &dates);
    Meta { title: Some(title).filter(|t| !t.is_empty()), subtitle, committee, meeting, dates, authors, year, kind }
}

fn cn_ordinal(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| "一二三四五六七八九十百零〇0123456789".contains(c))
}

/// The place before a committee mention: Han chars back to 政协 / 中国人民政治协商会议.
fn level_of(place: &str) -> Level {
    const MUNICIPALITIES: &[&str] = &["北京市", "天津市", "上海市", "重庆市"];
    if place == "全国" {
        Level::National
    } else if place.ends_with('省') || place.ends_with("自治区") || MUNICIPALITIES.contains(&place) {
        Level::Province
    } else if place.ends_with('县') || place.ends_with('旗') {
        Level::County
    } else if place.ends_with('区') && !place.ends_with("地区") {
        Level::District
    } else {
        Level::City
    }
}

fn committee(s: &str) -> Option<Committee> {
    // 政协辽源市第八届委员会 / 中国人民政治协商会议辽源市第八届委员会 / 全国委员会
    for (i, _) in s.match_indices("届委员会") {
        let before = &s[..i];
        let di = before.rfind('第')?;
        let ord = &before[di + '第'.len_utf8()..];
        if !cn_ordinal(ord) {
            continue;
        }
        let head = &before[..di];
        for prefix in ["中国人民政治协商会议", "政协"] {
            if let Some(pi) = head.rfind(prefix) {
                let place = &head[pi + prefix.len()..];
                if place.chars().count() <= 12 && place.chars().all(is_han) {
                    let place = if place.is_empty() { "全国" } else { place };
                    return Some(Committee {
                        name: format!("政协{place}第{ord}届委员会"),
                        place: place.to_string(),
                        level: level_of(place),
                        term: Some(format!("第{ord}届")),
                    });
                }
            }
        }
    }
    // 辽源市政协 without a term
    for (i, _) in s.match_indices("政协") {
        let place: String =
            s[..i].chars().rev().take_while(|&c| is_han(c)).collect::<Vec<_>>().into_iter().rev().collect();
        for suffix in ["自治区", "自治州", "自治县", "省", "市", "县", "区", "州", "盟", "旗"] {
            if let Some(k) = place.rfind(suffix) {
                let p = &place[..k + suffix.len()];
                let p = p.trim_start_matches(['中', '共']);
                let start = p.char_indices().rev().nth(5).map_or(0, |(j, _)| j);
                let p = &p[start..]; // at most six chars: a place name, not a clause
                if p.chars().count() >= 2 && k + suffix.len() == place.len() {
                    return Some(Committee {
                        name: format!("{p}政协"),
                        place: p.to_string(),
                        level: level_of(p),
                        term: None,
                    });
                }
            }
        }
    }
    None
}

fn meeting(s: &str) -> Option<String> {
    // 政协吉林市第十四届委员会第三次会议
    for (i, m) in s.match_indices("次会议") {
        let before = &s[..i];
        let Some(di) = before.rfind('第') else { continue };
        if !cn_ordinal(&before[di + 3..]) || !before[..di].ends_with("委员会") {
            continue;
        }
        // the nearest committee name: "政协" inside "中国人民政治协商会议…" does not occur, so
        // the later of the two starts the meeting's name
        let start =
            [before[..di].rfind("中国人民政治协商会议"), before[..di].rfind("政协")].into_iter().flatten().max()?;
        if before[start..].contains('\n') {
            continue;
        }
        return Some(s[start..i + m.len()].to_string());
    }
    None
}

/// Dates written as 2021年1月11日 (Arabic or full-width digits).
pub fn dates(s: &str) -> Vec<String> {
    let cs: Vec<char> = s.chars().map(crate::clean::half_width).collect();
    let mut out = Vec::new();
    let mut i = 0;
    let num = |i: &mut usize| {
        let st = *i;
        while *i < cs.len() && cs[*i].is_ascii_digit() {
            *i += 1;
        }
        cs[st..*i].iter().collect::<String>().parse::<u32>().ok().filter(|_| *i > st)
    };
    while i < cs.len() {
        if cs[i].is_ascii_digit() && (i == 0 || !cs[i - 1].is_ascii_digit()) {
            let mut j = i;
            if let Some(y) = num(&mut j) {
                if (1949..=2100).contains(&y) && cs.get(j) == Some(&'年') {
                    j += 1;
                    if let Some(m) = num(&mut j) {
                        if (1..=12).contains(&m) && cs.get(j) == Some(&'月') {
                            j += 1;
                            if let Some(d) = num(&mut j) {
                                if (1..=31).contains(&d) && cs.get(j) == Some(&'日') {
                                    out.push(format!("{y:04}-{m:02}-{d:02}"));
                                    i = j;
                                }
                            }
                        }
                    }
                }
            }
        }
        i += 1;
    }
    out
}

fn authors(head: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for (k, p) in head.iter().enumerate() {
        let t = plain(p);
        // "本报记者 甲 乙 通讯员 丙": names follow each label
        let mut rest = t.as_str();
        while let Some((i, label)) =
            ["本报记者", "记者", "通讯员", "实习生"].iter().filter_map(|l| rest.find(l).map(|i| (i, *l))).min()
        {
            rest = &rest[i + label.len()..];
            for name in rest.split(|c: char| c.is_whitespace() || c == '、' || c == '，') {
                let name = name.trim();
                if name.contains("记者") || name.contains("通讯员") {
                    break;
                }
                if (2..=4).contains(&name.chars().count()) && name.chars().all(is_han) && !out.iter().any(|o| o == name)
                {
                    out.push(name.to_string());
                }
            }
        }
        // the speaker's name on a line of its own, under the title
        if k > 0
            && !p.starts_with(['#', '【'])
            && (2..=4).contains(&t.chars().count())
            && t.chars().all(is_han)
            && is_front_matter(&t)
        {
            out.push(t.clone());
        }
    }
    out.dedup();
    out
}

fn kind(title: &str, subtitle: Option<&str>, head: &str) -> Kind {
    let t = format!("{title} {}", subtitle.unwrap_or(""));
    let t = t.trim();
    if t.contains("提案工作") && t.contains("报告") {
        Kind::ProposalReport
    } else if t.contains("工作报告") {
        Kind::WorkReport
    } else if t.contains("讲话") || t.contains("致辞") {
        Kind::Speech
    } else if t.contains("名单") || t.contains("任免") || t.ends_with("的决定") {
        Kind::Personnel
    } else if t.contains("纪实") || t.contains("报道") || head.contains("记者") {
        Kind::Feature
    } else {
        Kind::Other
    }
}

fn years_in(s: &str) -> Vec<u32> {
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    for i in 0..cs.len().saturating_sub(3) {
        let w: String = cs[i..i + 4].iter().collect();
        let boundary = (i == 0 || !cs[i - 1].is_ascii_digit()) && cs.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if boundary && w.chars().all(|c| c.is_ascii_digit()) {
            if let Ok(y) = w.parse::<u32>() {
                if (1990..=2100).contains(&y) {
                    out.push(y);
                }
            }
        }
    }
    out
}

fn year(title: &str, subtitle: Option<&str>, headings: &[Heading], whole: &str, dates: &[String]) -> Option<u32> {
    // 一、2020年工作回顾
    if let Some(y) = headings.iter().filter(|h| h.title.contains("回顾")).flat_map(|h| years_in(&h.title)).next() {
        return Some(y);
    }
    // ——政协辽源市第九届委员会2023年工作纪实
    if let Some(y) = [Some(title), subtitle].into_iter().flatten().flat_map(years_in).next() {
        return Some(y);
    }
    // 刚刚过去的2023年, 回首2023
    for marker in ["过去的", "回首", "回顾"] {
        for (i, _) in whole.match_indices(marker) {
            let window: String = whole[i + marker.len()..].chars().take(6).collect();
            if let Some(y) = years_in(&window).first() {
                return Some(*y);
            }
        }
    }
    // a meeting held early in a year looks back on the year before
    if let Some(d) = dates.first() {
        let y: u32 = d[..4].parse().ok()?;
        let m: u32 = d[5..7].parse().ok()?;
        return Some(if m <= 3 { y - 1 } else { y });
    }
    let ys = years_in(whole);
    let mut best = None;
    let mut best_n = 0;
    for &y in &ys {
        let n = ys.iter().filter(|&&z| z == y).count();
        if n > best_n {
            best = Some(y);
            best_n = n;
        }
    }
    best
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
}
