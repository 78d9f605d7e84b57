//! Charts leave Shoreline as SVG and PNG files: every chart of a sample is a valid image that
//! names what it shows, the same chart gives the same bytes, names from a model file stay text,
//! the PNG is as large and as legible as asked, and `shoreline chart` writes them.

use std::path::{Path, PathBuf};
use std::process::Command;

use shoreline::chart::build::{self, ChartData};
use shoreline::chart::{
    Axis, Bar, Chart, ChartKind, Emphasis, Marker, MarkerAxis, Note, Scale, Series, Shape, Tone, png, svg,
};
use shoreline::export::Bundle;
use shoreline::model::{Model, io};
use shoreline::palette;

fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_models/contact_center.ron")
}

/// The contact-center sample with every analysis the charts draw from.
fn contact_center() -> Bundle {
    let model: Model = io::load(&sample_path()).expect("the sample loads");
    let plan = shoreline::engine::Plan::new(&model);
    let evaluation = shoreline::engine::Evaluation::of_plan(&plan, &plan.base_values());
    Bundle::new(model.clone(), plan, evaluation, 0)
        .with_sensitivity()
        .with_simulation()
        .expect("the sample simulates")
        .with_scenarios(&model)
}

/// XML text as the writer escapes it.
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// Every text the SVG lays out, read back from the parsed tree.
fn texts(svg: &str) -> Vec<String> {
    // With the app's font: without one, usvg drops every text it cannot lay out.
    let tree = resvg::usvg::Tree::from_str(svg, &png::options()).expect("the SVG parses");
    let mut found = Vec::new();
    collect(tree.root(), &mut found);
    found
}

fn collect(group: &resvg::usvg::Group, found: &mut Vec<String>) {
    for node in group.children() {
        match node {
            resvg::usvg::Node::Group(g) => collect(g, found),
            resvg::usvg::Node::Text(t) => found.push(t.chunks().iter().map(|c| c.text()).collect()),
            _ => {}
        }
    }
}

fn line(name: &str, color: palette::Rgb, emphasis: Emphasis, points: Vec<[f64; 2]>) -> Series {
    Series { name: name.into(), color, emphasis, shape: Shape::Line { points, dashed: false } }
}

/// A chart of every shape, marker and tone, its texts set by the caller.
fn every_shape(title: &str, name: &str, other: &str) -> Chart {
    let months: Vec<[f64; 2]> = (0..=24).map(|m| [f64::from(m), -4e5 + 4.1e4 * f64::from(m)]).collect();
    let muted: Vec<[f64; 2]> = (0..=24).map(|m| [f64::from(m), -2e5 + 2.2e4 * f64::from(m)]).collect();
    let mut broken = muted.clone();
    broken[10][1] = f64::NAN;
    for p in &mut broken {
        p[1] -= 1e5;
    }
    Chart {
        kind: ChartKind::Cumulative,
        title: title.into(),
        caption: format!("How {other} reads: above zero, the option has paid for itself."),
        x: Axis::new(format!("Month ({other})"), Scale::Month).including(0.0),
        y: Axis::new(format!("USD {other}"), Scale::Money { currency: "USD".into() }).including(0.0),
        series: vec![
            Series {
                name: "P10-P90".into(),
                color: palette::HIGH,
                emphasis: Emphasis::Normal,
                shape: Shape::Band {
                    x: (0..=24).map(f64::from).collect(),
                    low: months.iter().map(|p| p[1] - 1e5).collect(),
                    high: months.iter().map(|p| p[1] + 1e5).collect(),
                },
            },
            line(name, palette::option(0), Emphasis::Focused, months),
            line(other, palette::option(1), Emphasis::Muted, muted),
            Series {
                name: "Broken".into(),
                color: palette::option(2),
                emphasis: Emphasis::Normal,
                shape: Shape::Steps { points: broken },
            },
            Series {
                name: "Bars".into(),
                color: palette::FEES,
                emphasis: Emphasis::Normal,
                shape: Shape::Bars { bars: vec![Bar { at: 3.0, from: 0.0, to: 2e5, width: 0.8 }], horizontal: false },
            },
            Series {
                name: "Dots".into(),
                color: palette::HIDDEN,
                emphasis: Emphasis::Normal,
                shape: Shape::Points { points: vec![[6.0, 1e5], [7.0, f64::INFINITY]] },
            },
        ],
        markers: vec![
            Marker { axis: MarkerAxis::Y, at: 0.0, label: String::new(), color: None, dashed: false },
            Marker {
                axis: MarkerAxis::X,
                at: 10.0,
                label: format!("Payback {name}"),
                color: Some(palette::option(0)),
                dashed: true,
            },
            Marker { axis: MarkerAxis::X, at: 24.0, label: format!("End of {other}"), color: None, dashed: false },
        ],
        notes: vec![
            Note { text: format!("No payback within the horizon: {other}."), tone: Tone::Bad },
            Note { text: "Hidden costs are estimates.".into(), tone: Tone::Caution },
        ],
    }
}

fn hostile_chart() -> Chart {
    let mut chart = every_shape(SCRIPT, SCRIPT, IMG);
    chart.x.scale = Scale::Categories(vec![IMG.into(), SCRIPT.into()]);
    chart.series.push(line(CONTROLS, palette::option(3), Emphasis::Normal, vec![[0.0, 0.0], [1.0, 1.0]]));
    chart.notes.push(Note { text: CONTROLS.into(), tone: Tone::Plain });
    chart
}

const SCRIPT: &str = "</svg><script>alert(1)</script>";
const IMG: &str = "<img src=x onerror=alert(1)>";
const CONTROLS: &str = "Evil\u{1b}[2J\u{7}\u{0} name\nnext 'quoted' & \"double\"";

#[test]
fn every_chart_of_the_contact_center_sample_is_a_valid_svg_naming_what_it_shows() {
    let bundle = contact_center();
    let data: ChartData = bundle.chart_data();
    let mut failures = Vec::new();
    for kind in ChartKind::ALL {
        let chart = match build::build(kind, &data) {
            Ok(chart) => chart,
            Err(e) => {
                failures.push(format!("{}: cannot be built: {e}", kind.name()));
                continue;
            }
        };
        let size = svg::Size::for_chart(&chart);
        let image = svg::write(&chart, size);
        if let Err(e) = resvg::usvg::Tree::from_str(&image, &Default::default()) {
            failures.push(format!("{}: does not parse: {e}", kind.name()));
        }
        let mut expected = vec![chart.title.clone(), chart.x.label.clone(), chart.y.label.clone()];
        expected.extend(chart.legend().map(|s| s.name.clone()));
        for text in expected.iter().filter(|t| !t.is_empty()) {
            if !image.contains(&format!(">{}<", escaped(text))) {
                failures.push(format!("{}: {text:?} is missing", kind.name()));
            }
        }
        if image != svg::write(&chart.clone(), size) {
            failures.push(format!("{}: two writes differ", kind.name()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_same_chart_gives_byte_identical_svg() {
    let chart = every_shape("Cumulative savings", "US partner", "Manila & Co");
    let size = svg::Size::default();
    assert_eq!(svg::write(&chart, size), svg::write(&chart.clone(), size));
}

#[test]
fn the_cumulative_savings_svg_matches_its_snapshot() {
    let bundle = contact_center();
    let chart = build::build(ChartKind::Cumulative, &bundle.chart_data()).expect("the cumulative chart builds");
    let image = svg::write(&chart, svg::Size::for_chart(&chart));
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/cumulative-savings.svg");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") || !path.exists() {
        std::fs::write(&path, &image).expect("the snapshot is writable");
        return;
    }
    let stored = std::fs::read_to_string(&path).expect("the snapshot is readable");
    if stored != image {
        let line = stored
            .lines()
            .zip(image.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(stored.lines().count().min(image.lines().count()));
        panic!(
            "the cumulative-savings SVG differs from {} from line {}:\n  stored: {}\n  now:    {}\n\
             If the change is meant, run `UPDATE_SNAPSHOTS=1 cargo test --test chart_export` and review the diff.",
            path.display(),
            line + 1,
            stored.lines().nth(line).unwrap_or("(end)"),
            image.lines().nth(line).unwrap_or("(end)"),
        );
    }
}

#[test]
fn names_from_a_model_file_stay_text_never_markup() {
    let image = svg::write(&hostile_chart(), svg::Size::default());
    let lower = image.to_lowercase();
    assert!(!lower.contains("<script") && !lower.contains("<img"), "{image}");
    assert!(!image.chars().any(|c| c.is_control() && c != '\n'), "a control character got through");
    // Parsed by a real XML parser and laid out, the names come back whole, as text.
    let laid_out = texts(&image);
    for name in [SCRIPT, IMG] {
        assert!(laid_out.iter().any(|t| t == name), "{name} is not a text of {laid_out:?}");
    }
    assert!(laid_out.iter().any(|t| t == "Evil[2J name next 'quoted' & \"double\""), "{laid_out:?}");
}

/// The width and height a PNG's header gives.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    assert_eq!(&bytes[12..16], b"IHDR");
    let word = |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (word(16), word(20))
}

#[test]
fn a_960_by_540_chart_at_scale_two_is_a_full_hd_png() {
    let image = svg::write(&every_shape("Cumulative savings", "US partner", "Manila"), svg::Size::default());
    let bytes = png::render(&image, 2.0).expect("it renders");
    assert_eq!(png_size(&bytes), (1920, 1080));
}

#[test]
fn text_is_really_drawn_in_the_apps_font() {
    for family in ["Ubuntu, 'DejaVu Sans', sans-serif", "Arial", "serif"] {
        let image = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"240\" height=\"80\">\
             <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\
             <text x=\"10\" y=\"44\" font-family=\"{family}\" font-size=\"36\" fill=\"#000000\">Shoreline</text></svg>"
        );
        let pixels = png::render_rgba(&image, 1.0).expect("it renders");
        assert_eq!((pixels.width, pixels.height), (240, 80));
        let dark = |from: u32, to: u32| {
            (from * 240..to * 240).filter(|&i| pixels.rgba_premultiplied[i as usize * 4] < 100).count()
        };
        assert!(dark(10, 48) > 300, "{family}: the text left only {} dark pixels", dark(10, 48));
        assert_eq!(dark(50, 80), 0, "{family}: dark pixels below the text");
    }
}

#[test]
fn an_absurd_size_is_an_error_not_an_allocation() {
    let image = svg::write(&every_shape("t", "a", "b"), svg::Size::default());
    assert!(matches!(png::render(&image, 100.0), Err(png::PngError::TooLarge { .. })));
    assert!(matches!(png::render(&image, f32::NAN), Err(png::PngError::Scale(_))));
    assert!(matches!(png::render("<svg", 1.0), Err(png::PngError::Svg(_))));
}

fn shoreline(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_shoreline")).args(args).output().expect("the binary runs")
}

#[test]
fn chart_list_names_every_chart_without_a_file() {
    let out = shoreline(&["chart", "--list"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let listed = String::from_utf8_lossy(&out.stdout);
    for kind in ChartKind::ALL {
        assert!(listed.lines().any(|l| l.starts_with(kind.name()) && l.ends_with(kind.describe())), "{listed}");
    }
}

#[test]
fn chart_writes_a_png_and_an_svg() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let sample = sample_path();
    let png_path = dir.path().join("savings.png");
    let out = shoreline(&[
        "chart",
        sample.to_str().expect("utf-8"),
        "--chart",
        "cumulative-savings",
        "-o",
        png_path.to_str().expect("utf-8"),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (width, height) = png_size(&std::fs::read(&png_path).expect("the PNG is written"));
    assert_eq!(width, 1920);
    assert!(height >= 1080, "{height}");

    let svg_path = dir.path().join("Tornado.SVG");
    let args = ["chart", sample.to_str().expect("utf-8"), "--chart", "TORNADO", "--option", "2", "-o"];
    let out = shoreline(&[&args[..], &[svg_path.to_str().expect("utf-8"), "--width", "1200"]].concat());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let image = std::fs::read_to_string(&svg_path).expect("the SVG is written");
    assert!(image.starts_with("<svg") && image.contains("width=\"1200\""), "{}", &image[..200.min(image.len())]);
    resvg::usvg::Tree::from_str(&image, &Default::default()).expect("the SVG parses");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).expect("listable").flatten().map(|e| e.file_name()).collect();
    assert_eq!(leftovers.len(), 2, "temporary files left behind: {leftovers:?}");
}

#[test]
fn an_unknown_chart_or_format_is_bad_usage_naming_what_works() {
    let sample = sample_path();
    let sample = sample.to_str().expect("utf-8");
    let out = shoreline(&["chart", sample, "--chart", "pie", "-o", "pie.png"]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(ChartKind::ALL.iter().all(|k| said.contains(k.name())), "{said}");

    let out = shoreline(&["chart", sample, "--chart", "tornado", "-o", "tornado.jpg"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(".png or .svg"));
    assert!(!Path::new("pie.png").exists() && !Path::new("tornado.jpg").exists());
}

#[test]
fn an_unwritable_output_is_exit_3_naming_the_path() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "a file where a folder should be").expect("writable");
    let target = blocker.join("chart.svg");
    let sample = sample_path();
    let out = shoreline(&[
        "chart",
        sample.to_str().expect("utf-8"),
        "--chart",
        "cumulative-savings",
        "-o",
        target.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&target.display().to_string()));
}
