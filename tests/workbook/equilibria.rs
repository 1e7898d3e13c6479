//! The PIC equilibria of Richard et al. (2025), Sec. IV: the Lembège–Pellat sheet solves
//! Ampère's law and quasi-neutrality and keeps total pressure constant; the Harris sheet with
//! cold ions has the stated limits.

use mmsbook::anisotropy::harris_cold::HarrisWithColdIons;
use mmsbook::anisotropy::lembege_pellat::{EquilibriumError, LembegePellat, SpeciesParameters};
use proptest::prelude::*;

/// RK4 at step 1e-3 d_i: the profiles are accurate to ~1e-12; allow round-off growth.
const PROFILE_TOLERANCE: f64 = 1e-9;

fn total_pressure_spread(sheet: &LembegePellat) -> (f64, f64) {
    let profile = sheet.solve(6.0, 1e-3).unwrap();
    let total: Vec<f64> = profile
        .b_x
        .iter()
        .zip(&profile.p_zz)
        .map(|(b, p)| b * b / 2.0 + p)
        .collect();
    let (low, high) = total
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &t| {
            (lo.min(t), hi.max(t))
        });
    (high - low, total[0])
}

#[test]
fn paper_sheet_keeps_total_pressure_constant() {
    let (spread, total) = total_pressure_spread(&LembegePellat::paper());
    assert!(
        spread < PROFILE_TOLERANCE * total,
        "B_x^2/2 + P_zz varies by {spread:e}"
    );
}

#[test]
fn paper_sheet_solves_ampere_and_quasi_neutrality() {
    let sheet = LembegePellat::paper();
    let profile = sheet.solve(6.0, 1e-3).unwrap();
    for i in (1..profile.z.len() - 1).step_by(97) {
        let h = profile.z[i + 1] - profile.z[i - 1];
        let curl = (profile.b_x[i + 1] - profile.b_x[i - 1]) / h;
        assert!(
            (curl - profile.j_y[i]).abs() < 1e-5 * profile.j_y[0],
            "dB_x/dz = j_y at z = {}",
            profile.z[i]
        );
        let charge = sheet.charge_density(profile.a_y[i], profile.phi[i]);
        assert!(
            charge.abs() < 1e-10 * profile.n_i[i],
            "quasi-neutral at z = {}: {charge:e}",
            profile.z[i]
        );
    }
}

#[test]
fn paper_parameters_give_a_unit_lobe_field() {
    // The normalisation V_A0 = B0 / sqrt(mu0 m_i n0) needs B_lobe = B0 = 1: pressure balance
    // between the centre (1.2 x (5/12 + 1/12)) and the background (0.2 x (5/12 + 1/12)).
    let sheet = LembegePellat::paper();
    assert!((sheet.lobe_field().unwrap() - 1.0).abs() < 1e-12);
    // The ion current decays as exp(-0.8 z/d_i): by 14 d_i the field is within 1e-4 of the lobe.
    let profile = sheet.solve(14.0, 2e-3).unwrap();
    assert!(
        (profile.b_x.last().unwrap() - 1.0).abs() < 1e-4,
        "B_x(14 d_i) = {}",
        profile.b_x.last().unwrap()
    );
    assert!(
        profile.phi[0].abs() < 1e-12,
        "phi vanishes at the centre, where both species have T_0 = T_b"
    );
}

proptest! {
    #![proptest_config(crate::expensive_cases(24))]
    #[test]
    fn total_pressure_is_constant_for_any_sheet(
        t_i in 0.1..1.0f64, t_e_fraction in 0.05..1.0f64, v_i in 0.05..1.0f64, v_e in -3.0..-0.05f64, background in 0.0..0.5f64,
    ) {
        let t_e = t_i * t_e_fraction;
        let sheet = LembegePellat::new(
            SpeciesParameters { charge: 1.0, temperature: t_i, background_temperature: t_i, drift: v_i },
            SpeciesParameters { charge: -1.0, temperature: t_e, background_temperature: t_e, drift: v_e },
            background,
        ).unwrap();
        let (spread, total) = total_pressure_spread(&sheet);
        prop_assert!(spread < 1e-7 * total, "B_x^2/2 + P_zz varies by {spread:e} of {total}");
    }
}

#[test]
fn bad_parameters_are_typed_errors() {
    let good = SpeciesParameters {
        charge: 1.0,
        temperature: 0.4,
        background_temperature: 0.4,
        drift: 0.3,
    };
    let cold = SpeciesParameters {
        temperature: 0.0,
        ..good
    };
    assert!(matches!(
        LembegePellat::new(cold, good, 0.2),
        Err(EquilibriumError::NonPositiveTemperature { .. })
    ));
    assert!(matches!(
        LembegePellat::new(good, good, -0.2),
        Err(EquilibriumError::BadParameter { .. })
    ));
    assert!(matches!(
        LembegePellat::paper().solve(1.0, 2.0),
        Err(EquilibriumError::BadGrid { .. })
    ));
}

#[test]
fn harris_with_cold_ions_has_the_stated_limits() {
    let sheet = HarrisWithColdIons::paper();
    assert!(
        (sheet.density(0.0) - 1.0).abs() < 1e-3,
        "centre: the Harris density, cold ions still off"
    );
    assert!(
        (sheet.density(20.0) - 0.2).abs() < 1e-6,
        "far: only the cold inflow, n_c/n0 = 1/5"
    );
    assert!((sheet.b_x(20.0) - 1.0).abs() < 1e-4 && sheet.b_x(-1.0) < 0.0);
    assert!(
        (sheet.cold_density(4.0) - 0.1).abs() < 1e-12,
        "half switched on at |z| = 2L"
    );
}
