//! The crescent model of the smile chapter: its fields, exactness (Liouville and the z
//! momentum balance), the velocity integrals of Eq. 5, the four-spacecraft gradient, the
//! detector, and the typed errors.

use mmsbook::smile::crescent::fac_to_layer;
use mmsbook::smile::detector::{GradientEstimate, band, scan};
use mmsbook::smile::gradient::{four_spacecraft, regular_tetrahedron};
use mmsbook::smile::grids::{SampledDistribution, VelocityGrid};
use mmsbook::smile::moments::moments;
use mmsbook::smile::scales::{PhysicalScales, balancing_field_ratio, pressure_balance};
use mmsbook::smile::{CrescentModel, Layer, SmileError, scan_positions};
use ndarray::{ArrayD, IxDyn};

#[test]
fn pressure_balance_gives_unit_sheath_beta_for_the_paper_ratios() {
    let balance = pressure_balance(8.0, 1.37, 2.0);
    assert!((balance.beta_sheath - 1.0).abs() < 0.01, "{balance:?}");
    assert!((balance.electron_beta_sheath - 1.0 / 3.0).abs() < 0.01);
    assert!((balancing_field_ratio(8.0, 1.0) - 1.37).abs() < 0.005);
    // Round trip: the ratio that balances a beta gives that beta back.
    let r = balancing_field_ratio(5.0, 2.5);
    assert!((pressure_balance(5.0, r, 1.0).beta_sheath - 2.5).abs() < 1e-12);
}

#[test]
fn layer_fields_derive_from_their_potentials() {
    let layer = Layer::reference();
    let h = 1e-5;
    for z in [-3.0, -0.7, 0.0, 0.4, 2.0, 5.0] {
        let d = |f: &dyn Fn(f64) -> f64| (f(z + h) - f(z - h)) / (2.0 * h);
        assert!(
            (d(&|s| layer.a_y(s)) + layer.b_x(z)).abs() < 1e-8,
            "B_x = -dA_y/dz at {z}"
        );
        assert!(
            (d(&|s| layer.phi(s)) + layer.e_z(z)).abs() < 1e-8,
            "E_z = -dPhi/dz at {z}"
        );
        assert!(
            (d(&|s| layer.b_x(s)) - layer.required_current(z)).abs() < 1e-8,
            "J_y = dB_x/dz at {z}"
        );
    }
    assert!((layer.b_x(50.0) - 1.37).abs() < 1e-12 && (layer.b_x(-50.0) + 1.0).abs() < 1e-12);
}

/// One RK4 step for an electron (charge -1, mass 1) in the layer: state (z, v_x, v_y, v_z).
fn step(layer: &Layer, s: [f64; 4], dt: f64) -> [f64; 4] {
    let rate = |_: f64, s: &[f64; 4]| {
        let [z, _, v_y, v_z] = *s;
        let b = layer.b_x(z);
        Ok::<_, std::convert::Infallible>([v_z, 0.0, -v_z * b, -layer.e_z(z) + v_y * b])
    };
    let Ok(next) = mmsbook::ode::rk4_step(0.0, dt, &s, rate);
    next
}

#[test]
fn phase_space_density_is_constant_along_orbits() {
    let model = CrescentModel::reference();
    let w = model.thermal_speed;
    let mut rng_state = 12345u64;
    let mut uniform = || {
        // A fixed linear congruential sequence: the same orbits every run.
        rng_state = rng_state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (rng_state >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut worst = 0.0f64;
    for _ in 0..24 {
        let z0 = -1.0 + 4.0 * uniform();
        let v: [f64; 3] = std::array::from_fn(|_| (2.0 * uniform() - 1.0) * 1.5 * w);
        let mut s = [z0, v[0], v[1], v[2]];
        let f0 = model.phase_space_density(s[0], [s[1], s[2], s[3]]);
        for _ in 0..4000 {
            s = step(&model.layer, s, 0.005);
            let f = model.phase_space_density(s[0], [s[1], s[2], s[3]]);
            worst = worst.max((f - f0).abs() / f0);
        }
    }
    // The orbit label is found to ~1e-6 d_e and the weight varies on 0.25 d_e.
    assert!(worst < 1e-4, "f changed by {worst:e} along an orbit");
}

#[test]
fn far_densities_are_the_two_sides_of_the_layer() {
    let model = CrescentModel::reference();
    let sheath = moments(&model, -8.0, 120).unwrap().density;
    let sphere = moments(&model, 8.0, 120).unwrap().density;
    assert!(
        (sheath - 1.0).abs() < 1e-3,
        "magnetosheath density {sheath}"
    );
    assert!(
        (sphere - 0.125).abs() < 1e-3,
        "magnetosphere density {sphere}"
    );
}

#[test]
fn z_momentum_balance_holds_because_f_is_an_equilibrium() {
    let model = CrescentModel::reference();
    let h = 0.05;
    for z in [-0.5, 0.375, 1.0, 2.0] {
        let (below, here, above) = (
            moments(&model, z - h, 160).unwrap(),
            moments(&model, z, 160).unwrap(),
            moments(&model, z + h, 160).unwrap(),
        );
        let divergence = (above.pi_zz - below.pi_zz) / (2.0 * h);
        let force = -here.density * model.layer.e_z(z) + here.flux_y * model.layer.b_x(z);
        let scale = here.pi_xx;
        assert!(
            (divergence - force).abs() < 0.02 * scale,
            "z = {z}: {divergence} vs {force}"
        );
        assert!(here.flux_z.abs() < 1e-12, "no net flow across the layer");
    }
}

#[test]
fn velocity_integrals_of_the_gradient_match_the_moments() {
    // int grad f d^3v = grad n and m int v_par (v . grad f) d^3v = (div P)_par = 0 (Eq. 5),
    // on a spherical grid finer than FPI's, against moments on the (v_y, v_z) plane.
    let model = CrescentModel::reference();
    let w = model.thermal_speed;
    let grid = VelocityGrid::Spherical {
        energies: 48,
        polar: 24,
        azimuth: 48,
        speeds: (0.02 * w, 5.0 * w),
    };
    let h = 0.05;
    for z in [-1.0, 0.375, 1.5] {
        let gradient =
            (&grid.sample(&model, z + h).values - &grid.sample(&model, z - h).values) / (2.0 * h);
        let (below, above) = (
            moments(&model, z - h, 200).unwrap(),
            moments(&model, z + h, 200).unwrap(),
        );
        let dn = (above.density - below.density) / (2.0 * h);
        let integrated = grid.integrate(&gradient, |_| 1.0).unwrap();
        let scale = moments(&model, z, 100).unwrap().density;
        assert!(
            (integrated - dn).abs() < 0.02 * scale,
            "z = {z}: int grad f = {integrated}, dn/dz = {dn}"
        );
        let parallel = grid
            .integrate(&gradient, |v| v[0] * fac_to_layer(v)[2])
            .unwrap();
        // (div P)_par = d P_xz / dz from the distribution's own v_par v_z moment.
        let p_xz = |zk: f64| {
            grid.integrate(&grid.sample(&model, zk).values, |v| {
                v[0] * fac_to_layer(v)[2]
            })
            .unwrap()
        };
        let d_pxz = (p_xz(z + h) - p_xz(z - h)) / (2.0 * h);
        assert!(d_pxz.abs() < 1e-12 * scale, "(div P)_par = {d_pxz}");
        assert!(
            (parallel - d_pxz).abs() < 1e-12 * scale,
            "Eq. 5 parallel part {parallel}"
        );
    }
}

#[test]
fn four_spacecraft_gradient_is_exact_for_linear_distributions() {
    let grid = VelocityGrid::Spherical {
        energies: 4,
        polar: 3,
        azimuth: 5,
        speeds: (0.1, 1.0),
    };
    let positions = regular_tetrahedron(3.0, [0.4, -0.3, 1.1], 0.7);
    let slope = [0.2, -0.5, 1.3];
    let base = grid.sample(&CrescentModel::reference(), 0.0).values;
    let at = |p: [f64; 3]| {
        let shift: f64 = (0..3).map(|i| slope[i] * p[i]).sum();
        SampledDistribution {
            grid,
            values: base.mapv(|f| f + shift),
        }
    };
    let samples = positions.map(at);
    let gradient = four_spacecraft(
        [&samples[0], &samples[1], &samples[2], &samples[3]],
        positions,
    )
    .unwrap();
    for (axis, expected) in slope.iter().enumerate() {
        let component = gradient.index_axis(ndarray::Axis(0), axis);
        assert!(
            component.iter().all(|g| (g - expected).abs() < 1e-10),
            "axis {axis}"
        );
    }
}

#[test]
fn the_reference_model_smiles_in_a_narrow_band_and_only_with_a_normal_field() {
    let model = CrescentModel::reference();
    let positions = scan_positions();
    let readings = scan(&model, GradientEstimate::Difference { dz: 1.0 }, &positions).unwrap();
    let (start, end) = band(&readings).expect("the reference model smiles");
    assert!(start >= 0.0 && end <= 1.0, "band {start}..{end}");
    // No smile on the dense side, where there is no crescent.
    let sheath = GradientEstimate::Difference { dz: 1.0 }
        .read(&model, -2.0)
        .unwrap();
    assert!(!sheath.is_smile() && sheath.crescent_contrast < 0.2);
    // Without the normal field the crescent only fades: no smile anywhere.
    let flat = CrescentModel {
        layer: Layer {
            normal_field: 0.0,
            ..model.layer
        },
        ..model
    };
    assert!(
        band(&scan(&flat, GradientEstimate::Difference { dz: 1.0 }, &positions).unwrap()).is_none()
    );
    // The gyrophase extent of the crescent shrinks going up through the band.
    let extents: Vec<f64> = readings
        .iter()
        .filter(|(z, _)| (0.25..=1.5).contains(z))
        .map(|(_, r)| r.crescent_extent_deg)
        .collect();
    assert!(extents.windows(2).all(|w| w[1] <= w[0]), "{extents:?}");
}

#[test]
fn a_five_de_tetrahedron_washes_the_normal_smile_out() {
    let model = CrescentModel::reference();
    let angles = mmsbook::smile::TETRAHEDRON_ANGLES;
    let small = GradientEstimate::Tetrahedron {
        side: 1.0,
        angles_rad: angles,
    }
    .read(&model, 0.375)
    .unwrap();
    let mms = GradientEstimate::Tetrahedron {
        side: 5.0,
        angles_rad: angles,
    }
    .read(&model, 0.375)
    .unwrap();
    assert!(small.is_smile(), "{small:?}");
    assert!(!mms.is_smile(), "{mms:?}");
}

#[test]
fn bad_inputs_are_typed_errors() {
    let model = CrescentModel::reference();
    let bad = |m: CrescentModel| m.validate().unwrap_err();
    assert!(
        matches!(bad(CrescentModel { density_ratio: -8.0, ..model }), SmileError::NonPositive { parameter, .. } if parameter.contains("density_ratio"))
    );
    assert!(matches!(
        bad(CrescentModel {
            thermal_speed: 0.0,
            ..model
        }),
        SmileError::NonPositive { .. }
    ));
    assert!(matches!(
        bad(CrescentModel {
            layer: Layer {
                thickness_de: f64::NAN,
                ..model.layer
            },
            ..model
        }),
        SmileError::NonPositive { .. }
    ));
    assert!(matches!(
        bad(CrescentModel {
            source_z_de: f64::INFINITY,
            ..model
        }),
        SmileError::NonFinite { .. }
    ));
    assert!(matches!(
        PhysicalScales::new(-7.0, 60.0),
        Err(SmileError::NonPositive { .. })
    ));
    assert!(matches!(
        GradientEstimate::Difference { dz: 0.0 }.read(&model, 1.0),
        Err(SmileError::NonPositive { .. })
    ));
    let cold = CrescentModel {
        thermal_speed: 0.0,
        ..model
    };
    assert!(
        matches!(GradientEstimate::Difference { dz: 1.0 }.read(&cold, 1.0), Err(SmileError::NonPositive { parameter, .. }) if parameter.contains("thermal_speed"))
    );
    let empty = VelocityGrid::Spherical {
        energies: 0,
        polar: 16,
        azimuth: 32,
        speeds: (0.1, 1.0),
    };
    assert!(matches!(
        mmsbook::smile::gradient::tetrahedron_normal_gradient(&model, 0.5, 2.0, [0.0; 3], &empty),
        Err(SmileError::NonPositive {
            parameter: "number of energies",
            ..
        })
    ));
    // Mismatched velocity grids.
    let coarse = VelocityGrid::Cartesian {
        points: 4,
        v_max: 1.0,
    };
    let fine = VelocityGrid::Cartesian {
        points: 5,
        v_max: 1.0,
    };
    let positions = regular_tetrahedron(2.0, [0.0; 3], 0.0);
    let (a, b) = (coarse.sample(&model, 0.0), fine.sample(&model, 0.0));
    assert!(matches!(
        four_spacecraft([&a, &a, &b, &a], positions),
        Err(SmileError::GridMismatch { spacecraft: 3 })
    ));
    // A degenerate (coplanar) tetrahedron.
    let flat = [
        [0.0, 0.0, 0.0],
        [1.0, 0.0, 0.0],
        [0.0, 1.0, 0.0],
        [1.0, 1.0, 0.0],
    ];
    assert!(matches!(
        four_spacecraft([&a, &a, &a, &a], flat),
        Err(SmileError::Tetrahedron(_))
    ));
    // A non-finite sample.
    let broken = SampledDistribution {
        grid: coarse,
        values: ArrayD::from_elem(IxDyn(&[4, 4, 4]), f64::NAN),
    };
    assert!(matches!(
        four_spacecraft([&a, &broken, &a, &a], positions),
        Err(SmileError::Tetrahedron(_))
    ));
}

#[test]
fn a_drifting_layer_has_a_parallel_smile_and_a_flat_one_none() {
    use mmsbook::smile::quasi_2d::DriftingLayer;
    let base = CrescentModel::reference();
    let rising = DriftingLayer { base, slope: 0.1 }
        .read_parallel(0.0, 0.375, 5.0)
        .unwrap();
    assert!(rising.is_smile(), "{rising:?}");
    let sinking = DriftingLayer { base, slope: -0.1 }
        .read_parallel(0.0, 0.375, 5.0)
        .unwrap();
    assert!(!sinking.is_smile(), "{sinking:?}");
    // Without drift the layer is 1D again: the parallel gradient vanishes identically.
    let flat = DriftingLayer { base, slope: 0.0 };
    let v = mmsbook::smile::detector::ring_velocity(0.5, 30.0);
    assert_eq!(flat.parallel_gradient(0.0, 0.375, 5.0, v), 0.0);
    assert!(matches!(
        DriftingLayer {
            base,
            slope: f64::NAN
        }
        .read_parallel(0.0, 0.375, 5.0),
        Err(SmileError::NonFinite { .. })
    ));
}

#[test]
fn far_positions_and_huge_spacings_end_in_bounded_time() {
    // The downward turning-point search once stepped by adding -0.04 to z = 1e15, which
    // leaves it unchanged: the loop never ended.
    let model = CrescentModel::reference();
    let started = std::time::Instant::now();
    for z in [1e15, -1e15, 1e300] {
        let f = model.phase_space_density(z, [0.1, 0.2, 0.3]);
        assert!(f.is_finite() && f >= 0.0, "f({z}) = {f}");
    }
    assert!(mmsbook::smile::detector::ring_speed(&model, 1e15).is_finite());
    let reading = GradientEstimate::Difference { dz: 1e16 }
        .read(&model, 1.0)
        .unwrap();
    assert!(reading.scale.is_finite());
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn moments_need_points_and_a_finite_position() {
    let model = CrescentModel::reference();
    assert!(matches!(
        moments(&model, 0.0, 0),
        Err(SmileError::OutOfRange { .. })
    ));
    assert!(matches!(
        moments(&model, f64::NAN, 10),
        Err(SmileError::NonFinite { .. })
    ));
    let mut broken = model;
    broken.thermal_speed = f64::NAN;
    assert!(matches!(
        moments(&broken, 0.0, 10),
        Err(SmileError::NonPositive { .. })
    ));
}

#[test]
fn extreme_normal_fields_are_refused_and_every_reading_is_finite() {
    // A normal field of 1e3 B_sh d_e Omega_ce made the Boltzmann factor overflow: readings of
    // NaN came back as Ok.
    let base = CrescentModel::reference();
    for (normal_field, width) in [(1e3, 1.0), (-1e3, 1.0), (-0.15, 1e6), (1e300, 1e300)] {
        let model = CrescentModel {
            layer: Layer {
                normal_field,
                normal_field_width_de: width,
                ..base.layer
            },
            ..base
        };
        assert!(
            matches!(
                GradientEstimate::Difference { dz: 1.0 }.read(&model, 1.0),
                Err(SmileError::OutOfRange { .. })
            ),
            "E0 = {normal_field}, w = {width}"
        );
    }
    for normal_field in [-3.0, -1.0, -0.15, 0.0, 0.15, 1.0, 3.0] {
        let model = CrescentModel {
            layer: Layer {
                normal_field,
                ..base.layer
            },
            ..base
        };
        let reading = GradientEstimate::Difference { dz: 1.0 }
            .read(&model, 1.0)
            .unwrap();
        assert!(
            reading.scale.is_finite()
                && reading.centre.is_finite()
                && reading.crescent_contrast.is_finite(),
            "E0 = {normal_field}: {reading:?}"
        );
    }
}
