//! Every option on the same draws: the chance each is the cheapest way to do the work (staying
//! in-house included), and their NPV distributions overlaid, the question a meeting asks.

use egui::{RichText, Ui};
use egui_plot::{Line, Plot, PlotPoints, VLine};

use super::CHART_HEIGHT;
use crate::engine::monte_carlo::SimulationResult;
use crate::format;
use crate::ui::charts::{axes, common};
use crate::ui::palette;

/// Draws the chance of being the cheapest and the overlaid distributions; `dim` fades them when
/// the result is out of date.
pub(super) fn show(ui: &mut Ui, result: &SimulationResult, currency: &str, dim: f32) {
    ui.label(RichText::new("Which is cheapest? Every option on the same draws").strong());
    ui.add(
        egui::Label::new(
            RichText::new(
                "In each draw the cheapest is the option whose NPV of savings is highest, or in-house when \
                 none saves money. Each option's own chance of a loss is above; this is the chance it wins.",
            )
            .weak(),
        )
        .wrap(),
    );
    cheapest_bars(ui, result, dim);
    ui.add_space(8.0);
    ui.label(RichText::new("NPV distributions overlaid").strong());
    ui.weak("Share of draws with an NPV below each value: the further right a curve, the better the option.");
    cumulative_plot(ui, result, currency, dim);
}

/// One bar per option and one for in-house, as long as its chance of being the cheapest.
fn cheapest_bars(ui: &mut Ui, result: &SimulationResult, dim: f32) {
    let mut rows: Vec<(String, f64, egui::Color32)> = result
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| (common::one_line(&o.name), o.prob_cheapest, palette::option(i)))
        .collect();
    rows.push(("Keep it in-house".to_owned(), result.in_house_cheapest, palette::IN_HOUSE));
    let bar_room = (ui.available_width() * 0.45).clamp(80.0, 360.0);
    egui::Grid::new("cheapest_chances").num_columns(3).spacing([10.0, 4.0]).show(ui, |ui| {
        for (name, share, color) in rows {
            ui.label(RichText::new(&name).color(color.gamma_multiply(dim)));
            let height = ui.spacing().interact_size.y * 0.6;
            let (rect, _) = ui.allocate_exact_size(egui::vec2(bar_room, height), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, ui.visuals().faint_bg_color);
            let filled = egui::Rect::from_min_size(rect.min, egui::vec2(rect.width() * share as f32, rect.height()));
            ui.painter().rect_filled(filled, 2.0, color.gamma_multiply(dim));
            ui.label(RichText::new(format!("{} cheapest", format::percent(share))).strong());
            ui.end_row();
        }
    });
}

/// Each option's share of draws below each NPV, from its histogram (one point per bin edge).
fn cumulative_plot(ui: &mut Ui, result: &SimulationResult, currency: &str, dim: f32) {
    let text = ui.visuals().text_color().gamma_multiply(dim);
    Plot::new("monte_carlo_all_options")
        .height(crate::ui::charts::common::plot_height(ui, CHART_HEIGHT))
        .legend(common::legend())
        .x_axis_label(format!("NPV ({currency})"))
        .x_grid_spacer(axes::nice_grid(axes::Direction::X))
        .x_axis_formatter(axes::compact)
        .y_axis_label("share of draws below")
        .y_grid_spacer(axes::nice_grid(axes::Direction::Y))
        .y_axis_formatter(axes::percent)
        .include_y(0.0)
        .include_y(100.0)
        .allow_scroll(false)
        .show(ui, |plot| {
            plot.vline(VLine::new("break-even (NPV 0)", 0.0).color(text).width(1.0));
            for (i, o) in result.options.iter().enumerate() {
                let total = o.histogram.counts.iter().sum::<u64>().max(1) as f64;
                let mut below = 0u64;
                let mut points = vec![[o.histogram.edges.first().copied().unwrap_or(0.0), 0.0]];
                for (count, edge) in o.histogram.counts.iter().zip(o.histogram.edges.iter().skip(1)) {
                    below += count;
                    points.push([*edge, below as f64 / total * 100.0]);
                }
                let color = palette::option(i).gamma_multiply(dim);
                plot.line(Line::new(common::one_line(&o.name), PlotPoints::from(points)).color(color).width(2.5));
            }
        });
}
