//! The single-event method of Zhang et al. (2025, Sec. 2): thickness from Ampère's law for a
//! Harris sheet, the central region `|B_x| < 0.5 B0`, tension from central-region means, and
//! the off-diagonal force from the slope of P_xz against B_x/B0 (Eq. 3).

use super::ForceBalanceError;
use crate::plasma::constants::VACUUM_PERMEABILITY;

/// Edge of the central region in `B_x / B0`.
pub const CENTRAL_REGION: f64 = super::published::CENTRAL_REGION.value;

fn positive(parameter: &'static str, value: f64) -> Result<f64, ForceBalanceError> {
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(ForceBalanceError::NonPositive { parameter, value })
    }
}

fn finite(parameter: &'static str, values: &[f64]) -> Result<(), ForceBalanceError> {
    match values.iter().position(|v| !v.is_finite()) {
        Some(index) => Err(ForceBalanceError::NonFinite { parameter, index }),
        None => Ok(()),
    }
}

/// Harris thickness `L = B0 / (mu0 j0)`, m.
///
/// * `b0_t`: lobe (boundary) field, T; `j0_a_m2`: peak current density, A/m^2.
///
/// # Errors
/// [`ForceBalanceError::NonPositive`] for a non-positive field or current.
///
/// ```
/// use mmsbook::force_balance::harris_method::thickness_m;
/// use mmsbook::plasma::units;
/// // The 12 August 2017 event: B0 ~ 7.9 nT, j0 ~ 9.3 nA/m^2 give about 676 km.
/// let l = thickness_m(units::nanotesla(7.9), units::nanoampere_per_m2(9.3)).unwrap();
/// assert!((units::to_km(l) - 676.0).abs() < 1.0);
/// ```
pub fn thickness_m(b0_t: f64, j0_a_m2: f64) -> Result<f64, ForceBalanceError> {
    Ok(positive("B0 (T)", b0_t)? / (VACUUM_PERMEABILITY * positive("j0 (A/m^2)", j0_a_m2)?))
}

/// Whether a sample with `B_x / B0 = bx_over_b0` lies in the central region `|B_x| < 0.5 B0`.
pub fn in_central_region(bx_over_b0: f64) -> bool {
    bx_over_b0.abs() < CENTRAL_REGION
}

/// Magnetic tension from central-region means, `<j_y> <B_z>`, N/m^3: the single-event
/// estimate of Sec. 2, from samples `j_y_a_m2` (A/m^2) and `b_z_t` (T) taken where
/// `bx_over_b0` is in the central region.
///
/// # Errors
/// Mismatched or non-finite series, or no central samples.
pub fn tension_n_m3(
    bx_over_b0: &[f64],
    j_y_a_m2: &[f64],
    b_z_t: &[f64],
) -> Result<f64, ForceBalanceError> {
    if bx_over_b0.len() != j_y_a_m2.len() || bx_over_b0.len() != b_z_t.len() {
        return Err(ForceBalanceError::TooFewSamples {
            needed: 1,
            x: bx_over_b0.len(),
            y: j_y_a_m2.len().min(b_z_t.len()),
        });
    }
    finite("B_x/B0", bx_over_b0)?;
    finite("j_y", j_y_a_m2)?;
    finite("B_z", b_z_t)?;
    let central: Vec<usize> = (0..bx_over_b0.len())
        .filter(|&i| in_central_region(bx_over_b0[i]))
        .collect();
    if central.is_empty() {
        return Err(ForceBalanceError::TooFewSamples {
            needed: 1,
            x: 0,
            y: 0,
        });
    }
    let mean =
        |values: &[f64]| central.iter().map(|&i| values[i]).sum::<f64>() / central.len() as f64;
    Ok(mean(j_y_a_m2) * mean(b_z_t))
}

/// A straight-line fit `y = intercept + slope x` with the standard error of the slope.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineFit {
    /// Slope, unit of y per unit of x.
    pub slope: f64,
    /// Intercept, unit of y.
    pub intercept: f64,
    /// Standard error of the slope (0 with two points).
    pub slope_error: f64,
}

/// Ordinary least squares, in closed form (two parameters need no iterative solver).
///
/// # Errors
/// Fewer than 2 samples, mismatched lengths, non-finite values, or all x equal.
pub fn fit_line(x: &[f64], y: &[f64]) -> Result<LineFit, ForceBalanceError> {
    if x.len() != y.len() || x.len() < 2 {
        return Err(ForceBalanceError::TooFewSamples {
            needed: 2,
            x: x.len(),
            y: y.len(),
        });
    }
    finite("x", x)?;
    finite("y", y)?;
    let n = x.len() as f64;
    let (mean_x, mean_y) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let sxx: f64 = x.iter().map(|v| (v - mean_x).powi(2)).sum();
    let sxy: f64 = x
        .iter()
        .zip(y)
        .map(|(a, b)| (a - mean_x) * (b - mean_y))
        .sum();
    if sxx <= 0.0 {
        return Err(ForceBalanceError::TooFewSamples {
            needed: 2,
            x: 1,
            y: y.len(),
        });
    }
    let slope = sxy / sxx;
    let intercept = mean_y - slope * mean_x;
    let residual: f64 = x
        .iter()
        .zip(y)
        .map(|(a, b)| (b - intercept - slope * a).powi(2))
        .sum();
    let slope_error = if x.len() > 2 {
        (residual / (n - 2.0) / sxx).sqrt()
    } else {
        0.0
    };
    Ok(LineFit {
        slope,
        intercept,
        slope_error,
    })
}

/// Eq. 3: the off-diagonal force `-dP_xz/dz = -(1/L) dP_xz/d(B_x/B0)`, N/m^3, from the
/// central-region slope of `P_xz` (Pa) against `B_x/B0`, and the thickness `L` (m). Returns
/// the force and its standard error.
///
/// # Errors
/// As [`fit_line`], a non-positive thickness, or fewer than 2 central samples.
pub fn off_diagonal_force_n_m3(
    bx_over_b0: &[f64],
    p_xz_pa: &[f64],
    thickness_m: f64,
) -> Result<(f64, f64), ForceBalanceError> {
    let thickness = positive("L (m)", thickness_m)?;
    if bx_over_b0.len() != p_xz_pa.len() {
        return Err(ForceBalanceError::TooFewSamples {
            needed: 2,
            x: bx_over_b0.len(),
            y: p_xz_pa.len(),
        });
    }
    let (x, y): (Vec<f64>, Vec<f64>) = bx_over_b0
        .iter()
        .zip(p_xz_pa)
        .filter(|(b, _)| in_central_region(**b))
        .map(|(b, p)| (*b, *p))
        .unzip();
    let fit = fit_line(&x, &y)?;
    // The force points where P_xz decreases along z; with B_x/B0 = z/L in the centre the
    // paper reports it as a magnitude opposing the tension when the slope is positive.
    Ok((fit.slope / thickness, fit.slope_error / thickness))
}
