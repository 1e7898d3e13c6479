//! The one error type of the `event` module.

use crate::mms::MmsError;

/// Why an analysis could not run on an interval.
#[derive(Debug, thiserror::Error)]
pub enum EventError {
    /// The data on disk (a missing file or variable, fills, gaps, bad times...).
    #[error(transparent)]
    Data(#[from] MmsError),
    /// A time given on the command line could not be read.
    #[error("{parameter}: {reason}")]
    Time {
        /// The parameter, e.g. `--start`.
        parameter: &'static str,
        /// Why.
        reason: String,
    },
    /// The four spacecraft do not span a volume at some time, or another four-spacecraft
    /// estimate failed.
    #[error("the MEC positions (mmsN_mec_r_gse) at {time}: {reason}")]
    Tetrahedron {
        /// When, ISO 8601 UTC.
        time: String,
        /// What the tetrahedron said.
        reason: crate::tetrahedron::TetrahedronError,
    },
    /// The method cannot be applied to these data (e.g. no central region, MVA without a
    /// frame), with the reason.
    #[error("{analysis}: {reason}")]
    Method {
        /// The analysis.
        analysis: &'static str,
        /// Why.
        reason: String,
    },
    /// An option's value is out of its domain.
    #[error("{parameter}: {reason}")]
    Option {
        /// The option, e.g. `--lmn`.
        parameter: &'static str,
        /// Why.
        reason: String,
    },
}
