//! Tetrahedron shape: elongation and planarity from the volumetric tensor (Robert et al.
//! 1998, ISSI SR-001 ch. 13).

use nalgebra::{Matrix3, SymmetricEigen, Vector3};

/// Shape of a tetrahedron from the eigenvalues `a >= b >= c` of its volumetric tensor
/// `R = (1/4) sum_a (r_a - r_b)(r_a - r_b)^T`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quality {
    /// `E = 1 - sqrt(b/a)`: 0 for a regular tetrahedron, 1 for a line.
    pub elongation: f64,
    /// `P = 1 - sqrt(c/b)`: 0 for a regular tetrahedron, 1 for a flat one.
    pub planarity: f64,
    /// Characteristic size `2 sqrt(a)`, m: the length along the largest axis.
    pub size_m: f64,
}

pub(super) fn quality(r: &[Vector3<f64>; 4]) -> Quality {
    let centre = r.iter().sum::<Vector3<f64>>() / 4.0;
    let tensor: Matrix3<f64> = r
        .iter()
        .map(|p| (p - centre) * (p - centre).transpose())
        .sum::<Matrix3<f64>>()
        / 4.0;
    let mut eigenvalues: Vec<f64> = SymmetricEigen::new(tensor)
        .eigenvalues
        .iter()
        .map(|e| e.max(0.0))
        .collect();
    eigenvalues.sort_by(|x, y| y.total_cmp(x));
    let [a, b, c] = [eigenvalues[0], eigenvalues[1], eigenvalues[2]];
    Quality {
        elongation: 1.0 - (b / a).sqrt(),
        planarity: 1.0 - (c / b).sqrt(),
        size_m: 2.0 * a.sqrt(),
    }
}
