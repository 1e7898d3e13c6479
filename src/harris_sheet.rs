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
        Ok(HarrisSheet {
            b0_t,
            half_thickness_m,
            normal_t: 0.0,
            guide_t: 0.0,
        })
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
        Ok(HarrisSheet {
            normal_t,
            guide_t,
            ..self
        })
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

/// Why a Harris profile could not be fitted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum HarrisFitError {
    /// Positions and field samples differ in length, or there are fewer than 3.
    #[error("need >= 3 matching samples, got {positions} positions and {fields} field values")]
    BadSamples {
        /// Number of positions.
        positions: usize,
        /// Number of field values.
        fields: usize,
    },
    /// A position or field value is NaN or infinite, or all positions coincide.
    #[error("samples must be finite and span a range of positions")]
    DegenerateSamples,
    /// The best fit has B_L decreasing along N: orient N (e.g. with MVA) so B_L increases.
    #[error("the fitted profile decreases along N (B0 = {b0_t} T): flip the normal first")]
    ReversedProfile {
        /// The fitted (negative) lobe field, T.
        b0_t: f64,
    },
    /// The minimiser failed.
    #[error(transparent)]
    Fit(#[from] crate::fit::FitError),
}

impl HarrisSheet {
    /// Least-squares fit of `B_L = B0 tanh(N/L)` to field samples `b_l_t` (T) at positions
    /// `n_m` (m) along the normal, centred at N = 0. Returns the fitted sheet and the fit;
    /// its cost is the mean squared residual in units of the largest |B_L|.
    ///
    /// # Errors
    /// [`HarrisFitError`] for mismatched, too few, non-finite or degenerate samples, a
    /// profile that decreases along N, or a failed minimisation.
    ///
    /// ```
    /// use mmsbook::harris_sheet::HarrisSheet;
    /// let truth = HarrisSheet::new(20e-9, 1.0e6).unwrap();
    /// let n: Vec<f64> = (0..81).map(|i| -4.0e6 + 1.0e5 * i as f64).collect();
    /// let b: Vec<f64> = n.iter().map(|&n| truth.field_lmn(n).x).collect();
    /// let (fitted, fit) = HarrisSheet::fit_profile(&n, &b).unwrap();
    /// assert!((fitted.half_thickness_m() / 1.0e6 - 1.0).abs() < 1e-5 && fit.cost < 1e-12);
    /// ```
    pub fn fit_profile(
        n_m: &[f64],
        b_l_t: &[f64],
    ) -> Result<(HarrisSheet, crate::fit::FitResult), HarrisFitError> {
        if n_m.len() != b_l_t.len() || n_m.len() < 3 {
            return Err(HarrisFitError::BadSamples {
                positions: n_m.len(),
                fields: b_l_t.len(),
            });
        }
        if !n_m.iter().chain(b_l_t).all(|x| x.is_finite()) {
            return Err(HarrisFitError::DegenerateSamples);
        }
        // Fit in units of the largest field and a quarter of the position span, where both
        // parameters start at 1: the simplex then sees a well-conditioned problem.
        let b_scale = b_l_t.iter().fold(0.0f64, |m, b| m.max(b.abs()));
        let (low, high) = n_m
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &n| {
                (lo.min(n), hi.max(n))
            });
        let n_scale = (high - low) / 4.0;
        if !(b_scale > 0.0 && n_scale > 0.0) {
            return Err(HarrisFitError::DegenerateSamples);
        }
        let count = n_m.len() as f64;
        let cost = |p: &[f64]| {
            let squared: f64 = n_m
                .iter()
                .zip(b_l_t)
                .map(|(n, b)| (b / b_scale - p[0] * (n / n_scale / p[1]).tanh()).powi(2))
                .sum();
            squared / count
        };
        let fit = crate::fit::minimise(
            cost,
            &[1.0, 1.0],
            &[0.2, 0.3],
            crate::fit::NelderMeadSettings::default(),
        )?;
        // B0 tanh(N/L) is unchanged by flipping both signs: report L > 0.
        let sign = fit.parameters[1].signum();
        let (b0_t, half_thickness_m) = (
            sign * fit.parameters[0] * b_scale,
            sign * fit.parameters[1] * n_scale,
        );
        if b0_t <= 0.0 {
            return Err(HarrisFitError::ReversedProfile { b0_t });
        }
        let sheet = HarrisSheet::new(b0_t, half_thickness_m)
            .map_err(|_| HarrisFitError::DegenerateSamples)?;
        Ok((sheet, fit))
    }
}
