//! Minimising a cost over a few parameters with argmin's Nelder–Mead simplex (Nelder & Mead
//! 1965; Gao & Han 2012 adaptive parameters are not needed at these dimensions). Used for the
//! least-squares fits of the chapters: a Harris sheet's thickness, power laws, a flux-rope
//! centre.

use argmin::core::{CostFunction, Executor, State};
use argmin::solver::neldermead::NelderMead;

/// Why a fit could not run or did not give a usable answer.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FitError {
    /// No parameters, or a start point / step of mismatched length.
    #[error(
        "initial point has {parameters} parameters but {steps} step sizes (need >= 1 of each, equal)"
    )]
    BadDimensions {
        /// Length of the initial point.
        parameters: usize,
        /// Length of the step list.
        steps: usize,
    },
    /// A start value or step size is not finite, or a step is zero.
    #[error("initial value or step {index} is not usable (value {value}, step {step})")]
    BadStart {
        /// Index of the parameter.
        index: usize,
        /// Its initial value.
        value: f64,
        /// Its step size.
        step: f64,
    },
    /// The convergence tolerance must be positive and finite.
    #[error("tolerance must be positive and finite, got {tolerance}")]
    BadTolerance {
        /// The rejected tolerance.
        tolerance: f64,
    },
    /// The cost was not finite at the best point found.
    #[error("the cost is not finite at the best point found ({cost})")]
    NonFiniteCost {
        /// The cost.
        cost: f64,
    },
    /// argmin itself failed.
    #[error("argmin: {0}")]
    Solver(String),
}

/// The best point found, its cost, and how the search went.
#[derive(Debug, Clone, PartialEq)]
pub struct FitResult {
    /// Best parameters.
    pub parameters: Vec<f64>,
    /// Cost at the best parameters.
    pub cost: f64,
    /// Iterations used.
    pub iterations: u64,
    /// Whether the simplex converged (rather than hitting the iteration limit).
    pub converged: bool,
}

/// Settings of a Nelder–Mead search.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NelderMeadSettings {
    /// Stop when the standard deviation of the cost over the simplex falls below this.
    pub cost_tolerance: f64,
    /// Iteration limit.
    pub max_iterations: u64,
}

impl Default for NelderMeadSettings {
    /// Tight enough for fits whose cost is O(1) in the chosen units.
    fn default() -> Self {
        NelderMeadSettings {
            cost_tolerance: 1e-12,
            max_iterations: 5_000,
        }
    }
}

struct Cost<F>(F);

impl<F: Fn(&[f64]) -> f64> CostFunction for Cost<F> {
    type Param = Vec<f64>;
    type Output = f64;
    fn cost(&self, parameters: &Self::Param) -> Result<f64, argmin::core::Error> {
        // A NaN would stall the simplex ordering: treat it as infinitely bad instead.
        let value = (self.0)(parameters);
        Ok(if value.is_nan() { f64::INFINITY } else { value })
    }
}

/// Minimises `cost` starting from `initial`, with an initial simplex spanned by `steps`
/// (one step per parameter, in that parameter's unit).
///
/// # Errors
/// [`FitError`] for mismatched or non-finite inputs, a bad tolerance, a non-finite final
/// cost, or a solver failure.
///
/// ```
/// use mmsbook::fit::{minimise, NelderMeadSettings};
/// // The Rosenbrock valley: minimum at (1, 1).
/// let rosenbrock = |p: &[f64]| (1.0 - p[0]).powi(2) + 100.0 * (p[1] - p[0] * p[0]).powi(2);
/// let fit = minimise(rosenbrock, &[-1.2, 1.0], &[0.5, 0.5], NelderMeadSettings::default()).unwrap();
/// assert!((fit.parameters[0] - 1.0).abs() < 1e-4 && (fit.parameters[1] - 1.0).abs() < 1e-4);
/// assert!(fit.converged);
/// ```
pub fn minimise<F>(
    cost: F,
    initial: &[f64],
    steps: &[f64],
    settings: NelderMeadSettings,
) -> Result<FitResult, FitError>
where
    F: Fn(&[f64]) -> f64,
{
    if initial.is_empty() || initial.len() != steps.len() {
        return Err(FitError::BadDimensions {
            parameters: initial.len(),
            steps: steps.len(),
        });
    }
    for (index, (&value, &step)) in initial.iter().zip(steps).enumerate() {
        if !(value.is_finite() && step.is_finite() && step != 0.0) {
            return Err(FitError::BadStart { index, value, step });
        }
    }
    let tolerance = settings.cost_tolerance;
    if !(tolerance.is_finite() && tolerance > 0.0) {
        return Err(FitError::BadTolerance { tolerance });
    }
    let mut simplex = vec![initial.to_vec()];
    for (index, step) in steps.iter().enumerate() {
        let mut vertex = initial.to_vec();
        vertex[index] += step;
        simplex.push(vertex);
    }
    let solver = NelderMead::new(simplex)
        .with_sd_tolerance(tolerance)
        .map_err(|e| FitError::Solver(e.to_string()))?;
    let result = Executor::new(Cost(cost), solver)
        .configure(|state| state.max_iters(settings.max_iterations))
        .run()
        .map_err(|e| FitError::Solver(e.to_string()))?;
    let state = result.state();
    let parameters = state
        .get_best_param()
        .cloned()
        .ok_or_else(|| FitError::Solver("no best point".into()))?;
    let best_cost = state.get_best_cost();
    if !best_cost.is_finite() {
        return Err(FitError::NonFiniteCost { cost: best_cost });
    }
    Ok(FitResult {
        parameters,
        cost: best_cost,
        iterations: state.get_iter(),
        converged: state.get_iter() < settings.max_iterations,
    })
}

struct Residual<F>(F);

impl<F: Fn(f64) -> f64> CostFunction for Residual<F> {
    type Param = f64;
    type Output = f64;
    fn cost(&self, x: &f64) -> Result<f64, argmin::core::Error> {
        Ok((self.0)(*x))
    }
}

/// The root of `f` in `[low, high]`, where `f` changes sign, by Newton's method with the
/// derivative that `f_and_slope` returns beside the value, started at `start`: each point
/// narrows the bracket by its sign, and a step that would leave the bracket bisects it
/// (Press et al., Numerical Recipes, `rtsafe`). Stops when a step is at most `tolerance`.
/// Where the derivative is at hand this needs a few evaluations where Brent needs ten or more.
///
/// # Errors
/// [`FitError::BadStart`] if the bracket is not finite and ordered or does not change sign,
/// [`FitError::BadTolerance`], or [`FitError::Solver`] if 200 steps do not converge.
///
/// ```
/// let root = mmsbook::fit::newton_in_bracket(|x| (x * x - 2.0, 2.0 * x), 0.0, 2.0, 1.0, 1e-14).unwrap();
/// assert!((root - 2f64.sqrt()).abs() < 1e-12);
/// ```
pub fn newton_in_bracket<F: Fn(f64) -> (f64, f64)>(
    f_and_slope: F,
    low: f64,
    high: f64,
    start: f64,
    tolerance: f64,
) -> Result<f64, FitError> {
    if !(low.is_finite() && high.is_finite() && low < high) {
        return Err(FitError::BadStart {
            index: 0,
            value: low,
            step: high - low,
        });
    }
    if !(tolerance.is_finite() && tolerance > 0.0) {
        return Err(FitError::BadTolerance { tolerance });
    }
    let (f_low, f_high) = (f_and_slope(low).0, f_and_slope(high).0);
    if !(f_low.is_finite() && f_high.is_finite()) || f_low * f_high > 0.0 {
        return Err(FitError::BadStart {
            index: 0,
            value: f_low,
            step: f_high,
        });
    }
    if f_low == 0.0 {
        return Ok(low);
    }
    if f_high == 0.0 {
        return Ok(high);
    }
    // Orient the bracket so that f < 0 at `below` and f > 0 at `above`.
    let (mut below, mut above) = if f_low < 0.0 {
        (low, high)
    } else {
        (high, low)
    };
    let mut x = if start > low && start < high {
        start
    } else {
        0.5 * (low + high)
    };
    for _ in 0..200 {
        let (value, slope) = f_and_slope(x);
        if value == 0.0 {
            return Ok(x);
        }
        if value < 0.0 {
            below = x;
        } else {
            above = x;
        }
        let (lo, hi) = (below.min(above), below.max(above));
        let newton = x - value / slope;
        let next = if newton > lo && newton < hi {
            newton
        } else {
            0.5 * (lo + hi)
        };
        if (next - x).abs() <= tolerance || hi - lo <= tolerance {
            return Ok(next);
        }
        x = next;
    }
    Err(FitError::Solver(
        "Newton in a bracket: no convergence in 200 steps".into(),
    ))
}

/// The root of `f` in `[low, high]`, where `f` changes sign, by Brent's method (argmin's
/// `BrentRoot`), to an absolute tolerance `tolerance` in x.
///
/// # Errors
/// [`FitError::BadStart`] if the bracket is not finite and ordered or does not change sign,
/// [`FitError::BadTolerance`], or [`FitError::Solver`].
///
/// ```
/// let root = mmsbook::fit::bracketed_root(|x| x * x - 2.0, 0.0, 2.0, 1e-14).unwrap();
/// assert!((root - 2f64.sqrt()).abs() < 1e-12);
/// ```
pub fn bracketed_root<F: Fn(f64) -> f64>(
    f: F,
    low: f64,
    high: f64,
    tolerance: f64,
) -> Result<f64, FitError> {
    if !(low.is_finite() && high.is_finite() && low < high) {
        return Err(FitError::BadStart {
            index: 0,
            value: low,
            step: high - low,
        });
    }
    if !(tolerance.is_finite() && tolerance > 0.0) {
        return Err(FitError::BadTolerance { tolerance });
    }
    let (f_low, f_high) = (f(low), f(high));
    if !(f_low.is_finite() && f_high.is_finite()) || f_low * f_high > 0.0 {
        return Err(FitError::BadStart {
            index: 0,
            value: f_low,
            step: f_high,
        });
    }
    let solver = argmin::solver::brent::BrentRoot::new(low, high, tolerance);
    let result = Executor::new(Residual(f), solver)
        .configure(|state| state.max_iters(200))
        .run()
        .map_err(|e| FitError::Solver(e.to_string()))?;
    result
        .state()
        .get_best_param()
        .copied()
        .ok_or_else(|| FitError::Solver("no root".into()))
}
