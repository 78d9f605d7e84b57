//! Onshore, nearshore and offshore side by side: what a unit costs, what is saved, what it is
//! worth today.

use egui::{Align2, Ui};
use egui_plot::{Bar, BarChart, GridMark, HLine, LineStyle, Plot, PlotPoint, Text};

use super::ChartInput;
use super::axes;
use super::common;
use crate::engine::OptionResult;
use crate::format::{compact_money, percent};
use crate::model::Shore;
use crate::ui::palette;

/// Height of each of the three small charts.
const SMALL_PLOT_HEIGHT: f32 = 210.0;
/// Below this width the three charts are stacked rather than put side by side.
const SIDE_BY_SIDE_WIDTH: f32 = 720.0;
/// Share of a shore's slot its bars take, leaving a gap between shores.
const GROUP_WIDTH: f64 = 0.8;

/// One of the three measures.
struct Measure {
    id: &'static str,
    title: &'static str,
    axis: String,
    value: fn(&OptionResult) -> Option<f64>,
    /// Value as the tooltip shows it.
    show: fn(f64, &str) -> String,
}

/// Draws the three location charts.
pub fn show(ui: &mut Ui, input: &ChartInput) {
    let caption = "Each option grouped by where its delivery center is.";
    common::chart_frame(ui, input, crate::chart::ChartKind::Locations, caption, |ui| {
        let entries: Vec<_> = input
            .evaluation
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| (common::one_line(&o.name), palette::option(i)))
            .collect();
        common::legend_row(ui, "", &entries);
        let currency = &input.model.currency;
        let unit = common::one_line(&input.model.workload.unit);
        let measures = [
            Measure {
                id: "cost_per_unit",
                title: "Cost per unit",
                axis: format!("{currency} per {}", crate::model::units::singular(&unit)),
                value: |o| o.cost_per_unit,
                show: |x, c| format!("{c} {x:.2}"),
            },
            Measure {
                id: "savings_pct",
                title: "Savings",
                axis: "% of in-house cost".into(),
                value: |o| o.savings_pct.map(|p| p * 100.0),
                show: |x, _| percent(x / 100.0),
            },
            Measure {
                id: "npv",
                title: "NPV of the savings",
                axis: currency.clone(),
                value: |o| Some(o.npv),
                show: compact_money,
            },
        ];
        if ui.available_width() >= SIDE_BY_SIDE_WIDTH {
            ui.columns(3, |columns| {
                for (ui, m) in columns.iter_mut().zip(&measures) {
                    small_chart(ui, input, m);
                }
            });
        } else {
            for m in &measures {
                small_chart(ui, input, m);
            }
        }
    });
}

/// The x of each option: options of one shore share that shore's slot, side by side.
fn positions(input: &ChartInput) -> Vec<f64> {
    let shore_of = |i: usize| input.model.options.get(i).map_or(Shore::Onshore, |o| o.shore);
    let n = input.evaluation.options.len();
    (0..n)
        .map(|i| {
            let s = Shore::ALL.iter().position(|&x| x == shore_of(i)).unwrap_or(0);
            let peers: Vec<usize> = (0..n).filter(|&j| shore_of(j) == shore_of(i)).collect();
            let rank = peers.iter().position(|&j| j == i).unwrap_or(0);
            let width = GROUP_WIDTH / peers.len() as f64;
            s as f64 - GROUP_WIDTH / 2.0 + width * (rank as f64 + 0.5)
        })
        .collect()
}

fn small_chart(ui: &mut Ui, input: &ChartInput, m: &Measure) {
    ui.vertical(|ui| {
        ui.strong(m.title);
        let xs = positions(input);
        let currency = input.model.currency.clone();
        let shores = Shore::ALL.map(|s| (s, input.model.options.iter().any(|o| o.shore == s)));
        let reference = palette::reference(ui.visuals());
        let in_house = if m.id == "cost_per_unit" { input.evaluation.in_house.cost_per_unit } else { None };
        let values: Vec<Option<f64>> = input.evaluation.options.iter().map(m.value).collect();
        let highest = values.iter().flatten().chain(in_house.iter()).copied().fold(0.0, f64::max);
        let lowest = values.iter().flatten().copied().fold(0.0, f64::min);
        let width = (GROUP_WIDTH / input.evaluation.options.len().max(1) as f64).min(0.5) * 0.9;
        Plot::new(("locations", m.id))
            .height(crate::ui::charts::common::plot_height(ui, SMALL_PLOT_HEIGHT))
            .y_axis_label(m.axis.clone())
            // One label per shore, at full strength: egui_plot fades x labels less than 80 points
            // apart, which left the shore names barely visible in three small charts.
            .custom_x_axes(vec![
                egui_plot::AxisHints::new_x()
                    .formatter(|mark: GridMark, _| shore_at(mark.value))
                    .label_spacing(20.0..=24.0)
                    .tick_label_color(ui.visuals().text_color()),
            ])
            .y_grid_spacer(axes::nice_grid(axes::Direction::Y))
            .y_axis_formatter(axes::compact)
            .include_y(0.0)
            // Room for the value printed above (or below) each bar.
            .include_y(highest * 1.2)
            .include_y(lowest * 1.2)
            .include_x(-0.5)
            .include_x(2.5)
            .allow_scroll(false)
            .show(ui, |plot_ui| {
                if let Some(c) = in_house {
                    plot_ui.hline(
                        HLine::new("", c)
                            .id("in-house")
                            .color(palette::IN_HOUSE)
                            .width(1.5)
                            .style(LineStyle::dashed_loose()),
                    );
                    let text = common::annotation(format!("in-house {}", (m.show)(c, &currency)), palette::IN_HOUSE);
                    plot_ui.text(
                        Text::new("", PlotPoint::new(2.5, c), text).id("in-house label").anchor(Align2::RIGHT_BOTTOM),
                    );
                }
                for (i, (o, value)) in input.evaluation.options.iter().zip(&values).enumerate() {
                    let Some(value) = *value else { continue };
                    let color = palette::option(i);
                    let fill = if i == input.option { color } else { palette::unfocused(color) };
                    let bar = Bar::new(xs[i], value).width(width).fill(fill).name(common::one_line(&o.name));
                    let label = (m.show)(value, &currency);
                    let currency = currency.clone();
                    let show = m.show;
                    plot_ui.bar_chart(
                        BarChart::new("", vec![bar]).id(("bar", i)).color(color).element_formatter(Box::new(
                            move |b, _| format!("{}\n{}", b.name, show(b.value, &currency)),
                        )),
                    );
                    let anchor = if value < 0.0 { Align2::CENTER_TOP } else { Align2::CENTER_BOTTOM };
                    plot_ui.text(
                        Text::new("", PlotPoint::new(xs[i], value), common::annotation(label, color))
                            .id(("value", i))
                            .anchor(anchor),
                    );
                }
                for (s, (shore, used)) in shores.iter().enumerate() {
                    if !used {
                        // On two short lines, kept inside the plot at the outer groups: centred
                        // on the first group it was cut to "o onshore option".
                        let text = format!("no {}\noption", shore.label().to_lowercase());
                        let (x, anchor) = match s {
                            0 => (-0.45, Align2::LEFT_BOTTOM),
                            s if s + 1 == shores.len() => (s as f64 + 0.45, Align2::RIGHT_BOTTOM),
                            s => (s as f64, Align2::CENTER_BOTTOM),
                        };
                        plot_ui.text(
                            Text::new("", PlotPoint::new(x, 0.0), common::annotation(text, reference))
                                .id(("empty", s))
                                .anchor(anchor),
                        );
                    }
                }
            });
    });
}

/// The shore under an integer x tick.
fn shore_at(x: f64) -> String {
    if x.fract() != 0.0 || x < 0.0 {
        return String::new();
    }
    Shore::ALL.get(x as usize).map(|s| s.label().to_owned()).unwrap_or_default()
}
