//! One species of the self-consistent layer and its velocity moments.
//!
//! A species (charge `q` in e, mass `m` in m_e, temperature `T` in `m_e (d_e Omega_ce)^2`) has
//! two background populations, Maxwellians in the energy `H = m v^2/2 + q Phi`: orbits that
//! dip below the source plane `z_s` carry the magnetosheath amplitude, orbits confined above
//! it the magnetospheric one. Electrons also carry a Harris population
//! `exp(-(H - u p_y)/T)`, a Maxwellian drifting at `u` along y whose density
//! `exp(q (u A_y - Phi)/T)` peaks where `A_y` does, at the field reversal: it carries the
//! current and the pressure maximum that a reversing field needs.
//!
//! Every population is a function of the constants of motion (`H`, `p_y = m v_y + q A_y`,
//! `v_x`, and which side of `z_s` the orbit reaches), so each is an exact Vlasov solution in
//! any fields `A_y(z)`, `Phi(z)`; what is left for the solver is Ampère and quasi-neutrality.

use super::barrier::Thresholds;
use std::f64::consts::PI;

/// Velocity-space points of the `v_y` quadrature.
const VY_POINTS: usize = 96;
/// Half-width of the `v_y` quadrature, in `sqrt(T/m)`.
const VY_REACH: f64 = 8.0;

/// Density, flux and normal pressure of one population at one position, PIC units.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Moments {
    /// Density, n_MSH.
    pub density: f64,
    /// Particle flux `n U_y`, `n_MSH d_e Omega_ce`.
    pub flux_y: f64,
    /// Normal pressure `P_zz = m int v_z^2 f`, `B_MSH^2 / mu0`.
    pub pressure_zz: f64,
}

impl std::ops::Add for Moments {
    type Output = Moments;
    fn add(self, other: Moments) -> Moments {
        Moments {
            density: self.density + other.density,
            flux_y: self.flux_y + other.flux_y,
            pressure_zz: self.pressure_zz + other.pressure_zz,
        }
    }
}

/// A species with its two background amplitudes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Species {
    /// Charge, e (-1 for electrons).
    pub charge: f64,
    /// Mass, m_e.
    pub mass: f64,
    /// Temperature, `m_e (d_e Omega_ce)^2`.
    pub temperature: f64,
    /// Density the magnetosheath-labelled population has where `Phi = 0`, n_MSH.
    pub sheath_amplitude: f64,
    /// Density the magnetosphere-labelled population has where `Phi = 0`, n_MSH.
    pub sphere_amplitude: f64,
}

impl Species {
    /// Effective potential of the z motion, `U = (p_y - q A_y)^2 / 2m + q Phi`: an orbit with
    /// perpendicular energy `H_perp = H - m v_x^2/2` can be wherever `U <= H_perp`.
    pub fn effective_potential(&self, p_y: f64, a_y: f64, phi: f64) -> f64 {
        let m_v_y = p_y - self.charge * a_y;
        m_v_y * m_v_y / (2.0 * self.mass) + self.charge * phi
    }

    /// Canonical momentum `p_y = m v_y + q A_y`.
    pub fn canonical_momentum(&self, v_y: f64, a_y: f64) -> f64 {
        self.mass * v_y + self.charge * a_y
    }

    /// Thermal spread of one velocity component, `sqrt(T/m)`.
    pub fn spread(&self) -> f64 {
        (self.temperature / self.mass).sqrt()
    }

    /// Moments of the two background populations at a point with `A_y = a_y`, `Phi = phi`,
    /// labelled by `labels` (see [`super::barrier`]); below every threshold all orbits are
    /// magnetosheath-labelled. [`Species::background_at`] once and
    /// [`BackgroundAt::moments`] per potential give the same bits faster.
    pub fn background(&self, a_y: f64, phi: f64, labels: &Thresholds) -> Moments {
        self.background_at(a_y, labels).moments(phi)
    }

    /// What the background moments at `A_y = a_y` need that does not depend on the
    /// potential: quasi-neutrality varies only `Phi` at a fixed `A_y`, so its many
    /// evaluations share it.
    ///
    /// A sharp label depends on `v_y` (through `p_y`) and on `v_z` (through `H_perp`), not on
    /// `v_x`: the `v_x` integral is a Gaussian's, the `v_z` integral over the orbits that pass
    /// the barrier, `m v_z^2/2 >= D = max U - m v_y^2/2 - q Phi`, is `erfc(sqrt(D/T))` (and its
    /// pressure `T (erfc x + 2 x e^{-x^2}/sqrt(pi))`), and `v_y` is done by the midpoint rule.
    /// Per `v_y` node this keeps the node, its Gaussian weight, `m v_y^2/2`, and `max U` of
    /// every passed threshold, the tables' lookups, as runs of equal values: thresholds whose
    /// highest point is the same one share a barrier (about half of them in the reference
    /// layer), and so the erfc.
    pub fn background_at(&self, a_y: f64, labels: &Thresholds) -> BackgroundAt {
        let (count, passed) = (labels.positions.len(), labels.passed());
        let mut nodes = Vec::new();
        let mut barriers: Vec<BarrierRun> = Vec::new();
        if passed > 0 {
            let sigma = self.spread();
            let dv = 2.0 * VY_REACH * sigma / VY_POINTS as f64;
            nodes.reserve(VY_POINTS);
            barriers.reserve(VY_POINTS * passed);
            for k in 0..VY_POINTS {
                let v_y = -VY_REACH * sigma + (k as f64 + 0.5) * dv;
                let gaussian =
                    (-0.5 * (v_y / sigma).powi(2)).exp() / ((2.0 * PI).sqrt() * sigma) * dv;
                let p_y = self.canonical_momentum(v_y, a_y);
                let first = barriers.len();
                for highest in labels.highest_each(p_y) {
                    match barriers[first..].last_mut() {
                        Some(run) if run.highest == highest => run.thresholds += 1,
                        _ => barriers.push(BarrierRun {
                            highest,
                            thresholds: 1,
                        }),
                    }
                }
                nodes.push(VyNode {
                    v_y,
                    gaussian,
                    kinetic: 0.5 * self.mass * v_y * v_y,
                    runs: barriers.len() - first,
                });
            }
        }
        BackgroundAt {
            species: *self,
            count,
            passed,
            nodes,
            barriers,
        }
    }
    /// Phase-space density of a background population of amplitude `amplitude` at the
    /// velocity `v` where the potential is `phi`, `n_MSH / (d_e Omega_ce)^3`.
    pub fn maxwellian(&self, amplitude: f64, phi: f64, v: [f64; 3]) -> f64 {
        let t = self.temperature;
        let energy =
            0.5 * self.mass * (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]) + self.charge * phi;
        amplitude * (self.mass / (2.0 * PI * t)).powf(1.5) * (-energy / t).exp()
    }
}

/// One node of the `v_y` midpoint rule.
#[derive(Debug, Clone, Copy, PartialEq)]
struct VyNode {
    /// `v_y`, `d_e Omega_ce`.
    v_y: f64,
    /// Its weight: the Gaussian in `v_y` times the node spacing.
    gaussian: f64,
    /// `m v_y^2 / 2`.
    kinetic: f64,
    /// How many runs of [`BackgroundAt`]'s barriers are this node's.
    runs: usize,
}

/// Consecutive passed thresholds with the same `max U` at one `v_y` node.
#[derive(Debug, Clone, Copy, PartialEq)]
struct BarrierRun {
    /// Their `max U`.
    highest: f64,
    /// How many.
    thresholds: usize,
}

/// The potential-independent part of a species' background moments at one `A_y` (see
/// [`Species::background_at`]).
#[derive(Debug, Clone, PartialEq)]
pub struct BackgroundAt {
    species: Species,
    /// Thresholds in all, and those passed.
    count: usize,
    passed: usize,
    /// The `v_y` nodes (none when no threshold is passed).
    nodes: Vec<VyNode>,
    /// `max U` of the passed thresholds, run-length encoded, node after node.
    barriers: Vec<BarrierRun>,
}

/// `D/T` beyond which an orbit's passing share is exactly zero in floating point: `exp(-x^2)`
/// underflows to 0 from `x = 27.3` on, and with it `erfc(x)` as [`erfc_and_gaussian`]
/// computes it, so skipping such terms gives the same bits as summing them.
const NO_PASSING: f64 = 28.0 * 28.0;

/// `(erfc x, exp(-x^2))` for `x >= 0`, both from one exponential: `erfc x = exp(-x^2)
/// erfcx(x)`, with the scaled function `erfcx` from `puruspe` (a port of libcerf's Chebyshev
/// fits, good to 1e-15). `x^2` is rounded, and `exp` magnifies that rounding by `x^2` (up to
/// 6e-14 relative at `x = 25`), so the product's rounding error `e` is taken back with one
/// fused multiply-add, `exp(-x^2) = exp(-p) (1 - e)`. Within 2e-15 of musl's `erfc` (the
/// unit tests check it); half the cost of `erfc` and a second `exp`, which the layer's
/// quasi-neutrality spent half its time on.
fn erfc_and_gaussian(x: f64) -> (f64, f64) {
    let square = x * x;
    let rounding = x.mul_add(x, -square);
    let gaussian = (-square).exp() * (1.0 - rounding);
    (gaussian * puruspe::erfcx(x), gaussian)
}

impl BackgroundAt {
    /// The background moments at potential `phi`.
    pub fn moments(&self, phi: f64) -> Moments {
        let s = &self.species;
        let t = s.temperature;
        let boltzmann = (-s.charge * phi / t).exp();
        if self.passed == 0 {
            let density = s.sheath_amplitude * boltzmann;
            return Moments {
                density,
                flux_y: 0.0,
                pressure_zz: density * t,
            };
        }
        let share = 1.0 / self.count as f64;
        let below = (self.count - self.passed) as f64 * share;
        let (mut passing, mut passing_flux, mut passing_pressure) = (0.0, 0.0, 0.0);
        let mut runs = self.barriers.as_slice();
        for node in &self.nodes {
            let here = node.kinetic + s.charge * phi;
            // Thresholds above z are reached by every orbit through z.
            let (mut fraction, mut pressure) = (below, below * t);
            let (own, rest) = runs.split_at(node.runs);
            runs = rest;
            for run in own {
                let deficit = run.highest - here;
                let (fraction_term, pressure_term) = if deficit <= 0.0 {
                    (share, share * t)
                } else if deficit / t < NO_PASSING {
                    let x = (deficit / t).sqrt();
                    let (tail, gaussian) = erfc_and_gaussian(x);
                    (
                        share * tail,
                        share * t * (tail + 2.0 * x * gaussian / PI.sqrt()),
                    )
                } else {
                    (0.0, 0.0)
                };
                // Added once per threshold, in order, as the sum over thresholds is defined.
                for _ in 0..run.thresholds {
                    fraction += fraction_term;
                    pressure += pressure_term;
                }
            }
            passing += node.gaussian * fraction;
            passing_flux += node.gaussian * fraction * node.v_y;
            passing_pressure += node.gaussian * pressure;
        }
        // The magnetospheric amplitude fills all of velocity space; the sheath excess only the
        // passing orbits.
        let excess = s.sheath_amplitude - s.sphere_amplitude;
        Moments {
            density: boltzmann * (s.sphere_amplitude + excess * passing),
            flux_y: boltzmann * excess * passing_flux,
            pressure_zz: boltzmann * (s.sphere_amplitude * t + excess * passing_pressure),
        }
    }
}

/// The Harris population `N exp(-(H - u p_y)/T)` of a species: a Maxwellian drifting at `u`
/// along y with density `N exp(q (u A_y - Phi)/T)` (the constant `m u^2/2T` absorbed in `N`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Drifting {
    /// The species it belongs to (charge, mass, temperature).
    pub species: Species,
    /// Amplitude `N`, n_MSH.
    pub amplitude: f64,
    /// Drift speed `u` along y, `d_e Omega_ce`.
    pub drift: f64,
}

impl Drifting {
    /// Density at `A_y = a_y`, `Phi = phi`, n_MSH.
    pub fn density(&self, a_y: f64, phi: f64) -> f64 {
        let s = &self.species;
        self.amplitude * (s.charge * (self.drift * a_y - phi) / s.temperature).exp()
    }

    /// Its moments: the flux is `n u`, the normal pressure `n T`.
    pub fn moments(&self, a_y: f64, phi: f64) -> Moments {
        let density = self.density(a_y, phi);
        Moments {
            density,
            flux_y: density * self.drift,
            pressure_zz: density * self.species.temperature,
        }
    }

    /// Phase-space density at velocity `v`, `n_MSH / (d_e Omega_ce)^3`.
    pub fn phase_space_density(&self, a_y: f64, phi: f64, v: [f64; 3]) -> f64 {
        let s = &self.species;
        let relative = v[0] * v[0] + (v[1] - self.drift).powi(2) + v[2] * v[2];
        self.density(a_y, phi)
            * (s.mass / (2.0 * PI * s.temperature)).powf(1.5)
            * (-0.5 * s.mass * relative / s.temperature).exp()
    }
}

#[cfg(test)]
mod tests {
    use super::super::barrier::{Barrier, Thresholds};
    use super::{NO_PASSING, PI, Species, erfc_and_gaussian};

    #[test]
    fn shared_barriers_give_the_bits_of_one_term_per_threshold() {
        // Eight thresholds passed on a potential hill that rises, falls and rises again: some
        // thresholds share their highest point, others do not, at every v_y node.
        let electrons = Species {
            charge: -1.0,
            mass: 1.0,
            temperature: 0.17,
            sheath_amplitude: 1.0,
            sphere_amplitude: 0.125,
        };
        let mut labels = Thresholds::new(1.0, 0.25, 8);
        let profile = |z: f64| (0.3 * z, 0.05 * (3.0 * z).sin() + 0.02 * z);
        for step in 0..=80 {
            let z = 0.025 * f64::from(step);
            let (a_y, phi) = profile(z);
            labels.include(&electrons, z, a_y, phi, || {
                Barrier::new(&electrons, -8.0, 8.0, 2000, a_y, phi)
            });
        }
        assert_eq!(labels.passed(), 8, "every threshold passed");
        let (a_y, phi) = (0.6, 0.04);
        let moments = electrons.background(a_y, phi, &labels);

        // The sum as defined: one erfc term per threshold and v_y node.
        let (t, sigma) = (electrons.temperature, electrons.spread());
        let (points, reach) = (super::VY_POINTS, super::VY_REACH);
        let dv = 2.0 * reach * sigma / points as f64;
        let (mut density, mut flux, mut pressure_zz) = (0.0, 0.0, 0.0);
        let mut shared = 0;
        for k in 0..points {
            let v_y = -reach * sigma + (k as f64 + 0.5) * dv;
            let weight = (-0.5 * (v_y / sigma).powi(2)).exp() / ((2.0 * PI).sqrt() * sigma) * dv;
            let here = 0.5 * v_y * v_y - phi;
            let barriers: Vec<f64> = labels
                .highest_each(electrons.canonical_momentum(v_y, a_y))
                .collect();
            shared += barriers.windows(2).filter(|w| w[0] == w[1]).count();
            let (mut fraction, mut pressure) = (0.0, 0.0);
            for highest in barriers {
                let deficit = highest - here;
                if deficit <= 0.0 {
                    fraction += 1.0 / 8.0;
                    pressure += t / 8.0;
                } else if deficit / t < NO_PASSING {
                    let x = (deficit / t).sqrt();
                    let (tail, gaussian) = erfc_and_gaussian(x);
                    fraction += tail / 8.0;
                    pressure += t / 8.0 * (tail + 2.0 * x * gaussian / PI.sqrt());
                }
            }
            density += weight * fraction;
            flux += weight * fraction * v_y;
            pressure_zz += weight * pressure;
        }
        assert!(
            shared > 100 && shared < 7 * points,
            "the case has runs of shared and of distinct barriers ({shared} shared)"
        );
        let boltzmann = (phi / t).exp();
        let excess = 1.0 - 0.125;
        assert_eq!(moments.density, boltzmann * (0.125 + excess * density));
        assert_eq!(moments.flux_y, boltzmann * excess * flux);
        assert_eq!(
            moments.pressure_zz,
            boltzmann * (0.125 * t + excess * pressure_zz)
        );
    }

    #[test]
    fn terms_skipped_as_zero_are_zero_in_floating_point() {
        // The skip in BackgroundAt::moments is exact only while erfc and exp(-x^2) are 0 from
        // x = 28 on; an erfcx or exp that changed that would change the layer's bits.
        let x = NO_PASSING.sqrt();
        assert_eq!(x, 28.0, "the threshold is x = 28");
        for x in [x, x + 1e-9, 30.0, 1e3] {
            let (tail, gaussian) = erfc_and_gaussian(x);
            assert_eq!(tail, 0.0, "erfc({x}) underflows to 0");
            assert_eq!(2.0 * x * gaussian, 0.0, "x exp(-x^2) underflows at {x}");
        }
    }

    #[test]
    fn erfc_from_the_scaled_function_matches_musl() {
        // Over the whole range the layer uses, within a few rounding units of musl's erfc (the
        // one the layer used before, which splits x^2 exactly): the Gaussian factor, shared
        // with the pressure, is as good.
        // Below the normal range (x > 26.5) both are subnormal and only agree absolutely.
        let mut worst = 0.0f64;
        for i in 0..=200_000 {
            let x = 28.0 * f64::from(i) / 200_000.0;
            let (musl, tail) = (libm::erfc(x), erfc_and_gaussian(x).0);
            if musl >= f64::MIN_POSITIVE {
                worst = worst.max((tail / musl - 1.0).abs());
            } else {
                assert!((tail - musl).abs() < f64::MIN_POSITIVE, "erfc({x})");
            }
        }
        assert!(worst < 2e-15, "erfc off musl's by {worst:e}");
        // Rounding x^2 alone would be 100 times worse at x = 25.
        let x: f64 = 25.0 + 1.0 / 3.0;
        let naive = (-x * x).exp();
        assert!((naive / erfc_and_gaussian(x).1 - 1.0).abs() > 1e-15);
    }
}
