//! Every user action of the window, once: its label, what it does, its keys. Menus, buttons,
//! tooltips, the shortcut handler and the command palette (Ctrl+K) all read this registry, so
//! a key shown in a menu is the key that works, and a new action is added in one place.

use egui::{Context, Key, KeyboardShortcut, Modifiers};

use super::app::ShorelineApp;
use super::central::Tab;
use super::{presentation, zoom};
use crate::app::{Command, ExportKind, FileAction, ImageFormat, NoticeKind, Template};
use crate::chart::ChartKind;

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}
const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

/// A user action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiCommand {
    /// A new blank model.
    New,
    /// Open a model file.
    Open,
    /// Save to the model's file.
    Save,
    /// Save to another file.
    SaveAs,
    /// Close the window.
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Larger type.
    ZoomIn,
    /// Smaller type.
    ZoomOut,
    /// Type at 100 %.
    ZoomReset,
    /// Dark or light.
    ToggleTheme,
    /// Charts full screen, editor hidden.
    TogglePresent,
    /// Show one tab of the center.
    ShowTab(Tab),
    /// Find any command by typing.
    Palette,
    /// Start or end the presentation (slides, full screen, large type).
    Present,
    /// The next slide.
    NextSlide,
    /// The previous slide.
    PreviousSlide,
    /// The first slide.
    FirstSlide,
    /// The last slide.
    LastSlide,
    /// Leave the presentation.
    EndPresentation,
    /// Show scenario `n` (1–9), or the base model (0), while presenting.
    Scenario(u8),
    /// Put the pinned inputs back as they were when the presentation began.
    ResetPinned,
    /// Blank the screen, or show the slide again.
    Blank,
    /// The presenter view: the slide in a second window, notes and clock here.
    PresenterView,
    /// The log of what was changed during the presentation.
    MeetingLog,
    /// High-contrast theme on or off.
    ToggleHighContrast,
    /// While presenting: the next option in focus.
    NextOption,
    /// While presenting: hide or show the pinned sliders.
    ToggleSliders,
    /// Write the HTML report for the CFO.
    ExportReport,
    /// Write the Excel workbook.
    ExportWorkbook,
    /// Write every monthly series as CSV.
    ExportCsv,
    /// Save one chart as an image file.
    SaveChart(ChartKind, ImageFormat),
    /// Put one chart on the clipboard as an image.
    CopyChart(ChartKind),
    /// Compare the open model with another model file.
    CompareWithFile,
}

impl UiCommand {
    /// Every command, in the order the palette lists them.
    pub fn all() -> Vec<Self> {
        let mut all = vec![
            Self::New,
            Self::Open,
            Self::Save,
            Self::SaveAs,
            Self::Undo,
            Self::Redo,
            Self::ZoomIn,
            Self::ZoomOut,
            Self::ZoomReset,
            Self::ToggleTheme,
            Self::Present,
            Self::NextSlide,
            Self::PreviousSlide,
            Self::FirstSlide,
            Self::LastSlide,
            Self::EndPresentation,
            Self::ResetPinned,
            Self::Blank,
            Self::PresenterView,
            Self::MeetingLog,
            Self::NextOption,
            Self::ToggleSliders,
            Self::TogglePresent,
            Self::ToggleHighContrast,
            Self::ExportReport,
            Self::ExportWorkbook,
            Self::ExportCsv,
            Self::CompareWithFile,
        ];
        all.extend((0..=9).map(Self::Scenario));
        all.extend(Tab::ALL.map(Self::ShowTab));
        all.extend([Self::Palette, Self::Quit]);
        // Last: typing "monte" should find the tab before the exports of its charts.
        for chart in ChartKind::ALL {
            all.extend([
                Self::SaveChart(chart, ImageFormat::Png),
                Self::SaveChart(chart, ImageFormat::Svg),
                Self::CopyChart(chart),
            ]);
        }
        all
    }

    /// What the command is called in menus and the palette.
    pub fn label(self) -> String {
        match self {
            Self::New => "New blank model".into(),
            Self::Open => "Open…".into(),
            Self::Save => "Save".into(),
            Self::SaveAs => "Save as…".into(),
            Self::Quit => "Quit".into(),
            Self::Undo => "Undo".into(),
            Self::Redo => "Redo".into(),
            Self::ZoomIn => "Zoom in".into(),
            Self::ZoomOut => "Zoom out".into(),
            Self::ZoomReset => "Zoom to 100 %".into(),
            Self::ToggleTheme => "Switch between dark and light themes".into(),
            Self::TogglePresent => "Hide the editor: charts full width".into(),
            Self::Present => "Present: slides, full screen".into(),
            Self::NextSlide => "Next slide".into(),
            Self::PreviousSlide => "Previous slide".into(),
            Self::FirstSlide => "First slide".into(),
            Self::LastSlide => "Last slide".into(),
            Self::EndPresentation => "Leave the presentation".into(),
            Self::ShowTab(tab) => format!("Show {}", tab.label()),
            Self::Scenario(0) => "Show the base model".into(),
            Self::Scenario(n) => format!("Show scenario {n}"),
            Self::ResetPinned => "Reset the pinned inputs".into(),
            Self::Blank => "Blank the screen".into(),
            Self::PresenterView => "Presenter view (second window)".into(),
            Self::MeetingLog => "Meeting log".into(),
            Self::NextOption => "Next option".into(),
            Self::ToggleSliders => "Hide or show the pinned sliders".into(),
            Self::ToggleHighContrast => "High-contrast theme for projectors".into(),
            Self::Palette => "Find a command".into(),
            Self::ExportReport => "Export report (HTML, printable)…".into(),
            Self::ExportWorkbook => "Export workbook (Excel)…".into(),
            Self::ExportCsv => "Export monthly figures (CSV)…".into(),
            Self::SaveChart(chart, ImageFormat::Png) => format!("Save chart {} as PNG…", chart_title(chart)),
            Self::SaveChart(chart, ImageFormat::Svg) => format!("Save chart {} as SVG…", chart_title(chart)),
            Self::CopyChart(chart) => format!("Copy chart {} as an image", chart_title(chart)),
            Self::CompareWithFile => "Compare with file…".into(),
        }
    }

    /// What the command does, for its tooltip.
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::New => "Start a new, blank model (asks about unsaved changes first)",
            Self::Open => "Open a model file",
            Self::Save => "Save the model to its file (atomically, keeping the previous version as .bak)",
            Self::SaveAs => "Save the model to another file",
            Self::Quit => "Close Shoreline (asks about unsaved changes first)",
            Self::Undo => "Undo the last edit",
            Self::Redo => "Redo the last undone edit",
            Self::ZoomIn => "Larger type, for a projector",
            Self::ZoomOut => "Smaller type",
            Self::ZoomReset => "Type at 100 %",
            Self::ToggleTheme => "Switch between dark and light themes",
            Self::TogglePresent => "Hide the editor so the charts take the whole width",
            Self::Present => "Present the model: a title slide and one chart per slide, full screen, large type",
            Self::NextSlide => "The next slide (also Space, PageDown: what a clicker sends)",
            Self::PreviousSlide => "The previous slide (also PageUp)",
            Self::FirstSlide => "The first slide",
            Self::LastSlide => "The last slide",
            Self::EndPresentation => "Leave the presentation",
            Self::ShowTab(_) => "Show this tab",
            Self::Palette => "Type to find any command and run it",
            Self::Scenario(0) => "While presenting: every chart shows the base model",
            Self::Scenario(_) => {
                "While presenting: every chart shows this scenario (in the order of the Scenarios tab)"
            }
            Self::ResetPinned => "Put every pinned input back as it was when the presentation began",
            Self::Blank => "Blank the screen while presenting; press again to show the slide",
            Self::PresenterView => {
                "The slide alone in a second window for the projector; notes, next slide, sliders and a clock here"
            }
            Self::MeetingLog => {
                "What was changed during the presentation, with each option's NPV and savings before and after"
            }
            Self::ToggleSliders => "While presenting: give the slide the whole screen, or bring the sliders back",
            Self::NextOption => {
                "While presenting: the slides about one option (tornado, Monte Carlo) show the next one"
            }
            Self::ToggleHighContrast => "Black on white with strong lines: legible on a washed-out projector",
            Self::ExportReport => {
                "One self-contained web page a CFO can read and print: headline, key figures, charts, Monte Carlo, \
                 assumptions with sources, hidden costs, the meeting's changes"
            }
            Self::ExportWorkbook => {
                "An Excel workbook: summary of every option and scenario, assumptions, a monthly sheet per option, \
                 sensitivity and Monte Carlo, with a chart of cumulative savings"
            }
            Self::ExportCsv => {
                "Every monthly series of in-house and each option, one row per month, for any spreadsheet"
            }
            Self::SaveChart(_, ImageFormat::Png) => {
                "Save this chart as a PNG picture (twice the size, sharp on slides)"
            }
            Self::SaveChart(_, ImageFormat::Svg) => "Save this chart as an SVG drawing (any size, editable)",
            Self::CopyChart(_) => "Put this chart on the clipboard as a picture, to paste into a slide or an email",
            Self::CompareWithFile => {
                "What differs between the open model and another file: every input changed, what was added or \
                 removed, and each option's NPV, savings and payback before and after"
            }
        }
    }

    /// The keys that run the command; the first is the one shown.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const UNDO: [KeyboardShortcut; 1] = [key(CTRL, Key::Z)];
        const REDO: [KeyboardShortcut; 2] = [key(CTRL_SHIFT, Key::Z), key(CTRL, Key::Y)];
        const NEW: [KeyboardShortcut; 1] = [key(CTRL, Key::N)];
        const OPEN: [KeyboardShortcut; 1] = [key(CTRL, Key::O)];
        const SAVE: [KeyboardShortcut; 1] = [key(CTRL, Key::S)];
        const SAVE_AS: [KeyboardShortcut; 1] = [key(CTRL_SHIFT, Key::S)];
        const ZOOM_IN: [KeyboardShortcut; 2] = [key(CTRL, Key::Plus), key(CTRL, Key::Equals)];
        const ZOOM_OUT: [KeyboardShortcut; 1] = [key(CTRL, Key::Minus)];
        const ZOOM_RESET: [KeyboardShortcut; 1] = [key(CTRL, Key::Num0)];
        const PRESENT: [KeyboardShortcut; 1] = [key(Modifiers::NONE, Key::F11)];
        const PALETTE: [KeyboardShortcut; 1] = [key(CTRL, Key::K)];
        const NONE: Modifiers = Modifiers::NONE;
        const SLIDES: [KeyboardShortcut; 1] = [key(NONE, Key::F5)];
        const NEXT: [KeyboardShortcut; 3] =
            [key(NONE, Key::ArrowRight), key(NONE, Key::Space), key(NONE, Key::PageDown)];
        const PREVIOUS: [KeyboardShortcut; 2] = [key(NONE, Key::ArrowLeft), key(NONE, Key::PageUp)];
        const FIRST: [KeyboardShortcut; 1] = [key(NONE, Key::Home)];
        const LAST: [KeyboardShortcut; 1] = [key(NONE, Key::End)];
        const ESCAPE: [KeyboardShortcut; 1] = [key(NONE, Key::Escape)];
        const DIGITS: [[KeyboardShortcut; 1]; 10] = [
            [key(NONE, Key::Num0)],
            [key(NONE, Key::Num1)],
            [key(NONE, Key::Num2)],
            [key(NONE, Key::Num3)],
            [key(NONE, Key::Num4)],
            [key(NONE, Key::Num5)],
            [key(NONE, Key::Num6)],
            [key(NONE, Key::Num7)],
            [key(NONE, Key::Num8)],
            [key(NONE, Key::Num9)],
        ];
        const RESET: [KeyboardShortcut; 1] = [key(NONE, Key::R)];
        const BLANK: [KeyboardShortcut; 1] = [key(NONE, Key::B)];
        const PRESENTER: [KeyboardShortcut; 1] = [key(NONE, Key::P)];
        const LOG: [KeyboardShortcut; 1] = [key(NONE, Key::L)];
        const OPTION: [KeyboardShortcut; 1] = [key(NONE, Key::O)];
        const SLIDERS: [KeyboardShortcut; 1] = [key(NONE, Key::S)];
        match self {
            Self::New => &NEW,
            Self::Open => &OPEN,
            Self::Save => &SAVE,
            Self::SaveAs => &SAVE_AS,
            Self::Undo => &UNDO,
            Self::Redo => &REDO,
            Self::ZoomIn => &ZOOM_IN,
            Self::ZoomOut => &ZOOM_OUT,
            Self::ZoomReset => &ZOOM_RESET,
            Self::TogglePresent => &PRESENT,
            Self::Palette => &PALETTE,
            Self::Present => &SLIDES,
            Self::NextSlide => &NEXT,
            Self::PreviousSlide => &PREVIOUS,
            Self::FirstSlide => &FIRST,
            Self::LastSlide => &LAST,
            Self::EndPresentation => &ESCAPE,
            Self::Scenario(n) => DIGITS.get(usize::from(n)).map_or(&[], |k| k.as_slice()),
            Self::ResetPinned => &RESET,
            Self::Blank => &BLANK,
            Self::PresenterView => &PRESENTER,
            Self::MeetingLog => &LOG,
            Self::NextOption => &OPTION,
            Self::ToggleSliders => &SLIDERS,
            Self::ToggleHighContrast
            | Self::Quit
            | Self::ToggleTheme
            | Self::ShowTab(_)
            | Self::ExportReport
            | Self::ExportWorkbook
            | Self::ExportCsv
            | Self::SaveChart(..)
            | Self::CopyChart(_)
            | Self::CompareWithFile => &[],
        }
    }

    /// The first key as the platform writes it ("Ctrl+S"), if the command has one.
    pub fn key_text(self, ctx: &Context) -> Option<String> {
        self.shortcuts().first().map(|k| ctx.format_shortcut(k))
    }

    /// The tooltip with the key: "Undo the last edit (Ctrl+Z)".
    pub fn hover_text(self, ctx: &Context) -> String {
        match self.key_text(ctx) {
            Some(key) => format!("{} ({key})", self.tooltip()),
            None => self.tooltip().to_owned(),
        }
    }

    /// Whether the command can run now (nothing to undo: Undo cannot).
    pub fn enabled(self, app: &ShorelineApp) -> bool {
        let presenting = app.slides.is_some();
        match self {
            Self::Undo => app.state.doc.can_undo(),
            Self::Redo => app.state.doc.can_redo(),
            // Slide keys belong to the presentation: outside it the arrows are the widgets'.
            Self::NextSlide | Self::PreviousSlide | Self::FirstSlide | Self::LastSlide | Self::EndPresentation => {
                presenting
            }
            Self::Present => app.state.analysis.results.is_some() || presenting,
            Self::Scenario(0) => presenting,
            Self::Scenario(n) => presenting && usize::from(n) <= app.state.model().scenarios.len(),
            Self::ResetPinned => presenting && !app.state.model().presentation.pinned.is_empty(),
            Self::Blank | Self::PresenterView => presenting,
            Self::NextOption => presenting && app.state.model().options.len() > 1,
            Self::ToggleSliders => presenting && !app.state.model().presentation.pinned.is_empty(),
            Self::MeetingLog => app.state.meeting.is_some(),
            Self::ExportReport | Self::ExportWorkbook | Self::ExportCsv | Self::SaveChart(..) | Self::CopyChart(_) => {
                app.state.analysis.results.is_some() && !app.state.analysis.is_stale()
            }
            _ => true,
        }
    }

    /// Whether the command's keys act now. Single keys without a modifier (R, B, P, L, digits)
    /// only act while presenting, where no text field is shown; elsewhere they are typing.
    fn keys_act(self, app: &ShorelineApp) -> bool {
        match self {
            Self::MeetingLog => app.slides.is_some(),
            _ => self.enabled(app),
        }
    }

    /// Runs the command: the one place a command changes the window or the document.
    pub fn run(self, ctx: &Context, app: &mut ShorelineApp) {
        let state = &mut app.state;
        match self {
            Self::New => state.request(FileAction::New(Template::Blank)),
            Self::Open => state.request(FileAction::Open(None)),
            Self::Save => {
                state.save();
            }
            Self::SaveAs => state.save_as(),
            Self::Quit => state.request(FileAction::Quit),
            Self::Undo => state.apply(Command::Undo),
            Self::Redo => state.apply(Command::Redo),
            Self::ZoomIn => ctx.set_zoom_factor(zoom::step_in(ctx.zoom_factor())),
            Self::ZoomOut => ctx.set_zoom_factor(zoom::step_out(ctx.zoom_factor())),
            Self::ZoomReset => ctx.set_zoom_factor(1.0),
            Self::ToggleTheme => {
                let dark = state.settings.dark;
                state.set_preferences(!dark, ctx.zoom_factor());
            }
            Self::TogglePresent => app.present = !app.present,
            Self::ShowTab(tab) => app.tab = tab,
            Self::Palette => app.palette = if app.palette.is_some() { None } else { Some(String::new()) },
            Self::Present if app.slides.is_some() => presentation::stop(ctx, app),
            Self::Present => presentation::start(ctx, app),
            Self::NextSlide => presentation::step(app, 1),
            Self::PreviousSlide => presentation::step(app, -1),
            Self::FirstSlide => presentation::go_to(app, 0),
            Self::LastSlide => presentation::go_to(app, usize::MAX),
            Self::EndPresentation => presentation::stop(ctx, app),
            Self::Scenario(n) => {
                state.scenario = usize::from(n).checked_sub(1);
                state.refresh();
            }
            Self::ResetPinned => state.reset_pinned(),
            Self::Blank => presentation::toggle_blank(app),
            Self::PresenterView => presentation::toggle_presenter_view(ctx, app),
            Self::MeetingLog => app.show_meeting_log = !app.show_meeting_log,
            Self::NextOption => presentation::next_option(app),
            Self::ToggleSliders => presentation::toggle_sliders(app),
            Self::ToggleHighContrast => state.set_high_contrast(!state.settings.high_contrast),
            Self::ExportReport => state.export(ExportKind::Report),
            Self::ExportWorkbook => state.export(ExportKind::Workbook),
            Self::ExportCsv => state.export(ExportKind::MonthlyCsv),
            Self::SaveChart(chart, format) => state.export(ExportKind::Chart(chart, format)),
            Self::CopyChart(chart) => match state.chart_image(chart) {
                Ok(image) => {
                    let size = [image.width as usize, image.height as usize];
                    ctx.copy_image(egui::ColorImage::from_rgba_premultiplied(size, &image.rgba_premultiplied));
                    state.notice(NoticeKind::Info, format!("Copied the chart {} to the clipboard", chart_title(chart)));
                }
                Err(why) => state.notice(NoticeKind::Error, format!("The chart could not be copied: {why}")),
            },
            Self::CompareWithFile => state.compare(),
        }
    }
}

/// A chart's name in quotes, as menus write it.
fn chart_title(chart: ChartKind) -> String {
    format!("“{}”", chart.title())
}

/// Runs the commands whose keys were pressed this frame. The keys are consumed before any
/// widget sees them, so Ctrl+Z undoes a model edit even while a text field has focus; longer
/// combinations are tried first (Ctrl+Shift+Z is not Ctrl+Z).
pub fn handle_shortcuts(ctx: &Context, app: &mut ShorelineApp) {
    // Only the commands that can run now take their keys: outside a presentation the arrow keys
    // stay with the widgets; inside it they move slides even when a slider has focus.
    let mut keyed: Vec<(UiCommand, KeyboardShortcut)> = UiCommand::all()
        .into_iter()
        .filter(|c| c.keys_act(app))
        .flat_map(|c| c.shortcuts().iter().map(move |k| (c, *k)))
        .collect();
    keyed.sort_by_key(|(_, k)| std::cmp::Reverse(modifier_count(k.modifiers)));
    let pressed: Vec<UiCommand> =
        ctx.input_mut(|i| keyed.iter().filter(|(_, k)| i.consume_shortcut(k)).map(|(c, _)| *c).collect());
    for command in pressed {
        if command.enabled(app) {
            command.run(ctx, app);
        }
    }
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.ctrl) + u8::from(m.shift) + u8::from(m.mac_cmd) + u8::from(m.command)
}

/// A menu entry or button for `command`: its label, its key, its tooltip; runs it when clicked.
pub fn button(ui: &mut egui::Ui, app: &mut ShorelineApp, command: UiCommand) {
    button_labelled(ui, app, command, &command.label());
}

/// [`button`] with a shorter label where the menu already says what it is about ("Save as PNG…"
/// in a chart's own menu).
pub fn button_labelled(ui: &mut egui::Ui, app: &mut ShorelineApp, command: UiCommand, label: &str) {
    let mut button = egui::Button::new(label);
    if let Some(key) = command.key_text(ui.ctx()) {
        button = button.shortcut_text(key);
    }
    let clicked = ui.add_enabled(command.enabled(app), button).on_hover_text(command.hover_text(ui.ctx())).clicked();
    if clicked {
        command.run(&ui.ctx().clone(), app);
        ui.close();
    }
}

/// A compact button for `command` showing `text` ("+", "Undo"), with the registry's tooltip.
pub fn small_button(ui: &mut egui::Ui, app: &mut ShorelineApp, command: UiCommand, text: &str) {
    let response = ui.add_enabled(command.enabled(app), egui::Button::new(text));
    if response.on_hover_text(command.hover_text(ui.ctx())).clicked() {
        command.run(&ui.ctx().clone(), app);
    }
}

/// The command palette: type to filter every command, Enter runs the first, a click runs any.
pub fn palette(ctx: &Context, app: &mut ShorelineApp) {
    let Some(mut query) = app.palette.clone() else { return };
    let mut chosen = None;
    let modal = egui::Modal::new(egui::Id::unique("command_palette")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("Run a command");
        let edit = ui.add(egui::TextEdit::singleline(&mut query).hint_text("type a command").desired_width(400.0));
        edit.request_focus();
        edit.accessible_name("Command").on_hover_text("Type to filter; Enter runs the first");
        let needle = query.to_lowercase();
        let matches: Vec<UiCommand> =
            UiCommand::all().into_iter().filter(|c| c.label().to_lowercase().contains(&needle)).collect();
        ui.add_space(4.0);
        // Scrolls rather than running off a small window at projector zoom.
        let room = (ctx.content_rect().height() * 0.6).max(120.0);
        egui::ScrollArea::vertical().max_height(room).show(ui, |ui| {
            for command in &matches {
                ui.horizontal(|ui| {
                    let enabled = command.enabled(app);
                    if ui.add_enabled(enabled, egui::Button::new(command.label()).frame(false)).clicked() {
                        chosen = Some(*command);
                    }
                    if let Some(key) = command.key_text(ctx) {
                        ui.weak(key);
                    }
                });
            }
        });
        if matches.is_empty() {
            ui.weak("No command matches.");
        }
        if ui.input(|i| i.key_pressed(Key::Enter)) && chosen.is_none() {
            chosen = matches.into_iter().find(|c| c.enabled(app));
        }
    });
    app.palette = Some(query);
    if modal.should_close() {
        app.palette = None;
    }
    if let Some(command) = chosen {
        app.palette = None;
        command.run(ctx, app);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_key() {
        let keys: Vec<(UiCommand, KeyboardShortcut)> =
            UiCommand::all().into_iter().flat_map(|c| c.shortcuts().iter().map(move |k| (c, *k))).collect();
        for (i, (a, ka)) in keys.iter().enumerate() {
            for (b, kb) in &keys[i + 1..] {
                assert!(ka != kb || a == b, "{a:?} and {b:?} share a key");
            }
        }
    }

    #[test]
    fn every_command_has_a_label_and_a_tooltip() {
        for c in UiCommand::all() {
            assert!(!c.label().is_empty() && !c.tooltip().is_empty(), "{c:?}");
        }
    }
}
