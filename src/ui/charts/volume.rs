//! Cost against monthly volume, in steady state: where fixed cost turns variable, and the volume
//! at which each option stops paying.

use std::hash::{Hash as _, Hasher as _};
use std::sync::Arc;

use egui::{Align2, Ui};
use egui_plot::{HoverPosition, Line, LineStyle, Plot, PlotPoint, PlotPoints, Text, VLine};

use super::ChartInput;
use super::axes;
use super::common::{self, PLOT_HEIGHT};
use crate::engine::break_even::{in_house_cost_at, option_cost_at};
use crate::engine::ceil_star;
use crate::engine::volume_curve::{self, Curves, IN_HOUSE_BEHAVIOUR, vendor_behaviour};
use crate::format::{compact, compact_money};
use crate::ui::palette;

/// Draws the cost-against-volume chart.
pub fn show(ui: &mut Ui, input: &ChartInput) {
    let caption = "Steady state at year-0 prices. In-house cost moves in steps of whole staff and is mostly fixed \
                   between steps; a vendor's cost follows the volume it handles. Ctrl + scroll zooms in on the steps.";
    common::chart_frame(ui, input, crate::chart::ChartKind::Volume, caption, |ui| plot(ui, input));
}

/// A sentence at the right end of a curve.
struct EndLabel {
    y: f64,
    text: String,
    color: egui::Color32,
}

/// The curves, computed only when the document state or the scenario's values change: the
/// engine never runs per frame, a repaint only hashes the values.
fn cached_curves(ui: &Ui, input: &ChartInput, values: &[f64], x_max: f64, option_count: usize) -> Arc<Curves> {
    let mut hasher = std::hash::DefaultHasher::new();
    for v in values.iter().chain([&x_max]) {
        v.to_bits().hash(&mut hasher);
    }
    option_count.hash(&mut hasher);
    input.revision.hash(&mut hasher);
    input.plan.option_names.hash(&mut hasher);
    let key = hasher.finish();
    let id = egui::Id::unique("cost_against_volume_curves");
    if let Some((cached_key, curves)) = ui.data(|d| d.get_temp::<(u64, Arc<Curves>)>(id))
        && cached_key == key
    {
        return curves;
    }
    let curves = Arc::new(volume_curve::curves(input.model, input.plan, values, x_max, option_count));
    ui.data_mut(|d| d.insert_temp(id, (key, Arc::clone(&curves))));
    curves
}

fn plot(ui: &mut Ui, input: &ChartInput) {
    let model = input.model;
    let currency = model.currency.as_str();
    let unit = common::one_line(&model.workload.unit);
    let values = input.plan.base_values();
    let base = model.workload.monthly_volume.base();
    let units_per_fte = model.in_house.units_per_fte_month.base();
    let options = &input.evaluation.options;
    let x_max = volume_curve::volume_range(model, input.evaluation);

    let option_count = options.len().min(input.plan.option_count());
    let curves = cached_curves(ui, input, &values, x_max, option_count);
    let (in_house, vendors) = (curves.in_house.clone(), curves.options.clone());
    let top = in_house.iter().chain(vendors.iter().flatten()).map(|p| p[1]).fold(0.0_f64, f64::max);
    let reference = palette::reference(ui.visuals());
    let narrow = ui.available_width() < common::NARROW;

    Plot::new("cost_against_volume")
        .height(crate::ui::charts::common::plot_height(ui, PLOT_HEIGHT))
        .legend(common::legend().position(egui_plot::Corner::RightBottom))
        .x_axis_label(format!("{unit} per month"))
        .y_axis_label(format!("{currency} per month"))
        .x_grid_spacer(axes::nice_grid(axes::Direction::X))
        .x_axis_formatter(axes::compact)
        .y_grid_spacer(axes::nice_grid(axes::Direction::Y))
        .y_axis_formatter(axes::compact)
        .include_y(0.0)
        // Room above the highest curve for its end label.
        .include_y(top * 1.12)
        .include_x(0.0)
        .allow_scroll(false)
        .label_formatter(|pos| hover(input, &values, pos, units_per_fte))
        .show(ui, |plot_ui| {
            let mut labels = 0.0;
            let mut marker = |plot_ui: &mut egui_plot::PlotUi, id: (&str, usize), x: f64, text: String, color| {
                plot_ui.vline(VLine::new("", x).id(id).color(color).width(1.0).style(LineStyle::dashed_loose()));
                let y = top * (0.98 - 0.09 * labels);
                labels += 1.0;
                // Written towards the middle of the plot, so a marker near the right edge keeps its
                // text inside it (it was cut to "b").
                let anchor = if x > 0.55 * x_max { Align2::RIGHT_TOP } else { Align2::LEFT_TOP };
                let text = if anchor == Align2::RIGHT_TOP { format!("{} ", text.trim_start()) } else { text };
                plot_ui.text(
                    Text::new("", PlotPoint::new(x, y), common::annotation(text, color))
                        .id((id.0, id.1, "label"))
                        .anchor(anchor),
                );
            };
            let today = if narrow { " today".to_owned() } else { format!(" today: {} {unit}/month", compact(base)) };
            marker(plot_ui, ("today", 0), base, today, reference);
            for (i, o) in options.iter().enumerate().take(option_count) {
                if let Some(v) = o.break_even_volume {
                    let text = if narrow {
                        format!(" {}", compact(v))
                    } else {
                        format!(" break-even, {}: {} {unit}/month", common::one_line(&o.name), compact(v))
                    };
                    marker(plot_ui, ("break-even", i), v, text, palette::option(i));
                }
            }

            let mut ends = vec![EndLabel {
                y: in_house.last().map_or(0.0, |p| p[1]),
                text: format!("in-house: {IN_HOUSE_BEHAVIOUR} "),
                color: palette::IN_HOUSE,
            }];
            plot_ui.line(Line::new("In-house", PlotPoints::from(in_house)).color(palette::IN_HOUSE).width(2.5));
            // The focused option last, so that it is drawn over the others (a stable sort).
            let mut vendors: Vec<_> = vendors.into_iter().enumerate().collect();
            vendors.sort_by_key(|(i, _)| *i == input.option);
            for (i, points) in vendors {
                let focused = i == input.option;
                let color = if focused { palette::option(i) } else { palette::unfocused(palette::option(i)) };
                let name = options.get(i).map(|o| common::one_line(&o.name)).unwrap_or_default();
                if let Some(option) = model.options.get(i) {
                    let y = points.last().map_or(0.0, |p| p[1]);
                    ends.push(EndLabel { y, text: format!("{name}: {} ", vendor_behaviour(option)), color });
                }
                let width = if focused { 3.0 } else { 1.5 };
                plot_ui.line(Line::new(name, PlotPoints::from(points)).color(color).width(width));
            }
            // The labels sit just above their line's right end (the curves rise to the right, so
            // text above and left of the end clears them), pushed down where two would overlap.
            ends.sort_by(|a, b| b.y.total_cmp(&a.y));
            let gap = top * 0.075;
            let mut ceiling = f64::INFINITY;
            // A narrow plot has no room for the sentences; the caption says the same.
            if narrow {
                ends.clear();
            }
            for (k, label) in ends.into_iter().enumerate() {
                let y = (label.y + top * 0.02).min(ceiling);
                ceiling = y - gap;
                plot_ui.text(
                    Text::new("", PlotPoint::new(x_max, y), common::annotation(label.text, label.color))
                        .id(("end label", k))
                        .anchor(Align2::RIGHT_BOTTOM),
                );
            }
        });
}

/// The tooltip: both costs and the staff count at the volume under the pointer.
fn hover(input: &ChartInput, values: &[f64], pos: &HoverPosition, units_per_fte: f64) -> Option<String> {
    let position = match pos {
        HoverPosition::NearDataPoint { position, .. } | HoverPosition::Elsewhere { position } => position,
    };
    let v = position.x;
    if v < 0.0 {
        return None;
    }
    let currency = input.model.currency.as_str();
    let staff = ceil_star(v / units_per_fte);
    let mut text = format!(
        "{} {} per month\nIn-house: {} ({staff} staff)",
        compact(v),
        common::one_line(&input.model.workload.unit),
        compact_money(in_house_cost_at(input.plan, values, v), currency)
    );
    for (i, o) in input.evaluation.options.iter().enumerate().take(input.plan.option_count()) {
        let cost = option_cost_at(input.plan, i, values, v);
        text.push_str(&format!("\n{}: {}", common::one_line(&o.name), compact_money(cost, currency)));
    }
    Some(text)
}
