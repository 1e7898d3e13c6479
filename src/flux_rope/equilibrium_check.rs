//! Is a solved rope an equilibrium? Two tests, for any reading of the mu-terms.
//!
//! **Force balance** (moments). With cylindrical symmetry, the radial momentum equation of
//! ions plus electrons reads `d Pi_rr/d rho + (Pi_rr - Pi_pp)/rho = J_phi B_z - J_z B_phi`,
//! where `Pi` is the momentum flux (pressure plus `m n u u`) and the electric forces cancel by
//! quasi-neutrality. [`radial_force_residual`] evaluates both sides from the closed-form
//! moments by centred differences.
//!
//! **Vlasov** (the distribution itself). For electrons (`q = -e`) with `f(rho, v_rho, v_phi,
//! v_z)`, velocity in the local cylindrical basis, the steady Vlasov operator is
//!
//! ```text
//! v_rho df/drho + (v_phi^2/rho) df/dv_rho - (v_rho v_phi/rho) df/dv_phi
//!   + (q/m) [(E_rho + v_phi B_z - v_z B_phi) df/dv_rho - v_rho B_z df/dv_phi + v_rho B_phi df/dv_z]
//! ```
//!
//! which vanishes for any function of the invariants `H`, `p_phi`, `p_z`. The mu-term's
//! `v_rho^2 + v_phi^2` (the paper's lowest order for `v_perp^2`) is not one of them, so with
//! `b != 0` the operator leaves a residual. [`vlasov_residual`] evaluates it by centred
//! differences, relative to the sum of the magnitudes of its terms, over a grid of
//! velocities where `f` matters.

use super::distribution::ElectronDistribution;
use super::equilibrium::Profile;
use super::error::FluxRopeError;
use super::moments;
use crate::plasma::constants::{ELECTRON_MASS, ELEMENTARY_CHARGE};

/// The radial force residual at one radius.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ForceResidual {
    /// Radius, m.
    pub rho_m: f64,
    /// `d Pi_rr/d rho + (Pi_rr - Pi_pp)/rho`, N/m^3.
    pub momentum_flux_divergence: f64,
    /// `J_phi B_z - J_z B_phi`, N/m^3.
    pub lorentz: f64,
}

impl ForceResidual {
    /// Divergence minus Lorentz force, N/m^3: zero in equilibrium.
    pub fn residual(&self) -> f64 {
        self.momentum_flux_divergence - self.lorentz
    }

    /// The largest `|residual|` over the largest `|J x B|` of `residuals`.
    pub fn largest_relative(residuals: &[ForceResidual]) -> f64 {
        let scale = residuals
            .iter()
            .map(|r| r.lorentz.abs())
            .fold(0.0, f64::max);
        residuals
            .iter()
            .map(|r| r.residual().abs())
            .fold(0.0, f64::max)
            / scale
    }
}

/// Radial momentum fluxes `(Pi_rr, Pi_pp)` of ions and electrons at grid point `i`, Pa.
fn momentum_flux(profile: &Profile, i: usize) -> (f64, f64) {
    let params = &profile.params;
    let t_i = params.ion_temperature();
    let parts = moments::components(
        params,
        profile.n_e_parameter_m3,
        &profile.potentials[i],
        profile.factors[i],
    );
    let ions = profile.n_i_m3[i] * t_i;
    let rr: f64 = parts.iter().map(|c| c.density_m3 * c.t_perp_j).sum::<f64>() + ions;
    let pp: f64 = parts
        .iter()
        .map(|c| c.density_m3 * (c.t_perp_j + ELECTRON_MASS * c.u_phi_ms.powi(2)))
        .sum::<f64>()
        + ions;
    (rr, pp)
}

/// The radial force balance at every interior grid point of `profile`, the derivative by
/// centred differences over `stride` grid steps either side (1, or 2 to gauge the
/// differencing error by comparison).
///
/// # Errors
/// [`FluxRopeError::NotInterior`] for a profile too short for the stride, or a zero stride.
pub fn radial_force_residual(
    profile: &Profile,
    stride: usize,
) -> Result<Vec<ForceResidual>, FluxRopeError> {
    let points = profile.rho_m.len();
    if stride == 0 || stride.checked_mul(2).is_none_or(|span| span >= points) {
        return Err(FluxRopeError::NotInterior {
            index: stride,
            points,
        });
    }
    Ok((stride..points - stride)
        .map(|i| {
            let h2 = profile.rho_m[i + stride] - profile.rho_m[i - stride];
            let (rr, pp) = momentum_flux(profile, i);
            let divergence =
                (momentum_flux(profile, i + stride).0 - momentum_flux(profile, i - stride).0) / h2
                    + (rr - pp) / profile.rho_m[i];
            let e = &profile.electrons[i];
            ForceResidual {
                rho_m: profile.rho_m[i],
                momentum_flux_divergence: divergence,
                lorentz: e.j_phi_am2 * profile.b_z_t[i] - e.j_z_am2 * profile.b_phi_t[i],
            }
        })
        .collect())
}

/// The largest force residual over the largest Lorentz force, over the whole profile.
///
/// # Errors
/// As [`radial_force_residual`].
pub fn relative_force_residual(profile: &Profile, stride: usize) -> Result<f64, FluxRopeError> {
    Ok(ForceResidual::largest_relative(&radial_force_residual(
        profile, stride,
    )?))
}

/// The Vlasov residual at one radius.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VlasovResidual {
    /// Radius, m.
    pub rho_m: f64,
    /// Largest `|operator|` over the largest sum of the magnitudes of its terms, over the
    /// velocity grid (points with `f` above 1e-3 of its largest value).
    pub relative: f64,
}

/// Velocity grid of [`vlasov_residual`]: this many points per axis over `±3` thermal speeds
/// of the background.
pub const VLASOV_VELOCITIES: usize = 13;

/// The Vlasov residual of the electron distribution at grid point `i`, the radial
/// derivatives by centred differences over `stride` grid steps either side.
///
/// # Errors
/// [`FluxRopeError::NotInterior`] if `i` is not at least `stride` (> 0) points from either end.
pub fn vlasov_residual(
    profile: &Profile,
    i: usize,
    stride: usize,
) -> Result<VlasovResidual, FluxRopeError> {
    let points = profile.rho_m.len();
    if stride == 0 || i < stride || i.checked_add(stride).is_none_or(|end| end >= points) {
        return Err(FluxRopeError::NotInterior { index: i, points });
    }
    let params = &profile.params;
    let distribution = ElectronDistribution::of_solved(params, profile.n_e_parameter_m3);
    let f =
        |j: usize, v: [f64; 3]| distribution.density(&profile.potentials[j], profile.factors[j], v);
    let fields = LocalFields {
        rho_m: profile.rho_m.clone(),
        phi_v: profile.potentials.iter().map(|p| p.phi_v).collect(),
        b_z_t: profile.b_z_t.clone(),
        b_phi_t: profile.b_phi_t.clone(),
    };
    Ok(vlasov_residual_of(
        &fields,
        i,
        stride,
        (2.0 * params.t_b_j / ELECTRON_MASS).sqrt(),
        f,
    ))
}

/// The fields on a radial grid that the Vlasov operator needs.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalFields {
    /// Radius, m.
    pub rho_m: Vec<f64>,
    /// Electric potential, V.
    pub phi_v: Vec<f64>,
    /// Axial field, T.
    pub b_z_t: Vec<f64>,
    /// Azimuthal field, T.
    pub b_phi_t: Vec<f64>,
}

/// The Vlasov residual of any electron distribution `f(j, v)` (grid point `j`, velocity in
/// the local cylindrical basis, m/s) in the `fields`, at interior grid point `i` (checked by
/// the caller), over a velocity grid of `±3 v_th_ms`.
pub fn vlasov_residual_of(
    fields: &LocalFields,
    i: usize,
    stride: usize,
    v_th_ms: f64,
    f: impl Fn(usize, [f64; 3]) -> f64,
) -> VlasovResidual {
    let (e, m) = (ELEMENTARY_CHARGE, ELECTRON_MASS);
    let q_over_m = -e / m;
    let (rho, h2) = (
        fields.rho_m[i],
        fields.rho_m[i + stride] - fields.rho_m[i - stride],
    );
    let e_rho = -(fields.phi_v[i + stride] - fields.phi_v[i - stride]) / h2;
    let (b_z, b_phi) = (fields.b_z_t[i], fields.b_phi_t[i]);
    let v_th = v_th_ms;
    let dv = 1e-4 * v_th;
    let grid: Vec<f64> = (0..VLASOV_VELOCITIES)
        .map(|k| v_th * (-3.0 + 6.0 * k as f64 / (VLASOV_VELOCITIES - 1) as f64))
        .collect();
    let mut peak = 0.0f64;
    let mut samples = Vec::new();
    for &v_rho in &grid {
        for &v_phi in &grid {
            for &v_z in &grid {
                let v = [v_rho, v_phi, v_z];
                let value = f(i, v);
                peak = peak.max(value.abs());
                let d_rho = (f(i + stride, v) - f(i - stride, v)) / h2;
                let d_v = |axis: usize| {
                    let (mut up, mut down) = (v, v);
                    up[axis] += dv;
                    down[axis] -= dv;
                    (f(i, up) - f(i, down)) / (2.0 * dv)
                };
                let (dv_rho, dv_phi, dv_z) = (d_v(0), d_v(1), d_v(2));
                let terms = [
                    v_rho * d_rho,
                    v_phi * v_phi / rho * dv_rho,
                    -v_rho * v_phi / rho * dv_phi,
                    q_over_m * (e_rho + v_phi * b_z - v_z * b_phi) * dv_rho,
                    -q_over_m * v_rho * b_z * dv_phi,
                    q_over_m * v_rho * b_phi * dv_z,
                ];
                samples.push((
                    value,
                    terms.iter().sum::<f64>(),
                    terms.iter().map(|t| t.abs()).sum::<f64>(),
                ));
            }
        }
    }
    let significant = samples
        .iter()
        .filter(|(value, _, _)| value.abs() > 1e-3 * peak);
    let (worst, scale) = significant.fold((0.0f64, 0.0f64), |(worst, scale), (_, sum, size)| {
        (worst.max(sum.abs()), scale.max(*size))
    });
    VlasovResidual {
        rho_m: rho,
        relative: if scale > 0.0 { worst / scale } else { 0.0 },
    }
}
