//! Quasi-neutrality `N_i = N_e` at one radius, when every density is an exponential in the
//! potential: the ion density and each electron component's (Eqs. 2 and 4), whatever frame
//! or mu-term reading the component is taken in, since the potential enters each only through
//! `exp(q phi / T)`. The lowest-order solver ([`super::equilibrium`]) and the gyro-centre one
//! ([`super::gyrocentre`]) both solve it here.
//!
//! With `x = e phi / T_eb`, density `k` is its value at the guess times
//! `exp(rate_k (x - guess))`, so the guess costs the moments once and Newton's steps only
//! rescale, with the closed-form slope. The root moves little from one RK4 stage to the next,
//! so from the previous root Newton converges in two or three steps. It is safeguarded: steps
//! stay inside the bracket that the signs seen so far define, and where Newton does not
//! converge a bracket grown from the guess and Brent's method take over, evaluating the
//! densities directly.

use super::parameters::RopeParameters;
use crate::fit::bracketed_root;

/// Potential tolerance of the root, in units of `T_eb / e`.
pub const POTENTIAL_TOLERANCE: f64 = 1e-13;

/// How far (in `T_eb / e`) Newton may go from the guess before it has bracketed a root: the
/// half-width of the fallback's first bracket, so a root farther away is left to the bracket
/// search, which finds the one nearest the guess.
const NEWTON_REACH: f64 = 0.05;

/// Newton steps before falling back to bracketing: from the previous stage's root it needs
/// two or three; more means the root moved far or the imbalance is far from linear there.
const NEWTON_STEPS: usize = 12;

/// Below this `|t|`, [`exp_step`] sums the series: its first omitted term, `t^6/720`, is
/// below 1.4e-21 of the result, far under one rounding.
const EXP_STEP_SERIES: f64 = 1e-3;

/// Densities at one potential, m^-3: the electron components (background, rotation, axial)
/// and the ions.
pub type Densities = [f64; 4];

/// `d ln N / dx` of each density with `x = e phi / T_eb`: `T_eb / T_k` for the electron
/// components, `-T_eb / T_i` for the ions.
pub fn rates(params: &RopeParameters) -> Densities {
    [
        1.0,
        1.0 / params.tau_r,
        1.0 / params.tau_z,
        -1.0 / params.tau_i,
    ]
}

/// The root `x` nearest `guess` of `(N_i - sum N_e) / n_i`, and the electron component
/// densities there (m^-3), given the densities at the guess (`at_guess`) and, for the
/// fallback, the densities evaluated directly at any `x` (`direct`). `None` if no root is
/// found within a bracket of `0.05 * 2^40` around the guess.
pub fn solve(
    params: &RopeParameters,
    at_guess: Densities,
    guess: f64,
    direct: impl Fn(f64) -> Densities,
) -> Option<(f64, [f64; 3])> {
    let rates = rates(params);
    let n_i = params.n_i_m3;
    let mut densities = at_guess;
    let mut from = guess;
    // Charge imbalance over n_i and its derivative in x: decreasing wherever the electrons
    // are Boltzmann-like.
    let mut imbalance = |x: f64| {
        for ((density, rate), start) in densities.iter_mut().zip(rates).zip(at_guess) {
            // Rescale from the last point, or start again from the guess after a big jump
            // (a bisection), so rounding cannot accumulate over long moves.
            *density = if (x - from).abs() * rate.abs() < EXP_STEP_SERIES {
                *density * exp_step(rate * (x - from))
            } else {
                start * (rate * (x - guess)).exp()
            };
        }
        from = x;
        let [background, rotation, axial, ion] = densities;
        let value = (ion - (background + rotation + axial)) / n_i;
        let slope = (rates[3] * ion
            - (rates[0] * background + rates[1] * rotation + rates[2] * axial))
            / n_i;
        (value, slope, [background, rotation, axial])
    };
    if let Some(root) = newton_from(&mut imbalance, guess) {
        return Some(root);
    }
    let imbalance_at = |x: f64| {
        let [background, rotation, axial, ion] = direct(x);
        (ion - (background + rotation + axial)) / n_i
    };
    let x = bracket_and_solve(&imbalance_at, guess)?;
    let [background, rotation, axial, _] = direct(x);
    Some((x, [background, rotation, axial]))
}

/// `exp(t)` for `|t| < EXP_STEP_SERIES` by its Taylor series to `t^5`: Newton's late steps are
/// tiny, and this is several times cheaper than the library exponential.
fn exp_step(t: f64) -> f64 {
    1.0 + t * (1.0 + t * (0.5 + t * (1.0 / 6.0 + t * (1.0 / 24.0 + t * (1.0 / 120.0)))))
}

/// The root of the imbalance by Newton's method from `guess`, with the analytic derivative.
/// Once two points of opposite sign are known they bracket a root, and a step that would
/// leave that bracket bisects it instead. `None` (the caller then brackets from the guess) if
/// it does not converge within [`NEWTON_STEPS`], meets a non-finite value, or would move
/// farther than [`NEWTON_REACH`] from the guess before a bracket is known.
fn newton_from<T>(
    imbalance: &mut impl FnMut(f64) -> (f64, f64, T),
    guess: f64,
) -> Option<(f64, T)> {
    let mut x = guess;
    let (mut value, mut slope, mut extra) = imbalance(x);
    // The last point seen on each side of zero.
    let (mut positive, mut negative) = (None::<f64>, None::<f64>);
    for _ in 0..NEWTON_STEPS {
        if !(value.is_finite() && slope.is_finite()) {
            return None;
        }
        if value == 0.0 {
            return Some((x, extra));
        }
        if value > 0.0 {
            positive = Some(x);
        } else {
            negative = Some(x);
        }
        let mut next = x - value / slope;
        if let (Some(p), Some(n)) = (positive, negative) {
            let (low, high) = (p.min(n), p.max(n));
            if !(next > low && next < high) {
                next = 0.5 * (low + high);
            }
        } else if !((next - guess).abs() <= NEWTON_REACH) {
            return None;
        }
        let step = next - x;
        x = next;
        (value, slope, extra) = imbalance(x);
        if step.abs() <= POTENTIAL_TOLERANCE {
            return Some((x, extra));
        }
    }
    None
}

/// The root of `imbalance` nearest `guess`: a bracket grown outward from the guess, then Brent.
fn bracket_and_solve(imbalance: &impl Fn(f64) -> f64, guess: f64) -> Option<f64> {
    let mut half_width = NEWTON_REACH;
    for _ in 0..40 {
        let (low, high) = (guess - half_width, guess + half_width);
        let (f_low, f_high) = (imbalance(low), imbalance(high));
        if f_low.is_finite() && f_high.is_finite() && f_low * f_high <= 0.0 {
            return bracketed_root(imbalance, low, high, POTENTIAL_TOLERANCE).ok();
        }
        half_width *= 2.0;
    }
    None
}
