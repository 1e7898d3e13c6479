//! Field-aligned tensors and agyrotropy, and the curvature parameter from four spacecraft.

use mmsbook::anisotropy::kappa_from_curvature;
use mmsbook::field_aligned::{FieldAlignedError, field_aligned, swisdak_agyrotropy};
use mmsbook::harris_sheet::HarrisSheet;
use mmsbook::plasma::{constants::VACUUM_PERMEABILITY, units};
use mmsbook::tetrahedron::Tetrahedron;
use nalgebra::{Matrix3, Rotation3, Vector3};
use proptest::prelude::*;

fn direction() -> impl Strategy<Value = Vector3<f64>> {
    prop::array::uniform3(-1.0..1.0f64)
        .prop_filter_map("zero vector", |v| Vector3::from(v).try_normalize(1e-3))
}

/// A tensor with parallel `t_par` along `b`, perpendicular `t_perp`, and a perpendicular
/// off-diagonal `n` between two perpendicular axes rotated by `angle` about b.
fn tensor(b: &Vector3<f64>, t_par: f64, t_perp: f64, n: f64, angle: f64) -> Matrix3<f64> {
    let helper = if b.x.abs() < 0.9 {
        Vector3::x()
    } else {
        Vector3::y()
    };
    let u = b.cross(&helper).normalize();
    let u = Rotation3::from_axis_angle(&nalgebra::Unit::new_normalize(*b), angle) * u;
    let w = b.cross(&u);
    t_par * b * b.transpose()
        + t_perp * (u * u.transpose() + w * w.transpose())
        + n * (u * w.transpose() + w * u.transpose())
}

proptest! {
    #[test]
    fn splits_recover_parallel_perpendicular_and_agyrotropy(
        b in direction(), t_par in 0.1..10.0f64, t_perp in 0.1..10.0f64, n_fraction in -0.9..0.9f64, angle in 0.0..6.3f64,
    ) {
        let n = n_fraction * t_perp;
        let t = tensor(&b, t_par, t_perp, n, angle);
        let split = field_aligned(&t, &(3.7 * b)).unwrap();
        prop_assert!((split.parallel - t_par).abs() < 1e-12 * t_par.max(t_perp));
        prop_assert!((split.perpendicular - t_perp).abs() < 1e-12 * t_par.max(t_perp));
        // Frame: orthonormal, right-handed, first axis b.
        prop_assert!((split.frame.transpose() * split.frame - Matrix3::identity()).amax() < 1e-12);
        prop_assert!((split.frame.determinant() - 1.0).abs() < 1e-12 && (split.frame.column(0) - b).amax() < 1e-12);
        // Reassembly gives the tensor back; the agyrotropic part has zero diagonal.
        let diagonal = Matrix3::from_diagonal(&Vector3::new(split.parallel, split.perpendicular, split.perpendicular));
        let rebuilt = split.frame * (diagonal + split.agyrotropic) * split.frame.transpose();
        prop_assert!((rebuilt - t).amax() < 1e-11 * t.amax());
        // Perpendicular agyrotropy N: Swisdak's Q = N^2 / (P_perp^2 + 2 P_perp P_par).
        let q = n * n / (t_perp * t_perp + 2.0 * t_perp * t_par);
        prop_assert!((swisdak_agyrotropy(&t, &b).unwrap() - q.sqrt()).abs() < 1e-9);
    }

    #[test]
    fn gyrotropic_tensors_have_no_agyrotropy(b in direction(), t_par in 0.1..10.0f64, t_perp in 0.1..10.0f64) {
        let t = tensor(&b, t_par, t_perp, 0.0, 0.0);
        prop_assert!(field_aligned(&t, &b).unwrap().agyrotropic.amax() < 1e-12 * t.amax());
        prop_assert!(swisdak_agyrotropy(&t, &b).unwrap() < 1e-6);
    }
}

#[test]
fn bad_tensors_and_fields_are_typed_errors() {
    let t = Matrix3::identity();
    assert_eq!(
        field_aligned(&t, &Vector3::zeros()).unwrap_err(),
        FieldAlignedError::NoFieldDirection
    );
    let mut nan = t;
    nan[(1, 2)] = f64::NAN;
    assert_eq!(
        field_aligned(&nan, &Vector3::z()).unwrap_err(),
        FieldAlignedError::NonFiniteTensor
    );
    let mut skew = t;
    skew[(0, 1)] = 0.5;
    assert!(matches!(
        swisdak_agyrotropy(&skew, &Vector3::z()),
        Err(FieldAlignedError::NotSymmetric { .. })
    ));
}

#[test]
fn four_spacecraft_kappa_matches_the_analytic_curvature_of_a_harris_sheet() {
    // A 1000 km Harris sheet (20 nT) with B_z = 2 nT, crossed by a 20 km tetrahedron at
    // several heights; analytic R_c = B^3 / (B_z^2 dB_x/dz) with dB_x/dz = mu0 j_y.
    let sheet = HarrisSheet::new(units::nanotesla(20.0), units::km(1000.0))
        .unwrap()
        .with_components(units::nanotesla(2.0), 0.0)
        .unwrap();
    let b_z = units::nanotesla(2.0);
    let t_perp = units::electronvolt(3000.0);
    let shape = mmsbook::figures::methods::IRREGULAR_TETRAHEDRON;
    let shape_centre = Tetrahedron::new(shape).unwrap().barycentre_m();
    for height_km in [0.0, 300.0, 800.0, 1500.0] {
        let centre = Vector3::new(0.0, 0.0, units::km(height_km));
        let positions = shape.map(|p| centre + (Vector3::from(p) - shape_centre) * units::km(20.0));
        let tetra = Tetrahedron::new(positions.map(|p| [p.x, p.y, p.z])).unwrap();
        let field = positions.map(|p| {
            let lmn = sheet.field_lmn(p.z);
            Vector3::new(lmn.x, 0.0, lmn.z) // L -> x, N -> z (B_N is the normal field B_z)
        });
        let estimated = tetra.curvature(&field).unwrap().radius_m();
        let at_centre = sheet.field_lmn(centre.z);
        let b = (at_centre.x.powi(2) + b_z * b_z).sqrt();
        let analytic =
            b.powi(3) / (b_z * b_z * VACUUM_PERMEABILITY * sheet.current_density_a_m2(centre.z));
        // First-order estimate: 20 km over a 1000 km sheet, a few percent at most.
        assert!(
            (estimated / analytic - 1.0).abs() < 0.05,
            "R_c at {height_km} km: {estimated} vs {analytic}"
        );
        let kappa_estimated = kappa_from_curvature(estimated, t_perp, b).unwrap();
        let kappa_analytic = kappa_from_curvature(analytic, t_perp, b).unwrap();
        assert!(
            (kappa_estimated / kappa_analytic - 1.0).abs() < 0.025,
            "kappa at {height_km} km"
        );
    }
}
