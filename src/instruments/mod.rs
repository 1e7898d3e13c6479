//! Published numbers of the MMS instruments the papers rely on, typed once with their
//! sources, so that a paper's instrument numbers (energy channels, cadences, counts) are
//! checked against the instrument's own tables rather than extrapolated from rounded values.

mod fpi;

pub use fpi::{
    DES_ENERGIES_BURST_PARITY_0_EV, DES_ENERGIES_BURST_PARITY_1_EV, DES_ENERGIES_FAST_EV,
    des_channel_nearest,
};

/// FPI electron (DES) burst cadence, s (Pollock et al. 2016, doi:10.1007/s11214-016-0245-4).
pub const FPI_DES_BURST_CADENCE_S: f64 = 0.030;
/// FPI ion (DIS) burst cadence, s (Pollock et al. 2016).
pub const FPI_DIS_BURST_CADENCE_S: f64 = 0.150;
/// FPI spectrometers per observatory: four dual electron and four dual ion spectrometers,
/// each dual unit holding two (Pollock et al. 2016).
pub const FPI_SPECTROMETERS_PER_OBSERVATORY: u32 = (4 + 4) * 2;
/// MMS observatories.
pub const OBSERVATORIES: u32 = 4;
/// FGM burst-mode sample rate, Hz (Russell et al. 2016, doi:10.1007/s11214-014-0057-3).
pub const FGM_BURST_RATE_HZ: f64 = 128.0;
/// EDP burst-mode sample rate of the electric field, Hz (Ergun et al. 2016,
/// doi:10.1007/s11214-014-0115-x; Lindqvist et al. 2016, doi:10.1007/s11214-014-0116-9).
pub const EDP_BURST_RATE_HZ: f64 = 8192.0;
