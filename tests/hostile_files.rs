//! Files as they arrive by mail and USB stick: a byte-order mark, old Mac line ends, an empty
//! file, bytes that are not UTF-8, and paths that are not files at all. Each is built here in a
//! temp folder; each is either read as meant or refused with a message that says why.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use shoreline::model::io::{self, LoadError};

const SAMPLE: &str = include_str!("../sample_models/contact_center.ron");

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

#[test]
fn a_byte_order_mark_from_windows_notepad_is_accepted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(SAMPLE.as_bytes());
    let path = write(dir.path(), "bom.ron", &bytes);
    let model = io::load(&path).expect("a BOM is no reason to refuse a file");
    assert_eq!(model, io::from_ron_str(SAMPLE).expect("loads"));
}

#[test]
fn old_mac_line_ends_do_not_let_a_comment_swallow_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = format!("// Sent from a very old Mac\n{SAMPLE}").replace("\r\n", "\n").replace('\n', "\r");
    let path = write(dir.path(), "cr.ron", text.as_bytes());
    let model = io::load(&path).expect("CR-only line ends are read as line ends");
    assert_eq!(model, io::from_ron_str(SAMPLE).expect("loads"));
}

#[test]
fn an_empty_file_says_it_is_empty() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in [("empty.ron", &b""[..]), ("blank.ron", &b"  \n\t\n"[..])] {
        let path = write(dir.path(), name, bytes);
        let err = io::load(&path).expect_err("nothing to read");
        assert!(matches!(err, LoadError::Empty { .. }), "{err}");
        assert!(err.to_string().contains("is empty"), "{err}");
    }
}

#[test]
fn bytes_that_are_not_utf8_are_refused_with_their_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "latin1.ron", b"Model(\n    name: \"Caf\xe9\",\n)");
    let err = io::load(&path).expect_err("not UTF-8");
    assert!(err.to_string().contains("line 2, column 15"), "{err}");
}

#[test]
fn a_number_where_a_name_belongs_gets_no_raw_identifier_advice() {
    let text = SAMPLE.replacen("shore: Onshore", "shore: 1", 1);
    let err = io::from_ron_str(&text).expect_err("1 is no shore");
    let message = err.to_string();
    assert!(!message.contains("r#"), "{message}");
    assert!(message.contains("options[0].shore") && message.contains("`1` is not a name"), "{message}");
}

#[test]
fn a_folder_is_refused_as_a_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("model.ron");
    std::fs::create_dir(&folder).expect("mkdir");
    let err = io::load(&folder).expect_err("a folder");
    assert!(err.to_string().contains("is a folder, not a model file"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_at_once_by_every_command_instead_of_hanging() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("pipe.ron");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let err = io::load(&fifo).expect_err("a pipe");
    assert!(err.to_string().contains("is a named pipe (FIFO), not a model file"), "{err}");
    for command in ["validate", "evaluate", "fmt"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_shoreline"))
            .args([command, fifo.to_str().expect("utf-8 path")])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let deadline = Instant::now() + Duration::from_secs(20);
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break status;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("`shoreline {command}` hangs on a named pipe");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        assert_eq!(status.code(), Some(2), "{command}");
    }
}

#[test]
fn control_characters_in_names_never_reach_the_terminal_and_are_warned_about() {
    let dir = tempfile::tempdir().expect("a temp folder");
    let file = dir.path().join("esc.ron");
    // An invalid model (no options) whose scenario input would print "valid" over its errors.
    let trick = "\\u{1b}[2K\\resc.ron: valid (0 warning(s))\\u{1b}[8m";
    let text = format!(
        r#"(format_version: 1, name: "e", currency: "USD", horizon_months: 12, discount_rate: 0.0,
        workload: (unit: "u", monthly_volume: 1000.0),
        in_house: (units_per_fte_month: 100.0, costs: []), options: [],
        scenarios: [(name: "s", overrides: [(input: "{trick}", value: 1.0)])])"#
    );
    std::fs::write(&file, text).expect("written");
    let model = io::load(&file).expect("parses");
    let problems = shoreline::model::validate(&model);
    assert!(
        problems.warnings().any(|p| p.path == "scenarios[0].overrides[0].input" && p.message.contains("control")),
        "{problems:?}"
    );
    for command in ["validate", "evaluate", "inputs"] {
        let out = Command::new(env!("CARGO_BIN_EXE_shoreline")).arg(command).arg(&file).output().expect("runs");
        let all = [out.stdout.as_slice(), out.stderr.as_slice()].concat();
        assert!(!all.contains(&0x1b) && !all.contains(&b'\r'), "{command}: {}", String::from_utf8_lossy(&all));
        if command == "validate" {
            assert_eq!(out.status.code(), Some(1), "invalid whatever the names print");
            assert!(String::from_utf8_lossy(&out.stderr).contains("\\u{1b}[2K"), "shown as an escape");
        }
    }
}

#[test]
fn a_syntax_error_names_its_field_as_validation_does_without_the_form_in_between() {
    let text = include_str!("fixtures/contract_example.ron").replace("hours_per_fte: 160.0", "hours_per_fte: \"x\"");
    let error = io::from_ron_str(&text).expect_err("a string is not an estimate").to_string();
    assert!(error.contains("options[0].pricing.hours_per_fte:"), "{error}");
    assert!(!error.contains("PerHour."), "{error}");
    let text = include_str!("fixtures/contract_example.ron").replace("month: 0)", "month: \"x\")");
    let error = io::from_ron_str(&text).expect_err("a string is not a month").to_string();
    assert!(error.contains("options[0].hidden[0].cost.month:"), "{error}");
}
