//! The one error type of the `tetrahedron` module.

/// Why four positions or the data sampled on them cannot give a gradient.
/// Spacecraft are numbered 1 to 4, like MMS1..MMS4.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TetrahedronError {
    /// A position has a NaN or infinite coordinate.
    #[error("position of spacecraft {spacecraft} is not finite")]
    NonFinitePosition {
        /// Spacecraft number, 1-4.
        spacecraft: usize,
    },
    /// Two spacecraft sit at the same point.
    #[error("spacecraft {first} and {second} are at the same position")]
    RepeatedPosition {
        /// First spacecraft of the pair, 1-4.
        first: usize,
        /// Second spacecraft of the pair, 1-4.
        second: usize,
    },
    /// The four positions lie (nearly) in one plane.
    #[error(
        "the four positions are coplanar: volume is {volume_ratio:.3e} of a regular tetrahedron"
    )]
    Coplanar {
        /// Volume relative to the regular tetrahedron with the same longest edge.
        volume_ratio: f64,
    },
    /// The four distributions do not share one velocity grid.
    #[error("distribution of spacecraft {spacecraft} has shape {found:?}, expected {expected:?}")]
    ShapeMismatch {
        /// Spacecraft number, 1-4.
        spacecraft: usize,
        /// Shape of spacecraft 1's distribution.
        expected: Vec<usize>,
        /// Shape found.
        found: Vec<usize>,
    },
    /// The caller's output buffer of [`super::Tetrahedron::gradient_distribution_into`] does
    /// not have the shape `[3, <distribution shape>]`.
    #[error(
        "gradient buffer has shape {found:?}, expected {expected:?} (3 x the distribution shape)"
    )]
    OutputShapeMismatch {
        /// `[3, <shape of spacecraft 1's distribution>]`.
        expected: Vec<usize>,
        /// Shape of the buffer given.
        found: Vec<usize>,
    },
    /// A sample (a distribution's phase-space density, a field or scalar value) is NaN or
    /// infinite.
    #[error("the sample of spacecraft {spacecraft} holds a non-finite value")]
    NonFiniteSample {
        /// Spacecraft number, 1-4.
        spacecraft: usize,
    },
    /// The field directions at the four spacecraft cancel on average: the field reverses
    /// inside the tetrahedron, so no single direction b exists at its barycentre.
    #[error("field directions cancel across the tetrahedron: the field reverses inside it")]
    FieldReversesInside,
    /// Finite samples whose gradient (or divergence, curl) does not fit in a double.
    #[error("the {quantity} overflows: the samples are too large for this tetrahedron")]
    Overflow {
        /// `gradient`, `divergence` or `curl`.
        quantity: &'static str,
    },
    /// The field vanishes at a spacecraft, so its direction b = B/|B| is undefined.
    #[error("magnetic field at spacecraft {spacecraft} is zero or not finite: no direction b")]
    NoFieldDirection {
        /// Spacecraft number, 1-4.
        spacecraft: usize,
    },
}
