//! Closed-form moments of Eqs. 2 and 4 at one radius, obtained by completing the square in
//! velocity: each electron component is a Maxwellian, drifting and (with a mu-term)
//! bi-Maxwellian, whose density carries the spatial factor of its invariants.

use super::parameters::{Component, RopeParameters};
use crate::plasma::constants::{ELECTRON_MASS, ELEMENTARY_CHARGE};

/// Where in the rope, and the potentials there: the arguments of every moment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LocalPotentials {
    /// Radius, m.
    pub rho_m: f64,
    /// Electric potential, V.
    pub phi_v: f64,
    /// Azimuthal vector potential `A_phi`, T m.
    pub a_phi_tm: f64,
    /// Axial vector potential `A_z`, T m.
    pub a_z_tm: f64,
}

/// One electron component's moments: density (signed: the rotation component's is
/// negative), drift and temperatures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ComponentMoments {
    /// Signed density, m^-3.
    pub density_m3: f64,
    /// Azimuthal drift, m/s.
    pub u_phi_ms: f64,
    /// Axial drift, m/s.
    pub u_z_ms: f64,
    /// Temperature across the axis (rho and phi), J.
    pub t_perp_j: f64,
    /// Temperature along the axis, J.
    pub t_par_j: f64,
}

/// Electron moments summed over the components, in the rope's (rho, phi, z) frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ElectronMoments {
    /// Density, m^-3.
    pub density_m3: f64,
    /// Bulk velocity, azimuthal, m/s.
    pub u_phi_ms: f64,
    /// Bulk velocity, axial, m/s.
    pub u_z_ms: f64,
    /// Current density `-e sum N_k u_k`, azimuthal, A/m^2.
    pub j_phi_am2: f64,
    /// Current density, axial, A/m^2.
    pub j_z_am2: f64,
    /// Diagonal temperatures `P_ii / N` (rho rho, phi phi, z z), J.
    pub temperature_j: [f64; 3],
}

/// The exponent `(e phi - ...)/T` of a component's spatial factor, and its drifts.
fn spatial_exponent(
    params: &RopeParameters,
    component: Component,
    at: &LocalPotentials,
    perpendicular_factor: f64,
) -> (f64, f64, f64) {
    let (e, m) = (ELEMENTARY_CHARGE, ELECTRON_MASS);
    let t = params.temperature(component);
    match component {
        Component::Background => (e * at.phi_v / t, 0.0, 0.0),
        Component::Rotation => {
            let (omega, rho) = (params.omega_rad_s, at.rho_m);
            // Completing the square in v_phi with the mu-term's factor on v_phi^2.
            let drift = omega * rho / perpendicular_factor;
            let exponent =
                (e * at.phi_v - e * omega * rho * at.a_phi_tm + 0.5 * m * omega * drift * rho) / t;
            (exponent, drift, 0.0)
        }
        Component::Axial => {
            let v = params.v_axial_ms;
            (
                (e * at.phi_v - e * v * at.a_z_tm + 0.5 * m * v * v) / t,
                0.0,
                v,
            )
        }
    }
}

/// Moments of one component for the electron density parameter `n_e_m3` (m^-3), at `at`,
/// with the perpendicular factor `1 - a` of [`super::parameters::perpendicular_factors`]
/// (1 without mu-terms). Eq. 4; Eq. 2 when the factor is 1.
pub fn component_moments(
    params: &RopeParameters,
    component: Component,
    n_e_m3: f64,
    at: &LocalPotentials,
    perpendicular_factor: f64,
) -> ComponentMoments {
    let (exponent, u_phi_ms, u_z_ms) =
        spatial_exponent(params, component, at, perpendicular_factor);
    let t = params.temperature(component);
    ComponentMoments {
        density_m3: n_e_m3 * params.weight(component) / perpendicular_factor * exponent.exp(),
        u_phi_ms,
        u_z_ms,
        t_perp_j: t / perpendicular_factor,
        t_par_j: t,
    }
}

/// The three components' moments at `at`.
pub fn components(
    params: &RopeParameters,
    n_e_m3: f64,
    at: &LocalPotentials,
    factors: [f64; 3],
) -> [ComponentMoments; 3] {
    Component::ALL.map(|component| {
        component_moments(params, component, n_e_m3, at, factors[component as usize])
    })
}

/// Electron density at `at`, m^-3 (the quasi-neutrality side of Eq. 3).
pub fn electron_density(
    params: &RopeParameters,
    n_e_m3: f64,
    at: &LocalPotentials,
    factors: [f64; 3],
) -> f64 {
    components(params, n_e_m3, at, factors)
        .iter()
        .map(|c| c.density_m3)
        .sum()
}

/// Ion density `n_i exp(-e phi / T_i)`, m^-3, for the potential `phi_v` (V).
pub fn ion_density(params: &RopeParameters, phi_v: f64) -> f64 {
    params.n_i_m3 * (-ELEMENTARY_CHARGE * phi_v / params.ion_temperature()).exp()
}

/// Sums the components into electron density, bulk velocity, current and temperatures.
pub fn electron_moments(parts: &[ComponentMoments; 3]) -> ElectronMoments {
    let m = ELECTRON_MASS;
    let density: f64 = parts.iter().map(|c| c.density_m3).sum();
    let flux_phi: f64 = parts.iter().map(|c| c.density_m3 * c.u_phi_ms).sum();
    let flux_z: f64 = parts.iter().map(|c| c.density_m3 * c.u_z_ms).sum();
    let (u_phi, u_z) = (flux_phi / density, flux_z / density);
    // P_ii = sum N_k (T_k + m u_k,i^2) - m N U_i^2: thermal plus drift spread about the mean.
    let p_rr: f64 = parts.iter().map(|c| c.density_m3 * c.t_perp_j).sum();
    let p_pp: f64 = parts
        .iter()
        .map(|c| c.density_m3 * (c.t_perp_j + m * c.u_phi_ms.powi(2)))
        .sum::<f64>()
        - m * density * u_phi * u_phi;
    let p_zz: f64 = parts
        .iter()
        .map(|c| c.density_m3 * (c.t_par_j + m * c.u_z_ms.powi(2)))
        .sum::<f64>()
        - m * density * u_z * u_z;
    ElectronMoments {
        density_m3: density,
        u_phi_ms: u_phi,
        u_z_ms: u_z,
        j_phi_am2: -ELEMENTARY_CHARGE * flux_phi,
        j_z_am2: -ELEMENTARY_CHARGE * flux_z,
        temperature_j: [p_rr / density, p_pp / density, p_zz / density],
    }
}
