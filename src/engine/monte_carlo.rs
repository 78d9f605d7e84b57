//! Monte Carlo (contract §6): every distribution input sampled independently, the projection
//! run per draw, percentiles, a histogram and monthly bands per option.
//!
//! Reproducibility: draw `i` takes its uniforms from its own PCG stream seeded from
//! (seed, i), and Latin hypercube strata come from one stream per input, so the results do not
//! depend on the number of threads or on how the draws are scheduled.

use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use rand_pcg::Pcg64Mcg;
use rand_pcg::rand_core::{Rng as _, SeedableRng as _};
use rayon::prelude::*;
use serde::Serialize;

use super::batch::{Batch, LANES, Lanes};
use super::finance::percentiles;
use super::plan::{Plan, Slot};
use crate::model::{
    Distribution, Method, ValueKind, beta_cdf, lognormal_parameters, pert_shape, standard_normal_quantile,
};

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
        let sd = (data.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n).sqrt();
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
}

/// How one uncertain input turns a uniform number into a value.
#[derive(Clone, Debug)]
enum Sampler {
    Uniform {
        low: f64,
        width: f64,
    },
    Triangular {
        low: f64,
        mode: f64,
        high: f64,
    },
    /// Beta CDF tabulated on an even grid of x, inverted by search and linear interpolation.
    Pert {
        low: f64,
        width: f64,
        cdf: Vec<f64>,
        /// `guide[j]`: the first grid point whose CDF is ≥ j / PERT_GUIDE, where the search
        /// for a u in [j / PERT_GUIDE, (j + 1) / PERT_GUIDE) starts (a guide table: a step or
        /// two instead of a binary search's eleven dependent loads, the same point found).
        guide: Vec<u32>,
    },
    Normal {
        mean: f64,
        sd: f64,
    },
    LogNormal {
        mu: f64,
        sigma: f64,
    },
}

/// Grid intervals of a PERT sampler's CDF table (error below 1e-7 of the range).
const PERT_TABLE: usize = 2048;
/// Cells of a PERT sampler's guide table.
const PERT_GUIDE: usize = 2048;

impl Sampler {
    fn new(d: &Distribution) -> Self {
        match *d {
            Distribution::Uniform { low, high } => Self::Uniform { low, width: high - low },
            Distribution::Triangular { low, mode, high } => Self::Triangular { low, mode, high },
            Distribution::Pert { low, mode, high } => {
                let (a, b) = pert_shape(low, mode, high);
                // In parallel: the table costs about as much as 1,000 draws.
                let mut cdf: Vec<f64> =
                    (0..=PERT_TABLE).into_par_iter().map(|i| beta_cdf(a, b, i as f64 / PERT_TABLE as f64)).collect();
                // A CDF never decreases; keep rounding in the incomplete beta from making it.
                for i in 1..cdf.len() {
                    cdf[i] = cdf[i].max(cdf[i - 1]);
                }
                let guide = (0..=PERT_GUIDE)
                    .map(|j| cdf.partition_point(|&c| c < j as f64 / PERT_GUIDE as f64) as u32)
                    .collect();
                Self::Pert { low, width: high - low, cdf, guide }
            }
            Distribution::Normal { mean, sd } => Self::Normal { mean, sd },
            Distribution::LogNormal { p5, p95 } => {
                let (mu, sigma) = lognormal_parameters(p5, p95);
                Self::LogNormal { mu, sigma }
            }
        }
    }

    fn sample(&self, u: f64) -> f64 {
        match self {
            Self::Uniform { low, width } => low + u * width,
            Self::Triangular { low, mode, high } => crate::model::triangular_quantile(*low, *mode, *high, u),
            Self::Pert { low, width, cdf, guide } => {
                let i = first_at_least(cdf, guide, u).clamp(1, PERT_TABLE);
                let (c0, c1) = (cdf[i - 1], cdf[i]);
                let w = if c1 > c0 { (u - c0) / (c1 - c0) } else { 0.5 };
                low + width * ((i - 1) as f64 + w) / PERT_TABLE as f64
            }
            Self::Normal { mean, sd } => mean + sd * standard_normal_quantile(u),
            Self::LogNormal { mu, sigma } => (mu + sigma * standard_normal_quantile(u)).exp(),
        }
    }
}

/// The first index of the non-decreasing `cdf` whose value is ≥ `u` (`cdf.len()` if none):
/// `cdf.partition_point(|&c| c < u)`, found from the guide table's start.
fn first_at_least(cdf: &[f64], guide: &[u32], u: f64) -> usize {
    let cell = ((u * PERT_GUIDE as f64) as usize).min(PERT_GUIDE);
    let mut i = guide.get(cell).map_or(0, |&i| i as usize);
    // The cell's start is at or before the answer, unless rounding put u in the next cell.
    while i > 0 && cdf[i - 1] >= u {
        i -= 1;
    }
    while i < cdf.len() && cdf[i] < u {
        i += 1;
    }
    i
}

/// A uniform number in the open interval (0, 1).
fn open_unit(rng: &mut Pcg64Mcg) -> f64 {
    ((rng.next_u64() >> 11) as f64 + 0.5) * (1.0 / (1u64 << 53) as f64)
}

/// SplitMix64's finaliser: spreads a seed over all 64 bits.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn stream(seed: u64, kind: u64, index: u64) -> Pcg64Mcg {
    Pcg64Mcg::seed_from_u64(mix(mix(seed ^ kind.wrapping_mul(0xA24B_AED4_963E_E407)) ^ index))
}

const DRAW_STREAM: u64 = 1;
const STRATA_STREAM: u64 = 2;

struct Uncertain {
    slot: usize,
    kind: ValueKind,
    sampler: Sampler,
    /// Latin hypercube: the stratum of each draw.
    strata: Vec<u32>,
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
    let options = summarise(plan, &blocks, n, control).ok_or(SimulationError::Cancelled)?;
    Ok(SimulationResult { samples: n, seed: settings.seed, elapsed_ms: started.elapsed().as_secs_f64() * 1e3, options })
}

/// The uncertain inputs, each with its sampler and, for a Latin hypercube, its strata: built in
/// parallel, as shuffling 100,000 strata for each of 20 inputs is a visible part of a run.
fn uncertain_inputs(plan: &Plan, settings: Settings) -> Vec<Uncertain> {
    plan.inputs
        .par_iter()
        .enumerate()
        .filter_map(|(slot, input)| {
            let d = input.estimate.distribution()?;
            let strata = match settings.method {
                Method::Random => Vec::new(),
                Method::LatinHypercube => {
                    let mut rng = stream(settings.seed, STRATA_STREAM, slot as u64);
                    let mut strata: Vec<u32> = (0..settings.samples as u32).collect();
                    for i in (1..strata.len()).rev() {
                        strata.swap(i, below(&mut rng, i as u64 + 1) as usize);
                    }
                    strata
                }
            };
            Some(Uncertain { slot, kind: input.kind, sampler: Sampler::new(d), strata })
        })
        .collect()
}

/// A uniform integer in `0..bound` by Lemire's multiply-shift: no division (a 64-bit modulo
/// cost more than the rest of a shuffle step), with a bias below `bound / 2^64`, far under
/// anything a simulation of at most a million draws could show.
fn below(rng: &mut Pcg64Mcg, bound: u64) -> u64 {
    ((u128::from(rng.next_u64()) * u128::from(bound)) >> 64) as u64
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
                Method::LatinHypercube => (f64::from(input.strata[draw]) + u) / n,
            };
            *value = input.kind.clamp(input.sampler.sample(u));
        }
    }
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
    Some(
        (0..options)
            .into_par_iter()
            .map(|o| {
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
                    histogram,
                    cumulative_bands: Bands {
                        p10: bands.iter().map(|b| b.0).collect(),
                        p50: bands.iter().map(|b| b.1).collect(),
                        p90: bands.iter().map(|b| b.2).collect(),
                    },
                }
            })
            .collect(),
    )
}

/// An integer that orders like `f32::total_cmp`: selecting on plain `u32` comparisons is much
/// faster than on `total_cmp`, and [`from_order_key`] gives the very same value back.
fn order_key(x: f32) -> u32 {
    let bits = x.to_bits();
    if bits & 0x8000_0000 != 0 { !bits } else { bits | 0x8000_0000 }
}

/// The inverse of [`order_key`].
fn from_order_key(key: u32) -> f32 {
    f32::from_bits(if key & 0x8000_0000 != 0 { key & 0x7FFF_FFFF } else { !key })
}

/// Bucket bits of [`order_statistics`]: 2,048 buckets.
const BUCKET_BITS: u32 = 11;
/// At most this many keys are simply sorted by [`order_statistics`].
const SORT_BELOW: usize = 2048;

/// P10, P50 and P90 of a column (as [`order_key`]s), interpolating linearly between order
/// statistics exactly as [`percentile_sorted`](super::finance::percentile_sorted) does on the
/// sorted column.
fn band_percentiles(keys: &[&[u32]]) -> (f64, f64, f64) {
    let n = keys.iter().map(|part| part.len()).sum::<usize>();
    if n == 0 {
        return (f64::NAN, f64::NAN, f64::NAN);
    }
    let percentiles = [0.1, 0.5, 0.9].map(|p| {
        let rank = p * (n - 1) as f64;
        let below = rank.floor() as usize;
        (below, (below + 1).min(n - 1), rank - below as f64)
    });
    let ranks: Vec<usize> = percentiles.iter().flat_map(|&(below, above, _)| [below, above]).collect();
    let mut statistics = vec![0; ranks.len()];
    order_statistics(keys, &ranks, &mut statistics);
    let value = |i: usize| f64::from(from_order_key(statistics[i]));
    let [p10, p50, p90] = [0, 1, 2].map(|i| {
        let (lower, upper) = (value(2 * i), value(2 * i + 1));
        lower + (upper - lower) * percentiles[i].2
    });
    (p10, p50, p90)
}

/// The order statistics at `ranks` (each below the number of keys) of the keys in `parts`, into
/// `out`.
///
/// Without sorting the column, and without the selections that were a fifth of a run: the
/// keys are counted into 2,048 buckets of equal key width between the least and the greatest
/// key (keys order like the values, so the buckets do too), the buckets holding the wanted
/// ranks are found from the counts, and only their keys are kept and searched the same way.
/// Each level narrows the key span at least 1,024-fold, so a column whose values crowd into
/// a few buckets (around zero, say, where floats are dense) still takes a few light passes.
fn order_statistics(parts: &[&[u32]], ranks: &[usize], out: &mut [u32]) {
    let n = parts.iter().map(|part| part.len()).sum::<usize>();
    if n <= SORT_BELOW {
        let mut sorted = parts.concat();
        sorted.sort_unstable();
        for (out, &rank) in out.iter_mut().zip(ranks) {
            *out = sorted[rank];
        }
        return;
    }
    let (least, greatest) = parts
        .iter()
        .map(|part| part.iter().fold((u32::MAX, u32::MIN), |(lo, hi), &k| (lo.min(k), hi.max(k))))
        .fold((u32::MAX, u32::MIN), |(lo, hi), (part_lo, part_hi)| (lo.min(part_lo), hi.max(part_hi)));
    let shift = (u32::BITS - (greatest - least).leading_zeros()).saturating_sub(BUCKET_BITS);
    let bucket = |key: u32| ((key - least) >> shift) as usize;
    // Four interleaved tallies: consecutive keys often fall in the same bucket, and one tally
    // would make each increment wait for the previous one's store.
    let mut tallies = vec![[0_u32; 4]; bucket(greatest) + 1];
    for part in parts {
        let mut quads = part.chunks_exact(4);
        for quad in &mut quads {
            for (lane, &key) in quad.iter().enumerate() {
                tallies[bucket(key)][lane] += 1;
            }
        }
        for &key in quads.remainder() {
            tallies[bucket(key)][0] += 1;
        }
    }
    let counts: Vec<usize> = tallies.iter().map(|t| t.iter().map(|&c| c as usize).sum()).collect();
    // starts[b]: how many keys lie in the buckets before b (the rank of b's least key).
    let starts: Vec<usize> = counts
        .iter()
        .scan(0, |before, &count| {
            let start = *before;
            *before += count;
            Some(start)
        })
        .collect();
    let bucket_of_rank = |rank: usize| starts.partition_point(|&start| start <= rank) - 1;
    // The buckets to keep, each with its place in `kept` (u8::MAX: not kept).
    let mut place = vec![u8::MAX; counts.len()];
    let mut kept: Vec<(usize, Vec<u32>)> = Vec::new();
    for &rank in ranks {
        let b = bucket_of_rank(rank);
        if place[b] == u8::MAX {
            place[b] = kept.len() as u8;
            kept.push((b, Vec::with_capacity(counts[b])));
        }
    }
    for &key in parts.iter().flat_map(|part| part.iter()) {
        if let Some((_, bucket)) = kept.get_mut(usize::from(place[bucket(key)])) {
            bucket.push(key);
        }
    }
    for (b, bucket_keys) in &kept {
        if least == greatest || bucket_keys.len() == n {
            // One key value only (shift 0 and a single bucket): every rank is it.
            out.fill(least);
            return;
        }
        let (local, places): (Vec<usize>, Vec<usize>) = ranks
            .iter()
            .enumerate()
            .filter(|&(_, &rank)| bucket_of_rank(rank) == *b)
            .map(|(i, &rank)| (rank - starts[*b], i))
            .unzip();
        let mut found = vec![0; local.len()];
        order_statistics(&[bucket_keys], &local, &mut found);
        for (i, value) in places.into_iter().zip(found) {
            out[i] = value;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{PERT_GUIDE, Sampler, band_percentiles, first_at_least, from_order_key, order_key};
    use crate::engine::finance::percentile_sorted;
    use crate::model::Distribution;

    #[test]
    fn order_keys_sort_like_total_cmp_and_come_back_unchanged() {
        let mut values = vec![
            0.0_f32,
            -0.0,
            1.5,
            -1.5,
            f32::MIN_POSITIVE,
            -f32::MIN_POSITIVE,
            f32::MAX,
            f32::MIN,
            f32::INFINITY,
            f32::NEG_INFINITY,
            3.25e7,
            -3.25e7,
        ];
        for x in &values {
            assert_eq!(from_order_key(order_key(*x)).to_bits(), x.to_bits());
        }
        let mut keys: Vec<u32> = values.iter().map(|&x| order_key(x)).collect();
        values.sort_by(f32::total_cmp);
        keys.sort_unstable();
        let back: Vec<u32> = keys.into_iter().map(|k| from_order_key(k).to_bits()).collect();
        assert_eq!(back, values.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
    }

    /// The columns' percentiles, as [`percentile_sorted`] gives them on the sorted values.
    fn expected(values: &[f32]) -> (f64, f64, f64) {
        let mut sorted: Vec<f64> = values.iter().map(|&x| f64::from(x)).collect();
        sorted.sort_by(f64::total_cmp);
        (percentile_sorted(&sorted, 0.1), percentile_sorted(&sorted, 0.5), percentile_sorted(&sorted, 0.9))
    }

    #[test]
    fn the_pert_guide_table_finds_what_a_binary_search_finds() {
        for (low, mode, high) in
            [(0.0, 0.5, 1.0), (900.0, 1000.0, 1100.0), (41.0, 44.0, 52.0), (0.0, 0.001, 1.0), (3.0, 3.0, 9.0)]
        {
            let Sampler::Pert { cdf, guide, .. } = Sampler::new(&Distribution::Pert { low, mode, high }) else {
                panic!("a PERT sampler");
            };
            let mut us: Vec<f64> = (0..=20_000).map(|i| f64::from(i) / 20_000.0).collect();
            us.extend(cdf.iter().copied());
            us.extend(cdf.iter().map(|&c| c + 1e-17));
            us.extend((0..=PERT_GUIDE).map(|j| j as f64 / PERT_GUIDE as f64));
            for u in us {
                assert_eq!(
                    first_at_least(&cdf, &guide, u),
                    cdf.partition_point(|&c| c < u),
                    "PERT({low}, {mode}, {high}), u = {u}"
                );
            }
        }
    }

    #[test]
    fn band_percentiles_are_the_percentiles_of_the_sorted_column() {
        let spread = |n: usize, f: &dyn Fn(f64) -> f64| -> Vec<f32> {
            (0..n).map(|i| f(((i * 7919) % n) as f64 / n as f64) as f32).collect()
        };
        let columns: Vec<(&str, Vec<f32>)> = vec![
            ("one value", vec![4.5]),
            ("two values", vec![3.0, -1.0]),
            ("all equal", vec![2.5; 5000]),
            ("a few distinct values", (0..9999).map(|i| (i % 3) as f32).collect()),
            ("uniform, crossing zero", spread(100_000, &|u| (u - 0.3) * 2e6)),
            ("concentrated, with outliers", {
                let mut v = spread(50_001, &|u| 1e7 + u * 10.0);
                v.extend([-3e9, 5e12, 0.0, -0.0]);
                v
            }),
            ("exponential tail", spread(20_000, &|u| (-(1.0 - u).ln()) * 1e5)),
            ("tiny magnitudes around zero", spread(10_007, &|u| (u - 0.5) * 1e-30)),
        ];
        for (name, values) in columns {
            let keys: Vec<u32> = values.iter().map(|&x| order_key(x)).collect();
            let got = band_percentiles(&[&keys[..keys.len() / 3], &keys[keys.len() / 3..]]);
            let want = expected(&values);
            let bits = |t: (f64, f64, f64)| (t.0.to_bits(), t.1.to_bits(), t.2.to_bits());
            assert_eq!(bits(got), bits(want), "{name}: {got:?} vs {want:?}");
        }
    }
}
