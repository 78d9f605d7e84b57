//! Replacing the document — File ▸ Open, Open recent, New (blank or a sample), Restore after a
//! crash — shows the new model's numbers on the very next frame, on the cards and on every tab.
//! The window starts on the contact-center sample with no edits, the case where the results of
//! the old document used to be shown for the new one.

use std::path::Path;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use shoreline::app::{AppState, Command, FileAction, Template};
use shoreline::model::io;
use shoreline::model::samples::{SAMPLES, load_sample};
use shoreline::ui::app::ShorelineApp;
use shoreline::ui::central::Tab;

/// The accounts-payable sample's index in [`SAMPLES`].
fn accounts_payable() -> usize {
    SAMPLES.iter().position(|s| s.file_name == "accounts_payable.ron").expect("the sample is bundled")
}

fn harness(state: AppState) -> Harness<'static, ShorelineApp> {
    let mut app = ShorelineApp::new(state);
    // The editor hidden, so every name found on screen comes from the results.
    app.present = true;
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut ShorelineApp| app.show(ui), app)
}

fn start(data: &Path) -> AppState {
    AppState::start(None, Some(data.to_owned()))
}

/// A file holding the accounts-payable sample.
fn accounts_payable_file(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("ap.ron");
    let model = load_sample(&SAMPLES[accounts_payable()]).expect("sample loads");
    io::save(&path, &model).expect("save");
    path
}

/// What identifies a model on screen: its options' names (overview, locations, scenarios) and
/// its first in-house cost line (a tornado row of the sensitivity tab).
struct Seen<'a> {
    options: &'a [&'a str],
    line: &'a str,
}

/// Every tab of the window on the next frame shows `new` and nothing of `old`.
fn every_tab_shows(h: &mut Harness<'static, ShorelineApp>, new: &Seen, old: &Seen) {
    let results = h.state().state.analysis.results.as_ref().expect("results of the new model");
    let savings = results.evaluation.options[0].savings_pct.expect("savings");
    h.state_mut().tab = Tab::Overview;
    h.step();
    h.get_by_label(&shoreline::format::percent(savings));
    for (tab, shown) in [
        (Tab::Overview, new.options),
        (Tab::Locations, new.options),
        (Tab::Scenarios, new.options),
        (Tab::Sensitivity, &[new.line][..]),
    ] {
        h.state_mut().tab = tab;
        h.step();
        for name in shown {
            assert!(h.query_all_by_label_contains(name).next().is_some(), "{tab:?} shows {name:?}");
        }
        for name in old.options.iter().chain([&old.line]) {
            assert!(h.query_all_by_label_contains(name).next().is_none(), "{tab:?} still shows {name:?}");
        }
    }
    // Monte Carlo: never "Up to date" with the last model's run; the new run is of the new model.
    h.state_mut().tab = Tab::MonteCarlo;
    h.step();
    // (A quick machine may already have finished the new model's run: then, and only then, it
    // says "Up to date.")
    let wanted = h.state().state.analysis.results.as_ref().map(|r| r.revision);
    let latest = h.state().state.simulation.latest().map(|l| l.key.want.revision);
    if let Some(latest) = latest {
        assert_eq!(Some(latest), wanted, "the old model's run was dropped");
    }
    if h.query_by_label("Up to date.").is_some() {
        assert_eq!(latest, wanted, "a run of the old model is not current");
    }
}

/// Shows the sample's results with a finished simulation, as a user would have had them.
fn settled_on_the_contact_center(h: &mut Harness<'static, ShorelineApp>) {
    h.state_mut().tab = Tab::MonteCarlo;
    let deadline = Instant::now() + Duration::from_secs(60);
    while !h.state().state.simulation.is_current() && Instant::now() < deadline {
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    h.step();
    h.get_by_label("Up to date.");
    assert!(h.state().state.model().name.starts_with("Contact center"));
}

const CONTACT_CENTER: Seen =
    Seen { options: &["Monterrey nearshore", "Manila offshore partner"], line: "Agent wages + benefits" };
const ACCOUNTS_PAYABLE: Seen =
    Seen { options: &["San José F&A center", "Chennai F&A provider"], line: "AP clerks: salary + benefits" };

#[test]
fn file_open_shows_the_new_models_numbers_on_the_next_frame() {
    let data = tempfile::tempdir().expect("temp dir");
    let file = accounts_payable_file(data.path());
    let mut h = harness(start(data.path()));
    settled_on_the_contact_center(&mut h);
    h.state_mut().state.request(FileAction::Open(Some(file)));
    every_tab_shows(&mut h, &ACCOUNTS_PAYABLE, &CONTACT_CENTER);
}

#[test]
fn open_recent_shows_the_new_models_numbers_on_the_next_frame() {
    let data = tempfile::tempdir().expect("temp dir");
    let file = accounts_payable_file(data.path());
    {
        // A session that opened the file once, so it is in the recent list…
        let mut state = start(data.path());
        state.request(FileAction::Open(Some(file.clone())));
    }
    // …and a new one that starts on the sample (the last file is not reopened when it moved).
    let moved = data.path().join("ap-moved.ron");
    std::fs::rename(&file, &moved).expect("rename");
    let mut h = harness(start(data.path()));
    settled_on_the_contact_center(&mut h);
    h.state_mut().state.settings.remember(&moved);
    h.state_mut().state.request(FileAction::Open(Some(moved)));
    every_tab_shows(&mut h, &ACCOUNTS_PAYABLE, &CONTACT_CENTER);
}

#[test]
fn new_from_a_sample_shows_its_numbers_on_the_next_frame() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    settled_on_the_contact_center(&mut h);
    h.state_mut().state.request(FileAction::New(Template::Sample(accounts_payable())));
    every_tab_shows(&mut h, &ACCOUNTS_PAYABLE, &CONTACT_CENTER);
}

#[test]
fn new_blank_shows_its_numbers_on_the_next_frame() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    settled_on_the_contact_center(&mut h);
    h.state_mut().state.request(FileAction::New(Template::Blank));
    let blank = shoreline::app::document::blank_model();
    let new = Seen { options: &[blank.options[0].name.as_str()], line: blank.options[0].name.as_str() };
    every_tab_shows(&mut h, &new, &CONTACT_CENTER);
}

#[test]
fn restoring_after_a_crash_shows_the_restored_numbers_on_the_next_frame() {
    let data = tempfile::tempdir().expect("temp dir");
    {
        let mut state = start(data.path());
        let model = load_sample(&SAMPLES[accounts_payable()]).expect("sample loads");
        state.apply(Command::Replace { model: Box::new(model), group: None });
        let now = Instant::now();
        let _ = state.autosave(now);
        assert!(state.autosave(now + Duration::from_secs(5)).is_none(), "the recovery copy is written");
        // Dropped without a clean exit.
    }
    let mut h = harness(start(data.path()));
    assert!(matches!(h.state().state.question, Some(shoreline::app::Question::Recovery(_))));
    settled_on_the_contact_center(&mut h);
    h.state_mut().state.answer_recovery(true);
    every_tab_shows(&mut h, &ACCOUNTS_PAYABLE, &CONTACT_CENTER);
}
