//! The solved layer: parameters, the profile with the reversal at `z = 0`, the electron
//! distribution at any position and velocity, and what the solution has to reproduce (the
//! field ratio 1.37 and the density ratio 8).

use super::integrate::{LabelShape, Plasma, Profile, integrate, start_amplitude};
use super::species::{Drifting, Species};
use crate::smile::error::{SmileError, finite};
use crate::smile::phase_space::ElectronLayer;

/// What the layer is built from, PIC units (see [`crate::smile::layer`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayerParameters {
    /// `n_MSH / n_MSP`.
    pub density_ratio: f64,
    /// `B_MSP / B_MSH`: with the densities it fixes the temperature by pressure balance; the
    /// solved layer's own far-field ratio is then a check.
    pub field_ratio: f64,
    /// `T_i / T_e`, the same on both sides.
    pub temperature_ratio: f64,
    /// `m_i / m_e`.
    pub mass_ratio: f64,
    /// Drift of the electron Harris population along -y, in electron thermal speeds
    /// `sqrt(2 T_e/m_e)`: the one free choice, which sets the layer's thickness.
    pub drift_thermal: f64,
    /// Potential on the magnetospheric side relative to the magnetosheath's,
    /// `m_e (d_e Omega_ce)^2 / e`.
    pub sphere_potential: f64,
    /// Half-width `Delta` of the electrons' orbit label around the reversal (see
    /// [`super::barrier`]), d_e.
    pub label_width_de: f64,
    /// Half-width of the ions' orbit label, d_e.
    pub ion_label_width_de: f64,
    /// Number of sharp thresholds the smooth label is made of.
    pub label_thresholds: usize,
    /// Integration step, d_e.
    pub step_de: f64,
}

impl LayerParameters {
    /// The paper's PIC ratios (density 8, field 1.37, `T_i/T_e = 2`, `m_i/m_e = 100`) with
    /// equal far potentials; a drift of 1.3 thermal speeds, which makes the current layer as
    /// thick as the prescribed reference layer (a tanh-equivalent half-thickness of 1.00 d_e;
    /// tested); the electrons' label as sharp as the prescribed model's source (0.25 d_e), the
    /// ions' spread over about one thermal ion gyroradius (8 d_e; 8.2 at these parameters),
    /// which keeps quasi-neutrality on one root (see [`super::barrier`]).
    pub fn reference() -> Self {
        use crate::smile::published as paper;
        LayerParameters {
            density_ratio: paper::DENSITY_RATIO.value,
            field_ratio: paper::FIELD_RATIO.value,
            temperature_ratio: paper::TEMPERATURE_RATIO.value,
            mass_ratio: 100.0,
            drift_thermal: 1.3,
            sphere_potential: 0.0,
            label_width_de: 0.25,
            ion_label_width_de: 8.0,
            label_thresholds: 8,
            step_de: super::integrate::STEP_DE,
        }
    }

    /// Checks every parameter against the range the solver is bounded for.
    ///
    /// # Errors
    /// [`SmileError::OutOfRange`] naming the first parameter outside its range.
    pub fn validate(&self) -> Result<(), SmileError> {
        let within = |parameter, value: f64, low: f64, high: f64| {
            if value > low && value <= high {
                Ok(())
            } else {
                Err(SmileError::OutOfRange { parameter, value })
            }
        };
        within(
            "density_ratio n_MSH/n_MSP (1 to 1000)",
            self.density_ratio,
            1.0,
            1000.0,
        )?;
        within(
            "field_ratio B_MSP/B_MSH (1 to 10)",
            self.field_ratio,
            1.0,
            10.0,
        )?;
        within(
            "temperature_ratio T_i/T_e (0 to 100)",
            self.temperature_ratio,
            0.0,
            100.0,
        )?;
        within(
            "mass_ratio m_i/m_e (1 to 2000)",
            self.mass_ratio,
            0.999,
            2000.0,
        )?;
        within(
            "drift_thermal (0 to 5 thermal speeds)",
            self.drift_thermal,
            0.0,
            5.0,
        )?;
        finite("sphere_potential", self.sphere_potential)?;
        within(
            "label_width_de (0 to 10 d_e)",
            self.label_width_de,
            0.0,
            10.0,
        )?;
        within(
            "ion_label_width_de (0 to 20 d_e)",
            self.ion_label_width_de,
            0.0,
            20.0,
        )?;
        within(
            "label_thresholds (1 to 64)",
            self.label_thresholds as f64,
            0.5,
            64.0,
        )?;
        within("step_de (0.001 to 0.2 d_e)", self.step_de, 0.000_999, 0.2)?;
        Ok(())
    }

    /// Electron temperature from pressure balance between the far sides (the magnetosheath
    /// density and field are the units): `(1 - 1/ratio) (T_e + T_i) = (R^2 - 1)/2`.
    pub fn electron_temperature(&self) -> f64 {
        let r = self.field_ratio;
        0.5 * (r * r - 1.0) / ((1.0 - 1.0 / self.density_ratio) * (1.0 + self.temperature_ratio))
    }

    /// The populations these parameters make.
    fn plasma(&self) -> Plasma {
        let t_e = self.electron_temperature();
        let sphere = 1.0 / self.density_ratio;
        // Far from the layer each side is a Boltzmann population at its own potential; the
        // amplitudes are set so that both species have the side's density there.
        let species = |charge: f64, mass: f64, temperature: f64| Species {
            charge,
            mass,
            temperature,
            sheath_amplitude: 1.0,
            sphere_amplitude: sphere * (charge * self.sphere_potential / temperature).exp(),
        };
        let electrons = species(-1.0, 1.0, t_e);
        let drift = -self.drift_thermal * (2.0 * t_e).sqrt();
        Plasma {
            electrons,
            ions: species(1.0, self.mass_ratio, self.temperature_ratio * t_e),
            current: Drifting {
                species: electrons,
                amplitude: start_amplitude(),
                drift,
            },
        }
    }
}

/// The solved layer.
#[derive(Debug, Clone, PartialEq)]
pub struct SelfConsistentLayer {
    /// Its parameters.
    pub parameters: LayerParameters,
    /// Its populations.
    pub plasma: Plasma,
    /// The profile, with `z` shifted so that the field reverses at `z = 0`.
    pub profile: Profile,
    /// Positions of the label thresholds of electrons and ions, d_e.
    pub thresholds_de: [Vec<f64>; 2],
    /// Centre of the label relative to the reversal, d_e: the label is centred on the reversal
    /// of the layer without labels, which the labels then move by this much.
    pub label_offset_de: f64,
}

impl SelfConsistentLayer {
    /// The layer of [`LayerParameters::reference`], solved once per process (the figures, the
    /// claims and the tests all read it).
    ///
    /// # Errors
    /// As [`SelfConsistentLayer::solve`].
    pub fn reference() -> Result<&'static SelfConsistentLayer, SmileError> {
        static REFERENCE: std::sync::OnceLock<Result<SelfConsistentLayer, SmileError>> =
            std::sync::OnceLock::new();
        crate::once::computed_once(&REFERENCE, || {
            SelfConsistentLayer::solve(LayerParameters::reference())
        })
    }

    /// The largest departure of `P_zz + B_x^2/2` from its magnetosheath value, as a fraction
    /// of that value: zero for an exact solution, since every population is a function of the
    /// constants of motion and the plasma is neutral.
    pub fn first_integral_error(&self) -> f64 {
        let p = &self.profile;
        let total = |k: usize| p.pressure_zz[k] + 0.5 * p.b_x[k] * p.b_x[k];
        let start = total(0);
        (0..p.z.len())
            .map(|k| (total(k) - start).abs())
            .fold(0.0, f64::max)
            / start
    }

    /// Solves the layer: once without labels up to its reversal, to centre the label there,
    /// then with the label all the way.
    ///
    /// # Errors
    /// [`SmileError`] for parameters out of range or a solve that fails.
    pub fn solve(parameters: LayerParameters) -> Result<Self, SmileError> {
        parameters.validate()?;
        let plasma = parameters.plasma();
        let unlabelled = integrate(&plasma, None, parameters.step_de)?;
        let centre = reversal(&unlabelled);
        let peak_a_y = unlabelled
            .a_y
            .iter()
            .fold(f64::NEG_INFINITY, |m, a| m.max(*a));
        let widths = [parameters.label_width_de, parameters.ion_label_width_de];
        let shape = LabelShape {
            centre,
            widths,
            count: parameters.label_thresholds,
            peak_a_y,
        };
        let mut profile = integrate(&plasma, Some(shape), parameters.step_de)?;
        let shift = reversal(&profile);
        profile.z.iter_mut().for_each(|z| *z -= shift);
        let thresholds_de = widths.map(|width| {
            super::barrier::Thresholds::new(centre - shift, width, shape.count).positions
        });
        Ok(SelfConsistentLayer {
            parameters,
            plasma,
            profile,
            thresholds_de,
            label_offset_de: centre - shift,
        })
    }

    /// Index of the grid point at or below `z` (clamped to the grid) and the fraction to the
    /// next one.
    fn locate(&self, z: f64) -> (usize, f64) {
        let z0 = self.profile.z[0];
        let last = self.profile.z.len() - 2;
        let x = ((z - z0) / self.profile.step).clamp(0.0, (last + 1) as f64);
        let k = (x.floor() as usize).min(last);
        (k, x - k as f64)
    }

    /// `A_y(z)` by cubic Hermite interpolation (the grid carries `dA_y/dz = -B_x`).
    pub fn a_y(&self, z: f64) -> f64 {
        let (k, t) = self.locate(z);
        let p = &self.profile;
        let (a0, a1, d0, d1) = (
            p.a_y[k],
            p.a_y[k + 1],
            -p.b_x[k] * p.step,
            -p.b_x[k + 1] * p.step,
        );
        let (t2, t3) = (t * t, t * t * t);
        (2.0 * t3 - 3.0 * t2 + 1.0) * a0
            + (t3 - 2.0 * t2 + t) * d0
            + (-2.0 * t3 + 3.0 * t2) * a1
            + (t3 - t2) * d1
    }

    /// A profile quantity at `z`, linear between grid points.
    pub fn interpolate(&self, values: &[f64], z: f64) -> f64 {
        let (k, t) = self.locate(z);
        values[k] * (1.0 - t) + values[k + 1] * t
    }

    /// `Phi(z)`.
    pub fn phi(&self, z: f64) -> f64 {
        self.interpolate(&self.profile.phi, z)
    }

    /// `B_x(z)`.
    pub fn b_x(&self, z: f64) -> f64 {
        self.interpolate(&self.profile.b_x, z)
    }

    /// Far-field ratio of the solution, `B_x(+end) / |B_x(start)|`: the paper's 1.37 if the
    /// layer is right.
    pub fn field_ratio(&self) -> f64 {
        self.profile.b_x[self.profile.b_x.len() - 1] / self.profile.b_x[0].abs()
    }

    /// Far-density ratio of the solution, `n(start) / n(end)`: the paper's 8 if right.
    pub fn density_ratio(&self) -> f64 {
        self.profile.density[0] / self.profile.density[self.profile.density.len() - 1]
    }

    /// Weight of the magnetosheath amplitude for a particle of `species` at `z` with velocity
    /// `v`: the fraction of label thresholds its orbit reaches below. Walking down the grid from
    /// `z`, the orbit passes a grid point if its perpendicular energy is at least the effective
    /// potential there; it reaches below a threshold if it passes every point down to it.
    pub fn sheath_weight(&self, species: &super::species::Species, z: f64, v: [f64; 3]) -> f64 {
        self.reach(species, z, v[1])
            .weight(self.perpendicular_energy(species, z, v))
    }

    /// `H_perp = m (v_y^2 + v_z^2)/2 + q Phi(z)`, the energy of the z motion and the y
    /// velocity that an orbit's reach is judged by.
    pub fn perpendicular_energy(
        &self,
        species: &super::species::Species,
        z: f64,
        v: [f64; 3],
    ) -> f64 {
        0.5 * species.mass * (v[1] * v[1] + v[2] * v[2]) + species.charge * self.phi(z)
    }

    /// The walk of [`SelfConsistentLayer::sheath_weight`] done once for every orbit through `z`
    /// with this `v_y` (so this `p_y`): down the grid, the highest effective potential met so
    /// far and the thresholds counted once each point is passed. An orbit passes the points
    /// whose running maximum is at most its `H_perp`, so [`Reach::weight`] answers any `v_z`
    /// by a binary search, with the same comparisons as the walk.
    pub fn reach(&self, species: &super::species::Species, z: f64, v_y: f64) -> Reach {
        // Species are told apart by charge: electrons carry the first label, ions the second.
        let thresholds = &self.thresholds_de[usize::from(species.charge > 0.0)];
        let p = &self.profile;
        let (k, _) = self.locate(z);
        // Thresholds above the grid point at or below z have no grid point between them and z.
        let above = thresholds.iter().filter(|t| **t > p.z[k]).count();
        let mut steps = Vec::new();
        if above < thresholds.len() {
            let p_y = species.canonical_momentum(v_y, self.a_y(z));
            let (mut highest, mut reached) = (f64::NEG_INFINITY, above);
            let mut next = thresholds.iter().rev().filter(|t| **t <= p.z[k]).peekable();
            for i in (0..=k).rev() {
                highest = highest.max(species.effective_potential(p_y, p.a_y[i], p.phi[i]));
                // Grid point i passed: so is every threshold at or below it, down to the next point.
                let floor = if i > 0 { p.z[i - 1] } else { f64::NEG_INFINITY };
                while next.next_if(|t| **t > floor && **t <= p.z[i]).is_some() {
                    reached += 1;
                }
                steps.push((highest, reached));
                if next.peek().is_none() {
                    break;
                }
            }
        }
        Reach {
            count: thresholds.len(),
            above,
            steps,
        }
    }

    /// Phase-space density of `species`' backgrounds at `z` and `v`.
    pub fn background_density(
        &self,
        species: &super::species::Species,
        z: f64,
        v: [f64; 3],
    ) -> f64 {
        self.weighted_background(species, z, v, self.sheath_weight(species, z, v))
    }

    /// Phase-space density of `species`' backgrounds at `z` and `v` for a known sheath weight.
    pub fn weighted_background(
        &self,
        species: &super::species::Species,
        z: f64,
        v: [f64; 3],
        sheath_weight: f64,
    ) -> f64 {
        species.maxwellian(
            species.sphere_amplitude
                + (species.sheath_amplitude - species.sphere_amplitude) * sheath_weight,
            self.phi(z),
            v,
        )
    }

    /// Electron phase-space density at `z` (d_e) and layer-frame `v`: backgrounds plus the
    /// Harris population, `n_MSH / (d_e Omega_ce)^3`.
    pub fn electron_density(&self, z: f64, v: [f64; 3]) -> f64 {
        self.background_density(&self.plasma.electrons, z, v)
            + self
                .plasma
                .current
                .phase_space_density(self.a_y(z), self.phi(z), v)
    }

    /// Peak current density `max J_y`, `e n_MSH d_e Omega_ce`.
    pub fn peak_current(&self) -> f64 {
        self.profile.j_y.iter().fold(0.0, |m, j| m.max(*j))
    }

    /// The half-thickness of the tanh layer with the same far fields and peak current,
    /// `(|B_-| + B_+) / (2 max J_y)`, d_e.
    pub fn equivalent_half_thickness(&self) -> f64 {
        let b = &self.profile.b_x;
        (b[0].abs() + b[b.len() - 1]) / (2.0 * self.peak_current())
    }
}

/// How far down the orbits through one position with one `v_y` reach
/// ([`SelfConsistentLayer::reach`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Reach {
    /// Thresholds of the species.
    count: usize,
    /// Thresholds above the grid point at or below the position: reached by every orbit.
    above: usize,
    /// Walking down from that point: the highest effective potential so far and the
    /// thresholds reached once the point is passed.
    steps: Vec<(f64, usize)>,
}

impl Reach {
    /// Weight of the magnetosheath amplitude for perpendicular energy `h_perp`: the fraction of
    /// thresholds reached below.
    pub fn weight(&self, h_perp: f64) -> f64 {
        let passed = self
            .steps
            .partition_point(|(highest, _)| *highest <= h_perp);
        let reached = passed
            .checked_sub(1)
            .map_or(self.above, |last| self.steps[last].1);
        reached as f64 / self.count as f64
    }
}

/// Where `B_x` crosses zero, by linear interpolation, in the profile's coordinate.
fn reversal(profile: &Profile) -> f64 {
    let s = profile.source;
    let (b0, b1) = (profile.b_x[s - 1], profile.b_x[s]);
    profile.z[s - 1] + (profile.z[s] - profile.z[s - 1]) * b0 / (b0 - b1)
}

impl ElectronLayer for SelfConsistentLayer {
    fn phase_space_density(&self, z: f64, v: [f64; 3]) -> f64 {
        self.electron_density(z, v)
    }

    fn thermal_speed(&self) -> f64 {
        (2.0 * self.plasma.electrons.temperature).sqrt()
    }

    fn validate(&self) -> Result<(), SmileError> {
        self.parameters.validate()
    }
}
