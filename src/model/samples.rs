//! The sample models shipped with Shoreline, embedded in the binary: one per kind of process,
//! with illustrative figures whose sources are written in each model's notes.

use super::Model;
use super::io::{LoadError, from_ron_str};

/// A sample model as embedded in the binary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sample {
    /// The title shown in menus.
    pub title: &'static str,
    /// The file name under `sample_models/`.
    pub file_name: &'static str,
    /// The file's canonical RON text.
    pub text: &'static str,
}

/// The default model: inbound contact center, also the benchmark model.
pub const CONTACT_CENTER: Sample = Sample {
    title: "Contact center (front office)",
    file_name: "contact_center.ron",
    text: include_str!("../../sample_models/contact_center.ron"),
};

/// Every sample, the default (contact center) first.
pub const SAMPLES: &[Sample] = &[
    CONTACT_CENTER,
    Sample {
        title: "Accounts payable (back office F&A)",
        file_name: "accounts_payable.ron",
        text: include_str!("../../sample_models/accounts_payable.ron"),
    },
    Sample {
        title: "IT help desk (ITO)",
        file_name: "it_help_desk.ron",
        text: include_str!("../../sample_models/it_help_desk.ron"),
    },
    Sample {
        title: "HR and payroll (back office)",
        file_name: "hr_payroll.ron",
        text: include_str!("../../sample_models/hr_payroll.ron"),
    },
    Sample {
        title: "Research and analytics (knowledge process)",
        file_name: "research_analytics.ron",
        text: include_str!("../../sample_models/research_analytics.ron"),
    },
];

/// Parses a sample. Validation is separate: see [`super::validate`].
pub fn load_sample(sample: &Sample) -> Result<Model, LoadError> {
    from_ron_str(sample.text)
}

/// The default model (the contact center), parsed.
///
/// The embedded text is checked by the tests, so this does not fail in practice; should it
/// ever, the error is returned rather than panicking, for the caller to show.
pub fn default_model() -> Result<Model, LoadError> {
    load_sample(&CONTACT_CENTER)
}

/// The contract's example model (`tests/fixtures/contract_example.ron`), for unit tests.
#[cfg(test)]
pub(crate) fn contract_example() -> super::Model {
    super::io::from_ron_str(include_str!("../../tests/fixtures/contract_example.ron"))
        .expect("the contract example loads")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_sample_loads() {
        for sample in SAMPLES {
            let model = load_sample(sample).unwrap_or_else(|e| panic!("{} does not load: {e}", sample.file_name));
            assert!(!model.options.is_empty(), "{}", sample.file_name);
        }
    }

    #[test]
    fn the_default_model_loads() {
        assert!(default_model().is_ok());
    }
}
