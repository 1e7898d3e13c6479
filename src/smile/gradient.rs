//! Gradient distributions `grad f(v)`: finite differences along the layer normal (with or
//! without the PIC's spatial binning) and the four-spacecraft estimate through the toolkit.

use super::error::{SmileError, positive};
use super::grids::{SampledDistribution, VelocityGrid};
use super::phase_space::ElectronLayer;
use crate::tetrahedron::Tetrahedron;
use ndarray::ArrayD;

/// Orientation of the chapter's virtual tetrahedra, rad.
pub const TETRAHEDRON_ANGLES: [f64; 3] = [0.3, 0.9, 0.2];

/// `(f(z + dz/2, v) - f(z - dz/2, v)) / dz` at the layer-frame velocity `v`, per d_e.
pub fn centred_difference(
    model: &(impl ElectronLayer + ?Sized),
    z: f64,
    dz: f64,
    v: [f64; 3],
) -> f64 {
    (model.phase_space_density(z + 0.5 * dz, v) - model.phase_space_density(z - 0.5 * dz, v)) / dz
}

/// Samples per PIC bin when averaging over it.
const BIN_SAMPLES: usize = 8;

/// `f` averaged over a PIC accumulation bin of width `bin` (d_e) centred at `z`.
pub fn binned(model: &(impl ElectronLayer + ?Sized), z: f64, bin: f64, v: [f64; 3]) -> f64 {
    (0..BIN_SAMPLES)
        .map(|k| {
            model.phase_space_density(
                z - 0.5 * bin + bin * (k as f64 + 0.5) / BIN_SAMPLES as f64,
                v,
            )
        })
        .sum::<f64>()
        / BIN_SAMPLES as f64
}

/// The centred difference of bin-averaged distributions, as from PIC output binned at `bin`.
pub fn binned_difference(
    model: &(impl ElectronLayer + ?Sized),
    z: f64,
    dz: f64,
    bin: f64,
    v: [f64; 3],
) -> f64 {
    (binned(model, z + 0.5 * dz, bin, v) - binned(model, z - 0.5 * dz, bin, v)) / dz
}

/// A regular tetrahedron of side `side` (d_e), rotated by `[yaw, pitch, roll]` (rad), centred
/// at `(0, 0, z)`: vertex positions, d_e.
pub fn regular_tetrahedron(side: f64, angles_rad: [f64; 3], z: f64) -> [[f64; 3]; 4] {
    crate::tetrahedron::regular_vertices(side, angles_rad).map(|[x, y, zv]| [x, y, zv + z])
}

/// The four-spacecraft gradient of four sampled distributions at `positions` (d_e), bin by
/// bin through [`Tetrahedron::gradient_distribution`]: one more axis in front (x, y, z), per d_e.
///
/// # Errors
/// [`SmileError::GridMismatch`] if the four grids differ, [`SmileError::Tetrahedron`] for a
/// degenerate tetrahedron or non-finite samples.
pub fn four_spacecraft(
    samples: [&SampledDistribution; 4],
    positions: [[f64; 3]; 4],
) -> Result<ArrayD<f64>, SmileError> {
    if let Some(index) = samples.iter().position(|s| s.grid != samples[0].grid) {
        return Err(SmileError::GridMismatch {
            spacecraft: index + 1,
        });
    }
    let tetrahedron = Tetrahedron::new(positions)?;
    let views = samples.map(|s| s.values.view());
    Ok(tetrahedron.gradient_distribution(views)?)
}

/// The normal gradient `d f / d z` seen by a regular tetrahedron of side `side` (d_e) centred
/// at `z`, on `grid`.
///
/// # Errors
/// As [`four_spacecraft`]; [`SmileError::NonPositive`] for a bad side, a non-physical model
/// or an empty grid.
pub fn tetrahedron_normal_gradient(
    model: &(impl ElectronLayer + ?Sized),
    z: f64,
    side: f64,
    angles_rad: [f64; 3],
    grid: &VelocityGrid,
) -> Result<ArrayD<f64>, SmileError> {
    positive("tetrahedron side (d_e)", side)?;
    model.validate()?;
    grid.validate()?;
    let positions = regular_tetrahedron(side, angles_rad, z);
    let samples = positions.map(|p| grid.sample(model, p[2]));
    let gradient = four_spacecraft(
        [&samples[0], &samples[1], &samples[2], &samples[3]],
        positions,
    )?;
    Ok(gradient.index_axis(ndarray::Axis(0), 2).to_owned())
}
