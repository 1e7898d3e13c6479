//! A SYNTHETIC ensemble of 58 near-Earth and 46 further-Earth crossings whose summaries match
//! those Zhang et al. (2025) publish (Sec. 3, Figs. 2–3), and the statistics pipeline the
//! paper describes: profiles against B_x/B0 binned per region (polars), central-region means,
//! and P_xz slopes turned into forces with Eq. 3.

use super::harris_method::{CENTRAL_REGION, fit_line};
use super::{ForceBalanceError, NANO_AMPERE_NANO_TESLA_PER_M2};
use crate::binning::{BinnedProfile, BinningError, binned_mean_of_groups};
use crate::synthetic::seeded_rng;
use polars::prelude::{Column, DataFrame};
use rand::RngExt;
use rand_distr::{Distribution, Normal};

/// Published regional summaries the ensemble is built to match.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RegionSummary {
    /// Number of events.
    pub events: usize,
    /// Central-region mean j_y, nA/m^2.
    pub j_y: f64,
    /// Central-region mean B_z, nT.
    pub b_z: f64,
    /// Ion and electron P_xz forces, nA nT/m^2.
    pub ion_force: f64,
    /// Electron P_xz force, nA nT/m^2.
    pub electron_force: f64,
}

/// The summary a region's published numbers give.
const fn summary(events: usize, numbers: &super::published::RegionNumbers) -> RegionSummary {
    RegionSummary {
        events,
        j_y: numbers.j_y.value,
        b_z: numbers.b_z.value,
        ion_force: numbers.ion_force.value,
        electron_force: numbers.electron_force.value,
    }
}

/// Near-Earth summary (Sec. 3).
pub const NEAR: RegionSummary = summary(super::published::EVENTS.0, &super::published::NEAR);
/// Further-Earth summary (Sec. 3).
pub const FAR: RegionSummary = summary(super::published::EVENTS.1, &super::published::FAR);
/// Mean thickness of all sheets, km, and the stated range.
pub const THICKNESS_KM: (f64, f64, f64) = (
    super::published::MEAN_THICKNESS_KM.value,
    super::published::THICKNESS_RANGE_KM.0,
    super::published::THICKNESS_RANGE_KM.1,
);
/// Profile samples per event, uniform in B_x/B0 over [-1, 1].
pub const SAMPLES_PER_EVENT: usize = 41;
/// Edges of the B_x/B0 bins of the profiles.
pub const BIN_EDGES: [f64; 11] = [-1.0, -0.8, -0.6, -0.4, -0.2, 0.0, 0.2, 0.4, 0.6, 0.8, 1.0];

/// Why the ensemble could not be built or analysed.
#[derive(Debug, thiserror::Error)]
pub enum EnsembleError {
    /// Binning failed.
    #[error(transparent)]
    Binning(#[from] BinningError),
    /// A method rejected its input.
    #[error(transparent)]
    Method(#[from] ForceBalanceError),
    /// Building a frame failed.
    #[error("building the ensemble: {0}")]
    Frame(String),
}

/// One region's samples in long format: columns `event`, `bx_b0`, `j_y` (nA/m^2), `b_z` (nT),
/// `p_ixz`, `p_exz` (nPa); and the per-event catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionSamples {
    /// Long-format samples.
    pub frame: DataFrame,
    /// Thickness of each event, km.
    pub thickness_km: Vec<f64>,
    /// Peak current density of each event, nA/m^2.
    pub j0_na_m2: Vec<f64>,
    /// Lobe field of each event, B0 = mu0 j0 L, nT.
    pub b0_nt: Vec<f64>,
}

/// Peak current densities are drawn uniformly over the range the paper states, nA/m^2.
pub const J0_RANGE: (f64, f64) = super::published::J0_RANGE_NA_M2;

/// Central-region mean of the embedded profile `exp(-b^2 / 2 w^2)` over the sample grid.
fn central_shape_mean(width: f64, b: &[f64]) -> f64 {
    let central: Vec<f64> = b
        .iter()
        .copied()
        .filter(|b| b.abs() < CENTRAL_REGION)
        .collect();
    central
        .iter()
        .map(|b| (-b * b / (2.0 * width * width)).exp())
        .sum::<f64>()
        / central.len() as f64
}

fn normal(mean: f64, sd: f64) -> Result<Normal<f64>, EnsembleError> {
    Normal::new(mean, sd).map_err(|e| EnsembleError::Frame(e.to_string()))
}

/// Builds one region's SYNTHETIC events (seeded). Each event has a thickness drawn around
/// 980 km within [500, 1500] km, a peak current j0 uniform in [5, 15] nA/m^2 (so
/// B0 = mu0 j0 L), and an embedded current profile `j0 exp(-b^2 / 2 w^2)` (narrower than
/// Harris, as the paper notes) whose width makes its central mean j0 times a ratio that
/// scatters by 20% around (published central mean) / (mean j0); a uniform B_z scattering by
/// 30% around its published mean; and P_xz linear in b with slopes giving the region's
/// published forces on average, plus offsets and noise.
///
/// # Errors
/// [`EnsembleError::Frame`] if the frame cannot be built, or a profile width has no solution.
pub fn synthetic_region(
    summary: &RegionSummary,
    seed: u64,
) -> Result<RegionSamples, EnsembleError> {
    let mut rng = seeded_rng(seed);
    let (mean_l, low_l, high_l) = THICKNESS_KM;
    let thickness = normal(mean_l, 250.0)?;
    let unit = normal(1.0, 0.3)?;
    let noise = normal(0.0, 1.0)?;
    let b: Vec<f64> = (0..SAMPLES_PER_EVENT)
        .map(|i| -1.0 + 2.0 * i as f64 / (SAMPLES_PER_EVENT - 1) as f64)
        .collect();
    let mean_j0 = 0.5 * (J0_RANGE.0 + J0_RANGE.1);
    let (mut event, mut bx, mut j_y, mut b_z, mut p_i, mut p_e) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    let (mut thickness_km, mut j0_na_m2, mut b0_nt) = (vec![], vec![], vec![]);
    for index in 0..summary.events {
        let l_km = thickness.sample(&mut rng).clamp(low_l, high_l);
        let j0: f64 = rng.random_range(J0_RANGE.0..J0_RANGE.1);
        thickness_km.push(l_km);
        j0_na_m2.push(j0);
        b0_nt.push(crate::plasma::constants::VACUUM_PERMEABILITY * j0 * 1e-9 * l_km * 1e3 * 1e9);
        let ratio = summary.j_y / mean_j0 * rng.random_range(0.8..1.2);
        let width =
            crate::fit::bracketed_root(|w| central_shape_mean(w, &b) - ratio, 0.05, 5.0, 1e-10)
                .map_err(|e| {
                    EnsembleError::Frame(format!(
                        "no profile width for central/peak ratio {ratio}: {e}"
                    ))
                })?;
        let b_z_event = summary.b_z * unit.sample(&mut rng).max(0.2);
        // Slopes (nPa per unit B_x/B0) giving the region's forces over the mean thickness.
        let slope = |force: f64| force * NANO_AMPERE_NANO_TESLA_PER_M2 * mean_l * 1e3 * 1e9;
        let (s_i, s_e) = (slope(summary.ion_force), slope(summary.electron_force));
        let (offset_i, offset_e) = (
            0.2 * s_i * noise.sample(&mut rng),
            0.2 * s_e * noise.sample(&mut rng),
        );
        for &bi in &b {
            event.push(index as u32);
            bx.push(bi);
            j_y.push(
                j0 * (-bi * bi / (2.0 * width * width)).exp()
                    * (1.0 + 0.1 * noise.sample(&mut rng)),
            );
            b_z.push(b_z_event * (1.0 + 0.1 * noise.sample(&mut rng)));
            p_i.push(offset_i + s_i * bi * (1.0 + 0.5 * noise.sample(&mut rng)));
            p_e.push(offset_e + s_e * bi * (1.0 + 0.5 * noise.sample(&mut rng)));
        }
    }
    let frame = DataFrame::new_infer_height(vec![
        Column::new("event".into(), event),
        Column::new("bx_b0".into(), bx),
        Column::new("j_y".into(), j_y),
        Column::new("b_z".into(), b_z),
        Column::new("p_ixz".into(), p_i),
        Column::new("p_exz".into(), p_e),
    ])
    .map_err(|e| EnsembleError::Frame(e.to_string()))?;
    Ok(RegionSamples {
        frame,
        thickness_km,
        j0_na_m2,
        b0_nt,
    })
}

/// What the pipeline gives for one region.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionStatistics {
    /// Binned profiles (mean and standard error per B_x/B0 bin) of j_y, B_z, P_i,xz, P_e,xz.
    pub profiles: [BinnedProfile; 4],
    /// Central-region means of j_y (nA/m^2) and B_z (nT) over all samples.
    pub central_j_y: f64,
    /// Central B_z, nT.
    pub central_b_z: f64,
    /// Tension from the central means, nA nT/m^2.
    pub tension: f64,
    /// Slopes of the binned P_i,xz and P_e,xz over the central bins, nPa per unit B_x/B0.
    pub slopes: (f64, f64),
    /// Ion and electron forces from Eq. 3 with the mean thickness, nA nT/m^2.
    pub forces: (f64, f64),
    /// Mean thickness, km.
    pub mean_thickness_km: f64,
}

/// The paper's statistics pipeline on one region's samples.
///
/// # Errors
/// [`EnsembleError`] for missing columns or a failed fit.
pub fn analyse(samples: &RegionSamples) -> Result<RegionStatistics, EnsembleError> {
    // Error bars across events, as in the paper: each event is averaged in each bin first.
    let profile =
        |column: &str| binned_mean_of_groups(&samples.frame, "event", "bx_b0", column, &BIN_EDGES);
    let profiles = [
        profile("j_y")?,
        profile("b_z")?,
        profile("p_ixz")?,
        profile("p_exz")?,
    ];
    let values = |column: &str| crate::binning::f64_column(&samples.frame, column);
    let bx = values("bx_b0")?;
    let central_mean = |column: &str| -> Result<f64, EnsembleError> {
        let (sum, count) = bx
            .iter()
            .zip(values(column)?)
            .filter(|(b, _)| super::harris_method::in_central_region(**b))
            .fold((0.0, 0usize), |(sum, count), (_, v)| (sum + v, count + 1));
        if count == 0 {
            return Err(EnsembleError::Method(ForceBalanceError::TooFewSamples {
                needed: 1,
                x: 0,
                y: 0,
            }));
        }
        Ok(sum / count as f64)
    };
    let (central_j_y, central_b_z) = (central_mean("j_y")?, central_mean("b_z")?);
    let central_slope = |p: &BinnedProfile| -> Result<f64, EnsembleError> {
        let (x, y): (Vec<f64>, Vec<f64>) = p
            .centre
            .iter()
            .zip(&p.mean)
            .filter(|(c, _)| c.abs() < CENTRAL_REGION)
            .map(|(c, m)| (*c, *m))
            .unzip();
        Ok(fit_line(&x, &y)?.slope)
    };
    let slopes = (central_slope(&profiles[2])?, central_slope(&profiles[3])?);
    let mean_thickness_km =
        samples.thickness_km.iter().sum::<f64>() / samples.thickness_km.len() as f64;
    // Eq. 3: slope (nPa) / L (km) -> nA nT/m^2.
    let force =
        |slope: f64| slope * 1e-9 / (mean_thickness_km * 1e3) / NANO_AMPERE_NANO_TESLA_PER_M2;
    Ok(RegionStatistics {
        tension: central_j_y * central_b_z,
        central_j_y,
        central_b_z,
        forces: (force(slopes.0), force(slopes.1)),
        slopes,
        mean_thickness_km,
        profiles,
    })
}
