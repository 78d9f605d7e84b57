//! What a panel asks of the app around it. Panels draw with `&mut ShorelineApp` but do not
//! change the window or the document while they draw: they queue an [`Intent`], and the window
//! applies every intent once, after the panels, in [`apply`] (as egui's demo app runs its
//! commands). So a tornado click and a problem click reveal an input the same way, and one
//! widget burst is one undo step wherever the widget is.

use super::app::ShorelineApp;
use super::commands::UiCommand;
use crate::app::Command;
use crate::model::Model;

/// A request from a panel.
#[derive(Debug)]
pub enum Intent {
    /// Run a command of the registry.
    Run(UiCommand),
    /// Show the field at this path in the editor (open its section, frame it, scroll to it),
    /// bringing the editor back if it was hidden.
    Reveal(String),
    /// An edited copy of the model from a widget: edits of one drag or one text field in quick
    /// succession undo as one step.
    Edit(Box<Model>),
    /// A change that is one undo step of its own.
    Step(Command),
}

/// Applies the intents made so far this frame, in the order they were made. The window calls it
/// after the panels that edit (so the charts drawn after them show the edit in the same frame)
/// and once more at the end of the frame.
pub fn apply(ctx: &egui::Context, app: &mut ShorelineApp) {
    // A chart's export menu leaves its choice in the frame's memory (charts draw without the app).
    if let Some(command) = super::charts::take_request(ctx) {
        app.intents.push(Intent::Run(command));
    }
    if app.intents.is_empty() {
        return;
    }
    // What changed is drawn by the next frame at the latest, even if no input event follows.
    ctx.request_repaint();
    // The widget the user is working with: a drag, else the focused text field.
    let group = ctx.dragged_id().or_else(|| ctx.memory(|m| m.focused())).map(|id| id.value());
    for intent in std::mem::take(&mut app.intents) {
        match intent {
            Intent::Run(command) => {
                if command.enabled(app) {
                    command.run(ctx, app);
                }
            }
            Intent::Reveal(path) => {
                app.state.focus_path = Some(path);
                app.present = false;
            }
            Intent::Edit(model) => app.state.apply(Command::Replace { model, group }),
            Intent::Step(command) => app.state.apply(command),
        }
    }
}
