//! Electron pitch-angle anisotropy seen from a moving spacecraft (Sec. 4, Eqs. 6–7, Figure 5).
//!
//! A spacecraft moving through the rope's rest frame sees each electron at a different
//! rest-frame energy depending on its direction; with Maxwellian-like distributions that
//! shifts the flux exponentially (Eq. 6). A bi-Maxwellian adds the perpendicular/parallel
//! ratio of Eq. 7.

use super::crossing::{Formation, Spacecraft};
use super::distribution::ElectronDistribution;
use super::equilibrium::Profile;
use super::error::{FluxRopeError, finite, positive};
use super::moments::LocalPotentials;
use crate::plasma::constants::{ELECTRON_MASS, ELEMENTARY_CHARGE};
use std::f64::consts::PI;

/// Speed of an electron of kinetic energy `energy_j` (J), m/s: `v = sqrt(2W/m_e)`.
pub fn electron_speed(energy_j: f64) -> f64 {
    (2.0 * energy_j / ELECTRON_MASS).sqrt()
}

/// Checks an energy and a temperature for Eqs. 6–7.
fn check(energy_j: f64, temperatures_j: &[(&'static str, f64)]) -> Result<(), FluxRopeError> {
    if !(energy_j.is_finite() && energy_j >= 0.0) {
        return Err(FluxRopeError::NonPositive {
            parameter: "electron energy energy_j (J, >= 0)",
            value: energy_j,
        });
    }
    for (parameter, t) in temperatures_j {
        positive(parameter, *t)?;
    }
    Ok(())
}

/// Eq. 6: `f_para / f_anti = exp(2 m_e v_s v / T_par)` for electrons of energy `energy_j`
/// (J) seen from a spacecraft whose velocity relative to the plasma has parallel component
/// `v_s_ms` (m/s; positive when the plasma streams along B past the spacecraft), with
/// parallel temperature `t_par_j` (J). Exact for a drifting Maxwellian.
///
/// # Errors
/// [`FluxRopeError`] for a negative energy, a non-positive temperature or a non-finite speed.
pub fn parallel_antiparallel_ratio(
    energy_j: f64,
    v_s_ms: f64,
    t_par_j: f64,
) -> Result<f64, FluxRopeError> {
    check(energy_j, &[("parallel temperature t_par_j (J)", t_par_j)])?;
    finite("spacecraft parallel speed v_s_ms (m/s)", v_s_ms)?;
    Ok((2.0 * ELECTRON_MASS * v_s_ms * electron_speed(energy_j) / t_par_j).exp())
}

/// Eq. 7: `f_perp / f_par = exp(W (1/T_par - 1/T_perp))` at energy `energy_j` (J) for a
/// bi-Maxwellian with temperatures `t_par_j`, `t_perp_j` (J), spacecraft motion ignored.
///
/// # Errors
/// [`FluxRopeError`] for a negative energy or a non-positive temperature.
pub fn perpendicular_parallel_ratio(
    energy_j: f64,
    t_par_j: f64,
    t_perp_j: f64,
) -> Result<f64, FluxRopeError> {
    check(
        energy_j,
        &[
            ("parallel temperature t_par_j (J)", t_par_j),
            ("perpendicular temperature t_perp_j (J)", t_perp_j),
        ],
    )?;
    Ok((energy_j * (1.0 / t_par_j - 1.0 / t_perp_j)).exp())
}

/// The energy (J) above which Eq. 7's ratio outweighs Eq. 6's in logarithm, `|ln r_perp/par|
/// = |ln r_p/a|`: `v = 4 v_s / (T_par |1/T_par - 1/T_perp|)`. Infinite when isotropic.
///
/// # Errors
/// [`FluxRopeError`] for a non-positive temperature or a non-finite speed.
pub fn crossover_energy(v_s_ms: f64, t_par_j: f64, t_perp_j: f64) -> Result<f64, FluxRopeError> {
    check(
        0.0,
        &[
            ("parallel temperature t_par_j (J)", t_par_j),
            ("perpendicular temperature t_perp_j (J)", t_perp_j),
        ],
    )?;
    finite("spacecraft parallel speed v_s_ms (m/s)", v_s_ms)?;
    let speed = 4.0 * v_s_ms.abs() / (t_par_j * (1.0 / t_par_j - 1.0 / t_perp_j).abs());
    Ok(0.5 * ELECTRON_MASS * speed * speed)
}

/// Gyrophases averaged over for one pitch-angle bin (FPI averages its azimuths too).
const GYROPHASES: usize = 16;

/// The pitch-angle distribution (s^3/m^6, gyrophase-averaged) that spacecraft `k` of
/// `formation` measures at time `t_s` (s) at electron energy `energy_ev` (eV, spacecraft
/// frame), at the pitch angles `pitch_deg` (deg), in the rope `profile` centred at the origin.
///
/// # Errors
/// [`FluxRopeError`] for a bad formation, a non-finite time or pitch angle, a non-positive
/// energy, or a density that is not finite there (e.g. where the field vanishes).
pub fn spacecraft_pad(
    profile: &Profile,
    formation: &Formation,
    k: Spacecraft,
    t_s: f64,
    energy_ev: f64,
    pitch_deg: &[f64],
) -> Result<Vec<f64>, FluxRopeError> {
    formation.validate()?;
    finite("time t_s (s)", t_s)?;
    positive("electron energy energy_ev (eV)", energy_ev)?;
    for &alpha in pitch_deg {
        finite("pitch angle (deg)", alpha)?;
    }
    let position = formation.position(k, t_s, formation.velocity_lmn_ms);
    let (dl, dn) = (position[0], position[2]);
    let rho = dl.hypot(dn);
    let (sin_phi, cos_phi) = if rho > 0.0 {
        (dl / rho, dn / rho)
    } else {
        (0.0, 1.0)
    };
    let b_z = profile.interpolate(rho, |i| profile.b_z_t[i]);
    let b_phi = profile.interpolate(rho, |i| profile.b_phi_t[i]);
    let at = LocalPotentials {
        rho_m: rho,
        phi_v: profile.interpolate(rho, |i| profile.potentials[i].phi_v),
        a_phi_tm: profile.interpolate(rho, |i| profile.potentials[i].a_phi_tm),
        a_z_tm: profile.interpolate(rho, |i| profile.potentials[i].a_z_tm),
    };
    let factors: [f64; 3] =
        std::array::from_fn(|c| profile.interpolate(rho, |i| profile.factors[i][c]));
    // Field-aligned basis in cylindrical (rho, phi, z) components.
    let magnitude = b_z.hypot(b_phi);
    let b_hat = [0.0, b_phi / magnitude, b_z / magnitude];
    let e1 = [1.0, 0.0, 0.0];
    let e2 = [0.0, b_hat[2], -b_hat[1]];
    // Spacecraft velocity in cylindrical components.
    let [w_l, w_m, w_n] = formation.velocity_lmn_ms;
    let w = [
        w_l * sin_phi + w_n * cos_phi,
        w_l * cos_phi - w_n * sin_phi,
        w_m,
    ];
    let speed = electron_speed(energy_ev * ELEMENTARY_CHARGE);
    let distribution = ElectronDistribution::of_solved(&profile.params, profile.n_e_parameter_m3);
    pitch_deg
        .iter()
        .map(|alpha| {
            let (sin_a, cos_a) = alpha.to_radians().sin_cos();
            (0..GYROPHASES)
                .map(|g| {
                    let (sin_g, cos_g) =
                        (2.0 * PI * (g as f64 + 0.5) / GYROPHASES as f64).sin_cos();
                    let v: [f64; 3] = std::array::from_fn(|i| {
                        speed * (cos_a * b_hat[i] + sin_a * (cos_g * e1[i] + sin_g * e2[i])) + w[i]
                    });
                    distribution.density(&at, factors, v)
                })
                .sum::<f64>()
                / GYROPHASES as f64
        })
        .map(|density| {
            if density.is_finite() {
                Ok(density)
            } else {
                Err(FluxRopeError::BadCoefficient {
                    parameter: "phase-space density at this point",
                    extra: "",
                    value: density,
                })
            }
        })
        .collect()
}

/// The two anisotropies of Eqs. 6–7 as a spacecraft's pitch-angle distribution shows them
/// in one energy channel: `ln(f(0°)/f(180°))` and `ln(f(90°)/f_par)`, with `f_par` the
/// geometric mean of `f(0°)` and `f(180°)` (which removes the parallel/antiparallel
/// asymmetry of Eq. 6 to first order, as the paper's `f_par` "between f_para and f_anti" does).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChannelAnisotropy {
    /// Channel energy, eV (spacecraft frame).
    pub energy_ev: f64,
    /// `ln r_p/a = ln(f(0°)/f(180°))`.
    pub log_para_anti: f64,
    /// `ln r_perp/par = ln f(90°) - (ln f(0°) + ln f(180°))/2`.
    pub log_perp_par: f64,
}

impl ChannelAnisotropy {
    /// How significant the perpendicular/parallel anisotropy is beside the parallel/
    /// antiparallel one: `|ln r_perp/par| / |ln r_p/a|`. Eqs. 6–7 make it grow as `sqrt(W)`.
    pub fn relative_significance(&self) -> f64 {
        (self.log_perp_par / self.log_para_anti).abs()
    }
}

/// [`ChannelAnisotropy`] for spacecraft `k` of `formation` at time `t_s` (s) in each of the
/// channels `energies_ev` (eV), from the model distribution sampled by [`spacecraft_pad`].
///
/// # Errors
/// [`FluxRopeError::NonPositive`] for a non-positive channel energy, or if the sampled
/// distribution is not positive at 0°, 90° or 180° (its logarithm is then undefined).
pub fn channel_anisotropies(
    profile: &Profile,
    formation: &Formation,
    k: Spacecraft,
    t_s: f64,
    energies_ev: &[f64],
) -> Result<Vec<ChannelAnisotropy>, FluxRopeError> {
    energies_ev
        .iter()
        .map(|&energy_ev| {
            positive("channel energy energy_ev (eV)", energy_ev)?;
            let pad = spacecraft_pad(profile, formation, k, t_s, energy_ev, &[0.0, 90.0, 180.0])?;
            let logs = pad
                .iter()
                .map(|&f| positive("sampled phase-space density (s^3/m^6)", f).map(f64::ln))
                .collect::<Result<Vec<f64>, _>>()?;
            Ok(ChannelAnisotropy {
                energy_ev,
                log_para_anti: logs[0] - logs[2],
                log_perp_par: logs[1] - 0.5 * (logs[0] + logs[2]),
            })
        })
        .collect()
}

/// Least-squares slope of `ln y` against `ln x` over `points` (`(x, y)`, both positive):
/// the exponent of a power law through them. Eqs. 6–7 give 1/2 for the
/// [`ChannelAnisotropy::relative_significance`] against energy.
///
/// # Errors
/// [`FluxRopeError::NonPositive`] for a non-positive coordinate, or fewer than two distinct `x`.
pub fn log_log_slope(points: &[(f64, f64)]) -> Result<f64, FluxRopeError> {
    let logs = points
        .iter()
        .map(|&(x, y)| {
            Ok((
                positive("abscissa x", x)?.ln(),
                positive("ordinate y", y)?.ln(),
            ))
        })
        .collect::<Result<Vec<(f64, f64)>, FluxRopeError>>()?;
    let count = logs.len() as f64;
    let (mean_x, mean_y) = (
        logs.iter().map(|p| p.0).sum::<f64>() / count,
        logs.iter().map(|p| p.1).sum::<f64>() / count,
    );
    let spread: f64 = logs.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    if !(spread > 0.0) {
        return Err(FluxRopeError::NonPositive {
            parameter: "spread of ln x over the points (two distinct x needed)",
            value: spread,
        });
    }
    Ok(logs
        .iter()
        .map(|p| (p.0 - mean_x) * (p.1 - mean_y))
        .sum::<f64>()
        / spread)
}
