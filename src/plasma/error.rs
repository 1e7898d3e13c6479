//! The one error type of the `plasma` module and its validators.

/// Why a plasma parameter was rejected. Each variant names the parameter (with its unit)
/// and carries the offending value.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlasmaError {
    /// The parameter must be a positive, finite number (densities, fields, masses).
    #[error("{parameter} must be positive and finite, got {value}")]
    NonPositive {
        /// Name and unit of the parameter, e.g. `density n_m3`.
        parameter: &'static str,
        /// The rejected value.
        value: f64,
    },
    /// The parameter must be finite and not negative (temperatures, speeds).
    #[error("{parameter} must be finite and non-negative, got {value}")]
    Negative {
        /// Name and unit of the parameter, e.g. `temperature t_j`.
        parameter: &'static str,
        /// The rejected value.
        value: f64,
    },
    /// The charge of a species must be finite and non-zero.
    #[error("charge charge_c must be finite and non-zero, got {charge_c}")]
    NeutralOrNonFiniteCharge {
        /// The rejected charge, C.
        charge_c: f64,
    },
    /// Valid inputs whose result does not fit in a double (e.g. `beta` of a 1e-200 T
    /// field, whose magnetic pressure underflows to zero).
    #[error("{quantity} is not representable for these inputs (got {value})")]
    OutOfRange {
        /// The quantity computed.
        quantity: &'static str,
        /// The non-finite result.
        value: f64,
    },
}

pub(crate) fn positive(parameter: &'static str, value: f64) -> Result<f64, PlasmaError> {
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(PlasmaError::NonPositive { parameter, value })
    }
}

pub(crate) fn finite_non_negative(parameter: &'static str, value: f64) -> Result<f64, PlasmaError> {
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(PlasmaError::Negative { parameter, value })
    }
}

/// Returns `value` if it is finite: inputs each within range can still overflow together.
pub(crate) fn computed(quantity: &'static str, value: f64) -> Result<f64, PlasmaError> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(PlasmaError::OutOfRange { quantity, value })
    }
}
