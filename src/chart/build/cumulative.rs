//! Cumulative savings: when each option has paid back what it cost to move (as
//! `ui/charts/cumulative.rs` draws it).

use super::options::{by_month, focused_last, option_line};
use super::{BuildError, ChartData, one_line};
use crate::chart::{Axis, Chart, ChartKind, Marker, MarkerAxis, Note, Scale, Tone};
use crate::format::months;
use crate::palette;

pub(super) fn build(data: &ChartData) -> Result<Chart, BuildError> {
    let options = &data.evaluation.options;
    let currency = one_line(&data.model.currency);
    let mut series = Vec::new();
    let mut markers = vec![Marker { axis: MarkerAxis::Y, at: 0.0, label: String::new(), color: None, dashed: false }];
    for i in focused_last(data) {
        let o = &options[i];
        series.push(option_line(data, i, by_month(&o.cumulative_savings)));
        if let Some(k) = o.payback_months {
            markers.push(Marker {
                axis: MarkerAxis::X,
                at: f64::from(k),
                label: format!("{}: payback {}", one_line(&o.name), months(k)),
                color: Some(palette::option(i)),
                dashed: true,
            });
        }
    }
    let never: Vec<String> = options.iter().filter(|o| o.payback_months.is_none()).map(|o| one_line(&o.name)).collect();
    let notes = if never.is_empty() {
        Vec::new()
    } else {
        vec![Note { text: format!("No payback within the horizon: {}.", never.join(", ")), tone: Tone::Bad }]
    };
    Ok(Chart {
        kind: ChartKind::Cumulative,
        title: "Cumulative savings".to_owned(),
        caption: "Savings added up month by month. Above zero the move has paid for itself; \
                  the dashed line marks each option's payback month."
            .to_owned(),
        x: Axis::new("Month", Scale::Month).including(0.0),
        y: Axis::new(format!("{currency}, cumulative"), Scale::Money { currency }).including(0.0),
        series,
        markers,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Evaluated;
    use super::*;
    use crate::chart::{Emphasis, Shape};
    use crate::model::Estimate;

    #[test]
    fn it_has_the_windows_title_and_axes_in_the_models_currency() {
        let sample = Evaluated::contact_center();
        let chart = build(&sample.data(0)).expect("the sample charts");
        assert_eq!(chart.kind, ChartKind::Cumulative);
        assert_eq!(chart.title, "Cumulative savings");
        assert!(chart.caption.contains("payback month"));
        assert_eq!(chart.x, Axis::new("Month", Scale::Month).including(0.0));
        assert_eq!(chart.y.label, "USD, cumulative");
        assert_eq!(chart.y.scale, Scale::Money { currency: "USD".into() });
        let zero = &chart.markers[0];
        assert_eq!((zero.axis, zero.at, zero.color), (MarkerAxis::Y, 0.0, None));
    }

    #[test]
    fn one_line_per_option_the_focused_one_last() {
        let sample = Evaluated::contact_center();
        let chart = build(&sample.data(1)).expect("the sample charts");
        let options = &sample.evaluation.options;
        let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, [&options[0].name, &options[2].name, &options[1].name]);
        let emphases: Vec<Emphasis> = chart.series.iter().map(|s| s.emphasis).collect();
        assert_eq!(emphases, [Emphasis::Muted, Emphasis::Muted, Emphasis::Focused]);
        assert_eq!(chart.series[2].color, palette::option(1));
        let Shape::Line { points, .. } = &chart.series[2].shape else { panic!("savings are a line") };
        let last = options[1].cumulative_savings.len();
        assert_eq!(points[last - 1], [last as f64, options[1].cumulative_savings[last - 1]]);
    }

    #[test]
    fn each_payback_month_is_marked_where_the_option_pays_back() {
        let sample = Evaluated::contact_center();
        let chart = build(&sample.data(0)).expect("the sample charts");
        let paying: Vec<_> =
            sample.evaluation.options.iter().enumerate().filter(|(_, o)| o.payback_months.is_some()).collect();
        assert!(!paying.is_empty(), "an option of the sample pays back");
        for (i, o) in paying {
            let k = o.payback_months.expect("filtered");
            let label = format!("{}: payback {}", o.name, months(k));
            let marker = chart.markers.iter().find(|m| m.label == label).expect("a payback marker");
            assert_eq!((marker.axis, marker.at, marker.dashed), (MarkerAxis::X, f64::from(k), true));
            assert_eq!(marker.color, Some(palette::option(i)));
            // Month k ends at x = k: the savings up to it are no longer negative.
            assert!(o.cumulative_savings[k as usize - 1] >= 0.0);
        }
    }

    #[test]
    fn an_option_that_never_pays_back_is_named_in_a_note() {
        let mut model = crate::model::samples::default_model().expect("the sample loads");
        model.options[0].name = "Dear\nvendor".into();
        model.options[0].minimum_monthly = Estimate::Fixed(1e9);
        let sample = Evaluated::of(model);
        let chart = build(&sample.data(0)).expect("the sample charts");
        assert_eq!(sample.evaluation.options[0].payback_months, None);
        let note = chart.notes.first().expect("a note on the missing payback");
        assert_eq!(note.text, "No payback within the horizon: Dear vendor.");
        assert_eq!(note.tone, Tone::Bad);
        assert!(!chart.markers.iter().any(|m| m.label.contains("Dear")));
    }

    #[test]
    fn a_model_without_options_charts_only_the_zero_line() {
        let mut model = crate::model::samples::default_model().expect("the sample loads");
        model.options.clear();
        let sample = Evaluated::of(model);
        let chart = build(&sample.data(0)).expect("an empty chart still builds");
        assert!(chart.series.is_empty() && chart.notes.is_empty());
        assert_eq!(chart.markers.len(), 1);
    }
}
