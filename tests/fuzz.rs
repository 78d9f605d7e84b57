//! A deterministic mutation fuzz of the file reader, validation and the engine: 5,000 mutants of
//! the bundled samples (byte flips, token edits, extreme numbers, deleted and doubled spans,
//! deep nesting, odd encodings), each read, validated and — when valid — evaluated, its
//! sensitivity taken and a short simulation run. No mutant may panic or hang, and a model that
//! validates must give finite figures. Every 25th mutant also goes through the command line,
//! whose exit code must be 0, 1 or 2 and whose JSON must hold numbers where figures are promised.
//! The same seed gives the same mutants on every run, so a failure names a mutant that can be
//! rebuilt; it is also written to `target/fuzz-failure.ron`.

use std::process::Command;
use std::sync::mpsc;
use std::time::Duration;

use rand_pcg::Pcg64Mcg;
use rand_pcg::rand_core::{Rng as _, SeedableRng as _};
use shoreline::engine::finite::{first_not_finite, first_not_finite_draws};
use shoreline::engine::monte_carlo::{Control, Settings, simulate};
use shoreline::engine::sensitivity::sensitivity;
use shoreline::engine::{Evaluation, Plan};
use shoreline::model::samples::SAMPLES;
use shoreline::model::{Method, io, validate};

const MUTANTS: usize = 5_000;
/// Longer than any mutant needs by far: past it, the mutant hangs.
const PER_MUTANT: Duration = Duration::from_secs(20);

/// Numbers that break careless code.
const EXTREMES: [&str; 14] = [
    "1e308",
    "-1e308",
    "1e-300",
    "0",
    "-0.0",
    "NaN",
    "inf",
    "-inf",
    "18446744073709551616",
    "-1",
    "4294967296",
    "1e15",
    "0.9999999999999999",
    "600",
];

/// One mutant of `text`, chosen by `rng`.
fn mutate(text: &str, rng: &mut Pcg64Mcg) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    let at = |rng: &mut Pcg64Mcg, len: usize| (rng.next_u64() % len.max(1) as u64) as usize;
    match rng.next_u32() % 9 {
        // Flip a bit of a few bytes.
        0 => {
            for _ in 0..1 + rng.next_u32() % 4 {
                let i = at(rng, bytes.len());
                bytes[i] ^= 1 << (rng.next_u32() % 8);
            }
        }
        // Replace a number by an extreme one.
        1 | 2 => {
            let numbers: Vec<(usize, usize)> = number_spans(text);
            if let Some(&(start, end)) = numbers.get(at(rng, numbers.len())) {
                let extreme = EXTREMES[at(rng, EXTREMES.len())];
                bytes.splice(start..end, extreme.bytes());
            }
        }
        // Delete a span.
        3 => {
            let start = at(rng, bytes.len());
            let end = (start + 1 + at(rng, 200)).min(bytes.len());
            bytes.drain(start..end);
        }
        // Double a span.
        4 => {
            let start = at(rng, bytes.len());
            let end = (start + 1 + at(rng, 400)).min(bytes.len());
            let span = bytes[start..end].to_vec();
            bytes.splice(end..end, span);
        }
        // Nest deeply where a value goes.
        5 => {
            let i = text.find("monthly_volume: ").map_or(0, |i| i + "monthly_volume: ".len());
            let depth = 10 + at(rng, 500);
            let nested = format!("{}1.0{}", "Some(".repeat(depth), ")".repeat(depth));
            bytes.splice(i..i, nested.bytes());
        }
        // Odd encodings: a byte-order mark, old Mac line ends, UTF-16, a stray invalid byte.
        6 => match rng.next_u32() % 4 {
            0 => bytes.splice(0..0, [0xEF, 0xBB, 0xBF]).for_each(drop),
            1 => bytes = text.replace('\n', "\r").into_bytes(),
            2 => bytes = text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
            _ => {
                let i = at(rng, bytes.len());
                bytes.insert(i, 0xFF);
            }
        },
        // Swap a choice for another of its kind.
        7 => {
            let pairs =
                [("PerFte", "PerHour"), ("Offshore", "Onshore"), ("Fixed", "Step"), ("SizedToPeak", "Flexible")];
            let (a, b) = pairs[at(rng, pairs.len())];
            bytes = text.replacen(a, b, 1 + at(rng, 3)).into_bytes();
        }
        // Truncate.
        _ => bytes.truncate(at(rng, bytes.len())),
    }
    bytes
}

/// Where the numbers of `text` are (byte ranges), for token edits.
fn number_spans(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts = (b[i].is_ascii_digit() || b[i] == b'-') && (i == 0 || !b[i - 1].is_ascii_alphanumeric());
        if starts {
            let start = i;
            i += 1;
            while i < b.len() && (b[i].is_ascii_digit() || matches!(b[i], b'.' | b'e' | b'E' | b'-' | b'+')) {
                i += 1;
            }
            spans.push((start, i));
        } else {
            i += 1;
        }
    }
    spans
}

/// Reads, validates and, when valid, runs every figure of one mutant; `Err` says what broke,
/// `Ok(true)` that the mutant was a valid model.
fn check(path: &std::path::Path) -> Result<bool, String> {
    let Ok(model) = io::load(path) else { return Ok(false) };
    if validate(&model).has_errors() {
        return Ok(false);
    }
    let plan = Plan::new(&model);
    let e = Evaluation::of_plan(&plan, &plan.base_values());
    if let Some(what) = first_not_finite(&e) {
        return Err(format!("a valid model gives a non-finite {what}"));
    }
    for option in 0..plan.option_count().min(2) {
        let s = sensitivity(&plan, option);
        if s.tornado.iter().any(|b| !b.npv_low.is_finite() || !b.npv_high.is_finite()) {
            return Err(format!("a valid model gives a non-finite tornado for option {option}"));
        }
    }
    let settings = Settings { samples: 64, seed: 3, method: Method::LatinHypercube, threads: Some(1) };
    match simulate(&plan, settings, &Control::default()) {
        Ok(r) => match first_not_finite_draws(&r) {
            Some(what) => Err(format!("a valid model simulates to a non-finite {what}")),
            None => Ok(true),
        },
        Err(e) => Err(format!("a valid model cannot be simulated: {e}")),
    }
}

/// Runs `shoreline ARGS` with a time limit; its exit code.
fn cli(args: &[&std::ffi::OsStr]) -> Result<(i32, String), String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_shoreline"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| e.to_string())?;
    let deadline = std::time::Instant::now() + PER_MUTANT;
    loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            let mut out = String::new();
            if let Some(mut stdout) = child.stdout.take() {
                std::io::Read::read_to_string(&mut stdout, &mut out).map_err(|e| e.to_string())?;
            }
            return Ok((status.code().unwrap_or(-1), out));
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            return Err(format!("shoreline {args:?} hangs"));
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn check_cli(path: &std::path::Path) -> Result<(), String> {
    let file = path.as_os_str();
    let (code, _) = cli(&["validate".as_ref(), file])?;
    if !matches!(code, 0..=2) {
        return Err(format!("validate exits {code}"));
    }
    let (code, out) = cli(&["evaluate".as_ref(), file, "--json".as_ref()])?;
    if !matches!(code, 0..=2) {
        return Err(format!("evaluate exits {code}"));
    }
    if code == 0 {
        let json: serde_json::Value = serde_json::from_str(&out).map_err(|e| format!("evaluate JSON: {e}"))?;
        let options = json["options"].as_array().ok_or("no options in the JSON")?;
        for o in options {
            for field in ["total", "savings_total", "npv", "fixed_total", "variable_total", "hidden_total"] {
                if !o[field].is_number() {
                    return Err(format!("evaluate prints {field} = {}", o[field]));
                }
            }
        }
    }
    Ok(())
}

#[test]
fn five_thousand_mutants_never_panic_hang_or_print_a_non_finite_figure() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rng = Pcg64Mcg::seed_from_u64(20_261_204);
    let (sender, receiver) = mpsc::channel::<(usize, Result<bool, String>)>();
    let (work, jobs) = mpsc::channel::<(usize, std::path::PathBuf)>();
    // The checks run on a worker, so that a hang is seen (and reported) rather than waited out.
    let worker = std::thread::spawn(move || {
        for (i, path) in jobs {
            let outcome = std::panic::catch_unwind(|| check(&path)).unwrap_or_else(|panic| {
                let what = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()));
                Err(format!("panicked: {}", what.unwrap_or_default()))
            });
            if sender.send((i, outcome)).is_err() {
                return;
            }
        }
    });
    let mut valid = 0;
    for i in 0..MUTANTS {
        let sample = &SAMPLES[i % SAMPLES.len()];
        let bytes = mutate(sample.text, &mut rng);
        let path = dir.path().join(format!("mutant-{}.ron", i % 8));
        std::fs::write(&path, &bytes).expect("written");
        work.send((i, path.clone())).expect("the worker runs");
        let outcome = match receiver.recv_timeout(PER_MUTANT) {
            Ok((_, outcome)) => outcome,
            Err(_) => Err("hangs".to_owned()),
        };
        let outcome = outcome.and_then(|ok| {
            valid += usize::from(ok);
            if i % 25 == 0 { check_cli(&path) } else { Ok(()) }
        });
        if let Err(what) = outcome {
            let keep = concat!(env!("CARGO_MANIFEST_DIR"), "/target/fuzz-failure.ron");
            let _ = std::fs::write(keep, &bytes);
            panic!("mutant {i} (of {}): {what}; written to {keep}", sample.file_name);
        }
    }
    drop(work);
    worker.join().expect("the worker ends");
    // Most mutations break the file; enough must still validate for the engine to be exercised.
    assert!(valid >= MUTANTS / 5, "only {valid} of {MUTANTS} mutants were valid models");
    eprintln!("{valid} of {MUTANTS} mutants were valid models");
}
