//! Reading and writing model files: strict on the way in, atomic on the way out.

use std::fs::{self, File};
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

use super::{FORMAT_VERSION, Model};

/// Files larger than this are refused before parsing: no model comes near it.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Deepest nesting of values a file may have: a model needs about 8; the limit keeps a
/// malicious or broken file from exhausting the stack.
pub const MAX_NESTING: usize = 64;

/// Why a model could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("{path} is {bytes} bytes: a model file is at most 16 MiB, so this is not one")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
    },
    /// The file is not UTF-8 text.
    #[error("{path} is not UTF-8 text (line {line}, column {column}), so it is not a model file")]
    NotText {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first byte that is not UTF-8.
        line: usize,
        /// 1-based column (in characters) of that byte.
        column: usize,
    },
    /// The path names something other than a regular file (a folder, a pipe, a device).
    #[error("{path} is {what}, not a model file")]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is ("a folder", "a named pipe (FIFO)", …).
        what: &'static str,
    },
    /// The file holds nothing but white space.
    #[error("{path} is empty: a model file holds one `Model(…)`")]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file was written by a newer Shoreline.
    #[error(
        "made by a newer Shoreline (format {found}; this one reads up to {FORMAT_VERSION}): update Shoreline to open it"
    )]
    NewerVersion {
        /// The file's `format_version`.
        found: u64,
    },
    /// The text is not a valid model (syntax, types, unknown or missing fields).
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
}

/// Why a model could not be written. The previous file, if any, is untouched.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Writing, syncing or renaming failed.
    #[error("cannot save {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The model holds something the format cannot write.
    #[error("cannot write the model as RON: {0}")]
    Format(String),
    /// The file would be larger than Shoreline opens: nothing was written.
    #[error(
        "cannot save {path}: the file would be {} MiB, over the 16 MiB Shoreline opens, so it could not be \
         reopened; nothing was written (split the model, or remove lines it does not need)",
        crate::format::thousands(*.bytes as f64 / (1024.0 * 1024.0))
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size as it would be written.
        bytes: u64,
    },
}

/// Parses a model from RON text. Validation (§1) is separate: see [`super::validate`].
pub fn from_ron_str(text: &str) -> Result<Model, LoadError> {
    let text = &*normalized(text);
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING);
    match parse_strict(text, &options) {
        Ok(model) if model.format_version > FORMAT_VERSION => {
            Err(LoadError::NewerVersion { found: u64::from(model.format_version) })
        }
        Ok(model) => Ok(model),
        // A newer file may hold fields this build does not know: name the real reason.
        Err(error) => match declared_format_version(text, &options) {
            Some(found) if found > u64::from(FORMAT_VERSION) => Err(LoadError::NewerVersion { found }),
            _ => Err(error),
        },
    }
}

/// Parses with every check of the format on, naming the field of an error by its path.
fn parse_strict(text: &str, options: &ron::Options) -> Result<Model, LoadError> {
    let mut de = ron::Deserializer::from_str_with_options(text, options).map_err(|e| syntax(&e, None))?;
    let model = serde_path_to_error::deserialize::<_, Model>(&mut de).map_err(|e| {
        let path = field_path(e.path());
        syntax(&de.span_error(e.into_inner()), (!path.is_empty() && path != ".").then_some(path))
    })?;
    de.end().map_err(|code| syntax(&de.span_error(code), None))?;
    Ok(model)
}

/// The path of a field as validation writes it (`options[0].pricing.hours_per_fte`): the
/// enum variants serde passes through (`pricing.PerHour.…`, `cost.OneTime.…`) are left out, and
/// the path ends where serde could not name a segment (an unfinished item).
fn field_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Enum { .. } => {}
            Segment::Unknown => break,
        }
    }
    out
}

fn syntax(e: &ron::error::SpannedError, path: Option<String>) -> LoadError {
    let message = match &e.code {
        ron::Error::ExceededRecursionLimit => {
            format!("values are nested more than {MAX_NESTING} levels deep here; no model nests that deep")
        }
        // RON's own advice ("try the raw identifier `r#1`") is about writing Rust, not models.
        ron::Error::SuggestRawIdentifier(found) => format!(
            "`{found}` is not a name this file can hold here: field names and choices (such as \
             `Offshore` or `PerFte`) start with a letter, and text goes in double quotes"
        ),
        code => code.to_string(),
    };
    LoadError::Syntax {
        line: e.span.start.line,
        column: e.span.start.col,
        message: match path {
            Some(path) => format!("{path}: {message}"),
            None => message,
        },
    }
}

/// The top-level `format_version` of any well-formed RON text, read leniently (unknown fields
/// and struct names allowed), so a file from a newer Shoreline is recognised as such.
fn declared_format_version(text: &str, options: &ron::Options) -> Option<u64> {
    let ron::Value::Map(map) = options.from_str::<ron::Value>(text).ok()? else { return None };
    let version = map.get(&ron::Value::String("format_version".into()))?;
    match version {
        ron::Value::Number(n) => {
            let v = n.into_f64();
            // `as` saturates: a version too large for u64 is still "newer".
            (v >= 0.0).then_some(v as u64)
        }
        _ => None,
    }
}

/// The canonical text of a model: pretty RON, fields in a fixed order, one item per line.
pub fn to_ron_string(model: &Model) -> Result<String, SaveError> {
    let config = ron::ser::PrettyConfig::new().indentor("    ").struct_names(false);
    let body = ron::ser::to_string_pretty(model, config).map_err(|e| SaveError::Format(e.to_string()))?;
    Ok(format!("Model{body}\n"))
}

/// Reads a model file.
pub fn load(path: &Path) -> Result<Model, LoadError> {
    let io = |source| LoadError::Io { path: path.to_owned(), source };
    // Asked before opening: opening a named pipe blocks until a writer comes, a device may
    // never end. (A path swapped for one between the check and the open is not guarded.)
    let kind = std::fs::metadata(path).map_err(io)?.file_type();
    if !kind.is_file() {
        return Err(LoadError::NotAFile { path: path.to_owned(), what: file_kind(kind) });
    }
    let file = File::open(path).map_err(io)?;
    let bytes = file.metadata().map_err(io)?.len();
    if bytes > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { path: path.to_owned(), bytes });
    }
    let mut raw = Vec::new();
    // The size may change between the check and the read: never read more than the limit.
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut raw).map_err(io)?;
    if raw.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { path: path.to_owned(), bytes: raw.len() as u64 });
    }
    let text = String::from_utf8(raw).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let before = String::from_utf8_lossy(valid);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        LoadError::NotText { path: path.to_owned(), line, column }
    })?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(LoadError::Empty { path: path.to_owned() });
    }
    from_ron_str(&text)
}

/// What a file type that is not a regular file is, in words.
fn file_kind(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    if kind.is_dir() { "a folder" } else { "not a regular file" }
}

/// The text as the parser should read it: without a byte-order mark (Windows Notepad writes
/// one), and with old Mac line ends (CR alone) made line feeds, so a `//` comment ends at the end
/// of its line instead of swallowing the rest of the file.
fn normalized(text: &str) -> std::borrow::Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') && !text.contains('\n') {
        std::borrow::Cow::Owned(text.replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The backup that [`save`] keeps of the file it replaces: `NAME.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes a model atomically: the text goes to a temporary file in the same folder, which is
/// synced and renamed over the target, and the folder is synced. The file it replaces is kept
/// as [`backup_path`]. At no moment is the target missing or half-written, and on any error
/// the previous file is untouched. Returns the text written, which the file now holds.
pub fn save(path: &Path, model: &Model) -> Result<String, SaveError> {
    let text = to_ron_string(model)?;
    write_atomically(path, text.as_bytes(), true)?;
    Ok(text)
}

/// Writes `bytes` to `path` atomically (see [`save`]), optionally keeping a backup.
///
/// A file larger than [`MAX_FILE_BYTES`] is refused before anything is written: a save never
/// makes a file Shoreline would refuse to open. Saves of files in one folder are serialised by
/// an advisory lock on the folder (two `fmt` of one file at once, the window and a script), and
/// the backup is only replaced by a previous version that is itself a model Shoreline opens, so
/// it always holds the last good one.
pub fn write_atomically(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), SaveError> {
    let io = |source| SaveError::Io { path: path.to_owned(), source };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(SaveError::TooLarge { path: path.to_owned(), bytes: bytes.len() as u64 });
    }
    // Saving through a symbolic link updates the file it points to and keeps the link.
    let target = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path).map_err(io)?,
        _ => path.to_owned(),
    };
    let path = target.as_path();
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let backup_to = backup_path(path);
    if keep_backup && backup_to.is_dir() {
        let message =
            format!("{} is a folder, where Shoreline keeps the previous version: move it away", backup_to.display());
        return Err(io(std::io::Error::other(message)));
    }
    // Held until the function returns: another save of a file in this folder waits for it.
    let _lock = lock_folder(&folder);
    // Temporary files carry the target's name, so a later save knows which leftovers (of a
    // save that was killed) are its own to remove.
    let prefix = temp_prefix(path);
    remove_stale_temporaries(&folder, &prefix);
    let mut temp = tempfile::Builder::new().prefix(&prefix).suffix(".tmp").tempfile_in(&folder).map_err(io)?;
    temp.write_all(bytes).map_err(io)?;
    // The temporary file is private (0600); the saved file keeps the old file's permissions,
    // so a model in a shared folder stays readable by colleagues.
    let existing = fs::metadata(path).ok();
    let permissions = existing.as_ref().map_or_else(default_permissions, |m| Some(m.permissions()));
    if let Some(permissions) = permissions {
        fs::set_permissions(temp.path(), permissions).map_err(io)?;
    }
    keep_owner(temp.path(), existing.as_ref());
    temp.as_file().sync_all().map_err(io)?;
    let mut kept = None;
    // The previous version is backed up only when it is a model Shoreline opens: a file broken
    // by hand or by another program must not push the last good version out of the backup.
    let previous = match (keep_backup, &existing) {
        (true, Some(_)) => Some(fs::read(path).map_err(io)?),
        _ => None,
    };
    if let Some(old) = previous.filter(|old| is_good_model(old)) {
        // Copy (not rename) so the target stays in place until the new file replaces it.
        let mut backup =
            tempfile::Builder::new().prefix(&prefix).suffix(".bak.tmp").tempfile_in(&folder).map_err(io)?;
        backup.write_all(&old).map_err(io)?;
        if let Some(meta) = &existing {
            fs::set_permissions(backup.path(), meta.permissions()).map_err(io)?;
        }
        backup.as_file().sync_all().map_err(io)?;
        kept = Some(backup);
    }
    temp.persist(path).map_err(|e| io(e.error))?;
    // The backup replaces the older one only now that the new file is in place: a save that
    // fails (a read-only or immutable file, a full disk) leaves the older backup as it was.
    if let Some(backup) = kept {
        backup.persist(&backup_to).map_err(|e| io(e.error))?;
    }
    sync_folder(&folder).map_err(io)?;
    Ok(())
}

/// True when `bytes` are a model file Shoreline opens: small enough, text, and a model.
fn is_good_model(bytes: &[u8]) -> bool {
    bytes.len() as u64 <= MAX_FILE_BYTES && std::str::from_utf8(bytes).is_ok_and(|text| from_ron_str(text).is_ok())
}

/// An exclusive advisory lock on `folder`, released when dropped; `None` where folders cannot be
/// locked (a platform or file system without it), when saves go on unserialised as before.
fn lock_folder(folder: &Path) -> Option<File> {
    let handle = File::open(folder).ok()?;
    handle.lock().ok()?;
    Some(handle)
}

/// Gives the new file the old one's owner and group, so a model in a shared folder stays the
/// colleague's. Only a privileged process (or the owner, for a group it belongs to) may do so;
/// for anyone else the new file is theirs, as any editor's save would make it.
#[cfg(unix)]
fn keep_owner(temp: &Path, existing: Option<&fs::Metadata>) {
    use std::os::unix::fs::MetadataExt as _;
    if let Some(meta) = existing {
        let _ = std::os::unix::fs::chown(temp, Some(meta.uid()), Some(meta.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_temp: &Path, _existing: Option<&fs::Metadata>) {}

/// A temporary file of a save of `path` is named `.NAME.shoreline-XXXXXX.tmp`.
fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    format!(".{name}.shoreline-")
}

/// A temporary file older than this was left by a save that never finished (killed, power
/// lost): a save writes even the largest model in well under a second.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(600);

/// Removes what killed saves of the same file left in `folder`. Best effort: a leftover that
/// cannot be removed costs disk space, never the save.
fn remove_stale_temporaries(folder: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(folder) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(prefix) && name.ends_with(".tmp")) {
            continue;
        }
        let age = entry.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
        if age.is_some_and(|age| age > STALE_AFTER) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Permissions of a newly created file: readable by all, writable by the owner, as most
/// programs create documents (the process umask is not readable without `unsafe`).
#[cfg(unix)]
fn default_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt as _;
    Some(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<fs::Permissions> {
    None
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> std::io::Result<()> {
    // Windows cannot open a folder as a file; its rename is already durable once it returns.
    Ok(())
}

/// Removes a file, treating "already gone" as success.
pub fn remove_if_present(path: &Path) -> std::io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}
