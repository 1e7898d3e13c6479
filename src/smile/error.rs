//! The one error type of the `smile` module.

/// Why a layer, crescent model or gradient distribution was rejected.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SmileError {
    /// A ratio, thickness, width, speed or separation must be positive and finite.
    #[error("{parameter} must be positive and finite, got {value}")]
    NonPositive {
        /// The parameter, with its unit.
        parameter: &'static str,
        /// The rejected value.
        value: f64,
    },
    /// A position or field value must be finite.
    #[error("{parameter} must be finite, got {value}")]
    NonFinite {
        /// The parameter.
        parameter: &'static str,
        /// The rejected value.
        value: f64,
    },
    /// Four distributions on different velocity grids cannot be differenced bin by bin.
    #[error("spacecraft {spacecraft} sampled its distribution on a different velocity grid")]
    GridMismatch {
        /// 1-based spacecraft number.
        spacecraft: usize,
    },
    /// A parameter outside the range the computation is bounded for.
    #[error("{parameter} out of range: got {value}")]
    OutOfRange {
        /// The parameter, with its unit and range.
        parameter: &'static str,
        /// The rejected value.
        value: f64,
    },
    /// An iteration or integration did not reach its solution.
    #[error("{what} did not converge")]
    NotConverged {
        /// What was being solved.
        what: &'static str,
    },
    /// A scan found no smile where one was needed.
    #[error("no smile in {scan}")]
    NoSmile {
        /// The scan that found none.
        scan: &'static str,
    },
    /// A printed number could not be propagated into an interval.
    #[error(transparent)]
    Propagation(#[from] crate::claims::PropagationError),
    /// A plasma scale was rejected.
    #[error(transparent)]
    Plasma(#[from] crate::plasma::PlasmaError),
    /// The four-spacecraft gradient failed (a degenerate tetrahedron, say).
    #[error(transparent)]
    Tetrahedron(#[from] crate::tetrahedron::TetrahedronError),
}

/// Checks `value` is positive and finite.
pub(crate) fn positive(parameter: &'static str, value: f64) -> Result<f64, SmileError> {
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(SmileError::NonPositive { parameter, value })
    }
}

/// Checks `value` is finite.
pub(crate) fn finite(parameter: &'static str, value: f64) -> Result<f64, SmileError> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(SmileError::NonFinite { parameter, value })
    }
}
