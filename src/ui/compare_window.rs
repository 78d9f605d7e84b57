//! File ▸ Compare with file…: what differs between another model file and the open model, and
//! what it does to each option's NPV, savings and payback, side by side.

use egui::RichText;

use super::app::ShorelineApp;
use crate::app::{Compared, NoticeKind};

/// Characters of a long setting (a description, a note) shown before it is cut.
const SETTING_CHARS: usize = 80;

/// Draws the window while a comparison is open.
pub fn show(ctx: &egui::Context, app: &mut ShorelineApp) {
    let Some(compared) = &app.state.compared else { return };
    let mut open = true;
    let mut copied = false;
    let name =
        compared.path.file_name().map_or_else(|| compared.path.display().to_string(), |n| n.to_string_lossy().into());
    egui::Window::new("Compare with file")
        .open(&mut open)
        .default_width(720.0_f32.min(ctx.content_rect().width() - 40.0))
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 60.0))
        .max_height(ctx.content_rect().height() * 0.8)
        .show(ctx, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("From {name} (old) to the open model (new)."));
                copied = ui
                    .button("Copy as text")
                    .on_hover_text("Everything below as plain text, for an email or a commit message")
                    .clicked();
            });
            ui.separator();
            egui::ScrollArea::vertical().auto_shrink([false, true]).show(ui, |ui| body(ui, compared));
        });
    if copied {
        ctx.copy_text(as_text(compared));
        app.state.notice(NoticeKind::Info, "The comparison is on the clipboard.");
    }
    if !open {
        app.state.compared = None;
    }
}

fn body(ui: &mut egui::Ui, compared: &Compared) {
    let diff = &compared.diff;
    if diff.is_empty() {
        ui.label(RichText::new("No differences: the two files describe the same model.").strong());
    }
    for (side, errors) in [("old", &diff.errors.old), ("new", &diff.errors.new)] {
        if !errors.is_empty() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("The {side} model has errors, so its results are not shown: {}", errors.join("; ")),
            );
        }
    }
    heading(ui, "What it does to the results");
    for option in &diff.options {
        ui.label(RichText::new(option.name.replace(['\n', '\r', '\t'], " ")).strong());
        ui.indent(("compare option", &option.name), |ui| {
            for line in option.lines(&diff.currency) {
                ui.add(egui::Label::new(arrows(&line)).wrap());
            }
        });
    }
    let lists: [(&str, Vec<String>); 4] = [
        ("Inputs changed", diff.inputs.iter().map(|c| c.describe()).collect()),
        ("Added", diff.added.iter().map(|i| i.describe()).collect()),
        ("Removed", diff.removed.iter().map(|i| i.describe()).collect()),
        ("Other changes", diff.other.iter().map(|c| c.describe(SETTING_CHARS)).collect()),
    ];
    for (title, lines) in lists {
        if lines.is_empty() {
            continue;
        }
        heading(ui, &format!("{title} ({})", lines.len()));
        for line in lines {
            ui.add(egui::Label::new(arrows(&line)).wrap());
        }
    }
}

/// "11 → 12" as the window's font can draw it ("11 › 12", as the meeting log writes changes).
fn arrows(line: &str) -> String {
    line.replace('→', "›")
}

fn heading(ui: &mut egui::Ui, title: &str) {
    ui.add_space(8.0);
    ui.label(RichText::new(title).strong().size(15.0));
}

/// The comparison as plain text, in the window's order.
fn as_text(compared: &Compared) -> String {
    let diff = &compared.diff;
    let mut out = format!("From {} to the open model\n", compared.path.display());
    if diff.is_empty() {
        out.push_str("No differences.\n");
    }
    for option in &diff.options {
        out.push_str(&format!("\n{}\n", option.name));
        for line in option.lines(&diff.currency) {
            out.push_str(&format!("  {line}\n"));
        }
    }
    let sections: [(&str, Vec<String>); 4] = [
        ("Inputs changed", diff.inputs.iter().map(|c| c.describe()).collect()),
        ("Added", diff.added.iter().map(|i| i.describe()).collect()),
        ("Removed", diff.removed.iter().map(|i| i.describe()).collect()),
        ("Other changes", diff.other.iter().map(|c| c.describe(SETTING_CHARS)).collect()),
    ];
    for (title, lines) in sections.into_iter().filter(|(_, l)| !l.is_empty()) {
        out.push_str(&format!("\n{title}\n"));
        for line in lines {
            out.push_str(&format!("  {line}\n"));
        }
    }
    out
}
