//! Physical constants, CODATA 2018 recommended values (SI).
//!
//! Source: Tiesinga et al. (2021), Rev. Mod. Phys. 93, 025010, doi:10.1103/RevModPhys.93.025010.

/// Elementary charge e, C (exact since the 2019 SI redefinition).
pub const ELEMENTARY_CHARGE: f64 = 1.602_176_634e-19;
/// Electron mass m_e, kg.
pub const ELECTRON_MASS: f64 = 9.109_383_701_5e-31;
/// Proton mass m_p, kg.
pub const PROTON_MASS: f64 = 1.672_621_923_69e-27;
/// Speed of light in vacuum c, m/s (exact).
pub const SPEED_OF_LIGHT: f64 = 299_792_458.0;
/// Vacuum magnetic permeability mu0, N/A^2 (measured since 2019, ~4 pi x 1e-7).
pub const VACUUM_PERMEABILITY: f64 = 1.256_637_062_12e-6;
/// Vacuum electric permittivity eps0, F/m.
pub const VACUUM_PERMITTIVITY: f64 = 8.854_187_812_8e-12;
/// Boltzmann constant k_B, J/K (exact).
pub const BOLTZMANN: f64 = 1.380_649e-23;
/// Earth radius R_E used for GSM positions, m. Not CODATA: the 6371.2 km mean radius that
/// MMS and most magnetospheric software adopt.
pub const EARTH_RADIUS: f64 = 6.3712e6;
