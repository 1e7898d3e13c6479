//! The model's constants (Table 1) and the reading of the mu-term coefficients (Eq. 4).

use super::error::{FluxRopeError, finite, positive};
use crate::plasma::units;

/// The three electron components of Eqs. 2 and 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Component {
    /// Weight `1 + alpha_r - alpha_z`, temperature `T_b`, no drift.
    Background,
    /// Weight `-alpha_r`, temperature `T_r`, rigid rotation at `Omega`.
    Rotation,
    /// Weight `alpha_z`, temperature `T_z`, drift `V` along the axis.
    Axial,
}

impl Component {
    /// The three, in the order of Eq. 2.
    pub const ALL: [Component; 3] = [Component::Background, Component::Rotation, Component::Axial];

    /// Name of the component's mu-term coefficient (`b_b`, `b_r`, `b_z`).
    pub fn coefficient_name(self) -> &'static str {
        match self {
            Component::Background => "b_b",
            Component::Rotation => "b_r",
            Component::Axial => "b_z",
        }
    }
}

/// How the dimensionless `b` of Table 1 multiplies `mu_e = m_e v_perp^2 / (2 B)` in Eq. 4.
///
/// Written out, each reading turns `b mu_e / T` into `a(rho) m_e v_perp^2 / (2T)` with the
/// factor `a` below, so a component's `T_perp/T_par = 1/(1 - a)`. The paper gives `b`
/// without a unit; its need for an iteration ("the magnetic field profile is pre-required")
/// rules out readings in which `B` cancels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MuReading {
    /// `b` in units of the central field `B0z`: `a = b B0z / B(rho)`.
    CentreField,
    /// `b` in units of the local field: `a = b`, so B cancels and no iteration is needed.
    /// The workbook's adopted reading.
    LocalField,
    /// `b` in nanotesla: `a = b (1 nT) / B(rho)`.
    Nanotesla,
    /// `b` in units of the observed background field, 15 nT (Sec. 2): `a = b B_bg / B(rho)`.
    /// Its coefficient is constant and it needs the field profile, as the paper's iteration
    /// implies.
    BackgroundField,
}

impl MuReading {
    /// Every reading, in the order the chapter lists them.
    pub const ALL: [MuReading; 4] = [
        MuReading::CentreField,
        MuReading::LocalField,
        MuReading::Nanotesla,
        MuReading::BackgroundField,
    ];

    /// The reading's place in [`MuReading::ALL`]: the slot of per-reading caches.
    pub fn index(self) -> usize {
        match self {
            MuReading::CentreField => 0,
            MuReading::LocalField => 1,
            MuReading::Nanotesla => 2,
            MuReading::BackgroundField => 3,
        }
    }

    /// Short label for figures and tables.
    pub fn label(self) -> &'static str {
        match self {
            MuReading::CentreField => "b in units of B0z",
            MuReading::LocalField => "b in units of local B",
            MuReading::Nanotesla => "b in nT",
            MuReading::BackgroundField => "b in units of the 15 nT background",
        }
    }

    /// Whether the perpendicular factors depend on the field strength (every reading but
    /// [`MuReading::LocalField`]), so that the mu-terms need the iteration.
    pub fn depends_on_field(self) -> bool {
        self != MuReading::LocalField
    }

    /// The field ratio multiplying `b`: 1, `B0z/B`, `1 nT/B` or `15 nT/B`, for the local field `b_t`
    /// (T) and central field `b0z_t` (T).
    pub fn scale(self, b_t: f64, b0z_t: f64) -> f64 {
        match self {
            MuReading::CentreField => b0z_t / b_t,
            MuReading::LocalField => 1.0,
            MuReading::Nanotesla => units::nanotesla(1.0) / b_t,
            MuReading::BackgroundField => {
                units::nanotesla(super::published::BACKGROUND_FIELD_NT.value) / b_t
            }
        }
    }
}

/// The constants of the generalised Vinogradov et al. (2016) model, SI.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RopeParameters {
    /// `alpha_r`, proportion of the (negative) rotation component.
    pub alpha_r: f64,
    /// `alpha_z`, proportion of the axial component.
    pub alpha_z: f64,
    /// Ion density parameter `n_i`, m^-3 (equal to the ion density at the centre).
    pub n_i_m3: f64,
    /// Field at the centre `B0z`, T.
    pub b0z_t: f64,
    /// Angular velocity `Omega` of the rotation component, rad/s.
    pub omega_rad_s: f64,
    /// Axial drift `V` of the axial component, m/s.
    pub v_axial_ms: f64,
    /// Mu-term coefficients `[b_b, b_r, b_z]`, dimensionless (see [`MuReading`]).
    pub b: [f64; 3],
    /// Background electron temperature `T_eb`, J.
    pub t_b_j: f64,
    /// `tau_r = T_er/T_eb`.
    pub tau_r: f64,
    /// `tau_z = T_ez/T_eb`.
    pub tau_z: f64,
    /// `tau_i = T_i/T_eb`.
    pub tau_i: f64,
}

impl RopeParameters {
    /// Table 1 of Yang et al., converted to SI (Omega read as rad/s, V as km/s).
    pub fn table_1() -> Self {
        use super::sensitivity::{TABLE_1_INPUTS, parameters_from};
        parameters_from(&TABLE_1_INPUTS.map(|quoted| quoted.value))
    }

    /// The same parameters with every b set to zero: the original Vinogradov et al. model.
    pub fn without_mu_terms(self) -> Self {
        RopeParameters {
            b: [0.0; 3],
            ..self
        }
    }

    /// Whether any mu-term is switched on.
    pub fn has_mu_terms(&self) -> bool {
        self.b.iter().any(|b| *b != 0.0)
    }

    /// Checks every constant.
    ///
    /// # Errors
    /// [`FluxRopeError`] naming the first non-physical parameter.
    pub fn validate(&self) -> Result<(), FluxRopeError> {
        for (parameter, value) in [("alpha_r", self.alpha_r), ("alpha_z", self.alpha_z)] {
            if !(value.is_finite() && value >= 0.0) {
                return Err(FluxRopeError::BadCoefficient {
                    parameter,
                    extra: " and non-negative",
                    value,
                });
            }
        }
        if self.background_weight() <= 0.0 {
            return Err(FluxRopeError::NegativeBackground {
                alpha_r: self.alpha_r,
                alpha_z: self.alpha_z,
            });
        }
        positive("ion density n_i_m3 (m^-3)", self.n_i_m3)?;
        positive("central field b0z_t (T)", self.b0z_t)?;
        positive("background temperature t_b_j (J)", self.t_b_j)?;
        positive("tau_r", self.tau_r)?;
        positive("tau_z", self.tau_z)?;
        positive("tau_i", self.tau_i)?;
        finite("omega_rad_s (rad/s)", self.omega_rad_s)?;
        finite("v_axial_ms (m/s)", self.v_axial_ms)?;
        for (component, b) in Component::ALL.iter().zip(self.b) {
            finite(component.coefficient_name(), b)?;
        }
        Ok(())
    }

    /// `1 + alpha_r - alpha_z`, the background component's weight.
    pub fn background_weight(&self) -> f64 {
        1.0 + self.alpha_r - self.alpha_z
    }

    /// Signed weight of a component in Eq. 2 (the rotation component's is negative).
    pub fn weight(&self, component: Component) -> f64 {
        match component {
            Component::Background => self.background_weight(),
            Component::Rotation => -self.alpha_r,
            Component::Axial => self.alpha_z,
        }
    }

    /// Temperature of a component, J.
    pub fn temperature(&self, component: Component) -> f64 {
        self.t_b_j
            * match component {
                Component::Background => 1.0,
                Component::Rotation => self.tau_r,
                Component::Axial => self.tau_z,
            }
    }

    /// Mu-term coefficient of a component.
    pub fn b_coefficient(&self, component: Component) -> f64 {
        self.b[component as usize]
    }

    /// Ion temperature `T_i = tau_i T_eb`, J.
    pub fn ion_temperature(&self) -> f64 {
        self.tau_i * self.t_b_j
    }
}

/// The perpendicular factors `1 - a` of the three components at one radius: `a = b *
/// reading.scale(B)`.
///
/// # Errors
/// [`FluxRopeError::SingularReading`] where a factor is not positive.
pub fn perpendicular_factors(
    params: &RopeParameters,
    reading: MuReading,
    b_t: f64,
    rho_m: f64,
) -> Result<[f64; 3], FluxRopeError> {
    let scale = reading.scale(b_t, params.b0z_t);
    let mut factors = [1.0; 3];
    for (factor, component) in factors.iter_mut().zip(Component::ALL) {
        let b = params.b_coefficient(component);
        // b = 0 is the original model whatever the field (and 0 * inf would be NaN).
        *factor = if b == 0.0 { 1.0 } else { 1.0 - b * scale };
        if !(*factor > 0.0 && factor.is_finite()) {
            return Err(FluxRopeError::SingularReading {
                coefficient: component.coefficient_name(),
                scale,
                factor: *factor,
                rho_km: units::to_km(rho_m),
            });
        }
    }
    Ok(factors)
}

#[cfg(test)]
mod tests {
    use super::MuReading;

    #[test]
    fn each_reading_indexes_its_place_in_the_list() {
        for (place, reading) in MuReading::ALL.into_iter().enumerate() {
            assert_eq!(reading.index(), place, "{reading:?}");
        }
    }
}
