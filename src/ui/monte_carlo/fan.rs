//! The fan chart: the P10–P90 band of cumulative savings month by month, its median, and the
//! deterministic line (every input at base) from the evaluation.

use egui_plot::{FilledArea, Line, LineStyle, PlotPoints};

use super::CHART_HEIGHT;
use crate::engine::monte_carlo::OptionSimulation;

/// Draws the fan chart; `dim` fades it when the result is out of date.
pub(crate) fn show(ui: &mut egui::Ui, sim: &OptionSimulation, deterministic: Option<&[f64]>, currency: &str, dim: f32) {
    let bands = &sim.cumulative_bands;
    let months: Vec<f64> = (1..=bands.p50.len()).map(|m| m as f64).collect();
    let band = super::super::sensitivity::HIGH;
    let text = ui.visuals().text_color();
    crate::ui::sensitivity::cumulative_savings_plot(
        "monte_carlo_fan",
        crate::ui::charts::common::plot_height(ui, CHART_HEIGHT),
        currency,
    )
    .show(ui, |plot| {
        crate::ui::sensitivity::zero_line(plot, text);
        plot.add(
            FilledArea::new("P10–P90", &months, &bands.p10, &bands.p90)
                .fill_color(band.gamma_multiply(0.3 * dim))
                .stroke(egui::Stroke::NONE),
        );
        let p50: PlotPoints<'_> = months.iter().zip(&bands.p50).map(|(m, v)| [*m, *v]).collect();
        plot.line(Line::new("P50", p50).color(band.gamma_multiply(dim)).width(2.5));
        if let Some(det) = deterministic {
            let points: PlotPoints<'_> = months.iter().zip(det).map(|(m, v)| [*m, *v]).collect();
            plot.line(
                Line::new("every input at base", points)
                    .color(text.gamma_multiply(0.9 * dim))
                    .style(LineStyle::Dashed { length: 8.0 })
                    .width(1.5),
            );
        }
    });
    crate::ui::sensitivity::swatches(
        ui,
        &[
            (band.gamma_multiply(0.4), "P10–P90 of the draws".into()),
            (band, "P50".into()),
            (text, "dashed: every input at base".into()),
        ],
    );
}
