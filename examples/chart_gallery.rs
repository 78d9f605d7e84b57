//! Developer tool: every chart, the KPI cards and the monthly table for the contract's example,
//! in a window with a dark/light toggle, to look at the charts for real (legibility, overlaps,
//! narrow windows) without the rest of the app.
//!
//! `cargo run --example chart_gallery -- [--light] [--stale] [--three] [--narrow] [--focus N] [--view NAME]`
//! where NAME is one of all, kpi, monthly, cumulative, volume, locations, fixed, table; `--three`
//! adds an illustrative onshore and nearshore option to the example. The flags only set the
//! starting state: everything can be switched in the window.

use eframe::egui;
use shoreline::engine::{Evaluation, Plan};
use shoreline::model::{Estimate, Model, Pricing, Shore, io};
use shoreline::ui::charts::{ChartInput, cumulative, fixed_variable, locations, monthly_cost, volume};
use shoreline::ui::{kpi, monthly_table};

/// A chart, card row or table.
type Draw = fn(&mut egui::Ui, &ChartInput);

/// The views, in toolbar order.
const VIEWS: [&str; 8] = ["all", "kpi", "monthly", "cumulative", "volume", "locations", "fixed", "table"];

/// One model with its results.
struct Document {
    model: Model,
    plan: Plan,
    evaluation: Evaluation,
}

impl Document {
    fn new(model: Model) -> Self {
        Self { plan: Plan::new(&model), evaluation: Evaluation::of_model(&model), model }
    }
}

struct Gallery {
    documents: [Document; 2],
    three: bool,
    dark: bool,
    stale: bool,
    focus: usize,
    view: &'static str,
}

/// The contract's example with an onshore and a nearshore option beside its offshore one.
fn three_shores(mut model: Model) -> Model {
    if let Some(offshore) = model.options.first().cloned() {
        let mut nearshore = offshore.clone();
        nearshore.name = "Monterrey partner".into();
        nearshore.shore = Shore::Nearshore;
        nearshore.region = "Mexico".into();
        nearshore.pricing = Pricing::PerHour { rate: Estimate::Fixed(19.0), hours_per_fte: Estimate::Fixed(160.0) };
        nearshore.productivity = Estimate::Fixed(0.95);
        nearshore.minimum_monthly = Estimate::Fixed(0.0);
        let mut onshore = offshore;
        onshore.name = "Ohio BPO".into();
        onshore.shore = Shore::Onshore;
        onshore.region = "United States".into();
        onshore.pricing = Pricing::PerUnit { price: Estimate::Fixed(4.6) };
        onshore.learning = None;
        onshore.minimum_monthly = Estimate::Fixed(0.0);
        model.options.push(nearshore);
        model.options.push(onshore);
    }
    model
}

impl eframe::App for Gallery {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ui.ctx().set_theme(if self.dark { egui::Theme::Dark } else { egui::Theme::Light });
        egui::Panel::top("toolbar").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.selectable_value(&mut self.dark, true, "Dark");
                ui.selectable_value(&mut self.dark, false, "Light");
                ui.separator();
                ui.checkbox(&mut self.stale, "Stale");
                ui.checkbox(&mut self.three, "Three shores");
                ui.separator();
                let count = self.documents[usize::from(self.three)].evaluation.options.len();
                for i in 0..count {
                    ui.selectable_value(&mut self.focus, i, format!("Focus {}", i + 1));
                }
                ui.separator();
                for view in VIEWS {
                    ui.selectable_value(&mut self.view, view, view);
                }
            });
        });
        egui::CentralPanel::default().show(ui, |ui| {
            let document = &self.documents[usize::from(self.three)];
            let input = ChartInput {
                model: &document.model,
                plan: &document.plan,
                evaluation: &document.evaluation,
                // Each gallery document is its own state for the chart caches.
                revision: u64::from(self.three),
                option: self.focus.min(document.evaluation.options.len().saturating_sub(1)),
                stale: self.stale,
            };
            egui::ScrollArea::vertical().show(ui, |ui| {
                let all = self.view == "all";
                let sections: [(&str, Draw); 7] = [
                    ("kpi", kpi::show),
                    ("monthly", monthly_cost::show),
                    ("cumulative", cumulative::show),
                    ("volume", volume::show),
                    ("locations", locations::show),
                    ("fixed", fixed_variable::show),
                    ("table", monthly_table::show),
                ];
                for (name, show) in sections {
                    if all || self.view == name {
                        show(ui, &input);
                        ui.add_space(16.0);
                    }
                }
            });
        });
    }
}

fn main() -> eframe::Result {
    let args: Vec<String> = std::env::args().collect();
    let flag = |name: &str| args.iter().any(|a| a == name);
    let value = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let example = match io::from_ron_str(include_str!("../tests/fixtures/contract_example.ron")) {
        Ok(model) => model,
        Err(e) => {
            eprintln!("the contract example does not load: {e}");
            std::process::exit(1);
        }
    };
    let gallery = Gallery {
        documents: [Document::new(example.clone()), Document::new(three_shores(example))],
        three: flag("--three"),
        dark: !flag("--light"),
        stale: flag("--stale"),
        focus: value("--focus").and_then(|f| f.parse().ok()).unwrap_or(0),
        view: value("--view").and_then(|v| VIEWS.into_iter().find(|&x| x == v)).unwrap_or("all"),
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size(if flag("--narrow") { [420.0, 760.0] } else { [1200.0, 760.0] })
            .with_title("Shoreline chart gallery"),
        ..Default::default()
    };
    eframe::run_native("Shoreline chart gallery", options, Box::new(|_| Ok(Box::new(gallery))))
}
