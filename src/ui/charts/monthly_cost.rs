//! Monthly cost: in-house against every option, and what the focused option's cost is made of.

use egui::Ui;
use egui_plot::{Bar, BarChart, HoverPosition, Line, Plot, PlotPoints};

use super::ChartInput;
use super::axes;
use super::common::{self, PLOT_HEIGHT};
use crate::engine::OptionResult;
use crate::format::compact_money;
use crate::ui::palette;

/// The components of an option's monthly cost, bottom of the stack first.
fn components(o: &OptionResult) -> [(&'static str, &[f64], egui::Color32); 4] {
    [
        ("Fees", &o.fees, palette::FEES),
        ("Retained", &o.retained, palette::RETAINED),
        ("Parallel running", &o.parallel, palette::PARALLEL),
        ("Hidden", &o.hidden, palette::HIDDEN),
    ]
}

/// Draws the monthly cost chart.
pub fn show(ui: &mut Ui, input: &ChartInput) {
    let focus = common::focused(input).map(|o| common::one_line(&o.name)).unwrap_or_default();
    let caption = format!("Lines: total cost per month. Bars: what {focus}'s cost is made of.");
    common::chart_frame(ui, input, crate::chart::ChartKind::MonthlyCost, &caption, |ui| {
        if let Some(o) = common::focused(input) {
            let entries: Vec<_> = components(o).iter().map(|(name, _, color)| ((*name).to_owned(), *color)).collect();
            common::legend_row(ui, "Bars:", &entries);
        }
        plot(ui, input);
    });
}

fn plot(ui: &mut Ui, input: &ChartInput) {
    let currency = input.model.currency.as_str();
    let in_house = &input.evaluation.in_house;
    let horizon = in_house.cost.len();
    let focus = common::focused(input);
    Plot::new("monthly_cost")
        .height(crate::ui::charts::common::plot_height(ui, PLOT_HEIGHT))
        .legend(common::legend().position(egui_plot::Corner::RightTop))
        .x_axis_label("Month")
        .y_axis_label(format!("{currency} per month"))
        .x_grid_spacer(axes::month_grid())
        .x_axis_formatter(axes::month)
        .y_grid_spacer(axes::nice_grid(axes::Direction::Y))
        .y_axis_formatter(axes::compact)
        .include_y(0.0)
        // Headroom above the data for the legend of the lines.
        .include_y(peak(input) * 1.3)
        .include_x(0.0)
        .allow_scroll(false)
        .label_formatter(move |pos| hover(input, pos, horizon))
        .show(ui, |plot_ui| {
            if let Some(o) = focus {
                let mut below: Vec<BarChart> = Vec::new();
                for (name, series, color) in components(o) {
                    let bars = series
                        .iter()
                        .enumerate()
                        .map(|(t, &y)| Bar::new(common::month_x(t), y).width(0.7).fill(palette::bar_fill(color)))
                        .collect();
                    // Named in the row above the plot, not in its legend: the bars fill the plot
                    // and the legend would cover them.
                    let chart = BarChart::new("", bars).id(name).color(color);
                    let chart = chart.stack_on(&below.iter().collect::<Vec<_>>());
                    below.push(chart);
                }
                for chart in below {
                    plot_ui.bar_chart(chart);
                }
            }
            let points = |series: &[f64]| -> PlotPoints<'static> {
                series.iter().enumerate().map(|(t, &y)| [common::month_x(t), y]).collect()
            };
            plot_ui.line(Line::new("In-house", points(&in_house.cost)).color(palette::IN_HOUSE).width(2.5));
            // The focused option last, so that it is drawn over the others.
            let options = &input.evaluation.options;
            let order = (0..options.len())
                .filter(|&i| i != input.option)
                .chain((input.option < options.len()).then_some(input.option));
            for (i, o) in order.map(|i| (i, &options[i])) {
                let (color, width) = if i == input.option {
                    (palette::option(i), 3.0)
                } else {
                    (palette::unfocused(palette::option(i)), 1.5)
                };
                plot_ui.line(Line::new(common::one_line(&o.name), points(&o.cost)).color(color).width(width));
            }
        });
}

/// The tooltip: every cost of the month under the pointer, the focused option's components too.
fn hover(input: &ChartInput, pos: &HoverPosition, horizon: usize) -> Option<String> {
    let position = match pos {
        HoverPosition::NearDataPoint { position, .. } | HoverPosition::Elsewhere { position } => position,
    };
    let t = common::month_at(position.x, horizon)?;
    let currency = input.model.currency.as_str();
    let at = |series: &[f64]| series.get(t).copied().unwrap_or(0.0);
    let mut text =
        format!("Month {}\nIn-house: {}", t + 1, compact_money(at(&input.evaluation.in_house.cost), currency));
    for o in &input.evaluation.options {
        text.push_str(&format!("\n{}: {}", common::one_line(&o.name), compact_money(at(&o.cost), currency)));
    }
    if let Some(o) = common::focused(input) {
        for (name, series, _) in components(o) {
            if at(series) != 0.0 {
                text.push_str(&format!("\n  {name}: {}", compact_money(at(series), currency)));
            }
        }
    }
    Some(text)
}

/// The highest monthly cost drawn.
fn peak(input: &ChartInput) -> f64 {
    let options = input.evaluation.options.iter().flat_map(|o| o.cost.iter());
    input.evaluation.in_house.cost.iter().chain(options).copied().fold(0.0, f64::max)
}
