//! Monte Carlo (contract §6): every distribution input sampled independently, the projection
//! run per draw (by [`super::batch`], 64 draws at a time, to the projection's bits),
//! percentiles, a histogram and monthly bands per option.
//!
//! Reproducibility: draw `i` takes its uniforms from its own PCG stream seeded from
//! (seed, i), and each input's Latin hypercube strata from a permutation keyed by one stream per
//! input (computed per draw, never stored), so the results do not
//! depend on the number of threads or on how the draws are scheduled.

mod bands;
mod sampling;

use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use rayon::prelude::*;
use serde::Serialize;

use super::batch::{Batch, LANES, Lanes};
use super::finance::percentiles;
use super::plan::{Plan, Slot};
use crate::model::{Method, ValueKind};
use bands::{band_percentiles, order_key};
use sampling::{DRAW_STREAM, Sampler, open_unit, permuted, strata_key, stream};

/// Draws evaluated together; block boundaries do not depend on the thread count.
const BLOCK: usize = 512;
/// Bins of the NPV histogram.
pub const HISTOGRAM_BINS: usize = 40;
/// At most this many (draw × month × option) values are kept for the monthly bands; a larger
/// run computes its bands from its first draws (a documented approximation for huge models).
const MAX_BAND_VALUES: usize = 64 * 1024 * 1024;

/// What to simulate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Number of draws.
    pub samples: usize,
    /// Seed.
    pub seed: u64,
    /// Random or Latin hypercube.
    pub method: Method,
    /// Worker threads; `None` uses every core.
    pub threads: Option<usize>,
}

/// Lets another thread follow and cancel a run.
#[derive(Debug, Default)]
pub struct Control {
    cancelled: AtomicBool,
    done: AtomicUsize,
}

impl Control {
    /// Asks the run to stop as soon as possible.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// True once [`Self::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Draws evaluated so far.
    pub fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed)
    }
}

/// Why a run produced no result.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SimulationError {
    /// [`Control::cancel`] was called.
    #[error("the simulation was cancelled")]
    Cancelled,
    /// Zero draws were asked for.
    #[error("a simulation needs at least one draw")]
    NoSamples,
    /// The worker threads could not be started.
    #[error("cannot start the simulation's threads: {0}")]
    Threads(String),
    /// The run would need more memory than a simulation may take.
    #[error(
        "{options} option(s) × {} draws would need about {needed_mb} MB, over the {limit_mb} MB a simulation \
         may use: lower the draws to {} or fewer (simulation.samples), or simulate fewer options at once",
        crate::format::thousands(*.draws as f64),
        crate::format::thousands(*.max_draws as f64)
    )]
    TooLarge {
        /// Options of the model.
        options: usize,
        /// Draws asked for.
        draws: usize,
        /// Estimated peak, in MB.
        needed_mb: usize,
        /// The limit, in MB.
        limit_mb: usize,
        /// The most draws that fit.
        max_draws: usize,
    },
}

/// The most memory a run may take, in bytes (1 GiB): a model file from anyone must not be able
/// to exhaust a laptop's memory.
pub const MEMORY_LIMIT: usize = 1 << 30;

/// Options summarised at once: each holds two copies of its draws (NPV and savings) while its
/// percentiles are selected, so this many bounds that memory whatever the number of threads.
const SUMMARISED_AT_ONCE: usize = 4;

/// Memory not proportional to the draws: the model, the compiled plan, thread stacks and
/// buffers, the allocator's slack, and in the window the window itself (its fonts, textures and
/// the previous run's results), so that the same limit holds there too.
const FIXED_OVERHEAD: usize = 192 << 20;

/// Roughly the peak memory of a run of `draws` draws of a plan with `options` options over
/// `horizon` months, in bytes: the NPV and savings of every (option, draw), the monthly bands'
/// keys (at most [`MAX_BAND_VALUES`]), the copies being summarised, and a fixed overhead.
/// Latin hypercube strata take no memory (see [`sampling::permuted`]).
pub fn peak_memory(options: usize, horizon: usize, draws: usize) -> usize {
    let per_draw = 16 * options;
    let bands = 4 * draws.saturating_mul(options).saturating_mul(horizon).min(MAX_BAND_VALUES);
    let summarising = 16 * draws * options.min(SUMMARISED_AT_ONCE);
    per_draw.saturating_mul(draws).saturating_add(bands).saturating_add(summarising).saturating_add(FIXED_OVERHEAD)
}

/// Refuses a run that would not fit in [`MEMORY_LIMIT`], saying how many draws would.
pub fn check_memory(options: usize, horizon: usize, draws: usize) -> Result<(), SimulationError> {
    let needed = peak_memory(options, horizon, draws);
    if needed <= MEMORY_LIMIT {
        return Ok(());
    }
    // The largest draw count that fits, found by halving the gap (memory grows with draws).
    let (mut lo, mut hi) = (0usize, draws);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if peak_memory(options, horizon, mid) <= MEMORY_LIMIT { lo = mid } else { hi = mid }
    }
    // A round number a person would type.
    let magnitude = 10usize.pow((lo.max(1) as f64).log10().floor() as u32);
    let max_draws = (lo / magnitude.max(1)) * magnitude.max(1);
    Err(SimulationError::TooLarge { options, draws, needed_mb: needed >> 20, limit_mb: MEMORY_LIMIT >> 20, max_draws })
}

/// Mean, standard deviation and percentiles of a sample.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// Mean.
    pub mean: f64,
    /// Standard deviation (population).
    pub sd: f64,
    /// 5th percentile.
    pub p5: f64,
    /// 10th percentile.
    pub p10: f64,
    /// 25th percentile.
    pub p25: f64,
    /// Median.
    pub p50: f64,
    /// 75th percentile.
    pub p75: f64,
    /// 90th percentile.
    pub p90: f64,
    /// 95th percentile.
    pub p95: f64,
}

impl Summary {
    /// Summarises `data`, in draw order (it is reordered): sums in that order, percentiles by
    /// selection rather than a sort (a sort of 100,000 draws cost more than the selections).
    pub fn of(data: &mut [f64]) -> Self {
        let n = data.len().max(1) as f64;
        let mean = data.iter().sum::<f64>() / n;
        let mut sd = (data.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n).sqrt();
        if !sd.is_finite() {
            // NPVs near 1e200 square to infinity: deviations scaled by the largest first.
            let scale = data.iter().map(|x| (x - mean).abs()).fold(0.0, f64::max);
            if scale > 0.0 && scale.is_finite() {
                sd = scale * (data.iter().map(|x| ((x - mean) / scale).powi(2)).sum::<f64>() / n).sqrt();
            }
        }
        let [p5, p10, p25, p50, p75, p90, p95] = percentiles(data, [0.05, 0.10, 0.25, 0.5, 0.75, 0.90, 0.95]);
        Self { mean, sd, p5, p10, p25, p50, p75, p90, p95 }
    }
}

/// A histogram: `counts[i]` values fell in `[edges[i], edges[i+1])` (the last bin is closed).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Histogram {
    /// Bin edges, one more than the bins.
    pub edges: Vec<f64>,
    /// Values per bin.
    pub counts: Vec<u64>,
}

impl Histogram {
    /// A histogram of `data` with `bins` equal-width bins from its minimum to its maximum
    /// (a single value gets a bin of width 1 around it).
    pub fn of(data: &[f64], bins: usize) -> Self {
        let least = data.iter().copied().min_by(f64::total_cmp);
        let greatest = data.iter().copied().max_by(f64::total_cmp);
        let (mut lo, mut hi) = least.zip(greatest).unwrap_or((0.0, 1.0));
        if hi <= lo {
            lo -= 0.5;
            hi += 0.5;
        }
        let width = (hi - lo) / bins as f64;
        let edges = (0..=bins).map(|i| lo + width * i as f64).collect();
        let mut counts = vec![0; bins];
        for &x in data {
            let bin = (((x - lo) / width) as usize).min(bins - 1);
            counts[bin] += 1;
        }
        Self { edges, counts }
    }
}

/// P10 / P50 / P90 of a monthly series across draws.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bands {
    /// 10th percentile per month.
    pub p10: Vec<f64>,
    /// Median per month.
    pub p50: Vec<f64>,
    /// 90th percentile per month.
    pub p90: Vec<f64>,
}

/// Monte Carlo results of one option.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionSimulation {
    /// The option's name.
    pub name: String,
    /// NPV across draws.
    pub npv: Summary,
    /// Total savings across draws.
    pub savings_total: Summary,
    /// Share of draws with a negative NPV.
    pub prob_loss: f64,
    /// Share of draws in which this option is the cheapest way to do the work: its NPV of
    /// savings is positive and the highest of all options (ties go to the option listed first).
    pub prob_cheapest: f64,
    /// NPV histogram.
    pub histogram: Histogram,
    /// Bands of the cumulative savings.
    pub cumulative_bands: Bands,
}

/// The results of a run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SimulationResult {
    /// Draws.
    pub samples: usize,
    /// Seed.
    pub seed: u64,
    /// Wall time of the run.
    pub elapsed_ms: f64,
    /// Each option, in model order.
    pub options: Vec<OptionSimulation>,
    /// Share of draws in which no option saves anything (every NPV ≤ 0): keeping the work
    /// in-house is the cheapest. With the options' `prob_cheapest`, sums to 1.
    pub in_house_cheapest: f64,
}

struct Uncertain {
    slot: usize,
    kind: ValueKind,
    sampler: Sampler,
    /// Latin hypercube: the key of the permutation that gives each draw its stratum.
    strata_key: u32,
    /// The input's plausible magnitude: a draw is kept within ± this, so a wide log-normal's
    /// far tail cannot overflow the results (validation bounds the parameters, not the tails).
    most: f64,
}

/// The per-block output: NPV and savings per (option, draw), cumulative savings per
/// (option, month, draw), all in draw order within the block.
struct BlockResult {
    npv: Vec<f64>,
    savings: Vec<f64>,
    /// As [`order_key`]s of the `f32` values: what the band percentiles select on.
    cumulative: Vec<u32>,
}

/// Runs `settings.samples` draws of the plan.
pub fn simulate(plan: &Plan, settings: Settings, control: &Control) -> Result<SimulationResult, SimulationError> {
    let started = Instant::now();
    let n = settings.samples;
    if n == 0 {
        return Err(SimulationError::NoSamples);
    }
    check_memory(plan.option_count(), plan.horizon(), n)?;
    let uncertain = uncertain_inputs(plan, settings);
    let run = || run_blocks(plan, &uncertain, settings, control);
    let blocks = match settings.threads {
        None => run(),
        Some(threads) => rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .thread_name(|i| format!("shoreline-simulation-{i}"))
            .build()
            .map_err(|e| SimulationError::Threads(e.to_string()))?
            .install(run),
    };
    let blocks = blocks.ok_or(SimulationError::Cancelled)?;
    let cheapest = cheapest_counts(plan.option_count(), &blocks, n);
    let mut options = summarise(plan, &blocks, n, control).ok_or(SimulationError::Cancelled)?;
    for (option, count) in options.iter_mut().zip(&cheapest) {
        option.prob_cheapest = *count as f64 / n as f64;
    }
    let in_house_cheapest = cheapest.last().map_or(1.0, |c| *c as f64 / n as f64);
    let elapsed_ms = started.elapsed().as_secs_f64() * 1e3;
    Ok(SimulationResult { samples: n, seed: settings.seed, elapsed_ms, options, in_house_cheapest })
}

/// The uncertain inputs, each with its sampler and, for a Latin hypercube, its strata: built in
/// parallel, as shuffling 100,000 strata for each of 20 inputs is a visible part of a run.
fn uncertain_inputs(plan: &Plan, settings: Settings) -> Vec<Uncertain> {
    plan.inputs
        .par_iter()
        .enumerate()
        .filter_map(|(slot, input)| {
            let d = input.estimate.distribution()?;
            let strata_key = strata_key(settings.seed, slot);
            let most = crate::model::magnitude(&input.site.to_string(), input.kind).most;
            Some(Uncertain { slot, kind: input.kind, sampler: Sampler::new(d), strata_key, most })
        })
        .collect()
}

fn run_blocks(plan: &Plan, uncertain: &[Uncertain], settings: Settings, control: &Control) -> Option<Vec<BlockResult>> {
    let n = settings.samples;
    let options = plan.option_count();
    let horizon = plan.horizon();
    let band_draws = (MAX_BAND_VALUES / (options * horizon).max(1)).max(1);
    let block_count = n.div_ceil(BLOCK);
    let columns = options * horizon;
    (0..block_count)
        .into_par_iter()
        .map_init(
            || (Batch::new(plan), vec![[0.0; LANES]; uncertain.len()]),
            |(batch, uniforms), block| {
                if control.is_cancelled() {
                    return None;
                }
                let first = block * BLOCK;
                let len = BLOCK.min(n - first);
                let keep_bands = first < band_draws;
                let mut out = BlockResult {
                    npv: vec![0.0; options * len],
                    savings: vec![0.0; options * len],
                    cumulative: if keep_bands { vec![0; columns * len] } else { Vec::new() },
                };
                for lanes_start in (0..len).step_by(LANES) {
                    let lanes = LANES.min(len - lanes_start);
                    let draws = first + lanes_start..first + lanes_start + lanes;
                    sample(batch, uniforms, uncertain, settings, draws);
                    batch.run(plan);
                    // Lanes past `lanes` (in a block's last batch) hold stale draws: ignored.
                    for o in 0..options {
                        let at = o * len + lanes_start;
                        out.npv[at..at + lanes].copy_from_slice(&batch.npv(o)[..lanes]);
                        let mut running = [0.0; LANES];
                        for (t, savings) in batch.savings(o).iter().enumerate() {
                            for (running, s) in running.iter_mut().zip(savings) {
                                *running += s;
                            }
                            if keep_bands {
                                let at = (o * horizon + t) * len + lanes_start;
                                for (band, running) in out.cumulative[at..at + lanes].iter_mut().zip(&running) {
                                    *band = order_key(*running as f32);
                                }
                            }
                        }
                        out.savings[at..at + lanes].copy_from_slice(&running[..lanes]);
                    }
                }
                control.done.fetch_add(len, Ordering::Relaxed);
                Some(out)
            },
        )
        .collect()
}

/// Puts draws `draws` (at most [`LANES`]) into the lanes of `batch`: draw `i` takes its
/// uniforms, one per uncertain input in plan order, from its own stream.
fn sample(batch: &mut Batch, uniforms: &mut [Lanes], uncertain: &[Uncertain], settings: Settings, draws: Range<usize>) {
    for (lane, draw) in draws.clone().enumerate() {
        let mut rng = stream(settings.seed, DRAW_STREAM, draw as u64);
        for u in uniforms.iter_mut() {
            u[lane] = open_unit(&mut rng);
        }
    }
    let n = settings.samples as f64;
    for (input, uniforms) in uncertain.iter().zip(uniforms.iter()) {
        let lanes = batch.lanes_mut(Slot(input.slot));
        for ((value, &u), draw) in lanes.iter_mut().zip(uniforms).zip(draws.clone()) {
            let u = match settings.method {
                Method::Random => u,
                Method::LatinHypercube => {
                    let stratum = permuted(draw as u32, settings.samples as u32, input.strata_key);
                    (f64::from(stratum) + u) / n
                }
            };
            *value = input.kind.clamp(input.sampler.sample(u)).clamp(-input.most, input.most);
        }
    }
}

/// How many draws each option is the cheapest in (the highest positive NPV of savings, the
/// first listed on a tie), then how many draws in-house is (no option's NPV above 0): the same
/// draws for every option, so the shares answer "which is cheapest?" rather than "how likely is
/// each to save money?".
fn cheapest_counts(options: usize, blocks: &[BlockResult], n: usize) -> Vec<u64> {
    let mut counts = vec![0u64; options + 1];
    for (b, block) in blocks.iter().enumerate() {
        let len = BLOCK.min(n - b * BLOCK);
        for draw in 0..len {
            let mut best = (options, 0.0);
            for o in 0..options {
                let npv = block.npv[o * len + draw];
                if npv > best.1 {
                    best = (o, npv);
                }
            }
            counts[best.0] += 1;
        }
    }
    counts
}

fn summarise(plan: &Plan, blocks: &[BlockResult], n: usize, control: &Control) -> Option<Vec<OptionSimulation>> {
    let options = plan.option_count();
    let horizon = plan.horizon();
    let block_len = |b: usize| BLOCK.min(n - b * BLOCK);
    let gather = |field: fn(&BlockResult) -> &Vec<f64>, o: usize| -> Vec<f64> {
        let mut all = Vec::with_capacity(n);
        for (b, block) in blocks.iter().enumerate() {
            let len = block_len(b);
            all.extend_from_slice(&field(block)[o * len..(o + 1) * len]);
        }
        all
    };
    // Bands: one column per (option, month), each reduced to its three percentiles in parallel.
    let columns: Vec<(f64, f64, f64)> = (0..options * horizon)
        .into_par_iter()
        .map(|column| {
            // The column's keys stay in their blocks: no copy of every band value.
            let parts: Vec<&[u32]> = (blocks.iter().enumerate())
                .filter(|(_, block)| !block.cumulative.is_empty())
                .map(|(b, block)| &block.cumulative[column * block_len(b)..(column + 1) * block_len(b)])
                .collect();
            band_percentiles(&parts)
        })
        .collect();
    if control.is_cancelled() {
        return None;
    }
    let summary = |o: usize| {
        let mut npvs = gather(|b| &b.npv, o);
        let mut savings = gather(|b| &b.savings, o);
        let prob_loss = npvs.iter().filter(|&&x| x < 0.0).count() as f64 / n as f64;
        let histogram = Histogram::of(&npvs, HISTOGRAM_BINS);
        let npv = Summary::of(&mut npvs);
        let bands = &columns[o * horizon..(o + 1) * horizon];
        OptionSimulation {
            name: plan.option_names[o].clone(),
            npv,
            savings_total: Summary::of(&mut savings),
            prob_loss,
            // Filled in from every option's draws together, after this.
            prob_cheapest: 0.0,
            histogram,
            cumulative_bands: Bands {
                p10: bands.iter().map(|b| b.0).collect(),
                p50: bands.iter().map(|b| b.1).collect(),
                p90: bands.iter().map(|b| b.2).collect(),
            },
        }
    };
    let mut all = Vec::with_capacity(options);
    let order: Vec<usize> = (0..options).collect();
    for group in order.chunks(SUMMARISED_AT_ONCE) {
        all.extend(group.par_iter().map(|&o| summary(o)).collect::<Vec<_>>());
        if control.is_cancelled() {
            return None;
        }
    }
    Some(all)
}
