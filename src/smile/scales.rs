//! Pressure balance across the PIC layer, and the conversion of PIC units to physical ones.

use super::error::{SmileError, positive};
use crate::plasma::{Species, inertial_length, thermal_speed, units};

/// What pressure balance across the layer implies for the plasma betas, assuming each species
/// has the same temperature on both sides.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PressureBalance {
    /// Total (ion + electron) beta on the magnetosheath side: `(R^2 - 1) / (1 - 1/ratio)`.
    pub beta_sheath: f64,
    /// Total beta on the magnetospheric side: `beta_sheath / (ratio R^2)`.
    pub beta_sphere: f64,
    /// Electron beta on the magnetosheath side: `beta_sheath / (1 + T_i/T_e)`.
    pub electron_beta_sheath: f64,
}

/// Pressure balance `n_sh T (1 + tau) + B_sh^2/2mu0 = n_sp T (1 + tau) + B_sp^2/2mu0` for the
/// density ratio `n_sh/n_sp`, field ratio `R = B_sp/B_sh` and `tau = T_i/T_e`.
pub fn pressure_balance(
    density_ratio: f64,
    field_ratio: f64,
    ion_electron_temperature_ratio: f64,
) -> PressureBalance {
    let beta_sheath = (field_ratio * field_ratio - 1.0) / (1.0 - 1.0 / density_ratio);
    PressureBalance {
        beta_sheath,
        beta_sphere: beta_sheath / (density_ratio * field_ratio * field_ratio),
        electron_beta_sheath: beta_sheath / (1.0 + ion_electron_temperature_ratio),
    }
}

/// The field ratio that balances pressure for a given sheath beta: `sqrt(1 + beta (1 - 1/ratio))`.
pub fn balancing_field_ratio(density_ratio: f64, beta_sheath: f64) -> f64 {
    (1.0 + beta_sheath * (1.0 - 1.0 / density_ratio)).sqrt()
}

/// Physical values of the PIC units: the electron inertial length of a reference density and
/// the thermal speed of a reference electron temperature.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhysicalScales {
    /// Density that one PIC density unit stands for, m^-3.
    pub density_m3: f64,
    /// `d_e` at that density, m.
    pub inertial_length_m: f64,
    /// `sqrt(2 T_e / m_e)`, m/s.
    pub thermal_speed_ms: f64,
}

impl PhysicalScales {
    /// m/s per PIC velocity unit, for a model whose thermal speed is `model_thermal_speed`.
    pub fn velocity_unit_ms(&self, model_thermal_speed: f64) -> f64 {
        self.thermal_speed_ms / model_thermal_speed
    }

    /// s^3/cm^6 per PIC phase-space density unit (`n_MSH / (d_e Omega_ce)^3`).
    pub fn phase_space_density_unit_s3_cm6(&self, model_thermal_speed: f64) -> f64 {
        let per_m6 = self.density_m3 / self.velocity_unit_ms(model_thermal_speed).powi(3);
        per_m6 * 1e-12
    }

    /// d_e in km.
    pub fn inertial_length_km(&self) -> f64 {
        units::to_km(self.inertial_length_m)
    }
}

impl PhysicalScales {
    /// Scales for a reference density `n_cm3` (cm^-3) and electron temperature `t_e_ev` (eV).
    ///
    /// # Errors
    /// [`SmileError::NonPositive`] for a non-positive density or temperature.
    pub fn new(n_cm3: f64, t_e_ev: f64) -> Result<Self, SmileError> {
        let density_m3 = units::per_cm3(positive("reference density n_cm3 (cm^-3)", n_cm3)?);
        let t = units::electronvolt(positive("electron temperature t_e_ev (eV)", t_e_ev)?);
        Ok(PhysicalScales {
            density_m3,
            inertial_length_m: inertial_length(density_m3, Species::ELECTRON)?,
            thermal_speed_ms: thermal_speed(t, Species::ELECTRON)?,
        })
    }
}

/// Physical scales in which the model's density at `z` (d_e) is `n_cm3` (cm^-3) and the
/// electron temperature is `t_e_ev` (eV): how the chapter puts the crescent model in MMS2's
/// units.
///
/// # Errors
/// [`SmileError::NonPositive`] if the model density there, `n_cm3` or `t_e_ev` is not positive.
pub fn physical_scales_at(
    model: &super::CrescentModel,
    z: f64,
    n_cm3: f64,
    t_e_ev: f64,
) -> Result<PhysicalScales, SmileError> {
    let local = super::moments::moments(model, z, super::moments::PLANE_POINTS / 2)?.density;
    PhysicalScales::new(
        n_cm3 / positive("model density at the smile", local)?,
        t_e_ev,
    )
}

/// The three right-hand terms of the electron momentum equation (Eq. 2) as the paper
/// estimates them, in pPa/km: `d(m_e n U)/dt = m_e n U / dt`, `div(m_e n U U) = m_e n U^2 / L`
/// and `div P_e = n dT / L`, from the estimate's inputs in [`super::published`].
pub fn momentum_terms_ppa_per_km() -> [f64; 3] {
    use super::published as paper;
    use crate::plasma::constants::ELECTRON_MASS;
    let n = units::per_cm3(paper::ESTIMATE_DENSITY_CM3.value);
    let (u, l) = (
        units::km(paper::JET_SPEED_KM_S.value),
        units::km(paper::ESTIMATE_SCALE_KM.value),
    );
    // Pa/m to pPa/km: x 1e12 x 1e3.
    [
        ELECTRON_MASS * n * u / paper::JET_DURATION_S.value,
        ELECTRON_MASS * n * u * u / l,
        n * units::electronvolt(paper::TEMPERATURE_RISE_EV.value) / l,
    ]
    .map(|pa_per_m| pa_per_m * 1e15)
}
