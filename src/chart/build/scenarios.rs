//! The scenario comparison of the focused option, as the Scenarios tab's table reads it
//! (`ui/scenarios/compare.rs`): for the base model and each scenario, the option's total savings
//! and its NPV side by side. A scenario that cannot be applied is a note, not an empty place.

use super::{BuildError, ChartData, one_line};
use crate::chart::{Axis, Bar, Chart, ChartKind, Emphasis, Marker, MarkerAxis, Note, Scale, Series, Shape, Tone};
use crate::engine::OptionResult;
use crate::format;
use crate::palette;

/// The width of each of a scenario's two bars, in categories.
const BAR_WIDTH: f64 = 0.38;
/// How far each bar sits from its category's centre.
const OFFSET: f64 = 0.2;

pub(super) fn build(data: &ChartData) -> Result<Chart, BuildError> {
    let option = data.focused().ok_or(BuildError::NoOption)?;
    let rows = data.scenarios.ok_or(BuildError::Needs("the scenarios evaluated"))?;
    let mut names = Vec::new();
    let mut shown: Vec<&OptionResult> = Vec::new();
    let mut notes = Vec::new();
    for row in rows {
        match row.evaluation.as_ref().map(|e| e.options.get(option)) {
            Ok(Some(result)) => {
                names.push(one_line(&row.name));
                shown.push(result);
            }
            Ok(None) => notes.push(Note {
                text: format!("{}: this scenario has no such option.", one_line(&row.name)),
                tone: Tone::Caution,
            }),
            Err(reason) => notes.push(Note {
                text: format!("{} cannot be applied: {}", one_line(&row.name), one_line(reason)),
                tone: Tone::Bad,
            }),
        }
    }
    let bars = |offset: f64, value: fn(&OptionResult) -> f64| Shape::Bars {
        bars: (shown.iter().enumerate())
            .map(|(i, o)| Bar { at: i as f64 + offset, from: 0.0, to: value(o), width: BAR_WIDTH })
            .collect(),
        horizontal: false,
    };
    let series = vec![
        Series {
            name: "total savings".into(),
            color: palette::SERIES[0],
            emphasis: Emphasis::Normal,
            shape: bars(-OFFSET, |o| o.savings_total),
        },
        Series {
            name: "NPV".into(),
            color: palette::SERIES[1],
            emphasis: Emphasis::Normal,
            shape: bars(OFFSET, |o| o.npv),
        },
    ];
    let option_name = data.evaluation.options.get(option).map_or_else(String::new, |o| one_line(&o.name));
    let currency = &data.model.currency;
    Ok(Chart {
        kind: ChartKind::Scenarios,
        title: ChartKind::Scenarios.title().into(),
        caption: format!(
            "{option_name}: the savings over the horizon and their NPV, for the base model and each scenario \
             (the base model with some inputs replaced). Savings as a share of the in-house cost: {}.",
            (names.iter().zip(&shown))
                .map(|(name, o)| format!("{name} {}", format::or_dash(o.savings_pct, format::percent)))
                .collect::<Vec<_>>()
                .join(" · ")
        ),
        x: Axis::new("", Scale::Categories(names)),
        y: Axis::new(one_line(currency), Scale::Money { currency: currency.clone() }).including(0.0),
        series,
        markers: vec![Marker { axis: MarkerAxis::Y, at: 0.0, label: String::new(), color: None, dashed: false }],
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixture::upright_bars as bars;
    use super::super::tornado::sample::Sample;
    use super::*;
    use crate::engine::scenarios::{BASE_MODEL, ScenarioResults, compare};

    fn names(chart: &Chart) -> &[String] {
        match &chart.x.scale {
            Scale::Categories(names) => names,
            other => panic!("expected scenario names across, got {other:?}"),
        }
    }

    #[test]
    fn every_scenario_has_its_savings_and_npv_of_the_focused_option_as_two_bars() {
        let sample = Sample::new(1);
        let rows = compare(&sample.model);
        assert!(rows.len() > 1, "the sample has scenarios");
        let chart = build(&ChartData { scenarios: Some(&rows), ..sample.data() }).expect("a comparison");
        assert_eq!(chart.kind, ChartKind::Scenarios);
        assert_eq!(chart.title, "Scenario comparison");
        assert_eq!((chart.y.label.as_str(), &chart.y.scale), ("USD", &Scale::Money { currency: "USD".into() }));
        let names = names(&chart);
        assert_eq!(names.len(), rows.len());
        assert_eq!(names[0], BASE_MODEL);
        let (savings, npv) = (bars(&chart.series[0]), bars(&chart.series[1]));
        assert_eq!((savings.len(), npv.len()), (rows.len(), rows.len()));
        for (i, row) in rows.iter().enumerate() {
            let result = &row.evaluation.as_ref().expect("every sample scenario applies").options[1];
            assert_eq!(names[i], row.name);
            assert_eq!((savings[i].to, npv[i].to), (result.savings_total, result.npv));
            // Each scenario's two bars sit side by side within its own place.
            assert!(savings[i].at < i as f64 && (i as f64) < npv[i].at);
            assert!(npv[i].at + npv[i].width / 2.0 < i as f64 + 0.5);
        }
        assert!(chart.notes.is_empty());
    }

    #[test]
    fn a_scenario_that_cannot_be_applied_is_a_note_and_not_a_place_on_the_axis() {
        let sample = Sample::new(0);
        let mut rows = compare(&sample.model);
        rows.push(ScenarioResults { name: "Broken\nscenario".into(), evaluation: Err("no input x".into()) });
        let chart = build(&ChartData { scenarios: Some(&rows), ..sample.data() }).expect("a comparison");
        assert_eq!(names(&chart).len(), rows.len() - 1);
        assert_eq!(bars(&chart.series[0]).len(), rows.len() - 1);
        assert_eq!(
            chart.notes,
            vec![Note { text: "Broken scenario cannot be applied: no input x".into(), tone: Tone::Bad }]
        );
    }

    #[test]
    fn without_the_scenarios_evaluated_or_an_option_there_is_no_comparison() {
        let sample = Sample::new(0);
        assert_eq!(build(&sample.data()), Err(BuildError::Needs("the scenarios evaluated")));
        let mut model = sample.model.clone();
        model.options.clear();
        let empty = Sample::of(model, 0);
        let rows = compare(&empty.model);
        assert_eq!(build(&ChartData { scenarios: Some(&rows), ..empty.data() }), Err(BuildError::NoOption));
    }
}
