//! Electron distributions of the asymmetric layer built from constants of motion, so that each
//! is an exact Vlasov solution in the layer's fields. Crescents are not drawn: they appear on
//! the low-density side because electrons whose orbits reach into the dense side carry its
//! phase-space density there.
//!
//! In `B = B_x(z) x`, `E = E_z(z) z` an electron (charge -1, mass 1 in PIC units) keeps
//! `v_x`, `p_y = v_y - A_y(z)` and `H = v^2/2 - Phi(z)`. Its motion in z is confined where
//! `U(z) = (p_y + A_y(z))^2/2 - Phi(z) <= H_perp = H - v_x^2/2`. The orbit's lower turning
//! point `z_lo` is therefore a function of the invariants (on the connected piece of the
//! allowed region the electron is on), and labels the orbit unambiguously even across the
//! field reversal, where the same `p_y` is reached on both sides.

use super::error::{SmileError, finite, positive};
use super::layer::Layer;
use super::phase_space::ElectronLayer;
use std::f64::consts::PI;

/// Field-aligned components `[v_par, v_perp1, v_perp2]` to the layer's `[v_x, v_y, v_z]` on the
/// magnetospheric side, where `B_x > 0` and the electrons flow along -y: following the paper's
/// Methods, `v_perp1` is along `(-U_e x B) x B` (= -y) and `v_perp2` along `-U_e x B` (= -z).
pub fn fac_to_layer(v: [f64; 3]) -> [f64; 3] {
    [v[0], -v[1], -v[2]]
}

/// Orbits that reach this far below the layer come from the magnetosheath, d_e.
const SHEATH_DEPTH: f64 = -30.0;

/// Largest potential drop across the layer, in electron thermal energies `T_e/e`.
const MAX_POTENTIAL_DROP: f64 = 100.0;
/// Thermal speeds the model is bounded for, `d_e Omega_ce`.
const THERMAL_SPEED_RANGE: (f64, f64) = (1e-3, 100.0);
/// Largest density ratio across the layer, either way.
const MAX_DENSITY_RATIO: f64 = 1e6;

/// The crescent model: Maxwellian in energy, with a density weight set by where the orbit
/// dips to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CrescentModel {
    /// The fields.
    pub layer: Layer,
    /// `n_MSH / n_MSP`.
    pub density_ratio: f64,
    /// Electron thermal speed `sqrt(2T/m)` on both sides, `d_e Omega_ce`.
    pub thermal_speed: f64,
    /// Orbits whose lower turning point lies below `z_s` carry magnetosheath density, d_e.
    pub source_z_de: f64,
    /// Width of the transition in `z_lo`, d_e.
    pub source_width_de: f64,
}

impl CrescentModel {
    /// The paper's PIC parameters (density ratio 8, field ratio 1.37, equal temperatures with
    /// `T_i/T_e = 2` so that pressure balance gives `beta_e,MSH = 1/3` and `v_th = sqrt(1/3)`),
    /// in [`Layer::reference`], with the source at the field reversal (`z_s = 0`, width
    /// 0.25 d_e). The layer and source are the workbook's choices, varied in the chapter.
    pub fn reference() -> Self {
        use super::published as paper;
        CrescentModel {
            layer: Layer::reference(),
            density_ratio: paper::DENSITY_RATIO.value,
            thermal_speed: super::scales::pressure_balance(
                paper::DENSITY_RATIO.value,
                paper::FIELD_RATIO.value,
                paper::TEMPERATURE_RATIO.value,
            )
            .electron_beta_sheath
            .sqrt(),
            source_z_de: 0.0,
            source_width_de: 0.25,
        }
    }

    /// Checks the parameters.
    ///
    /// # Errors
    /// [`SmileError`] naming the first bad parameter.
    pub fn validate(&self) -> Result<(), SmileError> {
        self.layer.validate()?;
        positive("density_ratio n_MSH/n_MSP", self.density_ratio)?;
        positive("thermal_speed (d_e Omega_ce)", self.thermal_speed)?;
        positive("source_width_de (d_e)", self.source_width_de)?;
        finite("source_z_de (d_e)", self.source_z_de)?;
        // Boltzmann factors exp(2 Phi / v_th^2) overflow for potential drops beyond ~350
        // thermal energies; far short of that the model is no longer a plasma layer.
        let drop = 2.0 * (self.layer.normal_field * self.layer.normal_field_width_de).abs()
            / (self.thermal_speed * self.thermal_speed);
        if !(drop <= MAX_POTENTIAL_DROP) {
            return Err(SmileError::OutOfRange {
                parameter: "normal-field potential drop |E0 w_E| in thermal energies T_e/e (at most 100)",
                value: drop,
            });
        }
        // The phase-space density scales as v_th^-3 and the quadratures span +-6 v_th: beyond
        // these the normalisation underflows or overflows (the PIC's speed of light is 2).
        if !(THERMAL_SPEED_RANGE.0..=THERMAL_SPEED_RANGE.1).contains(&self.thermal_speed) {
            return Err(SmileError::OutOfRange {
                parameter: "thermal_speed (d_e Omega_ce, 1e-3 to 100)",
                value: self.thermal_speed,
            });
        }
        // Both ways: the magnetospheric density is 1/ratio, so a tiny ratio overflows it.
        if !((1.0 / MAX_DENSITY_RATIO..=MAX_DENSITY_RATIO).contains(&self.density_ratio)) {
            return Err(SmileError::OutOfRange {
                parameter: "density_ratio n_MSH/n_MSP (1e-6 to 1e6)",
                value: self.density_ratio,
            });
        }
        Ok(())
    }

    /// Lower turning point (d_e) of the orbit through `z` with perpendicular velocity
    /// `(v_y, v_z)`; `-inf` for orbits that reach the magnetosheath's depths.
    pub fn lower_turning_point(&self, z: f64, v_y: f64, v_z: f64) -> f64 {
        self.turning_point_above(z, v_y, v_z, SHEATH_DEPTH)
            .unwrap_or(f64::NEG_INFINITY)
    }

    /// The lower turning point if it lies above `floor` (d_e), else `None`: stepping down
    /// from `z` by 0.04 d_e to the first forbidden point, then bisecting
    /// ([`super::turning_point`], which caches the fields along the way).
    fn turning_point_above(&self, z: f64, v_y: f64, v_z: f64, floor: f64) -> Option<f64> {
        super::turning_point::turning_point(&self.layer, z, v_y, v_z, floor)
    }

    /// Below this the orbit weight equals its magnetosheath value to 1e-10, d_e: the search
    /// for the turning point can stop there.
    fn label_floor(&self) -> f64 {
        self.source_z_de - 12.0 * self.source_width_de
    }

    /// Density weight of the orbit through `z` with perpendicular velocity `(v_y, v_z)`.
    pub fn weight_at(&self, z: f64, v_y: f64, v_z: f64) -> f64 {
        self.orbit_weight(
            self.turning_point_above(z, v_y, v_z, self.label_floor())
                .unwrap_or(f64::NEG_INFINITY),
        )
    }

    /// Density weight of an orbit with lower turning point `z_lo`: orbits from deep in the sheath
    /// carry the magnetosheath source, orbits confined above the source the magnetospheric one,
    /// each normalised so that the far densities are 1 and `1/ratio`.
    pub fn orbit_weight(&self, z_lo: f64) -> f64 {
        self.weight_between(self.source_weights(), z_lo)
    }

    /// The weights of the two sources, `(sheath, sphere)`: each normalised to its own far side,
    /// where the potential is `Phi(-+inf)`.
    fn source_weights(&self) -> (f64, f64) {
        let w2 = self.thermal_speed * self.thermal_speed;
        let sheath = (-2.0 * self.layer.phi(f64::NEG_INFINITY) / w2).exp();
        let sphere = (-2.0 * self.layer.phi(f64::INFINITY) / w2).exp() / self.density_ratio;
        (sheath, sphere)
    }

    /// [`Self::orbit_weight`] with the source weights already computed.
    fn weight_between(&self, (sheath, sphere): (f64, f64), z_lo: f64) -> f64 {
        let step = if z_lo == f64::NEG_INFINITY {
            1.0
        } else {
            // (1 - tanh x)/2 as 1/(1 + e^{2x}): one exponential, and no cancellation where
            // tanh x nears 1 (the deep-sheath orbits' sphere share).
            1.0 / (1.0 + (2.0 * (z_lo - self.source_z_de) / self.source_width_de).exp())
        };
        sphere + (sheath - sphere) * step
    }

    /// Phase-space density at `z` (d_e) for the velocity `[v_x, v_y, v_z]` (`d_e Omega_ce`),
    /// in `n_MSH / (d_e Omega_ce)^3`.
    pub fn phase_space_density(&self, z: f64, v: [f64; 3]) -> f64 {
        self.at_position(z, |density| density(v))
    }

    /// [`Self::phase_space_density`] at one `z` for every velocity of `velocities`: what every
    /// orbit shares there (the potential, the normalisations, the turning-point search's
    /// cache) is computed once, with the same bits.
    pub fn phase_space_densities(&self, z: f64, velocities: &[[f64; 3]]) -> Vec<f64> {
        self.at_position(z, |density| {
            velocities.iter().map(|v| density(*v)).collect()
        })
    }

    /// Runs `body` with the phase-space density at `z` as a function of velocity.
    fn at_position<R>(&self, z: f64, body: impl FnOnce(&mut dyn FnMut([f64; 3]) -> f64) -> R) -> R {
        let w = self.thermal_speed;
        let phi = self.layer.phi(z);
        let normalisation = PI.powf(1.5) * w.powi(3);
        let sources = self.source_weights();
        let floor = self.label_floor();
        super::turning_point::with_search(&self.layer, z, |turning_point| {
            body(&mut |v: [f64; 3]| {
                let energy = 0.5 * (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]) - phi;
                let z_lo = turning_point(v[1], v[2], floor).unwrap_or(f64::NEG_INFINITY);
                self.weight_between(sources, z_lo) / normalisation * (-2.0 * energy / (w * w)).exp()
            })
        })
    }
}

impl ElectronLayer for CrescentModel {
    fn phase_space_density(&self, z: f64, v: [f64; 3]) -> f64 {
        CrescentModel::phase_space_density(self, z, v)
    }

    fn phase_space_densities(&self, z: f64, velocities: &[[f64; 3]]) -> Vec<f64> {
        CrescentModel::phase_space_densities(self, z, velocities)
    }

    fn thermal_speed(&self) -> f64 {
        self.thermal_speed
    }

    fn validate(&self) -> Result<(), SmileError> {
        CrescentModel::validate(self)
    }
}
