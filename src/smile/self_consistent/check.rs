//! How far the solved layer is from self-consistency, measured by a quadrature independent of
//! the solver's: at each check position the electron and ion moments are integrated over a
//! `(v_y, v_z)` plane with each orbit labelled by walking the solved profile
//! ([`SelfConsistentLayer::sheath_weight`]), not by the solver's barrier tables and erfc; the
//! current is compared with `dB_x/dz` of the solved field (Ampère) and the two densities with
//! each other (quasi-neutrality).

use super::layer::SelfConsistentLayer;
use super::species::Species;

/// Points per axis of the check plane, over +-7 thermal spreads.
pub const CHECK_POINTS: usize = 120;

/// Residuals at one position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Residual {
    /// Position, d_e.
    pub z: f64,
    /// `J_y` from the plane quadrature, `e n_MSH d_e Omega_ce`.
    pub current: f64,
    /// `dB_x/dz` of the solved field, the current Ampère needs.
    pub required_current: f64,
    /// Electron density from the plane quadrature, n_MSH.
    pub electron_density: f64,
    /// Ion density from the plane quadrature, n_MSH.
    pub ion_density: f64,
}

/// `(n, n U_y)` of one species' backgrounds at `z`, by the plane quadrature (the `v_x`
/// integral is the Maxwellian's, exactly).
fn plane_moments(layer: &SelfConsistentLayer, species: &Species, z: f64) -> (f64, f64) {
    let sigma = species.spread();
    let dv = 14.0 * sigma / CHECK_POINTS as f64;
    let (mut density, mut flux) = (0.0, 0.0);
    for i in 0..CHECK_POINTS {
        let v_y = -7.0 * sigma + (i as f64 + 0.5) * dv;
        // One walk down the profile serves the whole v_z column.
        let reach = layer.reach(species, z, v_y);
        for j in 0..CHECK_POINTS {
            let v_z = -7.0 * sigma + (j as f64 + 0.5) * dv;
            let v = [0.0, v_y, v_z];
            let weight = reach.weight(layer.perpendicular_energy(species, z, v));
            // f at v_x = 0 times the v_x integral sqrt(2 pi T/m).
            let f = layer.weighted_background(species, z, v, weight)
                * (2.0 * std::f64::consts::PI).sqrt()
                * sigma;
            density += f;
            flux += f * v_y;
        }
    }
    (density * dv * dv, flux * dv * dv)
}

/// The residuals at `z` (d_e).
pub fn residual(layer: &SelfConsistentLayer, z: f64) -> Residual {
    let plasma = &layer.plasma;
    let (n_e, flux_e) = plane_moments(layer, &plasma.electrons, z);
    let (n_i, flux_i) = plane_moments(layer, &plasma.ions, z);
    let harris = plasma.current.moments(layer.a_y(z), layer.phi(z));
    let h = 0.5 * layer.profile.step;
    Residual {
        z,
        current: plasma.electrons.charge * (flux_e + harris.flux_y) + plasma.ions.charge * flux_i,
        required_current: (layer.b_x(z + h) - layer.b_x(z - h)) / (2.0 * h),
        electron_density: n_e + harris.density,
        ion_density: n_i,
    }
}

/// Positions of the chapter's check, d_e: grid points (where the solver solved) near -3 to
/// 12 d_e in steps of 0.75, across the electron layer and into the ion-scale transition on the
/// magnetospheric side.
pub fn check_positions(layer: &SelfConsistentLayer) -> Vec<f64> {
    let z = &layer.profile.z;
    (0..=20)
        .filter_map(|k| {
            let target = -3.0 + 0.75 * k as f64;
            z.iter()
                .copied()
                .min_by(|a, b| (a - target).abs().total_cmp(&(b - target).abs()))
        })
        .collect()
}

/// The worst Ampère and quasi-neutrality residuals over [`check_positions`] (with the
/// residuals themselves), each as a
/// fraction of the peak current (for the charge, `e |n_i - n_e|` times the Harris drift speed,
/// the current that charge would carry).
pub fn worst_residuals(layer: &SelfConsistentLayer) -> (f64, f64, Vec<Residual>) {
    let residuals: Vec<Residual> = check_positions(layer)
        .into_iter()
        .map(|z| residual(layer, z))
        .collect();
    let peak = layer.peak_current();
    let drift = layer.plasma.current.drift.abs();
    let ampere = residuals.iter().fold(0.0f64, |m, r| {
        m.max((r.current - r.required_current).abs() / peak)
    });
    let neutrality = residuals.iter().fold(0.0f64, |m, r| {
        m.max((r.ion_density - r.electron_density).abs() * drift / peak)
    });
    (ampere, neutrality, residuals)
}
