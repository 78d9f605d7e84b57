//! The NPV histogram: 40 bins, losses in red, P10 / P50 / P90 (dashed) and the mean (solid).

use egui_plot::{Bar, BarChart, LineStyle, Plot, VLine};

use super::{CHART_HEIGHT, GAIN, LOSS};
use crate::engine::monte_carlo::OptionSimulation;
use crate::format;

/// Draws the histogram; `dim` fades it when the result is out of date.
pub(crate) fn show(ui: &mut egui::Ui, sim: &OptionSimulation, currency: &str, dim: f32) {
    let h = &sim.histogram;
    let total: u64 = h.counts.iter().sum::<u64>().max(1);
    let bars: Vec<Bar> = h
        .counts
        .iter()
        .enumerate()
        .map(|(i, &count)| {
            let (a, b) = (h.edges[i], h.edges[i + 1]);
            let center = 0.5 * (a + b);
            let color = if center < 0.0 { LOSS } else { GAIN };
            let share = count as f64 / total as f64 * 100.0;
            Bar::new(center, share)
                .width((b - a) * 0.95)
                .fill(color.gamma_multiply(0.85 * dim))
                .stroke(egui::Stroke::NONE)
                .name(format!("{} to {}", format::compact(a), format::compact(b)))
        })
        .collect();
    let text = ui.visuals().text_color().gamma_multiply(dim);
    let mean_color = crate::ui::sensitivity::HIGH.gamma_multiply(dim);
    let cur = currency.to_owned();
    Plot::new("monte_carlo_histogram")
        .height(crate::ui::charts::common::plot_height(ui, CHART_HEIGHT))
        .x_axis_label(format!("NPV ({currency})"))
        .x_grid_spacer(crate::ui::charts::axes::nice_grid(crate::ui::charts::axes::Direction::X))
        .y_axis_label("share of draws")
        .x_axis_formatter(crate::ui::charts::axes::compact)
        .y_grid_spacer(crate::ui::charts::axes::nice_grid(crate::ui::charts::axes::Direction::Y))
        .y_axis_formatter(crate::ui::charts::axes::percent)
        .include_y(0.0)
        .allow_scroll(false)
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new("draws", bars).color(GAIN).element_formatter(Box::new(move |bar, _| {
                format!("NPV {} {cur}\n{:.1} % of draws", bar.name, bar.value)
            })));
            let dashed = LineStyle::Dashed { length: 6.0 };
            for (name, x) in [("P10", sim.npv.p10), ("P50", sim.npv.p50), ("P90", sim.npv.p90)] {
                plot.vline(
                    VLine::new(format!("{name} {}", format::compact(x)), x).color(text).style(dashed).width(1.5),
                );
            }
            plot.vline(
                VLine::new(format!("mean {}", format::compact(sim.npv.mean)), sim.npv.mean)
                    .color(mean_color)
                    .width(2.0),
            );
        });
    crate::ui::sensitivity::swatches(
        ui,
        &[
            (LOSS, "a loss".into()),
            (GAIN, "a gain".into()),
            (text, "dashed: P10, P50, P90".into()),
            (mean_color, "solid: mean".into()),
        ],
    );
}
