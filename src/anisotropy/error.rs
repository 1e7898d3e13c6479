//! The one error type of the `anisotropy` module.

/// Why a parameter of the anisotropy model was rejected, or a state has no equilibrium.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AnisotropyError {
    /// The ion parallel beta must be positive and finite.
    #[error("ion parallel beta beta_par must be positive and finite, got {beta_par}")]
    NonPositiveBeta {
        /// The rejected beta.
        beta_par: f64,
    },
    /// Temperatures are positive, so every anisotropy `T_perp/T_par` is too.
    #[error("anisotropy T_perp/T_par must be positive and finite, got {perp_over_par}")]
    NonPositiveAnisotropy {
        /// The rejected anisotropy.
        perp_over_par: f64,
    },
    /// A current fraction or drift ratio (eta_e, eta_s, eta_c) must be positive and finite.
    #[error("{parameter} must be positive and finite, got {value}")]
    NonPositiveFraction {
        /// `eta_e`, `eta_s` or `eta_c`.
        parameter: &'static str,
        /// The rejected value.
        value: f64,
    },
    /// Density fractions lie in [0, 1] and sum to at most 1.
    #[error("density fraction {parameter} must lie in [0, 1] (and n_c + n_s <= n_i), got {value}")]
    DensityFractionOutOfRange {
        /// `n_c/n_i`, `n_s/n_i` or their sum.
        parameter: &'static str,
        /// The rejected value.
        value: f64,
    },
    /// A population temperature or anisotropy (T_c,perp, T_i,par, A_c, A_s) must be positive.
    #[error("{parameter} must be positive and finite, got {value}")]
    NonPositiveTemperature {
        /// The parameter.
        parameter: &'static str,
        /// The rejected value.
        value: f64,
    },
    /// Beyond the parallel threshold the cold-ion current has no finite value (Eq. 3's
    /// denominator is not positive): no equilibrium exists.
    #[error("no equilibrium: the cold-ion current diverges (denominator {denominator:.3e} <= 0)")]
    NoEquilibrium {
        /// The denominator `1 - (n_c/n_i)(A_c - 1) eta_c^2 beta_par / 2`.
        denominator: f64,
    },
    /// A single anisotropic population has a threshold of Eq. 8 only for beta_par > 2.
    #[error("a single population has no threshold below beta_par = 2, got {beta_par}")]
    NoSinglePopulationThreshold {
        /// The beta given.
        beta_par: f64,
    },
    /// The Speiser regime needs T_perp >= T_par (Eq. 9), the cold regime T_perp <= T_par (Eq. 5).
    #[error("T_perp/T_par = {perp_over_par} is outside the {regime} regime")]
    WrongRegime {
        /// The anisotropy given.
        perp_over_par: f64,
        /// `cold-ion` or `Speiser`.
        regime: &'static str,
    },
    /// A stated range could not be propagated into an interval.
    #[error(transparent)]
    Propagation(#[from] crate::claims::PropagationError),
}
