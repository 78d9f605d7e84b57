//! Saving is atomic: the previous file is kept as `NAME.ron.bak`, a failed save leaves the old
//! file byte-identical, and killing `shoreline fmt` at any moment never leaves a missing,
//! half-written or different model behind.
//!
//! The tests run as root, so read-only permissions cannot make a save fail; the failures used
//! here (a folder in the way, a missing parent, a file where a folder should be) work as root.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use shoreline::model::io::{self, SaveError};
use shoreline::model::{Estimate, Model};

const EXAMPLE: &str = include_str!("fixtures/contract_example.ron");

fn example() -> Model {
    io::from_ron_str(EXAMPLE).expect("the example loads")
}

/// The example with its options' minimum changed, so that it saves to different text.
fn changed() -> Model {
    let mut m = example();
    m.options[0].minimum_monthly = Estimate::Fixed(123_456.0);
    m
}

/// Every entry of a folder, by name, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("the folder lists")
        .map(|e| e.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

#[test]
fn save_replaces_the_file_and_keeps_the_previous_one_byte_for_byte_as_name_ron_bak() {
    let dir = temp_dir();
    let path = dir.path().join("model.ron");
    // The original has comments and the user's layout: the backup must keep them.
    fs::write(&path, EXAMPLE).expect("writes");
    io::save(&path, &changed()).expect("saves");
    assert_eq!(fs::read_to_string(&path).expect("reads"), io::to_ron_string(&changed()).expect("writes"));
    assert_eq!(io::load(&path).expect("loads"), changed());
    let backup = dir.path().join("model.ron.bak");
    assert_eq!(io::backup_path(&path), backup);
    assert_eq!(fs::read_to_string(&backup).expect("the backup reads"), EXAMPLE);
    assert_eq!(entries(dir.path()), ["model.ron", "model.ron.bak"]);
}

#[test]
fn the_backup_holds_the_file_as_it_was_before_the_latest_save() {
    let dir = temp_dir();
    let path = dir.path().join("model.ron");
    io::save(&path, &example()).expect("the first save");
    // A new file has nothing to back up.
    assert_eq!(entries(dir.path()), ["model.ron"]);
    let first = fs::read(&path).expect("reads");
    io::save(&path, &changed()).expect("the second save");
    assert_eq!(fs::read(dir.path().join("model.ron.bak")).expect("reads"), first);
    let second = fs::read(&path).expect("reads");
    io::save(&path, &example()).expect("the third save");
    assert_eq!(fs::read(dir.path().join("model.ron.bak")).expect("reads"), second);
    assert_eq!(fs::read(&path).expect("reads"), first);
}

#[track_caller]
fn assert_io_error(result: Result<String, SaveError>, path: &Path) {
    match result {
        Err(e @ SaveError::Io { .. }) => {
            let message = e.to_string();
            assert!(message.starts_with("cannot save") && message.contains(&*path.to_string_lossy()), "{message}");
        }
        other => panic!("expected an I/O error, got {other:?}"),
    }
}

#[track_caller]
fn assert_no_temporary_files(dir: &Path) {
    let strays: Vec<String> = entries(dir).into_iter().filter(|n| n.contains(".shoreline-")).collect();
    assert!(strays.is_empty(), "temporary files left behind: {strays:?}");
}

#[test]
fn a_save_that_cannot_write_its_backup_fails_and_leaves_the_old_file_byte_identical() {
    let dir = temp_dir();
    let path = dir.path().join("model.ron");
    fs::write(&path, EXAMPLE).expect("writes");
    // A non-empty folder where the backup goes: renaming the backup over it fails, even as root.
    let in_the_way = dir.path().join("model.ron.bak");
    fs::create_dir(&in_the_way).expect("creates");
    fs::write(in_the_way.join("keep.txt"), "mine").expect("writes");
    assert_io_error(io::save(&path, &changed()), &path);
    assert_eq!(fs::read_to_string(&path).expect("reads"), EXAMPLE);
    assert_eq!(fs::read_to_string(in_the_way.join("keep.txt")).expect("reads"), "mine");
    assert_no_temporary_files(dir.path());
}

#[test]
fn a_backup_that_is_a_folder_is_named_as_such() {
    let dir = temp_dir();
    let path = dir.path().join("model.ron");
    fs::write(&path, EXAMPLE).expect("writes");
    fs::create_dir(dir.path().join("model.ron.bak")).expect("creates");
    let message = io::save(&path, &changed()).expect_err("refused").to_string();
    assert!(message.contains("model.ron.bak is a folder"), "{message}");
    assert_eq!(fs::read_to_string(&path).expect("reads"), EXAMPLE);
}

/// Clears the immutable flag again, so the temp folder can be removed whatever the test did.
struct Immutable<'a>(&'a Path);

impl Drop for Immutable<'_> {
    fn drop(&mut self) {
        let _ = std::process::Command::new("chattr").arg("-i").arg(self.0).status();
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_failed_save_leaves_the_older_backup_as_it_was() {
    let dir = temp_dir();
    let path = dir.path().join("model.ron");
    let backup = dir.path().join("model.ron.bak");
    fs::write(&path, EXAMPLE).expect("writes");
    fs::write(&backup, "the older version").expect("writes");
    // An immutable file (chattr +i): the final rename over it fails, after the backup was copied.
    let made = std::process::Command::new("chattr").arg("+i").arg(&path).status().expect("chattr runs");
    assert!(made.success(), "chattr +i needs root on ext4, as on the CI machine");
    let _guard = Immutable(&path);
    assert_io_error(io::save(&path, &changed()), &path);
    assert_eq!(fs::read_to_string(&path).expect("reads"), EXAMPLE);
    assert_eq!(fs::read_to_string(&backup).expect("reads"), "the older version", "the backup is untouched");
    assert_no_temporary_files(dir.path());
}

#[test]
fn a_later_save_removes_what_killed_saves_of_the_same_file_left_behind() {
    let dir = temp_dir();
    let path = dir.path().join("model.ron");
    fs::write(&path, EXAMPLE).expect("writes");
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let leftover = |name: &str, when: std::time::SystemTime| {
        let file = fs::File::create(dir.path().join(name)).expect("creates");
        file.set_modified(when).expect("sets the time");
    };
    leftover(".model.ron.shoreline-AbC123.tmp", hour_ago);
    leftover(".model.ron.shoreline-XyZ789.bak.tmp", hour_ago);
    // Another file's leftover, and a save of this file that may still be running: not ours to remove.
    leftover(".other.ron.shoreline-Qwe456.tmp", hour_ago);
    leftover(".model.ron.shoreline-Now000.tmp", std::time::SystemTime::now());
    io::save(&path, &changed()).expect("saves");
    assert_eq!(
        entries(dir.path()),
        [".model.ron.shoreline-Now000.tmp", ".other.ron.shoreline-Qwe456.tmp", "model.ron", "model.ron.bak"]
    );
}

#[test]
fn a_save_over_a_folder_fails_and_leaves_the_folder_alone() {
    let dir = temp_dir();
    let path = dir.path().join("model.ron");
    fs::create_dir(&path).expect("creates");
    fs::write(path.join("inside.txt"), "mine").expect("writes");
    assert!(io::save(&path, &example()).is_err());
    assert!(path.is_dir());
    assert_eq!(fs::read_to_string(path.join("inside.txt")).expect("reads"), "mine");
    assert_no_temporary_files(dir.path());
}

#[test]
fn a_save_into_a_missing_folder_fails_and_creates_nothing() {
    let dir = temp_dir();
    let path = dir.path().join("no such folder").join("model.ron");
    assert_io_error(io::save(&path, &example()), &path);
    assert_eq!(entries(dir.path()), Vec::<String>::new());
}

#[test]
fn a_save_below_a_file_fails_and_leaves_that_file_alone() {
    let dir = temp_dir();
    let file = dir.path().join("notes.txt");
    fs::write(&file, "mine").expect("writes");
    let path = file.join("model.ron");
    assert_io_error(io::save(&path, &example()), &path);
    assert_eq!(fs::read_to_string(&file).expect("reads"), "mine");
    assert_eq!(entries(dir.path()), ["notes.txt"]);
}

#[test]
fn fmt_exits_3_when_the_file_cannot_be_written_and_leaves_it_byte_identical() {
    let dir = temp_dir();
    let path = dir.path().join("model.ron");
    fs::write(&path, EXAMPLE).expect("writes");
    fs::create_dir(dir.path().join("model.ron.bak")).expect("creates");
    fs::write(dir.path().join("model.ron.bak").join("x"), "x").expect("writes");
    let out = Command::new(env!("CARGO_BIN_EXE_shoreline")).arg("fmt").arg(&path).output().expect("runs");
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot save"), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(fs::read_to_string(&path).expect("reads"), EXAMPLE);
    assert_no_temporary_files(dir.path());
}

#[test]
fn fmt_rewrites_a_file_in_canonical_form_that_loads_to_the_same_model() {
    let dir = temp_dir();
    let path = dir.path().join("model.ron");
    fs::write(&path, EXAMPLE).expect("writes");
    let out = Command::new(env!("CARGO_BIN_EXE_shoreline")).arg("fmt").arg(&path).output().expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(fs::read_to_string(&path).expect("reads"), io::to_ron_string(&example()).expect("writes"));
    assert_eq!(io::load(&path).expect("loads"), example());
    assert_eq!(fs::read_to_string(dir.path().join("model.ron.bak")).expect("reads"), EXAMPLE);
}

#[cfg(unix)]
#[test]
fn save_keeps_the_files_permissions() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = temp_dir();
    let path = dir.path().join("model.ron");
    fs::write(&path, EXAMPLE).expect("writes");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o664)).expect("chmod");
    io::save(&path, &changed()).expect("saves");
    let mode = fs::metadata(&path).expect("stat").permissions().mode() & 0o777;
    assert_eq!(mode, 0o664, "mode after save: {mode:o}");
}

#[cfg(unix)]
#[cfg(unix)]
#[test]
fn save_keeps_the_files_owner_and_group() {
    use std::os::unix::fs::MetadataExt as _;
    let dir = temp_dir();
    let path = dir.path().join("model.ron");
    fs::write(&path, EXAMPLE).expect("writes");
    // A colleague's file in a shared folder (the CI machine runs as root, which may give it away).
    std::os::unix::fs::chown(&path, Some(4321), Some(4321)).expect("chown needs root, as on the CI machine");
    io::save(&path, &changed()).expect("saves");
    let meta = fs::metadata(&path).expect("metadata");
    assert_eq!((meta.uid(), meta.gid()), (4321, 4321));
}

#[test]
fn saving_through_a_symlink_updates_the_linked_file() {
    let dir = temp_dir();
    let real = dir.path().join("real.ron");
    let link = dir.path().join("link.ron");
    fs::write(&real, EXAMPLE).expect("writes");
    std::os::unix::fs::symlink(&real, &link).expect("links");
    io::save(&link, &changed()).expect("saves");
    assert!(fs::symlink_metadata(&link).expect("stat").file_type().is_symlink(), "the link was replaced");
    assert_eq!(io::load(&real).expect("loads"), changed());
}

// ---------------------------------------------------------------------------------------------
// Killing `shoreline fmt` at random moments

/// A model large enough that one `fmt` (load, then save) takes tens of milliseconds in a debug
/// build: the example with 300 more cost lines and 30 more options.
fn large_model() -> Model {
    let mut m = example();
    let line = m.in_house.costs[0].clone();
    for i in 0..300 {
        let mut l = line.clone();
        l.name = format!("Agent group {i}");
        m.in_house.costs.push(l);
    }
    let option = m.options[0].clone();
    for i in 0..30 {
        let mut o = option.clone();
        o.name = format!("Partner {i}");
        m.options.push(o);
    }
    m
}

/// xorshift64*: a fixed, dependency-free sequence of delays.
struct Delays(u64);

impl Delays {
    fn next(&mut self, max: Duration) -> Duration {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let r = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D);
        let micros = u64::try_from(max.as_micros()).expect("fits").max(1);
        Duration::from_micros(r % micros)
    }
}

fn fmt(path: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_shoreline"))
        .arg("fmt")
        .arg(path)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("shoreline starts")
}

#[test]
fn killing_fmt_at_any_moment_leaves_the_model_whole() {
    let dir = temp_dir();
    let path: PathBuf = dir.path().join("model.ron");
    let backup = dir.path().join("model.ron.bak");
    let model = large_model();
    let text = io::to_ron_string(&model).expect("writes");
    fs::write(&path, &text).expect("writes");
    // The file is canonical, so every complete save writes the same bytes: a byte comparison is
    // a complete check (and cheap); a mismatch is then explained by loading the file.
    assert_eq!(io::load(&path).expect("loads"), model);

    // How long one uninterrupted run takes on this machine, to spread the kills over it.
    let mut longest = Duration::ZERO;
    for _ in 0..3 {
        let started = Instant::now();
        let status = fmt(&path).wait().expect("waits");
        assert!(status.success());
        longest = longest.max(started.elapsed());
    }
    assert_eq!(fs::read_to_string(&path).expect("reads"), text);
    let window = longest.mul_f64(1.1).min(Duration::from_millis(120));

    let mut delays = Delays(0x5EED_2024_0BAD_F00D);
    let mut killed = 0;
    for iteration in 0..150 {
        let mut child = fmt(&path);
        std::thread::sleep(delays.next(window));
        // The child may have finished already; then kill fails harmlessly.
        let _ = child.kill();
        let status = child.wait().expect("waits");
        if status.code().is_none() {
            killed += 1;
        }
        let now = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("iteration {iteration}: the model is missing or unreadable: {e}"));
        if now != text {
            let loaded = io::from_ron_str(&now);
            panic!("iteration {iteration}: the model changed ({} bytes, loads: {:?})", now.len(), loaded.is_ok());
        }
        if let Ok(saved) = fs::read_to_string(&backup) {
            assert_eq!(saved, text, "iteration {iteration}: the backup is not the previous model");
        }
        for name in entries(dir.path()) {
            let expected = name == "model.ron"
                || name == "model.ron.bak"
                || (name.starts_with(".model.ron.shoreline-") && name.ends_with(".tmp"));
            assert!(expected, "iteration {iteration}: unexpected file {name:?}");
        }
    }
    assert!(killed > 0, "no run was interrupted: the test proved nothing");
    println!("{killed} of 150 runs killed mid-way (one run takes up to {longest:?})");
    assert_eq!(io::load(&path).expect("loads"), model);
}

/// A valid model of `lines` short in-house lines, written compactly (the canonical form that
/// `fmt` writes is about five times longer).
fn compact_model_of(lines: usize) -> String {
    let costs: Vec<String> = (0..lines).map(|i| format!("(name:\"{i}\",behavior:Fixed,amount:1)")).collect();
    format!(
        "(format_version:1,name:\"big\",currency:\"USD\",horizon_months:12,discount_rate:0,\
         workload:(unit:\"u\",monthly_volume:1000),in_house:(units_per_fte_month:100,costs:[{}]),\
         options:[(name:\"V\",shore:Offshore,pricing:PerUnit(price:1))])",
        costs.join(",")
    )
}

#[test]
fn fmt_refuses_to_write_a_file_shoreline_would_refuse_to_open() {
    let dir = temp_dir();
    let path = dir.path().join("big.ron");
    let text = compact_model_of(95_000);
    assert!(text.len() < 16 << 20, "the compact file opens ({} bytes)", text.len());
    fs::write(&path, &text).expect("written");
    let out = Command::new(env!("CARGO_BIN_EXE_shoreline")).args(["fmt"]).arg(&path).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("over the 16 MiB Shoreline opens") && stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(fs::read_to_string(&path).expect("still there"), text, "the file is untouched");
    assert_eq!(entries(dir.path()), ["big.ron"], "no backup, no temporary file");
}

#[test]
fn the_backup_only_ever_holds_a_model_that_opens() {
    let dir = temp_dir();
    let path = dir.path().join("model.ron");
    io::save(&path, &example()).expect("first save");
    io::save(&path, &changed()).expect("second save");
    let good = fs::read_to_string(io::backup_path(&path)).expect("a backup");
    // Someone breaks the file by hand; the next save must not back the broken text up.
    fs::write(&path, "Model(format_version: 1, name: ").expect("broken");
    io::save(&path, &example()).expect("third save");
    assert_eq!(fs::read_to_string(io::backup_path(&path)).expect("a backup"), good);
    assert_eq!(io::load(&path).expect("the new file opens"), example());
}

#[cfg(unix)]
#[test]
fn a_save_waits_while_another_save_in_the_folder_holds_the_lock() {
    let dir = temp_dir();
    let path = dir.path().join("model.ron");
    fs::write(&path, EXAMPLE).expect("written");
    // Another save in progress, as the lock shows it.
    let held = fs::File::open(dir.path()).expect("the folder opens");
    held.lock().expect("locked");
    let mut fmt = Command::new(env!("CARGO_BIN_EXE_shoreline")).arg("fmt").arg(&path).spawn().expect("runs");
    std::thread::sleep(Duration::from_millis(600));
    assert!(fmt.try_wait().expect("waits").is_none(), "fmt finished while the folder was locked");
    assert_eq!(fs::read_to_string(&path).expect("untouched"), EXAMPLE);
    held.unlock().expect("unlocked");
    let status = fmt.wait().expect("finishes");
    assert!(status.success());
    assert_eq!(io::load(&path).expect("opens"), example());
}

#[test]
fn concurrent_fmt_of_one_file_always_leave_a_file_and_backup_that_open() {
    let dir = temp_dir();
    let path = dir.path().join("model.ron");
    fs::write(&path, EXAMPLE).expect("written");
    for _ in 0..10 {
        let runs: Vec<_> = (0..3)
            .map(|_| Command::new(env!("CARGO_BIN_EXE_shoreline")).arg("fmt").arg(&path).spawn().expect("runs"))
            .collect();
        for mut run in runs {
            assert!(run.wait().expect("finishes").success());
        }
        assert_eq!(io::load(&path).expect("the file opens"), example());
        assert_eq!(io::load(&io::backup_path(&path)).expect("the backup opens"), example());
    }
}
