//! The model editor of the left panel, one file per section. The editor edits a draft copy of
//! the model; the app turns a changed draft into one undoable command.

use crate::model::{Model, Problems};

/// What the editor needs besides the draft.
#[derive(Clone, Copy)]
pub struct EditorContext<'a> {
    /// Validation problems of the current model, shown next to their fields.
    pub problems: &'a Problems,
    /// An input path to reveal and highlight (set when a tornado bar is clicked).
    pub focus_path: Option<&'a str>,
}

/// Draws the editor for `draft`.
pub fn show(ui: &mut egui::Ui, draft: &mut Model, _cx: &EditorContext) {
    let label = ui.label("Model name");
    ui.text_edit_singleline(&mut draft.name).labelled_by(label.id);
}
