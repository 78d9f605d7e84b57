//! An optional field written as its value alone when present, and left out when absent
//! (`value: 0.12`, not RON's `value: Some(0.12)`): use with
//! `#[serde(default, skip_serializing_if = "Option::is_none", with = "super::bare")]`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub fn serialize<T: Serialize, S: Serializer>(value: &Option<T>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => v.serialize(serializer),
        // Never reached: the field is skipped when absent.
        None => serializer.serialize_none(),
    }
}

pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}
