//! A catalog of published hidden costs of outsourcing, as templates a user adds to an option
//! and then edits. Figures and sources: `hidden-costs.md` of the shared data. Most are a share
//! of the vendor's fees ("contract value" in the sources), spread uniformly over the published
//! best-to-worst range because no source gives a most likely value.

use super::{Distribution, Estimate, HiddenCategory, HiddenCost, HiddenCostKind};

/// One template of the catalog.
#[derive(Clone, Debug, PartialEq)]
pub struct CatalogEntry {
    /// The name the hidden cost gets.
    pub name: &'static str,
    /// Its category.
    pub category: HiddenCategory,
    /// How it is incurred, with the published range.
    pub cost: HiddenCostKind,
    /// The source and year, copied into the hidden cost's note.
    pub note: &'static str,
}

impl CatalogEntry {
    /// The hidden cost this entry adds to an option, its source kept in the note.
    pub fn hidden_cost(&self) -> HiddenCost {
        HiddenCost {
            name: self.name.to_owned(),
            category: self.category,
            cost: self.cost.clone(),
            note: self.note.to_owned(),
        }
    }
}

/// The worksheet most entries come from, spelt once.
macro_rules! cio {
    () => {
        "CIO magazine, S. Overby, \"Do the math\" worksheet, 2003"
    };
}

fn share(low: f64, high: f64) -> HiddenCostKind {
    HiddenCostKind::PercentOfFees { pct: Estimate::Uncertain(Distribution::Uniform { low, high }) }
}

/// Every entry, in the order of a contract's life: selection, transition, running, exit.
pub fn catalog() -> Vec<CatalogEntry> {
    vec![
        CatalogEntry {
            name: "Vendor selection",
            category: HiddenCategory::VendorSelection,
            cost: share(0.002, 0.02),
            note: concat!("0.2–2 % of contract value, best to worst case. ", cio!()),
        },
        CatalogEntry {
            name: "Transition",
            category: HiddenCategory::Transition,
            cost: share(0.02, 0.03),
            note: concat!(
                "2–3 % of contract value; transition typically takes 3–12 months with no savings meanwhile. ",
                cio!()
            ),
        },
        CatalogEntry {
            name: "Layoffs and retention",
            category: HiddenCategory::Severance,
            cost: share(0.03, 0.05),
            note: concat!("3–5 % of contract value. ", cio!()),
        },
        CatalogEntry {
            name: "Lost productivity, cultural issues",
            category: HiddenCategory::Quality,
            cost: share(0.03, 0.27),
            note: concat!(
                "3–27 % of contract value (META Group, quoted there: productivity drops ~20 % in the first two years). ",
                cio!()
            ),
        },
        CatalogEntry {
            name: "Improving processes",
            category: HiddenCategory::Other,
            cost: share(0.01, 0.10),
            note: concat!("1–10 % of contract value. ", cio!()),
        },
        CatalogEntry {
            name: "Managing the contract",
            category: HiddenCategory::Governance,
            cost: share(0.06, 0.10),
            note: concat!("6–10 % of contract value. ", cio!()),
        },
        CatalogEntry {
            name: "Governance, vendor management",
            category: HiddenCategory::Governance,
            cost: share(0.03, 0.06),
            note: "3–6 % of contract value, higher at start-up. O'Reilly, Mastering Risk Management, ch. 18",
        },
        CatalogEntry {
            name: "Expected SLA credits",
            category: HiddenCategory::Sla,
            // A credit the vendor pays back: negative. The published 15 % is a troubled deal;
            // a working contract expects far less, so the template assumes 0–2 %.
            cost: HiddenCostKind::PercentOfFees {
                pct: Estimate::Uncertain(Distribution::Uniform { low: -0.02, high: 0.0 }),
            },
            note: "Assumed 0–2 % of fees credited back; a troubled deal saw 15 % ($11M on $75M). PA Consulting case, 2006",
        },
        CatalogEntry {
            name: "Vendor attrition, replacement",
            category: HiddenCategory::Attrition,
            // 25–45 % of agents leave a year × ~70 % of a salary to replace each × pay ≈ 30 % of the
            // billed price ≈ 5–9.5 % of fees, if the vendor passes all of it on.
            cost: share(0.05, 0.095),
            note: "Attrition 25–40 % (India voice BPO, Nasscom 2005), 31–45 % (Philippines, CCAP 2022) × replacing an \
                   agent ≈ 70 % of annual salary (Hay Group) × pay ≈ 30 % of the billed price (vendor sources, 2021); \
                   lower it if the contract shields you",
        },
        CatalogEntry {
            name: "Knowledge transfer",
            category: HiddenCategory::KnowledgeTransfer,
            cost: HiddenCostKind::Monthly { amount: Estimate::Fixed(0.0), from: 0, to: Some(6) },
            note: concat!(
                "No published figure: enter the monthly cost of your staff teaching the vendor; transition takes \
                 3–12 months. ",
                cio!()
            ),
        },
        CatalogEntry {
            name: "Travel to the vendor",
            category: HiddenCategory::Travel,
            cost: HiddenCostKind::Monthly { amount: Estimate::Fixed(0.0), from: 0, to: None },
            note: "No published figure: enter trips per year × cost per trip ÷ 12",
        },
        CatalogEntry {
            name: "Compliance and audits",
            category: HiddenCategory::Compliance,
            cost: HiddenCostKind::Monthly { amount: Estimate::Fixed(0.0), from: 0, to: None },
            note: "No published figure: enter audits, data-protection assessments and certifications per month",
        },
        CatalogEntry {
            name: "Exit, bringing the work back",
            category: HiddenCategory::Exit,
            cost: HiddenCostKind::OneTime { amount: Estimate::Fixed(0.0), month: 0 },
            note: "Enter the cost and month of an exit: 48 % terminated a contract early (Deloitte Global Outsourcing \
                   Survey, 2012); 25 % brought work back in-house (Deloitte, Calling a Change in the Outsourcing \
                   Market, 2005)",
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Model, validate};

    fn example() -> Model {
        crate::model::samples::contract_example()
    }

    #[test]
    fn every_template_validates_inside_a_model() {
        for entry in catalog() {
            let mut model = example();
            model.options[0].hidden.push(entry.hidden_cost());
            let problems = validate(&model);
            assert!(!problems.has_errors(), "{}: {:?}", entry.name, problems);
            let at = format!("options[0].hidden[{}]", model.options[0].hidden.len() - 1);
            assert_eq!(problems.at(&at).count(), 0, "{}: {:?}", entry.name, problems);
        }
    }

    #[test]
    fn adding_an_entry_keeps_its_note() {
        for entry in catalog() {
            let cost = entry.hidden_cost();
            assert_eq!(cost.note, entry.note);
            assert!(!entry.note.trim().is_empty(), "{}", entry.name);
        }
    }
}
