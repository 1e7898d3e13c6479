//! A regular tetrahedron of given side in any orientation: the virtual formations of the
//! chapters.

/// Vertices of a regular tetrahedron of side `side` (any length unit), centred on the origin
/// and rotated by the Z-Y-X Euler angles `[yaw, pitch, roll]` (rad).
///
/// ```
/// let v = mmsbook::tetrahedron::regular_vertices(10.0, [0.3, 0.9, 0.2]);
/// let d = |a: [f64; 3], b: [f64; 3]| (0..3).map(|i| (a[i] - b[i]).powi(2)).sum::<f64>().sqrt();
/// assert!((d(v[0], v[1]) - 10.0).abs() < 1e-12 && (d(v[2], v[3]) - 10.0).abs() < 1e-12);
/// ```
pub fn regular_vertices(side: f64, [yaw, pitch, roll]: [f64; 3]) -> [[f64; 3]; 4] {
    let half = side / (2.0 * 2f64.sqrt());
    let (sy, cy, sp, cp, sr, cr) = (
        yaw.sin(),
        yaw.cos(),
        pitch.sin(),
        pitch.cos(),
        roll.sin(),
        roll.cos(),
    );
    let rotation = [
        [cy * cp, cy * sp * sr - sy * cr, cy * sp * cr + sy * sr],
        [sy * cp, sy * sp * sr + cy * cr, sy * sp * cr - cy * sr],
        [-sp, cp * sr, cp * cr],
    ];
    [
        [1.0, 1.0, 1.0],
        [1.0, -1.0, -1.0],
        [-1.0, 1.0, -1.0],
        [-1.0, -1.0, 1.0],
    ]
    .map(|corner| std::array::from_fn(|i| (0..3).map(|j| rotation[i][j] * corner[j] * half).sum()))
}
