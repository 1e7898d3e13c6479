//! Uncertainty propagation: from the intervals of a paper's quoted inputs to the interval
//! of a value computed from them.
//!
//! Three methods, chosen per claim and named in the ledger:
//! - [`corners`]: evaluate at every corner of the input box. Exact for a map monotone in
//!   each input; the method checks monotonicity on the 3^n grid of ends and midpoints and
//!   refuses a map that leaves the corners' hull.
//! - [`one_at_a_time`]: move each input to its ends with the others at their values and add
//!   the excursions (2n + 1 evaluations): the first-order interval, for expensive models
//!   whose inputs are known to a fraction of a percent.
//! - [`monte_carlo`]: seeded uniform samples of the box, for maps that are not monotone.
//!
//! Values without uncertain inputs are [`exact`], or carry a numerical error: [`limit`] for a
//! limit evaluated at a small (or large) argument, [`numerical`] for a solver's stated bound.

use super::{Interval, PrecisionError, Quoted};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

/// A computed value with the interval its inputs' precision implies.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Computed {
    /// The value at the inputs as printed.
    pub value: f64,
    /// The interval from propagating the inputs' intervals.
    pub interval: Interval,
    /// How the interval was obtained.
    pub propagation: Propagation,
}

/// How a computed interval was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "method")]
pub enum Propagation {
    /// No uncertain input: the value is exact (closed-form arithmetic on exact numbers).
    Exact,
    /// A limit evaluated at a small (or large) argument; the interval is the change over
    /// the last decade of the argument, which bounds the remaining error for any algebraic
    /// approach to the limit.
    Limit {
        /// Where the limit was evaluated.
        at: f64,
    },
    /// A numerical solution with a bound on its error.
    Numerical {
        /// The error bound, in the value's unit.
        error: f64,
    },
    /// Corners of the input box (monotone map, checked).
    Corners {
        /// Number of uncertain inputs.
        inputs: usize,
    },
    /// First order, one input at a time.
    OneAtATime {
        /// Number of uncertain inputs.
        inputs: usize,
    },
    /// The span of several quoted numbers: for a stated range that summarises them.
    Span {
        /// Number of numbers spanned.
        inputs: usize,
    },
    /// Seeded uniform Monte Carlo over the input box.
    MonteCarlo {
        /// Number of uncertain inputs.
        inputs: usize,
        /// Number of samples.
        samples: usize,
        /// Seed of the ChaCha8 generator.
        seed: u64,
    },
}

impl Propagation {
    /// The method in words, for the ledger.
    pub fn describe(self) -> String {
        match self {
            Propagation::Exact => "exact".into(),
            Propagation::Limit { at } => format!("limit, evaluated at {at:e}"),
            Propagation::Numerical { error } => format!("numerical, error below {error:e}"),
            Propagation::Corners { inputs } => {
                format!("corners of {inputs} input{}", plural(inputs))
            }
            Propagation::OneAtATime { inputs } => {
                format!("first order in {inputs} input{}", plural(inputs))
            }
            Propagation::Span { inputs } => format!("span of {inputs} number{}", plural(inputs)),
            Propagation::MonteCarlo {
                inputs,
                samples,
                seed,
            } => format!(
                "Monte Carlo, {samples} samples of {inputs} input{} (seed {seed})",
                plural(inputs)
            ),
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Why a value could not be propagated.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PropagationError {
    /// An input's precision gives no interval.
    #[error(transparent)]
    Precision(#[from] PrecisionError),
    /// The computation returned NaN or an infinity at some point of the input box.
    #[error("the computation returned {value} at inputs {inputs:?}")]
    NonFinite {
        /// The returned value.
        value: f64,
        /// Where.
        inputs: Vec<f64>,
    },
    /// The map is not monotone in its inputs: the corner method would understate the interval.
    #[error(
        "not monotone: {value} at {inputs:?} lies outside the corners' hull [{lo}, {hi}]; use monte_carlo"
    )]
    NotMonotone {
        /// The value outside the hull.
        value: f64,
        /// Where.
        inputs: Vec<f64>,
        /// Hull of the corners.
        lo: f64,
        /// Hull of the corners.
        hi: f64,
    },
    /// A span of no numbers.
    #[error("a span needs at least one number")]
    NoInputs,
    /// Too many inputs for the corner method's monotonicity check (3^n evaluations).
    #[error("{inputs} inputs are too many for the corner method (at most {MAX_CORNER_INPUTS})")]
    TooManyInputs {
        /// Number of inputs given.
        inputs: usize,
    },
    /// An input interval is unbounded (a bound "< x" cannot be an input).
    #[error("input `{what}` has an unbounded interval")]
    UnboundedInput {
        /// The input's description.
        what: &'static str,
    },
    /// A Monte Carlo run needs at least one sample, and at most [`MAX_MONTE_CARLO_SAMPLES`].
    #[error("Monte Carlo needs 1 to {MAX_MONTE_CARLO_SAMPLES} samples, got {samples}")]
    BadSampleCount {
        /// The samples asked for.
        samples: usize,
    },
}

/// At most this many Monte Carlo samples: far beyond what an interval needs, and a bound on
/// the time a mistaken count can take.
pub const MAX_MONTE_CARLO_SAMPLES: usize = 1_000_000;

/// At most this many inputs for [`corners`]: its check evaluates the map 3^n times.
pub const MAX_CORNER_INPUTS: usize = 8;

/// Relative slack of the monotonicity check: round-off must not count as a violation.
const MONOTONE_SLACK: f64 = 1e-12;

fn bounded(inputs: &[Quoted]) -> Result<Vec<(f64, Interval)>, PropagationError> {
    inputs
        .iter()
        .map(|q| {
            let interval = q.interval()?;
            if interval.lo().is_finite() && interval.hi().is_finite() {
                Ok((q.value, interval))
            } else {
                Err(PropagationError::UnboundedInput { what: q.what })
            }
        })
        .collect()
}

fn evaluate<E: From<PropagationError>>(
    f: &mut impl FnMut(&[f64]) -> Result<f64, E>,
    at: &[f64],
) -> Result<f64, E> {
    let value = f(at)?;
    if value.is_finite() {
        Ok(value)
    } else {
        Err(PropagationError::NonFinite {
            value,
            inputs: at.to_vec(),
        }
        .into())
    }
}

/// A value with no uncertain input.
///
/// # Errors
/// [`PropagationError::NonFinite`] for NaN or an infinity.
pub fn exact(value: f64) -> Result<Computed, PropagationError> {
    let interval = Interval::point(value).ok_or(PropagationError::NonFinite {
        value,
        inputs: vec![],
    })?;
    Ok(Computed {
        value,
        interval,
        propagation: Propagation::Exact,
    })
}

/// A numerical result with an error bound `error` (≥ 0) in its own unit.
///
/// # Errors
/// [`PropagationError::NonFinite`] for NaN, an infinity or a negative or NaN bound.
pub fn numerical(value: f64, error: f64) -> Result<Computed, PropagationError> {
    let interval = Interval::new(value - error, value + error)
        .filter(|i| i.lo().is_finite() && i.hi().is_finite());
    let interval = interval.ok_or(PropagationError::NonFinite {
        value,
        inputs: vec![error],
    })?;
    Ok(Computed {
        value,
        interval,
        propagation: Propagation::Numerical { error },
    })
}

/// Where a limit is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Towards {
    /// The argument tends to zero from above.
    Zero,
    /// The argument tends to infinity.
    Infinity,
}

/// Argument at which [`limit`] evaluates a limit towards zero (its inverse for infinity):
/// small enough that the next order is below 1e-7 for the workbook's limits, large enough
/// that round-off stays far below that.
pub const LIMIT_ARGUMENT: f64 = 1e-8;

/// The limit of `f` as its argument tends to zero or infinity, evaluated at
/// [`LIMIT_ARGUMENT`] (or its inverse). The interval is `± |f(x) - f(10x)|` (or `f(x/10)`
/// towards infinity): for `f = L + a x^p + ...` with `p > 0` that change exceeds the
/// remaining error `|f(x) - L|` as long as `10^p - 1 > 1`, i.e. `p > 0.3`.
///
/// ```
/// use mmsbook::claims::{limit, PropagationError, Towards};
/// // (1 + 2/x)^-1 / x -> 1/2 as x -> 0.
/// let l = limit(Towards::Zero, |x| Ok::<_, PropagationError>(1.0 / (1.0 + 2.0 / x) / x)).unwrap();
/// assert!(l.interval.contains(0.5) && !l.interval.contains(1.0));
/// ```
///
/// # Errors
/// [`PropagationError::NonFinite`] (through `E`) if `f` is not finite there; any error of `f`.
pub fn limit<E: From<PropagationError>>(
    towards: Towards,
    mut f: impl FnMut(f64) -> Result<f64, E>,
) -> Result<Computed, E> {
    let (at, previous) = match towards {
        Towards::Zero => (LIMIT_ARGUMENT, 10.0 * LIMIT_ARGUMENT),
        Towards::Infinity => (1.0 / LIMIT_ARGUMENT, 0.1 / LIMIT_ARGUMENT),
    };
    let value = evaluate(&mut |x: &[f64]| f(x[0]), &[at])?;
    let error = (value - evaluate(&mut |x: &[f64]| f(x[0]), &[previous])?).abs();
    let interval = Interval::new(value - error, value + error).expect("finite, ordered");
    Ok(Computed {
        value,
        interval,
        propagation: Propagation::Limit { at },
    })
}

/// `f` at the quoted values, with the interval spanned by the corners of the input box.
/// Refuses maps that are not monotone in each input (checked on the grid of ends and
/// midpoints), so the interval is exact when it is returned.
///
/// ```
/// use mmsbook::claims::{corners, Precision, Quoted};
/// let force = Quoted::new(35.3, Precision::Significant(3), "Sec. 3", "ion force");
/// let tension = Quoted::new(70.1, Precision::Significant(3), "Sec. 3", "tension");
/// let share = corners(&[force, tension], |x| Ok::<_, mmsbook::claims::PropagationError>(100.0 * x[0] / x[1])).unwrap();
/// assert!((share.interval.lo() - 100.0 * 35.25 / 70.15).abs() < 1e-9);
/// assert!((share.interval.hi() - 100.0 * 35.35 / 70.05).abs() < 1e-9);
/// ```
///
/// # Errors
/// [`PropagationError`] (through `E`) for an input without a bounded interval, a non-finite
/// value, a map that is not monotone, or more than [`MAX_CORNER_INPUTS`] inputs; any error of `f`.
pub fn corners<E: From<PropagationError>>(
    inputs: &[Quoted],
    mut f: impl FnMut(&[f64]) -> Result<f64, E>,
) -> Result<Computed, E> {
    let n = inputs.len();
    if n > MAX_CORNER_INPUTS {
        return Err(PropagationError::TooManyInputs { inputs: n }.into());
    }
    let boxes = bounded(inputs)?;
    let nominal: Vec<f64> = boxes.iter().map(|(v, _)| *v).collect();
    let value = evaluate(&mut f, &nominal)?;
    let mut corner_values = vec![value];
    let mut grid = Vec::new();
    // Every point of {lo, mid, hi}^n; the corners are those without a midpoint.
    for index in 0..3usize.pow(n as u32) {
        let (mut rest, mut point, mut is_corner) = (index, Vec::with_capacity(n), true);
        for (_, interval) in &boxes {
            let choice = rest % 3;
            rest /= 3;
            is_corner &= choice != 1;
            point.push(match choice {
                0 => interval.lo(),
                1 => 0.5 * (interval.lo() + interval.hi()),
                _ => interval.hi(),
            });
        }
        let y = evaluate(&mut f, &point)?;
        if is_corner {
            corner_values.push(y);
        } else {
            grid.push((y, point));
        }
    }
    let hull = Interval::hull(corner_values.iter().copied()).expect("finite values");
    let slack = MONOTONE_SLACK * hull.lo().abs().max(hull.hi().abs());
    if let Some((y, point)) = grid
        .into_iter()
        .find(|(y, _)| *y < hull.lo() - slack || *y > hull.hi() + slack)
    {
        return Err(PropagationError::NotMonotone {
            value: y,
            inputs: point,
            lo: hull.lo(),
            hi: hull.hi(),
        }
        .into());
    }
    // The nominal value is inside for a monotone map; the hull already includes it.
    Ok(Computed {
        value,
        interval: hull,
        propagation: Propagation::Corners { inputs: n },
    })
}

/// `f` at the quoted values, with the first-order interval: each input moved to either end
/// of its interval with the others at their values, the excursions added with their signs
/// kept apart. Costs 2n + 1 evaluations; exact for maps that are sums of monotone functions
/// of one input each.
///
/// # Errors
/// As [`corners`], without the monotonicity and input-count checks.
pub fn one_at_a_time<E: From<PropagationError>>(
    inputs: &[Quoted],
    mut f: impl FnMut(&[f64]) -> Result<f64, E>,
) -> Result<Computed, E> {
    let boxes = bounded(inputs)?;
    let nominal: Vec<f64> = boxes.iter().map(|(v, _)| *v).collect();
    let value = evaluate(&mut f, &nominal)?;
    let mut ends = Vec::with_capacity(boxes.len());
    for (i, (_, interval)) in boxes.iter().enumerate() {
        let mut at = |end: f64| {
            let mut point = nominal.clone();
            point[i] = end;
            evaluate(&mut f, &point)
        };
        ends.push([at(interval.lo())?, at(interval.hi())?]);
    }
    Ok(first_order(value, &ends)?)
}

/// The span of `inputs`: the interval from the lowest end of any of their intervals to the
/// highest, valued at its middle. For a range a paper states as the summary of numbers it
/// gives elsewhere ("10%–30%" for regional shares of 15% and 25%).
///
/// ```
/// use mmsbook::claims::{Precision, Quoted, span};
/// let shares = [15.0, 25.0].map(|v| Quoted::new(v, Precision::Step(5.0), "Sec. 3", "share"));
/// let spanned = span(&shares).unwrap();
/// assert_eq!((spanned.interval.lo(), spanned.interval.hi(), spanned.value), (12.5, 27.5, 20.0));
/// ```
///
/// # Errors
/// [`PropagationError::Precision`] for an input without an interval, and
/// [`PropagationError::NoInputs`] for none.
pub fn span(inputs: &[Quoted]) -> Result<Computed, PropagationError> {
    let mut hull: Option<Interval> = None;
    for input in inputs {
        let interval = input.interval()?;
        hull = Some(match hull {
            None => interval,
            Some(h) => Interval::new(h.lo().min(interval.lo()), h.hi().max(interval.hi()))
                .expect("ordered ends"),
        });
    }
    let interval = hull.ok_or(PropagationError::NoInputs)?;
    let value = 0.5 * (interval.lo() + interval.hi());
    if !value.is_finite() {
        return Err(PropagationError::NonFinite {
            value,
            inputs: vec![],
        });
    }
    Ok(Computed {
        value,
        interval,
        propagation: Propagation::Span {
            inputs: inputs.len(),
        },
    })
}

/// The first-order interval from values already computed: `value` at the inputs as printed
/// and, per input, the values with that input at either end of its interval. For models
/// whose evaluations are shared between several quantities (see [`one_at_a_time`]).
///
/// # Errors
/// [`PropagationError::NonFinite`] for a non-finite value.
pub fn first_order(value: f64, ends: &[[f64; 2]]) -> Result<Computed, PropagationError> {
    if let Some(&bad) = std::iter::once(&value)
        .chain(ends.iter().flatten())
        .find(|v| !v.is_finite())
    {
        return Err(PropagationError::NonFinite {
            value: bad,
            inputs: vec![],
        });
    }
    let (mut below, mut above) = (0.0, 0.0);
    for [lo, hi] in ends {
        let (a, b) = (lo - value, hi - value);
        below += a.min(b).min(0.0);
        above += a.max(b).max(0.0);
    }
    let interval = Interval::new(value + below, value + above).expect("finite, ordered");
    Ok(Computed {
        value,
        interval,
        propagation: Propagation::OneAtATime { inputs: ends.len() },
    })
}

/// `f` at the quoted values, with the interval spanned by the value and
/// `samples` uniform draws from the input box (ChaCha8, `seed`). For maps that are not
/// monotone; the interval is a lower estimate of the true range that tightens with samples.
///
/// # Errors
/// As [`corners`], and [`PropagationError::BadSampleCount`] for no samples or more than
/// [`MAX_MONTE_CARLO_SAMPLES`].
pub fn monte_carlo<E: From<PropagationError>>(
    inputs: &[Quoted],
    samples: usize,
    seed: u64,
    mut f: impl FnMut(&[f64]) -> Result<f64, E>,
) -> Result<Computed, E> {
    if !(1..=MAX_MONTE_CARLO_SAMPLES).contains(&samples) {
        return Err(PropagationError::BadSampleCount { samples }.into());
    }
    let boxes = bounded(inputs)?;
    let nominal: Vec<f64> = boxes.iter().map(|(v, _)| *v).collect();
    let value = evaluate(&mut f, &nominal)?;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let (mut lo, mut hi) = (value, value);
    for _ in 0..samples {
        let point: Vec<f64> = boxes
            .iter()
            .map(|(_, i)| i.lo() + (i.hi() - i.lo()) * rng.random::<f64>())
            .collect();
        let y = evaluate(&mut f, &point)?;
        (lo, hi) = (lo.min(y), hi.max(y));
    }
    let interval = Interval::new(lo, hi).expect("finite, ordered");
    Ok(Computed {
        value,
        interval,
        propagation: Propagation::MonteCarlo {
            inputs: boxes.len(),
            samples,
            seed,
        },
    })
}
