//! The layer integrated upward from the magnetosheath: Ampère as two first-order equations,
//! `dA_y/dz = -B_x`, `dB_x/dz = J_y`, by classical Runge-Kutta, with the potential at every
//! stage set by quasi-neutrality, `n_i(Phi) = n_e(Phi)`, solved by Newton's method.
//!
//! Nothing is shot or iterated: the layer is the unstable manifold of the magnetosheath state.
//! The start sits where the Harris density is still `1e-22`, on the exact first integral
//! `B_x^2/2 + P_zz = const`; from there the Harris density grows, pulls `B_x` through zero
//! (which fixes the source plane of the orbit labels) and the field settles at the value the
//! magnetospheric pressure leaves, the field ratio the solution has to reproduce.

use super::barrier::{Barrier, Thresholds};
use super::species::{Drifting, Moments, Species};
use crate::smile::error::SmileError;

/// Reference step, d_e: the Harris population varies on `T_e/|u|`, about 0.2 d_e.
pub const STEP_DE: f64 = 0.04;
/// How far past the reversal the integration goes, d_e: ten reference ion gyroradii, so that
/// magnetosheath-labelled ions have left.
pub const BEYOND_REVERSAL_DE: f64 = 50.0;
/// Harris density at the start, n_MSH: small enough that the start lies below every label
/// threshold (the ions' reach 11 d_e below the reversal), so that no threshold acts at the start.
const START_DENSITY: f64 = 1e-22;
/// The reversal must come within this distance of the start, d_e.
const MAX_APPROACH_DE: f64 = 200.0;
/// Entries per `sqrt(m T)` of momentum in the barrier tables.
const BARRIER_ENTRIES_PER_SPREAD: f64 = 60.0;

/// The three populations of the layer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plasma {
    /// Electron backgrounds.
    pub electrons: Species,
    /// Ion backgrounds.
    pub ions: Species,
    /// The electron Harris population.
    pub current: Drifting,
}

/// The integrated layer, on the integration grid (the start at `z = 0`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Profile {
    /// Positions, d_e, from the start.
    pub z: Vec<f64>,
    /// `A_y`, `B_MSH d_e`.
    pub a_y: Vec<f64>,
    /// `B_x`, `B_MSH`.
    pub b_x: Vec<f64>,
    /// `Phi`, `m_e (d_e Omega_ce)^2 / e`.
    pub phi: Vec<f64>,
    /// Electron (= ion) density, n_MSH.
    pub density: Vec<f64>,
    /// Harris density, n_MSH.
    pub current_density: Vec<f64>,
    /// `J_y`, `e n_MSH d_e Omega_ce`.
    pub j_y: Vec<f64>,
    /// Electron share of `J_y`.
    pub electron_j_y: Vec<f64>,
    /// Total `P_zz`, `B_MSH^2 / mu0`.
    pub pressure_zz: Vec<f64>,
    /// Index of the source plane: the first point where `B_x >= 0`.
    pub source: usize,
    /// Grid step, d_e.
    pub step: f64,
}

impl Plasma {
    /// `P_zz + B_x^2/2` far on the magnetosheath side (the field there is the unit): the
    /// constant of the first integral.
    pub fn total_pressure(&self) -> f64 {
        self.electrons.sheath_amplitude * self.electrons.temperature
            + self.ions.sheath_amplitude * self.ions.temperature
            + 0.5
    }
}

/// Local state at one position: the potential and the moments it gives.
#[derive(Debug, Clone, Copy)]
struct Local {
    phi: f64,
    electrons: Moments,
    ions: Moments,
    current: Moments,
}

impl Local {
    fn j_y(&self, plasma: &Plasma) -> f64 {
        self.electron_j_y(plasma) + plasma.ions.charge * self.ions.flux_y
    }

    fn electron_j_y(&self, plasma: &Plasma) -> f64 {
        plasma.electrons.charge * (self.electrons.flux_y + self.current.flux_y)
    }
}

/// Quasi-neutrality at `A_y = a_y`: a root of `ln n_i - ln n_e` in `Phi`, bracketed from the
/// last root and closed by the Illinois method. `slope` carries `d(ln n_i - ln n_e)/dPhi`
/// from one solve to the next (NaN: unknown).
///
/// The mismatch is not monotonic in `Phi`. The label makes it so: a particle just past the
/// source plane reaches back to it only if it can climb the potential difference, so the
/// passing fraction goes like `erfc(sqrt((Phi_s - Phi)/T))`, with an infinite slope at
/// `Phi = Phi_s`; a Newton or secant step can stall or leave the root. Bracketing from the
/// last root keeps the solution on the branch the integration is on. The root moves little
/// between solves, so one Newton step with the last solve's slope usually lands beside it and
/// brackets it with the guess; it is taken only within the first bracket the outward search
/// would try, so both find the same root, and the search runs when it does not bracket.
fn quasi_neutral(
    plasma: &Plasma,
    a_y: f64,
    guess: f64,
    labels: &[Thresholds; 2],
    slope: &std::cell::Cell<f64>,
) -> Result<Local, SmileError> {
    let (electrons_here, ions_here) = (
        plasma.electrons.background_at(a_y, &labels[0]),
        plasma.ions.background_at(a_y, &labels[1]),
    );
    let at = |phi: f64| {
        let electrons = electrons_here.moments(phi);
        let ions = ions_here.moments(phi);
        let current = plasma.current.moments(a_y, phi);
        let local = Local {
            phi,
            electrons,
            ions,
            current,
        };
        (
            local,
            (ions.density / (electrons.density + current.density)).ln(),
        )
    };
    let non_finite = SmileError::NotConverged {
        what: "quasi-neutrality (non-finite densities)",
    };
    let (start, r_start) = at(guess);
    if !r_start.is_finite() {
        return Err(non_finite);
    }
    if r_start.abs() < ROOT_TOLERANCE {
        return Ok(start);
    }
    let newton = guess - r_start / slope.get();
    let mut newton_bracket = None;
    if (newton - guess).abs() <= BRACKET_START {
        let (local, r) = at(newton);
        if !r.is_finite() {
            return Err(non_finite);
        }
        if r.abs() < ROOT_TOLERANCE {
            slope.set((r - r_start) / (newton - guess));
            return Ok(local);
        }
        if r.signum() != r_start.signum() {
            newton_bracket = Some((newton, r));
        }
    }
    // The root nearest the last one: widen a symmetric bracket until one side changes sign.
    let mut width = BRACKET_START;
    let (mut far, mut r_far) = newton_bracket.unwrap_or((guess, r_start));
    'widen: for _ in 0..if newton_bracket.is_some() {
        0
    } else {
        BRACKET_DOUBLINGS
    } {
        for side in [-1.0, 1.0] {
            let (candidate, r) = (guess + side * width, at(guess + side * width).1);
            if !r.is_finite() {
                return Err(non_finite);
            }
            if r.signum() != r_start.signum() {
                (far, r_far) = (candidate, r);
                break 'widen;
            }
        }
        width *= 2.0;
    }
    let (mut a, mut r_a, mut b, mut r_b) = (guess, r_start, far, r_far);
    let mut last_side = 0;
    // The last point evaluated, for the slope handed to the next solve.
    let mut last = (far, r_far);
    for _ in 0..ILLINOIS_STEPS {
        let c = (a * r_b - b * r_a) / (r_b - r_a);
        let (local, r_c) = at(c);
        if r_c.abs() < ROOT_TOLERANCE || (b - a).abs() < 1e-15 {
            slope.set((r_c - last.1) / (c - last.0));
            return Ok(local);
        }
        last = (c, r_c);
        if r_c.signum() == r_a.signum() {
            (a, r_a) = (c, r_c);
            if last_side == -1 {
                r_b *= 0.5;
            }
            last_side = -1;
        } else {
            (b, r_b) = (c, r_c);
            if last_side == 1 {
                r_a *= 0.5;
            }
            last_side = 1;
        }
    }
    Err(SmileError::NotConverged {
        what: "quasi-neutrality",
    })
}

/// `|ln n_i - ln n_e|` below which the densities count as equal.
const ROOT_TOLERANCE: f64 = 1e-10;
/// First bracket width in `Phi`, `m_e (d_e Omega_ce)^2 / e`.
const BRACKET_START: f64 = 1e-4;
/// Most doublings of the bracket (to 1e-4 2^40, far beyond any potential of the layer).
const BRACKET_DOUBLINGS: usize = 40;
/// Most Illinois steps.
const ILLINOIS_STEPS: usize = 200;

/// Where the orbit labels switch from magnetosheath to magnetosphere (see [`super::barrier`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelShape {
    /// Centre `z_c` of the label, in the integration's coordinate (the start at 0), d_e.
    pub centre: f64,
    /// Half-widths `Delta` of the tanh weight for electrons and ions, d_e.
    pub widths: [f64; 2],
    /// Number of sharp thresholds that make it up.
    pub count: usize,
    /// The largest `A_y` the layer reaches (at the reversal), to size the barrier tables.
    pub peak_a_y: f64,
}

/// Integrates the layer. Without a label shape every orbit is magnetosheath-labelled and the
/// integration stops at the reversal: that is how the label is placed.
///
/// # Errors
/// [`SmileError::NotConverged`] if quasi-neutrality has no root or the field never reverses.
pub fn integrate(
    plasma: &Plasma,
    shape: Option<LabelShape>,
    step: f64,
) -> Result<Profile, SmileError> {
    let total_pressure = plasma.total_pressure();
    let mut labels = match shape {
        Some(s) => s
            .widths
            .map(|width| Thresholds::new(s.centre, width, s.count)),
        None => [Thresholds::none(), Thresholds::none()],
    };
    let tables = shape.map(|s| table_ranges(plasma, s.peak_a_y));
    let mut profile = Profile {
        step,
        ..Profile::default()
    };
    // The mismatch's slope, carried from one root to the next.
    let slope = std::cell::Cell::new(f64::NAN);
    let mut local = quasi_neutral(plasma, 0.0, 0.0, &labels, &slope)?;
    let pressure = |l: &Local| l.electrons.pressure_zz + l.ions.pressure_zz + l.current.pressure_zz;
    let mut state = [
        0.0,
        -(2.0 * (total_pressure - pressure(&local))).max(0.0).sqrt(),
    ];
    let mut z = 0.0;
    let mut reversed = false;
    let mut end = MAX_APPROACH_DE;
    loop {
        profile.z.push(z);
        profile.a_y.push(state[0]);
        profile.b_x.push(state[1]);
        profile.phi.push(local.phi);
        profile.density.push(local.ions.density);
        profile.current_density.push(local.current.density);
        profile.j_y.push(local.j_y(plasma));
        profile.electron_j_y.push(local.electron_j_y(plasma));
        profile.pressure_zz.push(pressure(&local));
        if !reversed && state[1] >= 0.0 {
            reversed = true;
            profile.source = profile.z.len() - 1;
            if shape.is_none() {
                return Ok(profile);
            }
            end = z + BEYOND_REVERSAL_DE;
        }
        if z >= end {
            break;
        }
        // Runge-Kutta stages. The first stage at each of z + h/2 and z + h starts from the last
        // step's potential carried on along its slope; the second at the same z starts from
        // the first's root, which lies closer (2.5 evaluations per solve instead of 3.3). The
        // guesses only pick the start of the bracket, so the root is the one nearest it.
        let slope_guess = profile
            .phi
            .len()
            .checked_sub(2)
            .map_or(0.0, |k| profile.phi[k + 1] - profile.phi[k]);
        // A stage's derivative, and the potential its quasi-neutrality settled on.
        let derivative = |s: [f64; 2], guess: f64| -> Result<([f64; 2], f64), SmileError> {
            let l = quasi_neutral(plasma, s[0], guess, &labels, &slope)?;
            Ok(([-s[1], l.j_y(plasma)], l.phi))
        };
        let h = step;
        let k1 = [-state[1], local.j_y(plasma)];
        let (k2, phi2) = derivative(
            [state[0] + 0.5 * h * k1[0], state[1] + 0.5 * h * k1[1]],
            local.phi + 0.5 * slope_guess,
        )?;
        let (k3, _) = derivative(
            [state[0] + 0.5 * h * k2[0], state[1] + 0.5 * h * k2[1]],
            phi2,
        )?;
        let (k4, phi4) = derivative(
            [state[0] + h * k3[0], state[1] + h * k3[1]],
            local.phi + slope_guess,
        )?;
        for i in 0..2 {
            state[i] += h / 6.0 * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
        }
        z = profile.z.len() as f64 * h;
        // The new point joins the barriers once its potential is known; its own U never blocks
        // a particle there, so its moments do not depend on whether it has joined.
        local = quasi_neutral(plasma, state[0], phi4, &labels, &slope)?;
        if let Some(ranges) = &tables {
            for (label, (species, range)) in labels
                .iter_mut()
                .zip([(&plasma.electrons, ranges[0]), (&plasma.ions, ranges[1])])
            {
                label.include(species, z, state[0], local.phi, || {
                    Barrier::new(species, range.0, range.1, range.2, state[0], local.phi)
                });
            }
        }
    }
    if !reversed {
        return Err(SmileError::NotConverged {
            what: "the field reversal (B_x never reached zero)",
        });
    }
    Ok(profile)
}

/// Barrier table ranges `(p_min, p_max, entries)` for both species, wide enough for every
/// `p_y` a particle within 8 thermal spreads can have anywhere past the thresholds: `A_y` is
/// at most `peak_a_y` (plus a margin) and falls by at most twice the magnetosheath-pressure
/// field times the distance.
fn table_ranges(plasma: &Plasma, peak_a_y: f64) -> [(f64, f64, usize); 2] {
    let total = plasma.total_pressure();
    let fall = 2.0 * (2.0 * total).sqrt() * (BEYOND_REVERSAL_DE + 10.0);
    [&plasma.electrons, &plasma.ions].map(|s| {
        let reach = 8.0 * (s.mass * s.temperature).sqrt();
        let ends = [s.charge * (peak_a_y - fall), s.charge * (peak_a_y + 2.0)];
        let (p_min, p_max) = (ends[0].min(ends[1]) - reach, ends[0].max(ends[1]) + reach);
        (
            p_min,
            p_max,
            ((p_max - p_min) / (s.mass * s.temperature).sqrt() * BARRIER_ENTRIES_PER_SPREAD)
                as usize,
        )
    })
}

/// The Harris population's start amplitude: [`START_DENSITY`] where `A_y = 0` and `Phi = 0`.
pub fn start_amplitude() -> f64 {
    START_DENSITY
}
