//! Radial force balance in magnetotail thin current sheets (Zhang et al. 2025, GRL,
//! doi:10.1029/2025GL115440): magnetic tension `j_y B_z` against the thermal pressure gradient
//! `-dP_xx/dx` and the off-diagonal gradient `-dP_xz/dz`.
//!
//! - [`harris_method`]: the single-event method (thickness, central region, Eq. 3);
//! - [`known_answer`]: that method on sheets whose off-diagonal share is known;
//! - [`power_law`]: the fitted `P_xx(X)` power laws of Fig. 4 and their gradient;
//! - [`selection`]: the event selection of Sec. 2 as a catalogue filter;
//! - [`budget`]: the force budget per region under every reading the paper leaves open;
//! - [`published`]: every number taken from the paper, with its printed precision;
//! - the claims, which compare the paper's numbers with the method, the fits and each other.
//!
//! Force densities are in N/m^3 inside; the paper's unit, nA nT/m^2, is 1e-18 N/m^3.

pub mod budget;
pub mod catalogue;
mod claims;
pub mod ensemble;
mod error;
pub mod example;
pub mod harris_method;
pub mod known_answer;
pub mod power_law;
pub mod published;
pub mod selection;

pub use claims::{ZhangClaimsError, claims};
pub use error::ForceBalanceError;

/// One nA nT/m^2 in N/m^3: the paper's unit of force density.
pub const NANO_AMPERE_NANO_TESLA_PER_M2: f64 = 1e-18;

/// A force density in N/m^3 expressed in nA nT/m^2.
pub fn to_na_nt_per_m2(force_n_m3: f64) -> f64 {
    force_n_m3 / NANO_AMPERE_NANO_TESLA_PER_M2
}
