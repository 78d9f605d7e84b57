//! Sensitivity results kept between frames: the tornado, spider and hidden-cost curve are
//! computed once per (revision, scenario, option); the heat map once per chosen pair of inputs
//! on top of that. The window reads them every frame and never runs the engine itself.

use super::analysis::Results;
use crate::engine::sensitivity::{HeatMap, Sensitivity, heat_map, sensitivity};

/// Cells per side of the heat map grid.
pub const HEAT_MAP_CELLS: usize = 31;

/// What the cached sensitivity is of.
type Key = (u64, Option<usize>, usize);

/// The cached sensitivity of the option in focus.
#[derive(Debug, Default)]
pub struct SensitivityCache {
    key: Option<Key>,
    sensitivity: Option<Sensitivity>,
    heat: Option<(Key, String, String, HeatMap)>,
}

impl SensitivityCache {
    /// Tornado, spider and hidden-cost curve of `option` in `results` (computed on the first call
    /// after the results changed).
    pub fn sensitivity(&mut self, results: &Results, scenario: Option<usize>, option: usize) -> Option<&Sensitivity> {
        if option >= results.plan.option_count() {
            return None;
        }
        let key = (results.revision, scenario, option);
        if self.key != Some(key) {
            self.sensitivity = Some(sensitivity(&results.plan, option));
            self.key = Some(key);
        }
        self.sensitivity.as_ref()
    }

    /// NPV of `option` over a [`HEAT_MAP_CELLS`]² grid of the inputs at `x` and `y` (their paths).
    pub fn heat_map(
        &mut self,
        results: &Results,
        scenario: Option<usize>,
        option: usize,
        x: &str,
        y: &str,
    ) -> Option<&HeatMap> {
        let plan = &results.plan;
        let (xs, ys) = (plan.slot_of(x)?, plan.slot_of(y)?);
        if option >= plan.option_count() {
            return None;
        }
        let key = (results.revision, scenario, option);
        let fresh = self.heat.as_ref().is_some_and(|(k, a, b, _)| *k == key && a == x && b == y);
        if !fresh {
            let map = heat_map(plan, option, xs, ys, HEAT_MAP_CELLS);
            self.heat = Some((key, x.to_owned(), y.to_owned(), map));
        }
        self.heat.as_ref().map(|(.., map)| map)
    }
}
