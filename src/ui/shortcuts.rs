//! Keyboard shortcuts. They are consumed before any widget sees them, so Ctrl+Z undoes a model
//! edit even while a text field has focus.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::app::ShorelineApp;
use crate::app::{Command, FileAction, Template};

const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const SAVE_AS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const PRESENT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F11);

/// Handles this frame's shortcuts.
pub fn handle(ctx: &egui::Context, app: &mut ShorelineApp) {
    // Longer combinations first: Ctrl+Shift+Z must not be taken for Ctrl+Z.
    let (redo, undo, new, open, save_as, save, present) = ctx.input_mut(|i| {
        let redo = i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_Y);
        let undo = i.consume_shortcut(&UNDO);
        let new = i.consume_shortcut(&NEW);
        let open = i.consume_shortcut(&OPEN);
        let save_as = i.consume_shortcut(&SAVE_AS);
        let save = i.consume_shortcut(&SAVE);
        let present = i.consume_shortcut(&PRESENT);
        (redo, undo, new, open, save_as, save, present)
    });
    let state = &mut app.state;
    if redo {
        state.apply(Command::Redo);
    }
    if undo {
        state.apply(Command::Undo);
    }
    if new {
        state.request(FileAction::New(Template::Blank));
    }
    if open {
        state.request(FileAction::Open(None));
    }
    if save_as {
        state.save_as();
    } else if save {
        state.save();
    }
    if present {
        app.present = !app.present;
    }
}
