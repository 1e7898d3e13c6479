//! The chapter's question asked of the self-consistent layer: where does the detector find a
//! smile, how wide is the band, and how does the crescent's gyrophase extent change with z,
//! next to the prescribed-field model read the same way.
//!
//! The detector reads the ring where `f(v, 0) - f(v, 180 deg)` peaks. In the full
//! distribution that is the Harris population drifting along -y up to about 2 d_e past the
//! reversal, not the crescent; [`Backgrounds`] is the layer without it, the magnetosheath
//! electrons that make the crescent, so the crescent can be read on its own.

use super::layer::SelfConsistentLayer;
use crate::smile::SmileError;
use crate::smile::crescent::CrescentModel;
use crate::smile::detector::{GradientEstimate, RingReading, scan};
use crate::smile::phase_space::ElectronLayer;

/// Positions where the detector reads both layers, d_e: -1 to 4 every 0.125.
pub fn detector_positions() -> Vec<f64> {
    (0..=40).map(|k| -1.0 + 0.125 * f64::from(k)).collect()
}

/// Step of [`detector_positions`], d_e.
pub const DETECTOR_STEP_DE: f64 = 0.125;

/// The self-consistent layer's electrons without the Harris population: the two labelled
/// backgrounds, which carry the crescent.
#[derive(Debug, Clone, Copy)]
pub struct Backgrounds<'a>(pub &'a SelfConsistentLayer);

impl ElectronLayer for Backgrounds<'_> {
    fn phase_space_density(&self, z: f64, v: [f64; 3]) -> f64 {
        self.0.background_density(&self.0.plasma.electrons, z, v)
    }

    fn thermal_speed(&self) -> f64 {
        self.0.thermal_speed()
    }

    fn validate(&self) -> Result<(), SmileError> {
        self.0.validate()
    }
}

/// The detector's readings with the chapter's estimate (a centred difference over 1 d_e).
#[derive(Debug, Clone, PartialEq)]
pub struct Readings {
    /// The self-consistent layer's whole electron distribution.
    pub full: Vec<(f64, RingReading)>,
    /// Its backgrounds alone (see [`Backgrounds`]).
    pub backgrounds: Vec<(f64, RingReading)>,
    /// The prescribed-field crescent model.
    pub prescribed: Vec<(f64, RingReading)>,
}

/// The readings of [`Readings`] along [`detector_positions`], scanned once per process: the
/// claims and the chapter's figure both read them.
///
/// # Errors
/// [`SmileError`] from the solve or the scan.
pub fn readings() -> Result<&'static Readings, SmileError> {
    static READINGS: std::sync::OnceLock<Result<Readings, SmileError>> = std::sync::OnceLock::new();
    crate::once::computed_once(&READINGS, || {
        let estimate = GradientEstimate::Difference { dz: 1.0 };
        let z = detector_positions();
        let layer = SelfConsistentLayer::reference()?;
        Ok(Readings {
            full: scan(layer, estimate, &z)?,
            backgrounds: scan(&Backgrounds(layer), estimate, &z)?,
            prescribed: scan(&CrescentModel::reference(), estimate, &z)?,
        })
    })
}

/// The largest crescent extent of a scan on the magnetospheric side (`z > 0`) and where, deg
/// and d_e.
pub fn widest_crescent(readings: &[(f64, RingReading)]) -> Option<(f64, f64)> {
    readings
        .iter()
        .filter(|(z, _)| *z > 0.0)
        .map(|(z, r)| (r.crescent_extent_deg, *z))
        .max_by(|a, b| a.0.total_cmp(&b.0))
}
