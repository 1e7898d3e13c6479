//! Four-spacecraft analysis: reciprocal vectors and the linear estimates built on them.
//!
//! A [`Tetrahedron`] holds four spacecraft positions and their reciprocal vectors `k_a`
//! (Chanteur 1998, ISSI Scientific Report SR-001, ch. 14; Paschmann & Daly eds.). With them
//! the linear (barycentric) estimate of the gradient of any quantity `Q` sampled at the four
//! spacecraft is `grad Q = sum_a k_a Q_a`: a scalar, a vector, or a whole velocity-space
//! distribution bin by bin (the smile paper, Shuster et al. 2026, Methods).
//!
//! Positions are in metres, so gradients come out per metre; convert at the edges.

mod curvature;
mod distribution;
mod error;
mod quality;
mod reciprocal;
mod regular;

pub use curvature::FieldCurvature;
pub use error::TetrahedronError;
pub use quality::Quality;
pub use regular::regular_vertices;

use nalgebra::{Matrix3, Vector3};

/// Four spacecraft positions (m) and their reciprocal vectors (m^-1), validated to span a
/// volume.
#[derive(Debug, Clone, PartialEq)]
pub struct Tetrahedron {
    positions_m: [Vector3<f64>; 4],
    reciprocal: [Vector3<f64>; 4],
}

/// The gradient of a vector field, with the index convention in the name:
/// `grad_v[(i, j)] = d V_j / d x_i` (row = derivative direction, column = component).
///
/// So `divergence = trace`, and the directional derivative along a unit vector `u` is
/// `(u . grad) V = grad_v^T u`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VectorGradient(pub Matrix3<f64>);

impl VectorGradient {
    /// `d V_j / d x_i`, in the unit of `V` per metre.
    pub fn d_component_d_axis(&self, axis: usize, component: usize) -> f64 {
        self.0[(axis, component)]
    }

    /// The divergence `sum_i d V_i / d x_i`.
    pub fn divergence(&self) -> f64 {
        self.0.trace()
    }

    /// The curl `eps_ijk d V_k / d x_j`.
    pub fn curl(&self) -> Vector3<f64> {
        let g = &self.0;
        Vector3::new(
            g[(1, 2)] - g[(2, 1)],
            g[(2, 0)] - g[(0, 2)],
            g[(0, 1)] - g[(1, 0)],
        )
    }

    /// The directional derivative `(u . grad) V` along `u` (not normalised here).
    pub fn along(&self, u: &Vector3<f64>) -> Vector3<f64> {
        self.0.transpose() * u
    }
}

impl Tetrahedron {
    /// A tetrahedron from four positions in metres.
    ///
    /// # Errors
    /// [`TetrahedronError::NonFinitePosition`], [`TetrahedronError::RepeatedPosition`] when
    /// two spacecraft coincide, and [`TetrahedronError::Coplanar`] when the four points
    /// (nearly) lie in one plane, so no three-dimensional gradient exists.
    ///
    /// ```
    /// use mmsbook::tetrahedron::Tetrahedron;
    /// let regular = Tetrahedron::new([
    ///     [1.0, 1.0, 1.0], [1.0, -1.0, -1.0], [-1.0, 1.0, -1.0], [-1.0, -1.0, 1.0],
    /// ]).unwrap();
    /// // A regular tetrahedron is neither elongated nor planar.
    /// let q = regular.quality();
    /// assert!(q.elongation < 1e-12 && q.planarity < 1e-12);
    /// ```
    pub fn new(positions_m: [[f64; 3]; 4]) -> Result<Self, TetrahedronError> {
        let positions_m = positions_m.map(Vector3::from);
        let reciprocal = reciprocal::reciprocal_vectors(&positions_m)?;
        Ok(Tetrahedron {
            positions_m,
            reciprocal,
        })
    }

    /// The four positions, m.
    pub fn positions_m(&self) -> &[Vector3<f64>; 4] {
        &self.positions_m
    }

    /// The barycentre (mesocentre) of the four positions, m: where the linear estimates apply.
    pub fn barycentre_m(&self) -> Vector3<f64> {
        self.positions_m.iter().sum::<Vector3<f64>>() / 4.0
    }

    /// The reciprocal vectors `k_a`, m^-1. They sum to zero.
    pub fn reciprocal_vectors(&self) -> &[Vector3<f64>; 4] {
        &self.reciprocal
    }

    /// Linear gradient of a scalar sampled at the four spacecraft: `sum_a k_a phi_a`,
    /// in the unit of `phi` per metre.
    ///
    /// ```
    /// use mmsbook::tetrahedron::Tetrahedron;
    /// let t = Tetrahedron::new([[0.,0.,0.], [1.,0.,0.], [0.,1.,0.], [0.,0.,1.]]).unwrap();
    /// // phi = 2x - y + 3z
    /// let g = t.gradient_scalar([0.0, 2.0, -1.0, 3.0]).unwrap();
    /// assert!((g - nalgebra::Vector3::new(2.0, -1.0, 3.0)).norm() < 1e-12);
    /// ```
    ///
    /// # Errors
    /// [`TetrahedronError::NonFiniteSample`] for a NaN or infinite value,
    /// [`TetrahedronError::Overflow`] if finite values overflow the gradient.
    pub fn gradient_scalar(&self, values: [f64; 4]) -> Result<Vector3<f64>, TetrahedronError> {
        finite_samples(values.map(|v| [v]).iter().map(|v| v.as_slice()))?;
        finite_result(
            "gradient",
            self.reciprocal.iter().zip(values).map(|(k, v)| k * v).sum(),
        )
    }

    /// Linear gradient of a vector field sampled at the four spacecraft,
    /// `G_ij = sum_a k_a,i V_a,j` (see [`VectorGradient`] for the index convention).
    ///
    /// # Errors
    /// As [`Tetrahedron::gradient_scalar`].
    pub fn gradient_vector(
        &self,
        values: &[Vector3<f64>; 4],
    ) -> Result<VectorGradient, TetrahedronError> {
        finite_samples(values.iter().map(|v| v.as_slice()))?;
        let gradient: Matrix3<f64> = self
            .reciprocal
            .iter()
            .zip(values)
            .map(|(k, v)| k * v.transpose())
            .sum();
        if !gradient.iter().all(|x| x.is_finite()) {
            return Err(TetrahedronError::Overflow {
                quantity: "gradient",
            });
        }
        Ok(VectorGradient(gradient))
    }

    /// Divergence `sum_a k_a . V_a` of a vector field, in the unit of `V` per metre.
    ///
    /// # Errors
    /// As [`Tetrahedron::gradient_scalar`].
    pub fn divergence(&self, values: &[Vector3<f64>; 4]) -> Result<f64, TetrahedronError> {
        finite_samples(values.iter().map(|v| v.as_slice()))?;
        let divergence: f64 = self
            .reciprocal
            .iter()
            .zip(values)
            .map(|(k, v)| k.dot(v))
            .sum();
        if divergence.is_finite() {
            Ok(divergence)
        } else {
            Err(TetrahedronError::Overflow {
                quantity: "divergence",
            })
        }
    }

    /// Curl `sum_a k_a x V_a` of a vector field, in the unit of `V` per metre. Applied to B
    /// (T) and divided by mu0 this is the curlometer current density, A/m^2.
    ///
    /// # Errors
    /// As [`Tetrahedron::gradient_scalar`].
    pub fn curl(&self, values: &[Vector3<f64>; 4]) -> Result<Vector3<f64>, TetrahedronError> {
        finite_samples(values.iter().map(|v| v.as_slice()))?;
        finite_result(
            "curl",
            self.reciprocal
                .iter()
                .zip(values)
                .map(|(k, v)| k.cross(v))
                .sum(),
        )
    }

    /// Geometric quality of the tetrahedron (elongation and planarity).
    pub fn quality(&self) -> Quality {
        quality::quality(&self.positions_m)
    }
}

/// Checks the samples of the four spacecraft (in order) are finite: a NaN would otherwise
/// come back as a NaN gradient.
fn finite_samples<'a>(samples: impl Iterator<Item = &'a [f64]>) -> Result<(), TetrahedronError> {
    for (index, sample) in samples.enumerate() {
        if !sample.iter().all(|x| x.is_finite()) {
            return Err(TetrahedronError::NonFiniteSample {
                spacecraft: index + 1,
            });
        }
    }
    Ok(())
}

/// A vector result, if finite: finite samples of 1e308 still overflow the sum.
fn finite_result(
    quantity: &'static str,
    value: Vector3<f64>,
) -> Result<Vector3<f64>, TetrahedronError> {
    if value.iter().all(|x| x.is_finite()) {
        Ok(value)
    } else {
        Err(TetrahedronError::Overflow { quantity })
    }
}
