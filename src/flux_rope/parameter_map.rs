//! Which change of Table 1 would reproduce the observed rope? The far field is set mostly by
//! the rotation component's pressure, `alpha_r n T_r`, so this maps the model's observable
//! features over the plane of `alpha_r` and `tau_r = T_r/T_b`, the other entries as printed,
//! for a reading of the mu-terms.

use super::equilibrium::RadialGrid;
use super::mu_iteration::{IterationSettings, fixed_point};
use super::sensitivity::{SENSITIVITY_GRID, TABLE_1_INPUTS, parameters_from};
use super::{FluxRopeError, MuReading};
use crate::plasma::units;

/// Index of `alpha_r` and `tau_r` in [`TABLE_1_INPUTS`].
const ALPHA_R: usize = 0;
const TAU_R: usize = 9;

/// What the model gives at one point of the plane.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapPoint {
    /// `alpha_r`.
    pub alpha_r: f64,
    /// `tau_r`.
    pub tau_r: f64,
    /// `None` where the reading is singular or quasi-neutrality fails (not regular).
    pub features: Option<Features>,
}

/// The observable features of a solved rope.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Features {
    /// Field strength at the grid's outer radius (500 km), nT.
    pub far_field_nt: f64,
    /// `T_perp/T_par` on the axis.
    pub anisotropy_inside: f64,
    /// `T_perp/T_par` at the outer radius.
    pub anisotropy_outside: f64,
}

impl Features {
    /// Whether the rope matches what was observed (Sec. 2): a far field within
    /// `field_tolerance_nt` of 15 nT, `T_perp > T_par` inside and `T_perp < T_par` outside.
    pub fn matches_observation(&self, field_tolerance_nt: f64) -> bool {
        let background = super::published::BACKGROUND_FIELD_NT.value;
        (self.far_field_nt - background).abs() <= field_tolerance_nt
            && self.anisotropy_inside > 1.0
            && self.anisotropy_outside < 1.0
    }
}

/// The features over `alphas` x `taus`, Table 1's other entries as printed, for `reading`,
/// on the sensitivity grid (0–500 km, 0.5 km steps): the limit of the paper's iteration
/// ([`fixed_point`]), so a point is irregular only where that reading's own equilibrium
/// fails, not where the b = 0 model the iteration would start from does.
///
/// # Errors
/// [`FluxRopeError::NonPositive`] for an empty axis; solver errors other than a singular
/// reading or a missing potential (those mark the point irregular).
pub fn parameter_map(
    reading: MuReading,
    alphas: &[f64],
    taus: &[f64],
) -> Result<Vec<MapPoint>, FluxRopeError> {
    if alphas.is_empty() || taus.is_empty() {
        return Err(FluxRopeError::NonPositive {
            parameter: "points on each axis of the map",
            value: 0.0,
        });
    }
    let grid: RadialGrid = SENSITIVITY_GRID;
    let mut points = Vec::with_capacity(alphas.len() * taus.len());
    for &alpha_r in alphas {
        for &tau_r in taus {
            let mut values = TABLE_1_INPUTS.map(|q| q.value);
            values[ALPHA_R] = alpha_r;
            values[TAU_R] = tau_r;
            let params = parameters_from(&values);
            let features = match fixed_point(&params, reading, grid, IterationSettings::default()) {
                Ok(converged) => {
                    let profile = converged.profile;
                    let last = profile.rho_m.len() - 1;
                    Some(Features {
                        far_field_nt: units::to_nanotesla(profile.field_magnitude(last)),
                        anisotropy_inside: profile.anisotropy(0),
                        anisotropy_outside: profile.anisotropy(last),
                    })
                }
                Err(
                    FluxRopeError::SingularReading { .. }
                    | FluxRopeError::NoPotential { .. }
                    | FluxRopeError::NotConverged { .. }
                    | FluxRopeError::NegativeBackground { .. },
                ) => None,
                Err(other) => return Err(other),
            };
            points.push(MapPoint {
                alpha_r,
                tau_r,
                features,
            });
        }
    }
    Ok(points)
}
