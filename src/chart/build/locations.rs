//! Onshore, nearshore and offshore side by side (as `ui/charts/locations.rs` draws it). The
//! window shows three small charts: cost per unit, savings and NPV. One chart has one value axis,
//! so this one draws the cost per unit against in-house and says the savings and the NPV of each
//! option in the notes under it.

use super::options::emphasis;
use super::{BuildError, ChartData, one_line};
use crate::chart::{Axis, Bar, Chart, ChartKind, Marker, MarkerAxis, Note, Scale, Series, Shape, Tone};
use crate::format::{compact_money, or_dash, percent};
use crate::model::Shore;
use crate::model::units::singular;
use crate::palette;

/// Share of a shore's slot its bars take, leaving a gap between shores.
const GROUP_WIDTH: f64 = 0.8;

pub(super) fn build(data: &ChartData) -> Result<Chart, BuildError> {
    let evaluation = data.evaluation;
    let currency = one_line(&data.model.currency);
    let unit = one_line(&data.model.workload.unit);
    let per = singular(&unit).to_owned();
    let shores = shores(data);
    let xs = positions(&shores);
    let width = (GROUP_WIDTH / evaluation.options.len().max(1) as f64).min(0.5) * 0.9;
    let series = evaluation
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| Series {
            name: one_line(&o.name),
            color: palette::option(i),
            emphasis: emphasis(data, i),
            shape: Shape::Bars {
                bars: o.cost_per_unit.map(|c| Bar { at: xs[i], from: 0.0, to: c, width }).into_iter().collect(),
                horizontal: false,
            },
        })
        .collect();
    let in_house = evaluation.in_house.cost_per_unit;
    let markers = in_house
        .map(|c| Marker {
            axis: MarkerAxis::Y,
            at: c,
            label: format!("in-house {currency} {c:.2}"),
            color: Some(palette::IN_HOUSE),
            dashed: true,
        })
        .into_iter()
        .collect();
    let mut notes: Vec<Note> = evaluation
        .options
        .iter()
        .zip(&shores)
        .map(|(o, shore)| Note {
            text: format!(
                "{}, {}: {} per {per}; {}; NPV of the savings {}.",
                one_line(&o.name),
                shore.label().to_lowercase(),
                or_dash(o.cost_per_unit, |c| format!("{currency} {c:.2}")),
                savings(o.savings_pct),
                compact_money(o.npv, &currency),
            ),
            tone: Tone::Plain,
        })
        .collect();
    for shore in Shore::ALL.into_iter().filter(|s| !shores.contains(s)) {
        notes.push(Note { text: format!("No {} option.", shore.label().to_lowercase()), tone: Tone::Plain });
    }
    let values = evaluation.options.iter().filter_map(|o| o.cost_per_unit);
    let highest = values.clone().chain(in_house).fold(0.0, f64::max);
    let lowest = values.fold(0.0, f64::min);
    Ok(Chart {
        kind: ChartKind::Locations,
        title: "Locations".to_owned(),
        caption: format!(
            "Each option grouped by where its delivery center is: its cost per {per}, against in-house \
             (the dashed line). What each saves and the NPV of the savings are under the chart."
        ),
        x: Axis::new("", Scale::Categories(Shore::ALL.iter().map(|s| s.label().to_owned()).collect())),
        // Room above (or below) each bar, where the window prints its value.
        y: Axis::new(format!("{currency} per {per}"), Scale::Money { currency: currency.clone() })
            .including(0.0)
            .including(highest * 1.2)
            .including(lowest * 1.2),
        series,
        markers,
        notes,
    })
}

/// What an option saves against in-house, in words: a loss reads as a cost, not a negative saving.
fn savings(share: Option<f64>) -> String {
    match share {
        Some(s) if s < 0.0 => format!("costs {} more than in-house", percent(-s)),
        Some(s) => format!("saves {} of in-house cost", percent(s)),
        None => "savings —".to_owned(),
    }
}

/// Each option's shore, in option order (an option the model no longer has counts as onshore,
/// as in the window).
fn shores(data: &ChartData) -> Vec<Shore> {
    let count = data.evaluation.options.len();
    (0..count).map(|i| data.model.options.get(i).map_or(Shore::Onshore, |o| o.shore)).collect()
}

/// The x of each option: options of one shore share that shore's slot, side by side.
fn positions(shores: &[Shore]) -> Vec<f64> {
    shores
        .iter()
        .enumerate()
        .map(|(i, shore)| {
            let slot = Shore::ALL.iter().position(|s| s == shore).unwrap_or(0);
            let peers: Vec<usize> = (0..shores.len()).filter(|&j| shores[j] == *shore).collect();
            let rank = peers.iter().position(|&j| j == i).unwrap_or(0);
            let width = GROUP_WIDTH / peers.len() as f64;
            slot as f64 - GROUP_WIDTH / 2.0 + width * (rank as f64 + 0.5)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Evaluated;
    use super::*;
    use crate::chart::Emphasis;

    fn bar(series: &Series) -> Option<Bar> {
        match &series.shape {
            Shape::Bars { bars, horizontal: false } => bars.first().copied(),
            other => panic!("{} is an upright bar, not {other:?}", series.name),
        }
    }

    #[test]
    fn it_has_the_windows_title_the_shores_and_a_cost_axis_in_the_models_currency() {
        let sample = Evaluated::contact_center();
        let chart = build(&sample.data(0)).expect("the sample charts");
        assert_eq!(chart.kind, ChartKind::Locations);
        assert_eq!(chart.title, "Locations");
        assert!(chart.caption.starts_with("Each option grouped by where its delivery center is"));
        assert_eq!(chart.x.scale, Scale::Categories(vec!["Onshore".into(), "Nearshore".into(), "Offshore".into()]));
        assert_eq!(chart.y.label, "USD per contact");
        assert_eq!(chart.y.scale, Scale::Money { currency: "USD".into() });
    }

    #[test]
    fn each_option_is_a_bar_of_its_cost_per_unit_over_its_shore() {
        let sample = Evaluated::contact_center();
        let chart = build(&sample.data(1)).expect("the sample charts");
        assert_eq!(chart.series.len(), sample.evaluation.options.len());
        for (i, (series, o)) in chart.series.iter().zip(&sample.evaluation.options).enumerate() {
            assert_eq!(series.name, o.name);
            assert_eq!(series.color, palette::option(i));
            let expected = if i == 1 { Emphasis::Focused } else { Emphasis::Muted };
            assert_eq!(series.emphasis, expected);
            let bar = bar(series).expect("the sample has volume, so a cost per unit");
            assert_eq!((bar.from, Some(bar.to)), (0.0, o.cost_per_unit));
            let slot = Shore::ALL.iter().position(|&s| s == sample.model.options[i].shore).expect("a shore");
            assert!((bar.at - slot as f64).abs() < 0.5, "{} sits over its shore", o.name);
        }
        let in_house = sample.evaluation.in_house.cost_per_unit.expect("in-house has volume");
        assert_eq!(chart.markers[0].at, in_house);
        assert_eq!(chart.markers[0].label, format!("in-house USD {in_house:.2}"));
    }

    #[test]
    fn two_options_on_one_shore_stand_side_by_side_within_it() {
        let xs = positions(&[Shore::Offshore, Shore::Onshore, Shore::Offshore]);
        assert!((xs[1] - 0.0).abs() < 1e-12);
        assert!(xs[0] < xs[2] && xs[0] > 1.5 && xs[2] < 2.5, "{xs:?}");
    }

    #[test]
    fn the_notes_say_what_each_option_saves_and_which_shore_has_none() {
        let mut model = crate::model::samples::default_model().expect("the sample loads");
        model.options.retain(|o| o.shore != Shore::Nearshore);
        model.options[0].name = "US\r\noutsourcer".into();
        let sample = Evaluated::of(model);
        let chart = build(&sample.data(0)).expect("the sample charts");
        let o = &sample.evaluation.options[0];
        let first = &chart.notes[0].text;
        assert!(first.starts_with("US  outsourcer, onshore: USD "), "{first}");
        assert!(first.contains(&savings(o.savings_pct)), "{first}");
        assert!(first.contains(&compact_money(o.npv, "USD")), "{first}");
        assert_eq!(chart.notes.last().map(|n| n.text.as_str()), Some("No nearshore option."));
    }

    #[test]
    fn a_loss_reads_as_a_cost_not_a_negative_saving() {
        assert_eq!(savings(Some(0.414)), "saves 41.4 % of in-house cost");
        assert_eq!(savings(Some(-0.005)), "costs 0.5 % more than in-house");
        assert_eq!(savings(None), "savings —");
    }

    #[test]
    fn a_model_without_options_shows_in_house_and_three_empty_shores() {
        let mut model = crate::model::samples::default_model().expect("the sample loads");
        model.options.clear();
        let sample = Evaluated::of(model);
        let chart = build(&sample.data(0)).expect("in-house alone still charts");
        assert!(chart.series.is_empty());
        assert_eq!(chart.markers.len(), 1);
        assert_eq!(chart.notes.len(), 3);
    }
}
