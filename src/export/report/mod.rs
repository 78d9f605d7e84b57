//! The report a CFO reads on screen and on paper: one self-contained HTML file (inline CSS and
//! SVG, no script, nothing fetched) with the headline, the key figures of every option and
//! scenario, the charts, the Monte Carlo ranges, every assumption with its source, the hidden
//! costs against their published ranges and, when the presentation left one, what was tried in
//! the meeting. Its header and every printed page say which file, of which content (SHA-256),
//! and which Shoreline made it.

mod html;
mod sections;

use std::fmt::Write as _;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::Bundle;
use crate::model::meeting_log::MeetingLog;

/// Where a report's numbers come from: the model file's name and a fingerprint of its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The file's name (no folder: the report may travel further than the folder's name should).
    pub file_name: String,
    /// SHA-256 of the file's bytes, in lower-case hex.
    pub sha256: String,
}

impl Source {
    /// The source of a model read from `bytes` of a file called `file_name`.
    pub fn of_bytes(file_name: &str, bytes: &[u8]) -> Self {
        let digest = Sha256::digest(bytes);
        let mut sha256 = String::with_capacity(64);
        for byte in digest {
            let _ = write!(sha256, "{byte:02x}");
        }
        Self { file_name: file_name.to_owned(), sha256 }
    }

    /// The source of the model file at `path`, read now.
    pub fn of_file(path: &Path) -> std::io::Result<Self> {
        let bytes = std::fs::read(path)?;
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        Ok(Self::of_bytes(&name, &bytes))
    }
}

/// What a report is made of beyond the results.
pub struct ReportContext<'a> {
    /// The model file, when the model has one saved (an unsaved model says so).
    pub source: Option<&'a Source>,
    /// The meeting logs written beside the model, oldest first.
    pub meetings: &'a [MeetingLog],
    /// The day the report is made (YYYY-MM-DD).
    pub date: &'a str,
}

/// The sections of a report, in order, as their headings read (the test checks each is there).
pub const SECTIONS: [&str; 7] = [
    "Key figures",
    "Charts",
    "Monte Carlo: how sure are we?",
    "Assumptions",
    "Hidden costs",
    "Published ranges of hidden costs",
    "What we tried in the meeting",
];

/// The report of `bundle` as one HTML document. The bundle should carry the sensitivities, a
/// simulation and the scenarios: a section whose data is missing says so rather than vanishing.
pub fn report(bundle: &Bundle, context: &ReportContext) -> String {
    let model = &bundle.model;
    let title = html::text(&model.name);
    let mut out = String::with_capacity(256 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"/>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <meta name=\"generator\" content=\"Shoreline {version}\"/>\n\
         <title>{title} — outsourcing case</title>\n<style>\n{css}{page}</style>\n</head>\n<body>\n",
        version = env!("CARGO_PKG_VERSION"),
        css = include_str!("style.css"),
        page = page_footer(context.source, context.date),
    );
    sections::header(&mut out, bundle, context);
    sections::key_figures(&mut out, bundle);
    sections::charts(&mut out, bundle);
    sections::monte_carlo(&mut out, bundle);
    sections::assumptions(&mut out, bundle);
    sections::hidden_costs(&mut out, bundle);
    sections::published_ranges(&mut out);
    sections::meetings(&mut out, model, context.meetings);
    sections::footer(&mut out, context);
    out.push_str("</body>\n</html>\n");
    out
}

/// Every printed page's margin says where it came from and which page it is.
fn page_footer(source: Option<&Source>, date: &str) -> String {
    let from = match source {
        Some(s) => format!("{} · SHA-256 {}", s.file_name, &s.sha256[..s.sha256.len().min(16)]),
        None => "an unsaved model".to_owned(),
    };
    let left = format!("Shoreline {} · {date} · {from}", env!("CARGO_PKG_VERSION"));
    format!(
        "@page {{ @bottom-left {{ content: \"{}\"; font: 7pt Ubuntu, 'Segoe UI', Helvetica, Arial, sans-serif; color: #5b6673; }} \
         @bottom-right {{ content: \"Page \" counter(page) \" of \" counter(pages); font: 7pt Ubuntu, 'Segoe UI', Helvetica, Arial, sans-serif; color: #5b6673; }} }}\n",
        html::css_string(&left)
    )
}
