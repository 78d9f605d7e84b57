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
    /// Brings the tornado, spider and hidden-cost curve up to date with `option` in `results`
    /// (computed only when the results, scenario or option changed).
    pub fn refresh(&mut self, results: &Results, scenario: Option<usize>, option: usize) {
        let key = (results.revision, scenario, option);
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        self.sensitivity = (option < results.plan.option_count()).then(|| sensitivity(&results.plan, option));
    }

    /// The tornado, spider and hidden-cost curve of the last [`Self::refresh`].
    pub fn sensitivity(&self) -> Option<&Sensitivity> {
        self.sensitivity.as_ref()
    }

    /// Brings the heat map of the inputs at paths `x` and `y` up to date: NPV of `option` over a
    /// [`HEAT_MAP_CELLS`]² grid, computed only when the results or the pair changed.
    pub fn refresh_heat_map(&mut self, results: &Results, scenario: Option<usize>, option: usize, x: &str, y: &str) {
        let key = (results.revision, scenario, option);
        if self.heat.as_ref().is_some_and(|(k, a, b, _)| *k == key && a == x && b == y) {
            return;
        }
        let plan = &results.plan;
        self.heat = match (plan.slot_of(x), plan.slot_of(y)) {
            (Some(xs), Some(ys)) if option < plan.option_count() => {
                Some((key, x.to_owned(), y.to_owned(), heat_map(plan, option, xs, ys, HEAT_MAP_CELLS)))
            }
            _ => None,
        };
    }

    /// True when the heat map is of these results, scenario and option (whatever its pair).
    pub fn heat_map_is_current(&self, results: &Results, scenario: Option<usize>, option: usize) -> bool {
        self.heat.as_ref().is_some_and(|(k, ..)| *k == (results.revision, scenario, option))
    }

    /// The heat map of the last [`Self::refresh_heat_map`], with the paths of its two inputs.
    pub fn heat_map(&self) -> Option<(&str, &str, &HeatMap)> {
        self.heat.as_ref().map(|(_, x, y, map)| (x.as_str(), y.as_str(), map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::analysis::Analysis;
    use crate::model::samples::default_model;

    #[test]
    fn results_are_computed_once_per_revision_and_the_heat_map_once_per_pair() {
        let model = default_model().expect("loads");
        let mut analysis = Analysis::default();
        analysis.refresh(&model, 1, None);
        let results = analysis.results.as_ref().expect("valid");
        let mut cache = SensitivityCache::default();
        cache.refresh(results, None, 0);
        let tornado = cache.sensitivity().expect("computed").tornado.clone();
        assert!(tornado.len() >= 2);
        let (x, y) = (tornado[0].path.as_str(), tornado[1].path.as_str());
        cache.refresh_heat_map(results, None, 0, x, y);
        let (cx, cy, map) = cache.heat_map().expect("computed");
        assert_eq!((cx, cy), (x, y));
        assert_eq!(map.npv.len(), HEAT_MAP_CELLS * HEAT_MAP_CELLS);
        cache.refresh(results, None, 99);
        assert!(cache.sensitivity().is_none(), "no such option");
    }
}
