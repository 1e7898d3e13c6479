//! The Maxwellian distribution in the workbook's convention, and velocity-space moments by
//! quadrature: the check that `v_th = sqrt(2T/m)` in `f` and `T` in the moments agree.

use crate::plasma::{PlasmaError, Species, thermal_speed};
use std::f64::consts::PI;

/// An isotropic Maxwellian `f(v) = n / (pi^{3/2} v_th^3) exp(-v^2 / v_th^2)`, s^3/m^6, with
/// `v_th = sqrt(2T/m)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Maxwellian {
    density_m3: f64,
    thermal_speed_ms: f64,
}

impl Maxwellian {
    /// A Maxwellian of density `n_m3` (m^-3) and temperature `t_j` (J) for `species`.
    ///
    /// # Errors
    /// [`PlasmaError`] for a non-positive density or temperature.
    pub fn new(n_m3: f64, t_j: f64, species: Species) -> Result<Self, PlasmaError> {
        if !(n_m3.is_finite() && n_m3 > 0.0) {
            return Err(PlasmaError::NonPositive {
                parameter: "density n_m3",
                value: n_m3,
            });
        }
        if !(t_j.is_finite() && t_j > 0.0) {
            return Err(PlasmaError::NonPositive {
                parameter: "temperature t_j",
                value: t_j,
            });
        }
        Ok(Maxwellian {
            density_m3: n_m3,
            thermal_speed_ms: thermal_speed(t_j, species)?,
        })
    }

    /// Thermal speed `sqrt(2T/m)`, m/s: also the most probable speed.
    pub fn thermal_speed_ms(&self) -> f64 {
        self.thermal_speed_ms
    }

    /// Phase-space density at speed `speed_ms` (m/s), s^3/m^6.
    pub fn phase_space_density(&self, speed_ms: f64) -> f64 {
        let w = self.thermal_speed_ms;
        self.density_m3 / (PI.powf(1.5) * w.powi(3)) * (-(speed_ms / w).powi(2)).exp()
    }
}

/// Why a velocity-space moment could not be computed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MomentError {
    /// The upper speed limit of the integration must be positive and finite.
    #[error("speed limit v_max_ms must be positive and finite, got {v_max_ms}")]
    BadSpeedLimit {
        /// The rejected limit, m/s.
        v_max_ms: f64,
    },
    /// The distribution gave a non-finite or negative value, or integrated to zero density.
    #[error("the distribution integrates to a non-physical density ({density_m3} m^-3)")]
    NonPhysicalDensity {
        /// The integrated density.
        density_m3: f64,
    },
}

/// Density and temperature of an isotropic distribution.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IsotropicMoments {
    /// `n = 4 pi int f v^2 dv`, m^-3.
    pub density_m3: f64,
    /// `T = (m / 3n) 4 pi int f v^4 dv` (frame at rest), J.
    pub temperature_j: f64,
}

/// Relative accuracy asked of the double-exponential quadrature: far below any number a
/// paper quotes, far above round-off.
const MOMENT_RELATIVE_ACCURACY: f64 = 1e-11;

/// Density and temperature of an isotropic distribution `f(v)` (s^3/m^6 as a function of
/// speed in m/s), integrated from 0 to `v_max_ms` with double-exponential quadrature.
///
/// # Errors
/// [`MomentError`] for a bad speed limit or a non-physical integrated density.
///
/// ```
/// use mmsbook::maxwellian::{isotropic_moments, Maxwellian};
/// use mmsbook::plasma::{units, Species};
/// let f = Maxwellian::new(units::per_cm3(7.0), units::electronvolt(60.0), Species::ELECTRON).unwrap();
/// let moments = isotropic_moments(|v| f.phase_space_density(v), 12.0 * f.thermal_speed_ms(), Species::ELECTRON).unwrap();
/// assert!((units::to_electronvolt(moments.temperature_j) / 60.0 - 1.0).abs() < 1e-9);
/// ```
pub fn isotropic_moments(
    f: impl Fn(f64) -> f64,
    v_max_ms: f64,
    species: Species,
) -> Result<IsotropicMoments, MomentError> {
    if !(v_max_ms.is_finite() && v_max_ms > 0.0) {
        return Err(MomentError::BadSpeedLimit { v_max_ms });
    }
    // Integrate in u = v / v_max so the integrand's scale does not depend on the unit.
    let moment = |power: i32| {
        let integrand = |u: f64| f(u * v_max_ms) * u.powi(power);
        let rough = quadrature::integrate(integrand, 0.0, 1.0, 1e-3)
            .integral
            .abs();
        let refined = quadrature::integrate(
            integrand,
            0.0,
            1.0,
            MOMENT_RELATIVE_ACCURACY * rough.max(f64::MIN_POSITIVE),
        );
        4.0 * PI * v_max_ms.powi(power + 1) * refined.integral
    };
    let density_m3 = moment(2);
    if !(density_m3.is_finite() && density_m3 > 0.0) {
        return Err(MomentError::NonPhysicalDensity { density_m3 });
    }
    let temperature_j = species.mass_kg() * moment(4) / (3.0 * density_m3);
    Ok(IsotropicMoments {
        density_m3,
        temperature_j,
    })
}
