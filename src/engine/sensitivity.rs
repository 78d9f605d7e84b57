//! Sensitivity of an option's NPV (contract §4): tornado, spider, hidden-cost curve, goal seek,
//! and a two-input grid.

use serde::Serialize;

use super::finance::npv;
use super::plan::{Plan, Slot};
use super::project::Projection;

/// One bar of the tornado.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TornadoBar {
    /// Path of the input.
    pub path: String,
    /// Label of the input.
    pub label: String,
    /// The input's P10.
    pub low: f64,
    /// The input's P90.
    pub high: f64,
    /// NPV with the input at P10, every other input at base.
    pub npv_low: f64,
    /// NPV with the input at P90.
    pub npv_high: f64,
    /// |npv_high − npv_low|.
    pub swing: f64,
}

impl TornadoBar {
    /// True when the input moves the NPV at all, `base_npv` being the NPV at base values. The
    /// tolerance is relative: an NPV sums many months, so an input that only touches another
    /// option still leaves a swing of rounding noise.
    pub fn moves(&self, base_npv: f64) -> bool {
        self.swing > 1e-9 * base_npv.abs().max(1.0)
    }
}

/// One line of the spider chart.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpiderLine {
    /// Path of the input.
    pub path: String,
    /// Label of the input.
    pub label: String,
    /// NPV at each of [`SPIDER_FACTORS`] × base.
    pub npv: Vec<f64>,
}

/// The factors of the spider chart: 0.70, 0.75, …, 1.30.
pub const SPIDER_FACTORS: [f64; 13] = [0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 1.0, 1.05, 1.10, 1.15, 1.20, 1.25, 1.30];

/// The hidden-cost multipliers of the headroom curve: 0, 0.25, …, 3.
pub const HIDDEN_MULTIPLIERS: [f64; 13] = [0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 2.75, 3.0];

/// All sensitivity results of one option.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sensitivity {
    /// The option's name.
    pub option: String,
    /// NPV at base values.
    pub base_npv: f64,
    /// Tornado bars, largest swing first.
    pub tornado: Vec<TornadoBar>,
    /// Spider lines, in tornado order.
    pub spider: Vec<SpiderLine>,
    /// NPV at each of [`HIDDEN_MULTIPLIERS`].
    pub hidden_curve: Vec<f64>,
}

/// Evaluates NPVs of one option for many value vectors without allocating.
pub struct NpvProbe<'a> {
    plan: &'a Plan,
    option: usize,
    projection: Projection,
    /// The values being probed; starts at base.
    pub values: Vec<f64>,
}

impl<'a> NpvProbe<'a> {
    /// A probe of option `option` starting from `values`.
    pub fn new(plan: &'a Plan, option: usize, values: Vec<f64>) -> Self {
        Self { plan, option, projection: Projection::default(), values }
    }

    /// NPV of the option at the current values with hidden costs × `hidden_multiplier`.
    pub fn npv_with_hidden(&mut self, hidden_multiplier: f64) -> f64 {
        // Only the probed option: the others' series would be thrown away.
        self.projection.run_option(self.plan, &self.values, hidden_multiplier, self.option);
        npv(&self.projection.options[self.option].savings, self.plan.discount_rate(&self.values))
    }

    /// NPV of the option at the current values.
    pub fn npv(&mut self) -> f64 {
        self.npv_with_hidden(1.0)
    }

    /// Savings as a share of the in-house total at the current values.
    pub fn savings_pct(&mut self) -> f64 {
        self.projection.run_option(self.plan, &self.values, 1.0, self.option);
        let in_house: f64 = self.projection.cost.iter().sum();
        let savings: f64 = self.projection.options[self.option].savings.iter().sum();
        if in_house == 0.0 { 0.0 } else { savings / in_house }
    }

    /// The metric at the current values.
    pub fn metric(&mut self, metric: Metric) -> f64 {
        match metric {
            Metric::Npv => self.npv(),
            Metric::SavingsPct => self.savings_pct(),
        }
    }

    /// The NPV with the input in `slot` set to `value` (clamped to its range), then restored.
    pub fn npv_at(&mut self, slot: Slot, value: f64) -> f64 {
        self.metric_at(Metric::Npv, slot, value)
    }

    /// The metric with the input in `slot` set to `value` (clamped), then restored.
    pub fn metric_at(&mut self, metric: Metric, slot: Slot, value: f64) -> f64 {
        let saved = self.values[slot.0];
        self.values[slot.0] = self.plan.inputs[slot.0].kind.clamp(value);
        let result = self.metric(metric);
        self.values[slot.0] = saved;
        result
    }
}

/// The tornado, spider and hidden-cost curve of option `option`.
pub fn sensitivity(plan: &Plan, option: usize) -> Sensitivity {
    let base = plan.base_values();
    let mut probe = NpvProbe::new(plan, option, base.clone());
    let base_npv = probe.npv();
    let mut tornado: Vec<TornadoBar> = plan
        .inputs
        .iter()
        .enumerate()
        .filter_map(|(i, input)| {
            let d = input.estimate.distribution()?;
            let (low, high) = (input.kind.clamp(d.p10()), input.kind.clamp(d.p90()));
            let npv_low = probe.npv_at(Slot(i), low);
            let npv_high = probe.npv_at(Slot(i), high);
            Some(TornadoBar {
                path: input.site.to_string(),
                label: input.site.label(plan),
                low,
                high,
                npv_low,
                npv_high,
                swing: (npv_high - npv_low).abs(),
            })
        })
        .collect();
    tornado.sort_by(|a, b| b.swing.total_cmp(&a.swing));
    let spider = tornado
        .iter()
        .filter_map(|bar| {
            let slot = plan.slot_of(&bar.path)?;
            let npv = SPIDER_FACTORS.iter().map(|f| probe.npv_at(slot, base[slot.0] * f)).collect();
            Some(SpiderLine { path: bar.path.clone(), label: bar.label.clone(), npv })
        })
        .collect();
    let hidden_curve = HIDDEN_MULTIPLIERS.iter().map(|&k| probe.npv_with_hidden(k)).collect();
    Sensitivity { option: plan.option_names[option].clone(), base_npv, tornado, spider, hidden_curve }
}

/// What goal seek aims at.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub enum Metric {
    /// The option's NPV.
    Npv,
    /// The option's savings as a share of the in-house total.
    SavingsPct,
}

/// A value found by goal seek.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalSeek {
    /// Path of the input.
    pub path: String,
    /// The value of the input that reaches the target.
    pub value: f64,
    /// The metric at that value.
    pub achieved: f64,
}

/// Why goal seek found no value.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum GoalSeekError {
    /// The input does not exist.
    #[error("`{0}` names no real-valued input of this model")]
    UnknownInput(String),
    /// The option does not exist.
    #[error("there is no option {0}")]
    UnknownOption(usize),
    /// No value in the input's range reaches the target.
    #[error(
        "no value of {label} between {lo} and {hi} reaches the target {target}: \
         there it ranges from {min} to {max}"
    )]
    Unreachable {
        /// The input's label.
        label: String,
        /// Smallest value tried.
        lo: f64,
        /// Largest value tried.
        hi: f64,
        /// The target.
        target: f64,
        /// Smallest metric seen.
        min: f64,
        /// Largest metric seen.
        max: f64,
    },
}

/// Points scanned for a bracket before bisecting.
const SCAN_POINTS: usize = 400;

/// The value of the input at `path` at which the option's `metric` reaches `target`: scans the
/// input's range for the crossing nearest its base value, then bisects.
pub fn goal_seek(
    plan: &Plan,
    option: usize,
    path: &str,
    metric: Metric,
    target: f64,
) -> Result<GoalSeek, GoalSeekError> {
    if option >= plan.option_count() {
        return Err(GoalSeekError::UnknownOption(option));
    }
    let slot = plan.slot_of(path).ok_or_else(|| GoalSeekError::UnknownInput(path.to_owned()))?;
    let input = &plan.inputs[slot.0];
    let base_value = input.estimate.base();
    let (lo, hi) = search_range(input.kind.bounds(), base_value);
    let mut probe = NpvProbe::new(plan, option, plan.base_values());
    let mut gap = |x: f64| probe.metric_at(metric, slot, x) - target;
    let xs: Vec<f64> = (0..=SCAN_POINTS).map(|i| lo + (hi - lo) * i as f64 / SCAN_POINTS as f64).collect();
    let gaps: Vec<f64> = xs.iter().map(|&x| gap(x)).collect();
    let mut best: Option<(f64, f64, f64, f64)> = None;
    for i in 0..SCAN_POINTS {
        let (a, b) = (gaps[i], gaps[i + 1]);
        let brackets = a == 0.0 || a.signum() != b.signum();
        if brackets {
            let distance = (0.5 * (xs[i] + xs[i + 1]) - base_value).abs();
            let nearer = best.is_none_or(|(x0, x1, _, _)| distance < (0.5 * (x0 + x1) - base_value).abs());
            if nearer {
                best = Some((xs[i], xs[i + 1], a, b));
            }
        }
    }
    let Some((mut x0, mut x1, mut g0, _)) = best else {
        let min = gaps.iter().copied().fold(f64::INFINITY, f64::min) + target;
        let max = gaps.iter().copied().fold(f64::NEG_INFINITY, f64::max) + target;
        return Err(GoalSeekError::Unreachable { label: input.site.label(plan), lo, hi, target, min, max });
    };
    if g0 != 0.0 {
        for _ in 0..100 {
            let mid = 0.5 * (x0 + x1);
            let g = gap(mid);
            if g == 0.0 {
                (x0, x1) = (mid, mid);
                break;
            }
            if g.signum() == g0.signum() {
                (x0, g0) = (mid, g);
            } else {
                x1 = mid;
            }
        }
    } else {
        x1 = x0;
    }
    let value = 0.5 * (x0 + x1);
    let achieved = gap(value) + target;
    Ok(GoalSeek { path: path.to_owned(), value, achieved })
}

/// The interval goal seek searches: the input's valid range, with an open end replaced by a
/// generous multiple of the base value.
fn search_range((lo, hi): (f64, f64), base: f64) -> (f64, f64) {
    let reach = base.abs().max(1.0) * 10.0;
    let lo = if lo.is_finite() { lo } else { base - reach };
    let hi = if hi.is_finite() { hi } else { base.max(lo) + reach };
    (lo, hi)
}

/// NPV over a grid of two inputs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HeatMap {
    /// Values of the first input (columns).
    pub x: Vec<f64>,
    /// Values of the second input (rows).
    pub y: Vec<f64>,
    /// NPV, row-major: `npv[row * x.len() + column]`.
    pub npv: Vec<f64>,
}

/// The range a grid or slider spans for an input: P10..P90 widened by half its width for a
/// distribution, base ±30 % for a number, clamped to the input's valid range.
pub fn sweep_range(plan: &Plan, slot: Slot) -> (f64, f64) {
    let input = &plan.inputs[slot.0];
    let (lo, hi) = match input.estimate.distribution() {
        Some(d) => {
            let (a, b) = (d.p10(), d.p90());
            let pad = 0.5 * (b - a);
            (a - pad, b + pad)
        }
        None => {
            let base = input.estimate.base();
            let pad = if base == 0.0 { 1.0 } else { 0.3 * base.abs() };
            (base - pad, base + pad)
        }
    };
    let (lo, hi) = (input.kind.clamp(lo), input.kind.clamp(hi));
    if hi > lo { (lo, hi) } else { (lo, lo + 1.0) }
}

/// NPV of option `option` over a `cells` × `cells` grid of inputs `x` and `y`, each over its
/// [`sweep_range`].
pub fn heat_map(plan: &Plan, option: usize, x: Slot, y: Slot, cells: usize) -> HeatMap {
    let cells = cells.max(2);
    let axis = |slot: Slot| {
        let (lo, hi) = sweep_range(plan, slot);
        (0..cells).map(|i| lo + (hi - lo) * i as f64 / (cells - 1) as f64).collect::<Vec<_>>()
    };
    let (xs, ys) = (axis(x), axis(y));
    let mut probe = NpvProbe::new(plan, option, plan.base_values());
    let mut npv = Vec::with_capacity(cells * cells);
    for &yv in &ys {
        for &xv in &xs {
            probe.values[x.0] = plan.inputs[x.0].kind.clamp(xv);
            probe.values[y.0] = plan.inputs[y.0].kind.clamp(yv);
            npv.push(probe.npv());
        }
    }
    HeatMap { x: xs, y: ys, npv }
}
