//! The center: KPI cards and the charts, in tabs; the last good results dimmed when the model is
//! invalid.

use super::app::ShorelineApp;
use super::charts::{self, ChartInput};
use super::{kpi, monthly_table, problems_list};

/// The tabs of the center panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// KPI cards and the four main charts.
    Overview,
    /// Onshore, nearshore and offshore side by side.
    Locations,
    /// Every monthly series, copyable to a spreadsheet.
    MonthlyTable,
    /// Tornado, spider, hidden-cost headroom, heat map and goal seek.
    Sensitivity,
    /// The background simulation: NPV histogram and fan chart.
    MonteCarlo,
    /// Scenario editing and the side-by-side comparison.
    Scenarios,
    /// The problems list.
    Problems,
}

impl Tab {
    /// Every tab, in order.
    pub const ALL: [Self; 7] = [
        Self::Overview,
        Self::Locations,
        Self::MonthlyTable,
        Self::Sensitivity,
        Self::MonteCarlo,
        Self::Scenarios,
        Self::Problems,
    ];

    /// The tab's name.
    pub fn label(self) -> &'static str {
        match self {
            Self::Overview => "Overview",
            Self::Locations => "Locations",
            Self::MonthlyTable => "Monthly table",
            Self::Sensitivity => "Sensitivity",
            Self::MonteCarlo => "Monte Carlo",
            Self::Scenarios => "Scenarios",
            Self::Problems => "Problems",
        }
    }
}

/// Below this width the overview's charts are stacked in one column.
const TWO_COLUMNS_WIDTH: f32 = 980.0;

/// Draws the center panel.
pub fn show(ui: &mut egui::Ui, app: &mut ShorelineApp) {
    egui::CentralPanel::default().show(ui, |ui| {
        // Tabs wrap to a second row in a narrow panel rather than run off its edge.
        ui.horizontal_wrapped(|ui| {
            for tab in Tab::ALL {
                let label = match tab {
                    Tab::Problems if !app.state.analysis.problems.0.is_empty() => {
                        format!("Problems ({})", app.state.analysis.problems.0.len())
                    }
                    _ => tab.label().to_owned(),
                };
                ui.selectable_value(&mut app.tab, tab, label);
            }
        });
        ui.separator();
        super::error_panel::show(ui, app);
        super::start_card::show(ui, app);
        if let Some(reason) = &app.state.analysis.stale_reason {
            ui.colored_label(ui.visuals().warn_fg_color, reason);
        }
        // These views read the app state themselves (and change it: goal seek, scenarios).
        match app.tab {
            Tab::Problems => return problems_list::show(ui, app),
            Tab::Sensitivity => return super::sensitivity::show(ui, app),
            Tab::MonteCarlo => return super::monte_carlo::show(ui, app),
            Tab::Scenarios => return super::scenarios::show(ui, app),
            Tab::Overview | Tab::Locations | Tab::MonthlyTable => {}
        }
        let Some(input) = ChartInput::of_state(&app.state) else {
            ui.label("No results yet: the model has errors. Fix the problems listed under Problems.");
            return;
        };
        match app.tab {
            Tab::Overview => overview(ui, &input),
            Tab::Locations => {
                egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                    charts::locations::show(ui, &input);
                    ui.add_space(12.0);
                    charts::rate_card::show(ui, &input);
                });
            }
            Tab::MonthlyTable => monthly_table::show(ui, &input),
            Tab::Problems | Tab::Sensitivity | Tab::MonteCarlo | Tab::Scenarios => {}
        }
    });
}

fn overview(ui: &mut egui::Ui, input: &ChartInput) {
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        kpi::show(ui, input);
        ui.add_space(8.0);
        let draws: [fn(&mut egui::Ui, &ChartInput); 4] =
            [charts::monthly_cost::show, charts::cumulative::show, charts::volume::show, charts::fixed_variable::show];
        if ui.available_width() >= TWO_COLUMNS_WIDTH {
            for pair in draws.chunks(2) {
                ui.columns(2, |columns| {
                    for (column, draw) in columns.iter_mut().zip(pair) {
                        draw(column, input);
                    }
                });
                ui.add_space(8.0);
            }
        } else {
            for draw in draws {
                draw(ui, input);
                ui.add_space(8.0);
            }
        }
    });
}
