//! Zhang et al. (2025)'s single-event method on data: the sheet's LMN frame from MVA of the
//! four-spacecraft mean field (or given), B0 from the extremes of B_L, j0 the peak
//! curlometer j_M, the Harris thickness `L = B0/(mu0 j0)`, the central region
//! `|B_L - centre| < B0/2`, the tension `<j_M><B_N>` there, and each species' P_LN force of
//! Eq. 3, the central-region slope of P_LN against B_L/B0 over L, as a share of the tension.
//! The pressure tensor is the mean of the four spacecraft's (an estimate at the barycentre).

use super::curlometer::current_density;
use super::four::FourSpacecraft;
use super::frame::{Frame, mva_frame};
use super::{EventError, Interval};
use crate::force_balance::NANO_AMPERE_NANO_TESLA_PER_M2;
use crate::force_balance::harris_method::{
    in_central_region, off_diagonal_force_n_m3, thickness_m,
};
use crate::mms::names::Species;
use crate::mms::{Rate, series};
use crate::plasma::constants::{EARTH_RADIUS, ELEMENTARY_CHARGE};
use nalgebra::Vector3;
use serde::Serialize;

/// The method's result for one crossing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HarrisResult {
    /// The LMN frame used.
    pub frame: Frame,
    /// Half the range of B_L, nT.
    pub b0_nt: f64,
    /// Peak j_M, nA/m^2.
    pub j0_na_m2: f64,
    /// `L = B0/(mu0 j0)`, km.
    pub thickness_km: f64,
    /// Current samples in the central region.
    pub central_samples: usize,
    /// `<j_M><B_N>` over the central region, nA nT/m^2.
    pub tension_na_nt_m2: f64,
    /// Ion P_LN force (Eq. 3), nA nT/m^2, and its standard error.
    pub ion_pxz_force_na_nt_m2: f64,
    /// Standard error of the ion force from the slope fit.
    pub ion_pxz_force_error: f64,
    /// Electron P_LN force, nA nT/m^2.
    pub electron_pxz_force_na_nt_m2: f64,
    /// Standard error of the electron force.
    pub electron_pxz_force_error: f64,
    /// Ion force as a share of the tension, %.
    pub ion_share_percent: f64,
    /// Electron force as a share of the tension, %.
    pub electron_share_percent: f64,
    /// X of the barycentre at the interval's middle, R_E (GSE and GSM share their X axis).
    pub x_re: f64,
    /// Central-region mean ion P_LL (P_xx in the sheet's frame), nPa.
    pub p_ixx_npa: f64,
    /// Where j came from: `moments` (the paper's) or `curlometer`.
    pub current: &'static str,
    /// Central-region mean electron P_LL, nPa.
    pub p_exx_npa: f64,
    /// What `--out` draws (not printed).
    #[serde(skip)]
    pub detail: HarrisDetail,
}

/// The samples behind a [`HarrisResult`], for its figure and CSV.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HarrisDetail {
    /// FGM sample times, s from the first.
    pub seconds: Vec<f64>,
    /// Mean field in the frame, `[B_L, B_M, B_N]`, nT.
    pub field_lmn_nt: Vec<[f64; 3]>,
    /// Times of the current samples, s from the first FGM sample.
    pub current_seconds: Vec<f64>,
    /// j_M at those times, nA/m^2.
    pub j_m_na_m2: Vec<f64>,
    /// Ion and electron `(B_L - centre)/B0` and `P_LN` (nPa) at their FPI times.
    pub pressure_ln: [(Vec<f64>, Vec<f64>); 2],
    /// The centre of B_L, nT.
    pub centre_nt: f64,
}

/// Where the current density comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CurrentSource {
    /// The paper's: the particle moments, `j = e n_e (V_i - V_e)` (Sec. 2), at the DIS times.
    Moments,
    /// The curlometer, at the FGM times: independent of FPI, noisier at 128 Hz.
    Curlometer,
}

/// The current density (A/m^2, GSE) and its times: the four spacecraft's mean moments at
/// MMS1's DIS times (electron density and velocity interpolated there), or the curlometer.
fn current(
    interval: &Interval,
    data: &FourSpacecraft,
    source: CurrentSource,
) -> Result<(Vec<i64>, Vec<Vector3<f64>>), EventError> {
    use super::four::mean_moment;
    match source {
        CurrentSource::Curlometer => Ok((
            data.times.clone(),
            current_density(data)?.into_iter().map(|(j, _)| j).collect(),
        )),
        CurrentSource::Moments => {
            let window = (data.times[0], data.times[data.times.len() - 1]);
            let (times, v_i) = mean_moment(interval, Species::Ions, "bulkv_gse", 3, window)?;
            let (e_times, v_e) = mean_moment(interval, Species::Electrons, "bulkv_gse", 3, window)?;
            let (n_times, n_e) =
                mean_moment(interval, Species::Electrons, "numberdensity", 1, window)?;
            let flat = |rows: &[Vec<f64>]| rows.concat();
            let (v_e, n_e) = (flat(&v_e), flat(&n_e));
            let v_e = series::interpolate(
                &e_times,
                ndarray::ArrayView2::from_shape((e_times.len(), 3), &v_e).expect("3 columns"),
                &times,
            );
            let n_e = series::interpolate(
                &n_times,
                ndarray::ArrayView2::from_shape((n_times.len(), 1), &n_e).expect("1 column"),
                &times,
            );
            let j = (0..times.len())
                .map(|k| {
                    let dv = Vector3::new(
                        v_i[k][0] - v_e[[k, 0]],
                        v_i[k][1] - v_e[[k, 1]],
                        v_i[k][2] - v_e[[k, 2]],
                    );
                    // cm^-3 -> m^-3, km/s -> m/s.
                    ELEMENTARY_CHARGE * n_e[[k, 0]] * 1e6 * dv * 1e3
                })
                .collect();
            Ok((times, j))
        }
    }
}

/// Runs the method over the interval: FGM at `rate`, FPI burst moments, the current from
/// `source`, and the frame given or the paper's (Runov et al. 2006): L from MVA of the
/// four-spacecraft mean field (towards +x GSE), M along the mean current perpendicular to L,
/// N = L x M.
///
/// # Errors
/// The data's errors; [`EventError::Method`] for no central region, too few samples, or a
/// given frame whose M points against the current.
pub fn run(
    interval: &Interval,
    rate: Rate,
    frame: Option<Frame>,
    source: CurrentSource,
) -> Result<HarrisResult, EventError> {
    let method = |reason: String| EventError::Method {
        analysis: "harris",
        reason,
    };
    let data = FourSpacecraft::load(interval, rate)?;
    let (current_times, j_gse) = current(interval, &data, source)?;
    if current_times.len() < 3 {
        return Err(method(format!(
            "{} current samples in the interval; the method needs 3",
            current_times.len()
        )));
    }
    let mean_j = j_gse.iter().sum::<Vector3<f64>>() / j_gse.len() as f64;
    let frame = match frame {
        Some(frame) if Vector3::from(frame.m).dot(&mean_j) <= 0.0 => {
            return Err(method("the given M points against the mean current: reverse M and N (M is along the current)".to_owned()));
        }
        Some(frame) => frame,
        None => {
            let mva = mva_frame(&data, &Vector3::x(), &Vector3::z(), "harris")?;
            let l = Vector3::from(mva.l);
            let across = mean_j - l * mean_j.dot(&l);
            if across.norm() == 0.0 {
                return Err(method("the mean current is along L: no M".to_owned()));
            }
            let m = across.normalize();
            Frame {
                l: mva.l,
                m: m.into(),
                n: l.cross(&m).into(),
                eigenvalues_nt2: mva.eigenvalues_nt2,
            }
        }
    };
    let (l, m, n) = (
        Vector3::from(frame.l),
        Vector3::from(frame.m),
        Vector3::from(frame.n),
    );
    let b_l: Vec<f64> = (0..data.times.len())
        .map(|k| data.mean_field_nt(k).dot(&l))
        .collect();
    let (low, high) = b_l
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &b| {
            (lo.min(b), hi.max(b))
        });
    let (b0, centre) = (0.5 * (high - low), 0.5 * (high + low));
    if !(b0 > 0.0) {
        return Err(method("B_L does not vary over the interval".to_owned()));
    }
    let j_m: Vec<f64> = j_gse.iter().map(|j| j.dot(&m)).collect();
    let j0 = j_m.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let thickness = thickness_m(b0 * 1e-9, j0).map_err(|e| method(format!("thickness: {e}")))?;
    // B_L and B_N at the current's times.
    let field_lmn: Vec<f64> = (0..data.times.len())
        .flat_map(|k| {
            let b = data.mean_field_nt(k);
            [b.dot(&l), b.dot(&n)]
        })
        .collect();
    let at_current = series::interpolate(
        &data.times,
        ndarray::ArrayView2::from_shape((data.times.len(), 2), &field_lmn).expect("2 columns"),
        &current_times,
    );
    let central: Vec<usize> = (0..current_times.len())
        .filter(|&k| in_central_region((at_current[[k, 0]] - centre) / b0))
        .collect();
    if central.len() < 3 {
        return Err(method(format!(
            "{} current samples in the central region |B_L - centre| < B0/2; the method needs 3",
            central.len()
        )));
    }
    let mean = |values: &dyn Fn(usize) -> f64| {
        central.iter().map(|&k| values(k)).sum::<f64>() / central.len() as f64
    };
    let tension =
        mean(&|k| j_m[k]) * mean(&|k| at_current[[k, 1]] * 1e-9) / NANO_AMPERE_NANO_TESLA_PER_M2;
    // Eq. 3's force from the central-region slope of P_LN against B_L/B0, and the
    // central-region mean P_LL that the statistics of Sec. 3 (Fig. 4) bin.
    let species_terms = |species| -> Result<(f64, f64, f64, (Vec<f64>, Vec<f64>)), EventError> {
        let (times, p) = pressures(interval, &data, species, &l, &n)?;
        let b_l_column = ndarray::ArrayView2::from_shape((b_l.len(), 1), &b_l).expect("one column");
        let b = series::interpolate(&data.times, b_l_column, &times);
        let x: Vec<f64> = b.column(0).iter().map(|v| (v - centre) / b0).collect();
        let y: Vec<f64> = p.iter().map(|(p_ln, _)| p_ln * 1e-9).collect();
        let (value, error) = off_diagonal_force_n_m3(&x, &y, thickness)
            .map_err(|e| method(format!("P_LN slope: {e}")))?;
        let central_p_ll: Vec<f64> = (0..x.len())
            .filter(|&k| in_central_region(x[k]))
            .map(|k| p[k].1)
            .collect();
        let p_ll = central_p_ll.iter().sum::<f64>() / central_p_ll.len().max(1) as f64;
        let p_ln: Vec<f64> = p.iter().map(|(p_ln, _)| *p_ln).collect();
        Ok((
            value / NANO_AMPERE_NANO_TESLA_PER_M2,
            error / NANO_AMPERE_NANO_TESLA_PER_M2,
            p_ll,
            (x, p_ln),
        ))
    };
    let (ion, ion_error, p_ixx, ion_samples) = species_terms(Species::Ions)?;
    let (electron, electron_error, p_exx, electron_samples) = species_terms(Species::Electrons)?;
    let detail = HarrisDetail {
        seconds: data
            .times
            .iter()
            .map(|&t| (t - data.times[0]) as f64 * 1e-9)
            .collect(),
        field_lmn_nt: (0..data.times.len())
            .map(|k| {
                let b = data.mean_field_nt(k);
                [b.dot(&l), b.dot(&m), b.dot(&n)]
            })
            .collect(),
        current_seconds: current_times
            .iter()
            .map(|&t| (t - data.times[0]) as f64 * 1e-9)
            .collect(),
        j_m_na_m2: j_m.iter().map(|j| j * 1e9).collect(),
        pressure_ln: [ion_samples, electron_samples],
        centre_nt: centre,
    };
    let barycentre = data.positions_km[data.times.len() / 2]
        .iter()
        .sum::<Vector3<f64>>()
        / 4.0;
    Ok(HarrisResult {
        frame,
        b0_nt: b0,
        j0_na_m2: j0 * 1e9,
        thickness_km: thickness * 1e-3,
        central_samples: central.len(),
        tension_na_nt_m2: tension,
        ion_pxz_force_na_nt_m2: ion,
        ion_pxz_force_error: ion_error,
        electron_pxz_force_na_nt_m2: electron,
        electron_pxz_force_error: electron_error,
        ion_share_percent: 100.0 * ion / tension,
        electron_share_percent: 100.0 * electron / tension,
        x_re: barycentre.x * 1e3 / EARTH_RADIUS,
        p_ixx_npa: p_ixx,
        p_exx_npa: p_exx,
        current: match source {
            CurrentSource::Moments => "moments",
            CurrentSource::Curlometer => "curlometer",
        },
        detail,
    })
}

/// A species' four-spacecraft mean pressure tensor at MMS1's FPI burst times within the
/// field data: times and `(P_LN, P_LL)`, nPa.
fn pressures(
    interval: &Interval,
    data: &FourSpacecraft,
    species: Species,
    l: &Vector3<f64>,
    n: &Vector3<f64>,
) -> Result<(Vec<i64>, Vec<(f64, f64)>), EventError> {
    let window = (data.times[0], data.times[data.times.len() - 1]);
    let (times, rows) = super::four::mean_moment(interval, species, "prestensor_gse", 9, window)?;
    let p = rows
        .iter()
        .map(|r| super::four::tensor(r))
        .map(|p| (l.dot(&(p * n)), l.dot(&(p * l))))
        .collect();
    Ok((times, p))
}
