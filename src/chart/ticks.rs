//! Where the ticks of an axis go and how they read: 1-2-5 steps (1-3-6-12 for months), labels
//! with as many decimals as the step needs ("6.2 M", "6.25 M"), never the same label twice. The
//! window's egui_plot axes (`ui::charts::axes`) and the SVG writer use the same rules.

use super::Scale;

/// The smallest "nice" multiple of a power of ten (from `multiples`) at least `raw` wide.
pub fn nice_step(raw: f64, multiples: &[f64]) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    multiples.iter().map(|m| m * magnitude).find(|s| *s >= raw * (1.0 - 1e-9)).unwrap_or(10.0 * magnitude)
}

/// Month steps: 1, 2, 3, 6, 12, 24, … months between labels.
pub fn month_step(raw: f64) -> f64 {
    [1.0, 2.0, 3.0, 6.0, 12.0, 24.0, 36.0, 60.0, 120.0, 240.0, 600.0].into_iter().find(|s| *s >= raw).unwrap_or(1200.0)
}

/// Decimals that tell ticks `step` apart once divided by `unit`: as many as the step itself has
/// ("0.05" two, "2.5" one, "200" none), at most six.
pub fn decimals_for(step: f64, unit: f64) -> usize {
    let scaled = (step / unit).abs();
    if !scaled.is_finite() || scaled == 0.0 {
        return 0;
    }
    (0..6)
        .find(|&d| {
            let shifted = scaled * 10f64.powi(d);
            (shifted - shifted.round()).abs() < 1e-6 * shifted.max(1.0)
        })
        .map_or(6, |d| d as usize)
}

/// `value` in compact units with the decimals its tick step needs: "6.25 M", "800 k", "0".
pub fn compact_tick(value: f64, step: f64) -> String {
    if value.abs() < step.abs() * 1e-6 {
        return "0".to_owned();
    }
    let size = value.abs().max(step.abs());
    let (unit, suffix) = [(1e12, " T"), (1e9, " B"), (1e6, " M"), (1e3, " k")]
        .into_iter()
        .find(|(u, _)| size >= *u)
        .unwrap_or((1.0, ""));
    let decimals = decimals_for(step, unit);
    format!("{:.decimals$}{suffix}", value / unit)
}

/// The tick label of `value` on an axis of `scale` whose labelled ticks are `step` apart.
/// Category axes label whole positions with their names and nothing else.
pub fn label(scale: &Scale, value: f64, step: f64) -> String {
    match scale {
        Scale::Month => {
            if value >= 0.0 && value.fract() == 0.0 {
                format!("{value}")
            } else {
                String::new()
            }
        }
        Scale::Money { .. } | Scale::Number { .. } => compact_tick(value, step),
        Scale::Percent { signed: false } => format!("{:.*} %", decimals_for(step, 1.0), value),
        Scale::Percent { signed: true } => {
            if value.abs() < step * 1e-6 {
                "0 %".to_owned()
            } else {
                format!("{:+.*} %", decimals_for(step, 1.0), value)
            }
        }
        Scale::Factor => format!("{:.*}×", decimals_for(step, 1.0), value),
        Scale::Categories(names) => {
            let i = value.round();
            if (value - i).abs() < 1e-9 && i >= 0.0 {
                names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        }
    }
}

/// Labelled ticks for `[lo, hi]` on an axis of `scale`, about `target` of them (at least 2 where
/// the range allows): the positions and the step between them. A category axis has one tick per
/// category.
pub fn ticks(scale: &Scale, lo: f64, hi: f64, target: usize) -> (Vec<f64>, f64) {
    if let Scale::Categories(names) = scale {
        return ((0..names.len()).map(|i| i as f64).collect(), 1.0);
    }
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo {
        return (Vec::new(), 1.0);
    }
    let raw = (hi - lo) / target.max(1) as f64;
    let step = match scale {
        Scale::Month => month_step(raw),
        _ => nice_step(raw, &[1.0, 2.0, 5.0, 10.0]),
    };
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    // A pathological range cannot ask for millions of ticks.
    let marks = (first..=last).take(1000).map(|k| k as f64 * step).collect();
    (marks, step)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tick_labels_carry_the_decimals_their_step_needs() {
        assert_eq!(compact_tick(6.25e6, 0.05e6), "6.25 M");
        assert_eq!(compact_tick(6.2e6, 0.2e6), "6.2 M");
        assert_eq!(compact_tick(7e6, 1e6), "7 M");
        assert_eq!(compact_tick(800e3, 200e3), "800 k");
        assert_eq!(compact_tick(1e-10, 1e6), "0");
        assert_eq!(compact_tick(-2.5e6, 0.5e6), "-2.5 M");
        assert_eq!(compact_tick(150.0, 50.0), "150");
        assert_eq!(compact_tick(0.5, 0.1), "0.5");
    }

    #[test]
    fn a_money_axis_gets_a_handful_of_distinct_round_ticks() {
        let money = Scale::Money { currency: "USD".into() };
        let (marks, step) = ticks(&money, 6.2e6, 7.8e6, 8);
        assert!((4..=9).contains(&marks.len()), "{marks:?}");
        let labels: Vec<String> = marks.iter().map(|&v| label(&money, v, step)).collect();
        let mut unique = labels.clone();
        unique.dedup();
        assert_eq!(unique, labels);
        assert!(labels.contains(&"6.5 M".to_owned()) || labels.contains(&"6.4 M".to_owned()), "{labels:?}");
    }

    #[test]
    fn a_month_axis_steps_in_whole_months() {
        let (marks, step) = ticks(&Scale::Month, 0.0, 36.0, 6);
        assert_eq!(step, 6.0);
        assert_eq!(marks, vec![0.0, 6.0, 12.0, 18.0, 24.0, 30.0, 36.0]);
    }

    #[test]
    fn percentages_factors_and_categories_read_as_they_should() {
        assert_eq!(label(&Scale::Percent { signed: true }, -20.0, 10.0), "-20 %");
        assert_eq!(label(&Scale::Percent { signed: true }, 0.0, 10.0), "0 %");
        assert_eq!(label(&Scale::Percent { signed: true }, 30.0, 10.0), "+30 %");
        assert_eq!(label(&Scale::Percent { signed: false }, 7.5, 2.5), "7.5 %");
        assert_eq!(label(&Scale::Factor, 1.5, 0.5), "1.5×");
        let names = Scale::Categories(vec!["Base".into(), "Wage spike".into()]);
        assert_eq!(label(&names, 1.0, 1.0), "Wage spike");
        assert_eq!(label(&names, 0.5, 1.0), "");
        assert_eq!(ticks(&names, -0.5, 1.5, 5).0, vec![0.0, 1.0]);
    }

    #[test]
    fn an_empty_or_broken_range_has_no_ticks() {
        assert!(ticks(&Scale::Factor, 1.0, 1.0, 5).0.is_empty());
        assert!(ticks(&Scale::Factor, f64::NAN, 1.0, 5).0.is_empty());
    }
}
