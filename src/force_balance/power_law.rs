//! The radial profiles of Fig. 4 of Zhang et al. (2025): `P(X) = P0 (-X / 20 R_E)^(-alpha)`,
//! and the thermal pressure gradient force they imply.

use super::{ForceBalanceError, published};
use crate::plasma::{constants::EARTH_RADIUS, units};

/// Reference distance of the fits, R_E.
pub const REFERENCE_DISTANCE_RE: f64 = super::published::FIT_REFERENCE_DISTANCE_RE;

/// A fitted power law `P(X) = P0 (-X/20 R_E)^(-alpha)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PowerLaw {
    p0_pa: f64,
    exponent: f64,
}

impl PowerLaw {
    /// `P0` in nPa and the exponent alpha (> 0: pressure rises toward Earth).
    ///
    /// # Errors
    /// [`ForceBalanceError::NonPositive`] for a non-positive P0 or exponent.
    pub fn new(p0_npa: f64, exponent: f64) -> Result<Self, ForceBalanceError> {
        for (parameter, value) in [("P0 (nPa)", p0_npa), ("exponent", exponent)] {
            if !(value.is_finite() && value > 0.0) {
                return Err(ForceBalanceError::NonPositive { parameter, value });
            }
        }
        Ok(PowerLaw {
            p0_pa: units::nanopascal(p0_npa),
            exponent,
        })
    }

    /// The ion fit of Fig. 4a: 0.24 nPa, alpha = 0.88 ([`super::published`]).
    pub fn ions() -> Self {
        PowerLaw {
            p0_pa: units::nanopascal(published::ION_P0_NPA.value),
            exponent: published::ION_EXPONENT.value,
        }
    }

    /// The electron fit of Fig. 4b: 0.045 nPa, alpha = 1.45 ([`super::published`]).
    pub fn electrons() -> Self {
        PowerLaw {
            p0_pa: units::nanopascal(published::ELECTRON_P0_NPA.value),
            exponent: published::ELECTRON_EXPONENT.value,
        }
    }

    fn check(x_re: f64) -> Result<f64, ForceBalanceError> {
        if x_re.is_finite() && x_re < 0.0 {
            Ok(x_re)
        } else {
            Err(ForceBalanceError::NotTailward { x_re })
        }
    }

    /// Pressure at `x_re` (R_E, negative), Pa.
    ///
    /// # Errors
    /// [`ForceBalanceError::NotTailward`].
    pub fn pressure_pa(&self, x_re: f64) -> Result<f64, ForceBalanceError> {
        Ok(self.p0_pa * (-Self::check(x_re)? / REFERENCE_DISTANCE_RE).powf(-self.exponent))
    }

    /// The tailward thermal force `|dP/dx| = P0 alpha / (20 R_E) (-X/20)^(-alpha-1)` at `x_re`
    /// (R_E), N/m^3.
    ///
    /// # Errors
    /// [`ForceBalanceError::NotTailward`].
    pub fn gradient_force_n_m3(&self, x_re: f64) -> Result<f64, ForceBalanceError> {
        let s = -Self::check(x_re)? / REFERENCE_DISTANCE_RE;
        Ok(
            self.p0_pa * self.exponent / (REFERENCE_DISTANCE_RE * EARTH_RADIUS)
                * s.powf(-self.exponent - 1.0),
        )
    }

    /// The mean of that force over `[x_far, x_near]` (R_E): the pressure difference over the
    /// distance, N/m^3.
    ///
    /// # Errors
    /// [`ForceBalanceError::NotTailward`] for either end; ends must differ.
    pub fn mean_gradient_force_n_m3(
        &self,
        x_far_re: f64,
        x_near_re: f64,
    ) -> Result<f64, ForceBalanceError> {
        let difference = self.pressure_pa(x_near_re)? - self.pressure_pa(x_far_re)?;
        let distance = (x_near_re - x_far_re) * EARTH_RADIUS;
        if distance == 0.0 {
            return Err(ForceBalanceError::NonPositive {
                parameter: "region length (R_E)",
                value: 0.0,
            });
        }
        Ok(difference / distance)
    }
}
