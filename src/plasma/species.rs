//! A particle species: mass and charge, validated once.

use super::constants::{ELECTRON_MASS, ELEMENTARY_CHARGE, PROTON_MASS};
use super::error::{PlasmaError, positive};

/// A particle species (mass in kg, charge in C).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Species {
    mass_kg: f64,
    charge_c: f64,
}

impl Species {
    /// Electrons: m_e, charge -e.
    pub const ELECTRON: Species = Species {
        mass_kg: ELECTRON_MASS,
        charge_c: -ELEMENTARY_CHARGE,
    };
    /// Protons: m_p, charge +e (the ions of all four papers).
    pub const PROTON: Species = Species {
        mass_kg: PROTON_MASS,
        charge_c: ELEMENTARY_CHARGE,
    };

    /// A species of the given mass (kg) and charge (C).
    ///
    /// # Errors
    /// [`PlasmaError::NonPositive`] for a non-positive mass,
    /// [`PlasmaError::NeutralOrNonFiniteCharge`] for a zero or non-finite charge.
    pub fn new(mass_kg: f64, charge_c: f64) -> Result<Self, PlasmaError> {
        let mass_kg = positive("mass mass_kg", mass_kg)?;
        if !(charge_c.is_finite() && charge_c != 0.0) {
            return Err(PlasmaError::NeutralOrNonFiniteCharge { charge_c });
        }
        Ok(Species { mass_kg, charge_c })
    }

    /// Electrons whose mass is `m_p / mass_ratio`: the reduced mass ratio of PIC runs
    /// (m_i/m_e = 100 in the Shuster and Richard simulations).
    ///
    /// # Errors
    /// [`PlasmaError::NonPositive`] if `mass_ratio` is not positive.
    pub fn pic_electron(mass_ratio: f64) -> Result<Self, PlasmaError> {
        let ratio = positive("mass ratio m_i/m_e", mass_ratio)?;
        Species::new(PROTON_MASS / ratio, -ELEMENTARY_CHARGE)
    }

    /// Mass, kg.
    pub fn mass_kg(&self) -> f64 {
        self.mass_kg
    }

    /// Charge, C (signed).
    pub fn charge_c(&self) -> f64 {
        self.charge_c
    }
}
