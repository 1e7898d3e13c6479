//! Reciprocal vectors of four positions (Chanteur 1998, ISSI SR-001 Eq. 14.7).

use super::error::TetrahedronError;
use nalgebra::Vector3;

/// Two positions closer than this fraction of the longest edge count as the same point:
/// far below any real MMS separation error (~100 m in ~10 km), far above round-off.
const REPEATED_POINT_FRACTION: f64 = 1e-9;

/// A tetrahedron whose volume is below this fraction of the regular tetrahedron with the same
/// longest edge is treated as coplanar: the gradient along its normal would be amplified by
/// the inverse of this ratio, i.e. dominated by measurement error.
const COPLANAR_VOLUME_FRACTION: f64 = 1e-6;

/// `k_a = (r_bc x r_bd) / (r_ba . (r_bc x r_bd))` with `(a, b, c, d)` a permutation of the
/// four spacecraft and `r_bc = r_c - r_b`, in m^-1.
pub(super) fn reciprocal_vectors(
    r: &[Vector3<f64>; 4],
) -> Result<[Vector3<f64>; 4], TetrahedronError> {
    validate(r)?;
    Ok(std::array::from_fn(|a| {
        let [b, c, d] = others(a);
        let normal = (r[c] - r[b]).cross(&(r[d] - r[b]));
        normal / (r[a] - r[b]).dot(&normal)
    }))
}

fn others(a: usize) -> [usize; 3] {
    let mut rest = [0; 3];
    for (slot, i) in rest.iter_mut().zip((0..4).filter(|&i| i != a)) {
        *slot = i;
    }
    rest
}

fn validate(r: &[Vector3<f64>; 4]) -> Result<(), TetrahedronError> {
    if let Some(spacecraft) = r.iter().position(|p| !p.iter().all(|x| x.is_finite())) {
        return Err(TetrahedronError::NonFinitePosition {
            spacecraft: spacecraft + 1,
        });
    }
    let pairs = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)];
    let longest_edge = pairs
        .iter()
        .map(|&(i, j)| (r[i] - r[j]).norm())
        .fold(0.0, f64::max);
    for &(i, j) in &pairs {
        if (r[i] - r[j]).norm() <= REPEATED_POINT_FRACTION * longest_edge || longest_edge == 0.0 {
            return Err(TetrahedronError::RepeatedPosition {
                first: i + 1,
                second: j + 1,
            });
        }
    }
    let volume = (r[1] - r[0])
        .dot(&(r[2] - r[0]).cross(&(r[3] - r[0])))
        .abs()
        / 6.0;
    let regular_volume = longest_edge.powi(3) / (6.0 * std::f64::consts::SQRT_2);
    let volume_ratio = volume / regular_volume;
    if volume_ratio < COPLANAR_VOLUME_FRACTION {
        return Err(TetrahedronError::Coplanar { volume_ratio });
    }
    Ok(())
}
