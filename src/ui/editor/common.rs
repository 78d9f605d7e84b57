//! What every section shares: the per-frame editor state, field rows with their problems and
//! focus highlight, collapsing sections tinted by their problems, and list buttons.

use std::collections::HashMap;

use egui::{Align, CollapsingResponse, Color32, Frame, Label, Layout, Response, RichText, Stroke, Ui, vec2};

use crate::model::help::field_help;
use crate::model::{InputInfo, Model, Problems, Severity, ValueKind, inputs::inputs};

/// The editor's view of one frame: problems, focus, and the input labels of the model as the
/// frame began (so a field's accessible name matches the tornado's label for the same path).
#[derive(Clone)]
pub(crate) struct Ed<'a> {
    pub problems: &'a Problems,
    pub focus: Option<&'a str>,
    /// True for a few frames after `focus` changed: sections open and the field scrolls into view.
    /// Only then, so the user can still collapse a section while a focus is set.
    pub reveal: bool,
    /// Currency of money fields drawn now (an option's pricing currency inside its pricing).
    pub currency: String,
    labels: &'a HashMap<String, (String, ValueKind)>,
}

/// How many frames a new focus keeps forcing its sections open and scrolling: a collapsing
/// section animates open over several frames, and the field's final position is known only then.
const REVEAL_FRAMES: u32 = 8;

impl<'a> Ed<'a> {
    pub fn new(ui: &Ui, problems: &'a Problems, focus: Option<&'a str>, model: &Model, labels: &'a Labels) -> Self {
        let id = ui.scope_id().with("shoreline-editor-focus");
        let remembered: Option<(Option<String>, u32)> = ui.ctx().data_mut(|d| d.get_temp(id));
        let (last, frames) = remembered.unwrap_or((None, 0));
        let frames = if last.as_deref() == focus { frames.saturating_sub(1) } else { REVEAL_FRAMES };
        let frames = if focus.is_some() { frames } else { 0 };
        ui.ctx().data_mut(|d| d.insert_temp(id, (focus.map(str::to_owned), frames)));
        if frames > 0 {
            ui.ctx().request_repaint();
        }
        Self { problems, focus, reveal: frames > 0, currency: model.currency.clone(), labels: &labels.0 }
    }

    /// The same state with money shown in `currency`.
    pub fn with_currency(&self, currency: &str) -> Self {
        Self { currency: currency.to_owned(), ..self.clone() }
    }

    /// The accessible name and kind of the input at `path`, or the given ones for an input the
    /// frame's model did not have yet (a pricing form switched this frame).
    pub fn input(&self, path: &str, label: String, kind: ValueKind) -> (String, ValueKind) {
        self.labels.get(path).cloned().unwrap_or((label, kind))
    }

    /// The numbers of errors and warnings at or inside any of `prefixes`.
    pub fn count(&self, prefixes: &[&str]) -> (usize, usize) {
        let all = || prefixes.iter().flat_map(|p| self.problems.at(p));
        let errors = all().filter(|p| p.severity == Severity::Error).count();
        (errors, all().count() - errors)
    }

    fn focus_within(&self, prefixes: &[&str]) -> bool {
        self.focus.is_some_and(|f| prefixes.iter().any(|p| within(f, p)))
    }

    /// A collapsing section whose header turns red or amber when it holds problems, and which
    /// opens when the focus is inside it.
    pub fn section<R>(
        &self,
        ui: &mut Ui,
        title: &str,
        salt: impl egui::AsIdSalt,
        prefixes: &[&str],
        default_open: bool,
        body: impl FnOnce(&mut Ui) -> R,
    ) -> CollapsingResponse<R> {
        let (errors, warnings) = self.count(prefixes);
        // Words as well as colour, so the mark does not rely on colour vision (and the default
        // fonts have no warning-sign glyph).
        let text = match (errors, warnings) {
            (0, 0) => RichText::new(title),
            (0, w) => RichText::new(format!("{title} ({})", plural(w, "warning"))).color(ui.visuals().warn_fg_color),
            (e, _) => RichText::new(format!("{title} ({})", plural(e, "error"))).color(ui.visuals().error_fg_color),
        };
        let added = prefixes.first().is_some_and(|p| take_added(ui, p));
        let open = (added || (self.reveal && self.focus_within(prefixes))).then_some(true);
        egui::CollapsingHeader::new(text).id_salt(salt).default_open(default_open).open(open).show(ui, body)
    }

    /// Marks the list item at `path` (`in_house.costs[3]`) as just added: its section opens on
    /// the next frame, so the user sees the fields to fill in rather than a closed header.
    pub fn mark_added(&self, ui: &Ui, path: String) {
        ui.data_mut(|d| d.insert_temp(added_id(), path));
    }

    /// A field: its widgets, the problems at `path` under them, and a frame when it is the focus.
    /// What the field means ([`field_help`]) is the tooltip of its [`row`] label, or of the
    /// whole field when it has no row.
    pub fn field(&self, ui: &mut Ui, path: &str, add: impl FnOnce(&mut Ui)) {
        let help = field_help(path);
        // Every field the editor draws is explained; a new one without help fails every UI test.
        debug_assert!(help.is_some(), "the editor field {path} has no entry in model::help");
        // Handed to `row` through the ui's memory: every row is drawn inside a field, and
        // passing the text through each of the ~30 row calls would repeat the path each time.
        if let Some(help) = help {
            ui.data_mut(|d| d.insert_temp(help_id(), help));
        }
        let focused = self.focus == Some(path);
        let frame = if focused {
            Frame::new().stroke(Stroke::new(2.0, ui.visuals().selection.stroke.color)).inner_margin(3).corner_radius(3)
        } else {
            Frame::new()
        };
        let shown = ui.push_id(path, |ui| {
            frame.show(ui, |ui| {
                add(ui);
                self.messages(ui, path, false);
            })
        });
        if let Some(help) = take_help(ui) {
            shown.inner.response.clone().on_hover_text(help);
        }
        if focused && self.reveal {
            shown.inner.response.scroll_to_me(Some(Align::Center));
        }
    }

    /// The problems at `path` in red (errors) or amber (warnings) text; with `nested`
    /// also those inside it.
    pub fn messages(&self, ui: &mut Ui, path: &str, nested: bool) {
        for p in self.problems.at(path).filter(|p| nested || p.path == path) {
            let color = severity_color(ui, p.severity);
            let prefix = if p.severity == Severity::Error { "Error" } else { "Warning" };
            // Body size: the small style is about 7 px on a laptop at 100 %, unreadable.
            ui.add(Label::new(RichText::new(format!("{prefix}: {}", p.message)).color(color)).wrap());
        }
    }
}

/// The input labels of a model by path, computed once per frame.
pub(crate) struct Labels(HashMap<String, (String, ValueKind)>);

impl Labels {
    pub fn of(model: &Model) -> Self {
        Self::from_inputs(&inputs(model))
    }

    /// The labels of inputs the caller already listed.
    pub fn from_inputs(inputs: &[InputInfo]) -> Self {
        Self(inputs.iter().map(|i| (i.path.clone(), (i.label.clone(), i.kind))).collect())
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}

/// True when `path` is `prefix` or lies inside it (the rule of `Problems::at`).
pub(crate) fn within(path: &str, prefix: &str) -> bool {
    path == prefix || path.strip_prefix(prefix).is_some_and(|rest| rest.starts_with(['.', '[']))
}

/// Red for errors, amber for warnings, from the theme so both read in dark and light mode.
pub(crate) fn severity_color(ui: &Ui, severity: Severity) -> Color32 {
    match severity {
        Severity::Error => ui.visuals().error_fg_color,
        Severity::Warning => ui.visuals().warn_fg_color,
    }
}

/// A row with a short visible label in a fixed-width column, then the widgets, wrapping when
/// they do not fit; on a narrow panel (a projector's zoom) the label goes above its widgets.
pub(crate) fn row<R>(ui: &mut Ui, label: &str, add: impl FnOnce(&mut Ui) -> R) -> R {
    let help = take_help(ui);
    let explain = |response: Response| {
        if let Some(help) = help {
            response.on_hover_text(help);
        }
    };
    if ui.available_width() < NARROW {
        return ui
            .vertical(|ui| {
                explain(ui.add(Label::new(label).wrap()));
                ui.horizontal_wrapped(|ui| {
                    ui.add_space(8.0);
                    add(ui)
                })
                .inner
            })
            .inner;
    }
    ui.horizontal_wrapped(|ui| {
        let width = (ui.available_width() * 0.34).clamp(64.0, 150.0);
        let height = ui.spacing().interact_size.y;
        ui.allocate_ui_with_layout(vec2(width, height), Layout::left_to_right(Align::Center), |ui| {
            ui.set_min_width(width);
            explain(ui.add(Label::new(label).truncate()));
        });
        add(ui)
    })
    .inner
}

/// Below this width (points) a row's label goes above its widgets.
const NARROW: f32 = 300.0;

/// A single-line text field named `name`.
pub(crate) fn text(ui: &mut Ui, value: &mut String, name: &str) -> Response {
    // The rest of the row: an infinite desired width would wrap the field onto its own line.
    let width = (ui.available_size_before_wrap().x - 2.0).max(80.0);
    ui.add(egui::TextEdit::singleline(value).desired_width(width)).accessible_name(name)
}

/// A whole-month field named `name`.
pub(crate) fn months(ui: &mut Ui, value: &mut u32, name: &str, max: u32) -> Response {
    ui.add(egui::DragValue::new(value).range(0..=max).speed(0.1).suffix(" mo")).accessible_name(name)
}

/// A drop-down of `choices` named `name`; true when the user picked another value.
pub(crate) fn choice<T: PartialEq + Copy>(ui: &mut Ui, name: &str, value: &mut T, choices: &[(T, &str)]) -> bool {
    let before = *value;
    let current = choices.iter().find(|(v, _)| *v == before).map_or("?", |(_, l)| l);
    egui::ComboBox::from_id_salt(name)
        .selected_text(current)
        .show_ui(ui, |ui| {
            for (v, label) in choices {
                ui.selectable_value(value, *v, *label);
            }
        })
        .response
        .accessible_name(name);
    *value != before
}

/// What the buttons of a list item asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ListAction {
    Up(usize),
    Down(usize),
    Duplicate(usize),
    Remove(usize),
}

/// Move up, move down, duplicate and remove buttons for item `i` of `len`, named after `name`.
/// Where a field's help waits for its row label.
fn help_id() -> egui::Id {
    egui::Id::unique("shoreline-editor-field-help")
}

/// The help handed over by the enclosing [`Ed::field`], once.
fn take_help(ui: &Ui) -> Option<&'static str> {
    ui.data_mut(|d| d.remove_temp::<&'static str>(help_id()))
}

/// Where the path of the list item just added is kept until its section opens.
fn added_id() -> egui::Id {
    egui::Id::unique("shoreline-editor-added-item")
}

/// True, once, for the section of the item just added at `path`.
fn take_added(ui: &Ui, path: &str) -> bool {
    let added = ui.data(|d| d.get_temp::<String>(added_id())).is_some_and(|p| p == path);
    if added {
        ui.data_mut(|d| d.remove::<String>(added_id()));
    }
    added
}

pub(crate) fn item_buttons(ui: &mut Ui, name: &str, i: usize, len: usize) -> Option<ListAction> {
    let mut action = None;
    ui.horizontal(|ui| {
        let up = ui.add_enabled(i > 0, egui::Button::new("Up").small()).accessible_name(format!("{name} › move up"));
        if up.clicked() {
            action = Some(ListAction::Up(i));
        }
        let down = ui
            .add_enabled(i + 1 < len, egui::Button::new("Down").small())
            .accessible_name(format!("{name} › move down"));
        if down.clicked() {
            action = Some(ListAction::Down(i));
        }
        if ui.small_button("Duplicate").accessible_name(format!("{name} › duplicate")).clicked() {
            action = Some(ListAction::Duplicate(i));
        }
        if ui.small_button("Remove").accessible_name(format!("{name} › remove")).clicked() {
            action = Some(ListAction::Remove(i));
        }
    });
    action
}

/// Applies a list action; a duplicate lands right after its original.
pub(crate) fn apply<T: Clone>(list: &mut Vec<T>, action: ListAction) {
    match action {
        ListAction::Up(i) if i > 0 && i < list.len() => list.swap(i - 1, i),
        ListAction::Down(i) if i + 1 < list.len() => list.swap(i, i + 1),
        ListAction::Duplicate(i) if i < list.len() => {
            let copy = list[i].clone();
            list.insert(i + 1, copy);
        }
        ListAction::Remove(i) if i < list.len() => {
            list.remove(i);
        }
        _ => {}
    }
}

/// An item's title, never empty (an empty header could not be clicked or named).
pub(crate) fn title(name: &str) -> String {
    if name.trim().is_empty() { "(unnamed)".to_owned() } else { name.to_owned() }
}
