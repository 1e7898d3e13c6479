//! Atomic file writes: a reader (or a crash) never sees half a file.

use super::FigureError;
use std::io::Write;
use std::path::Path;

/// Writes `contents` to `path` through a temporary file in the same directory and a rename,
/// creating the directory if needed.
///
/// # Errors
/// [`FigureError::Io`] naming the path.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), FigureError> {
    let io = |source| FigureError::Io { path: path.to_owned(), source };
    let directory = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(directory).map_err(io)?;
    let mut temporary = tempfile::NamedTempFile::new_in(directory).map_err(io)?;
    temporary.write_all(contents).map_err(io)?;
    temporary.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}
