//! Rehearsal for massage therapists: client vignettes walked on the same graph
//! and engine as `chat`, scored reasoning, and a nerve-root drill.
//! Pure: the rounds compute, `rehearse_loop` talks.

mod drill;
mod rehearse_loop;
mod root_table;
mod round;
mod score;
mod seeded_order;

pub use drill::{DrillItem, MAX_DRILL_ITEMS, drill_items};
pub use rehearse_loop::{RehearseOptions, RoundSummary, rehearse};
pub use root_table::{ROOTS, Root};
pub use round::{ClientAnswer, Round};
pub use score::{Commitment, Score, score};
pub use seeded_order::seeded_order;
