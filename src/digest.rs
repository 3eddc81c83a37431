//! Content ids: the same text gets the same id wherever it is analysed (CLI, page, another
//! machine), so a file dropped twice, or copied under another name or encoding, is recognised,
//! and rows of the CLI's tables join across shards.

/// `rl` and the 64-bit FNV-1a of the text's UTF-8 bytes in 16 hex digits. The letters keep
/// CSV readers that guess types (pandas, DuckDB) from taking an id like `1234…` or `12e4…` for
/// a number. Not cryptographic: it tells reports apart, it does not guard against someone
/// forging a collision.
pub fn content_id(text: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let h = text.bytes().fold(OFFSET, |h, b| (h ^ u64::from(b)).wrapping_mul(PRIME));
    format!("rl{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_text_same_id() {
        // the published FNV-1a test vector
        assert_eq!(content_id("a"), "rlaf63dc4c8601ec8c");
        assert_eq!(content_id("政协工作报告"), content_id(&String::from("政协工作报告")));
        assert_ne!(content_id("政协工作报告"), content_id("政协工作报告。"));
    }
}
