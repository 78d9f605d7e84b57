//! What the window sends out: the report, the workbook, the monthly CSV, a chart as PNG or SVG
//! (or on the clipboard), and the comparison of the open model with another file. Each is built
//! from the open model as it is now, the scenario shown applied, and written atomically; a
//! failure says why and leaves the model untouched.

use std::path::{Path, PathBuf};

use super::{AppState, NoticeKind};
use crate::app::dialogs::DialogKind;
use crate::chart::{ChartKind, build, png, svg};
use crate::engine::{Evaluation, Plan};
use crate::export::report::{ReportContext, Source};
use crate::export::{Bundle, diff, report};
use crate::model::{io, meeting_log};

/// An image format for a chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    /// A PNG picture at twice the size (sharp on slides and high-resolution screens).
    Png,
    /// An SVG drawing (scales to any size; editable in a drawing program).
    Svg,
}

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportKind {
    /// The HTML report for the CFO.
    Report,
    /// The Excel workbook: summary, assumptions, monthly sheets, sensitivity, Monte Carlo.
    Workbook,
    /// Every monthly series as CSV.
    MonthlyCsv,
    /// One chart as an image.
    Chart(ChartKind, ImageFormat),
}

impl ExportKind {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Report => "html",
            Self::Workbook => "xlsx",
            Self::MonthlyCsv => "csv",
            Self::Chart(_, ImageFormat::Png) => "png",
            Self::Chart(_, ImageFormat::Svg) => "svg",
        }
    }

    /// What the file dialog calls files of this kind.
    pub fn filter_name(self) -> &'static str {
        match self {
            Self::Report => "HTML report",
            Self::Workbook => "Excel workbook",
            Self::MonthlyCsv => "CSV (comma-separated values)",
            Self::Chart(_, ImageFormat::Png) => "PNG image",
            Self::Chart(_, ImageFormat::Svg) => "SVG image",
        }
    }

    /// The file name offered for a model file called `stem`.
    pub fn suggested_name(self, stem: &str) -> String {
        let what = match self {
            Self::Report => "report".to_owned(),
            Self::Workbook => "figures".to_owned(),
            Self::MonthlyCsv => "monthly".to_owned(),
            Self::Chart(kind, _) => kind.name().to_owned(),
        };
        format!("{stem}-{what}.{}", self.extension())
    }
}

impl AppState {
    /// Asks where to write `kind` (a native dialog, else a typed path), then writes it.
    pub fn export(&mut self, kind: ExportKind) {
        if self.analysis.results.is_none() {
            self.notice(NoticeKind::Error, "Nothing to export: the model has errors (see Problems).");
            return;
        }
        self.open_dialog(DialogKind::Export(kind));
    }

    /// The name a dialog offers for an export of the open model.
    pub(super) fn export_name(&self, kind: ExportKind) -> String {
        let stem = self
            .doc
            .path()
            .and_then(Path::file_stem)
            .map_or_else(|| super::files::file_stem(&self.doc.model().name), |s| s.to_string_lossy().into_owned());
        kind.suggested_name(&stem)
    }

    /// Writes `kind` to `path` (its extension added when it has none). True when written.
    pub fn export_to(&mut self, kind: ExportKind, path: &Path) -> bool {
        let mut path = path.to_owned();
        if path.extension().is_none() {
            path.set_extension(kind.extension());
        }
        match self.export_bytes(kind).and_then(|bytes| {
            io::write_atomically(&path, &bytes, false).map_err(|e| format!("cannot write {}: {e}", path.display()))
        }) {
            Ok(()) => {
                self.notice(NoticeKind::Info, format!("Exported {}", path.display()));
                true
            }
            Err(why) => {
                self.notice(NoticeKind::Error, format!("The export failed: {why}. Nothing was written."));
                false
            }
        }
    }

    /// The bytes of `kind` for the model as it is now.
    fn export_bytes(&self, kind: ExportKind) -> Result<Vec<u8>, String> {
        match kind {
            ExportKind::Report => {
                let bundle = self.bundle(true, true)?;
                let file = self.doc.path();
                // The fingerprint is of the file as saved: unsaved changes make it a different model.
                let source = match file {
                    Some(p) if !self.doc.is_dirty() => Some(Source::of_file(p).map_err(|e| e.to_string())?),
                    _ => None,
                };
                let meetings = file.map(|p| meeting_log::logs_beside(p).0).unwrap_or_default();
                let date = jiff::ZonedDateTime::now().strftime("%Y-%m-%d").to_string();
                let context = ReportContext { source: source.as_ref(), meetings: &meetings, date: &date };
                Ok(report::report(&bundle, &context).into_bytes())
            }
            ExportKind::Workbook => {
                let bundle = self.bundle(true, true)?;
                crate::export::xlsx::workbook(&bundle).map_err(|e| e.to_string())
            }
            ExportKind::MonthlyCsv => {
                let results = self.analysis.results.as_ref().ok_or("the model has errors")?;
                crate::export::csv::monthly_csv(&results.model, &results.evaluation).map_err(|e| e.to_string())
            }
            ExportKind::Chart(chart, format) => {
                let image = self.chart_svg(chart)?;
                match format {
                    ImageFormat::Svg => Ok(image.into_bytes()),
                    ImageFormat::Png => png::render(&image, 2.0).map_err(|e| e.to_string()),
                }
            }
        }
    }

    /// Chart `kind` of the open model as SVG, as the window shows it (option and scenario).
    pub fn chart_svg(&self, kind: ChartKind) -> Result<String, String> {
        let one_option = matches!(kind, ChartKind::Tornado | ChartKind::Spider | ChartKind::Headroom);
        let simulated = matches!(kind, ChartKind::McHistogram | ChartKind::McFan);
        let bundle = self.bundle(one_option, simulated)?;
        let chart = build::build(kind, &bundle.chart_data()).map_err(|e| e.to_string())?;
        Ok(svg::write(&chart, svg::Size::for_chart(&chart)))
    }

    /// Chart `kind` as a picture for the clipboard, at the size a slide needs.
    pub fn chart_image(&self, kind: ChartKind) -> Result<png::Image, String> {
        let image = self.chart_svg(kind)?;
        png::render_rgba(&image, 2.0).map_err(|e| e.to_string())
    }

    /// The open model's results with what the exports show: the sensitivities and a Monte Carlo
    /// run when asked, and the scenarios side by side.
    fn bundle(&self, sensitivity: bool, simulation: bool) -> Result<Bundle, String> {
        let results = self.analysis.results.as_ref().ok_or("the model has errors")?;
        if self.analysis.is_stale() {
            return Err("the model has errors (see Problems): fix them first".into());
        }
        let plan = Plan::new(&results.model);
        let evaluation = Evaluation::of_plan(&plan, &plan.base_values());
        let option = self.option.min(evaluation.options.len().saturating_sub(1));
        let mut bundle = Bundle::new(results.model.clone(), plan, evaluation, option).with_scenarios(self.doc.model());
        bundle.scenario = self.scenario.and_then(|s| self.doc.model().scenarios.get(s)).map(|s| s.name.clone());
        if sensitivity {
            bundle = bundle.with_sensitivity();
        }
        if simulation {
            bundle = bundle.with_simulation()?;
        }
        Ok(bundle)
    }

    /// Asks for another model file to compare the open one with.
    pub fn compare(&mut self) {
        self.open_dialog(DialogKind::Compare);
    }

    /// Compares the model in `path` (as the older) with the open model (as the newer), and
    /// shows what differs.
    pub fn compare_with(&mut self, path: &Path) {
        match io::load(path) {
            Ok(other) => {
                let changes = diff::diff(&other, self.doc.model());
                self.compared = Some(Compared { path: path.to_owned(), diff: changes });
            }
            Err(e) => self.notice(NoticeKind::Error, format!("Cannot compare with {}: {e}", path.display())),
        }
    }
}

/// The open model compared with a file.
#[derive(Debug)]
pub struct Compared {
    /// The other file (the "old" side).
    pub path: PathBuf,
    /// What differs, from that file to the open model.
    pub diff: diff::ModelDiff,
}
