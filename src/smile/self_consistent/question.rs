//! The chapter's question asked of the self-consistent layer: where does the detector find a
//! smile, how wide is the band, and how does the crescent's gyrophase extent change with z,
//! next to the prescribed-field model read the same way.

use super::layer::SelfConsistentLayer;
use crate::smile::SmileError;
use crate::smile::crescent::CrescentModel;
use crate::smile::detector::{GradientEstimate, RingReading, scan};

/// Positions where the detector reads both layers, d_e: -1 to 4 every 0.125.
pub fn detector_positions() -> Vec<f64> {
    (0..=40).map(|k| -1.0 + 0.125 * f64::from(k)).collect()
}

/// Step of [`detector_positions`], d_e.
pub const DETECTOR_STEP_DE: f64 = 0.125;

/// The detector's readings `[self-consistent, prescribed]` with the chapter's estimate (a
/// centred difference over 1 d_e).
///
/// # Errors
/// [`SmileError`] from the solve or the scan.
pub fn readings() -> Result<[Vec<(f64, RingReading)>; 2], SmileError> {
    let estimate = GradientEstimate::Difference { dz: 1.0 };
    let z = detector_positions();
    Ok([scan(SelfConsistentLayer::reference()?, estimate, &z)?, scan(&CrescentModel::reference(), estimate, &z)?])
}

/// The largest crescent extent of a scan on the magnetospheric side (`z > 0`) and where, deg
/// and d_e.
pub fn widest_crescent(readings: &[(f64, RingReading)]) -> Option<(f64, f64)> {
    readings.iter().filter(|(z, _)| *z > 0.0).map(|(z, r)| (r.crescent_extent_deg, *z)).max_by(|a, b| a.0.total_cmp(&b.0))
}
