//! Fixed against variable cost over the horizon: how much of each cost would move with volume
//! (as `ui/charts/fixed_variable.rs` draws it; the rules are in `docs/figures.md`).

use super::{BuildError, ChartData, one_line};
use crate::chart::{Axis, Bar, Chart, ChartKind, Emphasis, Note, Scale, Series, Shape, Tone};
use crate::format::percent;
use crate::palette::{self, Rgb};

/// Width of a bar, in categories.
const BAR_WIDTH: f64 = 0.6;

/// A part of the stacked bars: its name, colour and value in a column.
type Part = (&'static str, Rgb, fn(&Column) -> f64);

/// One bar of the chart: who, and their totals by part.
struct Column {
    name: String,
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

fn columns(data: &ChartData) -> Vec<Column> {
    let h = &data.evaluation.in_house;
    let mut columns = vec![Column {
        name: "In-house".into(),
        fixed: h.fixed_total - h.step_fixed_total,
        step_fixed: h.step_fixed_total,
        variable: h.variable_total,
    }];
    columns.extend(data.evaluation.options.iter().map(|o| Column {
        name: one_line(&o.name),
        fixed: o.fixed_total,
        step_fixed: 0.0,
        variable: o.variable_total,
    }));
    columns
}

pub(super) fn build(data: &ChartData) -> Result<Chart, BuildError> {
    let currency = one_line(&data.model.currency);
    let months = data.evaluation.in_house.cost.len();
    let columns = columns(data);
    let any_step = columns.iter().any(|c| c.step_fixed > 0.0);
    let mut caption = format!(
        "Totals over the {months}-month horizon. Fixed cost is paid whatever the volume; \
         variable cost moves with it."
    );
    if data.evaluation.in_house.step_fixed_total > 0.0 {
        caption.push_str(
            " In-house staff are sized for each year's busiest month: fixed within the year, they step \
             up and down with the volume from year to year (the staircase under Cost against volume), \
             so they are shown as step-fixed, part of the fixed share.",
        );
    }
    let mut parts: Vec<Part> = vec![("Fixed", palette::FIXED, |c| c.fixed)];
    if any_step {
        parts.push(("Step-fixed (staff sized for the peak)", palette::STEP_FIXED, |c| c.step_fixed));
    }
    parts.push(("Variable", palette::VARIABLE, |c| c.variable));
    let mut tops = vec![0.0; columns.len()];
    let series = parts
        .into_iter()
        .map(|(name, color, value)| {
            let bars = columns
                .iter()
                .zip(&mut tops)
                .enumerate()
                .map(|(x, (column, top))| {
                    let from = *top;
                    *top += value(column);
                    Bar { at: x as f64, from, to: *top, width: BAR_WIDTH }
                })
                .collect();
            Series {
                name: name.to_owned(),
                color,
                emphasis: Emphasis::Normal,
                shape: Shape::Bars { bars, horizontal: false },
            }
        })
        .collect();
    // The shares in words: what the window prints above each bar and under the chart.
    let notes = columns
        .iter()
        .filter(|c| c.total() > 0.0)
        .map(|c| {
            let total = c.total();
            let mut text = format!("{}: {} fixed", c.name, percent((c.fixed + c.step_fixed) / total));
            if c.step_fixed > 0.0 {
                text.push_str(&format!(" ({} staff sized for the peak)", percent(c.step_fixed / total)));
            }
            Note { text, tone: Tone::Plain }
        })
        .collect();
    let totals_max = columns.iter().map(Column::total).fold(0.0, f64::max);
    Ok(Chart {
        kind: ChartKind::FixedVariable,
        title: "Fixed and variable cost".to_owned(),
        caption,
        x: Axis::new("", Scale::Categories(columns.into_iter().map(|c| c.name).collect())),
        // Room above the tallest bar for its "% fixed" label.
        y: Axis::new(format!("{currency} over {months} months"), Scale::Money { currency })
            .including(0.0)
            .including(totals_max * 1.12),
        series,
        markers: Vec::new(),
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Evaluated;
    use super::super::fixture::upright_bars as bars;
    use super::*;

    #[test]
    fn it_has_the_windows_title_one_category_per_party_and_a_money_axis() {
        let sample = Evaluated::contact_center();
        let chart = build(&sample.data(0)).expect("the sample charts");
        assert_eq!(chart.kind, ChartKind::FixedVariable);
        assert_eq!(chart.title, "Fixed and variable cost");
        assert!(chart.caption.starts_with("Totals over the 36-month horizon."));
        assert!(chart.caption.contains("step-fixed"), "the sample sizes staff for the peak");
        let mut names = vec!["In-house".to_owned()];
        names.extend(sample.evaluation.options.iter().map(|o| o.name.clone()));
        assert_eq!(chart.x.scale, Scale::Categories(names));
        assert_eq!(chart.y.label, "USD over 36 months");
        assert_eq!(chart.y.scale, Scale::Money { currency: "USD".into() });
    }

    #[test]
    fn the_parts_stack_up_to_each_total() {
        let sample = Evaluated::contact_center();
        let chart = build(&sample.data(0)).expect("the sample charts");
        let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Fixed", "Step-fixed (staff sized for the peak)", "Variable"]);
        let colors: Vec<Rgb> = chart.series.iter().map(|s| s.color).collect();
        assert_eq!(colors, [palette::FIXED, palette::STEP_FIXED, palette::VARIABLE]);
        let in_house = &sample.evaluation.in_house;
        let mut totals = vec![in_house.total];
        totals.extend(sample.evaluation.options.iter().map(|o| o.total));
        for (x, total) in totals.iter().enumerate() {
            assert_eq!(bars(&chart.series[0])[x].from, 0.0);
            assert_eq!(bars(&chart.series[1])[x].from, bars(&chart.series[0])[x].to);
            assert_eq!(bars(&chart.series[2])[x].from, bars(&chart.series[1])[x].to);
            let top = bars(&chart.series[2])[x].to;
            assert!((top - total).abs() <= 1e-6 * total, "column {x}: {top} against {total}");
            assert_eq!(bars(&chart.series[2])[x].at, x as f64);
        }
        let step = bars(&chart.series[1]);
        assert_eq!(step[0].to - step[0].from, in_house.step_fixed_total);
        assert!(step[1..].iter().all(|b| b.to == b.from), "vendors have no step-fixed part");
    }

    #[test]
    fn the_notes_give_each_fixed_share() {
        let sample = Evaluated::contact_center();
        let chart = build(&sample.data(0)).expect("the sample charts");
        let h = &sample.evaluation.in_house;
        let in_house = format!(
            "In-house: {} fixed ({} staff sized for the peak)",
            percent(h.fixed_total / h.total),
            percent(h.step_fixed_total / h.total)
        );
        assert_eq!(chart.notes[0].text, in_house);
        let o = &sample.evaluation.options[0];
        assert_eq!(chart.notes[1].text, format!("{}: {} fixed", o.name, percent(o.fixed_total / o.total)));
    }

    #[test]
    fn without_step_fixed_staff_there_is_no_step_fixed_part() {
        let mut model = crate::model::samples::default_model().expect("the sample loads");
        model.options.clear();
        model.in_house.staffing = crate::model::Staffing::Flexible;
        let sample = Evaluated::of(model);
        let chart = build(&sample.data(0)).expect("in-house alone still charts");
        let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Fixed", "Variable"]);
        assert!(!chart.caption.contains("step-fixed"));
        assert_eq!(chart.x.scale, Scale::Categories(vec!["In-house".into()]));
    }
}
