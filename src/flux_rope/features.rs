//! Features of a solved flux-rope profile that the chapter compares with Yang et al.: where
//! the field falls to a contour level, where the density is lowest, and whether the
//! distribution stays non-negative at the centre.

use super::distribution::ElectronDistribution;
use super::equilibrium::Profile;
use super::moments::LocalPotentials;

/// Radius (m) where the field strength first falls to `level_t` (T), by linear
/// interpolation between grid points; `None` if it never does on the grid.
pub fn contour_radius(profile: &Profile, level_t: f64) -> Option<f64> {
    (1..profile.rho_m.len())
        .find(|&i| profile.field_magnitude(i) <= level_t)
        .map(|i| {
            let (b0, b1) = (profile.field_magnitude(i - 1), profile.field_magnitude(i));
            profile.rho_m[i - 1]
                + (b0 - level_t) / (b0 - b1) * (profile.rho_m[i] - profile.rho_m[i - 1])
        })
}

/// Radius (m) of the electron density minimum: the lowest grid point, refined by the vertex
/// of the parabola through it and its neighbours (so the result does not jump by whole grid
/// steps as parameters change). A minimum on the axis stays there: the density is even in rho.
pub fn density_minimum_radius(profile: &Profile) -> f64 {
    density_minimum_radius_of(&profile.rho_m, |i| profile.electrons[i].density_m3)
}

/// [`density_minimum_radius`] for any density `n(i)` (m^-3) on the uniform grid `rho_m` (m).
pub fn density_minimum_radius_of(rho_m: &[f64], n: impl Fn(usize) -> f64) -> f64 {
    let index = (0..rho_m.len())
        .min_by(|&a, &b| n(a).total_cmp(&n(b)))
        .unwrap_or(0);
    if index == 0 || index + 1 >= rho_m.len() {
        return rho_m[index];
    }
    let (left, centre, right) = (n(index - 1), n(index), n(index + 1));
    let curvature = left - 2.0 * centre + right;
    let h = rho_m[index + 1] - rho_m[index];
    let shift = if curvature > 0.0 {
        0.5 * (left - right) / curvature
    } else {
        0.0
    };
    rho_m[index] + shift.clamp(-0.5, 0.5) * h
}

/// Highest energy of the scan of [`negative_phase_space_density`], in units of `T_eb`.
pub const NEGATIVITY_SCAN_TEB: f64 = 60.0;

/// The lowest energy (J) at which the centre's distribution is negative along the axis
/// (either direction) or across it, and `min f / f(0)` there, scanning energies up to
/// [`NEGATIVITY_SCAN_TEB`] `T_eb` in steps of 0.01 `T_eb`.
pub fn negative_phase_space_density(profile: &Profile) -> (Option<f64>, f64) {
    let params = &profile.params;
    let centre = LocalPotentials {
        rho_m: 0.0,
        phi_v: 0.0,
        a_phi_tm: 0.0,
        a_z_tm: 0.0,
    };
    let distribution = ElectronDistribution::of_solved(params, profile.n_e_parameter_m3);
    let f = |v: [f64; 3]| distribution.density(&centre, profile.factors[0], v);
    let peak = f([0.0; 3]);
    let directions = [[0.0, 0.0, 1.0], [0.0, 0.0, -1.0], [1.0, 0.0, 0.0]];
    let mut first_negative: Option<f64> = None;
    let mut lowest = f64::INFINITY;
    let steps = (NEGATIVITY_SCAN_TEB / 0.01).round() as usize;
    for step in 0..=steps {
        let energy = params.t_b_j * 0.01 * step as f64;
        let speed = (2.0 * energy / crate::plasma::constants::ELECTRON_MASS).sqrt();
        for d in directions {
            let value = f(d.map(|c| c * speed)) / peak;
            lowest = lowest.min(value);
            if value < 0.0 && first_negative.is_none_or(|e| energy < e) {
                first_negative = Some(energy);
            }
        }
    }
    (first_negative, lowest)
}
