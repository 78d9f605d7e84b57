//! The rate card as a chart: the rate to compare, cost per productive FTE-month, of in-house and
//! each option, plan year by plan year. The window shows it as a table, one plan year at a time
//! (`ui/charts/rate_card.rs`), with the focused option's rate against in-house in one sentence;
//! those sentences are the notes here, one per plan year. The rules are in `docs/figures.md`.

use super::options::emphasis;
use super::{BuildError, ChartData, one_line};
use crate::chart::{Axis, Bar, Chart, ChartKind, Emphasis, Note, Scale, Series, Shape, Tone};
use crate::engine::{Rate, RateYear};
use crate::format::{cheaper, thousands};
use crate::palette;

/// Share of a plan year's slot its bars take, leaving a gap between years.
const GROUP_WIDTH: f64 = 0.8;

pub(super) fn build(data: &ChartData) -> Result<Chart, BuildError> {
    let card = &data.evaluation.rate_card;
    if card.years.is_empty() {
        return Err(BuildError::Nothing("The horizon has no plan year to show rates for.".to_owned()));
    }
    let currency = one_line(&data.model.currency);
    let parties = 1 + data.evaluation.options.len();
    let slot = GROUP_WIDTH / parties as f64;
    let bars = |party: usize, rate: fn(&RateYear, usize) -> Option<&Rate>| -> Shape {
        let bars = card
            .years
            .iter()
            .enumerate()
            .filter_map(|(y, year)| {
                let value = rate(year, party)?.per_productive_fte_month?;
                let at = y as f64 - GROUP_WIDTH / 2.0 + slot * (party as f64 + 0.5);
                Some(Bar { at, from: 0.0, to: value, width: slot * 0.9 })
            })
            .collect();
        Shape::Bars { bars, horizontal: false }
    };
    let mut series = vec![Series {
        name: "In-house".to_owned(),
        color: palette::IN_HOUSE,
        emphasis: Emphasis::Normal,
        shape: bars(0, |year, _| Some(&year.in_house)),
    }];
    for (i, o) in data.evaluation.options.iter().enumerate() {
        series.push(Series {
            name: one_line(&o.name),
            color: palette::option(i),
            emphasis: emphasis(data, i),
            shape: bars(i + 1, |year, party| year.options.get(party - 1)),
        });
    }
    let years = card
        .years
        .iter()
        .map(|y| if y.months == 12 { format!("{}", y.year) } else { format!("{} ({} mo)", y.year, y.months) })
        .collect();
    Ok(Chart {
        kind: ChartKind::RateCard,
        title: "Rate card".to_owned(),
        caption: format!(
            "Labour rates in {currency} per productive FTE-month, the rate to compare: cost per paid \
             FTE-month divided by productivity. Parallel running and hidden costs are not in the rates; \
             they are in the totals."
        ),
        x: Axis::new("Plan year", Scale::Categories(years)),
        y: Axis::new(format!("{currency} per productive FTE-month"), Scale::Money { currency: currency.clone() })
            .including(0.0),
        series,
        markers: Vec::new(),
        notes: card.years.iter().filter_map(|year| headline(data, year, &currency)).collect(),
    })
}

/// The focused option's rate against in-house in plan year `year`, in one sentence.
fn headline(data: &ChartData, year: &RateYear, currency: &str) -> Option<Note> {
    let i = data.focused()?;
    let (name, rate) = (one_line(&data.evaluation.options.get(i)?.name), year.options.get(i)?);
    let vendor = rate.per_productive_fte_month?;
    let in_house = year.in_house.per_productive_fte_month?;
    let c = currency;
    let mut text = format!(
        "Plan year {}: {name} at {c} {} against {c} {} in-house per productive FTE-month",
        year.year,
        thousands(vendor),
        thousands(in_house)
    );
    if let Some(share) = rate.cheaper_than(&year.in_house) {
        text.push_str(&format!(" ({})", cheaper(share)));
    }
    text.push('.');
    Some(Note { text, tone: Tone::Plain })
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Evaluated;
    use super::super::fixture::upright_bars as bars;
    use super::*;

    #[test]
    fn it_has_a_title_the_plan_years_and_a_rate_axis_in_the_models_currency() {
        let sample = Evaluated::contact_center();
        let chart = build(&sample.data(0)).expect("the sample charts");
        assert_eq!(chart.kind, ChartKind::RateCard);
        assert_eq!(chart.title, "Rate card");
        assert!(chart.caption.starts_with("Labour rates in USD per productive FTE-month"));
        assert_eq!(chart.x.label, "Plan year");
        assert_eq!(chart.x.scale, Scale::Categories(vec!["1".into(), "2".into(), "3".into()]));
        assert_eq!(chart.y.label, "USD per productive FTE-month");
        assert_eq!(chart.y.scale, Scale::Money { currency: "USD".into() });
    }

    #[test]
    fn each_party_has_a_bar_per_plan_year_at_its_rate_to_compare() {
        let sample = Evaluated::contact_center();
        let chart = build(&sample.data(2)).expect("the sample charts");
        let card = &sample.evaluation.rate_card;
        let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
        let options: Vec<&str> = sample.evaluation.options.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["In-house", options[0], options[1], options[2]]);
        assert_eq!(chart.series[0].color, palette::IN_HOUSE);
        assert_eq!(chart.series[3].emphasis, Emphasis::Focused);
        assert_eq!(chart.series[1].emphasis, Emphasis::Muted);
        for (y, year) in card.years.iter().enumerate() {
            let rates = std::iter::once(&year.in_house).chain(&year.options);
            for (series, rate) in chart.series.iter().zip(rates) {
                let bar = bars(series)[y];
                assert_eq!((bar.from, Some(bar.to)), (0.0, rate.per_productive_fte_month), "{}", series.name);
                assert!((bar.at - y as f64).abs() < 0.5, "{}'s bar sits in plan year {}", series.name, y + 1);
            }
        }
        let in_house_first = bars(&chart.series[0])[0].at;
        assert!(in_house_first < bars(&chart.series[1])[0].at, "in-house leads each year's group");
    }

    #[test]
    fn the_notes_give_the_focused_options_rate_against_in_house_each_year() {
        let sample = Evaluated::contact_center();
        let chart = build(&sample.data(2)).expect("the sample charts");
        let year = &sample.evaluation.rate_card.years[0];
        let rate = &year.options[2];
        let expected = format!(
            "Plan year 1: {} at USD {} against USD {} in-house per productive FTE-month ({}).",
            sample.evaluation.options[2].name,
            thousands(rate.per_productive_fte_month.expect("the vendor works")),
            thousands(year.in_house.per_productive_fte_month.expect("in-house works")),
            cheaper(rate.cheaper_than(&year.in_house).expect("both have rates")),
        );
        assert_eq!(chart.notes[0].text, expected);
        assert_eq!(chart.notes.len(), sample.evaluation.rate_card.years.len());
    }

    #[test]
    fn a_short_last_year_says_how_many_months_it_has() {
        let mut model = crate::model::samples::default_model().expect("the sample loads");
        model.horizon_months = 30;
        let sample = Evaluated::of(model);
        let chart = build(&sample.data(0)).expect("the sample charts");
        assert_eq!(chart.x.scale, Scale::Categories(vec!["1".into(), "2".into(), "3 (6 mo)".into()]));
    }

    #[test]
    fn a_model_without_options_charts_in_house_alone() {
        let mut model = crate::model::samples::default_model().expect("the sample loads");
        model.options.clear();
        let sample = Evaluated::of(model);
        let chart = build(&sample.data(0)).expect("in-house alone still charts");
        assert_eq!(chart.series.len(), 1);
        assert_eq!(bars(&chart.series[0]).len(), 3);
        assert!(chart.notes.is_empty());
    }
}
