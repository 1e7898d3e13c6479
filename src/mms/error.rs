//! The one error type of the `mms` module: what is wrong with the data on disk, naming the
//! file and variable.

use crate::cdf::CdfError;
use std::path::PathBuf;

/// Why MMS data for an interval could not be read.
#[derive(Debug, thiserror::Error)]
pub enum MmsError {
    /// No file of a product covers the interval; says where it looked and for what.
    #[error("no {product} file for {start}..{end}: looked for {pattern} in {directories}")]
    NoFiles {
        /// The product, e.g. `mms1 fgm brst`.
        product: String,
        /// Interval start, ISO 8601 UTC.
        start: String,
        /// Interval end, ISO 8601 UTC.
        end: String,
        /// The file-name pattern looked for.
        pattern: String,
        /// The directories searched, comma-separated.
        directories: String,
    },
    /// The file could not be read (a CDF error names the file and variable).
    #[error(transparent)]
    Cdf(#[from] CdfError),
    /// The data do not reach over the whole interval.
    #[error("{path}: {variable} covers {first}..{last}, not the interval {start}..{end}")]
    NotCovered {
        /// The last file read.
        path: PathBuf,
        /// The variable.
        variable: String,
        /// First sample time, ISO 8601 UTC.
        first: String,
        /// Last sample time.
        last: String,
        /// Interval start.
        start: String,
        /// Interval end.
        end: String,
    },
    /// A fill value (missing sample) inside the interval.
    #[error("{path}: {variable} is missing (fill value) at {time}")]
    Fill {
        /// The file.
        path: PathBuf,
        /// The variable.
        variable: String,
        /// Time of the first missing sample, ISO 8601 UTC.
        time: String,
    },
    /// Samples further apart than the variable's cadence allows, inside the interval.
    #[error("{path}: {variable} has a gap of {gap_s:.3} s after {time} (cadence {cadence_s:.3} s)")]
    Gap {
        /// The file.
        path: PathBuf,
        /// The variable.
        variable: String,
        /// Time of the sample before the gap, ISO 8601 UTC.
        time: String,
        /// Length of the gap, s.
        gap_s: f64,
        /// The variable's median spacing, s.
        cadence_s: f64,
    },
    /// Times that go backwards or repeat.
    #[error("{path}: {variable} times are not increasing at record {record} ({time})")]
    NotIncreasing {
        /// The file.
        path: PathBuf,
        /// The time variable.
        variable: String,
        /// The record where time fails to increase.
        record: usize,
        /// Its time, ISO 8601 UTC.
        time: String,
    },
    /// The samples are spaced unlike the product's cadence: a file of another rate, or
    /// mislabelled.
    #[error(
        "{path}: {variable} is sampled every {cadence_s:.4} s; {product} is made every {low_s:.4} to {high_s:.4} s"
    )]
    Cadence {
        /// The file.
        path: PathBuf,
        /// The variable.
        variable: String,
        /// The product, e.g. `mms2 fgm brst`.
        product: String,
        /// Median spacing found, s.
        cadence_s: f64,
        /// Shortest nominal spacing, s.
        low_s: f64,
        /// Longest nominal spacing, s.
        high_s: f64,
    },
    /// A variable's records do not match its time variable's, or its shape is not the one
    /// the analysis reads.
    #[error("{path}: {variable} has {found}, expected {expected}")]
    Shape {
        /// The file.
        path: PathBuf,
        /// The variable.
        variable: String,
        /// What it has.
        found: String,
        /// What was expected.
        expected: String,
    },
    /// The interval is empty or reversed.
    #[error("the interval {start}..{end} is empty: --end must come after --start")]
    EmptyInterval {
        /// Start, ISO 8601 UTC.
        start: String,
        /// End.
        end: String,
    },
    /// A spacecraft's sample is further from the reference spacecraft's time than half a
    /// cadence, so the two cannot stand for one instant.
    #[error(
        "{path}: {variable} has no sample within {limit_ms:.1} ms of {time} (nearest {offset_ms:+.1} ms away)"
    )]
    TimeOffset {
        /// The file.
        path: PathBuf,
        /// The time variable.
        variable: String,
        /// The reference time, ISO 8601 UTC.
        time: String,
        /// Offset of the nearest sample, ms.
        offset_ms: f64,
        /// Half the cadence, ms.
        limit_ms: f64,
    },
}
