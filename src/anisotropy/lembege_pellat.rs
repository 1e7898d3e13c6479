//! The generalised Lembège–Pellat current sheet of the PIC-LP run (Richard et al. 2025,
//! Eqs. 13–15; Lembège & Pellat 1982): drifting Maxwellian ions and electrons plus a
//! non-drifting background, with the vector potential A_y(z) from Ampère's law and the
//! electrostatic potential phi from quasi-neutrality.
//!
//! Units are the paper's: lengths in d_i, speeds in V_A0, energies in m_i V_A0^2, fields in
//! B0, densities in n0, so that e = m_i = mu0 = 1 and `B_x = -dA_y/dz`.

use crate::fit::newton_in_bracket;

/// Why an equilibrium could not be built or solved.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EquilibriumError {
    /// Temperatures must be positive and finite.
    #[error("temperature {parameter} must be positive and finite, got {value}")]
    NonPositiveTemperature {
        /// The parameter.
        parameter: &'static str,
        /// The rejected value.
        value: f64,
    },
    /// The background density ratio must be finite and non-negative; drifts finite.
    #[error("{parameter} must be finite (and a density ratio non-negative), got {value}")]
    BadParameter {
        /// The parameter.
        parameter: &'static str,
        /// The rejected value.
        value: f64,
    },
    /// Quasi-neutrality has no root in the search bracket.
    #[error("no quasi-neutral potential found at A_y = {a_y}")]
    NoPotential {
        /// The vector potential where it failed.
        a_y: f64,
    },
    /// The integration range or step is not positive, the step is not below the range, or
    /// the range holds more than [`MAX_STEPS`] steps.
    #[error(
        "integration needs 0 < step < z_max and at most {MAX_STEPS} steps, got step {step}, z_max {z_max}"
    )]
    BadGrid {
        /// Step, d_i.
        step: f64,
        /// Extent, d_i.
        z_max: f64,
    },
}

/// One species of the equilibrium: charge (in e), the current-sheet population's
/// temperature and drift, and the background temperature.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpeciesParameters {
    /// Charge in units of e (+1 ions, -1 electrons).
    pub charge: f64,
    /// Current-sheet temperature T_0, m_i V_A0^2.
    pub temperature: f64,
    /// Background temperature T_b, m_i V_A0^2.
    pub background_temperature: f64,
    /// Drift speed v_D along y, V_A0.
    pub drift: f64,
}

/// The parameters of a Lembège–Pellat sheet.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LembegePellat {
    ions: SpeciesParameters,
    electrons: SpeciesParameters,
    background_ratio: f64,
}

/// The solved sheet on a grid in z >= 0 (the profile is symmetric: B_x odd, the rest even).
#[derive(Debug, Clone, PartialEq)]
pub struct LembegePellatProfile {
    /// z, d_i.
    pub z: Vec<f64>,
    /// A_y, B0 d_i.
    pub a_y: Vec<f64>,
    /// B_x = -dA_y/dz, B0.
    pub b_x: Vec<f64>,
    /// Ion density, n0.
    pub n_i: Vec<f64>,
    /// Electron density, n0 (equal to n_i by construction).
    pub n_e: Vec<f64>,
    /// Current density j_y, e n0 V_A0.
    pub j_y: Vec<f64>,
    /// Electrostatic potential, m_i V_A0^2 / e.
    pub phi: Vec<f64>,
    /// Normal electric field E_z = -dphi/dz, V_A0 B0.
    pub e_z: Vec<f64>,
    /// Thermal pressure P_zz = sum n T, m_i n0 V_A0^2.
    pub p_zz: Vec<f64>,
}

/// The search for the quasi-neutral potential starts at +-(smallest temperature)/e and doubles
/// its half-width until the charge density changes sign, up to this many temperatures.
const POTENTIAL_BRACKET_TEMPERATURES: f64 = 1e3;
/// Absolute accuracy of the potential: below the RK4 truncation error of the profiles.
const POTENTIAL_TOLERANCE: f64 = 1e-13;

/// Most RK4 steps [`LembegePellat::solve`] takes: over ten times the finest grid the workbook
/// uses (14 d_i at 2e-3 d_i, 7000 steps), so work and memory stay bounded (`solve(1e300, 1)`
/// would otherwise loop for ever once the step count saturates, and `solve(1e12, 1e-3)` abort
/// on allocation).
pub const MAX_STEPS: usize = 100_000;

impl LembegePellat {
    /// The PIC-LP parameters of Sec. IV.1.2: n_b/n0 = 1/5, T_i0 = T_ib = 5/12,
    /// T_e0 = T_eb = 1/12, v_iD = 1/3, v_eD = -5/3.
    pub fn paper() -> Self {
        use super::published as paper;
        let (t_i, t_e) = (
            paper::LP_ION_TEMPERATURE.value,
            paper::LP_ELECTRON_TEMPERATURE.value,
        );
        LembegePellat {
            ions: SpeciesParameters {
                charge: 1.0,
                temperature: t_i,
                background_temperature: t_i,
                drift: paper::LP_ION_DRIFT.value,
            },
            electrons: SpeciesParameters {
                charge: -1.0,
                temperature: t_e,
                background_temperature: t_e,
                drift: paper::LP_ELECTRON_DRIFT.value,
            },
            background_ratio: paper::LP_BACKGROUND_RATIO.value,
        }
    }

    /// A sheet with the given species and background density ratio n_b/n0.
    ///
    /// # Errors
    /// [`EquilibriumError`] for non-positive temperatures, a negative background or
    /// non-finite charges and drifts.
    pub fn new(
        ions: SpeciesParameters,
        electrons: SpeciesParameters,
        background_ratio: f64,
    ) -> Result<Self, EquilibriumError> {
        for (parameter, value) in [
            ("T_i0", ions.temperature),
            ("T_ib", ions.background_temperature),
            ("T_e0", electrons.temperature),
            ("T_eb", electrons.background_temperature),
        ] {
            if !(value.is_finite() && value > 0.0) {
                return Err(EquilibriumError::NonPositiveTemperature { parameter, value });
            }
        }
        let finite = [
            ("q_i", ions.charge),
            ("q_e", electrons.charge),
            ("v_iD", ions.drift),
            ("v_eD", electrons.drift),
        ];
        for (parameter, value) in finite {
            if !value.is_finite() {
                return Err(EquilibriumError::BadParameter { parameter, value });
            }
        }
        if !(background_ratio.is_finite() && background_ratio >= 0.0) {
            return Err(EquilibriumError::BadParameter {
                parameter: "n_b/n0",
                value: background_ratio,
            });
        }
        Ok(LembegePellat {
            ions,
            electrons,
            background_ratio,
        })
    }

    /// Current-sheet and background densities of one species at (A_y, phi): the exponentials
    /// of Eqs. 13 and 14.
    fn densities(&self, species: &SpeciesParameters, a_y: f64, phi: f64) -> (f64, f64) {
        let q = species.charge;
        let sheet =
            (-q * phi / species.temperature + q * species.drift * a_y / species.temperature).exp();
        let background = self.background_ratio * (-q * phi / species.background_temperature).exp();
        (sheet, background)
    }

    /// Charge density `sum q n` at (A_y, phi), e n0: the left side of Eq. 14.
    pub fn charge_density(&self, a_y: f64, phi: f64) -> f64 {
        [&self.ions, &self.electrons]
            .iter()
            .map(|s| {
                let (sheet, background) = self.densities(s, a_y, phi);
                s.charge * (sheet + background)
            })
            .sum()
    }

    /// The quasi-neutral potential phi(A_y) (Eq. 14), by Newton's method with the analytic
    /// derivative inside a bracket.
    ///
    /// # Errors
    /// [`EquilibriumError::NoPotential`] if no root lies within +-50 m_i V_A0^2/e.
    pub fn potential(&self, a_y: f64) -> Result<f64, EquilibriumError> {
        self.neutral_potential(a_y, |phi| self.charge_and_slope(a_y, phi))
    }

    /// The charge density at (A_y, phi) and its derivative in phi: every density goes as
    /// `exp(-q phi / T)`, so `d(q n)/dphi = -q^2 n / T`.
    fn charge_and_slope(&self, a_y: f64, phi: f64) -> (f64, f64) {
        [&self.ions, &self.electrons]
            .iter()
            .fold((0.0, 0.0), |(charge, slope), s| {
                let (sheet, background) = self.densities(s, a_y, phi);
                let q = s.charge;
                (
                    charge + q * (sheet + background),
                    slope - q * q * (sheet / s.temperature + background / s.background_temperature),
                )
            })
    }

    /// The root of a charge density that falls monotonically with phi (every species'
    /// density goes as exp(-q phi / T)), in an expanding bracket that never overflows.
    fn neutral_potential(
        &self,
        a_y: f64,
        charge_and_slope: impl Fn(f64) -> (f64, f64),
    ) -> Result<f64, EquilibriumError> {
        let charge = |phi| charge_and_slope(phi).0;
        let temperatures = [
            self.ions.temperature,
            self.ions.background_temperature,
            self.electrons.temperature,
            self.electrons.background_temperature,
        ];
        let smallest = temperatures.iter().copied().fold(f64::INFINITY, f64::min);
        let largest = temperatures.iter().copied().fold(0.0, f64::max);
        let mut half_width = smallest;
        while half_width <= POTENTIAL_BRACKET_TEMPERATURES * largest {
            let (low, high) = (charge(-half_width), charge(half_width));
            if !(low.is_finite() && high.is_finite()) {
                break;
            }
            if low * high <= 0.0 {
                return newton_in_bracket(
                    &charge_and_slope,
                    -half_width,
                    half_width,
                    0.0,
                    POTENTIAL_TOLERANCE,
                )
                .map_err(|_| EquilibriumError::NoPotential { a_y });
            }
            half_width *= 2.0;
        }
        Err(EquilibriumError::NoPotential { a_y })
    }

    /// Current density `j_y = sum q n_0 v_D exp(...)` (Eq. 13's source), e n0 V_A0.
    ///
    /// # Errors
    /// As [`LembegePellat::potential`].
    pub fn current(&self, a_y: f64) -> Result<f64, EquilibriumError> {
        let phi = self.potential(a_y)?;
        Ok([&self.ions, &self.electrons]
            .iter()
            .map(|s| s.charge * s.drift * self.densities(s, a_y, phi).0)
            .sum())
    }

    /// Ion density, thermal pressure `P_zz = sum n T`, and potential at A_y.
    fn moments(&self, a_y: f64) -> Result<(f64, f64, f64), EquilibriumError> {
        let phi = self.potential(a_y)?;
        let (ion_sheet, ion_background) = self.densities(&self.ions, a_y, phi);
        let (electron_sheet, electron_background) = self.densities(&self.electrons, a_y, phi);
        let pressure = ion_sheet * self.ions.temperature
            + ion_background * self.ions.background_temperature
            + electron_sheet * self.electrons.temperature
            + electron_background * self.electrons.background_temperature;
        Ok((ion_sheet + ion_background, pressure, phi))
    }

    /// Solves Ampère's law `d^2 A_y/dz^2 = -j_y(A_y)` (Eq. 13) outward from the centre with
    /// `A_y(0) = 0` (the x = 0 field line of Eq. 15) and `dA_y/dz(0) = 0`, by fourth-order
    /// Runge–Kutta with step `step` (d_i) up to `z_max` (d_i).
    ///
    /// # Errors
    /// [`EquilibriumError::BadGrid`], or a failed potential.
    pub fn solve(&self, z_max: f64, step: f64) -> Result<LembegePellatProfile, EquilibriumError> {
        if !(step.is_finite()
            && z_max.is_finite()
            && step > 0.0
            && step < z_max
            && z_max / step <= MAX_STEPS as f64)
        {
            return Err(EquilibriumError::BadGrid { step, z_max });
        }
        let steps = (z_max / step).round() as usize;
        // State (A, dA/dz); an RK4 step of the autonomous system A' = u, u' = -j(A).
        let derivative =
            |a: f64, u: f64| -> Result<[f64; 2], EquilibriumError> { Ok([u, -self.current(a)?]) };
        let (mut a, mut u) = (0.0, 0.0);
        let mut profile = LembegePellatProfile {
            z: Vec::with_capacity(steps + 1),
            a_y: Vec::new(),
            b_x: Vec::new(),
            n_i: Vec::new(),
            n_e: Vec::new(),
            j_y: Vec::new(),
            phi: Vec::new(),
            e_z: Vec::new(),
            p_zz: Vec::new(),
        };
        for index in 0..=steps {
            let (n, p, phi) = self.moments(a)?;
            profile.z.push(index as f64 * step);
            profile.a_y.push(a);
            profile.b_x.push(-u);
            profile.n_i.push(n);
            profile.n_e.push(n);
            profile.j_y.push(self.current(a)?);
            profile.phi.push(phi);
            profile.p_zz.push(p);
            [a, u] = crate::ode::rk4_step(0.0, step, &[a, u], |_, &[a, u]| derivative(a, u))?;
        }
        // E_z = -dphi/dz = -(dphi/dA) dA/dz, with dphi/dA from centred differences of phi(A).
        profile.e_z = profile
            .a_y
            .iter()
            .zip(&profile.b_x)
            .map(|(&a, &b_x)| {
                let h = 1e-6;
                let slope = (self.potential(a + h)? - self.potential(a - h)?) / (2.0 * h);
                Ok(slope * b_x) // -dphi/dz = -(dphi/dA)(dA/dz) = (dphi/dA) B_x
            })
            .collect::<Result<_, EquilibriumError>>()?;
        Ok(profile)
    }

    /// The lobe field implied by pressure balance, `B_lobe = sqrt(2 (P_zz(0) - P_zz(A -> -inf)))`
    /// (B0 units): with the paper's parameters it must be 1 for the normalisation to hold.
    ///
    /// # Errors
    /// As [`LembegePellat::potential`].
    pub fn lobe_field(&self) -> Result<f64, EquilibriumError> {
        let centre = self.moments(0.0)?.1;
        Ok((2.0 * (centre - self.background_pressure()?))
            .max(0.0)
            .sqrt())
    }

    /// Pressure far from the sheet, where A_y -> -inf has switched the drifting populations off
    /// and only the (quasi-neutral) background is left.
    fn background_pressure(&self) -> Result<f64, EquilibriumError> {
        if self.background_ratio == 0.0 {
            return Ok(0.0);
        }
        let species = [&self.ions, &self.electrons];
        let background = |s: &SpeciesParameters, phi: f64| {
            self.background_ratio * (-s.charge * phi / s.background_temperature).exp()
        };
        let charge_and_slope = |phi| {
            species.iter().fold((0.0, 0.0), |(charge, slope), s| {
                let n = background(s, phi);
                (
                    charge + s.charge * n,
                    slope - s.charge * s.charge * n / s.background_temperature,
                )
            })
        };
        let phi = self.neutral_potential(f64::NEG_INFINITY, charge_and_slope)?;
        Ok(species
            .iter()
            .map(|s| background(s, phi) * s.background_temperature)
            .sum())
    }
}

impl LembegePellatProfile {
    /// Field-line curvature parameter `kappa = sqrt(R_c / rho_i)` for a normal field
    /// `b_z` (B0 units, the epsilon of Eq. 15) and ion temperature `t_i` (m_i V_A0^2):
    /// `R_c = B^3 / (B_z^2 dB_x/dz)`, `rho_i = sqrt(2 T_i) / B`, with `dB_x/dz = j_y`.
    pub fn kappa(&self, b_z: f64, t_i: f64) -> Vec<f64> {
        self.b_x
            .iter()
            .zip(&self.j_y)
            .map(|(&b_x, &j_y)| {
                let b = (b_x * b_x + b_z * b_z).sqrt();
                let radius = b.powi(3) / (b_z * b_z * j_y.abs().max(f64::MIN_POSITIVE));
                let gyroradius = (2.0 * t_i).sqrt() / b;
                (radius / gyroradius).sqrt()
            })
            .collect()
    }
}
