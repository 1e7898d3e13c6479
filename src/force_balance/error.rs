//! The one error type of the `force_balance` module.

/// Why a force-balance input was rejected.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ForceBalanceError {
    /// A field, current, thickness or pressure that must be positive is not.
    #[error("{parameter} must be positive and finite, got {value}")]
    NonPositive {
        /// The parameter with its unit.
        parameter: &'static str,
        /// The rejected value.
        value: f64,
    },
    /// A shape parameter outside its range.
    #[error("{parameter} is out of range: got {value}")]
    OutOfRange {
        /// The parameter with its range.
        parameter: &'static str,
        /// The rejected value.
        value: f64,
    },
    /// A sample is NaN or infinite.
    #[error("{parameter} holds a non-finite value at index {index}")]
    NonFinite {
        /// The series.
        parameter: &'static str,
        /// Zero-based index.
        index: usize,
    },
    /// Too few samples, or series of different lengths.
    #[error("need >= {needed} matching samples, got {x} and {y}")]
    TooFewSamples {
        /// Minimum needed.
        needed: usize,
        /// Length of the first series.
        x: usize,
        /// Length of the second series.
        y: usize,
    },
    /// A published number could not be propagated into an interval.
    #[error(transparent)]
    Propagation(#[from] crate::claims::PropagationError),
    /// A crossing sampled from one sheet shape was given the method of another.
    #[error("the crossing was sampled from {crossing:?}, not the sheet's shape {sheet:?}")]
    ShapeMismatch {
        /// The crossing's shape.
        crossing: super::known_answer::SheetShape,
        /// The sheet's shape.
        sheet: super::known_answer::SheetShape,
    },
    /// A position X must lie tailward of Earth (X < 0) for the power laws of Fig. 4.
    #[error("X must be negative (tailward), got {x_re} R_E")]
    NotTailward {
        /// The rejected X, R_E.
        x_re: f64,
    },
}
