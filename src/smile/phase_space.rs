//! What the gradient estimates and the smile detector need from an electron distribution of a
//! one-dimensional layer: its phase-space density at a position and a velocity, and its
//! thermal speed (the scale of every velocity search). The prescribed-field crescent model
//! ([`super::CrescentModel`]) and the self-consistent layer
//! ([`super::self_consistent::SelfConsistentLayer`]) both provide it, so the chapter asks both
//! the same questions with the same code.

use super::error::SmileError;

/// An electron distribution `f(z, v)` of a layer varying along z, PIC units.
pub trait ElectronLayer {
    /// Phase-space density at `z` (d_e) for the layer-frame velocity `[v_x, v_y, v_z]`
    /// (`d_e Omega_ce`), `n_MSH / (d_e Omega_ce)^3`.
    fn phase_space_density(&self, z: f64, v: [f64; 3]) -> f64;

    /// [`Self::phase_space_density`] at one `z` for each of `velocities`, in their order: a
    /// layer overrides it where the velocities share work at one position.
    fn phase_space_densities(&self, z: f64, velocities: &[[f64; 3]]) -> Vec<f64> {
        velocities
            .iter()
            .map(|v| self.phase_space_density(z, *v))
            .collect()
    }

    /// Electron thermal speed `sqrt(2 T_e / m_e)` on the magnetosheath side, `d_e Omega_ce`.
    fn thermal_speed(&self) -> f64;

    /// Checks the parameters.
    ///
    /// # Errors
    /// [`SmileError`] naming the first bad parameter.
    fn validate(&self) -> Result<(), SmileError>;
}
