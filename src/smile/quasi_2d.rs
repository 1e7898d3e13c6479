//! A labelled stretch: a quasi-2D layer whose source height and normal-field centre drift
//! slowly along x (the outflow, along B), so that distributions differ along the field and a
//! parallel gradient exists. At each x the distribution is the 1D crescent model with that x's
//! parameters; the 1D model is exact, the x dependence only adiabatic (valid while the drift
//! over a gyro-orbit is small).

use super::crescent::CrescentModel;
use super::detector::{RingReading, read_ring};
use super::error::{SmileError, finite, positive};

/// The reference crescent model with `z_s(x) = z_s + slope x` and `z_E(x) = z_E + slope x`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DriftingLayer {
    /// The model at x = 0.
    pub base: CrescentModel,
    /// `d z_s / d x`: how fast the band's structures rise (> 0) or sink along the outflow.
    pub slope: f64,
}

impl DriftingLayer {
    /// The 1D model at `x` (d_e).
    pub fn at(&self, x: f64) -> CrescentModel {
        let mut model = self.base;
        model.source_z_de += self.slope * x;
        model.layer.normal_field_centre_de += self.slope * x;
        model
    }

    /// The parallel gradient `b . grad f = d f / d x` (B is along x) at `(x, z)` by a centred
    /// difference over `dx` (d_e), at the layer-frame velocity `v`.
    pub fn parallel_gradient(&self, x: f64, z: f64, dx: f64, v: [f64; 3]) -> f64 {
        (self.at(x + 0.5 * dx).phase_space_density(z, v)
            - self.at(x - 0.5 * dx).phase_space_density(z, v))
            / dx
    }

    /// The smile detector on the parallel gradient at `(x, z)`, over `dx` (d_e).
    ///
    /// # Errors
    /// [`SmileError`] for a non-finite slope or a non-positive `dx`.
    pub fn read_parallel(&self, x: f64, z: f64, dx: f64) -> Result<RingReading, SmileError> {
        finite("slope dz_s/dx", self.slope)?;
        positive("dx (d_e)", dx)?;
        self.base.validate()?;
        let here = self.at(x);
        Ok(read_ring(&here, z, |v| self.parallel_gradient(x, z, dx, v)))
    }
}
