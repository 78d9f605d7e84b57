//! The report: one self-contained HTML page with every section, safe whatever the model's names
//! hold, and printable to a PDF whose pages all carry content.

use std::path::{Path, PathBuf};
use std::process::Command;

use shoreline::export::report::SECTIONS;
use shoreline::model::io;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/sample_models/contact_center.ron");

fn shoreline(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_shoreline")).args(args).output().expect("runs")
}

fn report_of(model: &Path, out: &Path) -> String {
    let run = shoreline(&["report", &model.to_string_lossy(), "-o", &out.to_string_lossy()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    std::fs::read_to_string(out).expect("the report is written")
}

/// The sample with every name, note and description replaced by markup, formulas and escapes.
fn hostile_model(dir: &Path) -> PathBuf {
    let mut model = io::load(Path::new(SAMPLE)).expect("sample loads");
    model.name = "<script>alert('name')</script>".into();
    model.description = "</style><img src=x onerror=alert(1)>".into();
    model.options[0].name = "<img src=x onerror=alert(1)>".into();
    model.options[1].name = "</svg><script>alert(2)</script>".into();
    model.options[0].note = "=HYPERLINK(\"http://evil.example\",\"x\")".into();
    model.in_house.costs[0].name = "\" onload=\"alert(3)".into();
    model.options[0].hidden[0].note = "<a href=\"javascript:alert(4)\">source</a>".into();
    let path = dir.join("hostile.ron");
    io::save(&path, &model).expect("saves");
    path
}

#[test]
fn the_report_is_well_formed_self_contained_and_has_every_section() {
    let dir = tempfile::tempdir().expect("temp dir");
    let html = report_of(Path::new(SAMPLE), &dir.path().join("report.html"));
    roxmltree::Document::parse(html.trim_start_matches("<!DOCTYPE html>"))
        .unwrap_or_else(|e| panic!("the report is not well-formed: {e}"));
    // The SVG namespace is a name, not an address anything fetches.
    let fetched = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    for forbidden in ["http://", "https://", "src=", "<script", "@import"] {
        assert!(!fetched.contains(forbidden), "the report must fetch nothing, but it holds {forbidden:?}");
    }
    // `url(#clip)` names a part of the same page; any other `url(` would be fetched.
    for (at, _) in fetched.match_indices("url(") {
        assert!(fetched[at + 4..].starts_with('#'), "an outside url: {}", &fetched[at..(at + 60).min(fetched.len())]);
    }
    assert!(html.contains("default-src 'none'"), "a Content-Security-Policy forbids scripts and requests");
    // The last section is there only when a meeting log exists beside the model.
    for section in &SECTIONS[..SECTIONS.len() - 1] {
        assert!(html.contains(&format!("<h2>{}</h2>", section)), "missing section {section}");
    }
    assert!(!html.contains(SECTIONS[SECTIONS.len() - 1]), "no meeting, no meeting section");
    let svgs = html.matches("<svg").count();
    assert!(svgs >= 10, "every chart is drawn inline: {svgs} SVGs");
    let sha = {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(std::fs::read(SAMPLE).expect("sample"));
        digest.iter().map(|b| format!("{b:02x}")).collect::<String>()
    };
    assert!(html.contains(&sha), "the header names the file's SHA-256");
    assert!(html.contains("contact_center.ron") && html.contains(env!("CARGO_PKG_VERSION")));
    assert!(html.contains("saves") && html.contains("pays back"), "the headline sentence is there");
    assert!(html.contains("CIO magazine"), "published ranges cite their source");
}

#[test]
fn markup_and_formulas_in_a_model_are_shown_as_text_and_run_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let html = report_of(&hostile_model(dir.path()), &dir.path().join("report.html"));
    let document = roxmltree::Document::parse(html.trim_start_matches("<!DOCTYPE html>"))
        .unwrap_or_else(|e| panic!("the report is not well-formed: {e}"));
    for node in document.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name().name();
        assert!(!["script", "img", "a", "iframe", "object"].contains(&name), "a <{name}> element got in");
        for attribute in node.attributes() {
            assert!(!attribute.name().starts_with("on"), "an event handler got in: {}", attribute.name());
        }
    }
    assert_eq!(document.descendants().filter(|n| n.has_tag_name("style")).count(), 1, "one style sheet, ours");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "the option's name is shown as text");
    assert!(html.contains("&lt;/svg&gt;&lt;script&gt;"), "a name cannot close an SVG");
}

#[test]
fn a_meeting_log_beside_the_model_adds_what_was_tried() {
    let dir = tempfile::tempdir().expect("temp dir");
    let model = dir.path().join("case.ron");
    std::fs::copy(SAMPLE, &model).expect("copy");
    let log = r#"(model: "Contact center", date: "2026-12-01", changes: [
        (time: "14:05:09", what: "Manila offshore partner › rate", old: "USD 11.00", new: "USD 12.00",
         before: [(name: "Manila", npv: 1000000.0, savings_pct: Some(0.3))],
         after: [(name: "Manila", npv: 900000.0, savings_pct: Some(0.28))]),
    ])"#;
    std::fs::write(dir.path().join("case.meeting-2026-12-01.ron"), log).expect("log");
    let html = report_of(&model, &dir.path().join("report.html"));
    assert!(html.contains(SECTIONS[SECTIONS.len() - 1]));
    assert!(html.contains("Meeting of 2026-12-01") && html.contains("USD 12.00") && html.contains("USD 900,000"));
}

#[test]
fn an_unwritable_report_exits_3_and_an_invalid_model_exits_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let blocked = dir.path().join("no such folder").join("report.html");
    let run = shoreline(&["report", SAMPLE, "-o", &blocked.to_string_lossy()]);
    assert_eq!(run.status.code(), Some(3), "{}", String::from_utf8_lossy(&run.stderr));
    let invalid = dir.path().join("invalid.ron");
    let text = std::fs::read_to_string(SAMPLE).expect("sample").replacen("horizon_months: 36", "horizon_months: 0", 1);
    std::fs::write(&invalid, text).expect("write");
    let run = shoreline(&["report", &invalid.to_string_lossy(), "-o", &dir.path().join("r.html").to_string_lossy()]);
    assert_eq!(run.status.code(), Some(1), "{}", String::from_utf8_lossy(&run.stderr));
}

/// Prints the report with the browser CI installs, as a reader would, and checks the pages.
#[test]
fn the_report_prints_to_a_pdf_whose_every_page_has_content() {
    let browser = Path::new("/usr/bin/chromium-headless-shell");
    if !browser.exists() || !Path::new("/usr/bin/pdftotext").exists() {
        // CI installs both (.ci/run); a developer's machine without them is told, not failed.
        assert!(std::env::var_os("CI").is_none(), "CI must install chromium-headless-shell and poppler-utils");
        eprintln!("skipped: install chromium-headless-shell and poppler-utils to print the report");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let html = dir.path().join("report.html");
    report_of(Path::new(SAMPLE), &html);
    let pdf = dir.path().join("report.pdf");
    let run = Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"])
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("the browser runs");
    assert!(pdf.exists(), "no PDF: {}", String::from_utf8_lossy(&run.stderr));
    let info = Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo runs");
    let info = String::from_utf8_lossy(&info.stdout);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo gives no page count: {info}"));
    assert!((4..=40).contains(&pages), "{pages} pages");
    for page in 1..=pages {
        let text = Command::new("pdftotext")
            .args(["-f", &page.to_string(), "-l", &page.to_string(), "-layout"])
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext runs");
        let text = String::from_utf8_lossy(&text.stdout);
        // Every page carries its footer; a page with nothing else on it is blank.
        let body: Vec<&str> =
            text.lines().filter(|l| !l.trim().is_empty() && !l.contains(&format!("Page {page} of"))).collect();
        assert!(body.len() >= 3, "page {page} of {pages} is blank: {text:?}");
    }
}
