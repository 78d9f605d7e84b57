//! P10 / P50 / P90 of the monthly cumulative savings across draws: order statistics of
//! columns of up to a million values, selected without sorting them.

use crate::engine::finance::Quantile;

/// An integer that orders like `f32::total_cmp`: selecting on plain `u32` comparisons is much
/// faster than on `total_cmp`, and [`from_order_key`] gives the very same value back.
pub(super) fn order_key(x: f32) -> u32 {
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
pub(super) fn band_percentiles(keys: &[&[u32]]) -> (f64, f64, f64) {
    let n = keys.iter().map(|part| part.len()).sum::<usize>();
    if n == 0 {
        return (f64::NAN, f64::NAN, f64::NAN);
    }
    let percentiles = [0.1, 0.5, 0.9].map(|p| Quantile::of(p, n));
    let ranks: Vec<usize> = percentiles.iter().flat_map(|q| [q.below, q.above]).collect();
    let mut statistics = vec![0; ranks.len()];
    order_statistics(keys, &ranks, &mut statistics);
    let value = |i: usize| f64::from(from_order_key(statistics[i]));
    let [p10, p50, p90] = [0, 1, 2].map(|i| Quantile::between(value(2 * i), value(2 * i + 1), percentiles[i].weight));
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
    for part in parts {
        for &key in *part {
            // Most keys are in no kept bucket: test that first, with one small table lookup.
            let at = place[bucket(key)];
            if at != u8::MAX {
                kept[usize::from(at)].1.push(key);
            }
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
    use super::{band_percentiles, from_order_key, order_key};
    use crate::engine::finance::percentile_sorted;

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
