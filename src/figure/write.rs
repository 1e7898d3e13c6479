//! Atomic file writes: a reader (or a crash) never sees half a file.

use super::FigureError;
use std::io::Write;
use std::path::Path;

/// Writes `contents` to `path` through a temporary file in the same directory and a rename,
/// creating the directory if needed.
///
/// # Errors
/// [`FigureError::Io`] naming the path, also when `path` exists and is not a regular file
/// (the rename would replace a directory's entry or a device node such as `/dev/null`).
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), FigureError> {
    let io = |source| FigureError::Io {
        path: path.to_owned(),
        source,
    };
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "exists and is not a regular file; not replacing it",
        )));
    }
    let directory = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(directory).map_err(io)?;
    let mut builder = tempfile::Builder::new();
    // A temporary file is private (0600) by default, and the rename keeps that mode: ask for
    // 0666 instead, which the process umask turns into the usual 0644, so a web server
    // running as another user can serve the book.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temporary = builder.tempfile_in(directory).map_err(io)?;
    temporary.write_all(contents).map_err(io)?;
    temporary.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}
