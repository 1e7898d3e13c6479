//! Minimum variance analysis of the magnetic field (Sonnerup & Scheible 1998, ISSI SR-001
//! ch. 8): the eigenvectors of the field's covariance matrix give a boundary's L, M, N frame.

use nalgebra::{Matrix3, SymmetricEigen, Vector3};

/// Why MVA could not run on the given samples.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MvaError {
    /// At least three samples are needed for a 3x3 covariance of rank up to two.
    #[error("MVA needs at least 3 field samples, got {samples}")]
    TooFewSamples {
        /// Number of samples given.
        samples: usize,
    },
    /// A sample has a NaN or infinite component.
    #[error("field sample {index} is not finite")]
    NonFiniteSample {
        /// Zero-based index of the offending sample.
        index: usize,
    },
    /// The field does not vary (beyond rounding): every direction is a minimum-variance
    /// direction, so there is no frame to return.
    #[error("the field is constant over the {samples} samples: no variance to analyse")]
    NoVariance {
        /// Number of samples given.
        samples: usize,
    },
    /// The covariance of finite samples overflows a double (components near 1e154 or more).
    #[error("the field's covariance overflows: rescale the samples")]
    Overflow,
}

/// The result of MVA: eigenvalues in descending order and the right-handed L, M, N frame.
///
/// Sign rule (deterministic, data independent): L and N each have their largest-magnitude
/// component positive, and M = N x L completes a right-handed frame (L x M = N). Use
/// [`MinimumVariance::oriented`] to impose a physical orientation instead (e.g. N towards
/// the north lobe).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MinimumVariance {
    /// Eigenvalues `lambda_max >= lambda_int >= lambda_min`, in (unit of B)^2.
    pub eigenvalues: [f64; 3],
    /// Maximum-variance direction.
    pub l: Vector3<f64>,
    /// Intermediate-variance direction.
    pub m: Vector3<f64>,
    /// Minimum-variance direction: the boundary normal.
    pub n: Vector3<f64>,
}

impl MinimumVariance {
    /// MVA of a series of field vectors (any unit).
    ///
    /// # Errors
    /// [`MvaError::TooFewSamples`] with fewer than 3 samples, [`MvaError::NonFiniteSample`],
    /// [`MvaError::NoVariance`] for a constant field, [`MvaError::Overflow`].
    ///
    /// ```
    /// use mmsbook::mva::MinimumVariance;
    /// use nalgebra::Vector3;
    /// // A field rotating in the x-y plane with constant B_z: the normal is z.
    /// let b: Vec<_> = (0..50).map(|i| {
    ///     let a = i as f64 * 0.06;
    ///     Vector3::new(10.0 * a.cos(), 4.0 * a.sin(), 2.0)
    /// }).collect();
    /// let mva = MinimumVariance::from_samples(&b).unwrap();
    /// assert!((mva.n.z.abs() - 1.0).abs() < 1e-9);
    /// assert!(mva.eigenvalues[0] > mva.eigenvalues[1]);
    /// ```
    pub fn from_samples(field: &[Vector3<f64>]) -> Result<Self, MvaError> {
        if field.len() < 3 {
            return Err(MvaError::TooFewSamples {
                samples: field.len(),
            });
        }
        if let Some(index) = field.iter().position(|b| !b.iter().all(|x| x.is_finite())) {
            return Err(MvaError::NonFiniteSample { index });
        }
        let count = field.len() as f64;
        let mean = field.iter().sum::<Vector3<f64>>() / count;
        let covariance: Matrix3<f64> = field
            .iter()
            .map(|b| (b - mean) * (b - mean).transpose())
            .sum::<Matrix3<f64>>()
            / count;
        if !covariance.iter().all(|x| x.is_finite()) {
            return Err(MvaError::Overflow);
        }
        // Variance below the rounding of the largest component is no variance at all.
        let largest = field
            .iter()
            .flat_map(|b| b.iter())
            .fold(0.0f64, |m, x| m.max(x.abs()));
        if covariance.trace() <= (4.0 * f64::EPSILON * largest).powi(2) {
            return Err(MvaError::NoVariance {
                samples: field.len(),
            });
        }
        let eigen = SymmetricEigen::new(covariance);
        let mut order = [0, 1, 2];
        order.sort_by(|&i, &j| eigen.eigenvalues[j].total_cmp(&eigen.eigenvalues[i]));
        let eigenvalues = order.map(|i| eigen.eigenvalues[i]);
        let l = largest_component_positive(eigen.eigenvectors.column(order[0]).into());
        let n = largest_component_positive(eigen.eigenvectors.column(order[2]).into());
        Ok(MinimumVariance {
            eigenvalues,
            l,
            m: n.cross(&l),
            n,
        })
    }

    /// The same frame with L and N flipped, if needed, so that `L . l_hint > 0` and
    /// `N . n_hint > 0`; M is recomputed to keep the frame right-handed.
    pub fn oriented(self, l_hint: &Vector3<f64>, n_hint: &Vector3<f64>) -> Self {
        let l = if self.l.dot(l_hint) < 0.0 {
            -self.l
        } else {
            self.l
        };
        let n = if self.n.dot(n_hint) < 0.0 {
            -self.n
        } else {
            self.n
        };
        MinimumVariance {
            l,
            m: n.cross(&l),
            n,
            ..self
        }
    }

    /// Ratio of intermediate to minimum eigenvalue: a well-determined normal needs it
    /// large (commonly > 5–10).
    pub fn intermediate_to_minimum(&self) -> f64 {
        self.eigenvalues[1] / self.eigenvalues[2]
    }

    /// The field expressed in the L, M, N frame.
    pub fn to_lmn(&self, b: &Vector3<f64>) -> Vector3<f64> {
        Vector3::new(b.dot(&self.l), b.dot(&self.m), b.dot(&self.n))
    }
}

fn largest_component_positive(v: Vector3<f64>) -> Vector3<f64> {
    let v = v.normalize();
    if v[v.iamax()] < 0.0 { -v } else { v }
}
