//! Hostile input for the entry points added with the second readings: every call with NaN,
//! infinities, zero, negative, huge or tiny values returns a typed error or a finite answer,
//! without panicking or hanging.

use mmsbook::binning::read_catalogue_str;
use mmsbook::claims::{Precision, Quoted, parse_inventory, span};
use mmsbook::force_balance::known_answer::{
    BoundaryField, Crossing, KnownSheet, MethodSettings, Sampling, SheetShape,
};
use mmsbook::force_balance::selection::{COLUMNS, select};
use mmsbook::instruments::{DES_ENERGIES_FAST_EV, des_channel_nearest};

const HOSTILE: [f64; 10] = [
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    0.0,
    -1.0,
    1e308,
    -1e308,
    1e-300,
    0.5,
    3.0,
];

#[test]
fn known_answer_sheets_refuse_hostile_parameters_or_answer_finitely() {
    let (mut calls, mut refused) = (0, 0);
    for &value in &HOSTILE {
        let shapes = [
            SheetShape::Harris,
            SheetShape::Embedded {
                core_field_fraction: value,
                core_thickness_ratio: 0.2,
            },
            SheetShape::Embedded {
                core_field_fraction: 0.5,
                core_thickness_ratio: value,
            },
            SheetShape::Bifurcated { separation: value },
        ];
        for shape in shapes {
            for sheet in [
                KnownSheet {
                    shape,
                    b0_t: value,
                    thickness_m: 1e6,
                    b_z_t: 2e-9,
                    share: 0.3,
                },
                KnownSheet {
                    shape,
                    b0_t: 2e-8,
                    thickness_m: value,
                    b_z_t: 2e-9,
                    share: 0.3,
                },
                KnownSheet {
                    shape,
                    b0_t: 2e-8,
                    thickness_m: 1e6,
                    b_z_t: value,
                    share: value,
                },
            ] {
                for settings in [
                    MethodSettings {
                        samples: 201,
                        ..MethodSettings::single_crossing()
                    },
                    MethodSettings {
                        boundary: BoundaryField::WhereCurrentFalls(value),
                        sampling: Sampling::UniformInField,
                        samples: 201,
                    },
                ] {
                    for misjudged in [1.0, value] {
                        calls += 1;
                        match sheet.method_with(settings, misjudged) {
                            Ok(r) => assert!(
                                r.recovered_share.is_finite() && r.thickness_ratio.is_finite(),
                                "{sheet:?} {settings:?} {misjudged}: {r:?}"
                            ),
                            Err(_) => refused += 1,
                        }
                    }
                }
            }
        }
    }
    assert!(
        refused > 0 && refused < calls,
        "{refused} of {calls} refused"
    );
    // A crossing sampled on its own: hostile sample counts and shapes are typed errors.
    for samples in [0, 1, 100, 1_000_001, usize::MAX] {
        assert!(
            Crossing::sample(SheetShape::Harris, Sampling::UniformInField, samples).is_err(),
            "{samples} samples"
        );
    }
    for value in HOSTILE {
        let shape = SheetShape::Bifurcated { separation: value };
        if !(0.0..=10.0).contains(&value) {
            assert!(
                Crossing::sample(shape, Sampling::UniformInZ, 201).is_err(),
                "{shape:?}"
            );
        }
    }
}

#[test]
fn the_wash_out_scan_refuses_layers_it_cannot_bound() {
    for value in HOSTILE.into_iter().chain([25.0, 1e-3]) {
        if !(0.05..=20.0).contains(&value) {
            assert!(mmsbook::smile::washout::washout(value).is_err(), "{value}");
        }
    }
}

#[test]
fn the_selection_filter_refuses_hostile_catalogues_and_parameters() {
    for cell in ["nan", "inf", "-inf", "1e308", "-0", "x", ""] {
        let csv = format!("{}\n-15,-8,7,{cell},40,2,0.9,0.95\n", COLUMNS.join(","));
        if let Ok(frame) = read_catalogue_str(&csv, &["x_re"]) {
            if let Ok(selection) = select(&frame, 0.0) {
                assert!(selection.kept.height() <= 1, "{cell}");
            }
        }
    }
    let frame = read_catalogue_str(
        &format!("{}\n-15,-8,7,9,40,2,0.9,0.95\n", COLUMNS.join(",")),
        &COLUMNS,
    )
    .unwrap();
    for approach in HOSTILE {
        if let Ok(selection) = select(&frame, approach) {
            assert!(
                approach.is_finite()
                    && approach >= 0.0
                    && selection.largest_hall_field_mv_m.is_finite()
            );
        }
    }
}

#[test]
fn spans_channels_and_inventories_take_hostile_input() {
    for &a in &HOSTILE {
        for &b in &HOSTILE {
            let quoted = [
                Quoted::new(a, Precision::Significant(2), "test", "a"),
                Quoted::new(b, Precision::Step(5.0), "test", "b"),
            ];
            if let Ok(c) = span(&quoted) {
                assert!(
                    c.value.is_finite() && c.interval.contains(c.value),
                    "{a} {b}: {c:?}"
                );
            }
        }
        assert_eq!(
            des_channel_nearest(&DES_ENERGIES_FAST_EV, a).is_some(),
            a.is_finite() && a > 0.0,
            "{a}"
        );
    }
    assert!(span(&[]).is_err());
    for text in [
        "",
        "section,number,disposition,reason\n",
        "a,b\n1,2\n",
        "section,number,disposition,reason\n,,,\n",
        "\u{0}\u{ffff},\"",
        "section,number,disposition,reason\ns,n,claim:,r\n",
    ] {
        let _ = parse_inventory("test", text);
    }
}

#[test]
fn equilibrium_checks_refuse_points_off_the_profile() {
    use mmsbook::flux_rope::RopeParameters;
    use mmsbook::flux_rope::equilibrium::{RadialGrid, solve_original};
    use mmsbook::flux_rope::equilibrium_check::{radial_force_residual, vlasov_residual};
    let profile = solve_original(
        &RopeParameters::table_1(),
        RadialGrid {
            rho_max_m: 2e5,
            intervals: 200,
        },
    )
    .unwrap();
    for (index, stride) in [
        (0, 1),
        (200, 1),
        (usize::MAX, 1),
        (5, 0),
        (5, usize::MAX),
        (100, 101),
    ] {
        assert!(
            vlasov_residual(&profile, index, stride).is_err(),
            "({index}, {stride})"
        );
    }
    for stride in [0, 101, usize::MAX] {
        assert!(radial_force_residual(&profile, stride).is_err(), "{stride}");
    }
    let relative = vlasov_residual(&profile, 50, 1).unwrap().relative;
    assert!(relative.is_finite());
}

/// The seeded sweep over the toolkit's public entry points (issue 14): each is called with
/// values drawn from a mix of finite numbers over 600 decades, NaN, infinities, zeros,
/// negatives, extremes and degenerate shapes, and every call must return a typed error or a
/// finite answer, without panicking, within bounded work.
///
/// `cargo test --test workbook hostile` runs [`SWEEP_ROUNDS`] rounds (a few seconds);
/// `MMSBOOK_HOSTILE_ROUNDS=5000 cargo test --release --test workbook hostile -- --nocapture`
/// runs a longer sweep and prints its counts.
mod sweep {
    use mmsbook::synthetic::seeded_rng;
    use nalgebra::{Matrix3, Vector3};
    use rand::RngExt;
    use rand_chacha::ChaCha8Rng;
    use std::panic::{AssertUnwindSafe, catch_unwind};
    use std::time::{Duration, Instant};

    /// Rounds in `cargo test`; `MMSBOOK_HOSTILE_ROUNDS` overrides it.
    const SWEEP_ROUNDS: usize = 150;

    /// What the sweep saw.
    #[derive(Default)]
    struct Tally {
        calls: usize,
        typed_errors: usize,
        panics: usize,
        non_finite_ok: usize,
        slowest: (Duration, String),
        failures: Vec<String>,
    }

    impl Tally {
        /// Calls `f`, classifying its outcome; `finite` says whether an `Ok` is all finite.
        fn call<T: std::fmt::Debug, E>(
            &mut self,
            what: &str,
            f: impl FnOnce() -> Result<T, E>,
            finite: impl Fn(&T) -> bool,
        ) {
            self.calls += 1;
            let start = Instant::now();
            let outcome = catch_unwind(AssertUnwindSafe(f));
            let elapsed = start.elapsed();
            if elapsed > self.slowest.0 {
                self.slowest = (elapsed, what.to_owned());
            }
            match outcome {
                Err(_) => {
                    self.panics += 1;
                    self.failures.push(format!("panic: {what}"));
                }
                Ok(Err(_)) => self.typed_errors += 1,
                Ok(Ok(value)) if !finite(&value) => {
                    self.non_finite_ok += 1;
                    self.failures
                        .push(format!("non-finite Ok: {what} -> {value:?}"));
                }
                Ok(Ok(_)) => {}
            }
        }
    }

    /// A hostile number: half the time one of the special values, else finite over
    /// 1e-300..1e300 with either sign.
    fn value(rng: &mut ChaCha8Rng) -> f64 {
        const SPECIAL: [f64; 14] = [
            f64::NAN,
            -f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.0,
            -0.0,
            -1.0,
            1.0,
            1e308,
            -1e308,
            1e-300,
            f64::MIN_POSITIVE,
            f64::MAX,
            0.5,
        ];
        if rng.random::<bool>() {
            SPECIAL[rng.random_range(0..SPECIAL.len())]
        } else {
            let magnitude = 10f64.powf(rng.random_range(-300.0..300.0));
            if rng.random::<bool>() {
                magnitude
            } else {
                -magnitude
            }
        }
    }

    /// A plausible number: mostly moderate, sometimes hostile (so that validation past the
    /// first parameter is reached).
    fn mostly(rng: &mut ChaCha8Rng, typical: f64) -> f64 {
        if rng.random_range(0..4) == 0 {
            value(rng)
        } else {
            typical * rng.random_range(0.5..2.0)
        }
    }

    /// A hostile size: small, zero, or huge.
    fn size(rng: &mut ChaCha8Rng) -> usize {
        const SIZES: [usize; 8] = [0, 1, 2, 3, 1 << 20, 1 << 40, usize::MAX / 2, usize::MAX];
        SIZES[rng.random_range(0..SIZES.len())]
    }

    fn vector(rng: &mut ChaCha8Rng, typical: f64) -> Vector3<f64> {
        Vector3::new(
            mostly(rng, typical),
            mostly(rng, typical),
            mostly(rng, typical),
        )
    }

    fn finite(values: &[f64]) -> bool {
        values.iter().all(|v| v.is_finite())
    }

    fn rounds() -> usize {
        std::env::var("MMSBOOK_HOSTILE_ROUNDS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(SWEEP_ROUNDS)
    }

    fn sweep(rounds: usize) -> Tally {
        use mmsbook::claims::{Precision, Quoted};
        use mmsbook::flux_rope::crossing::{Formation, Spacecraft, crossing_times, curlometer_lmn};
        use mmsbook::plasma::{self, Species};
        let mut tally = Tally::default();
        let mut rng = seeded_rng(14);
        let grid = mmsbook::flux_rope::RadialGrid {
            rho_max_m: 2e5,
            intervals: 200,
        };
        let profile = mmsbook::flux_rope::equilibrium::solve_original(
            &mmsbook::flux_rope::RopeParameters::table_1(),
            grid,
        )
        .unwrap();
        for round in 0..rounds {
            let rng = &mut rng;
            // Plasma formulary.
            let species = Species::new(mostly(rng, 1.67e-27), mostly(rng, 1.6e-19))
                .unwrap_or(Species::PROTON);
            let (n, t, b, v) = (
                mostly(rng, 1e6),
                mostly(rng, 1e-16),
                mostly(rng, 2e-8),
                mostly(rng, 1e5),
            );
            let one = |x: &f64| x.is_finite();
            tally.call(
                "Species::new",
                || Species::new(value(rng), value(rng)),
                |_| true,
            );
            tally.call(
                &format!("plasma_frequency({n})"),
                || plasma::plasma_frequency(n, species),
                one,
            );
            tally.call(
                &format!("cyclotron_frequency({b})"),
                || plasma::cyclotron_frequency(b, species),
                one,
            );
            tally.call(
                &format!("inertial_length({n})"),
                || plasma::inertial_length(n, species),
                one,
            );
            tally.call(
                &format!("thermal_speed({t})"),
                || plasma::thermal_speed(t, species),
                one,
            );
            tally.call(
                &format!("gyroradius({v}, {b})"),
                || plasma::gyroradius(v, b, species),
                one,
            );
            tally.call(
                &format!("thermal_gyroradius({t}, {b})"),
                || plasma::thermal_gyroradius(t, b, species),
                one,
            );
            tally.call(
                &format!("alfven_speed({b}, {n})"),
                || plasma::alfven_speed(b, n, species),
                one,
            );
            tally.call(
                &format!("beta({n}, {t}, {b})"),
                || plasma::beta(n, t, b),
                one,
            );
            tally.call(
                &format!("magnetic_pressure({b})"),
                || plasma::magnetic_pressure(b),
                one,
            );
            tally.call(
                &format!("lobe_field({b}, {v})"),
                || plasma::lobe_field_from_pressure_balance(b, v),
                one,
            );

            // Smile: the crescent model read with hostile layers (every tenth round: a reading
            // costs some 300 turning-point searches), and the self-consistent layer's parameter
            // checks (a valid layer takes seconds to solve, so only rejected ones are solved).
            if round % 10 == 0 {
                use mmsbook::smile::{
                    CrescentModel, Layer, detector::GradientEstimate, moments::moments,
                };
                let base = CrescentModel::reference();
                let layer = Layer {
                    field_ratio: mostly(rng, 1.37),
                    thickness_de: mostly(rng, 1.0),
                    normal_field: mostly(rng, -0.15),
                    ..base.layer
                };
                let model = CrescentModel {
                    layer,
                    thermal_speed: mostly(rng, 0.58),
                    density_ratio: mostly(rng, 8.0),
                    ..base
                };
                let (z, dz) = (mostly(rng, 1.0), mostly(rng, 1.0));
                tally.call(
                    &format!("GradientEstimate::read({model:?}, z {z}, dz {dz})"),
                    || GradientEstimate::Difference { dz }.read(&model, z),
                    |r| {
                        r.scale.is_finite()
                            && r.centre.is_finite()
                            && r.crescent_contrast.is_finite()
                            && r.ring_speed.is_finite()
                    },
                );
                tally.call(
                    &format!("smile::moments({model:?}, z {z})"),
                    || moments(&model, z, 16),
                    |m| m.density.is_finite() && m.flux_y.is_finite() && m.pi_zz.is_finite(),
                );
            }
            {
                use mmsbook::smile::self_consistent::{LayerParameters, SelfConsistentLayer};
                let reference = LayerParameters::reference();
                let parameters = LayerParameters {
                    density_ratio: mostly(rng, 8.0),
                    field_ratio: mostly(rng, 1.37),
                    temperature_ratio: mostly(rng, 2.0),
                    mass_ratio: mostly(rng, 100.0),
                    drift_thermal: mostly(rng, 1.3),
                    sphere_potential: mostly(rng, 0.1),
                    label_width_de: mostly(rng, 0.25),
                    ion_label_width_de: mostly(rng, 8.0),
                    label_thresholds: if rng.random::<bool>() { size(rng) } else { 8 },
                    step_de: mostly(rng, 0.04),
                };
                if parameters.validate().is_err() || parameters == reference {
                    tally.call(
                        &format!("SelfConsistentLayer::solve({parameters:?})"),
                        || SelfConsistentLayer::solve(parameters),
                        |_| true,
                    );
                }
            }

            // Tetrahedron: positions, then every estimate on hostile samples.
            let regular = mmsbook::tetrahedron::regular_vertices(mostly(rng, 1e4), [0.3, 0.9, 0.2]);
            let positions = if rng.random::<bool>() {
                regular
            } else {
                std::array::from_fn(|_| vector(rng, 1e4).into())
            };
            tally.call(
                "Tetrahedron::new",
                || mmsbook::tetrahedron::Tetrahedron::new(positions),
                |_| true,
            );
            if let Ok(tetrahedron) = mmsbook::tetrahedron::Tetrahedron::new(regular) {
                let scalars: [f64; 4] = std::array::from_fn(|_| mostly(rng, 1.0));
                let vectors: [Vector3<f64>; 4] = std::array::from_fn(|_| vector(rng, 1e-8));
                tally.call(
                    &format!("gradient_scalar({scalars:?})"),
                    || tetrahedron.gradient_scalar(scalars),
                    |g| finite(g.as_slice()),
                );
                tally.call(
                    &format!("gradient_vector({vectors:?})"),
                    || tetrahedron.gradient_vector(&vectors),
                    |g| g.curl().iter().all(|x| x.is_finite()),
                );
                tally.call(
                    &format!("divergence({vectors:?})"),
                    || tetrahedron.divergence(&vectors),
                    one,
                );
                tally.call(
                    &format!("curl({vectors:?})"),
                    || tetrahedron.curl(&vectors),
                    |c| finite(c.as_slice()),
                );
                tally.call(
                    &format!("curvature({vectors:?})"),
                    || tetrahedron.curvature(&vectors),
                    |c| finite(c.vector_per_m.as_slice()),
                );
                let f: [ndarray::Array1<f64>; 4] = std::array::from_fn(|_| {
                    ndarray::Array1::from_shape_fn(3, |_| mostly(rng, 1e-20))
                });
                tally.call(
                    "gradient_distribution",
                    || {
                        tetrahedron.gradient_distribution([
                            f[0].view(),
                            f[1].view(),
                            f[2].view(),
                            f[3].view(),
                        ])
                    },
                    |g| g.iter().all(|x| x.is_finite()),
                );
            }

            // MVA: hostile samples, constant fields, too few samples.
            let count = [0, 2, 3, 10][rng.random_range(0..4)];
            let constant = rng.random_range(0..4) == 0;
            let first = vector(rng, 10.0);
            let field: Vec<Vector3<f64>> = (0..count)
                .map(|_| if constant { first } else { vector(rng, 10.0) })
                .collect();
            tally.call(
                &format!("MinimumVariance::from_samples({field:?})"),
                || mmsbook::mva::MinimumVariance::from_samples(&field),
                |m| {
                    finite(&m.eigenvalues)
                        && finite(m.l.as_slice())
                        && finite(m.m.as_slice())
                        && finite(m.n.as_slice())
                },
            );

            // Field-aligned tensors.
            let diagonal = vector(rng, 1e-9);
            let tensor = Matrix3::from_diagonal(&diagonal)
                + Matrix3::repeat(if rng.random::<bool>() {
                    0.0
                } else {
                    mostly(rng, 1e-10)
                });
            let direction = vector(rng, 1e-8);
            tally.call(
                &format!("field_aligned({diagonal:?}, {direction:?})"),
                || mmsbook::field_aligned::field_aligned(&tensor, &direction),
                |s| {
                    s.parallel.is_finite()
                        && s.perpendicular.is_finite()
                        && finite(s.agyrotropic.as_slice())
                        && finite(s.frame.as_slice())
                },
            );
            tally.call(
                &format!("swisdak_agyrotropy({diagonal:?}, {direction:?})"),
                || mmsbook::field_aligned::swisdak_agyrotropy(&tensor, &direction),
                one,
            );

            // Catalogues: hostile cells, then binning and histograms of what reads.
            const CELLS: [&str; 12] = [
                "nan",
                "NaN",
                "inf",
                "-Infinity",
                "1e308",
                "-1e400",
                "",
                " 2.5 ",
                "x",
                "1",
                "0",
                "\u{0}",
            ];
            let cell = |rng: &mut ChaCha8Rng| -> String {
                if rng.random::<bool>() {
                    CELLS[rng.random_range(0..CELLS.len())].to_owned()
                } else {
                    format!("{}", mostly(rng, 1.0))
                }
            };
            let rows: String = (0..rng.random_range(0..4))
                .map(|_| format!("{},{}\n", cell(rng), cell(rng)))
                .collect();
            let csv = format!("x,y\n{rows}");
            tally.call(
                &format!("read_catalogue_str({csv:?})"),
                || mmsbook::binning::read_catalogue_str(&csv, &["x", "y"]),
                |_| true,
            );
            let xs: Vec<f64> = (0..4).map(|_| mostly(rng, 0.5)).collect();
            let ys: Vec<f64> = (0..4).map(|_| mostly(rng, 1.0)).collect();
            let frame = polars::prelude::DataFrame::new_infer_height(vec![
                polars::prelude::Column::new("x".into(), xs.clone()),
                polars::prelude::Column::new("y".into(), ys.clone()),
            ])
            .unwrap();
            let edges = [0.0, mostly(rng, 0.5), 1.0];
            tally.call(
                &format!("binned_mean({xs:?}, {ys:?}, {edges:?})"),
                || mmsbook::binning::binned_mean(&frame, "x", "y", &edges),
                |p| finite(&p.mean) && finite(&p.standard_error) && finite(&p.centre),
            );
            let groups: Vec<f64> = (0..4)
                .map(|_| [0.0, 1.0, value(rng)][rng.random_range(0..3)])
                .collect();
            let mut grouped = frame.clone();
            grouped
                .with_column(polars::prelude::Column::new("event".into(), groups.clone()))
                .unwrap();
            tally.call(
                &format!("binned_mean_of_groups({groups:?}, {xs:?}, {ys:?})"),
                || mmsbook::binning::binned_mean_of_groups(&grouped, "event", "x", "y", &edges),
                |p| finite(&p.mean) && finite(&p.standard_error),
            );
            tally.call(
                &format!("f64_column({ys:?})"),
                || mmsbook::binning::f64_column(&frame, "y"),
                |c| finite(c),
            );
            tally.call(
                &format!("joint_histogram({xs:?}, {ys:?})"),
                || mmsbook::binning::joint_histogram(&frame, "x", "y", &edges, &[0.0, 1.0, 2.0]),
                |_| true,
            );
            if let Ok(histogram) =
                mmsbook::binning::joint_histogram(&frame, "x", "y", &[0.0, 1.0], &[0.0, 1.0])
            {
                let (i, j) = (size(rng), size(rng));
                tally.call(
                    &format!("density({i}, {j})"),
                    || histogram.density(i, j).ok_or(()),
                    one,
                );
            }

            // Power-law fits (fewer: each runs 201 Nelder-Mead fits).
            if round % 25 == 0 {
                let x: Vec<f64> = (0..4).map(|_| -mostly(rng, 20.0)).collect();
                let p: Vec<f64> = (0..4).map(|_| mostly(rng, 0.1)).collect();
                tally.call(
                    &format!("fit_power_law({x:?}, {p:?})"),
                    || mmsbook::force_balance::catalogue::fit_power_law(&x, &p, 1),
                    |f| finite(&[f.p0_npa, f.exponent, f.p0_error, f.exponent_error]),
                );
            }

            // Bounded work: the Lembège–Pellat sheet, the virtual crossing, the rope grid and
            // the synthetic Brazil sample with hostile sizes.
            let (z_max, step) = (
                [value(rng), 1e300, 1e12, 3.0][rng.random_range(0..4)],
                [value(rng), 1e-3, 1.0, 0.5][rng.random_range(0..4)],
            );
            if !(z_max / step > 100.0 && z_max / step <= 1e5) {
                // (Valid long integrations are exercised by the equilibrium tests.)
                tally.call(
                    &format!("LembegePellat::solve({z_max}, {step})"),
                    || {
                        mmsbook::anisotropy::lembege_pellat::LembegePellat::paper()
                            .solve(z_max, step)
                    },
                    |p| {
                        finite(&p.a_y)
                            && finite(&p.b_x)
                            && finite(&p.n_i)
                            && finite(&p.p_zz)
                            && finite(&p.e_z)
                    },
                );
            }
            let mut formation = mmsbook::flux_rope::crossing::Formation::chapter();
            formation.duration_s = [value(rng), 1e13, 1.0][rng.random_range(0..3)];
            formation.sample_rate_hz = [value(rng), 128.0][rng.random_range(0..2)];
            if formation.duration_s * formation.sample_rate_hz <= 1e4
                || !(formation.duration_s * formation.sample_rate_hz).is_finite()
            {
                tally.call(
                    &format!(
                        "sample_strength({}, {})",
                        formation.duration_s, formation.sample_rate_hz
                    ),
                    || {
                        mmsbook::flux_rope::crossing::sample_strength(&formation, |p| {
                            p[0].hypot(p[1])
                        })
                    },
                    |(t, s)| finite(t) && s.iter().all(|s| finite(s)),
                );
            } else {
                tally.call(
                    &format!(
                        "times_s({}, {})",
                        formation.duration_s, formation.sample_rate_hz
                    ),
                    || formation.times_s().map(|t| t.len()),
                    |_| true,
                );
            }
            // The virtual crossing in the rope: contour times, curlometer, pitch-angle data.
            let times: Vec<f64> = (0..[0, 1, 5][rng.random_range(0..3)])
                .map(|k| {
                    if rng.random_range(0..5) == 0 {
                        value(rng)
                    } else {
                        k as f64
                    }
                })
                .collect();
            let series: Vec<f64> = (0..[times.len(), 5][rng.random_range(0..2)])
                .map(|_| mostly(rng, 1.0))
                .collect();
            let level = mostly(rng, 1.0);
            let all = vec![series.clone(); [1, 4, 5][rng.random_range(0..3)]];
            tally.call(
                &format!(
                    "intersections({times:?}, {} x {series:?}, {level})",
                    all.len()
                ),
                || mmsbook::flux_rope::crossing::intersections(&times, &all, &[level]),
                |found| found.iter().all(|c| c.time_s.is_finite()),
            );
            tally.call(
                &format!("crossing_times({times:?}, {series:?}, {level})"),
                || crossing_times(&times, &series, level).ok_or(()),
                |(a, b)| a.is_finite() && b.is_finite(),
            );
            let mut moving =
                Formation::regular(mostly(rng, 10.0), [0.3, 0.9, 0.2], [mostly(rng, -4.0), 0.0]);
            moving.velocity_lmn_ms[2] = mostly(rng, -1.7e5);
            let t = mostly(rng, 0.1);
            tally.call(
                &format!("curlometer_lmn({:?}, {t})", moving.positions_lmn_m),
                || curlometer_lmn(&profile, &moving, t),
                |j| finite(j),
            );
            let (energy, pitch) = (mostly(rng, 50.0), [mostly(rng, 90.0), 0.0]);
            tally.call(
                &format!("spacecraft_pad({t}, {energy}, {pitch:?})"),
                || {
                    mmsbook::flux_rope::pitch_angle::spacecraft_pad(
                        &profile,
                        &moving,
                        Spacecraft::Mms2,
                        t,
                        energy,
                        &pitch,
                    )
                },
                |f| finite(f),
            );

            // Printed precisions: the interval of a hostile number (Tolerance::rounding's heir).
            let precision = match rng.random_range(0..4) {
                0 => Precision::Significant(rng.random_range(0..=40)),
                1 => Precision::Step(value(rng)),
                2 => Precision::Decimals(rng.random_range(0..=40)),
                _ => Precision::OrderOfMagnitude,
            };
            let quoted = Quoted::new(value(rng), precision, "sweep", "x");
            tally.call(
                &format!("{quoted:?}.interval()"),
                || quoted.interval(),
                |i| i.lo().is_finite() && i.hi().is_finite(),
            );

            let index = size(rng);
            tally.call(
                &format!("Spacecraft::try_from({index})"),
                || mmsbook::flux_rope::crossing::Spacecraft::try_from(index),
                |_| true,
            );
            let grid = mmsbook::flux_rope::RadialGrid {
                rho_max_m: mostly(rng, 2e5),
                intervals: [10, 0, usize::MAX, 1 << 40][rng.random_range(0..4)],
            };
            tally.call(
                &format!("solve_original({grid:?})"),
                || {
                    mmsbook::flux_rope::equilibrium::solve_original(
                        &mmsbook::flux_rope::RopeParameters::table_1(),
                        grid,
                    )
                },
                |p| {
                    finite(&p.rho_m)
                        && finite(&p.b_z_t)
                        && finite(&p.b_phi_t)
                        && !p.rho_m.is_empty()
                },
            );
            let mut params = mmsbook::flux_rope::RopeParameters::table_1();
            params.b0z_t = mostly(rng, params.b0z_t);
            params.tau_r = mostly(rng, params.tau_r);
            let reading = mmsbook::flux_rope::MuReading::ALL[rng.random_range(0..4)];
            tally.call(
                &format!("fixed_point({reading:?}, {grid:?}, {params:?})"),
                || {
                    mmsbook::flux_rope::mu_iteration::fixed_point(
                        &params,
                        reading,
                        grid,
                        mmsbook::flux_rope::mu_iteration::IterationSettings::default(),
                    )
                },
                |c| finite(&c.profile.b_z_t) && finite(&c.profile.b_phi_t) && finite(&c.history),
            );
            let n_e = mostly(rng, 1e6);
            tally.call(
                &format!("ElectronDistribution::new({params:?}, {n_e})"),
                || {
                    mmsbook::flux_rope::distribution::ElectronDistribution::new(&params, n_e).map(
                        |d| {
                            let axis = mmsbook::flux_rope::moments::LocalPotentials {
                                rho_m: 0.0,
                                phi_v: 0.0,
                                a_phi_tm: 0.0,
                                a_z_tm: 0.0,
                            };
                            d.density(&axis, [1.0; 3], [1e6, -2e6, 5e5])
                        },
                    )
                },
                |density| density.is_finite(),
            );
            let count = [0, 1, 10, 1 << 40, usize::MAX][rng.random_range(0..5)];
            if let Ok(fractions) = mmsbook::anisotropy::CurrentFractions::new(
                mostly(rng, 0.3),
                mostly(rng, 3.0),
                mostly(rng, 0.3),
            ) {
                tally.call(
                    &format!("synthetic_sample({fractions:?}, {count})"),
                    || {
                        mmsbook::anisotropy::brazil::synthetic_sample(&fractions, count, 3)
                            .map(|f| f.height())
                    },
                    |_| true,
                );
            }
        }
        tally
    }

    #[test]
    fn every_entry_point_answers_hostile_input_with_a_typed_error_or_a_finite_value() {
        let rounds = rounds();
        // A hang would block the test forever: the sweep runs on its own thread, watched.
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || sender.send(sweep(rounds)).unwrap());
        let limit = Duration::from_secs(60 + rounds as u64);
        let tally = receiver
            .recv_timeout(limit)
            .unwrap_or_else(|_| panic!("the sweep did not finish within {limit:?}: a call hangs"));
        println!(
            "hostile sweep: {rounds} rounds, {} calls, {} typed errors, {} panics, {} non-finite Ok; slowest call {:.1?} ({})",
            tally.calls,
            tally.typed_errors,
            tally.panics,
            tally.non_finite_ok,
            tally.slowest.0,
            tally.slowest.1
        );
        assert!(
            tally.failures.is_empty(),
            "{} failures, e.g.:\n{}",
            tally.failures.len(),
            tally
                .failures
                .iter()
                .take(10)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
        assert!(
            tally.typed_errors > 0 && tally.typed_errors < tally.calls,
            "the sweep reaches both errors and answers"
        );
    }
}

// Regressions of issue 14, one per finding.

#[test]
fn a_fifth_spacecraft_is_a_typed_error_not_a_panic() {
    use mmsbook::flux_rope::FluxRopeError;
    use mmsbook::flux_rope::crossing::{Spacecraft, intersections};
    // Formation::position and closest_approach_m take a Spacecraft: k >= 4 cannot be passed.
    for k in [4, 5, usize::MAX] {
        assert_eq!(
            Spacecraft::try_from(k),
            Err(FluxRopeError::NoSuchSpacecraft { index: k }),
            "index {k}"
        );
    }
    assert_eq!(Spacecraft::ALL.map(|s| s.number()), [1, 2, 3, 4]);
    let times = vec![0.0, 1.0, 2.0];
    let five = vec![vec![0.0, 1.0, 0.0]; 5];
    assert!(
        matches!(
            intersections(&times, &five, &[0.5]),
            Err(FluxRopeError::NoSuchSpacecraft { index: 4 })
        ),
        "five series for four spacecraft"
    );
}

#[test]
fn the_plasma_formulary_refuses_results_that_overflow() {
    use mmsbook::plasma::{PlasmaError, Species, beta, inertial_length, thermal_speed};
    // Each input is valid; together they overflow.
    assert!(
        matches!(
            beta(1e300, 1e10, 1e-200),
            Err(PlasmaError::OutOfRange {
                quantity: "beta",
                ..
            })
        ),
        "magnetic pressure underflows to 0"
    );
    let feather = Species::new(1e-320, 1.6e-19).unwrap();
    assert!(matches!(
        thermal_speed(1e10, feather),
        Err(PlasmaError::OutOfRange { .. })
    ));
    assert!(
        matches!(
            inertial_length(1e-300, Species::new(1e300, 1e-300).unwrap()),
            Err(PlasmaError::OutOfRange { .. })
        ),
        "plasma frequency underflows to 0"
    );
}

#[test]
fn tetrahedron_estimates_refuse_non_finite_samples_and_overflow() {
    use mmsbook::tetrahedron::{Tetrahedron, TetrahedronError};
    use nalgebra::Vector3;
    let tetrahedron =
        Tetrahedron::new([[0., 0., 0.], [1., 0., 0.], [0., 1., 0.], [0., 0., 1.]]).unwrap();
    assert_eq!(
        tetrahedron.gradient_scalar([1.0, f64::NAN, 0.0, 0.0]),
        Err(TetrahedronError::NonFiniteSample { spacecraft: 2 })
    );
    let mut field = [Vector3::zeros(); 4];
    field[3].y = f64::INFINITY;
    assert_eq!(
        tetrahedron.divergence(&field),
        Err(TetrahedronError::NonFiniteSample { spacecraft: 4 })
    );
    assert_eq!(
        tetrahedron.curl(&field),
        Err(TetrahedronError::NonFiniteSample { spacecraft: 4 })
    );
    assert!(tetrahedron.gradient_vector(&field).is_err());
    let huge = [
        Vector3::new(-f64::MAX, 0., 0.),
        Vector3::new(f64::MAX, 0., 0.),
        Vector3::zeros(),
        Vector3::zeros(),
    ];
    assert_eq!(
        tetrahedron.divergence(&huge),
        Err(TetrahedronError::Overflow {
            quantity: "divergence"
        }),
        "finite samples, overflowing sum"
    );
}

#[test]
fn mva_refuses_a_constant_field() {
    use mmsbook::mva::{MinimumVariance, MvaError};
    use nalgebra::Vector3;
    let constant = vec![Vector3::new(3.0, -1.0, 2.0); 20];
    assert_eq!(
        MinimumVariance::from_samples(&constant),
        Err(MvaError::NoVariance { samples: 20 })
    );
    let huge: Vec<_> = (0..5)
        .map(|i| Vector3::new(1e200 * i as f64, 0.0, 0.0))
        .collect();
    assert_eq!(
        MinimumVariance::from_samples(&huge),
        Err(MvaError::Overflow)
    );
}

#[test]
fn field_aligned_frames_survive_a_1e308_field() {
    use mmsbook::field_aligned::{FieldAlignedError, field_aligned, swisdak_agyrotropy};
    use nalgebra::{Matrix3, Vector3};
    let tensor = Matrix3::from_diagonal(&Vector3::new(5.0, 5.0, 2.0));
    let split = field_aligned(&tensor, &Vector3::new(0.0, 0.0, 1e308))
        .expect("|B| = 1e308 still has a direction");
    assert!((split.parallel - 2.0).abs() < 1e-12 && (split.perpendicular - 5.0).abs() < 1e-12);
    assert!(
        matches!(
            swisdak_agyrotropy(&Matrix3::zeros(), &Vector3::z()),
            Err(FieldAlignedError::NotFinite { .. })
        ),
        "a zero tensor has no agyrotropy"
    );
    let overflowing = field_aligned(&Matrix3::repeat(1.5e308), &Vector3::repeat(1.0));
    assert!(
        matches!(overflowing, Err(FieldAlignedError::NotFinite { .. })),
        "b.T.b overflows: {overflowing:?}"
    );
}

#[test]
fn power_laws_need_tailward_positions_and_positive_pressures() {
    use mmsbook::force_balance::catalogue::{CatalogueError, fit_power_law};
    // Positive X made the cost NaN and the fit returned its starting guess.
    let sunward = fit_power_law(&[12.0, 15.0, 25.0], &[0.2, 0.1, 0.05], 1);
    assert!(
        matches!(sunward, Err(CatalogueError::BadRow { row: 0, .. })),
        "{sunward:?}"
    );
    // Negative pressures gave a negative amplitude.
    let negative = fit_power_law(&[-12.0, -15.0, -25.0], &[0.2, -0.1, 0.05], 1);
    assert!(
        matches!(negative, Err(CatalogueError::BadRow { row: 1, .. })),
        "{negative:?}"
    );
}

#[test]
fn long_integrations_and_samples_are_refused_not_allocated() {
    use mmsbook::anisotropy::lembege_pellat::{EquilibriumError, LembegePellat};
    use mmsbook::flux_rope::FluxRopeError;
    use mmsbook::flux_rope::crossing::{Formation, sample_strength};
    use mmsbook::flux_rope::equilibrium::{RadialGrid, solve_original};
    let sheet = LembegePellat::paper();
    for (z_max, step) in [(1e300, 1.0), (1e12, 1e-3)] {
        assert!(
            matches!(
                sheet.solve(z_max, step),
                Err(EquilibriumError::BadGrid { .. })
            ),
            "solve({z_max}, {step}): hung or aborted before"
        );
    }
    let mut formation = Formation::chapter();
    formation.duration_s = 1e13;
    assert!(
        matches!(
            sample_strength(&formation, |_| 1.0),
            Err(FluxRopeError::TooLarge { .. })
        ),
        "1e13 s at 128 Hz"
    );
    let params = mmsbook::flux_rope::RopeParameters::table_1();
    for intervals in [1 << 40, usize::MAX] {
        let grid = RadialGrid {
            rho_max_m: 2e5,
            intervals,
        };
        assert!(
            matches!(
                solve_original(&params, grid),
                Err(FluxRopeError::TooLarge { .. })
            ),
            "{intervals} intervals"
        );
    }
    let fractions = mmsbook::anisotropy::CurrentFractions::new(0.3, 3.0, 0.3).unwrap();
    let sample = mmsbook::anisotropy::brazil::synthetic_sample(&fractions, 1 << 40, 1);
    assert!(
        matches!(
            sample,
            Err(mmsbook::anisotropy::brazil::BrazilError::TooLarge { .. })
        ),
        "2^40 samples"
    );
}

#[test]
fn intervals_that_overflow_are_typed_errors() {
    use mmsbook::claims::{Precision, PrecisionError, Quoted};
    let edge = Quoted::new(1e308, Precision::OrderOfMagnitude, "test", "x").interval();
    assert_eq!(
        edge,
        Err(PrecisionError::Overflow {
            what: "x",
            value: 1e308
        }),
        "x sqrt(10) overflows"
    );
    assert!(
        Quoted::new(1e308, Precision::Below, "test", "x")
            .interval()
            .is_ok(),
        "a one-sided bound is unbounded by meaning"
    );
    assert_eq!(
        Quoted::new(1.0, Precision::Significant(0), "test", "x").interval(),
        Err(PrecisionError::NoDigits { what: "x" }),
        "zero digits (Tolerance::rounding(0, ..) before the ledger's rewrite)"
    );
}

#[test]
fn crossing_times_and_pitch_angle_data_refuse_non_finite_input() {
    use mmsbook::flux_rope::crossing::{Formation, Spacecraft, crossing_times};
    use mmsbook::flux_rope::equilibrium::{RadialGrid, solve_original};
    use mmsbook::flux_rope::pitch_angle::spacecraft_pad;
    let times = [f64::NAN, 1.0, 2.0];
    assert_eq!(
        crossing_times(&times, &[0.0, 2.0, 0.0], 1.0),
        None,
        "a NaN time gave a NaN crossing"
    );
    let profile = solve_original(
        &mmsbook::flux_rope::RopeParameters::table_1(),
        RadialGrid {
            rho_max_m: 2e5,
            intervals: 200,
        },
    )
    .unwrap();
    let formation = Formation::chapter();
    for (t, energy, pitch) in [
        (f64::NAN, 50.0, 90.0),
        (0.0, 0.0, 90.0),
        (0.0, f64::INFINITY, 90.0),
        (0.0, 50.0, f64::NAN),
    ] {
        assert!(
            spacecraft_pad(&profile, &formation, Spacecraft::Mms1, t, energy, &[pitch]).is_err(),
            "t {t}, energy {energy}, pitch {pitch}"
        );
    }
    let pad = spacecraft_pad(
        &profile,
        &formation,
        Spacecraft::Mms1,
        0.0,
        50.0,
        &[0.0, 90.0],
    )
    .unwrap();
    assert!(pad.iter().all(|f| f.is_finite() && *f > 0.0), "{pad:?}");
}

#[test]
fn a_committed_ledger_that_is_not_the_ledger_is_a_typed_error_naming_the_file() {
    use mmsbook::ledger::{COMMITTED_LEDGER, committed_claims};
    let root = tempfile::tempdir().unwrap();
    std::fs::create_dir(root.path().join("chapters")).unwrap();
    let path = root.path().join(COMMITTED_LEDGER);
    for bytes in [
        &b""[..],
        b"\xff\xfe\x00binary",
        b"{\"id\": \"a\"}",
        b"[{\"id\": \"a\", \"status\": \"reproduced\"}]",
        b"[{\"id\": 1e400, \"status\": \"x\", \"quantity\": \"y\"}]",
    ] {
        std::fs::write(&path, bytes).unwrap();
        let error = committed_claims(root.path()).unwrap_err();
        let message = error.to_string();
        assert!(
            message.contains(COMMITTED_LEDGER) && message.lines().count() == 1,
            "{bytes:?}: one line naming the file: {message}"
        );
    }
    std::fs::write(
        &path,
        "[{\"id\": \"a\", \"status\": \"b\", \"quantity\": \"c\", \"note\": 1}]",
    )
    .unwrap();
    assert_eq!(
        committed_claims(root.path()).unwrap().len(),
        1,
        "other fields are not read"
    );
}
