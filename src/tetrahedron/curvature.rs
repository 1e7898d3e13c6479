//! Field-line curvature `(b . grad) b` from four-spacecraft magnetic field (Shen et al. 2003,
//! doi:10.1029/2002JA009612), with `b = B/|B|` normalised at each spacecraft *before*
//! differencing, so the estimate is not contaminated by gradients of |B|.

use super::{Tetrahedron, TetrahedronError};
use nalgebra::Vector3;

/// Field-line curvature at the barycentre.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FieldCurvature {
    /// Curvature vector `(b . grad) b`, m^-1; points towards the centre of curvature.
    pub vector_per_m: Vector3<f64>,
    /// The unit field direction at the barycentre used for the projection.
    pub b_hat: Vector3<f64>,
}

impl FieldCurvature {
    /// Curvature radius `R_c = 1 / |(b . grad) b|`, m (infinite for straight field lines).
    pub fn radius_m(&self) -> f64 {
        1.0 / self.vector_per_m.norm()
    }
}

impl Tetrahedron {
    /// Field-line curvature from the magnetic field at the four spacecraft (any unit: only
    /// the direction enters).
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
        let mut b_hat = [Vector3::zeros(); 4];
        for (spacecraft, (unit, b)) in b_hat.iter_mut().zip(field).enumerate() {
            let magnitude = b.norm();
            if !(magnitude.is_finite() && magnitude > 0.0) {
                return Err(TetrahedronError::NoFieldDirection { spacecraft: spacecraft + 1 });
            }
            *unit = b / magnitude;
        }
        let gradient = self.gradient_vector(&b_hat);
        let mean_direction = b_hat.iter().sum::<Vector3<f64>>();
        // Four unit vectors can only cancel if the field reverses inside the tetrahedron.
        let Some(centre_b_hat) = mean_direction.try_normalize(f64::EPSILON) else {
            return Err(TetrahedronError::FieldReversesInside);
        };
        Ok(FieldCurvature { vector_per_m: gradient.along(&centre_b_hat), b_hat: centre_b_hat })
    }
}
