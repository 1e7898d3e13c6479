//! The event catalogue of the statistics: one row per thin-current-sheet crossing, as a polars
//! `DataFrame`, from a CSV or from a seeded synthetic ensemble built on the published
//! summaries; and the power-law fits of Fig. 4 on it.
//!
//! Columns (all numbers): `x_re` (GSM X of the crossing, R_E, negative), `p_ixx_npa` and
//! `p_exx_npa` (central-region mean ion and electron P_xx, nPa).

use super::ForceBalanceError;
use super::power_law::REFERENCE_DISTANCE_RE;
use crate::binning::{BinningError, f64_column, read_catalogue};
use crate::fit::{FitError, NelderMeadSettings, minimise};
use crate::synthetic::seeded_rng;
use polars::prelude::{Column, DataFrame};
use rand::RngExt;
use rand_distr::{Distribution, Normal};
use std::path::Path;

/// The columns a catalogue must have.
pub const COLUMNS: [&str; 3] = ["x_re", "p_ixx_npa", "p_exx_npa"];

/// Why a catalogue could not be built, read or fitted.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    /// Reading or validating the CSV failed.
    #[error(transparent)]
    Binning(#[from] BinningError),
    /// A row is non-physical (X >= 0 or a pressure <= 0).
    #[error("row {row}: {reason}")]
    BadRow {
        /// Zero-based row.
        row: usize,
        /// What is wrong.
        reason: String,
    },
    /// The fit failed.
    #[error(transparent)]
    Fit(#[from] FitError),
    /// A method rejected its input.
    #[error(transparent)]
    Method(#[from] ForceBalanceError),
    /// Building the synthetic frame failed.
    #[error("building the catalogue: {0}")]
    Frame(String),
}

/// Reads a catalogue CSV with at least [`COLUMNS`] and checks every row.
///
/// # Errors
/// [`CatalogueError`] for a missing column, a non-numeric or empty cell, or a bad row.
pub fn read(path: &Path) -> Result<DataFrame, CatalogueError> {
    let frame = read_catalogue(path, &COLUMNS)?;
    check_rows(&frame)?;
    Ok(frame)
}

/// The three columns as vectors, after checking every row.
///
/// # Errors
/// [`CatalogueError::BadRow`] for X >= 0 or a non-positive pressure.
pub fn columns(frame: &DataFrame) -> Result<[Vec<f64>; 3], CatalogueError> {
    let column = |name: &str| f64_column(frame, name);
    let [x, pi, pe] = [
        column(COLUMNS[0])?,
        column(COLUMNS[1])?,
        column(COLUMNS[2])?,
    ];
    for row in 0..x.len() {
        if x[row] >= 0.0 {
            return Err(CatalogueError::BadRow {
                row,
                reason: format!("x_re = {} is not tailward", x[row]),
            });
        }
        if !(pi[row] > 0.0 && pe[row] > 0.0) {
            return Err(CatalogueError::BadRow {
                row,
                reason: format!(
                    "pressures must be positive, got {} and {}",
                    pi[row], pe[row]
                ),
            });
        }
    }
    if x.is_empty() {
        return Err(CatalogueError::BadRow {
            row: 0,
            reason: "the catalogue is empty".to_owned(),
        });
    }
    Ok([x, pi, pe])
}

fn check_rows(frame: &DataFrame) -> Result<(), CatalogueError> {
    columns(frame).map(|_| ())
}

/// Log-normal scatter of the synthetic P_xx about the published fits: a factor ~1.35 (ions)
/// and ~1.5 (electrons), the spread of the diamonds in Fig. 4 read by eye.
pub const SYNTHETIC_SCATTER: (f64, f64) = (0.3, 0.4);
/// Events per region, as in the paper: 58 near (-20 < X < -10), 46 far (-30 < X < -20).
pub const EVENTS: (usize, usize) = super::published::EVENTS;

/// A seeded SYNTHETIC catalogue of 104 events: X uniform within each region, P_xx on the
/// published power laws times log-normal scatter ([`SYNTHETIC_SCATTER`]).
///
/// # Errors
/// [`CatalogueError::Frame`] if the frame cannot be built.
pub fn synthetic(seed: u64) -> Result<DataFrame, CatalogueError> {
    use super::published::{ELECTRON_EXPONENT, ELECTRON_P0_NPA, ION_EXPONENT, ION_P0_NPA};
    let mut rng = seeded_rng(seed);
    let (ion_scatter, electron_scatter) = (
        Normal::new(0.0, SYNTHETIC_SCATTER.0).map_err(|e| CatalogueError::Frame(e.to_string()))?,
        Normal::new(0.0, SYNTHETIC_SCATTER.1).map_err(|e| CatalogueError::Frame(e.to_string()))?,
    );
    let (mut x, mut pi, mut pe) = (Vec::new(), Vec::new(), Vec::new());
    for (count, (far, near)) in [
        (EVENTS.0, super::published::NEAR.x_re),
        (EVENTS.1, super::published::FAR.x_re),
    ] {
        for _ in 0..count {
            let position: f64 = rng.random_range(far..near);
            let s = -position / REFERENCE_DISTANCE_RE;
            x.push(position);
            pi.push(
                ION_P0_NPA.value * s.powf(-ION_EXPONENT.value) * ion_scatter.sample(&mut rng).exp(),
            );
            pe.push(
                ELECTRON_P0_NPA.value
                    * s.powf(-ELECTRON_EXPONENT.value)
                    * electron_scatter.sample(&mut rng).exp(),
            );
        }
    }
    DataFrame::new_infer_height(vec![
        Column::new(COLUMNS[0].into(), x),
        Column::new(COLUMNS[1].into(), pi),
        Column::new(COLUMNS[2].into(), pe),
    ])
    .map_err(|e| CatalogueError::Frame(e.to_string()))
}

/// A power law `P0 (-X/20 R_E)^(-alpha)` fitted to a catalogue, with bootstrap errors.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PowerLawFit {
    /// P0, nPa.
    pub p0_npa: f64,
    /// alpha.
    pub exponent: f64,
    /// Bootstrap standard deviation of P0, nPa.
    pub p0_error: f64,
    /// Bootstrap standard deviation of alpha.
    pub exponent_error: f64,
}

/// Bootstrap resamples behind the fit errors.
const BOOTSTRAP_RESAMPLES: usize = 200;

fn fit_once(x_re: &[f64], p_npa: &[f64]) -> Result<(f64, f64), FitError> {
    // Least squares in P itself (not log P): the scatter plot's residuals. Parameters are
    // P0 in units of the mean pressure and alpha, both O(1).
    let scale = p_npa.iter().sum::<f64>() / p_npa.len() as f64;
    // (-X/20)^(-alpha) as exp(-alpha ln(-X/20)), the logarithms taken once: the fit evaluates
    // the cost hundreds of times, and pow was most of the figure's time. The rounding of the
    // logarithm costs an ulp or two, far below the fit's tolerance.
    let samples: Vec<(f64, f64)> = x_re
        .iter()
        .zip(p_npa)
        .map(|(x, pressure)| ((-x / REFERENCE_DISTANCE_RE).ln(), pressure / scale))
        .collect();
    let cost = |p: &[f64]| {
        samples
            .iter()
            .map(|(log_distance, pressure)| {
                (pressure - p[0] * (-p[1] * log_distance).exp()).powi(2)
            })
            .sum::<f64>()
    };
    let fit = minimise(
        cost,
        &[1.0, 1.0],
        &[0.3, 0.5],
        NelderMeadSettings {
            cost_tolerance: 1e-14,
            max_iterations: 5_000,
        },
    )?;
    Ok((fit.parameters[0] * scale, fit.parameters[1]))
}

/// Fits `P(X) = P0 (-X/20 R_E)^(-alpha)` by least squares (argmin Nelder–Mead) and estimates
/// the errors from 200 seeded bootstrap resamples of the events.
///
/// # Errors
/// [`CatalogueError::BadRow`] for mismatched or too few (< 3) samples, a sample that is not
/// tailward (X < 0) or not a positive finite pressure (the power law is undefined there, and
/// the fit would return its starting guess), or a fit whose result is not finite.
pub fn fit_power_law(
    x_re: &[f64],
    p_npa: &[f64],
    seed: u64,
) -> Result<PowerLawFit, CatalogueError> {
    if x_re.len() != p_npa.len() || x_re.len() < 3 {
        return Err(CatalogueError::BadRow {
            row: 0,
            reason: format!(
                "need >= 3 matching samples, got {} and {}",
                x_re.len(),
                p_npa.len()
            ),
        });
    }
    for (row, (&x, &p)) in x_re.iter().zip(p_npa).enumerate() {
        if !(x.is_finite() && x < 0.0) {
            return Err(CatalogueError::BadRow {
                row,
                reason: format!("x_re = {x} is not a finite tailward (negative) position"),
            });
        }
        if !(p.is_finite() && p > 0.0) {
            return Err(CatalogueError::BadRow {
                row,
                reason: format!("pressure {p} nPa is not positive and finite"),
            });
        }
    }
    let (p0_npa, exponent) = fit_once(x_re, p_npa)?;
    let mut rng = seeded_rng(seed);
    let (mut p0s, mut exponents) = (
        Vec::with_capacity(BOOTSTRAP_RESAMPLES),
        Vec::with_capacity(BOOTSTRAP_RESAMPLES),
    );
    for _ in 0..BOOTSTRAP_RESAMPLES {
        let picks: Vec<usize> = (0..x_re.len())
            .map(|_| rng.random_range(0..x_re.len()))
            .collect();
        let xs: Vec<f64> = picks.iter().map(|&i| x_re[i]).collect();
        let ps: Vec<f64> = picks.iter().map(|&i| p_npa[i]).collect();
        let (p0, alpha) = fit_once(&xs, &ps)?;
        p0s.push(p0);
        exponents.push(alpha);
    }
    let deviation = |values: &[f64]| {
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (values.len() - 1) as f64).sqrt()
    };
    let fit = PowerLawFit {
        p0_npa,
        exponent,
        p0_error: deviation(&p0s),
        exponent_error: deviation(&exponents),
    };
    // Valid samples spanning hundreds of decades (1e-300 to 1e300 nPa) still overflow the
    // least-squares cost.
    if ![fit.p0_npa, fit.exponent, fit.p0_error, fit.exponent_error]
        .iter()
        .all(|v| v.is_finite())
    {
        return Err(CatalogueError::BadRow {
            row: 0,
            reason: format!("the fit is not finite for these samples ({fit:?})"),
        });
    }
    Ok(fit)
}
