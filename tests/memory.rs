//! Every model that validates simulates within 1 GiB, on the command line (the window runs the
//! same engine under the same limit), or is refused before it starts with a reason and what to
//! lower. The worst cases run in a child process under a 1 GiB address-space limit: with the
//! strata of a Latin hypercube stored per input, the first needed about 4 GB and aborted.

#![cfg(target_os = "linux")]

use std::path::Path;
use std::process::Command;

use shoreline::model::{generate, io, validate};

/// 1 GiB, in the KiB `ulimit -v` counts.
const ONE_GIB_KB: u64 = 1 << 20;

/// `shoreline simulate FILE` in a shell whose address space is limited to 1 GiB.
fn simulate_in_one_gib(file: &Path) -> (i32, String, String) {
    let bin = env!("CARGO_BIN_EXE_shoreline");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {ONE_GIB_KB} && exec \"$0\" simulate \"$1\""))
        .arg(bin)
        .arg(file)
        .output()
        .expect("the shell runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write(dir: &Path, name: &str, model: &shoreline::model::Model) -> std::path::PathBuf {
    assert!(!validate(model).has_errors(), "the worst case is a valid model");
    let path = dir.join(name);
    std::fs::write(&path, io::to_ron_string(model).expect("writes")).expect("saved");
    path
}

#[test]
fn a_thousand_uncertain_lines_at_a_million_latin_hypercube_draws_run_in_one_gib() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(dir.path(), "lines.ron", &generate::uncertain_lines_model(1000, 1_000_000));
    let (code, out, err) = simulate_in_one_gib(&file);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Vendor") && !err.contains("alloc"), "{out}\n{err}");
}

#[test]
fn thirty_options_at_a_million_draws_run_in_one_gib() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(dir.path(), "options.ron", &generate::many_options_model(30, 36, 1_000_000));
    let (code, out, err) = simulate_in_one_gib(&file);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Vendor 30"), "{out}");
}

#[test]
fn a_run_too_large_for_one_gib_is_refused_before_it_starts_saying_what_to_lower() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(dir.path(), "huge.ron", &generate::many_options_model(50, 600, 1_000_000));
    let (code, out, err) = simulate_in_one_gib(&file);
    assert_eq!(code, 2, "{out}{err}");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("50 option(s) × 1,000,000 draws would need about")
            && err.contains("lower the draws to 600,000 or fewer"),
        "{err}"
    );
}
