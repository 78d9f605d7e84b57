//! The model editor driven through its widgets' accessible names, as a user (or a screen
//! reader) would: every test edits the contract's example and checks the model.

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use shoreline::model::catalog::catalog;
use shoreline::model::{Distribution, Estimate, HiddenCategory, HiddenCostKind, Model, Pricing, validate};
use shoreline::ui::editor::{self, EditorContext};

fn example() -> Model {
    ron::from_str(include_str!("fixtures/contract_example.ron")).expect("the example parses")
}

/// The editor as the app runs it: problems of the model as the frame begins. Tall enough that
/// every open section is on screen without scrolling.
fn harness(model: Model, focus: Option<&'static str>) -> Harness<'static, Model> {
    Harness::builder().with_size([400.0, 5000.0]).build_ui_state(
        move |ui, model: &mut Model| {
            let problems = validate(model);
            let cx = EditorContext { problems: &problems, focus_path: focus };
            editor::show(ui, model, &cx);
        },
        model,
    )
}

fn click(h: &mut Harness<'_, Model>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

/// Focuses a number or text field (a number field then selects its text) and types over it.
fn type_into(h: &mut Harness<'_, Model>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.key_press(Key::Enter);
    h.run();
}

#[test]
fn editing_an_amount_changes_the_model() {
    let mut h = harness(example(), None);
    click(&mut h, "Telephony");
    type_into(&mut h, "In-house › Telephony › amount", "0.15");
    assert_eq!(h.state().in_house.costs[3].amount, Estimate::Fixed(0.15));
}

#[test]
fn a_percentage_is_typed_as_a_percentage() {
    let mut h = harness(example(), None);
    type_into(&mut h, "Manila partner › rate escalation", "7");
    assert!((h.state().options[0].rate_escalation.base() - 0.07).abs() < 1e-12);
}

#[test]
fn switching_the_pricing_form_keeps_the_monthly_rate() {
    let mut h = harness(example(), None);
    click(&mut h, "Manila partner › pricing");
    click(&mut h, "Per FTE");
    let Pricing::PerFte { rate } = h.state().options[0].pricing else { panic!("{:?}", h.state().options[0].pricing) };
    // 11 per hour × 160 hours, the Pert's spread scaled with it.
    assert_eq!(rate, Estimate::Uncertain(Distribution::Pert { low: 1520.0, mode: 1760.0, high: 2240.0 }));
    assert!(h.query_by_label("Manila partner › hours per fte").is_none());
}

#[test]
fn switching_to_a_form_with_nothing_in_common_prices_the_same_month_not_zero() {
    use shoreline::model::pricing_switch::{SteadyMonth, monthly_fee};
    let model = example();
    let month = SteadyMonth::of(&model, 0);
    let before = monthly_fee(&model.options[0].pricing, month.units, month.vendor_fte);
    let mut h = harness(model, None);
    click(&mut h, "Manila partner › pricing");
    click(&mut h, "Per unit");
    let pricing = &h.state().options[0].pricing;
    let Pricing::PerUnit { price } = pricing else { panic!("{pricing:?}") };
    assert!(price.base() > 0.0, "the price was reset to {price:?}");
    let after = monthly_fee(pricing, month.units, month.vendor_fte);
    assert!((after - before).abs() < 5e-4 * before, "{after} a month against {before}");
}

#[test]
fn hovering_a_field_label_says_what_it_means_and_its_unit() {
    let mut h = harness(example(), None);
    click(&mut h, "Productivity and transition");
    for (label, meaning) in [
        ("Productivity", "1.0 = the same as an in-house FTE"),
        ("Staffing", "busiest month of each plan year"),
        ("Unit of work", "Name of one unit of work"),
    ] {
        h.get_by_label(label).hover();
        h.run();
        assert!(h.query_by_label_contains(meaning).is_some(), "hovering {label} does not explain it");
    }
}

#[test]
fn a_number_becomes_a_pert_and_back() {
    let mut h = harness(example(), None);
    click(&mut h, "Manila partner › minimum monthly › form");
    click(&mut h, "Pert");
    let e = h.state().options[0].minimum_monthly;
    assert!(matches!(e, Estimate::Uncertain(Distribution::Pert { .. })), "{e:?}");
    assert_eq!(e.base(), 100_000.0);
    // Its parameters are fields of their own, named after the input.
    type_into(&mut h, "Manila partner › minimum monthly › high", "150000");
    let Estimate::Uncertain(Distribution::Pert { high, .. }) = h.state().options[0].minimum_monthly else {
        panic!("still a Pert")
    };
    assert_eq!(high, 150_000.0);
    click(&mut h, "Manila partner › minimum monthly › form");
    click(&mut h, "Fixed");
    assert_eq!(h.state().options[0].minimum_monthly, Estimate::Fixed(100_000.0));
}

#[test]
fn cost_lines_are_added_duplicated_moved_and_removed() {
    let mut h = harness(example(), None);
    let names = |h: &Harness<'_, Model>| h.state().in_house.costs.iter().map(|c| c.name.clone()).collect::<Vec<_>>();
    click(&mut h, "In-house › add cost line");
    assert_eq!(names(&h).len(), 6);
    assert_eq!(names(&h)[5], "New cost");
    // The new line opens with its fields to fill in; the others stay as they were.
    h.get_by_label("In-house › New cost › name");
    assert!(h.query_by_label("In-house › Telephony › name").is_none());

    click(&mut h, "Telephony");
    click(&mut h, "In-house › Telephony › duplicate");
    assert_eq!(names(&h)[3..5], ["Telephony", "Telephony"]);
    assert_eq!(h.state().in_house.costs[3], h.state().in_house.costs[4]);

    click(&mut h, "In-house › Telephony › move up");
    assert_eq!(names(&h)[2..5], ["Telephony", "Seat: facilities + IT", "Telephony"]);

    // Sections are remembered by position: after the duplicate it is a closed header again.
    click(&mut h, "New cost");
    click(&mut h, "In-house › New cost › remove");
    assert_eq!(names(&h).len(), 6);
    assert!(!names(&h).contains(&"New cost".to_owned()));
}

#[test]
fn a_hidden_cost_from_the_catalog_keeps_its_source() {
    let mut h = harness(example(), None);
    click(&mut h, "Hidden costs (6)");
    click(&mut h, "Manila partner › add from catalog");
    let entry = catalog().into_iter().find(|e| e.name == "Governance, vendor management").expect("in the catalog");
    click(&mut h, entry.name);
    let added = h.state().options[0].hidden.last().expect("added").clone();
    assert_eq!(h.state().options[0].hidden.len(), 7);
    assert_eq!(added.name, entry.name);
    assert_eq!(added.category, HiddenCategory::Governance);
    assert_eq!(added.note, entry.note);
    assert!(!validate(h.state()).has_errors());
}

#[test]
fn a_catalog_share_made_a_one_time_amount_keeps_its_money_and_says_so_in_its_note() {
    use shoreline::model::hidden_switch::FeeBasis;
    let model = example();
    let basis = FeeBasis::of(&model, 0);
    let mut h = harness(model, None);
    click(&mut h, "Hidden costs (6)");
    click(&mut h, "Manila partner › add from catalog");
    let entry = catalog().into_iter().find(|e| e.name == "Transition").expect("in the catalog");
    click(&mut h, entry.name);
    // Added from the catalog, it is open at once.
    click(&mut h, "Manila partner › Transition › incurred");
    click(&mut h, "Once");
    let added = h.state().options[0].hidden.last().expect("added").clone();
    let HiddenCostKind::OneTime { amount, .. } = added.cost else { panic!("{:?}", added.cost) };
    let contract_value = basis.monthly_fee * f64::from(basis.horizon);
    assert!((amount.base() - 0.025 * contract_value).abs() < 1e-6 * contract_value, "{amount:?}");
    assert!(
        added.note.starts_with(entry.note) && added.note.contains("Entered as a one-time amount"),
        "{}",
        added.note
    );
}

#[test]
fn removing_the_only_option_shows_why_the_model_cannot_run() {
    let mut h = harness(example(), None);
    click(&mut h, "Manila partner › remove");
    assert!(h.state().options.is_empty());
    h.run();
    h.get_by_label_contains("add at least one outsourcing option");
    click(&mut h, "+ Add option");
    assert_eq!(h.state().options.len(), 1);
}

#[test]
fn a_seasonality_month_is_edited_and_reset() {
    let mut h = harness(example(), None);
    type_into(&mut h, "Seasonality › Mar", "1.3");
    assert_eq!(h.state().workload.seasonality[2], 1.3);
    click(&mut h, "Seasonality › flat");
    assert_eq!(h.state().workload.seasonality, vec![1.0; 12]);
    click(&mut h, "Seasonality");
    assert!(h.state().workload.seasonality.is_empty());
}

#[test]
fn a_problem_appears_next_to_its_field() {
    let mut h = harness(example(), None);
    click(&mut h, "Site lease");
    type_into(&mut h, "In-house › Site lease › end month", "0");
    assert_eq!(h.state().in_house.costs[4].end_month, Some(0));
    h.run();
    h.get_by_label("Error: ends (month 0) before it starts (month 0)");
    // The sections on the way say so too.
    h.get_by_label("Site lease (1 error)");
    h.get_by_label("In-house (1 error)");
}

#[test]
fn the_focus_opens_its_sections() {
    let mut h = harness(example(), Some("options[0].hidden[3].cost.pct"));
    h.run();
    let pct = "Manila partner › Governance › pct";
    h.get_by_label(&format!("{pct} › low"));
    type_into(&mut h, &format!("{pct} › high"), "8");
    let HiddenCostKind::PercentOfFees { pct: Estimate::Uncertain(Distribution::Uniform { high, .. }) } =
        h.state().options[0].hidden[3].cost
    else {
        panic!("a uniform")
    };
    assert!((high - 0.08).abs() < 1e-12);
}
