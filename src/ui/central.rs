//! The center: KPI cards and the charts, in tabs; the last good results dimmed when the model is
//! invalid.

use super::app::ShorelineApp;
use super::problems_list;

/// The tabs of the center panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// KPI cards and the four main charts.
    Overview,
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
    const ALL: [Self; 5] = [Self::Overview, Self::Sensitivity, Self::MonteCarlo, Self::Scenarios, Self::Problems];

    fn label(self) -> &'static str {
        match self {
            Self::Overview => "Overview",
            Self::Sensitivity => "Sensitivity",
            Self::MonteCarlo => "Monte Carlo",
            Self::Scenarios => "Scenarios",
            Self::Problems => "Problems",
        }
    }
}

/// Draws the center panel.
pub fn show(ui: &mut egui::Ui, app: &mut ShorelineApp) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
            for tab in Tab::ALL {
                ui.selectable_value(&mut app.tab, tab, tab.label());
            }
        });
        ui.separator();
        if let Some(reason) = &app.state.analysis.stale_reason {
            ui.colored_label(ui.visuals().warn_fg_color, reason);
        }
        match app.tab {
            Tab::Overview => overview(ui, app),
            Tab::Sensitivity => super::sensitivity::show(ui, app),
            Tab::MonteCarlo => super::monte_carlo::show(ui, app),
            Tab::Scenarios => super::scenarios::show(ui, app),
            Tab::Problems => problems_list::show(ui, app),
        }
    });
}

fn overview(ui: &mut egui::Ui, app: &mut ShorelineApp) {
    let Some(results) = &app.state.analysis.results else {
        ui.label("No results yet: fix the problems listed under Problems.");
        return;
    };
    let currency = &results.model.currency;
    for option in &results.evaluation.options {
        ui.label(format!(
            "{}: savings {}, NPV {}",
            option.name,
            crate::format::or_dash(option.savings_pct, crate::format::percent),
            crate::format::compact_money(option.npv, currency)
        ));
    }
}
