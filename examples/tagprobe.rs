fn main() {
    let j = report_lens::segment::jieba();
    for s in std::env::args().skip(1) {
        let t: Vec<String> = j.tag(&s, true).iter().map(|t| format!("{}/{}", t.word, t.tag)).collect();
        println!("{s}: {} | has_word={}", t.join(" "), j.has_word(&s));
    }
}
