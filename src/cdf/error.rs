//! The one error type of the `cdf` module.

use std::path::PathBuf;

/// Why a CDF file, or a variable in it, cannot be read. Every variant names the file; those
/// about one variable name it too, so a message says exactly what to look at.
#[derive(Debug, thiserror::Error)]
pub enum CdfError {
    /// The operating system refused to open or read the file.
    #[error("{path}: {reason}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        reason: std::io::Error,
    },
    /// The file does not start with the magic numbers of a CDF version 3 file.
    #[error("{path}: not a CDF version 3 file (magic number {magic:#010x})")]
    NotCdf3 {
        /// The file.
        path: PathBuf,
        /// The first four bytes, big-endian.
        magic: u32,
    },
    /// An internal record points outside the file or has an impossible size: the file is
    /// truncated or corrupt.
    #[error("{path}: corrupt or truncated at byte {offset}: {what}")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// Byte offset of the record that could not be read.
        offset: u64,
        /// What was expected there.
        what: String,
    },
    /// A feature of the format this reader does not implement (VAX floats, RLE or Huffman
    /// compression, EPOCH16 values).
    #[error("{path}: unsupported: {what}")]
    Unsupported {
        /// The file.
        path: PathBuf,
        /// The feature.
        what: String,
    },
    /// No variable of this name in the file.
    #[error("{path}: no variable {variable}")]
    MissingVariable {
        /// The file.
        path: PathBuf,
        /// The variable asked for.
        variable: String,
    },
    /// The variable's values are not of the type asked for (numbers, TT2000 times or text).
    #[error("{path}: variable {variable} holds {found}, expected {expected}")]
    WrongType {
        /// The file.
        path: PathBuf,
        /// The variable.
        variable: String,
        /// What the file holds.
        found: &'static str,
        /// What was asked for.
        expected: &'static str,
    },
    /// A record range beyond the variable's records.
    #[error("{path}: variable {variable} has {records} records, asked for {first}..{end}")]
    RecordRange {
        /// The file.
        path: PathBuf,
        /// The variable.
        variable: String,
        /// Records the variable holds.
        records: usize,
        /// First record asked for.
        first: usize,
        /// One past the last record asked for.
        end: usize,
    },
}
