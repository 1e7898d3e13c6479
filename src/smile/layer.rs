//! A one-dimensional asymmetric current layer `B = B_x(z) x`, with an optional normal electric
//! field `E_z(z)`: the fields in which the crescent model's electrons move.
//!
//! Units of the whole `smile` module (PIC units, stated once): lengths in `d_e` of the
//! magnetosheath density, times in `1/Omega_ce` of the magnetosheath field `B_sh`,
//! velocities in `d_e Omega_ce`, fields in `B_sh`, electric fields in `B_sh d_e Omega_ce`,
//! potentials in `m_e (d_e Omega_ce)^2 / e`, densities in the magnetosheath density.
//! [`super::scales::PhysicalScales`] converts to SI and to the units the paper prints.

use super::error::{SmileError, finite, positive};

/// The layer: `B_x` rises from `-1` (magnetosheath, `z -> -inf`) to `R` (magnetosphere,
/// `z -> +inf`) over the half-thickness `delta`; `E_z = E0 sech^2((z - z_E)/w_E)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layer {
    /// `R = B_MSP / B_MSH`.
    pub field_ratio: f64,
    /// Half-thickness `delta` of the tanh profile, d_e.
    pub thickness_de: f64,
    /// Peak normal electric field `E0` (negative: pointing to the magnetosheath), `B_sh d_e Omega_ce`.
    pub normal_field: f64,
    /// Centre `z_E` of the normal field, d_e.
    pub normal_field_centre_de: f64,
    /// Width `w_E` of the normal field, d_e.
    pub normal_field_width_de: f64,
}

/// `ln cosh x` without overflow.
fn ln_cosh(x: f64) -> f64 {
    let a = x.abs();
    a + (-2.0 * a).exp().ln_1p() - std::f64::consts::LN_2
}

impl Layer {
    /// The paper's field ratio 1.37 with the workbook's reference choices: a half-thickness of
    /// 1 d_e and a normal field `E0 = -0.15` (a potential rise of 0.3, about 1.8 T_e/e, toward
    /// the magnetosphere) centred on the reversal with a 1 d_e width.
    pub fn reference() -> Self {
        Layer {
            field_ratio: super::published::FIELD_RATIO.value,
            thickness_de: 1.0,
            normal_field: -0.15,
            normal_field_centre_de: 0.0,
            normal_field_width_de: 1.0,
        }
    }

    /// Checks the parameters.
    ///
    /// # Errors
    /// [`SmileError`] naming the first bad parameter.
    pub fn validate(&self) -> Result<(), SmileError> {
        positive("field_ratio B_MSP/B_MSH", self.field_ratio)?;
        positive("thickness_de (d_e)", self.thickness_de)?;
        positive("normal_field_width_de (d_e)", self.normal_field_width_de)?;
        finite("normal_field", self.normal_field)?;
        finite("normal_field_centre_de (d_e)", self.normal_field_centre_de)?;
        Ok(())
    }

    /// `B_x(z)`, B_sh.
    pub fn b_x(&self, z: f64) -> f64 {
        let r = self.field_ratio;
        0.5 * (r + 1.0) * (z / self.thickness_de).tanh() + 0.5 * (r - 1.0)
    }

    /// `A_y(z)` with `B_x = -dA_y/dz` and `A_y(0) = 0`, B_sh d_e.
    pub fn a_y(&self, z: f64) -> f64 {
        let r = self.field_ratio;
        -(0.5 * (r + 1.0) * self.thickness_de * ln_cosh(z / self.thickness_de)
            + 0.5 * (r - 1.0) * z)
    }

    /// `E_z(z)`.
    pub fn e_z(&self, z: f64) -> f64 {
        let s = 1.0 / ((z - self.normal_field_centre_de) / self.normal_field_width_de).cosh();
        self.normal_field * s * s
    }

    /// Potential `Phi(z)` with `E_z = -dPhi/dz` and `Phi -> 0` at the field's centre.
    pub fn phi(&self, z: f64) -> f64 {
        -self.normal_field
            * self.normal_field_width_de
            * ((z - self.normal_field_centre_de) / self.normal_field_width_de).tanh()
    }

    /// Current density `J_y = dB_x/dz` the field profile needs (Ampère, `mu0` absorbed).
    pub fn required_current(&self, z: f64) -> f64 {
        let s = 1.0 / (z / self.thickness_de).cosh();
        0.5 * (self.field_ratio + 1.0) * s * s / self.thickness_de
    }
}
