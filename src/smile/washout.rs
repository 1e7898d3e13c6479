//! Which separation along the normal washes the normal smile out, as a function of how wide
//! the smile band is: the scaling behind the chapter's argument about MMS's 5 d_e. Thinner
//! layers (a smaller half-thickness `delta`) make narrower bands; for each, the band's width
//! is read with a fine centred difference and the wash-out separation is the smallest
//! spacing (or tetrahedron side) at which the strongest smile is no longer detected.

use super::SmileError;
use super::crescent::CrescentModel;
use super::detector::{GradientEstimate, band_width, scan, strongest};
use super::gradient::TETRAHEDRON_ANGLES;

/// Spacing of the fine difference that reads the band, d_e.
pub const FINE_DZ_DE: f64 = 0.25;
/// Step of the separation scan, d_e.
pub const SEPARATION_STEP_DE: f64 = 0.25;
/// Largest separation scanned, d_e.
pub const MAX_SEPARATION_DE: f64 = 12.0;

/// One layer's band and the separations that wash its smile out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Washout {
    /// Half-thickness of the layer, d_e.
    pub thickness_de: f64,
    /// Width of the smile band read with the fine difference, d_e.
    pub band_width_de: f64,
    /// Smallest centred-difference spacing that loses the smile, d_e (`None`: beyond the scan).
    pub difference_de: Option<f64>,
    /// Smallest regular-tetrahedron side that loses the smile, d_e.
    pub tetrahedron_de: Option<f64>,
}

/// Half-thicknesses the scan is bounded for, d_e: its positions number about
/// `30 max(delta, 1) / min(delta, 1)`, a few thousand at these ends.
pub const THICKNESS_RANGE_DE: (f64, f64) = (0.05, 20.0);

/// The band and wash-out separations of the reference model with half-thickness
/// `thickness_de`. `None` if that layer has no smile at all.
///
/// # Errors
/// [`SmileError::OutOfRange`] for a thickness outside [`THICKNESS_RANGE_DE`] (or not
/// finite), or a failed reading.
pub fn washout(thickness_de: f64) -> Result<Option<Washout>, SmileError> {
    let (thinnest, thickest) = THICKNESS_RANGE_DE;
    if !(thinnest..=thickest).contains(&thickness_de) {
        return Err(SmileError::OutOfRange {
            parameter: "layer half-thickness (d_e, 0.05 to 20)",
            value: thickness_de,
        });
    }
    let mut model = CrescentModel::reference();
    model.layer.thickness_de = thickness_de;
    // Scan over three half-thicknesses (at least 3 d_e) in steps fine for the layer.
    let step = 0.125 * thickness_de.min(1.0);
    let reach = 3.0 * thickness_de.max(1.0);
    let positions: Vec<f64> = (0..)
        .map(|k| -thickness_de + step * f64::from(k))
        .take_while(|z| *z <= reach)
        .collect();
    let readings = scan(
        &model,
        GradientEstimate::Difference {
            dz: FINE_DZ_DE * thickness_de.min(1.0),
        },
        &positions,
    )?;
    let (Some(width), Some((z, _))) = (band_width(&readings, step), strongest(&readings)) else {
        return Ok(None);
    };
    let lost = |estimate: &dyn Fn(f64) -> GradientEstimate| -> Result<Option<f64>, SmileError> {
        let mut separation = SEPARATION_STEP_DE;
        while separation <= MAX_SEPARATION_DE {
            if !estimate(separation).read(&model, z)?.is_smile() {
                return Ok(Some(separation));
            }
            separation += SEPARATION_STEP_DE;
        }
        Ok(None)
    };
    Ok(Some(Washout {
        thickness_de,
        band_width_de: width,
        difference_de: lost(&|dz| GradientEstimate::Difference { dz })?,
        tetrahedron_de: lost(&|side| GradientEstimate::Tetrahedron {
            side,
            angles_rad: TETRAHEDRON_ANGLES,
        })?,
    }))
}
