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
const STRATA_STREAM: u64 = 2;

/// The Latin hypercube permutation key of the input in plan slot `slot`, for [`permuted`].
pub(super) fn strata_key(seed: u64, slot: usize) -> u32 {
    stream(seed, STRATA_STREAM, slot as u64).next_u32()
}

/// The place of `i` in a random permutation of `0..len` chosen by `key`: Kensler's hashed
/// permutation ("Correlated Multi-Jittered Sampling", Pixar 2013), a bijection on `0..len` for
/// every key, walked until it lands inside `0..len`. A Latin hypercube needs each input's draws
/// spread over its `len` strata, one each: this gives the stratum of draw `i` without storing a
/// shuffled list of every stratum (4 MB per uncertain input at a million draws; 4 GB for a model
/// of 1,000 of them).
pub(super) fn permuted(mut i: u32, len: u32, key: u32) -> u32 {
    debug_assert!(i < len);
    let mut w = len.wrapping_sub(1);
    w |= w >> 1;
    w |= w >> 2;
    w |= w >> 4;
    w |= w >> 8;
    w |= w >> 16;
    loop {
        i ^= key;
        i = i.wrapping_mul(0xe170_893d);
        i ^= key >> 16;
        i ^= (i & w) >> 4;
        i ^= key >> 8;
        i = i.wrapping_mul(0x0929_eb3f);
        i ^= key >> 23;
        i ^= (i & w) >> 1;
        i = i.wrapping_mul(1 | key >> 27);
        i = i.wrapping_mul(0x6935_fa69);
        i ^= (i & w) >> 11;
        i = i.wrapping_mul(0x74dc_b303);
        i ^= (i & w) >> 2;
        i = i.wrapping_mul(0x9e50_1cc3);
        i ^= (i & w) >> 2;
        i = i.wrapping_mul(0xc860_a3df);
        i &= w;
        i ^= i >> 5;
        if i < len {
            break;
        }
    }
    ((u64::from(i) + u64::from(key)) % u64::from(len)) as u32
}

#[cfg(test)]
mod permutation_tests {
    use super::permuted;

    #[test]
    fn every_stratum_is_drawn_exactly_once_whatever_the_length_and_key() {
        for len in [1_u32, 2, 3, 7, 64, 100, 1000, 4097] {
            for key in [0_u32, 1, 0xdead_beef, u32::MAX] {
                let mut seen = vec![false; len as usize];
                for i in 0..len {
                    let p = permuted(i, len, key);
                    assert!(p < len && !seen[p as usize], "len {len} key {key}: {p} twice");
                    seen[p as usize] = true;
                }
            }
        }
    }

    #[test]
    fn different_keys_give_different_orders() {
        let order = |key| (0..100).map(|i| permuted(i, 100, key)).collect::<Vec<_>>();
        assert_ne!(order(1), order(2));
        assert_ne!(order(1), (0..100).collect::<Vec<_>>(), "not the identity");
    }
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
