//! Monthly cost: in-house against every option, and what the focused option's cost is made of
//! (as `ui/charts/monthly_cost.rs` draws it).

use super::options::{by_month, focused_last, in_house_line, option_line};
use super::{BuildError, ChartData, one_line};
use crate::chart::{Axis, Bar, Chart, ChartKind, Emphasis, Scale, Series, Shape};
use crate::engine::OptionResult;
use crate::palette::{self, Rgb};

/// Width of a month's bar, in months.
const BAR_WIDTH: f64 = 0.7;

/// The components of an option's monthly cost, bottom of the stack first.
fn components(o: &OptionResult) -> [(&'static str, &[f64], Rgb); 4] {
    [
        ("Fees", &o.fees, palette::FEES),
        ("Retained", &o.retained, palette::RETAINED),
        ("Parallel running", &o.parallel, palette::PARALLEL),
        ("Hidden", &o.hidden, palette::HIDDEN),
    ]
}

pub(super) fn build(data: &ChartData) -> Result<Chart, BuildError> {
    let evaluation = data.evaluation;
    let currency = one_line(&data.model.currency);
    let focus = data.focused().and_then(|i| evaluation.options.get(i));
    let caption = match focus {
        Some(o) => format!("Lines: total cost per month. Bars: what {}'s cost is made of.", one_line(&o.name)),
        None => "Lines: total cost per month.".to_owned(),
    };
    let mut series = focus.map(stacked).unwrap_or_default();
    series.push(in_house_line(by_month(&evaluation.in_house.cost)));
    for i in focused_last(data) {
        series.push(option_line(data, i, by_month(&evaluation.options[i].cost)));
    }
    Ok(Chart {
        kind: ChartKind::MonthlyCost,
        title: "Monthly cost".to_owned(),
        caption,
        x: Axis::new("Month", Scale::Month).including(0.0),
        // Headroom above the data for the legend of the lines.
        y: Axis::new(format!("{currency} per month"), Scale::Money { currency })
            .including(0.0)
            .including(peak(data) * 1.3),
        series,
        markers: Vec::new(),
        notes: Vec::new(),
    })
}

/// The option's cost by part, one series of bars per part, each bar standing on the one below.
fn stacked(o: &OptionResult) -> Vec<Series> {
    let mut tops = vec![0.0; o.cost.len()];
    components(o)
        .into_iter()
        .map(|(name, values, color)| {
            let bars = tops
                .iter_mut()
                .zip(values)
                .enumerate()
                .map(|(t, (top, &value))| {
                    let from = *top;
                    *top += value;
                    Bar { at: (t + 1) as f64, from, to: *top, width: BAR_WIDTH }
                })
                .collect();
            Series {
                name: name.to_owned(),
                color,
                emphasis: Emphasis::Normal,
                shape: Shape::Bars { bars, horizontal: false },
            }
        })
        .collect()
}

/// The highest monthly cost drawn.
fn peak(data: &ChartData) -> f64 {
    let options = data.evaluation.options.iter().flat_map(|o| o.cost.iter());
    data.evaluation.in_house.cost.iter().chain(options).copied().fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Evaluated;
    use super::super::fixture::upright_bars as bars;
    use super::*;

    #[test]
    fn it_has_the_windows_title_caption_and_axes_in_the_models_currency() {
        let sample = Evaluated::contact_center();
        let chart = build(&sample.data(2)).expect("the sample charts");
        assert_eq!(chart.kind, ChartKind::MonthlyCost);
        assert_eq!(chart.title, "Monthly cost");
        let focus = &sample.evaluation.options[2].name;
        assert_eq!(chart.caption, format!("Lines: total cost per month. Bars: what {focus}'s cost is made of."));
        assert_eq!(chart.x, Axis::new("Month", Scale::Month).including(0.0));
        assert_eq!(chart.y.label, "USD per month");
        assert_eq!(chart.y.scale, Scale::Money { currency: "USD".into() });
        assert!(chart.y.include.contains(&0.0));
    }

    #[test]
    fn one_line_per_option_and_in_house_with_the_focused_option_on_top() {
        let sample = Evaluated::contact_center();
        let chart = build(&sample.data(0)).expect("the sample charts");
        let lines: Vec<&Series> = chart.series.iter().filter(|s| matches!(s.shape, Shape::Line { .. })).collect();
        let names: Vec<&str> = lines.iter().map(|s| s.name.as_str()).collect();
        let options: Vec<&str> = sample.evaluation.options.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["In-house", options[1], options[2], options[0]]);
        assert_eq!(lines[0].color, palette::IN_HOUSE);
        let last = lines.last().expect("the focused option's line");
        assert_eq!((last.color, last.emphasis), (palette::option(0), Emphasis::Focused));
        assert!(lines[1..3].iter().all(|s| s.emphasis == Emphasis::Muted));
        let Shape::Line { points, .. } = &last.shape else { unreachable!("filtered to lines") };
        assert_eq!(points.len(), sample.evaluation.in_house.cost.len());
        assert_eq!(points[0], [1.0, sample.evaluation.options[0].cost[0]], "month 0 ends at x = 1");
    }

    #[test]
    fn the_stacked_parts_add_up_to_the_focused_options_monthly_cost() {
        let sample = Evaluated::contact_center();
        let chart = build(&sample.data(1)).expect("the sample charts");
        let parts: Vec<&Series> = chart.series.iter().filter(|s| matches!(s.shape, Shape::Bars { .. })).collect();
        let names: Vec<&str> = parts.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Fees", "Retained", "Parallel running", "Hidden"]);
        let option = &sample.evaluation.options[1];
        for (t, &cost) in option.cost.iter().enumerate() {
            assert_eq!(bars(parts[0])[t].from, 0.0);
            for pair in parts.windows(2) {
                assert_eq!(
                    bars(pair[1])[t].from,
                    bars(pair[0])[t].to,
                    "month {t}: {} stands on {}",
                    pair[1].name,
                    pair[0].name
                );
            }
            let top = bars(parts[3])[t].to;
            assert!((top - cost).abs() <= 1e-9 * cost.abs().max(1.0), "month {t}: {top} against {cost}");
            assert_eq!(bars(parts[3])[t].at, (t + 1) as f64);
        }
        assert!(option.parallel.iter().any(|&p| p > 0.0), "the sample runs in parallel for a while");
    }

    #[test]
    fn a_model_without_options_still_charts_in_house() {
        let mut model = crate::model::samples::default_model().expect("the sample loads");
        model.options.clear();
        let sample = Evaluated::of(model);
        let chart = build(&sample.data(0)).expect("in-house alone still charts");
        assert_eq!(chart.caption, "Lines: total cost per month.");
        let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["In-house"]);
    }

    #[test]
    fn names_are_kept_on_one_line() {
        let mut model = crate::model::samples::default_model().expect("the sample loads");
        model.options[0].name = "Manila\npartner\t<script>".into();
        let sample = Evaluated::of(model);
        let chart = build(&sample.data(0)).expect("the sample charts");
        assert!(chart.series.iter().any(|s| s.name == "Manila partner <script>"));
        assert!(chart.caption.contains("what Manila partner <script>'s cost"));
        assert!(!chart.caption.contains('\n'));
    }
}
