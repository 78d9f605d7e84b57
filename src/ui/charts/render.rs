//! Draws a chart description ([`crate::chart::Chart`]) with egui_plot: the window's view of the
//! very data the SVG, the PNG and the report draw. A view adds only what a screen has and paper
//! has not: the hover text.

use egui::{Align2, RichText, Ui};
use egui_plot::{
    Bar, BarChart, Corner, FilledArea, HLine, HoverPosition, Line, LineStyle, Plot, PlotPoint, PlotPoints, Points,
    Text, VLine,
};

use super::{axes, common};
use crate::chart::{Chart, Emphasis, MarkerAxis, Scale, Shape, Tone};
use crate::ui::palette;

/// Hover text for a pointer position, or `None` for none.
pub(crate) type Hover<'a> = Box<dyn Fn(&HoverPosition) -> Option<String> + 'a>;

/// How a chart is drawn in the window.
pub(crate) struct View<'a> {
    /// The plot's id, unique in the window.
    pub id: &'a str,
    /// Its height in points (a slide passes a taller one through `common::plot_height`).
    pub height: f32,
    /// Where the legend sits; `None` for no legend inside the plot.
    pub legend: Option<Corner>,
    /// The hover text.
    pub hover: Option<Hover<'a>>,
    /// Where marker labels go: written beside their line in the plot, or as legend entries (a
    /// small plot with several markers close together, where the labels would cover the data).
    pub marker_labels: MarkerLabels,
}

/// Where a view writes the labels of its markers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MarkerLabels {
    /// Beside each line, inside the plot.
    InPlot,
    /// In the legend.
    Legend,
}

/// Draws `chart`'s plot.
pub(crate) fn plot(ui: &mut Ui, chart: &Chart, view: View<'_>) {
    let ([x0, x1], [y0, y1]) = chart.bounds();
    let reference = palette::reference(ui.visuals());
    let mut plot = Plot::new(view.id)
        .height(common::plot_height(ui, view.height))
        .x_axis_label(chart.x.label.clone())
        .y_axis_label(chart.y.label.clone())
        .include_x(x0)
        .include_x(x1)
        .include_y(y0)
        .include_y(y1)
        .allow_scroll(false);
    plot = axis(plot, &chart.x.scale, axes::Direction::X);
    plot = axis(plot, &chart.y.scale, axes::Direction::Y);
    if let Some(corner) = view.legend {
        plot = plot.legend(common::legend().position(corner));
    }
    if let Some(hover) = view.hover {
        plot = plot.label_formatter(move |pos| hover(pos));
    }
    plot.show(ui, |plot_ui| {
        for (i, series) in chart.series.iter().enumerate() {
            let base = palette::c(series.color);
            let (color, width) = match series.emphasis {
                Emphasis::Focused => (base, 3.0),
                Emphasis::Normal => (base, 2.0),
                Emphasis::Muted => (palette::unfocused(base), 1.5),
            };
            let name = common::one_line(&series.name);
            match &series.shape {
                Shape::Line { points, dashed } => {
                    let mut line =
                        Line::new(name, PlotPoints::from(points.clone())).id(("series", i)).color(color).width(width);
                    if *dashed {
                        line = line.style(LineStyle::dashed_loose());
                    }
                    if series.emphasis == Emphasis::Focused {
                        line = line.fill(0.0).fill_alpha(0.12);
                    }
                    plot_ui.line(line);
                }
                Shape::Steps { points } => {
                    let stepped: Vec<[f64; 2]> = points
                        .windows(2)
                        .flat_map(|w| [w[0], [w[1][0], w[0][1]]])
                        .chain(points.last().copied())
                        .collect();
                    plot_ui
                        .line(Line::new(name, PlotPoints::from(stepped)).id(("series", i)).color(color).width(width));
                }
                Shape::Bars { bars, horizontal } => {
                    let fill = palette::bar_fill(color);
                    let bars = bars
                        .iter()
                        .map(|b| Bar::new(b.at, b.to - b.from).base_offset(b.from).width(b.width).fill(fill))
                        .collect();
                    let mut chart = BarChart::new(name, bars).id(("series", i)).color(color);
                    if *horizontal {
                        chart = chart.horizontal();
                    }
                    plot_ui.bar_chart(chart);
                }
                Shape::Band { x, low, high } => {
                    // A filled area between two curves: a band is rarely convex, which a polygon
                    // fill needs.
                    let area = FilledArea::new(name, x, low, high)
                        .id(("series", i))
                        .fill_color(color.gamma_multiply(0.3))
                        .stroke(egui::Stroke::NONE);
                    plot_ui.add(area);
                }
                Shape::Points { points } => {
                    let points = Points::new(name, PlotPoints::from(points.clone())).id(("series", i)).color(color);
                    plot_ui.points(points.radius(4.0).filled(true));
                }
            }
        }
        for (i, marker) in chart.markers.iter().enumerate() {
            let color = marker.color.map_or(reference, palette::c);
            let style = if marker.dashed { LineStyle::dashed_loose() } else { LineStyle::Solid };
            let in_legend = view.marker_labels == MarkerLabels::Legend && view.legend.is_some();
            let name = if in_legend { common::one_line(&marker.label) } else { String::new() };
            match marker.axis {
                MarkerAxis::X => {
                    plot_ui.vline(VLine::new(name, marker.at).id(("marker", i)).color(color).width(1.5).style(style));
                }
                MarkerAxis::Y => {
                    plot_ui.hline(HLine::new(name, marker.at).id(("marker", i)).color(color).width(1.0).style(style));
                }
            }
            if marker.label.is_empty() || in_legend {
                continue;
            }
            // Labels of vertical lines are stacked down from the top, so two close lines do not
            // print over each other; late ones are written to the left of their line.
            let (position, anchor) = match marker.axis {
                MarkerAxis::X => {
                    let y = y1 - (y1 - y0) * (0.04 + 0.08 * (i % 6) as f64);
                    let anchor = if marker.at > x0 + 0.6 * (x1 - x0) { Align2::RIGHT_TOP } else { Align2::LEFT_TOP };
                    (PlotPoint::new(marker.at, y), anchor)
                }
                MarkerAxis::Y => (PlotPoint::new(x1, marker.at), Align2::RIGHT_BOTTOM),
            };
            let text = Text::new("", position, common::annotation(format!(" {} ", marker.label), color).strong());
            plot_ui.text(text.id(("marker label", i)).anchor(anchor));
        }
    });
}

/// The grid and tick labels of an axis of `scale`.
fn axis<'a>(plot: Plot<'a>, scale: &Scale, direction: axes::Direction) -> Plot<'a> {
    let x = direction == axes::Direction::X;
    let (spacer, formatter): (axes::GridSpacer, axes::Formatter) = match scale {
        Scale::Month => (axes::month_grid(), Box::new(axes::month)),
        Scale::Money { .. } | Scale::Number { .. } => (axes::nice_grid(direction), Box::new(axes::compact)),
        Scale::Percent { signed: false } => (axes::nice_grid(direction), Box::new(axes::percent)),
        Scale::Percent { signed: true } => (axes::nice_grid(direction), Box::new(axes::signed_percent)),
        Scale::Factor => (axes::nice_grid(direction), Box::new(axes::multiple)),
        Scale::Categories(names) => {
            let names = names.clone();
            let spacer: axes::GridSpacer = Box::new(egui_plot::uniform_grid_spacer(|_| [1.0, 1.0, 1.0]));
            let formatter: axes::Formatter = Box::new(move |mark, _| {
                let scale = Scale::Categories(names.clone());
                crate::chart::ticks::label(&scale, mark.value, 1.0)
            });
            (spacer, formatter)
        }
    };
    if x {
        plot.x_grid_spacer(spacer).x_axis_formatter(formatter)
    } else {
        plot.y_grid_spacer(spacer).y_axis_formatter(formatter)
    }
}

/// The chart's legend as a row of swatches under its plot (for a plot whose legend would hide
/// its lines).
pub(crate) fn legend_row(ui: &mut Ui, chart: &Chart) {
    let entries: Vec<(String, egui::Color32)> =
        chart.legend().map(|s| (common::one_line(&s.name), palette::c(s.color))).collect();
    common::legend_row(ui, "", &entries);
}

/// The chart's notes under its plot, coloured by their tone.
pub(crate) fn notes(ui: &mut Ui, chart: &Chart) {
    for note in &chart.notes {
        let color = match note.tone {
            Tone::Plain => ui.visuals().text_color(),
            Tone::Bad => palette::SAVINGS_NEGATIVE,
            Tone::Caution => palette::CAUTION,
        };
        ui.add(egui::Label::new(RichText::new(note.text.as_str()).color(color)).wrap());
    }
}
