//! A quantitative smile detector: the sign pattern of a gradient distribution around the
//! crescent ring.
//!
//! At a position z the crescent ring is the speed `v_c` at which the crescent's excess over
//! the opposite gyrophase, `f(v, 0) - f(v, 180 deg)`, peaks in the perpendicular plane
//! (`v_par = 0`; gyrophase 0 is `+v_perp1`, the electron flow direction). Around that ring the
//! gradient `g(theta)` is read at 5 deg steps. A smile is declared when the centre sector
//! (`|theta| <= 15 deg`) is positive and each side (30–150 deg and -150 to -30 deg) has a
//! negative minimum (an eye), all three beyond [`SMILE_THRESHOLD`] of `max |g|` on the ring,
//! and the distribution on the ring has a crescent of contrast at least [`CRESCENT_CONTRAST`].

use super::crescent::fac_to_layer;
use super::phase_space::ElectronLayer;

/// Fraction of the ring's largest |gradient| the centre and both eyes must exceed.
pub const SMILE_THRESHOLD: f64 = 0.1;
/// A crescent must be there to smile: `(max f - min f) / max f` on the ring at least this.
pub const CRESCENT_CONTRAST: f64 = 0.2;
/// Gyrophase step around the ring, deg.
const STEP_DEG: f64 = 5.0;

/// What the detector found at one position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RingReading {
    /// Crescent ring speed, `d_e Omega_ce`.
    pub ring_speed: f64,
    /// Gyrophase extent of the crescent: the full width (deg) over which `f` on the ring
    /// exceeds the midpoint of its minimum and maximum.
    pub crescent_extent_deg: f64,
    /// Mean gradient over the centre sector.
    pub centre: f64,
    /// Eye minima `[theta > 0 side, theta < 0 side]`.
    pub eyes: [f64; 2],
    /// Gyrophases of the eyes, deg.
    pub eye_angles_deg: [f64; 2],
    /// Largest |gradient| on the ring.
    pub scale: f64,
    /// `(max f - min f) / max f` on the ring: how much of a crescent there is.
    pub crescent_contrast: f64,
}

impl RingReading {
    /// Whether the sign pattern is a smile: centre above, both eyes below the threshold.
    pub fn is_smile(&self) -> bool {
        let t = SMILE_THRESHOLD * self.scale;
        self.crescent_contrast >= CRESCENT_CONTRAST
            && self.scale > 0.0
            && self.centre > t
            && self.eyes.iter().all(|e| *e < -t)
    }

    /// `min(centre, -eye_1, -eye_2) / scale`: positive for a smile, its size the weakest part.
    pub fn smile_strength(&self) -> f64 {
        if self.scale == 0.0 {
            return 0.0;
        }
        self.centre.min(-self.eyes[0]).min(-self.eyes[1]) / self.scale
    }
}

/// Velocity on the perpendicular ring of speed `speed` at gyrophase `theta_deg`, layer frame.
pub fn ring_velocity(speed: f64, theta_deg: f64) -> [f64; 3] {
    let (s, c) = theta_deg.to_radians().sin_cos();
    fac_to_layer([0.0, speed * c, speed * s])
}

/// Gyrophases sampled around the ring, deg (-180 to 175).
pub fn ring_angles() -> Vec<f64> {
    (0..(360.0 / STEP_DEG) as usize)
        .map(|k| -180.0 + STEP_DEG * k as f64)
        .collect()
}

/// The crescent ring speed at `z`: where `f(v, 0) - f(v, 180 deg)` peaks, searched over 0.1
/// to 4 thermal speeds.
pub fn ring_speed(model: &(impl ElectronLayer + ?Sized), z: f64) -> f64 {
    let w = model.thermal_speed();
    (1..=80)
        .map(|k| 0.05 * k as f64 * w)
        .max_by(|a, b| {
            let excess = |v: f64| {
                model.phase_space_density(z, ring_velocity(v, 0.0))
                    - model.phase_space_density(z, ring_velocity(v, 180.0))
            };
            excess(*a).total_cmp(&excess(*b))
        })
        .unwrap_or(w)
}

/// Reads the ring at `z` for the gradient `gradient(v)` (any estimate of d f / d z at the
/// layer-frame velocity v).
pub fn read_ring(
    model: &(impl ElectronLayer + ?Sized),
    z: f64,
    gradient: impl Fn([f64; 3]) -> f64,
) -> RingReading {
    let speed = ring_speed(model, z);
    let g: Vec<f64> = ring_angles()
        .iter()
        .map(|a| gradient(ring_velocity(speed, *a)))
        .collect();
    read_ring_values(model, z, speed, &g)
}

/// Reads the ring of speed `speed` at `z` from gradient values `g` already sampled at
/// [`ring_angles`] (for instance on a [`super::grids::VelocityGrid::Ring`] of 72 points).
pub fn read_ring_values(
    model: &(impl ElectronLayer + ?Sized),
    z: f64,
    speed: f64,
    g: &[f64],
) -> RingReading {
    let f: Vec<f64> = ring_angles()
        .iter()
        .map(|a| model.phase_space_density(z, ring_velocity(speed, *a)))
        .collect();
    read_sampled_ring(speed, &f, g)
}

/// Reads a ring from samples alone: the distribution `f` and the gradient `g` at
/// [`ring_angles`] on the ring of speed `speed` (any unit, reported back). This is how
/// measured distributions are read (`event::gradient_distribution`), with the same rule.
pub fn read_sampled_ring(speed: f64, f: &[f64], g: &[f64]) -> RingReading {
    let angles = ring_angles();
    let (f_min, f_max) = f
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        });
    let half = 0.5 * (f_min + f_max);
    let extent = STEP_DEG * f.iter().filter(|v| **v > half).count() as f64;
    let g = g.to_vec();
    let scale = g.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let sector = |low: f64, high: f64| {
        angles
            .iter()
            .zip(&g)
            .filter(move |(a, _)| **a >= low && **a <= high)
            .map(|(a, v)| (*a, *v))
    };
    let centre_values: Vec<f64> = sector(-15.0, 15.0).map(|(_, v)| v).collect();
    let centre = centre_values.iter().sum::<f64>() / centre_values.len() as f64;
    let eye = |low: f64, high: f64| {
        sector(low, high).fold((0.0, f64::INFINITY), |(angle, min), (a, v)| {
            if v < min { (a, v) } else { (angle, min) }
        })
    };
    let (upper_angle, upper) = eye(30.0, 150.0);
    let (lower_angle, lower) = eye(-150.0, -30.0);
    RingReading {
        ring_speed: speed,
        crescent_extent_deg: extent,
        centre,
        eyes: [upper, lower],
        eye_angles_deg: [upper_angle, lower_angle],
        scale,
        crescent_contrast: (f_max - f_min) / f_max,
    }
}

/// How the normal gradient is estimated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GradientEstimate {
    /// Centred difference over `dz` (d_e).
    Difference {
        /// Spacing, d_e.
        dz: f64,
    },
    /// Centred difference over `dz` of distributions averaged over PIC bins of width `bin`.
    Binned {
        /// Spacing, d_e.
        dz: f64,
        /// Bin width, d_e.
        bin: f64,
    },
    /// A regular tetrahedron of side `side` (d_e) through the toolkit.
    Tetrahedron {
        /// Side, d_e.
        side: f64,
        /// Orientation `[yaw, pitch, roll]`, rad.
        angles_rad: [f64; 3],
    },
}

impl GradientEstimate {
    /// The ring reading at `z` with this estimate.
    ///
    /// # Errors
    /// [`super::SmileError`] for a non-physical model, a non-finite z, a bad spacing or a
    /// degenerate tetrahedron.
    pub fn read(
        &self,
        model: &(impl ElectronLayer + ?Sized),
        z: f64,
    ) -> Result<RingReading, super::SmileError> {
        use super::gradient::{binned_difference, centred_difference, tetrahedron_normal_gradient};
        model.validate()?;
        super::error::finite("z (d_e)", z)?;
        match *self {
            GradientEstimate::Difference { dz } => {
                super::error::positive("dz (d_e)", dz)?;
                Ok(read_ring(model, z, |v| centred_difference(model, z, dz, v)))
            }
            GradientEstimate::Binned { dz, bin } => {
                super::error::positive("dz (d_e)", dz)?;
                super::error::positive("bin (d_e)", bin)?;
                Ok(read_ring(model, z, |v| {
                    binned_difference(model, z, dz, bin, v)
                }))
            }
            GradientEstimate::Tetrahedron { side, angles_rad } => {
                let speed = ring_speed(model, z);
                let grid = super::grids::VelocityGrid::Ring {
                    speed,
                    count: ring_angles().len(),
                };
                let g = tetrahedron_normal_gradient(model, z, side, angles_rad, &grid)?;
                let values: Vec<f64> = g.iter().copied().collect();
                Ok(read_ring_values(model, z, speed, &values))
            }
        }
    }
}

/// Readings along z at `positions` (d_e).
///
/// # Errors
/// As [`GradientEstimate::read`].
pub fn scan(
    model: &(impl ElectronLayer + ?Sized),
    estimate: GradientEstimate,
    positions: &[f64],
) -> Result<Vec<(f64, RingReading)>, super::SmileError> {
    positions
        .iter()
        .map(|&z| Ok((z, estimate.read(model, z)?)))
        .collect()
}

/// First and last positions of a scan where the smile is detected, if any.
pub fn band(readings: &[(f64, RingReading)]) -> Option<(f64, f64)> {
    let smiles: Vec<f64> = readings
        .iter()
        .filter(|(_, r)| r.is_smile())
        .map(|(z, _)| *z)
        .collect();
    Some((*smiles.first()?, *smiles.last()?))
}

/// z positions (d_e) at which the chapter reads the ring: 0 to 3 d_e every
/// [`SCAN_STEP_DE`].
pub fn scan_positions() -> Vec<f64> {
    (0..=24).map(|k| SCAN_STEP_DE * k as f64).collect()
}

/// Step of [`scan_positions`], d_e: the resolution of every width read off a scan.
pub const SCAN_STEP_DE: f64 = 0.125;

/// The strongest smile of a scan, `(z, reading)`.
pub fn strongest(readings: &[(f64, RingReading)]) -> Option<(f64, RingReading)> {
    readings
        .iter()
        .filter(|(_, r)| r.is_smile())
        .copied()
        .max_by(|a, b| a.1.smile_strength().total_cmp(&b.1.smile_strength()))
}

/// Width (d_e) of the band where a scan with step `step` detects the smile: from the first
/// to the last smiling position, plus one step (each reading stands for its cell). `None`
/// without a smile or for a step that is not positive and finite.
pub fn band_width(readings: &[(f64, RingReading)], step: f64) -> Option<f64> {
    let step = Some(step).filter(|s| s.is_finite() && *s > 0.0)?;
    band(readings).map(|(start, end)| end - start + step)
}

/// Distance (d_e) over which the crescent's gyrophase extent shrinks from `from_deg` to
/// `to_deg`, by linear interpolation between scan positions.
pub fn narrowing_distance(
    readings: &[(f64, RingReading)],
    from_deg: f64,
    to_deg: f64,
) -> Option<f64> {
    let crossing = |target: f64| {
        readings.windows(2).find_map(|w| {
            let (a, b) = (w[0].1.crescent_extent_deg, w[1].1.crescent_extent_deg);
            (a >= target && b < target).then(|| w[0].0 + (a - target) / (a - b) * (w[1].0 - w[0].0))
        })
    };
    Some(crossing(to_deg)? - crossing(from_deg)?)
}

/// The largest regular-tetrahedron side (d_e) among `sides` (ascending) at which the
/// four-spacecraft estimate at `z` still shows the smile, with orientation `angles_rad`.
///
/// # Errors
/// As [`GradientEstimate::read`].
pub fn largest_smiling_side(
    model: &(impl ElectronLayer + ?Sized),
    z: f64,
    sides: &[f64],
    angles_rad: [f64; 3],
) -> Result<Option<f64>, super::SmileError> {
    let mut largest = None;
    for &side in sides {
        if (GradientEstimate::Tetrahedron { side, angles_rad })
            .read(model, z)?
            .is_smile()
        {
            largest = Some(side);
        }
    }
    Ok(largest)
}
