//! Sending the case around from the window: every chart's export menu (its button and a
//! right-click), File ▸ Export, copying a chart as a picture, and Compare with file.

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use shoreline::app::dialogs::{DialogKind, native_dialogs_available};
use shoreline::app::{AppState, Command, ExportKind, ImageFormat, NoticeKind, Question};
use shoreline::chart::ChartKind;
use shoreline::model::io;
use shoreline::ui::app::ShorelineApp;
use shoreline::ui::commands::UiCommand;

fn harness(state: AppState) -> Harness<'static, ShorelineApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut ShorelineApp| app.show(ui), ShorelineApp::new(state))
}

fn start(data: &Path) -> AppState {
    AppState::start(None, Some(data.to_owned()))
}

/// Answers the dialog the export asked for: the typed-path prompt where no native dialog can
/// appear (a headless test), as a user would type it.
fn answer_with_path(h: &mut Harness<'static, ShorelineApp>, kind: ExportKind, target: &Path) {
    if native_dialogs_available() {
        // A desktop with a portal: the native dialog is open on its thread; answer as it would.
        assert!(h.state().state.dialog.is_some(), "the export asks where to write");
        h.state_mut().state.dialog = None;
        h.state_mut().state.export_to(kind, target);
        return;
    }
    match &h.state().state.question {
        Some(Question::Path(prompt)) => assert_eq!(prompt.kind, DialogKind::Export(kind)),
        other => panic!("the export should ask for a path, not {other:?}"),
    }
    // The prompt offers a name beside the model; the user types over it.
    if let Some(Question::Path(prompt)) = &mut h.state_mut().state.question {
        assert!(prompt.text.ends_with(kind.extension()), "{}", prompt.text);
        prompt.text.clear();
    }
    h.run();
    let field = h.get_by_label("Path");
    field.focus();
    field.type_text(&target.display().to_string());
    h.run();
    h.get_by_label("Export").click();
    h.run();
}

#[test]
fn a_right_click_on_a_chart_saves_it_as_svg() {
    let data = tempfile::tempdir().expect("temp dir");
    let target = data.path().join("monthly.svg");
    let mut h = harness(start(data.path()));
    h.run();
    h.get_by_label("Monthly cost").click_secondary();
    h.run();
    h.get_by_label("Save as SVG…").click();
    h.run();
    answer_with_path(&mut h, ExportKind::Chart(ChartKind::MonthlyCost, ImageFormat::Svg), &target);
    let svg = std::fs::read_to_string(&target).expect("the chart is written");
    assert!(svg.contains("<svg") && svg.contains("Monthly cost"), "{}", &svg[..svg.len().min(300)]);
    let option = &h.state().state.model().options[0].name;
    assert!(svg.contains(option.as_str()), "every option is in the legend");
}

#[test]
fn the_export_button_beside_a_heading_saves_a_png_of_the_requested_size() {
    let data = tempfile::tempdir().expect("temp dir");
    let target = data.path().join("monthly.png");
    let mut h = harness(start(data.path()));
    h.run();
    let buttons = h.query_all_by_label("Export chart").count();
    assert!(buttons >= 3, "every chart of the overview has its export menu ({buttons})");
    h.query_all_by_label("Export chart").next().expect("a chart's menu").click();
    h.run();
    h.get_by_label("Save as PNG…").click();
    h.run();
    answer_with_path(&mut h, ExportKind::Chart(ChartKind::MonthlyCost, ImageFormat::Png), &target);
    let png = std::fs::read(&target).expect("the picture is written");
    assert_eq!(&png[1..4], b"PNG");
    let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    assert!(width >= 1600, "drawn at twice its size for slides: {width} px");
}

#[test]
fn file_export_writes_the_report_the_workbook_and_the_csv() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    h.run();
    for (command, kind, name) in [
        (UiCommand::ExportReport, ExportKind::Report, "case.html"),
        (UiCommand::ExportWorkbook, ExportKind::Workbook, "case.xlsx"),
        (UiCommand::ExportCsv, ExportKind::MonthlyCsv, "case.csv"),
    ] {
        h.get_by_label("File").click();
        h.run();
        h.get_by_label("Export").hover();
        h.run();
        h.get_by_label(&command.label()).click();
        h.run();
        let target = data.path().join(name);
        answer_with_path(&mut h, kind, &target);
        let bytes = std::fs::read(&target).unwrap_or_else(|e| panic!("{name} is written: {e}"));
        match kind {
            ExportKind::Report => {
                let html = String::from_utf8(bytes).expect("UTF-8");
                assert!(html.contains("Key figures") && html.contains("Assumptions") && html.contains("<svg"));
                assert!(html.contains("not saved"), "a model never saved names no file it did not come from");
            }
            ExportKind::Workbook => assert_eq!(&bytes[..2], b"PK", "an XLSX is a zip"),
            _ => assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "the CSV starts with a byte-order mark"),
        }
    }
    let last = h.state().state.notices.last().expect("a notice");
    assert_eq!(last.kind, NoticeKind::Info);
    assert!(last.text.starts_with("Exported"), "{}", last.text);
}

#[test]
fn a_failed_export_says_why_and_leaves_the_model_as_it_was() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    h.run();
    let before = h.state().state.model().clone();
    let blocked = data.path().join("missing folder").join("case.html");
    assert!(!h.state_mut().state.export_to(ExportKind::Report, &blocked));
    let last = h.state().state.notices.last().expect("a notice");
    assert_eq!(last.kind, NoticeKind::Error);
    assert!(last.text.contains("missing folder") && last.text.contains("Nothing was written"), "{}", last.text);
    assert_eq!(*h.state().state.model(), before);
}

#[test]
fn copy_image_puts_the_chart_on_the_clipboard() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    h.run();
    h.get_by_label("Monthly cost").click_secondary();
    h.run();
    h.get_by_label("Copy image").click();
    h.run();
    let last = h.state().state.notices.last().expect("a notice");
    assert!(last.text.contains("Copied the chart") && last.kind == NoticeKind::Info, "{}", last.text);
    let image = h.state().state.chart_image(ChartKind::Cumulative).expect("the chart renders");
    assert!(image.width >= 1600 && image.height >= 900);
    // Text and lines are drawn: the picture is not one flat colour.
    let first = &image.rgba_premultiplied[..4];
    assert!(image.rgba_premultiplied.chunks(4).any(|p| p != first));
}

#[test]
fn compare_with_file_shows_what_changed_and_what_it_did() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut h = harness(start(data.path()));
    h.run();
    let older = data.path().join("older.ron");
    io::save(&older, h.state().state.model()).expect("saves");
    let mut model = h.state().state.model().clone();
    model.workload.monthly_volume = shoreline::model::Estimate::Fixed(120_000.0);
    h.state_mut().state.apply(Command::Replace { model: Box::new(model), group: None });
    h.run();
    h.state_mut().state.compare_with(&older);
    h.run();
    h.get_by_label("Compare with file");
    h.get_by_label("Inputs changed (1)");
    assert!(h.query_all_by_label_contains("120,000").next().is_some(), "the new volume is shown");
    assert!(h.query_all_by_label_contains("NPV").next().is_some(), "each option's NPV before and after");
    h.get_by_label("Copy as text").click();
    h.run();
    assert!(h.state().state.notices.last().is_some_and(|n| n.text.contains("comparison is on the clipboard")));
}
