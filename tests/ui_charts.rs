//! Every chart, the KPI cards and the monthly table drawn for the contract's example, checked by
//! the text a user (or a screen reader) finds on screen.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use shoreline::engine::{Evaluation, Plan};
use shoreline::model::{Estimate, Model, Pricing, io};
use shoreline::ui::charts::{ChartInput, cumulative, fixed_variable, locations, monthly_cost, rate_card, volume};
use shoreline::ui::{kpi, monthly_table};

/// A model with everything needed to draw it.
struct Fixture {
    model: Model,
    plan: Plan,
    evaluation: Evaluation,
}

impl Fixture {
    fn new(model: Model) -> Self {
        Self { plan: Plan::new(&model), evaluation: Evaluation::of_model(&model), model }
    }

    fn input(&self, stale: bool) -> ChartInput<'_> {
        ChartInput { model: &self.model, plan: &self.plan, evaluation: &self.evaluation, revision: 0, option: 0, stale }
    }
}

fn example() -> Model {
    io::from_ron_str(include_str!("fixtures/contract_example.ron")).expect("the contract example loads")
}

/// The example plus an option that never pays: a flat fee far above the in-house cost, so its
/// payback, IRR and break-even volume are all null.
fn with_hopeless_option() -> Model {
    let mut model = example();
    let mut hopeless = model.options[0].clone();
    hopeless.name = "Gold-plated vendor".into();
    hopeless.pricing = Pricing::FixedFee { monthly: Estimate::Fixed(1e9) };
    model.options.push(hopeless);
    model
}

type Draw = fn(&mut egui::Ui, &ChartInput);

const EVERYTHING: [(&str, Draw); 8] = [
    ("monthly cost", monthly_cost::show),
    ("cumulative", cumulative::show),
    ("volume", volume::show),
    ("locations", locations::show),
    ("rate card", rate_card::show),
    ("fixed and variable", fixed_variable::show),
    ("kpi", kpi::show),
    ("table", monthly_table::show),
];

fn harness<'a>(input: ChartInput<'a>, draw: Draw) -> Harness<'a> {
    let mut harness = Harness::builder().with_size(egui::vec2(1100.0, 900.0)).build_ui(move |ui| draw(ui, &input));
    harness.run();
    harness
}

#[test]
fn every_chart_draws_with_its_heading() {
    let fixture = Fixture::new(example());
    let headings = [
        ("monthly cost", "Monthly cost"),
        ("cumulative", "Cumulative savings"),
        ("volume", "Cost against volume"),
        ("locations", "Locations"),
        ("rate card", "Rate card"),
        ("fixed and variable", "Fixed and variable cost"),
        ("table", "Month by month"),
    ];
    for (name, heading) in headings {
        let draw = EVERYTHING.iter().find(|(n, _)| *n == name).map(|(_, d)| *d).expect("listed");
        let harness = harness(fixture.input(false), draw);
        harness.get_by_label(heading);
        assert!(harness.query_by_label_contains("Out of date").is_none(), "{name} says stale");
    }
}

#[test]
fn charts_name_their_series() {
    let fixture = Fixture::new(example());
    // The plot legends are checkboxes named after the series.
    let monthly = harness(fixture.input(false), monthly_cost::show);
    monthly.get_by_label("In-house");
    monthly.get_by_label("Manila partner");
    monthly.get_by_label("Parallel running");
    let volume = harness(fixture.input(false), volume::show);
    volume.get_by_label("In-house");
    let locations = harness(fixture.input(false), locations::show);
    locations.get_by_label("Cost per unit");
    locations.get_by_label("NPV of the savings");
    let fixed = harness(fixture.input(false), fixed_variable::show);
    fixed.get_by_label("Fixed");
    fixed.get_by_label("Variable");
    // The example staffs for the peak: its staff are shown as step-fixed, and the caption says why.
    fixed.get_by_label("Step-fixed (staff sized for the peak)");
    fixed.get_by_label_contains("they step up and down with the volume from year to year");
    fixed.get_by_label_contains("% staff sized for the peak)");
}

#[test]
fn the_rate_card_puts_the_focused_options_rate_beside_in_house() {
    let fixture = Fixture::new(example());
    let year = &fixture.evaluation.rate_card.years[0];
    let (vendor, in_house) = (&year.options[0], &year.in_house);
    let money = |x: Option<f64>| shoreline::format::thousands(x.expect("staffed"));
    let headline = |vendor: &shoreline::engine::Rate, in_house: &shoreline::engine::Rate| {
        format!(
            "Manila partner: USD {} against USD {} in-house per productive FTE-month ({})",
            money(vendor.per_productive_fte_month),
            money(in_house.per_productive_fte_month),
            shoreline::format::cheaper(vendor.cheaper_than(in_house).expect("both staffed")),
        )
    };
    let mut harness = harness(fixture.input(false), rate_card::show);
    harness.get_by_label(&headline(vendor, in_house));
    for heading in ["FTE", "Per FTE-month", "Per hour", "Productivity", "Per productive FTE-month", "vs in-house"] {
        harness.get_by_label(heading);
    }
    harness.get_by_label("In-house");
    // One button per plan year of the 36-month horizon.
    for year in ["1", "2", "3"] {
        harness.get_by_label(year);
    }
    harness.get_by_label("3").click();
    harness.run();
    let last = &fixture.evaluation.rate_card.years[2];
    assert_ne!(last.options[0].per_productive_fte_month, vendor.per_productive_fte_month, "years differ");
    harness.get_by_label(&headline(&last.options[0], &last.in_house));
}

#[test]
fn kpi_card_shows_the_contract_figures() {
    let fixture = Fixture::new(example());
    let harness = harness(fixture.input(false), kpi::show);
    harness.get_by_label("Manila partner");
    harness.get_by_label("55.9 %");
    harness.get_by_label("7 months");
    harness.get_by_label("USD 17.7 M");
    harness.get_by_label("25,000 contacts/mo");
    harness.get_by_label("Hidden costs can grow 13.5× before the savings vanish.");
}

#[test]
fn null_results_show_a_dash() {
    let fixture = Fixture::new(with_hopeless_option());
    let option = &fixture.evaluation.options[1];
    assert!(option.payback_months.is_none() && option.irr.is_none() && option.break_even_volume.is_none());
    let harness = harness(fixture.input(false), kpi::show);
    harness.get_by_label("Gold-plated vendor");
    // IRR and payback of the hopeless option are dashes; its missing break-even says why.
    assert_eq!(harness.query_all_by_label("—").count(), 2);
    harness.get_by_label("never: in-house cheaper at every volume");
    harness.get_by_label("No savings even without the hidden costs.");
    let cumulative = self::harness(fixture.input(false), cumulative::show);
    cumulative.get_by_label("No payback within the horizon: Gold-plated vendor.");
    for (name, draw) in EVERYTHING {
        let harness = self::harness(fixture.input(false), draw);
        assert!(harness.query_by_label("NaN").is_none(), "{name}");
    }
}

#[test]
fn stale_results_say_so_everywhere() {
    let fixture = Fixture::new(example());
    for (name, draw) in EVERYTHING {
        let harness = harness(fixture.input(true), draw);
        assert!(harness.query_by_label_contains("Out of date").is_some(), "{name} does not say it is stale");
    }
}

#[test]
fn table_lists_every_month_and_copies_tsv() {
    let fixture = Fixture::new(example());
    let harness = harness(fixture.input(false), monthly_table::show);
    harness.get_by_label("Copy as TSV").click();
    harness.get_by_label("Month");
    harness.get_by_label("Fees (USD)");
    harness.get_by_label("Cumulative (USD)");
    let tsv = monthly_table::to_tsv(&fixture.input(false));
    assert_eq!(tsv.lines().count(), 37);
}

#[test]
fn copying_puts_the_tsv_on_the_clipboard() {
    let fixture = Fixture::new(example());
    let input = fixture.input(false);
    let mut harness = harness(input, monthly_table::show);
    harness.get_by_label("Copy as TSV").click();
    harness.step();
    let copied = harness
        .output()
        .platform_output
        .commands
        .iter()
        .any(|c| matches!(c, egui::OutputCommand::CopyText(text) if *text == monthly_table::to_tsv(&input)));
    assert!(copied, "the table was not copied");
}

#[test]
fn narrow_windows_still_draw_everything() {
    let fixture = Fixture::new(with_hopeless_option());
    for (name, draw) in EVERYTHING {
        let input = fixture.input(false);
        let mut harness = Harness::builder().with_size(egui::vec2(360.0, 900.0)).build_ui(move |ui| draw(ui, &input));
        harness.run();
        // Each draws its series' names somewhere: a legend, a card, or the table's caption.
        let names = ["Gold-plated", "Manila partner", "In-house"];
        let found = names.iter().any(|n| harness.query_all_by_label_contains(n).next().is_some());
        assert!(found, "{name} shows no series name in a narrow window");
    }
}
