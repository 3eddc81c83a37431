//! The head of a report or of one article in a file: what it says about itself.

use super::{contract, named_enum};
use serde::{Deserialize, Serialize};

named_enum! {
    /// What kind of text an article is.
    Kind {
        /// 政协常务委员会工作报告.
        WorkReport = "work_report",
        /// 提案工作情况的报告, 提案委员会工作情况.
        ProposalReport = "proposal_report",
        /// A newspaper feature or report (纪实, 报道, 写在…之际).
        Feature = "feature",
        /// 讲话, 致辞.
        Speech = "speech",
        /// Personnel notices (任免名单, 决定).
        Personnel = "personnel",
        Other = "other",
    }
}

// a hand-written impl: the enum's derives come from `named_enum!`
#[allow(clippy::derivable_impls)]
impl Default for Kind {
    fn default() -> Self {
        Kind::Other
    }
}

named_enum! {
    /// The level of a committee.
    Level { National = "全国", Province = "省", City = "市", County = "县", District = "区" }
}

contract! {
    #[derive(Default)]
    pub struct Meta {
        pub title: Option<String>,
        pub subtitle: Option<String>,
        pub committee: Option<Committee>,
        pub meeting: Option<String>,
        /// ISO dates (YYYY-MM-DD) given in the report's head, in order.
        pub dates: Vec<String>,
        pub authors: Vec<String>,
        /// The year the report looks back on.
        pub year: Option<u32>,
        pub kind: Kind,
    }

    pub struct Committee {
        pub name: String,
        pub place: String,
        pub level: Level,
        /// 第八届, as written.
        pub term: Option<String>,
    }

    /// One article of a file that holds several (a newspaper page: a report, a speech,
    /// personnel notices, boxes), each with its own head.
    pub struct Article {
        pub title: String,
        pub span: [usize; 2],
        /// The longest article about a CPPCC committee: its head is the Analysis's `meta`.
        pub main: bool,
        pub meta: Meta,
    }
}
