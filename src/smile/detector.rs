//! A quantitative smile detector: the sign pattern of a gradient distribution around the
//! crescent ring.
//!
//! At a position z the crescent ring is the speed `v_c` at which the crescent's excess over
//! the opposite gyrophase, `f(v, 0) - f(v, 180 deg)`, peaks in the perpendicular plane
//! (`v_par = 0`; gyrophase 0 is `+v_perp1`, the electron flow direction). Around that ring the
//! gradient `g(theta)` is read at 5 deg steps. A smile is declared when the centre sector
//! (`|theta| <= 15 deg`) is positive and each side (30–150 deg and -150 to -30 deg) has a
//! negative minimum (an eye), all three beyond [`SMILE_THRESHOLD`] of `max |g|` on the ring.

use super::crescent::{CrescentModel, fac_to_layer};

/// Fraction of the ring's largest |gradient| the centre and both eyes must exceed.
pub const SMILE_THRESHOLD: f64 = 0.1;
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
}

impl RingReading {
    /// Whether the sign pattern is a smile: centre above, both eyes below the threshold.
    pub fn is_smile(&self) -> bool {
        let t = SMILE_THRESHOLD * self.scale;
        self.scale > 0.0 && self.centre > t && self.eyes.iter().all(|e| *e < -t)
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
    (0..(360.0 / STEP_DEG) as usize).map(|k| -180.0 + STEP_DEG * k as f64).collect()
}

/// The crescent ring speed at `z`: where `f(v, 0) - f(v, 180 deg)` peaks, searched over 0.1
/// to 4 thermal speeds.
pub fn ring_speed(model: &CrescentModel, z: f64) -> f64 {
    let w = model.thermal_speed;
    (1..=80)
        .map(|k| 0.05 * k as f64 * w)
        .max_by(|a, b| {
            let excess = |v: f64| model.phase_space_density(z, ring_velocity(v, 0.0)) - model.phase_space_density(z, ring_velocity(v, 180.0));
            excess(*a).total_cmp(&excess(*b))
        })
        .unwrap_or(w)
}

/// Reads the ring at `z` for the gradient `gradient(v)` (any estimate of d f / d z at the
/// layer-frame velocity v).
pub fn read_ring(model: &CrescentModel, z: f64, gradient: impl Fn([f64; 3]) -> f64) -> RingReading {
    let speed = ring_speed(model, z);
    let angles = ring_angles();
    let f: Vec<f64> = angles.iter().map(|a| model.phase_space_density(z, ring_velocity(speed, *a))).collect();
    let g: Vec<f64> = angles.iter().map(|a| gradient(ring_velocity(speed, *a))).collect();
    let (f_min, f_max) = f.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    let half = 0.5 * (f_min + f_max);
    let extent = STEP_DEG * f.iter().filter(|v| **v > half).count() as f64;
    let scale = g.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let sector = |low: f64, high: f64| angles.iter().zip(&g).filter(move |(a, _)| **a >= low && **a <= high).map(|(a, v)| (*a, *v));
    let centre_values: Vec<f64> = sector(-15.0, 15.0).map(|(_, v)| v).collect();
    let centre = centre_values.iter().sum::<f64>() / centre_values.len() as f64;
    let eye = |low: f64, high: f64| sector(low, high).fold((0.0, f64::INFINITY), |(angle, min), (a, v)| if v < min { (a, v) } else { (angle, min) });
    let (upper_angle, upper) = eye(30.0, 150.0);
    let (lower_angle, lower) = eye(-150.0, -30.0);
    RingReading { ring_speed: speed, crescent_extent_deg: extent, centre, eyes: [upper, lower], eye_angles_deg: [upper_angle, lower_angle], scale }
}
