//! Shuster et al. (2026)'s gradient distributions on data: the four DES burst distributions
//! at one time (or each time of the interval), aligned on MMS1's records, put on MMS1's bins,
//! differenced through the tetrahedron bin by bin (`grad f = sum_a k_a f_a`, Methods; Harvey,
//! ISSI SR-001 ch. 12), and projected on a boundary normal `n` (given, or from MVA) and on
//! the field direction `b` (the paper's `grad_par f = grad f . b`, Fig. 2g). Each is read on
//! the crescent ring in field-aligned velocity coordinates (Methods: `v_par` along B, `v_perp1`
//! along `(-U_e x B) x B`, `v_perp2` along `-U_e x B`) by the workbook's smile detector
//! ([`crate::smile::detector`]), with the same rule as on the model.
//!
//! Frames: positions (MEC) and the normal are GSE, so `grad f` is GSE; FPI's sky maps are in
//! DBCS, so the velocity frame is built from FGM in DMPA and the DES bulk velocity in DBCS.
//! The distribution at the barycentre is the four spacecraft's mean.
//!
//! Units: SI inside; densities reported in s^3/cm^6, gradients in (s^3/cm^6)/km as the paper
//! prints them (Results: about 4e-28 (s^3/cm^6)/km in the eyes and the smile).

use super::des_four::FourDistributions;
use super::four::FourSpacecraft;
use super::{EventError, Interval};
use crate::cdf::time::{format_utc, parse_utc};
use crate::mms::names::{Species, fgm, fgm_dmpa, fpi_moment, mec_position};
use crate::mms::sky_grid::SkyGrid;
use crate::mms::{MmsError, Rate, series};
use crate::mva::MinimumVariance;
use crate::smile::detector::{RingReading, read_sampled_ring, ring_angles};
use crate::tetrahedron::Tetrahedron;
use nalgebra::Vector3;
use ndarray::{Array2, ArrayView1};
use serde::Serialize;

const ANALYSIS: &str = "gradient-distribution";
/// (s^3/cm^6)/km per SI (s^3/m^6)/m: 1e-12 x 1e3.
const GRADIENT_TO_PRINTED: f64 = 1e-9;
/// s^3/cm^6 per s^3/m^6.
const PSD_TO_PRINTED: f64 = 1e-12;
/// Cells per side of the perpendicular-plane maps drawn with `--out`.
pub const PLANE_CELLS: usize = 41;
/// Half-width of the plane maps in ring speeds.
const PLANE_HALF_WIDTH: f64 = 2.0;

/// What to compute.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Options {
    /// One time (TT2000 ns) instead of every DES time in the interval.
    pub time: Option<i64>,
    /// The boundary normal, GSE (default: MVA of the four-spacecraft mean field).
    pub normal: Option<Vector3<f64>>,
}

/// The detector's reading of one gradient component on the ring.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RingSummary {
    /// Mean gradient over the centre sector (|gyrophase| <= 15 deg), (s^3/cm^6)/km.
    pub centre: f64,
    /// Minima of the two sides (30 to 150 deg, -150 to -30 deg), (s^3/cm^6)/km.
    pub eyes: [f64; 2],
    /// Gyrophases of the eyes, deg.
    pub eye_angles_deg: [f64; 2],
    /// Largest |gradient| on the ring, (s^3/cm^6)/km.
    pub scale: f64,
    /// `min(centre, -eyes) / scale`: positive for a smile.
    pub smile_strength: f64,
    /// The detector's verdict.
    pub smile: bool,
}

impl RingSummary {
    fn from_reading(reading: &RingReading) -> Self {
        Self {
            centre: reading.centre,
            eyes: reading.eyes,
            eye_angles_deg: reading.eye_angles_deg,
            scale: reading.scale,
            smile_strength: reading.smile_strength(),
            smile: reading.is_smile(),
        }
    }
}

/// The reading at one time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeReading {
    /// MMS1's DES time, ISO 8601 UTC.
    pub time: String,
    /// Offsets of MMS1..4's records from MMS1's time, ms.
    pub offsets_ms: [f64; 4],
    /// Tetrahedron size `2 sqrt(a)` (Robert et al. 1998), km.
    pub tetrahedron_size_km: f64,
    /// Field direction at the barycentre, DBCS (unit vector).
    pub b_dbcs: [f64; 3],
    /// Crescent ring speed (where `f(v_perp1) - f(-v_perp1)` peaks over MMS1's channels), km/s.
    pub ring_speed_km_s: f64,
    /// `(max f - min f) / max f` on the ring.
    pub crescent_contrast: f64,
    /// Gyrophase width over which f on the ring exceeds the midpoint of its range, deg.
    pub crescent_extent_deg: f64,
    /// `grad f . n` on the ring, with the detector's verdict.
    pub normal: RingSummary,
    /// `grad f . b` on the ring, with the detector's verdict.
    pub parallel: RingSummary,
}

/// Everything drawn with `--out` at one time.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// Index into the readings.
    pub reading: usize,
    /// Gyrophases of the ring, deg.
    pub ring_angles_deg: Vec<f64>,
    /// Mean distribution on the ring, s^3/cm^6.
    pub ring_f: Vec<f64>,
    /// `grad f . n` on the ring, (s^3/cm^6)/km.
    pub ring_normal: Vec<f64>,
    /// `grad f . b` on the ring, (s^3/cm^6)/km.
    pub ring_parallel: Vec<f64>,
    /// Cell centres along `v_perp1` and `v_perp2`, km/s.
    pub plane_axis_km_s: Vec<f64>,
    /// Mean distribution in the `v_par = 0` plane, `[perp1][perp2]`, s^3/cm^6.
    pub plane_f: Vec<Vec<f64>>,
    /// `grad f . n` in the plane, `[perp1][perp2]`, (s^3/cm^6)/km.
    pub plane_normal: Vec<Vec<f64>>,
}

/// The analysis's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GradientDistributionResult {
    /// The normal used, GSE unit vector.
    pub normal_gse: [f64; 3],
    /// `given` or `mva`.
    pub normal_source: &'static str,
    /// MVA's eigenvalues (max, intermediate, min), nT^2; `null` for a given normal.
    pub mva_eigenvalues_nt2: Option<[f64; 3]>,
    /// MMS1's DES cadence, ms.
    pub cadence_ms: f64,
    /// Times read.
    pub samples: usize,
    /// Times where `grad f . n` smiles.
    pub normal_smiles: usize,
    /// Times where `grad f . b` smiles.
    pub parallel_smiles: usize,
    /// The time of the strongest normal smile, if any.
    pub strongest_normal_smile: Option<String>,
    /// One reading per time.
    pub readings: Vec<TimeReading>,
    /// What `--out` draws: the strongest normal smile, or the only or first time.
    #[serde(skip)]
    pub snapshot: Option<Snapshot>,
}

/// Parses `--normal x,y,z` (GSE, any length; normalised here).
///
/// # Errors
/// [`EventError::Option`] naming `--normal`.
pub fn parse_normal(text: &str) -> Result<Vector3<f64>, EventError> {
    let bad = |reason: String| EventError::Option {
        parameter: "--normal",
        reason,
    };
    let numbers = super::frame::parse_numbers(text, "--normal", 3, "GSE x, y, z")?;
    Vector3::new(numbers[0], numbers[1], numbers[2])
        .try_normalize(0.0)
        .ok_or_else(|| bad("the normal is zero".to_owned()))
}

/// Parses `--time`, which must lie in the interval.
///
/// # Errors
/// [`EventError::Time`] or [`EventError::Option`] naming `--time`.
pub fn parse_time(text: &str, interval: &Interval) -> Result<i64, EventError> {
    let time = parse_utc(text).map_err(|reason| EventError::Time {
        parameter: "--time",
        reason,
    })?;
    if !(interval.start..=interval.end).contains(&time) {
        return Err(EventError::Option {
            parameter: "--time",
            reason: format!(
                "{} is outside {}..{}",
                format_utc(time),
                format_utc(interval.start),
                format_utc(interval.end)
            ),
        });
    }
    Ok(time)
}

/// The normal from MVA of the four-spacecraft mean field over the interval, oriented along the
/// interval's mean four-spacecraft gradient of |B| (toward the stronger field: the
/// magnetosphere at the magnetopause, the crescent model's +z).
///
/// # Errors
/// The data's errors; [`EventError::Method`] if MVA fails.
pub fn mva_normal(interval: &Interval) -> Result<(Vector3<f64>, [f64; 3]), EventError> {
    let data = FourSpacecraft::load(interval, Rate::Burst)?;
    let mean: Vec<Vector3<f64>> = (0..data.times.len())
        .map(|k| data.mean_field_nt(k))
        .collect();
    let mva = MinimumVariance::from_samples(&mean).map_err(|e| EventError::Method {
        analysis: ANALYSIS,
        reason: format!("MVA: {e}"),
    })?;
    let mut towards_stronger = Vector3::zeros();
    for k in 0..data.times.len() {
        let magnitudes = data.field_nt[k].map(|b| b.norm());
        let wrap = |source| EventError::Tetrahedron {
            time: format_utc(data.times[k]),
            reason: source,
        };
        towards_stronger += data
            .tetrahedron(k)?
            .gradient_scalar(magnitudes)
            .map_err(wrap)?;
    }
    let n = if mva.n.dot(&towards_stronger) < 0.0 {
        -mva.n
    } else {
        mva.n
    };
    Ok((n, mva.eigenvalues))
}

/// Field (nT) or velocity (km/s) of the four spacecraft and their positions (km) at `times`.
struct Support {
    b_gse: Array2<f64>,
    b_dmpa: Array2<f64>,
    u_dbcs: Array2<f64>,
    positions_km: [Array2<f64>; 4],
}

/// A 3-vector series' mean over the four spacecraft at `times`.
fn four_mean(
    interval: &Interval,
    times: &[i64],
    cadence_ns: i64,
    names: impl Fn(u8) -> (crate::mms::Product, String),
) -> Result<Array2<f64>, EventError> {
    let (start, end) = span(times, cadence_ns);
    let mut sum = Array2::zeros((times.len(), 3));
    for probe in 1..=4u8 {
        let (product, variable) = names(probe);
        let series = series::load(&interval.root, &product, &variable, start, end)?;
        if series.values.ncols() < 3 {
            return Err(MmsError::Shape {
                path: series.path,
                variable,
                found: format!("records of shape {:?}", series.record_shape),
                expected: "at least 3 components".to_owned(),
            }
            .into());
        }
        let values = series.at(times)?;
        sum += &(values.slice(ndarray::s![.., 0..3]).to_owned() / 4.0);
    }
    Ok(sum)
}

/// The times widened by half a DES cadence either side: the other spacecraft's moments are
/// up to that far off MMS1's times, and [`series::load`] needs `end > start`.
fn span(times: &[i64], cadence_ns: i64) -> (i64, i64) {
    let margin = (cadence_ns / 2).max(1_000_000);
    (times[0] - margin, times[times.len() - 1] + margin)
}

fn load_support(
    interval: &Interval,
    times: &[i64],
    cadence_ns: i64,
) -> Result<Support, EventError> {
    let b_gse = four_mean(interval, times, cadence_ns, |p| fgm(p, Rate::Burst))?;
    let b_dmpa = four_mean(interval, times, cadence_ns, |p| fgm_dmpa(p, Rate::Burst))?;
    let u_dbcs = four_mean(interval, times, cadence_ns, |p| {
        fpi_moment(p, Species::Electrons, Rate::Burst, "bulkv_dbcs")
    })?;
    let (start, end) = span(times, cadence_ns);
    let mut positions_km: [Array2<f64>; 4] = Default::default();
    for probe in 1..=4u8 {
        let (product, variable) = mec_position(probe);
        positions_km[usize::from(probe - 1)] =
            series::load(&interval.root, &product, &variable, start, end)?.at(times)?;
    }
    Ok(Support {
        b_gse,
        b_dmpa,
        u_dbcs,
        positions_km,
    })
}

/// The field-aligned velocity frame (b, perp1, perp2) in DBCS from B (DMPA) and U_e (DBCS).
fn velocity_frame(
    b: Vector3<f64>,
    u: Vector3<f64>,
    time: i64,
) -> Result<[Vector3<f64>; 3], EventError> {
    let method = |reason: &str| EventError::Method {
        analysis: ANALYSIS,
        reason: format!("at {}: {reason}", format_utc(time)),
    };
    let b = b
        .try_normalize(0.0)
        .ok_or_else(|| method("the field is zero: no field-aligned frame"))?;
    let perp1 = (-u.cross(&b))
        .cross(&b)
        .try_normalize(1e-9 * u.norm())
        .ok_or_else(|| method("U_e is zero or along B: no v_perp1 direction"))?;
    Ok([b, perp1, b.cross(&perp1)])
}

/// Reusable buffers for one time step.
struct Buffers {
    resampled: [Vec<f64>; 3],
    scratch: Vec<f64>,
    gradient: Array2<f64>,
    mean: Vec<f64>,
    normal: Vec<f64>,
    parallel: Vec<f64>,
}

/// Runs the analysis over the interval.
///
/// # Errors
/// The data's errors (missing files, fills, misaligned times), a degenerate tetrahedron,
/// [`EventError::Method`] for no DES record, a failed MVA or no field-aligned frame.
pub fn run(
    interval: &Interval,
    options: Options,
) -> Result<GradientDistributionResult, EventError> {
    let (normal, eigenvalues) = match options.normal {
        Some(n) => (n, None),
        None => {
            let (n, e) = mva_normal(interval)?;
            (n, Some(e))
        }
    };
    let mut four = FourDistributions::open(interval, options.time)?;
    let times: Vec<i64> = (0..four.aligned.len()).map(|j| four.time(j)).collect();
    let support = load_support(interval, &times, four.cadence_ns)?;
    let mut buffers: Option<Buffers> = None;
    let mut readings = Vec::with_capacity(times.len());
    let mut snapshot: Option<(f64, Snapshot)> = None;
    for j in 0..times.len() {
        let row = four.aligned[j];
        for (a, stream) in four.probes.iter_mut().enumerate() {
            stream.load(row[a])?;
        }
        let views: Vec<_> = four
            .probes
            .iter()
            .zip(row)
            .map(|(s, k)| s.view(k))
            .collect::<Option<_>>()
            .ok_or_else(|| EventError::Method {
                analysis: ANALYSIS,
                reason: "a record was not loaded".to_owned(),
            })?;
        let grid_error = |a: usize, e: crate::mms::sky_grid::SkyGridError| {
            let (path, variable) = four.probes[a].source(row[a]);
            EventError::Data(MmsError::Shape {
                path: path.to_owned(),
                variable: variable.to_owned(),
                found: e.to_string(),
                expected: "an FPI sky map".to_owned(),
            })
        };
        let grids: Vec<SkyGrid> = views
            .iter()
            .enumerate()
            .map(|(a, v)| {
                SkyGrid::new(v.phi_deg, v.theta_deg, v.energy_ev).map_err(|e| grid_error(a, e))
            })
            .collect::<Result<_, _>>()?;
        let n = grids[0].len();
        if let Some(a) = (1..4).find(|&a| grids[a].shape() != grids[0].shape()) {
            return Err(grid_error(
                a,
                crate::mms::sky_grid::SkyGridError::ThetaMismatch,
            ));
        }
        let buffers = buffers.get_or_insert_with(|| Buffers {
            resampled: std::array::from_fn(|_| vec![0.0; n]),
            scratch: vec![0.0; n],
            gradient: Array2::zeros((3, n)),
            mean: vec![0.0; n],
            normal: vec![0.0; n],
            parallel: vec![0.0; n],
        });
        for a in 1..4 {
            if grids[a].same_bins(&grids[0]) {
                buffers.resampled[a - 1].copy_from_slice(views[a].psd);
            } else {
                grids[a]
                    .resample_into(
                        views[a].psd,
                        &grids[0],
                        &mut buffers.scratch,
                        &mut buffers.resampled[a - 1],
                    )
                    .map_err(|e| grid_error(a, e))?;
            }
        }
        let time = times[j];
        let positions: [[f64; 3]; 4] = std::array::from_fn(|a| {
            let p = support.positions_km[a].row(j);
            [p[0] * 1e3, p[1] * 1e3, p[2] * 1e3]
        });
        let tetrahedron =
            Tetrahedron::new(positions).map_err(|source| EventError::Tetrahedron {
                time: format_utc(time),
                reason: source,
            })?;
        let [r2, r3, r4] = &buffers.resampled;
        let inputs = [
            ArrayView1::from(views[0].psd),
            ArrayView1::from(&r2[..]),
            ArrayView1::from(&r3[..]),
            ArrayView1::from(&r4[..]),
        ];
        tetrahedron
            .gradient_distribution_into(inputs, buffers.gradient.view_mut())
            .map_err(|source| EventError::Tetrahedron {
                time: format_utc(time),
                reason: source,
            })?;
        let b_gse = Vector3::new(
            support.b_gse[[j, 0]],
            support.b_gse[[j, 1]],
            support.b_gse[[j, 2]],
        );
        let b_gse = b_gse.try_normalize(0.0).ok_or_else(|| EventError::Method {
            analysis: ANALYSIS,
            reason: format!("at {}: the field is zero", format_utc(time)),
        })?;
        let (gx, gy, gz) = (
            buffers.gradient.row(0),
            buffers.gradient.row(1),
            buffers.gradient.row(2),
        );
        for i in 0..n {
            let g = Vector3::new(gx[i], gy[i], gz[i]);
            buffers.normal[i] = g.dot(&normal) * GRADIENT_TO_PRINTED;
            buffers.parallel[i] = g.dot(&b_gse) * GRADIENT_TO_PRINTED;
            buffers.mean[i] = 0.25 * (views[0].psd[i] + r2[i] + r3[i] + r4[i]) * PSD_TO_PRINTED;
        }
        let b_dmpa = Vector3::new(
            support.b_dmpa[[j, 0]],
            support.b_dmpa[[j, 1]],
            support.b_dmpa[[j, 2]],
        );
        let u_dbcs = Vector3::new(
            support.u_dbcs[[j, 0]],
            support.u_dbcs[[j, 1]],
            support.u_dbcs[[j, 2]],
        );
        let [b, perp1, perp2] = velocity_frame(b_dmpa, u_dbcs, time)?;
        let grid = &grids[0];
        let f_at = |v: Vector3<f64>| grid.sample(&buffers.mean, &v);
        let speed = grid
            .energies_ev()
            .iter()
            .map(|&e| SkyGrid::speed_m_s(e))
            .max_by(|a, c| {
                (f_at(perp1 * *a) - f_at(-perp1 * *a))
                    .total_cmp(&(f_at(perp1 * *c) - f_at(-perp1 * *c)))
            })
            .unwrap_or(0.0);
        let ring = |theta: f64| {
            let (s, c) = theta.to_radians().sin_cos();
            speed * (c * perp1 + s * perp2)
        };
        let angles = ring_angles();
        let ring_f: Vec<f64> = angles.iter().map(|&t| f_at(ring(t))).collect();
        let ring_normal: Vec<f64> = angles
            .iter()
            .map(|&t| grid.sample(&buffers.normal, &ring(t)))
            .collect();
        let ring_parallel: Vec<f64> = angles
            .iter()
            .map(|&t| grid.sample(&buffers.parallel, &ring(t)))
            .collect();
        let normal_reading = read_sampled_ring(speed * 1e-3, &ring_f, &ring_normal);
        let parallel_reading = read_sampled_ring(speed * 1e-3, &ring_f, &ring_parallel);
        let reading = TimeReading {
            time: format_utc(time),
            offsets_ms: four.offsets_ms(j),
            tetrahedron_size_km: tetrahedron.quality().size_m * 1e-3,
            b_dbcs: b.into(),
            ring_speed_km_s: speed * 1e-3,
            crescent_contrast: normal_reading.crescent_contrast,
            crescent_extent_deg: normal_reading.crescent_extent_deg,
            normal: RingSummary::from_reading(&normal_reading),
            parallel: RingSummary::from_reading(&parallel_reading),
        };
        // The snapshot: the strongest smile (a smile ranks above any non-smile), else the first.
        let rank = if normal_reading.is_smile() {
            1.0 + normal_reading.smile_strength()
        } else {
            f64::NEG_INFINITY
        };
        if snapshot.as_ref().is_none_or(|(best, _)| rank > *best) {
            let axis: Vec<f64> = (0..PLANE_CELLS)
                .map(|i| {
                    speed * PLANE_HALF_WIDTH * (2.0 * (i as f64 + 0.5) / PLANE_CELLS as f64 - 1.0)
                })
                .collect();
            let plane = |values: &[f64]| -> Vec<Vec<f64>> {
                axis.iter()
                    .map(|&p1| {
                        axis.iter()
                            .map(|&p2| grid.sample(values, &(p1 * perp1 + p2 * perp2)))
                            .collect()
                    })
                    .collect()
            };
            snapshot = Some((
                rank,
                Snapshot {
                    reading: j,
                    ring_angles_deg: angles.clone(),
                    ring_f,
                    ring_normal,
                    ring_parallel,
                    plane_f: plane(&buffers.mean),
                    plane_normal: plane(&buffers.normal),
                    plane_axis_km_s: axis.iter().map(|v| v * 1e-3).collect(),
                },
            ));
        }
        readings.push(reading);
    }
    let strongest = readings
        .iter()
        .filter(|r| r.normal.smile)
        .max_by(|a, c| a.normal.smile_strength.total_cmp(&c.normal.smile_strength))
        .map(|r| r.time.clone());
    Ok(GradientDistributionResult {
        normal_gse: normal.into(),
        normal_source: if eigenvalues.is_some() {
            "mva"
        } else {
            "given"
        },
        mva_eigenvalues_nt2: eigenvalues,
        cadence_ms: four.cadence_ns as f64 * 1e-6,
        samples: readings.len(),
        normal_smiles: readings.iter().filter(|r| r.normal.smile).count(),
        parallel_smiles: readings.iter().filter(|r| r.parallel.smile).count(),
        strongest_normal_smile: strongest,
        readings,
        snapshot: snapshot.map(|(_, s)| s),
    })
}
