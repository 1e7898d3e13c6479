//! The linear kinetic thresholds of Hellinger et al. (2006): values, monotonicity, limits,
//! an independent published fit, and typed errors.

use mmsbook::anisotropy::kinetic_thresholds::{Instability, KineticThresholdError};
use proptest::prelude::*;

/// Fits of Verscharen et al. (2016), doi:10.3847/0004-637X/831/2/128, to their own
/// linear-theory contours at the same growth rate 1e-3 Omega_p, as tabulated in pyrfu
/// (`pyrfu/pyrf/anisotropy_thresholds.py`, `COEFFS_I[0.001]`): an independent computation
/// of the same four curves, `(a, b, beta0)`.
fn verscharen(instability: Instability) -> (f64, f64, f64) {
    match instability {
        Instability::ProtonCyclotron => (0.437, 0.428, -0.003),
        Instability::Mirror => (0.801, 0.763, -0.063),
        Instability::ParallelFirehose => (-0.497, 0.566, 0.543),
        Instability::ObliqueFirehose => (-1.390, 1.005, -0.111),
    }
}

/// The two fits agree to this share of `T_perp/T_par - 1` over 1.5 <= beta_par <= 10: each is
/// a three-parameter fit to numerically found contours, and 3% is their largest difference
/// there (mirror and parallel firehose at beta_par = 10).
const FIT_AGREEMENT: f64 = 0.035;

#[test]
fn values_at_beta_one_and_two_follow_the_table() {
    // Evaluated by hand from Table 1: 1 + a/(beta - beta0)^b, to 4 decimals.
    let cases = [
        (Instability::ProtonCyclotron, 1.0, 1.4299),
        (Instability::Mirror, 1.0, 1.7608),
        (Instability::ParallelFirehose, 2.0, 0.6082),
        (Instability::ObliqueFirehose, 2.0, 0.3365),
    ];
    for (instability, beta, expected) in cases {
        let value = instability.threshold(beta).unwrap();
        assert!(
            (value - expected).abs() < 5e-5,
            "{} at beta_par = {beta}: {value} against {expected}",
            instability.name()
        );
    }
}

#[test]
fn an_independent_fit_at_the_same_growth_rate_agrees() {
    for instability in Instability::ALL {
        let (a, b, beta0) = verscharen(instability);
        for beta in [1.5, 2.0, 3.0, 5.0, 10.0] {
            let hellinger = instability.threshold(beta).unwrap();
            let other = 1.0 + a / (beta - beta0).powf(b);
            let share = (hellinger - other).abs() / (hellinger - 1.0).abs();
            assert!(
                share < FIT_AGREEMENT,
                "{} at beta_par = {beta}: {hellinger} against Verscharen's {other} ({:.1}%)",
                instability.name(),
                100.0 * share
            );
        }
    }
}

proptest! {
    #[test]
    fn thresholds_approach_isotropy_monotonically_with_beta(beta in 0.6..1e3f64, factor in 1.01..10.0f64) {
        // Higher beta, weaker anisotropy needed: T_perp > T_par curves fall towards 1, firehose
        // curves rise towards it, and none crosses it.
        for instability in Instability::ALL {
            let (Ok(low), Ok(high)) = (instability.threshold(beta), instability.threshold(beta * factor)) else { continue };
            let a = instability.coefficients().a;
            if a > 0.0 {
                prop_assert!(1.0 < high && high < low, "{} not falling towards 1: {low} then {high}", instability.name());
            } else {
                prop_assert!(low < high && high < 1.0, "{} not rising towards 1: {low} then {high}", instability.name());
            }
        }
    }

    #[test]
    fn at_large_beta_every_threshold_tends_to_isotropy(beta in 1e6..1e9f64) {
        for instability in Instability::ALL {
            let departure = (instability.threshold(beta).unwrap() - 1.0).abs();
            prop_assert!(departure < 0.02, "{}: |R - 1| = {departure} at beta_par = {beta}", instability.name());
        }
    }
}

#[test]
fn the_mirror_curve_lies_above_the_proton_cyclotron_curve_at_low_beta() {
    // The familiar picture: at beta_par < 1 the cyclotron mode needs less anisotropy than
    // the mirror mode; the curves cross near beta_par ~ 1 to 3.
    for beta in [0.01, 0.1, 0.5] {
        assert!(
            Instability::Mirror.threshold(beta).unwrap()
                > Instability::ProtonCyclotron.threshold(beta).unwrap(),
            "beta_par = {beta}"
        );
    }
    assert!(
        Instability::Mirror.threshold(10.0).unwrap()
            < Instability::ProtonCyclotron.threshold(10.0).unwrap(),
        "beta_par = 10"
    );
}

#[test]
fn bad_betas_are_typed_errors() {
    for beta in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        assert!(
            matches!(
                Instability::Mirror.threshold(beta),
                Err(KineticThresholdError::NonPositiveBeta { .. })
            ),
            "beta_par = {beta}"
        );
    }
    assert!(
        matches!(Instability::ParallelFirehose.threshold(0.59), Err(KineticThresholdError::BelowFitDomain { beta0, .. }) if beta0 == 0.59),
        "the parallel firehose fit stops at beta0"
    );
    // The oblique firehose fit crosses zero at beta_par = 1.29: below it there is no threshold.
    assert!(matches!(
        Instability::ObliqueFirehose.threshold(1.0),
        Err(KineticThresholdError::NoThreshold { .. })
    ));
    assert!(Instability::ObliqueFirehose.threshold(1.3).is_ok());
}
