//! 履职实绩: quantified achievements and their sums per category.

use super::{contract, named_enum, Part};
use serde::{Deserialize, Serialize};

named_enum! {
    /// How a count is qualified: 余/多/超/逾 (more than), 约/左右 (about), 近 (nearly), 不超过 (up to).
    Approx { None = "none", MoreThan = "more_than", About = "about", Nearly = "nearly", UpTo = "up_to" }
}

named_enum! {
    /// What a quantity counts (ANNOTATION.md); the Chinese labels are in `lexicon/categories.txt`.
    Category {
        Proposals = "proposals",
        PublicOpinionInfo = "public_opinion_info",
        Consultation = "consultation",
        ResearchInspection = "research_inspection",
        Supervision = "supervision",
        StudyTraining = "study_training",
        Meetings = "meetings",
        Publicity = "publicity",
        People = "people",
        Organizations = "organizations",
        Funds = "funds",
        Percentage = "percentage",
        ProjectsItems = "projects_items",
        ServicesForPeople = "services_for_people",
        Other = "other",
    }
}

contract! {
    pub struct Quantity {
        /// Number + approximation marker + unit, exactly as written: `30余次`.
        pub text: String,
        /// In base units: `1.2万元` is 12000 with unit 元.
        pub value: f64,
        /// The upper end of a range (`3至5天`).
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "schema", ts(optional))]
        pub value_max: Option<f64>,
        pub approx: Approx,
        /// Classifier or unit as written, less a leading 万/亿: `次`, `人次`, `元`, `%`.
        pub unit: String,
        /// What is counted: `集中学习总书记重要讲话精神`.
        pub subject: String,
        pub category: Category,
        /// The clause around it, about 40 characters.
        pub context: String,
        pub span: [usize; 2],
        /// The sentence holding it, for highlighting.
        pub sentence: [usize; 2],
        /// Title of the innermost section holding it.
        pub section: Option<String>,
        pub part: Part,
        /// Under a plan section (工作安排): a target, not an achievement.
        pub target: bool,
    }

    pub struct Metric {
        pub category: Category,
        /// The category's Chinese label.
        pub label: String,
        pub mentions: usize,
        /// Sums of values per unit (achievements only), most mentioned first.
        pub sums: Vec<UnitSum>,
    }

    pub struct UnitSum {
        pub unit: String,
        pub total: f64,
        pub mentions: usize,
    }
}
