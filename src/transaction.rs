//! The workbook's generated files written as one transaction: figures, ledger pages and the
//! HTML book are built in a staging directory inside the workbook root and swapped in by
//! renames, so a failed or killed `regen` leaves the previous complete set.
//!
//! The protocol:
//!
//! 1. **Stage.** A directory `.regen-XXXXXX` in the root gets a copy of what the book is built
//!    from (`book.toml`, `chapters/`, `figures/`, `assets/`); the new outputs overwrite their
//!    files there and the book is built there. A failure or a kill in this phase leaves the
//!    committed files untouched (the next run removes the stale stage).
//! 2. **Commit point.** The stage, with the list of its targets, is renamed to
//!    `.regen-commit`: one atomic rename decides that the new set wins.
//! 3. **Swap.** For each target (a directory regen owns, such as `figures/`, or a single
//!    generated file), the committed one is renamed into `.regen-commit/old/` and the staged
//!    one into its place. A kill in this phase is finished by the next run (or by
//!    [`finish_interrupted`]) before it does anything else: every step can be resumed.
//! 4. **Clean up.** `.regen-commit` (now holding the old set) is removed.
//!
//! Concurrent `regen` runs on the same root are not supported: each removes the other's stage.

use crate::workbook::Output;
use std::path::{Component, Path, PathBuf};

/// Directories whose every file `regen` owns: they are staged and swapped whole (files in them
/// that no output produces are kept, and `regen --check` reports them).
pub const OWNED_DIRECTORIES: [&str; 2] = ["figures", "chapters/claims"];

/// What the book is built from: copied into the stage.
const BOOK_SOURCES: [&str; 4] = ["book.toml", "chapters", "figures", "assets"];

/// Prefix of a staging directory in the workbook root.
pub const STAGE_PREFIX: &str = ".regen-";

/// The staging directory after its commit point.
pub const COMMITTED: &str = ".regen-commit";

/// The file in a stage that lists its targets, one relative path per line.
const TARGETS_FILE: &str = "targets";

/// Prefix of the temporary files of an atomic single-file write ([`crate::figure::write_atomic`]).
pub const TEMPORARY_FILE_PREFIX: &str = ".tmp";

/// Why the outputs could not be staged or swapped in.
#[derive(Debug, thiserror::Error)]
pub enum TransactionError {
    /// A file-system operation failed.
    #[error("{action} {path}: {source}")]
    Io {
        /// What was being done (`copying`, `renaming`...).
        action: &'static str,
        /// The path it was done to.
        path: PathBuf,
        /// The failure.
        source: std::io::Error,
    },
    /// An output or the book's build directory lies outside the workbook root.
    #[error("{path} is not a relative path inside the workbook root")]
    OutsideRoot {
        /// The offending path.
        path: PathBuf,
    },
    /// The book could not be built in the stage.
    #[error(transparent)]
    Book(#[from] crate::book::BookError),
}

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> TransactionError {
    let path = path.to_owned();
    move |source| TransactionError::Io {
        action,
        path,
        source,
    }
}

/// A set of outputs being staged; nothing under the root changes until [`Transaction::commit`].
/// Dropped without committing, it removes its stage.
pub struct Transaction {
    root: PathBuf,
    stage: tempfile::TempDir,
    targets: Vec<PathBuf>,
}

impl Transaction {
    /// Finishes an interrupted commit, removes stale stages, and stages a copy of the book's
    /// sources under `root`.
    ///
    /// # Errors
    /// [`TransactionError::Io`] naming the path.
    pub fn begin(root: &Path) -> Result<Self, TransactionError> {
        finish_interrupted(root)?;
        for stale in stages(root)? {
            std::fs::remove_dir_all(&stale).map_err(io("removing the stale stage", &stale))?;
        }
        let stage = tempfile::Builder::new()
            .prefix(STAGE_PREFIX)
            .tempdir_in(root)
            .map_err(io("creating a stage in", root))?;
        let staged = stage.path().join("root");
        for source in BOOK_SOURCES {
            let from = root.join(source);
            if from.is_dir() {
                copy_tree(&from, &staged.join(source))?;
            } else if from.is_file() {
                std::fs::create_dir_all(&staged).map_err(io("creating", &staged))?;
                std::fs::copy(&from, staged.join(source)).map_err(io("copying", &from))?;
            }
        }
        Ok(Transaction {
            root: root.to_owned(),
            stage,
            targets: Vec::new(),
        })
    }

    /// The staged copy of the workbook root.
    pub fn staged_root(&self) -> PathBuf {
        self.stage.path().join("root")
    }

    /// Writes `outputs` into the stage.
    ///
    /// # Errors
    /// [`TransactionError::OutsideRoot`] for a path leaving the root, or I/O.
    pub fn write(&mut self, outputs: &[Output]) -> Result<(), TransactionError> {
        for output in outputs {
            let target = target_of(&output.path)?;
            let path = self.staged_root().join(&output.path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(io("creating", parent))?;
            }
            std::fs::write(&path, &output.contents).map_err(io("writing", &path))?;
            if !self.targets.contains(&target) {
                self.targets.push(target);
            }
        }
        Ok(())
    }

    /// Builds the HTML book from the stage (so it shows the staged figures and ledger).
    /// Returns the book's directory relative to the root.
    ///
    /// # Errors
    /// [`TransactionError::Book`], or [`TransactionError::OutsideRoot`] if `book.toml` puts the
    /// build directory outside the root.
    pub fn build_book(&mut self) -> Result<PathBuf, TransactionError> {
        let staged = self.staged_root();
        let built = crate::book::build_book(&staged)?;
        let relative = built
            .strip_prefix(&staged)
            .map_err(|_| TransactionError::OutsideRoot {
                path: built.clone(),
            })?
            .to_owned();
        // The whole build directory is the target (it may hold one directory per renderer).
        let first = relative
            .components()
            .next()
            .map(|c| PathBuf::from(c.as_os_str()))
            .ok_or(TransactionError::OutsideRoot {
                path: built.clone(),
            })?;
        if !self.targets.contains(&first) {
            self.targets.push(first);
        }
        Ok(relative)
    }

    /// Swaps the staged targets in: after the commit point (one rename) the new set wins,
    /// even if the process is killed before the swap ends (the next run finishes it).
    ///
    /// # Errors
    /// I/O; if it fails after the commit point, the next run finishes the swap.
    pub fn commit(self) -> Result<(), TransactionError> {
        let list: String = self
            .targets
            .iter()
            .map(|t| format!("{}\n", t.display()))
            .collect();
        let list_path = self.stage.path().join(TARGETS_FILE);
        std::fs::write(&list_path, list).map_err(io("writing", &list_path))?;
        let stage = self.stage.keep();
        let committed = self.root.join(COMMITTED);
        std::fs::rename(&stage, &committed).map_err(io("renaming the stage to", &committed))?;
        finish_interrupted(&self.root).map(|_| ())
    }
}

/// Finishes a commit that a killed or failed run left in `root` (`.regen-commit`): swaps in
/// the remaining targets and removes the old set. Returns whether there was one.
///
/// # Errors
/// I/O, naming the path.
pub fn finish_interrupted(root: &Path) -> Result<bool, TransactionError> {
    let committed = root.join(COMMITTED);
    if !committed.exists() {
        return Ok(false);
    }
    let list_path = committed.join(TARGETS_FILE);
    // Without a list the rename to `.regen-commit` cannot have happened: nothing to swap.
    let list = std::fs::read_to_string(&list_path).unwrap_or_default();
    for line in list.lines().filter(|l| !l.is_empty()) {
        let target = PathBuf::from(line);
        if !is_inside(&target) {
            return Err(TransactionError::OutsideRoot { path: target });
        }
        let (new, current, old) = (
            committed.join("root").join(&target),
            root.join(&target),
            committed.join("old").join(&target),
        );
        if new.symlink_metadata().is_err() {
            continue; // already swapped in
        }
        if current.symlink_metadata().is_ok() {
            if let Some(parent) = old.parent() {
                std::fs::create_dir_all(parent).map_err(io("creating", parent))?;
            }
            std::fs::rename(&current, &old).map_err(io("moving aside", &current))?;
        }
        if let Some(parent) = current.parent() {
            std::fs::create_dir_all(parent).map_err(io("creating", parent))?;
        }
        std::fs::rename(&new, &current).map_err(io("swapping in", &current))?;
    }
    std::fs::remove_dir_all(&committed).map_err(io("removing", &committed))?;
    Ok(true)
}

/// The staging directories under `root` (`.regen-*`), committed or not.
///
/// # Errors
/// I/O reading `root`.
pub fn stages(root: &Path) -> Result<Vec<PathBuf>, TransactionError> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(root).map_err(io("reading", root))? {
        let entry = entry.map_err(io("reading", root))?;
        if entry
            .file_name()
            .to_string_lossy()
            .starts_with(STAGE_PREFIX)
            && entry.path().is_dir()
        {
            found.push(entry.path());
        }
    }
    found.sort();
    Ok(found)
}

/// The unit an output is swapped in with: its owned directory, or the file itself.
fn target_of(path: &Path) -> Result<PathBuf, TransactionError> {
    if !is_inside(path) {
        return Err(TransactionError::OutsideRoot {
            path: path.to_owned(),
        });
    }
    Ok(OWNED_DIRECTORIES
        .iter()
        .map(PathBuf::from)
        .find(|dir| path.starts_with(dir))
        .unwrap_or_else(|| path.to_owned()))
}

/// Whether `path` is relative and never climbs out of the directory it is relative to.
fn is_inside(path: &Path) -> bool {
    path.components().next().is_some()
        && path.components().all(|c| matches!(c, Component::Normal(_)))
}

/// Copies the regular files of a directory tree, leaving out the temporary files of
/// interrupted atomic writes (so they do not reach the book).
fn copy_tree(from: &Path, to: &Path) -> Result<(), TransactionError> {
    std::fs::create_dir_all(to).map_err(io("creating", to))?;
    for entry in std::fs::read_dir(from).map_err(io("reading", from))? {
        let entry = entry.map_err(io("reading", from))?;
        let kind = entry.file_type().map_err(io("reading", &entry.path()))?;
        let name = entry.file_name();
        if kind.is_dir() {
            copy_tree(&entry.path(), &to.join(&name))?;
        } else if kind.is_file() && !name.to_string_lossy().starts_with(TEMPORARY_FILE_PREFIX) {
            std::fs::copy(entry.path(), to.join(&name)).map_err(io("copying", &entry.path()))?;
        }
    }
    Ok(())
}
