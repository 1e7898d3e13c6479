//! A synthetic crossing consistent with the numbers Zhang et al. (2025) state for the
//! 12 August 2017 event (Sec. 3, Fig. 1), and the method run on it.

use super::harris_method::{in_central_region, off_diagonal_force_n_m3, tension_n_m3, thickness_m};
use super::{ForceBalanceError, NANO_AMPERE_NANO_TESLA_PER_M2};
use crate::harris_sheet::HarrisSheet;
use crate::plasma::units;
use crate::synthetic::{gaussian_noise, seeded_rng};

/// FGM and FPI cadences, s (Sec. 2).
pub const CADENCES_S: (f64, f64) = (0.1, 4.5);
/// Vertical speed of the sheet past the spacecraft, km/s: an assumption (the paper gives none).
pub const CROSSING_SPEED_KM_S: f64 = 20.0;
/// Offset of B_x, nT: the extremes 7.3 and -8.5 nT are B0 = 7.9 nT about a -0.6 nT centre.
pub const BX_OFFSET_NT: f64 = -0.6;
/// Noise on P_xz, as a fraction of its change across the central region.
pub const PXZ_NOISE_FRACTION: f64 = 0.05;

/// The synthetic crossing: FGM-cadence field and FPI-cadence moments.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleCrossing {
    /// FGM times, s.
    pub field_time_s: Vec<f64>,
    /// B_x and B_z at FGM cadence, T.
    pub b_x_t: Vec<f64>,
    /// B_z, T (uniform).
    pub b_z_t: f64,
    /// FPI times, s.
    pub plasma_time_s: Vec<f64>,
    /// B_x at FPI times, T.
    pub b_x_at_plasma_t: Vec<f64>,
    /// j_y at FPI times, A/m^2.
    pub j_y_a_m2: Vec<f64>,
    /// Ion and electron P_xz at FPI times, Pa.
    pub p_ixz_pa: Vec<f64>,
    /// Electron P_xz, Pa.
    pub p_exz_pa: Vec<f64>,
}

/// What the method recovers from a crossing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EventEstimate {
    /// B0 from the extremes of B_x, T.
    pub b0_t: f64,
    /// Peak sampled j_y, A/m^2.
    pub j0_a_m2: f64,
    /// L = B0/(mu0 j0), m.
    pub thickness_m: f64,
    /// Tension, nA nT/m^2.
    pub tension: f64,
    /// Ion and electron P_xz forces, nA nT/m^2.
    pub ion_force: f64,
    /// Electron P_xz force, nA nT/m^2.
    pub electron_force: f64,
}

impl ExampleCrossing {
    /// Builds the crossing from the stated numbers: B0 = 7.9 nT, j0 = 9.3 nA/m^2, tension
    /// 70.1 nA nT/m^2 (which fixes a uniform B_z), ion and electron P_xz forces 35.3 and
    /// 24.0 nA nT/m^2 (which fix the P_xz slopes), crossed north to south over +-3L at
    /// [`CROSSING_SPEED_KM_S`], P_xz with [`PXZ_NOISE_FRACTION`] noise (seed 12).
    ///
    /// # Errors
    /// Only if the stated numbers were rejected.
    pub fn synthetic() -> Result<Self, ForceBalanceError> {
        use super::published as paper;
        let b0 = units::nanotesla(paper::EXAMPLE_B0_NT.value);
        let j0 = units::nanoampere_per_m2(paper::EXAMPLE_J0_NA_M2.value);
        let thickness = thickness_m(b0, j0)?;
        let sheet =
            HarrisSheet::new(b0, thickness).map_err(|_| ForceBalanceError::NonPositive {
                parameter: "B0",
                value: b0,
            })?;
        // Central-region mean of sech^2 over |B_x| < B0/2, uniform in z: tanh(a)/a, a = atanh(1/2).
        let edge = super::harris_method::CENTRAL_REGION;
        let central_mean = edge / edge.atanh();
        let b_z =
            paper::EXAMPLE_TENSION.value * NANO_AMPERE_NANO_TESLA_PER_M2 / (central_mean * j0);
        let speed = units::km(CROSSING_SPEED_KM_S);
        let half_span = 3.0 * thickness;
        let duration = 2.0 * half_span / speed;
        let z_at = |t: f64| half_span - speed * t;
        let offset = units::nanotesla(BX_OFFSET_NT);
        let field_time_s: Vec<f64> = (0..=(duration / CADENCES_S.0) as usize)
            .map(|i| i as f64 * CADENCES_S.0)
            .collect();
        let b_x_t = field_time_s
            .iter()
            .map(|&t| sheet.field_lmn(z_at(t)).x + offset)
            .collect();
        let plasma_time_s: Vec<f64> = (0..=(duration / CADENCES_S.1) as usize)
            .map(|i| i as f64 * CADENCES_S.1)
            .collect();
        let b_x_at_plasma_t: Vec<f64> = plasma_time_s
            .iter()
            .map(|&t| sheet.field_lmn(z_at(t)).x + offset)
            .collect();
        let j_y_a_m2 = plasma_time_s
            .iter()
            .map(|&t| sheet.current_density_a_m2(z_at(t)))
            .collect();
        let mut rng = seeded_rng(12);
        let mut pressure = |force: f64| -> Result<Vec<f64>, ForceBalanceError> {
            let slope = force * NANO_AMPERE_NANO_TESLA_PER_M2 * thickness; // Pa per unit B_x/B0
            let noise = gaussian_noise(&mut rng, PXZ_NOISE_FRACTION * slope, plasma_time_s.len())
                .map_err(|_| ForceBalanceError::NonPositive {
                parameter: "noise",
                value: PXZ_NOISE_FRACTION,
            })?;
            Ok(plasma_time_s
                .iter()
                .zip(noise)
                .map(|(&t, e)| slope * sheet.field_lmn(z_at(t)).x / b0 + e)
                .collect())
        };
        let p_ixz_pa = pressure(35.3)?;
        let p_exz_pa = pressure(24.0)?;
        Ok(ExampleCrossing {
            field_time_s,
            b_x_t,
            b_z_t: b_z,
            plasma_time_s,
            b_x_at_plasma_t,
            j_y_a_m2,
            p_ixz_pa,
            p_exz_pa,
        })
    }

    /// Runs the paper's method on the crossing.
    ///
    /// # Errors
    /// As the method's functions.
    pub fn estimate(&self) -> Result<EventEstimate, ForceBalanceError> {
        let (low, high) = self
            .b_x_t
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &b| {
                (lo.min(b), hi.max(b))
            });
        let b0 = 0.5 * (high - low);
        let centre = 0.5 * (high + low);
        let j0 = self.j_y_a_m2.iter().copied().fold(0.0, f64::max);
        let thickness = thickness_m(b0, j0)?;
        let bx_over_b0: Vec<f64> = self
            .b_x_at_plasma_t
            .iter()
            .map(|b| (b - centre) / b0)
            .collect();
        let b_z = vec![self.b_z_t; bx_over_b0.len()];
        let tension =
            tension_n_m3(&bx_over_b0, &self.j_y_a_m2, &b_z)? / NANO_AMPERE_NANO_TESLA_PER_M2;
        let (ion, _) = off_diagonal_force_n_m3(&bx_over_b0, &self.p_ixz_pa, thickness)?;
        let (electron, _) = off_diagonal_force_n_m3(&bx_over_b0, &self.p_exz_pa, thickness)?;
        Ok(EventEstimate {
            b0_t: b0,
            j0_a_m2: j0,
            thickness_m: thickness,
            tension,
            ion_force: ion / NANO_AMPERE_NANO_TESLA_PER_M2,
            electron_force: electron / NANO_AMPERE_NANO_TESLA_PER_M2,
        })
    }

    /// Times (s) at which the crossing enters and leaves the central region.
    pub fn central_region_times(&self) -> (f64, f64) {
        let (low, high) = self
            .b_x_t
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &b| {
                (lo.min(b), hi.max(b))
            });
        let (b0, centre) = (0.5 * (high - low), 0.5 * (high + low));
        let inside: Vec<f64> = self
            .field_time_s
            .iter()
            .zip(&self.b_x_t)
            .filter(|(_, b)| in_central_region((*b - centre) / b0))
            .map(|(t, _)| *t)
            .collect();
        (
            inside.first().copied().unwrap_or(0.0),
            inside.last().copied().unwrap_or(0.0),
        )
    }
}
