//! The electron distribution of Eq. 4 (Eq. 2 without mu-terms) evaluated literally from the
//! invariants `H`, `P_phi`, `P_z` and `mu`: what the closed-form moments are tested against,
//! and what a virtual spectrometer samples.

use super::error::{FluxRopeError, positive};
use super::moments::LocalPotentials;
use super::parameters::{Component, RopeParameters};
use crate::plasma::constants::{ELECTRON_MASS, ELEMENTARY_CHARGE};
use std::f64::consts::PI;

/// Electron phase-space density, s^3/m^6, at `at` for the velocity `(v_rho, v_phi, v_z)`
/// (m/s, rope rest frame), electron density parameter `n_e_m3` (m^-3) and perpendicular
/// factors `1 - a` (see [`super::parameters::perpendicular_factors`]). The mu-term uses the
/// paper's lowest order, `v_perp^2 = v_rho^2 + v_phi^2`. For many velocities, build an
/// [`ElectronDistribution`] once: this is its [`ElectronDistribution::density`].
///
/// ```
/// use mmsbook::flux_rope::RopeParameters;
/// use mmsbook::flux_rope::distribution::{ElectronDistribution, electron_phase_space_density};
/// use mmsbook::flux_rope::moments::LocalPotentials;
/// let params = RopeParameters::table_1();
/// let axis = LocalPotentials { rho_m: 0.0, phi_v: 0.0, a_phi_tm: 0.0, a_z_tm: 0.0 };
/// let v = [1e6, -2e6, 5e5];
/// let once = ElectronDistribution::new(&params, 1e6).unwrap();
/// assert_eq!(electron_phase_space_density(&params, 1e6, &axis, [1.0; 3], v), once.density(&axis, [1.0; 3], v));
/// ```
pub fn electron_phase_space_density(
    params: &RopeParameters,
    n_e_m3: f64,
    at: &LocalPotentials,
    factors: [f64; 3],
    velocity_ms: [f64; 3],
) -> f64 {
    ElectronDistribution::of_solved(params, n_e_m3).density(at, factors, velocity_ms)
}

/// The electron distribution of Eq. 4 for one set of constants, with each component's
/// Maxwellian normalisation `(m/2 pi T)^(3/2)` computed once: the velocity-space scans and
/// quadratures evaluate it at thousands of velocities.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ElectronDistribution {
    params: RopeParameters,
    /// Electron density parameter, m^-3.
    n_e_m3: f64,
    /// `(m/2 pi T_k)^(3/2)` of each component, s^3/m^3.
    normalisation: [f64; 3],
}

impl ElectronDistribution {
    /// The distribution with constants `params` and electron density parameter `n_e_m3`
    /// (m^-3).
    ///
    /// # Errors
    /// [`FluxRopeError`] naming the first non-physical constant (as
    /// [`RopeParameters::validate`]), or a non-positive or non-finite `n_e_m3`.
    pub fn new(params: &RopeParameters, n_e_m3: f64) -> Result<Self, FluxRopeError> {
        params.validate()?;
        positive("electron density parameter n_e_m3 (m^-3)", n_e_m3)?;
        Ok(Self::of_solved(params, n_e_m3))
    }

    /// [`ElectronDistribution::new`] for the constants of a solved equilibrium, which the
    /// solve has already validated.
    pub(super) fn of_solved(params: &RopeParameters, n_e_m3: f64) -> Self {
        let m = ELECTRON_MASS;
        ElectronDistribution {
            params: *params,
            n_e_m3,
            normalisation: Component::ALL
                .map(|component| (m / (2.0 * PI * params.temperature(component))).powf(1.5)),
        }
    }

    /// Phase-space density, s^3/m^6, at `at` for the velocity `(v_rho, v_phi, v_z)` (m/s, rope
    /// rest frame) and perpendicular factors `1 - a` (Eq. 4).
    pub fn density(&self, at: &LocalPotentials, factors: [f64; 3], velocity_ms: [f64; 3]) -> f64 {
        let (e, m) = (ELEMENTARY_CHARGE, ELECTRON_MASS);
        let [v_rho, v_phi, v_z] = velocity_ms;
        let kinetic_perp = 0.5 * m * (v_rho * v_rho + v_phi * v_phi);
        let energy = kinetic_perp + 0.5 * m * v_z * v_z - e * at.phi_v;
        let p_phi = at.rho_m * (m * v_phi - e * at.a_phi_tm);
        let p_z = m * v_z - e * at.a_z_tm;
        self.from_invariants(energy, p_phi, p_z, kinetic_perp, factors)
    }

    /// Eq. 4 from the invariants: the energy `H` (J), the canonical momenta `P_phi` (kg m^2/s)
    /// and `P_z` (kg m/s), and the perpendicular kinetic energy the mu-term takes (J), with
    /// perpendicular factors `1 - a`. The lowest order and the gyro-centre model
    /// ([`super::gyrocentre`]) differ only in the last.
    pub(super) fn from_invariants(
        &self,
        energy_j: f64,
        p_phi: f64,
        p_z: f64,
        kinetic_perp_j: f64,
        factors: [f64; 3],
    ) -> f64 {
        let params = &self.params;
        Component::ALL
            .iter()
            .map(|&component| {
                let t = params.temperature(component);
                let mu_term = (1.0 - factors[component as usize]) * kinetic_perp_j;
                let invariant_term = match component {
                    Component::Background => 0.0,
                    Component::Rotation => params.omega_rad_s * p_phi,
                    Component::Axial => params.v_axial_ms * p_z,
                };
                params.weight(component)
                    * self.normalisation[component as usize]
                    * ((-energy_j + invariant_term + mu_term) / t).exp()
            })
            .sum::<f64>()
            * self.n_e_m3
    }
}
