//! Cumulative savings: when each option has paid back what it cost to move.

use egui::{Align2, RichText, Ui};
use egui_plot::{HLine, HoverPosition, Line, LineStyle, Plot, PlotPoint, PlotPoints, Text, VLine};

use super::ChartInput;
use super::axes;
use super::common::{self, PLOT_HEIGHT};
use crate::format::{compact_money, months};
use crate::ui::palette;

/// Draws the cumulative savings chart.
pub fn show(ui: &mut Ui, input: &ChartInput) {
    let caption = "Savings added up month by month. Above zero the move has paid for itself; \
                   the dashed line marks each option's payback month.";
    common::chart_frame(ui, input, crate::chart::ChartKind::Cumulative, caption, |ui| {
        plot(ui, input);
        let never: Vec<String> = input
            .evaluation
            .options
            .iter()
            .filter(|o| o.payback_months.is_none())
            .map(|o| common::one_line(&o.name))
            .collect();
        if !never.is_empty() {
            let text = format!("No payback within the horizon: {}.", never.join(", "));
            ui.label(RichText::new(text).color(palette::SAVINGS_NEGATIVE));
        }
    });
}

fn plot(ui: &mut Ui, input: &ChartInput) {
    let currency = input.model.currency.as_str();
    let horizon = input.evaluation.in_house.cost.len();
    let options = &input.evaluation.options;
    // Payback labels are stacked down from the top of the data so that two options paying back
    // in the same month do not print over each other.
    let top = options.iter().flat_map(|o| o.cumulative_savings.iter().copied()).fold(0.0_f64, f64::max);
    let reference = palette::reference(ui.visuals());
    let narrow = ui.available_width() < common::NARROW;
    Plot::new("cumulative_savings")
        .height(crate::ui::charts::common::plot_height(ui, PLOT_HEIGHT))
        .legend(common::legend().position(egui_plot::Corner::RightBottom))
        .x_axis_label("Month")
        .y_axis_label(format!("{currency}, cumulative"))
        .x_grid_spacer(axes::month_grid())
        .x_axis_formatter(axes::month)
        .y_grid_spacer(axes::nice_grid(axes::Direction::Y))
        .y_axis_formatter(axes::compact)
        .include_y(0.0)
        .include_x(0.0)
        .allow_scroll(false)
        .label_formatter(move |pos| hover(input, pos, horizon))
        .show(ui, |plot_ui| {
            plot_ui.hline(HLine::new("", 0.0).id("zero").color(reference).width(1.0));
            // The focused option last, so that it is drawn on top of the others.
            let order = (0..options.len())
                .filter(|&i| i != input.option)
                .chain((input.option < options.len()).then_some(input.option));
            for (rank, i) in order.enumerate() {
                let o = &options[i];
                let focused = i == input.option;
                let color = if focused { palette::option(i) } else { palette::unfocused(palette::option(i)) };
                let name = common::one_line(&o.name);
                let points: PlotPoints =
                    o.cumulative_savings.iter().enumerate().map(|(t, &y)| [common::month_x(t), y]).collect();
                let mut line = Line::new(name.clone(), points).color(color).width(if focused { 3.0 } else { 1.5 });
                if focused {
                    line = line.fill(0.0).fill_alpha(0.12);
                }
                plot_ui.line(line);
                if let Some(k) = o.payback_months {
                    let x = f64::from(k);
                    plot_ui.vline(
                        VLine::new("", x).id(("payback", i)).color(color).width(1.0).style(LineStyle::dashed_loose()),
                    );
                    let y = top * (0.95 - 0.12 * rank as f64);
                    // Late paybacks are labelled to the left of their line so the text stays inside.
                    let anchor = if x > 0.6 * horizon as f64 { Align2::RIGHT_BOTTOM } else { Align2::LEFT_BOTTOM };
                    let label = if narrow { months(k) } else { format!("{name}: payback {}", months(k)) };
                    plot_ui.text(
                        Text::new("", PlotPoint::new(x, y), common::annotation(label, color).strong())
                            .id(("payback label", i))
                            .anchor(anchor),
                    );
                }
            }
        });
}

fn hover(input: &ChartInput, pos: &HoverPosition, horizon: usize) -> Option<String> {
    let position = match pos {
        HoverPosition::NearDataPoint { position, .. } | HoverPosition::Elsewhere { position } => position,
    };
    let t = common::month_at(position.x, horizon)?;
    let currency = input.model.currency.as_str();
    let mut text = format!("After month {}", t + 1);
    for o in &input.evaluation.options {
        let y = o.cumulative_savings.get(t).copied().unwrap_or(0.0);
        text.push_str(&format!("\n{}: {}", common::one_line(&o.name), compact_money(y, currency)));
    }
    Some(text)
}
