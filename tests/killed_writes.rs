//! Killing the window in the middle of writing its crash-recovery copy never loses the copy:
//! the test runs itself as a child that writes recovery copies in a loop (as the window does a
//! few seconds after each change), kills it with SIGKILL at spread-out moments, and each time
//! finds a whole recovery copy, one of the models the child wrote. (Saves of the model file go
//! through the same atomic write: `tests/atomic_save.rs` kills `shoreline fmt` mid-save.)

#![cfg(unix)]

use std::process::Command;
use std::time::Duration;

use shoreline::app::recovery::Recovery;
use shoreline::model::{Model, io};

const CHILD: &str = "SHORELINE_TEST_RECOVERY_WRITER";

fn model(n: u32) -> Model {
    let mut m = io::from_ron_str(include_str!("fixtures/contract_example.ron")).expect("loads");
    m.name = format!("Version {n}");
    m
}

/// In the child: write recovery copies into the folder named by the environment, forever.
#[test]
fn recovery_writer_child() {
    let Some(dir) = std::env::var_os(CHILD) else { return };
    let recovery = Recovery::new(std::path::Path::new(&dir));
    for n in 0.. {
        recovery.write(&model(n % 50), None).expect("written");
    }
}

#[test]
fn killing_the_window_while_it_writes_its_recovery_copy_never_loses_the_copy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let recovery = Recovery::new(dir.path());
    recovery.write(&model(0), None).expect("the first copy");
    let names: Vec<String> = (0..50).map(|n| format!("Version {n}")).collect();
    for round in 0..40_u64 {
        let mut child = Command::new(std::env::current_exe().expect("this test binary"))
            .args(["recovery_writer_child", "--exact", "--nocapture"])
            .env(CHILD, dir.path())
            .spawn()
            .expect("the child starts");
        // Spread the kills over the first 10–90 ms of writing.
        std::thread::sleep(Duration::from_millis(10 + (round * 37) % 80));
        child.kill().expect("killed");
        child.wait().expect("reaped");
        let found = recovery.find().expect("the copy reads").expect("a copy is there");
        assert!(names.contains(&found.model.name), "round {round}: {}", found.model.name);
    }
}
