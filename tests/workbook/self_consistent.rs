//! The self-consistent smile layer: Ampère and quasi-neutrality checked by an independent
//! quadrature, the first integral, the far fields it must reach, the label thresholds, and
//! typed errors.

use mmsbook::smile::ElectronLayer;
use mmsbook::smile::SmileError;
use mmsbook::smile::self_consistent::barrier::Thresholds;
use mmsbook::smile::self_consistent::{LayerParameters, SelfConsistentLayer, check};

fn layer() -> &'static SelfConsistentLayer {
    SelfConsistentLayer::reference().expect("the reference layer solves")
}

#[test]
fn ampere_and_quasi_neutrality_hold_to_a_percent_of_the_peak_current() {
    // The residuals come from a (v_y, v_z) plane quadrature with each orbit labelled by walking
    // the solved profile, not from the solver's barrier tables and erfc integrals.
    let (ampere, neutrality, residuals) = check::worst_residuals(layer());
    assert!(
        ampere < 0.01,
        "Ampère residual {ampere} of the peak current"
    );
    assert!(
        neutrality < 0.01,
        "charge residual {neutrality} of the peak current"
    );
    assert!(
        residuals
            .iter()
            .any(|r| r.required_current > 0.5 * layer().peak_current()),
        "the check reaches the current layer"
    );
}

#[test]
fn the_first_integral_holds_and_the_far_fields_come_out_right() {
    let layer = layer();
    let error = layer.first_integral_error();
    assert!(error < 0.002, "P_zz + B^2/2 drifts by {error}");
    // The far field follows from the first integral: 1.37 within about what its error allows.
    let ratio = layer.field_ratio();
    assert!((ratio - 1.37).abs() < 0.002, "field ratio {ratio}");
    assert!(
        (layer.density_ratio() - 8.0).abs() < 1e-3,
        "density ratio {}",
        layer.density_ratio()
    );
    // The drift was chosen for the prescribed layer's thickness.
    assert!(
        (layer.equivalent_half_thickness() - 1.0).abs() < 0.05,
        "half-thickness {}",
        layer.equivalent_half_thickness()
    );
}

#[test]
fn a_sharp_label_loses_the_first_integral() {
    // Why the label is spread: with one sharp threshold quasi-neutrality has several roots,
    // the layer jumps between them, and each jump costs pressure balance.
    let sharp = SelfConsistentLayer::solve(LayerParameters {
        label_thresholds: 1,
        ..LayerParameters::reference()
    })
    .unwrap();
    let spread = layer().first_integral_error();
    assert!(
        sharp.first_integral_error() > 0.005,
        "a sharp label drifts only {}",
        sharp.first_integral_error()
    );
    assert!(
        sharp.first_integral_error() > 10.0 * spread,
        "sharp {} against spread {spread}",
        sharp.first_integral_error()
    );
}

#[test]
fn every_label_threshold_lies_inside_the_integration() {
    // A threshold below the start would act at the start, and the layer would then depend on
    // where the integration begins.
    let layer = layer();
    for thresholds in &layer.thresholds_de {
        assert!(
            thresholds[0] > layer.profile.z[0] + 1.0,
            "threshold {} against start {}",
            thresholds[0],
            layer.profile.z[0]
        );
    }
}

#[test]
fn thresholds_sit_at_the_quantiles_of_the_label_weight() {
    let t = Thresholds::new(2.0, 0.5, 4);
    assert_eq!(t.positions.len(), 4);
    // Symmetric about the centre, ascending, and the weight (1 - tanh)/2 at each is the share above.
    for (j, z) in t.positions.iter().enumerate() {
        let above = 0.5 * (1.0 - ((z - 2.0) / 0.5).tanh());
        assert!(
            (above - (1.0 - (j as f64 + 0.5) / 4.0)).abs() < 1e-12,
            "threshold {j} at {z}"
        );
        assert!((z - 2.0 + (t.positions[3 - j] - 2.0)).abs() < 1e-12);
    }
    assert_eq!(Thresholds::new(1.5, 0.5, 1).positions, vec![1.5]);
}

#[test]
fn orbits_below_every_threshold_carry_the_sheath_and_far_above_none_do() {
    let layer = layer();
    let electrons = &layer.plasma.electrons;
    assert_eq!(layer.sheath_weight(electrons, -5.0, [0.0, 0.3, 0.2]), 1.0);
    assert_eq!(layer.sheath_weight(electrons, 20.0, [0.0, 0.3, 0.2]), 0.0);
    // Far on the magnetospheric side only the magnetosphere's density remains.
    let far = layer.electron_density(30.0, [0.0, 0.0, 0.0]);
    let expected =
        electrons.maxwellian(electrons.sphere_amplitude, layer.phi(30.0), [0.0, 0.0, 0.0]);
    assert!((far / expected - 1.0).abs() < 1e-6, "{far} vs {expected}");
    assert!(layer.thermal_speed() > 0.5 && layer.thermal_speed() < 0.7);
}

#[test]
fn parameters_out_of_range_are_typed_errors_naming_them() {
    let base = LayerParameters::reference();
    for (bad, name) in [
        (
            LayerParameters {
                density_ratio: 0.5,
                ..base
            },
            "density_ratio",
        ),
        (
            LayerParameters {
                field_ratio: f64::NAN,
                ..base
            },
            "field_ratio",
        ),
        (
            LayerParameters {
                mass_ratio: 1e9,
                ..base
            },
            "mass_ratio",
        ),
        (
            LayerParameters {
                drift_thermal: 0.0,
                ..base
            },
            "drift_thermal",
        ),
        (
            LayerParameters {
                sphere_potential: f64::INFINITY,
                ..base
            },
            "sphere_potential",
        ),
        (
            LayerParameters {
                label_thresholds: 0,
                ..base
            },
            "label_thresholds",
        ),
        (
            LayerParameters {
                ion_label_width_de: -1.0,
                ..base
            },
            "ion_label_width_de",
        ),
    ] {
        let error = SelfConsistentLayer::solve(bad).unwrap_err();
        assert!(error.to_string().contains(name), "{error}");
        assert!(matches!(
            error,
            SmileError::OutOfRange { .. } | SmileError::NonFinite { .. }
        ));
    }
}
