//! Richard et al. (2025)'s quantities per ion distribution: the parallel ion beta, the
//! anisotropy `T_perp/T_par` from the DIS temperature tensor rotated to the local field, and
//! the curvature parameter `kappa = sqrt(R_c / rho_i)` with `R_c` from the four-spacecraft
//! field-line curvature (Shen et al. 2003) and `rho_i` the thermal gyroradius of `T_perp`
//! (thermal speed `sqrt(2T/m)`, the workbook's convention). One row per DIS burst sample of
//! MMS1 in the interval; the four spacecraft's moments (linearly interpolated to those
//! times) and fields are averaged, so every row is an estimate at the barycentre.

use super::four::{FourSpacecraft, mean_moment, tensor};
use super::{EventError, Interval};
use crate::cdf::time::format_utc;
use crate::mms::Rate;
use crate::mms::names::Species;
use crate::plasma::constants::{ELEMENTARY_CHARGE, VACUUM_PERMEABILITY};
use crate::plasma::{Species as Particle, thermal_gyroradius};
use nalgebra::{Matrix3, Vector3};
use serde::Serialize;

/// One ion distribution's row of the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnisotropyRow {
    /// Time, ISO 8601 UTC.
    pub time: String,
    /// Parallel ion beta `2 mu0 n T_par / B^2`.
    pub beta_par: f64,
    /// `T_perp / T_par`.
    pub perp_over_par: f64,
    /// Curvature parameter `sqrt(R_c / rho_i)`.
    pub kappa: f64,
    /// |B| at the barycentre, nT.
    pub b_nt: f64,
    /// Ion density, cm^-3.
    pub density_cm3: f64,
    /// `b . T . b`, eV.
    pub t_par_ev: f64,
    /// `(trace T - T_par) / 2`, eV.
    pub t_perp_ev: f64,
    /// Field-line curvature radius, km.
    pub curvature_radius_km: f64,
    /// Thermal ion gyroradius of `T_perp`, km.
    pub gyroradius_km: f64,
}

/// The catalogue and its summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnisotropyResult {
    /// DIS samples in the interval.
    pub samples: usize,
    /// Median parallel beta.
    pub beta_par_median: f64,
    /// Median `T_perp/T_par`.
    pub perp_over_par_median: f64,
    /// Median and range of kappa.
    pub kappa_median: f64,
    /// Smallest kappa.
    pub kappa_min: f64,
    /// Largest kappa.
    pub kappa_max: f64,
    /// The rows (written as the catalogue CSV, not printed).
    #[serde(skip)]
    pub rows: Vec<AnisotropyRow>,
}

/// Runs the analysis over the interval.
///
/// # Errors
/// The data's errors; a degenerate tetrahedron; [`EventError::Method`] for a non-physical
/// moment (non-positive density or temperature) or no DIS sample in the interval.
pub fn run(interval: &Interval, rate: Rate) -> Result<AnisotropyResult, EventError> {
    let method = |reason: String| EventError::Method {
        analysis: "anisotropy",
        reason,
    };
    let data = FourSpacecraft::load(interval, rate)?;
    let (temperature, density, times) = ion_moments(interval, &data)?;
    if times.is_empty() {
        return Err(method("no DIS sample inside the interval".to_owned()));
    }
    let (field, positions) = data.at(&times);
    let mut rows = Vec::with_capacity(times.len());
    for k in 0..times.len() {
        let when = format_utc(times[k]);
        let metres = positions[k].map(|r| [r.x * 1e3, r.y * 1e3, r.z * 1e3]);
        let tetrahedron = crate::tetrahedron::Tetrahedron::new(metres).map_err(|source| {
            EventError::Tetrahedron {
                time: when.clone(),
                reason: source,
            }
        })?;
        let curvature = tetrahedron
            .curvature(&field[k].map(|b| b * 1e-9))
            .map_err(|source| EventError::Tetrahedron {
                time: when.clone(),
                reason: source,
            })?;
        let b = field[k].iter().sum::<Vector3<f64>>() / 4.0;
        let b_hat = b.normalize();
        let t = &temperature[k];
        let t_par = b_hat.dot(&(t * b_hat));
        let t_perp = 0.5 * (t.trace() - t_par);
        let n = density[k];
        if !(t_par > 0.0 && t_perp > 0.0 && n > 0.0 && b.norm() > 0.0) {
            return Err(method(format!(
                "at {when}: n = {n} cm^-3, T_par = {t_par} eV, T_perp = {t_perp} eV, |B| = {} nT",
                b.norm()
            )));
        }
        let b_t = b.norm() * 1e-9;
        let beta_par =
            2.0 * VACUUM_PERMEABILITY * n * 1e6 * t_par * ELEMENTARY_CHARGE / (b_t * b_t);
        let rho = thermal_gyroradius(t_perp * ELEMENTARY_CHARGE, b_t, Particle::PROTON)
            .map_err(|e| method(format!("at {when}: {e}")))?;
        let radius = curvature.radius_m();
        rows.push(AnisotropyRow {
            time: when,
            beta_par,
            perp_over_par: t_perp / t_par,
            kappa: (radius / rho).sqrt(),
            b_nt: b.norm(),
            density_cm3: n,
            t_par_ev: t_par,
            t_perp_ev: t_perp,
            curvature_radius_km: radius * 1e-3,
            gyroradius_km: rho * 1e-3,
        });
    }
    let median = |pick: fn(&AnisotropyRow) -> f64| {
        let mut values: Vec<f64> = rows.iter().map(pick).collect();
        let middle = values.len() / 2;
        *values.select_nth_unstable_by(middle, f64::total_cmp).1
    };
    let kappas = rows.iter().map(|r| r.kappa);
    Ok(AnisotropyResult {
        samples: rows.len(),
        beta_par_median: median(|r| r.beta_par),
        perp_over_par_median: median(|r| r.perp_over_par),
        kappa_median: median(|r| r.kappa),
        kappa_min: kappas.clone().fold(f64::INFINITY, f64::min),
        kappa_max: kappas.fold(f64::NEG_INFINITY, f64::max),
        rows,
    })
}

/// The four spacecraft's mean ion temperature tensor (eV) and density (cm^-3) at MMS1's DIS
/// times inside both the interval and the field data.
fn ion_moments(
    interval: &Interval,
    data: &FourSpacecraft,
) -> Result<(Vec<Matrix3<f64>>, Vec<f64>, Vec<i64>), EventError> {
    let window = (data.times[0], data.times[data.times.len() - 1]);
    let (times, tensors) = mean_moment(interval, Species::Ions, "temptensor_gse", 9, window)?;
    let (density_times, density) =
        mean_moment(interval, Species::Ions, "numberdensity", 1, window)?;
    if density_times != times {
        return Err(EventError::Method {
            analysis: "anisotropy",
            reason: "DIS density and temperature are not sampled at the same times".to_owned(),
        });
    }
    Ok((
        tensors.iter().map(|r| tensor(r)).collect(),
        density.iter().map(|r| r[0]).collect(),
        times,
    ))
}

/// The rows as a catalogue table (polars), with the columns `regen brazil` and the chapter's
/// statistics read (`beta_par`, `perp_over_par`) and the rest of each row.
///
/// # Errors
/// Only if polars refuses the columns.
pub fn catalogue(
    rows: &[AnisotropyRow],
) -> Result<polars::prelude::DataFrame, polars::prelude::PolarsError> {
    use polars::prelude::{Column, DataFrame};
    let column = |name: &str, pick: fn(&AnisotropyRow) -> f64| {
        Column::new(name.into(), rows.iter().map(pick).collect::<Vec<f64>>())
    };
    DataFrame::new_infer_height(vec![
        Column::new(
            "time".into(),
            rows.iter().map(|r| r.time.clone()).collect::<Vec<String>>(),
        ),
        column("beta_par", |r| r.beta_par),
        column("perp_over_par", |r| r.perp_over_par),
        column("kappa", |r| r.kappa),
        column("b_nt", |r| r.b_nt),
        column("density_cm3", |r| r.density_cm3),
        column("t_par_ev", |r| r.t_par_ev),
        column("t_perp_ev", |r| r.t_perp_ev),
        column("curvature_radius_km", |r| r.curvature_radius_km),
        column("gyroradius_km", |r| r.gyroradius_km),
    ])
}
