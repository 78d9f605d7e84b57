//! Hidden-cost headroom, as the Sensitivity tab draws it (`ui/sensitivity/headroom.rs`): the
//! focused option's NPV as every hidden cost is multiplied by 0 … 3, today (1×) marked and the
//! break-even multiplier drawn where the curve reaches it; the hidden costs by category, which
//! the window shows beside the curve, are written under it.

use super::tornado::focused_sensitivity;
use super::{BuildError, ChartData, one_line};
use crate::chart::{Axis, Chart, ChartKind, Emphasis, Marker, MarkerAxis, Note, Scale, Series, Shape, Tone};
use crate::engine::OptionResult;
use crate::engine::sensitivity::{HIDDEN_MULTIPLIERS, Sensitivity};
use crate::format;
use crate::palette;

pub(super) fn build(data: &ChartData) -> Result<Chart, BuildError> {
    let (option, sensitivity) = focused_sensitivity(data)?;
    let result = data.evaluation.options.get(option).ok_or(BuildError::NoOption)?;
    let currency = &data.model.currency;
    let first = HIDDEN_MULTIPLIERS.first().copied().unwrap_or(0.0);
    let last = HIDDEN_MULTIPLIERS.last().copied().unwrap_or(1.0);
    let curve = Series {
        name: "NPV".into(),
        color: palette::HIGH,
        emphasis: Emphasis::Normal,
        shape: Shape::Line {
            points: HIDDEN_MULTIPLIERS.iter().zip(&sensitivity.hidden_curve).map(|(k, npv)| [*k, *npv]).collect(),
            dashed: false,
        },
    };
    let today = Series {
        name: "today (1×)".into(),
        color: palette::option(option),
        emphasis: Emphasis::Focused,
        shape: Shape::Points { points: vec![[1.0, sensitivity.base_npv]] },
    };
    let zero = Marker { axis: MarkerAxis::Y, at: 0.0, label: String::new(), color: None, dashed: false };
    let mut markers = vec![zero];
    let mut notes = vec![Note { text: status(result, sensitivity), tone: Tone::Plain }];
    // The axis spans the curve only, as the title says: a break-even beyond it is written under
    // the chart rather than stretching the axis far past the data.
    match result.hidden_multiplier_at_break_even {
        Some(k) if k <= last => markers.push(Marker {
            axis: MarkerAxis::X,
            at: k,
            label: format!("break-even {k:.2}×"),
            color: Some(palette::CAUTION),
            dashed: false,
        }),
        Some(k) => notes.push(Note {
            text: format!("Break-even at {k:.2}×: beyond the {last}× the chart shows."),
            tone: Tone::Caution,
        }),
        None => {}
    }
    notes.extend(by_category(result, currency));
    Ok(Chart {
        kind: ChartKind::Headroom,
        title: format!("Hidden-cost headroom: NPV as every hidden cost is scaled {first} … {last}×"),
        caption: format!(
            "{}: the NPV with every hidden cost multiplied by k, everything else at base; at 1× the \
             hidden costs are as estimated today.",
            one_line(&result.name)
        ),
        x: Axis::new("hidden costs × k", Scale::Factor),
        y: Axis::new(format!("NPV ({})", one_line(currency)), Scale::Money { currency: currency.clone() })
            .including(0.0),
        series: vec![curve, today],
        markers,
        notes,
    })
}

/// What the window says above the curve: where the break-even is, or why there is none.
fn status(result: &OptionResult, sensitivity: &Sensitivity) -> String {
    match result.hidden_multiplier_at_break_even {
        Some(k) => format!("Break-even at {k:.2}× today's hidden costs."),
        None if result.hidden_total <= 0.0 => "This option has no hidden costs to scale.".to_owned(),
        None if sensitivity.base_npv <= 0.0 => "The NPV is negative even without hidden costs.".to_owned(),
        None => "No multiplier of the hidden costs brings the NPV to 0.".to_owned(),
    }
}

/// The option's hidden costs by category, from the top of the window's stacked column down as
/// its list beside the column reads, and the credits that reduce the total.
fn by_category(result: &OptionResult, currency: &str) -> Vec<Note> {
    let costs: Vec<String> = (result.hidden_by_category.iter().rev())
        .filter(|(_, v)| **v > 0.0)
        .map(|(category, v)| format!("{} {}", category.label(), format::compact(*v)))
        .collect();
    let credits: Vec<String> = (result.hidden_by_category.iter())
        .filter(|(_, v)| **v < 0.0)
        .map(|(category, v)| format!("{} {} (reduces the total)", category.label(), format::compact(*v)))
        .collect();
    if costs.is_empty() && credits.is_empty() {
        return Vec::new();
    }
    let all = format::compact_money(result.hidden_total, currency);
    let mut text =
        format!("By category, {all} in all: {}.", if costs.is_empty() { "none".to_owned() } else { costs.join(" · ") });
    if !credits.is_empty() {
        text.push_str(&format!(" Credits: {}.", credits.join(" · ")));
    }
    vec![Note { text, tone: Tone::Plain }]
}

#[cfg(test)]
mod tests {
    use super::super::tornado::sample::Sample;
    use super::*;

    fn curve(chart: &Chart) -> &[[f64; 2]] {
        match &chart.series[0].shape {
            Shape::Line { points, .. } => points,
            other => panic!("expected the NPV curve, got {other:?}"),
        }
    }

    #[test]
    fn the_headroom_has_the_window_title_a_factor_axis_and_an_npv_axis_reaching_zero() {
        let sample = Sample::new(1);
        let chart = build(&sample.data()).expect("the sample has a headroom chart");
        assert_eq!(chart.kind, ChartKind::Headroom);
        assert_eq!(chart.title, "Hidden-cost headroom: NPV as every hidden cost is scaled 0 … 3×");
        assert_eq!((chart.x.label.as_str(), &chart.x.scale), ("hidden costs × k", &Scale::Factor));
        assert_eq!(chart.y.label, "NPV (USD)");
        assert!(chart.y.include.contains(&0.0));
    }

    #[test]
    fn the_curve_is_the_npv_at_every_multiplier_and_today_sits_at_one_times_the_base_npv() {
        let sample = Sample::new(1);
        let chart = build(&sample.data()).expect("the sample has a headroom chart");
        let points = curve(&chart);
        assert_eq!(points.len(), HIDDEN_MULTIPLIERS.len());
        for ((point, k), npv) in points.iter().zip(HIDDEN_MULTIPLIERS).zip(&sample.sensitivity.hidden_curve) {
            assert_eq!(*point, [k, *npv]);
        }
        assert!(points.windows(2).all(|w| w[1][1] <= w[0][1]), "more hidden cost never raises the NPV");
        assert_eq!(chart.series[1].shape, Shape::Points { points: vec![[1.0, sample.sensitivity.base_npv]] });
    }

    #[test]
    fn a_break_even_within_three_times_is_a_marker_and_one_beyond_is_a_note() {
        // The US option breaks even at 0.7× its hidden costs, the nearshore one at 8.1×.
        let near = build(&Sample::new(0).data()).expect("a headroom chart");
        let k = Sample::new(0).evaluation.options[0].hidden_multiplier_at_break_even.expect("a break-even");
        assert!(k < 1.0);
        let marker = near.markers.iter().find(|m| m.axis == MarkerAxis::X).expect("a break-even marker");
        assert_eq!((marker.at, marker.label.as_str()), (k, format!("break-even {k:.2}×").as_str()));
        assert!(near.notes[0].text.starts_with("Break-even at 0."), "{:?}", near.notes);

        let far = build(&Sample::new(1).data()).expect("a headroom chart");
        assert!(far.markers.iter().all(|m| m.axis == MarkerAxis::Y));
        assert!(far.notes.iter().any(|n| n.text.contains("beyond the 3× the chart shows")), "{:?}", far.notes);
    }

    #[test]
    fn the_hidden_costs_by_category_are_written_under_the_curve() {
        let sample = Sample::new(2);
        let chart = build(&sample.data()).expect("a headroom chart");
        let result = &sample.evaluation.options[2];
        let note = chart.notes.iter().find(|n| n.text.starts_with("By category")).expect("a category note");
        assert!(note.text.contains(&format::compact_money(result.hidden_total, "USD")), "{}", note.text);
        for category in result.hidden_by_category.keys() {
            assert!(note.text.contains(category.label()), "{} lacks {}", note.text, category.label());
        }
    }

    #[test]
    fn without_a_sensitivity_run_there_is_no_headroom_chart() {
        let sample = Sample::new(0);
        let data = ChartData { sensitivity: None, ..sample.data() };
        assert_eq!(build(&data), Err(BuildError::Needs("a sensitivity run")));
    }
}
