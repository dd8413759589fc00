//! The arguments of every command, as clap reads them: the binary parses
//! them into a [`Command`] and hands each command its own.

use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};

use crate::compile::Difficulty;
use crate::rehearse::Topic;
use crate::report::Audience;

#[derive(Subcommand)]
pub enum Command {
    /// Talk through an assessment, one question at a time (the default).
    Chat(ChatArgs),
    /// Therapist practice: client vignettes, scored reasoning, a nerve-root drill.
    Rehearse(RehearseArgs),
    /// One assessment from answers given up front, no prompts.
    Run {
        /// `id=value` pairs separated by commas: yes/no/unsure, an answer id,
        /// `a+b` for several choices, a number.
        #[arg(long, value_name = "ID=VALUE,...")]
        answers: String,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        knowledge: KnowledgeArg,
        /// Also write a report of the assessment here: Markdown, or plain
        /// text for a `.txt` name, a web page for `.html`.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
        /// Replace the --report file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// The assessment as web pages, one question a page; nothing stored.
    Serve {
        /// The address and port to listen on (another machine can reach
        /// the pages only if this is not a loopback address).
        #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8080")]
        bind: std::net::SocketAddr,
        #[command(flatten)]
        knowledge: KnowledgeArg,
        /// Who is reading: plain words, or clinical wording and findings.
        #[arg(long, value_enum, default_value_t = Audience::Lay)]
        audience: Audience,
    },
    /// Parse and compile a knowledge folder; report every error.
    Check {
        #[command(flatten)]
        folder: FolderArg,
        /// Fail (exit 1) when there are warnings.
        #[arg(long)]
        deny_warnings: bool,
        /// How to write the diagnostics: for people, or one JSON document for tools.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
    },
    /// An author's whole loop in one: check, verify, test and fmt --check,
    /// with one exit code (0 only when all four pass).
    Author {
        #[command(flatten)]
        folder: FolderArg,
    },
    /// Prove every invariant on every path, or show a counter-example.
    Verify {
        #[command(flatten)]
        folder: FolderArg,
    },
    /// Run the cases written in a knowledge folder.
    Test {
        #[command(flatten)]
        folder: FolderArg,
    },
    /// Plant every safety-relevant slip (an urgency lowered, a red flag
    /// rerouted, a `set` dropped, a comparison flipped, decide arms swapped)
    /// one at a time, and report the ones check, verify and test all miss.
    Mutate {
        #[command(flatten)]
        folder: FolderArg,
    },
    /// Print the question graph: DOT, Mermaid or JSON (docs/graph-json.md).
    ///
    /// For a picture, Graphviz draws the DOT export with sections as boxes:
    /// `backcheck graph | dot -Tsvg > graph.svg`.
    Graph {
        /// The language to draw in.
        #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
        format: GraphFormat,
        #[command(flatten)]
        knowledge: KnowledgeArg,
        #[command(flatten)]
        part: GraphPart,
    },
    /// What an edit changes for patients: the answers that now end in
    /// another verdict or urgency (by old -> new outcome, each with a count
    /// and its shortest answers), and the invariants and cases that changed.
    ///
    /// Both folders are walked together over one answer of every class no
    /// condition tells apart (every yes/no and single answer, every subset of
    /// the multiple-choice answers conditions read up to 10 of them, numbers
    /// at each end of the range and either side of each threshold), so a
    /// verdict change on any path is found; beyond 10 such answers subsets
    /// are sampled and the output says so. Walks that reach the same place
    /// with the same facts and answers still to be read are walked once, up
    /// to 200,000 such states; past that the result says it is incomplete.
    /// An answer one folder does not offer is listed, not ranked. Exit 0
    /// only when no answers end with less care, no invariant or case newly
    /// fails and the walk was finished; 1 otherwise; 2 when a folder cannot
    /// be read or compiled.
    Diff {
        /// The knowledge folder before the edit.
        #[arg(value_name = "OLD")]
        old: PathBuf,
        /// The knowledge folder after the edit.
        #[arg(value_name = "NEW")]
        new: PathBuf,
        /// For people, or one JSON document for tools.
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
    },
    /// A language server on stdin and stdout, for editors (editors/README.md).
    Lsp {
        /// The knowledge folder of the files under it (default: the folder
        /// each file is in).
        #[arg(long, value_name = "DIR")]
        knowledge: Option<PathBuf>,
        /// Accepted and ignored: editors pass it to say the channel.
        #[arg(long, hide = true)]
        stdio: bool,
    },
    /// Lay out .flow files in the one canonical style, in place.
    Fmt {
        /// Change nothing; list the files that would change and exit 1 if any.
        #[arg(long)]
        check: bool,
        /// Every .flow file of this knowledge folder (as if named in PATHS).
        #[arg(long, value_name = "DIR")]
        knowledge: Option<PathBuf>,
        /// Files or folders (default: every .flow file under ./knowledge).
        paths: Vec<PathBuf>,
    },
}

/// `--knowledge DIR`: the one way every command names a knowledge folder.
#[derive(clap::Args, Default)]
pub struct KnowledgeArg {
    /// A knowledge folder to use instead of the built-in one.
    #[arg(long, value_name = "DIR")]
    pub knowledge: Option<PathBuf>,
}

impl KnowledgeArg {
    pub fn dir(&self) -> Option<&Path> {
        self.knowledge.as_deref()
    }
}

/// `--knowledge DIR`, or the folder written alone as check, verify and
/// test have always taken it (`backcheck check DIR`).
#[derive(clap::Args)]
pub struct FolderArg {
    /// A knowledge folder to use instead of the built-in one.
    #[arg(long, value_name = "DIR")]
    pub knowledge: Option<PathBuf>,
    /// The same as --knowledge DIR.
    #[arg(value_name = "DIR", conflicts_with = "knowledge")]
    pub dir: Option<PathBuf>,
}

impl FolderArg {
    pub fn dir(&self) -> Option<&Path> {
        self.knowledge.as_deref().or(self.dir.as_deref())
    }
}

/// `rehearse --difficulty`.
#[derive(Clone, Copy, ValueEnum)]
pub enum DifficultyArg {
    Easy,
    Medium,
    Hard,
}

impl From<DifficultyArg> for Difficulty {
    fn from(arg: DifficultyArg) -> Difficulty {
        match arg {
            DifficultyArg::Easy => Difficulty::Easy,
            DifficultyArg::Medium => Difficulty::Medium,
            DifficultyArg::Hard => Difficulty::Hard,
        }
    }
}

/// `check --format`: diagnostics for people or for tools.
#[derive(Clone, Copy, ValueEnum)]
pub enum CheckFormat {
    /// Quoted source lines with a caret, on stderr.
    Text,
    /// One JSON document on stdout: `{"ok", "errors", "warnings", "diagnostics": [...]}`.
    Json,
}

/// `diff --format`.
#[derive(Clone, Copy, ValueEnum)]
pub enum DiffFormat {
    /// Lines for people.
    Text,
    /// One JSON document: `{"safety_relevant", "verdict_changes", "invariants", "cases", ...}`.
    Json,
}

/// `graph --section` or `graph --around`: a part of the graph to draw (DOT
/// and Mermaid); edges out of it end at a dashed stub.
#[derive(clap::Args, Default)]
pub struct GraphPart {
    /// Only this section's nodes (`safety.checks`, or `checks` when one
    /// section is called that).
    #[arg(long, value_name = "NAME", conflicts_with = "around")]
    pub section: Option<String>,
    /// Only this node and its neighbours, both ways, up to --depth edges away.
    #[arg(long, value_name = "ID")]
    pub around: Option<String>,
    /// How many edges from --around to draw.
    #[arg(long, value_name = "N", default_value_t = 2, requires = "around")]
    pub depth: usize,
}

/// `graph --format`: the picture's language.
#[derive(Clone, Copy, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT.
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
    /// The stable export of docs/graph-json.md.
    Json,
    /// No longer drawn by backcheck: says how to get it from the DOT export.
    #[value(hide = true)]
    Svg,
}

/// `backcheck rehearse`: practice rounds on the vignettes, or the root drill.
#[derive(clap::Args)]
#[command(after_help = crate::rehearse::SCORING_HELP)]
pub struct RehearseArgs {
    /// List the vignettes (id, title, difficulty; the topic with --outcomes),
    /// sorted by difficulty (easy first) then id, and stop. With --json, a
    /// JSON array of objects.
    #[arg(long, conflicts_with_all = ["history", "review", "drill", "vignette"])]
    pub list: bool,
    /// Play only this vignette.
    #[arg(long, value_name = "ID")]
    pub vignette: Option<String>,
    /// Shuffle the vignettes (or drill items) reproducibly with this seed.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Print JSON on stdout, and the conversation (prompts too) on stderr:
    /// an array of rounds, of drill answers with --drill, an object with the
    /// figures and what was replayed with --review, the list with --list
    /// (docs/rehearse-json.md).
    #[arg(long)]
    pub json: bool,
    /// The nerve-root drill (L4, L5, S1) instead of vignettes, with this many
    /// items: generated from the knowledge's root table (its `sign`s, 001's
    /// motor, sensory and reflex rows: single findings, findings that agree,
    /// findings of two roots, a root to match with its finding), options
    /// shuffled per --seed.
    #[arg(long, value_name = "ITEMS", num_args = 0..=1, default_missing_value = "6")]
    pub drill: Option<usize>,
    /// Only vignettes of this difficulty (also for --list and --review).
    #[arg(long, value_enum)]
    pub difficulty: Option<DifficultyArg>,
    /// Only vignettes on this topic (also for --list and --review). The topic
    /// is the kind of outcome the graph reaches with the client's answers; a
    /// routine referral reached from the nerve checks is `nerve-root`.
    #[arg(long, value_enum)]
    pub topic: Option<Topic>,
    /// Record every round in this file, one JSON line each (off by default:
    /// nothing is written unless asked). An existing history is added to; a
    /// file that is not one is refused. Private (0600), links not followed.
    #[arg(long, value_name = "FILE")]
    pub history: Option<PathBuf>,
    /// Show the progress recorded in --history (means per week, per ten rounds, per
    /// difficulty and topic, the costliest mistakes), then play again every
    /// vignette whose latest round scored below full marks.
    #[arg(long, requires = "history", conflicts_with_all = ["drill", "vignette"])]
    pub review: bool,
    /// Who is practising: kept with every round in --history and in --json,
    /// so a teacher can put several students' files together (--class).
    #[arg(long, value_name = "NAME")]
    pub student: Option<String>,
    /// With --list: also the topic, which is the kind of outcome the graph
    /// reaches (the answer). Without it the list gives nothing away.
    #[arg(long, requires = "list")]
    pub outcomes: bool,
    /// With --review or --class: leave out what the graph has (the expected
    /// outcome of each mistake, its class, the means by topic), to go over
    /// the vignettes again without the answers.
    #[arg(long, conflicts_with = "outcomes")]
    pub blind: bool,
    /// A teacher's table: every history file in DIR (one per student, kept
    /// with --history and --student) read into one table per student, per
    /// red flag and per vignette; nothing is played.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["list", "history", "review", "drill", "vignette", "seed"])]
    pub class: Option<PathBuf>,
    #[command(flatten)]
    pub knowledge: KnowledgeArg,
}

#[derive(clap::Args, Default)]
pub struct ChatArgs {
    /// Who is reading: plain words, or clinical wording and findings.
    #[arg(long, value_enum, default_value_t = Audience::Lay)]
    pub audience: Audience,
    #[command(flatten)]
    pub knowledge: KnowledgeArg,
    /// Continue a session saved with `save FILE`.
    #[arg(long, value_name = "FILE")]
    pub resume: Option<PathBuf>,
    /// With --resume: replay a session saved with other knowledge, stopping at
    /// the first answer that no longer fits. With --report: replace that file
    /// if it exists.
    #[arg(long)]
    pub force: bool,
    /// Write a report of the session here when it ends: Markdown, or plain
    /// text for a `.txt` name, a web page for `.html`.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Keep the line-editor history in this file (off by default: answers are
    /// health data). At a terminal only: with piped input it is an error.
    #[arg(long, value_name = "FILE")]
    pub history: Option<PathBuf>,
}
