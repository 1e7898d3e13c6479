//! The flux-rope centre from contour intersections (Eq. 5): the point whose distances to the
//! eight intersections of each contour are most nearly equal.

use super::crossing::{Formation, Intersection};
use super::error::FluxRopeError;
use crate::fit::{NelderMeadSettings, minimise};
use crate::plasma::units;

/// The intersections of one contour, placed in the LN plane.
#[derive(Debug, Clone, PartialEq)]
pub struct ContourPoints {
    /// Contour, T.
    pub level_t: f64,
    /// Intersection points `[L, N]`, km.
    pub points_ln_km: Vec<[f64; 2]>,
    /// Whether each point is an inbound crossing.
    pub inbound: Vec<bool>,
}

/// Places each intersection where its spacecraft was, assuming it moved with
/// `assumed_velocity_lmn_ms` (m/s) from its t = 0 position, grouped by contour.
pub fn locate(
    formation: &Formation,
    intersections: &[Intersection],
    assumed_velocity_lmn_ms: [f64; 3],
) -> Vec<ContourPoints> {
    let mut contours: Vec<ContourPoints> = Vec::new();
    for crossing in intersections {
        let p = formation.position(
            crossing.spacecraft,
            crossing.time_s,
            assumed_velocity_lmn_ms,
        );
        let point = [units::to_km(p[0]), units::to_km(p[2])];
        match contours.iter_mut().find(|c| c.level_t == crossing.level_t) {
            Some(contour) => {
                contour.points_ln_km.push(point);
                contour.inbound.push(crossing.inbound);
            }
            None => contours.push(ContourPoints {
                level_t: crossing.level_t,
                points_ln_km: vec![point],
                inbound: vec![crossing.inbound],
            }),
        }
    }
    contours
}

/// Distances `d_ij` (km) from `centre_ln_km` to the points of each contour.
pub fn distances(contours: &[ContourPoints], centre_ln_km: [f64; 2]) -> Vec<Vec<f64>> {
    contours
        .iter()
        .map(|c| {
            c.points_ln_km
                .iter()
                .map(|p| distance(*p, centre_ln_km))
                .collect()
        })
        .collect()
}

/// Distance between two points of the LN plane, km. The plain root of the sum of squares:
/// hypot's guard against overflow is not needed for distances in km, and it was an eighth
/// of the chapter's claims (the loss study's fits evaluate it millions of times).
fn distance(point_ln_km: [f64; 2], centre_ln_km: [f64; 2]) -> f64 {
    let (dl, dn) = (
        point_ln_km[0] - centre_ln_km[0],
        point_ln_km[1] - centre_ln_km[1],
    );
    (dl * dl + dn * dn).sqrt()
}

/// Eq. 5: the mean over contours of the variance (over the contour's points) of the
/// distances to `centre_ln_km`, km^2.
pub fn loss(contours: &[ContourPoints], centre_ln_km: [f64; 2]) -> f64 {
    // Two passes over each contour's points, the distances computed in each: no allocation
    // in the fits' inner loop.
    let per_contour = contours.iter().map(|c| {
        let d = || c.points_ln_km.iter().map(|p| distance(*p, centre_ln_km));
        let count = c.points_ln_km.len() as f64;
        let mean = d().sum::<f64>() / count;
        d().map(|x| (x - mean).powi(2)).sum::<f64>() / count
    });
    per_contour.sum::<f64>() / contours.len() as f64
}

/// The best-fit centre and its loss.
#[derive(Debug, Clone, PartialEq)]
pub struct CentreFit {
    /// Centre `[L, N]`, km.
    pub centre_ln_km: [f64; 2],
    /// Eq. 5 at the centre, km^2.
    pub loss_km2: f64,
    /// Nelder–Mead iterations used.
    pub iterations: u64,
}

impl CentreFit {
    /// `sqrt(L)`: the typical distance of an intersection from its circle, km.
    pub fn rms_deviation_km(&self) -> f64 {
        self.loss_km2.sqrt()
    }
}

/// Minimises Eq. 5 over the centre by Nelder–Mead (argmin), starting at the mean of all
/// intersections with a 5 km simplex.
///
/// # Errors
/// [`FluxRopeError::Fit`] if there are no contours or the search fails.
pub fn fit_centre(contours: &[ContourPoints]) -> Result<CentreFit, FluxRopeError> {
    let all: Vec<[f64; 2]> = contours
        .iter()
        .flat_map(|c| c.points_ln_km.iter().copied())
        .collect();
    if all.is_empty() {
        return Err(FluxRopeError::Fit("no intersections to fit".into()));
    }
    let mean = |i: usize| all.iter().map(|p| p[i]).sum::<f64>() / all.len() as f64;
    // The loss is ~1e-6 km^2 for a noise-free crossing: converge far below that.
    let settings = NelderMeadSettings {
        cost_tolerance: 1e-16,
        max_iterations: 2_000,
    };
    let fit = minimise(
        |c| loss(contours, [c[0], c[1]]),
        &[mean(0), mean(1)],
        &[5.0, 5.0],
        settings,
    )
    .map_err(|e| FluxRopeError::Fit(e.to_string()))?;
    Ok(CentreFit {
        centre_ln_km: [fit.parameters[0], fit.parameters[1]],
        loss_km2: fit.cost,
        iterations: fit.iterations,
    })
}
