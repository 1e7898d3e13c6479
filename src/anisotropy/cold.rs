//! The cold-ion dominated regime, `T_perp <= T_par` (Richard et al. 2025, Eqs. 5–8): hot
//! isotropic ions plus cold field-aligned beams, Speiser ions negligible.

use super::{AnisotropyError, check_anisotropy, check_beta, check_eta};

fn check_regime(perp_over_par: f64) -> Result<f64, AnisotropyError> {
    let perp_over_par = check_anisotropy(perp_over_par)?;
    if perp_over_par > 1.0 {
        return Err(AnisotropyError::WrongRegime {
            perp_over_par,
            regime: "cold-ion",
        });
    }
    Ok(perp_over_par)
}

/// Eq. 6: `j_y/j0 = eta_e / (1 - (T_par/T_perp - 1) eta_c^2 beta_par/2)`.
///
/// # Errors
/// Invalid inputs, [`AnisotropyError::WrongRegime`] for `T_perp/T_par > 1`, and
/// [`AnisotropyError::NoEquilibrium`] at and beyond the threshold of Eq. 8.
///
/// ```
/// use mmsbook::anisotropy::cold;
/// // Isotropic ions carry no cold-ion current: j_y = eta_e j0.
/// assert_eq!(cold::current_ratio(1.0, 2.0, 0.3, 0.3).unwrap(), 0.3);
/// ```
pub fn current_ratio(
    perp_over_par: f64,
    beta_par: f64,
    eta_e: f64,
    eta_c: f64,
) -> Result<f64, AnisotropyError> {
    let denominator = denominator(perp_over_par, beta_par, eta_c)?;
    let eta_e = check_eta("eta_e", eta_e)?;
    if denominator <= 0.0 {
        return Err(AnisotropyError::NoEquilibrium { denominator });
    }
    Ok(eta_e / denominator)
}

/// Eq. 7: `kappa^2 = (1/beta_par)(T_par/T_perp)(1/eta_e)[1 - (T_par/T_perp - 1) eta_c^2 beta_par/2]`,
/// signed: zero exactly at the threshold of Eq. 8, negative beyond.
///
/// # Errors
/// Invalid inputs or [`AnisotropyError::WrongRegime`].
pub fn kappa_squared(
    perp_over_par: f64,
    beta_par: f64,
    eta_e: f64,
    eta_c: f64,
) -> Result<f64, AnisotropyError> {
    let bracket = denominator(perp_over_par, beta_par, eta_c)?;
    let eta_e = check_eta("eta_e", eta_e)?;
    Ok(bracket / (beta_par * perp_over_par * eta_e))
}

fn denominator(perp_over_par: f64, beta_par: f64, eta_c: f64) -> Result<f64, AnisotropyError> {
    let perp_over_par = check_regime(perp_over_par)?;
    let beta_par = check_beta(beta_par)?;
    let eta_c = check_eta("eta_c", eta_c)?;
    Ok(1.0 - (1.0 / perp_over_par - 1.0) * eta_c * eta_c * beta_par / 2.0)
}

/// Eq. 8: the parallel-anisotropy limit, the value of `T_perp/T_par` where `kappa = 0`:
/// `R_c = (1 + 2 / (eta_c^2 beta_par))^-1`.
///
/// # Errors
/// [`AnisotropyError::NonPositiveBeta`] or a non-positive `eta_c`.
///
/// ```
/// use mmsbook::anisotropy::cold;
/// // A single population (eta_c = 1) at beta_par = 2: T_perp/T_par = 1/2.
/// assert!((cold::threshold(1.0, 2.0).unwrap() - 0.5).abs() < 1e-15);
/// ```
pub fn threshold(eta_c: f64, beta_par: f64) -> Result<f64, AnisotropyError> {
    let beta_par = check_beta(beta_par)?;
    let eta_c = check_eta("eta_c", eta_c)?;
    Ok(1.0 / (1.0 + 2.0 / (eta_c * eta_c * beta_par)))
}

/// The fluid firehose marginal condition `beta_par - beta_perp = 2`, as the anisotropy
/// `T_perp/T_par = 1 - 2/beta_par` (negative, i.e. no threshold, for `beta_par < 2`).
///
/// Eq. 8 with `eta_c = 1` reads `beta_par - beta_perp = 2 T_perp/T_par` instead: the two
/// agree as `T_perp/T_par -> 1`, i.e. at large beta, and differ by `a^2/(1+a)` with
/// `a = 2/beta_par`.
///
/// # Errors
/// [`AnisotropyError::NonPositiveBeta`].
pub fn fluid_firehose(beta_par: f64) -> Result<f64, AnisotropyError> {
    Ok(1.0 - 2.0 / check_beta(beta_par)?)
}

/// The `beta_par` at which the curvature parameter of Eq. 7 equals `kappa` for a given
/// `T_perp/T_par` (solving Eq. 7 for beta), or `None` if no positive beta does.
/// Used to draw the kappa contours of Figure 1.
///
/// # Errors
/// Invalid inputs.
pub fn beta_at_kappa(
    kappa: f64,
    perp_over_par: f64,
    eta_e: f64,
    eta_c: f64,
) -> Result<Option<f64>, AnisotropyError> {
    let x = 1.0 / check_regime(perp_over_par)?;
    let (eta_e, eta_c) = (check_eta("eta_e", eta_e)?, check_eta("eta_c", eta_c)?);
    let kappa = check_eta("kappa", kappa)?;
    // kappa^2 eta_e beta = x [1 - (x - 1) eta_c^2 beta/2]  =>  beta = x / (kappa^2 eta_e + x (x - 1) eta_c^2 / 2)
    let denominator = kappa * kappa * eta_e + x * (x - 1.0) * eta_c * eta_c / 2.0;
    Ok((denominator > 0.0).then(|| x / denominator))
}

/// The `beta_par` at which the current of Eq. 6 equals `j_ratio` (in units of j0) for a given
/// `T_perp/T_par < 1`, or `None` if none does (isotropic ions, or `j_ratio <= eta_e`).
///
/// # Errors
/// Invalid inputs.
pub fn beta_at_current(
    j_ratio: f64,
    perp_over_par: f64,
    eta_e: f64,
    eta_c: f64,
) -> Result<Option<f64>, AnisotropyError> {
    let x = 1.0 / check_regime(perp_over_par)?;
    let (eta_e, eta_c) = (check_eta("eta_e", eta_e)?, check_eta("eta_c", eta_c)?);
    let j_ratio = check_eta("j_y/j0", j_ratio)?;
    // j = eta_e / (1 - (x - 1) eta_c^2 beta/2)  =>  beta = 2 (1 - eta_e/j) / ((x - 1) eta_c^2)
    let beta = 2.0 * (1.0 - eta_e / j_ratio) / ((x - 1.0) * eta_c * eta_c);
    Ok((beta.is_finite() && beta > 0.0).then_some(beta))
}

/// Eq. 8 at `beta_par` with the interval a stated range of `eta_c` implies (the threshold
/// rises monotonically with `eta_c`, so the ends of the range give the ends of the band).
///
/// # Errors
/// As [`threshold`], or a quoted `eta_c` without a bounded interval.
pub fn threshold_band(
    eta_c: crate::claims::Quoted,
    beta_par: f64,
) -> Result<crate::claims::Computed, AnisotropyError> {
    crate::claims::corners(&[eta_c], |x| threshold(x[0], beta_par))
}

/// Eq. 8 for a single ion population, where the cold ions are all the ions: then
/// `T_c,perp = T_perp` and `eta_c^2 = T_perp/T_par` is the anisotropy itself, so the threshold
/// solves `R = (1 + 2/(R beta_par))^-1`. Found by bisection on `0 < R < 1` (the right side
/// minus `R` changes sign once there for `beta_par > 2`), to round-off.
///
/// # Errors
/// [`AnisotropyError::NoSinglePopulationThreshold`] for `beta_par <= 2`, or a non-positive beta.
pub fn single_population_threshold(beta_par: f64) -> Result<f64, AnisotropyError> {
    let beta_par = check_beta(beta_par)?;
    let excess = |r: f64| threshold(r.sqrt(), beta_par).map(|t| t - r);
    let (mut low, mut high) = (f64::EPSILON, 1.0 - f64::EPSILON);
    // Near R = 0 the right side is R beta_par/2 > R exactly when beta_par > 2.
    if excess(low)? > 0.0 && excess(high)? < 0.0 {
        // 200 halvings reach the spacing of doubles in (0, 1).
        for _ in 0..200 {
            let middle = 0.5 * (low + high);
            if excess(middle)? > 0.0 {
                low = middle
            } else {
                high = middle
            }
        }
        return Ok(0.5 * (low + high));
    }
    Err(AnisotropyError::NoSinglePopulationThreshold { beta_par })
}
