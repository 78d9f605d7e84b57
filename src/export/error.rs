//! Why an export could not be made. Writing the file is the caller's part (an atomic save).

/// Why a spreadsheet could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The CSV writer refused a record.
    #[error("cannot write the CSV: {0}")]
    Csv(#[from] ::csv::Error),
    /// The workbook could not be assembled (a sheet name, a cell or the zip).
    #[error("cannot build the workbook: {0}")]
    Workbook(#[from] rust_xlsxwriter::XlsxError),
    /// The results do not belong to the model: a monthly series is not as long as the others.
    #[error("the results do not match the model: {what} has {found} months, the horizon is {expected}")]
    SeriesLength {
        /// The series, in the user's words ("Manila partner: fees").
        what: String,
        /// The horizon the in-house volume covers.
        expected: usize,
        /// The months the series holds.
        found: usize,
    },
}
