//! Which item of the old file is which item of the new one. Items are paired by name, exactly as
//! written, the k-th item of a name with the k-th of the same name: inserting, removing or moving
//! an option does not make every later option look changed, as pairing by index would. An item
//! left over in each file that differs only by its name is the same item renamed.

use crate::model::Model;
use crate::model::inputs::{InputSite, OptionField, site_of};

/// The pairing of one list's items: old index ↔ new index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct ListMatch {
    /// For each old item, the new item it is.
    pub old_to_new: Vec<Option<usize>>,
    /// For each new item, the old item it was.
    pub new_to_old: Vec<Option<usize>>,
}

impl ListMatch {
    /// Pairs the names of two lists: by name, duplicates in the order they come.
    pub fn by_name<'a>(old: &[&'a str], new: &[&'a str]) -> Self {
        let mut old_to_new = vec![None; old.len()];
        let mut new_to_old = vec![None; new.len()];
        for (i, name) in old.iter().enumerate() {
            let nth = old[..i].iter().filter(|n| *n == name).count();
            let found = new.iter().enumerate().filter(|(_, n)| *n == name).nth(nth).map(|(j, _)| j);
            if let Some(j) = found {
                old_to_new[i] = Some(j);
                new_to_old[j] = Some(i);
            }
        }
        Self { old_to_new, new_to_old }
    }

    /// Pairs each item left without a partner with the first unpaired item of the other file
    /// that is the same in everything but its name (`same(old, new)`): a renamed item, which
    /// reads better as a new name than as one item removed and another added.
    pub fn pair_renamed(mut self, same: impl Fn(usize, usize) -> bool) -> Self {
        for i in 0..self.old_to_new.len() {
            if self.old_to_new[i].is_some() {
                continue;
            }
            let found = (0..self.new_to_old.len()).find(|&j| self.new_to_old[j].is_none() && same(i, j));
            if let Some(j) = found {
                self.old_to_new[i] = Some(j);
                self.new_to_old[j] = Some(i);
            }
        }
        self
    }

    /// The paired items, (old, new), in old order.
    pub fn pairs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.old_to_new.iter().enumerate().filter_map(|(i, j)| j.map(|j| (i, j)))
    }

    /// The old items the new list no longer has.
    pub fn removed(&self) -> impl Iterator<Item = usize> + '_ {
        self.old_to_new.iter().enumerate().filter(|(_, j)| j.is_none()).map(|(i, _)| i)
    }

    /// The new items the old list did not have.
    pub fn added(&self) -> impl Iterator<Item = usize> + '_ {
        self.new_to_old.iter().enumerate().filter(|(_, i)| i.is_none()).map(|(j, _)| j)
    }

    /// True when items present in both files no longer come in the same order.
    pub fn reordered(&self) -> bool {
        let order: Vec<usize> = self.pairs().map(|(_, j)| j).collect();
        order.windows(2).any(|w| w[0] > w[1])
    }
}

/// The pairing of every named list of two models.
#[derive(Clone, Debug)]
pub(super) struct Matching {
    /// In-house cost lines.
    pub costs: ListMatch,
    /// Options.
    pub options: ListMatch,
    /// Retained lines of each old option that is also in the new file.
    pub retained: Vec<Option<ListMatch>>,
    /// Hidden costs of each old option that is also in the new file.
    pub hidden: Vec<Option<ListMatch>>,
    /// Scenarios.
    pub scenarios: ListMatch,
}

/// Pairs two lists by name, then pairs what is left where only the name changed.
fn pair<T: Clone + PartialEq>(
    old: &[T],
    new: &[T],
    name: impl Fn(&T) -> &str,
    name_mut: impl Fn(&mut T) -> &mut String,
) -> ListMatch {
    let (before, after): (Vec<&str>, Vec<&str>) = (old.iter().map(&name).collect(), new.iter().map(&name).collect());
    ListMatch::by_name(&before, &after).pair_renamed(|i, j| {
        let (mut a, mut b) = (old[i].clone(), new[j].clone());
        name_mut(&mut a).clear();
        name_mut(&mut b).clear();
        a == b
    })
}

impl Matching {
    /// Pairs every named list of `old` with the same list of `new`.
    pub fn new(old: &Model, new: &Model) -> Self {
        let options = pair(&old.options, &new.options, |o| o.name.as_str(), |o| &mut o.name);
        let both = |i: usize, j: Option<usize>| j.map(|j| (&old.options[i], &new.options[j]));
        let retained = (options.old_to_new.iter().enumerate())
            .map(|(i, j)| {
                both(i, *j).map(|(a, b)| pair(&a.retained, &b.retained, |l| l.name.as_str(), |l| &mut l.name))
            })
            .collect();
        let hidden = (options.old_to_new.iter().enumerate())
            .map(|(i, j)| both(i, *j).map(|(a, b)| pair(&a.hidden, &b.hidden, |h| h.name.as_str(), |h| &mut h.name)))
            .collect();
        Self {
            costs: pair(&old.in_house.costs, &new.in_house.costs, |l| l.name.as_str(), |l| &mut l.name),
            retained,
            hidden,
            scenarios: pair(&old.scenarios, &new.scenarios, |s| s.name.as_str(), |s| &mut s.name),
            options,
        }
    }

    /// Where an input of the old file is in the new one; `None` when the item holding it (an
    /// option, a cost line, a hidden cost) is gone. The field itself may still be missing in the
    /// new file (the offer is priced another way, or has no learning curve any more).
    pub fn forward(&self, site: InputSite) -> Option<InputSite> {
        Some(match site {
            InputSite::InHouseCost { line, field } => {
                InputSite::InHouseCost { line: (*self.costs.old_to_new.get(line)?)?, field }
            }
            InputSite::Option { option, field } => {
                let field = match field {
                    OptionField::Retained { line, field } => {
                        let lines = self.retained.get(option)?.as_ref()?;
                        OptionField::Retained { line: (*lines.old_to_new.get(line)?)?, field }
                    }
                    OptionField::Hidden { item, field } => {
                        let items = self.hidden.get(option)?.as_ref()?;
                        OptionField::Hidden { item: (*items.old_to_new.get(item)?)?, field }
                    }
                    other => other,
                };
                InputSite::Option { option: (*self.options.old_to_new.get(option)?)?, field }
            }
            model_wide => model_wide,
        })
    }

    /// Where an input of the new file was in the old one; `None` when the item holding it is new.
    pub fn back(&self, site: InputSite) -> Option<InputSite> {
        Some(match site {
            InputSite::InHouseCost { line, field } => {
                InputSite::InHouseCost { line: (*self.costs.new_to_old.get(line)?)?, field }
            }
            InputSite::Option { option, field } => {
                let old = (*self.options.new_to_old.get(option)?)?;
                let field = match field {
                    OptionField::Retained { line, field } => {
                        let lines = self.retained.get(old)?.as_ref()?;
                        OptionField::Retained { line: (*lines.new_to_old.get(line)?)?, field }
                    }
                    OptionField::Hidden { item, field } => {
                        let items = self.hidden.get(old)?.as_ref()?;
                        OptionField::Hidden { item: (*items.new_to_old.get(item)?)?, field }
                    }
                    other => other,
                };
                InputSite::Option { option: old, field }
            }
            model_wide => model_wide,
        })
    }

    /// An input path of the old file (a scenario's override, a pinned slider) as the new file
    /// would write it for the same input. A path into an item that is gone cannot be written in
    /// the new file: it is marked so that it equals no path there. A path that names no input
    /// of the old file is kept as written.
    pub fn path(&self, old: &Model, path: &str) -> String {
        match site_of(old, path) {
            None => path.to_owned(),
            Some(site) => self.forward(site).map_or_else(|| format!("{path} (removed)"), |s| s.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::inputs::{HiddenField, LineField};
    use crate::model::samples::default_model;

    fn sample() -> crate::model::Model {
        default_model().expect("the contact-center sample loads")
    }

    #[test]
    fn names_pair_exactly_and_duplicates_pair_in_order() {
        let m = ListMatch::by_name(&["A", "B", "B", "C"], &["b", "B", "X", "A", "B"]);
        assert_eq!(m.old_to_new, vec![Some(3), Some(1), Some(4), None]);
        assert_eq!(m.new_to_old, vec![None, Some(1), None, Some(0), Some(2)]);
        assert_eq!(m.removed().collect::<Vec<_>>(), vec![3]);
        assert_eq!(m.added().collect::<Vec<_>>(), vec![0, 2]);
        assert!(m.reordered(), "A came before B and now comes after");
        assert!(!ListMatch::by_name(&["A", "B"], &["X", "A", "B"]).reordered());
    }

    #[test]
    fn an_option_inserted_in_front_moves_every_input_of_the_later_ones() {
        let old = sample();
        let mut new = old.clone();
        new.options.insert(0, crate::model::SourcingOption::named("Newcomer".into()));
        new.options[3].hidden.remove(0);
        let matching = Matching::new(&old, &new);
        let rate = InputSite::Option { option: 2, field: OptionField::Rate };
        assert_eq!(matching.forward(rate), Some(InputSite::Option { option: 3, field: OptionField::Rate }));
        let hidden = |option, item| InputSite::Option {
            option,
            field: OptionField::Hidden { item, field: HiddenField::Amount },
        };
        assert_eq!(matching.forward(hidden(2, 0)), None, "that hidden cost is gone");
        assert_eq!(matching.forward(hidden(2, 1)), Some(hidden(3, 0)));
        assert_eq!(matching.back(hidden(3, 0)), Some(hidden(2, 1)));
        assert_eq!(matching.back(InputSite::Option { option: 0, field: OptionField::Rate }), None, "a new option");
        let line = InputSite::InHouseCost { line: 1, field: LineField::Amount };
        assert_eq!(matching.forward(line), Some(line));
        assert_eq!(matching.path(&old, "options[2].rate_escalation"), "options[3].rate_escalation");
        assert_eq!(
            matching.path(&old, "options[2].hidden[0].cost.amount"),
            "options[2].hidden[0].cost.amount (removed)"
        );
        assert_eq!(matching.path(&old, "no.such.input"), "no.such.input");
    }
}
