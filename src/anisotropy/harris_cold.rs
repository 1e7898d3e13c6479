//! The Harris sheet with a cold inflow population of the PIC-HC run (Richard et al. 2025,
//! Eqs. 17–18), in the same normalised units as [`super::lembege_pellat`].

/// Density and field of the Harris sheet with cold ions: `B_x = tanh(z/L)` (B0 units) and
/// `n = sech^2(z/L) + (n_c/n0) [1/2 + 1/2 tanh((|z| - 2L)/(L/2))]` (n0 units).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HarrisWithColdIons {
    /// Half-thickness L, d_i (2 in the paper).
    pub half_thickness: f64,
    /// Cold inflow density n_c/n0 (1/5 in the paper).
    pub cold_ratio: f64,
}

impl HarrisWithColdIons {
    /// The PIC-HC parameters: L = 2 d_i, n_c/n0 = 1/5.
    pub fn paper() -> Self {
        HarrisWithColdIons {
            half_thickness: 2.0,
            cold_ratio: 0.2,
        }
    }

    /// `B_x(z)`, B0.
    pub fn b_x(&self, z: f64) -> f64 {
        (z / self.half_thickness).tanh()
    }

    /// Harris (hot) density `sech^2(z/L)`, n0.
    pub fn hot_density(&self, z: f64) -> f64 {
        1.0 / (z / self.half_thickness).cosh().powi(2)
    }

    /// Cold inflow density, n0: switched on beyond `|z| = 2L` over a width `L/2`.
    pub fn cold_density(&self, z: f64) -> f64 {
        let l = self.half_thickness;
        self.cold_ratio * (0.5 + 0.5 * ((z.abs() - 2.0 * l) / (0.5 * l)).tanh())
    }

    /// Total density of Eq. 18, n0.
    pub fn density(&self, z: f64) -> f64 {
        self.hot_density(z) + self.cold_density(z)
    }
}
