//! Plasma parameters: CODATA constants, characteristic frequencies, lengths and speeds.
//!
//! Conventions, stated once for the whole workbook and tested in `tests/workbook/plasma.rs`:
//!
//! * SI inside: every argument and result is in SI units (m, s, kg, C, T, J, m^-3).
//!   Values in the papers' units (nT, cm^-3, eV, km) are converted at the edges with
//!   [`units`].
//! * The thermal speed is the most probable speed of a Maxwellian, `v_th = sqrt(2 T / m)`.
//! * Temperatures are energies (joules); `T[eV] * e` converts.
//! * Frequencies are angular (rad/s).
//!
//! Every function validates its inputs and returns a [`PlasmaError`] naming the offending
//! parameter, so a negative density or a zero field never turns into a silent NaN.

pub mod constants;
mod error;
mod species;
pub mod units;

pub use error::PlasmaError;
pub use species::Species;

use constants::{SPEED_OF_LIGHT, VACUUM_PERMEABILITY, VACUUM_PERMITTIVITY};
use error::{computed, finite_non_negative, positive};

/// Plasma (angular) frequency `omega_p = sqrt(n q^2 / (eps0 m))`, in rad/s.
///
/// * `n_m3`: number density of the species, m^-3.
///
/// # Errors
/// [`PlasmaError::NonPositive`] if the density is not a positive finite number.
/// [`PlasmaError::OutOfRange`] if the result overflows a double.
///
/// ```
/// use mmsbook::plasma::{plasma_frequency, Species, units};
/// // The electron plasma frequency at 1 cm^-3 is 2 pi x 8.98 kHz.
/// let w = plasma_frequency(units::per_cm3(1.0), Species::ELECTRON).unwrap();
/// assert!((w / (2.0 * std::f64::consts::PI) / 8.98e3 - 1.0).abs() < 1e-3);
/// ```
pub fn plasma_frequency(n_m3: f64, species: Species) -> Result<f64, PlasmaError> {
    let n = positive("density n_m3", n_m3)?;
    computed(
        "plasma frequency",
        (n * species.charge_c().powi(2) / (VACUUM_PERMITTIVITY * species.mass_kg())).sqrt(),
    )
}

/// Cyclotron (angular) frequency `omega_c = |q| B / m`, in rad/s.
///
/// * `b_t`: magnetic field strength, T.
///
/// # Errors
/// [`PlasmaError::NonPositive`] if the field strength is not positive and finite.
/// [`PlasmaError::OutOfRange`] if the result overflows a double.
///
/// ```
/// use mmsbook::plasma::{cyclotron_frequency, Species, units};
/// // Proton gyrofrequency in a 10 nT lobe field: about 0.96 rad/s (0.15 Hz).
/// let w = cyclotron_frequency(units::nanotesla(10.0), Species::PROTON).unwrap();
/// assert!((w - 0.958).abs() < 1e-3);
/// ```
pub fn cyclotron_frequency(b_t: f64, species: Species) -> Result<f64, PlasmaError> {
    let b = positive("field strength b_t", b_t)?;
    computed(
        "cyclotron frequency",
        species.charge_c().abs() * b / species.mass_kg(),
    )
}

/// Inertial length (skin depth) `d = c / omega_p`, in m.
///
/// * `n_m3`: number density of the species, m^-3.
///
/// # Errors
/// [`PlasmaError::NonPositive`] if the density is not positive and finite.
/// [`PlasmaError::OutOfRange`] if the result overflows a double.
///
/// ```
/// use mmsbook::plasma::{inertial_length, Species, units};
/// // d_i ~ 228 km at 1 cm^-3.
/// let d_i = inertial_length(units::per_cm3(1.0), Species::PROTON).unwrap();
/// assert!((d_i / 1e3 - 227.7).abs() < 0.1);
/// ```
pub fn inertial_length(n_m3: f64, species: Species) -> Result<f64, PlasmaError> {
    computed(
        "inertial length",
        SPEED_OF_LIGHT / plasma_frequency(n_m3, species)?,
    )
}

/// Thermal speed `v_th = sqrt(2 T / m)`, in m/s: the workbook's one convention.
///
/// * `t_j`: temperature as an energy, J (multiply eV by the elementary charge).
///
/// # Errors
/// [`PlasmaError::Negative`] if the temperature is negative or not finite.
/// [`PlasmaError::OutOfRange`] if the result overflows a double.
///
/// ```
/// use mmsbook::plasma::{thermal_speed, Species, units};
/// // Electrons at 30 eV move at about 3250 km/s.
/// let v = thermal_speed(units::electronvolt(30.0), Species::ELECTRON).unwrap();
/// assert!((v / 1e3 - 3248.).abs() < 1.0);
/// ```
pub fn thermal_speed(t_j: f64, species: Species) -> Result<f64, PlasmaError> {
    let t = finite_non_negative("temperature t_j", t_j)?;
    computed("thermal speed", (2.0 * t / species.mass_kg()).sqrt())
}

/// Gyroradius `r = v_perp / omega_c` of a particle with perpendicular speed `v_perp`, in m.
///
/// * `v_perp_ms`: speed perpendicular to the field, m/s.
/// * `b_t`: magnetic field strength, T.
///
/// # Errors
/// [`PlasmaError::Negative`] for a negative speed, [`PlasmaError::NonPositive`] for a
/// non-positive field.
/// [`PlasmaError::OutOfRange`] if the result overflows a double.
///
/// ```
/// use mmsbook::plasma::{gyroradius, Species, units};
/// // A 1000 km/s proton in 20 nT gyrates on a 522 km radius.
/// let r = gyroradius(1.0e6, units::nanotesla(20.0), Species::PROTON).unwrap();
/// assert!((r / 1e3 - 522.).abs() < 1.0);
/// ```
pub fn gyroradius(v_perp_ms: f64, b_t: f64, species: Species) -> Result<f64, PlasmaError> {
    let v = finite_non_negative("perpendicular speed v_perp_ms", v_perp_ms)?;
    computed("gyroradius", v / cyclotron_frequency(b_t, species)?)
}

/// Thermal gyroradius `rho = v_th / omega_c` with `v_th = sqrt(2T/m)`, in m.
///
/// * `t_j`: temperature as an energy, J.
/// * `b_t`: magnetic field strength, T.
///
/// # Errors
/// As [`thermal_speed`] and [`cyclotron_frequency`].
/// [`PlasmaError::OutOfRange`] if the result overflows a double.
pub fn thermal_gyroradius(t_j: f64, b_t: f64, species: Species) -> Result<f64, PlasmaError> {
    gyroradius(thermal_speed(t_j, species)?, b_t, species)
}

/// Alfvén speed `V_A = B / sqrt(mu0 n m)`, in m/s, for a plasma of density `n_m3` of ions
/// of the given species (electron inertia neglected).
///
/// * `b_t`: magnetic field strength, T.
/// * `n_m3`: ion number density, m^-3.
///
/// # Errors
/// [`PlasmaError::NonPositive`] for a non-positive field or density.
/// [`PlasmaError::OutOfRange`] if the result overflows a double.
///
/// ```
/// use mmsbook::plasma::{alfven_speed, Species, units};
/// // 20 nT and 1 cm^-3 of protons: 436 km/s.
/// let v = alfven_speed(units::nanotesla(20.0), units::per_cm3(1.0), Species::PROTON).unwrap();
/// assert!((v / 1e3 - 436.2).abs() < 0.5);
/// ```
pub fn alfven_speed(b_t: f64, n_m3: f64, ion: Species) -> Result<f64, PlasmaError> {
    let b = positive("field strength b_t", b_t)?;
    let n = positive("density n_m3", n_m3)?;
    computed(
        "Alfven speed",
        b / (VACUUM_PERMEABILITY * n * ion.mass_kg()).sqrt(),
    )
}

/// Plasma beta `beta = n T / (B^2 / 2 mu0)`: thermal over magnetic pressure of one species.
///
/// * `n_m3`: number density, m^-3; `t_j`: temperature, J; `b_t`: field strength, T.
///
/// # Errors
/// [`PlasmaError::NonPositive`] for a non-positive density or field,
/// [`PlasmaError::Negative`] for a negative temperature.
/// [`PlasmaError::OutOfRange`] if the result overflows a double.
///
/// ```
/// use mmsbook::plasma::{beta, units};
/// // 0.3 cm^-3 at 4 keV in 20 nT: beta = 1.21, a plasma-sheet value.
/// let b = beta(units::per_cm3(0.3), units::electronvolt(4000.0), units::nanotesla(20.0)).unwrap();
/// assert!((b - 1.208).abs() < 1e-3);
/// ```
pub fn beta(n_m3: f64, t_j: f64, b_t: f64) -> Result<f64, PlasmaError> {
    let n = positive("density n_m3", n_m3)?;
    let t = finite_non_negative("temperature t_j", t_j)?;
    let b = positive("field strength b_t", b_t)?;
    computed("beta", n * t / magnetic_pressure_unchecked(b))
}

/// Magnetic pressure `B^2 / (2 mu0)`, in Pa.
///
/// * `b_t`: magnetic field strength, T (zero allowed: a null has no magnetic pressure).
///
/// # Errors
/// [`PlasmaError::Negative`] if `b_t` is negative or not finite.
/// [`PlasmaError::OutOfRange`] if the result overflows a double.
pub fn magnetic_pressure(b_t: f64) -> Result<f64, PlasmaError> {
    computed(
        "magnetic pressure",
        magnetic_pressure_unchecked(finite_non_negative("field strength b_t", b_t)?),
    )
}

fn magnetic_pressure_unchecked(b_t: f64) -> f64 {
    b_t * b_t / (2.0 * VACUUM_PERMEABILITY)
}

/// The lobe field that balances a plasma sheet of ion beta `beta_i` in a field `b_t`:
/// `B0 = B sqrt(1 + beta_i)`, from `B0^2/2mu0 = B^2/2mu0 + n T_i` (electron pressure
/// neglected, as in Richard et al. 2025, Sec. III.1). In T.
///
/// # Errors
/// [`PlasmaError::NonPositive`] for a non-positive field, [`PlasmaError::Negative`] for a
/// negative beta.
/// [`PlasmaError::OutOfRange`] if the result overflows a double.
///
/// ```
/// use mmsbook::plasma::{beta, lobe_field_from_pressure_balance, magnetic_pressure, units};
/// let (n, t, b) = (units::per_cm3(0.3), units::electronvolt(3000.0), units::nanotesla(8.0));
/// let b0 = lobe_field_from_pressure_balance(b, beta(n, t, b).unwrap()).unwrap();
/// let balance = magnetic_pressure(b0).unwrap() - magnetic_pressure(b).unwrap() - n * t;
/// assert!(balance.abs() < 1e-12 * n * t);
/// ```
pub fn lobe_field_from_pressure_balance(b_t: f64, beta_i: f64) -> Result<f64, PlasmaError> {
    let b = positive("field strength b_t", b_t)?;
    let beta_i = finite_non_negative("ion beta beta_i", beta_i)?;
    computed("lobe field", b * (1.0 + beta_i).sqrt())
}
