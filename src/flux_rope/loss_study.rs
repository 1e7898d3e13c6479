//! How the loss of Eq. 5 grows when the crossing departs from the ideal: noise on the field
//! strength (white and correlated), an elliptical rather than circular rope, and an error in
//! the velocity used to turn times into places. Synthetic, seeded.

use super::centre_fit::{CentreFit, ContourPoints, fit_centre, locate};
use super::crossing::{Formation, intersections, paper_levels, sample_strength};
use super::equilibrium::Profile;
use super::error::FluxRopeError;
use crate::plasma::units;
use crate::synthetic::{gaussian_noise, seeded_rng};

/// One departure from the ideal crossing, with its size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Perturbation {
    /// Gaussian white noise on |B|, standard deviation in nT.
    WhiteNoise {
        /// Standard deviation, nT.
        sigma_nt: f64,
    },
    /// Gaussian AR(1) noise on |B| with the given correlation time.
    CorrelatedNoise {
        /// Standard deviation, nT.
        sigma_nt: f64,
        /// e-folding time of the autocorrelation, s.
        correlation_time_s: f64,
    },
    /// An elliptical rope of the same area: axis ratio (>= 1), major axis 30 deg from L.
    Ellipticity {
        /// Major over minor axis.
        axis_ratio: f64,
    },
    /// The assumed speed is `1 + fraction` times the true one.
    SpeedError {
        /// Fractional error.
        fraction: f64,
    },
    /// The assumed velocity is rotated in the LN plane by this angle.
    DirectionError {
        /// Rotation, deg.
        degrees: f64,
    },
}

/// Noise levels of the loss study, nT.
pub const NOISE_SCAN_NT: [f64; 8] = [0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0];
/// Axis ratios of the loss study.
pub const ELLIPTICITY_SCAN: [f64; 8] = [1.0, 1.02, 1.05, 1.1, 1.2, 1.3, 1.5, 2.0];
/// Fractional speed errors of the loss study.
pub const SPEED_SCAN: [f64; 7] = [0.0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5];
/// Direction errors of the loss study, deg.
pub const DIRECTION_SCAN_DEG: [f64; 7] = [0.0, 2.0, 5.0, 10.0, 20.0, 30.0, 45.0];
/// Noise realisations per noise level.
pub const STUDY_SEEDS: u64 = 21;

/// Angle of an elliptical rope's major axis from L, rad.
const ELLIPSE_ORIENTATION_RAD: f64 = std::f64::consts::PI / 6.0;

/// Fits the centre of the rope `profile` crossed by `formation` under `perturbation`, with
/// noise from `seed`; the true centre is the origin.
///
/// # Errors
/// [`FluxRopeError`] for bad inputs, a missing crossing or a failed fit.
pub fn perturbed_fit(
    profile: &Profile,
    formation: &Formation,
    perturbation: Perturbation,
    seed: u64,
) -> Result<CentreFit, FluxRopeError> {
    fit_centre(&perturbed_contours(profile, formation, perturbation, seed)?)
}

/// The contour intersections of the crossing of [`perturbed_fit`], placed in the LN plane
/// with the (possibly wrong) assumed velocity.
///
/// # Errors
/// [`FluxRopeError`] for bad inputs or a missing crossing.
pub fn perturbed_contours(
    profile: &Profile,
    formation: &Formation,
    perturbation: Perturbation,
    seed: u64,
) -> Result<Vec<ContourPoints>, FluxRopeError> {
    let axis_ratio = match perturbation {
        Perturbation::Ellipticity { axis_ratio }
            if !(axis_ratio.is_finite() && axis_ratio >= 1.0) =>
        {
            return Err(FluxRopeError::NonPositive {
                parameter: "axis_ratio (>= 1)",
                value: axis_ratio,
            });
        }
        Perturbation::Ellipticity { axis_ratio } => axis_ratio,
        _ => 1.0,
    };
    let (sin, cos) = ELLIPSE_ORIENTATION_RAD.sin_cos();
    let strength = |p: [f64; 2]| {
        let (major, minor) = (p[0] * cos + p[1] * sin, -p[0] * sin + p[1] * cos);
        profile.field_magnitude_at((major / axis_ratio.sqrt()).hypot(minor * axis_ratio.sqrt()))
    };
    let (times, mut series) = sample_strength(formation, strength)?;
    let mut rng = seeded_rng(seed);
    let noise = |rng: &mut _, sigma_nt: f64| {
        gaussian_noise(rng, units::nanotesla(sigma_nt), times.len()).map_err(|e| {
            FluxRopeError::NonPositive {
                parameter: "sigma_nt (nT)",
                value: e.sigma,
            }
        })
    };
    match perturbation {
        Perturbation::WhiteNoise { sigma_nt } => {
            for samples in &mut series {
                for (b, n) in samples.iter_mut().zip(noise(&mut rng, sigma_nt)?) {
                    *b += n;
                }
            }
        }
        Perturbation::CorrelatedNoise {
            sigma_nt,
            correlation_time_s,
        } => {
            let tau = super::error::positive("correlation_time_s (s)", correlation_time_s)?;
            let memory = (-1.0 / (formation.sample_rate_hz * tau)).exp();
            let innovation = (1.0 - memory * memory).sqrt();
            for samples in &mut series {
                let draws = noise(&mut rng, sigma_nt)?;
                let mut state = draws[0];
                for (b, n) in samples.iter_mut().zip(draws) {
                    state = memory * state + innovation * n;
                    *b += state;
                }
            }
        }
        _ => {}
    }
    let [w_l, w_m, w_n] = formation.velocity_lmn_ms;
    let assumed = match perturbation {
        Perturbation::SpeedError { fraction } => {
            [w_l * (1.0 + fraction), w_m, w_n * (1.0 + fraction)]
        }
        Perturbation::DirectionError { degrees } => {
            let (s, c) = degrees.to_radians().sin_cos();
            [w_l * c - w_n * s, w_m, w_l * s + w_n * c]
        }
        _ => formation.velocity_lmn_ms,
    };
    let crossings = intersections(&times, &series, &paper_levels())?;
    Ok(locate(formation, &crossings, assumed))
}

/// The loss at one perturbation size, over seeds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StudyPoint {
    /// Perturbation size in its own unit (nT, axis ratio, fraction, degrees).
    pub amplitude: f64,
    /// Median loss over seeds, km^2.
    pub median_loss_km2: f64,
    /// Lower and upper quartiles of the loss, km^2.
    pub quartiles_km2: [f64; 2],
    /// Median distance of the fitted centre from the true one, km.
    pub median_centre_error_km: f64,
}

/// Loss statistics for each `amplitudes[i]` of the perturbation `make(amplitude)`, over
/// `seeds` noise realisations (one suffices for the deterministic perturbations).
///
/// # Errors
/// As [`perturbed_fit`].
pub fn loss_curve(
    profile: &Profile,
    formation: &Formation,
    make: impl Fn(f64) -> Perturbation,
    amplitudes: &[f64],
    seeds: u64,
) -> Result<Vec<StudyPoint>, FluxRopeError> {
    amplitudes
        .iter()
        .map(|&amplitude| {
            let mut losses = Vec::new();
            let mut errors = Vec::new();
            for seed in 0..seeds.max(1) {
                let fit = perturbed_fit(profile, formation, make(amplitude), seed)?;
                losses.push(fit.loss_km2);
                errors.push(fit.centre_ln_km[0].hypot(fit.centre_ln_km[1]));
            }
            Ok(StudyPoint {
                amplitude,
                median_loss_km2: quantile(&mut losses, 0.5),
                quartiles_km2: [quantile(&mut losses, 0.25), quantile(&mut losses, 0.75)],
                median_centre_error_km: quantile(&mut errors, 0.5),
            })
        })
        .collect()
}

/// Linear-interpolated quantile `q` in [0, 1] of `values` (sorted in place).
fn quantile(values: &mut [f64], q: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    let position = q * (values.len() - 1) as f64;
    let (low, high) = (position.floor() as usize, position.ceil() as usize);
    values[low] + (position - low as f64) * (values[high] - values[low])
}

/// The amplitude at which the median loss first reaches `target_km2`, interpolated in
/// log(loss) between scanned amplitudes; `None` if the scan never reaches it.
pub fn amplitude_reaching(curve: &[StudyPoint], target_km2: f64) -> Option<f64> {
    curve.windows(2).find_map(|pair| {
        let (a, b) = (pair[0], pair[1]);
        (a.median_loss_km2 < target_km2 && b.median_loss_km2 >= target_km2).then(|| {
            let (la, lb) = (a.median_loss_km2.max(1e-300).ln(), b.median_loss_km2.ln());
            a.amplitude + (target_km2.ln() - la) / (lb - la) * (b.amplitude - a.amplitude)
        })
    })
}

/// The chapter's loss curves: every scan above on the adopted equilibrium crossed by
/// [`Formation::chapter`]. Computed once per process and shared by the ledger and the figure,
/// which ask for the same fits.
#[derive(Debug, Clone, PartialEq)]
pub struct ChapterCurves {
    /// White noise over [`NOISE_SCAN_NT`], [`STUDY_SEEDS`] realisations each.
    pub white: Vec<StudyPoint>,
    /// AR(1) noise with a 0.1 s correlation time, likewise.
    pub correlated: Vec<StudyPoint>,
    /// Ellipticity over [`ELLIPTICITY_SCAN`].
    pub ellipse: Vec<StudyPoint>,
    /// Speed errors over [`SPEED_SCAN`].
    pub speed: Vec<StudyPoint>,
    /// Direction errors over [`DIRECTION_SCAN_DEG`].
    pub direction: Vec<StudyPoint>,
}

impl ChapterCurves {
    /// The curves, computed on the first call.
    ///
    /// # Errors
    /// As [`super::adopted_equilibrium`] and [`loss_curve`] (every call returns the first
    /// call's error).
    pub fn get() -> Result<&'static Self, FluxRopeError> {
        static CURVES: std::sync::OnceLock<Result<ChapterCurves, FluxRopeError>> =
            std::sync::OnceLock::new();
        crate::once::computed_once(&CURVES, Self::compute)
    }

    fn compute() -> Result<Self, FluxRopeError> {
        let profile = super::adopted_equilibrium()?.profile;
        let formation = Formation::chapter();
        let curve = |make: &dyn Fn(f64) -> Perturbation, amplitudes: &[f64], seeds| {
            loss_curve(&profile, &formation, make, amplitudes, seeds)
        };
        Ok(ChapterCurves {
            white: curve(
                &|a| Perturbation::WhiteNoise { sigma_nt: a },
                &NOISE_SCAN_NT,
                STUDY_SEEDS,
            )?,
            correlated: curve(
                &|a| Perturbation::CorrelatedNoise {
                    sigma_nt: a,
                    correlation_time_s: 0.1,
                },
                &NOISE_SCAN_NT,
                STUDY_SEEDS,
            )?,
            ellipse: curve(
                &|a| Perturbation::Ellipticity { axis_ratio: a },
                &ELLIPTICITY_SCAN,
                1,
            )?,
            speed: curve(
                &|a| Perturbation::SpeedError { fraction: a },
                &SPEED_SCAN,
                1,
            )?,
            direction: curve(
                &|a| Perturbation::DirectionError { degrees: a },
                &DIRECTION_SCAN_DEG,
                1,
            )?,
        })
    }
}
