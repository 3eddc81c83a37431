//! The segmenter against jieba-rs (a dev-dependency with its full embedded dictionary):
//! - with the same words, our compiled data and code cut and tag exactly as jieba-rs does;
//! - our pruned dictionary cuts report text as the full one does on at least 99.5% of tokens
//!   (fixtures, the shared corpus when present, and generated report-like text).

use jieba_rs::Jieba;
use report_lens::{clean, intake, lexicon, segment};
use std::path::{Path, PathBuf};

const PRUNED: &str = include_str!("../src/lexicon/jieba/dict.txt");

fn domain() -> String {
    lexicon::lines(lexicon::DOMAIN_DICT).map(|l| format!("{l}\n")).collect()
}

/// jieba-rs with the full dictionary and our domain terms, as the analysis used before pruning.
fn full() -> Jieba {
    let mut j = Jieba::new();
    j.load_dict(&mut domain().as_bytes()).unwrap();
    j
}

/// jieba-rs with exactly our words: the pruned list, one never-matching word that carries the
/// pruned words' frequency (so the total is the full one, as in our data), the domain terms.
fn same_words() -> Jieba {
    let total: u64 = PRUNED.lines().find_map(|l| l.strip_prefix("# total ")).unwrap().parse().unwrap();
    let kept: u64 = lexicon::lines(PRUNED).map(|l| l.split_whitespace().nth(1).unwrap().parse::<u64>().unwrap()).sum();
    let mut dict: String = lexicon::lines(PRUNED).map(|l| format!("{l}\n")).collect();
    dict.push_str(&format!("\u{E000}\u{E001} {} x\n", total - kept));
    let mut j = Jieba::empty();
    j.load_dict(&mut dict.as_bytes()).unwrap();
    j.load_dict(&mut domain().as_bytes()).unwrap();
    j
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| ["txt", "md", "html", "docx"].contains(&x.to_str().unwrap_or(""))) {
            out.push(p);
        }
    }
}

/// Paragraphs of every readable file under `dir`, decoded and normalised as the analysis does.
fn paragraphs(dir: &Path) -> Vec<String> {
    let mut paths = Vec::new();
    files(dir, &mut paths);
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if let Ok(read) = intake::read(&name, &std::fs::read(&p).unwrap()) {
            // what the segmenter is given in the pipeline: the view (simplified, no pinyin notes)
            let view = report_lens::view::View::new(clean::normalize(&read.text));
            out.extend(view.text.lines().map(str::to_string));
        }
    }
    out
}

/// Deterministic report-like paragraphs built from our own lexicons (terms, places, roles,
/// meetings, themes) in the sentence shapes of a work report.
fn generated(n: usize) -> Vec<String> {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut pick = |len: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % len as u64) as usize
    };
    let lex = |data: &'static str| -> Vec<&'static str> {
        lexicon::lines(data)
            .filter(|l| !l.starts_with('['))
            .flat_map(|l| l.rsplit('|').next().unwrap().split_whitespace())
            .filter(|w| w.chars().count() >= 2 && w.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)))
            .collect()
    };
    let terms: Vec<&str> = lexicon::lines(lexicon::DOMAIN_DICT).map(|l| l.split_whitespace().next().unwrap()).collect();
    let themes = lex(include_str!("../src/lexicon/themes.txt"));
    let roles = lex(include_str!("../src/lexicon/roles.txt"));
    let meetings = lex(include_str!("../src/lexicon/meetings.txt"));
    let places: Vec<&str> = include_str!("../src/lexicon/places.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .collect();
    let surnames: Vec<char> = include_str!("../src/lexicon/surnames.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(|l| l.split_whitespace())
        .filter_map(|w| w.chars().next())
        .collect();
    const GIVEN: &str = "建国华明丽军伟芳秀英敏静强磊洋艳勇杰娟涛超霞平刚桂兰红梅志文斌海燕波宁";
    const VERBS: &[&str] = &[
        "深入开展",
        "认真组织",
        "积极参与",
        "扎实推进",
        "持续深化",
        "广泛凝聚",
        "切实做好",
        "不断加强",
        "着力提升",
        "精心组织",
        "全面落实",
        "主动融入",
        "聚焦",
        "围绕",
        "紧扣",
        "统筹推进",
        "稳步实施",
        "大力支持",
    ];
    const LINKS: &[&str] = &[
        "为推动高质量发展贡献智慧和力量",
        "形成了一批有价值的调研成果",
        "得到有关部门的高度重视",
        "取得了明显成效",
        "推动解决了一批群众急难愁盼问题",
        "进一步凝聚了共识",
        "为党委政府科学决策提供参考",
    ];
    let given: Vec<char> = GIVEN.chars().collect();
    (0..n)
        .map(|_| {
            let mut p = String::new();
            for _ in 0..4 {
                let name: String = [surnames[pick(surnames.len())], given[pick(given.len())], given[pick(given.len())]]
                    .iter()
                    .collect();
                let s = match pick(4) {
                    0 => format!(
                        "{}{}在{}主持召开{}，{}{}，提出意见建议{}条，{}。",
                        places[pick(places.len())],
                        roles[pick(roles.len())],
                        places[pick(places.len())],
                        meetings[pick(meetings.len())],
                        VERBS[pick(VERBS.len())],
                        themes[pick(themes.len())],
                        pick(90) + 10,
                        LINKS[pick(LINKS.len())]
                    ),
                    1 => format!(
                        "全年{}{}{}次，{}{}，{}。",
                        VERBS[pick(VERBS.len())],
                        terms[pick(terms.len())],
                        pick(40) + 2,
                        VERBS[pick(VERBS.len())],
                        themes[pick(themes.len())],
                        LINKS[pick(LINKS.len())]
                    ),
                    2 => format!(
                        "{}{}{}带队赴{}开展{}专题调研，{}{}。",
                        places[pick(places.len())],
                        roles[pick(roles.len())],
                        name,
                        places[pick(places.len())],
                        themes[pick(themes.len())],
                        VERBS[pick(VERBS.len())],
                        terms[pick(terms.len())]
                    ),
                    _ => format!(
                        "围绕{}和{}，{}{}，立案办复提案{}件，办复率达{}%。",
                        themes[pick(themes.len())],
                        themes[pick(themes.len())],
                        VERBS[pick(VERBS.len())],
                        terms[pick(terms.len())],
                        pick(300) + 50,
                        pick(10) + 90
                    ),
                };
                p.push_str(&s);
            }
            p
        })
        .collect()
}

/// (tokens of the reference, how many our segmenter gives with the same span and tag, the
/// words that differ most).
fn agreement(reference: &Jieba, paras: &[String]) -> (usize, usize, Vec<(String, usize)>) {
    let ours = segment::jieba();
    let (mut n, mut same) = (0, 0);
    let mut diffs: std::collections::HashMap<String, usize> = Default::default();
    for p in paras {
        let mine: std::collections::HashSet<(usize, usize, &str)> =
            ours.tag(p, true).into_iter().map(|t| (t.byte_start, t.byte_end, t.tag)).collect();
        for t in reference.tag(p, true) {
            if t.word.trim().is_empty() {
                continue;
            }
            n += 1;
            if mine.contains(&(t.byte_start, t.byte_end, t.tag)) {
                same += 1;
            } else {
                *diffs.entry(format!("{}/{}", t.word, t.tag)).or_default() += 1;
            }
        }
    }
    let mut d: Vec<(String, usize)> = diffs.into_iter().collect();
    d.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    d.truncate(12);
    (n, same, d)
}

fn sources() -> Vec<(&'static str, Vec<String>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![("tests/fixtures", paragraphs(&root.join("tests/fixtures")))];
    let shared = paragraphs(&root.join("../shared/corpus"));
    if shared.is_empty() {
        eprintln!("../shared/corpus missing: measured on fixtures and generated text only");
    } else {
        out.push(("../shared/corpus", shared));
    }
    out.push(("generated", generated(400)));
    out
}

#[test]
fn pruned_dictionary_cuts_reports_like_the_full_one() {
    let reference = full();
    let (mut all_n, mut all_same) = (0, 0);
    for (name, paras) in sources() {
        let (n, same, diffs) = agreement(&reference, &paras);
        let share = same as f64 / n as f64;
        println!(
            "{name}: {same} of {n} tokens agree with the full dictionary ({:.3}%); differ: {diffs:?}",
            share * 100.0
        );
        assert!(n > 1000, "{name}: too little text ({n} tokens) to measure");
        assert!(share >= 0.995, "{name}: {:.3}% < 99.5%; differ: {diffs:?}", share * 100.0);
        all_n += n;
        all_same += same;
    }
    println!("all: {:.3}% of {all_n} tokens", all_same as f64 / all_n as f64 * 100.0);
}

#[test]
fn compiled_data_cuts_and_tags_as_jieba_rs_with_the_same_words() {
    let reference = same_words();
    for (name, paras) in sources() {
        let (n, same, diffs) = agreement(&reference, &paras);
        println!("{name}: {same} of {n} tokens as jieba-rs with the same words; differ: {diffs:?}");
        assert_eq!(same, n, "{name}: differ: {diffs:?}");
    }
    // the sentences of jieba-rs's own tests: mixed scripts, digits, names, HMM words
    for s in [
        "我来到北京清华大学",
        "他来到了网易杭研大厦",
        "小明硕士毕业于中国科学院计算所，后在日本京都大学深造",
        "PS: 我觉得开源有一个好处，就是能够敦促自己不断改进，避免敞帚自珍",
        "2024年GDP增长5.2%，C++和Python 3.12，www.example.com的访问量\r\n翻了1.5倍",
        "讥䶯䶰䶱䶲䶳䶴䶵𦡦杨尚昆和迟鸿文在吉林市龙潭区",
    ] {
        let (n, same, diffs) = agreement(&reference, &[s.to_string()]);
        assert_eq!(same, n, "{s}: {diffs:?}");
    }
}

#[test]
fn suggested_frequencies_are_jieba_rs_ones_for_kept_words() {
    let reference = same_words();
    let ours = segment::jieba();
    for w in ["政协", "委员", "全过程人民民主", "办复率", "高质量发展", "辽源市", "张三丰", "abc", "2024年"]
    {
        assert_eq!(ours.suggest_freq(w), reference.suggest_freq(w), "{w}");
        assert_eq!(ours.has_word(w), reference.has_word(w), "{w}");
    }
}

#[test]
fn every_word_of_the_data_has_its_frequency() {
    let ours = segment::jieba();
    let mut expect: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    // domain terms after the pruned list: a known word takes the domain frequency
    for line in lexicon::lines(PRUNED).chain(lexicon::lines(lexicon::DOMAIN_DICT)) {
        let mut f = line.split_whitespace();
        expect.insert(f.next().unwrap(), f.next().unwrap().parse().unwrap());
    }
    assert!(expect.len() > 200_000);
    let wrong: Vec<String> = expect
        .iter()
        .filter(|(w, f)| ours.freq(w) != Some(**f))
        .take(10)
        .map(|(w, f)| format!("{w}: {f} vs {:?}", ours.freq(w)))
        .collect();
    assert!(wrong.is_empty(), "{wrong:?}");
    assert!(!ours.has_word("不存在的词") && !ours.has_word(""));
}
