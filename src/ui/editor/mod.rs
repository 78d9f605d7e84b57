//! The model editor of the left panel, one file per section. The editor edits a draft copy of
//! the model; the app turns a changed draft into one undoable command.

mod common;
mod cost_lines;
pub mod estimate;
mod hidden;
mod in_house;
mod option;
mod presentation;
pub mod pricing;
mod settings;
mod workload;

pub(crate) use common::{Ed, Labels};
pub(crate) use estimate::estimate as estimate_field;

use crate::model::{Model, Problems};

/// What the editor needs besides the draft.
#[derive(Clone, Copy)]
pub struct EditorContext<'a> {
    /// Validation problems of the current model, shown next to their fields.
    pub problems: &'a Problems,
    /// An input path to reveal and highlight (set when a tornado bar is clicked).
    pub focus_path: Option<&'a str>,
}

/// The editor: a vertical scroll of collapsing sections (Settings, Workload, In-house, one per
/// option, then "+ Add option", then Presentation) that edits `draft` in place.
pub fn show(ui: &mut egui::Ui, draft: &mut Model, cx: &EditorContext) {
    let labels = common::Labels::of(draft);
    let ed = common::Ed::new(ui, cx.problems, cx.focus_path, draft, &labels);
    egui::ScrollArea::vertical().id_salt("shoreline-editor").auto_shrink([false, false]).show(ui, |ui| {
        settings::show(ui, &ed, draft);
        workload::show(ui, &ed, &mut draft.workload);
        in_house::show(ui, &ed, &mut draft.in_house);
        let bases = option::Basis::of_every_option(draft);
        option::show_all(ui, &ed, &mut draft.options, &bases);
        presentation::show(ui, &ed, draft);
    });
}
