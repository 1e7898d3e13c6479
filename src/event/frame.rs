//! The LMN frame an analysis works in: given on the command line (`--lmn`), or from minimum
//! variance analysis of the four-spacecraft mean field.

use super::EventError;
use super::four::FourSpacecraft;
use crate::mva::MinimumVariance;
use nalgebra::Vector3;
use serde::Serialize;

/// An LMN frame: L the maximum-variance (reversing) direction, N the normal, M = N x L.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Frame {
    /// L, GSE unit vector.
    pub l: [f64; 3],
    /// M, GSE unit vector.
    pub m: [f64; 3],
    /// N, GSE unit vector.
    pub n: [f64; 3],
    /// MVA's eigenvalues, max, intermediate, min, nT^2 (`null` for a given frame): the
    /// normal is well determined when the intermediate is several times the minimum.
    pub eigenvalues_nt2: Option<[f64; 3]>,
}

/// Parses `count` finite numbers separated by commas, semicolons or spaces, the value of
/// option `parameter` (`what` says what they are, for the message).
///
/// # Errors
/// [`EventError::Option`] naming `parameter`.
pub fn parse_numbers(
    text: &str,
    parameter: &'static str,
    count: usize,
    what: &str,
) -> Result<Vec<f64>, EventError> {
    let bad = |reason: String| EventError::Option { parameter, reason };
    let numbers: Vec<f64> = text
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<f64>()
                .map_err(|_| bad(format!("{s:?} is not a number")))
        })
        .collect::<Result<_, _>>()?;
    if numbers.len() != count || numbers.iter().any(|v| !v.is_finite()) {
        return Err(bad(format!(
            "expected {count} finite numbers ({what}), got {}",
            numbers.len()
        )));
    }
    Ok(numbers)
}

/// Parses `--lmn`: nine numbers, the GSE components of L, M and N in that order, normalised
/// here; the three must be orthogonal within 1 degree.
///
/// # Errors
/// [`EventError::Option`] naming `--lmn`.
pub fn parse_lmn(text: &str) -> Result<Frame, EventError> {
    let bad = |reason: String| EventError::Option {
        parameter: "--lmn",
        reason,
    };
    let numbers = parse_numbers(text, "--lmn", 9, "L, M, N in GSE")?;
    let axis = |k: usize| Vector3::new(numbers[3 * k], numbers[3 * k + 1], numbers[3 * k + 2]);
    let (l, m, n) = (axis(0), axis(1), axis(2));
    if [l, m, n].iter().any(|v| v.norm() == 0.0) {
        return Err(bad("an axis is zero".to_owned()));
    }
    let (l, m, n) = (l.normalize(), m.normalize(), n.normalize());
    let tolerance = 1f64.to_radians().sin();
    if l.dot(&m).abs() > tolerance
        || l.dot(&n).abs() > tolerance
        || m.dot(&n).abs() > tolerance
        || l.cross(&m).dot(&n) < 0.0
    {
        return Err(bad(
            "L, M, N must be orthogonal (within 1 deg) and right-handed".to_owned(),
        ));
    }
    Ok(Frame {
        l: l.into(),
        m: m.into(),
        n: n.into(),
        eigenvalues_nt2: None,
    })
}

/// The frame from MVA of the four-spacecraft mean field, L and N turned towards the hints
/// (GSE): for a tail current sheet +x and +z, the sunward field above a sheet whose normal
/// points north.
///
/// # Errors
/// [`EventError::Method`] (for `analysis`) if MVA fails.
pub fn mva_frame(
    data: &FourSpacecraft,
    l_hint: &Vector3<f64>,
    n_hint: &Vector3<f64>,
    analysis: &'static str,
) -> Result<Frame, EventError> {
    let mean: Vec<Vector3<f64>> = (0..data.times.len())
        .map(|k| data.mean_field_nt(k))
        .collect();
    let mva = MinimumVariance::from_samples(&mean)
        .map_err(|e| EventError::Method {
            analysis,
            reason: format!("MVA: {e}"),
        })?
        .oriented(l_hint, n_hint);
    Ok(Frame {
        l: mva.l.into(),
        m: mva.m.into(),
        n: mva.n.into(),
        eigenvalues_nt2: Some(mva.eigenvalues),
    })
}

impl Frame {
    /// The axes as vectors, L, M, N.
    pub fn axes(&self) -> [Vector3<f64>; 3] {
        [
            Vector3::from(self.l),
            Vector3::from(self.m),
            Vector3::from(self.n),
        ]
    }
}
