//! Temperature or pressure tensors in magnetic-field-aligned coordinates (MFA): the parallel
//! and perpendicular parts, the agyrotropic remainder, and Swisdak's (2016) agyrotropy
//! measure, as used by Richard et al. (2025, Sec. III.1) and Shuster et al. (2026).

use nalgebra::{Matrix3, Vector3};

/// Why a tensor could not be put in field-aligned form.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FieldAlignedError {
    /// The magnetic field is zero or not finite, so there is no direction b.
    #[error("magnetic field is zero or not finite: no field-aligned frame")]
    NoFieldDirection,
    /// The tensor holds a NaN or infinity.
    #[error("tensor holds a non-finite element")]
    NonFiniteTensor,
    /// Pressure and temperature tensors are symmetric.
    #[error("tensor is not symmetric (largest asymmetry {asymmetry:.3e})")]
    NotSymmetric {
        /// Largest |T_ij - T_ji| relative to the largest element.
        asymmetry: f64,
    },
    /// A finite tensor whose field-aligned parts are not finite: elements near 1e154 or more
    /// overflow the products, and a zero tensor has no agyrotropy (0/0).
    #[error(
        "the field-aligned {quantity} is not finite for this tensor (zero, or elements too large)"
    )]
    NotFinite {
        /// The quantity (`tensor` or `agyrotropy`).
        quantity: &'static str,
    },
}

/// Relative asymmetry accepted as round-off in a measured tensor.
const SYMMETRY_TOLERANCE: f64 = 1e-9;

/// A symmetric tensor split as `T = T_par b b + T_perp (1 - b b) + Theta`, in the frame whose
/// perpendicular axes make the two perpendicular diagonal elements equal, so that the
/// agyrotropic part `Theta` has a zero diagonal there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FieldAlignedTensor {
    /// `b . T . b`.
    pub parallel: f64,
    /// The (equal) perpendicular diagonal element, `(tr T - T_par) / 2`.
    pub perpendicular: f64,
    /// `Theta` in the field-aligned frame (rows and columns: b, e1, e2); zero diagonal.
    pub agyrotropic: Matrix3<f64>,
    /// The frame: columns b, e1, e2 (a right-handed orthonormal basis).
    pub frame: Matrix3<f64>,
}

fn validate(
    tensor: &Matrix3<f64>,
    field: &Vector3<f64>,
) -> Result<Vector3<f64>, FieldAlignedError> {
    if !tensor.iter().all(|x| x.is_finite()) {
        return Err(FieldAlignedError::NonFiniteTensor);
    }
    let scale = tensor.amax().max(f64::MIN_POSITIVE);
    let asymmetry = (tensor - tensor.transpose()).amax() / scale;
    if asymmetry > SYMMETRY_TOLERANCE {
        return Err(FieldAlignedError::NotSymmetric { asymmetry });
    }
    // Scaled by its largest component first, so that |B| = 1e308 does not overflow the norm.
    let largest = field.amax();
    if !(largest.is_finite() && largest > 0.0) {
        return Err(FieldAlignedError::NoFieldDirection);
    }
    (field / largest)
        .try_normalize(0.0)
        .ok_or(FieldAlignedError::NoFieldDirection)
}

/// Splits `tensor` (any unit) into field-aligned parts for the field `field` (any unit).
///
/// # Errors
/// [`FieldAlignedError`] for a zero field, a non-finite or a non-symmetric tensor.
///
/// ```
/// use mmsbook::field_aligned::field_aligned;
/// use nalgebra::{Matrix3, Vector3};
/// // A gyrotropic tensor about z: T_par = 2, T_perp = 5.
/// let t = Matrix3::from_diagonal(&Vector3::new(5.0, 5.0, 2.0));
/// let split = field_aligned(&t, &Vector3::z()).unwrap();
/// assert!((split.parallel - 2.0).abs() < 1e-12 && (split.perpendicular - 5.0).abs() < 1e-12);
/// assert!(split.agyrotropic.amax() < 1e-12);
/// ```
pub fn field_aligned(
    tensor: &Matrix3<f64>,
    field: &Vector3<f64>,
) -> Result<FieldAlignedTensor, FieldAlignedError> {
    let b = validate(tensor, field)?;
    // Any perpendicular pair, from the lab axis least aligned with b.
    let helper = if b.x.abs() < 0.9 {
        Vector3::x()
    } else {
        Vector3::y()
    };
    let u = b.cross(&helper).normalize();
    let w = b.cross(&u);
    let (a, d, c) = (
        u.dot(&(tensor * u)),
        w.dot(&(tensor * w)),
        u.dot(&(tensor * w)),
    );
    // Rotating (u, w) by alpha changes the diagonal difference to (a - d) cos 2a + 2c sin 2a.
    let alpha = 0.5 * (d - a).atan2(2.0 * c);
    let (e1, e2) = (
        alpha.cos() * u + alpha.sin() * w,
        -alpha.sin() * u + alpha.cos() * w,
    );
    let frame = Matrix3::from_columns(&[b, e1, e2]);
    let in_frame = frame.transpose() * tensor * frame;
    let parallel = in_frame[(0, 0)];
    let perpendicular = 0.5 * (in_frame[(1, 1)] + in_frame[(2, 2)]);
    let mut agyrotropic =
        in_frame - Matrix3::from_diagonal(&Vector3::new(parallel, perpendicular, perpendicular));
    for i in 0..3 {
        agyrotropic[(i, i)] = 0.0; // zero up to round-off by construction
    }
    if !(parallel.is_finite()
        && perpendicular.is_finite()
        && agyrotropic.iter().all(|x| x.is_finite()))
    {
        return Err(FieldAlignedError::NotFinite { quantity: "tensor" });
    }
    Ok(FieldAlignedTensor {
        parallel,
        perpendicular,
        agyrotropic,
        frame,
    })
}

/// Swisdak's (2016, GRL 43, 43, doi:10.1002/2015GL066980) agyrotropy `sqrt(Q)`, with
/// `Q = 1 - 4 I2 / ((I1 - P_par)(I1 + 3 P_par))`: 0 for a gyrotropic tensor, at most 1.
///
/// # Errors
/// As [`field_aligned`].
pub fn swisdak_agyrotropy(
    tensor: &Matrix3<f64>,
    field: &Vector3<f64>,
) -> Result<f64, FieldAlignedError> {
    let b = validate(tensor, field)?;
    let p = tensor;
    let i1 = p.trace();
    let i2 = p[(0, 0)] * p[(1, 1)] + p[(0, 0)] * p[(2, 2)] + p[(1, 1)] * p[(2, 2)]
        - (p[(0, 1)] * p[(1, 0)] + p[(0, 2)] * p[(2, 0)] + p[(1, 2)] * p[(2, 1)]);
    let parallel = b.dot(&(p * b));
    let q = 1.0 - 4.0 * i2 / ((i1 - parallel) * (i1 + 3.0 * parallel));
    if !q.is_finite() {
        return Err(FieldAlignedError::NotFinite {
            quantity: "agyrotropy",
        });
    }
    // Round-off can take a gyrotropic Q a few ulps below zero.
    Ok(q.max(0.0).sqrt())
}
