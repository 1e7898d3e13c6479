//! Ion temperature anisotropy limits from curvature scattering in a quasi-1D magnetotail
//! current sheet with three ion populations (Richard et al. 2025, preprint, Sec. II).
//!
//! Everything here is dimensionless: the ion parallel beta `beta_par`, the anisotropy
//! `T_perp/T_par`, density fractions, and the current fractions `eta_e` (electron current
//! over `j0 = e n v_iT,perp`), `eta_s` (Speiser drift speed over `v_iT,perp`) and `eta_c`
//! (with `eta_c^2 = T_c,perp / T_i,par`).
//!
//! - [`model`]: the general three-population current and curvature parameter (Eqs. 1, 3, 4);
//! - [`cold`]: the cold-ion (parallel anisotropy) regime and its threshold (Eqs. 5–8);
//! - [`speiser`]: the Speiser (perpendicular anisotropy) regime and its threshold (Eqs. 9–12);
//! - [`kinetic_thresholds`]: the linear kinetic instability thresholds (Hellinger et al. 2006)
//!   that the paper's thresholds are read against.

pub mod bands;
pub mod brazil;
mod claims;
pub mod cold;
mod error;
pub mod harris_cold;
pub mod kinetic_thresholds;
pub mod lembege_pellat;
pub mod model;
pub mod published;
pub mod speiser;
mod text_claims;

pub use claims::{RichardClaimsError, claims};
pub use error::AnisotropyError;
pub use model::{CurrentFractions, Populations};

/// Validates an ion parallel beta: positive and finite.
pub(crate) fn check_beta(beta_par: f64) -> Result<f64, AnisotropyError> {
    if beta_par.is_finite() && beta_par > 0.0 {
        Ok(beta_par)
    } else {
        Err(AnisotropyError::NonPositiveBeta { beta_par })
    }
}

/// Validates a current fraction, drift ratio or marginal kappa: positive and finite.
pub(crate) fn check_eta(parameter: &'static str, value: f64) -> Result<f64, AnisotropyError> {
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(AnisotropyError::NonPositiveFraction { parameter, value })
    }
}

/// Validates an anisotropy `T_perp/T_par`: positive and finite (temperatures are positive).
pub(crate) fn check_anisotropy(perp_over_par: f64) -> Result<f64, AnisotropyError> {
    if perp_over_par.is_finite() && perp_over_par > 0.0 {
        Ok(perp_over_par)
    } else {
        Err(AnisotropyError::NonPositiveAnisotropy { perp_over_par })
    }
}

/// The curvature parameter `kappa = sqrt(R_c / rho_i)` with `rho_i = v_iT,perp / omega_ci`
/// and `v_iT,perp = sqrt(2 T_perp / m_i)` (Richard et al. 2025, Sec. I), from a measured
/// curvature radius `r_c_m` (m), ion perpendicular temperature `t_perp_j` (J) and field
/// `b_t` (T).
///
/// # Errors
/// [`crate::plasma::PlasmaError`] for non-physical inputs.
pub fn kappa_from_curvature(
    r_c_m: f64,
    t_perp_j: f64,
    b_t: f64,
) -> Result<f64, crate::plasma::PlasmaError> {
    use crate::plasma::{PlasmaError, Species, thermal_gyroradius};
    // NaN fails this test too, so it is rejected with the non-positive values.
    if r_c_m.is_nan() || r_c_m <= 0.0 {
        return Err(PlasmaError::NonPositive {
            parameter: "curvature radius r_c_m",
            value: r_c_m,
        });
    }
    let rho = thermal_gyroradius(t_perp_j, b_t, Species::PROTON)?;
    if rho == 0.0 {
        return Err(PlasmaError::NonPositive {
            parameter: "temperature t_perp_j",
            value: t_perp_j,
        });
    }
    Ok((r_c_m / rho).sqrt())
}
