//! Richard et al. (2025): every limit the paper states for its current and thresholds.

use mmsbook::anisotropy::{AnisotropyError, CurrentFractions, Populations, cold, model, speiser};
use proptest::prelude::*;

fn close(a: f64, b: f64, relative: f64) -> bool {
    (a - b).abs() <= relative * a.abs().max(b.abs()) + 1e-300
}

proptest! {
    #[test]
    fn isotropic_ions_give_kappa_squared_one_over_eta_e_beta(beta in 1e-3..1e3f64, eta_e in 1e-3..10.0f64, eta_s in 1e-3..10.0f64) {
        // n_c = n_s = 0 and T_perp = T_par: j_y = eta_e j0 and kappa^2 = 1/(eta_e beta).
        let isotropic = Populations::new(0.0, 1.0, 0.0, 1.0).unwrap();
        let fractions = CurrentFractions::new(eta_e, eta_s, 0.3).unwrap();
        prop_assert!(close(model::current_ratio(&isotropic, &fractions, beta).unwrap(), eta_e, 1e-14));
        prop_assert!(close(model::kappa_squared(&isotropic, &fractions, beta).unwrap(), 1.0 / (eta_e * beta), 1e-14));
        prop_assert!(close(cold::kappa_squared(1.0, beta, eta_e, 0.3).unwrap(), 1.0 / (eta_e * beta), 1e-14));
        prop_assert!(close(speiser::kappa_squared(1.0, beta, eta_e, eta_s).unwrap(), 1.0 / (eta_e * beta), 1e-14));
    }

    #[test]
    fn kappa_vanishes_exactly_where_the_cold_current_diverges(beta in 1e-2..1e3f64, eta_c in 0.05..1.0f64, eta_e in 0.01..2.0f64) {
        let r_c = cold::threshold(eta_c, beta).unwrap();
        prop_assert!(cold::kappa_squared(r_c, beta, eta_e, eta_c).unwrap().abs() < 1e-12 / (beta * r_c * eta_e),
            "kappa^2 at the threshold");
        let inside = r_c * (1.0 + 1e-6);
        prop_assert!(cold::kappa_squared(inside, beta, eta_e, eta_c).unwrap() > 0.0);
        // The current diverges as 1/distance to the threshold: 1000 times closer, 1000 times larger.
        let near = cold::current_ratio(inside, beta, eta_e, eta_c).unwrap();
        let far = cold::current_ratio(r_c * (1.0 + 1e-3), beta, eta_e, eta_c).unwrap();
        prop_assert!(close(near / far, 1000.0, 0.01), "j(1e-6)/j(1e-3) = {}", near / far);
        let beyond = r_c * (1.0 - 1e-6);
        prop_assert!(matches!(cold::current_ratio(beyond, beta, eta_e, eta_c), Err(AnisotropyError::NoEquilibrium { .. })), "no equilibrium beyond");
    }

    #[test]
    fn regime_formulas_are_the_general_model_in_their_limits(
        beta in 1e-2..1e2f64, perp_over_par in 0.2..1.0f64, eta_c in 0.05..1.0f64, eta_e in 0.05..2.0f64, eta_s in 0.1..10.0f64,
        speiser_perp_over_par in 1.0..1.9f64,
    ) {
        // Cold regime: n_s = 0 and (n_c/n_i)(A_c - 1) = T_par/T_perp - 1 (Eq. 5), with n_c/n_i = 1/2.
        let a_c = 1.0 + 2.0 * (1.0 / perp_over_par - 1.0);
        let cold_mix = Populations::new(0.5, a_c, 0.0, 1.0).unwrap();
        let fractions = CurrentFractions::new(eta_e, eta_s, eta_c).unwrap();
        let general = model::kappa_squared(&cold_mix, &fractions, beta).unwrap();
        prop_assert!(close(general, cold::kappa_squared(perp_over_par, beta, eta_e, eta_c).unwrap(), 1e-10));
        // Speiser regime: n_c = 0 and n_s/n_i from Eq. 9 with A_s = 1/2.
        let n_s = speiser::density_fraction(speiser_perp_over_par, speiser::SPEISER_ANISOTROPY).unwrap();
        let speiser_mix = Populations::new(0.0, 1.0, n_s, speiser::SPEISER_ANISOTROPY).unwrap();
        prop_assert!(close(model::current_ratio(&speiser_mix, &fractions, beta).unwrap(),
            speiser::current_ratio(speiser_perp_over_par, eta_e, eta_s).unwrap(), 1e-12));
        prop_assert!(close(model::kappa_squared(&speiser_mix, &fractions, beta).unwrap(),
            speiser::kappa_squared(speiser_perp_over_par, beta, eta_e, eta_s).unwrap(), 1e-10));
    }

    #[test]
    fn parallel_threshold_limits(beta in 1e-3..1e4f64, eta_c in 1e-3..1.0f64) {
        // eta_c^2 beta -> 0: R_c -> eta_c^2 beta / 2 (strongly magnetised cold ions). The paper
        // writes eta_c^2 beta, without the 1/2: see the claim `richard2025.small_beta_limit`.
        let small = 1e-6 / (eta_c * eta_c);
        prop_assert!(close(cold::threshold(eta_c, small).unwrap(), eta_c * eta_c * small / 2.0, 1e-5));
        // The threshold lies in (0, 1) and rises with beta.
        let r = cold::threshold(eta_c, beta).unwrap();
        prop_assert!(r > 0.0 && r < 1.0 && cold::threshold(eta_c, 2.0 * beta).unwrap() > r);
    }

    #[test]
    fn single_population_threshold_is_the_fluid_firehose_only_at_large_beta(beta in 2.0..1e4f64) {
        // Eq. 8 with eta_c = 1 is beta_par - beta_perp = 2 T_perp/T_par; the firehose is
        // beta_par - beta_perp = 2. Their difference in T_perp/T_par is exactly a^2/(1+a), a = 2/beta.
        let a = 2.0 / beta;
        let difference = cold::threshold(1.0, beta).unwrap() - cold::fluid_firehose(beta).unwrap();
        // Both terms are O(1) and cancel: allow their round-off, 1e-15, in absolute terms.
        prop_assert!((difference - a * a / (1.0 + a)).abs() < 1e-9 * a * a + 1e-15);
        let r = cold::threshold(1.0, beta).unwrap();
        let beta_perp = beta * r;
        prop_assert!(close(beta - beta_perp, 2.0 * r, 1e-9), "Eq. 8 in pressure form");
    }

    #[test]
    fn perpendicular_threshold_limits(beta in 1e-3..1e3f64, eta_e in 1e-2..2.0f64) {
        // eta_s -> 0: R_s -> 1/(eta_e beta); eta_s -> infinity: R_s -> 1.
        prop_assert!(close(speiser::threshold(1.0, beta, eta_e, 1e-10).unwrap(), 1.0 / (eta_e * beta), 1e-6));
        prop_assert!(close(speiser::threshold(1.0, beta, eta_e, 1e10).unwrap(), 1.0, 1e-6));
    }

    #[test]
    fn thresholds_are_where_kappa_takes_its_marginal_value(
        beta in 1e-2..3.0f64, eta_e in 0.05..0.5f64, eta_s in 0.5..10.0f64, kappa in prop::sample::select(vec![0.1, 1.0]),
    ) {
        let r_s = speiser::threshold(kappa, beta, eta_e, eta_s).unwrap();
        prop_assume!(r_s >= 1.0);
        prop_assert!(close(speiser::kappa_squared(r_s, beta, eta_e, eta_s).unwrap(), kappa * kappa, 1e-10));
        prop_assert!(close(speiser::beta_at_kappa(kappa, r_s, eta_e, eta_s).unwrap(), beta, 1e-10));
    }

    #[test]
    fn cold_contour_inversions_are_consistent(perp_over_par in 0.05..0.99f64, kappa in 0.01..100.0f64, eta_c in 0.1..1.0f64) {
        if let Some(beta) = cold::beta_at_kappa(kappa, perp_over_par, 0.3, eta_c).unwrap() {
            prop_assert!(close(cold::kappa_squared(perp_over_par, beta, 0.3, eta_c).unwrap(), kappa * kappa, 1e-9));
        }
        if let Some(beta) = cold::beta_at_current(2.0, perp_over_par, 0.3, eta_c).unwrap() {
            prop_assert!(close(cold::current_ratio(perp_over_par, beta, 0.3, eta_c).unwrap(), 2.0, 1e-9));
        }
    }
}

#[test]
fn non_physical_inputs_are_typed_errors() {
    assert!(matches!(
        cold::threshold(0.3, 0.0),
        Err(AnisotropyError::NonPositiveBeta { .. })
    ));
    assert!(matches!(
        cold::threshold(0.3, -1.0),
        Err(AnisotropyError::NonPositiveBeta { .. })
    ));
    assert!(matches!(
        cold::kappa_squared(-0.5, 1.0, 0.3, 0.3),
        Err(AnisotropyError::NonPositiveAnisotropy { .. })
    ));
    assert!(matches!(
        cold::kappa_squared(1.5, 1.0, 0.3, 0.3),
        Err(AnisotropyError::WrongRegime { .. })
    ));
    assert!(matches!(
        speiser::kappa_squared(0.5, 1.0, 0.3, 3.0),
        Err(AnisotropyError::WrongRegime { .. })
    ));
    assert!(matches!(
        CurrentFractions::new(0.3, f64::NAN, 0.3),
        Err(AnisotropyError::NonPositiveFraction {
            parameter: "eta_s",
            ..
        })
    ));
    assert!(matches!(
        Populations::new(1.2, 2.0, 0.0, 0.5),
        Err(AnisotropyError::DensityFractionOutOfRange { .. })
    ));
    assert!(matches!(
        Populations::new(0.6, 2.0, 0.6, 0.5),
        Err(AnisotropyError::DensityFractionOutOfRange { .. })
    ));
    assert!(matches!(
        Populations::new(-0.1, 2.0, 0.0, 0.5),
        Err(AnisotropyError::DensityFractionOutOfRange { .. })
    ));
    assert!(matches!(
        Populations::new(0.1, -2.0, 0.0, 0.5),
        Err(AnisotropyError::NonPositiveTemperature { .. })
    ));
    assert!(matches!(
        CurrentFractions::eta_c_from_temperatures(-200.0, 1000.0),
        Err(AnisotropyError::NonPositiveTemperature { .. })
    ));
    assert!(
        matches!(
            speiser::density_fraction(3.0, 0.5),
            Err(AnisotropyError::DensityFractionOutOfRange { .. })
        ),
        "T_perp/T_par = 3 needs n_s > n_i"
    );
}

mod brazil {
    use mmsbook::anisotropy::CurrentFractions;
    use mmsbook::anisotropy::bands::ThresholdRanges;
    use mmsbook::anisotropy::brazil::{
        BrazilError, synthetic_sample, threshold_fractions, threshold_share_ranges,
    };
    use mmsbook::binning::read_catalogue_str;

    fn fractions() -> CurrentFractions {
        CurrentFractions::new(0.3, 3.0, 0.3).unwrap()
    }

    #[test]
    fn threshold_fractions_count_each_side() {
        // beta 2, T_perp/T_par 0.05: below R_c = 0.083; beta 0.05, 5: above R_s = 4.13 but
        // below its kappa = 0.1 form (318); beta 0.5, isotropic: inside both.
        let csv = "beta_par,perp_over_par\n0.5,1.0\n2.0,0.05\n0.05,5.0\n";
        let frame = read_catalogue_str(csv, &["beta_par", "perp_over_par"]).unwrap();
        let shares = threshold_fractions(&frame, &fractions()).unwrap();
        assert_eq!(shares.samples, 3);
        assert!((shares.beyond_parallel - 1.0 / 3.0).abs() < 1e-12);
        assert!((shares.beyond_perpendicular - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(shares.beyond_perpendicular_tenth, 0.0);
    }

    #[test]
    fn synthetic_sample_is_reproducible_and_holds_only_equilibria() {
        let first = synthetic_sample(&fractions(), 500, 7).unwrap();
        assert_eq!(
            first,
            synthetic_sample(&fractions(), 500, 7).unwrap(),
            "same seed, same sample"
        );
        assert_eq!(first.height(), 500);
        let shares = threshold_fractions(&first, &fractions()).unwrap();
        assert_eq!(
            shares.beyond_parallel, 0.0,
            "states beyond Eq. 8 have no equilibrium and are never drawn"
        );
    }

    #[test]
    fn catalogues_with_non_physical_rows_are_typed_errors() {
        let frame = read_catalogue_str(
            "beta_par,perp_over_par\n1.0,1.0\n-0.5,1.0\n",
            &["beta_par", "perp_over_par"],
        )
        .unwrap();
        assert!(matches!(
            threshold_fractions(&frame, &fractions()),
            Err(BrazilError::NonPositive { row: 1, .. })
        ));
        let missing =
            read_catalogue_str("beta,perp_over_par\n1.0,1.0\n", &["beta", "perp_over_par"])
                .unwrap();
        assert!(matches!(
            threshold_fractions(&missing, &fractions()),
            Err(BrazilError::Binning(_))
        ));
    }

    #[test]
    fn band_shares_bracket_the_nominal_share() {
        // Beyond for every value in the ranges implies beyond for the nominal one, which
        // implies beyond for some value: every <= nominal <= some, for each threshold.
        let ranges = ThresholdRanges::published().unwrap();
        let sample = synthetic_sample(ranges.nominal(), 2000, 11).unwrap();
        let shares = threshold_share_ranges(&sample, &ranges).unwrap();
        for (name, share) in [
            ("Eq. 8", shares.parallel),
            ("Eq. 12", shares.perpendicular),
            ("Eq. 12, kappa = 0.1", shares.perpendicular_tenth),
        ] {
            assert!(
                share.every_reading <= share.nominal && share.nominal <= share.some_reading,
                "{name}: {share:?}"
            );
        }
        assert!(
            shares.perpendicular.some_reading - shares.perpendicular.every_reading > 0.1,
            "the stated ranges leave Eq. 12 loose: {:?}",
            shares.perpendicular
        );
    }

    #[test]
    fn ranges_of_zero_width_give_the_nominal_shares() {
        let exact = ThresholdRanges::exact(&fractions());
        let sample = synthetic_sample(&fractions(), 1000, 3).unwrap();
        let shares = threshold_share_ranges(&sample, &exact).unwrap();
        let nominal = threshold_fractions(&sample, &fractions()).unwrap();
        for (share, expected) in [
            (shares.parallel, nominal.beyond_parallel),
            (shares.perpendicular, nominal.beyond_perpendicular),
            (
                shares.perpendicular_tenth,
                nominal.beyond_perpendicular_tenth,
            ),
        ] {
            assert_eq!(
                (share.every_reading, share.nominal, share.some_reading),
                (expected, expected, expected)
            );
        }
    }

    #[test]
    fn ranges_reaching_zero_are_typed_errors() {
        use mmsbook::anisotropy::AnisotropyError;
        use mmsbook::anisotropy::published::{ETA_E, ETA_S};
        use mmsbook::claims::{Precision, Quoted};
        let reaching_zero =
            Quoted::new(0.3, Precision::Range { lo: 0.0, hi: 0.5 }, "test", "eta_c");
        assert!(matches!(
            ThresholdRanges::new(ETA_E, ETA_S, reaching_zero),
            Err(AnisotropyError::NonPositiveFraction {
                parameter: "eta_c",
                ..
            })
        ));
        let unbounded = Quoted::new(0.3, Precision::Below, "test", "eta_c");
        assert!(
            ThresholdRanges::new(ETA_E, ETA_S, unbounded).is_err(),
            "a bound is no range"
        );
    }
}

mod bands {
    use mmsbook::anisotropy::bands::ThresholdRanges;
    use mmsbook::anisotropy::{cold, speiser};

    #[test]
    fn band_ends_are_the_thresholds_at_the_ends_of_the_ranges() {
        let ranges = ThresholdRanges::published().unwrap();
        for beta in [0.1, 1.0, 10.0] {
            // Eq. 8 rises with eta_c: its band runs from eta_c = 0.1 to eta_c = 0.5.
            let parallel = ranges.parallel(beta).unwrap();
            assert!(
                (parallel.interval.lo() - cold::threshold(0.1, beta).unwrap()).abs() < 1e-15,
                "beta {beta}"
            );
            assert!(
                (parallel.interval.hi() - cold::threshold(0.5, beta).unwrap()).abs() < 1e-15,
                "beta {beta}"
            );
            // Eq. 12 is extreme at a corner of (eta_e, eta_s) in [0.1, 0.7] x [2, 5].
            let corners: Vec<f64> = [(0.1, 2.0), (0.1, 5.0), (0.7, 2.0), (0.7, 5.0)]
                .iter()
                .map(|&(e, s)| speiser::threshold(1.0, beta, e, s).unwrap())
                .collect();
            let perpendicular = ranges.perpendicular(1.0, beta).unwrap();
            assert_eq!(
                perpendicular.interval.lo(),
                corners.iter().copied().fold(f64::INFINITY, f64::min),
                "beta {beta}"
            );
            assert_eq!(
                perpendicular.interval.hi(),
                corners.iter().copied().fold(0.0, f64::max),
                "beta {beta}"
            );
        }
    }

    #[test]
    fn eq_12_bounds_the_perpendicular_side_only_below_beta_one_over_eta_e() {
        // R_s = 1 exactly at beta_par = 1/eta_e (kappa = 1): the band's upper edge leaves the
        // Speiser regime at 1/0.1 = 10, the nominal line at 1/0.3, the lower edge at 1/0.7.
        let ranges = ThresholdRanges::published().unwrap();
        for (beta, nominal_above) in [(1.0 / 0.7 * 0.99, true), (1.0 / 0.3 * 1.01, false)] {
            let band = ranges.perpendicular(1.0, beta).unwrap();
            assert_eq!(band.value > 1.0, nominal_above, "beta {beta}");
            assert!(
                band.interval.hi() > 1.0,
                "beta {beta}: some reading still bounds"
            );
        }
        assert!(
            ranges
                .perpendicular(1.0, 10.0 * 1.01)
                .unwrap()
                .interval
                .hi()
                < 1.0,
            "no reading bounds above beta 10"
        );
    }
}

proptest! {
    /// One population (eta_c^2 = T_perp/T_par itself): Eq. 8 solved self-consistently is the
    /// fluid firehose R = 1 - 2/beta_par at every beta_par > 2.
    #[test]
    fn a_single_population_threshold_is_the_fluid_firehose(beta in 2.01..1e3f64) {
        let single = cold::single_population_threshold(beta).unwrap();
        let firehose = cold::fluid_firehose(beta).unwrap();
        prop_assert!((single - firehose).abs() < 1e-12, "beta {}: {} vs {}", beta, single, firehose);
    }
}

#[test]
fn a_single_population_has_no_threshold_up_to_beta_two() {
    for beta in [0.5, 1.0, 2.0] {
        assert!(
            matches!(
                cold::single_population_threshold(beta),
                Err(AnisotropyError::NoSinglePopulationThreshold { .. })
            ),
            "beta {beta}"
        );
    }
    assert!(matches!(
        cold::single_population_threshold(-1.0),
        Err(AnisotropyError::NonPositiveBeta { .. })
    ));
}
