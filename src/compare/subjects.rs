//! How alike two subjects (what a quantity counts) are: character bigrams, less punctuation
//! and 的, which differ between wordings of one thing (`立案提案` / `立案的提案`).

use crate::fx::FxSet;

pub fn bigrams(s: &str) -> FxSet<(char, char)> {
    let cs: Vec<char> = s.chars().filter(|c| !c.is_whitespace() && !crate::clean::in_set("“”《》、，的", *c)).collect();
    cs.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Dice coefficient of the bigram sets, 0–1; subjects too short for a bigram are alike only
/// when equal.
pub fn dice(a: &FxSet<(char, char)>, b: &FxSet<(char, char)>, a_text: &str, b_text: &str) -> f64 {
    if a.is_empty() || b.is_empty() {
        return if a_text.trim() == b_text.trim() { 1.0 } else { 0.0 };
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sim(a: &str, b: &str) -> f64 {
        dice(&bigrams(a), &bigrams(b), a, b)
    }

    #[test]
    fn wordings_of_one_thing_are_alike() {
        assert_eq!(sim("立案提案", "立案的提案"), 1.0);
        assert!(sim("组织委员开展视察调研", "组织委员视察调研") >= 0.5);
        assert!(sim("立案提案", "社情民意信息") < 0.1);
        assert_eq!(sim("", ""), 1.0);
        assert_eq!(sim("书", "报"), 0.0);
    }
}
