//! The tornado, as the Sensitivity tab draws it (`ui/sensitivity/tornado.rs`): one row per
//! uncertain input that moves the focused option's NPV, largest swing at the top, a bar from the
//! base NPV to the NPV with the input at its P10 and another to the NPV at its P90.

use super::{BuildError, ChartData, one_line};
use crate::chart::{Axis, Bar, Chart, ChartKind, Emphasis, Marker, MarkerAxis, Note, Scale, Series, Shape, Tone};
use crate::engine::sensitivity::{Sensitivity, TornadoBar};
use crate::format;
use crate::palette;

/// Rows drawn: the window shows the first ten until asked for all of them.
const FIRST_ROWS: usize = 10;
/// The thickness of a bar, in rows.
const BAR_WIDTH: f64 = 0.6;
/// What the window says when no input moves the NPV.
const NOTHING_MOVES: &str =
    "No uncertain input moves this option's NPV: give an input a distribution to see its swing.";

/// The focused option's index and its sensitivity, or why a chart of it cannot be built.
pub(super) fn focused_sensitivity<'a>(data: &ChartData<'a>) -> Result<(usize, &'a Sensitivity), BuildError> {
    let option = data.focused().ok_or(BuildError::NoOption)?;
    let sensitivity = data.sensitivity.ok_or(BuildError::Needs("a sensitivity run"))?;
    Ok((option, sensitivity))
}

/// The tornado bars of the inputs that move the NPV, largest swing first; inputs of other options
/// would only be empty rows. An error that says so when no input moves it.
pub(super) fn moving(sensitivity: &Sensitivity) -> Result<Vec<&TornadoBar>, BuildError> {
    let bars: Vec<&TornadoBar> = sensitivity.tornado.iter().filter(|b| b.moves(sensitivity.base_npv)).collect();
    if bars.is_empty() { Err(BuildError::Nothing(NOTHING_MOVES.to_owned())) } else { Ok(bars) }
}

/// `count` and the noun, singular or plural: "1 input", "3 inputs".
fn count(count: usize, singular: &str, plural: &str) -> String {
    format!("{count} {}", if count == 1 { singular } else { plural })
}

pub(super) fn build(data: &ChartData) -> Result<Chart, BuildError> {
    let (_, sensitivity) = focused_sensitivity(data)?;
    let bars = moving(sensitivity)?;
    let currency = &data.model.currency;
    let base = sensitivity.base_npv;
    let shown = &bars[..bars.len().min(FIRST_ROWS)];
    // Category 0 is drawn at the bottom: the largest swing goes last so that it sits on top.
    let rows: Vec<&TornadoBar> = shown.iter().rev().copied().collect();
    let names = rows.iter().map(|bar| one_line(&bar.label)).collect();
    let ends = |npv: fn(&TornadoBar) -> f64| Shape::Bars {
        bars: rows
            .iter()
            .enumerate()
            .map(|(i, b)| Bar { at: i as f64, from: base, to: npv(b), width: BAR_WIDTH })
            .collect(),
        horizontal: true,
    };
    let series = vec![
        Series {
            name: "input at its P10".into(),
            color: palette::LOW,
            emphasis: Emphasis::Normal,
            shape: ends(|b| b.npv_low),
        },
        Series {
            name: "input at its P90".into(),
            color: palette::HIGH,
            emphasis: Emphasis::Normal,
            shape: ends(|b| b.npv_high),
        },
    ];
    let base_label = format!("base NPV {}", format::compact_money(base, currency));
    let marker = Marker { axis: MarkerAxis::X, at: base, label: base_label, color: None, dashed: false };
    let mut notes = Vec::new();
    if let Some(more) = bars.len().checked_sub(shown.len()).filter(|n| *n > 0) {
        let text = format!(
            "The {} inputs with the largest swing; {} the NPV less.",
            shown.len(),
            count(more, "more moves", "more move")
        );
        notes.push(Note { text, tone: Tone::Plain });
    }
    let others = sensitivity.tornado.len() - bars.len();
    if others > 0 {
        let text = if others == 1 {
            "1 uncertain input of another option does not affect this one.".to_owned()
        } else {
            format!("{others} uncertain inputs of other options do not affect this one.")
        };
        notes.push(Note { text, tone: Tone::Plain });
    }
    Ok(Chart {
        kind: ChartKind::Tornado,
        title: "Tornado: NPV with each uncertain input at its P10 and P90, largest swing first".into(),
        caption: format!(
            "{}, base NPV {}: each bar runs from the base NPV to the NPV with that one input at its P10 \
             or at its P90, every other input at base.",
            one_line(&sensitivity.option),
            format::compact_money(base, currency)
        ),
        x: Axis::new(format!("NPV ({})", one_line(currency)), Scale::Money { currency: currency.clone() }),
        y: Axis::new("", Scale::Categories(names)),
        series,
        markers: vec![marker],
        notes,
    })
}

/// The contact-center sample with its results, for the tests of every analysis chart.
#[cfg(test)]
pub(super) mod sample {
    use crate::chart::build::ChartData;
    use crate::engine::sensitivity::{Sensitivity, sensitivity};
    use crate::engine::{Evaluation, Plan};
    use crate::model::Model;

    /// The sample model, compiled and evaluated, with the sensitivity of one option.
    pub struct Sample {
        /// The model.
        pub model: Model,
        /// The model compiled.
        pub plan: Plan,
        /// Its results.
        pub evaluation: Evaluation,
        /// The option in focus.
        pub option: usize,
        /// The sensitivity of that option.
        pub sensitivity: Sensitivity,
    }

    impl Sample {
        /// The contact-center sample focused on option `option`.
        pub fn new(option: usize) -> Self {
            let model = crate::model::samples::default_model().expect("the sample model loads");
            Self::of(model, option)
        }

        /// `model` focused on option `option` (an empty sensitivity when it has no such option).
        pub fn of(model: Model, option: usize) -> Self {
            let plan = Plan::new(&model);
            let evaluation = Evaluation::of_model(&model);
            let sensitivity = if plan.option_count() > option {
                sensitivity(&plan, option)
            } else {
                let none = String::new();
                Sensitivity { option: none, base_npv: 0.0, tornado: vec![], spider: vec![], hidden_curve: vec![] }
            };
            Self { model, plan, evaluation, option, sensitivity }
        }

        /// What the charts are built from, with the sensitivity and nothing else.
        pub fn data(&self) -> ChartData<'_> {
            ChartData {
                model: &self.model,
                plan: &self.plan,
                evaluation: &self.evaluation,
                option: self.option,
                sensitivity: Some(&self.sensitivity),
                simulation: None,
                scenarios: None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sample::Sample;
    use super::*;

    fn bars(chart: &Chart, series: usize) -> Vec<Bar> {
        match &chart.series[series].shape {
            Shape::Bars { bars, horizontal: true } => bars.clone(),
            other => panic!("expected horizontal bars, got {other:?}"),
        }
    }

    fn names(chart: &Chart) -> Vec<String> {
        match &chart.y.scale {
            Scale::Categories(names) => names.clone(),
            other => panic!("expected categories on y, got {other:?}"),
        }
    }

    #[test]
    fn the_tornado_has_the_window_title_an_npv_axis_in_the_currency_and_one_category_per_row() {
        let sample = Sample::new(1);
        let chart = build(&sample.data()).expect("the sample has a tornado");
        assert_eq!(chart.kind, ChartKind::Tornado);
        assert!(chart.title.starts_with("Tornado: NPV with each uncertain input at its P10 and P90"));
        assert_eq!(chart.x.label, "NPV (USD)");
        assert_eq!(chart.x.scale, Scale::Money { currency: "USD".into() });
        assert!(chart.caption.contains("Monterrey nearshore center"), "{}", chart.caption);
        let rows = names(&chart).len();
        assert!(rows > 0 && rows <= FIRST_ROWS);
        assert_eq!(bars(&chart, 0).len(), rows);
        assert_eq!(bars(&chart, 1).len(), rows);
        assert_eq!((chart.series[0].color, chart.series[1].color), (palette::LOW, palette::HIGH));
    }

    #[test]
    fn rows_run_from_the_largest_swing_at_the_top_to_the_smallest_at_the_bottom() {
        let sample = Sample::new(1);
        let chart = build(&sample.data()).expect("the sample has a tornado");
        let rows = names(&chart);
        let moving = moving(&sample.sensitivity).expect("inputs move the NPV");
        // The top row (the highest category) is the largest swing.
        for (i, name) in rows.iter().enumerate() {
            let bar = moving[rows.len() - 1 - i];
            assert_eq!(*name, bar.label, "row {i}");
        }
        let swings: Vec<f64> =
            rows.iter().map(|n| moving.iter().find(|b| *n == b.label).map_or(f64::NAN, |b| b.swing)).collect();
        assert!(swings.windows(2).all(|w| w[0] <= w[1]), "swings bottom to top: {swings:?}");
    }

    #[test]
    fn bars_start_at_the_base_npv_and_end_at_the_npv_at_p10_and_at_p90() {
        let sample = Sample::new(2);
        let chart = build(&sample.data()).expect("the sample has a tornado");
        let base = sample.sensitivity.base_npv;
        let moving = moving(&sample.sensitivity).expect("inputs move the NPV");
        let (low, high) = (bars(&chart, 0), bars(&chart, 1));
        let rows = low.len();
        for i in 0..rows {
            let bar = moving[rows - 1 - i];
            assert_eq!((low[i].at, low[i].from, low[i].to), (i as f64, base, bar.npv_low));
            assert_eq!((high[i].at, high[i].from, high[i].to), (i as f64, base, bar.npv_high));
        }
        assert_eq!(chart.markers.len(), 1);
        assert_eq!((chart.markers[0].axis, chart.markers[0].at), (MarkerAxis::X, base));
        assert!(chart.markers[0].label.starts_with("base NPV USD"), "{}", chart.markers[0].label);
    }

    #[test]
    fn only_inputs_that_move_this_options_npv_are_rows_and_the_rest_are_counted_in_a_note() {
        let sample = Sample::new(0);
        let chart = build(&sample.data()).expect("the sample has a tornado");
        let all = sample.sensitivity.tornado.len();
        let moving = moving(&sample.sensitivity).expect("inputs move the NPV");
        assert!(moving.len() < all, "the sample has inputs of other options");
        assert!(moving.iter().all(|b| b.swing > 0.0));
        let shown = names(&chart).len();
        let more = moving.len() - shown;
        let others = all - moving.len();
        let text: Vec<&str> = chart.notes.iter().map(|n| n.text.as_str()).collect();
        assert!(text.iter().any(|t| t.contains(&format!("{others} uncertain input"))), "{text:?}");
        assert_eq!(text.iter().any(|t| t.contains("largest swing")), more > 0, "{text:?}");
    }

    #[test]
    fn more_than_ten_moving_inputs_show_the_first_ten_and_say_how_many_more() {
        let mut sample = Sample::new(1);
        let template = sample.sensitivity.tornado[0].clone();
        sample.sensitivity.tornado = (0..13)
            .map(|i| TornadoBar { label: format!("input {i}"), swing: 100.0 - i as f64, ..template.clone() })
            .collect();
        let chart = build(&sample.data()).expect("thirteen rows");
        let rows = names(&chart);
        assert_eq!(rows.len(), 10);
        assert_eq!((rows[9].as_str(), rows[0].as_str()), ("input 0", "input 9"));
        assert_eq!(chart.notes[0].text, "The 10 inputs with the largest swing; 3 more move the NPV less.");
    }

    #[test]
    fn names_from_the_model_stay_on_one_line() {
        let mut sample = Sample::new(1);
        sample.sensitivity.tornado[0].label = "Wage\n</svg><script>x</script>".into();
        let chart = build(&sample.data()).expect("a tornado");
        assert!(names(&chart).iter().all(|n| !n.contains('\n')));
    }

    #[test]
    fn without_a_sensitivity_run_or_an_option_there_is_no_tornado() {
        let sample = Sample::new(0);
        let data = ChartData { sensitivity: None, ..sample.data() };
        assert_eq!(build(&data), Err(BuildError::Needs("a sensitivity run")));
        let mut model = sample.model.clone();
        model.options.clear();
        let empty = Sample::of(model, 0);
        let data = ChartData { sensitivity: None, ..empty.data() };
        assert_eq!(build(&data), Err(BuildError::NoOption));
    }

    #[test]
    fn an_option_no_input_moves_has_no_tornado_but_says_why() {
        let mut sample = Sample::new(0);
        // A swing of rounding noise on an NPV of millions is no swing.
        let noise = 1e-10 * sample.sensitivity.base_npv.abs();
        sample.sensitivity.tornado.iter_mut().for_each(|b| b.swing = noise);
        assert_eq!(build(&sample.data()), Err(BuildError::Nothing(NOTHING_MOVES.into())));
    }
}
