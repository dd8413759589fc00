//! Rehearsal for massage therapists: client vignettes walked on the same graph
//! and engine as `chat`, scored reasoning, and a nerve-root drill.
//! Pure: the rounds compute, `rehearse_loop` talks.

mod change_match;
mod class_table;
mod danger;
mod drill;
mod explain_round;
mod history;
mod played;
mod progress;
mod rehearse_loop;
mod review;
mod round;
mod round_commands;
mod round_what_if;
mod score;
mod seeded_order;
mod story_facts;
mod topic;
mod vignette_filter;

pub use class_table::{ClassTable, class_table, class_text};
pub use danger::{MistakeClass, PointLine, SCORING_HELP};
pub use drill::{DrillItem, ItemKind, MAX_DRILL_ITEMS, NO_SINGLE_ROOT, all_items, drill_items};
pub use history::{
    HISTORY_FILE_LIMIT, HISTORY_FORMAT, History, HistoryError, HistoryLine, read_lines,
};
pub use played::{DrillAnswer, Played, RoundSummary};
pub use progress::{
    DrillItemProgress, Mistake, Progress, RedFlagProgress, VignetteProgress, progress,
};
pub use rehearse_loop::{RehearseOptions, rehearse};
pub use review::{missed_vignettes, review_text};
pub use round::{ClientAnswer, Round};
pub use round_what_if::{OtherAnswer, WHAT_IF_USAGE, other_answers, what_if_round};
pub use score::{Commitment, Score, score};
pub use seeded_order::seeded_order;
pub use story_facts::StoryFacts;
pub use topic::{Topic, difficulty_word, topic_of};
pub use vignette_filter::{ListedVignette, VignetteFilter, listing};
