//! The paper's single-event method (Sec. 2, Eqs. 2–3) run on one-dimensional current sheets
//! whose answer is known: the off-diagonal pressure balances a chosen fraction `f` of the
//! local magnetic tension everywhere.
//!
//! In a 1D sheet `B_x(z)` with a uniform normal field `B_z` (∇·B = 0), Ampère's law gives
//! `j_y = (1/mu0) dB_x/dz`. Asking `dP_xz/dz = f j_y B_z` at every z fixes
//! `P_xz = f B_z B_x / mu0` (the constant drops out of every slope): linear in `B_x` for
//! any current profile. The method's slope of `P_xz` against `B_x/B0` is then exactly
//! `f B_z B0/mu0`, Eq. 3 with `L = B0/(mu0 j0)` turns it into `f B_z j0`, and the tension
//! from central means is `<j_y> B_z`. The method returns `f j0 / <j_y>`: the true share
//! times the ratio of the peak current to its central-region mean, whatever `f` is. For a
//! Harris sheet sampled uniformly in z that ratio is `atanh(0.5)/0.5 = 1.099`; for embedded
//! and bifurcated sheets it can be much larger.

use super::ForceBalanceError;
use super::harris_method::{off_diagonal_force_n_m3, tension_n_m3, thickness_m};
use crate::plasma::constants::VACUUM_PERMEABILITY;

/// The shape of a current sheet's field reversal, with lengths in units of the sheet's
/// half-thickness `L` (the broad sheet's, for an embedded one).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SheetShape {
    /// `B_x/B0 = tanh(z/L)`.
    Harris,
    /// A thin core on a broad sheet: `B_x/B0 = a tanh(z/(r L)) + (1 - a) tanh(z/L)`, with
    /// the core carrying the fraction `a` of the field jump and `r < 1` its relative thickness.
    Embedded {
        /// Fraction of B0 the core carries, in (0, 1].
        core_field_fraction: f64,
        /// Core half-thickness over the sheet's, in (0, 1].
        core_thickness_ratio: f64,
    },
    /// Two current layers at `z = ±s L`: `B_x/B0 = [tanh(z/L - s) + tanh(z/L + s)]/2`; the
    /// current dips at the centre for `s` above about 0.66.
    Bifurcated {
        /// Half the separation of the two current peaks, in units of L.
        separation: f64,
    },
}

impl SheetShape {
    fn validate(self) -> Result<Self, ForceBalanceError> {
        let check = |parameter: &'static str, value: f64, upper: f64| {
            if value.is_finite() && value > 0.0 && value <= upper { Ok(()) } else { Err(ForceBalanceError::OutOfRange { parameter, value }) }
        };
        match self {
            SheetShape::Harris => {}
            SheetShape::Embedded { core_field_fraction, core_thickness_ratio } => {
                check("core field fraction (0 < a <= 1)", core_field_fraction, 1.0)?;
                check("core thickness ratio (0 < r <= 1)", core_thickness_ratio, 1.0)?;
            }
            SheetShape::Bifurcated { separation } => {
                if !(separation.is_finite() && (0.0..=10.0).contains(&separation)) {
                    return Err(ForceBalanceError::OutOfRange { parameter: "peak separation (0 <= s <= 10, units of L)", value: separation });
                }
            }
        }
        Ok(self)
    }

    /// `B_x/B0` at `zeta = z/L`.
    pub fn field(self, zeta: f64) -> f64 {
        match self {
            SheetShape::Harris => zeta.tanh(),
            SheetShape::Embedded { core_field_fraction: a, core_thickness_ratio: r } => a * (zeta / r).tanh() + (1.0 - a) * zeta.tanh(),
            SheetShape::Bifurcated { separation: s } => 0.5 * ((zeta - s).tanh() + (zeta + s).tanh()),
        }
    }

    /// `j_y` in units of `B0/(mu0 L)` at `zeta = z/L`: the derivative of [`SheetShape::field`].
    pub fn current(self, zeta: f64) -> f64 {
        let sech2 = |x: f64| 1.0 / x.cosh().powi(2);
        match self {
            SheetShape::Harris => sech2(zeta),
            SheetShape::Embedded { core_field_fraction: a, core_thickness_ratio: r } => a / r * sech2(zeta / r) + (1.0 - a) * sech2(zeta),
            SheetShape::Bifurcated { separation: s } => 0.5 * (sech2(zeta - s) + sech2(zeta + s)),
        }
    }
}

/// A sheet with a known off-diagonal share, in SI units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KnownSheet {
    /// Shape of the reversal.
    pub shape: SheetShape,
    /// Lobe field B0, T.
    pub b0_t: f64,
    /// Half-thickness L, m.
    pub thickness_m: f64,
    /// Normal field B_z, T.
    pub b_z_t: f64,
    /// The share f of the local tension that dP_xz/dz balances.
    pub share: f64,
}

/// Samples per crossing: uniform in z over ±[`CROSSING_HALF_WIDTH`] L, as a spacecraft at
/// constant speed samples a sheet moving past it.
pub const CROSSING_SAMPLES: usize = 20001;
/// Half-width of the sampled crossing, in units of L: far enough for `|B_x|` to reach
/// `0.5 B0` in every shape the scans use.
pub const CROSSING_HALF_WIDTH: f64 = 8.0;

/// What the method returns on a [`KnownSheet`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MethodResult {
    /// The share of the tension the method attributes to P_xz.
    pub recovered_share: f64,
    /// The thickness Eq. 2 gives, over the sheet's true L.
    pub thickness_ratio: f64,
    /// Peak current over its central-region mean: the factor the share is off by.
    pub peak_over_central_mean: f64,
}

impl KnownSheet {
    /// Runs the paper's method on a crossing of this sheet: peak j0 from the samples,
    /// `L = B0/(mu0 j0)` (Eq. 2), the central-region slope of P_xz against B_x/B0 (Eq. 3),
    /// divided by the tension from central-region means.
    ///
    /// ```
    /// use mmsbook::force_balance::known_answer::{KnownSheet, SheetShape};
    /// let sheet = KnownSheet { shape: SheetShape::Harris, b0_t: 20e-9, thickness_m: 1e6, b_z_t: 2e-9, share: 0.3 };
    /// let result = sheet.method().unwrap();
    /// // The share comes back times atanh(0.5)/0.5 = 1.0986.
    /// assert!((result.recovered_share / 0.3 - 0.5f64.atanh() / 0.5).abs() < 1e-3);
    /// ```
    ///
    /// # Errors
    /// [`ForceBalanceError::NonPositive`] for a non-positive field, thickness or share,
    /// [`ForceBalanceError::OutOfRange`] for a shape parameter out of range; the method's own
    /// errors otherwise.
    pub fn method(&self) -> Result<MethodResult, ForceBalanceError> {
        self.method_with_samples(CROSSING_SAMPLES)
    }

    /// As [`KnownSheet::method`], with `samples` samples across the crossing (at least 101,
    /// at most 10^6): halving them shows the sampling error of the default.
    ///
    /// # Errors
    /// As [`KnownSheet::method`], and [`ForceBalanceError::OutOfRange`] for a sample count
    /// outside [101, 10^6].
    pub fn method_with_samples(&self, samples: usize) -> Result<MethodResult, ForceBalanceError> {
        self.method_assuming_b0(self.b0_t, samples)
    }

    /// As [`KnownSheet::method`], with the boundary field misjudged as `assumed_b0_t` (T), as
    /// the paper's B0 estimate may be by 10–20% (Sec. 2): it enters `B_x/B0`, the central
    /// region and `L = B0/(mu0 j0)`.
    ///
    /// ```
    /// use mmsbook::force_balance::known_answer::{KnownSheet, SheetShape, CROSSING_SAMPLES};
    /// let sheet = KnownSheet { shape: SheetShape::Harris, b0_t: 20e-9, thickness_m: 1e6, b_z_t: 2e-9, share: 0.3 };
    /// let high = sheet.method_assuming_b0(1.2 * 20e-9, CROSSING_SAMPLES).unwrap();
    /// assert!((high.thickness_ratio - 1.2).abs() < 1e-3); // L scales with B0...
    /// let exact = sheet.method().unwrap();
    /// assert!((high.recovered_share / exact.recovered_share - 1.0).abs() < 0.1); // ...the share much less
    /// ```
    ///
    /// # Errors
    /// As [`KnownSheet::method_with_samples`], and [`ForceBalanceError::NonPositive`] for a
    /// non-positive assumed field.
    pub fn method_assuming_b0(&self, assumed_b0_t: f64, samples: usize) -> Result<MethodResult, ForceBalanceError> {
        if !(assumed_b0_t.is_finite() && assumed_b0_t > 0.0) {
            return Err(ForceBalanceError::NonPositive { parameter: "assumed B0 (T)", value: assumed_b0_t });
        }
        if !(101..=1_000_000).contains(&samples) {
            return Err(ForceBalanceError::OutOfRange { parameter: "samples per crossing (101 to 10^6)", value: samples as f64 });
        }
        let shape = self.shape.validate()?;
        for (parameter, value) in [("B0 (T)", self.b0_t), ("L (m)", self.thickness_m), ("B_z (T)", self.b_z_t), ("share f", self.share)] {
            if !(value.is_finite() && value > 0.0) {
                return Err(ForceBalanceError::NonPositive { parameter, value });
            }
        }
        let unit_current = self.b0_t / (VACUUM_PERMEABILITY * self.thickness_m);
        let zeta: Vec<f64> = (0..samples)
            .map(|i| -CROSSING_HALF_WIDTH + 2.0 * CROSSING_HALF_WIDTH * i as f64 / (samples - 1) as f64)
            .collect();
        // The samples of B_x/B0 as the method sees them: over the B0 it assumes.
        let bx: Vec<f64> = zeta.iter().map(|&z| shape.field(z) * self.b0_t / assumed_b0_t).collect();
        let j_y: Vec<f64> = zeta.iter().map(|&z| unit_current * shape.current(z)).collect();
        let b_z = vec![self.b_z_t; zeta.len()];
        let p_xz: Vec<f64> = zeta.iter().map(|&z| self.share * self.b_z_t * shape.field(z) * self.b0_t / VACUUM_PERMEABILITY).collect();
        let j0 = j_y.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let thickness = thickness_m(assumed_b0_t, j0)?;
        let (force, _) = off_diagonal_force_n_m3(&bx, &p_xz, thickness)?;
        let tension = tension_n_m3(&bx, &j_y, &b_z)?;
        let central: Vec<f64> = bx.iter().zip(&j_y).filter(|(b, _)| super::harris_method::in_central_region(**b)).map(|(_, j)| *j).collect();
        let central_mean = central.iter().sum::<f64>() / central.len() as f64;
        Ok(MethodResult { recovered_share: force / tension, thickness_ratio: thickness / self.thickness_m, peak_over_central_mean: j0 / central_mean })
    }
}
