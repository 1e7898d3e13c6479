//! The one error type of the `flux_rope` module.

/// Why a flux-rope parameter was rejected, or the equilibrium or the centre fit failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FluxRopeError {
    /// Densities, temperatures, fields and grid sizes must be positive and finite.
    #[error("{parameter} must be positive and finite, got {value}")]
    NonPositive {
        /// The parameter, with its unit.
        parameter: &'static str,
        /// The rejected value.
        value: f64,
    },
    /// A coefficient (alpha, b, Omega, V) must be finite (alpha also non-negative).
    #[error("{parameter} must be finite{extra}, got {value}")]
    BadCoefficient {
        /// The parameter.
        parameter: &'static str,
        /// The extra condition, if any (`" and non-negative"`).
        extra: &'static str,
        /// The rejected value.
        value: f64,
    },
    /// The background component's weight `1 + alpha_r - alpha_z` of Eq. 2 must be positive:
    /// far from the rope only this component survives, and it must hold a positive density.
    #[error(
        "background weight 1 + alpha_r - alpha_z must be positive (alpha_r = {alpha_r}, alpha_z = {alpha_z})"
    )]
    NegativeBackground {
        /// Proportion of the rotation component.
        alpha_r: f64,
        /// Proportion of the axial component.
        alpha_z: f64,
    },
    /// Under the chosen reading of the b coefficients, `1 - a` (the inverse of the component's
    /// T_perp/T_par) is not positive: the velocity integral of Eq. 4 diverges.
    #[error(
        "singular mu-term reading: 1 - {coefficient} * {scale:.4} = {factor:.4} <= 0 at rho = {rho_km:.3} km"
    )]
    SingularReading {
        /// `b_b`, `b_r` or `b_z`.
        coefficient: &'static str,
        /// The reading's field ratio at that radius (1, B0z/B or 1 nT/B).
        scale: f64,
        /// `1 - b * scale`.
        factor: f64,
        /// Where, km.
        rho_km: f64,
    },
    /// The four virtual spacecraft do not span a volume.
    #[error("curlometer: {0}")]
    Curlometer(String),
    /// A check needs interior grid points the profile does not have.
    #[error("grid point {index} is not an interior point of a profile with {points} points")]
    NotInterior {
        /// The requested grid index.
        index: usize,
        /// The profile's points.
        points: usize,
    },
    /// Quasi-neutrality has no root for the potential at this radius.
    #[error("no potential satisfies quasi-neutrality at rho = {rho_km:.3} km")]
    NoPotential {
        /// Where, km.
        rho_km: f64,
    },
    /// The electron density is not positive where it must be (the centre's normalisation).
    #[error("electron density at the centre is not positive ({value})")]
    NonPositiveElectronDensity {
        /// The weighted sum that should be positive.
        value: f64,
    },
    /// The mu-term iteration did not converge.
    #[error(
        "mu-term iteration did not converge in {iterations} iterations (last change {last_change:.3e} of B0z)"
    )]
    NotConverged {
        /// Iterations done.
        iterations: usize,
        /// Last maximum field change over B0z.
        last_change: f64,
    },
    /// A virtual spacecraft never reaches a contour level twice, so Eq. 5 lacks a point.
    #[error("spacecraft {spacecraft} does not cross the {level_nt} nT contour twice")]
    MissingCrossing {
        /// 1-based spacecraft number.
        spacecraft: usize,
        /// The contour, nT.
        level_nt: f64,
    },
    /// A size that sets the work and memory (grid intervals, samples) is above its limit.
    #[error("{parameter} = {value} exceeds the limit {limit}")]
    TooLarge {
        /// The parameter, with its unit.
        parameter: &'static str,
        /// The rejected value.
        value: f64,
        /// The largest value accepted.
        limit: f64,
    },
    /// A formation has four spacecraft, 0 to 3.
    #[error("spacecraft index {index} does not exist: a formation has four, 0 to 3")]
    NoSuchSpacecraft {
        /// The requested 0-based index.
        index: usize,
    },
    /// The field strength never falls to a contour level on the grid.
    #[error("the field never falls to {level_nt} nT on the radial grid")]
    NoContourCrossing {
        /// The contour, nT.
        level_nt: f64,
    },
    /// The centre fit failed.
    #[error("centre fit: {0}")]
    Fit(String),
    /// A printed number could not be propagated into an interval.
    #[error(transparent)]
    Propagation(#[from] crate::claims::PropagationError),
}

/// Checks `value` is positive and finite.
pub(crate) fn positive(parameter: &'static str, value: f64) -> Result<f64, FluxRopeError> {
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(FluxRopeError::NonPositive { parameter, value })
    }
}

/// Checks `value` is finite.
pub(crate) fn finite(parameter: &'static str, value: f64) -> Result<f64, FluxRopeError> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(FluxRopeError::BadCoefficient {
            parameter,
            extra: "",
            value,
        })
    }
}
