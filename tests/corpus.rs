//! On the real reports in ../shared/corpus (third-party texts, read in place, never copied):
//! keywords a reader would name, and the quantity extractor scored against the gold files.

use report_lens::{analyze_bytes, eval, Options};
use std::path::{Path, PathBuf};

fn corpus() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    p.is_dir().then_some(p)
}

fn reports(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

#[test]
fn keywords_name_what_a_reader_would() {
    let Some(dir) = corpus() else { return eprintln!("../shared/corpus missing: skipped") };
    for path in reports(&dir) {
        let a = analyze_bytes("r", &std::fs::read(&path).unwrap(), &Options::default()).unwrap();
        let tfidf: Vec<&str> = a.keywords.tfidf.iter().map(|k| k.term.as_str()).collect();
        let textrank: Vec<&str> = a.keywords.textrank.iter().map(|k| k.term.as_str()).collect();
        for list in [&tfidf, &textrank] {
            let named = ["政协", "协商", "委员", "提案", "履职", "民主监督", "政协委员", "市政协"];
            let hits = list.iter().filter(|t| named.contains(t)).count();
            assert!(hits >= 2, "{}: {list:?}", path.display());
            // boilerplate and numbers stay out
            for bad in ["开展", "围绕", "进一步", "工作", "我们", "2023"] {
                assert!(!list.contains(&bad), "{}: {bad} in {list:?}", path.display());
            }
        }
        assert!(a.stats.han_chars > 3000 && a.stats.sentences > 50);
    }
}

#[test]
fn quantities_meet_the_floor_on_the_gold() {
    let Some(dir) = corpus() else { return eprintln!("../shared/corpus missing: skipped") };
    let (mut gold_n, mut pred_n, mut matched, mut strict_sum) = (0, 0, 0, 0.0);
    for path in reports(&dir) {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let gold_path = dir.join("gold").join(format!("{stem}.quantities.jsonl"));
        let Ok(g) = std::fs::read_to_string(&gold_path) else { continue };
        let gold = eval::parse_gold(&g).unwrap();
        let a = analyze_bytes("r", &std::fs::read(&path).unwrap(), &Options::default()).unwrap();
        let s = eval::score(&a.text, &gold, &a.quantities);
        println!(
            "{stem}: P {:.3} R {:.3} F1 {:.3} cat {:.3} strict {:.3}",
            s.precision, s.recall, s.f1, s.category_accuracy, s.strict_f1
        );
        assert!(s.f1 >= 0.95, "{stem}: F1 {:.3}; misses {:?}; extra {:?}", s.f1, s.misses, s.false_positives);
        assert!(
            s.category_accuracy >= 0.9,
            "{stem}: category accuracy {:.3}: {:?}",
            s.category_accuracy,
            s.wrong_category
        );
        gold_n += s.gold;
        pred_n += s.predicted;
        matched += s.matched;
        strict_sum += s.strict_f1;
    }
    let p = matched as f64 / pred_n.max(1) as f64;
    let r = matched as f64 / gold_n.max(1) as f64;
    let f1 = 2.0 * p * r / (p + r);
    println!("all: P {p:.3} R {r:.3} F1 {f1:.3}");
    assert!(f1 >= 0.97, "micro F1 {f1:.3}");
    assert!(strict_sum / 3.0 >= 0.8, "mean strict F1 {:.3}", strict_sum / 3.0);
}

fn analyze(dir: &Path, stem: &str) -> report_lens::Analysis {
    analyze_bytes(stem, &std::fs::read(dir.join(format!("{stem}.txt"))).unwrap(), &Options::default()).unwrap()
}

fn outline(a: &report_lens::Analysis) -> Vec<(u8, String)> {
    a.sections.iter().map(|s| (s.level, s.title.clone())).collect()
}

fn owned(v: &[(u8, &str)]) -> Vec<(u8, String)> {
    v.iter().map(|&(l, t)| (l, t.to_string())).collect()
}

#[test]
fn the_work_report_outline_meta_and_articles() {
    let Some(dir) = corpus() else { return };
    let a = analyze(&dir, "liaoyuan-2020-report");
    // written down by reading the report: two parts, five numbered sections in each
    let o = outline(&a);
    assert_eq!(o.len(), 12, "{o:?}");
    // titles as written, list marker included (see structure::headings)
    assert_eq!(o[0], (1, "一、2020年工作回顾".to_string()));
    assert_eq!(o[6], (1, "二、2021年工作安排".to_string()));
    assert!(o[1..6].iter().chain(&o[7..]).all(|(l, _)| *l == 2));
    let parts: Vec<_> = a.sections.iter().map(|s| serde_json::to_value(s.part).unwrap()).collect();
    assert!(parts[..6].iter().all(|p| p == "review") && parts[6..].iter().all(|p| p == "plan"));
    let m = &a.meta;
    assert_eq!(m.kind, "work_report");
    assert_eq!(m.year, Some(2020));
    assert_eq!(m.dates, vec!["2021-01-11"]);
    let c = m.committee.as_ref().unwrap();
    assert_eq!((c.place.as_str(), c.level.as_str(), c.term.as_deref()), ("辽源市", "市", Some("第八届")));
    assert_eq!(m.meeting.as_deref(), Some("政协辽源市第八届委员会第六次会议"));
    // the report, the speech continued from page one, and the personnel notices
    let kinds: Vec<&str> = a.articles.iter().map(|x| x.meta.kind.as_str()).collect();
    assert_eq!(kinds, vec!["work_report", "speech", "personnel", "personnel", "personnel"]);
    assert!(a.articles[0].main && a.articles.iter().filter(|x| x.main).count() == 1);
    // targets under 工作安排 are marked as such; the 2020 achievements are not
    assert!(a.quantities.iter().filter(|q| q.target).all(|q| q.part == report_lens::structure::Part::Plan));
    assert!(a.quantities.iter().any(|q| q.text == "100%" && !q.target));
}

#[test]
fn the_session_feature_outline_repeats_and_articles() {
    let Some(dir) = corpus() else { return };
    let a = analyze(&dir, "jilin-2023-session");
    let o = outline(&a);
    let main_end = a.articles[0].span[1];
    let main: Vec<_> =
        o.iter().zip(&a.sections).filter(|(_, s)| s.span[0] < main_end).map(|(x, _)| x.clone()).collect();
    assert_eq!(
        main,
        owned(&[
            (1, "写在前面"),
            (1, "深化党的建设 夯实思想政治基础"),
            (2, "加强思想政治引领"),
            (1, "服务中心大局 助力振兴发展"),
            (2, "推进河长制责任落实"),
            (2, "开展“委员进网格”活动"),
            (1, "深耕协商主业 履职提质增效"),
            (2, "深入开展协商议政"),
            (2, "精准进行建言献策"),
            (2, "加强协商成果转化"),
            (1, "创新机制方法 协商亮点频现"),
            (2, "扎实开展提案办理"),
            (2, "纵深推进基层协商"),
            (2, "丰富协商议政形式"),
            (1, "坚持固本强基 队伍建设面貌新"),
        ])
    );
    // four paragraphs printed three times are kept once
    assert_eq!(a.text.matches("召开2次专题议政性常委会会议").count(), 1);
    assert_eq!(a.warnings.iter().filter(|w| w.kind == "repeat").count(), 9);
    assert_eq!(a.quantities.iter().filter(|q| q.text == "16篇次").count(), 1);
    // the main feature, the 联组讨论 report, nine boxes, and the 2024 article
    assert!(a.articles[0].main);
    assert_eq!(a.articles[0].meta.kind, "feature");
    assert_eq!(a.articles[0].meta.authors.len(), 3);
    assert_eq!(a.articles.len(), 11, "{:?}", a.articles.iter().map(|x| &x.title).collect::<Vec<_>>());
    assert!(a.articles[1].title.starts_with("联组讨论："));
    assert!(a.articles.last().unwrap().title.starts_with("2024"));
    assert_eq!(a.meta.meeting.as_deref(), Some("政协吉林市第十四届委员会第三次会议"));
    assert_eq!(a.meta.year, Some(2023));
}

#[test]
fn the_year_feature_outline_and_repairs() {
    let Some(dir) = corpus() else { return };
    let a = analyze(&dir, "liaoyuan-2023-feature");
    let o = outline(&a);
    assert_eq!(o.len(), 5, "five stand-alone head lines: {o:?}");
    assert!(o.iter().all(|(l, t)| *l == 1 && t.contains(' ')));
    // the repeated block (two paragraphs) is found and counted once
    assert_eq!(a.warnings.iter().filter(|w| w.kind == "repeat").count(), 2);
    // both photo captions are set aside, and the words they split are whole again
    assert_eq!(a.warnings.iter().filter(|w| w.kind == "caption").count(), 2);
    assert!(a.text.contains("真知灼见"));
    assert_eq!(a.meta.kind, "feature");
    assert_eq!(a.meta.committee.as_ref().map(|c| c.term.as_deref()), Some(Some("第九届")));
    assert_eq!(a.articles.len(), 1);
}

/// People, places and documents against lists written down by reading the reports: every
/// person and place the text names (a name in a formulation, 习近平, counts where the text
/// also calls him 总书记).
#[test]
fn entities_found_with_the_recall_asked() {
    let Some(dir) = corpus() else { return };
    let read: &[(&str, &[&str], &[&str])] = &[
        (
            "jilin-2023-session",
            &[
                "李婷",
                "张添奥",
                "周淑宇",
                "胡斌",
                "李富民",
                "钟广和",
                "王建军",
                "张晓晓",
                "姜浩",
                "马颂",
                "迟鸿文",
                "曲志",
                "冯强",
                "崔作伟",
                "尹艳春",
                "王甫林",
                "崔进",
                "王瑜",
                "韩韵舒",
                "习近平",
            ],
            &["吉林市", "吉林省", "蛟河市"],
        ),
        (
            "liaoyuan-2020-report",
            &["张恒军", "赵晓君", "高瑞", "刘丛一", "习近平"],
            &["辽源市", "长春市", "东丰县", "辽宁省", "上海市", "浙江省", "吉林省"],
        ),
        (
            "liaoyuan-2023-feature",
            &["董博", "李林峰", "杨光", "王海峰", "刘革", "王晓南", "刘洋", "张文芳", "韩亚菲", "习近平"],
            &["辽源市", "东丰县", "吉林省", "徐州市", "南宁市"],
        ),
    ];
    let (mut people, mut people_found, mut places, mut places_found) = (0, 0, 0, 0);
    let (mut people_reported, mut places_reported) = (0, 0);
    let (mut people_right, mut places_right) = (0, 0);
    for (stem, names, wanted_places) in read {
        let a = analyze(&dir, stem);
        let e = &a.entities;
        for p in &e.people {
            people_reported += 1;
            if names.contains(&p.name.as_str()) {
                people_right += 1;
            } else {
                println!("{stem}: reported person {} ({:?})", p.name, p.role);
            }
        }
        for p in &e.places {
            places_reported += 1;
            if wanted_places.contains(&p.name.as_str()) {
                places_right += 1;
            } else {
                println!("{stem}: reported place {}", p.name);
            }
        }
        for n in *names {
            people += 1;
            if e.people.iter().any(|p| p.name == *n) {
                people_found += 1;
            } else {
                println!("{stem}: missed person {n}");
            }
        }
        for p in *wanted_places {
            places += 1;
            if e.places.iter().any(|x| x.name == *p) {
                places_found += 1;
            } else {
                println!("{stem}: missed place {p}");
            }
        }
        // every title in 《》 is a document, counted as often as it occurs
        let text = &a.text;
        let titles = text.matches('《').count();
        assert_eq!(e.documents.iter().map(|d| d.count).sum::<usize>(), titles, "{stem}");
    }
    let (rp, rl) = (people_found as f64 / people as f64, places_found as f64 / places as f64);
    let pp = people_right as f64 / people_reported.max(1) as f64;
    let pl = places_right as f64 / places_reported.max(1) as f64;
    println!("people recall {rp:.3} ({people_found}/{people}), places recall {rl:.3} ({places_found}/{places})");
    println!("people precision {pp:.3} ({people_right}/{people_reported}), places precision {pl:.3} ({places_right}/{places_reported})");
    assert!(rp >= 0.95, "people recall {rp:.3}");
    assert!(rl >= 0.95, "places recall {rl:.3}");
    // measured when the lists were completed (2026-11-26): 1.000 and 1.000
    assert!(pp >= 0.95, "people precision {pp:.3}");
    assert!(pl >= 0.95, "places precision {pl:.3}");
    // roles where the text states them
    let a = analyze(&dir, "liaoyuan-2023-feature");
    let role = |n: &str| a.entities.people.iter().find(|p| p.name == n).and_then(|p| p.role.clone());
    assert!(role("王海峰").is_some_and(|r| r.ends_with("副局长")));
    assert!(role("杨光").is_some_and(|r| r.ends_with("政协主席")));
    assert!(role("王晓南").is_some_and(|r| r.ends_with("委员")));
}

/// Formulations counted exactly: each catalogued wording, counted independently here.
#[test]
fn formulations_counted_exactly() {
    let Some(dir) = corpus() else { return };
    for stem in ["jilin-2023-session", "liaoyuan-2020-report", "liaoyuan-2023-feature"] {
        let a = analyze(&dir, stem);
        for (name, wordings) in [
            ("习近平新时代中国特色社会主义思想", &["习近平新时代中国特色社会主义思想"][..]),
            ("两个确立", &["两个确立"][..]),
            ("四个意识", &["四个意识"][..]),
            ("两个维护", &["两个维护"][..]),
            ("专门协商机构", &["专门协商机构"][..]),
            ("第一议题", &["第一议题"][..]),
        ] {
            let expected: usize = wordings.iter().map(|w| a.text.matches(w).count()).sum();
            let got = a.formulations.iter().find(|f| f.name == name).map_or(0, |f| f.count);
            assert_eq!(got, expected, "{stem}: {name}");
        }
        assert!(a.stats.formulation_sentence_share > 0.05 && a.stats.formulation_sentence_share < 0.5);
    }
}
