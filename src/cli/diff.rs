//! `shoreline diff OLD NEW`: what changed between two model files, and what it did to each
//! option's NPV, savings and payback. Exit 0 when they describe the same model, 1 when not.

use std::path::Path;

use super::{Failure, escape, json, load};
use crate::export::diff::{ModelDiff, diff};

/// Exit code: the files differ (as `diff(1)` says it).
const EXIT_DIFFERENT: u8 = 1;

/// A setting's old and new text are cut to this many characters in the table (a description or
/// a note can run to a paragraph); the JSON keeps them whole.
const SETTING_WIDTH: usize = 70;

/// Compares the two files and prints the differences; exit 0 when there are none, 1 when there
/// are, or the failure to read a file.
pub(super) fn run(old: &Path, new: &Path, as_json: bool) -> Result<u8, Failure> {
    let (before, after) = (load(old)?, load(new)?);
    let differences = diff(&before, &after);
    if as_json {
        json(&differences)?;
    } else {
        print!("{}", table(&differences, old, new));
    }
    Ok(if differences.is_empty() { 0 } else { EXIT_DIFFERENT })
}

/// The differences as text for the terminal: every line escaped, so a name from a colleague's
/// file cannot drive the terminal or break a line.
fn table(d: &ModelDiff, old: &Path, new: &Path) -> String {
    if d.is_empty() {
        return "No differences.\n".to_owned();
    }
    let mut lines = vec![format!("Old: {}", old.display()), format!("New: {}", new.display())];
    let mut section = |title: &str, rows: Vec<String>| {
        if !rows.is_empty() {
            lines.push(String::new());
            lines.push(format!("{title} ({})", rows.len()));
            lines.extend(rows.into_iter().map(|r| format!("  {r}")));
        }
    };
    section("Inputs changed", d.inputs.iter().map(|c| c.describe()).collect());
    section("Added", d.added.iter().map(|i| i.describe()).collect());
    section("Removed", d.removed.iter().map(|i| i.describe()).collect());
    section("Other changes", d.other.iter().map(|c| c.describe(SETTING_WIDTH)).collect());
    lines.push(String::new());
    lines.push("Results".to_owned());
    for (side, errors) in [("old", &d.errors.old), ("new", &d.errors.new)] {
        if !errors.is_empty() {
            lines.push(format!("  The {side} file is not a valid model, so nothing is computed from it:"));
            lines.extend(errors.iter().map(|e| format!("    {e}")));
        }
    }
    for option in &d.options {
        lines.push(format!("  {}", option.name));
        lines.extend(option.lines(&d.currency).into_iter().map(|l| format!("    {l}")));
    }
    lines.iter().map(|l| escape(l) + "\n").collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::samples::default_model;

    fn sample() -> crate::model::Model {
        default_model().expect("the contact-center sample loads")
    }

    #[test]
    fn a_hostile_name_cannot_break_a_line_or_drive_the_terminal() {
        let old = sample();
        let mut new = old.clone();
        new.options[0].name = "Evil\u{1b}[2J\nExit 0\r".into();
        let text = table(&diff(&old, &new), Path::new("a.ron"), Path::new("b.ron"));
        assert!(!text.contains('\u{1b}') && !text.contains('\r'), "{text}");
        assert!(text.contains("[options[0].name]: US onshore outsourcer → Evil\\u{1b}[2J\\nExit 0\\r"), "{text}");
        assert!(!text.lines().any(|l| l.starts_with("Exit 0")), "{text}");
    }

    #[test]
    fn identical_files_say_so_in_one_line() {
        let model = sample();
        assert_eq!(table(&diff(&model, &model), Path::new("a.ron"), Path::new("a.ron")), "No differences.\n");
    }
}
