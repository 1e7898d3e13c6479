//! A further reading of Eq. 4's mu-terms: `v_perp` measured across the true field direction
//! and relative to the E x B drift of the gyro-centre, as the paper defines `mu_e`, instead of
//! its lowest order `v_perp^2 = v_rho^2 + v_phi^2`. The coefficient is read as in
//! [`super::MuReading::LocalField`] (`a = b`, the adopted unit).
//!
//! **The moments.** A component of Eq. 2 is a Maxwellian of temperature `T` drifting at `U`
//! (0, `Omega rho phi_hat` or `V z_hat`) whose density carries the spatial factor `n0(rho)` of
//! its invariants. Multiplying it by `exp(a m |v_perp - u_E|^2 / 2T)`, with `v_perp` taken
//! across `b_hat = (0, s, c)` (`s = B_phi/B`, `c = B_z/B`) and `u_E = (E_rho/B) e_hat`,
//! `e_hat = (0, -c, s)`, and completing the square in `v_perp` gives a drifting
//! bi-Maxwellian: `T_par = T` along `b_hat`, `T_perp = T/(1 - a)` across it, flow
//! `U_par b_hat + W e_hat` with `W = (U_e - a w_E)/(1 - a)` (`U_e = U . e_hat`,
//! `w_E = E_rho/B`), and density `n0 exp(m C / 2T) / (1 - a)` with
//! `C = (1 - a) W^2 - U_e^2 + a w_E^2`. For `s = 0`, `w_E = 0` this is the lowest order of
//! [`super::moments`].
//!
//! **Why it matters.** In the lowest order each component's radial pressure gradient,
//! `T/(1 - a) dN/drho`, exceeds the force holding it, `q N (E_rho - V B_phi)` for the axial
//! component, by `a/(1 - a)` of it ([`super::equilibrium_check`]). Here the flow across the
//! field feels `q N W (e_hat x B)_rho = -q N W B`. For the axial component `U_e = V s`, so
//! `-q N W B = -q N (V B_phi - a E_rho)/(1 - a)`: beyond the lowest order's `-q N V B_phi`
//! it adds `a/(1 - a) q N (E_rho - V B_phi)`, which is the excess. The background
//! (`U_e = 0`) and rotation components work the same way. What remains is second order:
//! `(P_rr - P_pp)/rho = N T s^2 a/(1 - a) / rho`, the derivative of `C`, and the inertia of
//! the new flow.
//!
//! **How it is solved.** As the paper's iteration: `E_rho` for the drift frame is taken from
//! the previous solution (the adopted lowest-order rope to start), the field direction from
//! the state being integrated; quasi-neutrality and Ampère's law as in
//! [`super::equilibrium`], until `E_rho` and `|B|` stop changing. The distribution is not a
//! function of exact invariants (`mu` is adiabatic), so neither its moments' force balance
//! ([`force_residuals`]) nor its Vlasov residual ([`GyroRope::vlasov_residual`]) vanishes;
//! both are checked against the lowest order's.

use super::boltzmann_root;
use super::distribution::ElectronDistribution;
use super::equilibrium::{Profile, RadialGrid, field_strength};
use super::equilibrium_check::ForceResidual;
use super::error::FluxRopeError;
use super::moments::LocalPotentials;
use super::parameters::{Component, MuReading, RopeParameters, perpendicular_factors};
use crate::plasma::constants::{ELECTRON_MASS, ELEMENTARY_CHARGE, VACUUM_PERMEABILITY};
use crate::plasma::units;

/// The local frame of the mu-term: the field direction and the E x B drift speed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GyroFrame {
    /// `B_phi / B`.
    pub sin_tilt: f64,
    /// `B_z / B`.
    pub cos_tilt: f64,
    /// `E_rho / B`, m/s: the E x B drift along `e_hat = (0, -c, s)`.
    pub drift_ms: f64,
}

impl GyroFrame {
    /// The paper's lowest order: field along the axis, no drift frame.
    pub const AXIAL: GyroFrame = GyroFrame {
        sin_tilt: 0.0,
        cos_tilt: 1.0,
        drift_ms: 0.0,
    };
}

/// One component's moments in the gyro-centre reading, in `(rho, phi, z)` components.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GyroMoments {
    /// Signed density, m^-3.
    pub density_m3: f64,
    /// Azimuthal flow, m/s.
    pub u_phi_ms: f64,
    /// Axial flow, m/s.
    pub u_z_ms: f64,
    /// `P_rr / N = T_perp`, J.
    pub t_rr_j: f64,
    /// `P_pp / N` (thermal part), J.
    pub t_pp_j: f64,
    /// `P_zz / N` (thermal part), J.
    pub t_zz_j: f64,
    /// Temperature along the field, J.
    pub t_par_j: f64,
    /// Temperature across it, J.
    pub t_perp_j: f64,
}

/// The moments of `component` at `at` for the electron density parameter `n_e_m3` (m^-3),
/// perpendicular factor `1 - a` (`factor`) and local `frame`.
pub fn component_moments(
    params: &RopeParameters,
    component: Component,
    n_e_m3: f64,
    at: &LocalPotentials,
    factor: f64,
    frame: GyroFrame,
) -> GyroMoments {
    let (e, m) = (ELEMENTARY_CHARGE, ELECTRON_MASS);
    let t = params.temperature(component);
    let a = 1.0 - factor;
    let GyroFrame {
        sin_tilt: s,
        cos_tilt: c,
        drift_ms: w_e,
    } = frame;
    // The component's drift U and the spatial exponent of its invariants (Eq. 2 completed).
    let (u_phi, u_z, exponent) = match component {
        Component::Background => (0.0, 0.0, e * at.phi_v / t),
        Component::Rotation => {
            let u = params.omega_rad_s * at.rho_m;
            (
                u,
                0.0,
                (e * at.phi_v - e * params.omega_rad_s * at.rho_m * at.a_phi_tm + 0.5 * m * u * u)
                    / t,
            )
        }
        Component::Axial => {
            let v = params.v_axial_ms;
            (
                0.0,
                v,
                (e * at.phi_v - e * v * at.a_z_tm + 0.5 * m * v * v) / t,
            )
        }
    };
    let u_par = u_phi * s + u_z * c;
    let u_e = -u_phi * c + u_z * s;
    let w = (u_e - a * w_e) / factor;
    let completed = factor * w * w - u_e * u_e + a * w_e * w_e;
    let t_perp = t / factor;
    GyroMoments {
        density_m3: n_e_m3 * params.weight(component) / factor
            * (exponent + 0.5 * m * completed / t).exp(),
        u_phi_ms: u_par * s - w * c,
        u_z_ms: u_par * c + w * s,
        t_rr_j: t_perp,
        t_pp_j: t_perp + (t - t_perp) * s * s,
        t_zz_j: t_perp + (t - t_perp) * c * c,
        t_par_j: t,
        t_perp_j: t_perp,
    }
}

/// The gyro-centre rope on a radial grid, SI.
#[derive(Debug, Clone, PartialEq)]
pub struct GyroRope {
    /// The constants.
    pub params: RopeParameters,
    /// Electron density parameter `n_e` fixed by `N_e(0) = N_i(0)`, m^-3.
    pub n_e_parameter_m3: f64,
    /// Perpendicular factors `1 - a` of the three components (constant: `a = b`).
    pub factors: [f64; 3],
    /// Radius, m.
    pub rho_m: Vec<f64>,
    /// Axial field, T.
    pub b_z_t: Vec<f64>,
    /// Azimuthal field, T.
    pub b_phi_t: Vec<f64>,
    /// Potentials at each radius.
    pub potentials: Vec<LocalPotentials>,
    /// The mu-term frame used at each radius.
    pub frames: Vec<GyroFrame>,
    /// The three components' moments at each radius.
    pub components: Vec<[GyroMoments; 3]>,
    /// `max |B_out - B_in| / B0z` after each iteration.
    pub history: Vec<f64>,
    /// Eq. 4 with these constants, its normalisations computed once.
    distribution: ElectronDistribution,
}

impl GyroRope {
    /// Field strength at grid point `i`, T.
    pub fn field_magnitude(&self, i: usize) -> f64 {
        field_strength(self.b_z_t[i], self.b_phi_t[i])
    }

    /// The electron phase-space density (s^3/m^6) at grid point `j` for the velocity
    /// `(v_rho, v_phi, v_z)` (m/s, rope frame): Eq. 4 with `mu` measured across the local field
    /// and relative to the E x B drift of [`GyroRope::frames`].
    pub fn phase_space_density(&self, j: usize, velocity_ms: [f64; 3]) -> f64 {
        let (e, m) = (ELEMENTARY_CHARGE, ELECTRON_MASS);
        let at = &self.potentials[j];
        let GyroFrame {
            sin_tilt: s,
            cos_tilt: c,
            drift_ms: w_e,
        } = self.frames[j];
        let [v_rho, v_phi, v_z] = velocity_ms;
        let across = -v_phi * c + v_z * s - w_e;
        let kinetic_perp = 0.5 * m * (v_rho * v_rho + across * across);
        let energy = 0.5 * m * (v_rho * v_rho + v_phi * v_phi + v_z * v_z) - e * at.phi_v;
        let p_phi = at.rho_m * (m * v_phi - e * at.a_phi_tm);
        let p_z = m * v_z - e * at.a_z_tm;
        self.distribution
            .from_invariants(energy, p_phi, p_z, kinetic_perp, self.factors)
    }

    /// The Vlasov residual of [`GyroRope::phase_space_density`] at grid point `i`, as
    /// [`super::equilibrium_check::vlasov_residual`] measures it for the lowest order.
    ///
    /// # Errors
    /// [`FluxRopeError::NotInterior`] if `i` is not at least `stride` (> 0) points from either end.
    pub fn vlasov_residual(
        &self,
        i: usize,
        stride: usize,
    ) -> Result<super::equilibrium_check::VlasovResidual, FluxRopeError> {
        let points = self.rho_m.len();
        if stride == 0 || i < stride || i.checked_add(stride).is_none_or(|end| end >= points) {
            return Err(FluxRopeError::NotInterior { index: i, points });
        }
        let fields = super::equilibrium_check::LocalFields {
            rho_m: self.rho_m.clone(),
            phi_v: self.potentials.iter().map(|p| p.phi_v).collect(),
            b_z_t: self.b_z_t.clone(),
            b_phi_t: self.b_phi_t.clone(),
        };
        let v_th = (2.0 * self.params.t_b_j / ELECTRON_MASS).sqrt();
        Ok(super::equilibrium_check::vlasov_residual_of(
            &fields,
            i,
            stride,
            v_th,
            |j, v| self.phase_space_density(j, v),
        ))
    }

    /// Electron density at grid point `i`, m^-3.
    pub fn electron_density(&self, i: usize) -> f64 {
        self.components[i].iter().map(|p| p.density_m3).sum()
    }

    /// Electron current `(J_phi, J_z)` at grid point `i`, A/m^2.
    pub fn current(&self, i: usize) -> (f64, f64) {
        let parts = &self.components[i];
        let flux =
            |f: fn(&GyroMoments) -> f64| parts.iter().map(|p| p.density_m3 * f(p)).sum::<f64>();
        (
            -ELEMENTARY_CHARGE * flux(|p| p.u_phi_ms),
            -ELEMENTARY_CHARGE * flux(|p| p.u_z_ms),
        )
    }

    /// `T_perp/T_par` of the electrons against the local field at grid point `i` (pressures
    /// summed over the components, drift spread included).
    pub fn anisotropy(&self, i: usize) -> f64 {
        let parts = &self.components[i];
        let (s, c) = (self.frames[i].sin_tilt, self.frames[i].cos_tilt);
        let n: f64 = parts.iter().map(|p| p.density_m3).sum();
        let (mean_phi, mean_z) = (
            parts.iter().map(|p| p.density_m3 * p.u_phi_ms).sum::<f64>() / n,
            parts.iter().map(|p| p.density_m3 * p.u_z_ms).sum::<f64>() / n,
        );
        // Pressure along b_hat and along e_hat, with each component's flow spread about the mean.
        let along = |dir: [f64; 2], thermal: fn(&GyroMoments) -> f64| {
            parts
                .iter()
                .map(|p| {
                    p.density_m3
                        * (thermal(p)
                            + ELECTRON_MASS
                                * ((p.u_phi_ms - mean_phi) * dir[0] + (p.u_z_ms - mean_z) * dir[1])
                                    .powi(2))
                })
                .sum::<f64>()
        };
        let p_par = along([s, c], |p| p.t_par_j);
        let p_e = along([-c, s], |p| p.t_perp_j);
        let p_rr: f64 = parts.iter().map(|p| p.density_m3 * p.t_rr_j).sum();
        0.5 * (p_rr + p_e) / p_par
    }
}

/// Iteration limit and tolerance (`max |B_out - B_in| / B0z` and the same for `E_rho` over
/// its largest value).
const MAX_ITERATIONS: usize = 40;
const TOLERANCE: f64 = 1e-9;

/// Solves the gyro-centre reading of Table 1's b coefficients (in units of the local field),
/// starting the drift frame from `start` (the lowest-order solution on the same grid).
///
/// # Errors
/// [`FluxRopeError`] for a singular coefficient, a radius without a quasi-neutral potential,
/// or [`FluxRopeError::NotConverged`].
pub fn solve(
    params: &RopeParameters,
    grid: RadialGrid,
    start: &Profile,
) -> Result<GyroRope, FluxRopeError> {
    params.validate()?;
    validate_grid(grid)?;
    if start.rho_m.len() < 2 {
        return Err(FluxRopeError::NotInterior {
            index: 1,
            points: start.rho_m.len(),
        });
    }
    let factors = perpendicular_factors(params, MuReading::LocalField, params.b0z_t, 0.0)?;
    let field_of = |rho: &[f64], phi: Vec<f64>| electric_field(rho, &phi);
    let mut e_rho = field_of(
        &start.rho_m,
        start.potentials.iter().map(|p| p.phi_v).collect(),
    );
    let mut previous: Option<GyroRope> = None;
    let mut history = Vec::new();
    for _ in 0..MAX_ITERATIONS {
        let mut rope = solve_once(params, grid, factors, |rho, state| {
            frame(rho, state, &e_rho)
        })?;
        let new_e = field_of(
            &rope.rho_m,
            rope.potentials.iter().map(|p| p.phi_v).collect(),
        );
        // The field's change against the previous pass (the start profile, interpolated, at first).
        let field_in = |i: usize| {
            previous.as_ref().map_or_else(
                || start.field_magnitude_at(rope.rho_m[i]),
                |old| old.field_magnitude(i),
            )
        };
        let change = (0..rope.rho_m.len())
            .map(|i| (rope.field_magnitude(i) - field_in(i)).abs())
            .fold(0.0, f64::max)
            / params.b0z_t;
        let e_scale = new_e
            .iter()
            .map(|p| p.1.abs())
            .fold(0.0, f64::max)
            .max(f64::MIN_POSITIVE);
        let e_change = new_e
            .iter()
            .map(|&(rho, e)| (interpolate(&e_rho, rho) - e).abs())
            .fold(0.0, f64::max)
            / e_scale;
        history.push(change.max(e_change));
        e_rho = new_e;
        if change.max(e_change) < TOLERANCE {
            rope.history = history;
            return Ok(rope);
        }
        previous = Some(rope);
    }
    Err(FluxRopeError::NotConverged {
        iterations: MAX_ITERATIONS,
        last_change: history.last().copied().unwrap_or(f64::NAN),
    })
}

/// A grid the outward pass can integrate: a positive, finite outer radius and at least one interval.
fn validate_grid(grid: RadialGrid) -> Result<(), FluxRopeError> {
    super::error::positive("grid rho_max_m (m)", grid.rho_max_m)?;
    super::error::positive("grid intervals", grid.intervals as f64)?;
    Ok(())
}

/// The same solver with the paper's lowest-order frame everywhere (field along the axis, no
/// drift frame): it must give back [`super::equilibrium::solve_one_pass`] with
/// [`MuReading::LocalField`], which the tests check.
///
/// # Errors
/// As [`solve`].
pub fn solve_lowest_order(
    params: &RopeParameters,
    grid: RadialGrid,
) -> Result<GyroRope, FluxRopeError> {
    params.validate()?;
    validate_grid(grid)?;
    let factors = perpendicular_factors(params, MuReading::LocalField, params.b0z_t, 0.0)?;
    solve_once(params, grid, factors, |_, _| GyroFrame::AXIAL)
}

/// `E_rho = -d phi/d rho` by centred differences (one-sided at the ends), as `(rho, E)` pairs.
fn electric_field(rho: &[f64], phi: &[f64]) -> Vec<(f64, f64)> {
    let last = rho.len() - 1;
    (0..=last)
        .map(|i| {
            let (lo, hi) = (i.saturating_sub(1), (i + 1).min(last));
            (
                rho[i],
                if i == 0 {
                    0.0
                } else {
                    -(phi[hi] - phi[lo]) / (rho[hi] - rho[lo])
                },
            )
        })
        .collect()
}

/// Linear interpolation of `(rho, value)` pairs on a uniform grid at `rho_m`.
fn interpolate(pairs: &[(f64, f64)], rho_m: f64) -> f64 {
    let step = pairs[1].0 - pairs[0].0;
    let position = (rho_m / step).max(0.0);
    let index = (position.floor() as usize).min(pairs.len() - 2);
    let t = (position - index as f64).min(1.0);
    pairs[index].1 * (1.0 - t) + pairs[index + 1].1 * t
}

/// `rho A_phi`, `B_z`, `A_z`, `rho B_phi`, as in [`super::equilibrium`].
type State = [f64; 4];

fn frame(rho_m: f64, state: &State, e_rho: &[(f64, f64)]) -> GyroFrame {
    let b_phi = if rho_m > 0.0 { state[3] / rho_m } else { 0.0 };
    let b = field_strength(state[1], b_phi);
    GyroFrame {
        sin_tilt: b_phi / b,
        cos_tilt: state[1] / b,
        drift_ms: interpolate(e_rho, rho_m) / b,
    }
}

fn moments_at(
    params: &RopeParameters,
    n_e: f64,
    at: &LocalPotentials,
    factors: [f64; 3],
    frame: GyroFrame,
) -> [GyroMoments; 3] {
    Component::ALL.map(|c| component_moments(params, c, n_e, at, factors[c as usize], frame))
}

fn ion_density(params: &RopeParameters, phi_v: f64) -> f64 {
    params.n_i_m3 * (-ELEMENTARY_CHARGE * phi_v / params.ion_temperature()).exp()
}

fn solve_once(
    params: &RopeParameters,
    grid: RadialGrid,
    factors: [f64; 3],
    frame_of: impl Fn(f64, &State) -> GyroFrame,
) -> Result<GyroRope, FluxRopeError> {
    let centre = LocalPotentials {
        rho_m: 0.0,
        phi_v: 0.0,
        a_phi_tm: 0.0,
        a_z_tm: 0.0,
    };
    let per_unit: f64 = moments_at(params, 1.0, &centre, factors, GyroFrame::AXIAL)
        .iter()
        .map(|p| p.density_m3)
        .sum();
    if !(per_unit > 0.0 && per_unit.is_finite()) {
        return Err(FluxRopeError::NonPositiveElectronDensity { value: per_unit });
    }
    let n_e = params.n_i_m3 / per_unit;
    let volts = params.t_b_j / ELEMENTARY_CHARGE;
    let mut last_x = 0.0;
    let mut local = |rho_m: f64,
                     state: &State|
     -> Result<(LocalPotentials, GyroFrame, [GyroMoments; 3]), FluxRopeError> {
        let a_phi = if rho_m > 0.0 { state[0] / rho_m } else { 0.0 };
        let frame = if rho_m > 0.0 {
            frame_of(rho_m, state)
        } else {
            GyroFrame::AXIAL
        };
        let potentials = |x: f64| LocalPotentials {
            rho_m,
            phi_v: x * volts,
            a_phi_tm: a_phi,
            a_z_tm: state[2],
        };
        // Each component's density is Boltzmann in the potential whatever the frame: the
        // moments are computed once at the guess and Newton only rescales the densities.
        let densities = |parts: &[GyroMoments; 3], x: f64| {
            let [background, rotation, axial] = parts.map(|p| p.density_m3);
            [
                background,
                rotation,
                axial,
                ion_density(params, potentials(x).phi_v),
            ]
        };
        let mut parts = moments_at(params, n_e, &potentials(last_x), factors, frame);
        let (x, electrons) =
            boltzmann_root::solve(params, densities(&parts, last_x), last_x, |x| {
                densities(&moments_at(params, n_e, &potentials(x), factors, frame), x)
            })
            .ok_or(FluxRopeError::NoPotential {
                rho_km: units::to_km(rho_m),
            })?;
        last_x = x;
        for (part, density) in parts.iter_mut().zip(electrons) {
            part.density_m3 = density;
        }
        Ok((potentials(x), frame, parts))
    };
    let h = grid.step_m();
    let points = grid.intervals + 1;
    let mut rope = GyroRope {
        params: *params,
        n_e_parameter_m3: n_e,
        factors,
        rho_m: Vec::with_capacity(points),
        b_z_t: Vec::with_capacity(points),
        b_phi_t: Vec::with_capacity(points),
        potentials: Vec::with_capacity(points),
        frames: Vec::with_capacity(points),
        components: Vec::with_capacity(points),
        history: Vec::new(),
        distribution: ElectronDistribution::of_solved(params, n_e),
    };
    let mut state: State = [0.0, params.b0z_t, 0.0, 0.0];
    for i in 0..points {
        let rho = i as f64 * h;
        let (at, frame, parts) = local(rho, &state)?;
        rope.rho_m.push(rho);
        rope.b_z_t.push(state[1]);
        rope.b_phi_t
            .push(if rho > 0.0 { state[3] / rho } else { 0.0 });
        rope.potentials.push(at);
        rope.frames.push(frame);
        rope.components.push(parts);
        if i + 1 < points {
            // The first stage is the point just solved: its slope needs no second root.
            let k1 = ampere(rho, &state, &parts);
            state = crate::ode::rk4_step_from(rho, h, &state, k1, |r, y| {
                local(r, y).map(|(_, _, parts)| ampere(r, y, &parts))
            })?;
        }
    }
    Ok(rope)
}

/// Ampère's law (Eq. 3) for the state at `rho_m`, given the electron components there.
fn ampere(rho_m: f64, state: &State, parts: &[GyroMoments; 3]) -> State {
    let j_phi = -ELEMENTARY_CHARGE * parts.iter().map(|p| p.density_m3 * p.u_phi_ms).sum::<f64>();
    let j_z = -ELEMENTARY_CHARGE * parts.iter().map(|p| p.density_m3 * p.u_z_ms).sum::<f64>();
    let b_phi = if rho_m > 0.0 { state[3] / rho_m } else { 0.0 };
    [
        rho_m * state[1],
        -VACUUM_PERMEABILITY * j_phi,
        -b_phi,
        VACUUM_PERMEABILITY * rho_m * j_z,
    ]
}

/// The radial force balance of ions and electrons at every interior grid point,
/// `d Pi_rr/d rho + (Pi_rr - Pi_pp)/rho` against `J_phi B_z - J_z B_phi`, the derivative by
/// centred differences over `stride` grid steps (as [`super::equilibrium_check`] does for the
/// lowest order).
///
/// # Errors
/// [`FluxRopeError::NotInterior`] for a rope too short for the stride, or a zero stride.
pub fn force_residuals(
    rope: &GyroRope,
    stride: usize,
) -> Result<Vec<ForceResidual>, FluxRopeError> {
    let points = rope.rho_m.len();
    if stride == 0 || stride.checked_mul(2).is_none_or(|span| span >= points) {
        return Err(FluxRopeError::NotInterior {
            index: stride,
            points,
        });
    }
    let t_i = rope.params.ion_temperature();
    let flux = |i: usize| -> (f64, f64) {
        let ions = ion_density(&rope.params, rope.potentials[i].phi_v) * t_i;
        let parts = &rope.components[i];
        let rr: f64 = parts.iter().map(|p| p.density_m3 * p.t_rr_j).sum::<f64>() + ions;
        let pp: f64 = parts
            .iter()
            .map(|p| p.density_m3 * (p.t_pp_j + ELECTRON_MASS * p.u_phi_ms * p.u_phi_ms))
            .sum::<f64>()
            + ions;
        (rr, pp)
    };
    Ok((stride..points - stride)
        .map(|i| {
            let (rr, pp) = flux(i);
            let divergence = (flux(i + stride).0 - flux(i - stride).0)
                / (rope.rho_m[i + stride] - rope.rho_m[i - stride])
                + (rr - pp) / rope.rho_m[i];
            let (j_phi, j_z) = rope.current(i);
            ForceResidual {
                rho_m: rope.rho_m[i],
                momentum_flux_divergence: divergence,
                lorentz: j_phi * rope.b_z_t[i] - j_z * rope.b_phi_t[i],
            }
        })
        .collect())
}

/// The largest radial force residual over the largest `J x B` ([`force_residuals`]).
///
/// # Errors
/// As [`force_residuals`].
pub fn relative_force_residual(rope: &GyroRope, stride: usize) -> Result<f64, FluxRopeError> {
    Ok(ForceResidual::largest_relative(&force_residuals(
        rope, stride,
    )?))
}

/// The gyro-centre rope at Table 1's printed values and at both ends of each entry's printed
/// interval, as [`super::sensitivity::Table1Sensitivity`] does for the lowest order: the
/// nominal rope on the chapter grid, the ends on [`super::sensitivity::SENSITIVITY_GRID`].
#[derive(Debug, Clone)]
pub struct GyroSensitivity {
    /// At the printed values, chapter grid.
    pub nominal: GyroRope,
    /// At the printed values, coarse grid.
    pub coarse_nominal: GyroRope,
    /// Per entry of [`super::sensitivity::TABLE_1_INPUTS`], at its lower and upper end.
    pub ends: Vec<[GyroRope; 2]>,
}

impl GyroSensitivity {
    /// Solved once per process and shared by the ledger and the chapter.
    ///
    /// # Errors
    /// As [`solve`] (every call returns the first call's error).
    pub fn chapter() -> Result<&'static Self, FluxRopeError> {
        static CACHE: std::sync::OnceLock<Result<GyroSensitivity, FluxRopeError>> =
            std::sync::OnceLock::new();
        crate::once::computed_once(&CACHE, Self::solve)
    }

    fn solve() -> Result<Self, FluxRopeError> {
        use super::sensitivity::{SENSITIVITY_GRID, TABLE_1_INPUTS, parameters_from};
        let at = |values: &[f64; 12], grid: RadialGrid| -> Result<GyroRope, FluxRopeError> {
            let params = parameters_from(values);
            solve(
                &params,
                grid,
                &super::equilibrium::solve_one_pass(&params, MuReading::LocalField, grid)?,
            )
        };
        let values: [f64; 12] = TABLE_1_INPUTS.map(|q| q.value);
        let nominal = at(&values, RadialGrid::chapter())?;
        let coarse_nominal = at(&values, SENSITIVITY_GRID)?;
        let mut ends = Vec::with_capacity(TABLE_1_INPUTS.len());
        for (i, quoted) in TABLE_1_INPUTS.iter().enumerate() {
            let interval = quoted
                .interval()
                .map_err(crate::claims::PropagationError::from)?;
            let end = |value: f64| {
                let mut varied = values;
                varied[i] = value;
                at(&varied, SENSITIVITY_GRID)
            };
            ends.push([end(interval.lo())?, end(interval.hi())?]);
        }
        Ok(GyroSensitivity {
            nominal,
            coarse_nominal,
            ends,
        })
    }

    /// A feature of the rope with its first-order interval over Table 1's precision.
    ///
    /// # Errors
    /// Any error of `feature`, or [`FluxRopeError::Propagation`] for a non-finite value.
    pub fn feature(
        &self,
        mut feature: impl FnMut(&GyroRope) -> Result<f64, FluxRopeError>,
    ) -> Result<crate::claims::Computed, FluxRopeError> {
        let value = feature(&self.nominal)?;
        let base = feature(&self.coarse_nominal)?;
        let ends = self
            .ends
            .iter()
            .map(|[lo, hi]| Ok([value + feature(lo)? - base, value + feature(hi)? - base]))
            .collect::<Result<Vec<_>, FluxRopeError>>()?;
        Ok(crate::claims::first_order(value, &ends)?)
    }
}

impl GyroRope {
    /// Radius (m) where the field strength first falls to `level_t` (T), linearly
    /// interpolated; `None` if it never does on the grid.
    pub fn contour_radius(&self, level_t: f64) -> Option<f64> {
        (1..self.rho_m.len())
            .find(|&i| self.field_magnitude(i) <= level_t)
            .map(|i| {
                let (b0, b1) = (self.field_magnitude(i - 1), self.field_magnitude(i));
                self.rho_m[i - 1] + (b0 - level_t) / (b0 - b1) * (self.rho_m[i] - self.rho_m[i - 1])
            })
    }
}
