//! App state between the model and the window: the document and its one mutation point
//! (commands), undo, cached results, files, settings and crash recovery. No egui here.

pub mod analysis;
pub mod dialogs;
pub mod document;
pub mod history;
pub mod meeting;
pub mod recovery;
pub mod retarget;
pub mod scenario_compare;
pub mod sensitivity_cache;
pub mod settings;
pub mod simulation;
mod state;

pub use document::{Command, Document};
pub use state::{
    AppState, Compared, ExportKind, ExternalChangeAnswer, FileAction, ImageFormat, Notice, NoticeKind, PathPrompt,
    Question, Template, UnsavedAnswer,
};
