//! The window's behaviour, headless: files, the unsaved-changes prompt, undo/redo and crash
//! recovery, driven through the widgets a user would use.

use std::path::Path;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use shoreline::app::{AppState, Command, FileAction};
use shoreline::model::io;
use shoreline::ui::app::ShorelineApp;

fn harness(state: AppState) -> Harness<'static, ShorelineApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut ShorelineApp| app.show(ui), ShorelineApp::new(state))
}

fn start(data: &Path) -> AppState {
    AppState::start(None, Some(data.to_owned()))
}

fn rename(app: &mut ShorelineApp, name: &str) {
    let mut model = app.state.model().clone();
    model.name = name.to_owned();
    app.state.apply(Command::Replace { model: Box::new(model), group: None });
}

#[test]
fn it_opens_on_the_bundled_contact_center_when_there_is_no_last_file() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    h.run();
    assert!(h.state().state.model().name.starts_with("Contact center"));
    assert!(!h.state().state.doc.is_dirty());
}

#[test]
fn a_bad_file_shows_its_error_and_keeps_the_current_model() {
    let data = tempfile::tempdir().expect("temp dir");
    let bad = data.path().join("broken.ron");
    std::fs::write(&bad, "Model(\n    format_version: 1,\n    name: 42,\n)").expect("write");
    let mut h = harness(start(data.path()));
    let before = h.state().state.model().clone();
    h.state_mut().state.request(FileAction::Open(Some(bad)));
    h.run();
    assert_eq!(*h.state().state.model(), before);
    // A panel above the charts gives the whole message, wrapped: the file, the line, and
    // that the model was kept.
    let message = h.state().state.notices.last().expect("an error notice").text.clone();
    assert!(message.contains("broken.ron: line 3, column") && message.contains("The current model is unchanged"));
    let panel = h.query_all_by_label(&message).map(|n| n.rect()).find(|r| r.top() < 700.0);
    assert!(panel.is_some_and(|r| r.right() <= 1280.0), "the message is not shown in full: {panel:?}");
    h.get_by_label("Copy message");
    h.get_by_label("Dismiss").click();
    h.run();
    assert!(h.query_by_label("Copy message").is_none() && h.state().state.notices.is_empty());
}

#[test]
fn the_problems_list_names_each_field_as_the_editor_does_with_the_path_second() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    let mut model = h.state().state.model().clone();
    model.in_house.costs[0].amount = shoreline::model::Estimate::Fixed(-5.0);
    h.state_mut().state.apply(Command::Replace { model: Box::new(model), group: None });
    h.run();
    h.get_by_label_contains("Problems (").click();
    h.run();
    let link = h.get_by_label("In-house › Agent wages + benefits › amount");
    h.get_by_label("must not be negative (-5)");
    h.get_by_label("in_house.costs[0].amount");
    link.click();
    // The editor scrolls to the field, which takes a few frames.
    h.run_steps(12);
    assert_eq!(h.state().state.focus_path.as_deref(), Some("in_house.costs[0].amount"));
}

#[test]
fn undo_and_redo_buttons_step_through_edits() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    rename(h.state_mut(), "Renamed");
    h.run();
    h.get_by_label("Undo").click();
    h.run();
    assert!(h.state().state.model().name.starts_with("Contact center"));
    h.get_by_label("Redo").click();
    h.run();
    assert_eq!(h.state().state.model().name, "Renamed");
}

#[test]
fn keyboard_undo_works_too() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    rename(h.state_mut(), "Renamed");
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(h.state().state.model().name.starts_with("Contact center"));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run();
    assert_eq!(h.state().state.model().name, "Renamed");
}

#[test]
fn save_as_without_a_dialog_asks_for_a_path_and_writes_a_file_that_reloads_equal() {
    let data = tempfile::tempdir().expect("temp dir");
    let target = data.path().join("saved model.ron");
    let mut h = harness(start(data.path()));
    rename(h.state_mut(), "To be saved");
    h.run();
    // No desktop portal or zenity in a headless test: the app must ask for a path instead.
    h.state_mut().state.question = Some(shoreline::app::Question::Path(shoreline::app::PathPrompt {
        kind: shoreline::app::dialogs::DialogKind::SaveAs,
        text: String::new(),
    }));
    h.run();
    let field = h.get_by_label("Path");
    field.focus();
    field.type_text(&target.display().to_string());
    h.run();
    h.get_by_label("Save").click();
    h.run();
    let reloaded = io::load(&target).expect("the saved file loads");
    assert_eq!(reloaded, *h.state().state.model());
    assert!(!h.state().state.doc.is_dirty());
    assert_eq!(h.state().state.doc.path(), Some(target.as_path()));
}

#[test]
fn closing_with_unsaved_changes_asks_and_cancel_keeps_everything() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    rename(h.state_mut(), "Unsaved work");
    h.run();
    h.state_mut().state.request(FileAction::Quit);
    h.run();
    h.get_by_label_contains("has unsaved changes");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(!h.state().state.quit_confirmed);
    assert_eq!(h.state().state.model().name, "Unsaved work");
    assert!(h.query_by_label_contains("has unsaved changes").is_none());

    h.state_mut().state.request(FileAction::Quit);
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    assert!(h.state().state.quit_confirmed);
}

#[test]
fn a_clean_document_closes_without_asking() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    h.run();
    h.state_mut().state.request(FileAction::Quit);
    h.run();
    assert!(h.state().state.quit_confirmed);
}

#[test]
fn after_a_crash_the_next_start_offers_the_unsaved_work() {
    let data = tempfile::tempdir().expect("temp dir");
    {
        let mut app = ShorelineApp::new(start(data.path()));
        rename(&mut app, "Work before the crash");
        let now = Instant::now();
        assert!(app.state.autosave(now).is_some(), "the copy waits a few seconds");
        assert!(app.state.autosave(now + Duration::from_secs(5)).is_none());
        // The app is dropped without a clean exit: a crash or a kill.
    }
    let mut h = harness(start(data.path()));
    h.run();
    h.get_by_label_contains("did not close cleanly");
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(h.state().state.model().name, "Work before the crash");
    assert!(h.state().state.doc.is_dirty(), "restored work is unsaved until saved");
}

#[test]
fn the_last_file_reopens_on_the_next_start() {
    let data = tempfile::tempdir().expect("temp dir");
    let file = data.path().join("mine.ron");
    let mut state = start(data.path());
    assert!(state.save_to(&file));
    drop(state);
    let again = start(data.path());
    assert_eq!(again.doc.path(), Some(file.as_path()));
}

/// A file dropped on the window, as the windowing backend would hand it to egui.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_model_file_on_the_window_opens_it() {
    let data = tempfile::tempdir().expect("temp dir");
    let file = data.path().join("dropped.ron");
    let mut model = shoreline::app::document::blank_model();
    model.name = "Dropped model".into();
    io::save(&file, &model).expect("save");
    let mut h = harness(start(data.path()));
    h.run();
    h.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(file.clone())));
    h.run();
    assert_eq!(h.state().state.model().name, "Dropped model");
    assert_eq!(h.state().state.doc.path(), Some(file.as_path()));
}

#[test]
fn editing_an_input_in_the_editor_changes_the_kpi_cards() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut ShorelineApp| app.show(ui), ShorelineApp::new(start(data.path())));
    h.run();
    let savings = |app: &ShorelineApp| {
        let results = app.state.analysis.results.as_ref().expect("results");
        results.evaluation.options[0].savings_pct.expect("savings")
    };
    let before = savings(h.state());
    h.get_by_label(&shoreline::format::percent(before));
    // Fewer billed hours per vendor FTE: the onshore offer gets much cheaper.
    let field = "US onshore outsourcer › hours per fte";
    h.get_by_label(field).focus();
    h.run();
    h.get_by_label(field).type_text("120");
    h.key_press(egui::Key::Enter);
    h.run();
    let model = h.state().state.model();
    let hours = shoreline::model::inputs::input(model, "options[0].pricing.hours_per_fte").expect("input");
    assert_eq!(hours.estimate.base(), 120.0);
    let after = savings(h.state());
    assert!(after > before + 0.1, "savings went from {before} to {after}");
    // The card shows the new figure (formatted as the cards format it).
    h.get_by_label(&shoreline::format::percent(after));
    assert!(h.query_by_label(&shoreline::format::percent(before)).is_none());
}

#[test]
fn the_status_bar_says_a_model_without_a_file_is_not_saved_yet_until_it_is_saved() {
    let data = tempfile::tempdir().expect("temp dir");
    let target = data.path().join("first save.ron");
    let mut h = harness(start(data.path()));
    h.run();
    // The bundled sample opens clean but has no file: it was never saved.
    assert!(h.state().state.doc.path().is_none());
    h.get_by_label("Not saved yet");
    assert!(h.query_by_label("Saved").is_none());
    assert!(h.state_mut().state.save_to(&target));
    h.run();
    h.get_by_label("Saved");
    assert!(h.query_by_label("Not saved yet").is_none());
    rename(h.state_mut(), "Edited after saving");
    h.run();
    h.get_by_label("Unsaved changes");
}

#[test]
fn a_first_launch_says_the_model_is_a_sample_until_the_card_is_closed_for_good() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    h.run();
    h.get_by_label("This is a sample model");
    h.get_by_label("Keep exploring the sample").click();
    h.run();
    assert!(h.query_by_label("This is a sample model").is_none(), "the card closes");
    drop(h);
    // The next launch remembers it.
    let mut h = harness(start(data.path()));
    h.run();
    assert!(h.query_by_label("This is a sample model").is_none(), "and stays closed");
}

#[test]
fn the_sample_card_leaves_with_the_sample() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    h.run();
    h.get_by_label("New blank model").click();
    h.run();
    assert_eq!(h.state().state.model().name, "New model");
    assert!(h.query_by_label("This is a sample model").is_none(), "a model of the user's own is no sample");
    // A file given on the command line is no sample either.
    let file = data.path().join("mine.ron");
    io::save(&file, &shoreline::app::document::blank_model()).expect("save");
    let mut h = harness(AppState::start(Some(file), Some(data.path().to_owned())));
    h.run();
    assert!(h.query_by_label("This is a sample model").is_none());
}

#[test]
fn an_irr_without_a_real_upfront_investment_reads_not_meaningful_on_the_cards() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    h.run();
    let results = h.state().state.analysis.results.as_ref().expect("results");
    // The sample's nearshore move repays its small transition within months: an IRR of hundreds of %.
    let huge = results.evaluation.options.iter().filter_map(|o| o.irr).find(|r| *r > 1.0).expect("a huge IRR");
    assert!(h.query_all_by_label("n/m").next().is_some(), "the card says n/m");
    assert!(h.query_by_label(&shoreline::format::percent(huge)).is_none(), "not {}", shoreline::format::percent(huge));
}

#[test]
fn a_missing_break_even_says_why_on_the_card() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    let mut model = h.state().state.model().clone();
    // A minimum fee of a billion a month: the first vendor never gets down to in-house.
    model.options[0].minimum_monthly = shoreline::model::Estimate::Fixed(1e9);
    h.state_mut().state.apply(Command::Replace { model: Box::new(model), group: None });
    h.run();
    assert_eq!(
        h.state().state.analysis.results.as_ref().expect("results").evaluation.options[0].break_even_volume,
        None
    );
    h.get_by_label("never: in-house cheaper at every volume");
}

#[test]
fn editing_an_option_puts_it_in_focus_in_the_top_bar() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 3000.0))
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut ShorelineApp| app.show(ui), ShorelineApp::new(start(data.path())));
    h.run();
    assert_eq!(h.state().state.option, 0);
    let manila = h.state().state.model().options.iter().position(|o| o.name.starts_with("Manila")).expect("Manila");
    let field = "Manila offshore partner › hours per fte";
    if h.query_by_label(field).is_none() {
        h.get_by_label_contains("Manila offshore partner").click();
        h.run();
    }
    h.get_by_label(field).focus();
    h.run();
    h.get_by_label(field).type_text("150");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().state.option, manila, "the edited option is the one in focus");
    h.get_by_label_contains("· Manila offshore partner");
}

/// The window on a copy of the contract example at `dir/model.ron`, renamed (so unsaved).
fn editing_a_file(dir: &Path) -> (Harness<'static, ShorelineApp>, std::path::PathBuf) {
    let file = dir.join("model.ron");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/contract_example.ron"), &file).expect("copied");
    let mut h = harness(AppState::start(Some(file.clone()), Some(dir.join("data"))));
    h.run();
    rename(h.state_mut(), "Mine");
    h.run();
    (h, file)
}

/// A colleague saves their own version of `file`.
fn colleague_saves(file: &Path) -> String {
    let mut theirs = io::load(file).expect("loads");
    theirs.name = "Theirs".into();
    io::save(file, &theirs).expect("saved");
    std::fs::read_to_string(file).expect("read")
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_without_asking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut h, file) = editing_a_file(dir.path());
    let theirs = colleague_saves(&file);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    h.get_by_label("The file changed on disk");
    assert_eq!(std::fs::read_to_string(&file).expect("read"), theirs, "nothing written yet");
    // Cancel keeps both: their file, my unsaved changes.
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().state.doc.is_dirty());
    assert_eq!(std::fs::read_to_string(&file).expect("read"), theirs);
    // Asked again, overwrite: mine replaces theirs.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    h.get_by_label("Overwrite").click();
    h.run();
    assert_eq!(io::load(&file).expect("loads").name, "Mine");
    assert!(!h.state().state.doc.is_dirty());
    // Saved by us, the file is ours again: the next save does not ask.
    rename(h.state_mut(), "Mine again");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert!(h.query_by_label("The file changed on disk").is_none());
    assert_eq!(io::load(&file).expect("loads").name, "Mine again");
}

#[test]
fn reloading_a_file_changed_on_disk_shows_their_version() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut h, file) = editing_a_file(dir.path());
    colleague_saves(&file);
    h.state_mut().state.save();
    h.run();
    h.get_by_label("Reload theirs").click();
    h.run();
    assert_eq!(h.state().state.model().name, "Theirs");
    assert!(!h.state().state.doc.is_dirty());
}

#[test]
fn a_save_that_fails_keeps_the_changes_unsaved_and_says_why_on_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut h, file) = editing_a_file(dir.path());
    // Where the backup goes, a folder: the save must fail (as a full disk would) and say why.
    std::fs::create_dir(io::backup_path(&file)).expect("a folder in the way");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert!(h.state().state.doc.is_dirty());
    assert_ne!(io::load(&file).expect("loads").name, "Mine", "the file is as it was");
    // In full in the panel above the charts (and, cut short, in the status bar).
    let said = |h: &Harness<'_, ShorelineApp>, text: &str| h.query_all_by_label_contains(text).count();
    assert!(said(&h, "is a folder, where Shoreline keeps the previous version") >= 1);
    assert!(said(&h, "Your changes are still here, unsaved.") >= 1);
    h.get_by_label("Copy message");
}

#[test]
fn the_command_palette_finds_a_command_by_typing_and_runs_it() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    h.run();
    h.get_by_label("Run a command");
    // Every command is listed with its key.
    h.get_by_label("Save as…");
    h.get_by_label(&h.ctx.format_shortcut(&egui::KeyboardShortcut::new(
        egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT),
        egui::Key::S,
    )));
    h.get_by_label("Command").type_text("monte");
    h.run();
    assert!(h.query_by_label("Save as…").is_none(), "the list is filtered");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().tab, shoreline::ui::central::Tab::MonteCarlo);
    assert!(h.state().palette.is_none(), "the palette closes once a command ran");
}

#[test]
fn buttons_say_their_key_as_the_registry_has_it() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    rename(h.state_mut(), "Renamed");
    h.run();
    h.get_by_label("Undo").hover();
    h.run();
    let key = h.ctx.format_shortcut(&egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Z));
    h.get_by_label(&format!("Undo the last edit ({key})"));
}

#[test]
fn saving_before_quitting_asks_about_a_file_changed_on_disk_and_then_quits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut h, file) = editing_a_file(dir.path());
    colleague_saves(&file);
    h.state_mut().state.request(FileAction::Quit);
    h.run();
    h.get_by_label("Save").click();
    h.run();
    h.get_by_label("The file changed on disk");
    assert!(!h.state().state.quit_confirmed, "nothing happens before the answer");
    h.get_by_label("Overwrite").click();
    h.run();
    assert_eq!(io::load(&file).expect("loads").name, "Mine");
    assert!(h.state().state.quit_confirmed, "the quit waiting for the save goes on");
}
