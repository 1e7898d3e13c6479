//! The curlometer (Dunlop et al. 1988; Chanteur, ISSI SR-001 ch. 14) over an interval:
//! `J = curl B / mu0` from the linear gradient through the tetrahedron at every FGM sample,
//! with `|div B| / |curl B|` as its quality indicator and the tetrahedron's shape.

use super::four::FourSpacecraft;
use super::{EventError, Interval};
use crate::mms::Rate;
use crate::plasma::constants::VACUUM_PERMEABILITY;
use nalgebra::Vector3;
use serde::Serialize;

/// The tetrahedron's shape at the middle of the interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Shape {
    /// Elongation `1 - sqrt(b/a)` (Robert et al. 1998).
    pub elongation: f64,
    /// Planarity `1 - sqrt(c/b)`.
    pub planarity: f64,
    /// Size `2 sqrt(a)`, km.
    pub size_km: f64,
}

/// What the curlometer gives over an interval.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CurlometerResult {
    /// FGM samples used.
    pub samples: usize,
    /// Mean current density, nA/m^2, GSE.
    pub j_mean_na_m2: [f64; 3],
    /// Largest |J| over the interval, nA/m^2.
    pub j_max_na_m2: f64,
    /// Median of `|div B| / |curl B|` over the samples.
    pub div_over_curl_median: f64,
    /// Tetrahedron shape at the middle sample.
    pub quality: Shape,
    /// Per sample: seconds from the first, J (nA/m^2, GSE) and |div B|/|curl B| (for the
    /// figure and CSV of `--out`, not printed).
    #[serde(skip)]
    pub series: Vec<(f64, [f64; 3], f64)>,
}

/// Current density (A/m^2, GSE) and `|div B|/|curl B|` at every sample of `data`.
///
/// # Errors
/// [`EventError::Tetrahedron`] at the first sample where the positions are degenerate.
pub fn current_density(data: &FourSpacecraft) -> Result<Vec<(Vector3<f64>, f64)>, EventError> {
    (0..data.times.len())
        .map(|k| {
            let tetrahedron = data.tetrahedron(k)?;
            let field_t = data.field_nt[k].map(|b| b * 1e-9);
            let wrap = |source| EventError::Tetrahedron {
                time: crate::cdf::time::format_utc(data.times[k]),
                reason: source,
            };
            let curl = tetrahedron.curl(&field_t).map_err(wrap)?;
            let divergence = tetrahedron.divergence(&field_t).map_err(wrap)?;
            let ratio = if curl.norm() > 0.0 {
                divergence.abs() / curl.norm()
            } else {
                f64::INFINITY
            };
            Ok((curl / VACUUM_PERMEABILITY, ratio))
        })
        .collect()
}

/// Runs the curlometer over the interval on FGM at `rate` and MEC positions.
///
/// # Errors
/// The data's errors, or a degenerate tetrahedron.
pub fn run(interval: &Interval, rate: Rate) -> Result<CurlometerResult, EventError> {
    let data = FourSpacecraft::load(interval, rate)?;
    summarise(&data)
}

/// The curlometer's summary of already loaded four-spacecraft data.
///
/// # Errors
/// As [`current_density`]; [`EventError::Method`] with no samples.
pub fn summarise(data: &FourSpacecraft) -> Result<CurlometerResult, EventError> {
    if data.times.is_empty() {
        return Err(EventError::Method {
            analysis: "curlometer",
            reason: "no FGM samples in the interval".to_owned(),
        });
    }
    let estimates = current_density(data)?;
    let mean =
        estimates.iter().map(|(j, _)| j).sum::<Vector3<f64>>() / estimates.len() as f64 * 1e9;
    let j_max = estimates
        .iter()
        .map(|(j, _)| j.norm() * 1e9)
        .fold(0.0, f64::max);
    let mut ratios: Vec<f64> = estimates.iter().map(|(_, r)| *r).collect();
    let middle = ratios.len() / 2;
    let median = *ratios.select_nth_unstable_by(middle, f64::total_cmp).1;
    let shape = data.tetrahedron(data.times.len() / 2)?.quality();
    Ok(CurlometerResult {
        samples: data.times.len(),
        j_mean_na_m2: [mean.x, mean.y, mean.z],
        j_max_na_m2: j_max,
        div_over_curl_median: median,
        quality: Shape {
            elongation: shape.elongation,
            planarity: shape.planarity,
            size_km: shape.size_m * 1e-3,
        },
        series: estimates
            .iter()
            .zip(&data.times)
            .map(|((j, ratio), &t)| {
                let seconds = (t - data.times[0]) as f64 * 1e-9;
                (seconds, [j.x * 1e9, j.y * 1e9, j.z * 1e9], *ratio)
            })
            .collect(),
    })
}
