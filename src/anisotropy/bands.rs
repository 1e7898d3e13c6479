//! The anisotropy thresholds of Richard et al. (2025) as bands rather than lines: Eq. 8 over
//! a range of `eta_c`, Eq. 12 over ranges of `eta_e` and `eta_s`, the ranges the paper states
//! for its MMS data set (Sec. III.1).
//!
//! Both thresholds are monotone in each current fraction, so at every `beta_par` the band is
//! spanned by the corners of the ranges ([`crate::claims::corners`], which also checks the
//! monotonicity on a grid).

use super::{AnisotropyError, CurrentFractions, check_eta, cold, published, speiser};
use crate::claims::{Computed, Precision, Quoted};

/// The current fractions with the ranges they may take: a nominal value each (the lines) and
/// an interval each (the bands). All dimensionless.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ThresholdRanges {
    eta_e: Quoted,
    eta_s: Quoted,
    eta_c: Quoted,
    nominal: CurrentFractions,
}

impl ThresholdRanges {
    /// Ranges from three quoted fractions: `eta_e` (electron current over `j0`), `eta_s`
    /// (Speiser drift over `v_iT,perp`), `eta_c` (`sqrt(T_c,perp / T_i,par)`).
    ///
    /// # Errors
    /// [`AnisotropyError::Propagation`] for a quoted fraction without a bounded interval,
    /// [`AnisotropyError::NonPositiveFraction`] when a value or an end of a range is not
    /// positive and finite.
    pub fn new(eta_e: Quoted, eta_s: Quoted, eta_c: Quoted) -> Result<Self, AnisotropyError> {
        for (name, quoted) in [("eta_e", eta_e), ("eta_s", eta_s), ("eta_c", eta_c)] {
            let interval = quoted
                .interval()
                .map_err(crate::claims::PropagationError::from)?;
            check_eta(name, interval.lo())?;
            check_eta(name, interval.hi())?;
        }
        let nominal = CurrentFractions::new(eta_e.value, eta_s.value, eta_c.value)?;
        Ok(ThresholdRanges {
            eta_e,
            eta_s,
            eta_c,
            nominal,
        })
    }

    /// The paper's ranges: `eta_e = 0.3 (+0.4/-0.2)` and `eta_s = 3 (+2/-1)`, the medians of
    /// the MMS data set with their stated spread, and `eta_c = 0.3` in the stated `[1/10, 1/2]`.
    ///
    /// # Errors
    /// None for the published numbers; the `Result` is [`ThresholdRanges::new`]'s.
    ///
    /// ```
    /// use mmsbook::anisotropy::bands::ThresholdRanges;
    /// let ranges = ThresholdRanges::published().unwrap();
    /// // Eq. 8 at beta_par = 1 moves over more than a decade in T_perp/T_par.
    /// let band = ranges.parallel(1.0).unwrap();
    /// assert!(band.interval.hi() / band.interval.lo() > 20.0);
    /// ```
    pub fn published() -> Result<Self, AnisotropyError> {
        Self::new(
            published::ETA_E,
            published::ETA_S,
            published::FIGURE_1_ETA_C,
        )
    }

    /// Ranges of zero width around given fractions: bands collapse onto the lines.
    pub fn exact(fractions: &CurrentFractions) -> Self {
        let exact =
            |value: f64, what: &'static str| Quoted::new(value, Precision::Exact, "given", what);
        ThresholdRanges {
            eta_e: exact(fractions.eta_e, "eta_e"),
            eta_s: exact(fractions.eta_s, "eta_s"),
            eta_c: exact(fractions.eta_c, "eta_c"),
            nominal: *fractions,
        }
    }

    /// The nominal fractions (the values the lines are drawn for).
    pub fn nominal(&self) -> &CurrentFractions {
        &self.nominal
    }

    /// The quoted fractions `(eta_e, eta_s, eta_c)`.
    pub fn quoted(&self) -> (Quoted, Quoted, Quoted) {
        (self.eta_e, self.eta_s, self.eta_c)
    }

    /// Eq. 8 at `beta_par`: its nominal value and the band over the range of `eta_c`.
    ///
    /// # Errors
    /// As [`cold::threshold_band`].
    pub fn parallel(&self, beta_par: f64) -> Result<Computed, AnisotropyError> {
        cold::threshold_band(self.eta_c, beta_par)
    }

    /// Eq. 12 for the marginal `kappa` at `beta_par`: its nominal value and the band over the
    /// ranges of `eta_e` and `eta_s`.
    ///
    /// # Errors
    /// As [`speiser::threshold_band`].
    pub fn perpendicular(&self, kappa: f64, beta_par: f64) -> Result<Computed, AnisotropyError> {
        speiser::threshold_band(kappa, beta_par, self.eta_e, self.eta_s)
    }
}
