//! The self-consistent fields of the rope (Eq. 3): quasi-neutrality solved for the potential
//! at every radius, and Ampère's law integrated outward from the centre by RK4 with
//! `phi(0) = 0`, `A_z(0) = 0`, `A_phi(0) = 0`, `B_z(0) = B0z`, `B_phi(0) = 0`.
//!
//! Every density is an exponential in the potential (Eqs. 2 and 4), so quasi-neutrality is
//! solved by Newton's method from the previous root with the closed-form slope
//! ([`super::boltzmann_root`]).

use super::boltzmann_root;
use super::error::{FluxRopeError, positive};
use super::moments::{self, ElectronMoments, LocalPotentials};
use super::parameters::{MuReading, RopeParameters, perpendicular_factors};
use crate::plasma::constants::{ELEMENTARY_CHARGE, VACUUM_PERMEABILITY};
use crate::plasma::units;

/// Most intervals a [`RadialGrid`] may have: 200 times the chapter's grid.
pub const MAX_INTERVALS: usize = 1_000_000;

/// A uniform radial grid `0, h, 2h, ..., rho_max`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RadialGrid {
    /// Outer radius, m.
    pub rho_max_m: f64,
    /// Number of intervals (points minus one).
    pub intervals: usize,
}

impl RadialGrid {
    /// The grid of the chapter: 0–500 km in 0.1 km steps (5001 points).
    pub fn chapter() -> Self {
        RadialGrid {
            rho_max_m: units::km(500.0),
            intervals: 5000,
        }
    }

    /// Step, m.
    pub fn step_m(&self) -> f64 {
        self.rho_max_m / self.intervals as f64
    }

    fn validate(&self) -> Result<(), FluxRopeError> {
        positive("grid rho_max_m (m)", self.rho_max_m)?;
        positive("grid intervals", self.intervals as f64)?;
        // Bounded so that work and memory are (2^40 intervals would abort on allocation, and
        // usize::MAX wraps `intervals + 1` to an empty profile).
        if self.intervals > MAX_INTERVALS {
            return Err(FluxRopeError::TooLarge {
                parameter: "grid intervals",
                value: self.intervals as f64,
                limit: MAX_INTERVALS as f64,
            });
        }
        Ok(())
    }
}

/// The equilibrium on a radial grid, SI. Index `i` of every vector is radius `rho_m[i]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// The constants it was solved with.
    pub params: RopeParameters,
    /// The mu-term reading used (irrelevant when every b is zero).
    pub reading: MuReading,
    /// Electron density parameter `n_e` fixed by `N_e(0) = N_i(0)`, m^-3.
    pub n_e_parameter_m3: f64,
    /// Radius, m.
    pub rho_m: Vec<f64>,
    /// Axial field, T.
    pub b_z_t: Vec<f64>,
    /// Azimuthal field, T.
    pub b_phi_t: Vec<f64>,
    /// Potentials at each radius.
    pub potentials: Vec<LocalPotentials>,
    /// Ion density, m^-3.
    pub n_i_m3: Vec<f64>,
    /// Electron moments.
    pub electrons: Vec<ElectronMoments>,
    /// Perpendicular factors `1 - a` of the three components.
    pub factors: Vec<[f64; 3]>,
    /// `|B|` ([`field_strength`]) at each radius, T: computed once, since the mu-term iteration
    /// interpolates it at every RK4 stage of the next solve.
    field_magnitude_t: Vec<f64>,
}

impl Profile {
    /// Field strength at grid point `i`, T.
    pub fn field_magnitude(&self, i: usize) -> f64 {
        self.field_magnitude_t[i]
    }

    /// Field strength at any radius inside the grid (linear interpolation; the last value
    /// beyond it), T.
    pub fn field_magnitude_at(&self, rho_m: f64) -> f64 {
        self.interpolate(rho_m, |i| self.field_magnitude(i))
    }

    /// Linear interpolation of the value at grid index `i` given by `value`.
    pub fn interpolate(&self, rho_m: f64, value: impl Fn(usize) -> f64) -> f64 {
        let step = self.rho_m[1] - self.rho_m[0];
        let position = (rho_m / step).max(0.0);
        let last = self.rho_m.len() - 1;
        let index = (position.floor() as usize).min(last - 1);
        let t = (position - index as f64).min(1.0);
        value(index) * (1.0 - t) + value(index + 1) * t
    }

    /// `T_perp/T_par` in the paper's approximation `T_par = T_zz`, `T_perp = (T_rr + T_pp)/2`.
    pub fn anisotropy(&self, i: usize) -> f64 {
        let [t_rr, t_pp, t_zz] = self.electrons[i].temperature_j;
        0.5 * (t_rr + t_pp) / t_zz
    }
}

/// The state integrated outward: `rho A_phi`, `B_z`, `A_z`, `rho B_phi`.
type State = [f64; 4];

/// `|B| = sqrt(B_z^2 + B_phi^2)` (T) from the axial and azimuthal components (T). The sum of
/// squares, and `hypot`'s rescaling only where it would leave the normal range (fields below
/// 1e-154 T or above 1e154 T): a third of `hypot`'s cost, and the solvers take it at every
/// RK4 stage. Within a rounding unit of `hypot`.
pub fn field_strength(b_z_t: f64, b_phi_t: f64) -> f64 {
    let squares = b_z_t * b_z_t + b_phi_t * b_phi_t;
    if squares.is_normal() {
        squares.sqrt()
    } else {
        b_z_t.hypot(b_phi_t)
    }
}

/// What the integrator needs at one radius: the potential from quasi-neutrality and the
/// moments there.
struct LocalSolver<'a, F: Fn(f64, &State) -> f64> {
    params: &'a RopeParameters,
    reading: MuReading,
    /// Field strength (T) for the mu-terms at a radius (m), given the integrated state there.
    field: F,
    n_e_m3: f64,
    /// Last potential in `T_eb / e`, where the next root search starts.
    last_x: f64,
}

impl<F: Fn(f64, &State) -> f64> LocalSolver<'_, F> {
    fn at(
        &mut self,
        rho_m: f64,
        state: &State,
    ) -> Result<(LocalPotentials, [f64; 3], ElectronMoments), FluxRopeError> {
        let [psi, _, a_z, _] = *state;
        let a_phi = if rho_m > 0.0 { psi / rho_m } else { 0.0 };
        let factors =
            perpendicular_factors(self.params, self.reading, (self.field)(rho_m, state), rho_m)?;
        let params = self.params;
        let volts_per_x = params.t_b_j / ELEMENTARY_CHARGE;
        let potentials = |x: f64| LocalPotentials {
            rho_m,
            phi_v: x * volts_per_x,
            a_phi_tm: a_phi,
            a_z_tm: a_z,
        };
        let guess = self.last_x;
        let mut parts = moments::components(params, self.n_e_m3, &potentials(guess), factors);
        let densities = |parts: &[moments::ComponentMoments; 3], x: f64| {
            let [background, rotation, axial] = parts.map(|c| c.density_m3);
            [
                background,
                rotation,
                axial,
                moments::ion_density(params, potentials(x).phi_v),
            ]
        };
        let (x, electrons) = boltzmann_root::solve(params, densities(&parts, guess), guess, |x| {
            densities(
                &moments::components(params, self.n_e_m3, &potentials(x), factors),
                x,
            )
        })
        .ok_or(FluxRopeError::NoPotential {
            rho_km: units::to_km(rho_m),
        })?;
        self.last_x = x;
        for (part, density) in parts.iter_mut().zip(electrons) {
            part.density_m3 = density;
        }
        Ok((potentials(x), factors, moments::electron_moments(&parts)))
    }
}

/// Ampère's law (Eq. 3) for the state at `rho_m`, given the electron moments there.
fn derivative(rho_m: f64, state: &State, electrons: &ElectronMoments) -> State {
    let [_, b_z, _, chi] = *state;
    let b_phi = if rho_m > 0.0 { chi / rho_m } else { 0.0 };
    [
        rho_m * b_z,
        -VACUUM_PERMEABILITY * electrons.j_phi_am2,
        -b_phi,
        VACUUM_PERMEABILITY * rho_m * electrons.j_z_am2,
    ]
}

/// Solves Eq. 3 outward on `grid`, with the mu-terms of Eq. 4 read by `reading` and
/// evaluated in the prescribed field strength `field` (T, as a function of radius in m).
/// Without mu-terms `field` is never called.
///
/// # Errors
/// [`FluxRopeError`] for non-physical parameters, a singular reading somewhere on the grid,
/// or a radius where quasi-neutrality has no root.
pub fn solve_in_field(
    params: &RopeParameters,
    reading: MuReading,
    grid: RadialGrid,
    field: impl Fn(f64) -> f64,
) -> Result<Profile, FluxRopeError> {
    solve_with(params, reading, grid, |rho, _: &State| field(rho))
}

/// Solves Eqs. 3–4 in one outward pass, the mu-terms taking the field strength from the state
/// being integrated (`|B| = sqrt(B_z^2 + B_phi^2)` at that radius): the fixed point the paper's
/// iteration converges to, reached without iterating. Used to check [`super::mu_iteration`].
///
/// # Errors
/// As [`solve_in_field`].
pub fn solve_one_pass(
    params: &RopeParameters,
    reading: MuReading,
    grid: RadialGrid,
) -> Result<Profile, FluxRopeError> {
    solve_with(params, reading, grid, |rho, state: &State| {
        field_strength(state[1], if rho > 0.0 { state[3] / rho } else { 0.0 })
    })
}

fn solve_with(
    params: &RopeParameters,
    reading: MuReading,
    grid: RadialGrid,
    field: impl Fn(f64, &State) -> f64,
) -> Result<Profile, FluxRopeError> {
    params.validate()?;
    grid.validate()?;
    // N_e(0) = N_i(0) = n_i with phi(0) = 0 fixes the electron density parameter.
    let centre = LocalPotentials {
        rho_m: 0.0,
        phi_v: 0.0,
        a_phi_tm: 0.0,
        a_z_tm: 0.0,
    };
    let centre_factors = perpendicular_factors(
        params,
        reading,
        field(0.0, &[0.0, params.b0z_t, 0.0, 0.0]),
        0.0,
    )?;
    let per_unit_n_e = moments::electron_density(params, 1.0, &centre, centre_factors);
    if !(per_unit_n_e > 0.0 && per_unit_n_e.is_finite()) {
        return Err(FluxRopeError::NonPositiveElectronDensity {
            value: per_unit_n_e,
        });
    }
    let n_e_m3 = params.n_i_m3 / per_unit_n_e;
    let mut solver = LocalSolver {
        params,
        reading,
        field,
        n_e_m3,
        last_x: 0.0,
    };

    let h = grid.step_m();
    let points = grid.intervals + 1;
    let mut profile = Profile {
        params: *params,
        reading,
        n_e_parameter_m3: n_e_m3,
        rho_m: Vec::with_capacity(points),
        b_z_t: Vec::with_capacity(points),
        b_phi_t: Vec::with_capacity(points),
        potentials: Vec::with_capacity(points),
        n_i_m3: Vec::with_capacity(points),
        electrons: Vec::with_capacity(points),
        factors: Vec::with_capacity(points),
        field_magnitude_t: Vec::with_capacity(points),
    };
    let mut state: State = [0.0, params.b0z_t, 0.0, 0.0];
    for i in 0..points {
        let rho = i as f64 * h;
        let (at, factors, electrons) = solver.at(rho, &state)?;
        let b_phi = if rho > 0.0 { state[3] / rho } else { 0.0 };
        profile.rho_m.push(rho);
        profile.b_z_t.push(state[1]);
        profile.b_phi_t.push(b_phi);
        profile
            .field_magnitude_t
            .push(field_strength(state[1], b_phi));
        profile.n_i_m3.push(moments::ion_density(params, at.phi_v));
        profile.potentials.push(at);
        profile.electrons.push(electrons);
        profile.factors.push(factors);
        if i + 1 < points {
            // The first stage is the point just solved: its slope needs no second root.
            let k1 = derivative(rho, &state, &electrons);
            state = crate::ode::rk4_step_from(rho, h, &state, k1, |r, y| {
                solver
                    .at(r, y)
                    .map(|(_, _, electrons)| derivative(r, y, &electrons))
            })?;
        }
    }
    Ok(profile)
}

/// The original model (every b = 0): Eqs. 2–3.
///
/// # Errors
/// As [`solve_in_field`].
pub fn solve_original(params: &RopeParameters, grid: RadialGrid) -> Result<Profile, FluxRopeError> {
    solve_in_field(
        &params.without_mu_terms(),
        MuReading::LocalField,
        grid,
        |_| f64::NAN,
    )
}

#[cfg(test)]
mod tests {
    use super::field_strength;

    #[test]
    fn field_strength_is_hypot_to_a_rounding_unit_at_every_scale() {
        for scale in [1e-200, 1e-160, 1e-9, 1.0, 1e150, 1e200] {
            for (b_z, b_phi) in [
                (1.0, 0.0),
                (0.0, -1.0),
                (3.0, 4.0),
                (1.0, 1e-9),
                (-0.7, 2.3),
            ] {
                let (b_z, b_phi) = (b_z * scale, b_phi * scale);
                let (fast, careful) = (field_strength(b_z, b_phi), b_z.hypot(b_phi));
                assert!(
                    (fast - careful).abs() <= f64::EPSILON * careful,
                    "|({b_z:e}, {b_phi:e})| = {fast:e}, hypot {careful:e}"
                );
            }
        }
        assert_eq!(field_strength(0.0, 0.0), 0.0);
    }
}
