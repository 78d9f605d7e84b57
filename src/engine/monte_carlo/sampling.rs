//! Uniform numbers and the distributions' quantiles: per-draw random streams derived from the
//! seed, and one sampler per uncertain input.

use std::sync::{Arc, Mutex};

use rand_pcg::Pcg64Mcg;
use rand_pcg::rand_core::{Rng as _, SeedableRng as _};
use rayon::prelude::*;

use crate::model::{Distribution, beta_cdf, lognormal_parameters, pert_shape, standard_normal_quantile};

/// How one uncertain input turns a uniform number into a value.
#[derive(Clone, Debug)]
pub(super) enum Sampler {
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
        table: Arc<PertTable>,
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
    pub(super) fn new(d: &Distribution) -> Self {
        match *d {
            Distribution::Uniform { low, high } => Self::Uniform { low, width: high - low },
            Distribution::Triangular { low, mode, high } => Self::Triangular { low, mode, high },
            Distribution::Pert { low, mode, high } => {
                let (a, b) = pert_shape(low, mode, high);
                Self::Pert { low, width: high - low, table: PertTable::of_shape(a, b) }
            }
            Distribution::Normal { mean, sd } => Self::Normal { mean, sd },
            Distribution::LogNormal { p5, p95 } => {
                let (mu, sigma) = lognormal_parameters(p5, p95);
                Self::LogNormal { mu, sigma }
            }
        }
    }

    pub(super) fn sample(&self, u: f64) -> f64 {
        match self {
            Self::Uniform { low, width } => low + u * width,
            Self::Triangular { low, mode, high } => crate::model::triangular_quantile(*low, *mode, *high, u),
            Self::Pert { low, width, table } => {
                let PertTable { cdf, guide } = &**table;
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

/// The Beta CDF of a PERT shape on an even grid, with its guide table.
#[derive(Debug)]
pub(super) struct PertTable {
    cdf: Vec<f64>,
    /// `guide[j]`: the first grid point whose CDF is ≥ j / PERT_GUIDE, where the search for a
    /// u in [j / PERT_GUIDE, (j + 1) / PERT_GUIDE) starts (a guide table: a step or two instead
    /// of a binary search's eleven dependent loads, the same point found).
    guide: Vec<u32>,
}

/// Tables of recent runs, by shape. The window re-simulates after every edit, and an edit
/// changes one input at most: the other PERT inputs' tables, each costing about as much as
/// 1,000 draws, are reused.
static PERT_TABLES: Mutex<Vec<(Shape, Arc<PertTable>)>> = Mutex::new(Vec::new());

/// A Beta shape (α, β) by bits.
type Shape = (u64, u64);
/// Shapes [`PERT_TABLES`] keeps.
const PERT_TABLES_KEPT: usize = 64;

impl PertTable {
    /// The table of Beta(a, b), from the cache or computed.
    fn of_shape(a: f64, b: f64) -> Arc<Self> {
        let key = (a.to_bits(), b.to_bits());
        // A poisoned cache (a panic elsewhere while it was held) is only a cache: compute.
        if let Ok(tables) = PERT_TABLES.lock()
            && let Some((_, table)) = tables.iter().find(|(k, _)| *k == key)
        {
            return Arc::clone(table);
        }
        let table = Arc::new(Self::new(a, b));
        if let Ok(mut tables) = PERT_TABLES.lock() {
            if tables.len() >= PERT_TABLES_KEPT {
                tables.remove(0);
            }
            tables.push((key, Arc::clone(&table)));
        }
        table
    }

    fn new(a: f64, b: f64) -> Self {
        // In parallel: the table costs about as much as 1,000 draws.
        let mut cdf: Vec<f64> =
            (0..=PERT_TABLE).into_par_iter().map(|i| beta_cdf(a, b, i as f64 / PERT_TABLE as f64)).collect();
        // A CDF never decreases; keep rounding in the incomplete beta from making it.
        for i in 1..cdf.len() {
            cdf[i] = cdf[i].max(cdf[i - 1]);
        }
        let guide =
            (0..=PERT_GUIDE).map(|j| cdf.partition_point(|&c| c < j as f64 / PERT_GUIDE as f64) as u32).collect();
        Self { cdf, guide }
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
pub(super) fn open_unit(rng: &mut Pcg64Mcg) -> f64 {
    ((rng.next_u64() >> 11) as f64 + 0.5) * (1.0 / (1u64 << 53) as f64)
}

/// SplitMix64's finaliser: spreads a seed over all 64 bits.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

pub(super) fn stream(seed: u64, kind: u64, index: u64) -> Pcg64Mcg {
    Pcg64Mcg::seed_from_u64(mix(mix(seed ^ kind.wrapping_mul(0xA24B_AED4_963E_E407)) ^ index))
}

pub(super) const DRAW_STREAM: u64 = 1;
pub(super) const STRATA_STREAM: u64 = 2;

/// A uniform integer in `0..bound` by Lemire's multiply-shift: no division (a 64-bit modulo
/// cost more than the rest of a shuffle step), with a bias below `bound / 2^64`, far under
/// anything a simulation of at most a million draws could show.
pub(super) fn below(rng: &mut Pcg64Mcg, bound: u64) -> u64 {
    ((u128::from(rng.next_u64()) * u128::from(bound)) >> 64) as u64
}

#[cfg(test)]
mod tests {
    use super::{PERT_GUIDE, PertTable, Sampler, first_at_least};
    use crate::model::Distribution;

    #[test]
    fn the_pert_guide_table_finds_what_a_binary_search_finds() {
        for (low, mode, high) in
            [(0.0, 0.5, 1.0), (900.0, 1000.0, 1100.0), (41.0, 44.0, 52.0), (0.0, 0.001, 1.0), (3.0, 3.0, 9.0)]
        {
            let Sampler::Pert { table, .. } = Sampler::new(&Distribution::Pert { low, mode, high }) else {
                panic!("a PERT sampler");
            };
            let PertTable { cdf, guide } = &*table;
            let mut us: Vec<f64> = (0..=20_000).map(|i| f64::from(i) / 20_000.0).collect();
            us.extend(cdf.iter().copied());
            us.extend(cdf.iter().map(|&c| c + 1e-17));
            us.extend((0..=PERT_GUIDE).map(|j| j as f64 / PERT_GUIDE as f64));
            for u in us {
                assert_eq!(
                    first_at_least(cdf, guide, u),
                    cdf.partition_point(|&c| c < u),
                    "PERT({low}, {mode}, {high}), u = {u}"
                );
            }
        }
    }
}
