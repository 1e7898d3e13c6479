//! The Harris current sheet (Harris 1962, Nuovo Cimento 23, 115): `B_L = B0 tanh(N/L)`,
//! the standard model of a magnetotail current sheet and the synthetic test bed for MVA,
//! curlometer and force-balance methods.

use crate::plasma::constants::VACUUM_PERMEABILITY;
use nalgebra::Vector3;

/// Why a Harris sheet's parameters were rejected.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum HarrisSheetError {
    /// The lobe field must be positive and finite.
    #[error("lobe field b0_t must be positive and finite, got {b0_t}")]
    NonPositiveLobeField {
        /// Rejected value, T.
        b0_t: f64,
    },
    /// The half-thickness must be positive and finite.
    #[error("half-thickness half_thickness_m must be positive and finite, got {half_thickness_m}")]
    NonPositiveThickness {
        /// Rejected value, m.
        half_thickness_m: f64,
    },
    /// The normal and guide components must be finite.
    #[error("{component} must be finite, got {value}")]
    NonFiniteComponent {
        /// `normal_t` or `guide_t`.
        component: &'static str,
        /// Rejected value, T.
        value: f64,
    },
}

/// A Harris sheet in its own L, M, N frame, with an optional uniform normal component
/// `B_N` and a guide-like `B_M = B_g sech(N/L)` concentrated at the centre.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HarrisSheet {
    b0_t: f64,
    half_thickness_m: f64,
    normal_t: f64,
    guide_t: f64,
}

impl HarrisSheet {
    /// A Harris sheet of lobe field `b0_t` (T) and half-thickness `half_thickness_m` (m).
    ///
    /// # Errors
    /// [`HarrisSheetError`] for non-positive field or thickness.
    pub fn new(b0_t: f64, half_thickness_m: f64) -> Result<Self, HarrisSheetError> {
        if !(b0_t.is_finite() && b0_t > 0.0) {
            return Err(HarrisSheetError::NonPositiveLobeField { b0_t });
        }
        if !(half_thickness_m.is_finite() && half_thickness_m > 0.0) {
            return Err(HarrisSheetError::NonPositiveThickness { half_thickness_m });
        }
        Ok(HarrisSheet { b0_t, half_thickness_m, normal_t: 0.0, guide_t: 0.0 })
    }

    /// The same sheet with a uniform normal field `normal_t` (T) and a central `B_M` peak of
    /// amplitude `guide_t` (T).
    ///
    /// # Errors
    /// [`HarrisSheetError::NonFiniteComponent`].
    pub fn with_components(self, normal_t: f64, guide_t: f64) -> Result<Self, HarrisSheetError> {
        for (component, value) in [("normal_t", normal_t), ("guide_t", guide_t)] {
            if !value.is_finite() {
                return Err(HarrisSheetError::NonFiniteComponent { component, value });
            }
        }
        Ok(HarrisSheet { normal_t, guide_t, ..self })
    }

    /// Lobe field B0, T.
    pub fn b0_t(&self) -> f64 {
        self.b0_t
    }

    /// Half-thickness L, m.
    pub fn half_thickness_m(&self) -> f64 {
        self.half_thickness_m
    }

    /// Field `(B_L, B_M, B_N)` in T at distance `n_m` (m) along the normal from the centre.
    pub fn field_lmn(&self, n_m: f64) -> Vector3<f64> {
        let s = n_m / self.half_thickness_m;
        Vector3::new(self.b0_t * s.tanh(), self.guide_t / s.cosh(), self.normal_t)
    }

    /// Current density `j_M = (B0 / (mu0 L)) sech^2(N/L)`, A/m^2 (Ampère's law).
    pub fn current_density_a_m2(&self, n_m: f64) -> f64 {
        self.peak_current_density_a_m2() / (n_m / self.half_thickness_m).cosh().powi(2)
    }

    /// Peak current density `j0 = B0 / (mu0 L)`, A/m^2: the relation Zhang et al. (2025)
    /// invert for the thickness, `L = B0 / (mu0 j0)`.
    pub fn peak_current_density_a_m2(&self) -> f64 {
        self.b0_t / (VACUUM_PERMEABILITY * self.half_thickness_m)
    }
}
