//! The general three-population current sheet: cold field-aligned beams (density n_c,
//! anisotropy A_c = T_c,par/T_c,perp > 1), a hot isotropic core, and Speiser ions (n_s,
//! A_s < 1). Richard et al. (2025), Eqs. 1, 3 and 4.

use super::{AnisotropyError, check_beta, check_eta};

/// The current fractions of the model, validated positive and finite.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CurrentFractions {
    /// `eta_e = j_ey / j0`: electron current over `j0 = e n v_iT,perp`.
    pub eta_e: f64,
    /// `eta_s = v_sD / v_iT,perp`: Speiser drift speed over the perpendicular thermal speed.
    pub eta_s: f64,
    /// `eta_c = sqrt(T_c,perp / T_i,par)`.
    pub eta_c: f64,
}

impl CurrentFractions {
    /// Validated fractions.
    ///
    /// # Errors
    /// [`AnisotropyError::NonPositiveFraction`] naming the first bad one.
    pub fn new(eta_e: f64, eta_s: f64, eta_c: f64) -> Result<Self, AnisotropyError> {
        Ok(CurrentFractions {
            eta_e: check_eta("eta_e", eta_e)?,
            eta_s: check_eta("eta_s", eta_s)?,
            eta_c: check_eta("eta_c", eta_c)?,
        })
    }

    /// `eta_c` from the cold-ion perpendicular and the total parallel ion temperature (any
    /// one unit): `eta_c^2 = T_c,perp / T_i,par`.
    ///
    /// # Errors
    /// [`AnisotropyError::NonPositiveTemperature`] for a non-positive temperature.
    pub fn eta_c_from_temperatures(t_c_perp: f64, t_i_par: f64) -> Result<f64, AnisotropyError> {
        for (parameter, value) in [("T_c,perp", t_c_perp), ("T_i,par", t_i_par)] {
            if !(value.is_finite() && value > 0.0) {
                return Err(AnisotropyError::NonPositiveTemperature { parameter, value });
            }
        }
        Ok((t_c_perp / t_i_par).sqrt())
    }
}

/// Density fractions and anisotropies of the cold and Speiser populations.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Populations {
    /// `n_c / n_i`, in [0, 1].
    pub cold_fraction: f64,
    /// `A_c = T_c,par / T_c,perp`.
    pub cold_anisotropy: f64,
    /// `n_s / n_i`, in [0, 1].
    pub speiser_fraction: f64,
    /// `A_s = T_s,par / T_s,perp`.
    pub speiser_anisotropy: f64,
}

impl Populations {
    /// Validated populations: fractions in [0, 1] with `n_c + n_s <= n_i`, positive
    /// anisotropies.
    ///
    /// # Errors
    /// [`AnisotropyError::DensityFractionOutOfRange`] or
    /// [`AnisotropyError::NonPositiveTemperature`].
    pub fn new(
        cold_fraction: f64,
        cold_anisotropy: f64,
        speiser_fraction: f64,
        speiser_anisotropy: f64,
    ) -> Result<Self, AnisotropyError> {
        let fractions = [
            ("n_c/n_i", cold_fraction),
            ("n_s/n_i", speiser_fraction),
            ("(n_c + n_s)/n_i", cold_fraction + speiser_fraction),
        ];
        for (parameter, value) in fractions {
            if !(value.is_finite() && (0.0..=1.0).contains(&value)) {
                return Err(AnisotropyError::DensityFractionOutOfRange { parameter, value });
            }
        }
        for (parameter, value) in [("A_c", cold_anisotropy), ("A_s", speiser_anisotropy)] {
            if !(value.is_finite() && value > 0.0) {
                return Err(AnisotropyError::NonPositiveTemperature { parameter, value });
            }
        }
        Ok(Populations {
            cold_fraction,
            cold_anisotropy,
            speiser_fraction,
            speiser_anisotropy,
        })
    }

    /// Eq. 1: `T_i,par / T_i,perp - 1 ~ (n_c/n_i)(A_c - 1) + (n_s/n_i)(A_s - 1)`.
    pub fn par_over_perp_minus_one(&self) -> f64 {
        self.cold_fraction * (self.cold_anisotropy - 1.0)
            + self.speiser_fraction * (self.speiser_anisotropy - 1.0)
    }

    /// The total ion anisotropy `T_perp / T_par` implied by Eq. 1.
    ///
    /// # Errors
    /// [`AnisotropyError::NonPositiveAnisotropy`] if Eq. 1 gives `T_par/T_perp <= 0`
    /// (the linearised mixing rule is then outside its validity).
    pub fn perp_over_par(&self) -> Result<f64, AnisotropyError> {
        let par_over_perp = 1.0 + self.par_over_perp_minus_one();
        if par_over_perp > 0.0 {
            Ok(1.0 / par_over_perp)
        } else {
            Err(AnisotropyError::NonPositiveAnisotropy {
                perp_over_par: 1.0 / par_over_perp,
            })
        }
    }

    fn cold_denominator(&self, fractions: &CurrentFractions, beta_par: f64) -> f64 {
        1.0 - self.cold_fraction * (self.cold_anisotropy - 1.0) * fractions.eta_c.powi(2) * beta_par
            / 2.0
    }
}

/// Eq. 3: the total current density over `j0`,
/// `j_y/j0 = (eta_e + (n_s/n_i) eta_s) / (1 - (n_c/n_i)(A_c - 1) eta_c^2 beta_par/2)`.
///
/// # Errors
/// [`AnisotropyError::NonPositiveBeta`]; [`AnisotropyError::NoEquilibrium`] where the
/// denominator is not positive (the cold-ion current would be unbounded).
pub fn current_ratio(
    populations: &Populations,
    fractions: &CurrentFractions,
    beta_par: f64,
) -> Result<f64, AnisotropyError> {
    let beta_par = check_beta(beta_par)?;
    let denominator = populations.cold_denominator(fractions, beta_par);
    if denominator <= 0.0 {
        return Err(AnisotropyError::NoEquilibrium { denominator });
    }
    Ok((fractions.eta_e + populations.speiser_fraction * fractions.eta_s) / denominator)
}

/// Eq. 4: the squared curvature parameter `kappa^2 = R_c / rho_i`,
/// `kappa^2 = (1/beta_par) (T_par/T_perp) (1 - (n_c/n_i)(A_c - 1) eta_c^2 beta_par/2) / (eta_e + (n_s/n_i) eta_s)`.
///
/// Signed on purpose: it crosses zero exactly where the current of Eq. 3 diverges, and is
/// negative beyond (no equilibrium). [`kappa`] clamps it.
///
/// # Errors
/// [`AnisotropyError::NonPositiveBeta`], or a non-positive `T_par/T_perp` from Eq. 1.
pub fn kappa_squared(
    populations: &Populations,
    fractions: &CurrentFractions,
    beta_par: f64,
) -> Result<f64, AnisotropyError> {
    let beta_par = check_beta(beta_par)?;
    let par_over_perp = 1.0 / populations.perp_over_par()?;
    let numerator = populations.cold_denominator(fractions, beta_par);
    Ok(par_over_perp * numerator
        / (beta_par * (fractions.eta_e + populations.speiser_fraction * fractions.eta_s)))
}

/// The curvature parameter `kappa = sqrt(max(kappa^2, 0))`: zero at and beyond the
/// parallel threshold, where cold ions are scattered into Speiser orbits.
///
/// # Errors
/// As [`kappa_squared`].
pub fn kappa(
    populations: &Populations,
    fractions: &CurrentFractions,
    beta_par: f64,
) -> Result<f64, AnisotropyError> {
    Ok(kappa_squared(populations, fractions, beta_par)?
        .max(0.0)
        .sqrt())
}
