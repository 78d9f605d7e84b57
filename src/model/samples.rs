//! The bundled sample models (temporary: the contract example only, until the samples land).

use super::Model;
use super::io::{LoadError, from_ron_str};

/// A bundled sample model.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    /// Title for menus.
    pub title: &'static str,
    /// File name suggested when saving.
    pub file_name: &'static str,
    /// The RON text.
    pub text: &'static str,
}

/// Every bundled sample.
pub const SAMPLES: &[Sample] = &[Sample {
    title: "Contact center",
    file_name: "contact_center.ron",
    text: include_str!("../../tests/fixtures/contract_example.ron"),
}];

/// Parses a sample.
pub fn load_sample(sample: &Sample) -> Result<Model, LoadError> {
    from_ron_str(sample.text)
}

/// The model the app opens on first start.
pub fn default_model() -> Result<Model, LoadError> {
    load_sample(&SAMPLES[0])
}
