//! The spider chart, as the Sensitivity tab draws it (`ui/sensitivity/spider.rs`): the NPV as
//! each uncertain input moves from −30 % to +30 % of its base value, every other input at base.
//! Steep lines are the inputs the answer hangs on.

use super::tornado::{focused_sensitivity, moving};
use super::{BuildError, ChartData, one_line};
use crate::chart::{Axis, Chart, ChartKind, Emphasis, Marker, MarkerAxis, Note, Scale, Series, Shape, Tone};
use crate::engine::sensitivity::{SPIDER_FACTORS, SpiderLine};
use crate::palette;

/// Lines drawn at most (the steepest, in tornado order); more would only add noise.
const MAX_LINES: usize = 8;

pub(super) fn build(data: &ChartData) -> Result<Chart, BuildError> {
    let (_, sensitivity) = focused_sensitivity(data)?;
    // The lines of the inputs that move the NPV, in tornado order (largest swing first).
    let lines: Vec<&SpiderLine> = moving(sensitivity)?
        .into_iter()
        .filter_map(|bar| sensitivity.spider.iter().find(|line| line.path == bar.path))
        .collect();
    let series = lines
        .iter()
        .take(MAX_LINES)
        .enumerate()
        .map(|(k, line)| Series {
            name: one_line(&line.label),
            color: palette::SERIES[k % palette::SERIES.len()],
            emphasis: Emphasis::Normal,
            shape: Shape::Line {
                points: SPIDER_FACTORS.iter().zip(&line.npv).map(|(f, npv)| [change(*f), *npv]).collect(),
                dashed: false,
            },
        })
        .collect();
    let mut notes = Vec::new();
    if lines.len() > MAX_LINES {
        let text = format!("The {MAX_LINES} inputs with the largest swing; the tornado lists all {}.", lines.len());
        notes.push(Note { text, tone: Tone::Plain });
    }
    let (first, last) = span();
    let currency = &data.model.currency;
    Ok(Chart {
        kind: ChartKind::Spider,
        title: format!("Spider: NPV as each input moves {first} … {last} from its base"),
        caption: format!(
            "{}: the NPV with one input moved {first} … {last} from its base value, every other input at \
             base. Steep lines are the inputs the answer hangs on.",
            one_line(&sensitivity.option)
        ),
        x: Axis::new("change from base", Scale::Percent { signed: true }),
        y: Axis::new(format!("NPV ({})", one_line(currency)), Scale::Money { currency: currency.clone() }),
        series,
        markers: vec![Marker { axis: MarkerAxis::Y, at: 0.0, label: String::new(), color: None, dashed: false }],
        notes,
    })
}

/// A spider factor as a change from base in percent: 0.7 → −30.
fn change(factor: f64) -> f64 {
    (factor - 1.0) * 100.0
}

/// The first and last change the lines span, as the window's heading writes them: "−30 %", "+30 %".
fn span() -> (String, String) {
    let signed = |factor: f64| {
        let percent = change(factor).round();
        match percent {
            p if p < 0.0 => format!("−{} %", -p),
            p if p > 0.0 => format!("+{p} %"),
            _ => "0 %".to_owned(),
        }
    };
    let first = SPIDER_FACTORS.first().copied().unwrap_or(1.0);
    let last = SPIDER_FACTORS.last().copied().unwrap_or(1.0);
    (signed(first), signed(last))
}

#[cfg(test)]
mod tests {
    use super::super::tornado::sample::Sample;
    use super::*;

    fn points(series: &Series) -> &[[f64; 2]] {
        match &series.shape {
            Shape::Line { points, .. } => points,
            other => panic!("expected a line, got {other:?}"),
        }
    }

    #[test]
    fn the_spider_has_the_window_title_and_percent_change_against_npv_in_the_currency() {
        let sample = Sample::new(1);
        let chart = build(&sample.data()).expect("the sample has a spider chart");
        assert_eq!(chart.kind, ChartKind::Spider);
        assert_eq!(chart.title, "Spider: NPV as each input moves −30 % … +30 % from its base");
        assert_eq!((chart.x.label.as_str(), &chart.x.scale), ("change from base", &Scale::Percent { signed: true }));
        assert_eq!((chart.y.label.as_str(), &chart.y.scale), ("NPV (USD)", &Scale::Money { currency: "USD".into() }));
        assert!(chart.caption.starts_with("Monterrey nearshore center: "), "{}", chart.caption);
    }

    #[test]
    fn each_line_is_one_moving_input_in_tornado_order_from_minus_30_to_plus_30_percent() {
        let sample = Sample::new(1);
        let chart = build(&sample.data()).expect("the sample has a spider chart");
        let moving = moving(&sample.sensitivity).expect("inputs move the NPV");
        assert_eq!(chart.series.len(), moving.len().min(MAX_LINES));
        for (k, (series, bar)) in chart.series.iter().zip(&moving).enumerate() {
            assert_eq!(series.name, bar.label);
            assert_eq!(series.color, palette::SERIES[k]);
            let line = sample.sensitivity.spider.iter().find(|l| l.path == bar.path).expect("a line per bar");
            let points = points(series);
            assert_eq!(points.len(), SPIDER_FACTORS.len());
            assert!((points[0][0] + 30.0).abs() < 1e-9 && (points[12][0] - 30.0).abs() < 1e-9);
            assert_eq!(points.iter().map(|p| p[1]).collect::<Vec<_>>(), line.npv);
            // At base (no change) every line passes through the base NPV.
            assert!((points[6][1] - sample.sensitivity.base_npv).abs() <= 1e-6 * sample.sensitivity.base_npv.abs());
        }
    }

    #[test]
    fn more_than_eight_inputs_draw_the_eight_steepest_and_say_the_tornado_lists_all() {
        let mut sample = Sample::new(1);
        let (bar, line) = (sample.sensitivity.tornado[0].clone(), sample.sensitivity.spider[0].clone());
        let paths: Vec<String> = (0..11).map(|i| format!("inputs.x{i}")).collect();
        sample.sensitivity.tornado = paths
            .iter()
            .map(|p| crate::engine::sensitivity::TornadoBar { path: p.clone(), label: p.clone(), ..bar.clone() })
            .collect();
        sample.sensitivity.spider =
            paths.iter().rev().map(|p| SpiderLine { path: p.clone(), label: p.clone(), ..line.clone() }).collect();
        let chart = build(&sample.data()).expect("eleven lines");
        assert_eq!(chart.series.len(), MAX_LINES);
        // Tornado order, however the lines are stored.
        assert_eq!(chart.series[0].name, "inputs.x0");
        assert_eq!(chart.notes.len(), 1);
        assert_eq!(chart.notes[0].text, "The 8 inputs with the largest swing; the tornado lists all 11.");
    }

    #[test]
    fn without_a_sensitivity_run_there_is_no_spider_chart() {
        let sample = Sample::new(0);
        let data = ChartData { sensitivity: None, ..sample.data() };
        assert_eq!(build(&data), Err(BuildError::Needs("a sensitivity run")));
    }
}
