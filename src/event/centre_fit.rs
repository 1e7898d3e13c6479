//! Yang et al.'s centre fit (Eq. 5) on data: each spacecraft's inbound and outbound
//! crossings of a set of |B| contours, placed in the rope's L-N plane by moving the
//! spacecraft with the rope's velocity reversed, and the centre whose distances to each
//! contour's intersections are most nearly equal. The rope velocity is the four
//! spacecraft's mean DIS bulk velocity over the interval (the ions are nearly at rest in the
//! rope frame), or given; positions are relative to the barycentre at the interval's middle.

use super::four::FourSpacecraft;
use super::frame::{Frame, mva_frame};
use super::{EventError, Interval};
use crate::flux_rope::centre_fit::{fit_centre, locate};
use crate::flux_rope::crossing::{Formation, Spacecraft, intersections};
use crate::mms::names::{Species, fpi_moment};
use crate::mms::{Rate, series};
use nalgebra::Vector3;
use serde::Serialize;

/// How many contours by default, as in the paper's Figure 2.
pub const DEFAULT_CONTOURS: usize = 11;
/// Default contours span the |B| range every spacecraft crosses twice, inset by this
/// fraction of it at each end so that no contour grazes a sample.
const CONTOUR_INSET: f64 = 0.05;

/// What the fit gives.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CentreFitResult {
    /// The LMN frame (M the rope's axis).
    pub frame: Frame,
    /// Rope velocity used, km/s GSE.
    pub velocity_gse_km_s: [f64; 3],
    /// The |B| contours, nT.
    pub levels_nt: Vec<f64>,
    /// Contours every spacecraft crossed twice, all used.
    pub contours_used: usize,
    /// Eq. 5 at the best centre, km^2.
    pub loss_km2: f64,
    /// The centre in the L-N plane, relative to the barycentre at the interval's middle, km.
    pub centre_ln_km: [f64; 2],
    /// The same centre as a GSE offset from the barycentre, km.
    pub centre_gse_km: [f64; 3],
    /// Closest approach of the barycentre's path to the axis, km.
    pub closest_approach_km: f64,
    /// Closest approach of each spacecraft's path, km (MMS1-4).
    pub closest_approach_by_spacecraft_km: [f64; 4],
    /// Each contour's intersections in the L-N plane, km, for `--out`'s figure (not printed).
    #[serde(skip)]
    pub contours: Vec<crate::flux_rope::centre_fit::ContourPoints>,
}

/// Contours: `count` levels from `low` to `high`, nT.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Levels {
    /// Lowest contour, nT.
    pub low_nt: f64,
    /// Highest contour, nT.
    pub high_nt: f64,
    /// Number of contours (>= 2).
    pub count: usize,
}

/// Parses `--levels low,high,count`.
///
/// # Errors
/// [`EventError::Option`] naming `--levels`.
pub fn parse_levels(text: &str) -> Result<Levels, EventError> {
    let bad = |reason: String| EventError::Option {
        parameter: "--levels",
        reason,
    };
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    let [low, high, count] = parts.as_slice() else {
        return Err(bad(format!(
            "expected low,high,count (nT, nT, contours), got {text:?}"
        )));
    };
    let number = |s: &str| s.parse::<f64>().ok().filter(|v| v.is_finite() && *v > 0.0);
    let (Some(low_nt), Some(high_nt), Ok(count)) =
        (number(low), number(high), count.parse::<usize>())
    else {
        return Err(bad(format!(
            "{text:?} is not two positive fields (nT) and a count"
        )));
    };
    if high_nt <= low_nt || !(2..=100).contains(&count) {
        return Err(bad("needs low < high and 2 to 100 contours".to_owned()));
    }
    Ok(Levels {
        low_nt,
        high_nt,
        count,
    })
}

/// Parses `--velocity vx,vy,vz` (km/s GSE).
///
/// # Errors
/// [`EventError::Option`] naming `--velocity`.
pub fn parse_velocity(text: &str) -> Result<Vector3<f64>, EventError> {
    let v = super::frame::parse_numbers(text, "--velocity", 3, "km/s GSE")?;
    let velocity = Vector3::new(v[0], v[1], v[2]);
    if velocity.norm() == 0.0 {
        return Err(EventError::Option {
            parameter: "--velocity",
            reason: "the velocity is zero".to_owned(),
        });
    }
    Ok(velocity)
}

/// Runs the fit over the interval.
///
/// # Errors
/// The data's errors; [`EventError::Method`] if a spacecraft does not cross a contour twice
/// or the fit fails.
pub fn run(
    interval: &Interval,
    rate: Rate,
    frame: Option<Frame>,
    velocity_km_s: Option<Vector3<f64>>,
    levels: Option<Levels>,
) -> Result<CentreFitResult, EventError> {
    let method = |reason: String| EventError::Method {
        analysis: "centre-fit",
        reason,
    };
    let data = FourSpacecraft::load(interval, rate)?;
    if data.times.len() < 3 {
        return Err(method(format!(
            "{} FGM samples in the interval",
            data.times.len()
        )));
    }
    // For a rope crossed off its axis, MVA's maximum variance is the reversing azimuthal
    // field and the intermediate the axial one: the hints only fix signs.
    let frame = match frame {
        Some(frame) => frame,
        None => mva_frame(&data, &Vector3::x(), &Vector3::z(), "centre-fit")?,
    };
    let velocity = match velocity_km_s {
        Some(v) => v,
        None => mean_ion_velocity(interval)?,
    };
    let [l, m, n] = frame.axes();
    let middle = data.times.len() / 2;
    let t0 = data.times[middle];
    let barycentre: Vector3<f64> = data.positions_km[middle].iter().sum::<Vector3<f64>>() / 4.0;
    let to_lmn = |v: Vector3<f64>| [v.dot(&l), v.dot(&m), v.dot(&n)];
    let positions_lmn_m = data.positions_km[middle].map(|r| to_lmn((r - barycentre) * 1e3));
    let spacecraft_velocity = to_lmn(-velocity * 1e3);
    let times_s: Vec<f64> = data.times.iter().map(|&t| (t - t0) as f64 * 1e-9).collect();
    let duration = times_s[times_s.len() - 1] - times_s[0];
    let formation = Formation {
        positions_lmn_m,
        velocity_lmn_ms: spacecraft_velocity,
        sample_rate_hz: (times_s.len() - 1) as f64 / duration,
        duration_s: duration,
    };
    let strength: Vec<Vec<f64>> = (0..4)
        .map(|a| data.field_nt.iter().map(|b| b[a].norm() * 1e-9).collect())
        .collect();
    let levels = match levels {
        Some(levels) => levels,
        None => default_levels(&strength).ok_or_else(|| {
            method("|B| has no contour every spacecraft crosses twice".to_owned())
        })?,
    };
    let levels_t: Vec<f64> = (0..levels.count)
        .map(|k| {
            (levels.low_nt
                + (levels.high_nt - levels.low_nt) * k as f64 / (levels.count - 1) as f64)
                * 1e-9
        })
        .collect();
    let crossings =
        intersections(&times_s, &strength, &levels_t).map_err(|e| method(e.to_string()))?;
    let contours = locate(&formation, &crossings, spacecraft_velocity);
    let fit = fit_centre(&contours).map_err(|e| method(e.to_string()))?;
    let [c_l, c_n] = fit.centre_ln_km;
    let centre_gse = l * c_l + n * c_n;
    let approach = |start_lmn_m: [f64; 3]| -> f64 {
        // Distance from the centre to the path through `start` along the spacecraft velocity,
        // in the L-N plane.
        let (dl, dn) = (start_lmn_m[0] * 1e-3 - c_l, start_lmn_m[2] * 1e-3 - c_n);
        let (wl, wn) = (spacecraft_velocity[0], spacecraft_velocity[2]);
        (dl * wn - dn * wl).abs() / wl.hypot(wn)
    };
    Ok(CentreFitResult {
        frame,
        velocity_gse_km_s: velocity.into(),
        levels_nt: levels_t.iter().map(|t| t * 1e9).collect(),
        contours_used: contours.len(),
        loss_km2: fit.loss_km2,
        centre_ln_km: fit.centre_ln_km,
        centre_gse_km: centre_gse.into(),
        closest_approach_km: approach([0.0; 3]),
        closest_approach_by_spacecraft_km: Spacecraft::ALL
            .map(|k| approach(formation.positions_lmn_m[k.index()])),
        contours,
    })
}

/// Levels between the highest |B| any spacecraft has at either end of the interval and the
/// lowest peak, inset by [`CONTOUR_INSET`]: contours every spacecraft crosses in and out.
fn default_levels(strength: &[Vec<f64>]) -> Option<Levels> {
    let edge = strength
        .iter()
        .map(|s| s[0].max(s[s.len() - 1]))
        .fold(f64::NEG_INFINITY, f64::max);
    let peak = strength
        .iter()
        .map(|s| s.iter().copied().fold(f64::NEG_INFINITY, f64::max))
        .fold(f64::INFINITY, f64::min);
    let inset = CONTOUR_INSET * (peak - edge);
    (peak > edge).then(|| Levels {
        low_nt: (edge + inset) * 1e9,
        high_nt: (peak - inset) * 1e9,
        count: DEFAULT_CONTOURS,
    })
}

/// The four spacecraft's mean DIS burst bulk velocity over the interval, km/s GSE.
fn mean_ion_velocity(interval: &Interval) -> Result<Vector3<f64>, EventError> {
    let mut sum = Vector3::zeros();
    let mut count = 0usize;
    for probe in 1..=4u8 {
        let (product, variable) = fpi_moment(probe, Species::Ions, Rate::Burst, "bulkv_gse");
        let v = series::load(
            &interval.root,
            &product,
            &variable,
            interval.start,
            interval.end,
        )?;
        for (k, row) in v.values.rows().into_iter().enumerate() {
            if v.times[k] >= interval.start && v.times[k] <= interval.end {
                sum += Vector3::new(row[0], row[1], row[2]);
                count += 1;
            }
        }
    }
    if count == 0 {
        return Err(EventError::Method {
            analysis: "centre-fit",
            reason: "no DIS velocity sample inside the interval".to_owned(),
        });
    }
    Ok(sum / count as f64)
}
