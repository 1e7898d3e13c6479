//! Field-line curvature `(b . grad) b` from four-spacecraft magnetic field (Shen et al. 2003,
//! doi:10.1029/2002JA009612), with `b = B/|B|` normalised at each spacecraft *before*
//! differencing, so the estimate is not contaminated by gradients of |B|.
//!
//! Two conventions for the direction the gradient of `b` is projected on are in use:
//! [`Tetrahedron::curvature`] normalises the mean of the four unit vectors, so the projection
//! is on a unit vector; [`Tetrahedron::curvature_unnormalised_mean`] projects on the plain
//! mean, as pyrfu and irfu-matlab do, which shortens the curvature by the mean's length.

use super::{Tetrahedron, TetrahedronError};
use nalgebra::Vector3;

/// Field-line curvature at the barycentre.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FieldCurvature {
    /// Curvature vector `(b . grad) b`, m^-1; points towards the centre of curvature.
    pub vector_per_m: Vector3<f64>,
    /// The field direction at the barycentre that the gradient was projected on: a unit
    /// vector for [`Tetrahedron::curvature`], the plain mean of the four unit vectors (length
    /// at most 1) for [`Tetrahedron::curvature_unnormalised_mean`].
    pub b_hat: Vector3<f64>,
}

impl FieldCurvature {
    /// Curvature radius `R_c = 1 / |(b . grad) b|`, m (infinite for straight field lines).
    pub fn radius_m(&self) -> f64 {
        1.0 / self.vector_per_m.norm()
    }
}

/// The unit field direction at each spacecraft.
fn unit_directions(field: &[Vector3<f64>; 4]) -> Result<[Vector3<f64>; 4], TetrahedronError> {
    let mut b_hat = [Vector3::zeros(); 4];
    for (spacecraft, (unit, b)) in b_hat.iter_mut().zip(field).enumerate() {
        let magnitude = b.norm();
        if !(magnitude.is_finite() && magnitude > 0.0) {
            return Err(TetrahedronError::NoFieldDirection {
                spacecraft: spacecraft + 1,
            });
        }
        *unit = b / magnitude;
    }
    Ok(b_hat)
}

/// The mean of the four unit vectors, `<b> = (1/4) sum_a b_a`; its length is 1 when the four
/// directions agree and shrinks as the field turns across the tetrahedron.
///
/// # Errors
/// [`TetrahedronError::FieldReversesInside`] if the four directions cancel.
fn mean_direction(b_hat: &[Vector3<f64>; 4]) -> Result<Vector3<f64>, TetrahedronError> {
    let mean = b_hat.iter().sum::<Vector3<f64>>() / 4.0;
    // Four unit vectors can only cancel if the field reverses inside the tetrahedron.
    if mean.norm() > f64::EPSILON {
        Ok(mean)
    } else {
        Err(TetrahedronError::FieldReversesInside)
    }
}

impl Tetrahedron {
    /// Field-line curvature from the magnetic field at the four spacecraft (any unit: only
    /// the direction enters): `kappa = (b0 . grad) b` with `grad b = sum_a k_a b_a^T` and
    /// `b0 = <b>/|<b>|` the normalised mean of the four unit vectors `b_a = B_a/|B_a|`.
    ///
    /// # Errors
    /// [`TetrahedronError::NoFieldDirection`] if B is zero or non-finite at a spacecraft,
    /// [`TetrahedronError::FieldReversesInside`] if the four directions cancel.
    ///
    /// ```
    /// use mmsbook::tetrahedron::Tetrahedron;
    /// use nalgebra::Vector3;
    /// // Circular field lines about the z axis, B = (-y, x, 0)/r, seen 100 km from the axis
    /// // by a 1 km tetrahedron: R_c = 100 km.
    /// let centre = Vector3::new(100e3, 0.0, 0.0);
    /// let offsets = [[1.,1.,1.], [1.,-1.,-1.], [-1.,1.,-1.], [-1.,-1.,1.]]
    ///     .map(|o| centre + Vector3::from(o) * 500.0);
    /// let tetra = Tetrahedron::new(offsets.map(|p| [p.x, p.y, p.z])).unwrap();
    /// let field = offsets.map(|p| Vector3::new(-p.y, p.x, 0.0) / p.xy().norm());
    /// let curvature = tetra.curvature(&field).unwrap();
    /// assert!((curvature.radius_m() / 100e3 - 1.0).abs() < 1e-3);
    /// ```
    pub fn curvature(&self, field: &[Vector3<f64>; 4]) -> Result<FieldCurvature, TetrahedronError> {
        let b_hat = unit_directions(field)?;
        let centre_b_hat = mean_direction(&b_hat)?.normalize();
        Ok(FieldCurvature {
            vector_per_m: self.gradient_vector(&b_hat)?.along(&centre_b_hat),
            b_hat: centre_b_hat,
        })
    }

    /// Field-line curvature in the convention of pyrfu (`pyrfu.pyrf.c_4_grad(r, b, "curv")`)
    /// and irfu-matlab (`c_4_grad(r, b, 'curvature')`): the gradient of the unit vectors is
    /// projected on their plain mean, `kappa = (<b> . grad) b` with `<b> = (1/4) sum_a b_a`,
    /// not normalised. Both tools compute the "curvature" as their `bdivb` option applied to
    /// the unit vectors, and `bdivb` projects on the four-spacecraft average of its input.
    ///
    /// The result is [`Tetrahedron::curvature`] times `|<b>| <= 1`: the same direction, a
    /// magnitude smaller by the length of the mean unit vector, which departs from 1 as the
    /// field direction turns across the tetrahedron (by `1 - cos(theta/2)` for two pairs of
    /// spacecraft seeing directions `theta` apart). The curvature radius comes out longer by
    /// `1/|<b>|`.
    ///
    /// # Errors
    /// As [`Tetrahedron::curvature`].
    ///
    /// ```
    /// use mmsbook::tetrahedron::Tetrahedron;
    /// use nalgebra::Vector3;
    /// // The circular field lines of `curvature`'s example, now seen 2 km from the axis by
    /// // the same 1 km tetrahedron: the field turns by tens of degrees inside it.
    /// let centre = Vector3::new(2e3, 0.0, 0.0);
    /// let offsets = [[1.,1.,1.], [1.,-1.,-1.], [-1.,1.,-1.], [-1.,-1.,1.]]
    ///     .map(|o| centre + Vector3::from(o) * 500.0);
    /// let tetra = Tetrahedron::new(offsets.map(|p| [p.x, p.y, p.z])).unwrap();
    /// let field = offsets.map(|p| Vector3::new(-p.y, p.x, 0.0) / p.xy().norm());
    /// let ours = tetra.curvature(&field).unwrap();
    /// let pyrfu = tetra.curvature_unnormalised_mean(&field).unwrap();
    /// let mean_length = pyrfu.b_hat.norm();
    /// assert!(mean_length < 0.99);
    /// assert!((pyrfu.vector_per_m.norm() / ours.vector_per_m.norm() - mean_length).abs() < 1e-12);
    /// ```
    pub fn curvature_unnormalised_mean(
        &self,
        field: &[Vector3<f64>; 4],
    ) -> Result<FieldCurvature, TetrahedronError> {
        let b_hat = unit_directions(field)?;
        let mean = mean_direction(&b_hat)?;
        Ok(FieldCurvature {
            vector_per_m: self.gradient_vector(&b_hat)?.along(&mean),
            b_hat: mean,
        })
    }
}
