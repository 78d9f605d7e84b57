//! Fixed against variable cost over the horizon: how much of each cost would move with volume.

use egui::{Align2, Ui};
use egui_plot::{Bar, BarChart, GridMark, Plot, PlotPoint, Text};

use super::ChartInput;
use super::axes;
use super::common::{self, PLOT_HEIGHT};
use crate::format::{compact_money, percent};
use crate::ui::palette;

/// What egui_plot calls to label a hovered bar.
type BarFormatter = Box<dyn Fn(&Bar, &BarChart) -> String>;

/// One bar of the chart: who, fixed total, variable total.
struct Column {
    name: String,
    color: egui::Color32,
    /// Fixed whatever the volume.
    fixed: f64,
    /// In-house staff sized for the peak: fixed within a year, stepping with volume.
    step_fixed: f64,
    variable: f64,
}

impl Column {
    fn total(&self) -> f64 {
        self.fixed + self.step_fixed + self.variable
    }
}

fn columns(input: &ChartInput) -> Vec<Column> {
    let h = &input.evaluation.in_house;
    let mut columns = vec![Column {
        name: "In-house".into(),
        color: palette::IN_HOUSE,
        fixed: h.fixed_total - h.step_fixed_total,
        step_fixed: h.step_fixed_total,
        variable: h.variable_total,
    }];
    columns.extend(input.evaluation.options.iter().enumerate().map(|(i, o)| Column {
        name: common::one_line(&o.name),
        color: palette::option(i),
        fixed: o.fixed_total,
        step_fixed: 0.0,
        variable: o.variable_total,
    }));
    columns
}

/// Draws the fixed-against-variable chart.
pub fn show(ui: &mut Ui, input: &ChartInput) {
    let months = input.evaluation.in_house.cost.len();
    let mut caption = format!(
        "Totals over the {months}-month horizon. Fixed cost is paid whatever the volume; \
         variable cost moves with it."
    );
    if input.evaluation.in_house.step_fixed_total > 0.0 {
        caption.push_str(
            " In-house staff are sized for each year's busiest month: fixed within the year, they step \
             up and down with the volume from year to year (the staircase under Cost against volume), \
             so they are shown as step-fixed, part of the fixed share.",
        );
    }
    common::chart_frame(ui, input, crate::chart::ChartKind::FixedVariable, &caption, |ui| {
        plot(ui, input);
        // The same shares in words: readable where the axis drops names for lack of room, and by
        // a screen reader, which cannot read the plot.
        ui.horizontal_wrapped(|ui| {
            for c in columns(input) {
                let total = c.total();
                if total > 0.0 {
                    let mut text = format!("{}: {} fixed", c.name, percent((c.fixed + c.step_fixed) / total));
                    if c.step_fixed > 0.0 {
                        text.push_str(&format!(" ({} staff sized for the peak)", percent(c.step_fixed / total)));
                    }
                    ui.label(egui::RichText::new(text).color(c.color));
                    ui.add_space(8.0);
                }
            }
        });
    });
}

fn plot(ui: &mut Ui, input: &ChartInput) {
    let currency = input.model.currency.clone();
    let columns = columns(input);
    let names: Vec<String> = columns.iter().map(|c| c.name.clone()).collect();
    let totals: Vec<f64> = columns.iter().map(Column::total).collect();
    let months = input.evaluation.in_house.cost.len();
    let bar = |x: usize, y: f64, c: &Column| Bar::new(x as f64, y).name(&c.name).width(0.6);
    let fixed_bars = columns.iter().enumerate().map(|(x, c)| bar(x, c.fixed, c).fill(palette::FIXED)).collect();
    let step_bars =
        columns.iter().enumerate().map(|(x, c)| bar(x, c.step_fixed, c).fill(palette::STEP_FIXED)).collect();
    let variable_bars =
        columns.iter().enumerate().map(|(x, c)| bar(x, c.variable, c).fill(palette::VARIABLE)).collect();
    let any_step = columns.iter().any(|c| c.step_fixed > 0.0);
    let formatter = move |part: &'static str| -> BarFormatter {
        let currency = currency.clone();
        let totals = totals.clone();
        Box::new(move |bar: &Bar, _| {
            let total = totals.get(bar.argument.round() as usize).copied().unwrap_or(0.0);
            let share = if total != 0.0 { format!(" ({})", percent(bar.value / total)) } else { String::new() };
            format!("{}\n{part}: {}{share}", bar.name, compact_money(bar.value, &currency))
        })
    };
    let fixed = BarChart::new("Fixed", fixed_bars).color(palette::FIXED).element_formatter(formatter("Fixed"));
    let step = BarChart::new("Step-fixed (staff sized for the peak)", step_bars)
        .color(palette::STEP_FIXED)
        .element_formatter(formatter("Step-fixed"))
        .stack_on(&[&fixed]);
    let variable = BarChart::new("Variable", variable_bars)
        .color(palette::VARIABLE)
        .element_formatter(formatter("Variable"))
        .stack_on(&[&fixed, &step]);
    let count = columns.len();
    let totals_max = columns.iter().map(Column::total).fold(0.0, f64::max);
    // The legend above the plot: bars fill it from the left, where an in-plot legend would sit.
    let mut entries = vec![("Fixed".to_owned(), palette::FIXED)];
    if any_step {
        entries.push(("Step-fixed (staff sized for the peak)".to_owned(), palette::STEP_FIXED));
    }
    entries.push(("Variable".to_owned(), palette::VARIABLE));
    common::legend_row(ui, "", &entries);
    Plot::new("fixed_variable")
        .height(crate::ui::charts::common::plot_height(ui, PLOT_HEIGHT))
        .y_axis_label(format!("{} over {months} months", input.model.currency))
        .x_axis_formatter(move |mark: GridMark, _| name_at(&names, mark.value))
        .y_grid_spacer(axes::nice_grid(axes::Direction::Y))
        .y_axis_formatter(axes::compact)
        .include_y(0.0)
        // Room above the tallest bar for its "% fixed" label.
        .include_y(totals_max * 1.12)
        .include_x(-0.6)
        .include_x(count as f64 - 0.4)
        .allow_scroll(false)
        .show(ui, |plot_ui| {
            plot_ui.bar_chart(fixed);
            if any_step {
                plot_ui.bar_chart(step);
            }
            plot_ui.bar_chart(variable);
            for (x, c) in columns.iter().enumerate() {
                let total = c.total();
                if total > 0.0 {
                    let text = format!("{} fixed", percent((c.fixed + c.step_fixed) / total));
                    plot_ui.text(
                        Text::new("", PlotPoint::new(x as f64, total), common::annotation(text, c.color).strong())
                            .id(("share", x))
                            .anchor(Align2::CENTER_BOTTOM),
                    );
                }
            }
        });
}

/// The name under an integer x tick; nothing between bars.
fn name_at(names: &[String], x: f64) -> String {
    if x.fract() != 0.0 || x < 0.0 {
        return String::new();
    }
    names.get(x as usize).cloned().unwrap_or_default()
}
