//! The products and variable names of MMS Level-2 files that the analyses read (as in
//! pyrfu's `mms_keys.json` and the MMS data products guide).

use super::layout::{Product, Rate};

/// FGM magnetic field: `mmsN_fgm_b_gse_{rate}_l2`, records `[Bx, By, Bz, |B|]`, nT (GSE).
pub fn fgm(probe: u8, rate: Rate) -> (Product, String) {
    let product = Product {
        probe,
        instrument: "fgm",
        rate,
        datatype: None,
    };
    (product, format!("mms{probe}_fgm_b_gse_{}_l2", rate.name()))
}

/// MEC spacecraft position: `mmsN_mec_r_gse`, km (GSE), from the `epht89d` survey files.
pub fn mec_position(probe: u8) -> (Product, String) {
    let product = Product {
        probe,
        instrument: "mec",
        rate: Rate::Survey,
        datatype: Some("epht89d"),
    };
    (product, format!("mms{probe}_mec_r_gse"))
}

/// An FPI species: ions (DIS) or electrons (DES).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Species {
    /// Dual Ion Spectrometers.
    Ions,
    /// Dual Electron Spectrometers.
    Electrons,
}

impl Species {
    /// `dis` or `des`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Ions => "dis",
            Self::Electrons => "des",
        }
    }
}

/// An FPI moment, `mmsN_{dis,des}_{moment}_{rate}`, from the `{dis,des}-moms` files: e.g.
/// `numberdensity` (cm^-3), `bulkv_gse` (km/s), `prestensor_gse` (nPa), `temptensor_gse` (eV).
pub fn fpi_moment(probe: u8, species: Species, rate: Rate, moment: &str) -> (Product, String) {
    let datatype = match species {
        Species::Ions => "dis-moms",
        Species::Electrons => "des-moms",
    };
    let product = Product {
        probe,
        instrument: "fpi",
        rate,
        datatype: Some(datatype),
    };
    (
        product,
        format!("mms{probe}_{}_{moment}_{}", species.code(), rate.name()),
    )
}

/// The FPI electron distribution, `mmsN_des_dist_{rate}` (s^3/cm^6), from the `des-dist`
/// files, with its support variables (`_energy_`, `_phi_`, `_theta_`).
pub fn des_distribution(probe: u8, rate: Rate) -> (Product, String) {
    let product = Product {
        probe,
        instrument: "fpi",
        rate,
        datatype: Some("des-dist"),
    };
    (product, format!("mms{probe}_des_dist_{}", rate.name()))
}

/// FGM magnetic field in despun spacecraft coordinates, `mmsN_fgm_b_dmpa_{rate}_l2`
/// (`[Bx, By, Bz, |B|]`, nT): the frame (to the despinning accuracy) of FPI's sky maps (DBCS).
pub fn fgm_dmpa(probe: u8, rate: Rate) -> (Product, String) {
    let product = Product {
        probe,
        instrument: "fgm",
        rate,
        datatype: None,
    };
    (product, format!("mms{probe}_fgm_b_dmpa_{}_l2", rate.name()))
}
