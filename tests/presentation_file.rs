//! The presentation's slides, notes and pins are saved with the model: they round-trip, a file
//! without them loads and writes back unchanged, and pins that name nothing are warned about.

use shoreline::model::io::{from_ron_str, to_ron_string};
use shoreline::model::presentation::{PinnedInput, Presentation, Slide, SlideKind};
use shoreline::model::samples::default_model;
use shoreline::model::{Severity, validate};

#[test]
fn slides_notes_and_pins_round_trip_through_the_file() {
    let mut model = default_model().expect("the sample loads");
    model.presentation = Presentation {
        slides: vec![
            Slide { kind: SlideKind::Title, notes: "Open with the headline.\nThen the money.".into() },
            Slide::new(SlideKind::Tornado),
            Slide::new(SlideKind::Fan),
        ],
        pinned: vec![
            PinnedInput::new("workload.monthly_volume"),
            PinnedInput { input: "options[0].pricing.rate".into(), low: Some(8.0), high: Some(20.0) },
        ],
    };
    let text = to_ron_string(&model).expect("saves");
    assert!(text.contains("low: 8.0"), "a range is written bare:\n{text}");
    let back = from_ron_str(&text).expect("loads");
    assert_eq!(back.presentation, model.presentation);
    assert_eq!(to_ron_string(&back).expect("saves"), text, "fmt is canonical");
}

#[test]
fn a_file_without_a_presentation_writes_none() {
    let model = from_ron_str(include_str!("../sample_models/accounts_payable.ron")).expect("the sample loads");
    assert!(model.presentation.is_empty());
    let text = to_ron_string(&model).expect("saves");
    assert!(!text.contains("presentation"), "nothing chosen, nothing written");
}

#[test]
fn the_contact_center_sample_pins_what_a_room_asks_about() {
    let model = default_model().expect("the sample loads");
    assert_eq!(model.presentation.pinned.len(), 4);
    assert!(validate(&model).0.iter().all(|p| !p.path.starts_with("presentation")));
}

#[test]
fn a_pin_of_a_removed_input_is_a_warning_not_an_error() {
    let mut model = default_model().expect("the sample loads");
    model.presentation.pinned = vec![PinnedInput::new("options[9].pricing.rate")];
    let problems = validate(&model);
    let pin: Vec<_> = problems.0.iter().filter(|p| p.path.starts_with("presentation")).collect();
    assert_eq!(pin.len(), 1, "{pin:?}");
    assert_eq!(pin[0].severity, Severity::Warning);
    assert!(problems.errors().next().is_none());
}

#[test]
fn a_range_upside_down_is_an_error_at_its_high_end() {
    let mut model = default_model().expect("the sample loads");
    model.presentation.pinned =
        vec![PinnedInput { input: "workload.monthly_volume".into(), low: Some(5.0), high: Some(2.0) }];
    let problems = validate(&model);
    assert!(problems.errors().any(|p| p.path == "presentation.pinned[0].high"), "{problems:?}");
}
