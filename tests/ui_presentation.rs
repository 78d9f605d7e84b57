//! Presentation mode, headless: F5 and Esc, the clicker's keys (even with a slider focused),
//! scenarios on the number keys, pinned sliders that move the headline and fill the meeting
//! log, R to reset, keep or revert at the end, and every command's key.

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use shoreline::app::{AppState, Command, Question};
use shoreline::model::Estimate;
use shoreline::model::inputs::input;
use shoreline::model::presentation::{PinnedInput, Slide, SlideKind};
use shoreline::ui::app::ShorelineApp;
use shoreline::ui::commands::UiCommand;
use shoreline::ui::presentation::{deck, headline};

const VOLUME: &str = "workload.monthly_volume";

fn harness(state: AppState) -> Harness<'static, ShorelineApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut ShorelineApp| app.show(ui), ShorelineApp::new(state))
}

fn start(data: &Path) -> AppState {
    AppState::start(None, Some(data.to_owned()))
}

/// The sample with the monthly volume pinned, presenting from the first slide.
fn presenting_with_a_pin(data: &Path) -> Harness<'static, ShorelineApp> {
    let mut state = start(data);
    let mut model = state.model().clone();
    model.presentation.pinned = vec![PinnedInput::new(VOLUME)];
    state.apply(Command::Replace { model: Box::new(model), group: None });
    let mut h = harness(state);
    h.run();
    h.key_press(egui::Key::F5);
    h.run();
    h
}

fn npv_of_first_option(h: &Harness<'_, ShorelineApp>) -> f64 {
    npvs(h)[0]
}

fn npvs(h: &Harness<'_, ShorelineApp>) -> Vec<f64> {
    h.state().state.analysis.results.as_ref().expect("results").evaluation.options.iter().map(|o| o.npv).collect()
}

fn volume(h: &Harness<'_, ShorelineApp>) -> f64 {
    input(h.state().state.model(), VOLUME).expect("an input").estimate.base()
}

#[test]
fn f5_presents_slides_that_the_clicker_keys_move_and_esc_leaves() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    h.run();
    let zoom_before = h.ctx.zoom_factor();
    h.key_press(egui::Key::F5);
    h.run();
    assert_eq!(h.state().slides.map(|s| s.index), Some(0));
    assert!((h.ctx.zoom_factor() - 1.75).abs() < 1e-6, "large type by default");
    // The title slide: the model and the sentence a CFO remembers.
    let sentence = {
        let results = h.state().state.analysis.results.as_ref().expect("results");
        headline(&results.model, &results.evaluation)
    };
    assert!(sentence.contains(" saves ") && sentence.contains("pays back in"), "{sentence}");
    h.get_by_label(&sentence);
    assert!(h.query_by_label("File").is_none(), "no editor, no menus");
    // What a clicker sends moves the slides.
    for key in [egui::Key::ArrowRight, egui::Key::Space, egui::Key::PageDown] {
        h.key_press(key);
    }
    h.run();
    assert_eq!(h.state().slides.map(|s| s.index), Some(3));
    h.get_by_label("Cumulative savings");
    h.key_press(egui::Key::PageUp);
    h.run();
    assert_eq!(h.state().slides.map(|s| s.index), Some(2));
    h.key_press(egui::Key::End);
    h.run();
    let slides = deck(h.state()).len();
    assert_eq!(slides, SlideKind::ALL.len(), "the sample has scenarios: the standard deck is whole");
    assert_eq!(h.state().slides.map(|s| s.index), Some(slides - 1));
    h.get_by_label_contains(&format!("{slides} / {slides}"));
    h.get_by_label("Scenarios side by side");
    // A zoom while presenting is the presenting zoom, remembered apart.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().slides.is_none());
    assert!(h.state().state.question.is_none(), "nothing changed: nothing to ask");
    assert!((h.ctx.zoom_factor() - zoom_before).abs() < 1e-6, "the editing zoom is back");
    assert!((h.state().state.settings.present_zoom - 1.7).abs() < 1e-6, "{}", h.state().state.settings.present_zoom);
    h.get_by_label("File");
}

#[test]
fn every_slide_of_the_standard_deck_draws_its_view() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    h.run();
    h.key_press(egui::Key::F5);
    h.run();
    let count = SlideKind::ALL.len();
    for (i, kind) in SlideKind::ALL.into_iter().enumerate() {
        h.get_by_label_contains(&format!("{} / {count}  ·  {}", i + 1, kind.label()));
        assert!(h.query_by_label_contains("No results").is_none());
        h.key_press(egui::Key::ArrowRight);
        h.run();
    }
    h.key_press(egui::Key::Home);
    h.run();
    assert_eq!(h.state().slides.map(|s| s.index), Some(0));
}

#[test]
fn the_models_slides_are_shown_in_its_order() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut state = start(data.path());
    let mut model = state.model().clone();
    model.presentation.slides = vec![Slide::new(SlideKind::Tornado), Slide::new(SlideKind::Title)];
    state.apply(Command::Replace { model: Box::new(model), group: None });
    let mut h = harness(state);
    h.run();
    h.key_press(egui::Key::F5);
    h.run();
    h.get_by_label_contains("1 / 2");
    h.get_by_label_contains("What moves the NPV of");
    h.key_press(egui::Key::ArrowRight);
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(h.state().slides.map(|s| s.index), Some(1), "the deck has two slides");
}

#[test]
fn the_arrow_keys_move_slides_even_with_a_pinned_slider_focused() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = presenting_with_a_pin(data.path());
    let before = volume(&h);
    let slider = h.get_by_role(egui::accesskit::Role::Slider);
    slider.focus();
    h.run();
    for key in [egui::Key::ArrowRight, egui::Key::ArrowRight, egui::Key::ArrowLeft] {
        h.key_press(key);
        h.run();
    }
    assert_eq!(h.state().slides.map(|s| s.index), Some(1));
    assert_eq!(volume(&h), before, "the slider did not take the keys");
}

#[test]
fn dragging_a_pinned_slider_moves_the_headline_and_fills_the_meeting_log_and_r_resets() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = presenting_with_a_pin(data.path());
    let (npv, before) = (npv_of_first_option(&h), volume(&h));
    let rect = h.get_by_role(egui::accesskit::Role::Slider).rect();
    h.hover_at(rect.center());
    h.run();
    h.drag_at(rect.center());
    h.run();
    for step in 1..=8 {
        h.hover_at(rect.center() + egui::vec2(rect.width() * 0.05 * step as f32, 0.0));
        h.run();
    }
    h.drop_at(rect.right_center());
    h.run();
    h.run();
    let after = volume(&h);
    assert!(after > before * 1.1, "dragged towards the top of ±50 %: {before} › {after}");
    assert_ne!(npv_of_first_option(&h), npv, "every figure follows");
    // The strip says what changed since the start, option by option.
    assert!(h.query_by_label_contains("(+USD").is_some() || h.query_by_label_contains("(−USD").is_some());
    let log = &h.state().state.meeting.as_ref().expect("a meeting").log;
    assert_eq!(log.changes.len(), 1, "one drag is one change: {:?}", log.changes);
    assert!(log.changes[0].what.contains("volume"));
    assert_eq!(log.changes[0].before[0].npv, npv);
    // One drag is one undo step.
    assert!(h.state().state.doc.can_undo());
    h.key_press(egui::Key::R);
    h.run();
    assert_eq!(volume(&h), before, "R puts the pin back");
    assert_eq!(h.state().state.meeting.as_ref().expect("a meeting").log.changes.len(), 2, "and that is logged");
}

#[test]
fn number_keys_switch_scenarios_and_zero_is_the_base_model() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    h.run();
    assert!(!h.state().state.model().scenarios.is_empty());
    // Outside a presentation a digit is typing, not a command.
    h.key_press(egui::Key::Num1);
    h.run();
    assert_eq!(h.state().state.scenario, None);
    h.key_press(egui::Key::F5);
    h.run();
    let base = npvs(&h);
    h.key_press(egui::Key::Num1);
    h.run();
    assert_eq!(h.state().state.scenario, Some(0));
    assert_ne!(npvs(&h), base, "every figure shows the scenario");
    let name = h.state().state.model().scenarios[0].name.clone();
    h.get_by_label_contains(&format!("scenario {name}"));
    h.key_press(egui::Key::Num9);
    h.run();
    assert_eq!(h.state().state.scenario, Some(0), "no ninth scenario: nothing happens");
    h.key_press(egui::Key::Num0);
    h.run();
    assert_eq!(h.state().state.scenario, None);
    let log = &h.state().state.meeting.as_ref().expect("a meeting").log;
    assert_eq!(log.changes.iter().filter(|c| c.what == "Scenario").count(), 2);
}

#[test]
fn leaving_asks_to_keep_or_revert_the_changes_made_while_presenting() {
    for keep in [true, false] {
        let data = tempfile::tempdir().expect("temp dir");
        let mut h = presenting_with_a_pin(data.path());
        let before = h.state().state.model().clone();
        let mut model = before.clone();
        shoreline::model::inputs::set_input(&mut model, VOLUME, Estimate::Fixed(30_000.0)).expect("an input");
        h.state_mut().state.apply(Command::Replace { model: Box::new(model.clone()), group: None });
        h.run();
        h.key_press(egui::Key::Escape);
        h.run();
        assert!(matches!(h.state().state.question, Some(Question::KeepPresentationChanges)));
        h.get_by_label("Keep the changes made during the presentation?");
        h.get_by_label(if keep { "Keep the changes" } else { "Revert to the model before the presentation" }).click();
        h.run();
        assert!(h.state().state.question.is_none());
        assert_eq!(*h.state().state.model(), if keep { model } else { before }, "keep = {keep}");
        if !keep {
            h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
            h.run();
            assert_eq!(volume(&h), 30_000.0, "the revert itself can be undone");
        }
    }
}

#[test]
fn b_blanks_the_screen_and_the_next_slide_lifts_it() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    h.run();
    h.key_press(egui::Key::F5);
    h.run();
    h.key_press(egui::Key::B);
    h.run();
    h.get_by_label_contains("The screen is blank");
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert!(h.state().slides.is_some_and(|s| !s.blank && s.index == 1));
}

#[test]
fn the_presenter_view_says_so_where_no_second_window_can_open() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    h.run();
    h.key_press(egui::Key::F5);
    h.run();
    // kittest, like a browser, embeds viewports: no second native window.
    h.key_press(egui::Key::P);
    h.run();
    assert!(h.state().slides.is_some_and(|s| !s.presenter_view));
    let last = h.state().state.notices.last().expect("a notice").text.clone();
    assert!(last.contains("cannot open a second window"), "{last}");
}

#[test]
fn the_meeting_log_window_lists_the_changes_and_copies_them() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    h.run();
    h.key_press(egui::Key::F5);
    h.run();
    h.key_press(egui::Key::Num1);
    h.run();
    h.key_press(egui::Key::L);
    h.run();
    h.get_by_label("Meeting log");
    h.get_by_label_contains("1 change(s) tried on");
    h.get_by_label("Copy as TSV").click();
    h.run();
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .any(|c| matches!(c, egui::OutputCommand::CopyText(t) if t.starts_with("time\tchange")));
    assert!(copied || h.state().state.notices.iter().any(|n| n.text.contains("clipboard")));
}

#[test]
fn every_commands_key_runs_it() {
    // Each command with a key, in a state where it can run, runs when its key is pressed.
    let data = tempfile::tempdir().expect("temp dir");
    for command in UiCommand::all() {
        let Some(key) = command.shortcuts().first().copied() else { continue };
        if matches!(command, UiCommand::Quit | UiCommand::Open | UiCommand::Save | UiCommand::SaveAs | UiCommand::New) {
            // File actions open a dialog or a question: they have their own tests.
            continue;
        }
        let mut state = start(data.path());
        let mut model = state.model().clone();
        model.presentation.pinned = vec![PinnedInput::new(VOLUME)];
        shoreline::model::inputs::set_input(&mut model, VOLUME, Estimate::Fixed(30_000.0)).expect("an input");
        state.apply(Command::Replace { model: Box::new(model), group: None });
        let mut h = harness(state);
        h.run();
        let presenting_command = !matches!(
            command,
            UiCommand::Undo
                | UiCommand::Redo
                | UiCommand::ZoomIn
                | UiCommand::ZoomOut
                | UiCommand::ZoomReset
                | UiCommand::TogglePresent
                | UiCommand::Palette
                | UiCommand::Present
                | UiCommand::Save
        );
        if presenting_command {
            h.key_press(egui::Key::F5);
            h.run();
            h.key_press(egui::Key::ArrowRight);
            h.run();
            // A change to reset, for R.
            let mut model = h.state().state.model().clone();
            shoreline::model::inputs::set_input(&mut model, VOLUME, Estimate::Fixed(20_000.0)).expect("an input");
            h.state_mut().state.apply(Command::Replace { model: Box::new(model), group: None });
            h.run();
        }
        let fingerprint = |h: &Harness<'_, ShorelineApp>| {
            let app = h.state();
            format!(
                "{:?} {:?} {:?} {} {:?} {} {} {:.3} {} {}",
                app.slides,
                app.state.option,
                app.state.scenario,
                app.present,
                app.palette,
                app.show_meeting_log,
                app.state.doc.revision(),
                h.ctx.zoom_factor(),
                app.state.doc.is_dirty(),
                app.state.notices.len(),
            )
        };
        // Put the window where the command has something to do.
        if command == UiCommand::ZoomReset {
            h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
            h.run();
        }
        if command == UiCommand::Scenario(0) {
            h.key_press(egui::Key::Num1);
            h.run();
        }
        if matches!(command, UiCommand::Scenario(n) if usize::from(n) > h.state().state.model().scenarios.len()) {
            continue;
        }
        let before = fingerprint(&h);
        h.key_press_modifiers(key.modifiers, key.logical_key);
        h.run();
        h.run();
        assert_ne!(fingerprint(&h), before, "{command:?}'s key ({}) did nothing", h.ctx.format_shortcut(&key));
    }
}

#[test]
fn the_editor_chooses_slides_notes_and_pins_and_the_file_keeps_them() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 3600.0))
        .build_ui_state(|ui, app: &mut ShorelineApp| app.show(ui), ShorelineApp::new(start(data.path())));
    h.run();
    let mut model = h.state().state.model().clone();
    model.presentation.pinned.clear();
    h.state_mut().state.apply(Command::Replace { model: Box::new(model), group: None });
    h.run();
    // Tall enough for the whole editor: the section is at its end.
    h.get_by_label("Presentation").click();
    h.run();
    // Every slide is listed; moving one makes the deck the model's own.
    h.get_by_label("Slide 1 › move down").click();
    h.run();
    let slides = &h.state().state.model().presentation.slides;
    assert_eq!(slides.first().map(|s| s.kind), Some(SlideKind::Kpis));
    assert_eq!(slides.get(1).map(|s| s.kind), Some(SlideKind::Title));
    h.get_by_label("Slide 2 › notes").click();
    h.run();
    h.get_by_label("Slide 2 › notes").type_text("Open with the headline");
    h.run();
    assert_eq!(h.state().state.model().presentation.slides[1].notes, "Open with the headline");
    // Pin the volume.
    let label = input(h.state().state.model(), VOLUME).expect("an input").label;
    h.get_by_label("Pin an input").click();
    h.run();
    // The editor's own field has that label too: the choice is the one in the open list.
    h.query_all_by_label(&label).last().expect("listed").click();
    h.run();
    assert_eq!(h.state().state.model().presentation.pinned, vec![PinnedInput::new(VOLUME)]);
    // Saved and opened again, the choices are there.
    let file = data.path().join("deck.ron");
    assert!(h.state_mut().state.save_to(&file));
    let back = shoreline::model::io::load(&file).expect("loads");
    assert_eq!(back.presentation, h.state().state.model().presentation);
    // "Every slide" goes back to the standard deck, unwritten.
    h.get_by_label("Every slide").click();
    h.run();
    assert!(h.state().state.model().presentation.slides.is_empty());
}
