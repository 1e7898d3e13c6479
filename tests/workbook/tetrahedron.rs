//! Properties of the four-spacecraft estimators.

use mmsbook::figures::methods::{
    IRREGULAR_TETRAHEDRON, REGULAR_TETRAHEDRON, circular_field_curvature,
};
use mmsbook::tetrahedron::{Tetrahedron, TetrahedronError};
use nalgebra::{Matrix3, Vector3};
use ndarray::Array2;
use proptest::prelude::*;

/// A random tetrahedron about `scale` metres across, rejected by proptest when degenerate.
fn tetrahedron_strategy() -> impl Strategy<Value = (Tetrahedron, [[f64; 3]; 4])> {
    (
        prop::array::uniform4(prop::array::uniform3(-1.0..1.0f64)),
        1.0..1e5f64,
        prop::array::uniform3(-1e7..1e7f64),
    )
        .prop_filter_map("degenerate tetrahedron", |(unit, scale, offset)| {
            let positions = unit.map(|p| [0, 1, 2].map(|i| offset[i] + scale * p[i]));
            let tetrahedron = Tetrahedron::new(positions).ok()?;
            // Keep shapes a real mission would fly; slivers amplify round-off by 1/volume.
            (tetrahedron.quality().planarity < 0.9 && tetrahedron.quality().elongation < 0.9)
                .then_some((tetrahedron, positions))
        })
}

/// Round-off bound for a linear estimate that is exact in theory: values of magnitude up to
/// `max_value`, weighted by reciprocal vectors that are themselves computed from positions far
/// larger than their separations (a relative error of order eps * |r| / size).
fn roundoff_bound(tetrahedron: &Tetrahedron, max_value: f64) -> f64 {
    let size = tetrahedron.quality().size_m;
    let farthest = tetrahedron
        .positions_m()
        .iter()
        .map(|p| p.norm())
        .fold(0.0, f64::max);
    let sum_k: f64 = tetrahedron
        .reciprocal_vectors()
        .iter()
        .map(|k| k.norm())
        .sum();
    64.0 * f64::EPSILON * sum_k * max_value * (1.0 + farthest / size)
}

fn max_abs(values: impl IntoIterator<Item = f64>) -> f64 {
    values.into_iter().map(f64::abs).fold(0.0, f64::max)
}

proptest! {
    #[test]
    fn reciprocal_vectors_sum_to_zero((tetrahedron, _) in tetrahedron_strategy()) {
        let sum: Vector3<f64> = tetrahedron.reciprocal_vectors().iter().sum();
        prop_assert!(sum.norm() <= roundoff_bound(&tetrahedron, 1.0), "sum of k = {sum:?}");
    }

    #[test]
    fn gradient_is_exact_for_linear_scalar_fields(
        (tetrahedron, _) in tetrahedron_strategy(),
        gradient in prop::array::uniform3(-10.0..10.0f64),
        constant in -1e3..1e3f64,
    ) {
        let g = Vector3::from(gradient);
        let values = tetrahedron.positions_m().map(|r| constant + g.dot(&r));
        let estimate = tetrahedron.gradient_scalar(values).unwrap();
        prop_assert!((estimate - g).norm() <= roundoff_bound(&tetrahedron, max_abs(values)),
            "estimate {estimate:?} vs {g:?}");
    }

    #[test]
    fn vector_gradient_divergence_and_curl_are_exact_for_linear_fields(
        (tetrahedron, _) in tetrahedron_strategy(),
        entries in prop::array::uniform9(-5.0..5.0f64),
    ) {
        // V(r) = A r, so d V_j / d x_i = A_ji: the gradient is A^T.
        let a = Matrix3::from_row_slice(&entries);
        let values = tetrahedron.positions_m().map(|r| a * r);
        let tolerance = roundoff_bound(&tetrahedron, max_abs(values.iter().flat_map(|v| v.iter().copied())));
        let gradient = tetrahedron.gradient_vector(&values).unwrap();
        prop_assert!((gradient.0 - a.transpose()).norm() <= tolerance, "gradient {:?}", gradient.0);
        prop_assert!((tetrahedron.divergence(&values).unwrap() - a.trace()).abs() <= tolerance);
        let curl = Vector3::new(a[(2, 1)] - a[(1, 2)], a[(0, 2)] - a[(2, 0)], a[(1, 0)] - a[(0, 1)]);
        prop_assert!((tetrahedron.curl(&values).unwrap() - curl).norm() <= tolerance);
        prop_assert!((gradient.curl() - curl).norm() <= tolerance, "VectorGradient::curl follows the stated convention");
    }

    #[test]
    fn results_are_invariant_under_translation(
        (tetrahedron, positions) in tetrahedron_strategy(),
        shift in prop::array::uniform3(-1e5..1e5f64),
        values in prop::array::uniform4(-1.0..1.0f64),
    ) {
        let moved = Tetrahedron::new(positions.map(|p| [0, 1, 2].map(|i| p[i] + shift[i]))).unwrap();
        let original = tetrahedron.gradient_scalar(values).unwrap();
        let translated = moved.gradient_scalar(values).unwrap();
        prop_assert!((original - translated).norm() <= 1e-6 * original.norm().max(1e-300) + 1e-18,
            "{original:?} vs {translated:?}");
    }

    #[test]
    fn distribution_gradient_is_exact_when_f_varies_linearly(
        (tetrahedron, _) in tetrahedron_strategy(),
        gradient in prop::array::uniform3(-1e-3..1e-3f64),
    ) {
        let g = Vector3::from(gradient);
        let base = Array2::from_shape_fn((4, 5), |(i, j)| 1.0 + (i * 5 + j) as f64);
        let f = tetrahedron.positions_m().map(|r| &base * (1.0 + g.dot(&r)));
        let grad = tetrahedron.gradient_distribution([f[0].view(), f[1].view(), f[2].view(), f[3].view()]).unwrap();
        for ((axis, i, j), value) in grad.indexed_iter().map(|((a, i, j), v)| ((a, i, j), *v)) {
            let expected = base[[i, j]] * g[axis];
            let bound = roundoff_bound(&tetrahedron, max_abs(f.iter().map(|fa| fa[[i, j]])));
            prop_assert!((value - expected).abs() <= bound,
                "bin ({i},{j}) axis {axis}: {value} vs {expected}");
        }
    }

    #[test]
    fn curvature_of_circular_field_lines_is_one_over_radius(
        radius_km in 50.0..5000.0f64,
        size_fraction in 1e-3..0.05f64,
        angle in 0.0..std::f64::consts::TAU,
    ) {
        // The linear estimate is first-order accurate for a general tetrahedron (0.17 size/R
        // for this shape in the methods figure) and second-order for a regular one (0.125
        // (size/R)^2): bound each by about three times that.
        let cases = [(IRREGULAR_TETRAHEDRON, 0.5 * size_fraction), (REGULAR_TETRAHEDRON, 0.4 * size_fraction.powi(2))];
        for (shape, sampling_error) in cases {
            let radius = radius_km * 1e3;
            let (estimate, towards_axis) = circular_field_curvature(&shape, radius, size_fraction * radius, angle).unwrap();
            prop_assert!((estimate.radius_m() / (radius_km * 1e3) - 1.0).abs() < sampling_error,
                "R_est/R = {} for size/R = {size_fraction}", estimate.radius_m() / (radius_km * 1e3));
            prop_assert!(estimate.vector_per_m.normalize().dot(&towards_axis) > 0.99, "curvature points to the axis");
        }
    }
}

#[test]
fn degenerate_tetrahedra_are_typed_errors() {
    let coplanar = Tetrahedron::new([
        [0.0, 0.0, 0.0],
        [1e4, 0.0, 0.0],
        [0.0, 1e4, 0.0],
        [3e3, 4e3, 1e-3],
    ]);
    assert!(
        matches!(coplanar, Err(TetrahedronError::Coplanar { .. })),
        "nearly flat: {coplanar:?}"
    );
    let repeated = Tetrahedron::new([
        [0.0, 0.0, 0.0],
        [1e4, 0.0, 0.0],
        [0.0, 1e4, 0.0],
        [1e4, 0.0, 0.0],
    ]);
    assert_eq!(
        repeated.unwrap_err(),
        TetrahedronError::RepeatedPosition {
            first: 2,
            second: 4
        }
    );
    let nan = Tetrahedron::new([
        [0.0, 0.0, 0.0],
        [1.0, 0.0, 0.0],
        [0.0, f64::NAN, 0.0],
        [0.0, 0.0, 1.0],
    ]);
    assert_eq!(
        nan.unwrap_err(),
        TetrahedronError::NonFinitePosition { spacecraft: 3 }
    );
}

#[test]
fn bad_distributions_and_fields_are_typed_errors() {
    let tetrahedron = Tetrahedron::new([
        [0.0, 0.0, 0.0],
        [1.0, 0.0, 0.0],
        [0.0, 1.0, 0.0],
        [0.0, 0.0, 1.0],
    ])
    .unwrap();
    let good = Array2::<f64>::ones((2, 2));
    let wrong = Array2::<f64>::ones((2, 3));
    let mismatch =
        tetrahedron.gradient_distribution([good.view(), good.view(), wrong.view(), good.view()]);
    assert!(matches!(
        mismatch,
        Err(TetrahedronError::ShapeMismatch { spacecraft: 3, .. })
    ));
    let mut nan = good.clone();
    nan[[1, 1]] = f64::NAN;
    let non_finite =
        tetrahedron.gradient_distribution([good.view(), nan.view(), good.view(), good.view()]);
    assert!(matches!(
        non_finite,
        Err(TetrahedronError::NonFiniteSample { spacecraft: 2 })
    ));
    let field = [Vector3::x(), Vector3::zeros(), Vector3::x(), Vector3::x()];
    assert_eq!(
        tetrahedron.curvature(&field).unwrap_err(),
        TetrahedronError::NoFieldDirection { spacecraft: 2 }
    );
}

#[test]
fn quality_distinguishes_regular_elongated_and_flat_shapes() {
    let regular = Tetrahedron::new([
        [1.0, 1.0, 1.0],
        [1.0, -1.0, -1.0],
        [-1.0, 1.0, -1.0],
        [-1.0, -1.0, 1.0],
    ])
    .unwrap();
    let flattened = Tetrahedron::new([
        [1.0, 1.0, 0.1],
        [1.0, -1.0, -0.1],
        [-1.0, 1.0, -0.1],
        [-1.0, -1.0, 0.1],
    ])
    .unwrap();
    let stretched = Tetrahedron::new([
        [10.0, 1.0, 1.0],
        [10.0, -1.0, -1.0],
        [-10.0, 1.0, -1.0],
        [-10.0, -1.0, 1.0],
    ])
    .unwrap();
    assert!(
        regular.quality().elongation < 1e-9 && regular.quality().planarity < 1e-9,
        "regular: {:?}",
        regular.quality()
    );
    assert!(
        flattened.quality().planarity > 0.85,
        "flattened: {:?}",
        flattened.quality()
    );
    assert!(
        stretched.quality().elongation > 0.85,
        "stretched: {:?}",
        stretched.quality()
    );
}

#[test]
fn distribution_gradient_agrees_for_contiguous_and_strided_inputs() {
    // The fast path (standard layout) and the general path (here: transposed views) must
    // give the same numbers.
    let tetrahedron = Tetrahedron::new([
        [0.0, 0.0, 0.0],
        [10e3, 1e3, 0.5e3],
        [3e3, 9.5e3, -1e3],
        [4e3, 3e3, 9e3],
    ])
    .unwrap();
    let f: Vec<Array2<f64>> = (0..4)
        .map(|s| Array2::from_shape_fn((5, 7), |(i, j)| ((s * 31 + i * 7 + j) as f64).sin()))
        .collect();
    let contiguous = tetrahedron
        .gradient_distribution([f[0].view(), f[1].view(), f[2].view(), f[3].view()])
        .unwrap();
    let transposed = tetrahedron
        .gradient_distribution([f[0].t(), f[1].t(), f[2].t(), f[3].t()])
        .unwrap();
    for axis in 0..3 {
        let a = contiguous.index_axis(ndarray::Axis(0), axis);
        let b = transposed.index_axis(ndarray::Axis(0), axis);
        assert_eq!(a, b.t(), "component {axis}");
    }
}

#[test]
fn distribution_gradient_into_a_reused_buffer_is_the_allocating_one() {
    // A time series: one buffer, three steps; every step equals the allocating call, and the
    // buffer keeps nothing of the step before.
    let tetrahedron = Tetrahedron::new([
        [0.0, 0.0, 0.0],
        [10e3, 1e3, 0.5e3],
        [3e3, 9.5e3, -1e3],
        [4e3, 3e3, 9e3],
    ])
    .unwrap();
    let mut buffer = ndarray::Array3::from_elem((3, 5, 7), f64::NAN);
    for step in 0..3 {
        let f: Vec<Array2<f64>> = (0..4)
            .map(|s| {
                Array2::from_shape_fn((5, 7), |(i, j)| {
                    ((step * 97 + s * 31 + i * 7 + j) as f64).cos()
                })
            })
            .collect();
        let views = || [f[0].view(), f[1].view(), f[2].view(), f[3].view()];
        tetrahedron
            .gradient_distribution_into(views(), buffer.view_mut())
            .unwrap();
        assert_eq!(
            buffer,
            tetrahedron.gradient_distribution(views()).unwrap(),
            "step {step}: buffer equals the allocating result"
        );
    }
}

#[test]
fn distribution_gradient_flags_every_non_finite_value_and_a_wrong_buffer() {
    let tetrahedron = Tetrahedron::new([
        [0.0, 0.0, 0.0],
        [1.0, 0.0, 0.0],
        [0.0, 1.0, 0.0],
        [0.0, 0.0, 1.0],
    ])
    .unwrap();
    let good = Array2::<f64>::ones((4, 9));
    for (spacecraft, bad) in [
        (1, f64::NAN),
        (2, f64::INFINITY),
        (3, f64::NEG_INFINITY),
        (4, f64::NAN),
    ] {
        let mut f = [good.clone(), good.clone(), good.clone(), good.clone()];
        f[spacecraft - 1][[3, 8]] = bad; // the last bin
        let result =
            tetrahedron.gradient_distribution([f[0].view(), f[1].view(), f[2].view(), f[3].view()]);
        assert_eq!(
            result.unwrap_err(),
            TetrahedronError::NonFiniteSample { spacecraft },
            "{bad} at spacecraft {spacecraft}"
        );
    }
    let mut wrong = ndarray::Array3::<f64>::zeros((3, 4, 8));
    let result = tetrahedron.gradient_distribution_into(
        [good.view(), good.view(), good.view(), good.view()],
        wrong.view_mut(),
    );
    assert_eq!(
        result.unwrap_err(),
        TetrahedronError::OutputShapeMismatch {
            expected: vec![3, 4, 9],
            found: vec![3, 4, 8]
        },
        "buffer one bin short"
    );
}

proptest! {
    #[test]
    fn pyrfu_curvature_is_ours_shortened_by_the_mean_unit_vector(
        (tetrahedron, _) in tetrahedron_strategy(),
        directions in prop::array::uniform4(prop::array::uniform3(-1.0..1.0f64)),
        magnitudes in prop::array::uniform4(0.1..10.0f64),
    ) {
        // Four directions in the x > 0.2 half-space, so the field never reverses inside.
        let field: [Vector3<f64>; 4] = std::array::from_fn(|a| {
            let d = Vector3::new(1.2 + directions[a][0], directions[a][1], directions[a][2]);
            d.normalize() * magnitudes[a]
        });
        let mean_length = (field.iter().map(|b| b.normalize()).sum::<Vector3<f64>>() / 4.0).norm();
        let ours = tetrahedron.curvature(&field).unwrap();
        let pyrfu = tetrahedron.curvature_unnormalised_mean(&field).unwrap();
        prop_assume!(ours.vector_per_m.norm() > 0.0);
        let ratio = pyrfu.vector_per_m.norm() / ours.vector_per_m.norm();
        prop_assert!((ratio - mean_length).abs() < 1e-12, "ratio {ratio} against |<b>| = {mean_length}");
        prop_assert!(pyrfu.vector_per_m.normalize().dot(&ours.vector_per_m.normalize()) > 1.0 - 1e-12, "same direction");
    }

    #[test]
    fn the_conventions_agree_when_the_field_direction_is_uniform(
        (tetrahedron, _) in tetrahedron_strategy(),
        direction in prop::array::uniform3(-1.0..1.0f64),
        magnitudes in prop::array::uniform4(0.1..10.0f64),
        bend in 0.0..1e-3f64,
    ) {
        let u = Vector3::from(direction);
        prop_assume!(u.norm() > 0.1);
        let u = u.normalize();
        // The same direction everywhere, |B| varying: the mean unit vector is a unit vector
        // and the two conventions give one curvature.
        let uniform = magnitudes.map(|m| u * m);
        let ours = tetrahedron.curvature(&uniform).unwrap();
        let pyrfu = tetrahedron.curvature_unnormalised_mean(&uniform).unwrap();
        prop_assert!((pyrfu.b_hat.norm() - 1.0).abs() < 1e-15, "|<b>| = {}", pyrfu.b_hat.norm());
        // Both are zero up to round-off of sum_a k_a b^T, whose scale is sum_a |k_a|.
        let scale: f64 = tetrahedron.reciprocal_vectors().iter().map(|k| k.norm()).sum();
        prop_assert!(ours.vector_per_m.norm() <= 1e-14 * scale, "straight field lines have no curvature: {:e}", ours.vector_per_m.norm());
        prop_assert!((pyrfu.vector_per_m - ours.vector_per_m).norm() <= 1e-15 * ours.vector_per_m.norm() + 1e-30 * scale,
            "difference {:e}", (pyrfu.vector_per_m - ours.vector_per_m).norm());
        // Tilt one spacecraft's field by `bend` rad: the relative difference is second order.
        let axis = if u.x.abs() < 0.5 { Vector3::x() } else { Vector3::y() };
        let perpendicular = u.cross(&axis).normalize();
        let mut bent = uniform;
        bent[0] = (u + perpendicular * bend.tan()) * magnitudes[0];
        let ours = tetrahedron.curvature(&bent).unwrap();
        let pyrfu = tetrahedron.curvature_unnormalised_mean(&bent).unwrap();
        prop_assume!(ours.vector_per_m.norm() > 0.0);
        let difference = 1.0 - pyrfu.vector_per_m.norm() / ours.vector_per_m.norm();
        prop_assert!(difference <= bend * bend + 1e-15, "difference {difference:e} for a bend of {bend:e} rad");
    }
}
