//! Velocity moments of the crescent model by quadrature: density, flux and momentum flux.
//!
//! The model is Maxwellian in `v_x` (the orbit label does not depend on it), so the `v_x`
//! integral is done exactly and the `(v_y, v_z)` plane by the midpoint rule on a fine grid;
//! the orbit label jumps across separatrices, where higher-order rules gain nothing.

use super::crescent::CrescentModel;
use super::error::{SmileError, finite};
use std::f64::consts::PI;

/// Velocity moments at one position, PIC units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Moments {
    /// Density `n`, n_MSH.
    pub density: f64,
    /// Flux `n U_y`.
    pub flux_y: f64,
    /// Flux `n U_z` (zero in an equilibrium).
    pub flux_z: f64,
    /// Momentum flux `Pi_zz = int v_z^2 f`.
    pub pi_zz: f64,
    /// Momentum flux `Pi_yz = int v_y v_z f`.
    pub pi_yz: f64,
    /// Momentum flux `Pi_xx = int v_x^2 f` (= n v_th^2 / 2 exactly).
    pub pi_xx: f64,
}

/// Points per axis of the `(v_y, v_z)` quadrature, over `+-6` thermal speeds.
pub const PLANE_POINTS: usize = 240;

/// Most points per axis: the plane then costs 10^8 turning-point searches.
pub const MAX_PLANE_POINTS: usize = 10_000;

/// The moments at `z` (d_e), integrating `(v_y, v_z)` on `points x points` cells.
///
/// # Errors
/// [`SmileError`] for a non-physical model, a non-finite `z`, or `points` outside
/// 1..=[`MAX_PLANE_POINTS`].
pub fn moments(model: &CrescentModel, z: f64, points: usize) -> Result<Moments, SmileError> {
    model.validate()?;
    finite("z (d_e)", z)?;
    if !(1..=MAX_PLANE_POINTS).contains(&points) {
        return Err(SmileError::OutOfRange {
            parameter: "quadrature points per axis (1 to 10000)",
            value: points as f64,
        });
    }
    let w = model.thermal_speed;
    let half = 6.0 * w;
    let dv = 2.0 * half / points as f64;
    let boltzmann = (2.0 * model.layer.phi(z) / (w * w)).exp();
    let mut sums = [0.0; 5];
    for i in 0..points {
        let v_y = -half + (i as f64 + 0.5) * dv;
        for j in 0..points {
            let v_z = -half + (j as f64 + 0.5) * dv;
            // f integrated over v_x: weight exp(-(v_y^2 + v_z^2 - 2 Phi)/w^2) / (pi w^2).
            let weight = model.weight_at(z, v_y, v_z);
            let reduced =
                weight * boltzmann * (-(v_y * v_y + v_z * v_z) / (w * w)).exp() / (PI * w * w);
            for (sum, moment) in sums.iter_mut().zip([1.0, v_y, v_z, v_z * v_z, v_y * v_z]) {
                *sum += reduced * moment;
            }
        }
    }
    let cell = dv * dv;
    let density = sums[0] * cell;
    Ok(Moments {
        density,
        flux_y: sums[1] * cell,
        flux_z: sums[2] * cell,
        pi_zz: sums[3] * cell,
        pi_yz: sums[4] * cell,
        pi_xx: 0.5 * density * w * w,
    })
}
