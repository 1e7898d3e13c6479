//! The plasma toolkit against hand-checkable values and its input validation.

use mmsbook::plasma::{
    PlasmaError, Species, alfven_speed, beta, cyclotron_frequency, gyroradius, inertial_length,
    magnetic_pressure, plasma_frequency, thermal_gyroradius, thermal_speed, units,
};

/// Textbook rules of thumb are quoted to about 3 significant figures (NRL formulary).
const RULE_OF_THUMB: f64 = 5e-3;

fn assert_close(name: &str, value: f64, expected: f64, relative: f64) {
    let error = (value / expected - 1.0).abs();
    assert!(
        error < relative,
        "{name}: got {value:.6e}, expected {expected:.6e} (relative error {error:.2e})"
    );
}

#[test]
fn ion_inertial_length_is_228_km_over_sqrt_n() {
    for n_cm3 in [0.01, 0.27, 1.0, 7.0, 40.0] {
        let d_i = inertial_length(units::per_cm3(n_cm3), Species::PROTON).unwrap();
        assert_close(
            &format!("d_i at {n_cm3} cm^-3"),
            units::to_km(d_i),
            228.0 / n_cm3.sqrt(),
            RULE_OF_THUMB,
        );
    }
}

#[test]
fn electron_inertial_length_is_5_31_km_over_sqrt_n() {
    for n_cm3 in [0.1, 1.0, 7.0, 10.0] {
        let d_e = inertial_length(units::per_cm3(n_cm3), Species::ELECTRON).unwrap();
        assert_close(
            &format!("d_e at {n_cm3} cm^-3"),
            units::to_km(d_e),
            5.31 / n_cm3.sqrt(),
            RULE_OF_THUMB,
        );
    }
}

#[test]
fn ion_to_electron_inertial_length_ratio_is_sqrt_mass_ratio() {
    let n = units::per_cm3(1.0);
    let ratio = inertial_length(n, Species::PROTON).unwrap()
        / inertial_length(n, Species::ELECTRON).unwrap();
    assert_close("d_i/d_e", ratio, 1_836.152_673_43_f64.sqrt(), 1e-9);
    let pic = inertial_length(n, Species::pic_electron(100.0).unwrap()).unwrap();
    assert_close(
        "PIC d_i/d_e at m_i/m_e = 100",
        inertial_length(n, Species::PROTON).unwrap() / pic,
        10.0,
        1e-12,
    );
}

#[test]
fn frequencies_match_the_formulary() {
    // f_pe = 8.98 kHz sqrt(n[cm^-3]); f_ce = 28 Hz per nT; f_ci = 15.2 mHz per nT.
    let two_pi = 2.0 * std::f64::consts::PI;
    assert_close(
        "f_pe",
        plasma_frequency(units::per_cm3(4.0), Species::ELECTRON).unwrap() / two_pi,
        2.0 * 8.98e3,
        RULE_OF_THUMB,
    );
    assert_close(
        "f_ce",
        cyclotron_frequency(units::nanotesla(10.0), Species::ELECTRON).unwrap() / two_pi,
        280.0,
        RULE_OF_THUMB,
    );
    assert_close(
        "f_ci",
        cyclotron_frequency(units::nanotesla(10.0), Species::PROTON).unwrap() / two_pi,
        0.152,
        RULE_OF_THUMB,
    );
}

#[test]
fn thermal_speed_convention_is_sqrt_2t_over_m() {
    // 1 eV proton: sqrt(2 e / m_p) = 13.84 km/s; 1 eV electron: 593 km/s.
    assert_close(
        "v_th,p(1 eV)",
        thermal_speed(units::electronvolt(1.0), Species::PROTON).unwrap(),
        13.84e3,
        1e-3,
    );
    assert_close(
        "v_th,e(1 eV)",
        thermal_speed(units::electronvolt(1.0), Species::ELECTRON).unwrap(),
        593.1e3,
        1e-3,
    );
    let t = units::electronvolt(250.0);
    let v = thermal_speed(t, Species::ELECTRON).unwrap();
    let energy_of_thermal_speed = 0.5 * Species::ELECTRON.mass_kg() * v * v;
    assert_close("m v_th^2 / 2 = T", energy_of_thermal_speed, t, 1e-12);
}

#[test]
fn gyroradius_alfven_speed_and_beta_match_hand_values() {
    // 1 keV proton in 10 nT: v_th = 437.7 km/s, rho = 457 km.
    assert_close(
        "rho_p",
        thermal_gyroradius(
            units::electronvolt(1e3),
            units::nanotesla(10.0),
            Species::PROTON,
        )
        .unwrap(),
        456.9e3,
        1e-3,
    );
    assert_close(
        "r",
        gyroradius(1e5, units::nanotesla(10.0), Species::PROTON).unwrap(),
        104.4e3,
        1e-3,
    );
    // V_A = 21.8 km/s B[nT] / sqrt(n[cm^-3]).
    assert_close(
        "V_A",
        alfven_speed(units::nanotesla(10.0), units::per_cm3(1.0), Species::PROTON).unwrap(),
        218.1e3,
        1e-3,
    );
    // Thermal pressure equal to magnetic pressure gives beta = 1.
    let (n, b) = (units::per_cm3(0.5), units::nanotesla(15.0));
    let t_equal = magnetic_pressure(b).unwrap() / n;
    assert_close(
        "beta at pressure equality",
        beta(n, t_equal, b).unwrap(),
        1.0,
        1e-12,
    );
}

#[test]
fn non_physical_inputs_are_typed_errors_naming_the_parameter() {
    let cases: Vec<(&str, Result<f64, PlasmaError>, &str)> = vec![
        (
            "negative density",
            inertial_length(-1.0, Species::PROTON),
            "density",
        ),
        (
            "NaN density",
            plasma_frequency(f64::NAN, Species::ELECTRON),
            "density",
        ),
        (
            "zero field",
            cyclotron_frequency(0.0, Species::PROTON),
            "field",
        ),
        (
            "negative temperature",
            thermal_speed(-1.0, Species::ELECTRON),
            "temperature",
        ),
        (
            "infinite temperature",
            thermal_speed(f64::INFINITY, Species::ELECTRON),
            "temperature",
        ),
        (
            "negative speed",
            gyroradius(-1.0, 1e-9, Species::PROTON),
            "speed",
        ),
        (
            "zero density in V_A",
            alfven_speed(1e-9, 0.0, Species::PROTON),
            "density",
        ),
        ("negative field in beta", beta(1e6, 1.0, -1e-9), "field"),
    ];
    for (case, result, parameter) in cases {
        let error = result.expect_err(case);
        assert!(
            error.to_string().contains(parameter),
            "{case}: message `{error}` should name {parameter}"
        );
    }
    assert!(
        Species::new(1e-27, 0.0).is_err(),
        "a neutral species has no gyrofrequency"
    );
    assert!(
        Species::pic_electron(-100.0).is_err(),
        "mass ratio must be positive"
    );
}

#[test]
fn unit_conversions_round_trip() {
    for x in [1e-3, 1.0, 7.3, 1e4] {
        assert_close("nT", units::to_nanotesla(units::nanotesla(x)), x, 1e-15);
        assert_close("cm^-3", units::to_per_cm3(units::per_cm3(x)), x, 1e-15);
        assert_close(
            "eV",
            units::to_electronvolt(units::electronvolt(x)),
            x,
            1e-15,
        );
        assert_close("km", units::to_km(units::km(x)), x, 1e-15);
    }
}
