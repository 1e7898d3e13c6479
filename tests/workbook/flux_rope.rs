//! The flux-rope equilibrium of Yang et al.: the closed-form moments against direct
//! velocity-space integration of the distribution, Ampère's law, quasi-neutrality and radial
//! force balance along the solution, the mu-term iteration, the centre fit and Eqs. 6–7.

use mmsbook::flux_rope::centre_fit::{fit_centre, locate};
use mmsbook::flux_rope::crossing::{
    Formation, Spacecraft, intersections, paper_levels, sample_strength,
};
use mmsbook::flux_rope::distribution::ElectronDistribution;
use mmsbook::flux_rope::equilibrium::{solve_in_field, solve_original};
use mmsbook::flux_rope::loss_study::{Perturbation, perturbed_fit};
use mmsbook::flux_rope::moments::{self, LocalPotentials};
use mmsbook::flux_rope::mu_iteration::{IterationSettings, iterate};
use mmsbook::flux_rope::pitch_angle::{parallel_antiparallel_ratio, perpendicular_parallel_ratio};
use mmsbook::flux_rope::{FluxRopeError, MuReading, Profile, RadialGrid, RopeParameters};
use mmsbook::maxwellian::Maxwellian;
use mmsbook::plasma::constants::{ELECTRON_MASS, ELEMENTARY_CHARGE, VACUUM_PERMEABILITY};
use mmsbook::plasma::{Species, units};
use proptest::prelude::*;
use std::sync::OnceLock;

/// 0–200 km in 0.2 km steps: enough for every invariant, and quick in a debug build.
fn test_grid() -> RadialGrid {
    RadialGrid {
        rho_max_m: units::km(200.0),
        intervals: 1000,
    }
}

fn original() -> &'static Profile {
    static PROFILE: OnceLock<Profile> = OnceLock::new();
    PROFILE.get_or_init(|| solve_original(&RopeParameters::table_1(), test_grid()).unwrap())
}

fn local_reading() -> &'static Profile {
    static PROFILE: OnceLock<Profile> = OnceLock::new();
    PROFILE.get_or_init(|| {
        iterate(
            &RopeParameters::table_1(),
            MuReading::LocalField,
            test_grid(),
            IterationSettings::default(),
        )
        .unwrap()
        .profile
    })
}

/// `int g(u) d^3u` over the cube `|u_i| < limit` by nested double-exponential quadrature.
fn integrate_3d(g: impl Fn([f64; 3]) -> f64, limit: f64) -> f64 {
    let tolerance = 1e-9;
    quadrature::integrate(
        |w| {
            quadrature::integrate(
                |v| quadrature::integrate(|u| g([u, v, w]), -limit, limit, tolerance).integral,
                -limit,
                limit,
                tolerance,
            )
            .integral
        },
        -limit,
        limit,
        tolerance,
    )
    .integral
}

/// The closed forms of `moments` against the distribution integrated over velocity.
fn check_moments_by_quadrature(profile: &Profile, index: usize) {
    let params = &profile.params;
    let at = profile.potentials[index];
    let factors = profile.factors[index];
    // Velocities in units of the background thermal speed; f scaled to be O(1).
    let w = (2.0 * params.t_b_j / ELECTRON_MASS).sqrt();
    let n_e = profile.n_e_parameter_m3;
    let distribution = ElectronDistribution::new(params, n_e).unwrap();
    let f = |u: [f64; 3]| distribution.density(&at, factors, u.map(|c| c * w)) * w.powi(3) / n_e;
    let limit = 7.0;
    let density = integrate_3d(f, limit) * n_e;
    let flux_phi = integrate_3d(|u| f(u) * u[1], limit) * n_e * w;
    let flux_z = integrate_3d(|u| f(u) * u[2], limit) * n_e * w;
    let closed = profile.electrons[index];
    let relative = |a: f64, b: f64, scale: f64| (a - b).abs() / scale;
    assert!(
        relative(density, closed.density_m3, closed.density_m3) < 1e-7,
        "density {density:e} vs {:e}",
        closed.density_m3
    );
    let j_scale = ELEMENTARY_CHARGE * closed.density_m3 * w * 1e-3;
    assert!(
        relative(-ELEMENTARY_CHARGE * flux_phi, closed.j_phi_am2, j_scale) < 1e-4,
        "J_phi {:e} vs {:e}",
        -ELEMENTARY_CHARGE * flux_phi,
        closed.j_phi_am2
    );
    assert!(
        relative(-ELEMENTARY_CHARGE * flux_z, closed.j_z_am2, j_scale) < 1e-4,
        "J_z {:e} vs {:e}",
        -ELEMENTARY_CHARGE * flux_z,
        closed.j_z_am2
    );
    // Diagonal temperatures about the bulk velocity.
    let u_mean = [0.0, closed.u_phi_ms / w, closed.u_z_ms / w];
    for axis in 0..3 {
        let second = integrate_3d(|u| f(u) * (u[axis] - u_mean[axis]).powi(2), limit) * n_e;
        let temperature = ELECTRON_MASS * w * w * second / density;
        let expected = closed.temperature_j[axis];
        assert!(
            relative(temperature, expected, expected) < 1e-5,
            "T[{axis}] {temperature:e} vs {expected:e}"
        );
    }
}

#[test]
fn closed_form_moments_match_quadrature_without_mu_terms() {
    let profile = original();
    for km in [0.0, 12.0, 30.0] {
        check_moments_by_quadrature(profile, (km / 0.2) as usize);
    }
}

#[test]
fn closed_form_moments_match_quadrature_with_mu_terms() {
    let profile = local_reading();
    for km in [0.0, 20.0] {
        check_moments_by_quadrature(profile, (km / 0.2) as usize);
    }
}

/// Central differences of Ampère's law on the grid, relative to the largest current term.
fn ampere_residuals(profile: &Profile) -> (f64, f64) {
    let mu0 = VACUUM_PERMEABILITY;
    let scale = profile
        .electrons
        .iter()
        .map(|e| (mu0 * e.j_phi_am2).abs().max((mu0 * e.j_z_am2).abs()))
        .fold(0.0, f64::max);
    let (mut worst_phi, mut worst_z) = (0.0f64, 0.0f64);
    for i in 1..profile.rho_m.len() - 1 {
        let h2 = profile.rho_m[i + 1] - profile.rho_m[i - 1];
        let db_z = (profile.b_z_t[i + 1] - profile.b_z_t[i - 1]) / h2;
        let d_rho_b_phi = (profile.rho_m[i + 1] * profile.b_phi_t[i + 1]
            - profile.rho_m[i - 1] * profile.b_phi_t[i - 1])
            / h2;
        worst_phi = worst_phi.max((-db_z - mu0 * profile.electrons[i].j_phi_am2).abs() / scale);
        worst_z = worst_z.max(
            (d_rho_b_phi / profile.rho_m[i] - mu0 * profile.electrons[i].j_z_am2).abs() / scale,
        );
    }
    (worst_phi, worst_z)
}

#[test]
fn solution_satisfies_ampere_and_quasi_neutrality() {
    for profile in [original(), local_reading()] {
        let (phi, z) = ampere_residuals(profile);
        // Central differences at h = 0.2 km on a ~20 km scale: O(h^2/L^2) ~ 1e-4.
        assert!(phi < 1e-3 && z < 1e-3, "Ampère residuals {phi:e}, {z:e}");
        for (n_i, electrons) in profile.n_i_m3.iter().zip(&profile.electrons) {
            assert!(
                (n_i - electrons.density_m3).abs() < 1e-10 * n_i,
                "quasi-neutrality: {n_i} vs {}",
                electrons.density_m3
            );
        }
    }
}

#[test]
fn original_model_is_in_radial_force_balance() {
    // An exact Vlasov equilibrium: d Pi_rr / d rho + (Pi_rr - Pi_pp) / rho = J_phi B_z - J_z B_phi,
    // with Pi the momentum flux of ions and electrons (the electric forces cancel).
    let profile = original();
    let params = &profile.params;
    let t_i = params.ion_temperature();
    let flux = |i: usize| {
        let parts = moments::components(
            params,
            profile.n_e_parameter_m3,
            &profile.potentials[i],
            profile.factors[i],
        );
        let rr: f64 =
            parts.iter().map(|c| c.density_m3 * c.t_perp_j).sum::<f64>() + profile.n_i_m3[i] * t_i;
        let pp: f64 = parts
            .iter()
            .map(|c| c.density_m3 * (c.t_perp_j + ELECTRON_MASS * c.u_phi_ms.powi(2)))
            .sum::<f64>()
            + profile.n_i_m3[i] * t_i;
        (rr, pp)
    };
    let force_scale = (0..profile.rho_m.len())
        .map(|i| (profile.electrons[i].j_phi_am2 * profile.b_z_t[i]).abs())
        .fold(0.0, f64::max);
    for i in (1..profile.rho_m.len() - 1).step_by(7) {
        let h2 = profile.rho_m[i + 1] - profile.rho_m[i - 1];
        let (rr, pp) = flux(i);
        let divergence = (flux(i + 1).0 - flux(i - 1).0) / h2 + (rr - pp) / profile.rho_m[i];
        let e = &profile.electrons[i];
        let lorentz = e.j_phi_am2 * profile.b_z_t[i] - e.j_z_am2 * profile.b_phi_t[i];
        assert!(
            (divergence - lorentz).abs() < 1e-3 * force_scale,
            "rho = {} m: {divergence:e} vs {lorentz:e}",
            profile.rho_m[i]
        );
    }
}

#[test]
fn centre_is_the_electron_density_normalisation() {
    let profile = original();
    let n_i = RopeParameters::table_1().n_i_m3;
    assert!((profile.electrons[0].density_m3 - n_i).abs() < 1e-12 * n_i);
    assert_eq!(profile.b_z_t[0], RopeParameters::table_1().b0z_t);
}

#[test]
fn iteration_converges_for_each_regular_reading_and_stops_at_the_singular_one() {
    let params = RopeParameters::table_1();
    let local = iterate(
        &params,
        MuReading::LocalField,
        test_grid(),
        IterationSettings::default(),
    )
    .unwrap();
    // B cancels from the mu-term: the second pass reproduces the first exactly.
    assert_eq!(local.history.len(), 2);
    assert_eq!(local.history[1], 0.0);
    let nanotesla = iterate(
        &params,
        MuReading::Nanotesla,
        test_grid(),
        IterationSettings::default(),
    )
    .unwrap();
    assert!(
        nanotesla.history.windows(2).all(|w| w[1] < w[0]),
        "{:?}",
        nanotesla.history
    );
    assert!(nanotesla.history.len() >= 3);
    match iterate(
        &params,
        MuReading::CentreField,
        test_grid(),
        IterationSettings::default(),
    ) {
        Err(FluxRopeError::SingularReading {
            coefficient,
            factor,
            ..
        }) => {
            assert_eq!(coefficient, "b_z");
            assert!(factor <= 0.0);
        }
        other => panic!("expected a singular reading, got {other:?}"),
    }
}

#[test]
fn mu_terms_make_the_anisotropy_of_the_paper() {
    let profile = local_reading();
    let far = profile.rho_m.len() - 1;
    assert!(
        profile.anisotropy(0) > 1.2,
        "inside {}",
        profile.anisotropy(0)
    );
    assert!(
        profile.anisotropy(far) < 0.95,
        "outside {}",
        profile.anisotropy(far)
    );
    // Without mu-terms the rope is nearly isotropic everywhere.
    assert!((original().anisotropy(0) - 1.0).abs() < 0.01);
}

#[test]
fn non_physical_parameters_are_typed_errors() {
    let table = RopeParameters::table_1();
    let solve = |params: RopeParameters| solve_original(&params, test_grid()).unwrap_err();
    assert!(
        matches!(solve(RopeParameters { n_i_m3: -1.0, ..table }), FluxRopeError::NonPositive { parameter, .. } if parameter.contains("n_i"))
    );
    assert!(
        matches!(solve(RopeParameters { t_b_j: 0.0, ..table }), FluxRopeError::NonPositive { parameter, .. } if parameter.contains("t_b"))
    );
    assert!(matches!(
        solve(RopeParameters {
            tau_r: -0.5,
            ..table
        }),
        FluxRopeError::NonPositive {
            parameter: "tau_r",
            ..
        }
    ));
    assert!(matches!(
        solve(RopeParameters {
            alpha_r: -0.1,
            ..table
        }),
        FluxRopeError::BadCoefficient {
            parameter: "alpha_r",
            ..
        }
    ));
    assert!(matches!(
        solve(RopeParameters {
            alpha_z: 2.0,
            ..table
        }),
        FluxRopeError::NegativeBackground { .. }
    ));
    assert!(matches!(
        solve(RopeParameters {
            omega_rad_s: f64::NAN,
            ..table
        }),
        FluxRopeError::BadCoefficient { .. }
    ));
    let bad_grid = RadialGrid {
        rho_max_m: 0.0,
        intervals: 10,
    };
    assert!(matches!(
        solve_original(&table, bad_grid),
        Err(FluxRopeError::NonPositive { .. })
    ));
    // A b >= 1 under the local reading is singular at once.
    let singular = RopeParameters {
        b: [0.0, 0.0, 1.2],
        ..table
    };
    assert!(matches!(
        solve_in_field(&singular, MuReading::LocalField, test_grid(), |_| 1e-8),
        Err(FluxRopeError::SingularReading {
            coefficient: "b_z",
            ..
        })
    ));
    let nan_b = RopeParameters {
        b: [f64::NAN, 0.0, 0.0],
        ..table
    };
    assert!(
        solve_original(&nan_b, test_grid()).is_ok(),
        "b is ignored by the original model"
    );
    assert!(matches!(
        solve_in_field(&nan_b, MuReading::LocalField, test_grid(), |_| 1e-8),
        Err(FluxRopeError::BadCoefficient {
            parameter: "b_b",
            ..
        })
    ));
    let mut lost = Formation::chapter();
    lost.positions_lmn_m[2][1] = f64::NAN;
    assert!(
        matches!(sample_strength(&lost, |_| 1e-8), Err(FluxRopeError::BadCoefficient { parameter, .. }) if parameter.contains("position"))
    );
    let frozen = Formation {
        sample_rate_hz: 0.0,
        ..Formation::chapter()
    };
    assert!(matches!(
        sample_strength(&frozen, |_| 1e-8),
        Err(FluxRopeError::NonPositive { .. })
    ));
}

#[test]
fn the_paper_parameters_break_the_positivity_condition() {
    let (negative_from, lowest) =
        mmsbook::flux_rope::features::negative_phase_space_density(original());
    let energy = negative_from.expect("tau_r > 1 must make f negative somewhere");
    let in_t_b = energy / RopeParameters::table_1().t_b_j;
    assert!(
        (10.0..20.0).contains(&in_t_b),
        "negative from {in_t_b} T_eb"
    );
    assert!(lowest < 0.0 && lowest > -1e-6);
    // With T_r < T_b (the stated condition) the centre's f stays positive.
    let cooler = solve_original(
        &RopeParameters {
            tau_r: 0.9,
            ..RopeParameters::table_1()
        },
        test_grid(),
    )
    .unwrap();
    assert!(
        mmsbook::flux_rope::features::negative_phase_space_density(&cooler)
            .0
            .is_none()
    );
}

#[test]
fn eq_6_is_exact_for_a_drifting_maxwellian() {
    let t = units::electronvolt(33.0);
    let maxwellian = Maxwellian::new(1e6, t, Species::ELECTRON).unwrap();
    let v_s = units::km(140.0);
    for energy_ev in [32.0, 52.0, 88.0] {
        let v = (2.0 * units::electronvolt(energy_ev) / ELECTRON_MASS).sqrt();
        // The plasma streams at +v_s along B past the spacecraft: rest-frame speeds v -+ v_s.
        let ratio =
            maxwellian.phase_space_density(v - v_s) / maxwellian.phase_space_density(v + v_s);
        let eq6 = parallel_antiparallel_ratio(units::electronvolt(energy_ev), v_s, t).unwrap();
        assert!((ratio / eq6 - 1.0).abs() < 1e-12);
    }
    // Eq. 7: a bi-Maxwellian at equal speed along and across B.
    let (t_par, t_perp, w) = (
        units::electronvolt(35.0),
        units::electronvolt(30.0),
        units::electronvolt(60.0),
    );
    let bi = |par: f64, perp: f64| (-par / t_par - perp / t_perp).exp();
    assert!(
        (bi(0.0, w) / bi(w, 0.0) / perpendicular_parallel_ratio(w, t_par, t_perp).unwrap() - 1.0)
            .abs()
            < 1e-12
    );
    assert!(matches!(
        parallel_antiparallel_ratio(w, 1e5, 0.0),
        Err(FluxRopeError::NonPositive { .. })
    ));
    assert!(matches!(
        perpendicular_parallel_ratio(-1.0, t_par, t_perp),
        Err(FluxRopeError::NonPositive { .. })
    ));
}

fn crossing_fit(formation: &Formation) -> mmsbook::flux_rope::centre_fit::CentreFit {
    let profile = local_reading();
    let (times, series) =
        sample_strength(formation, |p| profile.field_magnitude_at(p[0].hypot(p[1]))).unwrap();
    let crossings = intersections(&times, &series, &paper_levels()).unwrap();
    fit_centre(&locate(formation, &crossings, formation.velocity_lmn_ms)).unwrap()
}

proptest! {
    #![proptest_config(crate::expensive_cases(24))]

    /// Without noise the fit finds the true centre for any tetrahedron orientation and any
    /// path that crosses all 11 contours, and the loss is only interpolation error.
    #[test]
    fn noise_free_fit_recovers_the_centre(
        yaw in 0.0..std::f64::consts::TAU,
        pitch in -1.5..1.5f64,
        roll in 0.0..std::f64::consts::TAU,
        offset_l in -4.0..4.0f64,
        offset_n in -10.0..10.0f64,
        side in 4.0..12.0f64,
    ) {
        let formation = Formation::regular(side, [yaw, pitch, roll], [offset_l, offset_n]);
        let fit = crossing_fit(&formation);
        let error = fit.centre_ln_km[0].hypot(fit.centre_ln_km[1]);
        prop_assert!(error < 0.05, "centre off by {} km", error);
        prop_assert!(fit.loss_km2 < 1e-4, "loss {} km^2", fit.loss_km2);
    }
}

#[test]
fn loss_grows_with_every_perturbation() {
    let profile = local_reading();
    let formation = Formation::chapter();
    let loss = |p| perturbed_fit(profile, &formation, p, 3).unwrap().loss_km2;
    let ideal = loss(Perturbation::WhiteNoise { sigma_nt: 0.0 });
    for (small, large) in [
        (
            Perturbation::WhiteNoise { sigma_nt: 0.05 },
            Perturbation::WhiteNoise { sigma_nt: 0.5 },
        ),
        (
            Perturbation::CorrelatedNoise {
                sigma_nt: 0.05,
                correlation_time_s: 0.1,
            },
            Perturbation::CorrelatedNoise {
                sigma_nt: 0.5,
                correlation_time_s: 0.1,
            },
        ),
        (
            Perturbation::Ellipticity { axis_ratio: 1.05 },
            Perturbation::Ellipticity { axis_ratio: 1.5 },
        ),
        (
            Perturbation::SpeedError { fraction: 0.05 },
            Perturbation::SpeedError { fraction: 0.3 },
        ),
        (
            Perturbation::DirectionError { degrees: 5.0 },
            Perturbation::DirectionError { degrees: 30.0 },
        ),
    ] {
        let (a, b) = (loss(small), loss(large));
        assert!(
            ideal < a && a < b,
            "{small:?}: {ideal:e} < {a:e} < {b:e} fails"
        );
    }
    assert!(matches!(
        perturbed_fit(
            profile,
            &formation,
            Perturbation::Ellipticity { axis_ratio: 0.5 },
            0
        ),
        Err(FluxRopeError::NonPositive { .. })
    ));
    assert!(matches!(
        perturbed_fit(
            profile,
            &formation,
            Perturbation::WhiteNoise { sigma_nt: -1.0 },
            0
        ),
        Err(FluxRopeError::NonPositive { .. })
    ));
}

#[test]
fn a_path_that_misses_the_inner_contours_is_a_typed_error() {
    let far = Formation::regular(10.0, [0.3, 0.9, 0.2], [25.0, 0.0]);
    let profile = local_reading();
    let (times, series) =
        sample_strength(&far, |p| profile.field_magnitude_at(p[0].hypot(p[1]))).unwrap();
    assert!(matches!(
        intersections(&times, &series, &paper_levels()),
        Err(FluxRopeError::MissingCrossing { .. })
    ));
}

#[test]
fn local_potentials_at_the_centre_give_n_e() {
    let params = RopeParameters::table_1().without_mu_terms();
    let centre = LocalPotentials {
        rho_m: 0.0,
        phi_v: 0.0,
        a_phi_tm: 0.0,
        a_z_tm: 0.0,
    };
    let per_unit = moments::electron_density(&params, 1.0, &centre, [1.0; 3]);
    // Background + rotation cancel to 1; the axial drift adds alpha_z (exp(m V^2 / 2 T_z) - 1).
    let t_z = params.tau_z * params.t_b_j;
    let expected = 1.0
        + params.alpha_z * ((0.5 * ELECTRON_MASS * params.v_axial_ms.powi(2) / t_z).exp() - 1.0);
    assert!((per_unit - expected).abs() < 1e-14);
}

#[test]
fn the_iteration_converges_to_the_one_pass_solution() {
    use mmsbook::flux_rope::equilibrium::solve_one_pass;
    let params = RopeParameters::table_1();
    let iterated = iterate(
        &params,
        MuReading::Nanotesla,
        test_grid(),
        IterationSettings::default(),
    )
    .unwrap()
    .profile;
    let direct = solve_one_pass(&params, MuReading::Nanotesla, test_grid()).unwrap();
    let worst = (0..direct.rho_m.len())
        .map(|i| (direct.field_magnitude(i) - iterated.field_magnitude(i)).abs())
        .fold(0.0, f64::max)
        / params.b0z_t;
    // The iteration reads its input field by linear interpolation at the RK4 midpoints.
    assert!(
        worst < 1e-7,
        "one pass and iteration differ by {worst:e} of B0z"
    );
    assert!(matches!(
        solve_one_pass(&params, MuReading::CentreField, test_grid()),
        Err(FluxRopeError::SingularReading { .. })
    ));
}

#[test]
fn the_fixed_point_is_the_iterations_limit_in_fewer_solves() {
    use mmsbook::flux_rope::mu_iteration::fixed_point;
    let params = RopeParameters::table_1();
    let settings = IterationSettings::default();
    // b in units of the local field: one solve, the same bits as the iteration's last.
    let (local, local_fast) = (
        iterate(&params, MuReading::LocalField, test_grid(), settings).unwrap(),
        fixed_point(&params, MuReading::LocalField, test_grid(), settings).unwrap(),
    );
    assert_eq!(local_fast.profile, local.profile);
    assert_eq!(local_fast.history.len(), 1);
    // b in nT: from the one-pass solution the tolerance is met in two solves, not four, at
    // the same limit to well within it.
    let (nanotesla, nanotesla_fast) = (
        iterate(&params, MuReading::Nanotesla, test_grid(), settings).unwrap(),
        fixed_point(&params, MuReading::Nanotesla, test_grid(), settings).unwrap(),
    );
    assert!(
        nanotesla_fast.history.len() < nanotesla.history.len(),
        "{:?} against {:?}",
        nanotesla_fast.history,
        nanotesla.history
    );
    let worst = (0..nanotesla.profile.rho_m.len())
        .map(|i| {
            (nanotesla.profile.field_magnitude(i) - nanotesla_fast.profile.field_magnitude(i)).abs()
        })
        .fold(0.0, f64::max)
        / params.b0z_t;
    assert!(
        worst < settings.tolerance,
        "limits differ by {worst:e} of B0z"
    );
    // A singular reading stays singular.
    assert!(matches!(
        fixed_point(&params, MuReading::CentreField, test_grid(), settings),
        Err(FluxRopeError::SingularReading { .. })
    ));
}

#[test]
fn only_the_original_model_is_an_equilibrium_and_the_check_can_tell() {
    use mmsbook::flux_rope::equilibrium_check::{relative_force_residual, vlasov_residual};
    let (b0, local) = (original(), local_reading());
    // b = 0: differencing error only, falling as h^2 (stride 2 about four times stride 1).
    let (fine, coarse) = (
        relative_force_residual(b0, 1).unwrap(),
        relative_force_residual(b0, 2).unwrap(),
    );
    assert!(
        fine < 1e-3 && coarse > 2.0 * fine,
        "b = 0: {fine:e}, {coarse:e}"
    );
    assert!(vlasov_residual(b0, 100, 1).unwrap().relative < 1e-5);
    // b in units of the local field: the axial component's a = 0.53 unbalances it at order one.
    assert!(relative_force_residual(local, 1).unwrap() > 0.5);
    assert!(vlasov_residual(local, 100, 1).unwrap().relative > 1e-2);
    // Ends of the grid are not interior points.
    let last = b0.rho_m.len() - 1;
    assert!(matches!(
        vlasov_residual(b0, last, 1),
        Err(FluxRopeError::NotInterior { .. })
    ));
    assert!(matches!(
        vlasov_residual(b0, 5, 0),
        Err(FluxRopeError::NotInterior { .. })
    ));
}

#[test]
fn series_and_times_of_different_lengths_give_no_crossing_and_a_typed_error() {
    use mmsbook::flux_rope::crossing::crossing_times;
    let series = vec![1.0, 3.0, 1.0];
    assert_eq!(crossing_times(&[0.0, 1.0], &series, 2.0), None);
    assert!(crossing_times(&[0.0, 1.0, 2.0], &series, 2.0).is_some());
    assert!(intersections(&[0.0, 1.0], &[series], &[2.0]).is_err());
}

#[test]
fn eqs_6_7_make_the_perpendicular_anisotropy_gain_on_the_parallel_one_as_the_square_root_of_energy()
{
    use mmsbook::flux_rope::pitch_angle::log_log_slope;
    let (v_s, t_par, t_perp) = (
        units::km(140.0),
        units::electronvolt(33.0),
        units::electronvolt(30.0),
    );
    let points: Vec<(f64, f64)> = [32.0, 40.0, 66.0, 85.0]
        .iter()
        .map(|&ev| {
            let w = units::electronvolt(ev);
            let significance = perpendicular_parallel_ratio(w, t_par, t_perp)
                .unwrap()
                .ln()
                .abs()
                / parallel_antiparallel_ratio(w, v_s, t_par)
                    .unwrap()
                    .ln()
                    .abs();
            (ev, significance)
        })
        .collect();
    let slope = log_log_slope(&points).unwrap();
    assert!(
        (slope - 0.5).abs() < 1e-12,
        "ln r_perp/par over ln r_p/a grows as W^(1/2) by Eqs. 6-7, slope {slope}"
    );
}

#[test]
fn log_log_slope_recovers_a_power_law_and_refuses_degenerate_points() {
    use mmsbook::flux_rope::pitch_angle::log_log_slope;
    let points: Vec<(f64, f64)> = [1.0, 2.0, 5.0, 11.0]
        .iter()
        .map(|&x: &f64| (x, 3.0 * x.powf(-1.7)))
        .collect();
    assert!(
        (log_log_slope(&points).unwrap() + 1.7).abs() < 1e-12,
        "the exponent of y = 3 x^-1.7"
    );
    assert!(
        matches!(
            log_log_slope(&[(2.0, 1.0), (2.0, 3.0)]),
            Err(FluxRopeError::NonPositive { .. })
        ),
        "one distinct abscissa has no slope"
    );
    assert!(
        matches!(
            log_log_slope(&[(1.0, 1.0), (2.0, -1.0)]),
            Err(FluxRopeError::NonPositive { .. })
        ),
        "a negative ordinate has no logarithm"
    );
}

#[test]
fn channel_anisotropies_follow_eq_6_outside_the_isotropic_rope() {
    use mmsbook::flux_rope::pitch_angle::channel_anisotropies;
    // The original model is nearly isotropic far out; there the PAD's parallel/antiparallel
    // asymmetry is Eq. 6 with the spacecraft's velocity along B and the local T_par.
    let profile = original();
    let formation = Formation::chapter();
    let t = formation.times_s().unwrap()[0];
    let p = formation.position(Spacecraft::Mms1, t, formation.velocity_lmn_ms);
    let rho = p[0].hypot(p[2]);
    let t_par = profile.interpolate(rho, |i| profile.electrons[i].temperature_j[2]);
    let tilt = profile
        .interpolate(rho, |i| profile.b_phi_t[i])
        .atan2(profile.interpolate(rho, |i| profile.b_z_t[i]));
    let channels =
        channel_anisotropies(profile, &formation, Spacecraft::Mms1, t, &[32.0, 66.0]).unwrap();
    for channel in &channels {
        let eq6 = parallel_antiparallel_ratio(
            units::electronvolt(channel.energy_ev),
            -formation.velocity_lmn_ms[1] * tilt.cos(),
            t_par,
        )
        .unwrap()
        .ln();
        assert!(
            (channel.log_para_anti / eq6 - 1.0).abs() < 0.05,
            "{} eV: PAD {} against Eq. 6 {eq6}",
            channel.energy_ev,
            channel.log_para_anti
        );
        assert!(
            channel.relative_significance() < 0.1,
            "nearly isotropic: perpendicular/parallel small beside p/a at {} eV",
            channel.energy_ev
        );
    }
    assert!(
        matches!(
            channel_anisotropies(profile, &formation, Spacecraft::Mms1, t, &[0.0]),
            Err(FluxRopeError::NonPositive { .. })
        ),
        "a zero-energy channel is refused"
    );
}

#[test]
fn comparable_reads_the_size_of_the_printed_flux_variation() {
    use mmsbook::flux_rope::published::{FLUX_VARIATION, FLUX_VARIATION_SIZE};
    assert!(
        (FLUX_VARIATION_SIZE.value - FLUX_VARIATION.value.ln()).abs() < 1e-15,
        "the size of a ~1.2-times variation is ln 1.2"
    );
}

/// A coarse grid for the gyro-centre solves: 0–500 km in 0.5 km steps.
fn gyro_grid() -> RadialGrid {
    RadialGrid {
        rho_max_m: units::km(500.0),
        intervals: 1000,
    }
}

#[test]
fn the_gyro_centre_moments_reduce_to_the_lowest_order_with_the_field_along_the_axis() {
    use mmsbook::flux_rope::gyrocentre::solve_lowest_order;
    let table = RopeParameters::table_1();
    let lowest =
        mmsbook::flux_rope::equilibrium::solve_one_pass(&table, MuReading::LocalField, gyro_grid())
            .unwrap();
    let rope = solve_lowest_order(&table, gyro_grid()).unwrap();
    for i in (0..rope.rho_m.len()).step_by(50) {
        let relative = (rope.field_magnitude(i) / lowest.field_magnitude(i) - 1.0).abs();
        assert!(
            relative < 1e-12,
            "|B| at {} km: the completed square with b_hat = z and no drift is Eq. 4's lowest order",
            units::to_km(rope.rho_m[i])
        );
    }
}

#[test]
fn measuring_v_perp_across_the_true_field_in_the_drift_frame_removes_most_of_the_force_residual() {
    use mmsbook::flux_rope::equilibrium_check::relative_force_residual;
    use mmsbook::flux_rope::gyrocentre::{self, solve};
    let table = RopeParameters::table_1();
    let lowest =
        mmsbook::flux_rope::equilibrium::solve_one_pass(&table, MuReading::LocalField, gyro_grid())
            .unwrap();
    let rope = solve(&table, gyro_grid(), &lowest).unwrap();
    let (before, after) = (
        relative_force_residual(&lowest, 1).unwrap(),
        gyrocentre::relative_force_residual(&rope, 1).unwrap(),
    );
    assert!(
        before > 0.9,
        "the lowest order leaves about the whole peak J x B: {before}"
    );
    assert!(
        after < 0.15 * before,
        "the first-order excess cancels, leaving second-order terms: {after}"
    );
    // Halving the axial drift V halves its magnetic force; the second-order rest falls faster.
    let slower = RopeParameters {
        v_axial_ms: 0.5 * table.v_axial_ms,
        ..table
    };
    let slower_lowest = mmsbook::flux_rope::equilibrium::solve_one_pass(
        &slower,
        MuReading::LocalField,
        gyro_grid(),
    )
    .unwrap();
    let slower_after = gyrocentre::relative_force_residual(
        &solve(&slower, gyro_grid(), &slower_lowest).unwrap(),
        1,
    )
    .unwrap();
    assert!(
        slower_after < 0.5 * after,
        "the residual left is higher than first order in the drift: {slower_after} against {after}"
    );
    assert!(
        rope.history.len() < 20 && *rope.history.last().unwrap() < 1e-9,
        "the drift-frame iteration converges: {:?}",
        rope.history
    );
}

#[test]
fn the_gyro_centre_solver_refuses_bad_grids_and_accepts_a_start_on_another_grid() {
    use mmsbook::flux_rope::gyrocentre::{solve, solve_lowest_order};
    let table = RopeParameters::table_1();
    let bad = RadialGrid {
        rho_max_m: units::km(200.0),
        intervals: 0,
    };
    assert!(
        matches!(
            solve_lowest_order(&table, bad),
            Err(FluxRopeError::NonPositive { .. })
        ),
        "a grid without intervals is a typed error"
    );
    assert!(
        matches!(
            solve(&table, bad, original()),
            Err(FluxRopeError::NonPositive { .. })
        ),
        "so it is for the iteration"
    );
    // The start only seeds E_rho: a start on the test grid (0-200 km) serves a 0-300 km solve.
    let grid = RadialGrid {
        rho_max_m: units::km(300.0),
        intervals: 600,
    };
    let start =
        mmsbook::flux_rope::equilibrium::solve_one_pass(&table, MuReading::LocalField, test_grid())
            .unwrap();
    assert!(
        solve(&table, grid, &start).is_ok(),
        "the drift frame is interpolated from any start grid"
    );
}

#[test]
fn the_gyro_centre_distribution_integrates_to_its_moments_and_nearly_solves_vlasov() {
    use mmsbook::flux_rope::equilibrium_check::vlasov_residual;
    use mmsbook::flux_rope::gyrocentre::solve;
    let table = RopeParameters::table_1();
    let lowest =
        mmsbook::flux_rope::equilibrium::solve_one_pass(&table, MuReading::LocalField, gyro_grid())
            .unwrap();
    let rope = solve(&table, gyro_grid(), &lowest).unwrap();
    // 20 km out: tilted field, non-zero drift frame. Midpoint sums over +-5 thermal speeds.
    let i = 40;
    let v_th = (2.0 * table.t_b_j / ELECTRON_MASS).sqrt();
    let n = 36;
    let dv = 10.0 * v_th / n as f64;
    let axis = |k: usize| (k as f64 + 0.5) * dv - 5.0 * v_th;
    let (mut density, mut flux_phi, mut flux_z) = (0.0, 0.0, 0.0);
    for a in 0..n {
        for b in 0..n {
            for c in 0..n {
                let v = [axis(a), axis(b), axis(c)];
                let f = rope.phase_space_density(i, v) * dv.powi(3);
                density += f;
                flux_phi += f * v[1];
                flux_z += f * v[2];
            }
        }
    }
    let (j_phi, j_z) = rope.current(i);
    assert!(
        (density / rope.electron_density(i) - 1.0).abs() < 1e-8,
        "density: quadrature {density} against the completed square"
    );
    let e = ELEMENTARY_CHARGE;
    let scale = j_phi.abs().max(j_z.abs());
    assert!(
        (-e * flux_phi - j_phi).abs() < 1e-6 * scale && (-e * flux_z - j_z).abs() < 1e-6 * scale,
        "current: quadrature against the flow U_par b + W e"
    );
    let gyro = rope.vlasov_residual(i, 1).unwrap().relative;
    let adopted = vlasov_residual(&lowest, i, 1).unwrap().relative;
    assert!(
        gyro < 0.05 * adopted,
        "the Vlasov residual falls by more than twentyfold: {gyro} against {adopted}"
    );
}

/// The chapter grid (0–500 km, 5001 points) against the same solve at 10x the resolution:
/// the potential roots are converged to 1e-13 `T_eb/e` (Newton from the previous root), so
/// what remains is RK4's O(h^4) error, which must stay far below anything printed or plotted.
#[test]
fn chapter_grid_solve_agrees_with_ten_times_the_resolution() {
    let params = RopeParameters::table_1();
    let chapter = RadialGrid::chapter();
    let coarse = solve_original(&params, chapter).unwrap();
    let fine = solve_original(
        &params,
        RadialGrid {
            intervals: 10 * chapter.intervals,
            ..chapter
        },
    )
    .unwrap();
    let volts = params.t_b_j / ELEMENTARY_CHARGE;
    let (mut field, mut potential, mut density) = (0.0f64, 0.0f64, 0.0f64);
    for i in 0..coarse.rho_m.len() {
        let j = 10 * i;
        assert!(
            (coarse.rho_m[i] - fine.rho_m[j]).abs() < 1e-6,
            "grids share every chapter point"
        );
        field = field.max(
            (coarse.b_z_t[i] - fine.b_z_t[j])
                .abs()
                .max((coarse.b_phi_t[i] - fine.b_phi_t[j]).abs())
                / params.b0z_t,
        );
        potential =
            potential.max((coarse.potentials[i].phi_v - fine.potentials[j].phi_v).abs() / volts);
        density = density.max(
            (coarse.electrons[i].density_m3 - fine.electrons[j].density_m3).abs() / params.n_i_m3,
        );
    }
    eprintln!(
        "chapter grid vs 10x: field {field:e} B0z, potential {potential:e} T_eb/e, density {density:e} n_i"
    );
    // Measured: 3.2e-9 B0z (7e-8 nT), the same with the earlier bracket-and-Brent roots.
    assert!(
        field < 1e-8,
        "B_z and B_phi within 1e-8 B0z of the 10x solve: {field:e}"
    );
    assert!(
        potential < 1e-9,
        "potential within 1e-9 T_eb/e of the 10x solve: {potential:e}"
    );
    assert!(
        density < 1e-9,
        "electron density within 1e-9 n_i of the 10x solve: {density:e}"
    );
}
