//! Cost against monthly volume, in steady state: where fixed cost turns variable, and the volume
//! at which each option stops paying (as `ui/charts/volume.rs` draws it, from the same curves).

use super::options::{focused_last, in_house_line, option_line};
use super::{BuildError, ChartData, one_line};
use crate::chart::{Axis, Chart, ChartKind, Marker, MarkerAxis, Note, Scale, Tone};
use crate::engine::volume_curve::{self, IN_HOUSE_BEHAVIOUR, vendor_behaviour};
use crate::format::compact;
use crate::palette;

pub(super) fn build(data: &ChartData) -> Result<Chart, BuildError> {
    let model = data.model;
    let options = &data.evaluation.options;
    let currency = one_line(&model.currency);
    let unit = one_line(&model.workload.unit);
    let base = model.workload.monthly_volume.base();
    let option_count = options.len().min(data.plan.option_count());
    let x_max = volume_curve::volume_range(model, data.evaluation);
    let curves = volume_curve::curves(model, data.plan, &data.plan.base_values(), x_max, option_count);

    let mut series = vec![in_house_line(curves.in_house)];
    for i in focused_last(data).into_iter().filter(|&i| i < option_count) {
        series.push(option_line(data, i, curves.options[i].clone()));
    }
    let today = format!("today: {} {unit}/month", compact(base));
    let mut markers = vec![Marker { axis: MarkerAxis::X, at: base, label: today, color: None, dashed: true }];
    for (i, o) in options.iter().enumerate().take(option_count) {
        if let Some(v) = o.break_even_volume {
            markers.push(Marker {
                axis: MarkerAxis::X,
                at: v,
                label: format!("break-even, {}: {} {unit}/month", one_line(&o.name), compact(v)),
                color: Some(palette::option(i)),
                dashed: true,
            });
        }
    }
    // What the window writes at the right end of each curve.
    let mut notes = vec![Note { text: format!("In-house: {IN_HOUSE_BEHAVIOUR}."), tone: Tone::Plain }];
    for (o, option) in options.iter().zip(&model.options).take(option_count) {
        notes.push(Note { text: format!("{}: {}.", one_line(&o.name), vendor_behaviour(option)), tone: Tone::Plain });
    }
    Ok(Chart {
        kind: ChartKind::Volume,
        title: "Cost against volume".to_owned(),
        caption: "Steady state at year-0 prices. In-house cost moves in steps of whole staff and is mostly fixed \
                  between steps; a vendor's cost follows the volume it handles."
            .to_owned(),
        x: Axis::new(format!("{unit} per month"), Scale::Number { unit }).including(0.0),
        y: Axis::new(format!("{currency} per month"), Scale::Money { currency }).including(0.0),
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
    use crate::engine::break_even::{in_house_cost_at, option_cost_at};

    fn points(chart: &Chart, name: &str) -> Vec<[f64; 2]> {
        let series = chart.series.iter().find(|s| s.name == name).expect("a curve of that name");
        match &series.shape {
            Shape::Line { points, .. } => points.clone(),
            other => panic!("{name} is a line, not {other:?}"),
        }
    }

    #[test]
    fn it_has_the_windows_title_and_axes_in_the_models_unit_and_currency() {
        let sample = Evaluated::contact_center();
        let chart = build(&sample.data(0)).expect("the sample charts");
        assert_eq!(chart.kind, ChartKind::Volume);
        assert_eq!(chart.title, "Cost against volume");
        assert!(chart.caption.starts_with("Steady state at year-0 prices."));
        assert_eq!(chart.x.label, "contacts per month");
        assert_eq!(chart.x.scale, Scale::Number { unit: "contacts".into() });
        assert_eq!(chart.y.label, "USD per month");
        assert_eq!(chart.y.scale, Scale::Money { currency: "USD".into() });
    }

    #[test]
    fn the_curves_are_the_engines_steady_state_costs() {
        let sample = Evaluated::contact_center();
        let chart = build(&sample.data(2)).expect("the sample charts");
        let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
        let options: Vec<&str> = sample.evaluation.options.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["In-house", options[0], options[1], options[2]]);
        assert_eq!(chart.series[3].emphasis, Emphasis::Focused);
        assert_eq!(chart.series[1].emphasis, Emphasis::Muted);
        let values = sample.plan.base_values();
        let in_house = points(&chart, "In-house");
        let base = sample.model.workload.monthly_volume.base();
        assert_eq!(in_house.first().map(|p| p[0]), Some(0.0));
        assert!(in_house.last().is_some_and(|p| p[0] >= 3.0 * base));
        for &[v, cost] in in_house.iter().step_by(97) {
            assert_eq!(cost, in_house_cost_at(&sample.plan, &values, v));
        }
        for (i, name) in options.iter().enumerate() {
            for &[v, cost] in points(&chart, name).iter().step_by(101) {
                assert_eq!(cost, option_cost_at(&sample.plan, i, &values, v));
            }
        }
    }

    #[test]
    fn today_and_each_break_even_volume_are_marked() {
        let sample = Evaluated::contact_center();
        let chart = build(&sample.data(0)).expect("the sample charts");
        let base = sample.model.workload.monthly_volume.base();
        let today = &chart.markers[0];
        assert_eq!((today.axis, today.at, today.color), (MarkerAxis::X, base, None));
        assert_eq!(today.label, format!("today: {} contacts/month", compact(base)));
        let mut crossing = 0;
        for (i, o) in sample.evaluation.options.iter().enumerate() {
            let found = chart.markers.iter().find(|m| m.label.contains(&format!("break-even, {}:", o.name)));
            match (o.break_even_volume, found) {
                (Some(v), Some(m)) => {
                    crossing += 1;
                    assert_eq!((m.at, m.color), (v, Some(palette::option(i))));
                    assert_eq!(m.label, format!("break-even, {}: {} contacts/month", o.name, compact(v)));
                }
                (None, None) => {}
                (v, m) => panic!("{}: break-even {v:?}, marker {m:?}", o.name),
            }
        }
        assert!(crossing > 0, "an option of the sample breaks even");
    }

    #[test]
    fn the_notes_say_how_each_cost_behaves() {
        let sample = Evaluated::contact_center();
        let chart = build(&sample.data(0)).expect("the sample charts");
        assert_eq!(chart.notes[0].text, "In-house: mostly fixed, steps of whole staff.");
        assert_eq!(chart.notes.len(), 1 + sample.model.options.len());
        let first = &sample.model.options[0];
        assert_eq!(chart.notes[1].text, format!("{}: {}.", first.name, vendor_behaviour(first)));
    }

    #[test]
    fn a_model_without_options_charts_in_house_alone() {
        let mut model = crate::model::samples::default_model().expect("the sample loads");
        model.options.clear();
        model.workload.unit = "tickets\n<b>".into();
        let sample = Evaluated::of(model);
        let chart = build(&sample.data(0)).expect("in-house alone still charts");
        assert_eq!(chart.series.len(), 1);
        assert_eq!(chart.markers.len(), 1, "today's volume only");
        assert_eq!(chart.x.label, "tickets <b> per month");
    }
}
