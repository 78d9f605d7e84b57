//! Native file dialogs on a worker thread, so the window keeps painting while one is open.
//! Where no dialog can appear (no desktop portal, no zenity), the caller is told so and asks
//! for a path instead of failing silently.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// A dialog that answers faster than this most likely never appeared.
const TOO_FAST: Duration = Duration::from_millis(250);

/// Which dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogKind {
    /// Pick a model file to open.
    Open,
    /// Choose where to save.
    SaveAs,
    /// Choose where to write an export.
    Export(super::state::ExportKind),
    /// Pick a model file to compare the open one with.
    Compare,
}

/// How a dialog ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogOutcome {
    /// The user chose a file.
    Chosen(PathBuf),
    /// The user cancelled.
    Cancelled,
    /// No native dialog is available on this desktop: ask for a path another way.
    Unavailable,
}

/// A dialog that is open.
#[derive(Debug)]
pub struct PendingDialog {
    /// Which dialog.
    pub kind: DialogKind,
    receiver: Receiver<(Option<PathBuf>, Duration)>,
}

/// True when a native dialog has a chance to appear: a desktop portal on the session bus, or
/// zenity on the PATH (rfd's two Linux back ends). Elsewhere the OS always has one.
pub fn native_dialogs_available() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    let has_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    let has_zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()));
    has_bus || has_zenity
}

impl PendingDialog {
    /// Opens a dialog on a worker thread; `wake` is called when it closes (to repaint).
    /// `None` when no native dialog is available.
    pub fn open(
        kind: DialogKind,
        suggested_name: &str,
        folder: Option<PathBuf>,
        wake: impl Fn() + Send + 'static,
    ) -> Option<Self> {
        if !native_dialogs_available() {
            return None;
        }
        let (sender, receiver) = channel();
        let name = suggested_name.to_owned();
        let spawned = std::thread::Builder::new().name("shoreline-file-dialog".into()).spawn(move || {
            let started = Instant::now();
            let mut dialog = match kind {
                DialogKind::Export(export) => {
                    rfd::FileDialog::new().set_title("Export").add_filter(export.filter_name(), &[export.extension()])
                }
                DialogKind::Compare => {
                    rfd::FileDialog::new().set_title("Compare with file").add_filter("Shoreline model", &["ron"])
                }
                DialogKind::Open | DialogKind::SaveAs => rfd::FileDialog::new().add_filter("Shoreline model", &["ron"]),
            };
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            let chosen = match kind {
                DialogKind::Open | DialogKind::Compare => dialog.pick_file(),
                DialogKind::SaveAs | DialogKind::Export(_) => dialog.set_file_name(name).save_file(),
            };
            // The receiver may be gone if the app closed meanwhile; nothing is lost then.
            let _ = sender.send((chosen, started.elapsed()));
            wake();
        });
        spawned.ok().map(|_| Self { kind, receiver })
    }

    /// The outcome, once the dialog has closed.
    pub fn poll(&self) -> Option<DialogOutcome> {
        match self.receiver.try_recv() {
            Ok((Some(path), _)) => Some(DialogOutcome::Chosen(path)),
            Ok((None, took)) if took < TOO_FAST => Some(DialogOutcome::Unavailable),
            Ok((None, _)) => Some(DialogOutcome::Cancelled),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(DialogOutcome::Unavailable),
        }
    }
}

/// A `.ron` extension added to a chosen save path that has none.
pub fn with_ron_extension(mut path: PathBuf) -> PathBuf {
    if path.extension().is_none() {
        path.set_extension("ron");
    }
    path
}
