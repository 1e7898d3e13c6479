//! Every number the workbook takes from Shuster et al. (2026), typed once, with where it
//! stands in the paper and how precisely it is printed. Model code, figures, tests and
//! claims read them from here.

use crate::claims::{Precision, Quoted};

const fn sig(value: f64, digits: u8, location: &'static str, what: &'static str) -> Quoted {
    Quoted::new(value, Precision::Significant(digits), location, what)
}
const fn exact(value: f64, location: &'static str, what: &'static str) -> Quoted {
    Quoted::new(value, Precision::Exact, location, what)
}

// The order-of-magnitude estimates for Eq. 2 (Results): the inputs are the values the
// estimate assumes, exact for the arithmetic; the results are "on the order of" the printed
// values, which is the precision the paper gives them.
/// Density of the estimates, cm^-3.
pub const ESTIMATE_DENSITY_CM3: Quoted = exact(10.0, "Results", "estimate density");
/// Electron jet speed, km/s.
pub const JET_SPEED_KM_S: Quoted = exact(1000.0, "Results", "jet speed");
/// Duration of the jet, s.
pub const JET_DURATION_S: Quoted = exact(0.1, "Results", "jet duration");
/// Gradient scale, km.
pub const ESTIMATE_SCALE_KM: Quoted = exact(10.0, "Results", "estimate scale");
/// Temperature rise over that scale, eV.
pub const TEMPERATURE_RISE_EV: Quoted = exact(60.0, "Results", "temperature rise");
/// The estimated time-derivative term, pPa/km.
pub const TIME_DERIVATIVE_TERM: Quoted = Quoted::new(0.1, Precision::OrderOfMagnitude, "Results", "d(m n U)/dt");
/// The estimated inertial term, pPa/km.
pub const INERTIAL_TERM: Quoted = Quoted::new(1.0, Precision::OrderOfMagnitude, "Results", "div(m n U U)");
/// The estimated pressure term, pPa/km.
pub const PRESSURE_TERM: Quoted = Quoted::new(10.0, Precision::OrderOfMagnitude, "Results", "div P_e");

/// The maxima the paper reports from MMS for the three terms (Fig. 2d), pPa/km, each "close
/// to" 0.1, 1 and 5.
pub const MEASURED_MAXIMA: [Quoted; 3] =
    [sig(0.1, 1, "Results, Fig. 2d", "max d(m n U)/dt"), sig(1.0, 1, "Results, Fig. 2d", "max div(m n U U)"), sig(5.0, 1, "Results, Fig. 2d", "max div P_e")];

// The MMS event.
/// MMS2 electron density at the EDR, "n_e ~ 7 cm^-3".
pub const MMS_DENSITY_CM3: Quoted = sig(7.0, 1, "Results", "n_e (MMS2)");
/// Electron temperature, which "roughly doubles from 60 eV to 120 eV"; the chapter's physical
/// units take the lower end.
pub const MMS_TEMPERATURE_EV: Quoted = Quoted::new(60.0, Precision::Range { lo: 60.0, hi: 120.0 }, "Results", "T_e");
/// Average spacecraft separation, "approximately 10 km".
pub const SEPARATION_KM: Quoted = sig(10.0, 1, "Results; Discussion", "separation");
/// The separation in d_e in the Results, "roughly 5 d_e".
pub const SEPARATION_RESULTS_DE: Quoted = sig(5.0, 1, "Results", "separation in d_e (Results)");
/// The separation in d_e in the Discussion, "roughly 7 to 10 d_e".
pub const SEPARATION_DISCUSSION_DE: Quoted = Quoted::new(8.5, Precision::Range { lo: 7.0, hi: 10.0 }, "Discussion", "separation in d_e (Discussion)");
/// Width of the PIC smile band, "roughly of width 2 d_e ... from z = 1 d_e to z = 3 d_e"
/// (Results) and "only about 2 d_e" (Discussion).
pub const BAND_WIDTH_DE: Quoted = sig(2.0, 1, "Results, Fig. 3a; Discussion", "band width");
/// The band's edges in z, d_e (Results): the width the Discussion converts to km.
pub const BAND_EDGES_DE: (Quoted, Quoted) = (exact(1.0, "Results, Fig. 3a", "band start"), exact(3.0, "Results, Fig. 3a", "band end"));
/// The same width in km, "roughly 2 or 3 km".
pub const BAND_WIDTH_KM: Quoted = Quoted::new(2.5, Precision::Range { lo: 2.0, hi: 3.0 }, "Discussion", "band width in km");
/// Magnetic structure speed, "approximately 100 km/s".
pub const STRUCTURE_SPEED_KM_S: Quoted = sig(100.0, 1, "Results", "structure speed");
/// Duration of the smile signature, s.
pub const SMILE_DURATION_S: Quoted = sig(0.15, 2, "Results", "smile duration");
/// Lower bound on the smile region's length, km ("= 15 km").
pub const SMILE_LENGTH_KM: Quoted = sig(15.0, 2, "Results", "smile length");
/// That length in d_e, "on the order of 10 d_e".
pub const SMILE_LENGTH_DE: Quoted = Quoted::new(10.0, Precision::OrderOfMagnitude, "Results", "smile length in d_e");
/// FPI-DES cadence, s (Methods: 30 ms).
pub const DES_CADENCE_S: Quoted = exact(0.03, "Methods", "DES cadence");
/// Consecutive DES distributions with a smile.
pub const SMILE_STEPS: Quoted = exact(5.0, "Results", "smile steps");

// The PIC set-up (Methods).
/// Density ratio n_MSH/n_MSP.
pub const DENSITY_RATIO: Quoted = exact(8.0, "Methods", "n_MSH/n_MSP");
/// Field ratio B_MSP/B_MSH "to ensure pressure balance".
pub const FIELD_RATIO: Quoted = sig(1.37, 3, "Methods", "B_MSP/B_MSH");
/// Ion to electron temperature ratio.
pub const TEMPERATURE_RATIO: Quoted = exact(2.0, "Methods", "T_i/T_e");

// The smile in the PIC and in MMS (Results, Figs. 2-3).
/// Crescent gyrophase extent "from roughly 180 deg at z = 2 d_e to 120 deg at z = 3 d_e": the
/// two extents, deg.
pub const CRESCENT_EXTENTS_DEG: (f64, f64) = (180.0, 120.0);
/// The distance between those two positions, d_e.
pub const CRESCENT_NARROWING_DE: Quoted = sig(1.0, 1, "Results, Fig. 3b", "narrowing distance");
/// Velocity of the smile and of its eyes in Fig. 2g, "near 5000 km/s".
pub const SMILE_SPEED_KM_S: Quoted = sig(5000.0, 1, "Results, Fig. 2g", "smile speed");
/// Gradient magnitude at the smile in Fig. 2g, "roughly 4e-28 (s^3/cm^6)/km".
pub const SMILE_GRADIENT: Quoted = sig(4e-28, 1, "Results, Fig. 2g", "smile gradient");
/// Gradient magnitude at the eyes, "roughly -4e-28 (s^3/cm^6)/km".
pub const EYE_GRADIENT: Quoted = sig(-4e-28, 1, "Results, Fig. 2g", "eye gradient");
/// Extent of the PIC smile region along x, "from x = 350 to 380 d_e".
pub const BAND_LENGTH_DE: Quoted = sig(30.0, 1, "Results, Fig. 3a", "band length");
