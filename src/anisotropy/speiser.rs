//! The Speiser dominated regime, `T_perp >= T_par` (Richard et al. 2025, Eqs. 9–12): hot
//! isotropic ions plus quasi-adiabatic Speiser ions carrying the current, cold ions negligible.

use super::{AnisotropyError, check_anisotropy, check_beta, check_eta};

/// The Speiser anisotropy `A_s = T_s,par/T_s,perp ~ 1/2` the paper adopts (Burkhart et al.
/// 1992 approximation of the Speiser VDF).
pub const SPEISER_ANISOTROPY: f64 = super::published::SPEISER_ANISOTROPY.value;

fn check_regime(perp_over_par: f64) -> Result<f64, AnisotropyError> {
    let perp_over_par = check_anisotropy(perp_over_par)?;
    if perp_over_par < 1.0 {
        return Err(AnisotropyError::WrongRegime {
            perp_over_par,
            regime: "Speiser",
        });
    }
    Ok(perp_over_par)
}

/// Eq. 9: the Speiser density fraction that produces an anisotropy `T_perp/T_par >= 1`,
/// `n_s/n_i = (T_par/T_perp - 1) / (A_s - 1)`.
///
/// # Errors
/// [`AnisotropyError::WrongRegime`], a non-positive or unit `A_s`, or a result outside [0, 1].
///
/// ```
/// use mmsbook::anisotropy::speiser;
/// // T_perp/T_par = 1.4 with A_s = 1/2: n_s/n_i = 4/7.
/// let n_s = speiser::density_fraction(1.4, speiser::SPEISER_ANISOTROPY).unwrap();
/// assert!((n_s - 4.0 / 7.0).abs() < 1e-12);
/// ```
pub fn density_fraction(
    perp_over_par: f64,
    speiser_anisotropy: f64,
) -> Result<f64, AnisotropyError> {
    let perp_over_par = check_regime(perp_over_par)?;
    if !(speiser_anisotropy.is_finite() && speiser_anisotropy > 0.0 && speiser_anisotropy < 1.0) {
        return Err(AnisotropyError::NonPositiveTemperature {
            parameter: "A_s (in (0, 1))",
            value: speiser_anisotropy,
        });
    }
    let fraction = (1.0 / perp_over_par - 1.0) / (speiser_anisotropy - 1.0);
    if fraction > 1.0 {
        return Err(AnisotropyError::DensityFractionOutOfRange {
            parameter: "n_s/n_i",
            value: fraction,
        });
    }
    Ok(fraction)
}

/// Eq. 10: `j_y/j0 = eta_e + 2 (1 - T_par/T_perp) eta_s` (with `A_s = 1/2`).
///
/// # Errors
/// Invalid inputs or [`AnisotropyError::WrongRegime`].
pub fn current_ratio(perp_over_par: f64, eta_e: f64, eta_s: f64) -> Result<f64, AnisotropyError> {
    let perp_over_par = check_regime(perp_over_par)?;
    let (eta_e, eta_s) = (check_eta("eta_e", eta_e)?, check_eta("eta_s", eta_s)?);
    Ok(eta_e + 2.0 * (1.0 - 1.0 / perp_over_par) * eta_s)
}

/// Eq. 11: `kappa^2 = (1/beta_par)(T_par/T_perp) / (eta_e + 2 (1 - T_par/T_perp) eta_s)`.
///
/// # Errors
/// Invalid inputs or [`AnisotropyError::WrongRegime`].
pub fn kappa_squared(
    perp_over_par: f64,
    beta_par: f64,
    eta_e: f64,
    eta_s: f64,
) -> Result<f64, AnisotropyError> {
    let current = current_ratio(perp_over_par, eta_e, eta_s)?;
    Ok(1.0 / (check_beta(beta_par)? * perp_over_par * current))
}

/// Eq. 12, generalised to any marginal `kappa` (the paper uses 1, and 0.1 in Fig. 4): the
/// perpendicular-anisotropy limit
/// `R_s = (1 + 1/(2 eta_s beta_par kappa^2)) / (1 + eta_e/(2 eta_s))`.
///
/// Values below 1 mean that even isotropic ions have a smaller `kappa` (no threshold in the
/// Speiser regime at that beta).
///
/// # Errors
/// Invalid inputs.
///
/// ```
/// use mmsbook::anisotropy::speiser;
/// // eta_s -> 0 recovers R_s = 1/(eta_e beta_par).
/// let r = speiser::threshold(1.0, 0.5, 0.3, 1e-9).unwrap();
/// assert!((r - 1.0 / (0.3 * 0.5)).abs() < 1e-6);
/// ```
pub fn threshold(
    kappa: f64,
    beta_par: f64,
    eta_e: f64,
    eta_s: f64,
) -> Result<f64, AnisotropyError> {
    let kappa = check_eta("kappa", kappa)?;
    let beta_par = check_beta(beta_par)?;
    let (eta_e, eta_s) = (check_eta("eta_e", eta_e)?, check_eta("eta_s", eta_s)?);
    Ok((1.0 + 1.0 / (2.0 * eta_s * beta_par * kappa * kappa)) / (1.0 + eta_e / (2.0 * eta_s)))
}

/// The `beta_par` at which Eq. 11 gives `kappa` for a given `T_perp/T_par >= 1`:
/// `beta = (T_par/T_perp) / (kappa^2 (eta_e + 2 (1 - T_par/T_perp) eta_s))`.
///
/// # Errors
/// Invalid inputs or [`AnisotropyError::WrongRegime`].
pub fn beta_at_kappa(
    kappa: f64,
    perp_over_par: f64,
    eta_e: f64,
    eta_s: f64,
) -> Result<f64, AnisotropyError> {
    let kappa = check_eta("kappa", kappa)?;
    let current = current_ratio(perp_over_par, eta_e, eta_s)?;
    Ok(1.0 / (perp_over_par * kappa * kappa * current))
}

/// Eq. 12 at `beta_par` and `kappa` with the interval the stated ranges of `eta_e` and
/// `eta_s` imply (monotone in each: corners of the two ranges).
///
/// # Errors
/// As [`threshold`], or a quoted fraction without a bounded interval.
pub fn threshold_band(
    kappa: f64,
    beta_par: f64,
    eta_e: crate::claims::Quoted,
    eta_s: crate::claims::Quoted,
) -> Result<crate::claims::Computed, AnisotropyError> {
    crate::claims::corners(&[eta_e, eta_s], |x| threshold(kappa, beta_par, x[0], x[1]))
}
