//! Plasma scales the papers quote, recomputed with [`crate::plasma`]: the first entries of
//! the claims ledger, and a check that the workbook's conventions (thermal speed
//! `sqrt(2T/m)`, CODATA constants) are the papers' conventions too.

use crate::claims::{Claim, ClaimError, Ledger, Paper, Status, Tolerance};
use crate::plasma::{PlasmaError, Species, inertial_length, units};

/// Why the scale claims could not be computed.
#[derive(Debug, thiserror::Error)]
pub enum ScalesError {
    /// A plasma parameter was rejected.
    #[error(transparent)]
    Plasma(#[from] PlasmaError),
    /// A claim was malformed.
    #[error(transparent)]
    Claim(#[from] ClaimError),
}

/// Electron density Shuster et al. use to convert kilometres to d_e (MMS2), cm^-3.
const SHUSTER_ELECTRON_DENSITY_CM3: f64 = 7.0;
/// Average MMS separation of the Shuster et al. event, km.
const SHUSTER_SEPARATION_KM: f64 = 10.0;

/// The scale claims, computed now.
///
/// # Errors
/// [`ScalesError`] only if a constant above were non-physical.
pub fn claims() -> Result<Ledger, ScalesError> {
    let mut ledger = Ledger::new();

    let d_e = inertial_length(units::per_cm3(SHUSTER_ELECTRON_DENSITY_CM3), Species::ELECTRON)?;
    ledger.push(
        Claim::builder("shuster2026.separation_in_de", Paper::Shuster2026)
            .source("Results, MMS event")
            .quantity("10 km spacecraft separation in electron inertial lengths at n_e = 7 cm^-3")
            .published(5.0, "d_e", "roughly, 1 s.f.")
            .reproduced(units::km(SHUSTER_SEPARATION_KM) / d_e)
            .tolerance(Tolerance::rounding(5.0, 1, "the paper gives one significant figure"))
            .status(Status::Reproduced)
            .build()?,
    )?;
    Ok(ledger)
}
