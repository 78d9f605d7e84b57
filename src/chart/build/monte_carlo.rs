//! The Monte Carlo charts of the focused option, as the Monte Carlo tab draws them: the NPV
//! histogram (`ui/monte_carlo/histogram.rs`) and the fan of cumulative savings
//! (`ui/monte_carlo/fan.rs`).

use super::{BuildError, ChartData, one_line};
use crate::chart::{Axis, Bar, Chart, ChartKind, Emphasis, Marker, MarkerAxis, Note, Scale, Series, Shape, Tone};
use crate::engine::monte_carlo::{OptionSimulation, SimulationResult};
use crate::format;
use crate::palette;

/// The share of a bin a bar covers, leaving a hairline between bars.
const BAR_FILL: f64 = 0.95;

/// The focused option's index, the run and the option's part of it, or why there is none.
fn focused<'a>(data: &ChartData<'a>) -> Result<(usize, &'a SimulationResult, &'a OptionSimulation), BuildError> {
    let option = data.focused().ok_or(BuildError::NoOption)?;
    let needs = || BuildError::Needs("a Monte Carlo run");
    let run = data.simulation.ok_or_else(needs)?;
    // A run of another model (fewer options) has nothing to say about this option.
    let simulation = run.options.get(option).ok_or_else(needs)?;
    Ok((option, run, simulation))
}

/// "Monte Carlo, 2,000 draws, seed 7".
fn run_label(run: &SimulationResult) -> String {
    format!("Monte Carlo, {} draws, seed {}", format::thousands(run.samples as f64), run.seed)
}

/// The NPV histogram: the share of draws in each bin, a loss left of zero and a gain right of
/// it, P10, P50 and P90 dashed and the mean solid, and the chance of a loss under it.
pub(super) fn histogram(data: &ChartData) -> Result<Chart, BuildError> {
    let (_, run, simulation) = focused(data)?;
    let currency = &data.model.currency;
    let h = &simulation.histogram;
    let total = h.counts.iter().sum::<u64>().max(1) as f64;
    let (mut losses, mut gains) = (Vec::new(), Vec::new());
    for (i, &count) in h.counts.iter().enumerate() {
        let (a, b) = (h.edges[i], h.edges[i + 1]);
        let at = 0.5 * (a + b);
        let bar = Bar { at, from: 0.0, to: count as f64 / total * 100.0, width: (b - a) * BAR_FILL };
        if at < 0.0 { losses.push(bar) } else { gains.push(bar) }
    }
    let bars = |name: &str, color, bars| Series {
        name: name.into(),
        color,
        emphasis: Emphasis::Normal,
        shape: Shape::Bars { bars, horizontal: false },
    };
    let npv = &simulation.npv;
    let percentile = |name: &str, at: f64| Marker {
        axis: MarkerAxis::X,
        at,
        label: format!("{name} {}", format::compact(at)),
        color: None,
        dashed: true,
    };
    let mean = Marker {
        axis: MarkerAxis::X,
        at: npv.mean,
        label: format!("mean {}", format::compact(npv.mean)),
        color: Some(palette::HIGH),
        dashed: false,
    };
    let chance = Note {
        text: format!(
            "{} chance that {} loses money (NPV < 0).",
            format::percent(simulation.prob_loss),
            one_line(&simulation.name)
        ),
        tone: loss_tone(simulation.prob_loss),
    };
    Ok(Chart {
        kind: ChartKind::McHistogram,
        title: "Monte Carlo: NPV across draws".into(),
        caption: format!(
            "{}: the share of draws by NPV ({}). Dashed: P10, P50 and P90; solid: the mean.",
            one_line(&simulation.name),
            run_label(run)
        ),
        x: Axis::new(format!("NPV ({})", one_line(currency)), Scale::Money { currency: currency.clone() }),
        y: Axis::new("share of draws", Scale::Percent { signed: false }).including(0.0),
        series: vec![bars("a loss", palette::LOSS, losses), bars("a gain", palette::GAIN, gains)],
        markers: vec![percentile("P10", npv.p10), percentile("P50", npv.p50), percentile("P90", npv.p90), mean],
        notes: vec![chance],
    })
}

/// The tone of the chance of a loss, as the window colours it: a small chance is no alarm, from
/// one in ten it calls for care, from one in two a loss is the likely outcome.
fn loss_tone(prob_loss: f64) -> Tone {
    if prob_loss < 0.10 {
        Tone::Plain
    } else if prob_loss < 0.50 {
        Tone::Caution
    } else {
        Tone::Bad
    }
}

/// The fan: month by month, the P10–P90 band of cumulative savings over the draws, its median,
/// and dashed for comparison the cumulative savings with every input at base.
pub(super) fn fan(data: &ChartData) -> Result<Chart, BuildError> {
    let (option, run, simulation) = focused(data)?;
    let currency = &data.model.currency;
    let bands = &simulation.cumulative_bands;
    // Month t (from 0) is drawn at its end, t + 1.
    let months: Vec<f64> = (1..=bands.p50.len()).map(|m| m as f64).collect();
    let mut series = vec![
        Series {
            name: "P10–P90 of the draws".into(),
            color: palette::HIGH,
            emphasis: Emphasis::Normal,
            shape: Shape::Band { x: months.clone(), low: bands.p10.clone(), high: bands.p90.clone() },
        },
        Series {
            name: "P50".into(),
            color: palette::HIGH,
            emphasis: Emphasis::Normal,
            shape: Shape::Line {
                points: months.iter().zip(&bands.p50).map(|(m, v)| [*m, *v]).collect(),
                dashed: false,
            },
        },
    ];
    if let Some(result) = data.evaluation.options.get(option) {
        let points = result.cumulative_savings.iter().enumerate().map(|(t, v)| [t as f64 + 1.0, *v]).collect();
        series.push(Series {
            name: "every input at base".into(),
            // Neutral, as a reference: the option's own colour could be the band's blue.
            color: palette::FIXED,
            emphasis: Emphasis::Normal,
            shape: Shape::Line { points, dashed: true },
        });
    }
    Ok(Chart {
        kind: ChartKind::McFan,
        title: "Monte Carlo: cumulative savings over time".into(),
        caption: format!(
            "{}: month by month, the middle 80 % of draws (P10 to P90) and their median ({}); dashed, \
             every input at base.",
            one_line(&simulation.name),
            run_label(run)
        ),
        x: Axis::new("month", Scale::Month).including(0.0),
        y: Axis::new(
            format!("cumulative savings ({})", one_line(currency)),
            Scale::Money { currency: currency.clone() },
        ),
        series,
        markers: vec![Marker { axis: MarkerAxis::Y, at: 0.0, label: String::new(), color: None, dashed: false }],
        notes: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixture::upright_bars as bars;
    use super::super::tornado::sample::Sample;
    use super::*;
    use crate::engine::monte_carlo::{Control, Settings, simulate};
    use crate::model::Method;

    const SAMPLES: usize = 2000;

    fn run(sample: &Sample) -> SimulationResult {
        let settings = Settings { samples: SAMPLES, seed: 7, method: Method::LatinHypercube, threads: Some(1) };
        simulate(&sample.plan, settings, &Control::default()).expect("the sample simulates")
    }

    #[test]
    fn the_histogram_has_the_npv_in_the_currency_across_and_the_share_of_draws_up() {
        let sample = Sample::new(1);
        let run = run(&sample);
        let chart = histogram(&ChartData { simulation: Some(&run), ..sample.data() }).expect("a histogram");
        assert_eq!(chart.kind, ChartKind::McHistogram);
        assert_eq!(chart.title, "Monte Carlo: NPV across draws");
        assert_eq!((chart.x.label.as_str(), &chart.x.scale), ("NPV (USD)", &Scale::Money { currency: "USD".into() }));
        assert_eq!((chart.y.label.as_str(), &chart.y.scale), ("share of draws", &Scale::Percent { signed: false }));
        assert!(chart.caption.contains("2,000 draws, seed 7"), "{}", chart.caption);
    }

    #[test]
    fn the_bars_hold_every_draw_losses_left_of_zero_and_gains_right_of_it() {
        let sample = Sample::new(0);
        let run = run(&sample);
        let chart = histogram(&ChartData { simulation: Some(&run), ..sample.data() }).expect("a histogram");
        let (losses, gains) = (bars(&chart.series[0]), bars(&chart.series[1]));
        assert_eq!((chart.series[0].color, chart.series[1].color), (palette::LOSS, palette::GAIN));
        assert_eq!(losses.len() + gains.len(), run.options[0].histogram.counts.len());
        assert!(losses.iter().all(|b| b.at < 0.0) && gains.iter().all(|b| b.at >= 0.0));
        // Bin by bin, left to right, each bar is its count of the draws.
        let counts = &run.options[0].histogram.counts;
        assert_eq!(counts.iter().sum::<u64>(), SAMPLES as u64);
        for (bar, count) in losses.iter().chain(gains).zip(counts) {
            assert!((bar.to / 100.0 * SAMPLES as f64 - *count as f64).abs() < 1e-9, "{bar:?} holds {count} draws");
        }
        // The US option loses money in some draws and gains in others.
        assert!(!losses.is_empty() && !gains.is_empty());
    }

    #[test]
    fn p10_p50_and_p90_are_dashed_markers_in_order_and_the_chance_of_a_loss_is_a_note() {
        let sample = Sample::new(0);
        let run = run(&sample);
        let chart = histogram(&ChartData { simulation: Some(&run), ..sample.data() }).expect("a histogram");
        let at = |name: &str| {
            let marker = chart.markers.iter().find(|m| m.label.starts_with(name)).expect("a marker per percentile");
            assert!(marker.dashed && marker.axis == MarkerAxis::X);
            marker.at
        };
        assert!(at("P10") <= at("P50") && at("P50") <= at("P90"));
        assert_eq!(at("P50"), run.options[0].npv.p50);
        let loss = run.options[0].prob_loss;
        assert_eq!(
            chart.notes[0].text,
            format!("{} chance that US onshore outsourcer loses money (NPV < 0).", format::percent(loss))
        );
        assert_eq!(chart.notes[0].tone, loss_tone(loss));
    }

    #[test]
    fn the_chance_of_a_loss_reads_as_good_news_care_or_bad_news() {
        assert_eq!(loss_tone(0.0), Tone::Plain);
        assert_eq!(loss_tone(0.3), Tone::Caution);
        assert_eq!(loss_tone(0.5), Tone::Bad);
    }

    #[test]
    fn the_fan_is_a_band_from_p10_to_p90_with_the_median_and_the_base_line_every_month() {
        let sample = Sample::new(2);
        let run = run(&sample);
        let chart = fan(&ChartData { simulation: Some(&run), ..sample.data() }).expect("a fan");
        assert_eq!(chart.kind, ChartKind::McFan);
        assert_eq!((chart.x.label.as_str(), &chart.x.scale), ("month", &Scale::Month));
        assert_eq!(chart.y.label, "cumulative savings (USD)");
        let horizon = sample.model.horizon_months as usize;
        let Shape::Band { x, low, high } = &chart.series[0].shape else { panic!("the first series is the band") };
        assert_eq!((x.len(), low.len(), high.len()), (horizon, horizon, horizon));
        assert_eq!((x[0], x[horizon - 1]), (1.0, horizon as f64));
        assert!(low.iter().zip(high).all(|(lo, hi)| lo <= hi), "the band's low edge is never above its high edge");
        let Shape::Line { points: median, dashed: false } = &chart.series[1].shape else { panic!("then the median") };
        assert!(median.iter().zip(low.iter().zip(high)).all(|(p, (lo, hi))| *lo <= p[1] && p[1] <= *hi));
        let Shape::Line { points: base, dashed: true } = &chart.series[2].shape else { panic!("then the base line") };
        assert_eq!(base.last().map(|p| p[1]), sample.evaluation.options[2].cumulative_savings.last().copied());
    }

    #[test]
    fn without_a_monte_carlo_run_or_an_option_there_is_no_histogram_or_fan() {
        let sample = Sample::new(0);
        assert_eq!(histogram(&sample.data()), Err(BuildError::Needs("a Monte Carlo run")));
        assert_eq!(fan(&sample.data()), Err(BuildError::Needs("a Monte Carlo run")));
        let mut model = sample.model.clone();
        model.options.clear();
        let empty = Sample::of(model, 0);
        assert_eq!(histogram(&empty.data()), Err(BuildError::NoOption));
        assert_eq!(fan(&empty.data()), Err(BuildError::NoOption));
    }
}
