//! Conversions between the papers' units and SI, used only at the edges (inputs, figure axes,
//! claims). Each function is named after the unit it converts *from*; `to_*` goes back.

use super::constants::{EARTH_RADIUS, ELEMENTARY_CHARGE};

/// Field strength in nT to T.
pub const fn nanotesla(b_nt: f64) -> f64 {
    b_nt * 1e-9
}
/// Field strength in T to nT.
pub const fn to_nanotesla(b_t: f64) -> f64 {
    b_t * 1e9
}
/// Number density in cm^-3 to m^-3.
pub const fn per_cm3(n_cm3: f64) -> f64 {
    n_cm3 * 1e6
}
/// Number density in m^-3 to cm^-3.
pub const fn to_per_cm3(n_m3: f64) -> f64 {
    n_m3 * 1e-6
}
/// Energy (temperature) in eV to J.
pub const fn electronvolt(t_ev: f64) -> f64 {
    t_ev * ELEMENTARY_CHARGE
}
/// Energy (temperature) in J to eV.
pub const fn to_electronvolt(t_j: f64) -> f64 {
    t_j / ELEMENTARY_CHARGE
}
/// Length in km to m.
pub const fn km(x_km: f64) -> f64 {
    x_km * 1e3
}
/// Length in m to km.
pub const fn to_km(x_m: f64) -> f64 {
    x_m * 1e-3
}
/// Length in Earth radii to m.
pub const fn earth_radii(x_re: f64) -> f64 {
    x_re * EARTH_RADIUS
}
/// Current density in nA/m^2 to A/m^2.
pub const fn nanoampere_per_m2(j_na_m2: f64) -> f64 {
    j_na_m2 * 1e-9
}
/// Pressure in nPa to Pa.
pub const fn nanopascal(p_npa: f64) -> f64 {
    p_npa * 1e-9
}
