//! The Maxwellian and its quadrature moments: the thermal-speed convention closes on itself.

use mmsbook::maxwellian::{Maxwellian, MomentError, isotropic_moments};
use mmsbook::plasma::{Species, units};
use proptest::prelude::*;

proptest! {
    #[test]
    fn moments_of_a_maxwellian_return_its_density_and_temperature(
        n_cm3 in 0.01..100.0f64,
        t_ev in 1.0..2e4f64,
        electrons in any::<bool>(),
    ) {
        let species = if electrons { Species::ELECTRON } else { Species::PROTON };
        let f = Maxwellian::new(units::per_cm3(n_cm3), units::electronvolt(t_ev), species).unwrap();
        let moments = isotropic_moments(|v| f.phase_space_density(v), 12.0 * f.thermal_speed_ms(), species).unwrap();
        // exp(-144) of the tail is cut; the quadrature is asked for 1e-11.
        prop_assert!((units::to_per_cm3(moments.density_m3) / n_cm3 - 1.0).abs() < 1e-9);
        prop_assert!((units::to_electronvolt(moments.temperature_j) / t_ev - 1.0).abs() < 1e-9,
            "T from the second moment is the T that set v_th = sqrt(2T/m)");
    }

    #[test]
    fn the_thermal_speed_is_the_most_probable_speed(t_ev in 1.0..1e4f64) {
        let f = Maxwellian::new(1e6, units::electronvolt(t_ev), Species::PROTON).unwrap();
        let speed_density = |v: f64| v * v * f.phase_space_density(v);
        let w = f.thermal_speed_ms();
        prop_assert!(speed_density(w) > speed_density(0.99 * w) && speed_density(w) > speed_density(1.01 * w));
    }
}

#[test]
fn bad_inputs_are_typed_errors() {
    assert!(
        Maxwellian::new(-1.0, 1.0, Species::PROTON)
            .unwrap_err()
            .to_string()
            .contains("density")
    );
    assert!(
        Maxwellian::new(1.0, 0.0, Species::PROTON)
            .unwrap_err()
            .to_string()
            .contains("temperature")
    );
    assert_eq!(
        isotropic_moments(|_| 1.0, -1.0, Species::PROTON).unwrap_err(),
        MomentError::BadSpeedLimit { v_max_ms: -1.0 }
    );
    assert!(matches!(
        isotropic_moments(|_| 0.0, 1.0, Species::PROTON),
        Err(MomentError::NonPhysicalDensity { .. })
    ));
    assert!(matches!(
        isotropic_moments(|_| f64::NAN, 1.0, Species::PROTON),
        Err(MomentError::NonPhysicalDensity { .. })
    ));
}
